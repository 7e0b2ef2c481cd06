//! The headline of the results: score, range and verdict.

use crate::core::scoring::{Report, Verdict};
use crate::ui::components::score_gauge::ScoreGauge;
use leptos::prelude::*;

/// The estimated scaled score with its likely range, against the pass line.
#[component]
pub fn ScoreSummary(
    /// The scored attempt.
    report: Report,
    /// The heading: "Your estimate", or "This result's estimate" when shared.
    #[prop(default = "Your estimate")]
    heading: &'static str,
) -> impl IntoView {
    let verdict_class = match report.verdict {
        Verdict::LikelyToPass => "verdict pass",
        Verdict::Borderline => "verdict borderline",
        Verdict::NotYet => "verdict not-yet",
    };
    let verdict = report.verdict.to_string();
    view! {
        <section class="panel score-summary" aria-labelledby="score-heading">
            <h2 id="score-heading">{heading}</h2>
            <p class="score-line">
                <span class="score" data-testid="score">{report.scaled}</span>
                <span class="scale">" on the 100–1000 scale"</span>
            </p>
            <p class="range">
                "Likely range: "
                <strong data-testid="range">{format!("{}–{}", report.low, report.high)}</strong>
                {format!(" · pass line {}", report.pass_score)}
            </p>
            <p class=verdict_class role="status" data-testid="verdict">{verdict}</p>
            <ScoreGauge scaled=report.scaled low=report.low high=report.high pass=report.pass_score/>
            <p class="tally">
                {format!(
                    "{} of {} scored questions correct ({} answered). {}",
                    report.correct, report.items, report.answered,
                    if report.items < 30 {
                        "So few questions give a wide range: treat this as a direction, not a verdict."
                    } else {
                        "A full-length form narrows the range; several timed attempts tell more than one."
                    }
                )}
            </p>
        </section>
    }
}
