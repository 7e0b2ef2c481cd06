//! Component test in headless Chromium: the results view, mounted with the
//! worked attempt of scoring.md §3 (CLF-C02, all medium, 7 of 10 with one
//! wrong in each of domains 1–3), shows the contract's numbers.
#![cfg(target_arch = "wasm32")]

use cert_diagnostic::core::content::Difficulty;
use cert_diagnostic::core::library;
use cert_diagnostic::core::plan::{plan, PlanSettings};
use cert_diagnostic::core::scoring::{score, GradedItem};
use cert_diagnostic::ui::components::results_view::ResultsView;
use leptos::prelude::*;
use std::collections::BTreeSet;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn text(selector: &str) -> String {
    let doc = web_sys::window().unwrap().document().unwrap();
    doc.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn all_text(selector: &str) -> Vec<String> {
    let doc = web_sys::window().unwrap().document().unwrap();
    let list = doc.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
fn results_view_shows_the_worked_numbers() {
    let exam = library::catalog().unwrap().exam("clf-c02").unwrap();
    let mut items = Vec::new();
    for (domain, n) in [(1u8, 2usize), (2, 3), (3, 4), (4, 1)] {
        for k in 0..n {
            items.push(GradedItem {
                scored: true,
                question: format!("q{domain}{k}"),
                domain,
                task: format!("{domain}.1"),
                difficulty: Difficulty::Medium,
                answered: true,
                correct: k != 0 || domain == 4,
            });
        }
    }
    let report = score(exam, &items);
    let covered: BTreeSet<String> = items.iter().map(|g| g.task.clone()).collect();
    let study = plan(exam, &report, &items, &covered, PlanSettings::default());

    let host = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("div")
        .unwrap();
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap()
        .append_child(&host)
        .unwrap();
    let host: web_sys::HtmlElement = host.unchecked_into();
    let handle = leptos::mount::mount_to(
        host,
        move || view! { <ResultsView report=report.clone() review=Signal::stored(Some(Ok(Vec::new()))) plan=study.clone()/> },
    );

    // scoring.md §3: p = 0.695 → S = 696; §4: Wilson 80 % over 10 → 522–843.
    assert_eq!(text("[data-testid=score]"), "696");
    assert_eq!(text("[data-testid=range]"), "522–843");
    assert_eq!(text("[data-testid=verdict]"), "Borderline");
    // §5: shortfalls 12 / 10 / 8.5 / 0 → domain 1 is the weakest.
    assert!(
        text("[data-testid=weakest]").contains("1 Cloud Concepts"),
        "{}",
        text("[data-testid=weakest]")
    );
    assert_eq!(
        all_text("[data-testid=accuracy]"),
        vec!["50%", "67%", "75%", "100%"]
    );
    // Points at stake: S(0.695 + shortfall/100) − 696 = 815, 795, 780, 696 − 696.
    assert_eq!(
        all_text("[data-testid=stake]"),
        vec!["+119", "+99", "+84", "+0"]
    );
    // §6: shares 30/31/32/7 % of 24 h → 7, 7.5, 7.5, 1.5 h.
    let times = all_text("[data-testid=plan-time]");
    assert_eq!(
        times
            .iter()
            .map(|t| t.trim().to_owned())
            .collect::<Vec<_>>(),
        vec!["30% · 7 h", "31% · 7.5 h", "32% · 7.5 h", "7% · 1.5 h"]
    );
    drop(handle);
}
