//! Length-based sentence alignment in the manner of Gale and Church (1993), with anchors.
//!
//! A *bead* takes `dz` Chinese sentences and `de` English ones. Its cost is `-ln P(kind)` plus
//! `-ln P(|z| or more)`, `z` being how far the English length is from the Chinese length times
//! the expected ratio, in standard deviations (Gale and Church's `delta`, with their mean of the
//! two lengths), minus a bonus for each anchor the two sides share and plus a penalty for each
//! anchor only one side has. Dynamic programming finds the cheapest sequence of beads, within a
//! band around the diagonal.

/// English characters per Chinese character (whitespace not counted), estimated from the ten
/// primary parallel pairs of `../shared/corpus/official`: 90,887 / 25,139 = 3.615 (per pair
/// 3.42 to 3.76). A test recomputes it from the corpus; `docs/parallel.md` says more.
pub const RATIO: f64 = 3.6;

/// Variance of the English length per Chinese character: Gale and Church's `s^2`,
/// `sum (RATIO * zh - en)^2 / sum (zh + en / RATIO) / 2` over the aligned beads of the ten
/// primary pairs. The estimate was 17.6 when the priors below were set (no lexicon); it is 23
/// with the lexicon's anchors; the hand-checked pair aligns the same with 17, 20 or 23.
pub const VARIANCE: f64 = 17.0;

/// The bead kinds: Chinese sentences, English sentences, prior probability. Gale and Church's
/// kinds and their priors for 2-2 (0.011) and a sentence without counterpart (0.0099 for both
/// sides, 0.005 each here); 1-1, 1-2, 1-3 and 1-4 set from the bead counts of the ten primary
/// pairs aligned with Gale and Church's priors and re-aligned (English editions split a long
/// Chinese sentence in two or more one time in three), 1-5 and 1-6 rare, 2-1 lower than theirs
/// (Chinese sentences are seldom shorter). See `docs/parallel.md`.
pub const KINDS: [(usize, usize, f64); 10] = [
    (1, 1, 0.56),
    (1, 0, 0.005),
    (0, 1, 0.005),
    (2, 1, 0.02),
    (1, 2, 0.25),
    (2, 2, 0.011),
    (1, 3, 0.07),
    (1, 4, 0.02),
    (1, 5, 0.005),
    (1, 6, 0.002),
];

/// Cost of a sentence without counterpart, per Chinese character (or per `RATIO` English ones),
/// beside its prior: leaving out a long sentence costs more than a short one, but less than
/// Gale and Church's length term would charge (which makes a headline or a source line that
/// only one edition has cost more than any misalignment).
pub const DELETION_PER_CHAR: f64 = 0.1;

/// Cost removed for each anchor both sides of a bead share (at most [`MAX_ANCHORS`] count).
pub const ANCHOR_BONUS: f64 = 2.0;
/// Cost added for each anchor only one side of a bead has (at most [`MAX_ANCHORS`] count).
pub const ANCHOR_PENALTY: f64 = 0.5;
/// Anchors counted per bead, each way.
pub const MAX_ANCHORS: usize = 3;

/// Most sentences a side may have; longer texts are not aligned (a note says so).
pub const MAX_SENTENCES: usize = 20_000;
/// Most cells of the dynamic programme; the band narrows to stay under it.
pub const MAX_CELLS: usize = 4_000_000;
/// The band's half-width: at least this many sentences either side of the diagonal...
pub const MIN_BAND: usize = 24;
/// ...or a sixth of the longer side, whichever is more (then narrowed by [`MAX_CELLS`]).
pub const BAND_DIVISOR: usize = 6;

/// One side's sentences as the alignment sees them.
pub(crate) struct Side<'a> {
    /// Length of each sentence (characters other than whitespace).
    pub lens: &'a [usize],
    /// Anchor ids of each sentence, sorted and distinct.
    pub anchors: &'a [Vec<u32>],
}

/// A bead of the cheapest path.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PathBead {
    /// First Chinese sentence.
    pub zh: usize,
    /// Chinese sentences taken.
    pub dz: usize,
    /// First English sentence.
    pub en: usize,
    /// English sentences taken.
    pub de: usize,
    /// The bead's whole cost.
    pub cost: f64,
    /// Its length term alone, `|z|` in standard deviations (0 for a deletion or insertion).
    pub z: f64,
    /// Anchors both sides share.
    pub shared: usize,
}

