//! # refrain
//!
//! Finds the phrasing that statements share: passages repeated verbatim or with small edits,
//! formula families whose wording varies in a slot ("true / genuine / real multilateralism"),
//! and every variant of a phrase you search for. Every place is reported as an exact span of
//! the original text, in UTF-8 bytes and in UTF-16 code units.
//!
//! The pipeline, one module per stage:
//! [`text`] (normalize, tokenize, spans) → `index` (terms, weights, postings) → `repeats`
//! (phrases two statements share, from a suffix array) → `group` (repeats into families) →
//! `rank` (root and score) → `build` (families as the [`report`] writes them); `compare` runs
//! the stages in that order and assembles the report. Beside them, `similarity` computes
//! coverage and the similarity matrix, and `query` searches one phrase against the index.
//! `align` (word alignment) and `diff` (an occurrence's edits) serve several stages.
//! [`parallel`] stands beside the pipeline: it aligns a Chinese text with its English edition
//! sentence by sentence ([`align_texts`]) and holds the bilingual formula [`lexicon`]. Each
//! module imports only modules listed before it in this file. The crate has no WebAssembly
//! dependency outside `wasm` (compiled for `wasm32` only).
//!
//! ```
//! use refrain::{Corpus, Options, Statement};
//! let mut corpus = Corpus::new(Options::default());
//! corpus.add(Statement::new("a", "We must practise true multilateralism and build common, comprehensive, cooperative and sustainable security.")).unwrap();
//! corpus.add(Statement::new("b", "All countries should practice genuine multilateralism and uphold common, comprehensive, cooperative and sustainable security.")).unwrap();
//! let report = corpus.compare();
//! assert!(report.families.iter().any(|f| f.root_norm.contains("sustainable security")));
//! let hits = corpus.query("true multilateralism").unwrap();
//! assert_eq!(hits.occurrences.len(), 2);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The pipeline: text -> index -> repeats -> group -> rank -> build, run in that order by compare;
// similarity and query beside it. Each module imports only modules listed above it.

// Values every stage uses: the input statements, progress, options, the work budget; work
// spread over threads (natively).
mod budget;
pub mod options;
mod progress;
mod statement;
mod threads;
// The engine's one error type (it carries the options' errors).
mod error;
// The one span type: half-open byte offsets into a statement's text.
mod span;
// The report's types, the engine's output.
pub mod report;
// Tools of the stages: word alignment, suffix array.
mod align;
mod sort;
mod suffix;
// 1. Text: normalize, tokenize, spans.
pub mod text;
// 2. Index: statements in canonical order, terms, weights, postings, excerpts.
mod index;
// An occurrence's word-by-word difference from a reference (a family's root or a query).
mod diff;
// 3. Repeats: the phrases two statements or more share, from a suffix array.
mod repeats;
// The family under construction, which the stages after the repeats share.
mod family;
// 4. Group: repeated phrases into families, with one-off variants.
mod group;
// 5. Rank: each family's root and score.
mod rank;
// 6. Build: the strongest families as the report writes them.
mod build;
// Beside: coverage and the similarity matrix.
mod similarity;
// The comparison, stage by stage: the top floor.
mod compare;

mod contrast;
// Beside: phrase search over the index.
mod query;
// Beside: a Chinese text and its English edition, sentence by sentence (uses text and report).
// Feature `parallel` (on by default; the browser's core package leaves it out).
#[cfg(feature = "parallel")]
pub mod parallel;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::Error;
pub use options::{Options, OptionsBuilder, OptionsError};
#[cfg(feature = "parallel")]
pub use parallel::{align_texts, align_texts_with, lexicon, Lexicon};
pub use progress::{Progress, Stage};
pub use report::{Alignment, ContrastReport, QueryReport, Report, SCHEMA_VERSION};
pub use span::{utf16_len, Span};
pub use statement::{Selector, Statement};

use index::Index;
use std::collections::HashSet;

