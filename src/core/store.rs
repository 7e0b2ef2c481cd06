//! What this browser keeps: one versioned record, with a migration from
//! every earlier version. Pure: the UI reads and writes the text.

use super::attempt::Attempt;
use super::plan::PlanSettings;
use super::select::SeenHistory;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// Every localStorage key the app uses, in one place.
pub mod keys {
    /// The record itself.
    pub const STORE: &str = "cert-diagnostic";
    /// Where a record that could not be read is kept, with the time appended.
    pub const BACKUP_PREFIX: &str = "cert-diagnostic.unreadable.";
}

/// The current version of the stored record.
pub const STORE_VERSION: u32 = 1;

/// Everything the app keeps between visits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Store {
    pub version: u32,
    #[serde(default)]
    pub attempts: Vec<Attempt>,
    #[serde(default)]
    pub seen: SeenHistory,
    #[serde(default)]
    pub plan: PlanSettings,
}

impl Default for Store {
    fn default() -> Self {
        Store {
            version: STORE_VERSION,
            attempts: Vec::new(),
            seen: SeenHistory::new(),
            plan: PlanSettings::default(),
        }
    }
}

/// Why a stored record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    NotJson(String),
    NoVersion,
    FromTheFuture(u64),
    Invalid { version: u64, reason: String },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(e) => write!(f, "the saved data is not valid JSON ({e})"),
            DecodeError::NoVersion => f.write_str("the saved data has no version number"),
            DecodeError::FromTheFuture(v) => {
                write!(
                    f,
                    "the saved data is version {v}, newer than this app (version {STORE_VERSION})"
                )
            }
            DecodeError::Invalid { version, reason } => {
                write!(
                    f,
                    "the saved data (version {version}) does not have the expected shape: {reason}"
                )
            }
        }
    }
}

/// Reads a stored record of any known version, migrating it to the current one.
pub fn decode(raw: &str) -> Result<Store, DecodeError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(DecodeError::NoVersion)?;
    let invalid = |e: serde_json::Error| DecodeError::Invalid {
        version,
        reason: e.to_string(),
    };
    match version {
        1 => serde_json::from_value(value).map_err(invalid),
        v if v > u64::from(STORE_VERSION) => Err(DecodeError::FromTheFuture(v)),
        // Version 0 never shipped; anything older than 1 is unknown.
        _ => Err(DecodeError::Invalid {
            version,
            reason: "unknown version".into(),
        }),
    }
}

/// The text to store.
pub fn encode(store: &Store) -> String {
    // A Store holds only strings, numbers and maps with string keys, which
    // always serialise.
    serde_json::to_string(store).unwrap_or_default()
}

impl Store {
    /// The attempt with this id.
    pub fn attempt(&self, id: &str) -> Option<&Attempt> {
        self.attempts.iter().find(|a| a.id.0 == id)
    }

    /// The attempt with this id, to change it.
    pub fn attempt_mut(&mut self, id: &str) -> Option<&mut Attempt> {
        self.attempts.iter_mut().find(|a| a.id.0 == id)
    }

    /// The unfinished attempt of an exam, if there is one.
    pub fn in_progress(&self, exam: &str) -> Option<&Attempt> {
        self.attempts
            .iter()
            .rev()
            .find(|a| a.exam == exam && !a.is_finished())
    }

    /// Finished attempts, newest first.
    pub fn finished(&self) -> Vec<&Attempt> {
        let mut v: Vec<&Attempt> = self.attempts.iter().filter(|a| a.is_finished()).collect();
        v.sort_by_key(|a| std::cmp::Reverse(a.finished_ms));
        v
    }

    /// Deletes one attempt; true when it was there.
    pub fn delete_attempt(&mut self, id: &str) -> bool {
        let before = self.attempts.len();
        self.attempts.retain(|a| a.id.0 != id);
        self.attempts.len() != before
    }

    /// Notes that these questions were shown at `now_ms`.
    pub fn mark_seen<'a>(&mut self, questions: impl IntoIterator<Item = &'a str>, now_ms: u64) {
        for q in questions {
            self.seen.insert(q.to_owned(), now_ms);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::attempt::Mode;
    use crate::core::select::DrawnItem;

    #[test]
    fn round_trip() {
        let mut s = Store::default();
        let item = DrawnItem {
            question: "clf-1.1-001".into(),
            order: vec![2, 0, 1, 3],
        };
        s.attempts.push(Attempt::new(
            "clf-c02",
            9,
            Mode::Diagnostic,
            100,
            vec![item],
        ));
        s.mark_seen(["clf-1.1-001"], 100);
        assert_eq!(decode(&encode(&s)), Ok(s));
    }

    #[test]
    fn delete_one_attempt() {
        let mut s = Store::default();
        s.attempts
            .push(Attempt::new("clf-c02", 1, Mode::Diagnostic, 100, vec![]));
        s.attempts
            .push(Attempt::new("clf-c02", 2, Mode::Diagnostic, 200, vec![]));
        let id = s.attempts[0].id.0.clone();
        assert!(s.delete_attempt(&id));
        assert!(!s.delete_attempt(&id));
        assert_eq!(s.attempts.len(), 1);
    }

    #[test]
    fn version_one_fixture_reads() {
        let raw = include_str!("../../tests/fixtures/store-v1.json");
        let s = decode(raw).expect("v1 fixture decodes");
        assert_eq!(s.attempts.len(), 1);
        assert_eq!(s.plan.weeks, 4);
    }

    #[test]
    fn bad_records_are_errors_not_panics() {
        assert!(matches!(decode("{not json"), Err(DecodeError::NotJson(_))));
        assert_eq!(decode("{}"), Err(DecodeError::NoVersion));
        assert_eq!(
            decode(r#"{"version": 99}"#),
            Err(DecodeError::FromTheFuture(99))
        );
        assert!(matches!(
            decode(r#"{"version": 1, "attempts": 5}"#),
            Err(DecodeError::Invalid { .. })
        ));
    }
}
