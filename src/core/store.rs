//! What this browser keeps: one versioned record, with a migration from
//! every earlier version. Pure: the UI reads and writes the text. From
//! version 4 the record lies over several keys (`layout`); a backup file
//! still holds it whole.

use super::attempt::Attempt;
use super::plan::PlanSettings;
use super::readiness::{FirstAnswer, FirstAnswers};
use super::schedule::Cards;
use super::select::SeenHistory;
use super::sort;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// Every localStorage key the app uses, in one place.
pub mod keys {
    /// The record's version (version 1 to 3: the whole record).
    pub const STORE: &str = "cert-diagnostic";
    /// Where a record or key that could not be read is kept, with the time
    /// appended.
    pub const BACKUP_PREFIX: &str = "cert-diagnostic.unreadable.";
    /// One attempt each (version 4), the attempt's id appended.
    pub const ATTEMPT_PREFIX: &str = "cert-diagnostic.attempt.";
    /// The seen history (version 4).
    pub const SEEN: &str = "cert-diagnostic.seen";
    /// The first answer to each question (version 4).
    pub const FIRST_ANSWERS: &str = "cert-diagnostic.first-answers";
    /// The review cards (version 4).
    pub const CARDS: &str = "cert-diagnostic.cards";
    /// Plan settings, deletions and backup reminders (version 4).
    pub const SETTINGS: &str = "cert-diagnostic.settings";

    /// Whether a key is one of this app's.
    pub fn is_ours(key: &str) -> bool {
        key == STORE || key.starts_with("cert-diagnostic.")
    }
}

/// The current version of the stored record.
///
/// 1: attempts, seen history, plan settings, deletions.
/// 2: adds full-length attempts (timer, unscored items) and the first
///    answer to every question (readiness evidence, scoring.md §9).
/// 3: adds review cards (study.md §2), practice sessions and confidence.
/// 4: one key per attempt and one for each of the rest (`layout`); adds
///    when the last backup was made and the storage notice's dismissal.
pub const STORE_VERSION: u32 = 4;

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
    /// Ids of deleted attempts, so that merging with another tab's copy
    /// never brings one back.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub deleted: BTreeSet<String>,
    /// The first answer this browser gave to each question (version 2).
    #[serde(default)]
    pub first_answers: FirstAnswers,
    /// A review card per answered question (version 3). Cards for answers
    /// stored before version 3 are made once the question's bank is at hand.
    #[serde(default)]
    pub cards: Cards,
    /// Backups and the notice about storage the browser may clear (version 4).
    #[serde(default)]
    pub keeping: Keeping,
}

/// What keeps progress safe beyond this browser's storage (issue 20).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Keeping {
    /// When a backup file was last made, epoch ms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_backup_ms: Option<u64>,
    /// How many attempts were finished then.
    #[serde(default)]
    pub finished_at_backup: usize,
    /// The notice that this browser may clear the site's storage was
    /// dismissed.
    #[serde(default)]
    pub notice_dismissed: bool,
}

