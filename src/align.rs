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

/// The DP table, full or banded.
struct Table {
    n: usize,
    band: Option<usize>,
    score: Vec<f32>,
    back: Vec<Back>,
}

impl Table {
    fn new(m: usize, n: usize, band: Option<usize>) -> Table {
        let cells = match band {
            None => (m + 1) * (n + 1),
            Some(b) => (m + 1) * (2 * b + 1),
        };
        Table { n, band, score: vec![f32::NEG_INFINITY; cells], back: vec![Back::Start; cells] }
    }

    fn at(&self, i: usize, j: usize) -> Option<usize> {
        match self.band {
            None => Some(i * (self.n + 1) + j),
            Some(b) => (j + b >= i && j <= i + b).then(|| i * (2 * b + 1) + (j + b - i)),
        }
    }

    fn get(&self, i: usize, j: usize) -> f32 {
        self.at(i, j).map_or(f32::NEG_INFINITY, |k| self.score[k])
    }

    fn set(&mut self, i: usize, j: usize, v: f32, b: Back) {
        if let Some(k) = self.at(i, j) {
            self.score[k] = v;
            self.back[k] = b;
        }
    }

    fn back(&self, i: usize, j: usize) -> Back {
        self.at(i, j).map_or(Back::Start, |k| self.back[k])
    }
}

/// Aligns all of `r` with `t`. With `local`, the alignment may start and end anywhere in `t`
/// (the words of `t` outside it are free); otherwise all of `t` is aligned.
pub(crate) fn align(r: &[Word], t: &[Word], local: bool) -> Alignment {
    let (m, n) = (r.len(), t.len());
    if !local && m == n && r.iter().zip(t).all(|(a, b)| a.term == b.term) {
        return finish(r, t, (0..m).map(|i| Op::Equal(i, i)).collect());
    }
    let band = (!local && (m + 1) * (n + 1) > FULL_CELLS).then(|| m.abs_diff(n) + BAND);
    let mut tab = Table::new(m, n, band);
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
        let v = tab.get(i - 1, 0) - TIE;
        tab.set(i, 0, v, Back::Up);
        let (jlo, jhi) = match band {
            None => (1, n),
            Some(b) => (i.saturating_sub(b).max(1), (i + b).min(n)),
        };
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
    fn local_region() {
        let a = align(&words("a b"), &words("x y a b z"), true);
        assert_eq!((a.t_start, a.t_end), (2, 4));
    }
}
