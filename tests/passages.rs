//! Shared passages are reported whole: the words a repeat of content words leaves out at its
//! edges (stopwords) join it when every copy has them, never across a sentence end; a short
//! formula keeps its own words. The planted-passage benchmark (`cargo bench --bench planted`)
//! measures the same on a million words.

use refrain::{Corpus, Options, Statement};

fn excerpts(texts: &[&str], root_has: &str) -> Vec<String> {
    let mut corpus = Corpus::new(Options::default());
    for (i, t) in texts.iter().enumerate() {
        corpus.add(Statement::new(format!("s{i}"), *t)).unwrap();
    }
    let report = corpus.compare();
    let family = report.families.iter().find(|f| f.root_norm.contains(root_has)).unwrap_or_else(|| {
        panic!("no family with {root_has:?}: {:?}", report.families.iter().map(|f| &f.root_norm).collect::<Vec<_>>())
    });
    family.occurrences.iter().map(|o| o.excerpt.text.clone()).collect()
}

#[test]
fn a_passage_grows_over_the_stopwords_every_copy_shares() {
    let got = excerpts(
        &[
            "Yesterday we said that the purposes and principles of the Charter must guide every action of ours. Nothing more.",
            "Today I repeat: the purposes and principles of the Charter must guide every action of ours! Then we part.",
            "Some forget the purposes and principles of the Charter must guide every action of ours, they say.",
        ],
        "purpose and principle",
    );
    assert_eq!(got, vec!["the purposes and principles of the Charter must guide every action of ours"; 3]);
}

#[test]
fn a_passage_does_not_grow_over_a_word_one_copy_lacks_or_a_sentence_end() {
    let got = excerpts(
        &[
            "We said that the purposes and principles of the Charter must guide every action of ours. Nothing more.",
            "Today. The purposes and principles of the Charter must guide every action of ours and of yours.",
        ],
        "purpose and principle",
    );
    assert_eq!(
        got,
        vec![
            "the purposes and principles of the Charter must guide every action of ours",
            "The purposes and principles of the Charter must guide every action of ours",
        ]
    );
}

#[test]
fn a_formula_keeps_its_own_words() {
    let got = excerpts(
        &[
            "Nations live in peaceful coexistence with their neighbours.",
            "We believe in peaceful coexistence among all nations.",
        ],
        "peaceful coexistence",
    );
    assert_eq!(got, vec!["peaceful coexistence"; 2]);
}
