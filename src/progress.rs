//! Progress reports: which stage a run is in, and how far it has come.

/// A stage of a run, for progress reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stage {
    /// Tokenizing and normalizing the statements.
    Tokenize,
    /// Finding repeated phrases.
    Repeats,
    /// Grouping phrases into families and gathering variants.
    Families,
    /// Computing similarity and writing the report.
    Report,
}

impl Stage {
    /// A short lower-case name (`tokenize`, `repeats`, `families`, `report`).
    pub fn name(self) -> &'static str {
        match self {
            Stage::Tokenize => "tokenize",
            Stage::Repeats => "repeats",
            Stage::Families => "families",
            Stage::Report => "report",
        }
    }
}

/// How far a run has come: `done` of `total` units of the current stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The stage.
    pub stage: Stage,
    /// Units done.
    pub done: u64,
    /// Units in the stage.
    pub total: u64,
}
