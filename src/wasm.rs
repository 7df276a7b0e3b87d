//! WebAssembly bindings (compiled for `wasm32` only): they convert JavaScript values to engine
//! values and back, and nothing else.
//!
//! - Options and statements are read field by field from plain JavaScript objects, so a wrong
//!   shape is a clear error (`invalid_input`, or `invalid_option` for an option) instead of a
//!   trap.
//! - Reports go out through `serde-wasm-bindgen` with [`Serializer::json_compatible`]: plain
//!   objects, `null` for a missing value, numbers for integers.
//! - Every failure is a JavaScript `Error` with a stable `code` property, made by [`js_error`].
//! - JavaScript strings enter as UTF-8: a lone UTF-16 surrogate becomes U+FFFD, which is also one
//!   UTF-16 code unit, so `utf16_start`/`utf16_end` index the caller's own string exactly.

use crate::options::{Kind, Value};
#[cfg(feature = "groups")]
use crate::report::ContrastReport;
use crate::report::{QueryReport, Report};
#[cfg(feature = "groups")]
use crate::Selector;
use crate::{Error, Options, Progress, Statement};
use js_sys::{Array, Function, Reflect};
use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The `Options` interface, generated from the table of options (see `src/options.rs`).
#[wasm_bindgen(typescript_custom_section)]
const OPTIONS_TYPES: &'static str = crate::options::TYPESCRIPT;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A statement to add. Metadata may be omitted or null. Other keys are ignored. */
export interface StatementInput {
  id: string;
  text: string;
  title?: string | null;
  speaker?: string | null;
  date?: string | null;
  language?: string | null;
}

/** A stage of a comparison. */
export type Stage = "tokenize" | "repeats" | "families" | "report";

/** Called now and then during `compare` and `contrast`; returning `false` cancels the run (error code `cancelled`). */
export type ProgressCallback = (stage: Stage, done: number, total: number) => boolean | void;

/** The stable codes of the `code` property of errors thrown by `Corpus`. */
export type ErrorCode =
  | "invalid_input" | "invalid_option" | "empty_id" | "duplicate_id" | "statement_too_large"
  | "too_many_statements" | "corpus_too_large" | "empty_query" | "query_too_long" | "cancelled"
  | "unknown_statement" | "invalid_groups" | "internal_error";

/** An error thrown by `Corpus`. */
export interface RefrainError extends Error {
  code: ErrorCode;
}

/** An exact place in a statement: UTF-8 byte and UTF-16 offsets (half-open) and the original text there. */
export interface Excerpt {
  doc: string;
  start: number;
  end: number;
  utf16_start: number;
  utf16_end: number;
  text: string;
}

export type EditOp = "equal" | "variant" | "substitute" | "insert" | "delete" | "move";

/** One step of a word-level difference; `start`/`end` are UTF-8 byte offsets in the occurrence's statement. */
export interface Edit {
  op: EditOp;
  /** Index of the reference's word (0-based, words only); absent for `insert`. */
  index?: number;
  reference?: string;
  text?: string;
  start?: number;
  end?: number;
  utf16_start?: number;
  utf16_end?: number;
}

export interface StatementSummary {
  id: string;
  title: string | null;
  speaker: string | null;
  date: string | null;
  date_key: string | null;
  language: string | null;
  words: number;
  content_words: number;
  shared_words: number;
  shared_share: number;
}

export interface Occurrence extends Excerpt {
  similarity: number;
  diff: Edit[];
}

export interface Filler {
  text: string;
  count: number;
}

export interface Slot {
  index: number;
  root: string;
  fillers: Filler[];
}

export interface FirstUse {
  doc: string;
  speaker: string | null;
  date: string;
}

export interface TimelinePoint {
  date: string;
  docs: string[];
}

export interface Family {
  /** `f1`, `f2`, ... in the report's order (option `order`). */
  id: string;
  /** Stable across runs while `root_norm` is: a hash of it. */
  key: string;
  root: string;
  root_norm: string;
  root_excerpt: Excerpt;
  score: number;
  /** True when the family reads as a proper name or title ("Paris Agreement"); `why.factors.name` says how it counts. */
  name: boolean;
  weight: number;
  statements: number;
  speakers: number;
  stability: number;
  slots: Slot[];
  first_use: FirstUse | null;
  timeline: TimelinePoint[];
  occurrences: Occurrence[];
  /** Why the family ranks where it does: the measures behind `score`. */
  why: Why;
  /** Pairs of the bilingual lexicon whose formula or rendering the root holds (option `cross_language`). */
  renderings: FamilyRendering[];
}

