//! The whole results body for one attempt.

use crate::core::plan::StudyPlan;
use crate::core::review::ReviewItem;
use crate::core::scoring::Report;
use crate::ui::components::domain_table::DomainTable;
use crate::ui::components::how_estimated::HowEstimated;
use crate::ui::components::plan_settings::PlanSettingsForm;
use crate::ui::components::review_list::ReviewList;
use crate::ui::components::score_summary::ScoreSummary;
use crate::ui::components::study_plan::StudyPlanView;
use leptos::prelude::*;

/// Score, domains, plan and review of one attempt.
#[component]
pub fn ResultsView(
    /// The scored attempt.
    report: Report,
    /// Every question with its explanations.
    review: Vec<ReviewItem>,
    /// The study plan; it follows its settings as they are edited.
    #[prop(into)]
    plan: Signal<StudyPlan>,
    /// A shared result: nothing on it changes this browser's data.
    #[prop(optional)]
    read_only: bool,
) -> impl IntoView {
    let (pass, cut) = (report.pass_score, report.raw_cut);
    view! {
        <div class="results">
            <ScoreSummary report=report.clone()/>
            <HowEstimated pass_score=pass raw_cut=cut/>
            <DomainTable report=report/>
            <section class="panel plan" aria-labelledby="plan-heading">
                <h2 id="plan-heading">"Your study plan"</h2>
                // Rendered once, outside the plan, so typing keeps focus.
                <PlanSettingsForm settings=plan.get_untracked().settings read_only=read_only/>
                {move || view! { <StudyPlanView plan=plan.get()/> }}
            </section>
            <ReviewList items=review/>
        </div>
    }
}
