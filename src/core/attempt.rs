//! One diagnostic attempt: what was drawn, what was chosen, and where the
//! test-taker is. Plain data, stored as it is; all rules about choosing live
//! here so that components only call them.

use super::content::{Bank, Question};
use super::scoring::{is_correct, GradedItem, Report, Verdict};
use super::select::DrawnItem;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How an attempt came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// A fresh diagnostic that prefers questions not seen before.
    Diagnostic,
    /// A challenge link's seed: the same questions for everyone.
    Challenge,
}

/// A stable, URL-safe attempt id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AttemptId(pub String);

impl AttemptId {
    /// An id from the start time and seed: unique per browser in practice.
    pub fn new(started_ms: u64, seed: u64) -> Self {
        AttemptId(format!("{started_ms:x}-{:04x}", seed & 0xffff))
    }
}

impl fmt::Display for AttemptId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for AttemptId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let ok = !s.is_empty()
            && s.len() <= 40
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if ok {
            Ok(AttemptId(s.to_owned()))
        } else {
            Err(format!("{s:?} is not an attempt id"))
        }
    }
}

/// What a finished attempt scored, kept so that history survives later
/// changes to the bank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub scaled: u32,
    pub low: u32,
    pub high: u32,
    pub verdict: Verdict,
    pub performance: f64,
    /// Weighted accuracy per domain number (None: no item from it).
    pub domain_accuracy: Vec<Option<f64>>,
}

impl From<&Report> for Summary {
    fn from(r: &Report) -> Self {
        Summary {
            scaled: r.scaled,
            low: r.low,
            high: r.high,
            verdict: r.verdict,
            performance: r.performance,
            domain_accuracy: r.domains.iter().map(|d| d.accuracy).collect(),
        }
    }
}

/// One diagnostic attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub id: AttemptId,
    pub exam: String,
    pub seed: u64,
    pub mode: Mode,
    pub started_ms: u64,
    pub items: Vec<DrawnItem>,
    /// Chosen options per item, as indices into the question's own options
    /// (not the shown order), ascending.
    pub answers: Vec<Vec<u8>>,
    pub flagged: Vec<bool>,
    /// The item on screen (0-based).
    pub current: usize,
    /// Last change, for merging the same attempt written by two tabs.
    #[serde(default)]
    pub updated_ms: u64,
    pub finished_ms: Option<u64>,
    pub summary: Option<Summary>,
}

/// Why a choice was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChoiceRefused {
    /// A multiple-response question already has as many choices as it asks for.
    Full { limit: usize },
    /// The attempt is finished; answers are final.
    Finished,
    /// No such item or option.
    OutOfRange,
}

impl fmt::Display for ChoiceRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChoiceRefused::Full { limit } => write!(
                f,
                "This question asks for {limit} answers. Clear one of your choices before picking another."
            ),
            ChoiceRefused::Finished => f.write_str("This attempt is finished; its answers can no longer change."),
            ChoiceRefused::OutOfRange => f.write_str("There is no such option."),
        }
    }
}

impl Attempt {
    /// A new attempt over drawn items.
    pub fn new(exam: &str, seed: u64, mode: Mode, started_ms: u64, items: Vec<DrawnItem>) -> Self {
        let n = items.len();
        Attempt {
            id: AttemptId::new(started_ms, seed),
            exam: exam.to_owned(),
            seed,
            mode,
            started_ms,
            items,
            answers: vec![Vec::new(); n],
            flagged: vec![false; n],
            current: 0,
            updated_ms: started_ms,
            finished_ms: None,
            summary: None,
        }
    }

    /// Whether the attempt is finished.
    pub fn is_finished(&self) -> bool {
        self.finished_ms.is_some()
    }

    /// Whether item `i` has at least one choice.
    pub fn is_answered(&self, i: usize) -> bool {
        self.answers.get(i).is_some_and(|a| !a.is_empty())
    }

    /// How many items have an answer.
    pub fn answered_count(&self) -> usize {
        (0..self.items.len())
            .filter(|&i| self.is_answered(i))
            .count()
    }