/** A lexicon pair one side of which a family's root holds, and the families whose root holds the other side. */
export interface FamilyRendering {
  zh: string;
  en: string;
  families: string[];
}

/** The measures behind a family's score (docs/report.md, "Ranking"). */
export interface Why {
  /** Pointwise mutual information of the root's words (bits) at its weakest point; null for one content word, a passage of more than 12, or when not measured. */
  association: number | null;
  /** Dunning's log-likelihood at that point; above 10.83 the association is significant (p < 0.001). */
  log_likelihood: number | null;
  /** Gries' DP over speakers (0: spread as the speakers' shares; towards 1: one speaker); null with fewer than two known speakers. */
  dispersion: number | null;
  /** How much more unevenly than chance the family is spread over speakers, in [0, 1]. */
  unevenness: number | null;
  /** Uses by a speaker who also uses the family in another statement. */
  repeats: number;
  /** Share of the family's statements that use it twice or more. */
  burstiness: number;
  /** Distinct years of the statements using it. */
  years: number;
  /** Share of the occurrences' content words written with a capital (not at a sentence start). */
  capitals: number;
  /** True when most occurrences stand at a statement's very beginning or end. */
  boilerplate: boolean;
  /** The factors of `score`; their product is the score. */
  factors: Factors;
  /** The same in words, for a reader. */
  summary: string;
}

/** The factors of a family's score (docs/report.md, "Ranking"). */
export interface Factors {
  reuse: number;
  length: number;
  fixedness: number;
  choice: number;
  topic: number;
  name: number;
  boilerplate: number;
}

export interface Similarity {
  measure: string;
  ids: string[];
  matrix: number[][];
}

export interface Stats {
  statements: number;
  words: number;
  candidate_phrases: number;
  /** Every family found; the report lists `families_reported` of them (show both when they differ). */
  families_found: number;
  families_reported: number;
  work: number;
  budget_exhausted: boolean;
}

/** The result of `Corpus.compare` (see docs/report.md). */
export interface Report {
  schema_version: number;
  engine: string;
  statements: StatementSummary[];
  families: Family[];
  similarity: Similarity;
  stats: Stats;
  notes: string[];
}

export interface QueryOccurrence extends Excerpt {
  score: number;
  explanation: Edit[];
  family: string | null;
  before: string;
  after: string;
  /** Null for the query's own occurrences; for one found through the bilingual lexicon, which entry. */
  translation: QueryTranslation | null;
}

/** An official occurrence pair of a lexicon entry: bytes of files of ../shared/corpus. */
export interface LexiconEvidence {
  zh_file: string;
  zh_start: number;
  zh_end: number;
  en_file: string;
  en_start: number;
  en_end: number;
}

/** Why an occurrence was found in the other language (option `cross_language`). */
export interface QueryTranslation {
  /** The phrase searched: the entry's formula or its rendering. */
  phrase: string;
  language: "zh" | "en";
  entry_zh: string;
  entry_en: string;
  evidence: LexiconEvidence[];
}

/** A sentence of an alignment (`doc` is "zh" or "en"). */
export interface AlignedSentence extends Excerpt {
  index: number;
  chars: number;
}

/** A Chinese formula of the lexicon in a bead, and its rendering there (null when not found). */
export interface FormulaLink {
  zh: Excerpt;
  en: Excerpt | null;
  entry_zh: string;
  entry_en: string | null;
  renderings: string[];
}

/** Chinese sentences and the English sentences that translate them. */
export interface Bead {
  zh: number[];
  en: number[];
  kind: string;
  /** Aligned, or why not. */
  status: "aligned" | "no_counterpart" | "lengths_disagree";
  cost: number;
  length_z: number;
  anchors: number;
  formulas: FormulaLink[];
}

