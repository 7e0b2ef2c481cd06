//! The app's shared state, as small context newtypes.

use crate::core::store::Store;
use leptos::prelude::*;

/// Everything kept in this browser.
#[derive(Clone, Copy)]
pub struct AppStore(pub RwSignal<Store>);

/// Notes about storage the page must show (unreadable record, blocked
/// storage, a failed write).
#[derive(Clone, Copy)]
pub struct StorageNotes(pub RwSignal<Vec<String>>);

/// The shared store.
pub fn use_store() -> RwSignal<Store> {
    expect_context::<AppStore>().0
}

/// Whether the browser agreed to keep this site's storage (None: unknown).
#[derive(Clone, Copy)]
pub struct Persistence(pub RwSignal<Option<bool>>);
