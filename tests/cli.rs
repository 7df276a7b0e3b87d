//! Runs the built `refrain` binary on temporary files: outputs, sidecars, exit codes, messages.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const A: &str = "We must practise true multilateralism and build common, comprehensive, cooperative and sustainable security.\nThe world needs peace.\n";
const B: &str = "All countries should practice genuine multilateralism and uphold common, comprehensive, cooperative and sustainable security for everyone.\n";
const C: &str = "Nothing in this note is shared with the others: tea, gardens, bicycles.\n";

/// A fresh, empty directory under Cargo's temporary directory for integration tests.
fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "cli-{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
}

/// Two statements sharing formulas, and one sharing nothing.
fn corpus(name: &str) -> (PathBuf, [String; 3]) {
    let dir = temp_dir(name);
    let files = ["a.txt", "b.txt", "c.txt"].map(|f| dir.join(f).to_string_lossy().into_owned());
    write(Path::new(&files[0]), A);
    write(Path::new(&files[1]), B);
    write(Path::new(&files[2]), C);
    (dir, files)
}

fn refrain(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_refrain")).args(args).output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

#[track_caller]
fn assert_exit(o: &Output, code: i32) {
    assert_eq!(o.status.code(), Some(code), "exit status\n--- stdout\n{}\n--- stderr\n{}", stdout(o), stderr(o));
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

/// A minimal RFC 4180 reader: rows of fields, quotes doubled inside quoted fields.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field");
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Checks that an excerpt (doc, start, end, utf16_*, text) matches the file it names.
#[track_caller]
fn assert_excerpt(v: &Value) {
    let doc = v["doc"].as_str().unwrap();
    let text = std::fs::read_to_string(doc).unwrap();
    let (start, end) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
    assert_eq!(&text[start..end], v["text"].as_str().unwrap(), "excerpt text of {doc} {start}..{end}");
    assert_eq!(v["utf16_start"].as_u64().unwrap() as usize, utf16_len(&text[..start]));
    assert_eq!(v["utf16_end"].as_u64().unwrap() as usize, utf16_len(&text[..end]));
}

// ---------------------------------------------------------------------------------------------

#[test]
fn help_and_version() {
    for flag in ["--help", "-h"] {
        let o = refrain(&[flag]);
        assert_exit(&o, 0);
        assert!(stdout(&o).contains("refrain compare"));
        assert!(stdout(&o).contains("--min-statements"));
    }
    let o = refrain(&["compare", "--help"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("--min-statements"));
    let o = refrain(&["help", "query"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("<PHRASE>"));
    let o = refrain(&["contrast", "--help"]);
    assert_exit(&o, 0);
    for needle in ["--a <FILE_OR_DIR>", "--b <FILE_OR_DIR>", "--by <KEY=VALUE[:VALUE]>", "year=2017-2019:2022-2024"] {
        assert!(stdout(&o).contains(needle), "{needle}: {}", stdout(&o));
    }
    let o = refrain(&["--version"]);
    assert_exit(&o, 0);
    assert_eq!(stdout(&o).trim(), format!("refrain {}", env!("CARGO_PKG_VERSION")));
}

/// The help's entries: a flag's line and the lines clap wrapped under it, joined.
fn help_entries(help: &str) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    for line in help.lines() {
        let t = line.trim();
        if t.starts_with('-') {
            entries.push(t.to_string());
        } else if line.starts_with("      ") && !t.is_empty() {
            if let Some(last) = entries.last_mut() {
                last.push(' ');
                last.push_str(t);
            }
        }
    }
    entries
}

#[test]
fn help_lists_every_option_with_its_rule_and_default() {
    for args in [&["--help"][..], &["compare", "--help"], &["query", "--help"]] {
        let o = refrain(args);
        assert_exit(&o, 0);
        let entries = help_entries(&stdout(&o));
        for spec in refrain::options::SPECS {
            let flag = flag_of(spec);
            let entry = entries
                .iter()
                .find(|e| e.starts_with(&format!("--{flag} ")))
                .unwrap_or_else(|| panic!("{args:?}: --{flag} is in the help"));
            assert!(entry.contains(spec.doc), "{entry}");
            assert!(entry.contains(&format!("[default: {}]", spec.plain_default())), "{entry}");
            if !spec.rule_text.is_empty() {
                assert!(entry.contains(&format!("must be {}", spec.rule_text)), "{entry}");
            }
            if spec.kind == refrain::options::Kind::Bool {
                assert!(entries.iter().any(|e| e.starts_with(&format!("--no-{flag} "))), "--no-{flag}");
            }
        }
    }
}

/// The command-line flag of an option of the table.
fn flag_of(spec: &refrain::options::Spec) -> String {
    spec.flag.map_or_else(|| spec.name.replace('_', "-"), String::from)
}

#[test]
fn completion_scripts_know_every_option() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = refrain(&["completions", shell]);
        assert_exit(&o, 0);
        let script = stdout(&o);
        for word in ["compare", "query", "contrast", "json", "csv"] {
            assert!(script.contains(word), "{shell}: {word}");
        }
        for spec in refrain::options::SPECS {
            assert!(script.contains(&flag_of(spec)), "{shell}: --{}", flag_of(spec));
        }
    }
    // The bash script is valid bash.
    let script = stdout(&refrain(&["completions", "bash"]));
    let dir = temp_dir("completions");
    write(&dir.join("refrain.bash"), &script);
    let check = Command::new("bash").arg("-n").arg(dir.join("refrain.bash")).output().expect("bash runs");
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));

    let o = refrain(&["completions", "tcsh"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("tcsh") && stderr(&o).contains("bash"), "{}", stderr(&o));
}

