//! The practice exam's way in: what the form is, and its timing options.

use crate::core::attempt::{Mode, Timing, EXTENSION_MINUTES};
use crate::core::content::Exam;
use crate::core::library;
use crate::ui::platform::{now_ms, random_seed};
use crate::ui::routes;
use crate::ui::state::use_store;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// How the test-taker wants to be timed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clock {
    Standard,
    Extended,
    Untimed,
}

/// Describes the full-length practice exam of `exam` and starts one.
#[component]
pub fn PracticeExamStart(
    /// The exam.
    exam: &'static Exam,
    /// Whether the questions are loaded (Start waits for them).
    ready: bool,
    /// The practice exam in progress, if any: (link, "question 12 of 65").
    resume: Option<(String, String)>,
) -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let (minutes, confirmed) = exam.practice_minutes();
    let clock = RwSignal::new(Clock::Standard);
    let chosen_minutes = RwSignal::new(minutes);
    let unscored = exam.questions_total.saturating_sub(exam.questions_scored);
    let start = move |_| {
        let Ok(bank) = library::bank(&exam.id) else {
            return;
        };
        let timing = match clock.get_untracked() {
            Clock::Untimed => Timing::Untimed,
            c => Timing::Timed {
                minutes: chosen_minutes.get_untracked(),
                extension: c == Clock::Extended,
            },
        };
        let id = store.try_update(|s| {
            s.start_timed(
                exam,
                &bank,
                random_seed(),
                Mode::PracticeExam,
                timing,
                now_ms(),
            )
        });
        if let Some(id) = id {
            navigate(&routes::question(&exam.id, &id.0, 0), routes::exact());
        }
    };
    let option = move |value: Clock, id: &'static str, label: Signal<String>| {
        view! {
            <li>
                <input type="radio" name="practice-clock" id=id
                    prop:checked=move || clock.get() == value
                    on:change=move |_| clock.set(value)/>
                <label for=id>{label}</label>
            </li>
        }
    };
    let minutes_field = (!confirmed).then(|| {
        view! {
            <p class="field">
                <label for="practice-minutes">"Minutes allowed"</label>
                <input id="practice-minutes" type="number" min="30" max="300" step="5"
                    prop:value=move || chosen_minutes.get().to_string()
                    on:input=move |e| {
                        if let Ok(m) = event_target_value(&e).parse::<u32>() {
                            if (30..=300).contains(&m) {
                                chosen_minutes.set(m);
                            }
                        }
                    }/>
                <span class="muted">{format!(
                    " AWS's exam guide does not state this exam's duration and other sources disagree; {minutes} is assumed. Change it if you know better."
                )}</span>
            </p>
        }
    });
    view! {
        <section class="panel practice-exam" aria-labelledby="practice-exam-heading">
            <h2 id="practice-exam-heading">"Practice exam"</h2>
            <p data-testid="practice-exam-form">{format!(
                "The real exam's form: {} questions, {} of them unscored and not marked (as AWS's pretest items are), scored like the real exam on the other {}. {} minutes{}.",
                exam.questions_total, unscored, exam.questions_scored, minutes,
                if confirmed { "" } else { " (assumed)" },
            )}</p>
            <p class="muted">"The clock keeps running if you close the tab, as on the real exam; you can come back and resume until time is up."</p>
            {minutes_field}
            <fieldset class="choices">
                <legend>"Timing"</legend>
                <ul role="list">
                    {option(Clock::Standard, "clock-standard", Signal::derive(move || format!("Timed: {} minutes", chosen_minutes.get())))}
                    {option(Clock::Extended, "clock-extended", Signal::derive(move || format!("Timed +{EXTENSION_MINUTES} minutes ({} in all): AWS's accommodation for non-native English speakers", chosen_minutes.get() + EXTENSION_MINUTES)))}
                    {option(Clock::Untimed, "clock-untimed", Signal::stored("Untimed (does not count toward \u{201c}consistently ready\u{201d})".to_owned()))}
                </ul>
            </fieldset>
            <div class="actions">
                {resume.clone().map(|(href, where_)| view! {
                    <a class="button primary" href=href>{format!("Resume your practice exam ({where_})")}</a>
                })}
                <button type="button" class="button" class:primary=resume.is_none() disabled=!ready on:click=start>
                    {if resume.is_some() { "Start a new practice exam" } else { "Start the practice exam" }}
                </button>
            </div>
        </section>
    }
}
