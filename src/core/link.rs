//! Shared links, encoded and decoded without any server: a result travels
//! in the URL fragment as text, so it never reaches a host's logs.
//!
//! A result link reads `r1.<exam>.<seed>.<count>.<item>~<item>….<check>`,
//! each item `<question id>_<chosen letters>` (letters index the question's
//! own options: `a` is the first), and `<check>` a checksum of all before
//! it: a link cut short or altered in copying is an error, never a
//! different result.

use super::attempt::{Attempt, Mode};
use super::content::{Bank, Catalog};
use super::select::DrawnItem;
use std::fmt;
use std::str::FromStr;

/// The most items a result link may carry (a full-length exam is 65).
pub const MAX_ITEMS: usize = 100;

const VERSION: &str = "r1";

/// A finished attempt, as a link carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedResult {
    pub exam: String,
    pub seed: u64,
    /// (question id, chosen option indices ascending).
    pub items: Vec<(String, Vec<u8>)>,
}

/// Why a link cannot be opened, said so that the opener knows what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    Empty,
    UnknownVersion(String),
    Truncated,
    BadExam(String),
    BadSeed(String),
    BadCount(String),
    CountMismatch { said: usize, found: usize },
    BadItem(usize),
    Repeated(String),
    UnknownExam(String),
    UnknownQuestion(String),
    BadOption { question: String },
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => f.write_str("This link carries no result."),
            LinkError::UnknownVersion(v) => write!(f, "This link was made by a newer or different version of the site (format \"{v}\")."),
            LinkError::Truncated => f.write_str("This link is incomplete: part of it seems to have been cut off when it was copied."),
            LinkError::BadExam(e) => write!(f, "This link names an exam in a form this site cannot read (\"{e}\")."),
            LinkError::BadSeed(s) => write!(f, "This link's challenge code is damaged (\"{s}\")."),
            LinkError::BadCount(c) => write!(f, "This link's question count is damaged (\"{c}\")."),
            LinkError::CountMismatch { said, found } => write!(
                f,
                "This link is incomplete: it should carry {said} answers but has {found}. Part of it may have been cut off."
            ),
            LinkError::BadItem(n) => write!(f, "Answer {n} in this link is damaged."),
            LinkError::Repeated(q) => write!(f, "This link lists question {q} twice."),
            LinkError::UnknownExam(e) => write!(f, "This site has no exam \"{e}\"."),
            LinkError::UnknownQuestion(q) => write!(
                f,
                "This link refers to question {q}, which this version of the question bank no longer has \
                 (the link was made with an older bank)."
            ),
            LinkError::BadOption { question } => {
                write!(f, "This link chooses an option that question {question} does not have.")
            }
        }
    }
}

impl std::error::Error for LinkError {}

fn letters(chosen: &[u8]) -> String {
    chosen
        .iter()
        .filter(|&&i| i < 26)
        .map(|&i| char::from(b'a' + i))
        .collect()
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
}

/// FNV-1a, 32 bits: enough to catch a cut or a typo, small in a URL.
fn checksum(text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

impl fmt::Display for SharedResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let items: Vec<String> = self
            .items
            .iter()
            .map(|(q, c)| format!("{q}_{}", letters(c)))
            .collect();
        let body = format!(
            "{VERSION}.{}.{:x}.{}.{}",
            self.exam,
            self.seed,
            self.items.len(),
            items.join("~")
        );
        write!(f, "{body}.{}", checksum(&body))
    }
}

impl FromStr for SharedResult {
    type Err = LinkError;

    /// Parses the link's form only; [`SharedResult::check`] then checks it
    /// against the catalog and bank.
    fn from_str(raw: &str) -> Result<Self, LinkError> {
        let s = raw.trim().trim_start_matches('#');
        if s.is_empty() {
            return Err(LinkError::Empty);
        }
        let version = s.split('.').next().unwrap_or_default();
        if version != VERSION {
            return Err(LinkError::UnknownVersion(
                version.chars().take(12).collect(),
            ));
        }
        match s.rsplit_once('.') {
            Some((body, check)) if check.len() == 8 && checksum(body) == check => {
                Self::parse_body(body)
            }
            _ => Err(LinkError::Truncated),
        }
    }
}

