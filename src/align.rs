//! Word alignment of a reference (a family's root or a query) with a stretch of a statement,
//! and the score that says how alike they are.
//!
//! Dynamic programming over words, maximizing credit minus penalties:
//! - the same word (same comparison form) earns the reference word's weight;
//! - a near-synonym (`variant`) earns 0.8 of it;
//! - two neighbouring words swapped earn 0.75 of both;
//! - a substituted word earns nothing and costs nothing (it is a slot): a whole word, a
//!   Chinese word from the word segmenter included (践行 / 奉行 / 坚持), but never a Han, kana
//!   or Hangul character standing alone as a token (a Hangul syllable, or Chinese cut per
//!   character where no segmenter is at hand), since one character changes the word;
//! - a reference word missing earns nothing;
//! - an extra word in the statement costs half its own weight (stopwords weigh almost nothing).
//!
//! After alignment, a missing reference word found as an extra word elsewhere in the stretch
//! becomes a `move` and earns 0.75 of its weight.
//!
//! The score is `(credit - penalties) / (total reference weight)`, clamped to [0, 1]; 1.0 means
//! identical after normalization.

/// A word as the aligner sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Word {
    pub term: u32,
    pub class: u32,
    pub weight: f32,
    pub stop: bool,
    /// Punctuation separates this word from the one before it.
    pub brk: bool,
    /// A Han, kana or Hangul character standing alone as a token (not a segmenter's word):
    /// never substituted (per character, "多边" is no variant of "单边").
    pub ideo: bool,
}

/// One step of an alignment; indices are into the reference (`r`) and the target (`t`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Equal(usize, usize),
    Variant(usize, usize),
    Substitute(usize, usize),
    Delete(usize),
    Insert(usize),
    Move(usize, usize),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Alignment {
    pub ops: Vec<Op>,
    pub score: f64,
    /// First aligned target word.
    pub t_start: usize,
    /// One past the last aligned target word.
    pub t_end: usize,
    /// Reference content words matched as equal, variant or moved.
    pub content_matched: usize,
    /// Reference content words with a counterpart: matched, or substituted.
    pub content_aligned: usize,
}

const VARIANT: f32 = 0.8;
const SWAP: f32 = 0.75;
const MOVE: f32 = 0.75;
const INSERT: f32 = 0.5;
const TIE: f32 = 1e-4;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Back {
    Start,
    Diag,
    Up,
    Left,
    Swap,
}

/// Above this many cells, a global alignment is banded: it only looks at cells within
/// `|len difference| + BAND` of the diagonal, which keeps long passages linear in time and
/// memory (long repeats differ by few words, so the best alignment stays near the diagonal).
const FULL_CELLS: usize = 250_000;
const BAND: usize = 24;
/// Most cells of a band around the diagonal. Two long passages of very different lengths
/// would need a band as wide as their difference; above this, the band follows the line from
/// the start of both to the end of both instead, with a width that keeps the cells under
/// this bound (or linear in the lengths), so memory stays bounded whatever the input.
const MAX_BAND_CELLS: u64 = 8_000_000;

/// The band of a global alignment: cells within `half` of the diagonal, or, `skew`ed, of the
/// line from (0, 0) to (m, n).
#[derive(Clone, Copy)]
struct Band {
    half: usize,
    skew: bool,
    m: usize,
    n: usize,
}

impl Band {
    /// The band for aligning `m` words with `n`, or None for the full table.
    fn of(m: usize, n: usize, local: bool) -> Option<Band> {
        let full = (m as u64 + 1) * (n as u64 + 1);
        if local || full <= FULL_CELLS as u64 {
            return None;
        }
        let half = m.abs_diff(n) + BAND;
        if (m as u64 + 1) * (2 * half as u64 + 1) <= MAX_BAND_CELLS {
            return Some(Band { half, skew: false, m, n });
        }
        // Wide enough that neighbouring rows' bands touch (the line rises n / m per row).
        let fit = (MAX_BAND_CELLS / (2 * (m as u64 + 1))) as usize;
        let half = fit.max(BAND).max(n.div_ceil(m.max(1)) + 1);
        Some(Band { half, skew: true, m, n })
    }

    /// The column at the band's centre in row `i`.
    fn center(&self, i: usize) -> usize {
        if self.skew {
            (i as u64 * self.n as u64 / self.m.max(1) as u64) as usize
        } else {
            i
        }
    }

    fn width(&self) -> usize {
        2 * self.half + 1
    }
}

/// DP cells of aligning `m` words with `n`: what an alignment costs, for the work budget.
pub(crate) fn cells(m: usize, n: usize, local: bool) -> u64 {
    match Band::of(m, n, local) {
        None => (m as u64 + 1) * (n as u64 + 1),
        Some(b) => (m as u64 + 1) * b.width() as u64,
    }
}

