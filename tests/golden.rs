//! Golden reports on the real excerpts of `tests/fixtures/`, plus facts that must hold whatever
//! the golden files say.
//!
//! The golden files are compact text a person can review: `tests/golden/compare.txt` has, per
//! family, its rank, normalized root, statement count and score, then its occurrences as
//! `doc start..end text`; `tests/golden/queries.txt` has, per query, its occurrences with their
//! score and, where the wording differs, the word-by-word explanation. Neither pins the engine's
//! version nor the work counter, so a version bump or a cost change does not fail them. Exact
//! offsets and texts are checked against the statements by the facts below.
//!
//! When a snapshot differs from its golden file, the test writes `tests/golden/NAME.changed.txt`
//! (git-ignored) next to it and fails. Review the difference (`diff tests/golden/NAME.txt
//! tests/golden/NAME.changed.txt`); to accept it, run `REFRAIN_BLESS=1 cargo test --test golden`
//! and commit the golden files.

use refrain::options::Order;
use refrain::report::{EditOp, Excerpt, QueryReport};
use refrain::{utf16_len, Corpus, Options, Report, Statement};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::{Path, PathBuf};

const QUERIES: &[&str] = &[
    "genuine multilateralism",
    "sustainable security",
    "the principle of the sovereign equality of States",
    "人类命运共同体",
];

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// The fixtures as statements, in sorted path order; ids are the paths under `tests/fixtures/`
/// with `/` separators, so the golden files do not depend on where the repository lies.
fn fixtures() -> Vec<Statement> {
    let root = fixtures_dir();
    let statements = statements_under(&root);
    assert_eq!(statements.len(), 10, "the ten fixtures of tests/fixtures/README.md");
    statements
}

/// Every `.txt` under `root` as a statement (ids: paths under `root`, `/`-separated), with the
/// metadata of its `.json` sidecar.
fn statements_under(root: &Path) -> Vec<Statement> {
    let mut files = Vec::new();
    walk(root, &mut files);
    files.sort();
    files
        .iter()
        .map(|path| {
            let id = path
                .strip_prefix(root)
                .unwrap()
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let mut s = Statement::new(id, std::fs::read_to_string(path).unwrap());
            let sidecar = path.with_extension("json");
            if sidecar.exists() {
                let meta: Value = serde_json::from_slice(&std::fs::read(&sidecar).unwrap()).unwrap();
                let get = |k: &str| meta.get(k).and_then(Value::as_str).map(str::to_string);
                s.title = get("title");
                s.speaker = get("speaker");
                s.date = get("date");
                s.language = get("language");
            }
            s
        })
        .collect()
}

fn corpus(statements: &[Statement]) -> Corpus {
    let mut corpus = Corpus::new(Options::default());
    for s in statements {
        corpus.add(s.clone()).unwrap();
    }
    corpus
}

/// `text` with what a reader could not see made visible: line breaks and tabs as `\n`, `\t`,
/// `\r`, any other whitespace but the space and any control character as `\u{..}`, and the
/// backslash doubled.
fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c != ' ' && (c.is_whitespace() || c.is_control()) => {
                write!(out, "\\u{{{:x}}}", c as u32).unwrap();
            }
            c => out.push(c),
        }
    }
    out
}

fn excerpt_line(e: &Excerpt) -> String {
    format!("{} {}..{} {}", e.doc, e.start, e.end, visible(&e.text))
}

