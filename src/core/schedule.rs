//! Spaced review (study.md §2): one card per question this browser has
//! answered, scheduled by FSRS with its published default parameters and a
//! desired retention of 0.9. Time comes in as an argument.

use super::sort;
use fsrs::{MemoryState, DEFAULT_PARAMETERS, FSRS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The retention FSRS schedules for.
pub const DESIRED_RETENTION: f32 = 0.9;

/// A day in milliseconds.
pub const DAY_MS: u64 = 86_400_000;

/// How an answer rates its card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    /// Wrong.
    Again,
    /// Right, but marked "I'm not sure".
    Hard,
    /// Right.
    Good,
}

impl Rating {
    /// The rating of an answer (study.md §2).
    pub fn of(correct: bool, unsure: bool) -> Rating {
        match (correct, unsure) {
            (false, _) => Rating::Again,
            (true, true) => Rating::Hard,
            (true, false) => Rating::Good,
        }
    }
}

/// One question's review card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// The exam the question belongs to (counts without loading its bank).
    pub exam: String,
    pub stability: f32,
    pub difficulty: f32,
    /// The last review (epoch ms).
    pub last_ms: u64,
    /// When the card is due again (epoch ms).
    pub due_ms: u64,
    pub reps: u32,
    pub lapses: u32,
}

/// Cards by question id.
pub type Cards = BTreeMap<String, Card>;

impl Card {
    /// Whether the card is due at `now_ms`.
    pub fn is_due(&self, now_ms: u64) -> bool {
        self.due_ms <= now_ms
    }
}

/// The card after an answer rated `rating` at `now_ms`. FSRS gives the next
/// interval in days; it is rounded to whole days, at least one, so that a
/// question missed today comes back tomorrow.
pub fn review(card: Option<&Card>, exam: &str, rating: Rating, now_ms: u64) -> Card {
    let memory = card.map(|c| MemoryState {
        stability: c.stability,
        difficulty: c.difficulty,
    });
    let elapsed_days = card.map_or(0, |c| {
        u32::try_from(now_ms.saturating_sub(c.last_ms) / DAY_MS).unwrap_or(u32::MAX)
    });
    let next = FSRS::new(&DEFAULT_PARAMETERS)
        .and_then(|f| f.next_states(memory, DESIRED_RETENTION, elapsed_days))
        .ok()
        .map(|n| match rating {
            Rating::Again => n.again,
            Rating::Hard => n.hard,
            Rating::Good => n.good,
        });
    // Should FSRS refuse (it validates its state), the card still comes
    // back tomorrow rather than being lost.
    let (stability, difficulty, interval) = next.map_or_else(
        || {
            (
                card.map_or(1.0, |c| c.stability),
                card.map_or(5.0, |c| c.difficulty),
                1.0,
            )
        },
        |s| (s.memory.stability, s.memory.difficulty, s.interval),
    );
    // A finite, positive number of days that fits in a u64 of milliseconds.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let days = interval.round().clamp(1.0, 36_500.0) as u64;
    Card {
        exam: exam.to_owned(),
        stability,
        difficulty,
        last_ms: now_ms,
        due_ms: now_ms + days * DAY_MS,
        reps: card.map_or(0, |c| c.reps) + 1,
        lapses: card.map_or(0, |c| c.lapses) + u32::from(rating == Rating::Again),
    }
}

/// The questions of `exam` due at `now_ms`, most overdue first.
pub fn due<'a>(cards: &'a Cards, exam: &str, now_ms: u64) -> Vec<(&'a str, &'a Card)> {
    let mut out: Vec<(&str, &Card)> = cards
        .iter()
        .filter(|(_, c)| c.exam == exam && c.is_due(now_ms))
        .map(|(q, c)| (q.as_str(), c))
        .collect();
    sort::sort_by_key(&mut out, |(q, c)| (c.due_ms, *q));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_800_000_000_000;

    #[test]
    fn ratings_follow_the_answer_and_the_confidence_tap() {
        assert_eq!(Rating::of(false, false), Rating::Again);
        assert_eq!(Rating::of(false, true), Rating::Again);
        assert_eq!(Rating::of(true, true), Rating::Hard);
        assert_eq!(Rating::of(true, false), Rating::Good);
    }

    #[test]
    fn a_question_missed_today_is_due_tomorrow_not_today() {
        let c = review(None, "clf-c02", Rating::Again, NOW);
        assert_eq!(c.due_ms, NOW + DAY_MS);
        assert!(!c.is_due(NOW + DAY_MS - 1));
        assert!(c.is_due(NOW + DAY_MS));
        assert_eq!((c.reps, c.lapses), (1, 1));
    }

    #[test]
    fn a_sure_right_answer_waits_longer_than_an_unsure_one_or_a_miss() {
        let again = review(None, "x", Rating::Again, NOW);
        let hard = review(None, "x", Rating::Hard, NOW);
        let good = review(None, "x", Rating::Good, NOW);
        assert!(again.due_ms <= hard.due_ms && hard.due_ms <= good.due_ms);
        assert!(good.due_ms > again.due_ms);
        // FSRS's defaults give a first "good" a few days.
        assert!(
            good.due_ms >= NOW + 2 * DAY_MS,
            "{}",
            (good.due_ms - NOW) / DAY_MS
        );
    }

    #[test]
    fn reviews_on_time_grow_the_interval() {
        let first = review(None, "x", Rating::Good, NOW);
        let second = review(Some(&first), "x", Rating::Good, first.due_ms);
        let gap1 = first.due_ms - first.last_ms;
        let gap2 = second.due_ms - second.last_ms;
        assert!(gap2 > gap1, "{gap1} then {gap2}");
        // A miss after that brings it back much sooner.
        let missed = review(Some(&second), "x", Rating::Again, second.due_ms);
        assert!(missed.due_ms - missed.last_ms < gap2);
        assert_eq!(missed.lapses, 1);
    }

    #[test]
    fn due_lists_this_exams_cards_most_overdue_first() {
        let mut cards = Cards::new();
        let mut c = review(None, "clf-c02", Rating::Again, NOW);
        cards.insert("b".into(), c.clone());
        c.due_ms -= 5;
        cards.insert("a".into(), c.clone());
        let mut other = c.clone();
        other.exam = "aip-c01".into();
        cards.insert("z".into(), other);
        assert!(due(&cards, "clf-c02", NOW).is_empty());
        let d: Vec<&str> = due(&cards, "clf-c02", NOW + DAY_MS)
            .into_iter()
            .map(|(q, _)| q)
            .collect();
        assert_eq!(d, vec!["a", "b"]);
    }
}
