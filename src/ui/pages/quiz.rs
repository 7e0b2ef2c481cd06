//! Answering the diagnostic: one question per screen, back and next, flag,
//! jump grid, and a review of unanswered and flagged questions before
//! finishing. Every step is stored at once and has its own URL.

use crate::core::attempt::{Attempt, Mode};
use crate::core::content::{Bank, Exam};
use crate::core::library::{self, BankError};
use crate::core::link::parse_challenge;
use crate::core::review::{shown, ShownQuestion};
use crate::ui::banks::{loading_view, prefetch_words, use_bank, use_words};
use crate::ui::components::answer_check::{check_answer, AnswerCheck};
use crate::ui::components::error_panel::error_fallback;
use crate::ui::components::exam_clock::ExamClock;
use crate::ui::components::progress_grid::{Cell, ProgressGrid};
use crate::ui::components::question_form::QuestionForm;
use crate::ui::error::AppError;
use crate::ui::pages::exam_start::exam_from;
use crate::ui::platform::{focus_id, now_ms, random_seed, referrer_param, set_title};
use crate::ui::routes;
use crate::ui::state::use_store;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;
use std::sync::Arc;

/// The quiz page.
#[component]
pub fn QuizPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let store = use_store();
    let exam_id = Memo::new(move |_| params.read().get("exam").unwrap_or_default());
    let attempt_id = Memo::new(move |_| query.read().get("a").unwrap_or_default());
    let reviewing = Memo::new(move |_| query.read().get("review").is_some());
    // `?start=diagnostic` with no attempt: the plain "Start" link of the
    // static first screen, followed before the app had loaded.
    let starting = Memo::new(move |_| {
        let q = query.read();
        q.get("start").as_deref() == Some("diagnostic") && q.get("a").is_none()
    });
    let position = Memo::new(move |_| {
        let asked = query
            .read()
            .get("q")
            .and_then(|q| q.parse::<usize>().ok())
            .and_then(|q| q.checked_sub(1));
        store.with(|s| {
            s.attempt(&attempt_id.get()).map(|a| {
                asked
                    .unwrap_or(a.current)
                    .min(a.items.len().saturating_sub(1))
            })
        })
    });

    // (exam, attempt, position) on screen, once its question's words are
    // here. A memo, so that the screen re-renders when that changes, not
    // each time another piece of the attempt arrives (they are fetched
    // meanwhile, so moving on rarely waits). The screen reads all three
    // only from here: reading `position` too lost updates.
    let ready = Memo::new(
        move |_| -> Result<(String, String, Option<usize>), BankError> {
            let exam = exam_id.get();
            let aid = attempt_id.get();
            let pos = position.get();
            if starting.get() {
                return Err(BankError::Loading);
            }
            // An attempt's questions never change: untracked, so that
            // answering (a store change) does not re-run this.
            // `position` tracks the attempt's arrival in the store.
            let ids = store.with_untracked(|s| {
                s.attempt(&aid)
                    .map(Attempt::question_ids)
                    .unwrap_or_default()
            });
            use_words(&exam, pos.and_then(|p| ids.get(p)).map(String::as_str))?;
            prefetch_words(&exam, ids.iter().map(String::as_str));
            Ok((exam, aid, pos))
        },
    );

    let screen = move || -> Result<AnyView, AppError> {
        let (exam, aid, pos) = match ready.get() {
            Ok(ready) => ready,
            Err(BankError::Loading) => return Ok(loading_view()),
            Err(e) => return Err(AppError(e.to_string())),
        };
        let exam = exam_from(&exam)?;
        let bank = library::bank(&exam.id).map_err(|e| AppError(e.to_string()))?;
        let pos = pos.ok_or_else(|| {
            AppError("This diagnostic is not saved in this browser. Start a new one from the exam's page.".into())
        })?;
        let finished = store.with_untracked(|s| {
            s.attempt(&aid)
                .filter(|a| a.is_finished())
                .map(|a| (a.mode, a.timed_out))
        });
        if let Some((mode, timed_out)) = finished {
            let note = timed_out.then(|| view! {
                <p data-testid="timed-out">"Time ran out: it finished at its deadline with the answers you had given, as the real exam does. Unanswered questions count as wrong."</p>
            });
            return Ok(view! {
                <section class="panel">
                    <h1 id="page-title" tabindex="-1">{format!("This {} is finished", mode.noun())}</h1>
                    {note}
                    <p><a class="button primary" href=routes::results(&exam.id, &aid)>"See the results"</a></p>
                </section>
            }
            .into_any());
        }
        let question = store.with_untracked(|s| {
            s.attempt(&aid)
                .ok_or_else(|| "missing attempt".to_owned())
                .and_then(|a| shown(a, &bank, pos))
        })?;
        set_title(&format!(
            "Question {} of {} · {} · Cert Diagnostic",
            pos + 1,
            question.total,
            exam.code
        ));
        Ok(if reviewing.get() {
            view! { <FinishReview exam=exam bank=bank attempt=aid/> }.into_any()
        } else {
            view! { <QuestionScreen exam=exam bank=bank attempt=aid question=question/> }.into_any()
        })
    };
    let navigate = use_navigate();
    // Sync with the URL: a plain Start link starts the diagnostic once the
    // questions are here, in the link's place in history (so Back goes to
    // the exam's page). After rendering, as navigating while the route
    // renders is not allowed.
    let nav = navigate.clone();
    Effect::new(move |_| {
        if !starting.get() {
            return;
        }
        let Ok(exam) = exam_from(&exam_id.get()) else {
            return;
        };
        let Ok(bank) = use_bank(&exam.id) else {
            return;
        };
        // Followed from a challenge's page, the link starts that challenge.
        let challenge = referrer_param(&routes::exam(&exam.id), "challenge")
            .and_then(|s| parse_challenge(&s).ok());
        let (mode, seed) = challenge.map_or_else(
            || (Mode::Diagnostic, random_seed()),
            |seed| (Mode::Challenge, seed),
        );
        let id = store.try_update(|s| s.start(exam, &bank, seed, mode, now_ms()));
        if let Some(id) = id {
            nav(
                &routes::question(&exam.id, &id.0, 0),
                NavigateOptions {
                    replace: true,
                    ..routes::exact()
                },
            );
        }
    });
    // The clock lives outside the question screens, so that moving between
    // questions never restarts it (nor its spoken warnings).
    let clock = move || {
        let aid = attempt_id.get();
        let exam = exam_id.get();
        let navigate = navigate.clone();
        let id = aid.clone();
        let on_time_up = Callback::new(move |()| {
            let (Ok(e), Ok(bank)) = (exam_from(&exam), library::bank(&exam)) else {
                return;
            };
            let done = store.try_update(|s| s.finish(&id, e, &bank, now_ms()));
            if matches!(done, Some(Ok(_))) {
                navigate(&routes::results(&exam, &id), routes::exact());
            }
        });
        view! { <ExamClock attempt=aid on_time_up=on_time_up/> }
    };
    view! {
        {clock}
        <ErrorBoundary fallback=error_fallback>{screen}</ErrorBoundary>
    }
}

