//! Each page as a route of its own. In the split build (feature `split`,
//! which `index.html` asks Trunk for) every page's code becomes a separate
//! WebAssembly chunk, fetched the first time its route is entered, so a
//! page loads only its own code. Without the feature (native tests, the
//! browser component tests, a plain `cargo build`) the same routes are
//! linked into the one module: the app behaves the same either way.

use crate::ui::pages::changes::ChangesPage;
use crate::ui::pages::exam_start::ExamStartPage;
use crate::ui::pages::history::HistoryPage;
use crate::ui::pages::home::HomePage;
use crate::ui::pages::practice::PracticePage;
use crate::ui::pages::quiz::QuizPage;
use crate::ui::pages::results::ResultsPage;
use crate::ui::pages::shared::SharedPage;
use crate::ui::platform::{reload, remove_first_screen};
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// The page's view, in place of the static first screen the HTML came with
/// (scripts/postbuild.py). That copy stays until the page's own code has
/// arrived and drawn it, and the app around it stays hidden until then
/// (style/main.css), so nothing on screen moves while a chunk loads.
fn page_view(view: AnyView) -> AnyView {
    remove_first_screen();
    view
}

/// The page shown when a page's code could not be fetched (a dropped
/// connection on a first visit): the app stays alive, and going to the page
/// again, or reloading, tries once more.
fn unavailable_view() -> AnyView {
    remove_first_screen();
    view! {
        <section class="panel" role="alert">
            <h1 id="page-title" tabindex="-1">"This page could not be loaded"</h1>
            <p>"Its code did not arrive: the connection may have dropped. Your saved progress is untouched."</p>
            <p><button class="button primary" type="button" on:click=|_| reload()>"Try again"</button></p>
        </section>
    }
    .into_any()
}

/// A page's code that could not be fetched.
pub struct Unavailable;

impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// Declares `$route`, the route that shows the page component `$page`; in
/// the split build its code goes into the chunk `$module` (entered through
/// `$chunk`), fetched by `$fetch`.
// rustfmt re-indents attribute arguments inside a macro on every run.
#[rustfmt::skip]
macro_rules! page_route {
    ($route:ident, $page:ident, $module:ident, $chunk:ident, $fetch:ident) => {
        #[doc = concat!("The route that shows [`", stringify!($page), "`].")]
        pub struct $route;

        // A chunk that fails to arrive is an error to show, never a panic
        // (which would stop the whole app): hence `fallible`, not
        // leptos's `lazy_route`.
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split(
            $module,
            wasm_split_path = ::leptos::wasm_split,
            preload($fetch),
            fallible
        )]
        fn $chunk(this: $route) -> Result<AnyView, Unavailable> {
            let $route = this;
            Ok(page_view(view! { <$page/> }.into_any()))
        }

        #[cfg(not(feature = "split"))]
        #[allow(clippy::unnecessary_wraps, clippy::unused_async)]
        async fn $chunk(this: $route) -> Result<AnyView, Unavailable> {
            let $route = this;
            Ok(page_view(view! { <$page/> }.into_any()))
        }

        #[cfg(not(feature = "split"))]
        #[allow(clippy::unnecessary_wraps, clippy::unused_async)]
        async fn $fetch() -> Result<(), Unavailable> {
            Ok(())
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(this: Self) -> AnyView {
                $chunk(this)
                    .await
                    .unwrap_or_else(|Unavailable| unavailable_view())
            }

            async fn preload() {
                // A prefetch that fails is tried again when the page is opened.
                let _ = $fetch().await;
            }
        }
    };
}

// Pages are grouped by the journeys that open them, one chunk per group:
// code that several groups use becomes a chunk of its own for each set of
// groups, so one chunk per page cut the wasm finer than a page needs and a
// page needed 40-80 requests (README, benchmark). Four groups keep that to
// eleven shared chunks at most (ten today); the results have a group of
// their own because a cold question need not carry them (79 KB less).
//
// Browsing: the pages a visitor reads before and between attempts.
page_route!(HomeRoute, HomePage, browse, home_chunk, fetch_home);
page_route!(
    HistoryRoute,
    HistoryPage,
    browse,
    history_chunk,
    fetch_history
);
page_route!(
    ChangesRoute,
    ChangesPage,
    browse,
    changes_chunk,
    fetch_changes
);
page_route!(
    ExamStartRoute,
    ExamStartPage,
    browse,
    exam_start_chunk,
    fetch_exam_start
);
// An attempt: answering and practising.
page_route!(QuizRoute, QuizPage, attempt, quiz_chunk, fetch_quiz);
page_route!(
    PracticeRoute,
    PracticePage,
    attempt,
    practice_chunk,
    fetch_practice
);
// Finishing: the results of an attempt, with its plan and charts, which
// answering a question never needs.
page_route!(
    ResultsRoute,
    ResultsPage,
    finish,
    results_chunk,
    fetch_results
);
// A result a friend shared: opened alone, often on a phone.
page_route!(SharedRoute, SharedPage, shared, shared_chunk, fetch_shared);
