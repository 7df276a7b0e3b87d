//! Replays every input the fuzzers found a crash with (`fuzz/regressions/TARGET/*`, kept with
//! its fix) through the fuzz target's own body (`tests/common/checks.rs`), on stable Rust: a
//! crash once fixed stays fixed. `scripts/fuzz.sh` runs the fuzzers themselves.

#[path = "common/checks.rs"]
mod checks;

use std::path::Path;

/// The inputs kept for `target`, sorted by name.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions").join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    out.sort();
    out
}

/// A fuzz target: its name and its body.
type Target = (&'static str, fn(&[u8]));

/// Every kept crash input passes (none yet: the fuzzers have found no crash, see the README),
/// and so do inputs shaped like the seeds.
#[test]
fn crash_inputs_of_the_fuzzers_pass() {
    seed_like_inputs();
    let targets: [Target; 4] = [
        ("tokenize", checks::fuzz_tokenize),
        ("compare", checks::fuzz_compare),
        ("query", checks::fuzz_query),
        ("json", checks::fuzz_json),
    ];
    for (target, run) in targets {
        for (name, data) in inputs(target) {
            let outcome = std::panic::catch_unwind(|| run(&data));
            assert!(outcome.is_ok(), "fuzz/regressions/{target}/{name} fails again");
        }
    }
}

/// The targets' bodies accept what the seeds look like: statements cut at the record
/// separator, a query before the first one, the JSON the page sends.
fn seed_like_inputs() {
    let a = "We practise true multilateralism and common, comprehensive, cooperative and sustainable security.";
    let b = "Countries practise genuine multilateralism and build common, comprehensive, cooperative and sustainable security.";
    let two = format!("{a}\u{1e}{b}");
    checks::fuzz_tokenize(two.as_bytes());
    checks::fuzz_compare(two.as_bytes());
    checks::fuzz_query(format!("true multilateralism\u{1e}{two}").as_bytes());
    checks::fuzz_query(b"\xff\xfe\x1e\x1e");
    assert_eq!(checks::fuzz_statements(&two).len(), 2);
    let json = serde_json::json!({
        "options": {"min_words": 3, "spelling": false, "work_budget": 1e12},
        "statements": [{"id": "a", "text": a, "date": "0000-99-99"}, {"id": "b", "text": b, "title": null}, {"id": "a", "text": b}, 7]
    });
    checks::fuzz_json(json.to_string().as_bytes());
    checks::fuzz_json(br#"{"options": {"min_words": 0}}"#);
    checks::fuzz_json(br#"{"options": {"nonsense": 1}, "statements": "x"}"#);
}
