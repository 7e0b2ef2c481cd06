//! Practice's instant feedback: right or wrong at once, with why every
//! option is right or wrong (study.md §1).

use crate::core::review::ReviewItem;
use crate::ui::components::option_explanations::OptionExplanations;
use crate::ui::components::question_trust::QuestionTrust;
use leptos::prelude::*;

/// The verdict on a checked answer and every option's explanation.
#[component]
pub fn AnswerFeedback(
    /// The checked question.
    item: ReviewItem,
) -> impl IntoView {
    let (class, verdict) = if item.correct {
        ("feedback correct", "Correct")
    } else {
        ("feedback incorrect", "Incorrect")
    };
    let note = match (item.correct, item.unsure) {
        (true, true) => {
            Some("Right, though you were not sure: a lucky guess counts as review due sooner.")
        }
        (false, false) => Some("Wrong while sure: a misconception worth reviewing first."),
        _ => None,
    };
    let partly = (!item.correct && item.choose.is_some() && item.options.iter().any(|o| o.correct && o.chosen))
        .then_some("Part of your answer was right, but a multiple-response question counts only when every choice is right.");
    view! {
        <section class=class aria-labelledby="feedback-heading" data-testid="feedback">
            <h2 id="feedback-heading" tabindex="-1">{verdict}</h2>
            {note.map(|n| view! { <p class="muted">{n}</p> })}
            {partly.map(|n| view! { <p class="muted">{n}</p> })}
            <OptionExplanations options=item.options.clone()/>
            <QuestionTrust item=item/>
        </section>
    }
}
