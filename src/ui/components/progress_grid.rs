//! The jump grid: every question's number and state.

use leptos::prelude::*;

/// The state of one question in the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub answered: bool,
    pub flagged: bool,
    pub current: bool,
    /// Shown at least once (an unanswered question seen, not just ahead).
    pub visited: bool,
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
                            let state = match (c.answered, c.visited, c.flagged) {
                                (true, _, true) => "answered, flagged",
                                (true, _, false) => "answered",
                                (false, true, true) => "not answered, flagged",
                                (false, true, false) => "not answered",
                                (false, false, true) => "not visited, flagged",
                                (false, false, false) => "not visited",
                            };
                            view! {
                                <li>
                                    <button type="button" class="cell" class:answered=c.answered class:flagged=c.flagged class:skipped=c.visited && !c.answered
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
            <ul class="grid-legend" role="list" aria-label="What the cells show">
                <li><span class="cell answered" aria-hidden="true"></span>"Answered"</li>
                <li><span class="cell skipped" aria-hidden="true"></span>"Not answered"</li>
                <li><span class="cell" aria-hidden="true"></span>"Not visited"</li>
                <li><span class="cell flagged" aria-hidden="true"></span>"Flagged"</li>
                <li><span class="cell current-mark" aria-hidden="true"></span>"Current"</li>
            </ul>
        </nav>
    }
}
