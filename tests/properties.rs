//! Property tests of the engine's invariants: every span slices back to its text, UTF-16
//! offsets index the same text as JavaScript would, the order of the statements never
//! changes the result, and no input makes a run panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use refrain::report::{Edit, Excerpt};
use refrain::{Corpus, Options, Statement};

/// Words and separators with the hazards of real statements.
const WORDS: &[&str] = &[
    "true", "genuine", "multilateralism", "practise", "practice", "common", "comprehensive", "cooperative",
    "sustainable", "security", "the", "of", "and", "centre", "center", "nations", "UN’s", "“digital", "divide”",
    "ﬁnance", "café", "cafe\u{301}", "Anti-", "Fascist", "ＷＴＯ", "人类", "命运", "共同体", "多边主义", "🌍", "👩‍👩‍👧",
    "𝐀", "2030", "Agenda", "한국", "カタカナ", "\u{FFFD}",
];
const SEPARATORS: &[&str] = &[" ", " ", " ", "\u{00A0}", "\n", ", ", ". ", "\u{3000}", "，", " — ", "-\n"];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec((0..WORDS.len(), 0..SEPARATORS.len()), 0..60)
        .prop_map(|v| v.into_iter().map(|(w, s)| format!("{}{}", WORDS[w], SEPARATORS[s])).collect())
}

fn statements() -> impl Strategy<Value = Vec<Statement>> {
    // A planted passage makes shared families likely.
    let planted = "practise true multilateralism and common, comprehensive, cooperative and sustainable security";
    proptest::collection::vec((text(), any::<bool>(), text()), 1..6).prop_map(move |v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (a, plant, b))| {
                let body = if plant { format!("{a} {planted} {b}") } else { format!("{a}{b}") };
                let mut s = Statement::new(format!("s{i}"), body);
                s.speaker = Some(format!("speaker {}", i % 3));
                s.date = Some(format!("20{:02}-01-01", 10 + i));
                s
            })
            .collect()
    })
}

fn check_excerpt(statements: &[Statement], e: &Excerpt) {
    let s = statements.iter().find(|s| s.id == e.doc).expect("excerpt names a statement");
    assert_eq!(&s.text[e.start..e.end], e.text, "bytes slice back to the text");
    let utf16: Vec<u16> = s.text.encode_utf16().collect();
    assert_eq!(e.utf16_start, s.text[..e.start].encode_utf16().count());
    assert_eq!(e.utf16_end, s.text[..e.end].encode_utf16().count());
    assert_eq!(
        String::from_utf16(&utf16[e.utf16_start..e.utf16_end]).unwrap(),
        e.text,
        "UTF-16 slice back to the text"
    );
}

fn check_edits(statements: &[Statement], doc: &str, edits: &[Edit]) {
    let s = statements.iter().find(|s| s.id == doc).unwrap();
    for e in edits {
        if let (Some(a), Some(b), Some(t)) = (e.start, e.end, &e.text) {
            assert_eq!(&s.text[a..b], t);
            assert_eq!(e.utf16_start, Some(s.text[..a].encode_utf16().count()));
            assert_eq!(e.utf16_end, Some(s.text[..b].encode_utf16().count()));
        }
    }
}

