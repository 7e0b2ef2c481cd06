//! Small hand-made exams and banks for the unit tests.

use super::attempt::{Attempt, Mode};
use super::content::{Bank, Choice, Difficulty, Domain, Exam, Question, Task};
use super::scoring::GradedItem;
use super::select::DrawnItem;

/// An exam shaped like CLF-C02: weights 24/30/34/12, two tasks a domain.
pub fn clf_like_exam() -> Exam {
    sample_exam()
}

/// The exam the tests use.
pub fn sample_exam() -> Exam {
    let domain = |number: u8, weight: u32| Domain {
        number,
        name: format!("Domain {number}"),
        weight,
        tasks: (1..=2)
            .map(|k| Task {
                id: format!("{number}.{k}"),
                title: format!("Task {number}.{k}."),
            })
            .collect(),
    };
    Exam {
        id: "clf-c02".into(),
        code: "CLF-C02".into(),
        name: "Sample".into(),
        level: "Foundational".into(),
        pass_score: 700,
        raw_cut: 0.70,
        questions_total: 65,
        questions_scored: 50,
        minutes: Some(90),
        minutes_note: None,
        assumed_minutes: None,
        practice_target: "750–800 on full-length timed attempts".into(),
        practice_line: 750,
        guide_url: None,
        guide_date: None,
        domains: vec![domain(1, 24), domain(2, 30), domain(3, 34), domain(4, 12)],
    }
}

/// A single-answer question whose correct option is `correct`.
pub fn single_question(id: &str, correct: usize) -> Question {
    let options = (0..4)
        .map(|i| Choice {
            text: format!("Option {i}"),
            correct: i == correct,
            why: format!("Because {i}."),
        })
        .collect();
    Question::new(
        id.into(),
        (1, "1.1".into()),
        Difficulty::Medium,
        format!("Stem of {id}?"),
        options,
    )
}

/// A five-option multiple-response question.
pub fn multi_question(id: &str, correct: &[usize]) -> Question {
    Question {
        stem: format!("Stem of {id}? (Choose two.)"),
        options: (0..5)
            .map(|i| Choice {
                text: format!("Option {i}"),
                correct: correct.contains(&i),
                why: format!("Because {i}."),
            })
            .collect(),
        ..single_question(id, 0)
    }
}

/// `per_task` questions for every task of `exam`.
pub fn sample_bank(exam: &Exam, per_task: usize) -> Bank {
    let mut questions = Vec::new();
    for d in &exam.domains {
        for t in &d.tasks {
            for k in 0..per_task {
                let mut q = single_question(&format!("t-{}-{k:03}", t.id), k % 4);
                q.domain = d.number;
                q.task = t.id.clone();
                q.stem = format!("Question {k} about task {}?", t.id);
                questions.push(q);
            }
        }
    }
    Bank {
        retired: Vec::new(),
        questions,
        archived: Vec::new(),
    }
}

/// scoring.md §3's worked attempt: CLF-C02 seats [2, 3, 4, 1], all medium,
/// one wrong in each of domains 1, 2 and 3 (7 of 10).
pub fn worked_seven_of_ten() -> Vec<GradedItem> {
    let mut items = Vec::new();
    for (domain, n) in [(1u8, 2usize), (2, 3), (3, 4), (4, 1)] {
        for k in 0..n {
            items.push(graded(domain, Difficulty::Medium, k != 0 || domain == 4));
        }
    }
    items
}

/// A graded item of `domain` (task `<domain>.1`).
pub fn graded(domain: u8, difficulty: Difficulty, correct: bool) -> GradedItem {
    GradedItem {
        scored: true,
        question: format!("q-{domain}"),
        domain,
        task: format!("{domain}.1"),
        difficulty,
        answered: true,
        correct,
    }
}

/// A one-question CLF-C02 diagnostic started at `started` (its seed too).
pub fn one_question_attempt(question: &str, started: u64) -> Attempt {
    let item = DrawnItem {
        question: question.to_owned(),
        order: vec![0, 1, 2, 3],
        scored: true,
    };
    Attempt::new("clf-c02", started, Mode::Diagnostic, started, vec![item])
}