export interface AlignmentStats {
  zh_sentences: number;
  en_sentences: number;
  aligned_beads: number;
  unaligned_zh: number;
  unaligned_en: number;
  ratio: number;
  band: number;
  cells: number;
  formulas: number;
  formulas_rendered: number;
}

/** The result of `Corpus.align` (see docs/parallel.md and docs/report.md, "Alignment report"). */
export interface Alignment {
  schema_version: number;
  engine: string;
  zh: AlignedSentence[];
  en: AlignedSentence[];
  beads: Bead[];
  unaligned_zh: number[];
  unaligned_en: number[];
  stats: AlignmentStats;
  notes: string[];
}

/** One group of a contrast. */
export interface GroupSummary {
  /** How the group was chosen, or the caller's label. */
  label: string;
  /** Its statements' ids, in the order given. */
  ids: string[];
  /** Content words of its statements. */
  content_words: number;
}

/** A wording of a family (normalized words) and how many occurrences in a group have it. */
export interface Wording {
  text: string;
  count: number;
}

/** A family as a contrast sees it. */
export interface ContrastFamily {
  /** > 0: group A uses the family more; < 0: group B; beyond ±1.96 significant at 95%. */
  z: number;
  /** The log-odds ratio (A over B), shrunk by the prior. */
  log_odds: number;
  count_a: number;
  count_b: number;
  /** Occurrences per 10,000 content words of group A. */
  rate_a: number;
  rate_b: number;
  /** Group A's wordings, most frequent first. */
  wordings_a: Wording[];
  wordings_b: Wording[];
  /** The family, with every occurrence; `id` is its place in the comparison of the same statements. */
  family: Family;
}

/** The result of `Corpus.contrast` (see docs/report.md, "Contrast report"). */
export interface ContrastReport {
  schema_version: number;
  engine: string;
  a: GroupSummary;
  b: GroupSummary;
  /** What `z` measures. */
  measure: string;
  /** Most distinctive of A first (highest `z`), of B last. */
  families: ContrastFamily[];
  /** Families used by either group (the report keeps the most distinctive of each). */
  families_found: number;
  notes: string[];
}

/** The result of `Corpus.query`. */
export interface QueryReport {
  schema_version: number;
  query: string;
  query_norm: string;
  occurrences: QueryOccurrence[];
  total: number;
  /** The exact phrase (normalized) occurs; otherwise the occurrences are its closest variants. */
  exact: boolean;
  budget_exhausted: boolean;
  /** Bounds reached: the work budget, occurrences cut by `query_max_results`. */
  notes: string[];
}
"#;

/// A set of statements and the analyses of them (the engine's `Corpus`).
#[wasm_bindgen(js_name = Corpus)]
pub struct JsCorpus {
    inner: crate::Corpus,
}

/// NFKC by the JavaScript engine (`String.prototype.normalize`), handed to the core, which asks
/// for it for a word with a character beyond the ranges it knows to be their own NFKC (ASCII,
/// most of Latin-1 and Latin Extended-A, common quotation marks and dashes, CJK ideographs: the
/// 113 statements of the shared corpus cross twice). A word's NFKC is kept, so that each
/// distinct word crosses into JavaScript once (the cache is emptied when it holds
/// [`NFKC_CACHE_WORDS`]): Greek, Cyrillic or Arabic text crosses for every distinct word.
fn js_nfkc(word: &str) -> String {
    NFKC_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(known) = cache.get(word) {
            return known.to_string();
        }
        let folded = nfkc(word);
        if cache.len() >= NFKC_CACHE_WORDS {
            cache.clear();
        }
        cache.insert(word.into(), folded.as_str().into());
        folded
    })
}

/// How many words the NFKC cache keeps at most.
const NFKC_CACHE_WORDS: usize = 1 << 16;

thread_local! {
    static NFKC_CACHE: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Box<str>>> = Default::default();
}

// The JavaScript engine's text functions, handed to the core: NFKC, and the browser's word
// segmenter (`Intl.Segmenter`: UAX #29, and ICU's dictionary for Chinese and Japanese), a call of
// which gives the UTF-16 offsets at which a text's word segments start; the core calls it per
// chunk of each statement and per run of Han and kana.
#[wasm_bindgen(inline_js = "const words = typeof Intl === 'object' && typeof Intl.Segmenter === 'function'
  ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
