//! A result someone shared: recomputed here from the answers in the link,
//! shown read-only, and never added to this browser's history.

use crate::core::library::{self, BankError};
use crate::core::link::SharedResult;
use crate::core::review::review;
use crate::core::session::results_of;
use crate::core::store::Store;
use crate::ui::banks::{loading_view, use_words};
use crate::ui::components::results_view::ResultsView;
use crate::ui::platform::set_title;
use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use std::collections::BTreeSet;

/// The shared-result page.
#[component]
pub fn SharedPage() -> impl IntoView {
    let location = use_location();
    move || {
        let hash = location.hash.get();
        let parsed = hash.parse::<SharedResult>();
        if let Ok(link) = &parsed {
            // The link's questions must be here before it is checked.
            match use_words(&link.exam, link.items.iter().map(|(q, _)| q.as_str())) {
                Err(BankError::Loading) => return loading_view(),
                Err(e @ (BankError::Damaged(_) | BankError::Unreachable)) => {
                    return view! { <p class="notice" role="alert">{e.to_string()}</p> }.into_any();
                }
                _ => {}
            }
        }
        let link = parsed.and_then(|link| {
            let catalog = library::catalog().map_err(|_| crate::core::link::LinkError::Empty)?;
            let bank = library::bank(&link.exam).ok();
            link.check(catalog, |_| bank.as_deref())?;
            Ok(link)
        });
        match link {
            Err(e) => {
                set_title("Shared result · Cert Diagnostic");
                view! {
                    <section class="panel">
                        <h1 id="page-title" tabindex="-1">"This shared result can't be opened"</h1>
                        <p role="alert" data-testid="link-error">{e.to_string()}</p>
                        <p>"Nothing in this browser was changed. You can still take a diagnostic yourself."</p>
                        <p class="actions"><A href=routes::home() attr:class="button primary">"Choose an exam"</A></p>
                    </section>
                }
                .into_any()
            }
            Ok(link) => {
                let (Ok(catalog), Ok(bank)) = (library::catalog(), library::bank(&link.exam))
                else {
                    return view! { <p role="alert">"The question bank could not be loaded."</p> }
                        .into_any();
                };
                let Some(exam) = catalog.exam(&link.exam) else {
                    return ().into_any();
                };
                let attempt = link.to_attempt(&bank);
                let outcome =
                    results_of(&attempt, exam, &bank, &BTreeSet::new(), &Store::default())
                        .and_then(|r| Ok((r, review(exam, &attempt, &bank)?)));
                match outcome {
                    Err(e) => view! { <p role="alert">{e}</p> }.into_any(),
                    Ok((r, reviewed)) => {
                        set_title(&format!(
                            "Shared result: {} · {} · Cert Diagnostic",
                            r.report.scaled, exam.code
                        ));
                        view! {
                            <section class="intro">
                                <p class="eyebrow">{format!("{} · a shared result", exam.code)}</p>
                                <h1 id="page-title" tabindex="-1">{exam.name.clone()}</h1>
                                <div class="notice shared-note">
                                    <p>
                                        "Someone shared this result with you. It is worked out here from the answers in the link, "
                                        "and it is not added to your history."
                                    </p>
                                    <p class="actions">
                                        // The link's answers ride along in the fragment, so
                                        // that the two results can be compared afterwards.
                                        <a href=format!("{}#{link}", routes::challenge(&exam.id, link.seed)) class="button primary">
                                            "Take the same challenge, then compare"
                                        </a>
                                        <A href=routes::exam(&exam.id) attr:class="link-button">"or take your own diagnostic"</A>
                                    </p>
                                </div>
                            </section>
                            <ResultsView report=r.report review=Signal::stored(Some(Ok(reviewed))) plan=r.plan read_only=true/>
                        }
                        .into_any()
                    }
                }
            }
        }
    }
}
