//! The banner at the top of every page.

use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::components::A;

/// The site name, linking home.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <A href=routes::home() attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"✓"</span>
                "Cert Diagnostic"
            </A>
            <nav aria-label="Site">
                <A href=routes::history()>"History"</A>
            </nav>
        </header>
    }
}
