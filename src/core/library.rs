//! The content the build validated: the catalog (embedded), and each exam's
//! bank — embedded whole in native builds; in the web app, fetched as an
//! index when an exam is opened and then piece by piece as questions are
//! shown (see `shipped`), each file checked against its hash and installed
//! here. Parsing and checking stay here; fetching is the UI's business.

use super::content::{content_hash, Bank, Catalog};
use super::shipped::{fill, piece_file, Body, Index};
use super::sort;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};

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
        .map_or_else(|| id.to_ascii_uppercase(), |e| e.code.clone())
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
    /// The network failed on the way (offline, most often): the page asks
    /// again by itself, so this passes once the connection is back.
    Unreachable,
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
            BankError::Unreachable => f.write_str(
                "The questions could not be loaded: you seem to be offline. They will appear here once the connection is back.",
            ),
        }
    }
}

impl std::error::Error for BankError {}

/// The file (relative to the site's `banks/`) holding an exam's index.
pub fn index_file(exam_id: &str) -> Option<&'static str> {
    BANK_FILES
        .iter()
        .find(|(id, _, _)| *id == exam_id)
        .map(|(_, file, _)| *file)
}

/// The version of an exam's bank as shipped: its index's content hash.
pub fn bank_version(exam_id: &str) -> Option<&'static str> {
    BANK_FILES
        .iter()
        .find(|(id, _, _)| *id == exam_id)
        .map(|(_, _, hash)| *hash)
}

/// One exam's bank as far as it has arrived: every question's key (from
/// the index, or the whole bank natively), and the words of the pieces
/// installed so far.
#[derive(Debug, Clone)]
pub struct Shelf {
    exam: String,
    index: Option<Index>,
    bank: Arc<Bank>,
    have: Vec<bool>,
}

impl Shelf {
    /// A bank that is here whole (native builds embed it).
    pub fn whole(exam_id: &str, bank: Bank) -> Shelf {
        Shelf {
            exam: exam_id.to_owned(),
            index: None,
            bank: Arc::new(bank),
            have: Vec::new(),
        }
    }

    /// An index as fetched, checked against the hash this build expects.
    pub fn from_index(exam_id: &str, json: &str, expected_hash: &str) -> Result<Shelf, BankError> {
        if content_hash(json) != expected_hash {
            return Err(BankError::Damaged(
                "the file does not match this version of the site".into(),
            ));
        }
        let index: Index =
            serde_json::from_str(json).map_err(|e| BankError::Damaged(e.to_string()))?;
        Ok(Shelf {
            exam: exam_id.to_owned(),
            have: vec![false; index.pieces.len()],
            bank: Arc::new(index.headers()),
            index: Some(index),
        })
    }

    /// The bank with the words that have arrived.
    pub fn bank(&self) -> Arc<Bank> {
        Arc::clone(&self.bank)
    }

    /// The pieces (number, file name) still needed for the words of these
    /// questions; ids not in the bank need none.
    pub fn missing<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Vec<(usize, String)> {
        let Some(index) = &self.index else {
            return Vec::new();
        };
        let mut wanted: Vec<usize> = ids
            .into_iter()
            .filter_map(|id| index.piece_of(id))
            .filter(|&k| !self.have.get(k).copied().unwrap_or(true))
            .collect();
        sort::sort(&mut wanted);
        wanted.dedup();
        wanted
            .into_iter()
            .map(|k| (k, piece_file(&self.exam, k, &index.pieces[k])))
            .collect()
    }

    /// Checks a fetched piece against the index's hash and adds its words.
    pub fn install_piece(&mut self, k: usize, json: &str) -> Result<(), BankError> {
        let Some(index) = &self.index else {
            return Ok(());
        };
        if self.have.get(k).copied().unwrap_or(false) {
            return Ok(());
        }
        let hash = index
            .pieces
            .get(k)
            .ok_or_else(|| BankError::Damaged(format!("there is no piece {k}")))?;
        if content_hash(json) != *hash {
            return Err(BankError::Damaged(
                "a file does not match this version of the site".into(),
            ));
        }
        let piece: Vec<Body> =
            serde_json::from_str(json).map_err(|e| BankError::Damaged(e.to_string()))?;
        // Readers hold the previous bank; they see the words on their next
        // read, and the old copy goes when the last of them lets go.
        let mut bank = (*self.bank).clone();
        fill(&mut bank, k, piece).map_err(BankError::Damaged)?;
        self.bank = Arc::new(bank);
        self.have[k] = true;
        Ok(())
    }
}

fn shelves() -> &'static Mutex<HashMap<String, Shelf>> {
    static SHELVES: OnceLock<Mutex<HashMap<String, Shelf>>> = OnceLock::new();
    SHELVES.get_or_init(|| Mutex::new(HashMap::new()))
}

fn with_shelves<T>(f: impl FnOnce(&mut HashMap<String, Shelf>) -> T) -> Result<T, BankError> {
    let mut map = shelves()
        .lock()
        .map_err(|_| BankError::Damaged("internal lock".into()))?;
    Ok(f(&mut map))
}

