//! A practice link (`/exam/<id>/practice/?domain=2`, `?task=2.3`,
//! `?due=1`, `?weakest=1`): resumes that scope's unfinished session at the
//! question where it stopped, or starts one, then shows it on the shared
//! quiz screen.

use crate::core::library::BankError;
use crate::core::practice::{Length, Scope};
use crate::ui::banks::{loading_view, use_bank};
use crate::ui::components::error_panel::error_fallback;
use crate::ui::error::AppError;
use crate::ui::pages::exam_start::exam_from;
use crate::ui::platform::{now_ms, random_seed, set_title};
use crate::ui::routes;
use crate::ui::state::use_store;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

/// The practice link's page: it only ever leads on to a question.
#[component]
pub fn PracticePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let store = use_store();
    let navigate = use_navigate();
    let exam_id = Memo::new(move |_| params.read().get("exam").unwrap_or_default());
    // The scope and length the link asks for, read once per link.
    let asked = Memo::new(move |_| {
        let q = query.read();
        let scope = Scope::from_query(
            q.get("domain").as_deref(),
            q.get("task").as_deref(),
            q.get("due").is_some(),
            q.get("weakest").is_some(),
        );
        let length = q
            .get("n")
            .map_or(Ok(Length::Questions(10)), |n| n.parse::<Length>());
        (scope, length)
    });
    // Why the link cannot lead on (a scope with nothing in it), if it cannot.
    let stopped = RwSignal::new(None::<String>);
    let page = move || -> Result<AnyView, AppError> {
        let exam = exam_from(&exam_id.get())?;
        let (scope, length) = asked.get();
        let scope = scope.map_err(|e| AppError(format!("This practice link is damaged: {e}.")))?;
        length.map_err(|e| AppError(format!("This practice link is damaged: {e}.")))?;
        scope.check(exam).map_err(AppError)?;
        set_title(&format!(
            "Practice: {} · {} · Cert Diagnostic",
            scope.describe(exam),
            exam.code
        ));
        if let Err(e) = use_bank(&exam.id) {
            if e != BankError::Loading {
                return Err(AppError(e.to_string()));
            }
        }
        Ok(match stopped.get() {
            None => loading_view(),
            Some(why) => view! {
                <section class="panel">
                    <h1 id="page-title" tabindex="-1">{scope.describe(exam)}</h1>
                    <p role="status">{why}</p>
                    <p><a class="button primary" href=routes::exam(&exam.id)>{format!("Back to {}", exam.code)}</a></p>
                </section>
            }
            .into_any(),
        })
    };
    // Sync with the URL once the questions are here: resume the scope's
    // session or start one, then go to its question. Done after rendering,
    // as navigating while the route renders is not allowed.
    Effect::new(move |_| {
        let Ok(exam) = exam_from(&exam_id.get()) else {
            return;
        };
        let (Ok(scope), Ok(length)) = asked.get() else {
            return;
        };
        if scope.check(exam).is_err() {
            return;
        }
        let Ok(bank) = use_bank(&exam.id) else { return };
        let resume = store.with_untracked(|s| {
            s.practice_in_progress(&exam.id, &scope)
                .map(|a| (a.id.0.clone(), a.current))
        });
        let target = match resume {
            Some((id, at)) => Ok(routes::question(&exam.id, &id, at)),
            None => store
                .try_update(|s| {
                    s.start_practice(exam, &bank, &scope, length, random_seed(), now_ms())
                })
                .unwrap_or_else(|| Err("storage is not available".into()))
                .map(|id| routes::question(&exam.id, &id.0, 0)),
        };
        match target {
            // Replace the practice link in history, so that Back leaves
            // the practice instead of bouncing into it again.
            Ok(href) => navigate(
                &href,
                NavigateOptions {
                    replace: true,
                    ..routes::exact()
                },
            ),
            Err(why) => stopped.set(Some(why)),
        }
    });
    view! { <ErrorBoundary fallback=error_fallback>{page}</ErrorBoundary> }
}
