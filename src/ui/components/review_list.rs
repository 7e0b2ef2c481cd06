//! Every question of an attempt, with why each option is right or wrong.

use crate::core::review::ReviewItem;
use leptos::prelude::*;

/// Which questions the review shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewFilter {
    All,
    Incorrect,
    Flagged,
}

/// The numbered review, filterable.
#[component]
pub fn ReviewList(
    /// The reviewed questions, in attempt order.
    items: Vec<ReviewItem>,
) -> impl IntoView {
    let filter = RwSignal::new(ReviewFilter::All);
    let counts = (
        items.len(),
        items.iter().filter(|i| !i.correct).count(),
        items.iter().filter(|i| i.flagged).count(),
    );
    let button = move |f: ReviewFilter, label: String| {
        view! {
            <button type="button" class="chip" aria-pressed=move || (filter.get() == f).to_string()
                on:click=move |_| filter.set(f)>{label}</button>
        }
    };
    let rendered = items
        .into_iter()
        .map(|item| {
            let (correct, flagged) = (item.correct, item.flagged);
            let visible = move || match filter.get() {
                ReviewFilter::All => true,
                ReviewFilter::Incorrect => !correct,
                ReviewFilter::Flagged => flagged,
            };
            view! { <Show when=visible><ReviewCard item=item.clone()/></Show> }
        })
        .collect_view();
    view! {
        <section class="panel review" aria-labelledby="review-heading">
            <h2 id="review-heading">"Every question, explained"</h2>
            <div class="filters" role="group" aria-label="Show questions">
                {button(ReviewFilter::All, format!("All ({})", counts.0))}
                {button(ReviewFilter::Incorrect, format!("Incorrect ({})", counts.1))}
                {button(ReviewFilter::Flagged, format!("Flagged ({})", counts.2))}
            </div>
            <ol class="review-list" role="list">{rendered}</ol>
        </section>
    }
}

/// One reviewed question.
#[component]
fn ReviewCard(
    /// The question with its answers and explanations.
    item: ReviewItem,
) -> impl IntoView {
    let status = match (item.answered, item.correct) {
        (_, true) => ("correct", "Correct"),
        (false, _) => ("incorrect", "Not answered (counts as wrong)"),
        (true, false) => ("incorrect", "Incorrect"),
    };
    let options = item
        .options
        .into_iter()
        .map(|o| {
            let mark = match (o.correct, o.chosen) {
                (true, true) => "Your answer · correct",
                (true, false) => "Correct answer",
                (false, true) => "Your answer · wrong",
                (false, false) => "",
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
    view! {
        <li class="review-item" id=format!("review-{}", item.position + 1) data-correct=item.correct.to_string()>
            <h3>
                {format!("Question {}", item.position + 1)}
                <span class=format!("status {}", status.0)>{format!(" · {}", status.1)}</span>
                {item.flagged.then(|| view! { <span class="badge">"flagged"</span> })}
                {(!item.scored).then(|| view! { <span class="badge unscored" data-testid="unscored">"unscored: not counted"</span> })}
            </h3>
            <p class="meta">{format!("Domain {} {} · task {} {} · {}", item.domain, item.domain_name, item.task, item.task_title, item.difficulty)}</p>
            <p class="stem">{item.stem}</p>
            <ul class="review-options" role="list">{options}</ul>
        </li>
    }
}
