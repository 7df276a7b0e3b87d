//! Repeats: every phrase of content words that two statements or more share, with all its
//! occurrences, found with one suffix array.
//!
//! 1. Every statement's content words (stopwords left out, near-synonyms as one class) are
//!    laid end to end with a unique separator after each statement.
//! 2. A suffix array and its LCP array give every maximal repeated phrase (an lcp-interval
//!    whose occurrences are not all preceded by the same word) with all its occurrences; those
//!    that two statements or more share are the candidates.

use crate::budget::Budget;
use crate::index::Index;
use crate::options::Options;
use crate::suffix::{lcp_array, suffix_array};

/// A repeated phrase: a sequence of content classes and where it occurs.
pub(crate) struct Phrase {
    pub seq: Vec<u32>,
    pub weight: f64,
    /// `(doc, content index)` of every occurrence.
    pub occ: Vec<(u32, u32)>,
    pub docs: usize,
}

/// Phrases shorter than this (in content words) may not run over the end of a sentence; longer
/// ones are shared passages that may span several sentences.
pub(crate) const SENTENCE_SPAN_WORDS: usize = 8;

/// Step 1-2: the distinct phrases of content classes that two or more statements share.
pub(crate) fn repeated_phrases(index: &Index, options: &Options, budget: &mut Budget) -> Vec<Phrase> {
    let classes = index.terms.len();
    let mut seq: Vec<u32> = Vec::new();
    let mut owner: Vec<u32> = Vec::new(); // doc of each position, u32::MAX on separators
    let mut doc_start: Vec<usize> = Vec::new();
    // Positions before which a sentence ends (between this content word and the previous one).
    let mut sentence: Vec<bool> = Vec::new();
    for (d, doc) in index.docs.iter().enumerate() {
        doc_start.push(seq.len());
        let mut prev = 0usize;
        for &i in &doc.content {
            seq.push(index.class(doc.tokens[i as usize].term()));
            owner.push(d as u32);
            sentence.push(doc.tokens[prev.min(i as usize) + 1..=i as usize].iter().any(|t| t.sentence()));
            prev = i as usize;
        }
        seq.push((classes + d) as u32);
        owner.push(u32::MAX);
        sentence.push(false);
    }
    let n = seq.len();
    if n == 0 || index.docs.len() < 2 {
        return Vec::new();
    }
    budget.spend(n as u64 * 8);
    let sa = suffix_array(&seq, classes + index.docs.len());
    let lcp = lcp_array(&seq, &sa);

    let weight_of = |s: &[u32]| s.iter().map(|&c| index.term(c).weight as f64).sum::<f64>();
    // Whether a phrase reaches `min_weight`: words weigh 0.175 at least, so this reads a few
    // words only, however long the phrase.
    let heavy_enough = |s: &[u32]| {
        let mut sum = 0.0;
        s.iter().any(|&c| {
            sum += index.term(c).weight as f64;
            sum >= options.min_weight
        }) || options.min_weight <= 0.0
    };
    // Every lcp-interval (a node of the suffix tree): a phrase of `len` words that the
    // suffixes sa[lo..=hi] start with and that no longer phrase covers at all of them.
    let mut phrases: Vec<Phrase> = Vec::new();
    let mut stamp = vec![0u32; index.docs.len()];
    let mut visit = 0u32;
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)]; // (lcp, left bound)
    for i in 1..=n {
        // Past the last suffix, an lcp of 0 closes every interval still open.
        let cur = lcp.get(i).map_or(0, |&l| l as usize);
        let mut lb = i - 1;
        while cur < stack.last().map_or(0, |t| t.0) {
            let (len, lo) = stack.pop().expect("stack is not empty");
            let hi = i - 1;
            lb = lo;
            if len < options.min_words {
                continue;
            }
            let p0 = sa[lo] as usize;
            if !heavy_enough(&seq[p0..p0 + len]) {
                continue;
            }
            if !budget.spend((hi - lo + 1) as u64) {
                break;
            }
            // Shared by two statements or more, and left-maximal (not all preceded by the same word).
            visit += 1;
            let mut docs = 0;
            let mut left: Option<u32> = None;
            let mut left_varies = false;
            for &q in &sa[lo..=hi] {
                let q = q as usize;
                let d = owner[q];
                if stamp[d as usize] != visit {
                    stamp[d as usize] = visit;
                    docs += 1;
                }
                let before = if q == 0 || owner[q - 1] != d { u32::MAX } else { seq[q - 1] };
                if before == u32::MAX || left.is_some_and(|l| l != before) {
                    left_varies = true;
                }
                left = Some(before);
            }
            if docs < 2 || !left_varies {
                continue;
            }
            // A short phrase that runs over the end of a sentence in most of its occurrences
            // ("relevant. The United Nations") is two fragments, not a formula.
            if len < SENTENCE_SPAN_WORDS {
                let crossing = sa[lo..=hi]
                    .iter()
                    .filter(|&&q| sentence[q as usize + 1..q as usize + len].iter().any(|&b| b))
                    .count();
                if crossing * 2 > hi - lo + 1 {
                    continue;
                }
            }
            let mut occ: Vec<(u32, u32)> = sa[lo..=hi]
                .iter()
                .map(|&q| {
                    let d = owner[q as usize];
                    (d, (q as usize - doc_start[d as usize]) as u32)
                })
                .collect();
            occ.sort_unstable();
            phrases.push(Phrase { seq: seq[p0..p0 + len].to_vec(), weight: weight_of(&seq[p0..p0 + len]), occ, docs });
        }
        if cur > stack.last().map_or(0, |t| t.0) {
            stack.push((cur, lb));
        }
    }
    // The same order whatever the suffix array's internal order.
    phrases.sort_by(|a, b| a.seq.cmp(&b.seq));
    phrases
}
