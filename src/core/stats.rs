//! The shape of a question bank: counts per domain, task, difficulty and
//! kind, where the correct answers sit, how often the correct option is the
//! longest, and near-duplicate stems. The bank-stats command prints it; the
//! bank quality tests hold it to the targets of the content issue.

use super::content::{normalise, Bank, Difficulty, Exam, Question};
use std::collections::{BTreeMap, HashSet};

/// Figures for one exam's bank.
#[derive(Debug, Clone, PartialEq)]
pub struct BankStats {
    pub exam: String,
    pub total: usize,
    /// (domain, questions, share of the bank in percent, exam weight).
    pub domains: Vec<(u8, usize, f64, u32)>,
    pub tasks: BTreeMap<String, usize>,
    pub difficulty: BTreeMap<Difficulty, usize>,
    pub single: usize,
    pub multi: usize,
    /// Single-answer questions by the authored position of the correct option.
    pub answer_positions: [usize; 4],
    /// Single-answer questions whose correct option is the (strictly) longest.
    pub correct_longest: usize,
    /// Single-answer questions per difficulty: (all, overlap tells).
    pub overlap: BTreeMap<Difficulty, (usize, usize)>,
    /// Ids of the single-answer questions with an overlap tell.
    pub overlap_tells: Vec<String>,
    /// Pairs of stems at or above the near-duplicate threshold.
    pub near_duplicates: Vec<(String, String, f64)>,
    /// The cheap cues of content.md rule 3, over the whole bank.
    pub cues: Cues,
    /// The same over the questions that passed the reading process (those
    /// with a `checked` date), which the quality tests hold to chance.
    pub cues_checked: Cues,
}

/// The cheap cues a test-wise reader uses without the knowledge
/// (content.md rule 3), over a set of questions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cues {
    pub questions: usize,
    pub single: usize,
    /// Single-answer questions whose key is the strictly longest option.
    pub longest: usize,
    /// Single-answer questions whose key is the strictly shortest option.
    pub shortest: usize,
    /// Questions with an absolute ("always", "only", ...) in a distractor
    /// and none in a key.
    pub absolute_tells: Vec<String>,
    /// Questions whose keys alone repeat a distinctive word of the stem.
    pub echo_tells: Vec<String>,
}

impl Cues {
    /// Adds one question's cues.
    fn add(&mut self, q: &Question) {
        self.questions += 1;
        let keys: Vec<&str> = q
            .options
            .iter()
            .filter(|o| o.correct)
            .map(|o| o.text.as_str())
            .collect();
        let wrong: Vec<&str> = q
            .options
            .iter()
            .filter(|o| !o.correct)
            .map(|o| o.text.as_str())
            .collect();
        if !q.is_multi() {
            self.single += 1;
            let len = |t: &str| t.chars().count();
            if let Some(&k) = keys.first() {
                if wrong.iter().all(|w| len(w) < len(k)) {
                    self.longest += 1;
                }
                if wrong.iter().all(|w| len(w) > len(k)) {
                    self.shortest += 1;
                }
            }
        }
        if wrong.iter().any(|w| has_absolute(w)) && !keys.iter().any(|k| has_absolute(k)) {
            self.absolute_tells.push(q.id.clone());
        }
        let stem = distinctive_words(&q.stem);
        let in_wrong: HashSet<String> = wrong.iter().flat_map(|w| distinctive_words(w)).collect();
        let echoed = keys
            .iter()
            .flat_map(|k| distinctive_words(k))
            .any(|w| stem.contains(&w) && !in_wrong.contains(&w));
        if echoed {
            self.echo_tells.push(q.id.clone());
        }
    }

    /// Share of single-answer questions whose key is the longest option.
    pub fn longest_percent(&self) -> f64 {
        percent(self.longest, self.single)
    }

    /// Share of single-answer questions whose key is the shortest option.
    pub fn shortest_percent(&self) -> f64 {
        percent(self.shortest, self.single)
    }

    /// Share of questions whose key alone echoes the stem.
    pub fn echo_percent(&self) -> f64 {
        percent(self.echo_tells.len(), self.questions)
    }
}

/// Words that mark an option as too strong to be right (or, in the key, as
/// the careful one): a test-wise reader rules such options out unread.
const ABSOLUTES: &[&str] = &[
    "always",
    "never",
    "only",
    "guarantee",
    "guarantees",
    "guaranteed",
    "completely",
    "entirely",
];

/// Whether a text says one of the [`ABSOLUTES`] as a word of its own
/// ("read-only" is a name, not an absolute) or "all/none of the above".
pub fn has_absolute(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("all of the above")
        || lower.contains("none of the above")
        || lower
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .any(|w| ABSOLUTES.contains(&w))
}

/// Stems this similar (Jaccard over word trigrams) count as near-duplicates.
pub const NEAR_DUPLICATE: f64 = 0.5;

fn shingles(text: &str) -> HashSet<String> {
    let words: Vec<String> = normalise(text).split(' ').map(str::to_owned).collect();
    if words.len() < 3 {
        return std::iter::once(words.join(" ")).collect();
    }
    words.windows(3).map(|w| w.join(" ")).collect()
}

