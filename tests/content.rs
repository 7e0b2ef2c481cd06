//! The content files validate, and the validator names file, line, question
//! and problem for each rule of shared/spec/content.md.
#![cfg(not(target_arch = "wasm32"))]

use cert_diagnostic::core::content::{
    validate_archive, validate_bank, validate_catalog, Bank, Catalog, ContentError, Date,
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
        let mut bank: Bank = toml::from_str(&source).unwrap();
        let archive_path = format!("content/archive/{}.toml", exam.id);
        let archive_source = fs::read_to_string(&archive_path).unwrap_or_default();
        let archive: Bank = toml::from_str(&archive_source).unwrap();
        bank.archived = archive.questions;
        // As the build checks it: no `checked` date after today's.
        let mut errors = validate_bank(exam, &bank, &path, &source, clock_today());
        errors.extend(validate_archive(
            exam,
            &bank,
            &archive_path,
            &archive_source,
        ));
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

fn clock_today() -> Date {
    Date::of_unix_ms(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
    )
}

fn today() -> Date {
    "2026-12-05".parse().unwrap()
}

fn errors_of(source: &str) -> Vec<ContentError> {
    errors_with_archive(source, "")
}

fn errors_with_archive(source: &str, archive: &str) -> Vec<ContentError> {
    let mut catalog: Catalog = toml::from_str(CATALOG).unwrap();
    catalog.exams[0].guide_date = Some("2025-01-01".parse().unwrap());
    let mut bank: Bank = toml::from_str(source).unwrap();
    bank.archived = toml::from_str::<Bank>(archive).unwrap().questions;
    let exam = &catalog.exams[0];
    let mut errors = validate_bank(exam, &bank, "content/banks/tiny.toml", source, today());
    errors.extend(validate_archive(
        exam,
        &bank,
        "content/archive/tiny.toml",
        archive,
    ));
    errors
}

/// `q` with `lines` added after its stem (fields before the options).
fn with(q: &str, lines: &str) -> String {
    q.replacen(
        "\n  [[question.option]]",
        &format!("\n{lines}\n  [[question.option]]"),
        1,
    )
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

#[test]
fn excludes_must_name_questions_of_the_bank_both_ways() {
    let three = |a: &str, b: &str| {
        format!(
            "{}{}{}",
            with(&good("t-1.1-001", "One?"), a),
            with(&good("t-1.1-002", "Two?"), b),
            good("t-1.1-003", "Three?")
        )
    };
    assert!(errors_of(&three(
        "excludes = [\"t-1.1-002\"]",
        "excludes = [\"t-1.1-001\"]"
    ))
    .is_empty());
    assert_one(
        &three("excludes = [\"t-1.1-002\"]", ""),
        "t-1.1-001",
        "does not exclude it back",
    );
    assert_one(
        &three("excludes = [\"t-1.1-404\"]", ""),
        "t-1.1-001",
        "not a question of this bank",
    );
    assert_one(
        &three("excludes = [\"t-1.1-001\"]", ""),
        "t-1.1-001",
        "excludes itself",
    );
}

#[test]
fn checked_dates_are_real_past_and_after_the_guide() {
    let bank = |date: &str| {
        format!(
            "{}{}{}",
            with(&good("t-1.1-001", "One?"), &format!("checked = \"{date}\"")),
            good("t-1.1-002", "Two?"),
            good("t-1.1-003", "Three?")
        )
    };
    assert!(errors_of(&bank("2026-12-05")).is_empty());
    assert_one(&bank("2027-01-02"), "t-1.1-001", "in the future");
    assert_one(&bank("2024-06-30"), "t-1.1-001", "before the exam guide");
    // Not a date at all: the parser names it.
    let err = toml::from_str::<Bank>(&bank("2026-02-30")).unwrap_err();
    assert!(err.to_string().contains("not a real date"), "{err}");
    let err = toml::from_str::<Bank>(&bank("5 Dec 2026")).unwrap_err();
    assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn a_revision_points_to_its_archived_question_and_back() {
    let bank = format!(
        "{}{}{}",
        with(
            &good("t-1.1-001-r2", "One, better?"),
            "revises = \"t-1.1-001\""
        ),
        good("t-1.1-002", "Two?"),
        good("t-1.1-003", "Three?")
    );
    let archived = |replaced_by: &str| {
        with(
            &good("t-1.1-001", "One?"),
            &format!("retired = {{ on = \"2026-12-05\", why = \"Options gave the key away.\"{replaced_by} }}"),
        )
    };
    assert!(errors_with_archive(&bank, &archived(", replaced_by = \"t-1.1-001-r2\"")).is_empty());
    let errors = errors_with_archive(&bank, &archived(""));
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("was replaced by None")),
        "{errors:?}"
    );
    let errors = errors_with_archive(&bank, "");
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("not in the archive")),
        "{errors:?}"
    );
    let errors = errors_with_archive(&bank, &archived(", replaced_by = \"t-1.1-404\""));
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("neither in the bank nor the archive")),
        "{errors:?}"
    );
    // An archived question without its reason, or still in the bank.
    let bare = good("t-1.1-002", "Two?");
    let errors = errors_with_archive(
        &bank,
        &format!("{}{bare}", archived(", replaced_by = \"t-1.1-001-r2\"")),
    );
    assert!(
        errors.iter().any(|e| e.message.contains("needs `retired")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("both in the bank and in the archive")),
        "{errors:?}"
    );
}