/// Moves to a question (stored, and in the URL). `navigate` is taken at
/// set-up: event listeners run outside the component's reactive owner.
fn go_to(
    store: RwSignal<crate::core::store::Store>,
    navigate: &impl Fn(&str, NavigateOptions),
    exam: &str,
    attempt: &str,
    i: usize,
) {
    store.update(|s| s.show(attempt, i, now_ms()));
    navigate(&routes::question(exam, attempt, i), routes::exact());
}

/// One question with its controls.
#[component]
fn QuestionScreen(
    /// The exam being taken.
    exam: &'static Exam,
    /// Its bank.
    bank: Arc<Bank>,
    /// The attempt id.
    attempt: String,
    /// The question on screen.
    question: ShownQuestion,
) -> impl IntoView {
    let store = use_store();
    let pos = question.position;
    let total = question.total;
    let note = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let Some(q) = bank.question(&question.question).cloned() else {
        return view! { <p role="alert">"This question is no longer in the bank."</p> }.into_any();
    };

    let aid = attempt.clone();
    let chosen = Signal::derive(move || {
        store.with(|s| {
            s.attempt(&aid)
                .and_then(|a| a.answers.get(pos).cloned())
                .unwrap_or_default()
        })
    });
    let aid = attempt.clone();
    let checked = Signal::derive(move || {
        store.with(|s| s.attempt(&aid).is_some_and(|a| a.checked_at(pos).is_some()))
    });
    let aid = attempt.clone();
    let flagged = Signal::derive(move || {
        store.with(|s| {
            s.attempt(&aid)
                .and_then(|a| a.flagged.get(pos).copied())
                .unwrap_or(false)
        })
    });
    let aid = attempt.clone();
    let cells = Signal::derive(move || {
        store.with(|s| {
            s.attempt(&aid)
                .map(|a| {
                    (0..a.items.len())
                        .map(|i| Cell {
                            answered: a.is_answered(i),
                            flagged: a.flagged.get(i).copied().unwrap_or(false),
                            current: i == pos,
                            visited: i == pos
                                || a.items
                                    .get(i)
                                    .is_some_and(|it| s.seen.contains_key(&it.question)),
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });

    let aid = attempt.clone();
    let on_choose = Callback::new(move |option: u8| {
        let result = store.try_update(|s| match s.attempt_mut(&aid) {
            Some(a) => a.choose(pos, option, &q, now_ms()),
            None => Ok(()),
        });
        note.set(result.and_then(Result::err).map(|e| e.to_string()));
    });
    let aid = attempt.clone();
    let toggle_flag = Callback::new(move |()| {
        store.update(|s| {
            if let Some(a) = s.attempt_mut(&aid) {
                a.toggle_flag(pos, now_ms());
            }
        });
    });
    let aid = attempt.clone();
    let nav = navigate.clone();
    let jump = Callback::new(move |i: usize| go_to(store, &nav, &exam.id, &aid, i));
    let aid = attempt.clone();
    let to_review = move || {
        navigate(
            &format!("{}&review=1", routes::question(&exam.id, &aid, pos)),
            routes::exact(),
        );
    };
    let to_review_key = to_review.clone();

    // Keyboard: 1–6 or A–E choose (F is taken: it flags), Enter goes on.
    // Arrows move within the radio group natively.
    let options: Vec<u8> = question.options.iter().map(|(i, _, _)| *i).collect();
    let (key_aid, key_bank) = (attempt.clone(), Arc::clone(&bank));
    let instant = store.with_untracked(|s| {
        s.attempt(&attempt)
            .is_some_and(|a| a.mode.instant_feedback())
    });
    let enter_hint = if instant {
        "Enter checks, then goes on"
    } else {
        "Enter next"
    };
    let key_handle = window_event_listener(ev::keydown, move |e: ev::KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let target_tag = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .map(|el| (el.tag_name(), el.get_attribute("type").unwrap_or_default()));
        let in_text = matches!(&target_tag, Some((tag, ty)) if tag == "TEXTAREA" || (tag == "INPUT" && ty == "number"));
        let on_button = matches!(&target_tag, Some((tag, _)) if tag == "BUTTON" || tag == "A" || tag == "SUMMARY");
        if in_text {
            return;
        }
        let key = e.key();
        let index = match key.as_str() {
            k if k.len() == 1 => {
                let c = k.chars().next().unwrap_or(' ').to_ascii_lowercase();
                match c {
                    '1'..='6' => Some(c as usize - '1' as usize),
                    'a'..='e' => Some(c as usize - 'a' as usize),
                    'f' => {
                        e.prevent_default();
                        toggle_flag.run(());
                        None
                    }
                    _ => None,
                }
            }
            "Enter" if !on_button => {
                e.prevent_default();
                if store
                    .with_untracked(|s| s.attempt(&key_aid).is_some_and(|a| a.awaits_check(pos)))
                {
                    note.set(check_answer(store, &key_aid, pos, &key_bank));
                } else if pos + 1 < total {
                    jump.run(pos + 1);
                } else {
                    to_review_key();
                }
                None
            }
            _ => None,
        };
        if let Some(option) = index.and_then(|k| options.get(k).copied()) {
            e.prevent_default();
            on_choose.run(option);
        }
    });
    on_cleanup(move || key_handle.remove());

    // Focus the new question's heading, so keyboard and screen-reader users
    // start at the top of what changed.
    Effect::new(move |_| focus_id("question-heading"));

    let flag_label = move || {
        if flagged.get() {
            "Unflag"
        } else {
            "Flag for review"
        }
    };
    view! {
        <section class="quiz" aria-labelledby="question-heading">
            <div class="quiz-head">
                <h1 id="question-heading" tabindex="-1">{format!("Question {} of {}", pos + 1, total)}</h1>
                <p class="exam-code">{exam.code.clone()}</p>
            </div>
            <QuestionForm question=question chosen=chosen on_choose=on_choose locked=checked/>
            <AnswerCheck exam=exam bank=bank attempt=attempt.clone() position=pos/>
            <div class="quiz-actions">
                <p class="choice-note" role="status" aria-live="polite">{move || note.get()}</p>
                <button type="button" class="button" disabled=pos == 0 on:click=move |_| jump.run(pos.saturating_sub(1))>
                    "← Back"
                </button>
                <button type="button" class="button flag" aria-pressed=move || flagged.get().to_string()
                    on:click=move |_| toggle_flag.run(())>
                    {flag_label}
                </button>
                {if pos + 1 < total {
                    view! { <button type="button" class="button primary" on:click=move |_| jump.run(pos + 1)>"Next →"</button> }.into_any()
                } else {
                    view! { <button type="button" class="button primary" on:click=move |_| to_review()>"Review and finish"</button> }.into_any()
                }}
            </div>
            <ProgressGrid cells=cells on_jump=jump/>
            <p class="keys muted">{format!("Keys: 1–5 or A–E choose · {enter_hint} · F flag")}</p>
        </section>
    }
    .into_any()
}

/// Before finishing: unanswered and flagged questions, and a finish that
/// asks for confirmation when questions are unanswered.
#[component]
fn FinishReview(
    /// The exam being taken.
    exam: &'static Exam,
    /// Its bank.
    bank: Arc<Bank>,
    /// The attempt id.
    attempt: String,
) -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let (unanswered, flagged, total) = store.with_untracked(|s| {
        s.attempt(&attempt).map_or((vec![], vec![], 0), |a| {
            let un: Vec<usize> = (0..a.items.len()).filter(|&i| !a.is_answered(i)).collect();
            let fl: Vec<usize> = (0..a.items.len())
                .filter(|&i| a.flagged.get(i).copied().unwrap_or(false))
                .collect();
            (un, fl, a.items.len())
        })
    });
    let links = |list: &[usize]| {
        list.iter()
            .map(|&i| {
                view! { <li><a href=routes::question(&exam.id, &attempt, i)>{format!("Question {}", i + 1)}</a></li> }
            })
            .collect_view()
    };
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    // Only an estimate counts unanswered questions as wrong, so only an
    // estimate asks before finishing with some left.
    let counts_blanks =
        store.with_untracked(|s| s.attempt(&attempt).is_none_or(|a| a.mode.is_estimate()));
    let n_unanswered = if counts_blanks { unanswered.len() } else { 0 };
    let aid = attempt.clone();
    let finish = move || {
        if n_unanswered > 0 && !confirming.get_untracked() {
            confirming.set(true);
            return;
        }
        match store.try_update(|s| s.finish(&aid, exam, &bank, now_ms())) {
            Some(Ok(_)) => navigate(&routes::results(&exam.id, &aid), routes::exact()),
            Some(Err(e)) => error.set(Some(e)),
            None => {}
        }
    };
    let finish2 = finish.clone();
    Effect::new(move |_| focus_id("question-heading"));
    // Once the confirmation is on screen, focus its first action.
    Effect::new(move |_| {
        if confirming.get() {
            focus_id("finish-anyway");
        }
    });
    view! {
        <section class="panel finish-review" aria-labelledby="question-heading">
            <h1 id="question-heading" tabindex="-1">"Review before you finish"</h1>
            <p>{format!("{} of {total} questions answered.", total - unanswered.len())}</p>
            {(!unanswered.is_empty()).then(|| view! {
                <h2>"Unanswered"</h2>
                <ul class="jump-list">{links(&unanswered)}</ul>
            })}
            {(!flagged.is_empty()).then(|| view! {
                <h2>"Flagged for review"</h2>
                <ul class="jump-list">{links(&flagged)}</ul>
            })}
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-finish" aria-modal="false">
                    <p id="confirm-finish" tabindex="-1">
                        {format!("{} unanswered. As on the real exam, unanswered questions count as wrong. Finish anyway?",
                            if n_unanswered == 1 { "1 question is".to_owned() } else { format!("{n_unanswered} questions are") })}
                    </p>
                    <button type="button" id="finish-anyway" class="button primary" on:click={let f = finish2.clone(); move |_| f()}>"Finish anyway"</button>
                    <button type="button" class="button" on:click=move |_| confirming.set(false)>"Keep answering"</button>
                </div>
            </Show>
            <p class="error" role="alert">{move || error.get()}</p>
            <div class="quiz-actions">
                <a class="button" href=routes::question(&exam.id, &attempt, total.saturating_sub(1))>"← Back to the questions"</a>
                <Show when=move || !confirming.get()>
                    <button type="button" class="button primary" on:click={let f = finish.clone(); move |_| f()}>"Finish and see results"</button>
                </Show>
            </div>
        </section>
    }
}
