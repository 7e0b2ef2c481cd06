//! After a challenge taken from a friend's shared result: both results side
//! by side, worked out here from the answers in their link. No server.

use crate::core::content::{Bank, Exam};
use crate::core::library;
use crate::core::link::SharedResult;
use crate::core::review::{review, ReviewItem};
use crate::core::scoring::Report;
use crate::core::session::results_of;
use crate::core::store::Store;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

fn percent(a: Option<f64>) -> String {
    a.map_or_else(|| "—".to_owned(), |a| format!("{:.0}%", a * 100.0))
}

/// Your result next to your friend's, per figure, domain and question.
#[component]
pub fn ChallengeComparison(
    /// The exam.
    exam: &'static Exam,
    /// Its bank.
    bank: Arc<Bank>,
    /// This browser's result.
    mine: Report,
    /// This browser's answers, question by question.
    my_review: Vec<ReviewItem>,
    /// The friend's result link (as it was shared).
    versus: String,
) -> impl IntoView {
    let theirs = versus
        .parse::<SharedResult>()
        .map_err(|e| e.to_string())
        .and_then(|link| {
            let catalog = library::catalog()?;
            link.check(catalog, |id| (id == exam.id).then_some(&*bank))
                .map_err(|e| e.to_string())?;
            let attempt = link.to_attempt(&bank);
            let results = results_of(&attempt, exam, &bank, &BTreeSet::new(), &Store::default())?;
            Ok((results, review(exam, &attempt, &bank)?))
        });
    let body = match theirs {
        Err(why) => view! { <p role="alert">{format!("Your friend's result could not be read ({why}).")}</p> }.into_any(),
        Ok((t, their_review)) => {
            let row = |label: String, me: String, them: String| {
                view! { <tr><th scope="row">{label}</th><td>{me}</td><td>{them}</td></tr> }
            };
            let domains = mine
                .domains
                .iter()
                .zip(&t.report.domains)
                .map(|(m, o)| row(format!("{} {}", m.number, m.name), percent(m.accuracy), percent(o.accuracy)))
                .collect_view();
            let questions = my_review
                .iter()
                .map(|q| {
                    let other = their_review.iter().find(|o| o.question == q.question);
                    let mark = |right: bool| if right { "right" } else { "wrong" };
                    row(
                        format!("Question {}", q.position + 1),
                        mark(q.correct).to_owned(),
                        other.map_or_else(|| "—".to_owned(), |o| mark(o.correct).to_owned()),
                    )
                })
                .collect_view();
            view! {
                <div class="table-wrap">
                    <table class="domains compact comparison" data-testid="comparison">
                        <thead><tr><th scope="col"></th><th scope="col">"You"</th><th scope="col">"Your friend"</th></tr></thead>
                        <tbody>
                            {row("Estimate".to_owned(), mine.scaled.to_string(), t.report.scaled.to_string())}
                            {row("Likely range".to_owned(), format!("{}–{}", mine.low, mine.high), format!("{}–{}", t.report.low, t.report.high))}
                            {row("Verdict".to_owned(), mine.verdict.to_string(), t.report.verdict.to_string())}
                            {domains}
                            {questions}
                        </tbody>
                    </table>
                </div>
                <p class="muted">"Share your result back with the link below, so your friend can see it too."</p>
            }
            .into_any()
        }
    };
    view! {
        <section class="panel" aria-labelledby="comparison-heading">
            <h2 id="comparison-heading">"You and your friend, side by side"</h2>
            {body}
        </section>
    }
}