fn corpus(statements: &[Statement]) -> Corpus {
    let mut c = Corpus::new(Options::default());
    for s in statements {
        c.add(s.clone()).unwrap();
    }
    c
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_span_slices_back(statements in statements()) {
        let mut c = corpus(&statements);
        let report = c.compare();
        for f in &report.families {
            check_excerpt(&statements, &f.root_excerpt);
            prop_assert_eq!(&f.root, &f.root_excerpt.text);
            for o in &f.occurrences {
                check_excerpt(&statements, &o.excerpt);
                check_edits(&statements, &o.excerpt.doc, &o.diff);
                prop_assert!((0.0..=1.0).contains(&o.similarity));
            }
        }
        // Phrases with words: a query always succeeds, and every place it reports slices back.
        for phrase in ["true multilateralism", "多边主义", "sustainable   security"] {
            let q = c.query(phrase);
            prop_assert!(q.is_ok(), "{:?}: {:?}", phrase, q.as_ref().err());
            let q = q.unwrap();
            prop_assert_eq!(&q.query, phrase);
            prop_assert!(q.total >= q.occurrences.len());
            for o in &q.occurrences {
                check_excerpt(&statements, &o.excerpt);
                check_edits(&statements, &o.excerpt.doc, &o.explanation);
                prop_assert!((0.0..=1.0).contains(&o.score));
            }
        }
        // An emoji is no word: the query has none.
        prop_assert_eq!(c.query("🌍").err(), Some(refrain::Error::EmptyQuery));
    }

    #[test]
    fn input_order_does_not_matter(statements in statements(), seed in any::<u64>()) {
        let mut shuffled = statements.clone();
        // Fisher-Yates with a small LCG, so the case is reproducible from the seed.
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (x >> 33) as usize % (i + 1));
        }
        let (a, b) = (corpus(&statements).compare(), corpus(&shuffled).compare());
        prop_assert_eq!(&a.families, &b.families);
        prop_assert_eq!(&a.stats, &b.stats);
        // The matrix follows input order; by id it is the same.
        let cell = |r: &refrain::Report, x: &str, y: &str| {
            let (i, j) = (r.similarity.ids.iter().position(|s| s == x).unwrap(), r.similarity.ids.iter().position(|s| s == y).unwrap());
            r.similarity.matrix[i][j]
        };
        for s in &statements {
            for t in &statements {
                prop_assert_eq!(cell(&a, &s.id, &t.id), cell(&b, &s.id, &t.id));
            }
        }
        let (qa, qb) = (corpus(&statements).query("genuine multilateralism"), corpus(&shuffled).query("genuine multilateralism"));
        prop_assert_eq!(qa, qb);
    }

    #[test]
    fn no_input_panics(texts in proptest::collection::vec(any::<String>(), 0..4), phrase in any::<String>()) {
        let mut c = Corpus::new(Options::builder().work_budget(200_000).work_per_word(0).build().unwrap());
        for (i, t) in texts.into_iter().enumerate() {
            c.add(Statement::new(format!("{i}"), t)).unwrap();
        }
        let report = c.compare();
        prop_assert!(report.stats.work <= 200_000);
        let _ = c.query(&phrase);
    }
}

#[test]
fn a_tiny_budget_is_reported_not_a_crash() {
    let text =
        "practise true multilateralism and common, comprehensive, cooperative and sustainable security. ".repeat(50);
    let mut c = Corpus::new(Options::builder().work_budget(1_000).work_per_word(0).build().unwrap());
    c.add(Statement::new("a", text.clone())).unwrap();
    c.add(Statement::new("b", text)).unwrap();
    let report = c.compare();
    assert!(report.stats.budget_exhausted);
    assert!(report.notes.iter().any(|n| n.contains("work_budget")));
}

/// Duplicate ids are refused whatever came before: an id is free again once its statement is
/// removed or the corpus cleared, and a refused statement does not take its id.
#[test]
fn ids_follow_add_remove_and_clear() {
    let mut c = Corpus::new(Options::builder().max_statement_bytes(10).build().unwrap());
    c.add(Statement::new("a", "x")).unwrap();
    c.add(Statement::new("b", "y")).unwrap();
    assert_eq!(c.add(Statement::new("a", "z")).unwrap_err().code(), "duplicate_id");
    assert_eq!(c.add(Statement::new("c", "01234567890")).unwrap_err().code(), "statement_too_large");
    c.add(Statement::new("c", "z")).unwrap();
    assert!(c.remove("a"));
    assert!(!c.remove("a"));
    assert_eq!(c.add(Statement::new("b", "w")).unwrap_err().code(), "duplicate_id");
    c.add(Statement::new("a", "v")).unwrap();
    let ids: Vec<&str> = c.statements().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["b", "c", "a"]);
    c.clear();
    assert!(c.is_empty() && !c.remove("b"));
    c.add(Statement::new("b", "y")).unwrap();
    assert_eq!(c.add(Statement::new("b", "y")).unwrap_err().code(), "duplicate_id");
    assert_eq!(c.len(), 1);
}

#[test]
fn limits_are_clear_errors() {
    let mut c = Corpus::new(Options::builder().max_statements(1).max_statement_bytes(10).build().unwrap());
    assert_eq!(c.add(Statement::new("", "x")).unwrap_err().code(), "empty_id");
    assert_eq!(c.add(Statement::new("a", "01234567890")).unwrap_err().code(), "statement_too_large");
    c.add(Statement::new("a", "x")).unwrap();
    assert_eq!(c.add(Statement::new("a", "y")).unwrap_err().code(), "duplicate_id");
    assert_eq!(c.add(Statement::new("b", "y")).unwrap_err().code(), "too_many_statements");
    assert_eq!(c.query("  ,, ").unwrap_err().code(), "empty_query");
    let long = "word ".repeat(100);
    assert_eq!(c.query(&long).unwrap_err().code(), "query_too_long");
}

