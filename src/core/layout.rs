//! How the store lies in localStorage from version 4 on: one key per
//! attempt and a small key for each of the rest (seen history, first
//! answers, review cards, settings), so that an answer rewrites its own
//! attempt and nothing else, a damaged key costs only what it holds, and
//! two tabs writing different attempts never touch the same key. The main
//! key then holds only the version. Pure: the UI reads and writes texts.

use super::attempt::Attempt;
use super::plan::PlanSettings;
use super::store::{decode, keys, DecodeError, Keeping, Store, STORE_VERSION};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One key's worth of the store.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Attempt(String),
    Seen,
    FirstAnswers,
    Cards,
    Settings,
}

impl Part {
    /// The localStorage key of this part.
    pub fn key(&self) -> String {
        match self {
            Part::Attempt(id) => format!("{}{id}", keys::ATTEMPT_PREFIX),
            Part::Seen => keys::SEEN.to_owned(),
            Part::FirstAnswers => keys::FIRST_ANSWERS.to_owned(),
            Part::Cards => keys::CARDS.to_owned(),
            Part::Settings => keys::SETTINGS.to_owned(),
        }
    }

    /// The part a key holds, if it is one of the store's.
    pub fn of_key(key: &str) -> Option<Part> {
        if let Some(id) = key.strip_prefix(keys::ATTEMPT_PREFIX) {
            return (!id.is_empty()).then(|| Part::Attempt(id.to_owned()));
        }
        match key {
            keys::SEEN => Some(Part::Seen),
            keys::FIRST_ANSWERS => Some(Part::FirstAnswers),
            keys::CARDS => Some(Part::Cards),
            keys::SETTINGS => Some(Part::Settings),
            _ => None,
        }
    }
}

/// What the settings key holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Settings {
    plan: PlanSettings,
    #[serde(default)]
    deleted: BTreeSet<String>,
    #[serde(default)]
    keeping: Keeping,
}

/// The text the main key holds from version 4 on.
pub fn meta() -> String {
    format!("{{\"version\":{STORE_VERSION}}}")
}

/// The text of one part of `store`; `None` for an attempt it no longer has
/// (its key is then removed).
pub fn encode_part(store: &Store, part: &Part) -> Option<String> {
    // Every part holds only strings, numbers and maps with string keys,
    // which always serialise.
    let text = match part {
        Part::Attempt(id) => serde_json::to_string(store.attempt(id)?),
        Part::Seen => serde_json::to_string(&store.seen),
        Part::FirstAnswers => serde_json::to_string(&store.first_answers),
        Part::Cards => serde_json::to_string(&store.cards),
        Part::Settings => serde_json::to_string(&Settings {
            plan: store.plan,
            deleted: store.deleted.clone(),
            keeping: store.keeping,
        }),
    };
    text.ok()
}

/// A store holding only what one part's text says (the rest default), to
/// merge with another: what another tab wrote to one key.
pub fn partial(part: &Part, text: &str) -> Result<Store, String> {
    let mut s = Store::default();
    let bad = |e: serde_json::Error| e.to_string();
    match part {
        Part::Attempt(id) => {
            let a: Attempt = serde_json::from_str(text).map_err(bad)?;
            if &a.id.0 != id {
                return Err(format!("the key names attempt {id} but holds {}", a.id.0));
            }
            s.attempts.push(a);
        }
        Part::Seen => s.seen = serde_json::from_str(text).map_err(bad)?,
        Part::FirstAnswers => s.first_answers = serde_json::from_str(text).map_err(bad)?,
        Part::Cards => s.cards = serde_json::from_str(text).map_err(bad)?,
        Part::Settings => {
            let settings: Settings = serde_json::from_str(text).map_err(bad)?;
            s.plan = settings.plan;
            s.deleted = settings.deleted;
            s.keeping = settings.keeping;
        }
    }
    Ok(s)
}

/// `store` with what another writer put under one key merged in: attempts
/// by id (the most recently changed copy), maps by entry, deletions of
/// either. Settings written later win, as the newest write does.
pub fn merge_part(store: &Store, part: &Part, text: &str) -> Result<Store, String> {
    let theirs = partial(part, text)?;
    Ok(if *part == Part::Settings {
        let mut merged = theirs.merged(store);
        merged.keeping = theirs.keeping.max(store.keeping);
        merged
    } else {
        store.merged(&theirs)
    })
}

