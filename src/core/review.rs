//! What the review of an attempt shows per question, derived from the
//! attempt and the bank, so that the view only renders it.

use super::attempt::Attempt;
use super::content::{Bank, Date, Difficulty, Exam, Retirement};
use serde::{Deserialize, Serialize};

/// One option as shown, with what the test-taker did with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewOption {
    /// Index into the question's own options (what answers store).
    pub index: u8,
    pub text: String,
    pub correct: bool,
    pub chosen: bool,
    pub why: String,
}

/// One question as shown in the review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewItem {
    /// Position in the attempt, 0-based.
    pub position: usize,
    /// The exam's id.
    pub exam: String,
    pub question: String,
    pub domain: u8,
    pub domain_name: String,
    pub task: String,
    pub task_title: String,
    pub difficulty: Difficulty,
    pub stem: String,
    /// "Choose two" etc. for multiple-response, None for single-answer.
    pub choose: Option<usize>,
    pub options: Vec<ReviewOption>,
    pub answered: bool,
    pub correct: bool,
    pub flagged: bool,
    /// False for an unscored (pretest) item, marked only after the attempt.
    pub scored: bool,
    /// Marked "I'm not sure" while answering.
    pub unsure: bool,
    pub references: Vec<String>,
    /// The revision of the question as it was answered (1 for an original).
    pub revision: usize,
    /// When its facts were last checked against AWS documentation.
    pub checked: Option<Date>,
    /// Set when the question was revised or retired since it was answered:
    /// what is shown is still what was asked then.
    pub revised: Option<Retirement>,
}

/// The question on screen while answering: the same data, without the key.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownQuestion {
    pub position: usize,
    pub total: usize,
    pub question: String,
    pub stem: String,
    pub choose: Option<usize>,
    /// (index into the question's options, text, chosen), in shown order.
    pub options: Vec<(u8, String, bool)>,
    pub flagged: bool,
}

/// The question at `position` as it is shown while answering.
pub fn shown(attempt: &Attempt, bank: &Bank, position: usize) -> Result<ShownQuestion, String> {
    let item = attempt
        .items
        .get(position)
        .ok_or_else(|| format!("there is no question {}", position + 1))?;
    let q = bank
        .question(&item.question)
        .ok_or_else(|| format!("question {} is no longer in the bank", item.question))?;
    let chosen = attempt.answers.get(position).cloned().unwrap_or_default();
    let options = item
        .order
        .iter()
        .filter_map(|&i| {
            q.options
                .get(usize::from(i))
                .map(|o| (i, o.text.clone(), chosen.contains(&i)))
        })
        .collect();
    Ok(ShownQuestion {
        position,
        total: attempt.items.len(),
        question: q.id.clone(),
        stem: q.stem.trim().to_owned(),
        choose: q.is_multi().then(|| q.correct_count()),
        options,
        flagged: attempt.flagged.get(position).copied().unwrap_or(false),
    })
}

/// Every question of the attempt, for the review.
pub fn review(exam: &Exam, attempt: &Attempt, bank: &Bank) -> Result<Vec<ReviewItem>, String> {
    let graded = attempt.grade(bank)?;
    (0..attempt.items.len())
        .map(|position| review_item(exam, attempt, bank, &graded, position))
        .collect()
}

/// One question of the attempt, as reviewed (practice's instant feedback).
pub fn review_one(
    exam: &Exam,
    attempt: &Attempt,
    bank: &Bank,
    position: usize,
) -> Result<ReviewItem, String> {
    review_item(exam, attempt, bank, &attempt.grade(bank)?, position)
}

fn review_item(
    exam: &Exam,
    attempt: &Attempt,
    bank: &Bank,
    graded: &[crate::core::scoring::GradedItem],
    position: usize,
) -> Result<ReviewItem, String> {
    let s = shown(attempt, bank, position)?;
    let q = bank
        .question(&s.question)
        .ok_or_else(|| format!("question {} is no longer in the bank", s.question))?;
    let (domain_name, task_title) = exam
        .task(&q.task)
        .map(|(d, t)| (d.name.clone(), t.title.clone()))
        .unwrap_or_default();
    let options = s
        .options
        .iter()
        .filter_map(|(i, text, chosen)| {
            let o = q.options.get(usize::from(*i))?;
            Some(ReviewOption {
                index: *i,
                text: text.clone(),
                correct: o.correct,
                chosen: *chosen,
                why: o.why.clone(),
            })
        })
        .collect();
    let g = graded
        .get(position)
        .ok_or_else(|| format!("there is no question {}", position + 1))?;
    Ok(ReviewItem {
        position,
        exam: exam.id.clone(),
        question: q.id.clone(),
        domain: q.domain,
        domain_name,
        task: q.task.clone(),
        task_title,
        difficulty: q.difficulty,
        stem: s.stem,
        choose: s.choose,
        options,
        answered: g.answered,
        correct: g.correct,
        flagged: s.flagged,
        scored: attempt.items.get(position).is_none_or(|i| i.scored),
        unsure: attempt.is_unsure(position),
        references: q.references.clone(),
        revision: bank.revision(&q.id),
        checked: q.checked,
        revised: q.retired.clone(),
    })
}

/// "two" for 2, and so on, for "Choose two".
pub fn count_word(n: usize) -> String {
    match n {
        2 => "two".into(),
        3 => "three".into(),
        4 => "four".into(),
        5 => "five".into(),
        n => n.to_string(),
    }
}
