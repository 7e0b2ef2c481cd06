//! The steps of a diagnostic as operations on the store: start, finish,
//! and everything the results page needs of a finished attempt.

use super::attempt::{Attempt, AttemptId, Mode};
use super::content::{Bank, Exam};
use super::plan::{plan, StudyPlan};
use super::review::{review, ReviewItem};
use super::scoring::{score, Report};
use super::select::{draw, SeenHistory, DIAGNOSTIC_LENGTH};
use super::store::Store;
use std::collections::BTreeSet;

/// Everything the results page shows of one attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub report: Report,
    pub plan: StudyPlan,
    pub review: Vec<ReviewItem>,
}

impl Store {
    /// Starts a new attempt of `exam` and returns its id. A challenge
    /// ignores this browser's history so that everyone gets the same set.
    pub fn start(
        &mut self,
        exam: &Exam,
        bank: &Bank,
        seed: u64,
        mode: Mode,
        now_ms: u64,
    ) -> AttemptId {
        let empty = SeenHistory::new();
        let seen = match mode {
            Mode::Diagnostic => &self.seen,
            Mode::Challenge => &empty,
        };
        let items = draw(exam, bank, DIAGNOSTIC_LENGTH, seed, seen);
        let mut attempt = Attempt::new(&exam.id, seed, mode, now_ms, items);
        // Two attempts in the same millisecond with the same seed tail:
        // keep ids unique all the same.
        while self.attempt(&attempt.id.0).is_some() {
            attempt.id = AttemptId(format!("{}x", attempt.id.0));
        }
        let id = attempt.id.clone();
        if let Some(first) = attempt.items.first() {
            self.seen.insert(first.question.clone(), now_ms);
        }
        self.attempts.push(attempt);
        id
    }

    /// Shows question `i` of an attempt: it becomes the current one and
    /// counts as seen, so that an abandoned attempt still steers the next
    /// draw toward new questions.
    pub fn show(&mut self, id: &str, i: usize, now_ms: u64) {
        let Some(a) = self.attempt_mut(id) else {
            return;
        };
        a.go_to(i, now_ms);
        let shown = a.items.get(a.current).map(|item| item.question.clone());
        if let Some(q) = shown {
            self.seen.insert(q, now_ms);
        }
    }

    /// Finishes an attempt: scores it, keeps the summary, and marks its
    /// questions as seen.
    pub fn finish(
        &mut self,
        id: &str,
        exam: &Exam,
        bank: &Bank,
        now_ms: u64,
    ) -> Result<Report, String> {
        let attempt = self.attempt(id).ok_or_else(|| format!("no attempt {id}"))?;
        let report = score(exam, &attempt.grade(bank)?);
        let questions: Vec<String> = attempt.items.iter().map(|i| i.question.clone()).collect();
        if let Some(a) = self.attempt_mut(id) {
            a.finish(&report, now_ms);
        }
        self.mark_seen(questions.iter().map(String::as_str), now_ms);
        Ok(report)
    }

    /// Task statements that finished attempts of `exam` have asked about.
    pub fn covered_tasks(&self, exam: &str, bank: &Bank) -> BTreeSet<String> {
        self.attempts
            .iter()
            .filter(|a| a.exam == exam && a.is_finished())
            .flat_map(|a| a.items.iter())
            .filter_map(|i| bank.question(&i.question).map(|q| q.task.clone()))
            .collect()
    }

    /// The results of attempt `id`.
    pub fn results(&self, id: &str, exam: &Exam, bank: &Bank) -> Result<Results, String> {
        let attempt = self
            .attempt(id)
            .ok_or_else(|| format!("there is no attempt {id} in this browser"))?;
        results_of(
            attempt,
            exam,
            bank,
            &self.covered_tasks(exam.id.as_str(), bank),
            self,
        )
    }
}

/// The results of any attempt (also one opened from a shared link).
pub fn results_of(
    attempt: &Attempt,
    exam: &Exam,
    bank: &Bank,
    covered: &BTreeSet<String>,
    store: &Store,
) -> Result<Results, String> {
    let graded = attempt.grade(bank)?;
    let report = score(exam, &graded);
    let mut covered = covered.clone();
    covered.extend(graded.iter().map(|g| g.task.clone()));
    let plan = plan(exam, &report, &graded, &covered, store.plan);
    let review = review(exam, attempt, bank)?;
    Ok(Results {
        report,
        plan,
        review,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::{sample_bank, sample_exam};

    #[test]
    fn start_answer_finish() {
        let exam = sample_exam();
        let bank = sample_bank(&exam, 4);
        let mut store = Store::default();
        let id = store.start(&exam, &bank, 77, Mode::Diagnostic, 1_000);
        let attempt = store.attempt(&id.0).unwrap().clone();
        assert_eq!(attempt.items.len(), 10);
        // Answer every question correctly.
        for (i, item) in attempt.items.iter().enumerate() {
            let q = bank.question(&item.question).unwrap();
            let right = q.correct_set()[0];
            store
                .attempt_mut(&id.0)
                .unwrap()
                .choose(i, right, q, 1_001)
                .unwrap();
        }
        let report = store.finish(&id.0, &exam, &bank, 2_000).unwrap();
        assert_eq!(report.scaled, 1000);
        assert_eq!(store.seen.len(), 10);
        assert!(store.attempt(&id.0).unwrap().summary.is_some());
        let r = store.results(&id.0, &exam, &bank).unwrap();
        assert_eq!(r.review.len(), 10);
        assert!(r.review.iter().all(|i| i.correct));

        // Showing a question counts as seeing it.
        store.show(&id.0, 3, 2_500);
        assert_eq!(store.attempt(&id.0).unwrap().current, 3);
        assert!(store.seen.contains_key(&attempt.items[3].question));

        // The next diagnostic prefers the questions not yet seen.
        let before = store.seen.clone();
        let id2 = store.start(&exam, &bank, 78, Mode::Diagnostic, 3_000);
        let a2 = store.attempt(&id2.0).unwrap();
        assert!(
            store.seen.contains_key(&a2.items[0].question),
            "its first question is now seen"
        );
        let store = Store {
            seen: before,
            ..store.clone()
        };
        assert!(a2
            .items
            .iter()
            .all(|i| !store.seen.contains_key(&i.question)));
    }

    #[test]
    fn challenge_ignores_history() {
        let exam = sample_exam();
        let bank = sample_bank(&exam, 4);
        let mut fresh = Store::default();
        let mut used = Store::default();
        used.mark_seen(bank.questions.iter().take(20).map(|q| q.id.as_str()), 5);
        let a = fresh.start(&exam, &bank, 1234, Mode::Challenge, 1);
        let b = used.start(&exam, &bank, 1234, Mode::Challenge, 1);
        assert_eq!(
            fresh.attempt(&a.0).unwrap().items,
            used.attempt(&b.0).unwrap().items
        );
    }
}