/// A key that could not be read; the rest of the store still loads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub reason: String,
}

/// What the keys hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet.
    Fresh,
    /// A record of version 1 to 3 in the main key: migrated, to be written
    /// out as parts (then the main key says version 4).
    Legacy(Store),
    /// Version 4 parts, with the keys that could not be read.
    Parts(Store, Vec<Unreadable>),
}

/// Reads the store from the main key's text and every key of the store
/// (`(key, text)`, in any order; keys that are not the store's are ignored).
pub fn load(main: Option<&str>, entries: &[(String, String)]) -> Result<Loaded, DecodeError> {
    let Some(main) = main else {
        return Ok(Loaded::Fresh);
    };
    #[derive(Deserialize)]
    struct Versioned {
        version: Option<u64>,
    }
    let head: Versioned =
        serde_json::from_str(main).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    match head.version {
        Some(v) if v == u64::from(STORE_VERSION) => {}
        Some(v) if v > u64::from(STORE_VERSION) => return Err(DecodeError::FromTheFuture(v)),
        _ => return decode(main).map(Loaded::Legacy),
    }
    let mut store = Store::default();
    let mut unreadable = Vec::new();
    let mut parts: Vec<(Part, &str, &str)> = entries
        .iter()
        .filter_map(|(k, t)| Part::of_key(k).map(|p| (p, k.as_str(), t.as_str())))
        .collect();
    // Settings last: its plan is the one kept, whatever the keys' order.
    super::sort::sort_by_key(&mut parts, |(p, _, _)| *p == Part::Settings);
    for (part, key, text) in parts {
        match merge_part(&store, &part, text) {
            Ok(next) => store = next,
            Err(reason) => unreadable.push(Unreadable {
                key: key.to_owned(),
                reason,
            }),
        }
    }
    Ok(Loaded::Parts(store, unreadable))
}

/// A cheap summary of each part, to tell which changed since a write
/// without serialising any of them: an attempt changes its `updated_ms`
/// (or finishes), the seen history and the cards gain an entry or a later
/// time, first answers only gain entries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stamp {
    attempts: BTreeMap<String, (u64, bool, Option<u64>)>,
    seen: (usize, u64),
    first_answers: usize,
    cards: (usize, u64, u32),
    settings: String,
}

impl Stamp {
    /// The stamp of `store` as it is.
    pub fn of(store: &Store) -> Stamp {
        Stamp {
            attempts: store
                .attempts
                .iter()
                .map(|a| {
                    (
                        a.id.0.clone(),
                        (
                            a.updated_ms,
                            a.is_finished(),
                            a.summary.as_ref().map(|s| u64::from(s.scaled)),
                        ),
                    )
                })
                .collect(),
            seen: (
                store.seen.len(),
                store.seen.values().copied().max().unwrap_or(0),
            ),
            first_answers: store.first_answers.len(),
            cards: (
                store.cards.len(),
                store.cards.values().map(|c| c.last_ms).max().unwrap_or(0),
                store.cards.values().map(|c| c.reps).sum(),
            ),
            settings: encode_part(store, &Part::Settings).unwrap_or_default(),
        }
    }

    /// The parts that differ from `before` (all of them after a load:
    /// `before` is then the default stamp). An attempt gone since is a
    /// part whose key is to be removed.
    pub fn changed_since(&self, before: &Stamp) -> Vec<Part> {
        let mut out: Vec<Part> = self
            .attempts
            .iter()
            .filter(|(id, s)| before.attempts.get(*id) != Some(s))
            .chain(
                before
                    .attempts
                    .iter()
                    .filter(|(id, _)| !self.attempts.contains_key(*id)),
            )
            .map(|(id, _)| Part::Attempt(id.clone()))
            .collect();
        if self.seen != before.seen {
            out.push(Part::Seen);
        }
        if self.first_answers != before.first_answers {
            out.push(Part::FirstAnswers);
        }
        if self.cards != before.cards {
            out.push(Part::Cards);
        }
        if self.settings != before.settings {
            out.push(Part::Settings);
        }
        out
    }
}

