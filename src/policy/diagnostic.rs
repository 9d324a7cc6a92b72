//! What the checker tells the user: a severity, where (byte span plus 1-based line and column
//! in characters) and a message that says what to do.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

pub use super::lines::line_column;

/// A byte range into the statement text. Spans never cross statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        })
    }
}

/// One finding about one statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A short stable rule name, e.g. `expected-token`, `unknown-group`.
    pub code: &'static str,
    pub span: Span,
    /// 1-based line of `span.start` within the statement text.
    pub line: usize,
    /// 1-based column of `span.start`, counted in characters.
    pub column: usize,
    pub message: String,
}

impl Diagnostic {
    /// Builds a diagnostic and works out its line and column from `source`.
    pub fn new(
        source: &str,
        severity: Severity,
        code: &'static str,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        let (line, column) = line_column(source, span.start);
        Self {
            severity,
            code,
            span,
            line,
            column,
            message: message.into(),
        }
    }

    pub fn error(source: &str, code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Self::new(source, Severity::Error, code, span, message)
    }

    pub fn warning(
        source: &str,
        code: &'static str,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Self::new(source, Severity::Warning, code, span, message)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.line, self.column, self.severity, self.message
        )
    }
}
