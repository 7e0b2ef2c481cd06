//! One diagnostic attempt: what was drawn, what was chosen, and where the
//! test-taker is. Plain data, stored as it is; all rules about choosing live
//! here so that components only call them.

use super::content::{Bank, Exam, Question};
use super::scoring::{is_correct, GradedItem, Report, Verdict};
use super::select::{DrawnItem, FormSpec};
use super::sort;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How an attempt came about. What differs between modes is data, read
/// through the methods below, so that screens never branch on the mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// A fresh diagnostic that prefers questions not seen before.
    Diagnostic,
    /// A challenge link's seed: the same questions for everyone.
    Challenge,
    /// The real exam's form: full length, with unscored items (scoring.md §8).
    PracticeExam,
    /// Study with instant feedback (study.md §1): never an exam estimate.
    Practice,
}

impl Mode {
    /// How many questions the mode asks of `exam`, scored and unscored.
    pub fn form(self, exam: &Exam) -> FormSpec {
        match self {
            // Practice draws its own order (practice.rs); the length is a
            // fallback only.
            Mode::Diagnostic | Mode::Challenge | Mode::Practice => FormSpec::DIAGNOSTIC,
            Mode::PracticeExam => FormSpec::full_length(exam),
        }
    }

    /// Whether the mode asks the real exam's full form (and may be timed).
    pub fn form_is_full_length(self) -> bool {
        matches!(self, Mode::PracticeExam)
    }

    /// Whether the attempt estimates an exam score (a practice session does
    /// not: its summary is answers right per task).
    pub fn is_estimate(self) -> bool {
        !matches!(self, Mode::Practice)
    }

    /// Whether each answer is checked at once, with its explanation, and
    /// then final (study.md §1).
    pub fn instant_feedback(self) -> bool {
        matches!(self, Mode::Practice)
    }

    /// Whether the draw steers away from questions this browser has seen
    /// (a challenge must give everyone the same set).
    pub fn uses_history(self) -> bool {
        !matches!(self, Mode::Challenge)
    }

    /// What the attempt is called on screen ("Practice exam").
    pub fn label(self) -> &'static str {
        match self {
            Mode::Diagnostic => "Diagnostic",
            Mode::Challenge => "Challenge",
            Mode::PracticeExam => "Practice exam",
            Mode::Practice => "Practice",
        }
    }

    /// The same in running text ("this practice exam").
    pub fn noun(self) -> &'static str {
        match self {
            Mode::Diagnostic => "diagnostic",
            Mode::Challenge => "challenge",
            Mode::PracticeExam => "practice exam",
            Mode::Practice => "practice session",
        }
    }

    /// The results page's way on ("Take another diagnostic").
    pub fn again(self) -> &'static str {
        match self {
            Mode::Diagnostic | Mode::Challenge => "Take another diagnostic",
            Mode::PracticeExam => "Take another practice exam",
            Mode::Practice => "Practise more",
        }
    }

    /// Whether a result link can carry the attempt: the link format has no
    /// place for unscored items, so full-length forms are not shared.
    pub fn shareable(self) -> bool {
        matches!(self, Mode::Diagnostic | Mode::Challenge)
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Mode::Diagnostic => "diagnostic",
            Mode::Challenge => "challenge",
            Mode::PracticeExam => "practice-exam",
            Mode::Practice => "practice",
        })
    }
}

impl FromStr for Mode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "diagnostic" => Ok(Mode::Diagnostic),
            "challenge" => Ok(Mode::Challenge),
            "practice-exam" => Ok(Mode::PracticeExam),
            "practice" => Ok(Mode::Practice),
            other => Err(format!("{other:?} is not a kind of attempt")),
        }
    }
}

/// The clock of a timed attempt. The deadline is wall-clock time, stored
/// with the attempt: closing the tab does not stop it (scoring.md §8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timer {
    /// The time allowed, extension included.
    pub minutes: u32,
    /// When the attempt finishes by itself (epoch ms).
    pub deadline_ms: u64,
}

impl Timer {
    /// A timer of `minutes` starting at `start_ms`.
    pub fn starting(start_ms: u64, minutes: u32) -> Timer {
        Timer {
            minutes,
            deadline_ms: start_ms + u64::from(minutes) * 60_000,
        }
    }
}

/// What the test-taker picks on the practice exam's start screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    /// The exam's own minutes (or the ones the test-taker set where AWS's
    /// are unconfirmed), plus 30 with the accommodation.
    Timed {
        minutes: u32,
        extension: bool,
    },
    Untimed,
}

/// AWS's accommodation for non-native English speakers (scoring.md §8).
pub const EXTENSION_MINUTES: u32 = 30;

