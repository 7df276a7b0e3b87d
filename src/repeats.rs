//! Repeats: every phrase of content words that two statements or more share, with its
//! occurrences, found with one suffix array.
//!
//! 1. Every statement's content words (stopwords left out, near-synonyms as one class) are
//!    laid end to end with a unique separator after each statement ([`Content`]).
//! 2. A suffix array and its LCP array give every maximal repeated phrase (an lcp-interval
//!    whose occurrences are not all preceded by the same word) with its occurrences; those
//!    that two statements or more share are the candidates.
//!
//! Periodic text ("peace security peace security ...", a list or a chant repeated) has a
//! maximal repeat of every length, each occurring almost everywhere, and each overlapping
//! itself: storing them all would be quadratic. So the work stays near-linear:
//! - a phrase is a slice of the one content sequence, not a copy of its words;
//! - a phrase keeps, of its occurrences that overlap in one statement, the first (a phrase
//!   repeated back to back n times holds n / len occurrences there, not n);
//! - a periodic phrase (one that overlaps itself) that a longer one extends by a whole period
//!   in the same statements is left out without visiting its occurrences: the longer one
//!   covers it ("peace security" x 5,000 gives the whole run, not 10,000 prefixes of it);
//! - the statements a phrase occurs in and whether its left context varies are counted in
//!   constant time per phrase (and logarithmic time per word), so only candidates cost time
//!   per occurrence, and that time is charged to the work budget;
//! - the occurrences all candidates hold together are capped at [`OCCURRENCES_PER_WORD`] per
//!   content word (plus [`OCCURRENCES_FLOOR`]), and one phrase keeps at most
//!   [`MAX_PHRASE_OCCURRENCES`] of them (evenly spread); reaching a cap adds a note.

use crate::budget::Budget;
use crate::error::Error;
use crate::index::Index;
use crate::options::Options;
use crate::suffix::{lcp_array, suffix_array};

/// A repeated phrase: a sequence of content classes and where it occurs.
pub(crate) struct Phrase<'a> {
    /// Its content classes: a slice of [`Content::seq`].
    pub seq: &'a [u32],
    pub weight: f64,
    /// `(doc, content index)` of its occurrences, sorted; of occurrences that overlap in one
    /// statement only the first is kept.
    pub occ: Vec<(u32, u32)>,
    /// Statements it occurs in.
    pub docs: usize,
}

/// Phrases shorter than this (in content words) may not run over the end of a sentence; longer
/// ones are shared passages that may span several sentences.
pub(crate) const SENTENCE_SPAN_WORDS: usize = 8;

/// Most occurrences one phrase keeps; a phrase with more keeps this many, evenly spread over
/// its occurrences in canonical order. A fixed bound (not an option).
pub(crate) const MAX_PHRASE_OCCURRENCES: usize = 100_000;
/// Most occurrences all candidate phrases hold together, per content word of the corpus (plus
/// [`OCCURRENCES_FLOOR`]). Real speeches hold about 0.2 per content word. Fixed bounds.
pub(crate) const OCCURRENCES_PER_WORD: usize = 4;
pub(crate) const OCCURRENCES_FLOOR: usize = 1 << 16;

/// Every statement's content classes laid end to end, a unique separator after each (the
/// index's [`Index::content_seq`]).
pub(crate) struct Content<'i> {
    pub seq: &'i [u32],
    /// Where each canonical doc starts in `seq`.
    doc_start: &'i [u32],
}

impl<'i> Content<'i> {
    pub(crate) fn of(index: &'i Index) -> Content<'i> {
        Content { seq: &index.content_seq, doc_start: &index.content_doc_start }
    }
}

/// A periodic phrase met below an lcp-interval: `len` words repeating every `period` words,
/// in `docs` statements. Every phrase above it in the suffix tree is a prefix of it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Periodic {
    len: usize,
    period: usize,
    docs: usize,
}

/// Of two periodic phrases below an interval, the one found in more statements, then the longer.
fn longer(a: Option<Periodic>, b: Option<Periodic>) -> Option<Periodic> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if (y.docs, y.len) > (x.docs, x.len) { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    }
}

/// An lcp-interval not yet closed: `len` words shared by the suffixes from `lo` on.
struct Open {
    len: usize,
    lo: usize,
    /// Changes of left context among the suffixes up to and including `lo` (see `walk`).
    changes_to_lo: u32,
    /// Pairs of suffixes of one statement, next to each other among that statement's suffixes,
    /// both in this interval (see `run`).
    pairs: u32,
    periodic: Option<Periodic>,
}

