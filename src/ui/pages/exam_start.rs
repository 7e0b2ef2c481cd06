//! An exam's start page: what the diagnostic covers, and the way in (also
//! for a challenge link, which fixes the questions by its seed).

use crate::core::attempt::Mode;
use crate::core::content::Exam;
use crate::core::library::{self, BankError};
use crate::core::link::parse_challenge;
use crate::core::link::SharedResult;
use crate::ui::banks::use_bank;
use crate::ui::components::error_panel::error_fallback;
use crate::ui::components::practice_exam_start::PracticeExamStart;
use crate::ui::components::practice_start::PracticeStart;
use crate::ui::components::readiness_card::ReadinessCard;
use crate::ui::error::AppError;
use crate::ui::platform::{focus_id, now_ms, random_seed, set_title};
use crate::ui::routes;
use crate::ui::state::use_store;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map, use_query_map};

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

    let location = use_location();
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
        let loading = bank_state == Err(BankError::Loading);
        let bank_note = match bank_state {
            Ok(_) => None,
            // Beside the Start button, where it moves nothing when it goes.
            Err(BankError::Loading) => None,
            Err(e) => Some(view! { <p class="notice" role="alert">{e.to_string()}</p> }.into_any()),
        };
        let navigate = navigate.clone();
        // A challenge opened from a friend's shared result carries it in
        // the fragment: kept with the attempt, to compare with afterwards.
        let versus = location
            .hash
            .get()
            .trim_start_matches('#')
            .parse::<SharedResult>()
            .ok()
            .filter(|l| l.exam == exam.id && seed.as_ref().is_ok_and(|s| *s == Some(l.seed)))
            .map(|l| l.to_string());
        let versus_shown = versus.is_some();
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
            let versus = versus.clone().filter(|_| mode == Mode::Challenge);
            let id = store.try_update(|s| {
                let id = s.start(exam, &bank, seed, mode, now_ms());
                if let Some(a) = s.attempt_mut(&id.0) {
                    a.versus = versus;
                }
                id
            });
            if let Some(id) = id {
                navigate(&routes::question(&exam.id, &id.0, 0), routes::exact());
            }
        };
        let start_fresh = start.clone();
        let challenged = matches!(seed, Ok(Some(_)));
        let challenge_view = match seed {
            Ok(Some(seed)) => view! {
                <div class="panel challenge">
                    <h2>"You've been challenged"</h2>
                    <p>{if versus_shown {
                        "You get the same 10 questions in the same order as the friend who shared it. When you finish, the two results are shown side by side."
                    } else {
                        "Whoever opens this link gets the same 10 questions in the same order. Share your result back when you finish, and compare."
                    }}</p>
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
                    // On a challenge, the challenge is the one obvious action:
                    // starting a different set is said for what it is.
                    <button type="button" class=if challenged { "link-button" } else { "button" }
                        class:primary=in_progress.is_none() && !challenged disabled=!ready
                        on:click=move |_| start_fresh(None)>
                        {match (challenged, in_progress.is_some()) {
                            (true, _) => "Or start your own diagnostic instead (different questions)",
                            (false, true) => "Start a new diagnostic",
                            (false, false) => "Start the diagnostic",
                        }}
                    </button>
                    {loading.then(|| view! { <span class="loading muted" role="status">"Loading the questions…"</span> })}
                </div>
            </div>
            <PracticeExamStart exam=exam ready=ready resume=practice_in_progress/>
            <PracticeStart exam=exam/>
            <ReadinessCard exam=exam/>
        })
    };
    // Keyboard and screen-reader users start at the page's heading.
    Effect::new(move |_| {
        params.track();
        focus_id("page-title");
    });
    view! { <ErrorBoundary fallback=error_fallback>{page}</ErrorBoundary> }
}
