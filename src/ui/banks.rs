//! Each exam's bank arrives in parts (see `core::shipped`): its index the
//! first time a page needs the exam (preloaded by that exam's pages), then
//! the pieces holding the words of the questions a page shows. A first
//! visit downloads only what it uses; the service worker still keeps every
//! file for offline use. Readers call `use_bank` or `use_words` inside a
//! reactive closure: they start the fetches and re-run the reader when a
//! file arrives.

use crate::core::attempt::Attempt;
use crate::core::content::Bank;
use crate::core::library::{self, BankError};
use crate::ui::platform::base_path;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Bumped each time a fetch finishes (a file arrived, or failed).
#[derive(Clone, Copy)]
pub struct BanksLoaded(pub RwSignal<u32>);

thread_local! {
    static IN_FLIGHT: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
    /// Why each file that failed could not be used, by file: a lost piece
    /// keeps only the pages that show its words from rendering. A file the
    /// network lost is asked for again (`retry`); a damaged one is not.
    static FAILED: RefCell<HashMap<String, BankError>> = RefCell::new(HashMap::new());
    /// Whether the "back online" listener is in place.
    static WATCHING_ONLINE: Cell<bool> = const { Cell::new(false) };
}

/// The exam's bank with every question's key (enough to draw, score and
/// schedule); `Err(BankError::Loading)` while its index is on its way.
pub fn use_bank(exam: &str) -> Result<Arc<Bank>, BankError> {
    let BanksLoaded(loaded) = expect_context();
    loaded.track();
    if let Some(e) = library::index_file(exam).and_then(failed) {
        return Err(e);
    }
    match library::bank(exam) {
        Err(BankError::Loading) => {
            if let Some(file) = library::index_file(exam) {
                fetch(exam.to_owned(), file.to_owned(), None, loaded);
            }
            Err(BankError::Loading)
        }
        other => other,
    }
}

/// The exam's bank once the words of these questions are here too.
pub fn use_words<'a>(
    exam: &str,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<Arc<Bank>, BankError> {
    let bank = use_bank(exam)?;
    let BanksLoaded(loaded) = expect_context();
    let missing = library::missing_pieces(exam, ids)?;
    if missing.is_empty() {
        return Ok(bank);
    }
    if let Some(e) = missing.iter().find_map(|(_, file)| failed(file)) {
        return Err(e);
    }
    for (k, file) in missing {
        fetch(exam.to_owned(), file, Some(k), loaded);
    }
    Err(BankError::Loading)
}

/// Why this file could not be used, if it failed.
fn failed(file: &str) -> Option<BankError> {
    FAILED.with(|f| f.borrow().get(file).cloned())
}

/// The exam's bank once the words of every question of this attempt are
/// here (the review shows them all); an unknown attempt needs none.
pub fn use_attempt_words(exam: &str, attempt: &str) -> Result<Arc<Bank>, BankError> {
    let store = crate::ui::state::use_store();
    let ids = store.with(|s| {
        s.attempt(attempt)
            .map(Attempt::question_ids)
            .unwrap_or_default()
    });
    use_words(exam, ids.iter().map(String::as_str))
}

/// Fetches the words of these questions a moment from now, without
/// waiting for them: the rest of an attempt, once its first question is on
/// screen, so that they never compete with it for a phone's bandwidth.
pub fn prefetch_words<'a>(exam: &str, ids: impl IntoIterator<Item = &'a str>) {
    let Some(BanksLoaded(loaded)) = use_context() else {
        return;
    };
    let exam = exam.to_owned();
    let ids: Vec<String> = ids.into_iter().map(str::to_owned).collect();
    set_timeout(
        move || {
            if let Ok(missing) = library::missing_pieces(&exam, ids.iter().map(String::as_str)) {
                for (k, file) in missing {
                    fetch(exam.clone(), file, Some(k), loaded);
                }
            }
        },
        PREFETCH_AFTER,
    );
}

/// How long after a question is shown the rest of its attempt is fetched.
const PREFETCH_AFTER: Duration = Duration::from_millis(800);

/// How long after the network lost a file it is asked for again, in case
/// the browser does not say when it is back online.
const RETRY_AFTER: Duration = Duration::from_secs(5);

/// What a page shows while its questions load.
pub fn loading_view() -> AnyView {
    view! { <p class="loading" role="status">"Loading the questions…"</p> }.into_any()
}

/// Fetches one file of an exam's bank: the index (`piece` None) or a piece.
fn fetch(exam: String, file: String, piece: Option<usize>, loaded: RwSignal<u32>) {
    if !IN_FLIGHT.with(|s| s.borrow_mut().insert(file.clone())) {
        return;
    }
    let url = format!("{}/banks/{file}", base_path());
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = get_text(&url).await.and_then(|text| match piece {
            None => library::install_index(&exam, &text),
            Some(k) => library::install_piece(&exam, k, &text),
        });
        if let Err(e) = outcome {
            if e == BankError::Unreachable {
                retry(file.clone(), loaded);
            }
            FAILED.with(|f| f.borrow_mut().insert(file.clone(), e));
        }
        IN_FLIGHT.with(|s| s.borrow_mut().remove(&file));
        loaded.update(|n| *n += 1);
    });
}

/// Forgets that the network lost `file` when the browser is back online,
/// or a while from now, and wakes the pages: a page that still needs the
/// file asks for it again, so a connection lost for a moment (a first
/// visit, before the service worker keeps every file) never leaves a
/// question unreadable until a reload.
fn retry(file: String, loaded: RwSignal<u32>) {
    if !WATCHING_ONLINE.with(|w| w.replace(true)) {
        // Lives as long as the page: never removed.
        let _ = window_event_listener(leptos::ev::online, move |_| forget_lost(loaded, None));
    }
    set_timeout(move || forget_lost(loaded, Some(&file)), RETRY_AFTER);
}

/// Forgets that the network lost `file` (every such file with `None`)
/// and, if it had, wakes the pages that need it.
fn forget_lost(loaded: RwSignal<u32>, file: Option<&str>) {
    let forgot = FAILED.with(|f| {
        let mut f = f.borrow_mut();
        let before = f.len();
        f.retain(|k, e| *e != BankError::Unreachable || file.is_some_and(|file| file != k));
        f.len() < before
    });
    if forgot {
        // A page torn down meanwhile (a component test) has nothing to wake.
        let _ = loaded.try_update(|n| *n += 1);
    }
}

async fn get_text(url: &str) -> Result<String, BankError> {
    let damaged = |why: &str| BankError::Damaged(why.to_owned());
    let window = web_sys::window().ok_or_else(|| damaged("no window"))?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| BankError::Unreachable)?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| damaged("an unexpected answer"))?;
    if !response.ok() {
        return Err(BankError::Damaged(format!(
            "the server answered {}",
            response.status()
        )));
    }
    let text = response
        .text()
        .map_err(|_| damaged("an unreadable answer"))?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| damaged("an unreadable answer"))
}