export function hasWordSegmenter() { return words !== null; }
export function wordStarts(text) { return Uint32Array.from(words.segment(text), (s) => s.index); }
export function nfkc(word) { return word.normalize('NFKC'); }")]
extern "C" {
    #[wasm_bindgen(js_name = hasWordSegmenter)]
    fn has_word_segmenter() -> bool;
    #[wasm_bindgen(js_name = wordStarts)]
    fn word_starts(text: &str) -> Vec<u32>;
    fn nfkc(word: &str) -> String;
}

#[wasm_bindgen(js_class = Corpus)]
impl JsCorpus {
    /// An empty corpus. `options` is an object with snake_case keys (see `Options`); the browser
    /// defaults limit a corpus to 2,000 statements, 8 MiB per statement and 32 MiB in all.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: JsValue,
    ) -> Result<JsCorpus, JsValue> {
        crate::text::set_nfkc(js_nfkc);
        if has_word_segmenter() {
            crate::text::set_word_segmenter(word_starts);
        }
        let options = read_options(&options)?;
        Ok(JsCorpus { inner: crate::Corpus::new(options) })
    }

    /// The options in force, browser defaults included.
    #[wasm_bindgen(getter, unchecked_return_type = "Required<Options>")]
    pub fn options(&self) -> JsValue {
        let object = js_sys::Object::new();
        for (name, value) in self.inner.options().values() {
            let value = match value {
                Value::Bool(b) => JsValue::from_bool(b),
                Value::Whole(n) => JsValue::from_f64(n as f64),
                Value::Number(x) => JsValue::from_f64(x),
                Value::Text(name) => JsValue::from_str(name),
            };
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&object, &JsValue::from_str(name), &value);
        }
        object.into()
    }

    /// Adds a statement; throws `duplicate_id`, `empty_id`, `statement_too_large`,
    /// `too_many_statements`, `corpus_too_large`, or `invalid_input` for a wrong shape.
    pub fn add(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "StatementInput")] statement: JsValue,
    ) -> Result<(), JsValue> {
        let statement = read_statement(&statement)?;
        self.inner.add(statement).map_err(engine_error)
    }

    /// Removes the statement with this id; returns whether there was one.
    pub fn remove(&mut self, #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue) -> Result<bool, JsValue> {
        let id = id.as_string().ok_or_else(|| invalid_input("the id to remove must be a string"))?;
        Ok(self.inner.remove(&id))
    }

    /// Removes every statement.
    pub fn clear(&mut self) {
        self.inner.clear();
    }

    /// Number of statements.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> u32 {
        self.inner.len() as u32
    }

    /// Compares all statements. `onProgress(stage, done, total)` is called now and then; when it
    /// returns `false` the run stops with the error code `cancelled`, and when it throws, the run
    /// stops and its exception is rethrown.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn compare(
        &mut self,
        #[wasm_bindgen(js_name = onProgress, unchecked_optional_param_type = "ProgressCallback")] on_progress: JsValue,
    ) -> Result<JsValue, JsValue> {
        let report: Report = with_progress(&on_progress, |p| self.inner.compare_with_progress(p))?;
        to_js(&report)
    }

    /// Which families the statements with ids `a` use more than those with ids `b`, and the
    /// reverse, with each group's wordings; `labelA` and `labelB` (default "A" and "B") name the
    /// groups in the report. `onProgress` as for `compare`. Throws `unknown_statement` for an id
    /// the corpus does not hold, `invalid_groups` for an empty group or a statement in both.
    #[cfg(feature = "groups")]
    #[wasm_bindgen(unchecked_return_type = "ContrastReport")]
    pub fn contrast(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] a: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string[]")] b: JsValue,
        #[wasm_bindgen(js_name = labelA, unchecked_optional_param_type = "string")] label_a: JsValue,
        #[wasm_bindgen(js_name = labelB, unchecked_optional_param_type = "string")] label_b: JsValue,
        #[wasm_bindgen(js_name = onProgress, unchecked_optional_param_type = "ProgressCallback")] on_progress: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (a, b) = (read_strings(&a, "group a")?, read_strings(&b, "group b")?);
        let (label_a, label_b) = (read_label(&label_a, "A")?, read_label(&label_b, "B")?);
        let report: ContrastReport =
            with_progress(&on_progress, |p| self.inner.contrast_with_progress(&a, &b, &label_a, &label_b, p))?;
        to_js(&report)
    }

    /// The ids of the statements a selector (`speaker=NAME`, `year=2017-2019`, `language=zh`,
    /// `id=ID`) chooses, in the order they were added; with `null`, those that none of `others`
    /// chooses (the rest). A selector that cannot be read throws `invalid_input`.
    #[cfg(feature = "groups")]
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn select(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | null")] selector: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string[]")] others: JsValue,
    ) -> Result<JsValue, JsValue> {
        let parse = |text: &str| Selector::parse(text).map_err(|e| invalid_input(&format!("selector: {e}")));
        let selector = match selector.as_string() {
            Some(text) => Some(parse(&text)?),
            None if selector.is_null() || selector.is_undefined() => None,
            None => return Err(invalid_input("the selector must be a string or null")),
        };
        let mut parsed = Vec::new();
        if !others.is_undefined() {
            for text in read_strings(&others, "others")? {
                parsed.push(parse(&text)?);
            }
        }
        let others: Vec<&Selector> = parsed.iter().collect();
        to_js(&self.inner.select(selector.as_ref(), &others))
    }

    /// Every place where `phrase` or a variant of it occurs, best first.
    #[wasm_bindgen(unchecked_return_type = "QueryReport")]
    pub fn query(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] phrase: JsValue,
    ) -> Result<JsValue, JsValue> {
        let phrase = phrase.as_string().ok_or_else(|| invalid_input("the query phrase must be a string"))?;
        let report: QueryReport = self.inner.query(&phrase).map_err(engine_error)?;
        to_js(&report)
    }

    /// Aligns statement `zhId` (a Chinese text) with statement `enId` (its English edition),
    /// sentence by sentence; excerpts name the sides `"zh"` and `"en"`. Only in the full package
    /// (pkg/full/, feature `parallel`).
    #[cfg(feature = "parallel")]
    #[wasm_bindgen(unchecked_return_type = "Alignment")]
    pub fn align(
        &self,
        #[wasm_bindgen(js_name = zhId, unchecked_param_type = "string")] zh_id: JsValue,
        #[wasm_bindgen(js_name = enId, unchecked_param_type = "string")] en_id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let zh_id = zh_id.as_string().ok_or_else(|| invalid_input("zhId must be a string"))?;
        let en_id = en_id.as_string().ok_or_else(|| invalid_input("enId must be a string"))?;
        let alignment: crate::report::Alignment = self.inner.align(&zh_id, &en_id).map_err(engine_error)?;
        to_js(&alignment)
    }
}

