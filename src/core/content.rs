//! The exam catalog and question banks: their types and the rules of
//! `shared/spec/content.md`.
//!
//! This file is also compiled into `build.rs` (through `#[path]`), so it may
//! use only `std`, `serde` and `super::sort`: the build validates content with exactly the
//! rules the tests check.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

/// Every exam the app knows, as `content/exams.toml` lists them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Where the site sends what its users report (content.md, `[site]`).
    #[serde(default, skip_serializing_if = "Site::is_empty")]
    pub site: Site,
    #[serde(rename = "exam")]
    pub exams: Vec<Exam>,
}

/// Site-wide settings: configuration, not code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// An issue tracker's "new issue" URL with `{title}` and `{body}`
    /// placeholders, filled (URL-encoded) by "Report a problem". Unset, the
    /// report is offered as text to copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_url: Option<String>,
}

impl Site {
    fn is_empty(&self) -> bool {
        self.report_url.is_none()
    }
}

/// One certification exam: its scoring facts and its blueprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exam {
    pub id: String,
    pub code: String,
    pub name: String,
    pub level: String,
    pub pass_score: u32,
    pub raw_cut: f64,
    pub questions_total: u32,
    pub questions_scored: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_note: Option<String>,
    /// The minutes a practice exam assumes where AWS has not confirmed the
    /// exam's duration (the test-taker can change them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assumed_minutes: Option<u32>,
    pub practice_target: String,
    /// The practice target as a scaled score, for charts.
    pub practice_line: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guide_url: Option<String>,
    /// The date of the exam guide version the bank follows: no question
    /// can have been checked against it before then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guide_date: Option<Date>,
    #[serde(rename = "domain")]
    pub domains: Vec<Domain>,
}

/// A content domain of an exam guide, with its weight in percent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub number: u8,
    pub name: String,
    pub weight: u32,
    #[serde(rename = "task")]
    pub tasks: Vec<Task>,
}

/// A task statement of a domain ("1.1 Define the benefits of the AWS Cloud.").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub id: String,
    pub title: String,
}

/// The questions of one exam, as `content/banks/<exam-id>.toml` lists them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Ids of questions taken out of the bank: never used again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<String>,
    /// The questions that may be drawn.
    #[serde(rename = "question", default)]
    pub questions: Vec<Question>,
    /// Earlier questions, never drawn again but kept whole so that an
    /// attempt, a review card or a link made with them still shows what
    /// was asked (`content/archive/<exam-id>.toml`; each has `retired`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub archived: Vec<Question>,
}

/// One question with its options; correct when the chosen set equals the
/// correct set exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub domain: u8,
    pub task: String,
    pub difficulty: Difficulty,
    pub stem: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub keep_order: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    #[serde(rename = "option")]
    pub options: Vec<Choice>,
    /// The archived question this one replaces (its revision before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<String>,
    /// When its facts were last checked against AWS documentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<Date>,
    /// Questions that give this one away, or it them: never drawn together
    /// (content.md rule 6; declared on both).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excludes: Vec<String>,
    /// Corrections made in place (words that did not change the options'
    /// meaning), for the public list of corrections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// In the archive only: when and why the question left the bank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<Retirement>,
}

/// Why and when a question left the bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retirement {
    pub on: Date,
    /// One line for the corrections page.
    pub why: String,
    /// The question that asks its concept now, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<String>,
}

/// A correction made to a question in place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub on: Date,
    /// One line for the corrections page.
    pub what: String,
}

