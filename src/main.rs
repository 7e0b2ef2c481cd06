//! Mounts the app.

fn main() {
    leptos::mount::mount_to_body(cert_diagnostic::ui::App);
}
