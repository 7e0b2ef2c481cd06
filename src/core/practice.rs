//! Practice with instant feedback (study.md §1): what a session covers, the
//! order its questions come in, and what its summary says. A practice
//! session is an attempt in `Mode::Practice`; these are its rules.

use super::attempt::Attempt;
use super::content::{Bank, Exam, Question};
use super::rng::Rng;
use super::schedule::Cards;
use super::scoring::is_correct;
use super::select::{DrawnItem, SeenHistory};
use super::sort;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

/// What a practice session draws from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Every question of the exam.
    All,
    /// One domain.
    Domain(u8),
    /// One task statement ("2.3").
    Task(String),
    /// The weakest domain: from readiness, else the latest attempt.
    Weakest,
    /// The questions due for review.
    Due,
}

impl fmt::Display for Scope {
    /// The scope as its link's query says it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::All => f.write_str("all=1"),
            Scope::Domain(d) => write!(f, "domain={d}"),
            Scope::Task(t) => write!(f, "task={t}"),
            Scope::Weakest => f.write_str("weakest=1"),
            Scope::Due => f.write_str("due=1"),
        }
    }
}

impl FromStr for Scope {
    type Err = String;
    /// Reads `domain=2`, `task=2.3`, `due=1`, `weakest=1` or `all=1`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (key, value) = s.split_once('=').unwrap_or((s, ""));
        match key {
            "all" | "" => Ok(Scope::All),
            "due" => Ok(Scope::Due),
            "weakest" => Ok(Scope::Weakest),
            "domain" => value
                .parse::<u8>()
                .map(Scope::Domain)
                .map_err(|_| format!("\"{value}\" is not a domain number")),
            "task" => {
                let ok = !value.is_empty()
                    && value.len() <= 6
                    && value.chars().all(|c| c.is_ascii_digit() || c == '.');
                if ok {
                    Ok(Scope::Task(value.to_owned()))
                } else {
                    Err(format!("\"{value}\" is not a task statement"))
                }
            }
            other => Err(format!("\"{other}\" is not a kind of practice")),
        }
    }
}

impl Scope {
    /// The scope from a practice link's query (`?domain=2`, `?task=2.3`,
    /// `?due=1`, `?weakest=1`, nothing for everything).
    pub fn from_query(
        domain: Option<&str>,
        task: Option<&str>,
        due: bool,
        weakest: bool,
    ) -> Result<Scope, String> {
        match (domain, task) {
            (Some(d), _) => format!("domain={d}").parse(),
            (None, Some(t)) => format!("task={t}").parse(),
            (None, None) if due => Ok(Scope::Due),
            (None, None) if weakest => Ok(Scope::Weakest),
            (None, None) => Ok(Scope::All),
        }
    }

    /// Checks the scope against the exam: a domain or task it has.
    pub fn check(&self, exam: &Exam) -> Result<(), String> {
        match self {
            Scope::Domain(d) if exam.domain(*d).is_none() => {
                Err(format!("{} has no domain {d}.", exam.code))
            }
            Scope::Task(t) if exam.task(t).is_none() => {
                Err(format!("{} has no task statement {t}.", exam.code))
            }
            _ => Ok(()),
        }
    }

    /// Whether a question belongs to the scope, for the scopes fixed by the
    /// bank alone (all, a domain, a task); `None` for those that depend on
    /// the learner (weakest domain, due for review).
    pub fn holds(&self, q: &Question) -> Option<bool> {
        match self {
            Scope::All => Some(true),
            Scope::Domain(d) => Some(q.domain == *d),
            Scope::Task(t) => Some(&q.task == t),
            Scope::Weakest | Scope::Due => None,
        }
    }

    /// What the session is called on screen.
    pub fn describe(&self, exam: &Exam) -> String {
        match self {
            Scope::All => "All domains".to_owned(),
            Scope::Domain(d) => exam.domain(*d).map_or_else(
                || format!("Domain {d}"),
                |x| format!("Domain {d}: {}", x.name),
            ),
            Scope::Task(t) => exam.task(t).map_or_else(
                || format!("Task {t}"),
                |(_, x)| format!("Task {t}: {}", x.title),
            ),
            Scope::Weakest => "Your weakest domain".to_owned(),
            Scope::Due => "Due for review".to_owned(),
        }
    }
}

