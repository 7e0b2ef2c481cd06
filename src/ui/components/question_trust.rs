//! Under each explained question: whether it was revised since it was
//! answered, when its facts were last checked, and a way to report a
//! problem with it (issue 18).

use crate::core::review::ReviewItem;
use crate::ui::components::report_problem::ReportProblem;
use crate::ui::routes;
use leptos::prelude::*;

/// The revision note, the checked date and "Report a problem".
#[component]
pub fn QuestionTrust(
    /// The explained question.
    item: ReviewItem,
) -> impl IntoView {
    let revised = item.revised.clone().map(|r| {
        view! {
            <p class="note revised" data-testid="revised">
                {format!(
                    "This question was revised on {} after it was answered ({}). What you see here is the question as it was asked then. ",
                    r.on.long(),
                    r.why.trim_end_matches('.')
                )}
                <a href=routes::correction(&item.question)>"See the corrections"</a>
            </p>
        }
    });
    let checked = item.checked.map(|d| {
        view! {
            <p class="checked" data-testid="checked">{format!("Checked on {} against AWS documentation.", d.long())}</p>
        }
    });
    view! {
        <div class="question-trust">
            {revised}
            {checked}
            <ReportProblem item=item/>
        </div>
    }
}
