//! Backup and restore (study.md §3): the whole stored record in one file
//! that moves progress to another browser, and a restore that validates
//! before it changes anything, then merges by id and says what it did.

use super::store::{decode, DecodeError, Store, STORE_VERSION};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// What marks a file as one of this app's backups.
pub const FORMAT: &str = "cert-diagnostic-backup";

/// The app version written into each backup.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A backup file's contents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    /// The store's schema version (the same as `store.version`).
    pub schema: u32,
    /// The app that wrote it.
    pub app: String,
    pub created_ms: u64,
    pub store: Store,
}

/// The file name for a backup made on `date` ("2026-12-01").
pub fn file_name(date: &str) -> String {
    format!("cert-diagnostic-{date}.json")
}

/// The backup file's text for `store`.
pub fn write(store: &Store, now_ms: u64) -> String {
    let backup = Backup {
        format: FORMAT.to_owned(),
        schema: STORE_VERSION,
        app: APP_VERSION.to_owned(),
        created_ms: now_ms,
        store: store.clone(),
    };
    // Only strings, numbers and string-keyed maps: it always serialises.
    serde_json::to_string_pretty(&backup).unwrap_or_default()
}

/// Why a file cannot be restored. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreError {
    /// Not this app's backup at all.
    NotABackup,
    /// A backup, but cut short or altered.
    Damaged(String),
    /// Written by a newer version of the app.
    Newer { schema: u64 },
}

impl fmt::Display for RestoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RestoreError::NotABackup => f.write_str(
                "This file is not a Cert Diagnostic backup. Choose a file named like cert-diagnostic-2026-12-01.json. Nothing was changed.",
            ),
            RestoreError::Damaged(why) => write!(
                f,
                "This backup is damaged or incomplete ({why}); it may have been cut short when it was copied. Nothing was changed."
            ),
            RestoreError::Newer { schema } => write!(
                f,
                "This backup was made by a newer version of Cert Diagnostic (data version {schema}; this one reads up to {STORE_VERSION}). Reload the page to get the newest version, then restore again. Nothing was changed."
            ),
        }
    }
}

/// Reads and validates a backup file; migrates an older store inside it.
pub fn read(text: &str) -> Result<Store, RestoreError> {
    #[derive(Deserialize)]
    struct Head {
        format: Option<String>,
        schema: Option<u64>,
    }
    let looks_like_ours = text.contains(FORMAT);
    let head: Head = serde_json::from_str(text).map_err(|e| {
        if looks_like_ours {
            RestoreError::Damaged(format!("it is not complete JSON: {e}"))
        } else {
            RestoreError::NotABackup
        }
    })?;
    if head.format.as_deref() != Some(FORMAT) {
        return Err(RestoreError::NotABackup);
    }
    if let Some(schema) = head.schema.filter(|&s| s > u64::from(STORE_VERSION)) {
        return Err(RestoreError::Newer { schema });
    }
    // The store inside, in whatever version it was written: the store's own
    // migration reads it.
    #[derive(Deserialize)]
    struct Inner {
        store: serde_json::Value,
    }
    let inner: Inner = serde_json::from_str(text)
        .map_err(|e| RestoreError::Damaged(format!("it has no progress in it: {e}")))?;
    decode(&inner.store.to_string()).map_err(|e| match e {
        DecodeError::FromTheFuture(schema) => RestoreError::Newer { schema },
        other => RestoreError::Damaged(other.to_string()),
    })
}

/// What a restore did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RestoreReport {
    /// Attempts that were not here before.
    pub attempts_added: usize,
    /// Attempts here and in the file, where the file's was changed later.
    pub attempts_updated: usize,
    /// Attempts here and in the file, where this browser's is kept.
    pub attempts_kept: usize,
    pub cards_added: usize,
    pub cards_updated: usize,
}

impl fmt::Display for RestoreReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = super::text::count;
        write!(
            f,
            "Restored: {} added, {} updated from the file, {} kept as they were here; {} and {} updated.",
            n(self.attempts_added, "attempt", "attempts"),
            self.attempts_updated,
            self.attempts_kept,
            n(self.cards_added, "review card added", "review cards added"),
            self.cards_updated
        )
    }
}

