//! The content the build validated: the catalog (embedded), and each exam's
//! bank — embedded in native builds, fetched by the web app when an exam is
//! opened and installed here (so the first visit downloads no bank it does
//! not need). Parsing and checking stay here; fetching is the UI's business.

use super::content::{content_hash, Bank, Catalog};
use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, OnceLock};

include!(concat!(env!("OUT_DIR"), "/banks.rs"));

static CATALOG_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));

/// The embedded catalog. The build checked it, so an error here means a
/// broken build, and is shown as such rather than panicking.
pub fn catalog() -> Result<&'static Catalog, String> {
    static CATALOG: OnceLock<Result<Catalog, String>> = OnceLock::new();
    CATALOG
        .get_or_init(|| {
            serde_json::from_str(CATALOG_JSON)
                .map_err(|e| format!("the exam catalog is damaged: {e}"))
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// An exam's code ("CLF-C02") by id; the id upper-cased for an exam this
/// version no longer lists (an old attempt still shows).
pub fn exam_code(id: &str) -> String {
    catalog()
        .ok()
        .and_then(|c| c.exam(id))
        .map_or_else(|| id.to_uppercase(), |e| e.code.clone())
}

/// Why a bank is not at hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankError {
    /// Not fetched yet (web app): ask again once it is installed.
    Loading,
    /// No such exam here.
    Missing(String),
    /// What arrived is not the bank this build expects.
    Damaged(String),
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BankError::Loading => f.write_str("The questions are still loading."),
            BankError::Missing(id) => write!(f, "There is no question bank for exam \"{id}\"."),
            BankError::Damaged(why) => write!(
                f,
                "The questions could not be loaded ({why}). Check your connection and reload the page."
            ),
        }
    }
}

impl std::error::Error for BankError {}

/// The file (relative to the site's root) holding an exam's bank.
pub fn bank_file(exam_id: &str) -> Option<&'static str> {
    BANK_FILES
        .iter()
        .find(|(id, _, _)| *id == exam_id)
        .map(|(_, file, _)| *file)
}

fn installed() -> &'static Mutex<HashMap<String, &'static Bank>> {
    static INSTALLED: OnceLock<Mutex<HashMap<String, &'static Bank>>> = OnceLock::new();
    INSTALLED.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Checks a fetched bank against the hash this build expects, parses it
/// and keeps it for the rest of the session.
pub fn install_bank(exam_id: &str, json: &str) -> Result<&'static Bank, BankError> {
    let expected = BANK_FILES
        .iter()
        .find(|(id, _, _)| *id == exam_id)
        .map(|(_, _, hash)| *hash)
        .ok_or_else(|| BankError::Missing(exam_id.to_owned()))?;
    if content_hash(json) != expected {
        return Err(BankError::Damaged(
            "the file does not match this version of the site".into(),
        ));
    }
    let bank: Bank = serde_json::from_str(json).map_err(|e| BankError::Damaged(e.to_string()))?;
    // One bank per exam for the life of the page: leaking it gives every
    // view a plain `&'static` to read from.
    let bank: &'static Bank = Box::leak(Box::new(bank));
    let mut map = installed()
        .lock()
        .map_err(|_| BankError::Damaged("internal lock".into()))?;
    Ok(*map.entry(exam_id.to_owned()).or_insert(bank))
}

/// The bank of one exam, if it is at hand.
pub fn bank(exam_id: &str) -> Result<&'static Bank, BankError> {
    if let Some(b) = installed()
        .lock()
        .ok()
        .and_then(|m| m.get(exam_id).copied())
    {
        return Ok(b);
    }
    embedded(exam_id)
}

#[cfg(not(target_arch = "wasm32"))]
fn embedded(exam_id: &str) -> Result<&'static Bank, BankError> {
    let json = BANKS
        .iter()
        .find(|(id, _)| *id == exam_id)
        .map(|(_, json)| *json)
        .ok_or_else(|| BankError::Missing(exam_id.to_owned()))?;
    install_bank(exam_id, json)
}

#[cfg(target_arch = "wasm32")]
fn embedded(exam_id: &str) -> Result<&'static Bank, BankError> {
    if bank_file(exam_id).is_some() {
        Err(BankError::Loading)
    } else {
        Err(BankError::Missing(exam_id.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalog_exam_has_a_bank_file_and_embedded_bank() {
        for exam in &catalog().unwrap().exams {
            assert!(bank_file(&exam.id)
                .is_some_and(|f| f.starts_with(&exam.id) && f.ends_with(".json")));
            assert!(!bank(&exam.id).unwrap().questions.is_empty());
        }
        assert_eq!(bank("nope"), Err(BankError::Missing("nope".into())));
    }

    #[test]
    fn a_bank_that_does_not_match_its_hash_is_refused() {
        let json = BANKS[0].1;
        let mut altered = json.to_owned();
        altered.push(' ');
        assert!(matches!(
            install_bank(BANKS[0].0, &altered),
            Err(BankError::Damaged(_))
        ));
        assert!(install_bank(BANKS[0].0, json).is_ok());
    }
}
