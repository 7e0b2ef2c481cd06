//! The bank as the web app receives it: a compact index, enough to draw,
//! score, grade and schedule every question, and the question bodies
//! (stems, option texts, explanations, references) in small pieces of
//! [`PIECE_SIZE`] questions each. The first question then needs the index
//! and one piece, and that does not grow with the bank: a bigger bank adds
//! a little to the index and more pieces, never bigger pieces.
//!
//! Like `content.rs`, this file is compiled into `build.rs` (which writes
//! the files), so it uses only `std`, `serde` and `serde_json`.

use super::content::{
    content_hash, Bank, Choice, Correction, Date, Difficulty, Question, Retirement,
};
use serde::{Deserialize, Serialize};

/// Questions per piece. Small enough that the first question's piece is a
/// few kilobytes; large enough that a 75-question exam is a few dozen files.
pub const PIECE_SIZE: usize = 12;

/// The file name of an exam's index.
pub fn index_file(exam: &str, hash: &str) -> String {
    format!("{exam}-{hash}.json")
}

/// The file name of piece `k` of an exam's bank.
pub fn piece_file(exam: &str, k: usize, hash: &str) -> String {
    format!("{exam}-{k}-{hash}.json")
}

/// What the app fetches first for an exam.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Index {
    /// Ids taken out of the bank (kept so old attempts explain themselves).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<String>,
    /// Every question, in bank order (the seeded draw depends on it).
    pub heads: Vec<Head>,
    /// Archived questions (never drawn, still shown where they were
    /// answered): each head with the day it left, why (an index into
    /// `reasons`: a batch shares one line) and its replacement. Their
    /// words follow the bank's in the pieces.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub archived: Vec<(Head, Date, usize, Option<String>)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
    /// Corrections made in place, by question id (the corrections page
    /// lists them without fetching any words).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrected: Vec<(String, Correction)>,
    /// Pairs of questions never drawn together (each pair once).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excludes: Vec<(String, String)>,
    /// The content hash of each piece's file, in order.
    pub pieces: Vec<String>,
}

/// A question without its words, as a JSON array (it is repeated for every
/// question, so field names would dominate the index):
/// `[id, domain, task, difficulty, option count, correct options, keep order]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Head(
    pub String,
    pub u8,
    pub String,
    pub Difficulty,
    pub u8,
    pub Vec<u8>,
    pub bool,
);

/// The words of one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub stem: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// `(text, why)` per option, in the question's own order.
    pub options: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<String>,
}

/// The index and the pieces' JSON texts (whose hashes the index lists).
pub fn split(bank: &Bank) -> Result<(Index, Vec<String>), serde_json::Error> {
    let all: Vec<&Question> = bank.questions.iter().chain(&bank.archived).collect();
    let pieces = all
        .chunks(PIECE_SIZE)
        .map(|chunk| serde_json::to_string(&chunk.iter().map(|q| body_of(q)).collect::<Vec<_>>()))
        .collect::<Result<Vec<_>, _>>()?;
    let excludes = bank
        .questions
        .iter()
        .flat_map(|q| {
            q.excludes
                .iter()
                .filter(|other| q.id < **other)
                .map(|other| (q.id.clone(), other.clone()))
        })
        .collect();
    let mut reasons: Vec<String> = Vec::new();
    let mut archived = Vec::new();
    for q in &bank.archived {
        let Some(r) = &q.retired else { continue };
        let k = reasons.iter().position(|w| w == &r.why).unwrap_or_else(|| {
            reasons.push(r.why.clone());
            reasons.len() - 1
        });
        archived.push((head_of(q), r.on, k, r.replaced_by.clone()));
    }
    let corrected = bank
        .questions
        .iter()
        .chain(&bank.archived)
        .flat_map(|q| q.corrections.iter().map(|c| (q.id.clone(), c.clone())))
        .collect();
    let index = Index {
        retired: bank.retired.clone(),
        heads: bank.questions.iter().map(head_of).collect(),
        archived,
        reasons,
        corrected,
        excludes,
        pieces: pieces.iter().map(|p| content_hash(p)).collect(),
    };
    Ok((index, pieces))
}