#[test]
fn cancel_stops_the_run() {
    let mut c = Corpus::new(Options::default());
    c.add(Statement::new("a", "true multilateralism")).unwrap();
    c.add(Statement::new("b", "true multilateralism")).unwrap();
    let err = c.compare_with_progress(&mut |_| false).unwrap_err();
    assert_eq!(err.code(), "cancelled");
    // The corpus still works after a cancelled run.
    assert_eq!(c.compare().families.len(), 1);
}

#[test]
fn the_brief_examples() {
    let texts = [
        ("a", "We must practise true multilateralism and pursue common, comprehensive, cooperative and sustainable security."),
        ("b", "All countries should practice genuine multilateralism and champion common, comprehensive, cooperative and sustainable security."),
        ("c", "Let us uphold real multilateralism. We stand for common, cooperative, comprehensive and sustainable security."),
        ("d", "The United Nations and the General Assembly met. The United Nations and the Council."),
        ("e", "The United Nations and the people."),
    ];
    let statements: Vec<Statement> = texts.iter().map(|(id, t)| Statement::new(*id, *t)).collect();
    let mut c = corpus(&statements);
    let report = c.compare();
    let multi =
        report.families.iter().find(|f| f.root_norm.contains("multilateralism")).expect("a multilateralism family");
    assert_eq!(multi.statements, 3, "{multi:#?}");
    let slot = multi
        .slots
        .iter()
        .find(|s| {
            s.root.eq_ignore_ascii_case("true")
                || s.root.eq_ignore_ascii_case("genuine")
                || s.root.eq_ignore_ascii_case("real")
        })
        .expect("the adjective is a slot");
    let fillers: Vec<&str> = slot.fillers.iter().map(|f| f.text.as_str()).collect();
    for w in ["true", "genuine", "real"] {
        assert!(fillers.contains(&w), "{fillers:?}");
    }
    let security =
        report.families.iter().find(|f| f.root_norm.contains("sustainable security")).expect("a security family");
    assert_eq!(security.statements, 3);
    let reordered = security.occurrences.iter().find(|o| o.excerpt.doc == "c").expect("the reordered list joins");
    assert!(reordered.diff.iter().any(|e| e.op == refrain::report::EditOp::Move), "{:?}", reordered.diff);
    assert!(
        !report.families.iter().any(|f| f.root_norm == "the united nations and the" || f.root_norm == "united nations"),
        "stopword runs are not findings"
    );

    let q = c.query("genuine multilateralism").unwrap();
    let found: Vec<&str> = q.occurrences.iter().map(|o| o.excerpt.text.as_str()).collect();
    assert_eq!(found, ["genuine multilateralism", "true multilateralism", "real multilateralism"]);
    assert_eq!(q.occurrences[0].score, 1.0);
    assert!(q.occurrences[1].score < 1.0 && q.occurrences[1].score > 0.8);
}

#[test]
fn a_misspelt_query_word_finds_the_word() {
    let mut c = Corpus::new(Options::default());
    c.add(Statement::new("a", "We must practise true multilateralism.")).unwrap();
    c.add(Statement::new("b", "Multilateralism matters.")).unwrap();
    let q = c.query("true multilaterlism").unwrap();
    assert_eq!(q.occurrences.len(), 1, "{q:#?}");
    assert_eq!(q.occurrences[0].excerpt.text, "true multilateralism");
    assert!(q.occurrences[0].explanation.iter().any(|e| e.op == refrain::report::EditOp::Variant));
    // A word with no near neighbour stays unknown.
    assert!(c.query("zyxwvut").unwrap().occurrences.is_empty());
}

#[test]
fn occurrences_do_not_straddle_sentences_or_clauses() {
    let mut c = Corpus::new(Options::default());
    c.add(Statement::new("a", "Fighting climate change is urgent.")).unwrap();
    c.add(Statement::new("b", "We discussed climate change at length.")).unwrap();
    c.add(Statement::new("c", "It is about the climate; let us change course.")).unwrap();
    c.add(Statement::new("d", "It is about the climate. Change is coming.")).unwrap();
    let report = c.compare();
    let f = report.families.iter().find(|f| f.root_norm == "climate change").expect("climate change is a family");
    let docs: Vec<&str> = f.occurrences.iter().map(|o| o.excerpt.doc.as_str()).collect();
    assert_eq!(docs, ["a", "b"]);
}