#[test]
fn the_man_page_states_every_option_with_its_default() {
    let o = refrain(&["man"]);
    assert_exit(&o, 0);
    let page = stdout(&o);
    assert!(page.contains(".TH refrain 1"), "{page}");
    assert!(page.contains("Exit status: 0 success"), "the man page carries the notes of --help");
    for spec in refrain::options::SPECS {
        let flag = format!("\\fB\\-\\-{}\\fR", flag_of(spec).replace('-', "\\-"));
        let at = page.find(&format!("\n.TP\n{flag}")).unwrap_or_else(|| panic!("{flag} has an entry"));
        let entry = &page[at + 5..];
        let entry = &entry[..entry.find("\n.TP").unwrap_or(entry.len())];
        assert!(entry.contains(&format!("[default: {}]", spec.plain_default())), "{entry}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        // clap's wording; each message names what is wrong (the command, the argument or the option).
        (&[], "Usage: refrain compare"),
        (&["frobnicate", "x.txt"], "frobnicate"),
        (&["compare"], "<FILE_OR_DIR>"),
        (&["query"], "<PHRASE>"),
        (&["query", "true multilateralism"], "<FILE_OR_DIR>"),
        (&["compare", "x.txt", "--frobnicate"], "--frobnicate"),
        (&["compare", "x.txt", "--min-statements"], "a value is required for '--min-statements"),
        (&["compare", "x.txt", "--min-statements", "two"], "'--min-statements <N>': expects a whole number"),
        (&["compare", "x.txt", "--min-weight=heavy"], "'--min-weight <X>': expects a number"),
        (&["compare", "x.txt", "--json", "--csv"], "at most one"),
        (&["--csv", "compare", "x.txt", "--json"], "at most one"),
        (&["compare", "x.txt", "--no-synonyms=yes"], "unexpected value 'yes' for '--no-synonyms'"),
    ];
    for (args, needle) in cases {
        let o = refrain(args);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains(needle), "{args:?}: stderr lacks {needle:?}:\n{}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?} printed on stdout");
    }
}

#[test]
fn invalid_option_values_give_the_builders_message() {
    // The option is checked before any file is read, so the file need not exist.
    let cases: &[(&[&str], &str, &str)] = &[
        (&["--min-statements", "1"], "min_statements", "--min-statements"),
        (&["--min-words", "0"], "min_words", "--min-words"),
        (&["--min-weight", "-1"], "min_weight", "--min-weight"),
        (&["--fuzzy-threshold", "1.5"], "fuzzy_threshold", "--fuzzy-threshold"),
        (&["--max-families", "0"], "max_families", "--max-families"),
        (&["--min-score", "0"], "query_min_score", "--min-score"),
        (&["--work-budget", "10"], "work_budget", "--work-budget"),
    ];
    for (opts, option, flag) in cases {
        let mut args = vec!["compare", "does-not-exist.txt"];
        args.extend_from_slice(opts);
        let o = refrain(&args);
        assert_exit(&o, 2);
        let err = stderr(&o);
        assert!(err.contains(&format!("invalid option `{option}`")), "{opts:?}: {err}");
        assert!(err.contains(flag), "{opts:?}: {err}");
    }
}

