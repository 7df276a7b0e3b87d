//! Phrase search a reporter can trust: a match never crosses a sentence end, the report says
//! whether the exact phrase occurs, and on the labelled set `tests/fixtures/search-labels.tsv`
//! (hits on the demo statements `www/demo/`, each marked as a variant a reader accepts or not)
//! the default `query_min_score` keeps a floor of precision and recall.
//!
//! `cargo test --release --test search -- --nocapture` prints precision and recall at the
//! default threshold and at others (what the default was tuned on; see the README, "Search").

use refrain::{Corpus, Options, Statement};
use std::collections::BTreeMap;
use std::path::Path;

fn corpus_of(statements: &[Statement], options: Options) -> Corpus {
    let mut corpus = Corpus::new(options);
    for s in statements {
        corpus.add(s.clone()).unwrap();
    }
    corpus
}

#[test]
fn a_match_never_crosses_a_sentence_end() {
    let statements = [
        Statement::new("a", "We must act to deliver real results. Multilateralism is not based on impulse."),
        Statement::new("b", "Nations 🌍 should practise real multilateralism, not a hollow one."),
        Statement::new("c", "各国应当践行真正的。多边主义是正道。"),
        Statement::new("d", "We need\u{a0}real results! Multilateralism\u{301} matters? Yes."),
    ];
    let mut corpus = corpus_of(&statements, Options::default());
    let q = corpus.query("real multilateralism").unwrap();
    assert!(q.exact, "b has the phrase word for word");
    let docs: Vec<&str> = q.occurrences.iter().map(|o| o.excerpt.doc.as_str()).collect();
    assert_eq!(docs, ["b"], "a and d have the words only across a sentence end: {:?}", q.occurrences);
    let b = &statements[1].text;
    let o = &q.occurrences[0].excerpt;
    assert_eq!(&b[o.start..o.end], "real multilateralism");
    assert_eq!(o.utf16_start, b[..o.start].encode_utf16().count(), "UTF-16 offsets count the emoji as two");
    // The same words in one sentence are found again once the sentence end is gone.
    let joined = Statement::new("a", "We must act to deliver real results, multilateralism is not based on impulse.");
    let mut corpus = corpus_of(&[joined], Options::default());
    assert!(!corpus.query("real multilateralism").unwrap().occurrences.is_empty());
    // Chinese: 。 ends a sentence too.
    let mut corpus = corpus_of(&statements[2..3], Options::default());
    let q = corpus.query("真正的多边主义").unwrap();
    assert!(q.occurrences.iter().all(|o| !o.excerpt.text.contains('。')), "{:?}", q.occurrences);
}

#[test]
fn the_report_says_whether_the_exact_phrase_occurs() {
    let statements = [
        Statement::new("a", "China will practise genuine multilateralism with all."),
        Statement::new("b", "We uphold true multilateralism and oppose hegemonism."),
    ];
    let mut corpus = corpus_of(&statements, Options::default());
    let q = corpus.query("genuine multilateralism").unwrap();
    assert!(q.exact);
    assert_eq!(q.occurrences.len(), 2, "the variant is found too: {:?}", q.occurrences);
    // Normalized: case and spacing do not matter.
    assert!(corpus.query("Genuine   MULTILATERALISM").unwrap().exact);
    let q = corpus.query("real multilateralism").unwrap();
    assert!(!q.exact, "only variants occur");
    assert_eq!(q.occurrences.len(), 2);
    // Words between are not the phrase.
    let mut corpus = corpus_of(&[Statement::new("a", "genuine and effective multilateralism")], Options::default());
    let q = corpus.query("genuine multilateralism").unwrap();
    assert!(!q.exact && q.occurrences.len() == 1, "{q:?}");
}

#[test]
fn an_inflection_is_a_variant_but_one_word_of_two_is_not_a_match() {
    let statements = [
        Statement::new("a", "We are upholding multilateralism in every forum."),
        Statement::new("b", "They uphold justice. Multilateralism matters."),
        Statement::new("c", "The true masters of the house. Effective multilateralism works."),
    ];
    let mut corpus = corpus_of(&statements, Options::default());
    let q = corpus.query("uphold multilateralism").unwrap();
    let texts: Vec<&str> = q.occurrences.iter().map(|o| o.excerpt.text.as_str()).collect();
    assert_eq!(texts, ["upholding multilateralism"], "{q:?}");
    assert!(!q.exact);
    let q = corpus.query("true multilateralism").unwrap();
    assert!(q.occurrences.is_empty(), "neither \"true masters\" nor \"effective multilateralism\": {q:?}");
}

/// A labelled hit: its statement, bytes, and whether a reader accepts it as the query or a variant.
struct Label {
    statement: String,
    start: usize,
    end: usize,
    accept: bool,
}

fn labels() -> BTreeMap<String, Vec<Label>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search-labels.tsv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out: BTreeMap<String, Vec<Label>> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 6, "query, statement, start, end, matched, accept: {line}");
        assert!(f[5] == "yes" || f[5] == "no", "{line}");
        out.entry(f[0].to_string()).or_default().push(Label {
            statement: f[1].to_string(),
            start: f[2].parse().unwrap(),
            end: f[3].parse().unwrap(),
            accept: f[5] == "yes",
        });
    }
    out
}

fn demo() -> Vec<Statement> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/demo");
    let mut out: Vec<Statement> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| Statement::new(p.file_stem().unwrap().to_string_lossy(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// Precision and recall of the engine at `min_score` on the labelled set: a hit is right when it
/// overlaps an accepted label of its query, wrong when it overlaps a rejected one or none; an
/// accepted label no hit overlaps is missed.
fn measure(statements: &[Statement], labels: &BTreeMap<String, Vec<Label>>, min_score: f64) -> (f64, f64, usize) {
    let options = Options::builder().query_min_score(min_score).build().unwrap();
    let mut corpus = corpus_of(statements, options);
    let (mut right, mut wrong, mut found, mut accepted) = (0usize, 0usize, 0usize, 0usize);
    for (query, labels) in labels {
        let q = corpus.query(query).unwrap();
        let overlaps = |l: &Label, o: &refrain::report::QueryOccurrence| {
            l.statement == o.excerpt.doc && l.start < o.excerpt.end && o.excerpt.start < l.end
        };
        for o in &q.occurrences {
            if labels.iter().any(|l| l.accept && overlaps(l, o)) {
                right += 1;
            } else {
                wrong += 1;
            }
        }
        for l in labels.iter().filter(|l| l.accept) {
            accepted += 1;
            if q.occurrences.iter().any(|o| overlaps(l, o)) {
                found += 1;
            }
        }
    }
    (right as f64 / (right + wrong).max(1) as f64, found as f64 / accepted as f64, right + wrong)
}

#[test]
fn labelled_precision_and_recall_at_the_default_threshold() {
    let statements = demo();
    let labels = labels();
    assert!(labels.len() >= 10, "{} queries", labels.len());
    assert!(labels.values().map(Vec::len).sum::<usize>() >= 150);
    for min in [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8] {
        let (p, r, n) = measure(&statements, &labels, min);
        println!("query_min_score {min:.2}: {n} hits, precision {p:.3}, recall {r:.3}");
    }
    let default = Options::default().query_min_score();
    let (precision, recall, n) = measure(&statements, &labels, default);
    println!("default {default}: {n} hits, precision {precision:.3}, recall {recall:.3}");
    assert!(precision >= 0.9, "precision {precision:.3} at the default threshold {default}");
    assert!(recall >= 0.9, "recall {recall:.3} at the default threshold {default}");
}
