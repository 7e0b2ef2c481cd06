//! Which questions a diagnostic asks (scoring.md §1–2): seats per domain by
//! largest remainder, then a seeded draw that prefers unseen questions and
//! spreads over task statements.

use super::content::{Bank, Exam, Question};
use super::rng::Rng;
use super::sort;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};

/// When this browser last showed each question: question id → epoch ms.
pub type SeenHistory = BTreeMap<String, u64>;

/// The number of questions a diagnostic draws.
pub const DIAGNOSTIC_LENGTH: usize = 10;

/// Largest-remainder apportionment of `n` seats over `weights` (§1).
///
/// Ties of remainder go to the larger weight, then the lower domain. Where
/// `n` is at least the number of domains, a domain left with none takes a
/// seat from the domain with the most seats (ties: the smaller weight, then
/// the higher domain — the one least entitled to its extra seat).
pub fn apportion(weights: &[u32], n: usize) -> Vec<usize> {
    let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
    if weights.is_empty() || total == 0 {
        return vec![0; weights.len()];
    }
    let n64 = n as u64;
    // Exact integer arithmetic: quota = n·W/ΣW = floor + rem/ΣW.
    let mut seats: Vec<usize> = weights
        .iter()
        .map(|&w| usize::try_from(n64 * u64::from(w) / total).unwrap_or(usize::MAX))
        .collect();
    let remainders: Vec<u64> = weights
        .iter()
        .map(|&w| n64 * u64::from(w) % total)
        .collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    sort::sort_by_key(&mut order, |&d| {
        (Reverse(remainders[d]), Reverse(weights[d]), d)
    });
    let free = n.saturating_sub(seats.iter().sum());
    for &d in order.iter().take(free) {
        seats[d] += 1;
    }
    if n >= weights.len() {
        while let Some(empty) = seats.iter().position(|&s| s == 0) {
            let donor = (0..seats.len())
                .max_by_key(|&d| (seats[d], Reverse(weights[d]), d))
                .unwrap_or(0);
            seats[donor] -= 1;
            seats[empty] += 1;
        }
    }
    seats
}

/// One drawn question and the order its options are shown in (indices into
/// the question's options).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawnItem {
    pub question: String,
    pub order: Vec<u8>,
    /// False for an unscored (pretest) item of a full-length form: it looks
    /// like the rest and never counts (scoring.md §8). Stored only when false.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub scored: bool,
}

fn yes() -> bool {
    true
}

// serde's skip_serializing_if wants a function of a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_true(b: &bool) -> bool {
    *b
}

/// How many questions a form asks: scored ones, and unscored (pretest) ones
/// that look exactly like them (scoring.md §8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormSpec {
    pub scored: usize,
    pub unscored: usize,
}

impl FormSpec {
    /// The 10-question diagnostic: every item scored.
    pub const DIAGNOSTIC: FormSpec = FormSpec {
        scored: DIAGNOSTIC_LENGTH,
        unscored: 0,
    };

    /// The real exam's form: `questions_total` items, `questions_scored` of them scored.
    pub fn full_length(exam: &Exam) -> FormSpec {
        let scored = usize::try_from(exam.questions_scored).unwrap_or(0);
        let total = usize::try_from(exam.questions_total).unwrap_or(0);
        FormSpec {
            scored,
            unscored: total.saturating_sub(scored),
        }
    }

    /// All items of the form.
    pub fn total(self) -> usize {
        self.scored + self.unscored
    }
}

/// Draws `n` questions for `exam` from `bank` with `seed` (§2), all scored.
pub fn draw(exam: &Exam, bank: &Bank, n: usize, seed: u64, seen: &SeenHistory) -> Vec<DrawnItem> {
    draw_form(
        exam,
        bank,
        FormSpec {
            scored: n,
            unscored: 0,
        },
        seed,
        seen,
    )
}

