//! When to remind the test-taker that progress lives only in this browser
//! (issue 20): a notice where the browser has not promised to keep the
//! site's storage (Safari clears it after seven days without a visit unless
//! the site is on the Home Screen), and a reminder to back up after a while.

use super::store::Store;

/// Days after the last backup (or the first finished attempt) before the
/// reminder shows.
pub const REMIND_AFTER_DAYS: u64 = 14;
/// Finished attempts since the last backup before the reminder shows.
pub const REMIND_AFTER_ATTEMPTS: usize = 5;

const DAY_MS: u64 = 86_400_000;

/// Whether to show the notice that this browser may clear the progress:
/// there is a finished attempt worth keeping, the browser has not promised
/// to keep storage (`persisted` is `Some(false)`, or `None` when it does
/// not say), and the notice was not dismissed.
pub fn storage_notice(store: &Store, persisted: Option<bool>) -> bool {
    persisted != Some(true) && store.finished_count() > 0 && !store.keeping.notice_dismissed
}

/// Why a backup is due, if one is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupDue {
    /// Days since the last backup (or since the first finished attempt).
    Days(u64),
    /// Attempts finished since the last backup.
    Attempts(usize),
}

/// Whether to remind of a backup at `now_ms`.
pub fn backup_due(store: &Store, now_ms: u64) -> Option<BackupDue> {
    let finished = store.finished_count();
    let since = finished.saturating_sub(store.keeping.finished_at_backup);
    if since == 0 {
        return None;
    }
    if since >= REMIND_AFTER_ATTEMPTS {
        return Some(BackupDue::Attempts(since));
    }
    let from = store
        .keeping
        .last_backup_ms
        .or_else(|| store.attempts.iter().filter_map(|a| a.finished_ms).min())?;
    let days = now_ms.saturating_sub(from) / DAY_MS;
    (days >= REMIND_AFTER_DAYS).then_some(BackupDue::Days(days))
}

impl Store {
    /// Notes that a backup file was made at `now_ms`.
    pub fn backed_up(&mut self, now_ms: u64) {
        self.keeping.last_backup_ms = Some(now_ms);
        self.keeping.finished_at_backup = self.finished_count();
    }

    /// The storage notice was dismissed: it does not show again.
    pub fn dismiss_storage_notice(&mut self) {
        self.keeping.notice_dismissed = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::attempt::{Attempt, Mode};

    const NOW: u64 = 1_800_000_000_000;

    fn with_finished(n: usize, at: u64) -> Store {
        let mut s = Store::default();
        for k in 0..n {
            let mut a = Attempt::new("clf-c02", k as u64, Mode::Diagnostic, at, Vec::new());
            a.finished_ms = Some(at);
            s.attempts.push(a);
        }
        s
    }

    #[test]
    fn the_notice_shows_once_there_is_progress_the_browser_may_clear() {
        assert!(
            !storage_notice(&Store::default(), Some(false)),
            "nothing to lose yet"
        );
        let mut s = with_finished(1, NOW);
        assert!(storage_notice(&s, Some(false)));
        assert!(storage_notice(&s, None), "a browser that does not say");
        assert!(!storage_notice(&s, Some(true)), "storage is persisted");
        s.dismiss_storage_notice();
        assert!(!storage_notice(&s, Some(false)));
    }

    #[test]
    fn a_backup_is_due_after_fourteen_days_or_five_attempts() {
        assert_eq!(backup_due(&Store::default(), NOW), None);
        let s = with_finished(1, NOW - 13 * DAY_MS);
        assert_eq!(backup_due(&s, NOW), None);
        let s = with_finished(1, NOW - 14 * DAY_MS);
        assert_eq!(backup_due(&s, NOW), Some(BackupDue::Days(14)));
        let mut s = with_finished(5, NOW);
        assert_eq!(backup_due(&s, NOW), Some(BackupDue::Attempts(5)));
        s.backed_up(NOW);
        assert_eq!(backup_due(&s, NOW + 13 * DAY_MS), None);
        let mut more = with_finished(6, NOW);
        more.keeping = s.keeping;
        assert_eq!(
            backup_due(&more, NOW + 20 * DAY_MS),
            Some(BackupDue::Days(20)),
            "one new attempt, and time"
        );
        assert_eq!(
            backup_due(&s, NOW + 20 * DAY_MS),
            None,
            "nothing new since the backup"
        );
    }
}