impl Default for Store {
    fn default() -> Self {
        Store {
            version: STORE_VERSION,
            attempts: Vec::new(),
            seen: SeenHistory::new(),
            plan: PlanSettings::default(),
            deleted: BTreeSet::new(),
            first_answers: FirstAnswers::new(),
            cards: Cards::new(),
            keeping: Keeping::default(),
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
    // Only the version first (other fields ignored), then the whole
    // record in that version's shape: no generic JSON tree needed.
    #[derive(Deserialize)]
    struct Versioned {
        version: Option<u64>,
    }
    let head: Versioned =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let version = head.version.ok_or(DecodeError::NoVersion)?;
    let invalid = |e: serde_json::Error| DecodeError::Invalid {
        version,
        reason: e.to_string(),
    };
    match version {
        // Versions 2 and 3 only added fields (with defaults): an older
        // record reads as the current one, then gains what they derive.
        1 => serde_json::from_str(raw)
            .map_err(invalid)
            .map(|mut s: Store| {
                s.version = STORE_VERSION;
                s.backfill_first_answers();
                s
            }),
        // A backup file holds a version 4 record whole.
        2..=4 => serde_json::from_str(raw)
            .map_err(invalid)
            .map(|mut s: Store| {
                s.version = STORE_VERSION;
                s
            }),
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

    /// The unfinished attempt of an exam in one of `modes`, newest first.
    pub fn in_progress_in(&self, exam: &str, modes: &[super::attempt::Mode]) -> Option<&Attempt> {
        self.attempts
            .iter()
            .rev()
            .find(|a| a.exam == exam && !a.is_finished() && modes.contains(&a.mode))
    }

    /// Finished attempts, newest first.
    pub fn finished(&self) -> Vec<&Attempt> {
        let mut v: Vec<&Attempt> = self.attempts.iter().filter(|a| a.is_finished()).collect();
        sort::sort_by_key(&mut v, |a| std::cmp::Reverse(a.finished_ms));
        v
    }

    /// Records the first answer to each answered question of a finished
    /// attempt whose question this browser had never answered before.
    pub fn record_first_answers(&mut self, id: &str) {
        let Some(a) = self.attempt(id) else { return };
        let Some(at) = a.finished_ms else { return };
        let answers: Vec<(String, Vec<u8>)> = a
            .items
            .iter()
            .zip(&a.answers)
            .filter(|(_, chosen)| !chosen.is_empty())
            .map(|(i, chosen)| (i.question.clone(), chosen.clone()))
            .collect();
        for (q, chosen) in answers {
            self.first_answers
                .entry(q)
                .or_insert(FirstAnswer { at_ms: at, chosen });
        }
    }

    /// Derives the first answers from finished attempts, oldest first (the
    /// migration from version 1).
    fn backfill_first_answers(&mut self) {
        let mut done: Vec<(u64, String)> = self
            .attempts
            .iter()
            .filter_map(|a| a.finished_ms.map(|f| (f, a.id.0.clone())))
            .collect();
        sort::sort(&mut done);
        for (_, id) in done {
            self.record_first_answers(&id);
        }
    }

    /// Deletes one attempt; true when it was there.
    pub fn delete_attempt(&mut self, id: &str) -> bool {
        let before = self.attempts.len();
        self.attempts.retain(|a| a.id.0 != id);
        self.deleted.insert(id.to_owned());
        self.attempts.len() != before
    }

    /// This store merged with another copy of it (another tab's): every
    /// attempt of either, by id, the most recently changed copy of each;
    /// deletions of either; the latest sighting of each question. `self`'s
    /// plan settings win (the caller passes the newest write first).
    pub fn merged(&self, other: &Store) -> Store {
        let deleted: BTreeSet<String> = self.deleted.union(&other.deleted).cloned().collect();
        let mut attempts: Vec<Attempt> = Vec::new();
        for a in self.attempts.iter().chain(&other.attempts) {
            if deleted.contains(&a.id.0) {
                continue;
            }
            match attempts.iter_mut().find(|b| b.id == a.id) {
                Some(b) => {
                    let newer = (a.updated_ms, a.is_finished()) > (b.updated_ms, b.is_finished());
                    if newer {
                        *b = a.clone();
                    }
                }
                None => attempts.push(a.clone()),
            }
        }
        sort::sort_by(&mut attempts, |a, b| {
            (a.started_ms, &a.id).cmp(&(b.started_ms, &b.id))
        });
        let mut seen = self.seen.clone();
        for (q, &t) in &other.seen {
            let e = seen.entry(q.clone()).or_insert(t);
            *e = (*e).max(t);
        }
        let mut first_answers = self.first_answers.clone();
        for (q, theirs) in &other.first_answers {
            match first_answers.get(q) {
                // The earlier answer is the first; ties keep the smaller
                // record, so that merging is the same either way round.
                Some(mine) if (mine.at_ms, &mine.chosen) <= (theirs.at_ms, &theirs.chosen) => {}
                _ => {
                    first_answers.insert(q.clone(), theirs.clone());
                }
            }
        }
        let mut cards = self.cards.clone();
        for (q, theirs) in &other.cards {
            let newer = cards
                .get(q)
                .is_none_or(|mine| (theirs.last_ms, theirs.reps) > (mine.last_ms, mine.reps));
            if newer {
                cards.insert(q.clone(), theirs.clone());
            }
        }
        Store {
            version: STORE_VERSION,
            attempts,
            seen,
            plan: self.plan,
            deleted,
            first_answers,
            cards,
            keeping: self.keeping.max(other.keeping),
        }
    }

    /// A copy without the `n` oldest finished attempts (never an unfinished
    /// one): what is kept when storage is full.
    pub fn without_oldest_finished(&self, n: usize) -> Store {
        let mut finished: Vec<(u64, String)> = self
            .attempts
            .iter()
            .filter_map(|a| a.finished_ms.map(|f| (f, a.id.0.clone())))
            .collect();
        sort::sort(&mut finished);
        let drop: BTreeSet<String> = finished.into_iter().take(n).map(|(_, id)| id).collect();
        let mut out = self.clone();
        out.attempts.retain(|a| !drop.contains(&a.id.0));
        out
    }

    /// How many finished attempts there are.
    pub fn finished_count(&self) -> usize {
        self.attempts.iter().filter(|a| a.is_finished()).count()
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
            scored: true,
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

    fn attempt(started: u64) -> Attempt {
        let item = DrawnItem {
            question: "q".into(),
            order: vec![0, 1, 2, 3],
            scored: true,
        };
        Attempt::new("clf-c02", started, Mode::Diagnostic, started, vec![item])
    }

    #[test]
    fn two_tabs_merge_by_attempt_id() {
        let mut a = Store::default();
        let mut b = Store::default();
        let shared = attempt(1);
        a.attempts.push(shared.clone());
        b.attempts.push(shared.clone());
        // Tab A answers the shared attempt later than tab B did.
        b.attempts[0].answers[0] = vec![1];
        b.attempts[0].updated_ms = 5;
        a.attempts[0].answers[0] = vec![2];
        a.attempts[0].updated_ms = 9;
        // Each tab also has an attempt of its own.
        a.attempts.push(attempt(2));
        b.attempts.push(attempt(3));
        b.seen.insert("q".into(), 7);
        a.seen.insert("q".into(), 4);
        let m = b.merged(&a);
        assert_eq!(m.attempts.len(), 3);
        assert_eq!(m.attempts[0].answers[0], vec![2], "the later change wins");
        assert_eq!(m.seen["q"], 7);
        assert_eq!(m, a.merged(&b).clone_with_plan(m.plan));
    }

    impl Store {
        fn clone_with_plan(mut self, plan: PlanSettings) -> Store {
            self.plan = plan;
            self
        }
    }

    #[test]
    fn a_deletion_survives_a_merge() {
        let mut a = Store::default();
        a.attempts.push(attempt(1));
        let b = a.clone();
        let id = a.attempts[0].id.0.clone();
        a.delete_attempt(&id);
        assert!(b.merged(&a).attempts.is_empty());
        assert!(a.merged(&b).attempts.is_empty());
    }

    #[test]
    fn trimming_keeps_the_unfinished_attempt() {
        let mut s = Store::default();
        for t in 1..=3 {
            let mut a = attempt(t);
            a.finished_ms = Some(t * 10);
            s.attempts.push(a);
        }
        s.attempts.push(attempt(99));
        let t = s.without_oldest_finished(10);
        assert_eq!(t.attempts.len(), 1);
        assert!(!t.attempts[0].is_finished());
        let t = s.without_oldest_finished(1);
        assert_eq!(t.finished_count(), 2);
        assert!(
            t.attempts.iter().all(|a| a.finished_ms != Some(10)),
            "the oldest goes first"
        );
    }

    #[test]
    fn version_one_fixture_reads() {
        let raw = include_str!("../../tests/fixtures/store-v1.json");
        let s = decode(raw).expect("v1 fixture decodes");
        assert_eq!(s.attempts.len(), 1);
        assert_eq!(s.plan.weeks, 4);
        assert_eq!(s.version, STORE_VERSION, "migrated to the current version");
        assert!(
            s.first_answers.is_empty(),
            "an unfinished attempt is no evidence"
        );
    }

    #[test]
    fn version_one_with_a_finished_attempt_migrates_its_evidence() {
        let raw = include_str!("../../tests/fixtures/store-v1-finished.json");
        let s = decode(raw).expect("v1 fixture decodes");
        // Its finished attempt's answers become first-answer evidence.
        let a = &s.attempts[0];
        let answered = a.answers.iter().filter(|c| !c.is_empty()).count();
        assert!(a.is_finished() && answered > 0);
        assert_eq!(s.first_answers.len(), answered);
        for (item, chosen) in a.items.iter().zip(&a.answers) {
            if !chosen.is_empty() {
                let fa = &s.first_answers[&item.question];
                assert_eq!((&fa.chosen, Some(fa.at_ms)), (chosen, a.finished_ms));
            }
        }
        // Written back, it reads the same.
        assert_eq!(decode(&encode(&s)), Ok(s));
    }

    #[test]
    fn version_two_fixture_reads() {
        let raw = include_str!("../../tests/fixtures/store-v2.json");
        let s = decode(raw).expect("v2 fixture decodes");
        let exam = s
            .attempts
            .iter()
            .find(|a| a.mode == Mode::PracticeExam)
            .expect("a practice exam");
        assert_eq!(exam.items.len(), 65);
        assert_eq!(exam.scored_count(), 50);
        assert!(exam.timer.is_some());
        assert!(!s.first_answers.is_empty());
    }

    #[test]
    fn first_answers_keep_the_earliest_and_merge_both_ways() {
        let mut a = Store::default();
        let mut b = Store::default();
        let fa = |at, c: u8| FirstAnswer {
            at_ms: at,
            chosen: vec![c],
        };
        a.first_answers.insert("q1".into(), fa(5, 1));
        b.first_answers.insert("q1".into(), fa(3, 2));
        b.first_answers.insert("q2".into(), fa(9, 0));
        let m = a.merged(&b);
        assert_eq!(m.first_answers["q1"], fa(3, 2));
        assert_eq!(m.first_answers.len(), 2);
        assert_eq!(m.first_answers, b.merged(&a).first_answers);
        assert_eq!(m.merged(&b).first_answers, m.first_answers, "idempotent");
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
