//! The PAN measures of text-reuse detection: macro-averaged precision and recall, granularity
//! and plagdet, shared by the bench targets (`#[path]`-included).
//!
//! The variant implemented is the one of
//!
//! > Martin Potthast, Benno Stein, Alberto Barrón-Cedeño and Paolo Rosso. "An Evaluation
//! > Framework for Plagiarism Detection". COLING 2010, Beijing, pages 997-1005.
//!
//! as computed by the PAN reference script (`pan09-plagiarism-detection-performance-measures.py`,
//! version 1.3, in `pan-webis-de/pan-code`, reused unchanged for PAN 2010-2015 and 2025), edge
//! cases included. With S the cases, R the detections, each a pair of spans (one in each of two
//! documents), and a detection r *detecting* a case s when r overlaps s in both documents:
//!
//! - `s ⊓ r` = the characters of s that r covers (in both documents) when r detects s, else ∅;
//! - precision = 1/|R| · Σ_r |∪_s (s ⊓ r)| / |r| (macro average over detections);
//! - recall = 1/|S| · Σ_s |∪_r (s ⊓ r)| / |s| (macro average over cases);
//! - granularity = 1/|S_R| · Σ_{s ∈ S_R} |{r detecting s}|, with S_R the cases detected at all;
//! - plagdet = F1(precision, recall) / log2(1 + granularity).
//!
//! |x| of a pair is the characters of its two spans together. Edge cases as in the script: no
//! case and no detection gives precision = recall = 1; no case or no detection gives 0; no
//! detection, or no detected case, gives granularity 1; plagdet is 0 when precision and recall
//! are both 0.
//!
//! Two departures of setting, not of formula: PAN's cases are directed (suspicious document,
//! source document); here both are copies and a pair is unordered ([`Pair::new`] orders its two
//! spans by document, then offset, for cases and detections alike). Spans are half-open UTF-8
//! byte offsets (the project's span type), and lengths are counted by a caller's `measure`, in
//! characters (Unicode scalar values) as PAN counts them when the texts are at hand.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A half-open byte range of one document (by index).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocSpan {
    pub doc: u32,
    pub start: usize,
    pub end: usize,
}

/// Two spans of two documents: a case (two copies of one passage) or a detection. Unordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pair {
    pub a: DocSpan,
    pub b: DocSpan,
}

impl Pair {
    /// The pair of `x` and `y`, the lower (document, start, end) first.
    pub fn new(x: DocSpan, y: DocSpan) -> Pair {
        if x <= y {
            Pair { a: x, b: y }
        } else {
            Pair { a: y, b: x }
        }
    }
}

/// How one case fared.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseScore {
    /// Detections that detect it (0: missed).
    pub detections: usize,
    /// Share of its characters that they cover, in [0, 1].
    pub recall: f64,
}

/// The measures, with how each case fared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub granularity: f64,
    pub plagdet: f64,
    /// |R|, the misses given apart included.
    pub detections: usize,
    /// In the order of the cases given.
    pub cases: Vec<CaseScore>,
}

/// Characters of `text[start..end]`: its bytes that do not continue a UTF-8 sequence (so any
/// byte range can be measured, even one that cuts a character).
pub fn chars_in(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let (start, end) = (start.min(bytes.len()), end.min(bytes.len()));
    bytes[start..end.max(start)].iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

fn overlaps(x: &DocSpan, y: &DocSpan) -> bool {
    x.doc == y.doc && x.start < y.end && y.start < x.end
}

/// Measured size of the union of some ranges of one document (sorted and merged here).
fn union_size(doc: u32, ranges: &mut [(usize, usize)], measure: &dyn Fn(u32, usize, usize) -> usize) -> usize {
    ranges.sort_unstable();
    let mut total = 0;
    let mut current: Option<(usize, usize)> = None;
    for &(s, e) in ranges.iter() {
        current = match current {
            Some((cs, ce)) if s <= ce => Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += measure(doc, cs, ce);
                Some((s, e))
            }
            None => Some((s, e)),
        };
    }
    if let Some((cs, ce)) = current {
        total += measure(doc, cs, ce);
    }
    total
}

