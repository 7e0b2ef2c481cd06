//! Every finished attempt, the trend per exam, per-domain averages and
//! lagging domains; delete one attempt or clear everything.

use crate::core::content::Exam;
use crate::core::history::{consistency, exam_history, outcome, Outcome, READY_STREAK};
use crate::core::library;
use crate::core::store::Store;
use crate::ui::banks::use_bank;
use crate::ui::components::backup_panel::BackupPanel;
use crate::ui::components::error_panel::error_fallback;
use crate::ui::components::readiness_card::ReadinessCard;
use crate::ui::components::trend_chart::TrendChart;
use crate::ui::error::AppError;
use crate::ui::persist;
use crate::ui::platform::{focus_id, format_time, set_title};
use crate::ui::routes;
use crate::ui::state::use_store;
use leptos::prelude::*;
use leptos_router::components::A;

/// The history page.
#[component]
pub fn HistoryPage() -> impl IntoView {
    set_title("Your history · Cert Diagnostic");
    let store = use_store();
    let status = RwSignal::new(None::<String>);
    let body = move || -> Result<_, AppError> {
        let catalog = library::catalog().map_err(AppError)?;
        let has_any = store.with(|s| !s.finished().is_empty());
        if !has_any {
            return Ok(view! {
                <section class="panel">
                    <p>"No finished diagnostic yet. Your results will appear here, with a trend once you have two."</p>
                    <p><A href=routes::home() attr:class="button primary">"Choose an exam"</A></p>
                </section>
            }
            .into_any());
        }
        let exams = catalog
            .exams
            .iter()
            .filter(|e| store.with(|s| s.finished().iter().any(|a| a.exam == e.id)))
            .map(|e| view! { <ExamTrend exam=e/><ReadinessCard exam=e/> })
            .collect_view();
        Ok(view! {
            {exams}
            <AttemptTable status=status/>
        }
        .into_any())
    };
    view! {
        <section class="intro">
            <h1 id="page-title" tabindex="-1">"Your history"</h1>
            <p class="muted">"Kept only in this browser."</p>
        </section>
        <p class="status-line" role="status">{move || status.get()}</p>
        <ErrorBoundary fallback=error_fallback>{body}</ErrorBoundary>
        <BackupPanel/>
        <ClearAll status=status/>
    }
}