/// The comparison as `tests/golden/compare.txt` holds it.
fn compact_compare(report: &Report) -> String {
    let mut out = String::from(
        "# tests/fixtures compared with the default options. Per family: rank, normalized root, statements,\n\
         # score (3 decimals); then each occurrence as `doc start..end text` (UTF-8 byte offsets). Then per\n\
         # statement its words, content words and shared words, and the similarity matrix in thousandths.\n\
         # See tests/golden.rs; to accept a change: REFRAIN_BLESS=1 cargo test --test golden\n",
    );
    for (rank, f) in report.families.iter().enumerate() {
        writeln!(out, "{} {:?} statements={} score={:.3}", rank + 1, f.root_norm, f.statements, f.score).unwrap();
        for o in &f.occurrences {
            writeln!(out, "  {}", excerpt_line(&o.excerpt)).unwrap();
        }
    }
    writeln!(out, "statements: words content shared").unwrap();
    for s in &report.statements {
        writeln!(out, "  {} {} {} {}", s.id, s.words, s.content_words, s.shared_words).unwrap();
    }
    writeln!(out, "similarity (thousandths; rows and columns in statement order)").unwrap();
    for row in &report.similarity.matrix {
        let cells: Vec<String> = row.iter().map(|x| format!("{:4}", (x * 1000.0).round() as i64)).collect();
        writeln!(out, " {}", cells.join(" ")).unwrap();
    }
    out
}

/// The queries as `tests/golden/queries.txt` holds them.
fn compact_queries(queries: &[QueryReport]) -> String {
    let mut out = String::from(
        "# Queries on tests/fixtures (all statements, default options, after a comparison). Per query: the\n\
         # phrase, its normalized words, occurrences found; then each occurrence as `score doc start..end\n\
         # text [family]` (and `via \"phrase\"` when found through the bilingual lexicon), and where its\n\
         # wording differs from the phrase searched, the explanation word by word:\n\
         # `w` equal, `q~w` variant, `q/w` substitute, `+w` inserted, `-q` deleted, `^w` moved.\n\
         # See tests/golden.rs; to accept a change: REFRAIN_BLESS=1 cargo test --test golden\n",
    );
    for q in queries {
        let exhausted = if q.budget_exhausted { " (budget exhausted)" } else { "" };
        writeln!(out, "query {:?} norm {:?} total={}{exhausted}", q.query, q.query_norm, q.total).unwrap();
        for o in &q.occurrences {
            let family = o.family.as_deref().map(|f| format!(" [{f}]")).unwrap_or_default();
            let via = o.translation.as_ref().map(|t| format!(" via {:?}", t.phrase)).unwrap_or_default();
            writeln!(out, "  {:.3} {}{family}{via}", o.score, excerpt_line(&o.excerpt)).unwrap();
            if o.explanation.iter().any(|e| e.op != EditOp::Equal) {
                let word = |w: &Option<String>| visible(w.as_deref().unwrap_or("?"));
                let steps: Vec<String> = o
                    .explanation
                    .iter()
                    .map(|e| match e.op {
                        EditOp::Equal => word(&e.text),
                        EditOp::Variant => format!("{}~{}", word(&e.reference), word(&e.text)),
                        EditOp::Substitute => format!("{}/{}", word(&e.reference), word(&e.text)),
                        EditOp::Insert => format!("+{}", word(&e.text)),
                        EditOp::Delete => format!("-{}", word(&e.reference)),
                        EditOp::Move => format!("^{}", word(&e.text)),
                        _ => format!("{:?}", e.op),
                    })
                    .collect();
                writeln!(out, "        {}", steps.join(" ")).unwrap();
            }
        }
    }
    out
}

