//! The countdown of a timed attempt: always visible, with a pacing hint and
//! a polite spoken warning at 10 and at 1 minute left.

use crate::core::pacing::{countdown, countdown_words, pace, warning};
use crate::ui::platform::now_ms;
use crate::ui::state::use_store;
use leptos::prelude::*;
use std::time::Duration;

/// The clock of attempt `attempt`; nothing for an untimed one. Calls
/// `on_time_up` once when the deadline is reached while the page is open.
#[component]
pub fn ExamClock(
    /// The attempt id.
    attempt: String,
    /// Called once when no time is left.
    on_time_up: Callback<()>,
) -> impl IntoView {
    let store = use_store();
    // The outside world's time, sampled each second.
    let now = RwSignal::new(now_ms());
    if let Ok(handle) = set_interval_with_handle(move || now.set(now_ms()), Duration::from_secs(1))
    {
        on_cleanup(move || handle.clear());
    }
    let aid = attempt.clone();
    let state = Memo::new(move |_| {
        let t = now.get();
        store.with(|s| {
            s.attempt(&aid).and_then(|a| {
                let left = a.remaining_ms(t)?;
                let unanswered = a.items.len() - a.answered_count();
                Some((left, unanswered))
            })
        })
    });
    // Each warning is said once, as its threshold is crossed.
    let said = RwSignal::new(None::<String>);
    let last = StoredValue::new(None::<u64>);
    let fired = StoredValue::new(false);
    Effect::new(move |_| {
        let Some((left, _)) = state.get() else { return };
        if let Some(before) = last.get_value() {
            if let Some(w) = warning(before, left) {
                said.set(Some(w));
            }
        }
        last.set_value(Some(left));
        if left == 0 && !fired.get_value() {
            fired.set_value(true);
            on_time_up.run(());
        }
    });
    let left = move || state.get().map_or(0, |(l, _)| l);
    view! {
        <Show when=move || state.get().is_some()>
            <div class="exam-clock" class:low=move || left() <= 10 * 60_000 role="timer"
                aria-label=move || countdown_words(left())>
                <span class="clock-label" aria-hidden="true">"Time left"</span>
                <span class="clock-time" aria-hidden="true" data-testid="clock">{move || countdown(left())}</span>
                <span class="clock-pace">{move || state.get().and_then(|(l, unanswered)| pace(l, unanswered))}</span>
            </div>
        </Show>
        // Outside the clock, so that it is never re-created: a live region
        // that comes and goes is not reliably announced.
        <p class="visually-hidden" aria-live="polite" data-testid="clock-warning">{move || said.get()}</p>
    }
}