/// One exam's trend and per-domain averages.
#[component]
fn ExamTrend(
    /// The exam.
    exam: &'static Exam,
) -> impl IntoView {
    let store = use_store();
    move || {
        let (h, c) = store.with(|s| {
            (
                exam_history(exam, &s.attempts),
                consistency(exam, &s.attempts),
            )
        });
        let ready_text = if c.ready {
            format!(
                "Consistently ready: your last {READY_STREAK} timed practice exams all reached {}.",
                exam.practice_line
            )
        } else if c.considered == 0 {
            format!("Consistently ready means your last {READY_STREAK} timed practice exams all reach {} ({}). You have not taken a timed practice exam yet.", exam.practice_line, exam.practice_target)
        } else {
            format!(
                "Not yet consistently ready: {} of your last {} timed practice exam{} reached {}; it takes {READY_STREAK} of the last {READY_STREAK}.",
                c.at_or_above, c.considered, if c.considered == 1 { "" } else { "s" }, exam.practice_line
            )
        };
        let overall = h.overall.map_or_else(String::new, |o| format!("{o:.0}%"));
        let lagging: Vec<String> = h
            .domains
            .iter()
            .filter(|d| d.lagging)
            .map(|d| format!("{} {}", d.number, d.name))
            .collect();
        let rows = h
            .domains
            .iter()
            .map(|d| {
                let avg = d
                    .average
                    .map_or_else(|| "not sampled".to_owned(), |a| format!("{a:.0}%"));
                view! {
                    <tr class:weakest=d.lagging>
                        <th scope="row">
                            {format!("{} {}", d.number, d.name)}
                            {d.lagging.then(|| view! { <span class="badge">"lagging"</span> })}
                        </th>
                        <td data-testid="domain-average">{avg}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="panel exam-history" aria-labelledby=format!("trend-{}", exam.id)>
                <h2 id=format!("trend-{}", exam.id)>{format!("{} · {}", exam.code, crate::core::text::count(h.trend.len(), "attempt", "attempts"))}</h2>
                <TrendChart points=h.trend.clone() pass=exam.pass_score target=exam.practice_line/>
                <p class=if c.ready { "ready-note ready" } else { "ready-note" } data-testid="consistency">{ready_text}</p>
                {(!lagging.is_empty()).then(|| view! {
                    <p class="alert" role="note" data-testid="lagging">
                        {format!(
                            "Lagging: {} — averaging 15 percentage points or more below your overall accuracy of {}. Give it extra time before booking.",
                            lagging.join(", "), overall
                        )}
                    </p>
                })}
                <table class="domains compact">
                    <caption>{format!("Accuracy per domain, averaged over attempts (overall {overall})")}</caption>
                    <thead><tr><th scope="col">"Domain"</th><th scope="col">"Average"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </section>
        }
    }
}

/// One line of the attempts table.
struct Row {
    id: String,
    exam: String,
    kind: String,
    at: u64,
    outcome: Outcome,
}

/// The score, range and verdict cells of one row; a practice session has
/// no score, only its right answers, across the three.
fn cells(outcome: Outcome) -> AnyView {
    match outcome {
        Outcome::Estimate(s) => view! {
            <td class="num">{s.scaled}</td>
            <td>{format!("{}–{}", s.low, s.high)}</td>
            <td>{s.verdict.to_string()}</td>
        }
        .into_any(),
        Outcome::Practice { right, checked } => {
            view! { <td colspan="3">{format!("{right} of {checked} right")}</td> }.into_any()
        }
    }
}

/// Every finished attempt: open or delete.
#[component]
fn AttemptTable(
    /// Where to say what happened.
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let store = use_store();
    let rows = move || {
        // Owned rows first: views must not borrow from inside the store.
        let rows: Vec<Row> = store.with(|s: &Store| {
            s.finished()
                .into_iter()
                .filter_map(|a| {
                    Some(Row {
                        id: a.id.0.clone(),
                        exam: a.exam.clone(),
                        kind: a.kind(),
                        at: a.finished_ms.unwrap_or(a.started_ms),
                        // Practice is graded from its exam's index, which
                        // may still be on its way.
                        outcome: outcome(a, use_bank(&a.exam).ok().as_deref())?,
                    })
                })
                .collect()
        });
        rows.into_iter()
            .map(|Row { id, exam, kind, at, outcome }| {
                let code = library::exam_code(&exam);
                let when = format_time(at);
                let label = format!("Delete the {code} attempt of {when}");
                let del = id.clone();
                view! {
                    <tr>
                        <td>{when}</td>
                        <td>{code}</td>
                        <td data-testid="attempt-kind">{kind}</td>
                        {cells(outcome)}
                        <td class="row-actions">
                            <A href=routes::results(&exam, &id)>"Open"</A>
                            <button type="button" class="link-button" aria-label=label on:click=move |_| {
                                store.update(|s| { s.delete_attempt(&del); });
                                status.set(Some("Attempt deleted.".into()));
                                focus_id("page-title");
                            }>"Delete"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel" aria-labelledby="attempts-heading">
            <h2 id="attempts-heading">"All attempts"</h2>
            <div class="table-wrap">
                <table class="attempts-table">
                    <thead>
                        <tr>
                            <th scope="col">"Date"</th>
                            <th scope="col">"Exam"</th>
                            <th scope="col">"Kind"</th>
                            <th scope="col">"Score"</th>
                            <th scope="col">"Range"</th>
                            <th scope="col">"Verdict"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// Clear all data, after a confirmation.
#[component]
fn ClearAll(
    /// Where to say what happened.
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let store = use_store();
    let confirming = RwSignal::new(false);
    view! {
        <section class="panel danger-zone" aria-labelledby="clear-heading">
            <h2 id="clear-heading">"Clear all data"</h2>
            <p>"Removes every attempt, your study-plan settings and the record of questions seen, from this browser."</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button" on:click=move |_| { confirming.set(true); focus_id("confirm-clear"); }>
                        "Clear all data…"
                    </button>
                }
            >
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-clear">
                    <p id="confirm-clear" tabindex="-1">"Delete everything this site keeps in this browser? This cannot be undone."</p>
                    <button type="button" class="button danger" on:click=move |_| {
                        persist::clear_all();
                        store.set(Store::default());
                        confirming.set(false);
                        status.set(Some("All data cleared.".into()));
                        focus_id("page-title");
                    }>"Yes, clear everything"</button>
                    <button type="button" class="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </div>
            </Show>
        </section>
    }
}
