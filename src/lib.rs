//! Cert Diagnostic: a private, instant readiness check for cloud
//! certification exams, running entirely in the browser.
//!
//! `core` is the pure logic; `ui` renders it with Leptos and never holds
//! business rules of its own.

pub mod core;
pub mod ui;
