//! Notes about where progress is kept, shown above every page.

use crate::ui::state::StorageNotes;
use leptos::prelude::*;

/// Shows storage notes (unreadable record kept aside, storage blocked, a
/// failed write) until dismissed.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let StorageNotes(notes) = expect_context();
    view! {
        <Show when=move || notes.with(|n| !n.is_empty())>
            <div class="notice" role="status">
                <ul>{move || notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                <button type="button" class="link-button" on:click=move |_| notes.set(Vec::new())>
                    "Dismiss"
                </button>
            </div>
        </Show>
    }
}
