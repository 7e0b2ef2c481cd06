//! Validates `content/` against shared/spec/content.md and embeds a compact
//! form of it (JSON) for the app. A content error fails the build with the
//! file, line, question id and what is wrong.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs, process};

#[path = "src/core/content.rs"]
#[allow(dead_code)]
mod content;

#[path = "src/core/shipped.rs"]
#[allow(dead_code)]
mod shipped;

#[path = "src/core/sort.rs"]
#[allow(dead_code)]
mod sort;

use content::{Bank, Catalog, ContentError};

fn fail(errors: &[ContentError]) -> ! {
    eprintln!("\nContent check failed ({} problem(s)):", errors.len());
    for e in errors {
        eprintln!("  {e}");
    }
    eprintln!("\nFix the content files above; the rules are in shared/spec/content.md.\n");
    process::exit(1);
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| {
        fail(&[ContentError {
            file: path.display().to_string(),
            line: None,
            id: None,
            message: format!("cannot read: {e}"),
        }])
    })
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path, source: &str) -> T {
    toml::from_str(source).unwrap_or_else(|e: toml::de::Error| {
        let line = e
            .span()
            .map(|s| source[..s.start.min(source.len())].lines().count().max(1));
        fail(&[ContentError {
            file: path.display().to_string(),
            line,
            id: None,
            message: e.message().to_owned(),
        }])
    })
}

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let content_dir = root.join("content");
    println!(
        "cargo:rerun-if-changed={}",
        content_dir.join("exams.toml").display()
    );
    println!(
        "cargo:rerun-if-changed={}",
        content_dir.join("banks").display()
    );
    println!(
        "cargo:rerun-if-changed={}",
        content_dir.join("archive").display()
    );
    // "Checked" dates may not lie in the future of the build.
    let today = content::Date::of_unix_ms(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
    );

    let catalog_path = content_dir.join("exams.toml");
    let catalog_src = read(&catalog_path);
    let mut catalog: Catalog = parse(&catalog_path, &catalog_src);
    // A build may point "Report a problem" elsewhere than [site] says (the
    // end-to-end tests build one such site).
    println!("cargo:rerun-if-env-changed=CERT_REPORT_URL");
    if let Some(url) = env::var("CERT_REPORT_URL").ok().filter(|u| !u.is_empty()) {
        catalog.site.report_url = Some(url);
    }
    let mut errors = content::validate_catalog(&catalog, "content/exams.toml");

    let mut banks = Vec::new();
    for exam in &catalog.exams {
        let rel = format!("content/banks/{}.toml", exam.id);
        let path = root.join(&rel);
        println!("cargo:rerun-if-changed={}", path.display());
        if !path.exists() {
            errors.push(ContentError {
                file: rel,
                line: None,
                id: None,
                message: format!("exam {} is in the catalog but has no bank file", exam.id),
            });
            continue;
        }
        let source = read(&path);
        let mut bank: Bank = parse(&path, &source);
        if !bank.archived.is_empty() {
            errors.push(ContentError {
                file: rel.clone(),
                line: None,
                id: None,
                message: "archived questions go in content/archive/, not in the bank file".into(),
            });
        }
        // Questions revised or retired live on in the archive, so that what
        // was answered with them still shows what was asked.
        let archive_rel = format!("content/archive/{}.toml", exam.id);
        let archive_path = root.join(&archive_rel);
        println!("cargo:rerun-if-changed={}", archive_path.display());
        let archive_source = if archive_path.exists() {
            read(&archive_path)
        } else {
            String::new()
        };
        let archive: Bank = parse(&archive_path, &archive_source);
        bank.archived = archive.questions;
        errors.extend(content::validate_bank(exam, &bank, &rel, &source, today));
        errors.extend(content::validate_archive(
            exam,
            &bank,
            &archive_rel,
            &archive_source,
        ));
        banks.push((exam.id.clone(), bank.reflowed()));
    }
    if !errors.is_empty() {
        fail(&errors);
    }
    // The benchmark builds with banks n times the size, to show that what
    // the first question needs does not grow with the bank.
    println!("cargo:rerun-if-env-changed=CERT_BANK_SCALE");
    if let Some(n) = env::var("CERT_BANK_SCALE")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        for (_, bank) in &mut banks {
            *bank = scaled(bank, n);
        }
    }

    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let write = |name: &str, text: &str| {
        fs::write(out.join(name), text).unwrap_or_else(|e| panic!("cannot write {name}: {e}"));
    };
    write("catalog.json", &to_json(&catalog));

    // Natively (tests, bank-stats) the banks are embedded whole. The web
    // app fetches each exam's index when that exam is opened and the
    // pieces as their questions are shown, from files named by content
    // hash; the post-build hook copies the files listed in
    // banks/manifest.json (beside the target's profile dir) into the site.
    let wasm = env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    let site_banks = out.ancestors().nth(3).map(|profile| profile.join("banks"));
    if let (true, Some(dir)) = (wasm, &site_banks) {
        fs::create_dir_all(dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    }
    let mut files = String::from("/// Each exam's index file (for the web app), by exam id, with its content hash.\npub static BANK_FILES: &[(&str, &str, &str)] = &[\n");
    let mut embedded = String::from("/// Each exam's bank as compact JSON, by exam id (native builds).\n#[cfg(not(target_arch = \"wasm32\"))]\npub static BANKS: &[(&str, &str)] = &[\n");
    let mut manifest = std::collections::BTreeMap::new();
    for (id, bank) in &banks {
        let name = format!("bank-{id}.json");
        write(&name, &to_json(bank));
        let (index, pieces) = shipped::split(bank)
            .unwrap_or_else(|e| panic!("cannot serialise the bank of {id}: {e}"));
        let index_json = to_json(&index);
        let hash = content::content_hash(&index_json);
        let file = shipped::index_file(id, &hash);
        let mut site_files = vec![(file.clone(), index_json)];
        for (k, (piece, piece_hash)) in pieces.into_iter().zip(&index.pieces).enumerate() {
            site_files.push((shipped::piece_file(id, k, piece_hash), piece));
        }
        if let (true, Some(dir)) = (wasm, &site_banks) {
            for (file, text) in &site_files {
                fs::write(dir.join(file), text)
                    .unwrap_or_else(|e| panic!("cannot write {file}: {e}"));
            }
        }
        manifest.insert(
            id.clone(),
            site_files.into_iter().map(|(f, _)| f).collect::<Vec<_>>(),
        );
        let _ = writeln!(files, "    ({id:?}, {file:?}, {hash:?}),");
        let _ = writeln!(
            embedded,
            "    ({id:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{name}\"))),"
        );
    }
    files.push_str("];\n");
    embedded.push_str("];\n");
    write("banks.rs", &format!("{files}\n{embedded}"));
    if let (true, Some(dir)) = (wasm, &site_banks) {
        fs::write(dir.join("manifest.json"), to_json(&manifest))
            .unwrap_or_else(|e| panic!("cannot write the bank manifest: {e}"));
    }
}

/// The bank with `n` times the questions: each copy gets new ids in the
/// same shape (`clf-1.1-101` for the first copy of `clf-1.1-001`,
/// `clf-1.1-101-r2` of `clf-1.1-001-r2`), so the index grows as a real
/// bank's would.
fn scaled(bank: &Bank, n: usize) -> Bank {
    let mut out = bank.clone();
    for copy in 1..n {
        for q in &bank.questions {
            let mut q = q.clone();
            let (base, revision) = match q.id.rsplit_once("-r") {
                Some((base, r)) if r.parse::<u32>().is_ok() => (base, format!("-r{r}")),
                _ => (q.id.as_str(), String::new()),
            };
            let (stem_id, number) = base.rsplit_once('-').unwrap_or((base, "0"));
            let number: usize = number.parse().unwrap_or(0);
            q.id = format!("{stem_id}-{:03}{revision}", number + 100 * copy);
            q.stem = format!("{} (copy {copy})", q.stem);
            out.questions.push(q);
        }
    }
    out
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| panic!("cannot serialise content: {e}"))
}