/// Runs `run` with `on_progress` (a JavaScript function, `undefined` or `null`) as its progress
/// callback: its answer `false` cancels the run, and an exception it throws stops the run and is
/// rethrown.
fn with_progress<T>(
    on_progress: &JsValue,
    run: impl FnOnce(&mut dyn FnMut(Progress) -> bool) -> Result<T, Error>,
) -> Result<T, JsValue> {
    if on_progress.is_undefined() || on_progress.is_null() {
        return run(&mut |_| true).map_err(engine_error);
    }
    let callback = on_progress.dyn_ref::<Function>().ok_or_else(|| invalid_input("onProgress must be a function"))?;
    let mut thrown = None;
    let result = run(&mut |p: Progress| {
        let answer = callback.call3(
            &JsValue::UNDEFINED,
            &JsValue::from_str(p.stage.name()),
            &JsValue::from_f64(p.done as f64),
            &JsValue::from_f64(p.total as f64),
        );
        match answer {
            Ok(answer) => answer.as_bool() != Some(false),
            Err(exception) => {
                thrown = Some(exception);
                false
            }
        }
    });
    match thrown {
        Some(exception) => Err(exception),
        None => result.map_err(engine_error),
    }
}

/// An array of strings (ids or selectors); `what` names it in the error.
#[cfg(feature = "groups")]
fn read_strings(value: &JsValue, what: &str) -> Result<Vec<String>, JsValue> {
    if !Array::is_array(value) {
        return Err(invalid_input(&format!("{what} must be an array of strings, got {}", type_name(value))));
    }
    let array = Array::from(value);
    let mut strings = Vec::with_capacity(array.length() as usize);
    for i in 0..array.length() {
        let v = array.get(i);
        let s = v.as_string();
        strings.push(s.ok_or_else(|| {
            invalid_input(&format!("{what} must be an array of strings; it holds {}", type_name(&v)))
        })?);
    }
    Ok(strings)
}

