//! Mounts the app.

fn main() {
    cert_diagnostic::ui::platform::remove_first_screen();
    leptos::mount::mount_to_body(cert_diagnostic::ui::App);
}
