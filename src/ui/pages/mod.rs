//! One file per page.

pub mod changes;
pub mod exam_start;
pub mod history;
pub mod home;
pub mod not_found;
pub mod practice;
pub mod quiz;
pub mod results;
pub mod shared;
