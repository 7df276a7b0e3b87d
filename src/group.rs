//! Grouping: repeated phrases into families, strongest first.
//!
//! 3. Phrases weighing at least `min_weight`, with `min_words` content words, are ranked by
//!    weight times the number of statements sharing them. In that order each phrase not yet
//!    taken becomes a root and takes the phrases one edit away (a word substituted, inserted,
//!    deleted, two words swapped, the same words reordered, or up to two words more or fewer
//!    at the ends) whose differing words weigh at most half of what they share. No chaining: a
//!    family is a root and its neighbours.
//! 4. A family keeps the occurrences not already mostly inside a stronger family, and gathers
//!    one-off variants by aligning its root against the statements around its rarest words.

use crate::align::{align, cells, Op, Word};
use crate::budget::Budget;
use crate::error::Error;
use crate::family::{hash_seq, Draft};
use crate::index::{gallop, ContentOcc, Index, TokenOcc};
use crate::options::Options;
use crate::progress::{Progress, Stage};
use crate::repeats::{Phrase, SENTENCE_SPAN_WORDS};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

/// Roots shorter than this (in content words) gather no one-off variants by alignment: in a
/// formula of two or three words one changed word is another formula, and short formulas get
/// their variants from near-synonyms and from the one-edit grouping of repeated phrases.
const GATHER_MIN_WORDS: usize = 4;
/// Roots longer than this gather no one-off variants: their alignment would cost too much for
/// what it finds (long passages repeat verbatim or not at all).
const GATHER_MAX_WORDS: usize = 64;
const _: () = assert!(GATHER_MAX_WORDS <= 64, "a root's classes are a 64-bit mask when gathering");

/// Work units charged for taking a phrase as a root (its keys, lookups and bookkeeping), and
/// for testing a candidate variant (plus its alignment cells): about what an alignment cell
/// costs, so units stay comparable.
const ROOT_COST: u64 = 64;
const VARIANT_COST: u64 = 32;
/// Work units charged per occurrence of a family's phrases (sorting, claims, bookkeeping).
const OCCURRENCE_COST: usize = 16;

/// Keys under which a phrase meets its one-edit neighbours: itself, itself less one word, and
/// (three words or more) its words sorted; `sorted` receives its words sorted.
fn keys(seq: &[u32], sorted: &mut Vec<u32>) -> Vec<u64> {
    let mut keys = Vec::with_capacity(seq.len() + 7);
    keys.push(hash_seq(seq.iter().copied()));
    // A variant shares two content words at least, so a key of one word would only meet
    // phrases that cannot pass (and such buckets are huge for common words).
    if (3..=16).contains(&seq.len()) {
        for skip in 0..seq.len() {
            keys.push(hash_seq(seq.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, &w)| w)));
        }
    }
    // The phrase less one or two words at its ends, to meet a root it extends.
    let n = seq.len();
    for (a, b) in [(1, n), (0, n.saturating_sub(1)), (2, n), (0, n.saturating_sub(2)), (1, n.saturating_sub(1))] {
        if a < b && b - a >= 2 && b - a < n {
            keys.push(hash_seq(seq[a..b].iter().copied()));
        }
    }
    sorted.clear();
    sorted.extend_from_slice(seq);
    crate::sort::sort_u32(sorted);
    if seq.len() >= 3 {
        keys.push(hash_seq(sorted.iter().copied()).rotate_left(1));
    }
    keys
}

