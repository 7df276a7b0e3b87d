//! Options for a run, built and validated once.

use serde::Serialize;
use std::fmt;

/// Settings of the engine. Build them with [`Options::builder`]; every field has a documented
/// default, and [`OptionsBuilder::build`] checks them all once.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Options {
    pub(crate) min_statements: usize,
    pub(crate) min_words: usize,
    pub(crate) min_weight: f64,
    pub(crate) fuzzy_threshold: f64,
    pub(crate) max_families: usize,
    pub(crate) query_min_score: f64,
    pub(crate) query_max_results: usize,
    pub(crate) query_max_words: usize,
    pub(crate) spelling: bool,
    pub(crate) inflection: bool,
    pub(crate) synonyms: bool,
    pub(crate) work_budget: u64,
    pub(crate) max_statements: usize,
    pub(crate) max_statement_bytes: usize,
    pub(crate) max_total_bytes: usize,
    pub(crate) matrix_max_statements: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            min_statements: 2,
            min_words: 2,
            min_weight: 0.85,
            fuzzy_threshold: 0.75,
            max_families: 300,
            query_min_score: 0.5,
            query_max_results: 500,
            query_max_words: 64,
            spelling: true,
            inflection: true,
            synonyms: true,
            work_budget: 400_000_000,
            max_statements: 10_000,
            max_statement_bytes: 16 << 20,
            max_total_bytes: 256 << 20,
            matrix_max_statements: 2_000,
        }
    }
}

impl Options {
    /// A builder starting from the defaults.
    pub fn builder() -> OptionsBuilder {
        OptionsBuilder { options: Options::default() }
    }
    /// Fewest statements a family must occur in (default 2).
    pub fn min_statements(&self) -> usize {
        self.min_statements
    }
    /// Fewest content words (stopwords and punctuation do not count) in a family's root (default 2).
    pub fn min_words(&self) -> usize {
        self.min_words
    }
    /// Least weight of a family's root, summed over its words (default 0.85; see `docs/report.md`, "Scores and weights").
    pub fn min_weight(&self) -> f64 {
        self.min_weight
    }
    /// Least similarity in [0, 1] for a one-off variant to join a family (default 0.75).
    pub fn fuzzy_threshold(&self) -> f64 {
        self.fuzzy_threshold
    }
    /// Most families in a report, strongest first (default 300). Similarity uses all of them.
    pub fn max_families(&self) -> usize {
        self.max_families
    }
    /// Least score in [0, 1] of a query occurrence (default 0.5).
    pub fn query_min_score(&self) -> f64 {
        self.query_min_score
    }
    /// Most occurrences a query returns (default 500).
    pub fn query_max_results(&self) -> usize {
        self.query_max_results
    }
    /// Most words in a query phrase (default 64).
    pub fn query_max_words(&self) -> usize {
        self.query_max_words
    }
    /// British and American spellings compare equal (default true).
    pub fn spelling(&self) -> bool {
        self.spelling
    }
    /// Light inflection (plural and third-person -s) is ignored (default true).
    pub fn inflection(&self) -> bool {
        self.inflection
    }
    /// Near-synonyms of the built-in lexicon ("true", "genuine", "real") fill the same slot (default true).
    pub fn synonyms(&self) -> bool {
        self.synonyms
    }
    /// Most units of work (alignment cells and postings visited) of one run (default 400 million).
    pub fn work_budget(&self) -> u64 {
        self.work_budget
    }
    /// Most statements in a corpus (default 10,000).
    pub fn max_statements(&self) -> usize {
        self.max_statements
    }
    /// Most bytes in one statement (default 16 MiB).
    pub fn max_statement_bytes(&self) -> usize {
        self.max_statement_bytes
    }
    /// Most bytes in all statements together (default 256 MiB).
    pub fn max_total_bytes(&self) -> usize {
        self.max_total_bytes
    }
    /// Largest corpus for which the report carries the N x N similarity matrix (default 2,000).
    pub fn matrix_max_statements(&self) -> usize {
        self.matrix_max_statements
    }
}

/// Builds [`Options`]; see each setter's getter on [`Options`] for meaning and default.
#[derive(Clone, Debug)]
pub struct OptionsBuilder {
    options: Options,
}

macro_rules! setters {
    ($($name:ident: $ty:ty),* $(,)?) => {
        impl OptionsBuilder {
            $(
                #[doc = concat!("Sets `", stringify!($name), "`; see [`Options::", stringify!($name), "`].")]
                pub fn $name(mut self, value: $ty) -> OptionsBuilder {
                    self.options.$name = value;
                    self
                }
            )*
        }
    };
}

