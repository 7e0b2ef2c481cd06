//! Prints the shape of every question bank: counts per domain, task,
//! difficulty and kind; where the correct answers sit; how often the correct
//! option is the longest or shortest; the cheap cues of content.md rule 3,
//! for the whole bank and for the questions that passed the reading;
//! near-duplicate stems.
//!
//! Run: `cargo run --bin bank-stats`

use cert_diagnostic::core::content::Difficulty;
use cert_diagnostic::core::library;
use cert_diagnostic::core::stats::bank_stats;
use std::process::ExitCode;

fn main() -> ExitCode {
    let catalog = match library::catalog() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for exam in &catalog.exams {
        let bank = match library::bank(&exam.id) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        let s = bank_stats(exam, &bank);
        println!("== {} ({}): {} questions", exam.code, exam.name, s.total);
        println!("  domain  questions  share   exam weight");
        for (d, n, share, weight) in &s.domains {
            println!("  {d:>6}  {n:>9}  {share:>5.1}%  {weight:>5}%");
        }
        let tasks: Vec<String> = s.tasks.iter().map(|(t, n)| format!("{t}:{n}")).collect();
        println!("  per task: {}", tasks.join("  "));
        let diff: Vec<String> = Difficulty::ALL
            .iter()
            .map(|&d| {
                format!(
                    "{d} {} ({:.0}%)",
                    s.difficulty.get(&d).copied().unwrap_or(0),
                    s.difficulty_percent(d)
                )
            })
            .collect();
        println!("  difficulty: {}", diff.join(" · "));
        println!(
            "  kind: single-answer {} · multiple-response {} ({:.0}%)",
            s.single,
            s.multi,
            s.multi_percent()
        );
        println!(
            "  correct option position (single-answer, as written; shown shuffled): A {} · B {} · C {} · D {}",
            s.answer_positions[0], s.answer_positions[1], s.answer_positions[2], s.answer_positions[3]
        );
        println!(
            "  correct option is the longest: {} of {} ({:.0}%)",
            s.correct_longest,
            s.single,
            s.correct_longest_percent()
        );
        println!(
            "  stem-answer overlap tell (single-answer): {:.0}% · easy {:.0}% · medium {:.0}% · hard {:.0}%",
            s.overlap_percent(None),
            s.overlap_percent(Some(Difficulty::Easy)),
            s.overlap_percent(Some(Difficulty::Medium)),
            s.overlap_percent(Some(Difficulty::Hard))
        );
        for (label, c) in [
            ("all questions", &s.cues),
            ("passed the reading (checked)", &s.cues_checked),
        ] {
            println!(
                "  cues, {label}: {} questions · key longest {:.0}% · key shortest {:.0}% (chance 25%) · key alone echoes the stem {:.0}% · absolute only in distractors {}",
                c.questions,
                c.longest_percent(),
                c.shortest_percent(),
                c.echo_percent(),
                c.absolute_tells.len()
            );
        }
        println!("  near-duplicate stems: {}", s.near_duplicates.len());
        for (a, b, sim) in &s.near_duplicates {
            println!("    {a} ~ {b} ({sim:.2})");
        }
        println!();
    }
    ExitCode::SUCCESS
}