/// The DP table, full or banded: back-pointers for every cell, scores for the last three
/// rows only (a swap looks two rows back).
struct Table {
    n: usize,
    band: Option<Band>,
    width: usize,
    rows: [Vec<f32>; 3],
    back: Vec<Back>,
}

impl Table {
    fn new(m: usize, n: usize, band: Option<Band>) -> Table {
        let width = band.map_or(n + 1, |b| b.width());
        let row = vec![f32::NEG_INFINITY; width];
        Table { n, band, width, rows: [row.clone(), row.clone(), row], back: vec![Back::Start; (m + 1) * width] }
    }

    /// Where cell (i, j) lies in its row, if inside the table.
    fn col(&self, i: usize, j: usize) -> Option<usize> {
        match self.band {
            None => (j <= self.n).then_some(j),
            Some(b) => {
                let c = b.center(i);
                (j + b.half >= c && j <= c + b.half).then(|| j + b.half - c)
            }
        }
    }

    /// Starts row `i`: every cell unset.
    fn start_row(&mut self, i: usize) {
        self.rows[i % 3].fill(f32::NEG_INFINITY);
    }

    fn get(&self, i: usize, j: usize) -> f32 {
        self.col(i, j).map_or(f32::NEG_INFINITY, |k| self.rows[i % 3][k])
    }

    fn set(&mut self, i: usize, j: usize, v: f32, b: Back) {
        if let Some(k) = self.col(i, j) {
            self.rows[i % 3][k] = v;
            self.back[i * self.width + k] = b;
        }
    }

    fn back(&self, i: usize, j: usize) -> Back {
        self.col(i, j).map_or(Back::Start, |k| self.back[i * self.width + k])
    }

    /// The columns of row `i` inside the table, from 1.
    fn columns(&self, i: usize) -> (usize, usize) {
        match self.band {
            None => (1, self.n),
            Some(b) => {
                let c = b.center(i);
                (c.saturating_sub(b.half).max(1), (c + b.half).min(self.n))
            }
        }
    }
}

/// Aligns all of `r` with `t`. With `local`, the alignment may start and end anywhere in `t`
/// (the words of `t` outside it are free); otherwise all of `t` is aligned.
pub(crate) fn align(r: &[Word], t: &[Word], local: bool) -> Alignment {
    let (m, n) = (r.len(), t.len());
    if !local && m == n && r.iter().zip(t).all(|(a, b)| a.term == b.term) {
        return finish(r, t, (0..m).map(|i| Op::Equal(i, i)).collect());
    }
    let mut tab = Table::new(m, n, Band::of(m, n, local));
    tab.start_row(0);
    tab.set(0, 0, 0.0, Back::Start);
    for j in 1..=n {
        if local {
            tab.set(0, j, 0.0, Back::Start);
        } else {
            let v = tab.get(0, j - 1) - INSERT * t[j - 1].weight;
            tab.set(0, j, v, Back::Left);
        }
    }
    for i in 1..=m {
        let ri = r[i - 1];
        tab.start_row(i);
        let v = tab.get(i - 1, 0) - TIE;
        tab.set(i, 0, v, Back::Up);
        let (jlo, jhi) = tab.columns(i);
        for j in jlo..=jhi {
            let tj = t[j - 1];
            let diag = tab.get(i - 1, j - 1)
                + if ri.term == tj.term {
                    ri.weight
                } else if ri.class == tj.class {
                    VARIANT * ri.weight
                } else if ri.stop == tj.stop && !ri.ideo && !tj.ideo {
                    0.0
                } else {
                    f32::NEG_INFINITY
                };
            let up = tab.get(i - 1, j) - TIE;
            let left = tab.get(i, j - 1) - INSERT * tj.weight;
            let mut best = (diag, Back::Diag);
            if up > best.0 {
                best = (up, Back::Up);
            }
            if left > best.0 {
                best = (left, Back::Left);
            }
            if i >= 2 && j >= 2 {
                let (rp, tp) = (r[i - 2], t[j - 2]);
                if ri.class == tp.class && rp.class == tj.class && ri.class != rp.class {
                    let swap = tab.get(i - 2, j - 2) + SWAP * (ri.weight + rp.weight);
                    if swap > best.0 {
                        best = (swap, Back::Swap);
                    }
                }
            }
            tab.set(i, j, best.0, best.1);
        }
    }
    let mut j = n;
    if local {
        for k in 0..=n {
            if tab.get(m, k) > tab.get(m, j) || (tab.get(m, k) == tab.get(m, j) && k < j) {
                j = k;
            }
        }
    }
    let mut i = m;
    let mut ops = Vec::with_capacity(m + n);
    while i > 0 || (j > 0 && !local) {
        match tab.back(i, j) {
            Back::Start => break,
            Back::Diag => {
                let (ri, tj) = (r[i - 1], t[j - 1]);
                ops.push(if ri.term == tj.term {
                    Op::Equal(i - 1, j - 1)
                } else if ri.class == tj.class {
                    Op::Variant(i - 1, j - 1)
                } else {
                    Op::Substitute(i - 1, j - 1)
                });
                i -= 1;
                j -= 1;
            }
            Back::Up => {
                ops.push(Op::Delete(i - 1));
                i -= 1;
            }
            Back::Left => {
                ops.push(Op::Insert(j - 1));
                j -= 1;
            }
            Back::Swap => {
                ops.push(Op::Move(i - 1, j - 2));
                ops.push(Op::Move(i - 2, j - 1));
                i -= 2;
                j -= 2;
            }
        }
    }
    ops.reverse();
    if local {
        trim_edges(t, &mut ops);
    }
    finish(r, t, ops)
}

