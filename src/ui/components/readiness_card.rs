//! Readiness: one estimate from every first answer this browser has given
//! (scoring.md §9), or how much more evidence each domain needs.

use crate::core::content::Exam;
use crate::core::readiness::{readiness, Readiness, HALF_LIFE_DAYS, MIN_PER_DOMAIN};
use crate::core::scoring::Verdict;
use crate::core::text::count;
use crate::ui::banks::use_bank;
use crate::ui::platform::now_ms;
use crate::ui::state::use_store;
use leptos::prelude::*;

/// "1 answer", "3 answers".
fn answers(n: usize) -> String {
    count(n, "answer", "answers")
}

/// The readiness card of `exam`.
#[component]
pub fn ReadinessCard(
    /// The exam.
    exam: &'static Exam,
) -> impl IntoView {
    let store = use_store();
    let heading = format!("readiness-{}", exam.id);
    let body = move || {
        let Ok(bank) = use_bank(&exam.id) else {
            return view! { <p class="muted">"Loading the questions…"</p> }.into_any();
        };
        let r = store.with(|s| readiness(exam, &bank, &s.first_answers, now_ms()));
        match r {
            Readiness::NeedMore(domains) => {
                let rows = domains
                    .into_iter()
                    .map(|d| {
                        let state = if d.needed == 0 {
                            format!("{} — enough", answers(d.answers))
                        } else {
                            format!("{} — {} more needed", answers(d.answers), d.needed)
                        };
                        view! { <li><span class="domain-name">{format!("{} {}", d.number, d.name)}</span>": "<span data-testid="readiness-need">{state}</span></li> }
                    })
                    .collect_view();
                view! {
                    <p>{format!(
                        "Not enough evidence yet. The estimate pools the first answer you give to each question, in any mode; it appears once every domain has at least {MIN_PER_DOMAIN} answers."
                    )}</p>
                    <ul class="readiness-needs" role="list">{rows}</ul>
                }
                .into_any()
            }
            Readiness::Estimate {
                report,
                n_eff,
                answers: count,
            } => {
                let class = match report.verdict {
                    Verdict::LikelyToPass => "verdict pass",
                    Verdict::Borderline => "verdict borderline",
                    Verdict::NotYet => "verdict not-yet",
                };
                let weakest = report
                    .weakest
                    .and_then(|d| report.domains.iter().find(|r| r.number == d))
                    .map(|d| {
                        format!(
                            "Weakest domain: {} {} ({} scaled points at stake).",
                            d.number, d.name, d.points_at_stake
                        )
                    });
                view! {
                    <p class="score-line">
                        <span class="score" data-testid="readiness-score">{report.scaled}</span>
                        <span class="scale">" on the 100–1000 scale"</span>
                    </p>
                    <p class="range">"Likely range: "<strong data-testid="readiness-range">{format!("{}–{}", report.low, report.high)}</strong>
                        {format!(" · pass line {}", report.pass_score)}</p>
                    <p class=class data-testid="readiness-verdict">{report.verdict.to_string()}</p>
                    {weakest.map(|w| view! { <p>{w}</p> })}
                    <p class="muted">{format!(
                        "From {} (first answers only; an answer counts half after {HALF_LIFE_DAYS:.0} days), worth {n_eff:.0} equally weighted answers.",
                        answers(count)
                    )}</p>
                }
                .into_any()
            }
        }
    };
    view! {
        <section class="panel readiness" aria-labelledby=heading.clone() data-testid="readiness">
            <h2 id=heading.clone()>{format!("{} readiness", exam.code)}</h2>
            {body}
        </section>
    }
}