/// Jaccard similarity of two texts over word trigrams, 0..=1.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (shingles(a), shingles(b));
    let inter = a.intersection(&b).count();
    let union = a.union(&b).count();
    #[allow(clippy::cast_precision_loss)]
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Computes the figures.
/// Words too common in exam questions to tell anything ("company", "data").
const COMMON: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "for",
    "with",
    "by",
    "from",
    "as",
    "at",
    "is",
    "are",
    "be",
    "been",
    "being",
    "this",
    "that",
    "these",
    "those",
    "which",
    "what",
    "when",
    "where",
    "who",
    "whom",
    "why",
    "how",
    "it",
    "its",
    "into",
    "than",
    "then",
    "there",
    "their",
    "they",
    "them",
    "we",
    "our",
    "you",
    "your",
    "can",
    "could",
    "should",
    "would",
    "will",
    "must",
    "may",
    "might",
    "not",
    "no",
    "yes",
    "any",
    "all",
    "each",
    "every",
    "some",
    "such",
    "only",
    "also",
    "more",
    "most",
    "less",
    "least",
    "other",
    "another",
    "both",
    "either",
    "neither",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "first",
    "second",
    "new",
    "use",
    "uses",
    "used",
    "using",
    "does",
    "do",
    "did",
    "done",
    "has",
    "have",
    "had",
    "make",
    "makes",
    "made",
    "need",
    "needs",
    "needed",
    "want",
    "wants",
    "wanted",
    "way",
    "ways",
    "so",
    "if",
    "but",
    "about",
    "after",
    "before",
    "between",
    "during",
    "over",
    "under",
    "up",
    "down",
    "out",
    "off",
    "per",
    "via",
    "while",
    "without",
    "within",
    "across",
    "company",
    "companies",
    "team",
    "teams",
    "aws",
    "amazon",
    "service",
    "services",
    "solution",
    "solutions",
    "requirement",
    "requirements",
    "requires",
    "required",
    "meet",
    "meets",
    "choose",
    "option",
    "options",
    "application",
    "applications",
    "user",
    "users",
    "data",
];

/// The distinctive words of a text: lowercase letters and digits, four or
/// more characters, none of the [`COMMON`] words.
pub fn distinctive_words(text: &str) -> HashSet<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 4 && !COMMON.contains(w))
        .map(str::to_owned)
        .collect()
}

/// Whether a single-answer question's correct option shares strictly more
/// distinctive words with the stem than every distractor does: a tell that
/// lets a test-taker match words instead of knowing the answer.
pub fn overlap_tell(q: &Question) -> bool {
    let stem = distinctive_words(&q.stem);
    let shared: Vec<usize> = q
        .options
        .iter()
        .map(|o| distinctive_words(&o.text).intersection(&stem).count())
        .collect();
    let Some(k) = q.options.iter().position(|o| o.correct) else {
        return false;
    };
    !q.is_multi()
        && shared
            .iter()
            .enumerate()
            .all(|(j, &n)| j == k || shared[k] > n)
}

pub fn bank_stats(exam: &Exam, bank: &Bank) -> BankStats {
    #[allow(clippy::cast_precision_loss)]
    let total = bank.questions.len();
    let domains = exam
        .domains
        .iter()
        .map(|d| {
            let n = bank
                .questions
                .iter()
                .filter(|q| q.domain == d.number)
                .count();
            #[allow(clippy::cast_precision_loss)]
            let share = if total == 0 {
                0.0
            } else {
                100.0 * n as f64 / total as f64
            };
            (d.number, n, share, d.weight)
        })
        .collect();
    let mut tasks: BTreeMap<String, usize> = exam
        .domains
        .iter()
        .flat_map(|d| d.tasks.iter().map(|t| (t.id.clone(), 0)))
        .collect();
    let mut difficulty: BTreeMap<Difficulty, usize> =
        Difficulty::ALL.iter().map(|&d| (d, 0)).collect();
    let (mut single, mut multi, mut correct_longest) = (0, 0, 0);
    let mut overlap: BTreeMap<Difficulty, (usize, usize)> =
        Difficulty::ALL.iter().map(|&d| (d, (0, 0))).collect();
    let mut overlap_tells = Vec::new();
    let mut answer_positions = [0usize; 4];
    let (mut cues, mut cues_checked) = (Cues::default(), Cues::default());
    for q in &bank.questions {
        cues.add(q);
        if q.checked.is_some() {
            cues_checked.add(q);
        }
        *tasks.entry(q.task.clone()).or_default() += 1;
        *difficulty.entry(q.difficulty).or_default() += 1;
        if q.is_multi() {
            multi += 1;
            continue;
        }
        single += 1;
        let tell = overlap_tell(q);
        if let Some(e) = overlap.get_mut(&q.difficulty) {
            e.0 += 1;
            e.1 += usize::from(tell);
        }
        if tell {
            overlap_tells.push(q.id.clone());
        }
        if let Some(pos) = q.options.iter().position(|o| o.correct) {
            if let Some(slot) = answer_positions.get_mut(pos) {
                *slot += 1;
            }
            let len = q.options[pos].text.chars().count();
            let longest = q
                .options
                .iter()
                .enumerate()
                .all(|(i, o)| i == pos || o.text.chars().count() < len);
            if longest {
                correct_longest += 1;
            }
        }
    }
    let mut near_duplicates = Vec::new();
    let shingled: Vec<(&str, HashSet<String>)> = bank
        .questions
        .iter()
        .map(|q| (q.id.as_str(), shingles(&q.stem)))
        .collect();
    for (i, (a, sa)) in shingled.iter().enumerate() {
        for (b, sb) in &shingled[i + 1..] {
            let inter = sa.intersection(sb).count();
            let union = sa.union(sb).count();
            #[allow(clippy::cast_precision_loss)]
            let sim = if union == 0 {
                0.0
            } else {
                inter as f64 / union as f64
            };
            if sim >= NEAR_DUPLICATE {
                near_duplicates.push(((*a).to_owned(), (*b).to_owned(), sim));
            }
        }
    }
    BankStats {
        exam: exam.id.clone(),
        total,
        domains,
        tasks,
        difficulty,
        single,
        multi,
        answer_positions,
        correct_longest,
        overlap,
        overlap_tells,
        near_duplicates,
        cues,
        cues_checked,
    }
}

