//! Finished attempts, newest first (the minimal history on the home page).

use crate::core::library;
use crate::ui::platform::format_time;
use crate::ui::routes;
use crate::ui::state::use_store;
use leptos::prelude::*;
use leptos_router::components::A;

/// The list of finished attempts.
#[component]
pub fn AttemptList() -> impl IntoView {
    let store = use_store();
    let rows = move || {
        // Owned rows first: views must not borrow from inside the store.
        let rows: Vec<_> = store.with(|s| {
            s.finished()
                .into_iter()
                .filter_map(|a| {
                    Some((
                        a.exam.clone(),
                        a.id.0.clone(),
                        a.finished_ms.unwrap_or(a.started_ms),
                        a.summary.clone()?,
                    ))
                })
                .collect()
        });
        rows.into_iter()
            .map(|(exam, id, at, summary)| {
                let code = library::exam_code(&exam);
                view! {
                    <li>
                        <A href=routes::results(&exam, &id)>
                            <span class="when">{format_time(at)}</span>
                            <span class="exam-code">{code}</span>
                            <span class="score">{summary.scaled}</span>
                            <span class="range">{format!("{}–{}", summary.low, summary.high)}</span>
                            <span class="verdict">{summary.verdict.to_string()}</span>
                        </A>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || store.with(|s| !s.finished().is_empty())>
            <section class="panel history" aria-labelledby="history-heading">
                <h2 id="history-heading">"Your attempts"</h2>
                <ul class="attempts" role="list">{rows}</ul>
                <p><A href=routes::history()>"See your full history and trend"</A></p>
            </section>
        </Show>
    }
}
