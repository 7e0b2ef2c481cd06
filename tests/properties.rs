//! Invariants of shared/spec/scoring.md, over generated inputs.
#![cfg(not(target_arch = "wasm32"))]

use cert_diagnostic::core::attempt::Attempt;
use cert_diagnostic::core::attempt::Mode;
use cert_diagnostic::core::content::{Bank, Choice, Difficulty, Domain, Exam, Question, Task};
use cert_diagnostic::core::plan::whole_percents;
use cert_diagnostic::core::readiness::{effective_n, readiness_of, recency, Readiness};
use cert_diagnostic::core::schedule::{review, Rating};
use cert_diagnostic::core::scoring::GradedItem;
use cert_diagnostic::core::scoring::{scaled, wilson, Z_80};
use cert_diagnostic::core::select::DrawnItem;
use cert_diagnostic::core::select::{apportion, draw, draw_form, FormSpec, SeenHistory};
use cert_diagnostic::core::store::Store;
use proptest::prelude::*;

proptest! {
    // Failures are reported, not written to disk.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn apportionment_sums_to_n_and_fills_every_domain(weights in prop::collection::vec(1u32..60, 1..8), n in 0usize..80) {
        let seats = apportion(&weights, n);
        prop_assert_eq!(seats.iter().sum::<usize>(), n);
        if n >= weights.len() {
            prop_assert!(seats.iter().all(|&s| s >= 1), "{:?} over {:?}", seats, weights);
        }
    }

    #[test]
    fn scale_is_monotone_with_fixed_anchors(a in 0.0f64..=1.0, b in 0.0f64..=1.0, kappa in 0.3f64..0.9, pass in 500u32..900) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(scaled(lo, kappa, pass) <= scaled(hi, kappa, pass));
        prop_assert_eq!(scaled(0.0, kappa, pass), 100);
        prop_assert_eq!(scaled(kappa, kappa, pass), pass);
        prop_assert_eq!(scaled(1.0, kappa, pass), 1000);
    }

    #[test]
    fn range_contains_the_estimate(p in 0.0f64..=1.0, n in 1usize..70) {
        let (l, h) = wilson(p, n, Z_80);
        let (sl, s, sh) = (scaled(l, 0.7, 700), scaled(p, 0.7, 700), scaled(h, 0.7, 700));
        prop_assert!(sl <= s && s <= sh, "{} ≤ {} ≤ {}", sl, s, sh);
        prop_assert!((100..=1000).contains(&sl) && (100..=1000).contains(&sh));
    }

    #[test]
    fn study_shares_are_whole_percents_summing_to_100(raw in prop::collection::vec(0.01f64..300.0, 1..8)) {
        let weights: Vec<u32> = (1..=raw.len() as u32).collect();
        let shares = whole_percents(&raw, &weights);
        prop_assert_eq!(shares.iter().sum::<u32>(), 100);
        prop_assert!(shares.iter().all(|&s| s > 0), "{:?}", shares);
    }

    #[test]
    fn the_same_seed_gives_the_same_draw(seed in any::<u64>()) {
        let (exam, bank) = fixture();
        let a = draw(&exam, &bank, 10, seed, &SeenHistory::new());
        prop_assert_eq!(&a, &draw(&exam, &bank, 10, seed, &SeenHistory::new()));
        prop_assert_eq!(a.len(), 10);
        let mut ids: Vec<&str> = a.iter().map(|i| i.question.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), 10, "no question twice");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_form_has_the_section_1_counts_and_no_question_twice(seed in any::<u64>(), seen in 0usize..120) {
        let (exam, bank) = fixture_with(15);
        let history: SeenHistory = bank.questions.iter().take(seen).map(|q| (q.id.clone(), 7)).collect();
        let form = FormSpec::full_length(&exam);
        let items = draw_form(&exam, &bank, form, seed, &history);
        let weights: Vec<u32> = exam.domains.iter().map(|d| d.weight).collect();
        for (scored, n) in [(true, form.scored), (false, form.unscored)] {
            let want = apportion(&weights, n);
            let got: Vec<usize> = exam.domains.iter().map(|d| {
                items.iter().filter(|i| i.scored == scored && bank.question(&i.question).unwrap().domain == d.number).count()
            }).collect();
            prop_assert_eq!(got, want);
        }
        let mut ids: Vec<&str> = items.iter().map(|i| i.question.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), 75);
    }

    #[test]
    fn unscored_answers_never_change_the_report(seed in any::<u64>(), scored in prop::collection::vec(0u8..4, 75), a in prop::collection::vec(0u8..5, 75), b in prop::collection::vec(0u8..5, 75)) {
        let (exam, bank) = fixture_with(15);
        let results = |unscored: &[u8]| {
            let mut store = Store::default();
            let id = store.start(&exam, &bank, seed, Mode::PracticeExam, 1).0;
            let attempt = store.attempt(&id).unwrap().clone();
            for (i, item) in attempt.items.iter().enumerate() {
                let q = bank.question(&item.question).unwrap();
                // 4 means "left unanswered".
                let pick = if item.scored { scored[i] } else { unscored[i] };
                if pick < 4 {
                    store.attempt_mut(&id).unwrap().choose(i, pick, q, 2).unwrap();
                }
            }
            store.finish(&id, &exam, &bank, 3).unwrap();
            store.results(&id, &exam, &bank).unwrap()
        };
        let (ra, rb) = (results(&a), results(&b));
        prop_assert_eq!(&ra.report, &rb.report);
        prop_assert_eq!(&ra.plan, &rb.plan);
    }

    #[test]
    fn equal_ages_give_n_eff_equal_to_n(n in 1usize..300, age in 0u64..20_000_000_000) {
        let now = 30_000_000_000u64;
        let weights = vec![recency(now - age, now); n];
        prop_assert!((effective_n(&weights) - n as f64).abs() < 1e-6 * n as f64);
    }

    #[test]
    fn the_readiness_range_contains_the_estimate(evidence in prop::collection::vec((1u8..=5, any::<bool>(), 0u64..90, 0usize..3), 25..150)) {
        let (exam, _) = fixture();
        let now = 100 * 86_400_000u64;
        let ev: Vec<(GradedItem, u64)> = evidence.iter().enumerate().map(|(k, &(domain, correct, days, d))| {
            (GradedItem {
                scored: true,
                question: format!("q{k}"),
                domain,
                task: format!("{domain}.1"),
                difficulty: Difficulty::ALL[d],
                answered: true,
                correct,
            }, now - days * 86_400_000)
        }).collect();
        if let Readiness::Estimate { report, n_eff, .. } = readiness_of(&exam, &ev, now) {
            prop_assert!(report.low <= report.scaled && report.scaled <= report.high, "{} ≤ {} ≤ {}", report.low, report.scaled, report.high);
            prop_assert!(n_eff <= ev.len() as f64 + 1e-9 && n_eff > 0.0);
        }
    }
}

