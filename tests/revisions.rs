//! Nothing a user did changes meaning when a question is revised (issue 17,
//! item 3). `tests/fixtures/before-revision.json` was made from the banks
//! as they stood before the re-write (2026-12-05): stored attempts, review
//! cards and result links over questions that the re-write replaces. With
//! today's banks every one of them must still open, show what was asked
//! and answered then, keep its score, and say that the question was
//! revised since.
#![cfg(not(target_arch = "wasm32"))]

use cert_diagnostic::core::attempt::{Attempt, Mode};
use cert_diagnostic::core::content::Bank;
use cert_diagnostic::core::library;
use cert_diagnostic::core::link::SharedResult;
use cert_diagnostic::core::review::review;
use cert_diagnostic::core::scoring::{is_correct, score};
use cert_diagnostic::core::select::DrawnItem;
use cert_diagnostic::core::session::scored_only;
use cert_diagnostic::core::store::{self, Store};
use serde::{Deserialize, Serialize};

const FIXTURE: &str = "tests/fixtures/before-revision.json";

/// What the fixture recorded of one attempt when it was made.
#[derive(Debug, Serialize, Deserialize)]
struct Recorded {
    attempt: String,
    scaled: u32,
    /// Per item: the question's id, its option count and correct set then.
    questions: Vec<(String, usize, Vec<u8>)>,
    /// Per item: right or wrong then.
    right: Vec<bool>,
    link: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct Fixture {
    made: String,
    store: String,
    recorded: Vec<Recorded>,
}

/// The questions the fixture's attempts use: the first of each task that
/// the first re-write batches replace, so the fixture covers revised ones.
fn chosen(bank: &Bank, tasks: &[&str], per_task: usize) -> Vec<String> {
    tasks
        .iter()
        .flat_map(|t| {
            bank.questions
                .iter()
                .filter(move |q| q.task == *t)
                .take(per_task)
                .map(|q| q.id.clone())
        })
        .collect()
}

fn graded_scaled(exam_id: &str, attempt: &Attempt, bank: &Bank) -> u32 {
    let exam = library::catalog().unwrap().exam(exam_id).unwrap();
    score(exam, &scored_only(attempt.grade(bank).unwrap())).scaled
}

/// Writes the fixture from the banks as they are. It was run once, before
/// the first revision landed: `cargo test --test revisions -- --ignored`.
#[test]
#[ignore = "writes tests/fixtures/before-revision.json from today's banks"]
fn write_fixture() {
    let catalog = library::catalog().unwrap();
    let mut store = Store::default();
    let mut recorded = Vec::new();
    let plans: [(&str, &[&str], Mode, u64); 3] = [
        (
            "aip-c01",
            &["1.1", "2.1", "3.1", "4.1", "5.1"],
            Mode::Diagnostic,
            1,
        ),
        ("clf-c02", &["1.1", "3.1", "4.1"], Mode::Diagnostic, 2),
        ("clf-c02", &["1.1", "4.1"], Mode::Practice, 3),
    ];
    for (k, (exam_id, tasks, mode, seed)) in plans.into_iter().enumerate() {
        let exam = catalog.exam(exam_id).unwrap();
        let bank = library::bank(exam_id).unwrap();
        let ids = chosen(&bank, tasks, 2);
        let started = 1_780_000_000_000 + u64::try_from(k).unwrap() * 3_600_000;
        let items: Vec<DrawnItem> = ids
            .iter()
            .map(|id| {
                let q = bank.question(id).unwrap();
                // Options shown reversed, so that stored indices and shown
                // positions differ, as they do in real attempts.
                let n = u8::try_from(q.options.len()).unwrap();
                DrawnItem {
                    question: id.clone(),
                    order: (0..n).rev().collect(),
                    scored: true,
                }
            })
            .collect();
        let mut attempt = Attempt::new(exam_id, seed, mode, started, items);
        let mut now = started;
        for (i, id) in ids.iter().enumerate() {
            let q = bank.question(id).unwrap();
            now += 20_000;
            // Every third answer wrong (the first distractor), the rest right.
            let picks: Vec<u8> = if i % 3 == 2 {
                vec![(0..).zip(&q.options).find(|(_, o)| !o.correct).unwrap().0]
            } else {
                q.correct_set()
            };
            for p in picks {
                attempt.choose(i, p, q, now).unwrap();
            }
        }
        let id = attempt.id.0.clone();
        store.attempts.push(attempt);
        if mode == Mode::Practice {
            for i in 0..ids.len() {
                store
                    .check_answer(&id, i, &bank, started + 20_000 * (i as u64 + 1))
                    .unwrap();
            }
        }
        store.finish(&id, exam, &bank, now + 1_000).unwrap();
        let a = store.attempt(&id).unwrap();
        recorded.push(Recorded {
            attempt: id.clone(),
            scaled: graded_scaled(exam_id, a, &bank),
            questions: ids
                .iter()
                .map(|q| {
                    let q = bank.question(q).unwrap();
                    (q.id.clone(), q.options.len(), q.correct_set())
                })
                .collect(),
            right: ids
                .iter()
                .zip(&a.answers)
                .map(|(q, c)| is_correct(c, &bank.question(q).unwrap().correct_set()))
                .collect(),
            link: SharedResult::of(a).to_string(),
        });
    }
    let fixture = Fixture {
        made: "2026-12-05, from the banks before the re-write".into(),
        store: store::encode(&store),
        recorded,
    };
    std::fs::write(
        FIXTURE,
        serde_json::to_string_pretty(&fixture).unwrap() + "\n",
    )
    .unwrap();
}

fn fixture() -> Fixture {
    let text = std::fs::read_to_string(FIXTURE).expect("the fixture is committed");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn stored_attempts_keep_their_questions_answers_and_scores() {
    let f = fixture();
    let store = store::decode(&f.store).expect("the stored record still reads");
    for r in &f.recorded {
        let a = store
            .attempt(&r.attempt)
            .expect("the attempt is still there");
        let bank = library::bank(&a.exam).unwrap();
        for ((id, n, correct), (item, right)) in
            r.questions.iter().zip(a.items.iter().zip(&r.right))
        {
            let q = bank
                .question(id)
                .unwrap_or_else(|| panic!("{id} no longer resolves"));
            assert_eq!(&item.question, id);
            assert_eq!(q.options.len(), *n, "{id}: option count changed");
            assert_eq!(&q.correct_set(), correct, "{id}: key changed");
            let now_right = is_correct(
                &a.answers[a.question_ids().iter().position(|x| x == id).unwrap()],
                correct,
            );
            assert_eq!(now_right, *right, "{id}: right/wrong changed");
        }
        if a.mode.is_estimate() {
            assert_eq!(
                graded_scaled(&a.exam, a, &bank),
                r.scaled,
                "{}: score changed",
                r.attempt
            );
            assert_eq!(a.summary.as_ref().map(|s| s.scaled), Some(r.scaled));
        }
    }
}

#[test]
fn links_made_before_a_revision_open_with_the_result_they_had() {
    let catalog = library::catalog().unwrap();
    for r in fixture().recorded {
        let link: SharedResult = r.link.parse().expect("the link still parses");
        let bank = library::bank(&link.exam).unwrap();
        link.check(catalog, |_| Some(&*bank))
            .expect("the link still checks against today's bank");
        let shown = link.to_attempt(&bank);
        let graded = shown.grade(&bank).unwrap();
        let right: Vec<bool> = graded.iter().map(|g| g.correct).collect();
        assert_eq!(right, r.right, "{}: the link's marks changed", r.link);
        assert_eq!(graded_scaled(&link.exam, &shown, &bank), r.scaled);
    }
}

#[test]
fn a_question_revised_since_it_was_answered_says_so_and_shows_the_old_words() {
    let f = fixture();
    let store = store::decode(&f.store).unwrap();
    let catalog = library::catalog().unwrap();
    let mut revised = 0;
    for r in &f.recorded {
        let a = store.attempt(&r.attempt).unwrap();
        let exam = catalog.exam(&a.exam).unwrap();
        let bank = library::bank(&a.exam).unwrap();
        let items = review(exam, a, &bank).unwrap();
        for (item, (id, n, _)) in items.iter().zip(&r.questions) {
            assert!(
                !item.stem.is_empty(),
                "{id}: the words asked then are shown"
            );
            assert_eq!(item.options.len(), *n);
            let q = bank.question(id).unwrap();
            match &q.retired {
                Some(ret) => {
                    revised += 1;
                    assert_eq!(
                        item.revised.as_ref(),
                        Some(ret),
                        "{id}: the review says it was revised"
                    );
                    if let Some(next) = &ret.replaced_by {
                        assert!(
                            bank.questions.iter().any(|x| &x.id == next),
                            "{id}: its replacement {next} is in the bank"
                        );
                    }
                    assert!(
                        bank.questions.iter().all(|x| &x.id != id),
                        "{id}: a revised question is never drawn again"
                    );
                }
                None => assert!(item.revised.is_none()),
            }
        }
    }
    // The fixture was made over the questions of the first re-written
    // batches; once they landed, the fixture must exercise revised ones.
    assert!(
        revised > 0,
        "no question of the fixture has been revised yet"
    );
}

#[test]
fn review_cards_of_revised_questions_go_on_with_the_new_wording() {
    let mut store = store::decode(&fixture().store).unwrap();
    let mut carried = 0;
    for exam in ["aip-c01", "clf-c02"] {
        let bank = library::bank(exam).unwrap();
        let before = store.cards.clone();
        store.carry_cards(&bank);
        for q in &bank.archived {
            if !before.contains_key(&q.id) {
                continue;
            }
            assert!(
                !store.cards.contains_key(&q.id),
                "{}: no card left on a question never drawn",
                q.id
            );
            if let Some(next) = q.retired.as_ref().and_then(|r| r.replaced_by.as_ref()) {
                if bank.is_current(next) {
                    carried += 1;
                    assert!(
                        store.cards.contains_key(next),
                        "{}: its card went to {next}",
                        q.id
                    );
                }
            }
        }
        // Every card left is of a question that can come up for review.
        for (id, card) in &store.cards {
            if card.exam == exam {
                assert!(bank.is_current(id), "{id}: a card no review can draw");
            }
        }
    }
    assert!(carried > 0, "the fixture covers cards of revised questions");
}
