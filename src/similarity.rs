//! Coverage and the statement-by-statement similarity matrix.
//!
//! `matrix[a][b]` is the share of statement a's content words that lie in occurrences (in a)
//! of families that also occur in b. It is asymmetric: a short statement quoting a long one
//! is mostly shared, the long one only a little. The diagonal is 1.

use crate::budget::Budget;
use crate::index::{Index, TokenOcc};
use crate::options::Options;
use crate::report::round;

/// Positions covered by intervals `[a, b)` given in the order of their starts, counted as they
/// come.
#[derive(Clone, Copy, Default)]
struct Cover {
    total: usize,
    end: u32,
}

impl Cover {
    fn add(&mut self, (a, b): (u32, u32)) {
        let a = a.max(self.end);
        if b > a {
            self.total += (b - a) as usize;
            self.end = b;
        }
    }
}

/// The positions covered by intervals `[a, b)` sorted by their starts.
fn covered(v: impl IntoIterator<Item = (u32, u32)>) -> usize {
    let mut cover = Cover::default();
    v.into_iter().for_each(|iv| cover.add(iv));
    cover.total
}

/// Shared content words per canonical doc, and the matrix (canonical order) when the corpus is
/// small enough for it.
pub(crate) fn coverage(
    index: &Index,
    families: &[&[TokenOcc]],
    options: &Options,
    budget: &mut Budget,
    notes: &mut Vec<String>,
) -> (Vec<usize>, Option<Vec<Vec<f64>>>) {
    let n = index.docs.len();
    // Per doc: (content interval, family).
    let mut per_doc: Vec<Vec<((u32, u32), usize)>> = vec![Vec::new(); n];
    let mut family_docs: Vec<Vec<u32>> = Vec::with_capacity(families.len());
    for (f, occ) in families.iter().enumerate() {
        let mut docs: Vec<u32> = occ.iter().map(|o| o.doc).collect();
        docs.dedup();
        family_docs.push(docs);
        for o in occ.iter() {
            let content = &index.docs[o.doc as usize].content;
            let lo = content.partition_point(|&i| i < o.first) as u32;
            let hi = content.partition_point(|&i| i <= o.last) as u32;
            per_doc[o.doc as usize].push(((lo, hi), f));
        }
    }
    // Each statement's intervals by their start: merged in that order, for every column at once.
    for v in &mut per_doc {
        crate::sort::sort_by_key(v, |&(iv, _)| iv);
    }
    let shared: Vec<usize> = per_doc.iter().map(|v| covered(v.iter().map(|x| x.0))).collect();
    // The matrix costs an interval per occurrence and statement of its family.
    let cost: u64 = families.iter().zip(&family_docs).map(|(occ, docs)| (occ.len() * docs.len()) as u64).sum();
    if n <= options.matrix_max_statements && !budget.afford(cost) {
        notes.push(
            "The similarity matrix is left out: computing it would pass the work budget; raise work_budget or work_per_word to have it."
                .to_string(),
        );
        return (shared, None);
    }
    if n > options.matrix_max_statements {
        notes.push(format!(
            "The similarity matrix is left out: {n} statements is more than {}; raise matrix_max_statements to have it.",
            options.matrix_max_statements
        ));
        return (shared, None);
    }
    // Row by row (in parallel natively): statement a's intervals, in the order of their starts,
    // each added to the cover of every other statement its family occurs in.
    let rows: Vec<usize> = (0..n).collect();
    let matrix = crate::threads::map(&rows, |&a| {
        let mut row = vec![0.0; n];
        row[a] = 1.0;
        let content = index.docs[a].content.len();
        if content == 0 {
            return row;
        }
        let mut with: Vec<Option<Cover>> = vec![None; n];
        for &(iv, f) in &per_doc[a] {
            for &b in &family_docs[f] {
                if b as usize != a {
                    with[b as usize].get_or_insert_default().add(iv);
                }
            }
        }
        for (b, cover) in with.into_iter().enumerate() {
            if let Some(cover) = cover {
                row[b] = round(cover.total as f64 / content as f64);
            }
        }
        row
    });
    (shared, Some(matrix))
}

#[cfg(test)]
mod tests {
    #[test]
    fn covered_merges() {
        assert_eq!(super::covered(vec![(0, 3), (2, 5), (7, 8), (7, 8)]), 6);
        assert_eq!(super::covered(vec![(0, 4), (1, 2), (3, 6), (6, 6), (9, 10)]), 7);
        assert_eq!(super::covered(vec![]), 0);
    }
}
