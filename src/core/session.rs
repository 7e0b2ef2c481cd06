//! The steps of a diagnostic as operations on the store: start, finish,
//! and everything the results page needs of a finished attempt.

use super::attempt::{Attempt, AttemptId, Mode, Timing};
use super::content::{Bank, Exam};
use super::plan::{plan, StudyPlan};
use super::review::{review, ReviewItem};
use super::scoring::{score, GradedItem, Report};
use super::select::{draw_form, SeenHistory};
use super::store::Store;
use std::collections::BTreeSet;

/// Everything the results page shows of one attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub report: Report,
    pub plan: StudyPlan,
    pub review: Vec<ReviewItem>,
}

/// The items that count toward the score (scoring.md §8: never the
/// unscored ones).
pub fn scored_only(graded: Vec<GradedItem>) -> Vec<GradedItem> {
    graded.into_iter().filter(|g| g.scored).collect()
}

impl Store {
    /// Starts a new attempt of `exam` in `mode` and returns its id. A
    /// challenge ignores this browser's history so that everyone gets the
    /// same set.
    pub fn start(
        &mut self,
        exam: &Exam,
        bank: &Bank,
        seed: u64,
        mode: Mode,
        now_ms: u64,
    ) -> AttemptId {
        self.start_timed(exam, bank, seed, mode, Timing::Untimed, now_ms)
    }