/// Scores `detections` against `cases`. `misses` counts further detections known to detect no
/// case (they count in |R| only: a caller may leave them out of `detections` to save time).
/// `measure(doc, start, end)` is the size of a range (characters; tests use bytes).
pub fn score(
    cases: &[Pair],
    detections: &[Pair],
    misses: usize,
    measure: &dyn Fn(u32, usize, usize) -> usize,
) -> Scores {
    // Cases by their pair of documents: a detection only looks at the cases of its own pair.
    let mut by_docs: HashMap<(u32, u32), Vec<usize>> = HashMap::new();
    for (i, c) in cases.iter().enumerate() {
        by_docs.entry((c.a.doc, c.b.doc)).or_default().push(i);
    }
    // Per case, the ranges detections cover in each of its documents.
    type Ranges = Vec<(usize, usize)>;
    let mut covered: Vec<(Ranges, Ranges)> = vec![Default::default(); cases.len()];
    let mut hits = vec![0usize; cases.len()];
    let mut precision_sum = 0.0;
    for r in detections {
        let Some(candidates) = by_docs.get(&(r.a.doc, r.b.doc)) else { continue };
        let (mut on_a, mut on_b) = (Vec::new(), Vec::new());
        for &i in candidates {
            let s = &cases[i];
            if !(overlaps(&s.a, &r.a) && overlaps(&s.b, &r.b)) {
                continue;
            }
            let ia = (s.a.start.max(r.a.start), s.a.end.min(r.a.end));
            let ib = (s.b.start.max(r.b.start), s.b.end.min(r.b.end));
            on_a.push(ia);
            on_b.push(ib);
            covered[i].0.push(ia);
            covered[i].1.push(ib);
            hits[i] += 1;
        }
        let size = measure(r.a.doc, r.a.start, r.a.end) + measure(r.b.doc, r.b.start, r.b.end);
        if !on_a.is_empty() && size > 0 {
            let found = union_size(r.a.doc, &mut on_a, measure) + union_size(r.b.doc, &mut on_b, measure);
            precision_sum += found as f64 / size as f64;
        }
    }
    let case_scores: Vec<CaseScore> = cases
        .iter()
        .zip(covered.iter_mut())
        .zip(&hits)
        .map(|((s, (on_a, on_b)), &detections)| {
            let size = measure(s.a.doc, s.a.start, s.a.end) + measure(s.b.doc, s.b.start, s.b.end);
            let found = union_size(s.a.doc, on_a, measure) + union_size(s.b.doc, on_b, measure);
            CaseScore { detections, recall: if size == 0 { 0.0 } else { found as f64 / size as f64 } }
        })
        .collect();
    let r_count = detections.len() + misses;
    let (precision, recall) = match (cases.is_empty(), r_count == 0) {
        (true, true) => (1.0, 1.0),
        (true, false) | (false, true) => (0.0, 0.0),
        (false, false) => {
            (precision_sum / r_count as f64, case_scores.iter().map(|c| c.recall).sum::<f64>() / cases.len() as f64)
        }
    };
    let detected = hits.iter().filter(|&&h| h > 0).count();
    let granularity = if detected == 0 { 1.0 } else { hits.iter().sum::<usize>() as f64 / detected as f64 };
    Scores {
        precision,
        recall,
        granularity,
        plagdet: plagdet(precision, recall, granularity),
        detections: r_count,
        cases: case_scores,
    }
}

/// F1 of precision and recall over log2(1 + granularity); 0 when both are 0.
pub fn plagdet(precision: f64, recall: f64, granularity: f64) -> f64 {
    if precision + recall <= 0.0 || granularity < 1.0 {
        return 0.0;
    }
    2.0 * precision * recall / (precision + recall) / (1.0 + granularity).log2()
}