impl SharedResult {
    fn parse_body(body: &str) -> Result<Self, LinkError> {
        let mut parts = body.splitn(5, '.');
        let _version = parts.next();
        let (Some(exam), Some(seed), Some(count), Some(items)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(LinkError::Truncated);
        };
        if exam.is_empty()
            || exam.len() > 40
            || !exam
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(LinkError::BadExam(exam.chars().take(40).collect()));
        }
        let seed = if seed.len() <= 16 {
            u64::from_str_radix(seed, 16).ok()
        } else {
            None
        }
        .ok_or_else(|| LinkError::BadSeed(seed.chars().take(20).collect()))?;
        let count: usize = count
            .parse()
            .ok()
            .filter(|&n| (1..=MAX_ITEMS).contains(&n) && !count.starts_with('0'))
            .ok_or_else(|| LinkError::BadCount(count.chars().take(10).collect()))?;
        let raw_items: Vec<&str> = if items.is_empty() {
            Vec::new()
        } else {
            items.split('~').collect()
        };
        if raw_items.len() != count {
            return Err(LinkError::CountMismatch {
                said: count,
                found: raw_items.len(),
            });
        }
        let mut out: Vec<(String, Vec<u8>)> = Vec::with_capacity(count);
        for (n, item) in raw_items.iter().enumerate() {
            let (q, chosen) = item.rsplit_once('_').ok_or(LinkError::BadItem(n + 1))?;
            if !valid_id(q) || chosen.len() > 26 {
                return Err(LinkError::BadItem(n + 1));
            }
            let mut picks: Vec<u8> = Vec::with_capacity(chosen.len());
            for c in chosen.bytes() {
                if !c.is_ascii_lowercase() {
                    return Err(LinkError::BadItem(n + 1));
                }
                picks.push(c - b'a');
            }
            let sorted = picks.windows(2).all(|w| w[0] < w[1]);
            if !sorted {
                return Err(LinkError::BadItem(n + 1));
            }
            if out.iter().any(|(seen, _)| seen == q) {
                return Err(LinkError::Repeated(q.to_owned()));
            }
            out.push((q.to_owned(), picks));
        }
        Ok(SharedResult {
            exam: exam.to_owned(),
            seed,
            items: out,
        })
    }

    /// The link form of a finished attempt.
    pub fn of(attempt: &Attempt) -> SharedResult {
        SharedResult {
            exam: attempt.exam.clone(),
            seed: attempt.seed,
            items: attempt
                .items
                .iter()
                .zip(&attempt.answers)
                .map(|(i, a)| (i.question.clone(), a.clone()))
                .collect(),
        }
    }

    /// Checks the link against this site's catalog and bank.
    pub fn check<'b>(
        &self,
        catalog: &Catalog,
        bank_of: impl Fn(&str) -> Option<&'b Bank>,
    ) -> Result<(), LinkError> {
        if catalog.exam(&self.exam).is_none() {
            return Err(LinkError::UnknownExam(self.exam.clone()));
        }
        let bank = bank_of(&self.exam).ok_or_else(|| LinkError::UnknownExam(self.exam.clone()))?;
        for (q, chosen) in &self.items {
            let question = bank
                .question(q)
                .ok_or_else(|| LinkError::UnknownQuestion(q.clone()))?;
            if chosen
                .iter()
                .any(|&c| usize::from(c) >= question.options.len())
            {
                return Err(LinkError::BadOption {
                    question: q.clone(),
                });
            }
        }
        Ok(())
    }

    /// A finished, read-only attempt to show (never stored). Options are
    /// shown in the order the bank gives them.
    pub fn to_attempt(&self, bank: &Bank) -> Attempt {
        let items = self
            .items
            .iter()
            .map(|(q, _)| {
                let n = bank.question(q).map_or(0, |q| q.options.len());
                DrawnItem {
                    question: q.clone(),
                    order: (0..u8::try_from(n).unwrap_or(0)).collect(),
                    scored: true,
                }
            })
            .collect();
        let mut attempt = Attempt::new(&self.exam, self.seed, Mode::Challenge, 0, items);
        attempt.answers = self.items.iter().map(|(_, c)| c.clone()).collect();
        attempt.finished_ms = Some(0);
        attempt
    }
}