#[test]
fn missing_file_exits_1_and_names_it() {
    let dir = temp_dir("missing");
    let missing = dir.join("nowhere.txt");
    let m = missing.to_string_lossy();
    let o = refrain(&["compare", &m]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains(&*m), "{}", stderr(&o));
    assert!(stderr(&o).contains("no such file"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

#[test]
fn invalid_utf8_names_the_file_and_the_byte_offset() {
    let dir = temp_dir("utf8");
    let bad = dir.join("latin1.txt");
    write(&bad, b"Secret words: caf\xe9 au lait");
    let truncated = dir.join("cut.txt");
    write(&truncated, "命运".as_bytes().iter().chain(&[0xe5, 0x85]).copied().collect::<Vec<u8>>());
    let good = dir.join("good.txt");
    write(&good, A);

    let o = refrain(&["compare", &good.to_string_lossy(), &bad.to_string_lossy()]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains(&*bad.to_string_lossy()), "{err}");
    assert!(err.contains("byte offset 17"), "{err}");
    assert!(!err.contains("Secret"), "the user's text leaked into stderr: {err}");
    assert!(o.stdout.is_empty());

    let o = refrain(&["query", "common security", &truncated.to_string_lossy()]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("byte offset 6"), "{}", stderr(&o));
}

#[test]
fn json_report_with_sidecars() {
    let (dir, files) = corpus("json");
    write(
        &dir.join("a.json"),
        r#"{"title": "Speech A", "speaker": "Alice", "date": "2021-09-21 (video)", "language": "en", "sha256": "ignored", "extra": {"nested": [1, 2]}}"#,
    );
    write(&dir.join("b.json"), r#"{"speaker": "Bob", "date": "2023", "title": null}"#);
    let o = refrain(&["compare", "--json", &files[0], &files[1], &files[2]]);
    assert_exit(&o, 0);
    assert!(o.stderr.is_empty(), "stderr is not a terminal, so no progress bar: {}", stderr(&o));
    let r = json(&o);
    assert_eq!(r["schema_version"], 1);
    let statements = r["statements"].as_array().unwrap();
    let ids: Vec<&str> = statements.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, files.iter().map(String::as_str).collect::<Vec<_>>(), "ids are the paths as given, in order");
    assert_eq!(statements[0]["title"], "Speech A");
    assert_eq!(statements[0]["speaker"], "Alice");
    assert_eq!(statements[0]["date"], "2021-09-21 (video)");
    assert_eq!(statements[0]["language"], "en");
    assert_eq!(statements[1]["speaker"], "Bob");
    assert_eq!(statements[1]["title"], Value::Null);
    assert_eq!(statements[2]["speaker"], Value::Null, "no sidecar, no metadata");

    let families = r["families"].as_array().unwrap();
    let security = families
        .iter()
        .find(|f| f["root_norm"].as_str().unwrap().contains("sustainable security"))
        .expect("the shared security formula is a family");
    assert!(security["statements"].as_u64().unwrap() >= 2);
    for f in families {
        for o in f["occurrences"].as_array().unwrap() {
            assert_excerpt(o);
            assert_ne!(o["doc"].as_str().unwrap(), files[2], "c.txt shares nothing");
        }
        assert_excerpt(&f["root_excerpt"]);
    }
    assert_eq!(r["similarity"]["ids"].as_array().unwrap().len(), 3);
    // Why each family ranks where it does: its measures, the factors of its score, in words.
    let why = &security["why"];
    for key in ["association", "log_likelihood", "dispersion", "unevenness", "repeats", "burstiness", "years"] {
        assert!(why.get(key).is_some(), "why.{key}: {why}");
    }
    let x = &why["factors"];
    let product: f64 = ["reuse", "length", "fixedness", "choice", "topic", "name", "boilerplate"]
        .iter()
        .map(|k| x[k].as_f64().unwrap())
        .product();
    assert!((product - security["score"].as_f64().unwrap()).abs() < 1e-3, "{x} vs {}", security["score"]);
    assert!(why["summary"].as_str().unwrap().starts_with("2 statements, 2 speakers"), "{why}");
}

/// The rows of a CSV output as maps from column to field.
fn csv_records(out: &str) -> Vec<std::collections::HashMap<String, String>> {
    let rows = parse_csv(out);
    rows[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.len(), rows[0].len(), "{r:?}");
            rows[0].iter().cloned().zip(r.iter().cloned()).collect()
        })
        .collect()
}

#[test]
fn csv_has_one_quoted_row_per_occurrence() {
    let (dir, files) = corpus("csv");
    write(&dir.join("a.json"), r#"{"title": "=1+1", "speaker": "Alice, the first", "date": "2021"}"#);
    let o = refrain(&["compare", &files[0], &files[1], "--csv"]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    let rows = parse_csv(&out);
    assert_eq!(
        rows[0],
        [
            "family", "family_root", "family_score", "family_statements", "family_speakers", "family_stability",
            "statement", "title", "speaker", "date", "utf16_start", "utf16_end", "byte_start", "byte_end",
            "similarity", "text"
        ]
    );
    assert!(out.ends_with("\r\n") && out.matches("\r\n").count() == rows.len(), "CRLF after every row");
    let records = csv_records(&out);
    assert!(records.len() >= 2, "at least one family with two occurrences:\n{out}");
    let report = json(&refrain(&["compare", &files[0], &files[1], "--json"]));
    let occurrences: usize =
        report["families"].as_array().unwrap().iter().map(|f| f["occurrences"].as_array().unwrap().len()).sum();
    assert_eq!(records.len(), occurrences, "one row per occurrence");
    for r in &records {
        assert!(r["family"].starts_with('f'));
        r["family_score"].parse::<f64>().unwrap();
        let text = std::fs::read_to_string(&r["statement"]).unwrap();
        let (start, end): (usize, usize) = (r["byte_start"].parse().unwrap(), r["byte_end"].parse().unwrap());
        assert_eq!(text[start..end], r["text"]);
        assert_eq!(r["utf16_start"].parse::<usize>().unwrap(), utf16_len(&text[..start]));
        assert_eq!(r["utf16_end"].parse::<usize>().unwrap(), utf16_len(&text[..end]));
        let sim: f64 = r["similarity"].parse().unwrap();
        assert!((0.0..=1.0).contains(&sim));
        for decimal in [&r["family_score"], &r["family_stability"], &r["similarity"]] {
            assert!(decimal.split('.').nth(1).map_or(0, str::len) <= 4, "at most 4 decimals: {decimal}");
        }
        if r["statement"] == files[0] {
            assert_eq!(r["title"], "'=1+1", "a formula is defused");
            assert_eq!(r["speaker"], "Alice, the first");
            assert_eq!(r["date"], "2021");
        } else {
            assert_eq!((r["title"].as_str(), r["speaker"].as_str()), ("", ""), "no sidecar, no metadata");
        }
    }
    // A root holding commas must have been quoted for the rows to have 16 fields.
    assert!(records.iter().any(|r| r["family_root"].contains(',')), "the security formula has commas:\n{out}");
}

#[test]
fn csv_header_without_families() {
    let (_dir, files) = corpus("csvempty");
    let o = refrain(&["compare", &files[0], &files[2], "--csv"]);
    assert_exit(&o, 0);
    assert_eq!(parse_csv(&stdout(&o)).len(), 1, "the header alone:\n{}", stdout(&o));
}

#[test]
fn text_summary() {
    let (dir, files) = corpus("text");
    write(&dir.join("a.json"), r#"{"speaker": "Alice", "date": "2021"}"#);
    let o = refrain(&["compare", &files[0], &files[1], &files[2]]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    assert!(out.starts_with("3 statements"), "{out}");
    assert!(out.contains("Strongest families"), "{out}");
    assert!(out.contains("sustainable security"), "{out}");
    assert!(out.contains("Shared share"), "{out}");
    assert!(out.contains("Similarity"), "{out}");
    assert!(out.contains("Alice"), "{out}");
    // Why each family ranks where it does: the report's summary, under the family.
    let report = json(&refrain(&["compare", "--json", &files[0], &files[1], &files[2]]));
    let first = &report["families"][0];
    let summary = first["why"]["summary"].as_str().unwrap();
    assert!(!summary.is_empty());
    let block: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.contains(&format!("{}  “", first["id"].as_str().unwrap())))
        .take_while(|l| !l.trim_start().starts_with("in: "))
        .collect();
    let why: Vec<&str> = block.iter().skip_while(|l| !l.trim_start().starts_with("why: ")).copied().collect();
    assert!(!why.is_empty(), "a why line under the family:\n{out}");
    let said = why
        .iter()
        .take_while(|l| l.trim_start().starts_with("why: ") || l.starts_with("           "))
        .map(|l| l.trim().trim_start_matches("why: "))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(said, summary, "{out}");
    // Abbreviated ids: file names without the folder and the extension.
    assert!(out.contains("  a ") || out.contains(" a\n") || out.contains("in: a"), "{out}");
    assert!(!out.contains(&*dir.to_string_lossy()), "labels are abbreviated:\n{out}");
}

#[test]
fn query_text_and_json() {
    let (_dir, files) = corpus("query");
    let o = refrain(&["query", "genuine multilateralism", &files[0], &files[1], &files[2]]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    assert!(out.contains("genuine multilateralism"), "{out}");
    assert!(out.contains("[genuine multilateralism]"), "keyword in context:\n{out}");
    assert!(out.contains("practice "), "the text before is shown:\n{out}");

    let o = refrain(&["query", "--json", "genuine multilateralism", &files[0], &files[1], &files[2]]);
    assert_exit(&o, 0);
    let r = json(&o);
    assert_eq!(r["query"], "genuine multilateralism");
    let occ = r["occurrences"].as_array().unwrap();
    assert!(!occ.is_empty());
    assert_eq!(occ[0]["doc"], files[1], "the exact wording ranks first");
    assert_eq!(occ[0]["text"], "genuine multilateralism");
    for o in occ {
        assert_excerpt(o);
        let s = o["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&s));
        assert_ne!(o["doc"], files[2]);
    }
    let scores: Vec<f64> = occ.iter().map(|o| o["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first: {scores:?}");
}

#[test]
fn query_csv() {
    let (_dir, files) = corpus("querycsv");
    let o = refrain(&["query", "sustainable security", &files[0], &files[1], "--csv"]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    assert_eq!(parse_csv(&out)[0][..4], ["rank", "score", "statement", "title"]);
    let records = csv_records(&out);
    assert_eq!(records.len(), 2, "{out}");
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r["rank"], (i + 1).to_string());
        let text = std::fs::read_to_string(&r["statement"]).unwrap();
        let (start, end): (usize, usize) = (r["byte_start"].parse().unwrap(), r["byte_end"].parse().unwrap());
        assert_eq!(text[start..end], r["text"]);
        assert!(text[..start].ends_with(&r["before"]), "{r:?}");
        assert!(!r["explanation"].is_empty());
    }
}

#[test]
fn empty_query_is_a_usage_error() {
    let (_dir, files) = corpus("emptyquery");
    let o = refrain(&["query", "  ", &files[0]]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("empty_query"), "{}", stderr(&o));
}

#[test]
fn directories_are_read_recursively_in_sorted_order() {
    let dir = temp_dir("walk");
    write(&dir.join("z.txt"), A);
    write(&dir.join("sub/b.txt"), B);
    write(&dir.join("m.TXT"), C);
    write(&dir.join("notes.md"), A);
    write(&dir.join(".hidden.txt"), A);
    write(&dir.join(".git/x.txt"), A);
    write(&dir.join("sub/b.json"), r#"{"speaker": "Bob"}"#);
    let d = dir.to_string_lossy();
    let o = refrain(&["compare", "--json", &d]);
    assert_exit(&o, 0);
    let r = json(&o);
    let ids: Vec<String> =
        r["statements"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_string()).collect();
    let expected: Vec<String> =
        ["m.TXT", "sub/b.txt", "z.txt"].iter().map(|f| dir.join(f).to_string_lossy().into_owned()).collect();
    assert_eq!(ids, expected);
    assert_eq!(r["statements"][1]["speaker"], "Bob");
}

#[test]
fn empty_directory_and_duplicates_are_input_errors() {
    let dir = temp_dir("empty");
    write(&dir.join("readme.md"), "no statements here");
    let o = refrain(&["compare", &dir.to_string_lossy()]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("no .txt file"), "{}", stderr(&o));

    let (_dir, files) = corpus("dup");
    let o = refrain(&["compare", &files[0], &files[0]]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("duplicate_id"), "{}", stderr(&o));
}

#[test]
fn malformed_sidecars_are_errors_naming_the_file() {
    let (dir, files) = corpus("sidecar");
    let sidecar = dir.join("a.json");
    for (content, needle) in [
        (r#"{"speaker": "Alice", "#, "not valid JSON"),
        (r#"["Alice"]"#, "JSON object"),
        (r#"{"speaker": ["Alice"]}"#, "\"speaker\" must be a string"),
    ] {
        write(&sidecar, content);
        let o = refrain(&["compare", &files[0], &files[1]]);
        assert_exit(&o, 1);
        let err = stderr(&o);
        assert!(err.contains(&*sidecar.to_string_lossy()), "{err}");
        assert!(err.contains(needle), "{err}");
        assert!(!err.contains("Alice"), "the sidecar's content is not echoed: {err}");
    }
}

#[test]
fn options_change_the_result() {
    let (_dir, files) = corpus("options");
    let count = |extra: &[&str]| -> usize {
        let mut args = vec!["compare", "--json", files[0].as_str(), files[1].as_str()];
        args.extend_from_slice(extra);
        let o = refrain(&args);
        assert_exit(&o, 0);
        json(&o)["families"].as_array().unwrap().len()
    };
    assert!(count(&[]) >= 1);
    assert_eq!(count(&["--max-families", "1"]), 1);
    assert_eq!(count(&["--min-statements", "3"]), 0, "only two statements");
}

/// Runs the program in `dir`, reads the first `n` bytes of its output and closes the pipe, as
/// `refrain ... | head -c N` does.
fn read_then_close(dir: &Path, args: &[&str], n: usize) -> (Vec<u8>, Output) {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_refrain"))
        .current_dir(dir)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = vec![0u8; n];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    (first, child.wait_with_output().unwrap())
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // The report (about 200 KB) is larger than a pipe's buffer (64 KB), so the program is still
    // writing when the reader goes away after one byte, as with `refrain ... | head -c 1`.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let (first, o) = read_then_close(&root, &["compare", "--json", "."], 1);
    assert_eq!(first, b"{");
    assert_exit(&o, 0);
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}

#[test]
fn fixtures_compare_cleanly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let o = Command::new(env!("CARGO_BIN_EXE_refrain"))
        .current_dir(&root)
        .args(["compare", "--json", "."])
        .output()
        .unwrap();
    assert_exit(&o, 0);
    let r = json(&o);
    let statements = r["statements"].as_array().unwrap();
    assert_eq!(statements.len(), 10);
    let seed =
        statements.iter().find(|s| s["id"] == "./seed/editorial-brics-nsa-2023.txt").expect("ids are joined paths");
    assert_eq!(seed["speaker"], Value::Null);
    let chn = statements.iter().find(|s| s["id"] == "./ungdc/CHN_78_2023.txt").unwrap();
    assert_eq!(chn["speaker"], "Han Zheng");
    assert_eq!(chn["language"], "en");
    let o = Command::new(env!("CARGO_BIN_EXE_refrain")).current_dir(&root).args(["compare", "."]).output().unwrap();
    assert_exit(&o, 0);
    assert!(stdout(&o).starts_with("10 statements"));
}

#[test]
fn the_order_flag_orders_the_families() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let families = |order: &str| -> Vec<Value> {
        let o = Command::new(env!("CARGO_BIN_EXE_refrain"))
            .current_dir(&root)
            .args(["compare", "--json", ".", "--order", order])
            .output()
            .unwrap();
        assert_exit(&o, 0);
        let families = json(&o)["families"].as_array().unwrap().clone();
        for (k, f) in families.iter().enumerate() {
            assert_eq!(f["id"], format!("f{}", k + 1), "ids follow the order");
        }
        families
    };
    let keys = |fs: &[Value]| fs.iter().map(|f| f["key"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    let formulaic = families("formulaic");
    assert!(formulaic.len() > 5);
    assert!(formulaic.windows(2).all(|w| w[0]["score"].as_f64() >= w[1]["score"].as_f64()));
    let widespread = families("widespread");
    let reach = |f: &Value| (f["statements"].as_u64().unwrap(), f["speakers"].as_u64().unwrap());
    assert!(widespread.windows(2).all(|w| reach(&w[0]) >= reach(&w[1])));
    let first_used = families("first_used");
    let date = |f: &Value| f["first_use"]["date"].as_str().map(str::to_string);
    for w in first_used.windows(2) {
        match (date(&w[0]), date(&w[1])) {
            (Some(a), Some(b)) => assert!(a <= b, "{a} before {b}"),
            (None, Some(b)) => panic!("an undated family before one first used in {b}"),
            _ => {}
        }
    }
    // The same families, in other orders.
    let mut sorted = [keys(&formulaic), keys(&widespread), keys(&first_used)];
    assert_ne!(sorted[0], sorted[1]);
    assert_ne!(sorted[0], sorted[2]);
    for k in &mut sorted {
        k.sort();
    }
    assert!(sorted[0] == sorted[1] && sorted[0] == sorted[2]);

    let o = refrain(&["compare", "x.txt", "--order", "newest"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("--order") && stderr(&o).contains("first_used"), "{}", stderr(&o));
}

/// Two groups of three statements: the North repeats "practise true multilateralism", the South
/// says "uphold real multilateralism" once; both name "sustainable development goals" alike.
fn contrast_corpus(name: &str) -> (PathBuf, Vec<String>, Vec<String>) {
    let dir = temp_dir(name);
    let north = [
        "Today we practise true multilateralism and we pursue the sustainable development goals. Owls call in the old barn.",
        "This country shall practise true multilateralism, and the sustainable development goals stay our guide. Snow falls on the pass.",
        "May every nation practise genuine multilateralism, keeping the sustainable development goals close. Bees hum over clover.",
    ];
    let south = [
        "Here we uphold real multilateralism and work for the sustainable development goals. Ferries leave at noon.",
        "The sustainable development goals lead our planning, as does faith in institutions. Figs ripen in late summer.",
        "Citizens expect the sustainable development goals met within ten years. Kites rise over the dunes.",
    ];
    let mut files = (Vec::new(), Vec::new());
    for (group, texts, speaker) in [(&mut files.0, north, "North"), (&mut files.1, south, "South")] {
        for (i, text) in texts.iter().enumerate() {
            let path = dir.join(format!("{}{i}.txt", speaker.to_lowercase()));
            write(&path, text);
            write(&path.with_extension("json"), format!(r#"{{"speaker": "{speaker}", "date": "{}"}}"#, 2019 + i));
            group.push(path.to_string_lossy().into_owned());
        }
    }
    (dir, files.0, files.1)
}

/// Checks a contrast report's shape: groups, families sorted by z, counts and rates.
#[track_caller]
fn assert_contrast_shape(r: &Value) -> (Vec<Value>, Vec<Value>) {
    assert_eq!(r["schema_version"], 1);
    for g in ["a", "b"] {
        assert!(!r[g]["ids"].as_array().unwrap().is_empty(), "group {g}");
        assert!(r[g]["content_words"].as_u64().unwrap() > 0);
        assert!(!r[g]["label"].as_str().unwrap().is_empty());
    }
    let families = r["families"].as_array().unwrap();
    assert!(r["families_found"].as_u64().unwrap() as usize >= families.len());
    let z: Vec<f64> = families.iter().map(|f| f["z"].as_f64().unwrap()).collect();
    assert!(z.windows(2).all(|w| w[0] >= w[1]), "most distinctive of A first: {z:?}");
    for f in families {
        let (ca, cb) = (f["count_a"].as_u64().unwrap(), f["count_b"].as_u64().unwrap());
        assert!(ca + cb > 0);
        let words_a = r["a"]["content_words"].as_f64().unwrap();
        assert!((f["rate_a"].as_f64().unwrap() - ca as f64 / words_a * 10_000.0).abs() < 1e-3);
        let counted: u64 = f["wordings_a"].as_array().unwrap().iter().map(|w| w["count"].as_u64().unwrap()).sum();
        assert_eq!(counted, ca, "A's wordings count A's occurrences");
        assert!(f["family"]["id"].as_str().unwrap().starts_with('f'));
        assert!(f["family"]["why"]["summary"].is_string());
        for o in f["family"]["occurrences"].as_array().unwrap() {
            assert_excerpt(o);
        }
    }
    let a = families.iter().filter(|f| f["z"].as_f64().unwrap() > 0.0).cloned().collect();
    let b = families.iter().filter(|f| f["z"].as_f64().unwrap() < 0.0).cloned().collect();
    (a, b)
}

#[test]
fn contrast_of_files_in_json_text_and_csv() {
    let (_dir, north, south) = contrast_corpus("contrast-files");
    let mut args = vec!["contrast", "--json", "--a"];
    args.extend(north.iter().map(String::as_str));
    args.push("--b");
    args.extend(south.iter().map(String::as_str));
    let o = refrain(&args);
    assert_exit(&o, 0);
    let r = json(&o);
    let (a, _) = assert_contrast_shape(&r);
    assert_eq!(r["a"]["ids"].as_array().unwrap().len(), 3);
    assert_eq!(r["b"]["ids"].as_array().unwrap().len(), 3);
    assert_eq!(r["a"]["label"], north.join(", "));
    let formula = a
        .iter()
        .find(|f| f["family"]["root_norm"].as_str().unwrap().contains("multilateralism"))
        .expect("the North's formula is distinctive of A");
    assert_eq!((formula["count_a"].as_u64(), formula["count_b"].as_u64()), (Some(3), Some(1)));
    assert_eq!(formula["wordings_b"][0]["text"], "uphold real multilateralism");

    // --text: the two lists, with z and each group's wording.
    args[1] = "--text";
    let o = refrain(&args);
    assert_exit(&o, 0);
    let out = stdout(&o);
    assert!(out.starts_with("Contrast of two groups"), "{out}");
    let a_list = out.split("Most distinctive of group A").nth(1).expect("A's list").split("\n\n").next().unwrap();
    let id = formula["family"]["id"].as_str().unwrap();
    let row = a_list.lines().find(|l| l.trim_start().starts_with(&format!("{id} "))).expect("the formula's row");
    assert!(row.contains(&format!("{:+.2}", formula["z"].as_f64().unwrap())), "{row}");
    assert!(row.contains("uphold real multilateralism ×1"), "{row}");
    assert!(out.contains("group B") || out.contains("No family is used more by group B"), "{out}");

    // --csv: one row per family, in the report's order.
    args[1] = "--csv";
    let o = refrain(&args);
    assert_exit(&o, 0);
    let rows = csv_records(&stdout(&o));
    assert_eq!(
        parse_csv(&stdout(&o))[0].join(","),
        "id,root,z,log_odds,count_a,count_b,rate_a,rate_b,wording_a,wording_b"
    );
    let families = r["families"].as_array().unwrap();
    assert_eq!(rows.len(), families.len());
    for (row, f) in rows.iter().zip(families) {
        assert_eq!(row["id"], f["family"]["id"].as_str().unwrap());
        assert_eq!(row["count_a"], f["count_a"].to_string());
        let z: f64 = row["z"].parse().unwrap();
        assert!((z - f["z"].as_f64().unwrap()).abs() <= 5e-5, "z rounded to 4 decimals: {}", row["z"]);
        assert!(row["z"].split('.').nth(1).map_or(0, str::len) <= 4);
        assert_eq!(row["wording_a"], f["wordings_a"][0]["text"].as_str().unwrap_or(""));
    }
}

#[test]
fn contrast_with_the_rest_and_by_metadata() {
    let (dir, north, _south) = contrast_corpus("contrast-rest");
    let dir = dir.to_string_lossy().into_owned();
    // B is the rest of the statements given (the folder holds A's files too: read once).
    let o = refrain(&["contrast", &dir, "--json", "--a", &north[0], &north[1], &north[2]]);
    assert_exit(&o, 0);
    let r = json(&o);
    assert_contrast_shape(&r);
    assert_eq!(r["b"]["label"], "the rest");
    assert_eq!(r["a"]["ids"].as_array().unwrap().len() + r["b"]["ids"].as_array().unwrap().len(), 6);
    // The same groups by metadata.
    let o = refrain(&["contrast", &dir, "--json", "--by", "speaker=north"]);
    assert_exit(&o, 0);
    let by = json(&o);
    assert_eq!(by["a"]["label"], "speaker=north");
    assert_eq!(by["b"]["label"], "the rest");
    let ids = |r: &Value, g: &str| {
        let mut v: Vec<String> =
            r[g]["ids"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect();
        v.sort();
        v
    };
    let names = |v: Vec<String>| v.into_iter().map(|p| p.rsplit('/').next().unwrap().to_string()).collect::<Vec<_>>();
    assert_eq!(names(ids(&by, "a")), ["north0.txt", "north1.txt", "north2.txt"]);
    assert_eq!(names(ids(&r, "a")), names(ids(&by, "a")));
    assert_eq!(by["families"].as_array().unwrap().len(), r["families"].as_array().unwrap().len());
    // Two values of one key: A and B by year.
    let o = refrain(&["contrast", &dir, "--json", "--by", "year=2019:2020-2021"]);
    assert_exit(&o, 0);
    let years = json(&o);
    assert_contrast_shape(&years);
    assert_eq!(
        (years["a"]["label"].as_str(), years["b"]["label"].as_str()),
        (Some("year=2019"), Some("year=2020-2021"))
    );
    assert_eq!((ids(&years, "a").len(), ids(&years, "b").len()), (2, 4));
}

#[test]
fn contrast_errors_name_the_problem() {
    let (dir, north, south) = contrast_corpus("contrast-errors");
    let dir = dir.to_string_lossy().into_owned();
    let o = refrain(&["contrast", &dir, "--by", "speaker=Nobody"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("no statement matches speaker=Nobody"), "{}", stderr(&o));
    let o = refrain(&["contrast", &dir, "--by", "year=2019-2021"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("no statement is left for group B"), "{}", stderr(&o));
    let o = refrain(&["contrast", "--a", &north[0], "--b", &south[0], &north[0]]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("both in --a and in --b"), "{}", stderr(&o));
    let o = refrain(&["contrast", &dir, "--by", "year=2019:2019-2020"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("in both groups") && stderr(&o).contains("[invalid_groups]"), "{}", stderr(&o));
    for (args, needle) in [
        (&["contrast", dir.as_str()][..], "--a"),
        (&["contrast", "--a", north[0].as_str()], "<FILE_OR_DIR>"),
        (&["contrast", dir.as_str(), "--by", "colour=red"], "colour"),
        (&["contrast", dir.as_str(), "--by", "speaker=X", "--a", north[0].as_str()], "--by"),
    ] {
        let o = refrain(args);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn contrast_of_a_speaker_and_the_rest_of_the_general_debate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/ungdc");
    assert!(root.is_dir(), "../shared/corpus/ungdc must lie beside the repository");
    let root = root.to_string_lossy().into_owned();
    let o = refrain(&["contrast", &root, "--json", "--by", "speaker=Sergey Lavrov"]);
    assert_exit(&o, 0);
    let r = json(&o);
    let (a, b) = assert_contrast_shape(&r);
    assert_eq!(r["a"]["label"], "speaker=Sergey Lavrov");
    let lavrov = r["a"]["ids"].as_array().unwrap().len();
    assert!(lavrov >= 2, "his statements are read with their sidecars");
    assert!(r["b"]["ids"].as_array().unwrap().len() > lavrov * 5);
    assert!(!a.is_empty(), "families distinctive of his statements");
    assert!(!b.is_empty(), "and of the rest");
    // His most distinctive family is one he uses at a higher rate, in several of his statements.
    let top = &a[0];
    assert!(top["rate_a"].as_f64() > top["rate_b"].as_f64(), "{top}");
    assert!(!top["wordings_a"].as_array().unwrap().is_empty());
    let his: std::collections::HashSet<&str> =
        r["a"]["ids"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let in_his = top["family"]["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| his.contains(o["doc"].as_str().unwrap()))
        .count();
    assert_eq!(in_his as u64, top["count_a"].as_u64().unwrap());
    // The text lists both groups.
    let o = refrain(&["contrast", &root, "--by", "speaker=Sergey Lavrov", "--top", "5"]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    assert!(out.contains("Most distinctive of group A (speaker=Sergey Lavrov), 5 of"), "{out}");
    assert!(out.contains("Most distinctive of group B (the rest), 5 of"), "{out}");
}

#[test]
fn align_shows_a_chinese_text_and_its_english_edition_side_by_side() {
    let dir = temp_dir("align");
    let (zh, en) = (dir.join("zh.txt"), dir.join("en.txt"));
    write(&zh, "主席先生：我们要坚持多边主义，推动构建人类命运共同体。中国将提供20亿美元援助。（新华社北京9月22日电）");
    write(
        &en,
        "Mr. President,\n\nWe should uphold multilateralism and build a community with a shared future for mankind. \
         China will provide US$2 billion in assistance.\n",
    );
    let (zh, en) = (zh.to_string_lossy().into_owned(), en.to_string_lossy().into_owned());
    let o = refrain(&["align", &zh, &en, "--json"]);
    assert_exit(&o, 0);
    let r = json(&o);
    assert_eq!(r["schema_version"], 1);
    let kinds: Vec<(&str, &str)> = r["beads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["kind"].as_str().unwrap(), b["status"].as_str().unwrap()))
        .collect();
    assert_eq!(kinds, [("1-1", "aligned"), ("1-1", "aligned"), ("1-1", "aligned"), ("1-0", "no_counterpart")]);
    assert_eq!(r["unaligned_zh"], serde_json::json!([3]));
    let links: Vec<(&str, &str)> = r["beads"][1]["formulas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["zh"]["text"].as_str().unwrap(), f["en"]["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        links,
        [("坚持多边主义", "uphold multilateralism"), ("人类命运共同体", "community with a shared future for mankind")]
    );

    let o = refrain(&["align", &zh, &en]);
    assert_exit(&o, 0);
    let text = stdout(&o);
    assert!(text.contains("[4] 1-0  NOT ALIGNED: no counterpart in the other text"), "{text}");
    assert!(text.contains("人类命运共同体 → “community with a shared future for mankind”"), "{text}");
    assert!(text.lines().any(|l| l.contains("主席先生：") && l.contains("| Mr. President,")), "{text}");

    let o = refrain(&["align", &zh, &en, "--csv"]);
    assert_exit(&o, 2);
    let o = refrain(&["align", &zh, &dir.join("missing.txt").to_string_lossy()]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("missing.txt") && !stderr(&o).contains("主席"), "{}", stderr(&o));
}

/// `n` statements sharing two passages (`A`, `B`), each with a sentence of its own, in three
/// folders, written in an order that is not the sorted one.
fn many(name: &str, n: usize) -> PathBuf {
    let dir = temp_dir(name);
    for i in (0..n).rev() {
        let folder = ["b", "a", "c"][i % 3];
        write(&dir.join(format!("{folder}/{i:03}.txt")), format!("{A}Statement number {i} ends here.\n{B}"));
    }
    dir
}

#[test]
fn a_closed_pipe_ends_the_csv_without_an_error() {
    // Some 300 KB of rows, more than a pipe holds: the program is still writing when the reader
    // goes away.
    let dir = many("pipe", 300);
    let (first, o) = read_then_close(&dir, &["compare", "--csv", "."], 6);
    assert_eq!(first, b"family");
    assert_exit(&o, 0);
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}

#[test]
fn the_progress_bar_is_on_stderr_when_asked_and_never_shows_the_text() {
    let dir = many("progress", 150);
    let d = dir.to_string_lossy();
    // stderr is a pipe here, not a terminal: no bar unless asked for.
    let quiet = refrain(&["compare", "--json", &d]);
    assert_exit(&quiet, 0);
    assert!(quiet.stderr.is_empty(), "{}", stderr(&quiet));
    let never = refrain(&["compare", "--json", &d, "--progress", "never"]);
    assert!(never.stderr.is_empty() && never.stdout == quiet.stdout);
    // Asked for, it is written as lines (stage, bar, share, time left) and changes nothing else.
    let shown = refrain(&["compare", "--json", &d, "--progress", "always"]);
    assert_exit(&shown, 0);
    assert!(shown.stdout == quiet.stdout);
    for line in stderr(&shown).lines() {
        let rest = line.strip_prefix("refrain: ").unwrap_or_else(|| panic!("{line}"));
        let stage = rest.split(' ').next().unwrap();
        assert!(["tokenize", "repeats", "families", "report"].contains(&stage), "{line}");
        assert!(rest.contains('%') && !rest.contains("multilateralism") && !rest.contains("Statement"), "{line}");
    }
}

#[test]
fn many_files_are_read_in_sorted_order_and_the_first_bad_one_is_named() {
    let dir = many("many", 300);
    let d = dir.to_string_lossy();
    for jobs in ["1", "3"] {
        let o = refrain(&["compare", "--json", &d, "--jobs", jobs]);
        assert_exit(&o, 0);
        let ids: Vec<String> =
            json(&o)["statements"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().into()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids.len(), 300);
        assert_eq!(ids, sorted, "--jobs {jobs}");
        assert!(ids[0].ends_with("a/001.txt") && ids[299].ends_with("c/299.txt"), "{ids:?}");
    }
    // Two files that are not UTF-8: the first in sorted order is named, whichever thread read it.
    write(&dir.join("c/005.txt"), b"bad \xff");
    write(&dir.join("a/298.txt"), b"bad \xfe");
    for jobs in ["1", "2", "4"] {
        let o = refrain(&["compare", &d, "--jobs", jobs]);
        assert_exit(&o, 1);
        let err = stderr(&o);
        assert!(err.contains("a/298.txt is not valid UTF-8") && !err.contains("005"), "--jobs {jobs}: {err}");
    }
}

#[test]
fn results_do_not_depend_on_the_number_of_threads() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").to_string_lossy().into_owned();
    let many = many("jobs", 120).to_string_lossy().into_owned();
    for args in [
        &["compare", "--json", &fixtures][..],
        &["compare", "--csv", &fixtures],
        &["compare", &fixtures],
        &["compare", "--json", &many],
        &["query", "true multilateralism", &fixtures, "--json"],
        &["contrast", &fixtures, "--by", "language=en", "--json"],
    ] {
        let run = |jobs: &str| {
            let o = refrain(&[args, &["--jobs", jobs]].concat());
            assert_exit(&o, 0);
            o.stdout
        };
        let one = run("1");
        assert!(one.len() > 1000, "{args:?}");
        assert!(run("2") == one, "{args:?}: --jobs 2 differs from --jobs 1");
        assert!(run("3") == one, "{args:?}: --jobs 3 differs from --jobs 1");
    }
    for bad in ["0", "-1", "two", ""] {
        let o = refrain(&["compare", &fixtures, &format!("--jobs={bad}")]);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains("--jobs"), "{}", stderr(&o));
    }
}
