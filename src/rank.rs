//! Ranking: each family's root occurrence and score (how formulaic it is), and their order.
//!
//! Every family is scored cheaply, before any is written out: its root is its most common
//! wording, its stability the mean alignment score of a sample of its occurrences with the root.

use crate::align::{align, Word};
use crate::family::{statement_count, Draft};
use crate::index::{Index, TokenOcc};
use crate::report::round;
use crate::statement::Statement;
use std::collections::{HashMap, HashSet};

/// A family ranked before it is written out.
pub(crate) struct Ranked {
    pub score: f64,
    pub root_norm: String,
    /// Id of the statement the root is taken from, for ties.
    pub root_doc: String,
    /// Index of the family's draft.
    pub draft: usize,
    pub root: TokenOcc,
    pub name: bool,
}

/// Every draft ranked, strongest first; ties go to the normalized root, then to the id of the
/// root's statement, then to the root's place.
pub(crate) fn ranked(index: &Index, statements: &[Statement], drafts: &[Draft]) -> Vec<Ranked> {
    let mut ranked: Vec<Ranked> = drafts
        .iter()
        .enumerate()
        .map(|(draft, d)| {
            let root = choose_root(index, d);
            let (score, root_norm, name) = rank(index, statements, d, root);
            Ranked {
                score,
                root_norm,
                root_doc: statements[index.docs[root.doc as usize].input].id.clone(),
                draft,
                root,
                name,
            }
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.root_norm.cmp(&b.root_norm))
            .then_with(|| a.root_doc.cmp(&b.root_doc))
            .then_with(|| a.root.cmp(&b.root))
    });
    ranked
}

/// The root occurrence: the most common wording; ties to the earliest date, then statement
/// order, then text order.
fn choose_root(index: &Index, draft: &Draft) -> TokenOcc {
    let words_of = |o: &TokenOcc| -> Vec<u32> {
        (o.first..=o.last).map(|i| index.docs[o.doc as usize].tokens[i as usize].term()).collect()
    };
    let mut counts: HashMap<Vec<u32>, usize> = HashMap::new();
    for o in &draft.occ {
        *counts.entry(words_of(o)).or_default() += 1;
    }
    let date = |o: &TokenOcc| index.docs[o.doc as usize].date_key.as_deref().unwrap_or("9999");
    *draft
        .occ
        .iter()
        .min_by(|x, y| {
            let (cx, cy) = (counts[&words_of(x)], counts[&words_of(y)]);
            cy.cmp(&cx).then_with(|| date(x).cmp(date(y))).then_with(|| x.cmp(y))
        })
        .expect("a family has occurrences")
}

/// A family's score and normalized root, without writing it out.
fn rank(index: &Index, statements: &[Statement], draft: &Draft, root: TokenOcc) -> (f64, String, bool) {
    let root_words: Vec<Word> = index.words(root);
    // Stability from a sample (evenly spread, in canonical order), so ranking stays linear.
    let step = draft.occ.len().div_ceil(RANK_SAMPLE);
    let sample: Vec<_> = draft.occ.iter().step_by(step).collect();
    let mut sum = 0.0;
    for &&o in &sample {
        sum += align(&root_words, &index.words(o), false).score;
    }
    let docs = statement_count(draft);
    let speakers = docs.iter().map(|&d| &index.docs[d].speaker).collect::<HashSet<_>>().len();
    let weight: f64 = root_words.iter().map(|w| w.weight as f64).sum();
    let name = is_name(index, statements, root);
    let score =
        formulaic(weight, docs.len(), speakers, sum / sample.len() as f64) * if name { NAME_FACTOR } else { 1.0 };
    (round(score), root_words.iter().map(|w| &*index.term(w.term).norm).collect::<Vec<_>>().join(" "), name)
}

/// Most occurrences aligned to estimate a family's stability when ranking.
const RANK_SAMPLE: usize = 64;

/// Names ("Paris Agreement", "African Union") are shared by necessity, not by choice of words:
/// their score counts this much.
const NAME_FACTOR: f64 = 0.6;

/// True when every content word of the root starts with a capital letter (or is a number),
/// as in a proper name.
fn is_name(index: &Index, statements: &[Statement], root: TokenOcc) -> bool {
    let doc = &index.docs[root.doc as usize];
    let text = &statements[doc.input].text;
    let mut capitals = 0;
    for tok in &doc.tokens[root.first as usize..=root.last as usize] {
        if index.term(tok.term()).stop {
            continue;
        }
        let first = text[tok.span().range()].chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            capitals += 1;
        } else if !first.is_numeric() {
            return false;
        }
    }
    capitals > 0
}

/// How formulaic a family is: `ln(1 + min(weight, 8)) * (ln(1 + statements) + ln(speakers)) *
/// (0.5 + 0.5 * stability)`. Reuse across statements and speakers counts most; a root's weight
/// counts up to about eight content words, so a long passage two statements share does not
/// outrank a formula that ten repeat; unstable wording halves the score at worst.
pub(crate) fn formulaic(weight: f64, statements: usize, speakers: usize, stability: f64) -> f64 {
    (1.0 + weight.min(8.0)).ln()
        * ((1.0 + statements as f64).ln() + (speakers.max(1) as f64).ln())
        * (0.5 + 0.5 * stability)
}