/// A set of statements and the analyses of them.
///
/// Statements are analysed in the order of their ids, so the result never depends on the
/// order in which they were added; the report lists statements in the order they were added.
#[derive(Debug)]
pub struct Corpus {
    options: Options,
    statements: Vec<Statement>,
    /// The ids of `statements`, to refuse a duplicate without a scan.
    ids: HashSet<String>,
    total_bytes: usize,
    index: Option<Index>,
    /// Where the families of the last comparison lie, for queries to name them.
    last: Option<query::FamilySpans>,
}

impl Corpus {
    /// An empty corpus with the given options.
    pub fn new(options: Options) -> Corpus {
        Corpus { options, statements: Vec::new(), ids: HashSet::new(), total_bytes: 0, index: None, last: None }
    }

    /// The options.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The statements, in the order they were added.
    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }

    /// Number of statements.
    pub fn len(&self) -> usize {
        self.statements.len()
    }

    /// True when the corpus has no statement.
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
    }

    /// Adds a statement, checking its id and the size limits.
    pub fn add(&mut self, statement: Statement) -> Result<(), Error> {
        if statement.id.is_empty() {
            return Err(Error::EmptyId);
        }
        if self.ids.contains(&statement.id) {
            return Err(Error::DuplicateId(statement.id));
        }
        let bytes = statement.text.len();
        if bytes > self.options.max_statement_bytes {
            return Err(Error::StatementTooLarge { id: statement.id, bytes, limit: self.options.max_statement_bytes });
        }
        if self.statements.len() >= self.options.max_statements {
            return Err(Error::TooManyStatements { limit: self.options.max_statements });
        }
        let total = self.total_bytes + bytes;
        if total > self.options.max_total_bytes {
            return Err(Error::CorpusTooLarge { bytes: total, limit: self.options.max_total_bytes });
        }
        self.total_bytes = total;
        self.ids.insert(statement.id.clone());
        self.statements.push(statement);
        self.invalidate();
        Ok(())
    }

    /// Removes the statement with this id; returns whether there was one.
    pub fn remove(&mut self, id: &str) -> bool {
        if !self.ids.remove(id) {
            return false;
        }
        let i = self.statements.iter().position(|s| s.id == id).expect("every id in `ids` is a statement's");
        let s = self.statements.remove(i);
        self.total_bytes -= s.text.len();
        self.invalidate();
        true
    }

    /// Removes every statement.
    pub fn clear(&mut self) {
        self.statements.clear();
        self.ids.clear();
        self.total_bytes = 0;
        self.invalidate();
    }

    fn invalidate(&mut self) {
        self.index = None;
        self.last = None;
    }

    fn ensure_index(&mut self, progress: &mut dyn FnMut(Progress) -> bool) -> Result<(), Error> {
        if self.index.is_none() {
            self.index = Some(Index::build(&self.statements, &self.options, progress)?);
        }
        Ok(())
    }

    /// Compares all statements: families strongest first, similarity, per-statement shares.
    pub fn compare(&mut self) -> Report {
        match self.compare_with_progress(&mut |_| true) {
            Ok(report) => report,
            Err(_) => unreachable!("a progress callback that never stops cannot cancel"),
        }
    }

    /// Like [`Corpus::compare`], calling `progress` now and then; when it returns `false` the
    /// run stops with [`Error::Cancelled`]. The index is kept between runs (until statements
    /// change), so comparing again only redoes the grouping.
    pub fn compare_with_progress(&mut self, progress: &mut dyn FnMut(Progress) -> bool) -> Result<Report, Error> {
        self.ensure_index(progress)?;
        let index = self.index.as_ref().expect("index was just built");
        #[cfg_attr(not(feature = "parallel"), allow(unused_mut))]
        let mut report = compare::compare(index, &self.statements, &self.options, progress)?;
        // Each family's renderings in the other language (feature `parallel`; empty without).
        #[cfg(feature = "parallel")]
        if self.options.cross_language {
            parallel::link_families(&mut report.families, lexicon());
        }
        self.last = Some(query::FamilySpans::of(&report));
        Ok(report)
    }

    /// Which families the statements with ids `a` use more than those with ids `b`, and the
    /// reverse (see [`ContrastReport`]); `label_a` and `label_b` name the groups in the report.
    /// An unknown id, an empty group or a statement in both groups is an error.
    pub fn contrast(
        &mut self,
        a: &[String],
        b: &[String],
        label_a: &str,
        label_b: &str,
    ) -> Result<ContrastReport, Error> {
        self.contrast_with_progress(a, b, label_a, label_b, &mut |_| true)
    }

    /// Like [`Corpus::contrast`], calling `progress` now and then (see
    /// [`Corpus::compare_with_progress`]).
    pub fn contrast_with_progress(
        &mut self,
        a: &[String],
        b: &[String],
        label_a: &str,
        label_b: &str,
        progress: &mut dyn FnMut(Progress) -> bool,
    ) -> Result<ContrastReport, Error> {
        self.ensure_index(progress)?;
        let index = self.index.as_ref().expect("index was just built");
        let groups = contrast::Groups { a, b, label_a, label_b };
        contrast::contrast(index, &self.statements, &self.options, &groups, progress)
    }

    /// The ids of the statements a selector chooses, in the order they were added; with
    /// `None`, the statements that none of `others` choose (the rest of the corpus).
    pub fn select(&self, selector: Option<&Selector>, others: &[&Selector]) -> Vec<String> {
        self.statements
            .iter()
            .filter(|s| match selector {
                Some(sel) => sel.matches(s),
                None => !others.iter().any(|o| o.matches(s)),
            })
            .map(|s| s.id.clone())
            .collect()
    }

    /// Aligns statement `zh_id` (a Chinese text) with statement `en_id` (its English edition)
    /// sentence by sentence, each formula of the bundled [`lexicon`] linked to its rendering
    /// ([`align_texts`]; the excerpts name the sides `"zh"` and `"en"`). Feature `parallel`.
    #[cfg(feature = "parallel")]
    pub fn align(&self, zh_id: &str, en_id: &str) -> Result<Alignment, Error> {
        let text = |id: &str| {
            self.statements
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.text.as_str())
                .ok_or_else(|| Error::UnknownStatement(id.to_string()))
        };
        Ok(align_texts(text(zh_id)?, text(en_id)?))
    }

    /// Every place where `phrase` or a variant of it occurs, best first; then, with option
    /// `cross_language`, the places of what the bilingual [`lexicon`] pairs with the whole phrase
    /// in the other language (`translation` says which entry; feature `parallel`, without which
    /// `cross_language` does nothing).
    pub fn query(&mut self, phrase: &str) -> Result<QueryReport, Error> {
        self.ensure_index(&mut |_| true)?;
        let index = self.index.as_ref().expect("index was just built");
        let own = query::query(index, &self.statements, &self.options, phrase, self.last.as_ref())?;
        Ok(self.with_translations(phrase, own))
    }

    /// `own`, the occurrences of `phrase`, then (option `cross_language`) those of what the
    /// bilingual lexicon pairs with it. Needs the index.
    #[cfg(feature = "parallel")]
    fn with_translations(&self, phrase: &str, own: QueryReport) -> QueryReport {
        if !self.options.cross_language {
            return own;
        }
        let index = self.index.as_ref().expect("the query built the index");
        let search = |p: &str| query::query(index, &self.statements, &self.options, p, self.last.as_ref());
        parallel::with_translations(
            own,
            parallel::translations(phrase, lexicon()),
            self.options.query_max_results,
            search,
        )
    }

    /// Without feature `parallel` there is no lexicon: option `cross_language` does nothing.
    #[cfg(not(feature = "parallel"))]
    fn with_translations(&self, _phrase: &str, own: QueryReport) -> QueryReport {
        own
    }
}