/// Reads a challenge code (the seed, in hex) from a link.
pub fn parse_challenge(raw: &str) -> Result<u64, LinkError> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 16 {
        return Err(LinkError::BadSeed(s.chars().take(20).collect()));
    }
    u64::from_str_radix(s, 16).map_err(|_| LinkError::BadSeed(s.chars().take(20).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SharedResult {
        SharedResult {
            exam: "clf-c02".into(),
            seed: 0xdead_beef,
            items: vec![
                ("clf-2.1-004".into(), vec![0]),
                ("clf-1.3-010".into(), vec![1, 3]),
                ("clf-4.1-002".into(), vec![]),
            ],
        }
    }

    #[test]
    fn round_trip_and_form() {
        let link = sample().to_string();
        assert!(
            link.starts_with("r1.clf-c02.deadbeef.3.clf-2.1-004_a~clf-1.3-010_bd~clf-4.1-002_."),
            "{link}"
        );
        assert_eq!(link.parse::<SharedResult>(), Ok(sample()));
        assert_eq!(format!("#{link}").parse::<SharedResult>(), Ok(sample()));
    }

    #[test]
    fn every_cut_is_detected() {
        let link = sample().to_string();
        for end in 0..link.len() {
            assert!(
                link[..end].parse::<SharedResult>().is_err(),
                "prefix {end}: {}",
                &link[..end]
            );
        }
    }

    fn signed(body: &str) -> String {
        format!("{body}.{}", checksum(body))
    }

    #[test]
    fn junk_is_an_error() {
        assert_eq!("".parse::<SharedResult>(), Err(LinkError::Empty));
        assert!(matches!(
            "hello".parse::<SharedResult>(),
            Err(LinkError::UnknownVersion(_))
        ));
        assert!(matches!(
            "r9.x.1.1.a_b.00000000".parse::<SharedResult>(),
            Err(LinkError::UnknownVersion(_))
        ));
        assert!(matches!(
            signed("r1.CLF.1.1.x_a").parse::<SharedResult>(),
            Err(LinkError::BadExam(_))
        ));
        assert!(matches!(
            signed("r1.clf-c02.zz.1.x_a").parse::<SharedResult>(),
            Err(LinkError::BadSeed(_))
        ));
        assert!(matches!(
            signed("r1.clf-c02.1.0.").parse::<SharedResult>(),
            Err(LinkError::BadCount(_))
        ));
        assert_eq!(
            signed("r1.clf-c02.1.2.x_a").parse::<SharedResult>(),
            Err(LinkError::CountMismatch { said: 2, found: 1 })
        );
        assert!(matches!(
            signed("r1.clf-c02.1.1.x_ba").parse::<SharedResult>(),
            Err(LinkError::BadItem(1))
        ));
        assert!(matches!(
            signed("r1.clf-c02.1.2.x_a~x_b").parse::<SharedResult>(),
            Err(LinkError::Repeated(_))
        ));
    }

    #[test]
    fn challenge_codes() {
        assert_eq!(parse_challenge("ff"), Ok(255));
        assert!(parse_challenge("").is_err());
        assert!(parse_challenge("xyz").is_err());
        assert!(parse_challenge("11111111111111111").is_err());
    }
}