/// A calendar date, `YYYY-MM-DD` in content and storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The date of a Unix time in milliseconds (UTC).
    pub fn of_unix_ms(ms: u64) -> Date {
        // Howard Hinnant's days-to-civil algorithm.
        let days = i64::try_from(ms / 86_400_000).unwrap_or(0);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: u16::try_from(year).unwrap_or(0),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// The date as people read it: "5 December 2026".
    pub fn long(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = MONTHS
            .get(usize::from(self.month).saturating_sub(1))
            .copied()
            .unwrap_or("?");
        format!("{} {month} {}", self.day, self.year)
    }

    fn days_in_month(year: u16, month: u8) -> u8 {
        match month {
            2 if (year.is_multiple_of(4) && !year.is_multiple_of(100))
                || year.is_multiple_of(400) =>
            {
                29
            }
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("{s:?} is not a date of the form YYYY-MM-DD");
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let year: u16 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        let day: u8 = d.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || day == 0 || day > Date::days_in_month(year, month) {
            return Err(format!("{s:?} is not a real date"));
        }
        Ok(Date { year, month, day })
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

// serde's skip_serializing_if wants a function of a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

/// One answer option and why it is right or wrong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: String,
    pub correct: bool,
    pub why: String,
}

/// How hard an item is; harder items weigh slightly more (scoring.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    /// All difficulties, easiest first.
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];
}

impl fmt::Display for Difficulty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        })
    }
}

impl FromStr for Difficulty {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "easy" => Ok(Difficulty::Easy),
            "medium" => Ok(Difficulty::Medium),
            "hard" => Ok(Difficulty::Hard),
            other => Err(format!(
                "difficulty must be easy, medium or hard, not {other:?}"
            )),
        }
    }
}

impl Question {
    /// A question with these words and none of the revision data (no
    /// `revises`, `checked`, `excludes`, corrections or retirement).
    pub fn new(
        id: String,
        (domain, task): (u8, String),
        difficulty: Difficulty,
        stem: String,
        options: Vec<Choice>,
    ) -> Question {
        Question {
            id,
            domain,
            task,
            difficulty,
            stem,
            keep_order: false,
            references: Vec::new(),
            options,
            revises: None,
            checked: None,
            excludes: Vec::new(),
            corrections: Vec::new(),
            retired: None,
        }
    }

    /// How many options are correct (1 for single-answer).
    pub fn correct_count(&self) -> usize {
        self.options.iter().filter(|o| o.correct).count()
    }

    /// Whether the question is multiple-response ("Choose two.").
    pub fn is_multi(&self) -> bool {
        self.correct_count() > 1
    }

    /// Indices of the correct options, ascending.
    pub fn correct_set(&self) -> Vec<u8> {
        (0u8..)
            .zip(&self.options)
            .filter(|(_, o)| o.correct)
            .map(|(i, _)| i)
            .collect()
    }
}

impl Exam {
    /// The domain with this number, if the exam has it.
    pub fn domain(&self, number: u8) -> Option<&Domain> {
        self.domains.iter().find(|d| d.number == number)
    }

    /// The task statement with this id, and its domain.
    pub fn task(&self, id: &str) -> Option<(&Domain, &Task)> {
        self.domains
            .iter()
            .find_map(|d| d.tasks.iter().find(|t| t.id == id).map(|t| (d, t)))
    }

    /// The minutes a timed practice exam gets, and whether AWS confirms them.
    pub fn practice_minutes(&self) -> (u32, bool) {
        match (self.minutes, self.assumed_minutes) {
            (Some(m), _) => (m, true),
            (None, Some(m)) => (m, false),
            (None, None) => (DEFAULT_ASSUMED_MINUTES, false),
        }
    }

    /// Sum of the domain weights (100 for a valid exam).
    pub fn total_weight(&self) -> u32 {
        self.domains.iter().map(|d| d.weight).sum()
    }
}

impl Catalog {
    /// The exam with this id.
    pub fn exam(&self, id: &str) -> Option<&Exam> {
        self.exams.iter().find(|e| e.id == id)
    }
}