/// Checks a fetched index and keeps it for the rest of the session.
pub fn install_index(exam_id: &str, json: &str) -> Result<(), BankError> {
    let expected = BANK_FILES
        .iter()
        .find(|(id, _, _)| *id == exam_id)
        .map(|(_, _, hash)| *hash)
        .ok_or_else(|| BankError::Missing(exam_id.to_owned()))?;
    let shelf = Shelf::from_index(exam_id, json, expected)?;
    with_shelves(|m| {
        m.entry(exam_id.to_owned()).or_insert(shelf);
    })
}

/// Checks a fetched piece of an exam's bank and adds its words.
pub fn install_piece(exam_id: &str, k: usize, json: &str) -> Result<(), BankError> {
    with_shelves(|m| match m.get_mut(exam_id) {
        Some(shelf) => shelf.install_piece(k, json),
        None => Err(BankError::Loading),
    })?
}

/// The pieces still needed for the words of these questions.
pub fn missing_pieces<'a>(
    exam_id: &str,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<Vec<(usize, String)>, BankError> {
    bank(exam_id)?;
    with_shelves(|m| m.get(exam_id).map(|s| s.missing(ids)).unwrap_or_default())
}

/// The bank of one exam, if its index (or, natively, the whole bank) is at
/// hand: every key, and the words of the pieces that have arrived.
pub fn bank(exam_id: &str) -> Result<Arc<Bank>, BankError> {
    if let Some(b) = with_shelves(|m| m.get(exam_id).map(Shelf::bank))? {
        return Ok(b);
    }
    embedded(exam_id)
}

#[cfg(not(target_arch = "wasm32"))]
fn embedded(exam_id: &str) -> Result<Arc<Bank>, BankError> {
    let json = BANKS
        .iter()
        .find(|(id, _)| *id == exam_id)
        .map(|(_, json)| *json)
        .ok_or_else(|| BankError::Missing(exam_id.to_owned()))?;
    let bank: Bank = serde_json::from_str(json).map_err(|e| BankError::Damaged(e.to_string()))?;
    with_shelves(|m| {
        m.entry(exam_id.to_owned())
            .or_insert_with(|| Shelf::whole(exam_id, bank))
            .bank()
    })
}

#[cfg(target_arch = "wasm32")]
fn embedded(exam_id: &str) -> Result<Arc<Bank>, BankError> {
    if index_file(exam_id).is_some() {
        Err(BankError::Loading)
    } else {
        Err(BankError::Missing(exam_id.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::shipped::split;

    #[test]
    fn every_catalog_exam_has_an_index_file_and_embedded_bank() {
        for exam in &catalog().unwrap().exams {
            assert!(index_file(&exam.id)
                .is_some_and(|f| f.starts_with(&exam.id) && f.ends_with(".json")));
            assert!(!bank(&exam.id).unwrap().questions.is_empty());
        }
        assert_eq!(bank("nope").err(), Some(BankError::Missing("nope".into())));
    }

    #[test]
    fn the_web_path_fills_the_words_in_as_pieces_arrive() {
        let whole = (*bank("clf-c02").unwrap()).clone();
        let (index, pieces) = split(&whole).unwrap();
        let json = serde_json::to_string(&index).unwrap();
        let mut shelf = Shelf::from_index("clf-c02", &json, &content_hash(&json)).unwrap();
        let first = whole.questions[0].id.as_str();
        let later = whole.questions[whole.questions.len() - 1].id.as_str();
        let needed = shelf.missing([first, later, first, "nope"]);
        assert_eq!(needed.len(), 2);
        assert_eq!(needed[0].0, 0);
        assert!(needed[0].1.starts_with("clf-c02-") && needed[0].1.contains(&index.pieces[0]));
        assert!(shelf.bank().questions[0].stem.is_empty());
        shelf.install_piece(0, &pieces[0]).unwrap();
        assert_eq!(shelf.bank().questions[0], whole.questions[0]);
        assert_eq!(shelf.missing([first, later]), vec![needed[1].clone()]);
        for (k, p) in pieces.iter().enumerate() {
            shelf.install_piece(k, p).unwrap();
        }
        assert_eq!(*shelf.bank(), whole);
        assert!(shelf.missing([first, later]).is_empty());
    }

    #[test]
    fn files_that_do_not_match_their_hashes_are_refused() {
        let whole = (*bank("clf-c02").unwrap()).clone();
        let (index, pieces) = split(&whole).unwrap();
        let json = serde_json::to_string(&index).unwrap();
        let hash = content_hash(&json);
        assert!(matches!(
            Shelf::from_index("clf-c02", &format!("{json} "), &hash),
            Err(BankError::Damaged(_))
        ));
        let mut shelf = Shelf::from_index("clf-c02", &json, &hash).unwrap();
        assert!(matches!(
            shelf.install_piece(0, &pieces[1]),
            Err(BankError::Damaged(_))
        ));
        assert!(matches!(
            shelf.install_piece(0, "[]"),
            Err(BankError::Damaged(_))
        ));
        assert!(
            shelf.bank().questions[0].stem.is_empty(),
            "nothing was half-installed"
        );
    }
}