/// The result: the beads in text order, the band's half-width, the cells computed, and how
/// many beads lie on the band's edge (where the true path may have been cut off).
pub(crate) struct Path {
    pub beads: Vec<PathBead>,
    pub band: usize,
    pub cells: usize,
    pub edge: usize,
}

/// `-ln erfc(x)` for `x >= 0`, without underflow (Numerical Recipes' `erfcc`, relative error
/// below 1.2e-7, taken in logarithms).
fn neg_ln_erfc(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.5 * x);
    let poly = -x * x - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98 + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    -(t.ln() + poly)
}

/// Gale and Church's `delta`: how many standard deviations the English length `en` lies from
/// `RATIO` times the Chinese length `zh`.
pub(crate) fn delta(zh: usize, en: usize) -> f64 {
    if zh == 0 && en == 0 {
        return 0.0;
    }
    let (zh, en) = (zh as f64, en as f64);
    let mean = (zh + en / RATIO) / 2.0;
    (RATIO * zh - en) / (VARIANCE * mean).sqrt()
}

/// `-ln P(|Z| >= |z|)` for a standard normal `Z`: the length cost of a bead.
pub(crate) fn length_cost(z: f64) -> f64 {
    neg_ln_erfc(z.abs() / std::f64::consts::SQRT_2)
}

/// Counts the anchors two sorted, distinct lists share and those only one has.
fn compare_anchors(a: &[u32], b: &[u32]) -> (usize, usize) {
    let (mut i, mut j, mut shared, mut only) = (0, 0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                only += 1;
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                only += 1;
                j += 1;
            }
        }
    }
    (shared, only + (a.len() - i) + (b.len() - j))
}

