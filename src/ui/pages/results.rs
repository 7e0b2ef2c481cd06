//! The results of one attempt.

use crate::core::attempt::Mode;
use crate::core::library::{self, BankError};
use crate::core::link::SharedResult;
use crate::core::practice::Scope;
use crate::core::review::review;
use crate::core::session::Results;
use crate::ui::banks::{loading_view, use_attempt_words, use_bank};
use crate::ui::components::challenge_comparison::ChallengeComparison;
use crate::ui::components::error_panel::error_fallback;
use crate::ui::components::practice_results::PracticeResults;
use crate::ui::components::results_view::ResultsView;
use crate::ui::components::share_box::ShareBox;
use crate::ui::error::AppError;
use crate::ui::pages::exam_start::exam_from;
use crate::ui::platform::{absolute_url, focus_id, reveal, set_title};
use crate::ui::routes;
use crate::ui::state::use_store;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The results page: an estimate's score, range, verdict, domains, plan
/// and review, or a practice session's summary.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let query = use_query_map();
    let store = use_store();
    let estimate = Memo::new(move |_| {
        let aid = query.read().get("a").unwrap_or_default();
        store.with(|s| s.attempt(&aid).is_none_or(|a| a.mode.is_estimate()))
    });
    move || {
        if estimate.get() {
            view! { <EstimateResults/> }.into_any()
        } else {
            view! { <PracticeResults/> }.into_any()
        }
    }
}

/// An exam estimate's results.
#[component]
fn EstimateResults() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let store = use_store();
    let exam_id = Memo::new(move |_| params.read().get("exam").unwrap_or_default());
    let attempt_id = Memo::new(move |_| query.read().get("a").unwrap_or_default());

    // The estimate needs only the bank's index, so it shows before the
    // words of the questions arrive. Ok(None) while the index loads.
    let outcome = Memo::new(move |_| -> Result<Option<Results>, AppError> {
        let exam = exam_from(&exam_id.get())?;
        let aid = attempt_id.get();
        let bank = match use_bank(&exam.id) {
            Ok(bank) => bank,
            Err(BankError::Loading) => return Ok(None),
            Err(e) => return Err(AppError(e.to_string())),
        };
        store.with(|s| {
            let attempt = s.attempt(&aid).ok_or_else(|| {
                AppError("These results are not saved in this browser. Results live only where the diagnostic was taken.".into())
            })?;
            if !attempt.is_finished() {
                return Err(AppError("This diagnostic is not finished yet: answer the questions first.".into()));
            }
            s.results(&aid, exam, &bank).map(Some).map_err(AppError)
        })
    });
    // The explanations follow once their words are here.
    let explained = Memo::new(move |_| {
        let exam = exam_from(&exam_id.get()).ok()?;
        let aid = attempt_id.get();
        match use_attempt_words(&exam.id, &aid) {
            Err(BankError::Loading) => None,
            Err(e) => Some(Err(e.to_string())),
            Ok(bank) => store.with(|s| s.attempt(&aid).map(|a| review(exam, a, &bank))),
        }
    });
    // The score changes only with the attempt; the plan also with its
    // settings. Split, so editing the plan never re-renders the rest.
    let plan = Signal::derive(move || {
        outcome.with(|o| {
            o.as_ref()
                .ok()
                .and_then(Option::as_ref)
                .map(|r| r.plan.clone())
                .unwrap_or_default()
        })
    });
    let fixed = Memo::new(move |_| {
        outcome.with(|o| {
            o.as_ref()
                .map(|r| r.as_ref().map(|r| (r.report.clone(), r.confidence)))
                .map_err(Clone::clone)
        })
    });

    let page = move || -> Result<AnyView, AppError> {
        let Some((report, confidence)) = fixed.get()? else {
            return Ok(loading_view());
        };
        let exam = exam_from(&exam_id.get())?;
        set_title(&format!(
            "Results: {} of 1000 · {} · Cert Diagnostic",
            report.scaled, exam.code
        ));
        let retake = routes::exam(&exam.id);
        let weakest_link = report.weakest.map(|d| {
            view! {
                <a class="button" href=routes::practice(&exam.id, &Scope::Domain(d))>{format!("Practise domain {d}")}</a>
            }
        });
        let (result_link, seed, mode, timing, versus) = store.with_untracked(|s| {
            s.attempt(&attempt_id.get_untracked()).map_or(
                (String::new(), 0, Mode::Diagnostic, None, None),
                |a| {
                    let link = absolute_url(&routes::shared(&SharedResult::of(a)));
                    let timing = a
                        .timer
                        .map(|t| (a.time_used_ms(a.started_ms), t.minutes, a.timed_out));
                    (link, a.seed, a.mode, timing, a.versus.clone())
                },
            )
        });
        let comparison = versus.zip(library::bank(&exam.id).ok()).map(|(versus, bank)| {
            // Right or wrong per question needs only the keys: the
            // comparison shows with the page, never later above it.
            let my_review = store
                .with_untracked(|s| {
                    s.attempt(&attempt_id.get_untracked())
                        .and_then(|a| review(exam, a, &bank).ok())
                })
                .unwrap_or_default();
            view! { <ChallengeComparison exam=exam bank=bank mine=report.clone() my_review=my_review versus=versus/> }
        });
        let challenge = absolute_url(&routes::challenge(&exam.id, seed));
        let timing_note = timing.map(|(used, minutes, timed_out)| {
            let used_min = used.div_ceil(60_000);
            let text = if timed_out {
                format!("Time ran out: it finished at its deadline ({minutes} minutes) with the answers you had given.")
            } else {
                format!("Time used: {used_min} of {minutes} minutes.")
            };
            view! { <p class="panel timing-note" data-testid="time-used">{text}</p> }
        });
        let share = mode.shareable().then(|| view! {
            <section class="panel share" aria-labelledby="share-heading">
                <h2 id="share-heading">"Share"</h2>
                <ShareBox
                    title="This result"
                    explain="Opens these results, worked out from your answers in the link. Nothing is uploaded: the answers travel in the link itself.".to_owned()
                    url=result_link
                    id="share-result"
                />
                <ShareBox
                    title="A challenge"
                    explain=format!("Whoever opens it gets the same 10 {} questions in the same order.", exam.code)
                    url=challenge
                    id="share-challenge"
                />
            </section>
        });
        Ok(view! {
            <section class="intro">
                <p class="eyebrow">{format!("{} {} results", exam.code, mode.noun())}</p>
                <h1 id="page-title" tabindex="-1">{exam.name.clone()}</h1>
            </section>
            {timing_note}
            <nav class="next-actions" aria-label="What next">
                <A href=retake.clone() attr:class="button primary">{mode.again()}</A>
                {weakest_link}
                <a class="button" href="#review" on:click=|ev| { ev.prevent_default(); reveal("review-heading"); }>"Go to the explanations"</a>
            </nav>
            {comparison}
            <ResultsView report=report review=explained plan=plan confidence=confidence/>
            {share}
            <p class="actions"><A href=retake attr:class="button primary">{mode.again()}</A></p>
        }
        .into_any())
    };
    Effect::new(move |_| {
        if fixed.with(|f| matches!(f, Ok(Some(_)))) {
            focus_id("page-title");
        }
    });
    view! { <ErrorBoundary fallback=error_fallback>{page}</ErrorBoundary> }
}