impl Bank {
    /// The question with this id, in the bank or the archive: what was
    /// asked under an id stays what that id shows.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions
            .iter()
            .chain(&self.archived)
            .find(|q| q.id == id)
    }

    /// Whether the question may be drawn (it is in the bank, not the archive).
    pub fn is_current(&self, id: &str) -> bool {
        self.questions.iter().any(|q| q.id == id)
    }

    /// How many times the question's concept has been written: 1 for an
    /// original, one more for each archived question it replaced.
    pub fn revision(&self, id: &str) -> usize {
        let mut n = 1;
        let mut at = id;
        while let Some(prev) = self.archived.iter().find(|a| {
            a.retired
                .as_ref()
                .is_some_and(|r| r.replaced_by.as_deref() == Some(at))
        }) {
            n += 1;
            if n > self.archived.len() + 1 {
                break; // a cycle; the validator refuses one
            }
            at = &prev.id;
        }
        n
    }
}

/// A problem in a content file, said so that a content author can act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub line: Option<usize>,
    pub id: Option<String>,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(id) = &self.id {
            write!(f, ": question {id}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The minutes assumed for a practice exam whose duration is unknown.
pub const DEFAULT_ASSUMED_MINUTES: u32 = 180;

/// Fewest questions every task statement needs (content.md).
pub const MIN_PER_TASK: usize = 3;

fn well_formed_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && id.len() <= 40
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        && !id.contains("--")
        && !id.ends_with('-')
}

/// The text a stem is compared by: letters and digits only, lowercase.
pub fn normalise(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

const COUNT_WORDS: [&str; 5] = ["two", "three", "four", "five", "six"];

/// The "(Choose two.)" a stem must end with for `n` correct options.
pub fn choose_phrase(n: usize) -> Option<String> {
    COUNT_WORDS
        .get(n.checked_sub(2)?)
        .map(|w| format!("(Choose {w}.)"))
}

/// Joins the hard-wrapped lines of a TOML multi-line string into flowing
/// text, keeping blank-line paragraph breaks: authors wrap at will, the page
/// reflows to the screen.
pub fn reflow(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|para| para.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

impl Bank {
    /// The bank with every stem, option and explanation reflowed.
    pub fn reflowed(mut self) -> Bank {
        for q in self.questions.iter_mut().chain(&mut self.archived) {
            super::sort::sort(&mut q.excludes);
            q.stem = reflow(&q.stem);
            for o in &mut q.options {
                o.text = reflow(&o.text);
                o.why = reflow(&o.why);
            }
        }
        self
    }
}

/// A short content hash (FNV-1a, 64 bits, hex): names a bank file so that
/// a new bank is a new URL, and lets the app check what it fetched.
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The 1-based line of the first `id = "<id>"` in a TOML source.
pub fn line_of_id(source: &str, id: &str) -> Option<usize> {
    let needle = format!("\"{id}\"");
    source
        .lines()
        .position(|l| {
            let l = l.trim_start();
            l.starts_with("id") && l.contains(&needle)
        })
        .map(|i| i + 1)
}

/// Checks the catalog's own rules: ids, weights, domain and task numbering.
pub fn validate_catalog(catalog: &Catalog, file: &str) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut err = |id: Option<&str>, message: String| {
        errors.push(ContentError {
            file: file.to_owned(),
            line: None,
            id: None,
            message: match id {
                Some(exam) => format!("exam {exam}: {message}"),
                None => message,
            },
        });
    };
    if catalog.exams.is_empty() {
        err(None, "the catalog lists no exam".into());
    }
    if let Some(url) = &catalog.site.report_url {
        if !url.starts_with("https://") || !url.contains("{body}") {
            err(
                None,
                "[site] report_url must be an https:// URL with a {body} placeholder (and may have {title})".into(),
            );
        }
    }
    let mut seen = HashMap::new();
    for exam in &catalog.exams {
        let id = exam.id.as_str();
        if seen.insert(id, ()).is_some() {
            err(Some(id), "exam id used twice".into());
        }
        if !well_formed_id(id) {
            err(
                Some(id),
                "exam id must be lowercase letters, digits and '-'".into(),
            );
        }
        if !(100..=1000).contains(&exam.pass_score) {
            err(
                Some(id),
                format!(
                    "pass_score {} is not on the 100–1000 scale",
                    exam.pass_score
                ),
            );
        }
        if !(exam.raw_cut > 0.0 && exam.raw_cut < 1.0) {
            err(
                Some(id),
                format!("raw_cut {} must be between 0 and 1", exam.raw_cut),
            );
        }
        if exam.questions_scored == 0 || exam.questions_scored > exam.questions_total {
            err(
                Some(id),
                "questions_scored must be between 1 and questions_total".into(),
            );
        }
        if exam.minutes.is_none() && exam.minutes_note.is_none() {
            err(
                Some(id),
                "give minutes, or minutes_note saying why it is unknown".into(),
            );
        }
        if !(exam.pass_score..=1000).contains(&exam.practice_line) {
            err(
                Some(id),
                format!(
                    "practice_line {} should be between the pass score and 1000",
                    exam.practice_line
                ),
            );
        }
        if exam.total_weight() != 100 {
            err(
                Some(id),
                format!("domain weights sum to {}, not 100", exam.total_weight()),
            );
        }
        let mut task_ids = HashMap::new();
        for (i, domain) in exam.domains.iter().enumerate() {
            if usize::from(domain.number) != i + 1 {
                err(
                    Some(id),
                    format!("domain {} should be numbered {}", domain.number, i + 1),
                );
            }
            if domain.weight == 0 {
                err(Some(id), format!("domain {} has weight 0", domain.number));
            }
            if domain.tasks.is_empty() {
                err(
                    Some(id),
                    format!("domain {} has no task statement", domain.number),
                );
            }
            for task in &domain.tasks {
                let prefix = format!("{}.", domain.number);
                let numbered = task
                    .id
                    .strip_prefix(&prefix)
                    .is_some_and(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_digit()));
                if !numbered {
                    err(
                        Some(id),
                        format!(
                            "task {:?} in domain {} should be {prefix}N",
                            task.id, domain.number
                        ),
                    );
                }
                if task_ids.insert(task.id.clone(), ()).is_some() {
                    err(Some(id), format!("task {} listed twice", task.id));
                }
                if task.title.trim().is_empty() {
                    err(Some(id), format!("task {} has no title", task.id));
                }
            }
        }
    }
    errors
}

/// Checks one exam's bank against content.md. `source` (the file's text)
/// only serves to name the line of each question.
pub fn validate_bank(
    exam: &Exam,
    bank: &Bank,
    file: &str,
    source: &str,
    today: Date,
) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut push = |qid: Option<&str>, message: String| {
        errors.push(ContentError {
            file: file.to_owned(),
            line: qid.and_then(|q| line_of_id(source, q)),
            id: qid.map(str::to_owned),
            message,
        });
    };
    let mut ids: HashMap<&str, ()> = HashMap::new();
    let mut stems: HashMap<String, &str> = HashMap::new();
    let mut per_task: BTreeMap<&str, usize> = BTreeMap::new();
    for q in &bank.questions {
        let qid = q.id.as_str();
        if bank.retired.iter().any(|r| r == qid) {
            push(
                Some(qid),
                "id was retired; a new question needs a new id (retired ids are never reused)"
                    .into(),
            );
        }
        if !well_formed_id(qid) {
            push(
                Some(qid),
                "id must be lowercase letters, digits, '.' and '-' (e.g. clf-2.1-004)".into(),
            );
        }
        if ids.insert(qid, ()).is_some() {
            push(
                Some(qid),
                "id used by another question; ids are never reused".into(),
            );
        }
        match exam.domain(q.domain) {
            None => push(
                Some(qid),
                format!("exam {} has no domain {}", exam.code, q.domain),
            ),
            Some(d) => {
                if d.tasks.iter().any(|t| t.id == q.task) {
                    *per_task.entry(q.task.as_str()).or_default() += 1;
                } else {
                    push(
                        Some(qid),
                        format!("domain {} has no task statement {:?}", q.domain, q.task),
                    );
                }
            }
        }
        if q.stem.trim().is_empty() {
            push(Some(qid), "stem is empty".into());
        }
        let correct = q.correct_count();
        let stem = q.stem.trim_end();
        match correct {
            0 => push(Some(qid), "no option is marked correct = true".into()),
            1 => {
                if q.options.len() != 4 {
                    push(
                        Some(qid),
                        format!(
                            "a single-answer question needs 4 options, not {}",
                            q.options.len()
                        ),
                    );
                }
                if stem.ends_with(".)") && stem.contains("(Choose ") {
                    push(
                        Some(qid),
                        "stem says \"(Choose ...)\" but only one option is correct".into(),
                    );
                }
            }
            n => {
                if q.options.len() < 5 {
                    push(
                        Some(qid),
                        format!(
                            "a multiple-response question needs 5 or more options, not {}",
                            q.options.len()
                        ),
                    );
                }
                match choose_phrase(n) {
                    Some(phrase) if stem.ends_with(&phrase) => {}
                    Some(phrase) => push(
                        Some(qid),
                        format!("{n} options are correct, so the stem must end with {phrase:?}"),
                    ),
                    None => push(
                        Some(qid),
                        format!("{n} correct options is more than a question may have"),
                    ),
                }
            }
        }
        let mut texts: HashMap<String, ()> = HashMap::new();
        for (i, o) in q.options.iter().enumerate() {
            let n = i + 1;
            if o.text.trim().is_empty() {
                push(Some(qid), format!("option {n} has no text"));
            }
            if o.why.trim().is_empty() {
                push(Some(qid), format!("option {n} has no `why`"));
            }
            if texts.insert(normalise(&o.text), ()).is_some() {
                push(
                    Some(qid),
                    format!("option {n} repeats the text of another option"),
                );
            }
            let lower = o.text.to_lowercase();
            if (lower.contains("all of the above") || lower.contains("none of the above"))
                && !q.keep_order
            {
                push(
                    Some(qid),
                    format!("option {n} says \"... of the above\", which needs keep_order = true"),
                );
            }
        }
        let key = normalise(&q.stem);
        if let Some(other) = stems.insert(key, qid) {
            push(Some(qid), format!("same stem as question {other}"));
        }
        for message in revision_problems(exam, bank, q, today) {
            push(Some(qid), message);
        }
    }
    for domain in &exam.domains {
        for task in &domain.tasks {
            let n = per_task.get(task.id.as_str()).copied().unwrap_or(0);
            if n < MIN_PER_TASK {
                push(
                    None,
                    format!(
                        "task statement {} has {n} questions; it needs at least {MIN_PER_TASK}",
                        task.id
                    ),
                );
            }
        }
    }
    errors
}