/// True when `b` is a variant of root `a` (both as words of their classes): at most one edit
/// apart, the same words reordered, or the root with up to two words more or fewer at its ends;
/// sharing at least two content words, the differing words weighing at most half of the shared
/// ones.
fn is_variant(a: &[Word], b: &[Word], min_words: usize) -> bool {
    let al = align(a, b, false);
    let (mut shared, mut differ, mut edits, mut same) = (0f64, 0f64, 0usize, 0usize);
    for op in &al.ops {
        match *op {
            Op::Equal(i, _) => {
                shared += a[i].weight as f64;
                same += 1;
            }
            Op::Move(i, _) => shared += a[i].weight as f64,
            Op::Variant(i, j) | Op::Substitute(i, j) => {
                differ += a[i].weight.max(b[j].weight) as f64;
                edits += 1;
            }
            Op::Delete(i) => {
                differ += a[i].weight as f64;
                edits += 1;
            }
            Op::Insert(j) => {
                differ += b[j].weight as f64;
                edits += 1;
            }
        }
    }
    let moved = al.ops.iter().any(|op| matches!(op, Op::Move(..)));
    let reordered = moved && edits == 0;
    // The root with up to two words more or fewer at its ends ("practice" + "true
    // multilateralism", or the other way round).
    let end_op = |op: &Op| matches!(op, Op::Insert(_) | Op::Delete(_));
    let inner = al.ops.iter().skip_while(|op| end_op(op)).collect::<Vec<_>>();
    let inner_len = inner.len() - inner.iter().rev().take_while(|op| end_op(op)).count();
    let extended = edits <= 2 && inner[..inner_len].iter().all(|op| matches!(op, Op::Equal(..)));
    let ratio = if extended && edits == 2 { 0.6 } else { 0.5 };
    (edits <= 1 || reordered || extended)
        && same.max(if reordered { a.len() } else { 0 }) >= min_words.max(2)
        && differ <= ratio * shared + 1e-9
}

/// False when `b` cannot be a variant of root `a` ([`is_variant`]), told from their classes
/// (each sorted) and the classes' weights alone. Only words of one class pair up as equal or
/// moved, so the root's words outside the classes both share (counted with repeats) all differ,
/// as do the variant's: the differing words weigh at least the heavier of those two sets, the
/// shared ones at most what both share, and a variant's differing words weigh at most 0.6 of
/// its shared ones.
fn may_be_variant(a: &[u32], b: &[u32], weight: impl Fn(u32) -> f64) -> bool {
    let (mut i, mut j) = (0, 0);
    let (mut shared, mut only_a, mut only_b) = (0f64, 0f64, 0f64);
    while i < a.len() || j < b.len() {
        if j == b.len() || (i < a.len() && a[i] < b[j]) {
            only_a += weight(a[i]);
            i += 1;
        } else if i == a.len() || b[j] < a[i] {
            only_b += weight(b[j]);
            j += 1;
        } else {
            shared += weight(a[i]);
            i += 1;
            j += 1;
        }
    }
    // The margin keeps the test on the safe side of rounding.
    only_a.max(only_b) <= 0.6 * shared + 1e-6
}

/// Steps 3-4: families as drafts, strongest first, and `then(state, draft)` of each draft as it
/// is found: natively on another thread while grouping goes on (see
/// [`crate::threads::pipeline`], which `states` are for).
pub(crate) fn group_then<S: Send, U: Send>(
    index: &Index,
    options: &Options,
    phrases: &[Phrase],
    budget: &mut Budget,
    progress: &mut dyn FnMut(Progress) -> bool,
    states: &[Mutex<S>],
    then: &(dyn Fn(&mut S, &Draft) -> U + Sync),
) -> Result<(Vec<Draft>, Vec<U>), Error> {
    let (found, out) = crate::threads::pipeline(
        states,
        |family| group_into(index, options, phrases, budget, progress, family),
        |state, occ| {
            let draft = draft(index, &occ);
            let u = then(state, &draft);
            (draft, u)
        },
    );
    found?;
    Ok(out.into_iter().unzip())
}