/// Why the walk stopped early.
enum Stop {
    Budget,
    Occurrences,
}

/// Step 1-2: the distinct phrases of content classes that two or more statements share.
/// Reaching a bound ends the walk with the phrases found so far and a note. `progress` hears
/// of the suffix array (1) and the LCP array (2) done; an error from it cancels the run.
#[inline(never)] // a function of its own in WebAssembly (see src/compare.rs)
pub(crate) fn repeated_phrases<'a>(
    index: &Index,
    content: &'a Content<'_>,
    options: &Options,
    budget: &mut Budget,
    notes: &mut Vec<String>,
    progress: &mut dyn FnMut(usize) -> Result<(), Error>,
) -> Result<Vec<Phrase<'a>>, Error> {
    let seq = content.seq;
    let n = seq.len();
    if n == 0 || index.docs.len() < 2 {
        return Ok(Vec::new());
    }
    // This stage may take half of the budget: grouping needs the rest.
    let cap = budget.half_left();
    if !budget.spend_until(n as u64 * 8, cap) {
        return Ok(Vec::new());
    }
    let sa = suffix_array(seq, index.terms.len() + index.docs.len());
    progress(1)?;
    let lcp = lcp_array(seq, &sa);
    progress(2)?;
    // The doc of each position (u32::MAX on separators), and whether a sentence ends between
    // each content word and the one before it.
    let mut owner: Vec<u32> = vec![u32::MAX; n];
    let mut sentence: Vec<bool> = vec![false; n];
    for (d, doc) in index.docs.iter().enumerate() {
        let start = content.doc_start[d] as usize;
        let mut prev = 0usize;
        for (k, &i) in doc.content.iter().enumerate() {
            owner[start + k] = d as u32;
            sentence[start + k] = doc.tokens[prev.min(i as usize) + 1..=i as usize].iter().any(|t| t.sentence());
            prev = i as usize;
        }
    }
    let ranked = Ranked::gather(seq, &sa, &owner);
    drop(owner);
    let mut walk = Walk {
        index,
        options,
        seq,
        sa: &sa,
        doc: &ranked.doc,
        flags: &ranked.flags,
        doc_start: content.doc_start,
        sentence: &sentence,
        phrases: Vec::new(),
        held: 0,
        held_limit: OCCURRENCES_PER_WORD.saturating_mul(n).saturating_add(OCCURRENCES_FLOOR),
        thinned: 0,
    };
    let stopped = walk.run(&lcp, budget, cap);
    let Walk { mut phrases, held_limit, thinned, .. } = walk;
    if let Some(Stop::Occurrences) = stopped {
        notes.push(format!(
            "The repeated phrases reached their bound of {held_limit} occurrences ({OCCURRENCES_PER_WORD} per content word): \
             the families are made of the phrases found before it (a fixed bound that keeps memory in proportion to the input)."
        ));
    }
    if thinned > 0 {
        notes.push(format!(
            "{thinned} phrase(s) occur more than {MAX_PHRASE_OCCURRENCES} times: each keeps {MAX_PHRASE_OCCURRENCES} \
             occurrences, evenly spread (a fixed bound)."
        ));
    }
    // The same order whatever the suffix array's internal order.
    crate::sort::sort_by(&mut phrases, |a, b| a.seq.cmp(b.seq));
    Ok(phrases)
}

/// What the walk reads of each suffix, in suffix-array order. Gathered in one tight pass,
/// whose random reads (a suffix's statement and the word before it) overlap in memory, rather
/// than one at a time in the walk, where they were most of its time.
struct Ranked {
    /// The statement of suffix `sa[k]` (u32::MAX for a separator).
    doc: Vec<u32>,
    /// [`STARTS`] and [`CHANGES`] of suffix `sa[k]`.
    flags: Vec<u8>,
}

/// The suffix starts a statement: nothing is before it.
const STARTS: u8 = 1;
/// The suffix changes the left context (see [`Walk::run`]).
const CHANGES: u8 = 2;

