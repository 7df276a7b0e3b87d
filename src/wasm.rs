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

use crate::report::{QueryReport, Report};
use crate::{Error, Options, OptionsBuilder, Progress, Statement};
use js_sys::{Array, Function, Reflect};
use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Default `max_statements` in the browser (the engine's own default is larger).
const BROWSER_MAX_STATEMENTS: usize = 2_000;
/// Default `max_statement_bytes` in the browser: 8 MiB.
const BROWSER_MAX_STATEMENT_BYTES: usize = 8 << 20;
/// Default `max_total_bytes` in the browser: 32 MiB.
const BROWSER_MAX_TOTAL_BYTES: usize = 32 << 20;
/// Default `work_budget` in the browser: a few seconds at worst (a unit is about 10 ns natively,
/// 15-25 ns in WebAssembly); the 112 statements of the test corpus need about 18 million.
const BROWSER_WORK_BUDGET: u64 = 150_000_000;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Engine options: snake_case keys as in the Rust `OptionsBuilder`; every key is optional. */
export interface Options {
  /** Fewest statements a family must occur in (default 2, at least 2). */
  min_statements?: number;
  /** Fewest content words in a family's root (default 2, 1 to 50). */
  min_words?: number;
  /** Least weight of a family's root (default 1.0). */
  min_weight?: number;
  /** Least similarity in (0, 1] for a one-off variant to join a family (default 0.75). */
  fuzzy_threshold?: number;
  /** Most families in a report (default 300). */
  max_families?: number;
  /** Least score in (0, 1] of a query occurrence (default 0.5). */
  query_min_score?: number;
  /** Most occurrences a query returns (default 500). */
  query_max_results?: number;
  /** Most words in a query phrase (default 64). */
  query_max_words?: number;
  /** British and American spellings compare equal (default true). */
  spelling?: boolean;
  /** Plural and third-person -s are ignored (default true). */
  inflection?: boolean;
  /** Near-synonyms of the built-in lexicon fill the same slot (default true). */
  synonyms?: boolean;
  /** Most units of work of one run (default 400 million). */
  work_budget?: number;
  /** Most statements (browser default 2,000). */
  max_statements?: number;
  /** Most UTF-8 bytes in one statement (browser default 8 MiB). */
  max_statement_bytes?: number;
  /** Most UTF-8 bytes in all statements together (browser default 32 MiB). */
  max_total_bytes?: number;
  /** Largest corpus whose report carries the similarity matrix (default 2,000). */
  matrix_max_statements?: number;
}

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

/** Called now and then during `compare`; returning `false` cancels the run (error code `cancelled`). */
export type ProgressCallback = (stage: Stage, done: number, total: number) => boolean | void;

/** The stable codes of the `code` property of errors thrown by `Corpus`. */
export type ErrorCode =
  | "invalid_input" | "invalid_option" | "empty_id" | "duplicate_id" | "statement_too_large"
  | "too_many_statements" | "corpus_too_large" | "empty_query" | "query_too_long" | "cancelled"
  | "internal_error";

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
  id: string;
  /** Stable across runs while `root_norm` is: a hash of it. */
  key: string;
  root: string;
  root_norm: string;
  root_excerpt: Excerpt;
  score: number;
  /** True when the root looks like a proper name ("Paris Agreement"); its score counts 0.6. */
  name: boolean;
  weight: number;
  statements: number;
  speakers: number;
  stability: number;
  slots: Slot[];
  first_use: FirstUse | null;
  timeline: TimelinePoint[];
  occurrences: Occurrence[];
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
  families_found: number;
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
}

/** The result of `Corpus.query`. */
export interface QueryReport {
  schema_version: number;
  query: string;
  query_norm: string;
  occurrences: QueryOccurrence[];
  total: number;
  budget_exhausted: boolean;
}
"#;

/// A set of statements and the analyses of them (the engine's `Corpus`).
#[wasm_bindgen(js_name = Corpus)]
pub struct JsCorpus {
    inner: crate::Corpus,
}