/// Steps 3-4: each family's occurrences (in content positions, sorted) to `family` as it is
/// found, strongest first.
fn group_into(
    index: &Index,
    options: &Options,
    phrases: &[Phrase],
    budget: &mut Budget,
    progress: &mut dyn FnMut(Progress) -> bool,
    family: &mut dyn FnMut(Vec<ContentOcc>),
) -> Result<(), Error> {
    let mut order: Vec<usize> = (0..phrases.len()).collect();
    // Strongest first: weight times statements. A long passage four statements share comes
    // before its halves that a fifth statement (with a word changed in the middle) shares too,
    // and gathers that fifth copy as a variant.
    let strength = |p: &Phrase| p.weight * p.docs as f64;
    crate::sort::sort_by(&mut order, |&a, &b| {
        let (pa, pb) = (&phrases[a], &phrases[b]);
        strength(pb)
            .total_cmp(&strength(pa))
            .then_with(|| pb.docs.cmp(&pa.docs))
            .then_with(|| pb.seq.len().cmp(&pa.seq.len()))
            .then_with(|| pa.seq.cmp(pb.seq))
    });
    // (key, rank) pairs sorted: a bucket is a run of one key, in rank order. Hashing a key
    // reads the phrase's words.
    let mut buckets: Vec<(u64, u32)> = Vec::new();
    // Each keyed phrase's classes sorted, one phrase after another (from `sorted_at[p]`); the
    // keys of the phrase of each rank, one rank after another (from `keys_at[rank]`).
    let (mut sorted, mut sorted_at, mut one) = (Vec::new(), vec![0u32; phrases.len()], Vec::new());
    let mut keys_at: Vec<u32> = vec![0];
    for (rank, &p) in order.iter().enumerate() {
        let k = keys(phrases[p].seq, &mut one);
        if !budget.spend((k.len() * phrases[p].seq.len()) as u64) {
            break;
        }
        sorted_at[p] = sorted.len() as u32;
        sorted.extend_from_slice(&one);
        buckets.extend(k.into_iter().map(|k| (k, rank as u32)));
        keys_at.push(buckets.len() as u32);
    }
    let sorted_of = |p: usize| &sorted[sorted_at[p] as usize..][..phrases[p].seq.len()];
    let weight = |c: u32| index.terms[c as usize].weight as f64;
    let all_keys: Vec<u64> = buckets.iter().map(|b| b.0).collect();
    crate::sort::sort_wide_pairs(&mut buckets);
    buckets.dedup();
    // Where each key's bucket lies, found by hashing rather than by bisecting a long array;
    // only buckets of two phrases or more (a root meets no one in its own).
    let mut bucket_of: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
    let mut i = 0;
    while i < buckets.len() {
        let run = buckets[i..].iter().take_while(|b| b.0 == buckets[i].0).count();
        if run > 1 {
            bucket_of.insert(buckets[i].0, (i as u32, (i + run) as u32));
        }
        i += run;
    }
    let gaps = gaps(index);
    let mut taken = vec![false; phrases.len()];
    // The step at which a phrase was last tested as a variant (plus one): a root meets a
    // phrase under several keys, and tests it once.
    let mut tested = vec![0u32; phrases.len()];
    let mut claimed: Vec<Vec<bool>> = index.docs.iter().map(|d| vec![false; d.content.len()]).collect();
    // How many families were found.
    let mut families = 0usize;
    let fuzzy_limit = options.max_families.saturating_mul(2);
    let mut words: Vec<Word> = Vec::new();
    let mut slots = vec![0u8; index.terms.len()];
    for (step, &root) in order.iter().enumerate() {
        if step % 256 == 0
            && !progress(Progress { stage: Stage::Families, done: step as u64, total: order.len() as u64 })
        {
            return Err(Error::Cancelled);
        }
        if taken[root] {
            continue;
        }
        if !budget.spend(ROOT_COST) {
            break;
        }
        taken[root] = true;
        let mut members = vec![root];
        // Every root was keyed: keying stops only when the budget runs out, and then so does
        // this loop, above.
        let root_keys = &all_keys[keys_at[step] as usize..keys_at[step + 1] as usize];
        let root_sorted = sorted_of(root);
        let root_words: Vec<Word> = phrases[root].seq.iter().map(|&c| index.class_word(c)).collect();
        for k in root_keys {
            // A bucket's phrases ranked before this root are all taken (each was a root or
            // joined one): its start moves past them for good.
            let bucket = match bucket_of.get_mut(k) {
                Some((from, to)) => {
                    while *from < *to && buckets[*from as usize].1 <= step as u32 {
                        *from += 1;
                    }
                    &buckets[*from as usize..*to as usize]
                }
                None => &[][..],
            };
            if !budget.spend(bucket.len() as u64) {
                break;
            }
            for c in bucket.iter().map(|b| order[b.1 as usize]) {
                if taken[c] || tested[c] == step as u32 + 1 {
                    continue;
                }
                tested[c] = step as u32 + 1;
                if !may_be_variant(root_sorted, sorted_of(c), weight) {
                    continue;
                }
                if !budget.spend(VARIANT_COST + cells(phrases[root].seq.len(), phrases[c].seq.len(), false)) {
                    continue;
                }
                words.clear();
                words.extend(phrases[c].seq.iter().map(|&w| index.class_word(w)));
                if is_variant(&root_words, &words, options.min_words) {
                    taken[c] = true;
                    members.push(c);
                }
            }
        }
        // Occurrences in content positions, not mostly claimed.
        let total: usize =
            members.iter().map(|&m| phrases[m].occ.len() * (phrases[m].seq.len() + OCCURRENCE_COST)).sum();
        if !budget.spend(total as u64) {
            break;
        }
        let mut occ: Vec<ContentOcc> = Vec::new();
        for &m in &members {
            let len = phrases[m].seq.len() as u32;
            for &(doc, i) in &phrases[m].occ {
                let o = ContentOcc { doc, first: i, last: i + len - 1 };
                if coherent(&gaps, o) {
                    occ.push(o);
                }
            }
        }
        // A family stands on the occurrences outside stronger families; once it stands, its
        // occurrences inside them (a formula quoted within a longer shared passage) count too.
        let (mut free, nested): (Vec<_>, Vec<_>) = occ.into_iter().partition(|&o| !mostly_claimed(&claimed, o));
        dedupe_overlaps(&mut free);
        let len = phrases[root].seq.len();
        if families < fuzzy_limit && (GATHER_MIN_WORDS..=GATHER_MAX_WORDS).contains(&len) {
            gather_variants(index, options, &phrases[root], &mut free, &claimed, &mut slots, budget);
        }
        // `free` is sorted by statement.
        let docs = free.iter().enumerate().filter(|&(k, o)| k == 0 || free[k - 1].doc != o.doc).count();
        if docs < options.min_statements {
            continue;
        }
        for o in &free {
            for c in &mut claimed[o.doc as usize][o.first as usize..=o.last as usize] {
                *c = true;
            }
        }
        let mut occ = free;
        occ.extend(nested);
        dedupe_overlaps(&mut occ);
        families += 1;
        family(occ);
    }
    Ok(())
}