impl Timing {
    /// The timer an attempt starting at `start_ms` gets.
    pub fn timer(self, start_ms: u64) -> Option<Timer> {
        match self {
            Timing::Timed { minutes, extension } => Some(Timer::starting(
                start_ms,
                minutes + if extension { EXTENSION_MINUTES } else { 0 },
            )),
            Timing::Untimed => None,
        }
    }
}

/// A stable, URL-safe attempt id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AttemptId(pub String);

impl AttemptId {
    /// An id from the start time and seed: unique per browser in practice.
    pub fn new(started_ms: u64, seed: u64) -> Self {
        AttemptId(format!("{started_ms:x}-{:04x}", seed & 0xffff))
    }
}

impl fmt::Display for AttemptId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for AttemptId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let ok = !s.is_empty()
            && s.len() <= 40
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if ok {
            Ok(AttemptId(s.to_owned()))
        } else {
            Err(format!("{s:?} is not an attempt id"))
        }
    }
}

/// What a finished attempt scored, kept so that history survives later
/// changes to the bank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub scaled: u32,
    pub low: u32,
    pub high: u32,
    pub verdict: Verdict,
    pub performance: f64,
    /// Weighted accuracy per domain number (None: no item from it).
    pub domain_accuracy: Vec<Option<f64>>,
}

impl From<&Report> for Summary {
    fn from(r: &Report) -> Self {
        Summary {
            scaled: r.scaled,
            low: r.low,
            high: r.high,
            verdict: r.verdict,
            performance: r.performance,
            domain_accuracy: r.domains.iter().map(|d| d.accuracy).collect(),
        }
    }
}

/// One diagnostic attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub id: AttemptId,
    pub exam: String,
    pub seed: u64,
    pub mode: Mode,
    pub started_ms: u64,
    pub items: Vec<DrawnItem>,
    /// Chosen options per item, as indices into the question's own options
    /// (not the shown order), ascending.
    pub answers: Vec<Vec<u8>>,
    pub flagged: Vec<bool>,
    /// The item on screen (0-based).
    pub current: usize,
    /// Last change, for merging the same attempt written by two tabs.
    #[serde(default)]
    pub updated_ms: u64,
    pub finished_ms: Option<u64>,
    pub summary: Option<Summary>,
    /// A timed attempt's clock; None when untimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timer: Option<Timer>,
    /// True when the deadline finished the attempt.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub timed_out: bool,
    /// Per item: marked "I'm not sure" (empty when none was, version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsure: Vec<bool>,
    /// Per item: when the answer was checked, in practice (version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checked_ms: Vec<Option<u64>>,
    /// A practice session's scope, as its link says it ("domain=2").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// A challenge taken from a friend's shared result: that result's link,
    /// to compare with once this attempt is finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versus: Option<String>,
}

/// Why a choice was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChoiceRefused {
    /// A multiple-response question already has as many choices as it asks for.
    Full { limit: usize },
    /// The attempt is finished; answers are final.
    Finished,
    /// This answer was checked; it is final.
    Checked,
    /// Check needs a choice first.
    NothingChosen,
    /// No such item or option.
    OutOfRange,
}

impl fmt::Display for ChoiceRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChoiceRefused::Full { limit } => write!(
                f,
                "This question asks for {limit} answers. Clear one of your choices before picking another."
            ),
            ChoiceRefused::Finished => f.write_str("This attempt is finished; its answers can no longer change."),
            ChoiceRefused::Checked => f.write_str("This answer has been checked; it can no longer change."),
            ChoiceRefused::NothingChosen => f.write_str("Choose an answer first, then check it."),
            ChoiceRefused::OutOfRange => f.write_str("There is no such option."),
        }
    }
}

impl Attempt {
    /// A new attempt over drawn items.
    pub fn new(exam: &str, seed: u64, mode: Mode, started_ms: u64, items: Vec<DrawnItem>) -> Self {
        let n = items.len();
        Attempt {
            id: AttemptId::new(started_ms, seed),
            exam: exam.to_owned(),
            seed,
            mode,
            started_ms,
            items,
            answers: vec![Vec::new(); n],
            flagged: vec![false; n],
            current: 0,
            updated_ms: started_ms,
            finished_ms: None,
            summary: None,
            timer: None,
            timed_out: false,
            unsure: Vec::new(),
            checked_ms: Vec::new(),
            scope: None,
            versus: None,
        }
    }

    /// Whether item `i` is marked "I'm not sure".
    pub fn is_unsure(&self, i: usize) -> bool {
        self.unsure.get(i).copied().unwrap_or(false)
    }

