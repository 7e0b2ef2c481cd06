//! The question banks meet the content issues' figures: size, coverage of
//! every task statement, domain shares, mix of kinds and difficulty, and
//! the item-writing checks (near-duplicate stems, longest-option tell,
//! stem-answer overlap, distractor explanations, discontinued offerings).
#![cfg(not(target_arch = "wasm32"))]

use cert_diagnostic::core::content::{Bank, Difficulty};
use cert_diagnostic::core::library;
use cert_diagnostic::core::stats::{bank_stats, BankStats};

/// Fewest questions per task statement (issue 19: enough unseen questions
/// on every task for a month of practice).
const MIN_PER_TASK: usize = 20;

/// Furthest a domain's share of the bank may be from its exam weight, in
/// percentage points (issue 19), so that practice drawn from the bank
/// follows the exam's blueprint.
const MAX_SHARE_GAP: f64 = 2.0;

/// Most single-answer questions whose correct option shares more
/// distinctive words with the stem than every distractor (per exam and per
/// difficulty), in percent.
const MAX_OVERLAP_PERCENT: f64 = 15.0;

/// Offerings AWS has discontinued or closed to new customers: never in a
/// stem or a correct option (they may appear as wrong answers whose
/// explanation says so). Each with the date and where AWS says so.
const DISCONTINUED: &[(&str, &str, &str)] = &[
    (
        "AWS Developer Support",
        "2027-01-01",
        "AWS Support User Guide, end-of-support notice",
    ),
    (
        "Developer Support",
        "2027-01-01",
        "AWS Support User Guide, end-of-support notice",
    ),
    (
        "Enterprise On-Ramp",
        "2027-01-01",
        "AWS Support User Guide, end-of-support notice",
    ),
    (
        "Audit Manager",
        "closed to new customers",
        "AWS Audit Manager User Guide, availability change",
    ),
    (
        "CloudTrail Lake",
        "2026-05-31",
        "AWS CloudTrail User Guide, availability change",
    ),
    (
        "Amazon Kendra",
        "closed to new customers",
        "Amazon Kendra Developer Guide, availability change",
    ),
    (
        "Q Business",
        "closed to new customers",
        "Amazon Q Business User Guide, availability change",
    ),
    (
        "Snowball Edge",
        "closed to new customers",
        "AWS Snowball Edge Developer Guide, availability change",
    ),
    (
        "X-Ray SDK",
        "2027-02-25",
        "AWS X-Ray Developer Guide, X-Ray SDK end of support",
    ),
];

/// "Business Support" names the discontinued plan unless it is the new
/// "Business Support+".
fn names_old_business_support(text: &str) -> bool {
    text.match_indices("Business Support")
        .any(|(i, m)| !text[i + m.len()..].starts_with('+'))
}

