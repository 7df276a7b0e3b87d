//! The engine's one error type.

use crate::options::OptionsError;
use std::fmt;

/// Why the engine refused an input or stopped. Running on accepted input never fails otherwise.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// An option is invalid.
    Options(OptionsError),
    /// A statement has an empty id.
    EmptyId,
    /// Two statements share an id.
    DuplicateId(String),
    /// A statement is larger than `max_statement_bytes`.
    StatementTooLarge {
        /// The statement's id.
        id: String,
        /// Its size in bytes.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Adding the statement would exceed `max_statements`.
    TooManyStatements {
        /// The limit.
        limit: usize,
    },
    /// Adding the statement would exceed `max_total_bytes`.
    CorpusTooLarge {
        /// The corpus size the addition would reach.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The query phrase has no word.
    EmptyQuery,
    /// The query phrase has more than `query_max_words` words.
    QueryTooLong {
        /// Words in the query.
        words: usize,
        /// The limit.
        limit: usize,
    },
    /// The caller's progress callback asked to stop.
    Cancelled,
    /// A contrast names a statement the corpus does not hold.
    UnknownStatement(String),
    /// The two groups of a contrast are not usable: one is empty, or a statement is in both.
    InvalidGroups(String),
}

impl Error {
    /// A stable, machine-readable code for the error, used by the CLI and the JavaScript API.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Options(_) => "invalid_option",
            Error::EmptyId => "empty_id",
            Error::DuplicateId(_) => "duplicate_id",
            Error::StatementTooLarge { .. } => "statement_too_large",
            Error::TooManyStatements { .. } => "too_many_statements",
            Error::CorpusTooLarge { .. } => "corpus_too_large",
            Error::EmptyQuery => "empty_query",
            Error::QueryTooLong { .. } => "query_too_long",
            Error::Cancelled => "cancelled",
            Error::UnknownStatement(_) => "unknown_statement",
            Error::InvalidGroups(_) => "invalid_groups",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Options(e) => e.fmt(f),
            Error::EmptyId => write!(f, "a statement needs a non-empty id"),
            Error::DuplicateId(id) => write!(f, "two statements have the id \"{id}\"; ids must be unique"),
            Error::StatementTooLarge { id, bytes, limit } => {
                write!(
                    f,
                    "statement \"{id}\" has {bytes} bytes, more than the limit of {limit} (option max_statement_bytes)"
                )
            }
            Error::TooManyStatements { limit } => {
                write!(f, "more than {limit} statements (option max_statements)")
            }
            Error::CorpusTooLarge { bytes, limit } => {
                write!(
                    f,
                    "the statements would total {bytes} bytes, more than the limit of {limit} (option max_total_bytes)"
                )
            }
            Error::EmptyQuery => write!(f, "the query has no word to search for"),
            Error::QueryTooLong { words, limit } => {
                write!(f, "the query has {words} words, more than the limit of {limit} (option query_max_words)")
            }
            Error::Cancelled => write!(f, "the run was cancelled"),
            Error::UnknownStatement(id) => write!(f, "no statement has the id \"{id}\""),
            Error::InvalidGroups(why) => write!(f, "the groups cannot be contrasted: {why}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<OptionsError> for Error {
    fn from(e: OptionsError) -> Error {
        Error::Options(e)
    }
}
