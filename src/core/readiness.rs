//! Readiness (scoring.md §9): one estimate pooled from every first answer
//! this browser has given, in any mode, weighted by how recent it is.
//!
//! Only a question's first answer counts: a repeat measures memory of that
//! item, not of the exam.

use super::content::{Bank, Exam};
use super::scoring::{is_correct, score_weighted, GradedItem, Report};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Evidence halves in weight every 14 days.
pub const HALF_LIFE_DAYS: f64 = 14.0;

/// Answers of evidence each domain needs before an estimate is shown.
pub const MIN_PER_DOMAIN: usize = 5;

const DAY_MS: f64 = 86_400_000.0;

/// The first answer this browser gave to a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstAnswer {
    /// When it was given (graded), epoch ms.
    pub at_ms: u64,
    /// The chosen options, as indices into the question's own options.
    pub chosen: Vec<u8>,
}

/// First answers by question id (ids are unique across exams).
pub type FirstAnswers = BTreeMap<String, FirstAnswer>;

/// The weight of an answer given at `at_ms`, seen at `now_ms`:
/// r = 0.5^(t/14) with t in days. An answer stamped in the future (a clock
/// that moved) counts as given now.
pub fn recency(at_ms: u64, now_ms: u64) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let days = now_ms.saturating_sub(at_ms) as f64 / DAY_MS;
    0.5_f64.powf(days / HALF_LIFE_DAYS)
}

/// Kish's effective sample size (Σr)² / Σr²: n when all weights are equal.
pub fn effective_n(weights: &[f64]) -> f64 {
    let sum: f64 = weights.iter().sum();
    let squares: f64 = weights.iter().map(|r| r * r).sum();
    if squares > 0.0 {
        sum * sum / squares
    } else {
        0.0
    }
}

/// How much evidence one domain has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainEvidence {
    pub number: u8,
    pub name: String,
    pub answers: usize,
    /// How many more answers it needs before an estimate is shown.
    pub needed: usize,
}

/// The readiness estimate, or what it still needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Readiness {
    /// Enough evidence in every domain.
    Estimate {
        report: Report,
        /// Kish's effective number of answers behind the range.
        n_eff: f64,
        /// Answers of evidence in all.
        answers: usize,
    },
    /// Some domain has fewer than [`MIN_PER_DOMAIN`] answers.
    NeedMore(Vec<DomainEvidence>),
}

/// Readiness from graded evidence, each with when it was given.
pub fn readiness_of(exam: &Exam, evidence: &[(GradedItem, u64)], now_ms: u64) -> Readiness {
    let per_domain: Vec<DomainEvidence> = exam
        .domains
        .iter()
        .map(|d| {
            let answers = evidence
                .iter()
                .filter(|(g, _)| g.domain == d.number)
                .count();
            DomainEvidence {
                number: d.number,
                name: d.name.clone(),
                answers,
                needed: MIN_PER_DOMAIN.saturating_sub(answers),
            }
        })
        .collect();
    if per_domain.iter().any(|d| d.needed > 0) {
        return Readiness::NeedMore(per_domain);
    }
    let weighted: Vec<(&GradedItem, f64)> = evidence
        .iter()
        .map(|(g, at)| (g, recency(*at, now_ms)))
        .collect();
    let weights: Vec<f64> = weighted.iter().map(|(_, r)| *r).collect();
    let n_eff = effective_n(&weights);
    Readiness::Estimate {
        report: score_weighted(exam, &weighted, n_eff),
        n_eff,
        answers: evidence.len(),
    }
}

/// The evidence for `exam`: every first answer to a question of its bank
/// (a question the bank no longer has is left out), graded.
pub fn evidence(exam: &Exam, bank: &Bank, first: &FirstAnswers) -> Vec<(GradedItem, u64)> {
    bank.questions
        .iter()
        .filter(|q| exam.domain(q.domain).is_some())
        .filter_map(|q| {
            let answer = first.get(&q.id)?;
            let graded = GradedItem {
                scored: true,
                question: q.id.clone(),
                domain: q.domain,
                task: q.task.clone(),
                difficulty: q.difficulty,
                answered: !answer.chosen.is_empty(),
                correct: is_correct(&answer.chosen, &q.correct_set()),
            };
            Some((graded, answer.at_ms))
        })
        .collect()
}