/// Every part of `store`, as `(key, text)`: what a migration writes.
pub fn all_parts(store: &Store) -> Vec<(String, String)> {
    Stamp::of(store)
        .changed_since(&Stamp::default())
        .into_iter()
        .chain([Part::Seen, Part::FirstAnswers, Part::Cards, Part::Settings])
        .collect::<BTreeSet<Part>>()
        .into_iter()
        .filter_map(|p| Some((p.key(), encode_part(store, &p)?)))
        .collect()
}

/// The attempts whose keys may give way when storage is full, oldest
/// finished first: never an unfinished one.
pub fn trimmable(store: &Store) -> Vec<Part> {
    let mut finished: Vec<(u64, String)> = store
        .attempts
        .iter()
        .filter_map(|a| a.finished_ms.map(|f| (f, a.id.0.clone())))
        .collect();
    super::sort::sort(&mut finished);
    finished
        .into_iter()
        .map(|(_, id)| Part::Attempt(id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::readiness::FirstAnswer;
    use crate::core::store::encode;
    use crate::core::testing::one_question_attempt;

    fn attempt(started: u64) -> Attempt {
        one_question_attempt(&format!("clf-1.1-{started:03}"), started)
    }

    fn sample() -> Store {
        let mut s = Store::default();
        s.attempts.push(attempt(1));
        s.attempts.push(attempt(2));
        s.mark_seen(["clf-1.1-001"], 10);
        s.first_answers.insert(
            "clf-1.1-001".into(),
            FirstAnswer {
                at_ms: 10,
                chosen: vec![1],
            },
        );
        s.plan.weeks = 9;
        s
    }

    fn entries(store: &Store) -> Vec<(String, String)> {
        all_parts(store)
    }

    #[test]
    fn parts_read_back_as_the_same_store() {
        let s = sample();
        let e = entries(&s);
        assert_eq!(e.len(), 6, "two attempts and four small keys: {e:?}");
        assert!(e
            .iter()
            .any(|(k, _)| k == "cert-diagnostic.attempt.00000000001-0001"
                || k.starts_with(keys::ATTEMPT_PREFIX)));
        assert_eq!(load(Some(&meta()), &e), Ok(Loaded::Parts(s, vec![])));
        assert_eq!(load(None, &[]), Ok(Loaded::Fresh));
    }

    #[test]
    fn an_earlier_version_in_the_main_key_is_migrated() {
        let mut v3 = sample();
        v3.version = 3;
        let raw = encode(&v3).replace("\"version\":4", "\"version\":3");
        match load(Some(&raw), &[]) {
            Ok(Loaded::Legacy(s)) => assert_eq!(s, sample()),
            other => panic!("{other:?}"),
        }
        let v1 = include_str!("../../tests/fixtures/store-v1-finished.json");
        assert!(
            matches!(load(Some(v1), &[]), Ok(Loaded::Legacy(s)) if !s.first_answers.is_empty())
        );
        let v2 = include_str!("../../tests/fixtures/store-v2.json");
        match load(Some(v2), &[]) {
            Ok(Loaded::Legacy(s)) => {
                assert_eq!(s.version, STORE_VERSION);
                assert!(!s.attempts.is_empty());
                // Written out as version 4 parts, it reads back the same.
                assert_eq!(
                    load(Some(&meta()), &all_parts(&s)),
                    Ok(Loaded::Parts(s, vec![]))
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_damaged_key_costs_only_itself() {
        let s = sample();
        let mut e = entries(&s);
        let damaged = e
            .iter()
            .position(|(k, _)| k.starts_with(keys::ATTEMPT_PREFIX))
            .unwrap();
        e[damaged].1 = "{\"id\":".into();
        let key = e[damaged].0.clone();
        let Ok(Loaded::Parts(loaded, bad)) = load(Some(&meta()), &e) else {
            panic!("the rest should load");
        };
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].key, key);
        assert_eq!(loaded.attempts.len(), 1);
        assert_eq!(loaded.seen, s.seen);
        assert_eq!(loaded.plan.weeks, 9);
        // An attempt under another attempt's key is damage too.
        let mut e = entries(&s);
        let (a, b) = (e[0].1.clone(), e[1].1.clone());
        e[0].1 = b;
        e[1].1 = a;
        let Ok(Loaded::Parts(_, bad)) = load(Some(&meta()), &e) else {
            panic!()
        };
        assert_eq!(bad.len(), 2);
    }

    #[test]
    fn a_newer_version_is_refused_and_junk_is_not_json() {
        assert_eq!(
            load(Some("{\"version\":99}"), &[]),
            Err(DecodeError::FromTheFuture(99))
        );
        assert!(matches!(
            load(Some("nope"), &[]),
            Err(DecodeError::NotJson(_))
        ));
    }

    #[test]
    fn an_answer_changes_its_attempt_only() {
        let mut s = sample();
        let before = Stamp::of(&s);
        assert!(Stamp::of(&s).changed_since(&before).is_empty());
        let id = s.attempts[1].id.0.clone();
        s.attempt_mut(&id).unwrap().answers[0] = vec![2];
        s.attempt_mut(&id).unwrap().updated_ms = 99;
        assert_eq!(
            Stamp::of(&s).changed_since(&before),
            vec![Part::Attempt(id.clone())]
        );
        // Showing a question marks it seen; a deletion removes the key and
        // changes the settings (the deletion is remembered).
        let before = Stamp::of(&s);
        s.mark_seen(["clf-1.1-002"], 20);
        s.delete_attempt(&id);
        let changed = Stamp::of(&s).changed_since(&before);
        assert_eq!(
            changed,
            vec![Part::Attempt(id.clone()), Part::Seen, Part::Settings]
        );
        assert_eq!(encode_part(&s, &Part::Attempt(id)), None);
    }

    #[test]
    fn another_writer_of_the_same_attempt_merges_by_last_change() {
        let mine = sample();
        let id = mine.attempts[0].id.0.clone();
        let mut theirs = mine.clone();
        theirs.attempt_mut(&id).unwrap().answers[0] = vec![3];
        theirs.attempt_mut(&id).unwrap().updated_ms = 50;
        let text = encode_part(&theirs, &Part::Attempt(id.clone())).unwrap();
        let merged = merge_part(&mine, &Part::Attempt(id.clone()), &text).unwrap();
        assert_eq!(merged.attempt(&id).unwrap().answers[0], vec![3]);
        // Ours is newer: it stays.
        let mut newer = mine.clone();
        newer.attempt_mut(&id).unwrap().updated_ms = 60;
        let merged = merge_part(&newer, &Part::Attempt(id.clone()), &text).unwrap();
        assert!(merged.attempt(&id).unwrap().answers[0].is_empty());
        // A different attempt from another tab is simply added.
        let other = attempt(7);
        let mut only = Store::default();
        only.attempts.push(other.clone());
        let text = encode_part(&only, &Part::Attempt(other.id.0.clone())).unwrap();
        let merged = merge_part(&mine, &Part::Attempt(other.id.0.clone()), &text).unwrap();
        assert_eq!(merged.attempts.len(), 3);
    }

    #[test]
    fn the_oldest_finished_attempts_give_way_never_an_unfinished_one() {
        let mut s = sample();
        s.attempts[1].finished_ms = Some(5);
        s.attempts.push(attempt(3));
        s.attempts[2].finished_ms = Some(4);
        let ids: Vec<Part> = trimmable(&s);
        assert_eq!(
            ids,
            vec![
                Part::Attempt(s.attempts[2].id.0.clone()),
                Part::Attempt(s.attempts[1].id.0.clone())
            ]
        );
    }

    #[test]
    fn keys_name_their_parts() {
        for p in [
            Part::Attempt("18bcfe56800-0002".into()),
            Part::Seen,
            Part::FirstAnswers,
            Part::Cards,
            Part::Settings,
        ] {
            assert_eq!(Part::of_key(&p.key()), Some(p));
        }
        assert_eq!(Part::of_key(keys::STORE), None);
        assert_eq!(Part::of_key("cert-diagnostic.unreadable.123"), None);
        assert_eq!(Part::of_key(keys::ATTEMPT_PREFIX), None);
    }
}
