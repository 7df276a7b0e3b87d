//! Hostile inputs: every input the engine and the CLI accept gives a report or a clear error,
//! never a panic or a hang, with bounded work and spans that slice back exactly.
//!
//! The engine's cases are the table of `tests/common/hostile.rs` (shared with
//! `benches/hostile.rs`, which prints each case's time and peak memory); the CLI's cases
//! (invalid UTF-8, a byte order mark, sidecars) are the table below. Assertions are about
//! correctness only, never timing. A debug build (plain `cargo test`) divides the largest
//! sizes by 5; `cargo test --release --test hostile` runs every case at the size its name says.

#[path = "common/checks.rs"]
mod checks;
#[path = "common/hostile.rs"]
mod hostile;

use hostile::{table, Case, Expect};
use refrain::{Corpus, Report, Statement};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A valid report (see `common/checks.rs`) that shows what the case expects.
#[track_caller]
fn check_report(name: &str, statements: &[Statement], case: &Case, report: &Report) {
    checks::report(statements, &case.options, report);
    let n = statements.len();
    match case.expect {
        Expect::Valid => {}
        Expect::NoFamily => {
            assert!(report.families.is_empty(), "{name}: {:?}", report.families.first().map(|f| &f.root))
        }
        Expect::SomeFamily => assert!(!report.families.is_empty(), "{name}: no family"),
        Expect::InEveryStatement => {
            assert!(report.families.iter().any(|f| f.statements == n), "{name}: no family in all {n} statements")
        }
        Expect::SharedWholesale => {
            assert!(!report.stats.budget_exhausted, "{name}: {:?}", report.notes);
            let f = &report.families[0];
            assert_eq!(f.statements, 2, "{name}");
            for s in &statements[..2] {
                let covered: usize = f
                    .occurrences
                    .iter()
                    .filter(|o| o.excerpt.doc == s.id)
                    .map(|o| o.excerpt.end - o.excerpt.start)
                    .sum();
                assert!(
                    covered * 10 >= s.text.len() * 9,
                    "{name}: {} covers {covered} of {} bytes",
                    s.id,
                    s.text.len()
                );
            }
        }
    }
}

/// Runs one case: adds its statements, compares, queries.
fn run(name: &str, case: &Case) {
    let mut corpus = Corpus::new(case.options.clone());
    let mut accepted = Vec::new();
    let mut refused = None;
    for s in &case.statements {
        match corpus.add(s.clone()) {
            Ok(()) => accepted.push(s.clone()),
            Err(e) => {
                assert!(!e.to_string().is_empty(), "{name}: an error says what is wrong");
                refused = Some(e.code());
                break;
            }
        }
    }
    assert_eq!(refused, case.refused, "{name}: the statement refused");
    let report = corpus.compare();
    check_report(name, &accepted, case, &report);
    let mut queries = case.queries.clone();
    queries.push(("common security".to_string(), None));
    for (phrase, error) in &queries {
        match corpus.query(phrase) {
            Ok(q) => {
                assert_eq!(*error, None, "{name}: query {phrase:?} should fail");
                checks::query(&accepted, &case.options, phrase, &q);
            }
            Err(e) => assert_eq!(Some(e.code()), *error, "{name}: query {phrase:?}: {e}"),
        }
    }
}

#[test]
fn every_hostile_input_gives_a_report_or_a_clear_error() {
    for entry in table() {
        let case = (entry.build)(hostile::divisor());
        run(entry.name, &case);
    }
}

/// The periodic cases of the issue finish within the default budget, and a small budget
/// makes them stop early with a note, not fail.
#[test]
fn periodic_text_under_a_tiny_budget_returns_a_note() {
    for budget in [1_000, 100_000, 1_000_000] {
        let options = refrain::Options::builder().work_budget(budget).work_per_word(0).build().unwrap();
        let mut corpus = Corpus::new(options);
        corpus.add(Statement::new("a", "peace security ".repeat(10_000))).unwrap();
        corpus.add(Statement::new("b", "security peace ".repeat(10_000))).unwrap();
        let report = corpus.compare();
        assert!(report.stats.work <= budget);
        assert!(report.stats.budget_exhausted, "budget {budget}");
        assert!(
            report.notes.iter().any(|n| n.contains("ran out while") && n.contains("raise work_budget")),
            "{:?}",
            report.notes
        );
    }
}

/// Past half the report's size bound, a long diff lists only the words that differ, and the
/// families after it still have theirs in full.
#[test]
fn long_diffs_are_cut_to_the_words_that_differ() {
    let mut corpus = Corpus::new(refrain::Options::default());
    let a = "peace security ".repeat(20_000) + " We must practise true multilateralism now.";
    let b = "security peace ".repeat(20_000) + " We must practise genuine multilateralism now.";
    corpus.add(Statement::new("a", a)).unwrap();
    corpus.add(Statement::new("b", b)).unwrap();
    let report = corpus.compare();
    assert!(report.notes.iter().any(|n| n.contains("list only the words that differ")), "{:?}", report.notes);
    let long = &report.families[0];
    assert!(long.occurrences.iter().all(|o| o.excerpt.text.len() > 100_000));
    assert!(long.occurrences.iter().all(|o| o.diff.iter().all(|e| e.op != refrain::report::EditOp::Equal)));
    let formula = report
        .families
        .iter()
        .find(|f| ["practice true multilateralism", "practice genuine multilateralism"].contains(&f.root_norm.as_str()))
        .expect("the formula");
    // The occurrence that is not the root's wording.
    let variant = formula.occurrences.iter().find(|o| o.excerpt.doc != formula.root_excerpt.doc).unwrap();
    let ops: Vec<_> = variant.diff.iter().map(|e| e.op).collect();
    use refrain::report::EditOp::{Equal, Variant};
    assert_eq!(ops, [Equal, Variant, Equal], "a short diff after the cut is whole");
}

