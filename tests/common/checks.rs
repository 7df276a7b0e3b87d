//! What every report must satisfy, whatever the input: spans that slice back exactly (UTF-8
//! and UTF-16), work within the budget, a note for every bound reached. Shared by
//! `tests/hostile.rs`, the fuzz targets (`fuzz/fuzz_targets/`) and the regression test of
//! their crash inputs (`tests/fuzz_regressions.rs`), so a fuzz finding and a hostile case are
//! judged by the same rules. Each check panics with a message on a violation.
#![allow(dead_code)] // each includer uses part of it

use refrain::report::{Edit, Excerpt};
use refrain::text::{normalize_word, tokenize_with, Normalization};
use refrain::{Corpus, Error, Options, QueryReport, Report, Statement};
use std::collections::HashMap;

/// UTF-16 offsets of every byte offset of the statements, to check excerpts fast.
pub struct Texts<'a> {
    text: HashMap<&'a str, &'a str>,
    utf16: HashMap<&'a str, Vec<u32>>,
}

impl<'a> Texts<'a> {
    pub fn new(statements: &'a [Statement]) -> Texts<'a> {
        let mut utf16 = HashMap::new();
        for s in statements {
            utf16.insert(s.id.as_str(), utf16_offsets(&s.text));
        }
        Texts { text: statements.iter().map(|s| (s.id.as_str(), s.text.as_str())).collect(), utf16 }
    }

    /// Bytes `start..end` of `doc` are `text` and sit at UTF-16 offsets `u16s..u16e`.
    #[track_caller]
    pub fn check(&self, doc: &str, start: usize, end: usize, u16s: usize, u16e: usize, text: &str) {
        let original = self.text.get(doc).unwrap_or_else(|| panic!("unknown statement {doc:?}"));
        assert!(start <= end && end <= original.len(), "{doc}: {start}..{end} out of bounds");
        assert!(
            original.is_char_boundary(start) && original.is_char_boundary(end),
            "{doc}: {start}..{end} not on characters"
        );
        assert_eq!(&original[start..end], text, "{doc}: {start}..{end}");
        assert_eq!(self.utf16[doc][start] as usize, u16s, "{doc}: UTF-16 start of {start}..{end}");
        assert_eq!(self.utf16[doc][end] as usize, u16e, "{doc}: UTF-16 end of {start}..{end}");
    }

    #[track_caller]
    pub fn excerpt(&self, e: &Excerpt) {
        self.check(&e.doc, e.start, e.end, e.utf16_start, e.utf16_end, &e.text);
    }

    #[track_caller]
    pub fn edits(&self, doc: &str, edits: &[Edit]) {
        for e in edits {
            if let (Some(s), Some(end), Some(us), Some(ue), Some(text)) =
                (e.start, e.end, e.utf16_start, e.utf16_end, e.text.as_deref())
            {
                self.check(doc, s, end, us, ue, text);
            } else {
                assert!(e.start.is_none() && e.text.is_none(), "an edit with a word has all its offsets");
            }
        }
    }
}

/// The UTF-16 offset of every byte offset of `text` (meaningful at character boundaries).
pub fn utf16_offsets(text: &str) -> Vec<u32> {
    let mut v = vec![0u32; text.len() + 1];
    let mut units = 0u32;
    for (i, c) in text.char_indices() {
        v[i] = units;
        units += c.len_utf16() as u32;
    }
    v[text.len()] = units;
    v
}

/// A valid report of these statements: exact spans, work within the budget, a note for every
/// bound reached.
#[track_caller]
pub fn report(statements: &[Statement], options: &Options, report: &Report) {
    let texts = Texts::new(statements);
    assert_eq!(report.statements.len(), statements.len());
    let content_words = report.statements.iter().map(|s| s.content_words).sum();
    assert!(report.stats.work <= options.work_limit(content_words), "work {} over the budget", report.stats.work);
    if report.stats.budget_exhausted {
        assert!(report.notes.iter().any(|n| n.contains("raise work_budget")), "{:?}", report.notes);
    }
    assert_eq!(report.stats.families_reported, report.families.len());
    assert!(report.families.len() <= options.max_families());
    if report.stats.families_found > report.families.len() {
        assert!(report.notes.iter().any(|n| n.contains("families reported")), "{:?}", report.notes);
    }
    for f in &report.families {
        texts.excerpt(&f.root_excerpt);
        assert!(!f.occurrences.is_empty());
        assert!(f.statements >= options.min_statements());
        for o in &f.occurrences {
            texts.excerpt(&o.excerpt);
            texts.edits(&o.excerpt.doc, &o.diff);
            assert!((0.0..=1.0).contains(&o.similarity));
        }
    }
    let n = statements.len();
    assert!(report.similarity.matrix.is_empty() || report.similarity.matrix.iter().all(|row| row.len() == n));
}

/// A valid query report: exact spans, a note for every bound reached.
#[track_caller]
pub fn query(statements: &[Statement], options: &Options, phrase: &str, q: &QueryReport) {
    let texts = Texts::new(statements);
    assert_eq!(q.query, phrase);
    assert!(q.occurrences.len() <= options.query_max_results());
    assert!(q.total >= q.occurrences.len());
    if q.budget_exhausted {
        assert!(q.notes.iter().any(|n| n.contains("raise work_budget")), "{:?}", q.notes);
    }
    if q.total > q.occurrences.len() {
        assert!(q.notes.iter().any(|n| n.contains("raise query_max_results")), "{:?}", q.notes);
    }
    for o in &q.occurrences {
        texts.excerpt(&o.excerpt);
        texts.edits(&o.excerpt.doc, &o.explanation);
        assert!((0.0..=1.0).contains(&o.score));
    }
}

// ---------------------------------------------------------------------------------------------
// The fuzz targets' bodies: bytes in, a panic on any violation.

/// Separates statements (and a query from them) in a fuzz input: the ASCII record separator.
pub const SEPARATOR: char = '\u{1e}';

/// Options of the fuzz targets: a small work budget, so one input never takes long.
pub fn fuzz_options() -> Options {
    Options::builder().work_budget(2_000_000).work_per_word(0).build().unwrap()
}

/// Tokenizer and normalization: tokens in order, on character boundaries, never overlapping,
/// each slicing back, with UTF-16 offsets equal to `encode_utf16` counts; for every
/// normalization setting.
pub fn fuzz_tokenize(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    // UTF-16 offsets as `encode_utf16` counts them, character by character.
    let mut utf16 = vec![0usize; text.len() + 1];
    let mut units = 0;
    for (i, c) in text.char_indices() {
        utf16[i] = units;
        units += c.encode_utf16(&mut [0u16; 2]).len();
    }
    utf16[text.len()] = units;
    assert_eq!(units, text.encode_utf16().count());
    for (spelling, inflection) in [(true, true), (false, false), (true, false)] {
        let n = Normalization { spelling, inflection };
        // Normalizing any text at all, not only a word, must not fail.
        let _ = normalize_word(&text, n);
        let mut end = 0;
        for t in tokenize_with(&text, n) {
            let (s, e) = (t.span.start, t.span.end);
            assert!(end <= s && s < e && e <= text.len(), "{s}..{e} after {end}");
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            assert!(!t.norm.is_empty());
            assert_eq!((t.utf16_start, t.utf16_end), (utf16[s], utf16[e]), "UTF-16 offsets of {s}..{e}");
            end = e;
        }
    }
}

/// Statements from a fuzz input: its text cut at [`SEPARATOR`], at most five.
pub fn fuzz_statements(text: &str) -> Vec<Statement> {
    text.split(SEPARATOR).take(5).enumerate().map(|(i, t)| Statement::new(format!("s{i}"), t)).collect()
}

/// Compare on 1-5 statements: a valid report.
pub fn fuzz_compare(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let options = fuzz_options();
    let statements = fuzz_statements(&text);
    let mut corpus = Corpus::new(options.clone());
    for s in &statements {
        corpus.add(s.clone()).expect("small statements are accepted");
    }
    let r = corpus.compare();
    report(&statements, &options, &r);
}

/// A query (the input up to the first [`SEPARATOR`]) on the statements after it, compared
/// first: a valid query report, or an empty or too long query refused.
pub fn fuzz_query(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (phrase, rest) = text.split_once(SEPARATOR).unwrap_or((&text, ""));
    let options = fuzz_options();
    let statements = fuzz_statements(rest);
    let mut corpus = Corpus::new(options.clone());
    for s in &statements {
        corpus.add(s.clone()).expect("small statements are accepted");
    }
    corpus.compare();
    match corpus.query(phrase) {
        Ok(q) => query(&statements, &options, phrase, &q),
        Err(Error::EmptyQuery | Error::QueryTooLong { .. }) => {}
        Err(e) => panic!("query {phrase:?}: unexpected error {e}"),
    }
}

/// Options and statements as they arrive from JavaScript, as JSON:
/// `{"options": {...}, "statements": [{"id": ..., "text": ..., ...}, ...]}`. Options go through
/// the calls the bindings make (`Options::kind`, `OptionsBuilder::set`, `build`, reading each
/// value as its option's kind); statements through `Corpus::add`. Any shape gives options or a
/// clear error, statements or a clear error, and then a valid report.
pub fn fuzz_json(data: &[u8]) {
    use refrain::options::{Kind, Value};
    use serde_json::Value as Json;
    let Ok(input) = serde_json::from_slice::<Json>(data) else { return };
    let mut builder = Options::browser_builder();
    if let Some(Json::Object(map)) = input.get("options") {
        for (name, v) in map {
            let Some(kind) = Options::kind(name) else { return }; // unknown option: refused
            let read = match (kind, v) {
                (Kind::Bool, Json::Bool(b)) => Value::Bool(*b),
                (Kind::Choice(_), Json::String(s)) => Value::Text(s),
                (Kind::Whole | Kind::Number, Json::Number(n)) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
                _ => return, // the wrong type: refused
            };
            builder = match builder.set(name, read) {
                Ok(b) => b,
                Err(e) => return assert!(!e.to_string().is_empty()),
            };
        }
    }
    let Ok(options) = builder.build().map_err(|e| assert!(!e.to_string().is_empty())) else { return };
    // The same options with a small budget, so one input never takes long.
    let mut small = Options::builder();
    for (name, value) in options.values() {
        small = small.set(name, value).expect("an option's own value sets it");
    }
    let options = small
        .work_budget(options.work_budget().min(2_000_000))
        .work_per_word(0)
        .build()
        .expect("valid options stay valid");
    let mut corpus = Corpus::new(options.clone());
    let mut accepted = Vec::new();
    for s in input.get("statements").and_then(Json::as_array).into_iter().flatten() {
        let text = |k: &str| s.get(k).and_then(Json::as_str).map(str::to_string);
        let (Some(id), Some(body)) = (text("id"), text("text")) else { continue };
        let mut statement = Statement::new(id, body);
        statement.title = text("title");
        statement.speaker = text("speaker");
        statement.date = text("date");
        statement.language = text("language");
        match corpus.add(statement.clone()) {
            Ok(()) => accepted.push(statement),
            Err(e) => assert!(!e.code().is_empty() && !e.to_string().is_empty()),
        }
    }
    let r = corpus.compare();
    report(&accepted, &options, &r);
}
