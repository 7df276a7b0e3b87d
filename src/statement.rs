//! The input: one statement, its text and metadata.

/// One statement: an id, its text, and optional metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Statement {
    /// Unique, non-empty id (the CLI uses the file path).
    pub id: String,
    /// The original text; never modified.
    pub text: String,
    /// Title.
    pub title: Option<String>,
    /// Speaker (a person, or a country or body).
    pub speaker: Option<String>,
    /// Date, ideally starting with `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything after is ignored
    /// for sorting.
    pub date: Option<String>,
    /// Language tag such as `en` or `zh`.
    pub language: Option<String>,
}

impl Statement {
    /// A statement without metadata.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Statement {
        Statement { id: id.into(), text: text.into(), ..Statement::default() }
    }
}