    /// As [`Store::start`], with a clock for a timed attempt.
    pub fn start_timed(
        &mut self,
        exam: &Exam,
        bank: &Bank,
        seed: u64,
        mode: Mode,
        timing: Timing,
        now_ms: u64,
    ) -> AttemptId {
        let empty = SeenHistory::new();
        let seen = if mode.uses_history() {
            &self.seen
        } else {
            &empty
        };
        let items = draw_form(exam, bank, mode.form(exam), seed, seen);
        let mut attempt = Attempt::new(&exam.id, seed, mode, now_ms, items);
        attempt.timer = timing.timer(now_ms);
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

    /// Finishes an attempt: scores it (scored items only), keeps the
    /// summary, marks its questions as seen and records first answers.
    pub fn finish(
        &mut self,
        id: &str,
        exam: &Exam,
        bank: &Bank,
        now_ms: u64,
    ) -> Result<Report, String> {
        let attempt = self.attempt(id).ok_or_else(|| format!("no attempt {id}"))?;
        let report = score(exam, &scored_only(attempt.grade(bank)?));
        let questions: Vec<String> = attempt.items.iter().map(|i| i.question.clone()).collect();
        if let Some(a) = self.attempt_mut(id) {
            a.finish(&report, now_ms);
        }
        self.mark_seen(questions.iter().map(String::as_str), now_ms);
        self.record_first_answers(id);
        Ok(report)
    }

    /// Closes every timed attempt whose deadline has passed (also while the
    /// page was closed): it finishes at its deadline with the answers given.
    /// Needs no bank; [`Store::score_pending`] adds the summaries. Returns
    /// the ids closed.
    pub fn expire_overdue(&mut self, now_ms: u64) -> Vec<AttemptId> {
        let mut closed = Vec::new();
        for a in &mut self.attempts {
            if a.is_overdue(now_ms) {
                a.close(now_ms);
                closed.push(a.id.clone());
            }
        }
        for id in &closed {
            let questions: Vec<String> = self
                .attempt(&id.0)
                .map(|a| a.items.iter().map(|i| i.question.clone()).collect())
                .unwrap_or_default();
            let at = self
                .attempt(&id.0)
                .and_then(|a| a.finished_ms)
                .unwrap_or(now_ms);
            self.mark_seen(questions.iter().map(String::as_str), at);
            self.record_first_answers(&id.0);
        }
        closed
    }

    /// Whether some finished attempt of `exam` still waits for its score.
    pub fn has_pending(&self, exam: &str) -> bool {
        self.attempts
            .iter()
            .any(|a| a.exam == exam && a.is_finished() && a.summary.is_none())
    }

    /// Scores finished attempts of `exam` that have no summary yet (closed
    /// by their deadline before the bank was at hand). True if any changed.
    pub fn score_pending(&mut self, exam: &Exam, bank: &Bank) -> bool {
        let mut changed = false;
        for a in &mut self.attempts {
            if a.exam == exam.id && a.is_finished() && a.summary.is_none() {
                if let Ok(graded) = a.grade(bank) {
                    let report = score(exam, &scored_only(graded));
                    a.summary = Some(super::attempt::Summary::from(&report));
                    changed = true;
                }
            }
        }
        changed
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
    let graded = scored_only(attempt.grade(bank)?);
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

    fn practice_exam(store: &mut Store, timing: Timing, now: u64) -> (Exam, Bank, String) {
        let exam = sample_exam();
        let bank = sample_bank(&exam, 30);
        let id = store.start_timed(&exam, &bank, 99, Mode::PracticeExam, timing, now);
        (exam, bank, id.0)
    }

    #[test]
    fn a_full_length_form_has_the_section_8_counts() {
        let mut store = Store::default();
        let (_, bank, id) = practice_exam(&mut store, Timing::Untimed, 0);
        let a = store.attempt(&id).unwrap();
        assert_eq!(a.items.len(), 65);
        let count = |scored: bool, d: u8| {
            a.items
                .iter()
                .filter(|i| i.scored == scored && bank.question(&i.question).unwrap().domain == d)
                .count()
        };
        let scored: Vec<usize> = (1..=4).map(|d| count(true, d)).collect();
        let unscored: Vec<usize> = (1..=4).map(|d| count(false, d)).collect();
        assert_eq!(scored, vec![12, 15, 17, 6]);
        assert_eq!(unscored, vec![4, 4, 5, 2]);
        let mut ids: Vec<&str> = a.items.iter().map(|i| i.question.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 65, "no question twice");
        // Scored and unscored items are interleaved, not in two blocks.
        let first_unscored = a.items.iter().position(|i| !i.scored).unwrap();
        assert!(first_unscored < 40);
    }

    /// Answers each scored item right or wrong by `right(k)` over the k-th
    /// scored item of its domain, and every unscored item by `unscored_right`.
    fn answer_pattern(
        store: &mut Store,
        bank: &Bank,
        id: &str,
        per_domain_right: [usize; 4],
        unscored_right: bool,
    ) {
        let a = store.attempt(id).unwrap().clone();
        let mut seen_in_domain = [0usize; 4];
        for (i, item) in a.items.iter().enumerate() {
            let q = bank.question(&item.question).unwrap();
            let right = if item.scored {
                let d = usize::from(q.domain - 1);
                seen_in_domain[d] += 1;
                seen_in_domain[d] <= per_domain_right[d]
            } else {
                unscored_right
            };
            let pick = if right {
                q.correct_set()[0]
            } else {
                (0..4u8).find(|o| !q.correct_set().contains(o)).unwrap()
            };
            store
                .attempt_mut(id)
                .unwrap()
                .choose(i, pick, q, 10)
                .unwrap();
        }
    }

    #[test]
    fn the_worked_full_length_example_ignores_unscored_items() {
        // scoring.md §8: right 10/12, 12/15, 13/17, 5/6 → p = 0.80, S = 800,
        // range (n = 50) 718–862, Likely to pass.
        for unscored_right in [false, true] {
            let mut store = Store::default();
            let (exam, bank, id) = practice_exam(&mut store, Timing::Untimed, 0);
            answer_pattern(&mut store, &bank, &id, [10, 12, 13, 5], unscored_right);
            let report = store.finish(&id, &exam, &bank, 1_000).unwrap();
            assert!((report.performance - 0.80).abs() < 1e-9);
            assert_eq!(report.scaled, 800);
            assert_eq!((report.low, report.high), (718, 862));
            assert_eq!(report.verdict, crate::core::scoring::Verdict::LikelyToPass);
            assert_eq!(report.items, 50);
            let r = store.results(&id, &exam, &bank).unwrap();
            assert_eq!(r.report, report);
            assert_eq!(r.review.len(), 65, "every item is reviewed");
            assert_eq!(r.review.iter().filter(|i| !i.scored).count(), 15);
        }
    }

    #[test]
    fn the_worked_aip_range_at_n_65() {
        use crate::core::scoring::{scaled, wilson, Z_80};
        let (lo, hi) = wilson(0.80, 65, Z_80);
        assert_eq!(scaled(0.80, 0.72, 750), 821);
        assert_eq!((scaled(lo, 0.72, 750), scaled(hi, 0.72, 750)), (758, 871));
    }

    #[test]
    fn the_deadline_finishes_the_attempt_at_the_deadline() {
        let mut store = Store::default();
        let t0 = 1_000_000;
        let timing = Timing::Timed {
            minutes: 90,
            extension: false,
        };
        let (exam, bank, id) = practice_exam(&mut store, timing, t0);
        let deadline = t0 + 90 * 60_000;
        assert_eq!(
            store.attempt(&id).unwrap().remaining_ms(t0),
            Some(90 * 60_000)
        );
        assert!(store.expire_overdue(deadline - 1).is_empty());
        // The page was closed; the next visit is a day later.
        let closed = store.expire_overdue(deadline + 86_400_000);
        assert_eq!(closed.len(), 1);
        let a = store.attempt(&id).unwrap();
        assert_eq!(a.finished_ms, Some(deadline));
        assert!(a.timed_out && a.summary.is_none());
        assert_eq!(a.time_used_ms(deadline + 5), 90 * 60_000);
        assert!(store.score_pending(&exam, &bank));
        assert!(store.attempt(&id).unwrap().summary.is_some());
        assert!(!store.score_pending(&exam, &bank), "nothing left to score");
    }

    #[test]
    fn the_extension_adds_thirty_minutes() {
        let mut store = Store::default();
        let timing = Timing::Timed {
            minutes: 90,
            extension: true,
        };
        let (_, _, id) = practice_exam(&mut store, timing, 0);
        assert_eq!(
            store.attempt(&id).unwrap().remaining_ms(0),
            Some(120 * 60_000)
        );
    }

    #[test]
    fn a_clock_set_back_never_adds_time() {
        let mut store = Store::default();
        let t0 = 50_000_000;
        let timing = Timing::Timed {
            minutes: 90,
            extension: false,
        };
        let (exam, bank, id) = practice_exam(&mut store, timing, t0);
        let q = bank
            .question(&store.attempt(&id).unwrap().items[0].question)
            .unwrap()
            .clone();
        // Twenty minutes in, the test-taker answers; then the device clock
        // jumps back an hour.
        store
            .attempt_mut(&id)
            .unwrap()
            .choose(0, 0, &q, t0 + 20 * 60_000)
            .unwrap();
        let back = t0 - 40 * 60_000;
        let left = store.attempt(&id).unwrap().remaining_ms(back).unwrap();
        assert_eq!(left, 70 * 60_000, "no more than was left before the jump");
        store
            .attempt_mut(&id)
            .unwrap()
            .choose(0, 1, &q, back)
            .unwrap();
        assert_eq!(store.attempt(&id).unwrap().updated_ms, t0 + 20 * 60_000);
        // And finishing then still works.
        assert!(store.finish(&id, &exam, &bank, back).is_ok());
        assert!(store.attempt(&id).unwrap().finished_ms >= Some(t0 + 20 * 60_000));
    }

    #[test]
    fn an_untimed_attempt_never_expires() {
        let mut store = Store::default();
        let (_, _, id) = practice_exam(&mut store, Timing::Untimed, 0);
        assert!(store.expire_overdue(u64::MAX / 2).is_empty());
        assert_eq!(store.attempt(&id).unwrap().remaining_ms(10), None);
    }

    #[test]
    fn finishing_records_first_answers_once() {
        let exam = sample_exam();
        let bank = sample_bank(&exam, 4);
        let mut store = Store::default();
        let id = store.start(&exam, &bank, 5, Mode::Diagnostic, 100);
        let a = store.attempt(&id.0).unwrap().clone();
        let q0 = bank.question(&a.items[0].question).unwrap();
        store
            .attempt_mut(&id.0)
            .unwrap()
            .choose(0, 2, q0, 150)
            .unwrap();
        store.finish(&id.0, &exam, &bank, 200).unwrap();
        assert_eq!(
            store.first_answers.len(),
            1,
            "only answered items are evidence"
        );
        assert_eq!(store.first_answers[&q0.id].at_ms, 200);
        // A later attempt answering the same question again changes nothing.
        let mut again = a.clone();
        again.id = AttemptId("later".into());
        again.finished_ms = None;
        again.answers[0] = vec![1];
        store.attempts.push(again);
        store.finish("later", &exam, &bank, 900).unwrap();
        assert_eq!(store.first_answers[&q0.id].chosen, vec![2]);
    }

    #[test]
    fn fifty_practice_exams_and_one_in_progress_fit_in_storage() {
        let exam = sample_exam();
        let bank = sample_bank(&exam, 30);
        let mut store = Store::default();
        for k in 0..51u64 {
            let id = store.start(&exam, &bank, k, Mode::PracticeExam, k * 10_000_000);
            let n = store.attempt(&id.0).unwrap().items.len();
            for i in 0..n {
                let q = bank
                    .question(&store.attempt(&id.0).unwrap().items[i].question)
                    .unwrap()
                    .clone();
                store
                    .attempt_mut(&id.0)
                    .unwrap()
                    .choose(i, 1, &q, k * 10_000_000 + 1)
                    .unwrap();
            }
            if k < 50 {
                store
                    .finish(&id.0, &exam, &bank, k * 10_000_000 + 5)
                    .unwrap();
            }
        }
        let bytes = crate::core::store::encode(&store).len();
        // localStorage gives an origin about 5 MB (UTF-16 in some browsers).
        assert!(bytes < 1_500_000, "{bytes} bytes");
    }
}
