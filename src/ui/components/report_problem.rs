//! "Report a problem with this question": one tap opens the site's issue
//! tracker with the report filled in; with no tracker configured, or
//! offline, the same report is shown as text to copy.

use crate::core::backup::APP_VERSION;
use crate::core::library;
use crate::core::report::ProblemReport;
use crate::core::review::ReviewItem;
use crate::ui::platform::{copy_text, online};
use leptos::prelude::*;

/// The report link, or the report as text with a Copy button.
#[component]
pub fn ReportProblem(
    /// The question reported on, with what was chosen.
    item: ReviewItem,
) -> impl IntoView {
    let Ok(catalog) = library::catalog() else {
        return ().into_any();
    };
    let code = catalog
        .exam(&item.exam)
        .map_or_else(|| library::exam_code(&item.exam), |e| e.code.clone());
    let report = ProblemReport::of(
        &item,
        &code,
        library::bank_version(&item.exam).unwrap_or("unknown"),
        APP_VERSION,
    );
    let configured = catalog.site.report_url.is_some();
    if let Some(url) = report.url(&catalog.site).filter(|_| online()) {
        return view! {
            <p class="report">
                <a href=url target="_blank" rel="noopener noreferrer" data-testid="report-link">
                    "Report a problem with this question"
                </a>
            </p>
        }
        .into_any();
    }
    let text = format!("{}\n\n{}", report.title(), report.body());
    let field = format!("report-{}", item.position + 1);
    let status = RwSignal::new("");
    let copied = text.clone();
    let copy = move |_| {
        let text = copied.clone();
        wasm_bindgen_futures::spawn_local(async move {
            status.set(match copy_text(&text).await {
                Ok(()) => "Report copied.",
                Err(()) => "Copying was not allowed here: select the text and copy it.",
            });
        });
    };
    let how = if configured {
        "You seem to be offline: copy this report, add what is wrong, and send it once you are back online."
    } else {
        "Copy this report, add what is wrong, and send it to whoever runs this site. It holds nothing about you."
    };
    view! {
        <details class="report" data-testid="report-text">
            <summary>"Report a problem with this question"</summary>
            <p class="muted">{how}</p>
            <label for=field.clone()>"The report"</label>
            <textarea id=field readonly rows="8">{text}</textarea>
            <p class="actions">
                <button type="button" class="button" on:click=copy>"Copy the report"</button>
            </p>
            <p class="status-line" role="status">{move || status.get()}</p>
        </details>
    }
    .into_any()
}