// ---------------------------------------------------------------------------------------------
// The CLI: files as they come (bytes, not strings) and their sidecars.

fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A CLI case: its name, its files (name and bytes), and what the run must give.
type CliCase = (&'static str, Vec<(&'static str, Vec<u8>)>, Cli);

/// What a CLI run must give.
enum Cli {
    /// Exit 0 and a JSON report whose spans slice the files' bytes; then the check.
    Report(fn(&Value)),
    /// Exit 1 with a message naming each of these (a file, an offset, a key).
    Refused(&'static [&'static str]),
}

const STATEMENT: &str =
    "We practise true multilateralism and build common, comprehensive, cooperative and sustainable security.";

#[test]
fn the_cli_reports_or_refuses_clearly() {
    let huge = "x".repeat(1 << 20);
    let huge_sidecar = format!("{{\"title\": \"{huge}\", \"speaker\": \"{huge}\"}}");
    // (name, files as (name, bytes), expected)
    let cases: Vec<CliCase> = vec![
        ("invalid UTF-8", vec![("a.txt", b"peace \xff security".to_vec())], Cli::Refused(&["a.txt", "byte offset 6"])),
        ("UTF-8 cut short", vec![("a.txt", b"peace \xe4\xb8".to_vec())], Cli::Refused(&["a.txt", "byte offset 6"])),
        (
            "a lone surrogate",
            vec![("a.txt", b"ok \xed\xa0\x80 no".to_vec())],
            Cli::Refused(&["a.txt", "byte offset 3"]),
        ),
        (
            "byte order mark",
            vec![("a.txt", [b"\xef\xbb\xbf".as_slice(), STATEMENT.as_bytes()].concat()), ("b.txt", STATEMENT.into())],
            Cli::Report(|r| assert!(!r["families"].as_array().unwrap().is_empty())),
        ),
        (
            "NUL bytes, an empty file, CRLF",
            vec![
                ("a.txt", b"\0\0\0".to_vec()),
                ("b.txt", Vec::new()),
                ("c.txt", STATEMENT.replace(", ", ",\r\n").into()),
            ],
            Cli::Report(|r| assert_eq!(r["statements"].as_array().unwrap().len(), 3)),
        ),
        (
            "sidecar: invalid JSON",
            vec![("a.txt", STATEMENT.into()), ("a.json", b"{\"title\": ".to_vec())],
            Cli::Refused(&["a.json"]),
        ),
        (
            "sidecar: not an object",
            vec![("a.txt", STATEMENT.into()), ("a.json", b"[1, 2]".to_vec())],
            Cli::Refused(&["a.json"]),
        ),
        (
            "sidecar: a wrong type",
            vec![("a.txt", STATEMENT.into()), ("a.json", br#"{"title": ["a list"]}"#.to_vec())],
            Cli::Refused(&["a.json", "title"]),
        ),
        (
            "sidecar: invalid UTF-8",
            vec![("a.txt", STATEMENT.into()), ("a.json", b"{\"title\": \"\xff\"}".to_vec())],
            Cli::Refused(&["a.json"]),
        ),
        (
            "sidecar: huge strings",
            vec![("a.txt", STATEMENT.into()), ("a.json", huge_sidecar.into_bytes())],
            Cli::Report(|r| assert_eq!(r["statements"][0]["title"].as_str().unwrap().len(), 1 << 20)),
        ),
        (
            "sidecar: a date like 0000-99-99",
            vec![
                ("a.txt", STATEMENT.into()),
                ("a.json", br#"{"date": "0000-99-99"}"#.to_vec()),
                ("b.txt", STATEMENT.into()),
                ("b.json", br#"{"date": 2021, "speaker": 7}"#.to_vec()),
            ],
            Cli::Report(|r| {
                assert_eq!(r["statements"][0]["date"], "0000-99-99");
                assert_eq!(r["statements"][0]["date_key"], "0000", "no month 99");
                assert_eq!(r["statements"][1]["date_key"], "2021");
            }),
        ),
    ];
    for (name, files, expected) in cases {
        let dir = temp_dir(&name.replace([' ', ':', ','], "-"));
        for (file, bytes) in &files {
            std::fs::write(dir.join(file), bytes).unwrap();
        }
        let out = Command::new(env!("CARGO_BIN_EXE_refrain"))
            .args(["compare", dir.to_str().unwrap(), "--json"])
            .output()
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        match expected {
            Cli::Refused(words) => {
                assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
                for w in words {
                    assert!(stderr.contains(w), "{name}: {stderr:?} does not name {w:?}");
                }
            }
            Cli::Report(check) => {
                assert_eq!(out.status.code(), Some(0), "{name}: {stderr}");
                let report: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
                let bytes: HashMap<String, Vec<u8>> =
                    files.iter().map(|(f, b)| (dir.join(f).to_string_lossy().into_owned(), b.clone())).collect();
                for f in report["families"].as_array().unwrap() {
                    for o in f["occurrences"].as_array().unwrap() {
                        let file = &bytes[o["doc"].as_str().unwrap()];
                        let (s, e) = (o["start"].as_u64().unwrap() as usize, o["end"].as_u64().unwrap() as usize);
                        assert_eq!(&file[s..e], o["text"].as_str().unwrap().as_bytes(), "{name}");
                    }
                }
                check(&report);
            }
        }
    }
}