/// Compares `actual` with `tests/golden/NAME.txt`; see the module's documentation.
fn check_golden(name: &str, actual: &str) -> Result<(), String> {
    let dir = golden_dir();
    let golden = dir.join(format!("{name}.txt"));
    let changed = dir.join(format!("{name}.changed.txt"));
    if std::env::var_os("REFRAIN_BLESS").is_some_and(|v| v != "0" && !v.is_empty()) {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&golden, actual).unwrap();
        let _ = std::fs::remove_file(&changed);
        return Ok(());
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_default();
    if expected == actual {
        let _ = std::fs::remove_file(&changed);
        return Ok(());
    }
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(&changed, actual).unwrap();
    let first = expected
        .lines()
        .zip(actual.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
    Err(format!(
        "{name}: the snapshot differs from {} (first at line {}: expected {:?}, got {:?}).\n  The new snapshot is in {}.\n  Review: diff {} {}\n  Accept: REFRAIN_BLESS=1 cargo test --test golden",
        golden.display(),
        first + 1,
        expected.lines().nth(first).unwrap_or("<end of file>"),
        actual.lines().nth(first).unwrap_or("<end of file>"),
        changed.display(),
        golden.display(),
        changed.display(),
    ))
}

/// The strongest families as `tests/golden/ranking-top50.txt` holds them: rank, score,
/// statements, speakers, normalized root, and why.
fn compact_ranking(report: &Report, n: usize) -> String {
    let mut out = String::from(
        "# The 50 strongest families of ../shared/corpus (113 statements) with the default options: rank, score,\n\
         # statements, speakers, normalized root; then the family's `why.summary`. The ranking's review copy.\n\
         # See tests/golden.rs; to accept a change: REFRAIN_BLESS=1 cargo test --test golden\n",
    );
    for (rank, f) in report.families.iter().take(n).enumerate() {
        writeln!(out, "{:2} {:.3} st={} sp={} {:?}", rank + 1, f.score, f.statements, f.speakers, f.root_norm).unwrap();
        writeln!(out, "   {}", f.why.summary).unwrap();
    }
    out
}

/// The ranking on the real statements of `../shared/corpus`, beside the repository.
#[test]
fn ranking_of_the_shared_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    assert!(root.is_dir(), "../shared/corpus (the project's shared statements) must lie beside the repository");
    let statements = statements_under(&root);
    assert!(statements.len() >= 100, "only {} statements under {}", statements.len(), root.display());
    let report = corpus(&statements).compare();
    check_golden("ranking-top50", &compact_ranking(&report, 50)).unwrap_or_else(|e| panic!("{e}"));
}

/// Datelines and bylines are boilerplate, not refrains: on the Chinese statements of
/// `../shared/corpus/official/zh` (Xinhua's "（新华社北京11月20日电）《 人民日报 》（ 2020年11月21日 02 版）"
/// after twelve speeches, before two), in every order, no family whose occurrences are mostly
/// such lines is among the first 50, and every one that is reported is marked as boilerplate
/// and comes after every other family.
#[test]
fn datelines_are_not_refrains() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/official/zh");
    let statements = statements_under(&root);
    assert!(statements.len() >= 12, "only {} statements under {}", statements.len(), root.display());
    let wire = |t: &str| t.contains("新华社") || t.contains("日电") || t.contains("人民日报");
    for order in [Order::Formulaic, Order::Widespread, Order::Longest, Order::FirstUsed] {
        let options = Options::builder().order(order).max_families(5000).build().unwrap();
        let mut corpus = Corpus::new(options);
        for s in &statements {
            corpus.add(s.clone()).unwrap();
        }
        let report = corpus.compare();
        let datelines: Vec<usize> = (0..report.families.len())
            .filter(|&i| {
                let f = &report.families[i];
                f.occurrences.iter().filter(|o| wire(&o.excerpt.text)).count() * 2 > f.occurrences.len()
            })
            .collect();
        assert!(datelines.len() >= 2, "{order:?}: the two Xinhua lines are families: {datelines:?}");
        // Datelines, bylines and salutations come last.
        let credits = report.families.iter().filter(|f| f.why.summary.contains("a dateline, byline or salutation"));
        let first = report.families.len() - credits.count();
        for &i in &datelines {
            let f = &report.families[i];
            assert!(i >= 50, "{order:?}: the dateline {:?} ranks {}", f.root, i + 1);
            assert!(i >= first, "{order:?}: the dateline {:?} ranks {} of {}", f.root, i + 1, report.families.len());
            assert!(f.why.boilerplate, "{order:?}: {:?} {:?}", f.root, f.why);
            assert!(f.why.summary.contains("a dateline, byline or salutation"), "{}", f.why.summary);
        }
    }
}

