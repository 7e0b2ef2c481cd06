//! What a page shows instead of itself when it cannot render.

use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::components::A;

/// The `ErrorBoundary` fallback: every error in words, and a way home.
#[component]
pub fn ErrorPanel(
    /// The errors the boundary caught.
    errors: ArcRwSignal<Errors>,
) -> impl IntoView {
    view! {
        <section class="panel error" role="alert">
            <h2>"Something here can't be shown"</h2>
            <ul>
                {move || {
                    errors.get().into_iter().map(|(_, e)| view! { <li>{e.to_string()}</li> }).collect_view()
                }}
            </ul>
            <p>
                "Nothing you saved has been changed. "
                <A href=routes::home()>"Go to the start page"</A>
            </p>
        </section>
    }
}

/// A fallback closure for `ErrorBoundary`.
pub fn error_fallback(errors: ArcRwSignal<Errors>) -> impl IntoView {
    view! { <ErrorPanel errors=errors/> }
}