/// The anchors of sentences `range` of a side, merged (sorted, distinct).
fn merged(anchors: &[Vec<u32>], start: usize, count: usize) -> Vec<u32> {
    let mut out: Vec<u32> = anchors[start..start + count].iter().flatten().copied().collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The cost of a bead and its parts: (cost, z, shared anchors).
fn bead_cost(zh: &Side, en: &Side, i: usize, dz: usize, j: usize, de: usize, prior: f64) -> (f64, f64, usize) {
    let lz: usize = zh.lens[i..i + dz].iter().sum();
    let le: usize = en.lens[j..j + de].iter().sum();
    let z = delta(lz, le);
    let mut cost = -prior.ln();
    let mut shared = 0;
    if dz == 0 || de == 0 {
        cost += DELETION_PER_CHAR * (lz as f64 + le as f64 / RATIO);
    } else {
        cost += length_cost(z);
        let (s, only) = compare_anchors(&merged(zh.anchors, i, dz), &merged(en.anchors, j, de));
        shared = s;
        cost += -ANCHOR_BONUS * s.min(MAX_ANCHORS) as f64 + ANCHOR_PENALTY * only.min(MAX_ANCHORS) as f64;
    }
    let z = if dz > 0 && de > 0 { z } else { 0.0 };
    (cost, z, shared)
}

/// The cheapest path of beads through the two sides (`None` when a side has more than
/// [`MAX_SENTENCES`] sentences).
pub(crate) fn align(zh: &Side, en: &Side) -> Option<Path> {
    let (n, m) = (zh.lens.len(), en.lens.len());
    if n > MAX_SENTENCES || m > MAX_SENTENCES {
        return None;
    }
    if n == 0 || m == 0 {
        // Nothing to align: every sentence is a bead of its own.
        let beads = (0..n)
            .map(|i| (i, 1, 0, 0))
            .chain((0..m).map(|j| (0, 0, j, 1)))
            .map(|(i, dz, j, de)| {
                let (cost, z, shared) = bead_cost(zh, en, i, dz, j, de, if dz == 1 { KINDS[1].2 } else { KINDS[2].2 });
                PathBead { zh: i, dz, en: j, de, cost, z, shared }
            })
            .collect();
        return Some(Path { beads, band: 0, cells: 0, edge: 0 });
    }
    let wanted = MIN_BAND.max(n.max(m) / BAND_DIVISOR);
    let band = wanted.min((MAX_CELLS / (n + 1)).saturating_sub(1) / 2).max(1);
    let width = 2 * band + 1;
    let center = |i: usize| (i * m + n / 2).checked_div(n).unwrap_or(m);
    let lo = |i: usize| center(i).saturating_sub(band);
    let hi = |i: usize| (center(i) + band).min(m);
    let mut cost = vec![f64::INFINITY; (n + 1) * width];
    let mut back = vec![u8::MAX; (n + 1) * width];
    let at = |i: usize, j: usize| -> Option<usize> {
        (j >= lo(i) && j <= hi(i)).then(|| i * width + (j + band - center(i)))
    };
    cost[at(0, 0).expect("(0, 0) is in the band")] = 0.0;
    let mut cells = 0;
    for i in 0..=n {
        for j in lo(i)..=hi(i) {
            if i == 0 && j == 0 {
                continue;
            }
            cells += 1;
            let here = at(i, j).expect("j is in row i's band");
            for (k, &(dz, de, prior)) in KINDS.iter().enumerate() {
                if dz > i || de > j {
                    continue;
                }
                let Some(from) = at(i - dz, j - de) else { continue };
                if cost[from].is_infinite() {
                    continue;
                }
                let (c, _, _) = bead_cost(zh, en, i - dz, dz, j - de, de, prior);
                if cost[from] + c < cost[here] {
                    cost[here] = cost[from] + c;
                    back[here] = k as u8;
                }
            }
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    let mut edge = 0;
    while i > 0 || j > 0 {
        let here = at(i, j).expect("the path stays in the band");
        let (dz, de, prior) = KINDS[back[here] as usize];
        if (j == lo(i) && j > 0) || (j == hi(i) && j < m) {
            edge += 1;
        }
        let (c, z, shared) = bead_cost(zh, en, i - dz, dz, j - de, de, prior);
        beads.push(PathBead { zh: i - dz, dz, en: j - de, de, cost: c, z, shared });
        i -= dz;
        j -= de;
    }
    beads.reverse();
    Some(Path { beads, band, cells, edge })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(zh: &[usize], en: &[usize]) -> Vec<(usize, usize)> {
        let (za, ea) = (vec![Vec::new(); zh.len()], vec![Vec::new(); en.len()]);
        let path = align(&Side { lens: zh, anchors: &za }, &Side { lens: en, anchors: &ea }).unwrap();
        path.beads.iter().map(|b| (b.dz, b.de)).collect()
    }

    #[test]
    fn lengths_decide_the_beads() {
        // 20 Chinese characters are about 72 English ones.
        assert_eq!(run(&[20, 30, 10], &[72, 108, 36]), [(1, 1), (1, 1), (1, 1)]);
        assert_eq!(run(&[40, 30], &[70, 74, 108]), [(1, 2), (1, 1)]);
        assert_eq!(run(&[20, 20, 30], &[144, 108]), [(2, 1), (1, 1)]);
        assert_eq!(run(&[], &[50]), [(0, 1)]);
        assert_eq!(run(&[50], &[]), [(1, 0)]);
        assert_eq!(run(&[], &[50; 40]), [(0, 1); 40]);
        assert_eq!(run(&[10; 30], &[]), [(1, 0); 30]);
        assert!(run(&[], &[]).is_empty());
    }

    #[test]
    fn anchors_move_a_boundary() {
        // Without anchors the middle sentence goes with the first; the shared number moves it.
        let zh = [20, 20];
        let en = [66, 8, 70];
        let none = vec![Vec::new(); 3];
        let plain =
            align(&Side { lens: &zh, anchors: &[vec![], vec![]] }, &Side { lens: &en, anchors: &none }).unwrap();
        let plain: Vec<(usize, usize)> = plain.beads.iter().map(|b| (b.dz, b.de)).collect();
        assert_eq!(plain, [(1, 2), (1, 1)]);
        let anchored = align(
            &Side { lens: &zh, anchors: &[vec![], vec![7]] },
            &Side { lens: &en, anchors: &[vec![], vec![7], vec![]] },
        )
        .unwrap();
        let got: Vec<(usize, usize)> = anchored.beads.iter().map(|b| (b.dz, b.de)).collect();
        assert_eq!(got, [(1, 1), (1, 2)]);
        assert_eq!(anchored.beads[1].shared, 1);
    }

    #[test]
    fn the_length_cost_grows_with_the_distance() {
        assert!(length_cost(0.0).abs() < 1e-6);
        assert!((length_cost(1.96) - (-(0.05f64).ln())).abs() < 1e-3);
        assert!(length_cost(40.0).is_finite() && length_cost(40.0) > 700.0);
        assert_eq!(compare_anchors(&[1, 3, 5], &[3, 4]), (1, 3));
    }
}
