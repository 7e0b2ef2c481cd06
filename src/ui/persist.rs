//! Reading and writing the store in localStorage. A record that cannot be
//! read is kept under a backup key, never dropped; storage that is blocked
//! leaves the app working in memory, with a note saying so.

use crate::core::store::{decode, encode, keys, Store};
use gloo_storage::{LocalStorage, Storage};
use std::fmt;

/// Something the test-taker should know about where progress is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageNote {
    /// The saved record could not be read; it was kept under `backup_key`.
    Unreadable { backup_key: String, reason: String },
    /// This browser does not let the page keep data.
    Unavailable,
    /// Writing failed (e.g. storage full).
    WriteFailed(String),
}

impl fmt::Display for StorageNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageNote::Unreadable { backup_key, reason } => write!(
                f,
                "Your saved progress could not be read ({reason}). It has been kept untouched under \
                 the key \"{backup_key}\" in this browser's storage, and a fresh start was made."
            ),
            StorageNote::Unavailable => f.write_str(
                "This browser is not letting the page save data (private mode or a privacy setting). \
                 Everything works, but your progress will be lost when you close this tab.",
            ),
            StorageNote::WriteFailed(reason) => {
                write!(f, "Your latest progress could not be saved ({reason}). It is kept in this tab for now.")
            }
        }
    }
}

fn available() -> bool {
    // gloo's raw() panics when storage is blocked, so ask web-sys first.
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// Loads the store, or a fresh one with a note saying why.
pub fn load() -> (Store, Option<StorageNote>) {
    if !available() {
        return (Store::default(), Some(StorageNote::Unavailable));
    }
    let raw = LocalStorage::raw().get_item(keys::STORE).ok().flatten();
    let Some(raw) = raw else {
        return (Store::default(), None);
    };
    match decode(&raw) {
        Ok(store) => (store, None),
        Err(e) => {
            let backup_key = format!("{}{}", keys::BACKUP_PREFIX, crate::ui::platform::now_ms());
            let kept = LocalStorage::raw().set_item(&backup_key, &raw).is_ok();
            let backup_key = if kept {
                backup_key
            } else {
                keys::STORE.to_owned()
            };
            (
                Store::default(),
                Some(StorageNote::Unreadable {
                    backup_key,
                    reason: e.to_string(),
                }),
            )
        }
    }
}

/// Writes the store. While a backup of an unreadable record is pending it
/// is already safe under its own key, so overwriting the main key is fine.
pub fn save(store: &Store) -> Result<(), StorageNote> {
    if !available() {
        return Err(StorageNote::Unavailable);
    }
    LocalStorage::raw()
        .set_item(keys::STORE, &encode(store))
        .map_err(|e| StorageNote::WriteFailed(describe(&e)))
}

fn describe(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    e.dyn_ref::<web_sys::DomException>()
        .map_or_else(|| "storage refused the write".to_owned(), |d| d.name())
}

/// Removes everything this app keeps in this browser, backups included.
pub fn clear_all() {
    if !available() {
        return;
    }
    let storage = LocalStorage::raw();
    let len = storage.length().unwrap_or(0);
    let ours: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k == keys::STORE || k.starts_with(keys::BACKUP_PREFIX))
        .collect();
    for k in ours {
        let _ = storage.remove_item(&k);
    }
}