/// The rules on a current question's revision data: `retired` belongs in
/// the archive; `revises` names an archived question that names this one
/// back; `excludes` names current questions that name this one back;
/// `checked` and every correction fall between the exam guide and today.
fn revision_problems(exam: &Exam, bank: &Bank, q: &Question, today: Date) -> Vec<String> {
    let mut out = Vec::new();
    if q.retired.is_some() {
        out.push(
            "`retired` belongs in the archive file, not the bank (move the question there)".into(),
        );
    }
    if let Some(old) = &q.revises {
        match bank.archived.iter().find(|a| &a.id == old) {
            None => out.push(format!(
                "revises {old:?}, which is not in the archive (move the old question there)"
            )),
            Some(a) => {
                let back = a.retired.as_ref().and_then(|r| r.replaced_by.as_deref());
                if back != Some(q.id.as_str()) {
                    out.push(format!(
                        "revises {old:?}, but the archive says {old} was replaced by {back:?}"
                    ));
                }
            }
        }
    }
    for other in &q.excludes {
        if other == &q.id {
            out.push("excludes itself".into());
        } else {
            match bank.questions.iter().find(|x| &x.id == other) {
                None => out.push(format!(
                    "excludes {other:?}, which is not a question of this bank"
                )),
                Some(x) if !x.excludes.contains(&q.id) => out.push(format!(
                    "excludes {other}, but {other} does not exclude it back (declare it on both)"
                )),
                Some(_) => {}
            }
        }
    }
    let dates = q
        .checked
        .iter()
        .map(|d| ("checked", *d))
        .chain(q.corrections.iter().map(|c| ("a correction", c.on)));
    for (what, date) in dates {
        if date > today {
            out.push(format!("{what} date {date} is in the future"));
        }
        if let Some(guide) = exam.guide_date.filter(|g| date < *g) {
            out.push(format!(
                "{what} date {date} is before the exam guide this bank follows ({guide})"
            ));
        }
    }
    out
}

