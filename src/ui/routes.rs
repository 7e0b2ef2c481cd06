//! Every URL of the app, built in one place. Paths are fixed per exam (so a
//! static host can serve each one); what varies rides in the query or the
//! fragment. Each path carries the base the app is served under.

use crate::core::link::SharedResult;
use crate::ui::platform::base_path;

fn at(path: &str) -> String {
    format!("{}{path}", base_path())
}

/// Home: pick an exam, see past attempts.
pub fn home() -> String {
    at("/")
}

/// An exam's start page.
pub fn exam(exam: &str) -> String {
    at(&format!("/exam/{exam}/"))
}

/// A challenge: the same questions for whoever opens it.
pub fn challenge(exam: &str, seed: u64) -> String {
    at(&format!("/exam/{exam}/?challenge={seed:x}"))
}

/// Question `position` (0-based) of an attempt.
pub fn question(exam: &str, attempt: &str, position: usize) -> String {
    at(&format!(
        "/exam/{exam}/quiz/?a={attempt}&q={}",
        position + 1
    ))
}

/// Practice over `scope` ("domain=2", "task=2.3", "due=1", "weakest=1",
/// "all=1"): resumes that scope's session, or starts one.
pub fn practice(exam: &str, scope: &crate::core::practice::Scope) -> String {
    at(&format!("/exam/{exam}/practice/?{scope}"))
}

/// The results of an attempt.
pub fn results(exam: &str, attempt: &str) -> String {
    at(&format!("/exam/{exam}/results/?a={attempt}"))
}

/// A shared result: everything rides in the fragment, which never reaches
/// a server.
pub fn shared(link: &SharedResult) -> String {
    at(&format!("/shared/#{link}"))
}

/// Every finished attempt.
pub fn history() -> String {
    at("/history/")
}

/// The public list of corrections to questions.
pub fn changes() -> String {
    at("/changes/")
}

/// A question's entry on the corrections page.
pub fn correction(question: &str) -> String {
    format!("{}#{}", changes(), crate::core::changes::anchor(question))
}

/// Options for `navigate` with a path from this module: it already carries
/// the base, so the router must not resolve it against the base again.
pub fn exact() -> leptos_router::NavigateOptions {
    leptos_router::NavigateOptions {
        resolve: false,
        ..Default::default()
    }
}
