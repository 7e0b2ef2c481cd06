//! A practice session's summary (study.md §1): answers right per task
//! statement, what confidence said, what is due now, and every checked
//! question explained. Never a scaled score.

use crate::core::library::BankError;
use crate::core::practice::Scope;
use crate::core::text::count;
use crate::ui::banks::{loading_view, use_attempt_words};
use crate::ui::components::error_panel::error_fallback;
use crate::ui::components::review_list::ReviewList;
use crate::ui::error::AppError;
use crate::ui::pages::exam_start::exam_from;
use crate::ui::platform::{focus_id, now_ms, set_title};
use crate::ui::routes;
use crate::ui::state::use_store;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The summary of the practice session named in the URL.
#[component]
pub fn PracticeResults() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let store = use_store();
    let page = move || -> Result<AnyView, AppError> {
        let exam = exam_from(&params.read().get("exam").unwrap_or_default())?;
        let aid = query.read().get("a").unwrap_or_default();
        let bank = match use_attempt_words(&exam.id, &aid) {
            Ok(bank) => bank,
            Err(BankError::Loading) => return Ok(loading_view()),
            Err(e) => return Err(AppError(e.to_string())),
        };
        let (summary, review, scope) = store
            .with(|s| {
                let scope = s
                    .attempt(&aid)
                    .and_then(|a| a.scope.clone())
                    .and_then(|sc| sc.parse::<Scope>().ok())
                    .unwrap_or(Scope::All);
                s.practice_results(&aid, exam, &bank, now_ms())
                    .map(|(sum, rev)| (sum, rev, scope))
            })
            .map_err(AppError)?;
        set_title(&format!(
            "Practice summary · {} · Cert Diagnostic",
            exam.code
        ));
        let rows = summary
            .tasks
            .iter()
            .map(|t| {
                view! {
                    <tr>
                        <th scope="row">{format!("{} {}", t.task, t.title)}</th>
                        <td data-testid="task-right">{format!("{} of {}", t.right, t.checked)}</td>
                        <td><a href=routes::practice(&exam.id, &Scope::Task(t.task.clone()))>"Practise this task"</a></td>
                    </tr>
                }
            })
            .collect_view();
        let c = summary.confidence;
        Ok(view! {
            <section class="intro">
                <p class="eyebrow">{format!("{} practice · {}", exam.code, scope.describe(exam))}</p>
                <h1 id="page-title" tabindex="-1">"Practice summary"</h1>
            </section>
            <section class="panel" aria-labelledby="practice-summary-heading">
                <h2 id="practice-summary-heading">{format!("{} of {} checked answers right", summary.right, summary.checked)}</h2>
                <p class="muted">"Practice is for learning, not an exam estimate: it shows no scaled score. Its first answers do count toward your readiness."</p>
                <p data-testid="confidence">{format!(
                    "{} (right, but you were not sure) · {} (wrong while sure: review these first).",
                    count(c.lucky_guesses, "lucky guess", "lucky guesses"),
                    count(c.misconceptions, "misconception", "misconceptions")
                )}</p>
                <p data-testid="due-now">{format!("Due for review now: {}.", count(summary.due_now, "question", "questions"))}</p>
                {summary.unseen.filter(|n| *n > 0).map(|n| view! {
                    <p data-testid="unseen">{format!(
                        "Not yet shown in this browser: {} of {}. More practice of it will show them (a session also leaves out any question that another one in it would give away).",
                        count(n, "question", "questions"),
                        scope.describe(exam).trim_end_matches('.')
                    )}</p>
                })}
                <div class="table-wrap">
                    <table class="domains compact">
                        <caption>"Right per task statement"</caption>
                        <thead><tr><th scope="col">"Task statement"</th><th scope="col">"Right"</th><th scope="col"><span class="visually-hidden">"Practise"</span></th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="actions">
                    <a class="button primary" href=routes::practice(&exam.id, &scope)>"Practise again"</a>
                    {(summary.due_now > 0).then(|| view! {
                        <a class="button" href=routes::practice(&exam.id, &Scope::Due)>{format!("Review what is due ({})", summary.due_now)}</a>
                    })}
                    <a class="button" href=routes::exam(&exam.id)>{format!("Back to {}", exam.code)}</a>
                </p>
            </section>
            <ReviewList items=review/>
        }
        .into_any())
    };
    Effect::new(move |_| focus_id("page-title"));
    view! { <ErrorBoundary fallback=error_fallback>{page}</ErrorBoundary> }
}
