//! One error type for every stage; its kind tells the caller what to fix.

use alloc::string::{String, ToString};
use core::fmt;

/// What went wrong, as a stable machine-readable code (see [`ErrorKind::code`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not valid JSON, or not the JSON shape expected.
    InvalidJson,
    /// The input bytes are not valid UTF-8.
    InvalidUtf8,
    /// A required field is absent.
    MissingField,
    /// A field is present but its value breaks a rule (type, charset, form).
    InvalidField,
    /// The `algorithm` is not one of the five supported ids.
    UnknownAlgorithm,
    /// The same header name (compared case-insensitively) was given twice.
    DuplicateHeader,
    /// A header named in `signed_headers` is not among the headers.
    MissingHeader,
    /// The query string is not well-formed (bad percent escape, forbidden character).
    MalformedQuery,
    /// The timestamp is outside the years 1970..=9999.
    TimestampOutOfRange,
}

impl ErrorKind {
    /// The code carried on the wire (CLI JSON, JS `Error.code`).
    pub const fn code(self) -> &'static str {
        match self {
            ErrorKind::InvalidJson => "InvalidJson",
            ErrorKind::InvalidUtf8 => "InvalidUtf8",
            ErrorKind::MissingField => "MissingField",
            ErrorKind::InvalidField => "InvalidField",
            ErrorKind::UnknownAlgorithm => "UnknownAlgorithm",
            ErrorKind::DuplicateHeader => "DuplicateHeader",
            ErrorKind::MissingHeader => "MissingHeader",
            ErrorKind::MalformedQuery => "MalformedQuery",
            ErrorKind::TimestampOutOfRange => "TimestampOutOfRange",
        }
    }
}

/// An error with its kind, the field path it concerns (if any) and a message for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    /// Dotted path of the offending field, e.g. `credentials.secret_key` or `headers.Host`.
    pub path: Option<String>,
    pub message: String,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, path: None, message: message.into() }
    }

    pub fn at(kind: ErrorKind, path: impl ToString, message: impl Into<String>) -> Self {
        Error { kind, path: Some(path.to_string()), message: message.into() }
    }

    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{} at {}: {}", self.kind.code(), p, self.message),
            None => write!(f, "{}: {}", self.kind.code(), self.message),
        }
    }
}

impl core::error::Error for Error {}

pub type Result<T, E = Error> = core::result::Result<T, E>;