impl BankStats {
    /// Share of multiple-response questions, in percent.
    pub fn multi_percent(&self) -> f64 {
        percent(self.multi, self.total)
    }

    /// Share of a difficulty, in percent.
    pub fn difficulty_percent(&self, d: Difficulty) -> f64 {
        percent(self.difficulty.get(&d).copied().unwrap_or(0), self.total)
    }

    /// Share of single-answer questions whose correct option is the longest.
    /// The share of single-answer questions with an overlap tell, in all
    /// (None) or of one difficulty.
    pub fn overlap_percent(&self, d: Option<Difficulty>) -> f64 {
        let (all, tells) = match d {
            Some(d) => self.overlap.get(&d).copied().unwrap_or((0, 0)),
            None => self
                .overlap
                .values()
                .fold((0, 0), |(a, t), &(x, y)| (a + x, t + y)),
        };
        percent(tells, all)
    }

    pub fn correct_longest_percent(&self) -> f64 {
        percent(self.correct_longest, self.single)
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::{sample_bank, sample_exam};

    #[test]
    fn similarity_bounds() {
        assert!((similarity("a b c d", "a b c d") - 1.0).abs() < 1e-9);
        assert!(
            similarity(
                "which service stores objects",
                "what is the shared responsibility model"
            ) < 0.01
        );
    }

    #[test]
    fn absolutes_are_words_of_their_own() {
        assert!(has_absolute("It always encrypts data"));
        assert!(has_absolute("Only the root user can do it"));
        assert!(has_absolute("All of the above"));
        assert!(!has_absolute("Run a retrieve-only evaluation job"));
        assert!(!has_absolute("Make the bucket read-only"));
        assert!(!has_absolute("Use a lonely instance"));
    }

    #[test]
    fn cues_of_one_question() {
        let mut q = crate::core::testing::single_question("q", 0);
        q.stem = "Which option keeps the archive encrypted?".into();
        q.options[0].text = "Encrypted archive storage in one bucket".into();
        q.options[1].text = "Always copy it".into();
        q.options[2].text = "A standard tier bucket".into();
        q.options[3].text = "Tape vault offsite".into();
        let mut c = Cues::default();
        c.add(&q);
        assert_eq!((c.single, c.longest, c.shortest), (1, 1, 0));
        assert_eq!(c.absolute_tells, vec!["q".to_owned()]);
        assert_eq!(
            c.echo_tells,
            vec!["q".to_owned()],
            "'archive' and 'encrypted' echo the stem"
        );
        // The same words in a distractor too: no echo; an absolute in the
        // key too: no absolute tell; a shorter key: neither longest nor shortest.
        q.options[2].text = "Encrypted archive tier".into();
        q.options[0].text = "Always an encrypted archive bucket".into();
        let mut c = Cues::default();
        c.add(&q);
        assert!(c.echo_tells.is_empty() && c.absolute_tells.is_empty());
        assert_eq!((c.longest, c.shortest), (1, 0));
    }

    #[test]
    fn counts_and_longest() {
        let exam = sample_exam();
        let mut bank = sample_bank(&exam, 3);
        // Make the first question's correct option the longest.
        bank.questions[0].options[0].text = "A much longer correct option".into();
        let s = bank_stats(&exam, &bank);
        assert_eq!(s.total, 24);
        assert_eq!(s.single, 24);
        assert_eq!(s.tasks.get("1.1"), Some(&3));
        assert_eq!(s.correct_longest, 1);
        assert_eq!(s.answer_positions.iter().sum::<usize>(), 24);
        assert!(
            !s.near_duplicates.is_empty(),
            "the sample stems differ by a digit only"
        );
    }
}
