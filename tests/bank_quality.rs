//! The question banks meet the content issue's figures: size, coverage of
//! every task statement, domain shares, mix of kinds and difficulty, and
//! the item-writing checks (near-duplicate stems, longest-option tell).
#![cfg(not(target_arch = "wasm32"))]

use cert_diagnostic::core::content::Difficulty;
use cert_diagnostic::core::library;
use cert_diagnostic::core::stats::{bank_stats, BankStats};

fn stats(id: &str) -> BankStats {
    let exam = library::catalog().unwrap().exam(id).unwrap();
    bank_stats(exam, library::bank(id).unwrap())
}

fn check(s: &BankStats, min_total: usize, mix: [(Difficulty, f64); 3]) {
    assert!(
        s.total >= min_total,
        "{}: {} questions, want ≥ {min_total}",
        s.exam,
        s.total
    );
    for (task, n) in &s.tasks {
        assert!(
            *n >= 5,
            "{}: task {task} has {n} questions, want ≥ 5",
            s.exam
        );
    }
    for (d, _, share, weight) in &s.domains {
        assert!(
            (share - f64::from(*weight)).abs() <= 5.0,
            "{}: domain {d} is {share:.1}% of the bank, weight {weight}%",
            s.exam
        );
    }
    let multi = s.multi_percent();
    assert!(
        (15.0..=25.0).contains(&multi),
        "{}: {multi:.1}% multiple-response",
        s.exam
    );
    for (d, target) in mix {
        let got = s.difficulty_percent(d);
        assert!(
            (got - target).abs() <= 7.5,
            "{}: {d} is {got:.1}%, target about {target}%",
            s.exam
        );
    }
    assert!(
        s.correct_longest_percent() <= 40.0,
        "{}: correct option longest in {:.0}%",
        s.exam,
        s.correct_longest_percent()
    );
    assert!(
        s.near_duplicates.is_empty(),
        "{}: near-duplicate stems {:?}",
        s.exam,
        s.near_duplicates
    );
}

#[test]
fn clf_c02_bank() {
    check(
        &stats("clf-c02"),
        200,
        [
            (Difficulty::Easy, 30.0),
            (Difficulty::Medium, 50.0),
            (Difficulty::Hard, 20.0),
        ],
    );
}

#[test]
fn aip_c01_bank() {
    check(
        &stats("aip-c01"),
        150,
        [
            (Difficulty::Easy, 10.0),
            (Difficulty::Medium, 50.0),
            (Difficulty::Hard, 40.0),
        ],
    );
}
