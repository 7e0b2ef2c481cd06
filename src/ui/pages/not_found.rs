//! The page for an address the app does not have.

use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::components::A;

/// Says the address is unknown and offers the way home.
#[component]
pub fn NotFound() -> impl IntoView {
    crate::ui::platform::set_title("Page not found · Cert Diagnostic");
    crate::ui::platform::remove_first_screen();
    view! {
        <section class="panel">
            <h1 id="page-title" tabindex="-1">"This page doesn't exist"</h1>
            <p>"The link may be mistyped or from an older version of the site. Your saved progress is untouched."</p>
            <p><A href=routes::home() attr:class="button primary">"Go to the start page"</A></p>
        </section>
    }
}