/// The draft of a family found by [`group_into`]: its occurrences' content positions as token
/// indices, grown over the words every occurrence shares at its edges.
fn draft(index: &Index, occ: &[ContentOcc]) -> Draft {
    let mut occ: Vec<TokenOcc> = occ.iter().map(|&o| index.tokens_of(o)).collect();
    extend_edges(index, &mut occ);
    Draft { occ }
}

/// Most words an occurrence grows by at each edge.
const EDGE_WORDS: u32 = 8;

/// A family this long (content words) is a passage, and its occurrences grow over the words all
/// of them share at their edges; a shorter one is a formula, named by its own words ("peaceful
/// coexistence", not "in peaceful coexistence").
const PASSAGE_WORDS: usize = 5;

/// Extends the occurrences of a passage (sorted, not overlapping) over the words just before and
/// just after them that all of them share: the stopwords a repeat of content words leaves out ("the"
/// before "purposes and principles of the Charter", "of the" after a phrase), so that a shared
/// passage is reported whole. Never across a sentence end or a statement's edge, never into the
/// next occurrence in the same statement.
fn extend_edges(index: &Index, occ: &mut [TokenOcc]) {
    if occ.len() < 2 || index.content_len(occ[0]) < PASSAGE_WORDS {
        return;
    }
    let tokens = |o: &TokenOcc| &index.docs[o.doc as usize].tokens;
    // The class of the word before (`before`) or after an occurrence, if it may join it.
    let class_at = |o: &TokenOcc, before: bool| -> Option<u32> {
        let t = tokens(o);
        let i = if before {
            if o.first == 0 || t[o.first as usize].sentence() {
                return None;
            }
            o.first as usize - 1
        } else {
            let next = o.last as usize + 1;
            if next >= t.len() || t[next].sentence() {
                return None;
            }
            next
        };
        Some(index.class(t[i].term()))
    };
    for before in [true, false] {
        for _ in 0..EDGE_WORDS {
            let Some(class) = class_at(&occ[0], before) else { break };
            let shared = occ.iter().all(|o| class_at(o, before) == Some(class));
            // Growing must not reach the neighbouring occurrence in the same statement.
            let clear = occ.windows(2).all(|w| w[0].doc != w[1].doc || w[0].last + 1 < w[1].first);
            if !shared || !clear {
                break;
            }
            for o in occ.iter_mut() {
                if before {
                    o.first -= 1;
                } else {
                    o.last += 1;
                }
            }
        }
    }
}