#[test]
fn golden_reports() {
    let statements = fixtures();
    let mut corpus = corpus(&statements);
    let mut failures = Vec::new();
    let report = corpus.compare();
    if let Err(e) = check_golden("compare", &compact_compare(&report)) {
        failures.push(e);
    }
    let queries: Vec<QueryReport> = QUERIES.iter().map(|phrase| corpus.query(phrase).unwrap()).collect();
    if let Err(e) = check_golden("queries", &compact_queries(&queries)) {
        failures.push(e);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

// ---------------------------------------------------------------------------------------------
// Facts that hold whatever the golden files say.

fn text_of<'a>(statements: &'a [Statement], doc: &str) -> &'a str {
    &statements.iter().find(|s| s.id == doc).unwrap_or_else(|| panic!("unknown doc {doc}")).text
}

#[track_caller]
fn assert_excerpt(statements: &[Statement], e: &Excerpt) {
    let text = text_of(statements, &e.doc);
    assert!(e.start < e.end && e.end <= text.len(), "{}: span {}..{} out of range", e.doc, e.start, e.end);
    assert!(
        text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
        "{}: {}..{} not on char boundaries",
        e.doc,
        e.start,
        e.end
    );
    assert_eq!(&text[e.start..e.end], e.text, "{}: text at {}..{}", e.doc, e.start, e.end);
    assert_eq!(e.utf16_start, utf16_len(&text[..e.start]), "{}: utf16_start of {}", e.doc, e.start);
    assert_eq!(e.utf16_end, utf16_len(&text[..e.end]), "{}: utf16_end of {}", e.doc, e.end);
    assert_eq!(e.utf16_end - e.utf16_start, e.text.encode_utf16().count());
    let first = e.text.chars().next().unwrap();
    let last = e.text.chars().next_back().unwrap();
    assert!(!first.is_whitespace() && !last.is_whitespace(), "{}: excerpt {:?} has edge whitespace", e.doc, e.text);
}