/// Draws a form for `exam` from `bank` with `seed` (§2, §8).
///
/// Seats per domain come from §1, separately for the scored and the
/// unscored items. Within a domain the candidates are ranked by: never seen
/// before seen; then fewest already drawn from the same task statement
/// (spread before repeating, across both sets); then least recently seen;
/// then the seeded random order. No question appears twice. A challenge
/// passes an empty history so that everyone gets the same set.
pub fn draw_form(
    exam: &Exam,
    bank: &Bank,
    form: FormSpec,
    seed: u64,
    seen: &SeenHistory,
) -> Vec<DrawnItem> {
    let mut rng = Rng::new(seed);
    let weights: Vec<u32> = exam.domains.iter().map(|d| d.weight).collect();
    let seats = apportion(&weights, form.scored);
    let pretest = apportion(&weights, form.unscored);

    let mut picked: Vec<(&Question, bool)> = Vec::with_capacity(form.total());
    let mut leftovers: Vec<&Question> = Vec::new();
    let mut per_task: HashMap<&str, usize> = HashMap::new();
    let mut barred: HashSet<&str> = HashSet::new();
    for ((domain, &want), &extra) in exam.domains.iter().zip(&seats).zip(&pretest) {
        let mut pool: Vec<&Question> = bank
            .questions
            .iter()
            .filter(|q| q.domain == domain.number)
            .collect();
        rng.shuffle(&mut pool);
        picked.extend(
            pick_spread(&mut pool, want, seen, &mut per_task, &mut barred)
                .into_iter()
                .map(|q| (q, true)),
        );
        picked.extend(
            pick_spread(&mut pool, extra, seen, &mut per_task, &mut barred)
                .into_iter()
                .map(|q| (q, false)),
        );
        leftovers.extend(pool);
    }
    // A domain with fewer questions than seats: fill from the rest, by the
    // same ranking, so the form still has its length.
    for (scored, want) in [(true, form.scored), (false, form.unscored)] {
        let have = picked.iter().filter(|(_, s)| *s == scored).count();
        if have < want {
            let more = pick_spread(
                &mut leftovers,
                want - have,
                seen,
                &mut per_task,
                &mut barred,
            );
            picked.extend(more.into_iter().map(|q| (q, scored)));
        }
    }
    rng.shuffle(&mut picked);
    picked
        .into_iter()
        .map(|(q, scored)| DrawnItem::of(q, scored, &mut rng))
        .collect()
}

impl DrawnItem {
    /// `q` as drawn: its options in a seeded shuffled order, unless the
    /// question keeps its order ("All of the above").
    pub fn of(q: &Question, scored: bool, rng: &mut Rng) -> DrawnItem {
        let count = u8::try_from(q.options.len()).unwrap_or(u8::MAX);
        let mut order: Vec<u8> = (0..count).collect();
        if !q.keep_order {
            rng.shuffle(&mut order);
        }
        DrawnItem {
            question: q.id.clone(),
            order,
            scored,
        }
    }
}

