//! Reading and writing the store in localStorage. A record that cannot be
//! read is kept under a backup key, never dropped; blocked storage leaves
//! the app working in memory with a note; a full storage gives up the
//! oldest finished attempts, never the current one; another tab's writes
//! are merged, never overwritten.

use crate::core::store::{decode, encode, keys, DecodeError, Store};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set when the saved record is from a newer version: nothing is written.
static MEMORY_ONLY: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// The text this tab last wrote, to tell whether another tab wrote since.
    static LAST_WRITTEN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}
use crate::ui::platform::now_ms;
use gloo_storage::{LocalStorage, Storage};
use std::borrow::Cow;
use std::fmt;
use wasm_bindgen::JsCast;

/// Something the test-taker should know about where progress is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageNote {
    /// The saved record could not be read; it was kept under `backup_key`.
    Unreadable { backup_key: String, reason: String },
    /// This browser does not let the page keep data.
    Unavailable,
    /// Storage was full: the oldest finished attempts were not kept.
    Trimmed(usize),
    /// Writing failed (e.g. a storage quota of zero).
    WriteFailed(String),
    /// The saved record comes from a newer version of the app: it is left
    /// untouched, and this tab works in memory.
    Newer(String),
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
            StorageNote::Trimmed(n) => write!(
                f,
                "This browser's storage for the site is full, so the oldest finished {} \
                 not kept there. Your current progress is saved.",
                if *n == 1 {
                    "attempt was".to_owned()
                } else {
                    format!("{n} attempts were")
                }
            ),
            StorageNote::Newer(reason) => write!(
                f,
                "Your saved progress was written by a newer version of this site ({reason}). It is left \
                 untouched: this tab works in memory and saves nothing. Reload the page to get the newer version."
            ),
            StorageNote::WriteFailed(reason) => write!(
                f,
                "Your progress could not be saved in this browser ({reason}). It is kept in this tab \
                 until you close it."
            ),
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    // gloo's raw() panics when storage is blocked, so ask web-sys first.
    web_sys::window()?.local_storage().ok().flatten()?;
    Some(LocalStorage::raw())
}

/// Keeps an unreadable record under a backup key; returns the key.
fn back_up(storage: &web_sys::Storage, raw: &str) -> String {
    let key = format!("{}{}", keys::BACKUP_PREFIX, now_ms());
    if storage.set_item(&key, raw).is_ok() {
        key
    } else {
        keys::STORE.to_owned()
    }
}

/// Loads the store, or a fresh one with a note saying why.
pub fn load() -> (Store, Option<StorageNote>) {
    let Some(storage) = storage() else {
        return (Store::default(), Some(StorageNote::Unavailable));
    };
    let Some(raw) = storage.get_item(keys::STORE).ok().flatten() else {
        return (Store::default(), None);
    };
    match decode(&raw) {
        Ok(store) => (store, None),
        Err(e @ DecodeError::FromTheFuture(_)) => {
            MEMORY_ONLY.store(true, Ordering::Relaxed);
            (Store::default(), Some(StorageNote::Newer(e.to_string())))
        }
        Err(e) => {
            let backup_key = back_up(&storage, &raw);
            if backup_key != keys::STORE {
                // Safe under its backup key: the main key starts afresh.
                let _ = storage.remove_item(keys::STORE);
            }
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

fn error_name(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>().map_or_else(
        || "storage refused the write".to_owned(),
        web_sys::DomException::name,
    )
}

/// Writes the store, merged with what another tab may have written since.
/// Returns a note when something happened the test-taker should know.
pub fn save(store: &Store) -> Option<StorageNote> {
    if MEMORY_ONLY.load(Ordering::Relaxed) {
        return None;
    }
    let Some(storage) = storage() else {
        return Some(StorageNote::Unavailable);
    };
    let mut note = None;
    let current = storage.get_item(keys::STORE).ok().flatten();
    // Unchanged since this tab wrote it: no other tab wrote in between, so
    // there is nothing to merge, and the costly read of the record is saved.
    let ours =
        LAST_WRITTEN.with(|l| l.borrow().as_deref() == current.as_deref() && current.is_some());
    // Borrowed unless another tab's record had to be merged in: a deep copy
    // of a long history on every answer would cost more than the write.
    let to_write = match current.as_deref().filter(|_| !ours).map(decode) {
        Some(Ok(theirs)) => Cow::Owned(store.merged(&theirs)),
        Some(Err(e)) => {
            // Never overwrite a record we cannot read without keeping it.
            let raw = current.unwrap_or_default();
            let backup_key = back_up(&storage, &raw);
            note = Some(StorageNote::Unreadable {
                backup_key,
                reason: e.to_string(),
            });
            Cow::Borrowed(store)
        }
        None => Cow::Borrowed(store),
    };
    for dropped in 0..=to_write.finished_count() {
        let text = if dropped == 0 {
            encode(&to_write)
        } else {
            encode(&to_write.without_oldest_finished(dropped))
        };
        match storage.set_item(keys::STORE, &text) {
            Ok(()) => {
                LAST_WRITTEN.with(|l| *l.borrow_mut() = Some(text));
                return if dropped == 0 {
                    note
                } else {
                    Some(StorageNote::Trimmed(dropped))
                };
            }
            Err(e) if error_name(&e) == "QuotaExceededError" => {}
            Err(e) => return Some(StorageNote::WriteFailed(error_name(&e))),
        }
    }
    Some(StorageNote::WriteFailed("storage is full".into()))
}

/// What another tab's write means for this tab's store.
pub fn from_other_tab(current: &Store, new_value: Option<String>) -> Option<Store> {
    match new_value {
        // Another tab cleared everything.
        None => Some(Store::default()),
        // The newest write first: its plan settings win.
        Some(raw) => decode(&raw).ok().map(|theirs| theirs.merged(current)),
    }
}

/// Removes everything this app keeps in this browser, backups included.
pub fn clear_all() {
    let Some(storage) = storage() else { return };
    let len = storage.length().unwrap_or(0);
    let ours: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k == keys::STORE || k.starts_with(keys::BACKUP_PREFIX))
        .collect();
    for k in ours {
        let _ = storage.remove_item(&k);
    }
}
