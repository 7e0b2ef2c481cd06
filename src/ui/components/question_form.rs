//! One question while answering: the stem and its options as a radio group
//! (single answer) or checkboxes ("Choose two").

use crate::core::review::ShownQuestion;
use leptos::prelude::*;

/// The question on screen. Its structure is fixed; what is checked follows
/// `chosen`, so choosing never re-renders the form (focus stays put).
#[component]
pub fn QuestionForm(
    /// The question as shown (stem, options in shown order).
    question: ShownQuestion,
    /// The chosen option indices (into the question's own options).
    #[prop(into)]
    chosen: Signal<Vec<u8>>,
    /// Called with an option index when the test-taker picks or unpicks it.
    on_choose: Callback<u8>,
    /// True once the answer is final (checked in practice).
    #[prop(into, optional)]
    locked: Signal<bool>,
) -> impl IntoView {
    let multi = question.choose.is_some();
    let group = format!("answer-{}", question.question);
    // Options are keyed by question and option. Moving to another question
    // then mounts fresh inputs instead of patching the previous question's
    // in place: patching renamed (or re-typed) a still-checked radio into
    // the new group one input at a time, and the browser unchecked the new
    // question's saved answer (issue #12: answers that looked lost).
    let rows: Vec<(String, usize, u8, String)> = question
        .options
        .iter()
        .enumerate()
        .map(|(k, (index, text, _))| {
            (
                format!("{}-{index}", question.question),
                k,
                *index,
                text.clone(),
            )
        })
        .collect();
    let ids = format!("q-{}", question.position);
    let options = view! {
        <For each=move || rows.clone() key=|row| row.0.clone() let((_, k, index, text))>
            {
                let id = format!("{ids}-o{k}");
                let letter = char::from(b'A' + u8::try_from(k).unwrap_or(0));
                view! {
                    <li>
                        <input
                            type=if multi { "checkbox" } else { "radio" }
                            id=id.clone()
                            name=group.clone()
                            value=index.to_string()
                            prop:checked=move || chosen.with(|c| c.contains(&index))
                            prop:disabled=move || locked.get()
                            on:change=move |_| on_choose.run(index)
                        />
                        <label for=id>
                            <span class="option-letter" aria-hidden="true">{letter.to_string()}</span>
                            <span class="option-text">{text}</span>
                        </label>
                    </li>
                }
            }
        </For>
    };
    view! {
        <fieldset class="question">
            <legend class="stem">{question.stem.clone()}</legend>
            <ul class="options" role="list">{options}</ul>
        </fieldset>
    }
}