#[test]
fn report_facts() {
    let statements = fixtures();
    let mut corpus = corpus(&statements);
    let report = corpus.compare();
    let options = Options::default();
    let order: Vec<&str> = statements.iter().map(|s| s.id.as_str()).collect();

    assert_eq!(report.schema_version, refrain::SCHEMA_VERSION);
    assert_eq!(report.statements.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), order, "statements in input order");
    for s in &report.statements {
        assert!(s.shared_words <= s.content_words && s.content_words <= s.words, "{}: word counts", s.id);
        let share = if s.content_words == 0 { 0.0 } else { s.shared_words as f64 / s.content_words as f64 };
        assert!((s.shared_share - share).abs() < 1e-9, "{}: shared_share", s.id);
        assert!(s.words > 0, "{}: has words", s.id);
    }
    assert_eq!(report.stats.statements, statements.len());
    assert_eq!(report.stats.words, report.statements.iter().map(|s| s.words).sum::<usize>());
    assert!(report.families.len() <= options.max_families());
    assert!(report.families.len() <= report.stats.families_found);
    assert!(!report.stats.budget_exhausted, "ten small excerpts fit the default budget");

    for (i, f) in report.families.iter().enumerate() {
        assert_eq!(f.id, format!("f{}", i + 1), "ids follow the rank");
        if i > 0 {
            assert!(report.families[i - 1].score >= f.score, "{}: strongest first", f.id);
        }
        assert!(f.score.is_finite() && f.weight.is_finite());
        assert!((0.0..=1.0).contains(&f.stability), "{}: stability {}", f.id, f.stability);
        assert_excerpt(&statements, &f.root_excerpt);
        assert_eq!(f.root, f.root_excerpt.text, "{}: the root is the text of its excerpt", f.id);
        assert!(!f.root_norm.is_empty());
        let docs: BTreeSet<&str> = f.occurrences.iter().map(|o| o.excerpt.doc.as_str()).collect();
        assert_eq!(f.statements, docs.len(), "{}: statements counts the docs of the occurrences", f.id);
        assert!(f.statements >= options.min_statements(), "{}: shared by at least min_statements", f.id);
        assert!(f.speakers >= 1 && f.speakers <= f.statements, "{}: speakers", f.id);
        assert!(docs.contains(f.root_excerpt.doc.as_str()), "{}: the root comes from an occurrence's statement", f.id);
        let mut last: Option<(usize, usize)> = None;
        for o in &f.occurrences {
            assert_excerpt(&statements, &o.excerpt);
            assert!((0.0..=1.0).contains(&o.similarity), "{}: similarity {}", f.id, o.similarity);
            let key = (order.iter().position(|d| *d == o.excerpt.doc).unwrap(), o.excerpt.start);
            if let Some(prev) = last {
                assert!(prev <= key, "{}: occurrences in statement order, then text order", f.id);
            }
            last = Some(key);
            let text = text_of(&statements, &o.excerpt.doc);
            for e in &o.diff {
                if let (Some(start), Some(end)) = (e.start, e.end) {
                    assert!(
                        o.excerpt.start <= start && end <= o.excerpt.end,
                        "{}: edit {start}..{end} outside its occurrence",
                        f.id
                    );
                    assert_eq!(e.text.as_deref(), Some(&text[start..end]), "{}: edit text", f.id);
                }
            }
        }
        for slot in &f.slots {
            assert!(slot.fillers.len() >= 2, "{}: a slot varies", f.id);
            assert!(slot.fillers.windows(2).all(|w| w[0].count >= w[1].count), "{}: fillers most frequent first", f.id);
        }
        for w in f.timeline.windows(2) {
            assert!(w[0].date < w[1].date, "{}: timeline by date", f.id);
        }
        if let Some(first) = &f.first_use {
            assert!(docs.contains(first.doc.as_str()));
            assert_eq!(
                Some(&first.date),
                f.timeline.first().map(|p| &p.date),
                "{}: first use is the timeline's first date",
                f.id
            );
        }
    }

    let sim = &report.similarity;
    assert_eq!(sim.ids, order.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(sim.matrix.len(), statements.len());
    for (a, row) in sim.matrix.iter().enumerate() {
        assert_eq!(row.len(), statements.len());
        for (b, &x) in row.iter().enumerate() {
            assert!((0.0..=1.0).contains(&x), "matrix[{a}][{b}] = {x}");
            if a == b {
                assert_eq!(x, 1.0, "diagonal");
            }
        }
    }
}

/// Statements sharing a family with an occurrence containing `needle` in each of `docs`.
fn missing_families(report: &refrain::Report, cases: &[(&str, &[&str])]) -> Vec<String> {
    let family_with = |needle: &str, docs: &[&str]| {
        report.families.iter().any(|f| {
            let found: BTreeSet<&str> = f
                .occurrences
                .iter()
                .filter(|o| o.excerpt.text.contains(needle))
                .map(|o| o.excerpt.doc.as_str())
                .collect();
            docs.iter().all(|d| found.contains(d))
        })
    };
    cases
        .iter()
        .filter(|(needle, docs)| !family_with(needle, docs))
        .map(|(needle, docs)| format!("no family has an occurrence containing {needle:?} in each of {docs:?}"))
        .collect()
}