/// A store of `n` attempts with ids from `ids`, changed at `changes`, and
/// cards for some questions.
fn store_of(ids: &[u8], changes: &[u64], cards: &[(u8, u64)]) -> Store {
    let mut s = Store::default();
    for (&k, &t) in ids.iter().zip(changes) {
        if s.attempt(&format!("a{k}")).is_some() {
            continue;
        }
        let item = DrawnItem {
            question: format!("q{k}"),
            order: vec![0, 1, 2, 3],
            scored: true,
        };
        let mut a = Attempt::new(
            "x",
            u64::from(k),
            Mode::Diagnostic,
            u64::from(k),
            vec![item],
        );
        a.id = format!("a{k}").parse().unwrap();
        a.updated_ms = t;
        s.attempts.push(a);
    }
    for &(q, t) in cards {
        s.cards
            .insert(format!("q{q}"), review(None, "x", Rating::Good, t));
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn restoring_twice_changes_nothing_and_never_removes_an_attempt(
        here_ids in prop::collection::vec(0u8..20, 0..8), here_t in prop::collection::vec(0u64..100, 8),
        file_ids in prop::collection::vec(0u8..20, 0..8), file_t in prop::collection::vec(0u64..100, 8),
        here_cards in prop::collection::vec((0u8..20, 0u64..100), 0..6), file_cards in prop::collection::vec((0u8..20, 0u64..100), 0..6),
        deleted in prop::collection::vec(0u8..20, 0..3),
    ) {
        let mut here = store_of(&here_ids, &here_t, &here_cards);
        for d in &deleted {
            here.delete_attempt(&format!("a{d}"));
        }
        let file = store_of(&file_ids, &file_t, &file_cards);
        let (once, _) = here.restored(&file);
        let (twice, report) = once.restored(&file);
        prop_assert_eq!(&once, &twice);
        prop_assert_eq!(report.attempts_added + report.attempts_updated, 0);
        for a in &here.attempts {
            prop_assert!(once.attempt(&a.id.0).is_some(), "kept {}", a.id);
        }
        for a in &file.attempts {
            prop_assert!(once.attempt(&a.id.0).is_some(), "restored {}", a.id);
        }
    }
}

fn fixture() -> (Exam, Bank) {
    fixture_with(4)
}

/// An AIP-C01-shaped exam (75 questions, 65 scored) with `per_task`
/// questions in each of its ten task statements.
fn fixture_with(per_task: usize) -> (Exam, Bank) {
    let domains: Vec<Domain> = [(1u8, 31u32), (2, 26), (3, 20), (4, 12), (5, 11)]
        .iter()
        .map(|&(number, weight)| Domain {
            number,
            name: format!("D{number}"),
            weight,
            tasks: vec![
                Task {
                    id: format!("{number}.1"),
                    title: "T.".into(),
                },
                Task {
                    id: format!("{number}.2"),
                    title: "T.".into(),
                },
            ],
        })
        .collect();
    let mut questions = Vec::new();
    for d in &domains {
        for t in &d.tasks {
            for k in 0..per_task {
                let options = (0..4)
                    .map(|i| Choice {
                        text: format!("o{i}"),
                        correct: i == 0,
                        why: "w".into(),
                    })
                    .collect();
                questions.push(Question::new(
                    format!("q-{}-{k}", t.id),
                    (d.number, t.id.clone()),
                    Difficulty::ALL[k % 3],
                    format!("Q {} {k}?", t.id),
                    options,
                ));
            }
        }
    }
    let exam = Exam {
        id: "x".into(),
        code: "X".into(),
        name: "X".into(),
        level: "P".into(),
        pass_score: 750,
        raw_cut: 0.72,
        questions_total: 75,
        questions_scored: 65,
        minutes: None,
        minutes_note: Some("n".into()),
        assumed_minutes: None,
        practice_target: "t".into(),
        practice_line: 800,
        guide_url: None,
        guide_date: None,
        domains,
    };
    (
        exam,
        Bank {
            retired: Vec::new(),
            questions,
            archived: Vec::new(),
        },
    )
}
