//! The notice that this browser may clear the progress kept here (issue
//! 20): shown once there is a finished attempt and the browser has not
//! promised to keep the site's storage, until dismissed.

use crate::core::keeping;
use crate::ui::components::backup_panel::back_up_now;
use crate::ui::state::{use_store, Persistence};
use leptos::prelude::*;

/// What can happen to the progress, and the two ways to keep it.
#[component]
pub fn KeepNotice() -> impl IntoView {
    let store = use_store();
    let Persistence(persisted) = expect_context();
    // Only once the browser has answered: `None` is "not known yet".
    let show = move || {
        persisted.get() == Some(false) && store.with(|s| keeping::storage_notice(s, Some(false)))
    };
    let outcome = RwSignal::new(None::<Result<String, String>>);
    view! {
        <Show when=show>
            <section class="panel keep-notice" aria-labelledby="keep-heading" data-testid="keep-notice">
                <h2 id="keep-heading">"Keep your progress"</h2>
                <p>
                    "Your answers live only in this browser, and this browser has not promised to keep them. "
                    "Safari, on an iPhone, iPad or Mac, deletes a site's data after seven days without a visit; "
                    "other browsers may clear it to free space."
                </p>
                <ul class="keep-ways">
                    <li>
                        <strong>"Add this site to your Home Screen or Dock. "</strong>
                        "iPhone and iPad: tap Share, then Add to Home Screen. Mac (Safari): File, then Add to Dock. "
                        "Opened from there, its data is kept."
                    </li>
                    <li>
                        <strong>"Or download a backup now, "</strong>
                        "and restore it from the History page in any browser."
                    </li>
                </ul>
                <p class="actions">
                    <button type="button" class="button primary" on:click=move |_| outcome.set(Some(back_up_now(store)))>
                        "Download a backup"
                    </button>
                    <button type="button" class="button" on:click=move |_| store.update(|s| s.dismiss_storage_notice())>
                        "Dismiss"
                    </button>
                </p>
                {move || outcome.get().map(|o| match o {
                    Ok(text) => view! { <p class="status-line" role="status">{text}</p> }.into_any(),
                    Err(text) => view! { <p class="error" role="alert">{text}</p> }.into_any(),
                })}
            </section>
        </Show>
    }
}