fn head_of(q: &Question) -> Head {
    Head(
        q.id.clone(),
        q.domain,
        q.task.clone(),
        q.difficulty,
        u8::try_from(q.options.len()).unwrap_or(u8::MAX),
        q.correct_set(),
        q.keep_order,
    )
}

fn body_of(q: &Question) -> Body {
    Body {
        stem: q.stem.clone(),
        references: q.references.clone(),
        options: q
            .options
            .iter()
            .map(|o| (o.text.clone(), o.why.clone()))
            .collect(),
        checked: q.checked,
        revises: q.revises.clone(),
    }
}

fn question_of(head: &Head) -> Question {
    let Head(id, domain, task, difficulty, n, correct, keep_order) = head;
    let options = (0..*n)
        .map(|i| Choice {
            text: String::new(),
            correct: correct.contains(&i),
            why: String::new(),
        })
        .collect();
    Question {
        keep_order: *keep_order,
        ..Question::new(
            id.clone(),
            (*domain, task.clone()),
            *difficulty,
            String::new(),
            options,
        )
    }
}

impl Index {
    /// The bank with every question's key and none of its words: what the
    /// draw, scoring and review schedule read.
    pub fn headers(&self) -> Bank {
        let mut questions: Vec<Question> = self.heads.iter().map(question_of).collect();
        for (a, b) in &self.excludes {
            for (q, other) in [(a, b), (b, a)] {
                if let Some(q) = questions.iter_mut().find(|x| &x.id == q) {
                    q.excludes.push(other.clone());
                }
            }
        }
        for q in &mut questions {
            super::sort::sort(&mut q.excludes);
        }
        let mut archived: Vec<Question> = self
            .archived
            .iter()
            .map(|(head, on, why, replaced_by)| Question {
                retired: Some(Retirement {
                    on: *on,
                    why: self.reasons.get(*why).cloned().unwrap_or_default(),
                    replaced_by: replaced_by.clone(),
                }),
                ..question_of(head)
            })
            .collect();
        for (id, c) in &self.corrected {
            if let Some(q) = questions
                .iter_mut()
                .chain(&mut archived)
                .find(|q| &q.id == id)
            {
                q.corrections.push(c.clone());
            }
        }
        Bank {
            retired: self.retired.clone(),
            questions,
            archived,
        }
    }

    /// The piece holding the question with this id.
    pub fn piece_of(&self, id: &str) -> Option<usize> {
        self.heads
            .iter()
            .chain(self.archived.iter().map(|(h, ..)| h))
            .position(|h| h.0 == id)
            .map(|i| i / PIECE_SIZE)
    }
}

