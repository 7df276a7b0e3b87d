//! The engine compiled to WebAssembly, run in Node by wasm-bindgen-test-runner:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --target wasm32-unknown-unknown --test wasm_node`
//! (`make test` does it). It checks what can differ on wasm32: 32-bit `usize`, no clock or
//! threads, and the conversion of reports to JavaScript values that the bindings use.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Reflect, JSON};
use refrain::{utf16_len, Corpus, Error, Options, Statement};
use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const TEXTS: [(&str, &str); 4] = [
    ("en", "First, we must practise true multilateralism and build common, comprehensive, cooperative and sustainable security."),
    ("en2", "All countries should practise genuine multilateralism 🌍 and build common, comprehensive, cooperative and sustainable security."),
    ("zh", "我们要践行真正的多边主义，坚持共同、综合、合作、可持续的安全观 🤝 build common, comprehensive, cooperative and sustainable security."),
    ("mix", "Cafe\u{301} 𝒳 𝒴: build common, comprehensive, cooperative and sustainable security, 坚持共同、综合、合作、可持续的安全观。"),
];

fn corpus() -> Corpus {
    let mut corpus = Corpus::new(Options::default());
    for (id, text) in TEXTS {
        let mut s = Statement::new(id, text);
        s.date = Some(format!("2021-0{}-01", id.len()));
        corpus.add(s).unwrap();
    }
    corpus
}

fn check_excerpt(corpus: &Corpus, doc: &str, start: usize, end: usize, u16s: usize, u16e: usize, text: &str) {
    let original = &corpus.statements().iter().find(|s| s.id == doc).expect("known doc").text;
    assert_eq!(&original[start..end], text);
    assert_eq!(utf16_len(&original[..start]), u16s);
    assert_eq!(utf16_len(&original[..end]), u16e);
}

#[wasm_bindgen_test]
fn compare_and_query_give_exact_spans_on_wasm32() {
    let mut corpus = corpus();
    let report = corpus.compare();
    assert_eq!(report.statements.len(), 4);
    assert!(!report.families.is_empty());
    let mut checked = 0;
    for family in &report.families {
        for o in &family.occurrences {
            let e = &o.excerpt;
            check_excerpt(&corpus, &e.doc, e.start, e.end, e.utf16_start, e.utf16_end, &e.text);
            checked += 1;
        }
    }
    assert!(checked >= 4);
    let hits = corpus.query("sustainable security").unwrap();
    assert!(hits.occurrences.len() >= 4);
    for o in &hits.occurrences {
        let e = &o.excerpt;
        check_excerpt(&corpus, &e.doc, e.start, e.end, e.utf16_start, e.utf16_end, &e.text);
    }
}

#[wasm_bindgen_test]
fn progress_cancels_and_errors_have_codes() {
    let mut corpus = corpus();
    let mut calls = 0;
    let cancelled = corpus.compare_with_progress(&mut |_| {
        calls += 1;
        false
    });
    assert_eq!(cancelled.unwrap_err().code(), "cancelled");
    assert!(calls >= 1);
    // The corpus still works after a cancelled run.
    assert!(!corpus.compare().families.is_empty());
    assert_eq!(corpus.query("").unwrap_err(), Error::EmptyQuery);
    let small = Options::builder().max_statement_bytes(10).build().unwrap();
    let err = Corpus::new(small).add(Statement::new("a", "more than ten bytes")).unwrap_err();
    assert_eq!(err.code(), "statement_too_large");
}