/// What stands between a content word and the one before it, as [`coherent`] needs it: five
/// stopwords or more (no phrase spans them), or, for a short phrase, a sentence's end or two
/// stopwords or more and punctuation.
const GAP_BREAKS_ANY: u8 = 1;
const GAP_BREAKS_SHORT: u8 = 2;

/// Per content word of each statement, the gap before it ([`GAP_BREAKS_ANY`],
/// [`GAP_BREAKS_SHORT`]; 0 for the first).
fn gaps(index: &Index) -> Vec<Vec<u8>> {
    crate::threads::map(&index.docs, |doc| {
        let mut out = Vec::with_capacity(doc.content.len());
        out.extend(doc.content.first().map(|_| 0u8));
        out.extend(doc.content.windows(2).map(|w| {
            let (from, to) = (w[0] as usize, w[1] as usize);
            let gap = &doc.tokens[from + 1..=to];
            let stopwords = to - from - 1;
            let sentence = gap.iter().any(|t| t.sentence());
            let punctuation = gap.iter().any(|t| t.brk());
            let mut g = 0;
            if stopwords >= 5 {
                g |= GAP_BREAKS_ANY;
            }
            if sentence || (stopwords >= 2 && punctuation) {
                g |= GAP_BREAKS_SHORT;
            }
            g
        }));
        out
    })
}

/// False for an occurrence whose words are not one stretch of text: in a short phrase, a
/// sentence ends between two of its words, or two stopwords or more and punctuation stand
/// between them ("climate; let us change"); in any phrase, five stopwords or more do.
fn coherent(gaps: &[Vec<u8>], o: ContentOcc) -> bool {
    let short = ((o.last - o.first + 1) as usize) < SENTENCE_SPAN_WORDS;
    let breaks = if short { GAP_BREAKS_ANY | GAP_BREAKS_SHORT } else { GAP_BREAKS_ANY };
    gaps[o.doc as usize][o.first as usize + 1..=o.last as usize].iter().all(|&g| g & breaks == 0)
}

/// True when most content words of the occurrence are claimed (per doc, per content position)
/// by a stronger family.
fn mostly_claimed(claimed: &[Vec<bool>], o: ContentOcc) -> bool {
    let span = &claimed[o.doc as usize][o.first as usize..=o.last as usize];
    span.iter().filter(|&&c| c).count() * 2 > span.len()
}

/// Keeps, of occurrences overlapping in one statement, the longest.
fn dedupe_overlaps(occ: &mut Vec<ContentOcc>) {
    // By statement and start, the longest first.
    crate::sort::sort_by_key96(occ, |o| (o.doc as u128) << 64 | (o.first as u128) << 32 | (u32::MAX - o.last) as u128);
    let mut out: Vec<ContentOcc> = Vec::with_capacity(occ.len());
    for &o in occ.iter() {
        match out.last_mut() {
            Some(last) if last.doc == o.doc && o.first <= last.last => {
                if o.last - o.first > last.last - last.first {
                    *last = o;
                }
            }
            _ => out.push(o),
        }
    }
    *occ = out;
}

