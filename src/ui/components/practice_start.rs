//! The way into practice and review on an exam's page: what is due, and a
//! practice session by domain, the weakest domain, or everything.

use crate::core::content::Exam;
use crate::core::practice::{Length, Scope};
use crate::core::schedule::due;
use crate::ui::platform::now_ms;
use crate::ui::routes;
use crate::ui::state::use_store;
use leptos::prelude::*;

/// A practice link with the chosen length.
fn link(exam: &str, scope: &Scope, length: Length) -> String {
    format!("{}&n={length}", routes::practice(exam, scope))
}

/// Practice and review for `exam`.
#[component]
pub fn PracticeStart(
    /// The exam.
    exam: &'static Exam,
) -> impl IntoView {
    let store = use_store();
    let length = RwSignal::new(Length::Questions(10));
    let due_count = move || store.with(|s| due(&s.cards, &exam.id, now_ms()).len());
    let id = exam.id.as_str();
    let choice = move |value: Length, html_id: &'static str, label: &'static str| {
        view! {
            <li>
                <input type="radio" name="practice-length" id=html_id
                    prop:checked=move || length.get() == value on:change=move |_| length.set(value)/>
                <label for=html_id>{label}</label>
            </li>
        }
    };
    let domains = exam
        .domains
        .iter()
        .map(|d| {
            let scope = Scope::Domain(d.number);
            view! {
                <li><a href=move || link(id, &scope, length.get())>{format!("{} {}", d.number, d.name)}</a></li>
            }
        })
        .collect_view();
    view! {
        <section class="panel practice" aria-labelledby="practice-heading">
            <h2 id="practice-heading">"Practice and review"</h2>
            <p>"Answer, press Check, and see at once whether you were right and why every option is right or wrong. Stop at any time; nothing is lost."</p>
            <p class="due-line" data-testid="due-count">
                {move || match due_count() {
                    0 => "Nothing is due for review today.".to_owned(),
                    1 => "1 question is due for review today.".to_owned(),
                    n => format!("{n} questions are due for review today."),
                }}
                " "
                <Show when=move || { due_count() > 0 }>
                    <a class="button primary" href=move || link(id, &Scope::Due, Length::All)>"Review them"</a>
                </Show>
            </p>
            <fieldset class="choices">
                <legend>"Questions per session"</legend>
                <ul role="list" class="inline-choices">
                    {choice(Length::Questions(10), "length-10", "10")}
                    {choice(Length::Questions(20), "length-20", "20")}
                    {choice(Length::All, "length-all", "Until none are left")}
                </ul>
            </fieldset>
            <ul class="practice-links" role="list">
                <li><a href=move || link(id, &Scope::All, length.get())>"All domains"</a></li>
                <li><a href=move || link(id, &Scope::Weakest, length.get())>"Your weakest domain"</a></li>
                {domains}
            </ul>
        </section>
    }
}
