//! Scoring one attempt (scoring.md §3–5): item weights, domain accuracy,
//! blueprint performance, the scaled estimate, its Wilson range, the verdict,
//! the weakest domain and the points at stake per domain.

use super::content::{Difficulty, Exam};
use super::sort;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::fmt;
use std::str::FromStr;

/// z for an 80 % two-sided interval (§4).
pub const Z_80: f64 = 1.2816;

/// Bottom and top of AWS's scaled score.
pub const SCALE_MIN: u32 = 100;
pub const SCALE_MAX: u32 = 1000;

/// Item weight by difficulty: harder items count slightly more (§3).
pub fn item_weight(d: Difficulty) -> f64 {
    match d {
        Difficulty::Easy => 1.0,
        Difficulty::Medium => 1.25,
        Difficulty::Hard => 1.5,
    }
}

/// One graded item: what the scoring needs to know of a question and answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradedItem {
    /// False for an unscored (pretest) item: it is reviewed, never scored.
    #[serde(default = "yes")]
    pub scored: bool,
    pub question: String,
    pub domain: u8,
    pub task: String,
    pub difficulty: Difficulty,
    pub answered: bool,
    pub correct: bool,
}

fn yes() -> bool {
    true
}

/// Whether the selected set equals the correct set exactly (§3).
pub fn is_correct(selected: &[u8], correct: &[u8]) -> bool {
    let mut a = selected.to_vec();
    let mut b = correct.to_vec();
    sort::sort(&mut a);
    a.dedup();
    sort::sort(&mut b);
    b.dedup();
    !a.is_empty() && a == b
}

/// The scaled estimate S(p): piecewise linear through (0, 100), (κ, P),
/// (1, 1000), rounded half up (§3).
pub fn scaled(p: f64, kappa: f64, pass: u32) -> u32 {
    let x = scaled_exact(p, kappa, pass);
    // A tiny epsilon keeps exact halves (and values a rounding error below
    // them) going up, as the contract says.
    let r = (x + 0.5 + 1e-9).floor();
    // Clamped to the scale, so the cast is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let r = r.clamp(f64::from(SCALE_MIN), f64::from(SCALE_MAX)) as u32;
    r
}

fn scaled_exact(p: f64, kappa: f64, pass: u32) -> f64 {
    let p = p.clamp(0.0, 1.0);
    let (lo, pass, hi) = (f64::from(SCALE_MIN), f64::from(pass), f64::from(SCALE_MAX));
    if p <= kappa {
        lo + (pass - lo) * p / kappa
    } else {
        pass + (hi - pass) * (p - kappa) / (1.0 - kappa)
    }
}

/// The Wilson score interval for `p` over `n` items at `z` (§4).
pub fn wilson(p: f64, n: usize, z: f64) -> (f64, f64) {
    #[allow(clippy::cast_precision_loss)]
    wilson_n(p, n as f64, z)
}

/// The Wilson interval for a fractional sample size (readiness's n_eff, §9).
pub fn wilson_n(p: f64, n: f64, z: f64) -> (f64, f64) {
    if n <= 0.0 {
        return (0.0, 1.0);
    }
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// What the range says about passing (§4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    LikelyToPass,
    Borderline,
    NotYet,
}

impl Verdict {
    /// Verdict from the scaled range: pass when even the low end passes.
    pub fn from_range(low: u32, high: u32, pass: u32) -> Verdict {
        if low >= pass {
            Verdict::LikelyToPass
        } else if high < pass {
            Verdict::NotYet
        } else {
            Verdict::Borderline
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::LikelyToPass => "Likely to pass",
            Verdict::Borderline => "Borderline",
            Verdict::NotYet => "Not yet",
        })
    }
}

impl FromStr for Verdict {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "Likely to pass" => Ok(Verdict::LikelyToPass),
            "Borderline" => Ok(Verdict::Borderline),
            "Not yet" => Ok(Verdict::NotYet),
            other => Err(format!("unknown verdict {other:?}")),
        }
    }
}

