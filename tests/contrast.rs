//! Contrast of two groups of statements: the Monroe et al. z-score on families, each group's
//! wordings, selectors, and errors.

use refrain::{Corpus, Options, Selector, Statement};

fn statement(id: &str, speaker: &str, year: &str, text: &str) -> Statement {
    let mut s = Statement::new(id, text);
    s.speaker = Some(speaker.into());
    s.date = Some(year.into());
    s
}

/// Group A (North) practises "true multilateralism" in every statement; group B (South) speaks
/// "uphold real multilateralism" once (near-synonyms: one family); both name "sustainable development goals" alike.
fn corpus() -> Corpus {
    let mut corpus = Corpus::new(Options::builder().max_families(100).build().unwrap());
    let north = [
        "We must practise true multilateralism and pursue the sustainable development goals. Harvest moon rises over quiet fields.",
        "Our nation will practise true multilateralism; the sustainable development goals remain our compass. Lanterns glow in distant harbours.",
        "Let all of us practise genuine multilateralism together, with the sustainable development goals in view. Rivers carry silt to the sea.",
    ];
    let south = [
        "We uphold real multilateralism and serve the sustainable development goals. Mountains stand above the valley mist.",
        "The sustainable development goals guide us, and so does our trust in institutions. Orchards bloom early this spring.",
        "Our people want the sustainable development goals achieved within a decade. Trains cross the plain at dawn.",
    ];
    for (i, t) in north.iter().enumerate() {
        corpus.add(statement(&format!("n{i}"), "North", &format!("{}", 2019 + i), t)).unwrap();
    }
    for (i, t) in south.iter().enumerate() {
        corpus.add(statement(&format!("s{i}"), "South", &format!("{}", 2019 + i), t)).unwrap();
    }
    corpus
}

#[test]
fn the_group_that_repeats_a_formula_is_told_apart_with_its_wording() {
    let mut corpus = corpus();
    let north = corpus.select(Some(&Selector::parse("speaker=north").unwrap()), &[]);
    let south = corpus.select(Some(&Selector::parse("speaker=South").unwrap()), &[]);
    assert_eq!(north, ["n0", "n1", "n2"]);
    assert_eq!(south, ["s0", "s1", "s2"]);
    let report = corpus.contrast(&north, &south, "speaker=North", "speaker=South").unwrap();
    assert_eq!(report.a.ids, north);
    assert_eq!(report.a.label, "speaker=North");
    let multilateralism =
        report.families.iter().find(|f| f.family.root_norm.contains("multilateralism")).expect("the formula");
    assert!(multilateralism.z > 0.3, "North uses it more: z = {}", multilateralism.z);
    assert_eq!(multilateralism.count_a, 3);
    assert_eq!(multilateralism.count_b, 1);
    // Each group's wording, variants counted together.
    assert!(
        multilateralism.wordings_a.iter().any(|w| w.text.contains("true multilateralism")),
        "{:?}",
        multilateralism.wordings_a
    );
    assert_eq!(multilateralism.wordings_b.len(), 1);
    assert_eq!(multilateralism.wordings_b[0].text, "uphold real multilateralism");
    // Used alike by both: near zero, below the formula.
    let goals =
        report.families.iter().find(|f| f.family.root_norm.contains("sustainable development goal")).expect("shared");
    assert!(goals.z.abs() < multilateralism.z, "{} vs {}", goals.z, multilateralism.z);
    // Sorted from A's most distinctive to B's.
    for w in report.families.windows(2) {
        assert!(w[0].z >= w[1].z);
    }
    // Rates per 10,000 content words.
    let a_words = report.a.content_words as f64;
    assert!((multilateralism.rate_a - 3.0 / a_words * 10_000.0).abs() < 1e-3);
    // Swapping the groups flips every sign.
    let back = corpus.contrast(&south, &north, "S", "N").unwrap();
    let m2 = back.families.iter().find(|f| f.family.root_norm == multilateralism.family.root_norm).unwrap();
    assert!((m2.z + multilateralism.z).abs() < 1e-6);
}

#[test]
fn the_rest_of_the_corpus_and_years() {
    let corpus = corpus();
    let y2019 = Selector::parse("year=2019").unwrap();
    assert_eq!(corpus.select(Some(&y2019), &[]), ["n0", "s0"]);
    assert_eq!(corpus.select(None, &[&y2019]), ["n1", "n2", "s1", "s2"]);
    let range = Selector::parse("year=2020-2021").unwrap();
    assert_eq!(corpus.select(Some(&range), &[]), ["n1", "n2", "s1", "s2"]);
}

#[test]
fn errors_name_the_problem() {
    let mut corpus = corpus();
    let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let e = corpus.contrast(&ids(&["n0", "zz"]), &ids(&["s0"]), "a", "b").unwrap_err();
    assert_eq!(e.code(), "unknown_statement");
    assert!(e.to_string().contains("zz"));
    let e = corpus.contrast(&ids(&["n0"]), &ids(&[]), "a", "b").unwrap_err();
    assert_eq!(e.code(), "invalid_groups");
    let e = corpus.contrast(&ids(&["n0", "s0"]), &ids(&["s0"]), "a", "b").unwrap_err();
    assert_eq!(e.code(), "invalid_groups");
    assert!(e.to_string().contains("s0"));
}
