//! The content the build validated and embedded: the catalog, and each
//! exam's bank, parsed on first use.

use super::content::{Bank, Catalog};
use std::collections::HashMap;
use std::sync::OnceLock;

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

/// The embedded bank of one exam, parsed the first time it is asked for
/// (only the chosen exam's bank is ever parsed).
pub fn bank(exam_id: &str) -> Result<&'static Bank, String> {
    type Slot = OnceLock<Result<Bank, String>>;
    static SLOTS: OnceLock<HashMap<&'static str, (&'static str, Slot)>> = OnceLock::new();
    let slots = SLOTS.get_or_init(|| {
        BANKS
            .iter()
            .map(|&(id, json)| (id, (json, Slot::new())))
            .collect()
    });
    let (json, slot) = slots
        .get(exam_id)
        .ok_or_else(|| format!("there is no question bank for exam {exam_id:?}"))?;
    slot.get_or_init(|| {
        serde_json::from_str(json)
            .map_err(|e| format!("the {exam_id} question bank is damaged: {e}"))
    })
    .as_ref()
    .map_err(Clone::clone)
}