/// In a local alignment, a substituted word at an edge that punctuation cuts off from the rest
/// ("security, multilateralism" for "genuine multilateralism") is not part of the match.
fn trim_edges(t: &[Word], ops: &mut [Op]) {
    let first = ops.iter().position(|op| !matches!(op, Op::Delete(_)));
    if let Some(k) = first {
        if let Op::Substitute(i, j) = ops[k] {
            if j + 1 < t.len() && t[j + 1].brk {
                ops[k] = Op::Delete(i);
            }
        }
    }
    let last = ops.iter().rposition(|op| !matches!(op, Op::Delete(_)));
    if let Some(k) = last {
        if let Op::Substitute(i, j) = ops[k] {
            if t[j].brk {
                ops[k] = Op::Delete(i);
            }
        }
    }
}

/// Turns a missing reference word found among the extra words into a move, trims unaligned
/// edges, and scores.
fn finish(r: &[Word], t: &[Word], mut ops: Vec<Op>) -> Alignment {
    // Moves: a deleted reference word whose class appears as an inserted word.
    let deletes: Vec<usize> =
        ops.iter().enumerate().filter_map(|(k, op)| matches!(op, Op::Delete(_)).then_some(k)).collect();
    for k in deletes {
        let Op::Delete(ri) = ops[k] else { continue };
        if let Some(q) = ops.iter().position(|op| matches!(op, Op::Insert(tj) if t[*tj].class == r[ri].class)) {
            let Op::Insert(tj) = ops[q] else { continue };
            ops[q] = Op::Move(ri, tj);
            ops[k] = Op::Delete(usize::MAX);
        }
    }
    ops.retain(|op| !matches!(op, Op::Delete(usize::MAX)));
    let target_of = |op: &Op| match *op {
        Op::Equal(_, j) | Op::Variant(_, j) | Op::Substitute(_, j) | Op::Move(_, j) | Op::Insert(j) => Some(j),
        Op::Delete(_) => None,
    };
    let t_start = ops.iter().filter_map(target_of).min().unwrap_or(0);
    let t_end = ops.iter().filter_map(target_of).max().map_or(t_start, |j| j + 1);
    let total: f64 = r.iter().map(|w| w.weight as f64).sum();
    let mut credit = 0f64;
    let mut content_matched = 0;
    let mut content_aligned = 0;
    for op in &ops {
        match *op {
            Op::Equal(i, _) => credit += r[i].weight as f64,
            Op::Variant(i, _) => credit += (VARIANT * r[i].weight) as f64,
            Op::Move(i, _) => credit += (MOVE * r[i].weight) as f64,
            Op::Insert(j) => credit -= (INSERT * t[j].weight) as f64,
            Op::Substitute(..) | Op::Delete(_) => {}
        }
        if let Op::Equal(i, _) | Op::Variant(i, _) | Op::Move(i, _) = *op {
            if !r[i].stop {
                content_matched += 1;
            }
        }
        if let Op::Equal(i, _) | Op::Variant(i, _) | Op::Move(i, _) | Op::Substitute(i, _) = *op {
            if !r[i].stop {
                content_aligned += 1;
            }
        }
    }
    let score = if total <= 0.0 { 0.0 } else { (credit / total).clamp(0.0, 1.0) };
    // Identical after normalization must be exactly 1.0, despite float sums.
    let identical = ops.iter().all(|op| matches!(op, Op::Equal(..))) && ops.len() == r.len();
    Alignment {
        ops,
        score: if identical { 1.0 } else { score.min(0.999_999) },
        t_start,
        t_end,
        content_matched,
        content_aligned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(spec: &str) -> Vec<Word> {
        // "word" = content word; "_word" = stopword; "a~b" = term a in class b.
        spec.split_whitespace()
            .map(|w| {
                let stop = w.starts_with('_');
                let w = w.trim_start_matches('_');
                let (term, class) = w.split_once('~').unwrap_or((w, w));
                let id = |s: &str| s.bytes().fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32));
                let brk = term.ends_with(',');
                let term = term.trim_end_matches(',');
                Word { term: id(term), class: id(class), weight: if stop { 0.02 } else { 1.0 }, stop, brk, ideo: false }
            })
            .collect()
    }

    fn kinds(a: &Alignment) -> String {
        a.ops
            .iter()
            .map(|op| match op {
                Op::Equal(..) => '=',
                Op::Variant(..) => '~',
                Op::Substitute(..) => 's',
                Op::Delete(_) => 'd',
                Op::Insert(_) => 'i',
                Op::Move(..) => 'm',
            })
            .collect()
    }

    #[test]
    fn table() {
        // (reference, target, local, ops, score range)
        let cases: &[(&str, &str, bool, &str, f64, f64)] = &[
            ("true multilateralism", "true multilateralism", false, "==", 1.0, 1.0),
            ("true multilateralism", "genuine~true multilateralism", false, "~=", 0.89, 0.91),
            ("true multilateralism", "effective multilateralism", false, "s=", 0.49, 0.51),
            ("practice true multilateralism", "practice _of true multilateralism", false, "=i==", 0.99, 0.999_999),
            (
                "common comprehensive cooperative security",
                "common cooperative comprehensive security",
                false,
                "=mm=",
                0.87,
                0.88,
            ),
            ("a b c d", "x y a b c d z", true, "====", 1.0, 1.0),
            ("a b c d", "x a b q c d z", true, "==i==", 0.87, 0.88),
            ("a b c d", "b c d a", false, "===m", 0.93, 0.94),
            ("a b", "", false, "dd", 0.0, 0.0),
        ];
        for &(r, t, local, want, lo, hi) in cases {
            let a = align(&words(r), &words(t), local);
            assert_eq!(kinds(&a), want, "{r} / {t}");
            assert!(a.score >= lo && a.score <= hi, "{r} / {t}: score {}", a.score);
        }
    }

    #[test]
    fn punctuation_cuts_off_an_edge_substitution() {
        // "x," marks a word with punctuation before it.
        let a = align(&words("genuine multilateralism"), &words("peace security multilateralism,"), true);
        assert_eq!(kinds(&a), "d=");
        let a = align(&words("genuine multilateralism"), &words("peace effective multilateralism"), true);
        assert_eq!(kinds(&a), "s=");
    }

    #[test]
    fn long_global_alignments_are_banded_and_agree() {
        let long: String = (0..700).map(|i| format!("w{} ", i % 97)).collect();
        let mut edited = long.clone();
        edited = edited.replacen("w5 ", "zz ", 1).replacen("w50 ", "", 1);
        let (r, t) = (words(&long), words(&edited));
        assert!((r.len() + 1) * (t.len() + 1) > FULL_CELLS);
        let a = align(&r, &t, false);
        let subs = a.ops.iter().filter(|op| !matches!(op, Op::Equal(..))).count();
        assert_eq!(subs, 2, "one substitution and one deletion");
        assert!(a.score > 0.99 && a.score < 1.0);
    }

    #[test]
    fn lengths_far_apart_use_a_bounded_skewed_band() {
        // The same 3,000 content words, with four stopwords after each in the target: the
        // band around the diagonal would need 12,000 columns a row; the skewed one is bounded.
        let r: String = (0..3_000).map(|i| format!("w{} ", i % 89)).collect();
        let t: String = (0..3_000).map(|i| format!("w{} _a _b _c _d ", i % 89)).collect();
        let (r, t) = (words(&r), words(&t));
        let band = Band::of(r.len(), t.len(), false).expect("banded");
        assert!(band.skew);
        assert!(cells(r.len(), t.len(), false) <= MAX_BAND_CELLS.max(3 * (t.len() as u64 + r.len() as u64)));
        let a = align(&r, &t, false);
        assert_eq!(a.ops.iter().filter(|op| matches!(op, Op::Equal(..))).count(), 3_000);
        assert_eq!(a.ops.iter().filter(|op| matches!(op, Op::Insert(..))).count(), 12_000);
    }

    #[test]
    fn cells_count_the_table() {
        assert_eq!(cells(2, 3, false), 12);
        assert_eq!(cells(2, 3, true), 12);
        // Banded around the diagonal: (m + 1) rows of 2 * (|m - n| + 24) + 1 cells.
        assert_eq!(cells(1_000, 1_010, false), 1_001 * 69);
    }

    #[test]
    fn local_region() {
        let a = align(&words("a b"), &words("x y a b z"), true);
        assert_eq!((a.t_start, a.t_end), (2, 4));
    }
}
