//! The study plan (scoring.md §6): time per domain, tilted toward what was
//! missed, and the task statements to work on.

use super::content::Exam;
use super::scoring::{GradedItem, Report};
use super::sort;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::BTreeSet;

/// The plan's inputs that the test-taker sets; kept in storage.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PlanSettings {
    pub hours_per_week: f64,
    pub weeks: u32,
}

impl Default for PlanSettings {
    fn default() -> Self {
        PlanSettings {
            hours_per_week: 6.0,
            weeks: 4,
        }
    }
}

impl PlanSettings {
    /// Bounds that keep the plan meaningful (0.5–80 h a week, 1–52 weeks).
    pub fn clamped(self) -> Self {
        let hours = if self.hours_per_week.is_finite() {
            self.hours_per_week
        } else {
            6.0
        };
        PlanSettings {
            hours_per_week: hours.clamp(0.5, 80.0),
            weeks: self.weeks.clamp(1, 52),
        }
    }

    /// Hours per week as typed, or why it cannot be used.
    pub fn parse_hours(text: &str) -> Result<f64, String> {
        let h: f64 =
            text.trim().replace(',', ".").parse().map_err(|_| {
                "Enter the hours per week as a number, such as 6 or 7.5.".to_owned()
            })?;
        if h.is_finite() && (0.5..=80.0).contains(&h) {
            Ok(h)
        } else {
            Err("Hours per week must be between 0.5 and 80.".to_owned())
        }
    }

    /// Weeks until the exam as typed, or why it cannot be used.
    pub fn parse_weeks(text: &str) -> Result<u32, String> {
        let w: u32 = text.trim().parse().map_err(|_| {
            "Enter the weeks until the exam as a whole number, such as 4.".to_owned()
        })?;
        if (1..=52).contains(&w) {
            Ok(w)
        } else {
            Err("Weeks until the exam must be between 1 and 52.".to_owned())
        }
    }

    /// Weeks from `today` to the exam on `date` (both "YYYY-MM-DD"),
    /// counting a part week as a week.
    pub fn weeks_until(date: &str, today: &str) -> Result<u32, String> {
        let bad = || "Choose the exam date from the calendar.".to_owned();
        let days =
            days_from_civil(date).ok_or_else(bad)? - days_from_civil(today).ok_or_else(bad)?;
        if days < 0 {
            return Err("That date has passed: choose the day of your exam.".to_owned());
        }
        let weeks = u32::try_from((days + 6) / 7).unwrap_or(u32::MAX).max(1);
        if weeks > 52 {
            return Err("The plan covers up to 52 weeks: choose a date within a year.".to_owned());
        }
        Ok(weeks)
    }

    /// Total study hours.
    pub fn total_hours(self) -> f64 {
        self.hours_per_week * f64::from(self.weeks)
    }
}

/// A task statement to work on, and the missed question that points to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskToStudy {
    pub task: String,
    pub title: String,
    /// Index (0-based) of the missed item to review, if one was missed.
    pub review_item: Option<usize>,
}

/// One domain's share of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainPlan {
    pub number: u8,
    pub name: String,
    pub share_percent: u32,
    pub hours: f64,
    /// Task statements of missed questions first, then the ones no attempt
    /// has covered yet.
    pub tasks: Vec<TaskToStudy>,
}

/// The whole plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StudyPlan {
    pub settings: PlanSettings,
    pub total_hours: f64,
    pub domains: Vec<DomainPlan>,
    pub steps: Vec<String>,
}