/// The formulas any reader of the fixtures sees shared; see tests/fixtures/README.md.
#[test]
fn obvious_families_are_found() {
    let report = corpus(&fixtures()).compare();
    let missing = missing_families(
        &report,
        &[
            (
                "sustainable security",
                &[
                    "ungdc/CHN_78_2023.txt",
                    "official/en/xi_2020-11-17_brics12_summit.txt",
                    "seed/editorial-brics-nsa-2023.txt",
                ],
            ),
            ("shared future for", &["ungdc/CHN_78_2023.txt", "official/en/xi_2020-11-17_brics12_summit.txt"]),
            ("Summit of the Future", &["ungdc/CHN_78_2023.txt", "ungdc/IND_78_2023.txt"]),
            ("sovereign equality", &["ungdc/RUS_78_2023.txt", "ungdc/BRA_78_2023.txt", "ungdc/ZAF_78_2023.txt"]),
            (
                "Security Council",
                &[
                    "ungdc/BRA_78_2023.txt", "ungdc/IND_78_2023.txt", "ungdc/RUS_78_2023.txt", "ungdc/USA_78_2023.txt",
                    "ungdc/ZAF_78_2023.txt",
                ],
            ),
            (
                "global South",
                &["ungdc/CHN_78_2023.txt", "ungdc/RUS_78_2023.txt", "ungdc/IND_78_2023.txt", "ungdc/ZAF_78_2023.txt"],
            ),
            (
                "可持续的安全观",
                &[
                    "official/zh/xi_2020-11-17_brics12_summit_zh.txt",
                    "official/zh/xi_2020-11-10_sco20_heads_of_state_zh_xinhua.txt",
                ],
            ),
            (
                "人类命运共同体",
                &[
                    "official/zh/xi_2020-11-17_brics12_summit_zh.txt",
                    "official/zh/xi_2020-11-10_sco20_heads_of_state_zh_xinhua.txt",
                ],
            ),
        ],
    );
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[track_caller]
fn assert_query_facts(statements: &[Statement], q: &QueryReport, min_score: f64) {
    assert_eq!(q.schema_version, refrain::SCHEMA_VERSION);
    assert!(q.total >= q.occurrences.len());
    // Best first: the query's own occurrences, then those found through the lexicon.
    for w in q.occurrences.windows(2) {
        let own = (w[0].translation.is_none(), w[1].translation.is_none());
        assert!(own != (false, true), "{:?}: own occurrences first", q.query);
        assert!(own.0 != own.1 || w[0].score >= w[1].score, "{:?}: best first", q.query);
    }
    for o in &q.occurrences {
        assert_excerpt(statements, &o.excerpt);
        assert!((min_score..=1.0).contains(&o.score), "{:?}: score {}", q.query, o.score);
        let text = text_of(statements, &o.excerpt.doc);
        assert!(text[..o.excerpt.start].ends_with(&o.before), "{:?}: `before` is the text just before", q.query);
        assert!(text[o.excerpt.end..].starts_with(&o.after), "{:?}: `after` is the text just after", q.query);
        assert!(o.before.chars().count() <= 60 && o.after.chars().count() <= 60);
        for e in &o.explanation {
            if let (Some(start), Some(end)) = (e.start, e.end) {
                assert!(o.excerpt.start <= start && end <= o.excerpt.end);
                assert_eq!(e.text.as_deref(), Some(&text[start..end]));
            }
        }
    }
}

#[test]
fn query_facts() {
    let statements = fixtures();
    let mut corpus = corpus(&statements);
    let exact = |q: &QueryReport| -> BTreeSet<String> {
        q.occurrences.iter().filter(|o| o.score >= 1.0).map(|o| o.excerpt.doc.clone()).collect()
    };

    for phrase in QUERIES {
        let q = corpus.query(phrase).unwrap();
        assert_query_facts(&statements, &q, Options::default().query_min_score());
        assert_eq!(q.query, *phrase);
    }

    let q = corpus.query("genuine multilateralism").unwrap();
    assert!(exact(&q).contains("seed/editorial-brics-nsa-2023.txt"), "{:?}", exact(&q));
    let top = &q.occurrences[0];
    assert_eq!(top.excerpt.text, "genuine multilateralism");

    let q = corpus.query("sustainable security").unwrap();
    let docs = exact(&q);
    for d in
        ["ungdc/CHN_78_2023.txt", "official/en/xi_2020-11-17_brics12_summit.txt", "seed/editorial-brics-nsa-2023.txt"]
    {
        assert!(docs.contains(d), "{d} not among {docs:?}");
    }

    let q = corpus.query("人类命运共同体").unwrap();
    let docs = exact(&q);
    for d in [
        "official/zh/xi_2020-11-17_brics12_summit_zh.txt",
        "official/zh/xi_2020-11-10_sco20_heads_of_state_zh_xinhua.txt",
    ] {
        assert!(docs.contains(d), "{d} not among {docs:?}");
    }
    assert!(
        q.occurrences.iter().filter(|o| o.translation.is_none()).all(|o| o
            .excerpt
            .text
            .chars()
            .all(|c| !c.is_ascii_alphabetic())),
        "a Chinese phrase matches Chinese text"
    );
    // ... and, through the bilingual lexicon, its English rendering, after it.
    assert!(q.occurrences.iter().any(|o| o.translation.is_some() && o.excerpt.text.starts_with("community with")));

    // "sovereign equality of States" (Russia) and "... of nations" (Brazil, South Africa).
    let q = corpus.query("the principle of the sovereign equality of States").unwrap();
    let all: BTreeSet<&str> = q.occurrences.iter().map(|o| o.excerpt.doc.as_str()).collect();
    for d in ["ungdc/RUS_78_2023.txt", "ungdc/ZAF_78_2023.txt"] {
        assert!(all.contains(d), "{d} not among {all:?}");
    }
}

/// The report never depends on the order in which statements were added (only the order of
/// the statement lists does).
#[test]
fn order_of_addition_does_not_matter() {
    let statements = fixtures();
    let forward = corpus(&statements).compare();
    let reversed: Vec<Statement> = statements.iter().rev().cloned().collect();
    let backward = corpus(&reversed).compare();
    assert_eq!(forward.families.len(), backward.families.len());
    for (a, b) in forward.families.iter().zip(&backward.families) {
        assert_eq!((&a.id, &a.root, &a.root_excerpt, a.score), (&b.id, &b.root, &b.root_excerpt, b.score));
        let occ = |f: &refrain::report::Family| -> BTreeSet<(String, usize, usize)> {
            f.occurrences.iter().map(|o| (o.excerpt.doc.clone(), o.excerpt.start, o.excerpt.end)).collect()
        };
        assert_eq!(occ(a), occ(b), "{}: same occurrences", a.id);
    }
}

/// The fixtures are byte-exact copies: sizes as their sidecars record, and the hazards the
/// README lists still there (an editor that "fixes" NBSP or curly quotes would break this).
#[test]
fn fixtures_keep_their_hazards() {
    let root = fixtures_dir();
    let mut files = Vec::new();
    walk(&root, &mut files);
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let sidecar = path.with_extension("json");
        if sidecar.exists() {
            let meta: Value = serde_json::from_slice(&std::fs::read(&sidecar).unwrap()).unwrap();
            assert_eq!(meta["excerpt"]["bytes"].as_u64(), Some(bytes.len() as u64), "{} changed size", path.display());
        }
    }
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    let brics = read("official/en/xi_2020-11-17_brics12_summit.txt");
    assert!(brics.contains("banner of\u{a0}multilateralism"), "NBSP inside a phrase");
    assert!(brics.contains("people\u{2019}s"), "curly apostrophe");
    assert!(read("ungdc/CHN_78_2023.txt").contains("two- State"), "hyphenation artefact");
    assert!(read("ungdc/ZAF_78_2023.txt").contains("Secretary- General\u{2019}s"));
    assert!(
        read("official/zh/xi_2020-11-10_sco20_heads_of_state_zh_xinhua.txt").contains("\u{201d}\u{3000}深化"),
        "ideographic space"
    );
    assert!(!read("official/zh/xi_2020-11-17_brics12_summit_zh.txt").contains(' '), "Chinese without spaces");
}
