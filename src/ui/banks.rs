//! Each exam's bank is fetched the first time a page needs it (and
//! preloaded by that exam's pages), so a first visit downloads only what it
//! uses. Readers call `use_bank` inside a reactive closure: it starts the
//! fetch and re-runs them when the bank arrives.

use crate::core::content::Bank;
use crate::core::library::{self, BankError};
use crate::ui::platform::base_path;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Bumped each time a fetch finishes (a bank arrived, or failed).
#[derive(Clone, Copy)]
pub struct BanksLoaded(pub RwSignal<u32>);

thread_local! {
    static IN_FLIGHT: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
    static FAILED: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// The exam's bank; `Err(BankError::Loading)` while it is on its way.
pub fn use_bank(exam: &str) -> Result<&'static Bank, BankError> {
    let BanksLoaded(loaded) = expect_context();
    loaded.track();
    match library::bank(exam) {
        Err(BankError::Loading) => {
            if let Some(why) = FAILED.with(|f| f.borrow().get(exam).cloned()) {
                return Err(BankError::Damaged(why));
            }
            fetch(exam.to_owned(), loaded);
            Err(BankError::Loading)
        }
        other => other,
    }
}

/// What a page shows while its questions load.
pub fn loading_view() -> AnyView {
    view! { <p class="loading" role="status">"Loading the questions…"</p> }.into_any()
}

fn fetch(exam: String, loaded: RwSignal<u32>) {
    let started = IN_FLIGHT.with(|s| s.borrow_mut().insert(exam.clone()));
    let Some(file) = library::bank_file(&exam).filter(|_| started) else {
        return;
    };
    let url = format!("{}/banks/{file}", base_path());
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = match get_text(&url).await {
            Ok(text) => library::install_bank(&exam, &text)
                .map(|_| ())
                .map_err(|e| match e {
                    BankError::Damaged(why) => why,
                    other => other.to_string(),
                }),
            Err(why) => Err(why),
        };
        if let Err(why) = outcome {
            FAILED.with(|f| f.borrow_mut().insert(exam.clone(), why));
        }
        IN_FLIGHT.with(|s| s.borrow_mut().remove(&exam));
        loaded.update(|n| *n += 1);
    });
}

async fn get_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or_else(|| "no window".to_owned())?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the network request failed".to_owned())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "an unexpected answer".to_owned())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = response
        .text()
        .map_err(|_| "an unreadable answer".to_owned())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "an unreadable answer".to_owned())
}