impl Ranked {
    /// `owner`: the statement of each position of `seq` (u32::MAX on separators).
    #[inline(never)] // a function of its own in WebAssembly (see src/compare.rs)
    fn gather(seq: &[u32], sa: &[u32], owner: &[u32]) -> Ranked {
        // The class before position `q`, or u32::MAX at the start of a statement.
        let before = |q: usize| if q == 0 || owner[q - 1] != owner[q] { u32::MAX } else { seq[q - 1] };
        let mut doc = Vec::with_capacity(sa.len());
        let mut flags = Vec::with_capacity(sa.len());
        let mut prev = u32::MAX;
        for (k, &q) in sa.iter().enumerate() {
            let b = before(q as usize);
            let starts = b == u32::MAX;
            let changes = starts || (k > 0 && b != prev);
            prev = b;
            doc.push(owner[q as usize]);
            flags.push(if starts { STARTS } else { 0 } | if changes { CHANGES } else { 0 });
        }
        Ranked { doc, flags }
    }
}

/// The state of the walk over the LCP array.
struct Walk<'a, 'i> {
    index: &'i Index,
    options: &'i Options,
    seq: &'a [u32],
    sa: &'i [u32],
    /// [`Ranked::doc`] and [`Ranked::flags`].
    doc: &'i [u32],
    flags: &'i [u8],
    doc_start: &'i [u32],
    sentence: &'i [bool],
    phrases: Vec<Phrase<'a>>,
    held: usize,
    held_limit: usize,
    thinned: usize,
}