/// Checks an exam's archive (`content/archive/<exam-id>.toml`): every
/// archived question is whole (the bank's rules on options still hold, so
/// that old answers still read), says when and why it left, and points to
/// a question that exists; no id is both current and archived.
pub fn validate_archive(exam: &Exam, bank: &Bank, file: &str, source: &str) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut push = |qid: &str, message: String| {
        errors.push(ContentError {
            file: file.to_owned(),
            line: line_of_id(source, qid),
            id: Some(qid.to_owned()),
            message,
        });
    };
    let mut ids: HashMap<&str, ()> = HashMap::new();
    for q in &bank.archived {
        let qid = q.id.as_str();
        if ids.insert(qid, ()).is_some() {
            push(qid, "archived twice".into());
        }
        if bank.questions.iter().any(|x| x.id == qid) {
            push(qid, "is both in the bank and in the archive".into());
        }
        if exam.task(&q.task).is_none() {
            push(
                qid,
                format!("exam {} has no task statement {:?}", exam.code, q.task),
            );
        }
        if q.correct_count() == 0 || q.options.len() < 4 {
            push(
                qid,
                "an archived question keeps its options and key whole".into(),
            );
        }
        match &q.retired {
            None => push(
                qid,
                "an archived question needs `retired = { on = \"YYYY-MM-DD\", why = \"...\" }`"
                    .into(),
            ),
            Some(r) => {
                if r.why.trim().is_empty() {
                    push(
                        qid,
                        "`retired.why` is empty: say in one line why it left".into(),
                    );
                }
                if let Some(next) = &r.replaced_by {
                    if bank.question(next).is_none() {
                        push(qid, format!("replaced_by {next:?}, which is neither in the bank nor the archive"));
                    }
                }
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reflow_joins_wrapped_lines_and_keeps_paragraphs() {
        assert_eq!(
            reflow("\nA company runs\nan app.\n\nWhich one?  "),
            "A company runs an app.\n\nWhich one?"
        );
    }

    #[test]
    fn dates_read_write_and_count_days() {
        let d: Date = "2026-12-05".parse().unwrap();
        assert_eq!(
            (d.to_string(), d.long()),
            ("2026-12-05".into(), "5 December 2026".into())
        );
        assert_eq!(
            Date::of_unix_ms(1_780_000_000_000).to_string(),
            "2026-05-28"
        );
        assert_eq!(Date::of_unix_ms(0).to_string(), "1970-01-01");
        assert!("2028-02-29".parse::<Date>().is_ok());
        assert!("2027-02-29".parse::<Date>().is_err());
        assert!("2026-13-01".parse::<Date>().is_err());
        assert!("2026-1-01".parse::<Date>().is_err());
        assert!("2026-12-05".parse::<Date>().unwrap() < "2027-01-01".parse().unwrap());
    }

    #[test]
    fn choose_phrases() {
        assert_eq!(choose_phrase(2).as_deref(), Some("(Choose two.)"));
        assert_eq!(choose_phrase(3).as_deref(), Some("(Choose three.)"));
        assert_eq!(choose_phrase(1), None);
    }
}
