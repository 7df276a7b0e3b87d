//! The engine compiled to WebAssembly, run in headless Chromium by wasm-bindgen-test-runner
//! (`CHROMEDRIVER=/usr/bin/chromedriver`; `make test` does it). It checks UTF-16 offsets
//! against real browser strings, lone surrogates included.
#![cfg(target_arch = "wasm32")]

use js_sys::JsString;
use refrain::{Corpus, Options, Statement};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The browser's string for `units`, and the Rust string a wasm-bindgen conversion makes of it
/// (lone surrogates become U+FFFD).
fn browser_string(units: &[u16]) -> (JsString, String) {
    let js = JsString::from_char_code(units);
    let rust = js.as_string().expect("a JavaScript string converts");
    (js, rust)
}

/// Checks every excerpt against the browser string: its UTF-16 slice, made well-formed, is `text`.
fn check(corpus: &mut Corpus, originals: &[(String, JsString)], phrase: &str) -> usize {
    let find = |doc: &str| &originals.iter().find(|(id, _)| id == doc).expect("known doc").1;
    let report = corpus.compare();
    let hits = corpus.query(phrase).unwrap();
    let mut excerpts: Vec<_> =
        report.families.iter().flat_map(|f| f.occurrences.iter().map(|o| o.excerpt.clone())).collect();
    excerpts.extend(hits.occurrences.iter().map(|o| o.excerpt.clone()));
    for e in &excerpts {
        let js = find(&e.doc);
        assert!(e.utf16_end as u32 <= js.length());
        let slice = js.slice(e.utf16_start as u32, e.utf16_end as u32);
        assert_eq!(String::from(slice.to_well_formed()), e.text, "UTF-16 span of {} in {}", e.text, e.doc);
    }
    assert!(!hits.occurrences.is_empty(), "the query {phrase:?} finds something");
    excerpts.len()
}

fn units(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

#[wasm_bindgen_test]
fn utf16_spans_index_browser_strings() {
    let texts = [
        "🌍🌏 We build common, comprehensive, cooperative and sustainable security 🤝 for all.",
        "Cafe\u{301} 𝒳: they build common, comprehensive, cooperative and sustainable security.",
        "践行真正的多边主义 👨‍👩‍👧 build common, comprehensive, cooperative and sustainable security，坚持共同安全。",
    ];
    let mut corpus = Corpus::new(Options::default());
    let mut originals = vec![];
    for (i, text) in texts.iter().enumerate() {
        let (js, rust) = browser_string(&units(text));
        assert_eq!(&rust, text);
        corpus.add(Statement::new(format!("s{i}"), rust)).unwrap();
        originals.push((format!("s{i}"), js));
    }
    assert!(check(&mut corpus, &originals, "sustainable security") >= 3);
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_utf16_offsets() {
    let mut a = units("Lone ");
    a.push(0xD800); // a high surrogate alone
    a.extend(units(" here: build common, comprehensive, cooperative and sustainable security."));
    let mut b = vec![0xDC00, 0xDC00]; // two low surrogates alone
    b.extend(units(" build common, comprehensive, cooperative and sustainable"));
    b.push(0xDBFF);
    b.extend(units(" security 😀 end"));
    b.push(0xD83D); // half of an emoji at the very end
    let mut corpus = Corpus::new(Options::default());
    let mut originals = vec![];
    for (id, u) in [("a", a), ("b", b)] {
        let (js, rust) = browser_string(&u);
        assert!(!js.is_well_formed());
        assert!(rust.contains('\u{FFFD}'));
        assert_eq!(rust.encode_utf16().count(), u.len(), "U+FFFD is one UTF-16 unit, like the surrogate");
        corpus.add(Statement::new(id, rust)).unwrap();
        originals.push((id.to_string(), js));
    }
    assert!(check(&mut corpus, &originals, "build common, comprehensive, cooperative") >= 2);
}
