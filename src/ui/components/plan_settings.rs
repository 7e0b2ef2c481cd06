//! The two numbers the study plan is built from, editable and kept.

use crate::core::plan::PlanSettings;
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
    let set_hours = move |ev| {
        if let Ok(h) = event_target_value(&ev).parse::<f64>() {
            store.update(|s| {
                s.plan = PlanSettings {
                    hours_per_week: h,
                    ..s.plan
                }
                .clamped()
            });
        }
    };
    let set_weeks = move |ev| {
        if let Ok(w) = event_target_value(&ev).parse::<u32>() {
            store.update(|s| s.plan = PlanSettings { weeks: w, ..s.plan }.clamped());
        }
    };
    view! {
        <form class="plan-settings" on:submit=|ev| ev.prevent_default()>
            <label>
                "Hours per week "
                <input type="number" min="0.5" max="80" step="0.5" inputmode="decimal"
                    prop:value=move || store.with(|s| s.plan.hours_per_week.to_string())
                    on:change=set_hours/>
            </label>
            <label>
                "Weeks until the exam "
                <input type="number" min="1" max="52" step="1" inputmode="numeric"
                    prop:value=move || store.with(|s| s.plan.weeks.to_string())
                    on:change=set_weeks/>
            </label>
        </form>
    }
    .into_any()
}
