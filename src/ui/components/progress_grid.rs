//! The jump grid: every question's number and state.

use leptos::prelude::*;

/// The state of one question in the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub answered: bool,
    pub flagged: bool,
    pub current: bool,
}

/// Numbered buttons, answered / unanswered / flagged at a glance.
#[component]
pub fn ProgressGrid(
    /// One cell per question, in order.
    #[prop(into)]
    cells: Signal<Vec<Cell>>,
    /// Called with the 0-based question to jump to.
    on_jump: Callback<usize>,
) -> impl IntoView {
    view! {
        <nav class="grid-nav" aria-label="Questions">
            <ol class="progress-grid" role="list">
                {move || {
                    cells
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, c)| {
                            let state = match (c.answered, c.flagged) {
                                (true, true) => "answered, flagged",
                                (true, false) => "answered",
                                (false, true) => "unanswered, flagged",
                                (false, false) => "unanswered",
                            };
                            view! {
                                <li>
                                    <button type="button" class="cell" class:answered=c.answered class:flagged=c.flagged
                                        aria-current=c.current.then_some("step")
                                        aria-label=format!("Question {}, {state}", i + 1)
                                        on:click=move |_| on_jump.run(i)>
                                        {(i + 1).to_string()}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </nav>
    }
}
