//! Across attempts (scoring.md §7): the trend of scores, per-domain
//! accuracy averaged over attempts, and domains that lag the average.

use super::attempt::{Attempt, Mode, Summary};
use super::content::{Bank, Exam};
use super::practice::checked_tally;
use super::sort;
use serde::{Deserialize, Serialize};

/// How far (in percentage points) a domain's average may trail the overall
/// average before it is flagged.
pub const LAG_POINTS: f64 = 15.0;

/// One point of the trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    pub attempt: String,
    pub finished_ms: u64,
    pub scaled: u32,
    pub low: u32,
    pub high: u32,
    /// What kind of attempt it was.
    pub mode: Mode,
    /// Whether it ran against the clock.
    pub timed: bool,
}

/// A domain's accuracy averaged over the attempts that sampled it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainAverage {
    pub number: u8,
    pub name: String,
    /// Mean accuracy in percent, None when no attempt sampled the domain.
    pub average: Option<f64>,
    /// Trails the overall average by LAG_POINTS or more.
    pub lagging: bool,
}

/// The history of one exam.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamHistory {
    pub exam: String,
    pub trend: Vec<TrendPoint>,
    /// Mean blueprint performance over attempts, in percent.
    pub overall: Option<f64>,
    pub domains: Vec<DomainAverage>,
}

/// Summarises the finished attempts of `exam`, oldest first.
pub fn exam_history(exam: &Exam, attempts: &[Attempt]) -> ExamHistory {
    let mut done: Vec<&Attempt> = attempts
        .iter()
        .filter(|a| a.exam == exam.id && a.summary.is_some() && a.finished_ms.is_some())
        .collect();
    sort::sort_by_key(&mut done, |a| a.finished_ms);
    let trend = done
        .iter()
        .filter_map(|a| {
            let s = a.summary.as_ref()?;
            Some(TrendPoint {
                attempt: a.id.to_string(),
                finished_ms: a.finished_ms?,
                scaled: s.scaled,
                low: s.low,
                high: s.high,
                mode: a.mode,
                timed: a.timer.is_some(),
            })
        })
        .collect();
    let perfs: Vec<f64> = done
        .iter()
        .filter_map(|a| a.summary.as_ref().map(|s| s.performance * 100.0))
        .collect();
    let overall = mean(&perfs);
    let domains = exam
        .domains
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let accs: Vec<f64> = done
                .iter()
                .filter_map(|a| {
                    a.summary
                        .as_ref()?
                        .domain_accuracy
                        .get(k)
                        .copied()
                        .flatten()
                })
                .map(|x| x * 100.0)
                .collect();
            let average = mean(&accs);
            let lagging =
                matches!((average, overall), (Some(a), Some(o)) if o - a >= LAG_POINTS - 1e-9);
            DomainAverage {
                number: d.number,
                name: d.name.clone(),
                average,
                lagging,
            }
        })
        .collect();
    ExamHistory {
        exam: exam.id.clone(),
        trend,
        overall,
        domains,
    }
}

/// How many recent attempts "consistently ready" looks at (§7).
pub const READY_STREAK: usize = 5;

/// "Consistently ready" (§7): the last five finished *timed* full-length
/// attempts, all at or above the exam's practice line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consistency {
    /// How many timed practice exams count (at most five).
    pub considered: usize,
    /// How many of those reached the practice line.
    pub at_or_above: usize,
    pub ready: bool,
}

/// Whether `exam`'s last five timed practice exams all reached its line.
pub fn consistency(exam: &Exam, attempts: &[Attempt]) -> Consistency {
    let mut timed: Vec<(u64, u32)> = attempts
        .iter()
        .filter(|a| a.exam == exam.id && a.mode == Mode::PracticeExam && a.timer.is_some())
        .filter_map(|a| Some((a.finished_ms?, a.summary.as_ref()?.scaled)))
        .collect();
    sort::sort(&mut timed);
    let last: Vec<u32> = timed
        .iter()
        .rev()
        .take(READY_STREAK)
        .map(|&(_, s)| s)
        .collect();
    let at_or_above = last.iter().filter(|&&s| s >= exam.practice_line).count();
    Consistency {
        considered: last.len(),
        at_or_above,
        ready: last.len() == READY_STREAK && at_or_above == READY_STREAK,
    }
}

fn mean(xs: &[f64]) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)]
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

/// What a finished attempt came to, as the history lists it.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// An estimate: its score, range and verdict.
    Estimate(Summary),
    /// A practice session: right answers of those checked (never a score).
    Practice { right: usize, checked: usize },
}

