//! The app shell: contexts, persistence, and the routes.

use crate::core::library;
use crate::core::store::keys;
use crate::ui::banks::{use_bank, BanksLoaded};
use crate::ui::components::site_footer::SiteFooter;
use crate::ui::components::site_header::SiteHeader;
use crate::ui::components::storage_notice::StorageNotice;
use crate::ui::components::update_banner::UpdateBanner;
use crate::ui::offline::{self, UpdateReady};
use crate::ui::page_routes::{
    ChangesRoute, ExamStartRoute, HistoryRoute, HomeRoute, PracticeRoute, QuizRoute, ResultsRoute,
    SharedRoute,
};
use crate::ui::pages::not_found::NotFound;
use crate::ui::persist;
use crate::ui::platform::{after_paint, base_path, measured, now_ms, page_hidden, persist_storage};
use crate::ui::state::{AppStore, Persistence, StorageNotes};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy};

/// The whole app: loads the store, keeps it saved, and routes.
#[component]
pub fn App() -> impl IntoView {
    let (mut loaded, loaded_notes) = persist::load();
    // A timed attempt whose deadline passed while the page was closed
    // finished then, with the answers given (scoring.md §8).
    loaded.expire_overdue(now_ms());
    let store = RwSignal::new(loaded);
    let notes = RwSignal::new(
        loaded_notes
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
    );
    provide_context(AppStore(store));
    provide_context(StorageNotes(notes));
    provide_context(BanksLoaded(RwSignal::new(0)));
    // Sync with the bank fetches: an attempt closed by its deadline is
    // scored once its exam's questions have arrived.
    Effect::new(move |_| {
        let Ok(catalog) = library::catalog() else {
            return;
        };
        for exam in &catalog.exams {
            if store.with_untracked(|s| s.has_pending(&exam.id)) {
                if let Ok(bank) = use_bank(&exam.id) {
                    store.update(|s| {
                        s.score_pending(exam, &bank);
                    });
                }
            }
            // Answers kept before review cards existed get theirs.
            if let Ok(bank) = library::bank(&exam.id) {
                if store.with_untracked(|s| s.lacks_cards(&bank)) {
                    store.update(|s| {
                        s.ensure_cards(exam, &bank);
                    });
                }
                // A card of a revised question reviews its new wording.
                if store.with_untracked(|s| s.has_retired_cards(&bank)) {
                    store.update(|s| {
                        s.carry_cards(&bank);
                    });
                }
            }
        }
    });
    let persisted = RwSignal::new(None::<bool>);
    provide_context(Persistence(persisted));
    // Sync with the browser: after the first finished attempt, ask it to
    // keep this site's storage (study.md §3); until then, only ask whether
    // it does.
    let asked = StoredValue::new((false, false));
    Effect::new(move |_| {
        let any_finished = store.with(|s| s.finished_count() > 0);
        let (queried, requested) = asked.get_value();
        let ask = any_finished && !requested;
        if ask || !queried {
            asked.set_value((true, requested || ask));
            spawn_local(async move {
                persisted.set(persist_storage(ask).await);
            });
        }
    });
    let update_ready = RwSignal::new(false);
    provide_context(UpdateReady(update_ready));
    offline::register(update_ready);

    // Sync with the outside world: every change to the store is written
    // right after the screen has painted it, so the write (which grows with
    // the history) never delays an answer's feedback; changes within one
    // frame are written once. Leaving or hiding the page writes at once, so
    // a reload or a closed tab never loses an answer. A failed write is
    // reported back as a note (once).
    let unsaved = StoredValue::new(false);
    let write = move || {
        if !unsaved.get_value() {
            return;
        }
        unsaved.set_value(false);
        let note = store.with_untracked(|s| measured("cert-diagnostic:save", || persist::save(s)));
        if let Some(note) = note {
            let text = note.to_string();
            if !notes.with_untracked(|n| n.contains(&text)) {
                notes.update(|n| n.push(text));
            }
        }
    };
    Effect::new(move |_| {
        store.track();
        if unsaved.get_value() {
            return;
        }
        unsaved.set_value(true);
        if page_hidden() {
            write();
        } else {
            after_paint(write);
        }
    });
    // The effect runs in the microtasks after the change, before the page
    // can be left, so what is still unwritten then is written here.
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| write());
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if page_hidden() {
            write();
        }
    });
    on_cleanup(move || {
        on_hide.remove();
        on_hidden.remove();
    });

    // Another tab wrote: merge its attempts with ours, so neither tab ever
    // overwrites the other's answers.
    let listener = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
        // A `clear()` in another tab has no key.
        let key = e.key().unwrap_or_else(|| keys::STORE.to_owned());
        if let Some(next) =
            store.with_untracked(|s| persist::from_other_tab(s, &key, e.new_value()))
        {
            if store.with_untracked(|s| *s != next) {
                store.set(next);
            }
        }
    });
    on_cleanup(move || listener.remove());

    view! {
        <Router base=base_path()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader/>
            <UpdateBanner/>
            <StorageNotice/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view={Lazy::<HomeRoute>::new()}/>
                    <Route path=path!("/history") view={Lazy::<HistoryRoute>::new()}/>
                    <Route path=path!("/changes") view={Lazy::<ChangesRoute>::new()}/>
                    <Route path=path!("/shared") view={Lazy::<SharedRoute>::new()}/>
                    <Route path=path!("/exam/:exam") view={Lazy::<ExamStartRoute>::new()}/>
                    <Route path=path!("/exam/:exam/quiz") view={Lazy::<QuizRoute>::new()}/>
                    <Route path=path!("/exam/:exam/practice") view={Lazy::<PracticeRoute>::new()}/>
                    <Route path=path!("/exam/:exam/results") view={Lazy::<ResultsRoute>::new()}/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