    /// Chooses `option` (an index into the question's options) for item
    /// `i`. Single-answer questions replace the choice; multiple-response
    /// questions toggle it and refuse one more than the question asks for.
    pub fn choose(
        &mut self,
        i: usize,
        option: u8,
        question: &Question,
        now_ms: u64,
    ) -> Result<(), ChoiceRefused> {
        if self.is_finished() {
            return Err(ChoiceRefused::Finished);
        }
        if usize::from(option) >= question.options.len() {
            return Err(ChoiceRefused::OutOfRange);
        }
        let limit = question.correct_count();
        let chosen = self.answers.get_mut(i).ok_or(ChoiceRefused::OutOfRange)?;
        if limit <= 1 {
            *chosen = vec![option];
        } else if let Some(at) = chosen.iter().position(|&o| o == option) {
            chosen.remove(at);
        } else if chosen.len() >= limit {
            return Err(ChoiceRefused::Full { limit });
        } else {
            chosen.push(option);
            chosen.sort_unstable();
        }
        self.updated_ms = now_ms;
        Ok(())
    }

    /// Flags or unflags item `i` for review.
    pub fn toggle_flag(&mut self, i: usize, now_ms: u64) {
        if let Some(f) = self.flagged.get_mut(i) {
            *f = !*f;
            self.updated_ms = now_ms;
        }
    }

    /// Moves to item `i` (clamped to the attempt).
    pub fn go_to(&mut self, i: usize, now_ms: u64) {
        self.current = i.min(self.items.len().saturating_sub(1));
        self.updated_ms = now_ms;
    }

    /// Grades every item against the bank. A question that is no longer in
    /// the bank is an error naming it.
    pub fn grade(&self, bank: &Bank) -> Result<Vec<GradedItem>, String> {
        self.items
            .iter()
            .zip(&self.answers)
            .map(|(item, chosen)| {
                let q = bank.question(&item.question).ok_or_else(|| {
                    format!("question {} is no longer in the bank", item.question)
                })?;
                Ok(GradedItem {
                    question: q.id.clone(),
                    domain: q.domain,
                    task: q.task.clone(),
                    difficulty: q.difficulty,
                    answered: !chosen.is_empty(),
                    correct: is_correct(chosen, &q.correct_set()),
                })
            })
            .collect()
    }

    /// Finishes the attempt and keeps its summary.
    pub fn finish(&mut self, report: &Report, now_ms: u64) {
        self.finished_ms = Some(now_ms);
        self.updated_ms = now_ms;
        self.summary = Some(Summary::from(report));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::{multi_question, single_question};

    fn attempt() -> Attempt {
        let items = vec![
            DrawnItem {
                question: "q-1".into(),
                order: vec![0, 1, 2, 3],
            },
            DrawnItem {
                question: "q-2".into(),
                order: vec![4, 3, 2, 1, 0],
            },
        ];
        Attempt::new("x", 1, Mode::Diagnostic, 10, items)
    }

    #[test]
    fn single_answer_replaces() {
        let q = single_question("q-1", 2);
        let mut a = attempt();
        a.choose(0, 1, &q, 11).unwrap();
        a.choose(0, 3, &q, 12).unwrap();
        assert_eq!(a.answers[0], vec![3]);
        assert_eq!(a.updated_ms, 12);
    }

    #[test]
    fn multi_toggles_and_refuses_one_too_many() {
        let q = multi_question("q-2", &[0, 3]);
        let mut a = attempt();
        a.choose(1, 4, &q, 11).unwrap();
        a.choose(1, 0, &q, 11).unwrap();
        assert_eq!(
            a.choose(1, 2, &q, 11),
            Err(ChoiceRefused::Full { limit: 2 })
        );
        assert_eq!(a.answers[1], vec![0, 4]);
        a.choose(1, 4, &q, 11).unwrap();
        assert_eq!(a.answers[1], vec![0]);
    }

    #[test]
    fn finished_is_final() {
        let q = single_question("q-1", 0);
        let mut a = attempt();
        a.finished_ms = Some(5);
        assert_eq!(a.choose(0, 1, &q, 11), Err(ChoiceRefused::Finished));
    }

    #[test]
    fn attempt_id_round_trips() {
        let id = AttemptId::new(1_700_000_000_000, 0xabcdef);
        assert_eq!(id.to_string().parse::<AttemptId>(), Ok(id));
        assert!("../x".parse::<AttemptId>().is_err());
    }
}