/// Days since 1970-01-01 of a "YYYY-MM-DD" date (proleptic Gregorian).
fn days_from_civil(date: &str) -> Option<i64> {
    let mut parts = date.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Whole percents summing to 100 by largest remainder, none 0.
/// Ties go to the larger weight, then the lower domain.
pub fn whole_percents(raw: &[f64], weights: &[u32]) -> Vec<u32> {
    let total: f64 = raw.iter().sum();
    if raw.is_empty() || total <= 0.0 {
        return vec![0; raw.len()];
    }
    let quotas: Vec<f64> = raw.iter().map(|r| 100.0 * r / total).collect();
    // Quotas are in 0..=100, so the casts are exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mut shares: Vec<u32> = quotas.iter().map(|q| (q + 1e-9).floor() as u32).collect();
    let mut order: Vec<usize> = (0..raw.len()).collect();
    sort::sort_by(&mut order, |&a, &b| {
        let ra = quotas[a] - f64::from(shares[a]);
        let rb = quotas[b] - f64::from(shares[b]);
        rb.total_cmp(&ra)
            .then(Reverse(weights.get(a)).cmp(&Reverse(weights.get(b))))
            .then(a.cmp(&b))
    });
    let assigned: u32 = shares.iter().sum();
    for &d in order
        .iter()
        .take(100usize.saturating_sub(assigned as usize))
    {
        shares[d] += 1;
    }
    // No domain ever gets 0: light domains still cost points.
    while let Some(zero) = shares.iter().position(|&s| s == 0) {
        let Some(donor) = (0..shares.len()).max_by_key(|&d| (shares[d], Reverse(d))) else {
            break;
        };
        if shares[donor] <= 1 {
            break;
        }
        shares[donor] -= 1;
        shares[zero] += 1;
    }
    shares
}

/// Rounds to the nearest half hour.
pub fn round_half_hour(h: f64) -> f64 {
    (h * 2.0).round() / 2.0
}

/// Builds the plan for one scored attempt. `covered` holds every task
/// statement any attempt of this exam has asked about (this one included).
pub fn plan(
    exam: &Exam,
    report: &Report,
    graded: &[GradedItem],
    covered: &BTreeSet<String>,
    settings: PlanSettings,
) -> StudyPlan {
    let settings = settings.clamped();
    // A domain this attempt did not sample is tilted by the overall showing,
    // the best estimate there is for it.
    let raw: Vec<f64> = report
        .domains
        .iter()
        .map(|d| {
            let a = d.accuracy.unwrap_or(report.performance);
            f64::from(d.weight) * (1.0 + 2.0 * (1.0 - a))
        })
        .collect();
    let weights: Vec<u32> = report.domains.iter().map(|d| d.weight).collect();
    let shares = whole_percents(&raw, &weights);
    let total_hours = settings.total_hours();

    let domains = exam
        .domains
        .iter()
        .zip(&shares)
        .map(|(domain, &share)| {
            let mut tasks: Vec<TaskToStudy> = Vec::new();
            for (i, g) in graded.iter().enumerate() {
                if g.domain == domain.number
                    && !g.correct
                    && !tasks.iter().any(|t| t.task == g.task)
                {
                    let title = exam
                        .task(&g.task)
                        .map(|(_, t)| t.title.clone())
                        .unwrap_or_default();
                    tasks.push(TaskToStudy {
                        task: g.task.clone(),
                        title,
                        review_item: Some(i),
                    });
                }
            }
            for t in &domain.tasks {
                if !covered.contains(&t.id) && !tasks.iter().any(|x| x.task == t.id) {
                    tasks.push(TaskToStudy {
                        task: t.id.clone(),
                        title: t.title.clone(),
                        review_item: None,
                    });
                }
            }
            DomainPlan {
                number: domain.number,
                name: domain.name.clone(),
                share_percent: share,
                hours: round_half_hour(f64::from(share) / 100.0 * total_hours),
                tasks,
            }
        })
        .collect();

    StudyPlan {
        settings,
        total_hours,
        domains,
        steps: vec![
            "Review every wrong answer's explanation below, and why each other option is wrong.".into(),
            "Study the task statements listed for each domain, the weakest domain first.".into(),
            "Retake the diagnostic: a new draw prefers questions you have not seen.".into(),
            format!(
                "Before booking {}, score consistently at or above {} on timed practice exams (the practice target: {}), with no domain well below your average.",
                exam.code, exam.practice_line, exam.practice_target
            ),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::Difficulty;
    use crate::core::scoring::score;
    use crate::core::testing::{clf_like_exam, graded, worked_seven_of_ten};

    #[test]
    fn percents_sum_to_100() {
        let p = whole_percents(&[24.0, 30.0, 34.0, 12.0], &[24, 30, 34, 12]);
        assert_eq!(p, vec![24, 30, 34, 12]);
        let p = whole_percents(&[1.0, 1.0, 1.0], &[1, 1, 1]);
        assert_eq!(p, vec![34, 33, 33]);
        let p = whole_percents(&[1000.0, 0.001], &[99, 1]);
        assert_eq!(p, vec![99, 1]);
    }

    #[test]
    fn worked_plan_for_seven_of_ten() {
        // Same pattern as scoring.md §3: a = [0.5, 2/3, 0.75, 1].
        let exam = clf_like_exam();
        let items = worked_seven_of_ten();
        let report = score(&exam, &items);
        let covered: BTreeSet<String> = items.iter().map(|g| g.task.clone()).collect();
        let plan = plan(&exam, &report, &items, &covered, PlanSettings::default());
        // Raw shares 24·2 = 48, 30·(5/3) = 50, 34·1.5 = 51, 12·1 = 12 → ΣR = 161.
        // Quotas 29.81, 31.06, 31.68, 7.45 → floors 29, 31, 31, 7 (98);
        // the two largest remainders (.81, .68) go to domains 1 and 3.
        let shares: Vec<u32> = plan.domains.iter().map(|d| d.share_percent).collect();
        assert_eq!(shares, vec![30, 31, 32, 7]);
        assert!((plan.total_hours - 24.0).abs() < 1e-9);
        // 30 % of 24 h = 7.2 → 7.0; 31 % = 7.44 → 7.5; 32 % = 7.68 → 7.5; 7 % = 1.68 → 1.5.
        let hours: Vec<f64> = plan.domains.iter().map(|d| d.hours).collect();
        assert_eq!(hours, vec![7.0, 7.5, 7.5, 1.5]);
        // The missed question's task comes first, with the item to review.
        let d1 = &plan.domains[0];
        assert_eq!(d1.tasks[0].review_item, Some(0));
        assert!(plan.steps.iter().any(
            |s| s.contains("at or above 750 on timed practice exams") && s.contains("750–800")
        ));
    }

    #[test]
    fn uncovered_tasks_are_listed_after_missed_ones() {
        let exam = clf_like_exam();
        let items = vec![graded(1, Difficulty::Easy, false)];
        let report = score(&exam, &items);
        let covered: BTreeSet<String> = ["1.1".to_string()].into();
        let plan = plan(&exam, &report, &items, &covered, PlanSettings::default());
        let ids: Vec<&str> = plan.domains[0]
            .tasks
            .iter()
            .map(|t| t.task.as_str())
            .collect();
        assert_eq!(ids, vec!["1.1", "1.2"]);
        assert!(plan.domains.iter().all(|d| d.share_percent > 0));
    }

    #[test]
    fn typed_settings_are_checked_with_a_reason() {
        assert_eq!(PlanSettings::parse_hours("7,5"), Ok(7.5));
        assert!(PlanSettings::parse_hours("0")
            .unwrap_err()
            .contains("between 0.5 and 80"));
        assert!(PlanSettings::parse_hours("lots")
            .unwrap_err()
            .contains("as a number"));
        assert_eq!(PlanSettings::parse_weeks("4"), Ok(4));
        assert!(PlanSettings::parse_weeks("100")
            .unwrap_err()
            .contains("between 1 and 52"));
    }

    #[test]
    fn weeks_until_an_exam_date() {
        assert_eq!(PlanSettings::weeks_until("2026-12-29", "2026-12-01"), Ok(4));
        assert_eq!(PlanSettings::weeks_until("2026-12-30", "2026-12-01"), Ok(5));
        assert_eq!(PlanSettings::weeks_until("2026-12-01", "2026-12-01"), Ok(1));
        assert_eq!(
            PlanSettings::weeks_until("2027-03-01", "2026-12-01"),
            Ok(13)
        );
        assert!(PlanSettings::weeks_until("2026-11-30", "2026-12-01")
            .unwrap_err()
            .contains("passed"));
        assert!(PlanSettings::weeks_until("2028-12-01", "2026-12-01")
            .unwrap_err()
            .contains("52 weeks"));
        assert!(PlanSettings::weeks_until("soon", "2026-12-01").is_err());
        assert_eq!(days_from_civil("1970-01-01"), Some(0));
        assert_eq!(days_from_civil("2000-03-01"), Some(11_017));
    }
}