/// How long a session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    Questions(usize),
    /// Until the scope is exhausted.
    All,
}

impl FromStr for Length {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "all" => Ok(Length::All),
            "10" => Ok(Length::Questions(10)),
            "20" => Ok(Length::Questions(20)),
            other => Err(format!(
                "\"{other}\" is not a practice length (10, 20 or all)"
            )),
        }
    }
}

impl fmt::Display for Length {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Length::Questions(n) => write!(f, "{n}"),
            Length::All => f.write_str("all"),
        }
    }
}

/// What a session asks for: its scope, the domain a Weakest scope
/// resolves to, and its length.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub scope: &'a Scope,
    pub weakest: Option<u8>,
    pub length: Length,
}

/// The questions of a scope, in practice order (study.md §1): due first
/// (most overdue first), then never answered (spread over task statements,
/// seeded), then the least recently answered.
pub fn practice_order(
    exam: &Exam,
    bank: &Bank,
    request: Request<'_>,
    cards: &Cards,
    now_ms: u64,
    seed: u64,
) -> Vec<DrawnItem> {
    let Request {
        scope,
        weakest,
        length,
    } = request;
    let in_scope = |q: &Question| match scope {
        Scope::Weakest => weakest.is_none_or(|d| q.domain == d),
        Scope::Due => cards.get(&q.id).is_some_and(|c| c.is_due(now_ms)),
        fixed => fixed.holds(q).unwrap_or(false),
    };
    let pool: Vec<&Question> = bank
        .questions
        .iter()
        .filter(|q| exam.domain(q.domain).is_some() && in_scope(q))
        .collect();
    let mut due: Vec<&Question> = Vec::new();
    let mut fresh: Vec<&Question> = Vec::new();
    let mut answered: Vec<&Question> = Vec::new();
    for q in pool {
        match cards.get(&q.id) {
            Some(c) if c.is_due(now_ms) => due.push(q),
            Some(_) => answered.push(q),
            None => fresh.push(q),
        }
    }
    sort::sort_by_key(&mut due, |q| {
        (cards.get(&q.id).map_or(0, |c| c.due_ms), q.id.as_str())
    });
    sort::sort_by_key(&mut answered, |q| {
        (cards.get(&q.id).map_or(0, |c| c.last_ms), q.id.as_str())
    });
    let mut rng = Rng::new(seed);
    rng.shuffle(&mut fresh);
    let fresh = spread_over_tasks(fresh);
    let limit = match length {
        Length::Questions(n) => n,
        Length::All => usize::MAX,
    };
    // scoring.md §2: once a question is in, those it excludes are not.
    let mut barred: HashSet<&str> = HashSet::new();
    due.into_iter()
        .chain(fresh)
        .chain(answered)
        .filter(|q| {
            let free = !barred.contains(q.id.as_str());
            if free {
                barred.extend(q.excludes.iter().map(String::as_str));
            }
            free
        })
        .take(limit)
        .map(|q| DrawnItem::of(q, true, &mut rng))
        .collect()
}

/// Reorders (already shuffled) questions so that each next one comes from
/// the task statement drawn from least so far, keeping the shuffled order
/// among equals.
fn spread_over_tasks(mut pool: Vec<&Question>) -> Vec<&Question> {
    let mut per_task: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(pool.len());
    while !pool.is_empty() {
        let best = pool
            .iter()
            .enumerate()
            .min_by_key(|(rank, q)| (per_task.get(&q.task).copied().unwrap_or(0), *rank))
            .map_or(0, |(i, _)| i);
        let q = pool.remove(best);
        *per_task.entry(q.task.clone()).or_default() += 1;
        out.push(q);
    }
    out
}

/// What confidence says about an attempt's answers (study.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Confidence {
    /// Right, but marked "I'm not sure".
    pub lucky_guesses: usize,
    /// Wrong while sure: the ones worth reviewing first.
    pub misconceptions: usize,
}