    /// When item `i` was checked (practice), if it was.
    pub fn checked_at(&self, i: usize) -> Option<u64> {
        self.checked_ms.get(i).copied().flatten()
    }

    /// Whether item `i` is answered and waits for its Check (a mode with
    /// instant feedback): what "go on" means there is "check first".
    pub fn awaits_check(&self, i: usize) -> bool {
        self.mode.instant_feedback() && self.is_answered(i) && self.checked_at(i).is_none()
    }

    /// Marks or unmarks item `i` as "I'm not sure" (a confidence tap),
    /// until its answer is checked or the attempt finished.
    pub fn toggle_unsure(&mut self, i: usize, now_ms: u64) -> Result<(), ChoiceRefused> {
        if self.is_finished() {
            return Err(ChoiceRefused::Finished);
        }
        if self.checked_at(i).is_some() {
            return Err(ChoiceRefused::Checked);
        }
        if i >= self.items.len() {
            return Err(ChoiceRefused::OutOfRange);
        }
        self.unsure.resize(self.items.len(), false);
        self.unsure[i] = !self.unsure[i];
        self.touch(now_ms);
        Ok(())
    }

    /// Checks item `i`'s answer (practice): from now on it is final.
    pub fn check(&mut self, i: usize, now_ms: u64) -> Result<(), ChoiceRefused> {
        if self.is_finished() {
            return Err(ChoiceRefused::Finished);
        }
        if self.checked_at(i).is_some() {
            return Err(ChoiceRefused::Checked);
        }
        if !self.is_answered(i) {
            return Err(ChoiceRefused::NothingChosen);
        }
        self.checked_ms.resize(self.items.len(), None);
        self.checked_ms[i] = Some(self.clock(now_ms));
        self.touch(now_ms);
        Ok(())
    }

    /// The time to go by: never earlier than the last change, so that a
    /// device clock set back cannot give a timed attempt more time.
    pub fn clock(&self, now_ms: u64) -> u64 {
        now_ms.max(self.updated_ms).max(self.started_ms)
    }

    /// Milliseconds left on the clock (None when untimed, or finished: a
    /// finished attempt's clock has stopped, and reopening it must not
    /// finish it a second time).
    pub fn remaining_ms(&self, now_ms: u64) -> Option<u64> {
        if self.is_finished() {
            return None;
        }
        self.timer
            .map(|t| t.deadline_ms.saturating_sub(self.clock(now_ms)))
    }

    /// Whether the deadline has passed on an unfinished attempt.
    pub fn is_overdue(&self, now_ms: u64) -> bool {
        !self.is_finished() && self.remaining_ms(now_ms) == Some(0)
    }

    /// How long the attempt took (to the finish, or to now).
    pub fn time_used_ms(&self, now_ms: u64) -> u64 {
        let end = self.finished_ms.unwrap_or_else(|| self.clock(now_ms));
        end.saturating_sub(self.started_ms)
    }

    /// What kind of attempt this was, as history lists it.
    pub fn kind(&self) -> String {
        match (self.mode.form_is_full_length(), self.timer.is_some()) {
            (true, true) => format!("{}, timed", self.mode.label()),
            (true, false) => format!("{}, untimed", self.mode.label()),
            (false, _) => self.mode.label().to_owned(),
        }
    }

    /// How many items count toward the score.
    pub fn scored_count(&self) -> usize {
        self.items.iter().filter(|i| i.scored).count()
    }

    /// Notes a change at `now_ms`; the change time never goes backwards.
    fn touch(&mut self, now_ms: u64) {
        self.updated_ms = self.updated_ms.max(now_ms);
    }

    /// The ids of its questions, in the attempt's order.
    pub fn question_ids(&self) -> Vec<String> {
        self.items.iter().map(|i| i.question.clone()).collect()
    }

    /// Whether the attempt is finished.
    pub fn is_finished(&self) -> bool {
        self.finished_ms.is_some()
    }

    /// Whether item `i` has at least one choice.
    pub fn is_answered(&self, i: usize) -> bool {
        self.answers.get(i).is_some_and(|a| !a.is_empty())
    }

    /// How many items have an answer.
    pub fn answered_count(&self) -> usize {
        (0..self.items.len())
            .filter(|&i| self.is_answered(i))
            .count()
    }

