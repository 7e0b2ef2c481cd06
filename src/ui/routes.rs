//! Every URL of the app, built in one place. Paths are fixed per exam
//! (so a static host can serve each one); what varies rides in the query.

/// Home: pick an exam, see past attempts.
pub fn home() -> String {
    "/".into()
}

/// An exam's start page; with a seed it is a challenge.
pub fn exam(exam: &str) -> String {
    format!("/exam/{exam}/")
}

/// A challenge: the same questions for whoever opens it.
pub fn challenge(exam: &str, seed: u64) -> String {
    format!("/exam/{exam}/?challenge={seed:x}")
}

/// Question `position` (0-based) of an attempt.
pub fn question(exam: &str, attempt: &str, position: usize) -> String {
    format!("/exam/{exam}/quiz/?a={attempt}&q={}", position + 1)
}

/// The results of an attempt.
pub fn results(exam: &str, attempt: &str) -> String {
    format!("/exam/{exam}/results/?a={attempt}")
}
