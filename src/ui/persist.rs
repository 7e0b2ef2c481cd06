//! Reading and writing the store in localStorage, one key per part
//! (`core::layout`). A key that cannot be read is kept under a backup key,
//! never dropped, and the rest loads; blocked storage leaves the app
//! working in memory with a note; a full storage gives up the oldest
//! finished attempts, never the current one; another tab's writes are
//! merged, never overwritten.

use crate::core::store::{keys, DecodeError, Store};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set when the saved record is from a newer version: nothing is written.
static MEMORY_ONLY: AtomicBool = AtomicBool::new(false);

use crate::core::content::content_hash;
use crate::core::layout::{self, Loaded, Part, Stamp};
use crate::ui::platform::now_ms;
use gloo_storage::{LocalStorage, Storage};
use std::cell::RefCell;
use std::collections::HashMap;
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

/// Keeps an unreadable text under a backup key; returns the key.
fn back_up(storage: &web_sys::Storage, key: &str, raw: &str) -> String {
    let suffix = key.strip_prefix("cert-diagnostic.").unwrap_or("record");
    let backup = format!("{}{suffix}.{}", keys::BACKUP_PREFIX, now_ms());
    if storage.set_item(&backup, raw).is_ok() {
        backup
    } else {
        key.to_owned()
    }
}

/// Every key of the store with its text (backups aside).
fn store_entries(storage: &web_sys::Storage) -> Vec<(String, String)> {
    let len = storage.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| Part::of_key(k).is_some())
        .filter_map(|k| storage.get_item(&k).ok().flatten().map(|t| (k, t)))
        .collect()
}

