//! Invariants of shared/spec/scoring.md, over generated inputs.
#![cfg(not(target_arch = "wasm32"))]

use cert_diagnostic::core::content::{Bank, Choice, Difficulty, Domain, Exam, Question, Task};
use cert_diagnostic::core::plan::whole_percents;
use cert_diagnostic::core::scoring::{scaled, wilson, Z_80};
use cert_diagnostic::core::select::{apportion, draw, SeenHistory};
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

fn fixture() -> (Exam, Bank) {
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
            for k in 0..4 {
                questions.push(Question {
                    id: format!("q-{}-{k}", t.id),
                    domain: d.number,
                    task: t.id.clone(),
                    difficulty: Difficulty::Medium,
                    stem: format!("Q {} {k}?", t.id),
                    keep_order: false,
                    references: vec![],
                    options: (0..4)
                        .map(|i| Choice {
                            text: format!("o{i}"),
                            correct: i == 0,
                            why: "w".into(),
                        })
                        .collect(),
                });
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
        practice_target: "t".into(),
        practice_line: 800,
        guide_url: None,
        domains,
    };
    (exam, Bank { questions })
}
