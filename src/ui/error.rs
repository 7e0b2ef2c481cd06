//! The error type views show through `ErrorBoundary`.

use std::fmt;

/// Something the page cannot show, said in words a test-taker can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppError(pub String);

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for AppError {}

impl From<String> for AppError {
    fn from(s: String) -> Self {
        AppError(s)
    }
}