/// Takes up to `want` questions out of `pool` (already in seeded random
/// order), greedily by the ranking documented on [`draw`]. A question that
/// one already drawn excludes is skipped as if the bank lacked it (§2).
fn pick_spread<'a>(
    pool: &mut Vec<&'a Question>,
    want: usize,
    seen: &SeenHistory,
    per_task: &mut HashMap<&'a str, usize>,
    barred: &mut HashSet<&'a str>,
) -> Vec<&'a Question> {
    let mut out = Vec::with_capacity(want);
    for _ in 0..want {
        pool.retain(|q| !barred.contains(q.id.as_str()));
        let best = pool
            .iter()
            .enumerate()
            .min_by_key(|(rank, q)| {
                let last = seen.get(&q.id).copied();
                (
                    last.is_some(),
                    per_task.get(q.task.as_str()).copied().unwrap_or(0),
                    last.unwrap_or(0),
                    *rank,
                )
            })
            .map(|(i, _)| i);
        let Some(i) = best else { break };
        let q = pool.remove(i);
        *per_task.entry(q.task.as_str()).or_default() += 1;
        barred.extend(q.excludes.iter().map(String::as_str));
        out.push(q);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::{sample_bank, sample_exam};

    #[test]
    fn worked_apportionments() {
        assert_eq!(apportion(&[24, 30, 34, 12], 10), vec![2, 3, 4, 1]);
        assert_eq!(apportion(&[31, 26, 20, 12, 11], 10), vec![3, 3, 2, 1, 1]);
        assert_eq!(apportion(&[24, 30, 34, 12], 50), vec![12, 15, 17, 6]);
        assert_eq!(apportion(&[31, 26, 20, 12, 11], 65), vec![20, 17, 13, 8, 7]);
    }

    #[test]
    fn a_domain_left_empty_takes_a_seat() {
        // quotas 3.9 / 0.05 / 0.05: floors 3,0,0, remainder seat to the first.
        assert_eq!(apportion(&[98, 1, 1], 4), vec![2, 1, 1]);
    }

    #[test]
    fn same_seed_same_draw_and_prefers_unseen() {
        let exam = sample_exam();
        let bank = sample_bank(&exam, 6);
        let a = draw(&exam, &bank, 10, 42, &SeenHistory::new());
        let b = draw(&exam, &bank, 10, 42, &SeenHistory::new());
        assert_eq!(a, b);
        assert_eq!(a.len(), 10);
        let c = draw(&exam, &bank, 10, 43, &SeenHistory::new());
        assert_ne!(a, c);

        // Mark everything of the first draw as seen: the next draw avoids it
        // while unseen questions remain.
        let seen: SeenHistory = a.iter().map(|i| (i.question.clone(), 1)).collect();
        let d = draw(&exam, &bank, 10, 42, &seen);
        assert!(d.iter().all(|i| !seen.contains_key(&i.question)));
    }

    #[test]
    fn draw_spreads_over_tasks() {
        let exam = sample_exam();
        let bank = sample_bank(&exam, 6);
        let items = draw(&exam, &bank, 10, 5, &SeenHistory::new());
        // Domain 3 has 4 seats and 2 tasks: 2 + 2, never 3 + 1.
        let mut per_task: BTreeMap<String, usize> = BTreeMap::new();
        for item in &items {
            let q = bank.question(&item.question).unwrap();
            *per_task.entry(q.task.clone()).or_default() += 1;
        }
        assert_eq!(per_task.get("3.1"), Some(&2));
        assert_eq!(per_task.get("3.2"), Some(&2));
    }

    #[test]
    fn least_recently_seen_first_when_all_seen() {
        let exam = sample_exam();
        let bank = sample_bank(&exam, 6);
        let seen: SeenHistory = bank
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), 1000 + i as u64))
            .collect();
        let items = draw(&exam, &bank, 10, 9, &seen);
        // Domain 4 (one seat, task 4.1 only): the oldest-seen 4.1 question.
        let oldest = bank.questions.iter().find(|q| q.domain == 4).unwrap();
        assert!(items.iter().any(|i| i.question == oldest.id));
    }

    #[test]
    fn questions_that_exclude_each_other_are_never_drawn_together() {
        let exam = sample_exam();
        // Two questions per task: every question of domain 4 (one task)
        // excludes the other, and so does a pair across domains 1 and 2.
        let mut bank = sample_bank(&exam, 2);
        let pair = |bank: &mut Bank, a: usize, b: usize| {
            let (ia, ib) = (bank.questions[a].id.clone(), bank.questions[b].id.clone());
            bank.questions[a].excludes.push(ib);
            bank.questions[b].excludes.push(ia);
        };
        let d4: Vec<usize> = (0..bank.questions.len())
            .filter(|&i| bank.questions[i].domain == 4)
            .collect();
        pair(&mut bank, d4[0], d4[1]);
        pair(&mut bank, 0, 6);
        for seed in 0..200 {
            for form in [
                FormSpec::DIAGNOSTIC,
                FormSpec {
                    scored: 14,
                    unscored: 2,
                },
            ] {
                let items = draw_form(&exam, &bank, form, seed, &SeenHistory::new());
                let ids: HashSet<&str> = items.iter().map(|i| i.question.as_str()).collect();
                for q in &bank.questions {
                    if ids.contains(q.id.as_str()) {
                        assert!(
                            q.excludes.iter().all(|x| !ids.contains(x.as_str())),
                            "seed {seed}: {} drawn with what it excludes",
                            q.id
                        );
                    }
                }
            }
        }
        // Without the rule the full bank of 16 questions would include both
        // of each pair: with it, a form asking for all 16 gets 14.
        let all = draw_form(
            &exam,
            &bank,
            FormSpec {
                scored: 16,
                unscored: 0,
            },
            1,
            &SeenHistory::new(),
        );
        assert_eq!(all.len(), 14);
    }

    #[test]
    fn keep_order_is_kept() {
        let exam = sample_exam();
        let mut bank = sample_bank(&exam, 6);
        for q in &mut bank.questions {
            q.keep_order = true;
        }
        for item in draw(&exam, &bank, 10, 11, &SeenHistory::new()) {
            assert_eq!(item.order, vec![0, 1, 2, 3]);
        }
    }
}
