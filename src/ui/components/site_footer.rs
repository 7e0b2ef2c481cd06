//! The footer: what this is and is not.

use leptos::prelude::*;

/// Independence and privacy, said plainly.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "An independent estimate, not affiliated with or endorsed by Amazon Web Services. "
                "AWS and the exam names are trademarks of Amazon.com, Inc. or its affiliates."
            </p>
            <p>"Private by design: no account, no server, no tracking. Your answers stay in this browser."</p>
            <p><a href=crate::ui::routes::changes()>"Corrections to questions"</a></p>
        </footer>
    }
}
