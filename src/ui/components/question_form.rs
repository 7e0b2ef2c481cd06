//! One question while answering: the stem and its options as a radio group
//! (single answer) or checkboxes ("Choose two").

use crate::core::review::{count_word, ShownQuestion};
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
) -> impl IntoView {
    let multi = question.choose.is_some();
    // One radio group name for every question. Moving to another question
    // patches this form in place; were the name per question, renaming a
    // still-checked radio into the new group would make the browser uncheck
    // the new question's saved answer (issue #12: answers that looked lost).
    let group = "answer".to_owned();
    let ids = format!("q-{}", question.position);
    let hint = question
        .choose
        .map(|n| format!("Choose {}.", count_word(n)));
    let options = question
        .options
        .iter()
        .enumerate()
        .map(|(k, (index, text, _))| {
            let index = *index;
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
                        on:change=move |_| on_choose.run(index)
                    />
                    <label for=id>
                        <span class="option-letter" aria-hidden="true">{letter.to_string()}</span>
                        <span class="option-text">{text.clone()}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="question">
            <legend class="stem">{question.stem.clone()}</legend>
            {hint.map(|h| view! { <p class="choose-hint">{h}</p> })}
            <ul class="options" role="list">{options}</ul>
        </fieldset>
    }
}