#[wasm_bindgen_test]
fn a_large_statement_works_with_32_bit_offsets() {
    let chunk = "Dialogue 🌍 and cooperation, 坚持共同安全. ";
    let mut big: String = chunk.repeat(25_000); // about 1.2 MB
    big.push_str("At the end we uphold true multilateralism.");
    let mut corpus = Corpus::new(Options::default());
    corpus.add(Statement::new("big", big.clone())).unwrap();
    corpus.add(Statement::new("small", "They uphold true multilateralism today.")).unwrap();
    let hits = corpus.query("uphold true multilateralism").unwrap();
    let last = hits.occurrences.iter().filter(|o| o.excerpt.doc == "big").max_by_key(|o| o.excerpt.start).unwrap();
    check_excerpt(
        &corpus, "big", last.excerpt.start, last.excerpt.end, last.excerpt.utf16_start, last.excerpt.utf16_end,
        &last.excerpt.text,
    );
    assert!(last.excerpt.start > 1_000_000);
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    value.serialize(&Serializer::json_compatible()).unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn reports_convert_to_plain_json_compatible_objects() {
    let mut corpus = corpus();
    corpus.add(Statement::new("nodate", "build common, comprehensive, cooperative and sustainable security")).unwrap();
    let report = corpus.compare();
    let js = to_js(&report);
    assert_eq!(Object::get_prototype_of(&js), Object::get_prototype_of(&Object::new().into()));
    let statements = get(&js, "statements");
    let last = Reflect::get_u32(&statements, 4).unwrap();
    assert!(get(&last, "title").is_null(), "a missing title is null, not undefined");
    let family = Reflect::get_u32(&get(&js, "families"), 0).unwrap();
    let occurrence = Reflect::get_u32(&get(&family, "occurrences"), 0).unwrap();
    assert!(get(&occurrence, "doc").is_string(), "the excerpt is flattened into the occurrence");
    assert!(get(&occurrence, "utf16_start").as_f64().is_some());
    // A JSON round trip keeps everything (no Map, no undefined, no BigInt).
    let text = JSON::stringify(&js).unwrap();
    let back = JSON::parse(&text.as_string().unwrap()).unwrap();
    assert_eq!(JSON::stringify(&back).unwrap(), text);
    let hits = to_js(&corpus.query("true multilateralism").unwrap());
    assert!(get(&hits, "occurrences").is_object());
}

/// Periodic text (the "peace security" x N): a report within the work budget and the
/// 4 GiB of wasm32 memory, not a trap; the shared run is one family covering both statements.
#[wasm_bindgen_test]
fn periodic_text_gives_a_report_not_a_trap() {
    for n in [5_000, 10_000] {
        let mut corpus = Corpus::new(Options::default());
        corpus.add(Statement::new("a", "peace security ".repeat(n))).unwrap();
        corpus.add(Statement::new("b", "security peace ".repeat(n))).unwrap();
        let report = corpus.compare();
        assert!(!report.stats.budget_exhausted, "{n}: {:?}", report.notes);
        let content_words = report.statements.iter().map(|s| s.content_words).sum();
        assert!(report.stats.work <= Options::default().work_limit(content_words));
        let f = &report.families[0];
        assert_eq!(f.statements, 2);
        for o in &f.occurrences {
            let e = &o.excerpt;
            check_excerpt(&corpus, &e.doc, e.start, e.end, e.utf16_start, e.utf16_end, &e.text);
            assert!(e.end - e.start > 15 * n * 9 / 10, "{n}: the occurrence covers the statement");
        }
        let hits = corpus.query("peace security").unwrap();
        assert!(hits.total > 0);
    }
}

/// A budget too small for periodic text stops the run with a note that names the option.
#[wasm_bindgen_test]
fn periodic_text_under_a_small_budget_says_so() {
    let options = Options::builder().work_budget(200_000).work_per_word(0).build().unwrap();
    let mut corpus = Corpus::new(options);
    corpus.add(Statement::new("a", "peace security justice ".repeat(20_000))).unwrap();
    corpus.add(Statement::new("b", "justice peace security ".repeat(20_000))).unwrap();
    let report = corpus.compare();
    assert!(report.stats.budget_exhausted);
    assert!(report.stats.work <= 200_000);
    assert!(report.notes.iter().any(|n| n.contains("raise work_budget")), "{:?}", report.notes);
}

/// The core alone on wasm32 has no word segmenter (the bindings hand it the browser's): it cuts
/// Chinese per character, as before it had one, with exact spans.
#[wasm_bindgen_test]
fn without_the_bindings_chinese_is_cut_per_character() {
    let text = "践行真正的🌍多边主义";
    let tokens = refrain::text::tokenize(text);
    let words: Vec<&str> = tokens.iter().map(|t| &text[t.span.range()]).collect();
    assert_eq!(words, ["践", "行", "真", "正", "的", "多", "边", "主", "义"]);
    assert!(tokens.iter().all(|t| t.kind == refrain::text::TokenKind::Ideograph));
    assert_eq!((tokens[5].utf16_start, tokens[5].utf16_end), (7, 8), "after the emoji's two UTF-16 units");
}

/// Without the bindings the core splits words itself (no Unicode tables in the payload): words,
/// numbers and contractions stay whole, as the Unicode word rules keep them.
#[wasm_bindgen_test]
fn without_the_bindings_words_numbers_and_contractions_stay_whole() {
    let text = "Don't stop: the UN’s 1.5 degrees, 3,000 people, U.S. e-mail 2017-2024 cafe\u{301} 🌍 naïve Привет";
    let tokens = refrain::text::tokenize(text);
    let words: Vec<&str> = tokens.iter().map(|t| &text[t.span.range()]).collect();
    assert_eq!(
        words,
        [
            "Don't", "stop", "the", "UN’s", "1.5", "degrees", "3,000", "people", "U.S", "e-mail", "2017", "2024",
            "cafe\u{301}", "naïve", "Привет"
        ]
    );
    let kinds: Vec<refrain::text::TokenKind> = tokens.iter().map(|t| t.kind).collect();
    assert_eq!(kinds[4], refrain::text::TokenKind::Number);
    assert_eq!(kinds[6], refrain::text::TokenKind::Number);
    for t in &tokens {
        assert_eq!(utf16_len(&text[..t.span.start]), t.utf16_start);
        assert_eq!(utf16_len(&text[..t.span.end]), t.utf16_end);
    }
    // The same tokens as the native build (UAX #29) gives: the fixture line of tests/segmentation.rs.
    let line = "Don't stop: the UN’s role, U.S. policy, e-mail to info@example.org and x_y";
    let words: Vec<String> = refrain::text::tokenize(line).iter().map(|t| line[t.span.range()].to_string()).collect();
    assert_eq!(words.join(" "), "Don't stop the UN’s role U.S policy e-mail to info example.org and x_y");
}
