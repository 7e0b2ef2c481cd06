//! Under a question: the "I'm not sure" tap (every mode), and in practice
//! the Check button, then the feedback and a way to end the session.

use crate::core::content::{Bank, Exam};
use crate::core::review::review_one;
use crate::core::store::Store;
use crate::ui::components::answer_feedback::AnswerFeedback;
use crate::ui::platform::{focus_id, now_ms};
use crate::ui::routes;
use crate::ui::state::use_store;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::sync::Arc;

/// Checks the answer at `position` and moves focus to its feedback (the
/// Check button, and Enter on a question that awaits its check); the
/// refusal, if any, in words.
pub fn check_answer(
    store: RwSignal<Store>,
    attempt: &str,
    position: usize,
    bank: &Bank,
) -> Option<String> {
    match store.try_update(|s| s.check_answer(attempt, position, bank, now_ms()))? {
        Ok(_) => {
            // The feedback is drawn by the effects this update queued: focus
            // it in the next frame, once it is there (and before it paints).
            request_animation_frame(|| focus_id("feedback-heading"));
            None
        }
        Err(e) => Some(e),
    }
}

/// The confidence tap and, where the mode gives instant feedback, Check.
#[component]
pub fn AnswerCheck(
    /// The exam being taken.
    exam: &'static Exam,
    /// Its bank.
    bank: Arc<Bank>,
    /// The attempt id.
    attempt: String,
    /// The question's position (0-based).
    position: usize,
) -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let note = RwSignal::new(None::<String>);
    let aid = attempt.clone();
    // (instant feedback, unsure, checked, answered)
    let state = Memo::new(move |_| {
        store.with(|s| {
            s.attempt(&aid).map_or((false, false, false, false), |a| {
                (
                    a.mode.instant_feedback(),
                    a.is_unsure(position),
                    a.checked_at(position).is_some(),
                    a.is_answered(position),
                )
            })
        })
    });
    let aid = attempt.clone();
    let toggle_unsure = move |_| {
        let r = store.try_update(|s| {
            s.attempt_mut(&aid)
                .map(|a| a.toggle_unsure(position, now_ms()))
        });
        note.set(r.flatten().and_then(Result::err).map(|e| e.to_string()));
    };
    let aid = attempt.clone();
    let b = Arc::clone(&bank);
    let check = move |_| note.set(check_answer(store, &aid, position, &b));
    let aid = attempt.clone();
    let b = Arc::clone(&bank);
    let feedback = move || {
        let (_, _, checked, _) = state.get();
        checked
            .then(|| {
                store.with_untracked(|s| {
                    s.attempt(&aid)
                        .and_then(|a| review_one(exam, a, &b, position).ok())
                })
            })
            .flatten()
            .map(|item| view! { <AnswerFeedback item=item/> })
    };
    let aid = attempt.clone();
    let end = move |_| {
        let done = store.try_update(|s| s.finish(&aid, exam, &bank, now_ms()));
        if matches!(done, Some(Ok(_))) {
            navigate(&routes::results(&exam.id, &aid), routes::exact());
        }
    };
    view! {
        <div class="answer-check">
            <button type="button" class="chip unsure" aria-pressed=move || state.get().1.to_string()
                disabled=move || state.get().2 on:click=toggle_unsure>
                "I'm not sure"
            </button>
            <Show when=move || { let (instant, _, checked, _) = state.get(); instant && !checked }>
                <button type="button" class="button primary" data-testid="check"
                    disabled=move || !state.get().3 on:click=check.clone()>"Check"</button>
            </Show>
            <Show when=move || state.get().0>
                <button type="button" class="button" on:click=end.clone()>"End practice"</button>
            </Show>
        </div>
        <p class="check-note" role="status" aria-live="polite">{move || note.get()}</p>
        {feedback}
    }
}