/// Checks the scorer on examples computed by hand (bytes as characters) and panics on the
/// first disagreement; returns how many examples agreed. Bench mains run it first, so that
/// `cargo test --benches` tests the scorer (a bench target without the test harness runs no
/// `#[test]`).
pub fn self_test() -> usize {
    let span = |doc, start, end| DocSpan { doc, start, end };
    let pair = |d1, s1, e1, d2, s2, e2| Pair::new(span(d1, s1, e1), span(d2, s2, e2));
    let case = pair(0, 0, 100, 1, 0, 100);
    let one_third = 1.0 / 3.0;
    // (name, cases, detections, misses, precision, recall, granularity, plagdet)
    type Example = (&'static str, Vec<Pair>, Vec<Pair>, usize, f64, f64, f64, f64);
    let examples: Vec<Example> = vec![
        ("perfect detection", vec![case], vec![case], 0, 1.0, 1.0, 1.0, 1.0),
        (
            "the detection names the documents the other way round",
            vec![case],
            vec![pair(1, 0, 100, 0, 0, 100)],
            0,
            1.0,
            1.0,
            1.0,
            1.0,
        ),
        // 100 of 200 characters found: F1 = 2 * 0.5 / 1.5.
        ("half a case detected", vec![case], vec![pair(0, 0, 50, 1, 0, 50)], 0, 1.0, 0.5, 1.0, 2.0 * one_third),
        // All found, in two detections: plagdet = 1 / log2(3).
        (
            "a case detected in two pieces",
            vec![case],
            vec![pair(0, 0, 50, 1, 0, 50), pair(0, 50, 100, 1, 50, 100)],
            0,
            1.0,
            1.0,
            2.0,
            1.0 / 3f64.log2(),
        ),
        (
            "a false detection lowers precision",
            vec![case],
            vec![case, pair(0, 200, 300, 1, 200, 300)],
            0,
            0.5,
            1.0,
            1.0,
            2.0 * one_third,
        ),
        ("misses given apart count like false detections", vec![case], vec![case], 3, 0.25, 1.0, 1.0, 0.4),
        // 200 + 100 characters detected, 200 of them the case's: precision 2/3, F1 = 0.8.
        (
            "a detection larger than the case",
            vec![case],
            vec![pair(0, 0, 200, 1, 0, 100)],
            0,
            2.0 * one_third,
            1.0,
            1.0,
            0.8,
        ),
        (
            "overlap in one document only detects nothing",
            vec![case],
            vec![pair(0, 0, 100, 1, 500, 600)],
            0,
            0.0,
            0.0,
            1.0,
            0.0,
        ),
        ("other documents detect nothing", vec![case], vec![pair(0, 0, 100, 2, 0, 100)], 0, 0.0, 0.0, 1.0, 0.0),
        // From the PAN script's own tests: case_recall(ann7, [ann9]) = 0.5, with ann10 0.75.
        (
            "PAN test: a detection shifted by half",
            vec![case],
            vec![pair(0, 50, 150, 1, 50, 150)],
            0,
            0.5,
            0.5,
            1.0,
            0.5,
        ),
        (
            "PAN test: a detection of the last three quarters",
            vec![case],
            vec![pair(0, 25, 100, 1, 25, 100)],
            0,
            1.0,
            0.75,
            1.0,
            1.5 / 1.75,
        ),
        (
            "one detection over two neighbouring cases",
            vec![case, pair(0, 100, 200, 1, 100, 200)],
            vec![pair(0, 0, 200, 1, 0, 200)],
            0,
            1.0,
            1.0,
            1.0,
            1.0,
        ),
        // Two cases of one passage copied in documents 0, 1 and 2; only the 0-1 pair found.
        (
            "one case of two found",
            vec![case, pair(0, 0, 100, 2, 0, 100)],
            vec![case],
            0,
            1.0,
            0.5,
            1.0,
            2.0 * one_third,
        ),
        (
            "overlapping detections are counted once in recall",
            vec![case],
            vec![pair(0, 0, 60, 1, 0, 60), pair(0, 40, 100, 1, 40, 100)],
            0,
            1.0,
            1.0,
            2.0,
            1.0 / 3f64.log2(),
        ),
        ("no case, no detection", vec![], vec![], 0, 1.0, 1.0, 1.0, 1.0),
        ("no detection", vec![case], vec![], 0, 0.0, 0.0, 1.0, 0.0),
        ("no case", vec![], vec![case], 0, 0.0, 0.0, 1.0, 0.0),
    ];
    let bytes = |_: u32, s: usize, e: usize| e - s;
    for (name, cases, detections, misses, precision, recall, granularity, plagdet) in &examples {
        let got = score(cases, detections, *misses, &bytes);
        let want = [*precision, *recall, *granularity, *plagdet];
        let have = [got.precision, got.recall, got.granularity, got.plagdet];
        assert!(
            want.iter().zip(&have).all(|(w, h)| (w - h).abs() < 1e-12),
            "PAN scorer, {name}: expected precision, recall, granularity, plagdet {want:?}, got {have:?}"
        );
    }
    // Characters, not bytes: "é" is two bytes and one character, "€" three and one.
    let text = "aé€b";
    assert_eq!((chars_in(text, 0, text.len()), chars_in(text, 1, 3), chars_in(text, 2, 6)), (4, 1, 1));
    examples.len() + 1
}
