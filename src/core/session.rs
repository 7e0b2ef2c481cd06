//! The steps of a diagnostic as operations on the store: start, finish,
//! and everything the results page needs of a finished attempt.

use super::attempt::{Attempt, AttemptId, Mode, Timing};
use super::content::{Bank, Exam};
use super::plan::{plan, StudyPlan};
use super::practice::{
    confidence, practice_order, practice_summary, Confidence, Length, PracticeSummary, Request,
    Scope,
};
use super::readiness::{readiness, FirstAnswer, Readiness};
use super::review::{review, ReviewItem};
use super::schedule::{self, Rating};
use super::scoring::{is_correct, score, GradedItem, Report};
use super::select::{draw_form, SeenHistory};
use super::store::Store;
use std::collections::BTreeSet;

/// The estimate of one attempt: score, plan and confidence, which need
/// only the bank's index. Its explanations (`review::review`) need the
/// words of its questions, so the results page can show this first.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub report: Report,
    pub plan: StudyPlan,
    pub confidence: Confidence,
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

    /// Finishes an attempt. An exam estimate is scored (scored items only)
    /// and keeps its summary; its answers rate their review cards and count
    /// as first answers. A practice session only ends: its answers counted
    /// as they were checked. Returns the report of an estimate.
    pub fn finish(
        &mut self,
        id: &str,
        exam: &Exam,
        bank: &Bank,
        now_ms: u64,
    ) -> Result<Option<Report>, String> {
        let attempt = self.attempt(id).ok_or_else(|| format!("no attempt {id}"))?;
        let questions = attempt.question_ids();
        if !attempt.mode.is_estimate() {
            if let Some(a) = self.attempt_mut(id) {
                a.close(now_ms);
            }
            return Ok(None);
        }
        let report = score(exam, &scored_only(attempt.grade(bank)?));
        if let Some(a) = self.attempt_mut(id) {
            a.finish(&report, now_ms);
        }
        self.mark_seen(questions.iter().map(String::as_str), now_ms);
        self.record_first_answers(id);
        self.rate_cards(id, bank);
        Ok(Some(report))
    }

    /// Rates the card of every answered item of a finished attempt, as of
    /// its finish (study.md §2).
    fn rate_cards(&mut self, id: &str, bank: &Bank) {
        let Some(a) = self.attempt(id) else { return };
        let Some(at) = a.finished_ms else { return };
        let rated: Vec<(String, Rating)> = a
            .items
            .iter()
            .zip(&a.answers)
            .enumerate()
            .filter(|(_, (_, chosen))| !chosen.is_empty())
            .filter_map(|(i, (item, chosen))| {
                let q = bank.question(&item.question)?;
                let right = is_correct(chosen, &q.correct_set());
                Some((q.id.clone(), Rating::of(right, a.is_unsure(i))))
            })
            .collect();
        let exam = a.exam.clone();
        for (q, rating) in rated {
            let next = schedule::review(self.cards.get(&q), &exam, rating, at);
            self.cards.insert(q, next);
        }
    }

    /// Starts a practice session of `exam` over `scope` (study.md §1).
    /// "Weakest" resolves to the readiness estimate's weakest domain, else
    /// the latest attempt's; an empty scope is an error that says why.
    pub fn start_practice(
        &mut self,
        exam: &Exam,
        bank: &Bank,
        scope: &Scope,
        length: Length,
        seed: u64,
        now_ms: u64,
    ) -> Result<AttemptId, String> {
        scope.check(exam)?;
        let weakest = match scope {
            Scope::Weakest => self.weakest_domain(exam, bank, now_ms),
            _ => None,
        };
        let request = Request {
            scope,
            weakest,
            length,
        };
        let items = practice_order(exam, bank, request, &self.cards, now_ms, seed);
        if items.is_empty() {
            return Err(match scope {
                Scope::Due => {
                    "Nothing is due for review right now. Well done: come back when something is."
                        .to_owned()
                }
                _ => format!("There are no questions for {} yet.", scope.describe(exam)),
            });
        }
        let mut attempt = Attempt::new(&exam.id, seed, Mode::Practice, now_ms, items);
        attempt.scope = Some(scope.to_string());
        while self.attempt(&attempt.id.0).is_some() {
            attempt.id = AttemptId(format!("{}x", attempt.id.0));
        }
        let id = attempt.id.clone();
        self.attempts.push(attempt);
        Ok(id)
    }

    /// The unfinished practice session of `exam` over `scope`, if any.
    pub fn practice_in_progress(&self, exam: &str, scope: &Scope) -> Option<&Attempt> {
        let scope = scope.to_string();
        self.attempts.iter().rev().find(|a| {
            a.exam == exam
                && a.mode == Mode::Practice
                && !a.is_finished()
                && a.scope.as_deref() == Some(scope.as_str())
        })
    }

    /// The weakest domain: from readiness when it has an estimate, else
    /// from the latest finished estimate (largest weighted shortfall).
    pub fn weakest_domain(&self, exam: &Exam, bank: &Bank, now_ms: u64) -> Option<u8> {
        if let Readiness::Estimate { report, .. } =
            readiness(exam, bank, &self.first_answers, now_ms)
        {
            return report.weakest;
        }
        let latest = self
            .finished()
            .into_iter()
            .find(|a| a.exam == exam.id && a.mode.is_estimate() && a.summary.is_some())?;
        let summary = latest.summary.as_ref()?;
        exam.domains
            .iter()
            .zip(&summary.domain_accuracy)
            .filter_map(|(d, a)| a.map(|a| (d, f64::from(d.weight) * (1.0 - a))))
            .filter(|(_, short)| *short > 1e-12)
            .max_by(|(da, a), (db, b)| {
                a.total_cmp(b)
                    .then(da.weight.cmp(&db.weight))
                    .then(db.number.cmp(&da.number))
            })
            .map(|(d, _)| d.number)
    }

    /// Checks item `i` of a practice session: the answer becomes final, its
    /// card is rated now, and a first answer counts as readiness evidence.
    /// Returns whether it was right.
    pub fn check_answer(
        &mut self,
        id: &str,
        i: usize,
        bank: &Bank,
        now_ms: u64,
    ) -> Result<bool, String> {
        let a = self
            .attempt_mut(id)
            .ok_or_else(|| format!("no attempt {id}"))?;
        a.check(i, now_ms).map_err(|e| e.to_string())?;
        let at = a.checked_at(i).unwrap_or(now_ms);
        let unsure = a.is_unsure(i);
        let exam = a.exam.clone();
        let chosen = a.answers.get(i).cloned().unwrap_or_default();
        let question = a
            .items
            .get(i)
            .map(|it| it.question.clone())
            .unwrap_or_default();
        let q = bank
            .question(&question)
            .ok_or_else(|| format!("question {question} is no longer in the bank"))?;
        let right = is_correct(&chosen, &q.correct_set());
        self.seen.insert(question.clone(), at);
        self.first_answers
            .entry(question.clone())
            .or_insert(FirstAnswer { at_ms: at, chosen });
        let next = schedule::review(
            self.cards.get(&question),
            &exam,
            Rating::of(right, unsure),
            at,
        );
        self.cards.insert(question, next);
        Ok(right)
    }

    /// Whether a question of `bank` was answered but has no review card.
    pub fn lacks_cards(&self, bank: &Bank) -> bool {
        bank.questions
            .iter()
            .any(|q| self.first_answers.contains_key(&q.id) && !self.cards.contains_key(&q.id))
    }

    /// Whether a review card belongs to a question of `bank` that was
    /// revised or retired (it could never come up for review).
    pub fn has_retired_cards(&self, bank: &Bank) -> bool {
        bank.archived.iter().any(|q| self.cards.contains_key(&q.id))
    }

    /// Moves each review card of a revised question to the question that
    /// asks its concept now (its schedule goes on; where that question has
    /// a card already, the one reviewed last is kept), and drops the cards
    /// of questions retired with no successor. The old answers stay in
    /// their attempts, untouched. True if any card moved.
    pub fn carry_cards(&mut self, bank: &Bank) -> bool {
        let mut changed = false;
        for old in &bank.archived {
            let Some(card) = self.cards.remove(&old.id) else {
                continue;
            };
            changed = true;
            // Follow the chain of revisions to the current question.
            let mut next = old.retired.as_ref().and_then(|r| r.replaced_by.clone());
            for _ in 0..=bank.archived.len() {
                match next.as_deref().and_then(|id| bank.question(id)) {
                    Some(q) if q.retired.is_some() => {
                        next = q.retired.as_ref().and_then(|r| r.replaced_by.clone());
                    }
                    _ => break,
                }
            }
            let Some(current) = next.filter(|id| bank.is_current(id)) else {
                continue;
            };
            let keep = self
                .cards
                .get(&current)
                .is_none_or(|mine| card.last_ms > mine.last_ms);
            if keep {
                self.cards.insert(current, card);
            }
        }
        changed
    }

    /// Makes the review cards that answers stored before cards existed
    /// (version 1 and 2 records) lack, from each question's first answer.
    /// True if any was made.
    pub fn ensure_cards(&mut self, exam: &Exam, bank: &Bank) -> bool {
        let missing: Vec<(String, Rating, u64)> = bank
            .questions
            .iter()
            .filter(|q| !self.cards.contains_key(&q.id))
            .filter_map(|q| {
                let fa = self.first_answers.get(&q.id)?;
                Some((
                    q.id.clone(),
                    Rating::of(is_correct(&fa.chosen, &q.correct_set()), false),
                    fa.at_ms,
                ))
            })
            .collect();
        let changed = !missing.is_empty();
        for (q, rating, at) in missing {
            let card = schedule::review(None, &exam.id, rating, at);
            self.cards.insert(q, card);
        }
        changed
    }

    /// The summary and review of a practice session: its checked answers.
    pub fn practice_results(
        &self,
        id: &str,
        exam: &Exam,
        bank: &Bank,
        now_ms: u64,
    ) -> Result<(PracticeSummary, Vec<ReviewItem>), String> {
        let attempt = self
            .attempt(id)
            .ok_or_else(|| format!("there is no practice session {id} in this browser"))?;
        let summary = practice_summary(attempt, exam, bank, &self.cards, &self.seen, now_ms);
        let items = review(exam, attempt, bank)?
            .into_iter()
            .filter(|r| attempt.checked_at(r.position).is_some())
            .collect();
        Ok((summary, items))
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
            let questions = self
                .attempt(&id.0)
                .map(Attempt::question_ids)
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
        self.attempts.iter().any(|a| {
            a.exam == exam && a.mode.is_estimate() && a.is_finished() && a.summary.is_none()
        })
    }

    /// Scores finished attempts of `exam` that have no summary yet (closed
    /// by their deadline before the bank was at hand). True if any changed.
    pub fn score_pending(&mut self, exam: &Exam, bank: &Bank) -> bool {
        let mut scored = Vec::new();
        for a in &mut self.attempts {
            if a.exam == exam.id && a.mode.is_estimate() && a.is_finished() && a.summary.is_none() {
                if let Ok(graded) = a.grade(bank) {
                    let report = score(exam, &scored_only(graded));
                    a.summary = Some(super::attempt::Summary::from(&report));
                    scored.push(a.id.0.clone());
                }
            }
        }
        // Their answers rate their cards as of the deadline, as a finish does.
        for id in &scored {
            self.rate_cards(id, bank);
        }
        !scored.is_empty()
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
    Ok(Results {
        report,
        plan,
        confidence: confidence(attempt, bank),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::Question;
    use crate::core::testing::{sample_bank, sample_exam};

    #[test]
    fn cards_of_revised_questions_follow_them_and_retired_ones_go() {
        use crate::core::content::{Date, Retirement};
        let exam = sample_exam();
        let mut bank = sample_bank(&exam, 4);
        let on: Date = "2026-12-05".parse().unwrap();
        // q0 was revised as q1-r (here: the bank's second question), q2
        // retired with no successor; q3 stays.
        let ids: Vec<String> = bank
            .questions
            .iter()
            .take(4)
            .map(|q| q.id.clone())
            .collect();
        let mut revised = bank.questions.remove(0);
        revised.retired = Some(Retirement {
            on,
            why: "Rewritten.".into(),
            replaced_by: Some(ids[1].clone()),
        });
        let mut gone = bank.questions.remove(1);
        gone.retired = Some(Retirement {
            on,
            why: "Closed service.".into(),
            replaced_by: None,
        });
        bank.archived = vec![revised, gone];
        let mut store = Store::default();
        for (id, at) in [(&ids[0], 500), (&ids[2], 600), (&ids[3], 700)] {
            store.cards.insert(
                id.clone(),
                schedule::review(None, &exam.id, Rating::Good, at),
            );
        }
        assert!(store.has_retired_cards(&bank));
        assert!(store.carry_cards(&bank));
        let mut keys: Vec<&String> = store.cards.keys().collect();
        keys.sort();
        assert_eq!(keys, vec![&ids[1], &ids[3]]);
        assert_eq!(store.cards[&ids[1]].last_ms, 500, "the schedule goes on");
        assert!(!store.has_retired_cards(&bank));
        assert!(!store.carry_cards(&bank), "nothing left to carry");
    }

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
            // No instant feedback in a diagnostic: nothing waits for a Check.
            assert!(!store.attempt(&id.0).unwrap().awaits_check(i));
        }
        let report = store.finish(&id.0, &exam, &bank, 2_000).unwrap().unwrap();
        assert_eq!(report.scaled, 1000);
        assert_eq!(store.seen.len(), 10);
        assert!(store.attempt(&id.0).unwrap().summary.is_some());
        let r = store.results(&id.0, &exam, &bank).unwrap();
        assert_eq!(r.report, report);
        let reviewed = review(&exam, store.attempt(&id.0).unwrap(), &bank).unwrap();
        assert_eq!(reviewed.len(), 10);
        assert!(reviewed.iter().all(|i| i.correct));

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
            let report = store.finish(&id, &exam, &bank, 1_000).unwrap().unwrap();
            assert!((report.performance - 0.80).abs() < 1e-9);
            assert_eq!(report.scaled, 800);
            assert_eq!((report.low, report.high), (718, 862));
            assert_eq!(report.verdict, crate::core::scoring::Verdict::LikelyToPass);
            assert_eq!(report.items, 50);
            let r = store.results(&id, &exam, &bank).unwrap();
            assert_eq!(r.report, report);
            let reviewed = review(&exam, store.attempt(&id).unwrap(), &bank).unwrap();
            assert_eq!(reviewed.len(), 65, "every item is reviewed");
            assert_eq!(reviewed.iter().filter(|i| !i.scored).count(), 15);
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
        // Its clock has stopped: reopening its page shows no clock that
        // could finish it again.
        assert_eq!(a.remaining_ms(deadline + 86_400_000), None);
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

    /// A diagnostic of the sample exam started at 100, whose first item is
    /// answered at 150 with `pick(question)` and nothing else, finished at 200.
    fn finished_with_first_answer(
        pick: impl Fn(&Question) -> u8,
    ) -> (Exam, Bank, Store, Attempt, Question) {
        let exam = sample_exam();
        let bank = sample_bank(&exam, 4);
        let mut store = Store::default();
        let id = store.start(&exam, &bank, 5, Mode::Diagnostic, 100);
        let a = store.attempt(&id.0).unwrap().clone();
        let q0 = bank.question(&a.items[0].question).unwrap().clone();
        store
            .attempt_mut(&id.0)
            .unwrap()
            .choose(0, pick(&q0), &q0, 150)
            .unwrap();
        store.finish(&id.0, &exam, &bank, 200).unwrap();
        (exam, bank, store, a, q0)
    }

    #[test]
    fn finishing_records_first_answers_once() {
        let (exam, bank, mut store, a, q0) = finished_with_first_answer(|_| 2);
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

    #[test]
    fn a_practice_summary_counts_the_scope_s_questions_never_shown() {
        use crate::core::practice::{Length, Scope};
        let exam = sample_exam();
        let mut bank = sample_bank(&exam, 4);
        // Two questions of task 2.1 give each other away: a session of the
        // whole task holds one of them, and the other waits.
        let pair: Vec<usize> = (0..bank.questions.len())
            .filter(|&i| bank.questions[i].task == "2.1")
            .take(2)
            .collect();
        let (a, b) = (
            bank.questions[pair[0]].id.clone(),
            bank.questions[pair[1]].id.clone(),
        );
        bank.questions[pair[0]].excludes.push(b);
        bank.questions[pair[1]].excludes.push(a);
        let mut store = Store::default();
        let scope = Scope::Task("2.1".into());
        let id = store
            .start_practice(&exam, &bank, &scope, Length::All, 5, 1_000)
            .unwrap()
            .0;
        let items = store.attempt(&id).unwrap().items.clone();
        assert_eq!(items.len(), 3, "one of the pair is left out");
        let (before, _) = store.practice_results(&id, &exam, &bank, 1_001).unwrap();
        assert_eq!(before.unseen, Some(4), "nothing answered yet");
        for (i, item) in items.iter().enumerate() {
            let q = bank.question(&item.question).unwrap().clone();
            let at = 2_000 + i as u64;
            store
                .attempt_mut(&id)
                .unwrap()
                .choose(i, q.correct_set()[0], &q, at)
                .unwrap();
            store.check_answer(&id, i, &bank, at).unwrap();
        }
        let (after, _) = store.practice_results(&id, &exam, &bank, 3_000).unwrap();
        assert_eq!(after.unseen, Some(1), "the question its pair kept out");
        // A scope that depends on the learner has no fixed set to count.
        let weakest = store
            .start_practice(
                &exam,
                &bank,
                &Scope::Weakest,
                Length::Questions(10),
                6,
                4_000,
            )
            .unwrap()
            .0;
        let (w, _) = store
            .practice_results(&weakest, &exam, &bank, 4_001)
            .unwrap();
        assert_eq!(w.unseen, None);
    }

    #[test]
    fn practice_checks_at_once_rates_cards_and_counts_first_answers() {
        use crate::core::practice::{Length, Scope};
        use crate::core::schedule::DAY_MS;
        let exam = sample_exam();
        let bank = sample_bank(&exam, 4);
        let mut store = Store::default();
        let now = 10 * DAY_MS;
        let id = store
            .start_practice(
                &exam,
                &bank,
                &Scope::Task("2.1".into()),
                Length::Questions(10),
                3,
                now,
            )
            .unwrap()
            .0;
        let a = store.attempt(&id).unwrap().clone();
        assert_eq!(a.items.len(), 4, "the task has only 4 questions");
        assert_eq!(a.scope.as_deref(), Some("task=2.1"));
        assert!(store
            .practice_in_progress(&exam.id, &Scope::Task("2.1".into()))
            .is_some());
        let q0 = bank.question(&a.items[0].question).unwrap().clone();
        let q1 = bank.question(&a.items[1].question).unwrap().clone();
        let wrong = (0..4u8).find(|o| !q0.correct_set().contains(o)).unwrap();
        // Nothing chosen: Check is refused.
        assert!(store.check_answer(&id, 0, &bank, now).is_err());
        assert!(!store.attempt(&id).unwrap().awaits_check(0));
        store
            .attempt_mut(&id)
            .unwrap()
            .choose(0, wrong, &q0, now)
            .unwrap();
        assert!(
            store.attempt(&id).unwrap().awaits_check(0),
            "answered, unchecked"
        );
        assert_eq!(store.check_answer(&id, 0, &bank, now + 1), Ok(false));
        assert!(!store.attempt(&id).unwrap().awaits_check(0), "checked");
        // Checked: the choice is final.
        assert!(store
            .attempt_mut(&id)
            .unwrap()
            .choose(0, q0.correct_set()[0], &q0, now)
            .is_err());
        assert_eq!(
            store.cards[&q0.id].due_ms,
            now + 1 + DAY_MS,
            "missed: due tomorrow"
        );
        assert!(store.first_answers.contains_key(&q0.id));
        // Right but unsure: a lucky guess, rated Hard.
        store
            .attempt_mut(&id)
            .unwrap()
            .toggle_unsure(1, now)
            .unwrap();
        store
            .attempt_mut(&id)
            .unwrap()
            .choose(1, q1.correct_set()[0], &q1, now)
            .unwrap();
        assert_eq!(store.check_answer(&id, 1, &bank, now + 2), Ok(true));
        let (summary, review) = store.practice_results(&id, &exam, &bank, now + 3).unwrap();
        assert_eq!((summary.checked, summary.right), (2, 1));
        assert_eq!(summary.confidence.lucky_guesses, 1);
        assert_eq!(summary.confidence.misconceptions, 1);
        assert_eq!(summary.tasks.len(), 1);
        assert_eq!(review.len(), 2, "only checked questions are reviewed");
        // Stopping ends the session without a score.
        assert_eq!(store.finish(&id, &exam, &bank, now + 4), Ok(None));
        assert!(store.attempt(&id).unwrap().summary.is_none());
        assert!(!store.has_pending(&exam.id));
        // Tomorrow the missed one is due, and a due session starts with it.
        let due = store
            .start_practice(&exam, &bank, &Scope::Due, Length::All, 4, now + 2 * DAY_MS)
            .unwrap();
        let d = store.attempt(&due.0).unwrap();
        assert_eq!(d.items[0].question, q0.id);
        assert!(store
            .start_practice(&exam, &bank, &Scope::Due, Length::All, 4, now)
            .unwrap_err()
            .contains("Nothing is due"));
    }

    #[test]
    fn finishing_an_estimate_rates_its_cards_and_migration_makes_missing_ones() {
        let (exam, bank, store, _, q0) = finished_with_first_answer(|q| q.correct_set()[0]);
        assert_eq!(store.cards.len(), 1);
        assert_eq!(store.cards[&q0.id].last_ms, 200);
        // A record from before cards: first answers only.
        let mut old = store.clone();
        old.cards.clear();
        assert!(old.ensure_cards(&exam, &bank));
        assert_eq!(old.cards, store.cards);
        assert!(!old.ensure_cards(&exam, &bank), "once");
    }

    #[test]
    fn weakest_practice_follows_the_latest_attempt_without_readiness() {
        use crate::core::practice::{Length, Scope};
        let exam = sample_exam();
        let bank = sample_bank(&exam, 4);
        let mut store = Store::default();
        let id = store.start(&exam, &bank, 5, Mode::Diagnostic, 100);
        let a = store.attempt(&id.0).unwrap().clone();
        // Right everywhere but domain 3.
        for (i, item) in a.items.iter().enumerate() {
            let q = bank.question(&item.question).unwrap();
            let pick = if q.domain == 3 {
                (0..4u8).find(|o| !q.correct_set().contains(o)).unwrap()
            } else {
                q.correct_set()[0]
            };
            store
                .attempt_mut(&id.0)
                .unwrap()
                .choose(i, pick, q, 150)
                .unwrap();
        }
        store.finish(&id.0, &exam, &bank, 200).unwrap();
        assert_eq!(store.weakest_domain(&exam, &bank, 300), Some(3));
        let p = store
            .start_practice(&exam, &bank, &Scope::Weakest, Length::Questions(10), 1, 300)
            .unwrap();
        assert!(store.attempt(&p.0).unwrap().items.iter().all(|i| bank
            .question(&i.question)
            .unwrap()
            .domain
            == 3));
    }
}
