//! The pure logic: content, selection, scoring, planning, storage schema and
//! links. Nothing here knows of Leptos or the DOM; randomness and time come
//! in as arguments, so all of it is tested natively.
//!
//! Data flows one way: content → catalog and bank → draw → attempt → score
//! → plan → view.

pub mod attempt;
pub mod backup;
pub mod changes;
pub mod content;
pub mod history;
pub mod keeping;
pub mod layout;
pub mod library;
pub mod link;
pub mod pacing;
pub mod plan;
pub mod practice;
pub mod readiness;
pub mod report;
pub mod review;
pub mod rng;
pub mod schedule;
pub mod scoring;
pub mod select;
pub mod session;
pub mod shipped;
pub mod sort;
pub mod stats;
pub mod store;
pub mod text;

#[cfg(test)]
pub mod testing;