    /// Chooses `option` (an index into the question's options) for item
    /// `i`. Single-answer questions replace the choice; multiple-response
    /// questions toggle it and refuse one more than the question asks for.
    pub fn choose(
        &mut self,
        i: usize,
        option: u8,
        question: &Question,
        now_ms: u64,
    ) -> Result<(), ChoiceRefused> {
        if self.is_finished() {
            return Err(ChoiceRefused::Finished);
        }
        if self.checked_at(i).is_some() {
            return Err(ChoiceRefused::Checked);
        }
        if usize::from(option) >= question.options.len() {
            return Err(ChoiceRefused::OutOfRange);
        }
        let limit = question.correct_count();
        let chosen = self.answers.get_mut(i).ok_or(ChoiceRefused::OutOfRange)?;
        if limit <= 1 {
            *chosen = vec![option];
        } else if let Some(at) = chosen.iter().position(|&o| o == option) {
            chosen.remove(at);
        } else if chosen.len() >= limit {
            return Err(ChoiceRefused::Full { limit });
        } else {
            chosen.push(option);
            sort::sort(chosen);
        }
        self.touch(now_ms);
        Ok(())
    }

    /// Flags or unflags item `i` for review.
    pub fn toggle_flag(&mut self, i: usize, now_ms: u64) {
        if let Some(f) = self.flagged.get_mut(i) {
            *f = !*f;
            self.touch(now_ms);
        }
    }

    /// Moves to item `i` (clamped to the attempt).
    pub fn go_to(&mut self, i: usize, now_ms: u64) {
        self.current = i.min(self.items.len().saturating_sub(1));
        self.touch(now_ms);
    }

    /// Grades every item against the bank. A question that is no longer in
    /// the bank is an error naming it.
    pub fn grade(&self, bank: &Bank) -> Result<Vec<GradedItem>, String> {
        self.items
            .iter()
            .zip(&self.answers)
            .map(|(item, chosen)| {
                let q = bank.question(&item.question).ok_or_else(|| {
                    format!("question {} is no longer in the bank", item.question)
                })?;
                Ok(GradedItem {
                    scored: item.scored,
                    question: q.id.clone(),
                    domain: q.domain,
                    task: q.task.clone(),
                    difficulty: q.difficulty,
                    answered: !chosen.is_empty(),
                    correct: is_correct(chosen, &q.correct_set()),
                })
            })
            .collect()
    }

    /// Finishes the attempt and keeps its summary. A timed attempt never
    /// finishes later than its deadline: past it, it finished at it.
    pub fn finish(&mut self, report: &Report, now_ms: u64) {
        self.close(now_ms);
        self.summary = Some(Summary::from(report));
    }

    /// Ends the attempt without scoring it (a deadline that passed while
    /// the bank was not at hand); its summary comes later.
    pub fn close(&mut self, now_ms: u64) {
        let now = self.clock(now_ms);
        let at = match self.timer {
            Some(t) if now >= t.deadline_ms => {
                self.timed_out = true;
                t.deadline_ms
            }
            _ => now,
        };
        self.finished_ms = Some(at);
        self.touch(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::{multi_question, single_question};

    fn attempt() -> Attempt {
        let items = vec![
            DrawnItem {
                question: "q-1".into(),
                order: vec![0, 1, 2, 3],
                scored: true,
            },
            DrawnItem {
                question: "q-2".into(),
                order: vec![4, 3, 2, 1, 0],
                scored: true,
            },
        ];
        Attempt::new("x", 1, Mode::Diagnostic, 10, items)
    }

    #[test]
    fn single_answer_replaces() {
        let q = single_question("q-1", 2);
        let mut a = attempt();
        a.choose(0, 1, &q, 11).unwrap();
        a.choose(0, 3, &q, 12).unwrap();
        assert_eq!(a.answers[0], vec![3]);
        assert_eq!(a.updated_ms, 12);
    }

    #[test]
    fn multi_toggles_and_refuses_one_too_many() {
        let q = multi_question("q-2", &[0, 3]);
        let mut a = attempt();
        a.choose(1, 4, &q, 11).unwrap();
        a.choose(1, 0, &q, 11).unwrap();
        assert_eq!(
            a.choose(1, 2, &q, 11),
            Err(ChoiceRefused::Full { limit: 2 })
        );
        assert_eq!(a.answers[1], vec![0, 4]);
        a.choose(1, 4, &q, 11).unwrap();
        assert_eq!(a.answers[1], vec![0]);
    }

    #[test]
    fn finished_is_final() {
        let q = single_question("q-1", 0);
        let mut a = attempt();
        a.finished_ms = Some(5);
        assert_eq!(a.choose(0, 1, &q, 11), Err(ChoiceRefused::Finished));
    }

    #[test]
    fn attempt_id_round_trips() {
        let id = AttemptId::new(1_700_000_000_000, 0xabcdef);
        assert_eq!(id.to_string().parse::<AttemptId>(), Ok(id));
        assert!("../x".parse::<AttemptId>().is_err());
    }
}
