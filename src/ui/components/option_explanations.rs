//! A question's options after answering: which was chosen, which is right,
//! and why each option is right or wrong.

use crate::core::review::ReviewOption;
use leptos::prelude::*;

/// The options with their marks and explanations.
#[component]
pub fn OptionExplanations(
    /// The options, in the order they were shown.
    options: Vec<ReviewOption>,
    /// Whose answer it is: "Your answer", or "Their answer" on a shared result.
    #[prop(default = "Your answer")]
    whose: &'static str,
) -> impl IntoView {
    let rows = options
        .into_iter()
        .map(|o| {
            let mark = match (o.correct, o.chosen) {
                (true, true) => format!("{whose} · correct"),
                (true, false) => "Correct answer".to_owned(),
                (false, true) => format!("{whose} · wrong"),
                (false, false) => String::new(),
            };
            view! {
                <li class:correct=o.correct class:chosen=o.chosen>
                    <p class="option-text">
                        {o.text}
                        {(!mark.is_empty()).then(|| view! { <span class="mark">{format!(" — {mark}")}</span> })}
                    </p>
                    <p class="why">{o.why}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="review-options" role="list">{rows}</ul> }
}