/// Finds one-off variants of a root (a word changed, a list reordered) by aligning the root
/// against the statements around occurrences of its two rarest words.
fn gather_variants(
    index: &Index,
    options: &Options,
    root: &Phrase,
    occ: &mut Vec<ContentOcc>,
    claimed: &[Vec<bool>],
    slots: &mut [u8],
    budget: &mut Budget,
) {
    let m = root.seq.len();
    let r: Vec<Word> = root.seq.iter().map(|&c| index.class_word(c)).collect();
    let mut anchors: Vec<(usize, u32)> = root.seq.iter().copied().enumerate().collect();
    crate::sort::sort_by_key(&mut anchors, |&(_, c)| (index.postings_len(c), c));
    anchors.dedup_by_key(|a| a.1);
    anchors.truncate(2);
    // Spans taken, per statement by start (they never overlap).
    let mut spans: HashMap<u32, BTreeMap<u32, u32>> = HashMap::new();
    for o in occ.iter() {
        spans.entry(o.doc).or_default().insert(o.first, o.last);
    }
    let mut found: Vec<ContentOcc> = Vec::new();
    // A root word earns credit only where its class is in the window (the same word, a
    // near-synonym, a swap or a move), so the root's words whose class a window lacks bound
    // what an alignment there can score: a window that cannot pass is not aligned. The root
    // has at most 64 distinct classes (`GATHER_MAX_WORDS`): a window's are a bit mask.
    let total: f64 = r.iter().map(|w| w.weight as f64).sum();
    let need = options.min_words.max(2);
    let mut distinct: Vec<u32> = root.seq.to_vec();
    crate::sort::sort_u32(&mut distinct);
    distinct.dedup();
    let bit_of: Vec<u64> = root.seq.iter().map(|c| 1u64 << distinct.binary_search(c).unwrap_or(0)).collect();
    // A class's bit, plus one, by class (0 for a class not in the root): `slots` is all zero
    // between calls.
    for (k, &c) in distinct.iter().enumerate() {
        slots[c as usize] = k as u8 + 1;
    }
    // A window lacking every class of a set that weighs more than a passing window may lack
    // (1 - `fuzzy_threshold` of the root) cannot pass, and the postings of those classes tell
    // whether one of them is in a window without reading it. Per anchor: the root's other
    // classes, rarest first, until they weigh that much (none if they never do). The margin
    // keeps the test on the safe side of rounding.
    let lackable = (1.0 - options.fuzzy_threshold) * total + 1e-6;
    let mut rarest: Vec<u32> = distinct.clone();
    crate::sort::sort_by_key(&mut rarest, |&c| (index.content_postings(c).len(), c));
    let mut near: Vec<Vec<Near>> = anchors
        .iter()
        .map(|&(_, anchor)| {
            let (mut set, mut weight) = (Vec::new(), 0f64);
            for &c in rarest.iter().filter(|&&c| c != anchor) {
                weight += root.seq.iter().zip(&r).filter(|(&rc, _)| rc == c).map(|(_, w)| w.weight as f64).sum::<f64>();
                set.push(Near { list: index.content_postings(c), at: 0 });
                if weight > lackable {
                    return set;
                }
            }
            Vec::new()
        })
        .collect();
    let worth = |k: usize, d: u32, lo: usize, hi: usize| {
        if !near[k].is_empty() {
            let start = index.content_start(d);
            let (lo, hi) = ((start + lo) as u32, (start + hi) as u32);
            if !near[k].iter_mut().any(|n| n.any_in(lo, hi)) {
                return false;
            }
        }
        let mut present = 0u64;
        for &c in &index.doc_classes(d)[lo..hi] {
            let k = slots[c as usize];
            if k > 0 {
                present |= 1 << (k - 1);
            }
        }
        let (mut credit, mut words) = (0f64, 0usize);
        for (w, bit) in r.iter().zip(&bit_of) {
            if present & bit != 0 {
                credit += w.weight as f64;
                words += 1;
            }
        }
        words >= need && credit + 1e-9 >= options.fuzzy_threshold * total
    };
    index.windows(&anchors, m, true, budget, VARIANT_COST, worth, |d, lo, hi| {
        let t: Vec<Word> = index.doc_classes(d)[lo..hi].iter().map(|&c| index.class_word(c)).collect();
        let al = align(&r, &t, true);
        if al.score < options.fuzzy_threshold || al.content_matched < options.min_words.max(2) || al.t_end <= al.t_start
        {
            return;
        }
        let o = ContentOcc { doc: d, first: (lo + al.t_start) as u32, last: (lo + al.t_end - 1) as u32 };
        let taken = spans.entry(d).or_default();
        if taken.range(..=o.last).next_back().is_some_and(|(_, &end)| end >= o.first) || mostly_claimed(claimed, o) {
            return;
        }
        taken.insert(o.first, o.last);
        found.push(o);
    });
    for &c in &distinct {
        slots[c as usize] = 0;
    }
    occ.extend(found);
    crate::sort::sort_by_key96(occ, ContentOcc::key);
}