/// The outcome of a finished attempt. A practice session is graded from
/// its exam's bank (its keys suffice), so it has none until `bank` is here.
pub fn outcome(attempt: &Attempt, bank: Option<&Bank>) -> Option<Outcome> {
    if attempt.mode.is_estimate() {
        return attempt.summary.clone().map(Outcome::Estimate);
    }
    let (right, checked) = checked_tally(attempt, bank?);
    Some(Outcome::Practice { right, checked })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::attempt::{Mode, Summary};
    use crate::core::scoring::Verdict;
    use crate::core::testing::clf_like_exam;

    fn finished(at: u64, perf: f64, acc: [f64; 4]) -> Attempt {
        let mut a = Attempt::new("clf-c02", at, Mode::Diagnostic, at, vec![]);
        a.finished_ms = Some(at);
        a.summary = Some(Summary {
            scaled: 500,
            low: 400,
            high: 600,
            verdict: Verdict::NotYet,
            performance: perf,
            domain_accuracy: acc.iter().map(|&x| Some(x)).collect(),
        });
        a
    }

    #[test]
    fn lagging_domain_flagged_at_fifteen_points() {
        let exam = clf_like_exam();
        let attempts = vec![
            finished(2, 0.80, [0.9, 0.8, 0.8, 0.6]),
            finished(1, 0.80, [0.9, 0.8, 0.8, 0.7]),
        ];
        let h = exam_history(&exam, &attempts);
        assert_eq!(h.trend.len(), 2);
        assert_eq!(h.trend[0].finished_ms, 1, "oldest first");
        assert!((h.overall.unwrap() - 80.0).abs() < 1e-9);
        let lag: Vec<bool> = h.domains.iter().map(|d| d.lagging).collect();
        // Domain 4 averages 65: 15 points behind 80.
        assert_eq!(lag, vec![false, false, false, true]);
    }

    fn practice(at: u64, scaled: u32, timed: bool) -> Attempt {
        let mut a = finished(at, 0.8, [0.8; 4]);
        a.mode = Mode::PracticeExam;
        if timed {
            a.timer = Some(crate::core::attempt::Timer::starting(at - 1, 90));
        }
        if let Some(s) = a.summary.as_mut() {
            s.scaled = scaled;
        }
        a
    }

    #[test]
    fn consistently_ready_needs_five_timed_at_the_line() {
        let exam = clf_like_exam();
        let mut attempts: Vec<Attempt> = (1..=4).map(|k| practice(k * 10, 760, true)).collect();
        let c = consistency(&exam, &attempts);
        assert_eq!((c.considered, c.at_or_above, c.ready), (4, 4, false));
        // An untimed one and a diagnostic do not count.
        attempts.push(practice(50, 900, false));
        attempts.push(finished(55, 0.9, [0.9; 4]));
        assert!(!consistency(&exam, &attempts).ready);
        attempts.push(practice(60, 750, true));
        let c = consistency(&exam, &attempts);
        assert_eq!((c.considered, c.at_or_above, c.ready), (5, 5, true));
        // A sixth, below the line, breaks the streak of the last five.
        attempts.push(practice(70, 749, true));
        let c = consistency(&exam, &attempts);
        assert_eq!((c.considered, c.at_or_above, c.ready), (5, 4, false));
    }
}

#[cfg(test)]
mod outcome_tests {
    use super::*;
    use crate::core::practice::{Length, Scope};
    use crate::core::store::Store;
    use crate::core::testing::{sample_bank, sample_exam};

    #[test]
    fn practice_counts_checked_answers_and_an_estimate_keeps_its_summary() {
        let exam = sample_exam();
        let bank = sample_bank(&exam, 4);
        let mut store = Store::default();
        let scope = Scope::Task("2.1".into());
        let id = store
            .start_practice(&exam, &bank, &scope, Length::Questions(10), 3, 1_000)
            .unwrap()
            .0;
        let items: Vec<String> = store.attempt(&id).unwrap().question_ids();
        for (i, qid) in items.iter().take(3).enumerate() {
            let q = bank.question(qid).unwrap().clone();
            let right = q.correct_set()[0];
            let wrong = (0..4u8).find(|o| !q.correct_set().contains(o)).unwrap();
            let pick = if i == 1 { wrong } else { right };
            store
                .attempt_mut(&id)
                .unwrap()
                .choose(i, pick, &q, 1_001)
                .unwrap();
            // The third is answered but never checked: it does not count.
            if i < 2 {
                store.check_answer(&id, i, &bank, 1_002).unwrap();
            }
        }
        store.finish(&id, &exam, &bank, 1_003).unwrap();
        let a = store.attempt(&id).unwrap();
        assert_eq!(
            outcome(a, Some(&bank)),
            Some(Outcome::Practice {
                right: 1,
                checked: 2
            })
        );
        assert_eq!(outcome(a, None), None, "graded only once its bank is here");

        let d = store.start(&exam, &bank, 5, Mode::Diagnostic, 2_000);
        store.finish(&d.0, &exam, &bank, 2_001).unwrap();
        let a = store.attempt(&d.0).unwrap();
        let summary = a.summary.clone().unwrap();
        assert_eq!(outcome(a, None), Some(Outcome::Estimate(summary)));
    }
}
