//! One exam on the start page.

use crate::core::content::Exam;
use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::components::A;

/// An exam's name, facts and the way in.
#[component]
pub fn ExamCard(
    /// The exam to show.
    exam: &'static Exam,
    /// Where an unfinished attempt of this exam left off, if there is one.
    #[prop(into)]
    resume: Signal<Option<String>>,
    /// How many of its questions are due for review now.
    #[prop(into)]
    due: Signal<usize>,
) -> impl IntoView {
    let duration = exam.minutes.map_or_else(
        || "duration not confirmed".to_owned(),
        |m| format!("{m} minutes"),
    );
    let facts = format!(
        "{} · {} questions ({} scored) · {} · pass {} of 1000",
        exam.level, exam.questions_total, exam.questions_scored, duration, exam.pass_score
    );
    let id = exam.id.as_str();
    view! {
        <article class="card exam-card">
            <h2>
                <span class="exam-code">{exam.code.clone()}</span>
                " "
                <span class="exam-name">{exam.name.clone()}</span>
            </h2>
            <p class="facts">{facts}</p>
            <p class="domains">
                {exam.domains.iter().map(|d| format!("{} {}%", d.name, d.weight)).collect::<Vec<_>>().join(" · ")}
            </p>
            <p class="due-line" data-testid="due-count">{move || match due.get() {
                0 => String::new(),
                1 => "1 question due for review".to_owned(),
                n => format!("{n} questions due for review"),
            }}</p>
            <div class="actions">
                {move || match resume.get() {
                    Some(a) => view! {
                        <A href=a attr:class="button primary">"Resume your diagnostic"</A>
                        <A href=routes::exam(id) attr:class="button">"Details"</A>
                    }.into_any(),
                    None => view! {
                        <A href=routes::exam(id) attr:class="button primary">
                            {format!("Start the {} diagnostic", exam.code)}
                        </A>
                    }.into_any(),
                }}
            </div>
        </article>
    }
}