/// Readiness for `exam` from this browser's first answers.
pub fn readiness(exam: &Exam, bank: &Bank, first: &FirstAnswers, now_ms: u64) -> Readiness {
    readiness_of(exam, &evidence(exam, bank, first), now_ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::Difficulty;
    use crate::core::scoring::Verdict;
    use crate::core::testing::{clf_like_exam, graded};

    const NOW: u64 = 1_800_000_000_000;
    const FORTNIGHT: u64 = 14 * 86_400_000;

    /// `right` of 5 in each domain, all given at `at`.
    fn batch(right: [usize; 4], at: u64) -> Vec<(GradedItem, u64)> {
        let mut out = Vec::new();
        for (k, &r) in right.iter().enumerate() {
            let domain = u8::try_from(k + 1).unwrap();
            for i in 0..5 {
                out.push((graded(domain, Difficulty::Medium, i < r), at));
            }
        }
        out
    }

    #[test]
    fn the_worked_example() {
        // scoring.md §9: today 4/5, 3/5, 5/5, 4/5; a fortnight ago 3/5,
        // 2/5, 4/5, 3/5 (r = 0.5).
        let exam = clf_like_exam();
        let mut ev = batch([4, 3, 5, 4], NOW);
        ev.extend(batch([3, 2, 4, 3], NOW - FORTNIGHT));
        let Readiness::Estimate {
            report,
            n_eff,
            answers,
        } = readiness_of(&exam, &ev, NOW)
        else {
            panic!("enough evidence for an estimate");
        };
        let acc: Vec<f64> = report.domains.iter().map(|d| d.accuracy.unwrap()).collect();
        for (got, want) in acc.iter().zip([0.7333, 0.5333, 0.9333, 0.7333]) {
            assert!((got - want).abs() < 5e-5, "accuracy {got} vs {want}");
        }
        assert!((report.performance - 0.7413).abs() < 5e-5);
        assert_eq!(report.scaled, 741);
        assert!((n_eff - 36.0).abs() < 1e-9);
        assert_eq!(answers, 40);
        assert_eq!((report.low, report.high), (647, 823));
        assert_eq!(report.verdict, Verdict::Borderline);
        assert_eq!(report.weakest, Some(2));
        assert!((report.domains[1].shortfall - 14.0).abs() < 1e-3);
    }

    #[test]
    fn recency_halves_every_fortnight() {
        assert!((recency(NOW, NOW) - 1.0).abs() < 1e-12);
        assert!((recency(NOW - FORTNIGHT, NOW) - 0.5).abs() < 1e-12);
        assert!((recency(NOW - 2 * FORTNIGHT, NOW) - 0.25).abs() < 1e-12);
        assert!(
            (recency(NOW + 5, NOW) - 1.0).abs() < 1e-12,
            "future counts as now"
        );
    }

    #[test]
    fn effective_n_of_equal_weights_is_n() {
        assert!((effective_n(&[0.3; 17]) - 17.0).abs() < 1e-9);
        assert!((effective_n(&[]) - 0.0).abs() < 1e-12);
    }

    #[test]
    fn too_little_evidence_says_what_each_domain_needs() {
        let exam = clf_like_exam();
        let mut ev = batch([5, 5, 5, 5], NOW);
        // Domain 4 keeps only 2 answers.
        let mut fours = 0;
        ev.retain(|(g, _)| {
            if g.domain == 4 {
                fours += 1;
                fours <= 2
            } else {
                true
            }
        });
        let Readiness::NeedMore(d) = readiness_of(&exam, &ev, NOW) else {
            panic!("domain 4 lacks evidence");
        };
        let needed: Vec<usize> = d.iter().map(|d| d.needed).collect();
        assert_eq!(needed, vec![0, 0, 0, 3]);
    }
}