/// Lucky guesses and misconceptions among the answered items.
pub fn confidence(attempt: &Attempt, bank: &Bank) -> Confidence {
    let mut c = Confidence::default();
    for (i, (item, chosen)) in attempt.items.iter().zip(&attempt.answers).enumerate() {
        let Some(q) = bank.question(&item.question) else {
            continue;
        };
        if chosen.is_empty() {
            continue;
        }
        let right = is_correct(chosen, &q.correct_set());
        match (right, attempt.is_unsure(i)) {
            (true, true) => c.lucky_guesses += 1,
            (false, false) => c.misconceptions += 1,
            _ => {}
        }
    }
    c
}

/// One task statement's line in a practice summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskTally {
    pub task: String,
    pub title: String,
    pub right: usize,
    pub checked: usize,
}

/// What a practice session's summary shows: never a scaled score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticeSummary {
    pub checked: usize,
    pub right: usize,
    pub tasks: Vec<TaskTally>,
    pub confidence: Confidence,
    /// Questions of the exam due for review now.
    pub due_now: usize,
    /// Questions of the session's scope this browser has never shown, when
    /// the scope is fixed by the bank: more practice of it has new ones (a
    /// session leaves out the questions that would give away one it shows,
    /// scoring.md §2, so even "until none are left" can leave some).
    pub unseen: Option<usize>,
}

/// Each checked question of a practice session, and whether it was right:
/// what its summary and the history's tally both count.
fn checked<'a>(attempt: &'a Attempt, bank: &'a Bank) -> impl Iterator<Item = (&'a Question, bool)> {
    attempt
        .items
        .iter()
        .enumerate()
        .filter_map(move |(i, item)| {
            attempt.checked_at(i)?;
            let q = bank.question(&item.question)?;
            let ok = attempt
                .answers
                .get(i)
                .is_some_and(|c| is_correct(c, &q.correct_set()));
            Some((q, ok))
        })
}

/// A practice session's right answers, and how many it checked.
pub fn checked_tally(attempt: &Attempt, bank: &Bank) -> (usize, usize) {
    checked(attempt, bank).fold((0, 0), |(right, n), (_, ok)| {
        (right + usize::from(ok), n + 1)
    })
}

/// The summary of a practice session over its checked answers.
pub fn practice_summary(
    attempt: &Attempt,
    exam: &Exam,
    bank: &Bank,
    cards: &Cards,
    seen: &SeenHistory,
    now_ms: u64,
) -> PracticeSummary {
    let mut tasks: BTreeMap<String, TaskTally> = BTreeMap::new();
    for (q, ok) in checked(attempt, bank) {
        let title = exam
            .task(&q.task)
            .map(|(_, t)| t.title.clone())
            .unwrap_or_default();
        let t = tasks.entry(q.task.clone()).or_insert(TaskTally {
            task: q.task.clone(),
            title,
            right: 0,
            checked: 0,
        });
        t.checked += 1;
        t.right += usize::from(ok);
    }
    let checked = tasks.values().map(|t| t.checked).sum();
    let right = tasks.values().map(|t| t.right).sum();
    let mut tasks: Vec<TaskTally> = tasks.into_values().collect();
    sort::sort_by_key(&mut tasks, |t| {
        t.task
            .split('.')
            .map(|p| p.parse::<u32>().unwrap_or(0))
            .collect::<Vec<_>>()
    });
    PracticeSummary {
        checked,
        right,
        tasks,
        confidence: confidence(attempt, bank),
        due_now: super::schedule::due(cards, &exam.id, now_ms).len(),
        unseen: unseen_in_scope(attempt, exam, bank, seen),
    }
}