fn stats(id: &str) -> BankStats {
    let exam = library::catalog().unwrap().exam(id).unwrap();
    bank_stats(exam, &library::bank(id).unwrap())
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
            *n >= MIN_PER_TASK,
            "{}: task {task} has {n} questions, want ≥ {MIN_PER_TASK}",
            s.exam
        );
    }
    for (d, _, share, weight) in &s.domains {
        assert!(
            (share - f64::from(*weight)).abs() <= MAX_SHARE_GAP,
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
    for d in [
        None,
        Some(Difficulty::Easy),
        Some(Difficulty::Medium),
        Some(Difficulty::Hard),
    ] {
        let got = s.overlap_percent(d);
        assert!(
            got <= MAX_OVERLAP_PERCENT,
            "{}: stem-answer overlap tell {got:.1}% ({d:?}), want ≤ {MAX_OVERLAP_PERCENT}%: {:?}",
            s.exam,
            s.overlap_tells
        );
    }
    assert!(
        s.near_duplicates.is_empty(),
        "{}: near-duplicate stems {:?}",
        s.exam,
        s.near_duplicates
    );
}

/// Every distractor's explanation says what that option is (at least a few
/// words, not a bare "Incorrect").
fn distractors_are_explained(id: &str, bank: &Bank) {
    let bare = [
        "incorrect",
        "wrong",
        "not correct",
        "this is wrong",
        "this is incorrect",
    ];
    for q in &bank.questions {
        for o in q.options.iter().filter(|o| !o.correct) {
            let why = o.why.trim().to_lowercase();
            let words = why.split_whitespace().count();
            let only_a_verdict = bare.iter().any(|b| why.trim_end_matches('.') == *b);
            assert!(
                words >= 4 && !only_a_verdict,
                "{id}: {}: the why of {:?} should say what that option is for, not only that it is wrong",
                q.id,
                o.text
            );
        }
    }
}

/// No stem or correct option relies on a discontinued offering.
fn nothing_discontinued_is_relied_on(id: &str, bank: &Bank) {
    for q in &bank.questions {
        let relied: Vec<&str> = std::iter::once(q.stem.as_str())
            .chain(
                q.options
                    .iter()
                    .filter(|o| o.correct)
                    .map(|o| o.text.as_str()),
            )
            .collect();
        for text in relied {
            for (name, when, source) in DISCONTINUED {
                assert!(
                    !text.contains(name),
                    "{id}: {} relies on {name} (discontinued {when}; {source})",
                    q.id
                );
            }
            assert!(
                !names_old_business_support(text),
                "{id}: {} relies on AWS Business Support (discontinued 2027-01-01; AWS Support User Guide)",
                q.id
            );
        }
    }
}

#[test]
fn the_old_business_support_name_is_told_from_the_new_one() {
    assert!(names_old_business_support("AWS Business Support plan"));
    assert!(!names_old_business_support("AWS Business Support+ plan"));
    assert!(names_old_business_support(
        "Business Support+ replaced Business Support"
    ));
}

#[test]
fn item_writing_checks() {
    for id in ["clf-c02", "aip-c01"] {
        let bank = library::bank(id).unwrap();
        distractors_are_explained(id, &bank);
        nothing_discontinued_is_relied_on(id, &bank);
    }
}

/// The cheap cues of content.md rule 3, for the questions that passed the
/// reading process (a `checked` date): none with an absolute only in its
/// distractors, the key the longest or the shortest option near chance
/// (1 in 4), and the key alone echoing the stem rare. The reading itself
/// (content/REVIEW.md) is what holds them to the options-only figure.
const MAX_KEY_LONGEST_PERCENT: f64 = 30.0;
const MAX_KEY_SHORTEST_PERCENT: f64 = 35.0;
const MAX_ECHO_PERCENT: f64 = 15.0;

#[test]
fn questions_that_passed_the_reading_carry_no_cheap_cue() {
    for id in ["clf-c02", "aip-c01"] {
        let c = stats(id).cues_checked;
        assert!(
            c.absolute_tells.is_empty(),
            "{id}: an absolute only in distractors: {:?}",
            c.absolute_tells
        );
        assert!(
            c.echo_percent() <= MAX_ECHO_PERCENT,
            "{id}: the key alone echoes the stem in {:.0}%: {:?}",
            c.echo_percent(),
            c.echo_tells
        );
        // Rates mean something only over enough questions.
        if c.single >= 20 {
            assert!(
                c.longest_percent() <= MAX_KEY_LONGEST_PERCENT,
                "{id}: key longest in {:.0}% of {} checked single-answer questions",
                c.longest_percent(),
                c.single
            );
            assert!(
                c.shortest_percent() <= MAX_KEY_SHORTEST_PERCENT,
                "{id}: key shortest in {:.0}% of {} checked single-answer questions",
                c.shortest_percent(),
                c.single
            );
        }
    }
}

#[test]
fn clf_c02_bank() {
    check(
        &stats("clf-c02"),
        800,
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
        // Issue 19's target: a month of unseen questions.
        600,
        [
            (Difficulty::Easy, 10.0),
            (Difficulty::Medium, 50.0),
            (Difficulty::Hard, 40.0),
        ],
    );
}
