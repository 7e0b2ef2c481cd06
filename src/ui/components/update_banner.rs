//! "Update available — reload", when a new version is waiting.

use crate::ui::offline::{apply_update, UpdateReady};
use leptos::prelude::*;

/// Offers the waiting new version; nothing changes until it is chosen.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let UpdateReady(ready) = expect_context();
    view! {
        <Show when=move || ready.get()>
            <div class="notice update" role="status">
                <span>"Update available. "</span>
                <button type="button" class="button primary" on:click=move |_| apply_update()>"Reload"</button>
                " "
                <span class="muted">"Your answers are kept."</span>
            </div>
        </Show>
    }
}
