//! The public list of corrections: every question revised, retired or
//! corrected, newest first, read from the banks as shipped.

use crate::core::changes::{changes, Change, Kind};
use crate::core::library::{self, BankError};
use crate::ui::banks::{loading_view, use_bank};
use crate::ui::components::error_panel::error_fallback;
use crate::ui::error::AppError;
use crate::ui::platform::{after_paint, focus_id, fragment, reveal, set_title};
use leptos::prelude::*;

/// The corrections page.
#[component]
pub fn ChangesPage() -> impl IntoView {
    set_title("Corrections to questions · Cert Diagnostic");
    let list = Memo::new(move |_| -> Result<Option<Vec<Change>>, AppError> {
        let catalog = library::catalog().map_err(AppError)?;
        let mut banks = Vec::new();
        for exam in &catalog.exams {
            match use_bank(&exam.id) {
                Ok(bank) => banks.push((exam, bank)),
                Err(BankError::Loading) => return Ok(None),
                Err(e) => return Err(AppError(e.to_string())),
            }
        }
        Ok(Some(changes(banks.iter().map(|(e, b)| (*e, &**b)))))
    });
    let body = move || {
        list.get().map(|found| match found {
            None => loading_view(),
            Some(entries) if entries.is_empty() => {
                view! { <p class="panel">"No question has been corrected yet."</p> }.into_any()
            }
            Some(entries) => view! {
                <ol class="changes panel" role="list">
                    {entries.into_iter().map(|c| view! { <ChangeEntry change=c/> }).collect_view()}
                </ol>
            }
            .into_any(),
        })
    };
    // Focus the title, or the entry a revised question linked to once the
    // list is drawn.
    Effect::new(move |_| {
        let drawn = matches!(list.get(), Ok(Some(_)));
        match fragment().filter(|_| drawn) {
            Some(id) => after_paint(move || reveal(&id)),
            None => focus_id("page-title"),
        }
    });
    view! {
        <section class="intro">
            <h1 id="page-title" tabindex="-1">"Corrections to questions"</h1>
            <p class="muted">
                "Every question we revised, retired or corrected, newest first, with why. "
                "An answer given before a revision keeps the question as it was asked then, and its score never changes."
            </p>
        </section>
        <ErrorBoundary fallback=error_fallback>{body}</ErrorBoundary>
    }
}

/// One entry: when, which question, what happened and why.
#[component]
fn ChangeEntry(
    /// The change.
    change: Change,
) -> impl IntoView {
    let what = match &change.kind {
        Kind::Revised { by } => view! { " revised as " <code>{by.clone()}</code> }.into_any(),
        Kind::Retired => view! { " retired" }.into_any(),
        Kind::Corrected => view! { " corrected" }.into_any(),
    };
    let anchor = change.anchor();
    view! {
        <li id=anchor class="change" tabindex="-1">
            <p>
                <time datetime=change.on.to_string()>{change.on.long()}</time>
                {format!(" · {} · question ", change.exam_code)}
                <code>{change.question.clone()}</code>
                {what}
            </p>
            <p class="muted">{change.why}</p>
        </li>
    }
}
