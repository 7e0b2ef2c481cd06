//! The content files validate, and the validator names file, line, question
//! and problem for each rule of shared/spec/content.md.
#![cfg(not(target_arch = "wasm32"))]

use cert_diagnostic::core::content::{
    validate_bank, validate_catalog, Bank, Catalog, ContentError,
};
use std::fs;

fn catalog() -> Catalog {
    toml::from_str(&fs::read_to_string("content/exams.toml").unwrap()).unwrap()
}

#[test]
fn shipped_content_is_valid() {
    let catalog = catalog();
    assert!(validate_catalog(&catalog, "content/exams.toml").is_empty());
    for exam in &catalog.exams {
        let path = format!("content/banks/{}.toml", exam.id);
        let source = fs::read_to_string(&path).unwrap();
        let bank: Bank = toml::from_str(&source).unwrap();
        let errors = validate_bank(exam, &bank, &path, &source);
        assert!(
            errors.is_empty(),
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn catalog_facts_are_the_official_ones() {
    let c = catalog();
    let clf = c.exam("clf-c02").unwrap();
    let weights: Vec<u32> = clf.domains.iter().map(|d| d.weight).collect();
    assert_eq!(weights, vec![24, 30, 34, 12]);
    assert_eq!(
        (
            clf.pass_score,
            clf.questions_total,
            clf.questions_scored,
            clf.minutes
        ),
        (700, 65, 50, Some(90))
    );
    let aip = c.exam("aip-c01").unwrap();
    let weights: Vec<u32> = aip.domains.iter().map(|d| d.weight).collect();
    assert_eq!(weights, vec![31, 26, 20, 12, 11]);
    assert_eq!((aip.pass_score, aip.questions_scored), (750, 65));
    assert!(
        aip.minutes.is_none() && aip.minutes_note.is_some(),
        "AIP-C01's duration is unconfirmed"
    );
    assert!((clf.raw_cut - 0.70).abs() < 1e-9 && (aip.raw_cut - 0.72).abs() < 1e-9);
}

const CATALOG: &str = r#"
[[exam]]
id = "tiny"
code = "TINY"
name = "Tiny"
level = "Foundational"
pass_score = 700
raw_cut = 0.7
questions_total = 10
questions_scored = 10
minutes = 10
practice_target = "t"
practice_line = 750
  [[exam.domain]]
  number = 1
  name = "One"
  weight = 100
    [[exam.domain.task]]
    id = "1.1"
    title = "Task."
"#;

fn question(id: &str, stem: &str, options: &[(&str, bool, &str)]) -> String {
    let mut s = format!("[[question]]\nid = \"{id}\"\ndomain = 1\ntask = \"1.1\"\ndifficulty = \"easy\"\nstem = \"{stem}\"\n");
    for (text, correct, why) in options {
        s += &format!("  [[question.option]]\n  text = \"{text}\"\n  correct = {correct}\n  why = \"{why}\"\n");
    }
    s
}

fn good(id: &str, stem: &str) -> String {
    question(
        id,
        stem,
        &[
            ("A", true, "a"),
            ("B", false, "b"),
            ("C", false, "c"),
            ("D", false, "d"),
        ],
    )
}

fn errors_of(source: &str) -> Vec<ContentError> {
    let catalog: Catalog = toml::from_str(CATALOG).unwrap();
    let bank: Bank = toml::from_str(source).unwrap();
    validate_bank(&catalog.exams[0], &bank, "content/banks/tiny.toml", source)
}

fn assert_one(source: &str, id: &str, needle: &str) {
    let errors = errors_of(source);
    let hit = errors.iter().find(|e| e.message.contains(needle));
    let e = hit.unwrap_or_else(|| panic!("no error containing {needle:?} in {errors:?}"));
    assert_eq!(e.id.as_deref(), Some(id));
    assert!(e.line.is_some(), "names the line");
    let shown = e.to_string();
    assert!(
        shown.starts_with("content/banks/tiny.toml:") && shown.contains(id),
        "{shown}"
    );
}

#[test]
fn a_valid_bank_has_no_errors() {
    let src = [
        good("t-1", "One?"),
        good("t-2", "Two?"),
        good("t-3", "Three?"),
    ]
    .join("\n");
    assert!(errors_of(&src).is_empty(), "{:?}", errors_of(&src));
}

#[test]
fn each_rule_is_enforced() {
    let base = [good("t-2", "Two?"), good("t-3", "Three?")].join("\n");
    let with = |q: String| format!("{base}\n{q}");
    assert_one(
        &with(question(
            "t-1",
            "S?",
            &[("A", true, "a"), ("B", false, "b"), ("C", false, "c")],
        )),
        "t-1",
        "needs 4 options",
    );
    assert_one(
        &with(question(
            "t-1",
            "S?",
            &[
                ("A", false, "a"),
                ("B", false, "b"),
                ("C", false, "c"),
                ("D", false, "d"),
            ],
        )),
        "t-1",
        "no option is marked",
    );
    assert_one(
        &with(question(
            "t-1",
            "S?",
            &[
                ("A", true, "a"),
                ("B", false, ""),
                ("C", false, "c"),
                ("D", false, "d"),
            ],
        )),
        "t-1",
        "has no `why`",
    );
    assert_one(
        &with(question(
            "t-1",
            "S?",
            &[
                ("A", true, "a"),
                ("A", false, "b"),
                ("C", false, "c"),
                ("D", false, "d"),
            ],
        )),
        "t-1",
        "repeats the text",
    );
    assert_one(
        &with(question(
            "t-1",
            "S?",
            &[
                ("A", true, "a"),
                ("B", true, "b"),
                ("C", false, "c"),
                ("D", false, "d"),
                ("E", false, "e"),
            ],
        )),
        "t-1",
        "must end with \"(Choose two.)\"",
    );
    assert_one(
        &with(question(
            "t-1",
            "S? (Choose two.)",
            &[
                ("A", true, "a"),
                ("B", true, "b"),
                ("C", false, "c"),
                ("D", false, "d"),
            ],
        )),
        "t-1",
        "needs 5 or more",
    );
    assert_one(
        &with(question(
            "t-1",
            "S?",
            &[
                ("A", true, "a"),
                ("B", false, "b"),
                ("C", false, "c"),
                ("All of the above", false, "d"),
            ],
        )),
        "t-1",
        "keep_order",
    );
    assert_one(
        &with(good("t-1", "Two?")),
        "t-1",
        "same stem as question t-2",
    );
    assert_one(
        &with(good("t-2", "Other?")),
        "t-2",
        "id used by another question",
    );
    assert_one(&with(good("Bad Id", "Other?")), "Bad Id", "id must be");
    assert_one(
        &with(good("t-1", "S?").replace("domain = 1", "domain = 7")),
        "t-1",
        "has no domain 7",
    );
    assert_one(
        &with(good("t-1", "S?").replace("task = \"1.1\"", "task = \"1.9\"")),
        "t-1",
        "no task statement \"1.9\"",
    );
}

#[test]
fn every_task_needs_three_questions() {
    let errors = errors_of(&[good("t-1", "One?"), good("t-2", "Two?")].join("\n"));
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("task statement 1.1 has 2 questions")),
        "{errors:?}"
    );
}

#[test]
fn a_bad_difficulty_is_a_parse_error_naming_the_line() {
    let src = good("t-1", "S?").replace("\"easy\"", "\"tricky\"");
    let err = toml::from_str::<Bank>(&src).unwrap_err();
    assert!(
        err.message().contains("tricky") || err.message().contains("variant"),
        "{}",
        err.message()
    );
    assert!(err.span().is_some());
}

#[test]
fn catalog_rules() {
    let mut c: Catalog = toml::from_str(CATALOG).unwrap();
    c.exams[0].domains[0].weight = 90;
    c.exams[0].minutes = None;
    let errors = validate_catalog(&c, "content/exams.toml");
    assert!(errors.iter().any(|e| e.message.contains("sum to 90")));
    assert!(errors.iter().any(|e| e.message.contains("minutes_note")));
}

#[test]
fn a_retired_id_is_never_used_again() {
    let source = format!(
        "retired = [\"t-1.1-009\"]\n\n{}{}{}",
        good("t-1.1-001", "One?"),
        good("t-1.1-002", "Two?"),
        good("t-1.1-009", "Back again?")
    );
    assert_one(&source, "t-1.1-009", "retired");
}