/// One domain's line of the results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainScore {
    pub number: u8,
    pub name: String,
    pub weight: u32,
    /// Items drawn from this domain.
    pub items: usize,
    /// Items answered correctly.
    pub correct: usize,
    /// Weighted accuracy a_d, or None when no item came from the domain.
    pub accuracy: Option<f64>,
    /// W_d · (1 − a_d); 0 for a domain with no item.
    pub shortfall: f64,
    /// S(p + shortfall/ΣW) − S(p): what a perfect showing here would add.
    pub points_at_stake: u32,
}

/// Everything the results page shows of one attempt's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub exam: String,
    pub pass_score: u32,
    pub raw_cut: f64,
    pub items: usize,
    pub answered: usize,
    pub correct: usize,
    /// Blueprint performance p.
    pub performance: f64,
    pub scaled: u32,
    pub low: u32,
    pub high: u32,
    pub verdict: Verdict,
    pub domains: Vec<DomainScore>,
    /// The domain number with the largest shortfall; None when nothing was missed.
    pub weakest: Option<u8>,
}

impl Report {
    /// The weakest domain and every other domain that costs as many scaled
    /// points: more than one is a tie, and the page says so rather than
    /// crowning one of them. Ordered as the weakest rule orders them.
    pub fn weakest_tied(&self) -> Vec<&DomainScore> {
        let Some(w) = self
            .weakest
            .and_then(|n| self.domains.iter().find(|d| d.number == n))
        else {
            return Vec::new();
        };
        let mut tied: Vec<&DomainScore> = self
            .domains
            .iter()
            .filter(|d| d.shortfall > 1e-12 && d.points_at_stake == w.points_at_stake)
            .collect();
        sort::sort_by(&mut tied, |a, b| {
            b.shortfall
                .total_cmp(&a.shortfall)
                .then(b.weight.cmp(&a.weight))
                .then(a.number.cmp(&b.number))
        });
        tied
    }
}

/// A float sum that starts at +0.0: std's `Sum` of nothing is −0.0, which
/// would show as "-0%".
fn add(xs: impl Iterator<Item = f64>) -> f64 {
    xs.fold(0.0, |a, b| a + b)
}

/// Scores graded items against the exam's blueprint (§3–5). The caller
/// passes the scored items only; n for the range is their number.
pub fn score(exam: &Exam, items: &[GradedItem]) -> Report {
    let weighted: Vec<(&GradedItem, f64)> = items.iter().map(|i| (i, 1.0)).collect();
    #[allow(clippy::cast_precision_loss)]
    let n = items.len() as f64;
    score_weighted(exam, &weighted, n)
}