/// How many questions of the attempt's scope were never shown in this
/// browser (see [`PracticeSummary::unseen`]).
fn unseen_in_scope(
    attempt: &Attempt,
    exam: &Exam,
    bank: &Bank,
    seen: &SeenHistory,
) -> Option<usize> {
    let scope = attempt.scope.as_deref()?.parse::<Scope>().ok()?;
    let mut unseen = 0;
    for q in bank
        .questions
        .iter()
        .filter(|q| exam.domain(q.domain).is_some())
    {
        if scope.holds(q)? && !seen.contains_key(&q.id) {
            unseen += 1;
        }
    }
    Some(unseen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schedule::{review, Rating, DAY_MS};
    use crate::core::testing::{sample_bank, sample_exam};

    const NOW: u64 = 1_800_000_000_000;

    #[test]
    fn scopes_read_from_links_and_round_trip() {
        assert_eq!(
            Scope::from_query(Some("2"), None, false, false),
            Ok(Scope::Domain(2))
        );
        assert_eq!(
            Scope::from_query(None, Some("2.3"), false, false),
            Ok(Scope::Task("2.3".into()))
        );
        assert_eq!(Scope::from_query(None, None, true, false), Ok(Scope::Due));
        assert_eq!(
            Scope::from_query(None, None, false, true),
            Ok(Scope::Weakest)
        );
        assert_eq!(Scope::from_query(None, None, false, false), Ok(Scope::All));
        assert!(Scope::from_query(Some("x"), None, false, false).is_err());
        assert!(Scope::from_query(None, Some("../etc"), false, false).is_err());
        for s in [
            Scope::All,
            Scope::Domain(3),
            Scope::Task("1.2".into()),
            Scope::Due,
            Scope::Weakest,
        ] {
            assert_eq!(s.to_string().parse::<Scope>(), Ok(s));
        }
        let exam = sample_exam();
        assert!(Scope::Domain(9).check(&exam).is_err());
        assert!(Scope::Task("9.9".into()).check(&exam).is_err());
        assert!(Scope::Task("2.1".into()).check(&exam).is_ok());
    }

    #[test]
    fn due_first_then_never_answered_then_least_recently_answered() {
        let exam = sample_exam();
        let bank = sample_bank(&exam, 3);
        let mut cards = Cards::new();
        let ids: Vec<&str> = bank
            .questions
            .iter()
            .filter(|q| q.domain == 2)
            .map(|q| q.id.as_str())
            .collect();
        // Two answered long ago (now due), two answered recently (not due).
        let long_ago = review(None, "clf-c02", Rating::Again, NOW - 10 * DAY_MS);
        let older = review(None, "clf-c02", Rating::Again, NOW - 12 * DAY_MS);
        cards.insert(ids[0].into(), long_ago);
        cards.insert(ids[1].into(), older);
        cards.insert(
            ids[2].into(),
            review(None, "clf-c02", Rating::Good, NOW - 1000),
        );
        cards.insert(
            ids[3].into(),
            review(None, "clf-c02", Rating::Good, NOW - 2000),
        );
        let order = practice_order(
            &exam,
            &bank,
            Request {
                scope: &Scope::Domain(2),
                weakest: None,
                length: Length::All,
            },
            &cards,
            NOW,
            7,
        );
        let got: Vec<&str> = order.iter().map(|i| i.question.as_str()).collect();
        assert_eq!(got.len(), 6);
        assert_eq!(&got[..2], &[ids[1], ids[0]], "most overdue first");
        assert!(
            got[2..4].iter().all(|q| !cards.contains_key(*q)),
            "then never answered"
        );
        assert_eq!(&got[4..], &[ids[3], ids[2]], "then least recently answered");
        // Never-answered ones alternate between the domain's two tasks.
        let fresh = practice_order(
            &exam,
            &bank,
            Request {
                scope: &Scope::Domain(3),
                weakest: None,
                length: Length::Questions(4),
            },
            &Cards::new(),
            NOW,
            9,
        );
        let tasks: Vec<String> = fresh
            .iter()
            .map(|i| bank.question(&i.question).unwrap().task.clone())
            .collect();
        assert_ne!(tasks[0], tasks[1]);
        assert_ne!(tasks[2], tasks[3]);
        assert_eq!(fresh.len(), 4);
    }

    #[test]
    fn the_due_scope_holds_only_due_questions() {
        let exam = sample_exam();
        let bank = sample_bank(&exam, 3);
        let mut cards = Cards::new();
        cards.insert(
            bank.questions[0].id.clone(),
            review(None, "clf-c02", Rating::Again, NOW - 2 * DAY_MS),
        );
        cards.insert(
            bank.questions[1].id.clone(),
            review(None, "clf-c02", Rating::Good, NOW),
        );
        let order = practice_order(
            &exam,
            &bank,
            Request {
                scope: &Scope::Due,
                weakest: None,
                length: Length::All,
            },
            &cards,
            NOW,
            1,
        );
        assert_eq!(order.len(), 1);
        assert_eq!(order[0].question, bank.questions[0].id);
    }
}
