//! An exam's start page: what the diagnostic covers, and the way in (also
//! for a challenge link, which fixes the questions by its seed).

use crate::core::attempt::Mode;
use crate::core::content::Exam;
use crate::core::library::{self, BankError};
use crate::core::link::parse_challenge;
use crate::ui::banks::{loading_view, use_bank};
use crate::ui::components::error_panel::error_fallback;
use crate::ui::components::practice_exam_start::PracticeExamStart;
use crate::ui::components::readiness_card::ReadinessCard;
use crate::ui::error::AppError;
use crate::ui::platform::{now_ms, random_seed, set_title};
use crate::ui::routes;
use crate::ui::state::use_store;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

/// The exam named in the URL, or an error a test-taker understands.
pub fn exam_from(id: &str) -> Result<&'static Exam, AppError> {
    let catalog = library::catalog().map_err(AppError)?;
    catalog
        .exam(id)
        .ok_or_else(|| AppError(format!("There is no exam \"{id}\" here. It may have been mistyped; pick one from the start page.")))
}

/// Reads a challenge seed (hex) from the query.
fn challenge_seed(raw: Option<String>) -> Result<Option<u64>, AppError> {
    raw.map(|s| {
        parse_challenge(&s)
            .map_err(|e| AppError(format!("{e} You can still start a fresh diagnostic.")))
    })
    .transpose()
}

/// The exam's start page.
#[component]
pub fn ExamStartPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let store = use_store();
    let navigate = use_navigate();

    let page = move || -> Result<_, AppError> {
        let exam = exam_from(&params.read().get("exam").unwrap_or_default())?;
        set_title(&format!("{} diagnostic · Cert Diagnostic", exam.code));
        let seed = challenge_seed(query.read().get("challenge"));
        let in_progress = store.with(|s| {
            s.in_progress_in(&exam.id, &[Mode::Diagnostic, Mode::Challenge])
                .map(|a| routes::question(&exam.id, &a.id.0, a.current))
        });
        let practice_in_progress = store.with(|s| {
            s.in_progress_in(&exam.id, &[Mode::PracticeExam]).map(|a| {
                (
                    routes::question(&exam.id, &a.id.0, a.current),
                    format!("question {} of {}", a.current + 1, a.items.len()),
                )
            })
        });
        // Fetch the questions now, so they are here by the time Start is pressed.
        let bank_state = use_bank(&exam.id);
        let ready = bank_state.is_ok();
        let bank_note = match bank_state {
            Ok(_) => None,
            Err(BankError::Loading) => Some(loading_view()),
            Err(e) => Some(view! { <p class="notice" role="alert">{e.to_string()}</p> }.into_any()),
        };
        let navigate = navigate.clone();
        let start = move |seed: Option<u64>| {
            let Ok(bank) = library::bank(&exam.id) else {
                return;
            };
            let mode = if seed.is_some() {
                Mode::Challenge
            } else {
                Mode::Diagnostic
            };
            let seed = seed.unwrap_or_else(random_seed);
            let id = store.try_update(|s| s.start(exam, bank, seed, mode, now_ms()));
            if let Some(id) = id {
                navigate(&routes::question(&exam.id, &id.0, 0), routes::exact());
            }
        };
        let start_fresh = start.clone();
        let challenge_view = match seed {
            Ok(Some(seed)) => view! {
                <div class="panel challenge">
                    <h2>"You've been challenged"</h2>
                    <p>"Whoever opens this link gets the same 10 questions in the same order. Compare your results afterwards."</p>
                    <button type="button" class="button primary" disabled=!ready on:click=move |_| start(Some(seed))>"Take the challenge"</button>
                </div>
            }.into_any(),
            Ok(None) => ().into_any(),
            Err(e) => view! { <p class="notice" role="alert">{e.to_string()}</p> }.into_any(),
        };
        let duration = exam.minutes.map_or_else(
            || exam.minutes_note.clone().unwrap_or_default(),
            |m| format!("{m} minutes"),
        );
        Ok(view! {
            <section class="intro">
                <p class="eyebrow">{format!("{} · {}", exam.code, exam.level)}</p>
                <h1 id="page-title" tabindex="-1">{exam.name.clone()}</h1>
                <p class="lede">
                    "10 questions, spread over the domains by their exam weight. About 10–15 minutes. "
                    "The domain is not shown while you answer, as on the real exam."
                </p>
            </section>
            {challenge_view}
            {bank_note}
            <div class="panel">
                <h2>"Diagnostic"</h2>
                <p>{format!("The real exam: {} questions ({} scored) · {} · passing score {} on a 100–1000 scale.",
                    exam.questions_total, exam.questions_scored, duration, exam.pass_score)}</p>
                <table class="domains compact">
                    <thead><tr><th scope="col">"Domain"</th><th scope="col">"Weight"</th></tr></thead>
                    <tbody>
                        {exam.domains.iter().map(|d| view! {
                            <tr><th scope="row">{format!("{} {}", d.number, d.name)}</th><td>{format!("{}%", d.weight)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <div class="actions">
                    {in_progress.clone().map(|href| view! { <a class="button primary" href=href>"Resume your diagnostic"</a> })}
                    <button type="button" class="button" class:primary=in_progress.is_none() disabled=!ready
                        on:click=move |_| start_fresh(None)>
                        {if in_progress.is_some() { "Start a new diagnostic" } else { "Start the diagnostic" }}
                    </button>
                </div>
            </div>
            <PracticeExamStart exam=exam ready=ready resume=practice_in_progress/>
            <ReadinessCard exam=exam/>
        })
    };
    view! { <ErrorBoundary fallback=error_fallback>{page}</ErrorBoundary> }
}