/// Writes piece `k`'s words into the bank built by [`Index::headers`].
/// Refuses a piece that does not fit the index (a different build's file).
pub fn fill(bank: &mut Bank, k: usize, piece: Vec<Body>) -> Result<(), String> {
    let start = k * PIECE_SIZE;
    let total = bank.questions.len() + bank.archived.len();
    let slots: Vec<&mut Question> = bank
        .questions
        .iter_mut()
        .chain(bank.archived.iter_mut())
        .skip(start)
        .take(PIECE_SIZE)
        .collect();
    if start >= total || piece.len() != slots.len() {
        return Err(format!("piece {k} does not fit this index"));
    }
    for (q, body) in slots.into_iter().zip(piece) {
        if body.options.len() != q.options.len() {
            return Err(format!(
                "question {} has a different number of options",
                q.id
            ));
        }
        q.stem = body.stem;
        q.references = body.references;
        q.checked = body.checked;
        q.revises = body.revises;
        for (o, (text, why)) in q.options.iter_mut().zip(body.options) {
            o.text = text;
            o.why = why;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::library;

    fn real_bank() -> Bank {
        (*library::bank("clf-c02").unwrap()).clone()
    }

    #[test]
    fn the_index_and_all_pieces_give_back_the_bank() {
        let bank = real_bank();
        let (index, pieces) = split(&bank).unwrap();
        let all = bank.questions.len() + bank.archived.len();
        assert_eq!(pieces.len(), all.div_ceil(PIECE_SIZE));
        let mut rebuilt = index.headers();
        assert_ne!(rebuilt, bank, "the index alone carries no words");
        for (k, text) in pieces.iter().enumerate() {
            assert_eq!(index.pieces[k], content_hash(text));
            fill(&mut rebuilt, k, serde_json::from_str(text).unwrap()).unwrap();
        }
        assert_eq!(rebuilt, bank);
    }

    #[test]
    fn archived_questions_exclusions_and_corrections_survive_the_split() {
        // The real bank's own archive and exclusions aside: only what this
        // test adds.
        let mut bank = real_bank();
        bank.archived.clear();
        for q in &mut bank.questions {
            q.excludes.clear();
        }
        let when: Date = "2026-12-05".parse().unwrap();
        let old: Vec<Question> = bank.questions.drain(..3).collect();
        for (k, (mut q, why)) in old
            .into_iter()
            .zip(["One reason.", "One reason.", "Another."])
            .enumerate()
        {
            q.retired = Some(Retirement {
                on: when,
                why: why.into(),
                replaced_by: (k < 2).then(|| bank.questions[k].id.clone()),
            });
            bank.archived.push(q);
        }
        let (a, b) = (bank.questions[3].id.clone(), bank.questions[4].id.clone());
        bank.questions[3].excludes.push(b.clone());
        bank.questions[4].excludes.push(a);
        bank.questions[5].corrections.push(Correction {
            on: when,
            what: "The explanation of B named the wrong console page.".into(),
        });
        bank.questions[5].checked = Some(when);
        let (index, pieces) = split(&bank).unwrap();
        assert_eq!(
            index.reasons.len(),
            2,
            "a reason shared by a batch ships once"
        );
        assert_eq!(index.excludes, vec![(bank.questions[3].id.clone(), b)]);
        let mut rebuilt = index.headers();
        assert_eq!(rebuilt.archived.len(), 3);
        assert!(
            rebuilt.question(&bank.archived[2].id).is_some(),
            "archived ids resolve from the index alone"
        );
        assert_eq!(
            index.piece_of(&bank.archived[2].id),
            Some((bank.questions.len() + 2) / PIECE_SIZE)
        );
        for (k, text) in pieces.iter().enumerate() {
            fill(&mut rebuilt, k, serde_json::from_str(text).unwrap()).unwrap();
        }
        assert_eq!(rebuilt, bank);
        assert_eq!(rebuilt.revision(&bank.questions[0].id), 2);
        assert_eq!(rebuilt.revision(&bank.questions[3].id), 1);
    }

    #[test]
    fn headers_keep_every_key_and_the_bank_order() {
        let bank = real_bank();
        let headers = split(&bank).unwrap().0.headers();
        assert_eq!(headers.questions.len(), bank.questions.len());
        for (h, q) in headers.questions.iter().zip(&bank.questions) {
            assert_eq!(
                (&h.id, h.domain, &h.task, h.difficulty),
                (&q.id, q.domain, &q.task, q.difficulty)
            );
            assert_eq!(h.correct_set(), q.correct_set());
            assert_eq!(h.options.len(), q.options.len());
            assert_eq!(h.keep_order, q.keep_order);
            assert!(h.stem.is_empty());
        }
    }

    #[test]
    fn a_piece_from_another_index_is_refused() {
        let bank = real_bank();
        let (index, pieces) = split(&bank).unwrap();
        let mut headers = index.headers();
        let wrong: Vec<Body> = serde_json::from_str(&pieces[1]).unwrap();
        // Piece 1 in piece 0's place: same length, but option counts differ
        // somewhere, or it is at least refused when short.
        let mut short = wrong.clone();
        short.pop();
        assert!(fill(&mut headers, 0, short).is_err());
        assert!(fill(&mut headers, pieces.len(), wrong).is_err());
        assert_eq!(index.piece_of(&bank.questions[PIECE_SIZE].id), Some(1));
        assert_eq!(index.piece_of("nope"), None);
    }
}
