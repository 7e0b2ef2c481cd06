//! What the clock of a timed attempt says: the countdown, a pacing hint,
//! and the two spoken warnings (scoring.md §8). Pure: time comes in.

/// Minutes left at which the test-taker is warned, in the order they come.
pub const WARN_AT_MINUTES: [u64; 2] = [10, 1];

const MINUTE_MS: u64 = 60_000;

/// The countdown as shown, in minutes and seconds as the exam's own clock
/// counts them ("120:00", "09:59"), rounded up to the second so that it
/// reads 00:00 only when time is really up.
pub fn countdown(remaining_ms: u64) -> String {
    let secs = remaining_ms.div_ceil(1000);
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

/// The countdown in words, for a screen reader's label.
pub fn countdown_words(remaining_ms: u64) -> String {
    let mins = remaining_ms.div_ceil(MINUTE_MS);
    match mins {
        0 => "Time is up".to_owned(),
        1 => "Less than 1 minute left".to_owned(),
        m if m < 60 => format!("{m} minutes left"),
        m => {
            let (h, rest) = (m / 60, m % 60);
            let hours = if h == 1 {
                "1 hour".to_owned()
            } else {
                format!("{h} hours")
            };
            if rest == 0 {
                format!("{hours} left")
            } else {
                format!("{hours} {rest} minutes left")
            }
        }
    }
}

/// A pacing hint: time left against questions left ("About 1 min 23 s per
/// remaining question"), or None when nothing is left to answer.
pub fn pace(remaining_ms: u64, questions_left: usize) -> Option<String> {
    let left = u64::try_from(questions_left).ok().filter(|&n| n > 0)?;
    let per = remaining_ms / left / 1000;
    let (m, s) = (per / 60, per % 60);
    let per_q = if questions_left == 1 {
        "for the last question"
    } else {
        "per question left"
    };
    Some(if m > 0 {
        format!("About {m} min {s:02} s {per_q}")
    } else {
        format!("About {s} s {per_q}")
    })
}

/// The warning due when the clock went from `before_ms` to `now_ms` left:
/// each threshold is announced once, as it is crossed (never every second).
pub fn warning(before_ms: u64, now_ms: u64) -> Option<String> {
    WARN_AT_MINUTES
        .iter()
        .rev()
        .find(|&&m| before_ms > m * MINUTE_MS && now_ms <= m * MINUTE_MS && now_ms > 0)
        .map(|&m| {
            if m == 1 {
                "1 minute left. Unanswered questions count as wrong.".to_owned()
            } else {
                format!("{m} minutes left.")
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdown_reads_like_a_clock() {
        assert_eq!(countdown(90 * MINUTE_MS), "90:00");
        assert_eq!(countdown(120 * MINUTE_MS), "120:00");
        assert_eq!(countdown(599_001), "10:00");
        assert_eq!(countdown(59_000), "00:59");
        assert_eq!(countdown(1), "00:01");
        assert_eq!(countdown(0), "00:00");
    }

    #[test]
    fn countdown_words_for_screen_readers() {
        assert_eq!(countdown_words(90 * MINUTE_MS), "1 hour 30 minutes left");
        assert_eq!(countdown_words(180 * MINUTE_MS), "3 hours left");
        assert_eq!(countdown_words(9 * MINUTE_MS + 1), "10 minutes left");
        assert_eq!(countdown_words(30_000), "Less than 1 minute left");
        assert_eq!(countdown_words(0), "Time is up");
    }

    #[test]
    fn pacing_divides_time_by_questions_left() {
        assert_eq!(
            pace(90 * MINUTE_MS, 65).as_deref(),
            Some("About 1 min 23 s per question left")
        );
        assert_eq!(
            pace(30_000, 1).as_deref(),
            Some("About 30 s for the last question")
        );
        assert_eq!(pace(30_000, 0), None);
    }

    #[test]
    fn each_warning_once_as_it_is_crossed() {
        let m = MINUTE_MS;
        assert_eq!(
            warning(10 * m + 1, 10 * m).as_deref(),
            Some("10 minutes left.")
        );
        assert_eq!(warning(10 * m, 10 * m - 1000), None, "not again");
        assert!(warning(m + 500, m - 500)
            .unwrap()
            .starts_with("1 minute left"));
        assert_eq!(warning(30 * m, 29 * m), None);
        // A laptop waking up past both thresholds hears only the nearer one.
        assert!(warning(20 * m, 30_000).unwrap().starts_with("1 minute"));
        assert_eq!(warning(20 * m, 0), None, "time up is said otherwise");
    }
}
