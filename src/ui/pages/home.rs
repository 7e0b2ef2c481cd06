//! The start page: what this is, the exams, and past attempts.

use crate::core::attempt::Mode;
use crate::core::library;
use crate::core::schedule;
use crate::ui::components::attempt_list::AttemptList;
use crate::ui::components::error_panel::error_fallback;
use crate::ui::components::exam_card::ExamCard;
use crate::ui::components::keep_notice::KeepNotice;
use crate::ui::error::AppError;
use crate::ui::platform::{now_ms, set_title};
use crate::ui::routes;
use crate::ui::state::use_store;
use leptos::prelude::*;

/// Pick an exam; resume or revisit attempts.
#[component]
pub fn HomePage() -> impl IntoView {
    set_title("Cert Diagnostic · free readiness check for AWS exams");
    let store = use_store();
    let exams = move || {
        library::catalog().map_err(AppError).map(|catalog| {
            catalog
                .exams
                .iter()
                .map(|exam| {
                    let id = exam.id.clone();
                    let in_progress = Signal::derive(move || {
                        store.with(|s| {
                            s.in_progress_in(&id, &[Mode::Diagnostic, Mode::Challenge])
                                .map(|a| routes::question(&a.exam, &a.id.0, a.current))
                        })
                    });
                    let id = exam.id.clone();
                    // Counted from stored times at page load, offline.
                    let now = now_ms();
                    let due = Signal::derive(move || {
                        store.with(|s| schedule::due(&s.cards, &id, now).len())
                    });
                    view! { <li><ExamCard exam=exam resume=in_progress due=due/></li> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="intro">
            <h1 id="page-title" tabindex="-1">"How ready are you for your AWS exam?"</h1>
            <p class="lede">
                "Answer 10 questions drawn across the exam guide's domains. You get an estimated score on AWS's "
                "100–1000 scale with an honest likely range, your weakest domain, a study plan, and every question explained."
            </p>
            <p class="muted">"Free and private: no account, and nothing leaves this browser."</p>
        </section>
        <KeepNotice/>
        <ErrorBoundary fallback=error_fallback>
            <ul class="exam-list" role="list">{exams}</ul>
        </ErrorBoundary>
        <AttemptList/>
    }
}
