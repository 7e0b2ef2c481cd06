//! The two numbers the study plan is built from, editable and kept.

use crate::core::plan::PlanSettings;
use crate::ui::platform::today;
use crate::ui::state::AppStore;
use leptos::prelude::*;

/// Hours per week and weeks until the exam. Read-only, or without a store
/// (a test), the numbers are shown, not edited.
#[component]
pub fn PlanSettingsForm(
    /// The settings in force.
    settings: PlanSettings,
    /// Show the numbers without editing them (a shared result).
    #[prop(optional)]
    read_only: bool,
) -> impl IntoView {
    let store = use_context::<AppStore>().filter(|_| !read_only);
    let Some(AppStore(store)) = store else {
        return view! {
            <p class="plan-settings">{format!("{} hours a week for {} weeks", settings.hours_per_week, settings.weeks)}</p>
        }
        .into_any();
    };
    // What is wrong with what was typed, per field (None: fine).
    let hours_error = RwSignal::new(None::<String>);
    let weeks_error = RwSignal::new(None::<String>);
    let date_error = RwSignal::new(None::<String>);
    // The plan follows as the test-taker types; a value out of range is
    // said, never applied silently.
    let set_hours = move |ev| match PlanSettings::parse_hours(&event_target_value(&ev)) {
        Ok(h) => {
            hours_error.set(None);
            store.update(|s| {
                s.plan = PlanSettings {
                    hours_per_week: h,
                    ..s.plan
                }
            });
        }
        Err(e) => hours_error.set(Some(e)),
    };
    let apply_weeks = move |w: u32| store.update(|s| s.plan = PlanSettings { weeks: w, ..s.plan });
    let set_weeks = move |ev| match PlanSettings::parse_weeks(&event_target_value(&ev)) {
        Ok(w) => {
            weeks_error.set(None);
            apply_weeks(w);
        }
        Err(e) => weeks_error.set(Some(e)),
    };
    let set_date = move |ev| match PlanSettings::weeks_until(&event_target_value(&ev), &today()) {
        Ok(w) => {
            date_error.set(None);
            weeks_error.set(None);
            apply_weeks(w);
        }
        Err(e) => date_error.set(Some(e)),
    };
    let error = |id: &'static str, e: RwSignal<Option<String>>| {
        view! { <span class="field-error" id=id role="status" aria-live="polite">{move || e.get()}</span> }
    };
    view! {
        <form class="plan-settings" on:submit=|ev| ev.prevent_default()>
            <label>
                "Hours per week "
                <input type="number" min="0.5" max="80" step="0.5" inputmode="decimal"
                    aria-describedby="hours-error" aria-invalid=move || hours_error.get().is_some().to_string()
                    prop:value=move || store.with_untracked(|s| s.plan.hours_per_week.to_string())
                    on:input=set_hours/>
                {error("hours-error", hours_error)}
            </label>
            <label>
                "Weeks until the exam "
                <input type="number" min="1" max="52" step="1" inputmode="numeric" id="plan-weeks"
                    aria-describedby="weeks-error" aria-invalid=move || weeks_error.get().is_some().to_string()
                    prop:value=move || store.with(|s| s.plan.weeks.to_string())
                    on:input=set_weeks/>
                {error("weeks-error", weeks_error)}
            </label>
            <label>
                "or the exam date "
                <input type="date" id="plan-date" aria-describedby="date-error"
                    aria-invalid=move || date_error.get().is_some().to_string()
                    on:input=set_date on:change=set_date/>
                {error("date-error", date_error)}
            </label>
        </form>
    }
    .into_any()
}