/// NFKC by the JavaScript engine (`String.prototype.normalize`), handed to the core.
fn js_nfkc(word: &str) -> String {
    String::from(js_sys::JsString::from(word).normalize("NFKC"))
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
        let options = read_options(&options)?;
        Ok(JsCorpus { inner: crate::Corpus::new(options) })
    }

    /// The options in force, browser defaults included.
    #[wasm_bindgen(getter, unchecked_return_type = "Required<Options>")]
    pub fn options(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.options())
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
        let report: Result<Report, Error> = if on_progress.is_undefined() || on_progress.is_null() {
            self.inner.compare_with_progress(&mut |_| true)
        } else {
            let callback =
                on_progress.dyn_ref::<Function>().ok_or_else(|| invalid_input("onProgress must be a function"))?;
            let mut thrown = None;
            let report = self.inner.compare_with_progress(&mut |p: Progress| {
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
            if let Some(exception) = thrown {
                return Err(exception);
            }
            report
        };
        to_js(&report.map_err(engine_error)?)
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

fn read_options(value: &JsValue) -> Result<Options, JsValue> {
    let mut builder = Options::builder()
        .max_statements(BROWSER_MAX_STATEMENTS)
        .max_statement_bytes(BROWSER_MAX_STATEMENT_BYTES)
        .max_total_bytes(BROWSER_MAX_TOTAL_BYTES)
        .work_budget(BROWSER_WORK_BUDGET);
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
            builder = set_option(builder, &name, &v)?;
        }
    }
    builder.build().map_err(|e| engine_error(Error::from(e)))
}

fn set_option(b: OptionsBuilder, name: &str, v: &JsValue) -> Result<OptionsBuilder, JsValue> {
    Ok(match name {
        "min_statements" => b.min_statements(whole(name, v)?),
        "min_words" => b.min_words(whole(name, v)?),
        "min_weight" => b.min_weight(number(name, v)?),
        "fuzzy_threshold" => b.fuzzy_threshold(number(name, v)?),
        "max_families" => b.max_families(whole(name, v)?),
        "query_min_score" => b.query_min_score(number(name, v)?),
        "query_max_results" => b.query_max_results(whole(name, v)?),
        "query_max_words" => b.query_max_words(whole(name, v)?),
        "spelling" => b.spelling(flag(name, v)?),
        "inflection" => b.inflection(flag(name, v)?),
        "synonyms" => b.synonyms(flag(name, v)?),
        "work_budget" => b.work_budget(whole::<u64>(name, v)?),
        "max_statements" => b.max_statements(whole(name, v)?),
        "max_statement_bytes" => b.max_statement_bytes(whole(name, v)?),
        "max_total_bytes" => b.max_total_bytes(whole(name, v)?),
        "matrix_max_statements" => b.matrix_max_statements(whole(name, v)?),
        _ => return Err(js_error("invalid_option", &format!("unknown option `{name}`"))),
    })
}

fn number(name: &str, v: &JsValue) -> Result<f64, JsValue> {
    v.as_f64().ok_or_else(|| {
        js_error("invalid_option", &format!("invalid option `{name}`: must be a number, got {}", type_name(v)))
    })
}

/// A whole number >= 0 that fits `T` (a JavaScript number is exact up to 2^53).
fn whole<T: TryFrom<u64>>(name: &str, v: &JsValue) -> Result<T, JsValue> {
    let x = number(name, v)?;
    let fits = x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x <= 9_007_199_254_740_991.0;
    fits.then(|| T::try_from(x as u64).ok()).flatten().ok_or_else(|| {
        js_error(
            "invalid_option",
            &format!(
                "invalid option `{name}`: must be a whole number >= 0 within range, got {}",
                crate::options::number(x)
            ),
        )
    })
}

fn flag(name: &str, v: &JsValue) -> Result<bool, JsValue> {
    v.as_bool().ok_or_else(|| {
        js_error("invalid_option", &format!("invalid option `{name}`: must be true or false, got {}", type_name(v)))
    })
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