/// §3–5 where each item also carries a weight of evidence r (1 for an
/// attempt; recency for readiness, §9), and the range uses sample size `n`.
pub fn score_weighted(exam: &Exam, items: &[(&GradedItem, f64)], n: f64) -> Report {
    let kappa = exam.raw_cut;
    let pass = exam.pass_score;
    let mut rows: Vec<DomainScore> = exam
        .domains
        .iter()
        .map(|d| {
            let mine: Vec<(&GradedItem, f64)> = items
                .iter()
                .filter(|(i, _)| i.domain == d.number)
                .copied()
                .collect();
            let total_w = add(mine.iter().map(|(i, r)| r * item_weight(i.difficulty)));
            let got_w = add(mine
                .iter()
                .filter(|(i, _)| i.correct)
                .map(|(i, r)| r * item_weight(i.difficulty)));
            let accuracy = (!mine.is_empty() && total_w > 0.0).then(|| got_w / total_w);
            DomainScore {
                number: d.number,
                name: d.name.clone(),
                weight: d.weight,
                items: mine.len(),
                correct: mine.iter().filter(|(i, _)| i.correct).count(),
                accuracy,
                shortfall: accuracy.map_or(0.0, |a| f64::from(d.weight) * (1.0 - a)),
                points_at_stake: 0,
            }
        })
        .collect();

    let covered_weight: f64 = rows
        .iter()
        .filter(|r| r.accuracy.is_some())
        .map(|r| f64::from(r.weight))
        .sum();
    let performance = if covered_weight > 0.0 {
        rows.iter()
            .filter_map(|r| r.accuracy.map(|a| f64::from(r.weight) * a))
            .sum::<f64>()
            / covered_weight
    } else {
        0.0
    };
    let s = scaled(performance, kappa, pass);
    for r in &mut rows {
        if covered_weight > 0.0 {
            let better = scaled(performance + r.shortfall / covered_weight, kappa, pass);
            r.points_at_stake = better.saturating_sub(s);
        }
    }
    let (lo_p, hi_p) = wilson_n(performance, n, Z_80);
    let low = scaled(lo_p, kappa, pass);
    let high = scaled(hi_p, kappa, pass);
    let weakest = rows
        .iter()
        .filter(|r| r.shortfall > 1e-12)
        .min_by(|a, b| {
            b.shortfall
                .total_cmp(&a.shortfall)
                .then(Reverse(a.weight).cmp(&Reverse(b.weight)))
                .then(a.number.cmp(&b.number))
        })
        .map(|r| r.number);

    Report {
        exam: exam.id.clone(),
        pass_score: pass,
        raw_cut: kappa,
        items: items.len(),
        answered: items.iter().filter(|(i, _)| i.answered).count(),
        correct: items.iter().filter(|(i, _)| i.correct).count(),
        performance,
        scaled: s,
        low,
        high,
        verdict: Verdict::from_range(low, high, pass),
        domains: rows,
        weakest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::{clf_like_exam, graded, worked_seven_of_ten};

    #[test]
    fn scaled_anchor_points() {
        assert_eq!(scaled(0.0, 0.70, 700), 100);
        assert_eq!(scaled(0.70, 0.70, 700), 700);
        assert_eq!(scaled(1.0, 0.70, 700), 1000);
        assert_eq!(scaled(0.72, 0.72, 750), 750);
        assert_eq!(scaled(0.0, 0.72, 750), 100);
        assert_eq!(scaled(1.0, 0.72, 750), 1000);
    }

    #[test]
    fn scaled_rounds_half_up() {
        // p = 0.35·(600/600)... 100 + 600·p/0.7 = 400.5 at p = 0.35035.
        let p = 300.5 * 0.7 / 600.0;
        assert_eq!(scaled(p, 0.70, 700), 401);
    }

    #[test]
    fn the_worked_seven_of_ten() {
        // scoring.md §3: 7 of 10, one wrong in each of domains 1, 2, 3.
        let exam = clf_like_exam();
        let items = worked_seven_of_ten();
        let r = score(&exam, &items);
        let acc: Vec<f64> = r.domains.iter().map(|d| d.accuracy.unwrap()).collect();
        assert!((acc[0] - 0.5).abs() < 1e-9);
        assert!((acc[1] - 2.0 / 3.0).abs() < 1e-9);
        assert!((acc[2] - 0.75).abs() < 1e-9);
        assert!((acc[3] - 1.0).abs() < 1e-9);
        assert!((r.performance - 0.695).abs() < 1e-9);
        assert_eq!(r.scaled, 696);
        assert_eq!(r.correct, 7);
    }

    #[test]
    fn worked_ranges() {
        // scoring.md §4, CLF-C02, n = 10.
        let cases = [
            (0.9, 900, 718, 970, Verdict::LikelyToPass),
            (0.8, 800, 616, 914, Verdict::Borderline),
            (0.5, 529, 368, 690, Verdict::NotYet),
            (1.0, 1000, 859, 1000, Verdict::LikelyToPass),
        ];
        for (p, s, lo, hi, verdict) in cases {
            let (a, b) = wilson(p, 10, Z_80);
            let (low, high) = (scaled(a, 0.7, 700), scaled(b, 0.7, 700));
            assert_eq!(scaled(p, 0.7, 700), s, "S({p})");
            assert_eq!((low, high), (lo, hi), "range at p = {p}");
            assert_eq!(
                Verdict::from_range(low, high, 700),
                verdict,
                "verdict at p = {p}"
            );
        }
    }

    #[test]
    fn report_uses_ranges_and_verdict() {
        let exam = clf_like_exam();
        // 9 of 10 right, all medium, the miss in domain 4 (weight 12).
        let mut items = Vec::new();
        for (domain, n) in [(1u8, 2usize), (2, 3), (3, 4), (4, 1)] {
            for _ in 0..n {
                items.push(graded(domain, Difficulty::Medium, domain != 4));
            }
        }
        let r = score(&exam, &items);
        assert!((r.performance - 0.88).abs() < 1e-9);
        assert_eq!(r.scaled, 880);
        assert_eq!(r.weakest, Some(4));
        // Points at stake: S(0.88 + 12/100) − S(0.88) = 1000 − 880.
        assert_eq!(r.domains[3].points_at_stake, 120);
        assert_eq!(r.domains[0].points_at_stake, 0);
        let (a, b) = wilson(0.88, 10, Z_80);
        assert_eq!((r.low, r.high), (scaled(a, 0.7, 700), scaled(b, 0.7, 700)));
    }

    #[test]
    fn weakest_ties_go_to_larger_weight() {
        let exam = clf_like_exam();
        // Domain 1 (W 24) half right: shortfall 12. Domain 4 (W 12) wrong:
        // shortfall 12 too. Domain 2 one wrong of three: 10.
        let mut items = vec![
            graded(1, Difficulty::Medium, true),
            graded(1, Difficulty::Medium, false),
        ];
        items.extend([true, true, false].map(|c| graded(2, Difficulty::Medium, c)));
        items.extend([true; 4].map(|c| graded(3, Difficulty::Medium, c)));
        items.push(graded(4, Difficulty::Medium, false));
        let r = score(&exam, &items);
        // The tie of 12 goes to the larger weight: domain 1.
        assert_eq!(r.weakest, Some(1));
    }

    #[test]
    fn weakest_equal_weights_tie_to_the_lower_domain() {
        let mut exam = clf_like_exam();
        for d in &mut exam.domains {
            d.weight = 25;
        }
        let items = vec![
            graded(3, Difficulty::Medium, false),
            graded(2, Difficulty::Medium, false),
        ];
        assert_eq!(score(&exam, &items).weakest, Some(2));
    }

    #[test]
    fn no_weakest_when_nothing_missed() {
        let exam = clf_like_exam();
        let items: Vec<GradedItem> = [1u8, 1, 2, 2, 2, 3, 3, 3, 3, 4]
            .iter()
            .map(|&d| graded(d, Difficulty::Hard, true))
            .collect();
        let r = score(&exam, &items);
        assert_eq!(r.weakest, None);
        assert_eq!(r.scaled, 1000);
    }

    #[test]
    fn harder_items_weigh_more() {
        let exam = clf_like_exam();
        let items = vec![
            graded(1, Difficulty::Hard, true),
            graded(1, Difficulty::Easy, false),
        ];
        let r = score(&exam, &items);
        assert!((r.domains[0].accuracy.unwrap() - 0.6).abs() < 1e-9);
    }

    #[test]
    fn nothing_right_is_plus_zero() {
        let exam = clf_like_exam();
        let r = score(&exam, &[graded(1, Difficulty::Easy, false)]);
        let a = r.domains[0].accuracy.unwrap();
        assert!(
            a == 0.0 && a.is_sign_positive(),
            "accuracy {a} shows as {:.0}%",
            a * 100.0
        );
    }

    #[test]
    fn exact_set_match_only() {
        assert!(is_correct(&[2, 0], &[0, 2]));
        assert!(!is_correct(&[0], &[0, 2]));
        assert!(!is_correct(&[0, 1, 2], &[0, 2]));
        assert!(!is_correct(&[], &[1]));
    }

    #[test]
    fn equal_points_at_stake_are_a_tie() {
        let exam = clf_like_exam();
        // Domain 1 (W 24) half right, domain 4 (W 12) all wrong: shortfall
        // 12 each, so the same points at stake.
        let mut items = vec![
            graded(1, Difficulty::Medium, true),
            graded(1, Difficulty::Medium, false),
            graded(4, Difficulty::Medium, false),
        ];
        items.extend([true; 3].map(|c| graded(2, Difficulty::Medium, c)));
        let r = score(&exam, &items);
        let tied: Vec<u8> = r.weakest_tied().iter().map(|d| d.number).collect();
        assert_eq!(tied, vec![1, 4]);
        // Not a tie when one domain costs more.
        let r = score(&exam, &worked_seven_of_ten());
        assert_eq!(r.weakest_tied().len(), 1);
        assert!(score(&exam, &[graded(1, Difficulty::Easy, true)])
            .weakest_tied()
            .is_empty());
    }
}