/// A group's label: a string, or `default` when absent.
#[cfg(feature = "groups")]
fn read_label(value: &JsValue, default: &str) -> Result<String, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(default.to_string());
    }
    value
        .as_string()
        .ok_or_else(|| invalid_input(&format!("a group's label must be a string, got {}", type_name(value))))
}

/// The one error conversion: an engine error becomes a JavaScript `Error` whose `code` is
/// [`Error::code`] and whose `message` is its text.
fn engine_error(e: Error) -> JsValue {
    js_error(e.code(), &e.to_string())
}

/// A JavaScript `Error` with `message` and a stable `code` property.
fn js_error(code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(code));
    error.into()
}

fn invalid_input(message: &str) -> JsValue {
    js_error("invalid_input", message)
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&Serializer::json_compatible())
        .map_err(|e| js_error("internal_error", &format!("could not convert the result: {e}")))
}

/// The JavaScript type of a value, for error messages (never the value itself).
fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_string()
    } else if Array::is_array(value) {
        "an array".to_string()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

/// Options from a plain object: each key is looked up in the table of options, its value read
/// as the option's kind; the rest (conversion, checks, messages) is the builder's.
fn read_options(value: &JsValue) -> Result<Options, JsValue> {
    let mut builder = Options::browser_builder();
    if !(value.is_undefined() || value.is_null()) {
        if !value.is_object() || Array::is_array(value) {
            return Err(invalid_input(&format!("options must be an object, got {}", type_name(value))));
        }
        let keys = Reflect::own_keys(value).map_err(|_| invalid_input("could not read the options object"))?;
        for key in keys.iter() {
            let Some(name) = key.as_string() else { continue }; // a Symbol key
            let v = Reflect::get(value, &key).map_err(|_| invalid_input("could not read the options object"))?;
            if v.is_undefined() {
                continue;
            }
            let kind =
                Options::kind(&name).ok_or_else(|| js_error("invalid_option", &format!("unknown option `{name}`")))?;
            let text = v.as_string();
            let (read, expected) = match kind {
                Kind::Bool => (v.as_bool().map(Value::Bool), "true or false"),
                Kind::Choice(_) => (text.as_deref().map(Value::Text), "a string"),
                _ => (v.as_f64().map(Value::Number), "a number"),
            };
            let read = read.ok_or_else(|| {
                js_error(
                    "invalid_option",
                    &format!("invalid option `{name}`: must be {expected}, got {}", type_name(&v)),
                )
            })?;
            builder = builder.set(&name, read).map_err(|e| engine_error(Error::from(e)))?;
        }
    }
    builder.build().map_err(|e| engine_error(Error::from(e)))
}

fn read_statement(value: &JsValue) -> Result<Statement, JsValue> {
    if !value.is_object() || Array::is_array(value) {
        return Err(invalid_input(&format!(
            "a statement must be an object {{id, text, title?, speaker?, date?, language?}}, got {}",
            type_name(value)
        )));
    }
    let field = |name: &str| -> Result<Option<String>, JsValue> {
        let v = Reflect::get(value, &JsValue::from_str(name))
            .map_err(|_| invalid_input(&format!("could not read the statement's `{name}`")))?;
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.as_string()
            .map(Some)
            .ok_or_else(|| invalid_input(&format!("the statement's `{name}` must be a string, got {}", type_name(&v))))
    };
    let required = |name: &str| -> Result<String, JsValue> {
        field(name)?.ok_or_else(|| invalid_input(&format!("a statement needs a string `{name}`")))
    };
    Ok(Statement {
        id: required("id")?,
        text: required("text")?,
        title: field("title")?,
        speaker: field("speaker")?,
        date: field("date")?,
        language: field("language")?,
    })
}