setters! {
    min_statements: usize,
    min_words: usize,
    min_weight: f64,
    fuzzy_threshold: f64,
    max_families: usize,
    query_min_score: f64,
    query_max_results: usize,
    query_max_words: usize,
    spelling: bool,
    inflection: bool,
    synonyms: bool,
    work_budget: u64,
    max_statements: usize,
    max_statement_bytes: usize,
    max_total_bytes: usize,
    matrix_max_statements: usize,
}

impl OptionsBuilder {
    /// Checks every option and returns them, or the first invalid one with the reason.
    pub fn build(self) -> Result<Options, OptionsError> {
        let o = self.options;
        let bad = |option: &'static str, reason: String| Err(OptionsError { option, reason });
        if o.min_statements < 2 {
            return bad("min_statements", format!("must be at least 2 (a family is shared), got {}", o.min_statements));
        }
        if o.min_words < 1 || o.min_words > 50 {
            return bad("min_words", format!("must be between 1 and 50, got {}", o.min_words));
        }
        if !o.min_weight.is_finite() || o.min_weight < 0.0 {
            return bad("min_weight", format!("must be a finite number >= 0, got {}", number(o.min_weight)));
        }
        for (name, v) in [("fuzzy_threshold", o.fuzzy_threshold), ("query_min_score", o.query_min_score)] {
            if !(v > 0.0 && v <= 1.0) {
                return bad(name, format!("must be in (0, 1], got {}", number(v)));
            }
        }
        for (name, v) in [
            ("max_families", o.max_families),
            ("query_max_results", o.query_max_results),
            ("query_max_words", o.query_max_words),
            ("max_statements", o.max_statements),
            ("max_statement_bytes", o.max_statement_bytes),
            ("max_total_bytes", o.max_total_bytes),
        ] {
            if v == 0 {
                return bad(name, "must be at least 1".to_string());
            }
        }
        // Offsets and token numbers are 32-bit inside the index.
        for (name, v) in [("max_statement_bytes", o.max_statement_bytes), ("max_total_bytes", o.max_total_bytes)] {
            if v as u64 > u32::MAX as u64 {
                return bad(name, format!("must be at most 4294967295 bytes (4 GiB), got {v}"));
            }
        }
        if o.work_budget < 1_000 {
            return bad("work_budget", format!("must be at least 1000 units, got {}", o.work_budget));
        }
        Ok(o)
    }
}

/// A number for a message, without the float formatting machinery (which would cost the
/// WebAssembly payload 6 KB): up to 6 decimals, trailing zeros dropped.
pub(crate) fn number(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() || x.abs() >= 1e15 {
        return if x > 0.0 { "a huge number" } else { "a huge negative number" }.into();
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let micros = (x.abs() * 1e6).round() as u64;
    let (whole, frac) = (micros / 1_000_000, micros % 1_000_000);
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let frac = format!("{frac:06}");
    format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
}

/// An invalid option: which one, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionsError {
    /// The option's name, as in the builder.
    pub option: &'static str,
    /// What is wrong with its value.
    pub reason: String,
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid option `{}`: {}", self.option, self.reason)
    }
}

impl std::error::Error for OptionsError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_messages() {
        for (x, want) in [
            (1.5, "1.5"),
            (0.0, "0"),
            (-2.25, "-2.25"),
            (1e-7, "0"),
            (0.1 + 0.2, "0.3"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "a huge number"),
        ] {
            assert_eq!(number(x), want);
        }
    }

    #[test]
    fn defaults_are_valid() {
        assert_eq!(Options::builder().build().unwrap(), Options::default());
    }

    #[test]
    fn invalid_options_name_the_option() {
        let cases: Vec<(OptionsBuilder, &str)> = vec![
            (Options::builder().min_statements(1), "min_statements"),
            (Options::builder().min_words(0), "min_words"),
            (Options::builder().min_weight(f64::NAN), "min_weight"),
            (Options::builder().fuzzy_threshold(0.0), "fuzzy_threshold"),
            (Options::builder().query_min_score(1.5), "query_min_score"),
            (Options::builder().max_families(0), "max_families"),
            (Options::builder().work_budget(10), "work_budget"),
            (Options::builder().max_total_bytes(usize::MAX), "max_total_bytes"),
        ];
        for (builder, option) in cases {
            let err = builder.build().unwrap_err();
            assert_eq!(err.option, option);
            assert!(err.to_string().contains(option));
        }
    }
}