/// Loads the store, or a fresh one with notes saying why.
pub fn load() -> (Store, Vec<StorageNote>) {
    let Some(storage) = storage() else {
        return (Store::default(), vec![StorageNote::Unavailable]);
    };
    let main = storage.get_item(keys::STORE).ok().flatten();
    let entries = store_entries(&storage);
    match layout::load(main.as_deref(), &entries) {
        Ok(Loaded::Fresh) => (Store::default(), Vec::new()),
        Ok(Loaded::Parts(store, unreadable)) => {
            let notes = unreadable
                .into_iter()
                .map(|u| {
                    let raw = storage.get_item(&u.key).ok().flatten().unwrap_or_default();
                    let backup_key = back_up(&storage, &u.key, &raw);
                    if backup_key != u.key {
                        let _ = storage.remove_item(&u.key);
                    }
                    StorageNote::Unreadable {
                        backup_key,
                        reason: u.reason,
                    }
                })
                .collect();
            WRITTEN.with(|w| *w.borrow_mut() = Written::of_entries(&store, &entries));
            (store, notes)
        }
        // Version 1 to 3: the whole record in the main key. It is written
        // out as parts at the first save, the main key last.
        Ok(Loaded::Legacy(store)) => (store, Vec::new()),
        Err(e @ DecodeError::FromTheFuture(_)) => {
            MEMORY_ONLY.store(true, Ordering::Relaxed);
            (Store::default(), vec![StorageNote::Newer(e.to_string())])
        }
        Err(e) => {
            let raw = main.unwrap_or_default();
            let backup_key = back_up(&storage, keys::STORE, &raw);
            if backup_key != keys::STORE {
                // Safe under its backup key: the main key starts afresh.
                let _ = storage.remove_item(keys::STORE);
            }
            (
                Store::default(),
                vec![StorageNote::Unreadable {
                    backup_key,
                    reason: e.to_string(),
                }],
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

/// What this tab last wrote: the store's stamp, and a hash of each key's
/// text (to tell whether another tab wrote a key since).
#[derive(Default)]
struct Written {
    stamp: Stamp,
    texts: HashMap<String, String>,
}

impl Written {
    fn of_entries(store: &Store, entries: &[(String, String)]) -> Written {
        Written {
            stamp: Stamp::of(store),
            texts: entries
                .iter()
                .map(|(k, t)| (k.clone(), content_hash(t)))
                .collect(),
        }
    }
}

thread_local! {
    static WRITTEN: RefCell<Written> = RefCell::new(Written::default());
}

/// Writes what changed since this tab's last write: the attempt an answer
/// changed, and the small keys that changed with it, never the whole
/// history. A key another tab wrote since is merged with, never
/// overwritten. Returns a note when something happened the test-taker
/// should know.
pub fn save(store: &Store) -> Option<StorageNote> {
    if MEMORY_ONLY.load(Ordering::Relaxed) {
        return None;
    }
    let Some(storage) = storage() else {
        return Some(StorageNote::Unavailable);
    };
    let main = storage.get_item(keys::STORE).ok().flatten();
    let migrating = main.as_deref() != Some(layout::meta().as_str());
    let before = WRITTEN.with(|w| {
        if migrating {
            Stamp::default()
        } else {
            w.borrow().stamp.clone()
        }
    });
    let stamp = Stamp::of(store);
    let mut note = None;
    let mut trimmed = 0;
    for part in stamp.changed_since(&before) {
        let key = part.key();
        let current = storage.get_item(&key).ok().flatten();
        let theirs = current
            .as_deref()
            .filter(|t| WRITTEN.with(|w| w.borrow().texts.get(&key) != Some(&content_hash(t))));
        // Another tab wrote this key since: merge, never overwrite.
        let merged = theirs.and_then(|t| layout::merge_part(store, &part, t).ok());
        let text = layout::encode_part(merged.as_ref().unwrap_or(store), &part);
        let Some(text) = text else {
            let _ = storage.remove_item(&key);
            WRITTEN.with(|w| w.borrow_mut().texts.remove(&key));
            continue;
        };
        loop {
            match storage.set_item(&key, &text) {
                Ok(()) => break,
                Err(e) if error_name(&e) == "QuotaExceededError" => {
                    // The oldest finished attempt gives way; never the
                    // current one, nor the one being written.
                    let gone = layout::trimmable(store)
                        .into_iter()
                        .map(|p| p.key())
                        .find(|k| *k != key && storage.get_item(k).ok().flatten().is_some());
                    let Some(gone) = gone else {
                        return Some(StorageNote::WriteFailed("storage is full".into()));
                    };
                    let _ = storage.remove_item(&gone);
                    trimmed += 1;
                }
                Err(e) => return Some(StorageNote::WriteFailed(error_name(&e))),
            }
        }
        WRITTEN.with(|w| w.borrow_mut().texts.insert(key, content_hash(&text)));
    }
    if migrating {
        // The parts are all there: only now does the main key stop holding
        // the older whole record.
        if let Err(e) = storage.set_item(keys::STORE, &layout::meta()) {
            note = Some(StorageNote::WriteFailed(error_name(&e)));
        }
    }
    WRITTEN.with(|w| w.borrow_mut().stamp = stamp);
    if trimmed > 0 {
        return Some(StorageNote::Trimmed(trimmed));
    }
    note
}

/// What another tab's write to `key` means for this tab's store: `None`
/// when it changes nothing here.
pub fn from_other_tab(current: &Store, key: &str, new_value: Option<String>) -> Option<Store> {
    if key == keys::STORE {
        // Another tab cleared everything.
        return new_value.is_none().then(Store::default);
    }
    let part = Part::of_key(key)?;
    let text = new_value?;
    let merged = layout::merge_part(current, &part, &text).ok()?;
    // What it wrote is now what this tab knows of the key.
    WRITTEN.with(|w| {
        w.borrow_mut()
            .texts
            .insert(key.to_owned(), content_hash(&text))
    });
    Some(merged)
}

/// Removes everything this app keeps in this browser, backups included.
pub fn clear_all() {
    let Some(storage) = storage() else { return };
    let len = storage.length().unwrap_or(0);
    let ours: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| keys::is_ours(k))
        .collect();
    for k in ours {
        let _ = storage.remove_item(&k);
    }
}
