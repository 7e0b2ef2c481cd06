//! The study plan: time per domain and the task statements to work on.

use crate::core::plan::StudyPlan;
use crate::core::practice::Scope;
use crate::ui::platform::reveal;
use crate::ui::routes;
use leptos::prelude::*;

/// Time per domain, tasks to study (each linked to the missed question),
/// and the general steps.
#[component]
pub fn StudyPlanView(
    /// The plan to show.
    plan: StudyPlan,
    /// The exam to link "Practise" to, when practice is on offer here.
    #[prop(default = None)]
    practice: Option<String>,
) -> impl IntoView {
    let total = format!("{} hours in all", plan.total_hours);
    let domains = plan
        .domains
        .into_iter()
        .map(|d| {
            let tasks = d
                .tasks
                .into_iter()
                .map(|t| {
                    let label = format!("{} {}", t.task, t.title);
                    let practise = practice.as_ref().map(|exam| view! {
                        " · "<a href=routes::practice(exam, &Scope::Task(t.task.clone()))>"practise"</a>
                    });
                    match t.review_item {
                        Some(i) => view! {
                            <li>
                                {label}
                                " — "
                                <a
                                    href=format!("#review-{}", i + 1)
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        reveal(&format!("review-{}", i + 1));
                                    }
                                >
                                    {format!("review question {}", i + 1)}
                                </a>
                                {practise}
                            </li>
                        }
                        .into_any(),
                        None => view! { <li>{label}<span class="muted">" — not yet covered by a diagnostic"</span>{practise}</li> }.into_any(),
                    }
                })
                .collect_view();
            view! {
                <li class="plan-domain" data-domain=d.number>
                    <h3>
                        {format!("{} {}", d.number, d.name)}
                        <span class="plan-time" data-testid="plan-time">
                            {format!(" {}% · {} h", d.share_percent, d.hours)}
                        </span>
                    </h3>
                    <ul class="tasks">{tasks}</ul>
                </li>
            }
        })
        .collect_view();
    let steps = plan
        .steps
        .into_iter()
        .map(|s| view! { <li>{s}</li> })
        .collect_view();
    view! {
        <div class="plan-body">
            <p class="muted">{total}", shared by exam weight and tilted toward what you missed."</p>
            <ol class="plan-domains">{domains}</ol>
            <h3>"Steps"</h3>
            <ol class="steps">{steps}</ol>
        </div>
    }
}
