//! The public list of corrections (`/changes/`): every question revised,
//! retired or corrected, with the day and why in one line, read from the
//! banks' own records, so it is always what shipped.

use super::content::{Bank, Date, Exam};
use super::sort;

/// What happened to a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Re-written: answers given before keep the words they were given to.
    Revised { by: String },
    /// Taken out with no successor.
    Retired,
    /// Corrected in place (words that did not change what the options mean).
    Corrected,
}

/// One entry of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub on: Date,
    pub exam: String,
    pub exam_code: String,
    pub question: String,
    pub kind: Kind,
    pub why: String,
}

impl Change {
    /// The entry's anchor on the page, so that a revised question can link
    /// to its own line.
    pub fn anchor(&self) -> String {
        anchor(&self.question)
    }
}

/// The anchor of a question's entry.
pub fn anchor(question: &str) -> String {
    format!("q-{question}")
}

/// Every change in these banks, newest first, then by exam and question.
pub fn changes<'a>(banks: impl IntoIterator<Item = (&'a Exam, &'a Bank)>) -> Vec<Change> {
    let mut out = Vec::new();
    for (exam, bank) in banks {
        let entry = |question: &str, on: Date, kind: Kind, why: &str| Change {
            on,
            exam: exam.id.clone(),
            exam_code: exam.code.clone(),
            question: question.to_owned(),
            kind,
            why: why.to_owned(),
        };
        for q in &bank.archived {
            if let Some(r) = &q.retired {
                let kind = r
                    .replaced_by
                    .clone()
                    .map_or(Kind::Retired, |by| Kind::Revised { by });
                out.push(entry(&q.id, r.on, kind, &r.why));
            }
        }
        for q in bank.questions.iter().chain(&bank.archived) {
            for c in &q.corrections {
                out.push(entry(&q.id, c.on, Kind::Corrected, &c.what));
            }
        }
    }
    sort::sort_by_key(&mut out, |c| {
        (std::cmp::Reverse(c.on), c.exam.clone(), c.question.clone())
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::{Correction, Retirement};
    use crate::core::testing::{sample_bank, sample_exam};

    #[test]
    fn newest_first_with_every_kind() {
        let exam = sample_exam();
        let mut bank = sample_bank(&exam, 3);
        let day = |s: &str| -> Date { s.parse().unwrap() };
        let mut old = bank.questions.remove(0);
        old.retired = Some(Retirement {
            on: day("2026-12-05"),
            why: "The options gave the key away.".into(),
            replaced_by: Some(bank.questions[0].id.clone()),
        });
        let mut gone = bank.questions.remove(1);
        gone.retired = Some(Retirement {
            on: day("2026-11-01"),
            why: "Its service closed to new customers.".into(),
            replaced_by: None,
        });
        bank.archived = vec![old.clone(), gone.clone()];
        bank.questions[2].corrections.push(Correction {
            on: day("2026-11-20"),
            what: "A distractor's explanation named the wrong tier.".into(),
        });
        let list = changes([(&exam, &bank)]);
        let got: Vec<(&str, &Kind, String)> = list
            .iter()
            .map(|c| (c.question.as_str(), &c.kind, c.on.to_string()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    old.id.as_str(),
                    &Kind::Revised {
                        by: bank.questions[0].id.clone()
                    },
                    "2026-12-05".to_owned()
                ),
                (
                    bank.questions[2].id.as_str(),
                    &Kind::Corrected,
                    "2026-11-20".to_owned()
                ),
                (gone.id.as_str(), &Kind::Retired, "2026-11-01".to_owned()),
            ]
        );
        assert_eq!(list[0].exam_code, "CLF-C02");
        assert_eq!(list[0].anchor(), format!("q-{}", old.id));
    }
}