impl<'a> Walk<'a, '_> {
    /// Lists every lcp-interval (a node of the suffix tree): a phrase of `len` words that the
    /// suffixes sa[lo..=hi] start with and that no longer phrase covers at all of them. Each
    /// is closed once the walk has passed its last suffix; children close before parents.
    ///
    /// Left contexts: a suffix "changes" the context when it is preceded by a statement's
    /// start or by another class than the suffix before it in the array; an interval is
    /// left-maximal when its first suffix is at a statement's start or a change falls inside
    /// it after its first suffix. `changes` counts them along the array.
    ///
    /// Statements: an interval's suffixes are in as many statements as it has suffixes, less
    /// its pairs of one statement's suffixes next to each other among that statement's (each
    /// pair is counted at the smallest interval that holds both, the deepest open one that
    /// holds the first, when the second joins, and passed on to its parents as it closes).
    #[inline(never)] // a function of its own in WebAssembly (see src/compare.rs)
    fn run(&mut self, lcp: &[u32], budget: &mut Budget, cap: u64) -> Option<Stop> {
        let n = self.seq.len();
        let mut last_of_doc: Vec<usize> = vec![usize::MAX; self.index.docs.len()];
        let mut changes = 0u32;
        let mut stack: Vec<Open> = vec![Open { len: 0, lo: 0, changes_to_lo: 0, pairs: 0, periodic: None }];
        for i in 1..=n {
            // Suffix k = i - 1 joins: its left context and its statement.
            let k = i - 1;
            if self.flags[k] & CHANGES != 0 {
                changes += 1;
            }
            let d = self.doc[k];
            if d != u32::MAX {
                let last = std::mem::replace(&mut last_of_doc[d as usize], k);
                if last != usize::MAX {
                    // The open intervals' `lo` grow from the root up the stack.
                    let holding = stack.partition_point(|o| o.lo <= last) - 1;
                    stack[holding].pairs += 1;
                }
            }
            // Past the last suffix, an lcp of 0 closes every interval still open.
            let cur = lcp.get(i).map_or(0, |&l| l as usize);
            let (mut lb, mut changes_lb, mut carried, mut carried_pairs) = (k, changes, None, 0);
            while cur < stack.last().map_or(0, |t| t.len) {
                let open = stack.pop().expect("stack is not empty");
                let up = match self.visit(&open, k, changes, budget, cap) {
                    Ok(up) => up,
                    Err(stop) => return Some(stop),
                };
                lb = open.lo;
                changes_lb = open.changes_to_lo;
                let top = stack.last_mut().expect("the root interval stays");
                if cur <= top.len {
                    top.periodic = longer(top.periodic, up);
                    top.pairs += open.pairs;
                } else {
                    carried = up;
                    carried_pairs = open.pairs;
                }
            }
            if cur > stack.last().map_or(0, |t| t.len) {
                stack.push(Open {
                    len: cur,
                    lo: lb,
                    changes_to_lo: changes_lb,
                    pairs: carried_pairs,
                    periodic: carried,
                });
            }
        }
        None
    }

    /// Closes the interval `open.lo..=hi`: keeps its phrase if it is a candidate. Returns the
    /// periodic phrase to tell its parent about.
    fn visit(
        &mut self,
        open: &Open,
        hi: usize,
        changes: u32,
        budget: &mut Budget,
        cap: u64,
    ) -> Result<Option<Periodic>, Stop> {
        let (len, lo, below) = (open.len, open.lo, open.periodic);
        if len < self.options.min_words {
            return Ok(below);
        }
        // No separator is in an interval of one word or more (each is unique), so every
        // suffix has a statement.
        let docs = hi - lo + 1 - open.pairs as usize;
        if docs < 2 {
            return Ok(below);
        }
        // A shorter copy of a periodic phrase that a longer one, in the same statements,
        // extends by a whole period: the longer one covers it.
        if below.is_some_and(|p| p.docs == docs && p.period < len && len + p.period <= p.len) {
            return Ok(below);
        }
        let p0 = self.sa[lo] as usize;
        let words = &self.seq[p0..p0 + len];
        if !self.heavy_enough(words) {
            return Ok(below);
        }
        let left_varies = self.flags[lo] & STARTS != 0 || changes > open.changes_to_lo;
        if !left_varies {
            return Ok(below);
        }
        let size = hi - lo + 1;
        if !budget.spend_until(size as u64, cap) {
            return Err(Stop::Budget);
        }
        let suffixes = &self.sa[lo..=hi];
        // A short phrase that runs over the end of a sentence in most of its occurrences
        // ("relevant. The United Nations") is two fragments, not a formula.
        if len < SENTENCE_SPAN_WORDS {
            let crossing = suffixes
                .iter()
                .filter(|&&q| self.sentence[q as usize + 1..q as usize + len].iter().any(|&b| b))
                .count();
            if crossing * 2 > size {
                return Ok(below);
            }
        }
        let mut occ: Vec<(u32, u32)> = self.doc[lo..=hi].iter().copied().zip(suffixes.iter().copied()).collect();
        crate::sort::sort_pairs(&mut occ);
        // Of occurrences overlapping in one statement, the first; the shortest distance
        // between two of them is a period of the phrase.
        let mut period = usize::MAX;
        let mut kept: Vec<(u32, u32)> = Vec::with_capacity(occ.len().min(1 << 12));
        let mut prev: Option<(u32, u32)> = None;
        let mut end: Option<(u32, u32)> = None;
        for &(d, q) in &occ {
            if let Some((pd, pq)) = prev {
                if pd == d {
                    period = period.min((q - pq) as usize);
                }
            }
            prev = Some((d, q));
            if end.is_some_and(|(ed, eq)| ed == d && q < eq) {
                continue;
            }
            end = Some((d, q + len as u32));
            kept.push((d, q));
        }
        drop(occ);
        if kept.len() > MAX_PHRASE_OCCURRENCES {
            let step = kept.len().div_ceil(MAX_PHRASE_OCCURRENCES);
            kept = kept.into_iter().step_by(step).collect();
            self.thinned += 1;
        }
        if self.held + kept.len() > self.held_limit {
            return Err(Stop::Occurrences);
        }
        self.held += kept.len();
        for o in &mut kept {
            o.1 -= self.doc_start[o.0 as usize];
        }
        kept.shrink_to_fit();
        let weight = words.iter().map(|&c| self.index.term(c).weight as f64).sum::<f64>();
        self.phrases.push(Phrase { seq: words, weight, occ: kept, docs });
        let own = (period < len).then_some(Periodic { len, period, docs });
        Ok(longer(below, own))
    }

    /// Whether a phrase reaches `min_weight`: words weigh 0.175 at least, so this reads a few
    /// words only, however long the phrase.
    fn heavy_enough(&self, s: &[u32]) -> bool {
        let mut sum = 0.0;
        s.iter().any(|&c| {
            sum += self.index.term(c).weight as f64;
            sum >= self.options.min_weight
        }) || self.options.min_weight <= 0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::Statement;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn index_of(texts: &[String], options: &Options) -> Index {
        let statements: Vec<Statement> =
            texts.iter().enumerate().map(|(i, t)| Statement::new(format!("s{i}"), t.clone())).collect();
        Index::build(&statements, options, &mut |_| true).unwrap()
    }

    /// The occurrences that do not overlap an earlier one in the same statement.
    fn first_of_overlapping(occ: &[(u32, u32)], len: usize) -> Vec<(u32, u32)> {
        let mut out: Vec<(u32, u32)> = Vec::new();
        for &(d, q) in occ {
            if out.last().is_some_and(|&(ld, lq)| ld == d && (q as usize) < lq as usize + len) {
                continue;
            }
            out.push((d, q));
        }
        out
    }

    /// Every maximal repeat shared by two statements, by brute force: phrase -> occurrences.
    fn naive(index: &Index, min_words: usize) -> BTreeMap<Vec<u32>, Vec<(u32, u32)>> {
        let docs: Vec<Vec<u32>> = index
            .docs
            .iter()
            .map(|doc| doc.content.iter().map(|&i| index.class(doc.tokens[i as usize].term())).collect())
            .collect();
        let mut all: BTreeMap<Vec<u32>, Vec<(u32, u32)>> = BTreeMap::new();
        for (d, s) in docs.iter().enumerate() {
            for a in 0..s.len() {
                for b in a + min_words..=s.len() {
                    all.entry(s[a..b].to_vec()).or_default().push((d as u32, a as u32));
                }
            }
        }
        all.retain(|phrase, occ| {
            let len = phrase.len();
            let mut ds: Vec<u32> = occ.iter().map(|o| o.0).collect();
            ds.dedup();
            let before = |&(d, q): &(u32, u32)| if q == 0 { None } else { Some(docs[d as usize][q as usize - 1]) };
            let after = |&(d, q): &(u32, u32)| docs[d as usize].get(q as usize + len).copied();
            let left = occ.iter().any(|o| before(o).is_none()) || occ.iter().any(|o| before(o) != before(&occ[0]));
            let right = occ.iter().any(|o| after(o).is_none()) || occ.iter().any(|o| after(o) != after(&occ[0]));
            ds.len() >= 2 && left && right
        });
        all
    }

    fn has_period(s: &[u32], p: usize) -> bool {
        p < s.len() && (0..s.len() - p).all(|i| s[i] == s[i + p])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// The walk finds the maximal repeats that brute force finds, with the first of
        /// overlapping occurrences; it leaves out only periodic phrases that a longer
        /// candidate with the same period extends, in as many statements.
        #[test]
        fn the_walk_agrees_with_brute_force(
            texts in proptest::collection::vec(
                proptest::collection::vec(prop_oneof![Just("alpha"), Just("beta"), Just("gamma")], 0..30)
                    .prop_map(|w| w.join(" ")),
                2..5,
            )
        ) {
            let options = Options::builder().min_weight(0.0).build().unwrap();
            let index = index_of(&texts, &options);
            let content = Content::of(&index);
            let mut budget = Budget::new(options.work_budget());
            let mut notes = Vec::new();
            let found = repeated_phrases(&index, &content, &options, &mut budget, &mut notes, &mut |_| Ok(())).unwrap();
            let expected = naive(&index, options.min_words());
            let mut seen = BTreeMap::new();
            for p in &found {
                let occ = expected.get(p.seq);
                prop_assert!(occ.is_some(), "{:?} is no maximal repeat", p.seq);
                let occ = occ.unwrap();
                prop_assert_eq!(&p.occ, &first_of_overlapping(occ, p.seq.len()));
                let mut ds: Vec<u32> = occ.iter().map(|o| o.0).collect();
                ds.dedup();
                prop_assert_eq!(p.docs, ds.len());
                seen.insert(p.seq.to_vec(), p.docs);
            }
            for (phrase, occ) in &expected {
                if seen.contains_key(phrase) {
                    continue;
                }
                let mut ds: Vec<u32> = occ.iter().map(|o| o.0).collect();
                ds.dedup();
                let covered = seen.iter().any(|(longer, &docs)| {
                    docs == ds.len()
                        && longer.starts_with(phrase)
                        && (1..phrase.len()).any(|p| has_period(longer, p) && phrase.len() + p <= longer.len())
                });
                prop_assert!(covered, "{:?} is missing", phrase);
            }
            prop_assert!(notes.is_empty());
        }
    }

    #[test]
    fn a_phrase_repeated_back_to_back_is_one_long_candidate() {
        let options = Options::default();
        let texts = ["peace security ".repeat(2_000), "security peace ".repeat(2_000)];
        let index = index_of(&texts, &options);
        let content = Content::of(&index);
        let mut budget = Budget::new(options.work_budget());
        let found =
            repeated_phrases(&index, &content, &options, &mut budget, &mut Vec::new(), &mut |_| Ok(())).unwrap();
        assert!(found.len() <= 8, "{} candidates", found.len());
        let longest = found.iter().map(|p| p.seq.len()).max().unwrap();
        assert!(longest >= 3_998);
        let held: usize = found.iter().map(|p| p.occ.len()).sum();
        assert!(held <= 2 * 4_000, "{held} occurrences held");
        assert!(budget.spent() < 1_000_000, "{} units", budget.spent());
    }
}