/// A cursor on the content postings of a class, for windows met in the order of their positions.
struct Near<'a> {
    list: &'a [u32],
    /// The first posting not before the last window's start.
    at: usize,
}

impl Near<'_> {
    /// True when the class occurs in `lo..hi` (positions in the content sequence); `lo` never
    /// decreases from one call to the next, so the cursor gallops forward.
    fn any_in(&mut self, lo: u32, hi: u32) -> bool {
        self.at = gallop(self.list, self.at, lo);
        self.list.get(self.at).is_some_and(|&p| p < hi)
    }
}

#[cfg(test)]
mod tests {
    use super::{is_variant, may_be_variant, Near};
    use crate::align::Word;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The weight test never turns a variant away: over phrases of a 6-class vocabulary and
        /// their copies with up to three edits (a word changed, added, dropped, added at an end,
        /// or two swapped), with random weights, every pair `is_variant` accepts passes
        /// `may_be_variant`.
        #[test]
        fn the_weight_test_keeps_every_variant(
            a in proptest::collection::vec(0u32..6, 2..9),
            edits in proptest::collection::vec((0u8..6, 0usize..10, 0u32..6), 0..4),
            weights in proptest::collection::vec(0.05f32..3.0, 6),
            min_words in 1usize..4,
        ) {
            let mut b = a.clone();
            for (kind, at, class) in edits {
                let at = at % (b.len() + 1);
                match kind {
                    0 if at < b.len() => b[at] = class,
                    1 => b.insert(at, class),
                    2 if at < b.len() && b.len() > 1 => {
                        b.remove(at);
                    }
                    3 if at + 1 < b.len() => b.swap(at, at + 1),
                    4 => b.insert(0, class),
                    5 => b.push(class),
                    _ => {}
                }
            }
            let word = |&c: &u32| Word { term: c, class: c, weight: weights[c as usize], stop: false, brk: false, ideo: false };
            let (wa, wb): (Vec<Word>, Vec<Word>) = (a.iter().map(word).collect(), b.iter().map(word).collect());
            let (mut sa, mut sb) = (a.clone(), b.clone());
            sa.sort_unstable();
            sb.sort_unstable();
            if is_variant(&wa, &wb, min_words) {
                proptest::prop_assert!(may_be_variant(&sa, &sb, |c| weights[c as usize] as f64), "{:?} {:?}", a, b);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn near_tells_whether_a_posting_is_in_each_window(
            mut list in proptest::collection::vec(0u32..2000, 0..200),
            mut windows in proptest::collection::vec((0u32..2100, 0u32..40), 0..100),
        ) {
            list.sort_unstable();
            list.dedup();
            windows.sort_unstable();
            let mut near = Near { list: &list, at: 0 };
            for (lo, len) in windows {
                let hi = lo + len;
                let expected = list.iter().any(|&p| lo <= p && p < hi);
                proptest::prop_assert_eq!(near.any_in(lo, hi), expected, "window {}..{}", lo, hi);
            }
        }
    }
}
