//! Every question of an attempt, with why each option is right or wrong.

use crate::core::review::ReviewItem;
use crate::ui::banks::loading_view;
use crate::ui::components::option_explanations::OptionExplanations;
use crate::ui::components::question_trust::QuestionTrust;
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
    /// Whose answers these are: "Your answer", or "Their answer" on a
    /// shared result.
    #[prop(default = "Your answer")]
    whose: &'static str,
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
            view! { <Show when=visible><ReviewCard item=item.clone() whose=whose/></Show> }
        })
        .collect_view();
    view! {
        <section class="panel review" aria-labelledby="review-heading" id="review">
            <details class="review-details" open>
            <summary><h2 id="review-heading">"Every question, explained"</h2></summary>
            <div class="filters" role="group" aria-label="Show questions">
                {button(ReviewFilter::All, format!("All ({})", counts.0))}
                {button(ReviewFilter::Incorrect, format!("Incorrect ({})", counts.1))}
                {button(ReviewFilter::Flagged, format!("Flagged ({})", counts.2))}
            </div>
            <ol class="review-list" role="list">{rendered}</ol>
            </details>
        </section>
    }
}

/// The review's place while its questions' words are on their way (or
/// could not be loaded): the same section and heading, so the page's
/// "Go to the explanations" link always has somewhere to go.
#[component]
pub fn ReviewPending(
    /// Why the words could not be loaded; `None` while they are loading.
    failed: Option<String>,
) -> impl IntoView {
    let status = match failed {
        None => loading_view(),
        Some(why) => view! { <p role="alert">{why}</p> }.into_any(),
    };
    view! {
        <section class="panel review" aria-labelledby="review-heading" id="review">
            <h2 id="review-heading">"Every question, explained"</h2>
            {status}
        </section>
    }
}

/// A search of AWS's documentation for a page title (the bank names pages
/// by title, which outlives their URLs).
fn docs_search(title: &str) -> String {
    let q: String = title
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("https://docs.aws.amazon.com/search/doc-search.html?searchPath=documentation&searchQuery={q}")
}

/// One reviewed question.
#[component]
fn ReviewCard(
    /// The question with its answers and explanations.
    item: ReviewItem,
    /// Whose answer it is.
    whose: &'static str,
) -> impl IntoView {
    let partly = !item.correct
        && item.choose.is_some()
        && item.options.iter().any(|o| o.correct && o.chosen);
    let status = match (item.answered, item.correct) {
        (_, true) => ("correct", "Correct"),
        (false, _) => ("incorrect", "Not answered (counts as wrong)"),
        (true, false) => ("incorrect", "Incorrect"),
    };
    view! {
        <li class="review-item" id=format!("review-{}", item.position + 1) data-correct=item.correct.to_string()>
            <h3>
                {format!("Question {}", item.position + 1)}
                <span class=format!("status {}", status.0)>{format!(" · {}", status.1)}</span>
                {item.flagged.then(|| view! { <span class="badge">"flagged"</span> })}
                {(!item.scored).then(|| view! { <span class="badge unscored" data-testid="unscored">"unscored: not counted"</span> })}
            </h3>
            <p class="meta">{format!("Domain {} {} · task {} {} · {}", item.domain, item.domain_name, item.task, item.task_title, item.difficulty)}</p>
            <p class="stem">{item.stem.clone()}</p>
            {partly.then(|| view! {
                <p class="note" data-testid="all-or-nothing">"Part of this answer was right, but a multiple-response question counts only when every choice is right: no partial credit, as on the real exam."</p>
            })}
            <OptionExplanations options=item.options.clone() whose=whose/>
            {(!item.references.is_empty()).then(|| view! {
                <p class="read-more" data-testid="read-more">
                    "Read more in AWS's documentation: "
                    {item.references.iter().enumerate().map(|(k, title)| view! {
                        {(k > 0).then_some(" · ")}
                        <a href=docs_search(title) rel="noopener noreferrer" target="_blank">{title.clone()}</a>
                    }).collect_view()}
                </p>
            })}
            <QuestionTrust item=item.clone()/>
        </li>
    }
}