impl Store {
    /// This store with a backup's merged in: every attempt and card of
    /// either, by id, the one changed last where both have it. A restore
    /// never removes anything here, and brings back what the file has even
    /// if it was deleted here (restoring is asking for it back). This
    /// browser's plan settings stay.
    pub fn restored(&self, backup: &Store) -> (Store, RestoreReport) {
        let mut report = RestoreReport::default();
        for theirs in &backup.attempts {
            match self.attempt(&theirs.id.0) {
                None => report.attempts_added += 1,
                Some(mine)
                    if (theirs.updated_ms, theirs.is_finished())
                        > (mine.updated_ms, mine.is_finished()) =>
                {
                    report.attempts_updated += 1;
                }
                Some(_) => report.attempts_kept += 1,
            }
        }
        for (q, theirs) in &backup.cards {
            match self.cards.get(q) {
                None => report.cards_added += 1,
                Some(mine) if (theirs.last_ms, theirs.reps) > (mine.last_ms, mine.reps) => {
                    report.cards_updated += 1
                }
                Some(_) => {}
            }
        }
        let back: BTreeSet<&str> = backup.attempts.iter().map(|a| a.id.0.as_str()).collect();
        let mut mine = self.clone();
        mine.deleted.retain(|id| !back.contains(id.as_str()));
        let mut theirs = backup.clone();
        theirs.deleted.clear();
        let mut merged = mine.merged(&theirs);
        merged.plan = self.plan;
        (merged, report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::attempt::Attempt;
    use crate::core::schedule::{review, Rating};

    fn attempt(started: u64) -> Attempt {
        crate::core::testing::one_question_attempt("clf-1.1-001", started)
    }

    fn sample() -> Store {
        let mut s = Store::default();
        s.attempts.push(attempt(1));
        s.attempts.push(attempt(2));
        s.cards.insert(
            "clf-1.1-001".into(),
            review(None, "clf-c02", Rating::Again, 10),
        );
        s
    }

    #[test]
    fn a_backup_reads_back_as_the_same_store() {
        let s = sample();
        let text = write(&s, 99);
        assert!(text.contains(FORMAT) && text.contains(APP_VERSION));
        assert_eq!(read(&text), Ok(s));
        assert_eq!(file_name("2026-12-01"), "cert-diagnostic-2026-12-01.json");
    }

    #[test]
    fn files_that_are_not_backups_or_damaged_or_newer_are_refused() {
        assert_eq!(read("\u{89}PNG\r\n"), Err(RestoreError::NotABackup));
        assert_eq!(
            read(r#"{"version": 3, "attempts": []}"#),
            Err(RestoreError::NotABackup)
        );
        let text = write(&sample(), 99);
        let cut = &text[..text.len() / 2];
        assert!(matches!(read(cut), Err(RestoreError::Damaged(_))));
        let newer = text.replacen(&format!("\"schema\": {STORE_VERSION}"), "\"schema\": 99", 1);
        assert_eq!(read(&newer), Err(RestoreError::Newer { schema: 99 }));
        let bad_store = text.replacen("\"attempts\": [", "\"attempts\": 5, \"x\": [", 1);
        assert!(matches!(read(&bad_store), Err(RestoreError::Damaged(_))));
    }

    #[test]
    fn an_older_store_inside_a_backup_is_migrated() {
        let v1 = include_str!("../../tests/fixtures/store-v1-finished.json");
        let text = format!(
            r#"{{"format":"{FORMAT}","schema":1,"app":"0.1.0","created_ms":5,"store":{v1}}}"#
        );
        let s = read(&text).expect("a version-1 backup restores");
        assert_eq!(s.version, STORE_VERSION);
        assert!(!s.first_answers.is_empty());
    }

    #[test]
    fn a_version_3_backup_restores_into_version_4_with_every_answer() {
        // A backup file written before the store became one key per attempt.
        let fixture: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/before-revision.json"))
                .unwrap();
        let v3 = fixture["store"].as_str().unwrap();
        assert!(v3.starts_with("{\"version\":3"));
        let text = format!(
            r#"{{"format":"{FORMAT}","schema":3,"app":"0.1.0","created_ms":5,"store":{v3}}}"#
        );
        let theirs = read(&text).expect("a version-3 backup restores");
        assert_eq!(theirs.version, STORE_VERSION);
        let (merged, report) = Store::default().restored(&theirs);
        assert_eq!(report.attempts_added, 3);
        let old = crate::core::store::decode(v3).unwrap();
        for a in &old.attempts {
            assert_eq!(
                merged.attempt(&a.id.0).map(|m| &m.answers),
                Some(&a.answers)
            );
        }
        assert_eq!(merged.cards, old.cards);
        assert_eq!(merged.first_answers, old.first_answers);
        // And it lies over version 4's keys like any other store.
        let parts = crate::core::layout::all_parts(&merged);
        assert_eq!(
            parts
                .iter()
                .filter(|(k, _)| k.starts_with(crate::core::store::keys::ATTEMPT_PREFIX))
                .count(),
            3
        );
    }

    #[test]
    fn restore_adds_updates_keeps_and_never_removes() {
        let mut here = sample();
        let mut file = sample();
        // The file has a later change of attempt 1 and a new attempt 3;
        // here has a later change of attempt 2 and its own attempt 4.
        file.attempts[0].updated_ms = 50;
        file.attempts.push(attempt(3));
        here.attempts[1].updated_ms = 60;
        here.attempts.push(attempt(4));
        let (merged, report) = here.restored(&file);
        assert_eq!(merged.attempts.len(), 4);
        assert_eq!(
            (
                report.attempts_added,
                report.attempts_updated,
                report.attempts_kept
            ),
            (1, 1, 1)
        );
        assert_eq!(
            merged.attempt(&here.attempts[1].id.0).unwrap().updated_ms,
            60
        );
        assert_eq!(
            merged.attempt(&file.attempts[0].id.0).unwrap().updated_ms,
            50
        );
        // An attempt deleted here comes back when the file has it.
        let id = here.attempts[0].id.0.clone();
        here.delete_attempt(&id);
        let (merged, _) = here.restored(&file);
        assert!(merged.attempt(&id).is_some());
        assert!(!merged.deleted.contains(&id));
    }
}
