//! The whole results body for one attempt.

use crate::core::plan::StudyPlan;
use crate::core::practice::Confidence;
use crate::core::review::ReviewItem;
use crate::core::scoring::Report;
use crate::core::text::count;
use crate::ui::components::domain_table::DomainTable;
use crate::ui::components::how_estimated::HowEstimated;
use crate::ui::components::plan_settings::PlanSettingsForm;
use crate::ui::components::review_list::{ReviewList, ReviewPending};
use crate::ui::components::score_summary::ScoreSummary;
use crate::ui::components::study_plan::StudyPlanView;
use leptos::prelude::*;

/// Score, domains, plan and review of one attempt.
#[component]
pub fn ResultsView(
    /// The scored attempt.
    report: Report,
    /// Every question with its explanations: `None` while their words are
    /// still arriving, an error when they could not be loaded.
    #[prop(into)]
    review: Signal<Option<Result<Vec<ReviewItem>, String>>>,
    /// The study plan; it follows its settings as they are edited.
    #[prop(into)]
    plan: Signal<StudyPlan>,
    /// A shared result: nothing on it changes this browser's data.
    #[prop(optional)]
    read_only: bool,
    /// What confidence said about the answers (none on a shared result).
    #[prop(optional)]
    confidence: Option<Confidence>,
) -> impl IntoView {
    let (pass, cut) = (report.pass_score, report.raw_cut);
    let practice_links = (!read_only).then(|| report.exam.clone());
    let whose = if read_only {
        "Their answer"
    } else {
        "Your answer"
    };
    let confidence = confidence.map(|c| {
        view! {
            <p class="panel confidence" data-testid="confidence">{format!(
                "{} (right, but you were not sure) · {} (wrong while sure: review these first).",
                count(c.lucky_guesses, "lucky guess", "lucky guesses"),
                count(c.misconceptions, "misconception", "misconceptions")
            )}</p>
        }
    });
    view! {
        <div class="results">
            <ScoreSummary report=report.clone() heading=if read_only { "This result's estimate" } else { "Your estimate" }/>
            {confidence}
            <HowEstimated pass_score=pass raw_cut=cut/>
            <DomainTable report=report practice=practice_links.clone()/>
            <section class="panel plan" aria-labelledby="plan-heading">
                <h2 id="plan-heading">{if read_only { "The study plan" } else { "Your study plan" }}</h2>
                // Rendered once, outside the plan, so typing keeps focus.
                <PlanSettingsForm settings=plan.get_untracked().settings read_only=read_only/>
                {move || view! { <StudyPlanView plan=plan.get() practice=practice_links.clone()/> }}
            </section>
            {move || match review.get() {
                Some(Ok(items)) => view! { <ReviewList items=items whose=whose/> }.into_any(),
                pending => view! { <ReviewPending failed=pending.and_then(Result::err)/> }.into_any(),
            }}
        </div>
    }
}
