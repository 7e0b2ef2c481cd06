//! Keeping progress safe (study.md §3): a backup file, a restore that
//! checks the file before it changes anything, and whether the browser
//! agreed to keep this site's storage.

use crate::core::backup;
use crate::core::keeping::{self, BackupDue};
use crate::core::store::Store;
use crate::ui::platform::{chosen_file_text, download, format_time, now_ms, today};
use crate::ui::state::{use_store, Persistence};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Downloads a backup file of everything kept here and notes when; says
/// what happened.
pub fn back_up_now(store: RwSignal<Store>) -> Result<String, String> {
    let now = now_ms();
    let text = store.with(|s| backup::write(s, now));
    let name = backup::file_name(&today());
    download(&name, &text)
        .map(|()| {
            store.update(|s| s.backed_up(now));
            format!("Saved {name}. Keep it somewhere safe; restore it here or in another browser.")
        })
        .map_err(|e| format!("The backup could not be saved: {e}."))
}

/// Backup, restore, and the storage note.
#[component]
pub fn BackupPanel() -> impl IntoView {
    let store = use_store();
    let Persistence(persisted) = expect_context();
    // Ok: what happened; Err: why nothing changed.
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let save = move |_| outcome.set(Some(back_up_now(store)));
    let last = move || {
        store.with(|s| match s.keeping.last_backup_ms {
            Some(at) => format!("Last backup: {}.", format_time(at)),
            None => "No backup made in this browser yet.".to_owned(),
        })
    };
    // Counted at page load: a reminder that appears mid-visit would only
    // distract.
    let now = now_ms();
    let due = move || {
        store.with(|s| keeping::backup_due(s, now)).map(|due| {
            let why = match due {
                BackupDue::Days(d) => format!("It has been {d} days"),
                BackupDue::Attempts(n) => format!("You have finished {n} attempts"),
            };
            view! {
                <p class="reminder" data-testid="backup-reminder">
                    {format!("{why} since your last backup. ")}
                    <button type="button" class="link-button" on:click=move |_| outcome.set(Some(back_up_now(store)))>
                        "Back up now"
                    </button>
                </p>
            }
        })
    };
    let restore = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        spawn_local(async move {
            let result = match chosen_file_text(&input).await {
                Err(e) => Err(format!(
                    "The file could not be read ({e}). Nothing was changed."
                )),
                Ok(text) => match backup::read(&text) {
                    Err(e) => Err(e.to_string()),
                    Ok(theirs) => store
                        .try_update(|s| {
                            let (merged, report) = s.restored(&theirs);
                            *s = merged;
                            report.to_string()
                        })
                        .ok_or_else(|| "Nothing was changed.".to_owned()),
                },
            };
            outcome.set(Some(result));
            // The same file can be chosen again.
            input.set_value("");
        });
    };
    let storage_note = move || {
        match persisted.get() {
        Some(true) => "This browser has agreed to keep this site's data: it is not cleared to free space. A backup still moves it to another device.".to_owned(),
        Some(false) => "This browser has not promised to keep this site's data: some browsers clear a site's storage after days without a visit. Make a backup now and then.".to_owned(),
        None => "This browser does not say whether it keeps this site's data. Make a backup now and then.".to_owned(),
    }
    };
    view! {
        <section class="panel backup" aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Keep your progress safe"</h2>
            <p data-testid="persistence">{storage_note}</p>
            <p data-testid="last-backup">{last}</p>
            {due}
            <p>"A backup file holds everything kept here: attempts, practice, review schedule and settings. Restoring merges it with what is here and never removes anything."</p>
            <div class="actions">
                <button type="button" class="button primary" on:click=save>"Back up to a file"</button>
                <label class="button file-button" for="restore-file">"Restore from a file…"</label>
                <input id="restore-file" class="visually-hidden" type="file" accept=".json,application/json" on:change=restore/>
            </div>
            {move || outcome.get().map(|o| match o {
                Ok(text) => view! { <p class="status-line" role="status" data-testid="restore-outcome">{text}</p> }.into_any(),
                Err(text) => view! { <p class="error" role="alert" data-testid="restore-outcome">{text}</p> }.into_any(),
            })}
        </section>
    }
}
