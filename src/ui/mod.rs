//! The Leptos view: pages, components, and the thin glue to the browser
//! (storage, time, randomness). Business rules live in `crate::core`.

pub mod app;
pub mod banks;
pub mod components;
pub mod error;
pub mod offline;
pub mod page_routes;
pub mod pages;
pub mod persist;
pub mod platform;
pub mod routes;
pub mod state;

pub use app::App;
