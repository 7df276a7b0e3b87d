//! Contrast: which families one group of statements uses more than another, and with which
//! wording.
//!
//! Each family is scored by the log-odds ratio with an informative Dirichlet prior of Monroe,
//! Colaresi and Quinn (2008, "Fightin' Words", Political Analysis 16, eqs. 16-22): with `y_a`,
//! `y_b` the family's occurrences in the two groups, `n_a`, `n_b` the groups' content words,
//! and a prior of `alpha_w = alpha_0 * y / n` pseudo-occurrences (`y` and `n` over the whole
//! corpus, `alpha_0 = PRIOR_SHARE * n`):
//!
//! ```text
//! delta = ln((y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w)) - ln((y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w))
//! z     = delta / sqrt(1 / (y_a + alpha_w) + 1 / (y_b + alpha_w))
//! ```
//!
//! A positive `z` says group A uses the family more, a negative one group B. Variants are
//! counted together (a family is one formula whatever its slot's word), and each group's
//! preferred wordings are listed. Statements in neither group count only in the prior.

use crate::budget::Budget;
use crate::build::{build_families, report_limit, DiffRoom};
use crate::error::Error;
use crate::family::Draft;
use crate::group::group_then;
use crate::index::Index;
use crate::options::Options;
use crate::progress::Progress;
use crate::rank::{Ranked, Ranking};
use crate::repeats::{repeated_phrases, Content};
use crate::report::{count, round, ContrastFamily, ContrastReport, GroupSummary, Wording, SCHEMA_VERSION};
use crate::statement::Statement;
use std::collections::BTreeMap;

/// The prior's total weight as a share of the corpus's content words (`alpha_0 = 0.1 n`): each
/// family starts with a tenth of its pooled count, split as the groups' sizes would split it.
pub(crate) const PRIOR_SHARE: f64 = 0.1;

/// Occurrences and content words of a family in the two groups.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Counts {
    pub y_a: f64,
    pub n_a: f64,
    pub y_b: f64,
    pub n_b: f64,
    /// The family's occurrences and the content words of the whole corpus.
    pub y: f64,
    pub n: f64,
}

/// The log-odds ratio (A over B) and its z-score.
pub(crate) fn log_odds(c: Counts) -> (f64, f64) {
    let alpha_0 = PRIOR_SHARE * c.n;
    let alpha = if c.n > 0.0 { alpha_0 * c.y / c.n } else { 0.0 };
    let odds = |y: f64, n: f64| ((y + alpha) / (n + alpha_0 - y - alpha)).ln();
    let delta = odds(c.y_a, c.n_a) - odds(c.y_b, c.n_b);
    let variance = 1.0 / (c.y_a + alpha) + 1.0 / (c.y_b + alpha);
    (delta, delta / variance.sqrt())
}

/// The two groups, as sets of statement ids.
pub(crate) struct Groups<'a> {
    pub a: &'a [String],
    pub b: &'a [String],
    pub label_a: &'a str,
    pub label_b: &'a str,
}

pub(crate) fn contrast(
    index: &Index,
    statements: &[Statement],
    options: &Options,
    groups: &Groups,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<ContrastReport, Error> {
    // Which group each canonical doc is in: 1 for A, 2 for B, 0 for neither.
    let docs: std::collections::HashMap<&str, usize> =
        index.docs.iter().enumerate().map(|(d, doc)| (statements[doc.input].id.as_str(), d)).collect();
    let doc_of = |id: &str| docs.get(id).copied();
    let mut side = vec![0u8; index.docs.len()];
    for (ids, mark) in [(groups.a, 1u8), (groups.b, 2u8)] {
        for id in ids {
            let d = doc_of(id).ok_or_else(|| Error::UnknownStatement(id.clone()))?;
            if side[d] != 0 && side[d] != mark {
                return Err(Error::InvalidGroups(format!("statement \"{id}\" is in both groups")));
            }
            side[d] = mark;
        }
    }
    if groups.a.is_empty() || groups.b.is_empty() {
        return Err(Error::InvalidGroups("each group needs at least one statement".to_string()));
    }
    let words = |mark: u8| -> usize {
        index.docs.iter().zip(&side).filter(|&(_, &s)| s == mark).map(|(doc, _)| doc.content.len()).sum()
    };
    let (n_a, n_b, n) = (words(1), words(2), index.content_words);

    let mut budget = Budget::new(options.work_limit(index.content_words));
    let mut notes = Vec::new();
    budget.enter("finding repeated phrases");
    let content = Content::of(index);
    let phrases = repeated_phrases(index, &content, options, &mut budget, &mut notes, &mut |_| Ok(()))?;
    budget.enter("grouping phrases into families");
    let ranking = Ranking::new(index, statements, options.order);
    let (drafts, measured) =
        group_then(index, options, &phrases, &mut budget, progress, &ranking.scratch(), &|scratch, draft| {
            ranking.measure(draft, scratch)
        })?;
    drop(phrases);
    let ranked = ranking.rank(measured, &mut budget);
    if let Some(stage) = budget.ran_out_in() {
        notes.push(format!(
            "The work budget of {} units ran out while {stage}: the families are those found before it did; raise work_budget or work_per_word to find more.",
            count(budget.limit())
        ));
    }

    // Score every family used by either group.
    let mut scored: Vec<(f64, f64, Counts, usize)> = Vec::new(); // (z, delta, counts, ranked index)
    for (k, r) in ranked.iter().enumerate() {
        let draft = &drafts[r.draft];
        let count = |mark: u8| draft.occ.iter().filter(|o| side[o.doc as usize] == mark).count() as f64;
        let (y_a, y_b) = (count(1), count(2));
        if y_a + y_b == 0.0 {
            continue;
        }
        let counts = Counts { y_a, n_a: n_a as f64, y_b, n_b: n_b as f64, y: draft.occ.len() as f64, n: n as f64 };
        let (delta, z) = log_odds(counts);
        scored.push((z, delta, counts, k));
    }
    let families_found = scored.len();
    // Most distinctive of A first, of B last; ties by the ranking's order (the order of
    // `scored`). Sorted as (key, place) pairs, 128-bit keys for `sort`'s shared copy of the sort.
    let mut order: Vec<(u64, u32)> = scored.iter().enumerate().map(|(i, s)| (!ascending(s.0), i as u32)).collect();
    crate::sort::sort_wide_pairs(&mut order);
    let scored: Vec<(f64, f64, Counts, usize)> = order.iter().map(|&(_, i)| scored[i as usize]).collect();
    // The report keeps the most distinctive of each side, half of `max_families` each.
    let half = options.max_families.div_ceil(2);
    let keep_a = scored.iter().take_while(|s| s.0 > 0.0).count().min(half);
    let keep_b = scored.iter().rev().take_while(|s| s.0 < 0.0).count().min(half);
    let mut kept: Vec<&(f64, f64, Counts, usize)> = scored[..keep_a].iter().collect();
    kept.extend(scored[scored.len() - keep_b..].iter());
    if keep_a + keep_b < families_found {
        notes.push(format!(
            "{} of {} families used by the groups are reported: the most distinctive of each group (option max_families).",
            keep_a + keep_b,
            families_found
        ));
    }
    // Diffs past half the report's size bound list only the words that differ (see `build`).
    let mut room = DiffRoom::new(report_limit(statements));
    let mut families: Vec<ContrastFamily> = Vec::with_capacity(kept.len());
    let built: Vec<(&Draft, &Ranked)> =
        kept.iter().map(|&&(_, _, _, k)| (&drafts[ranked[k].draft], &ranked[k])).collect();
    build_families(index, statements, &built, &mut room, &mut |at, mut family| {
        let (z, delta, c, k) = *kept[at];
        let draft = built[at].0;
        family.id = format!("f{}", k + 1);
        let per_10k = |y: f64, n: f64| if n > 0.0 { round(y / n * 10_000.0) } else { 0.0 };
        families.push(ContrastFamily {
            z: round(z),
            log_odds: round(delta),
            count_a: c.y_a as usize,
            count_b: c.y_b as usize,
            rate_a: per_10k(c.y_a, c.n_a),
            rate_b: per_10k(c.y_b, c.n_b),
            wordings_a: wordings(index, draft, &side, 1),
            wordings_b: wordings(index, draft, &side, 2),
            family,
        });
        true
    });
    notes.extend(room.note());
    let summary = |ids: &[String], label: &str, content_words: usize| GroupSummary {
        label: label.to_string(),
        ids: ids.to_vec(),
        content_words,
    };
    Ok(ContrastReport {
        schema_version: SCHEMA_VERSION,
        engine: concat!("refrain ", env!("CARGO_PKG_VERSION")).to_string(),
        a: summary(groups.a, groups.label_a, n_a),
        b: summary(groups.b, groups.label_b, n_b),
        measure: "log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008): z > 0 when group A uses the family more".to_string(),
        families,
        families_found,
        notes,
    })
}

/// A key whose order is `f64::total_cmp`'s.
fn ascending(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The normalized wordings of a family's occurrences in one group, most frequent first.
fn wordings(index: &Index, draft: &Draft, side: &[u8], mark: u8) -> Vec<Wording> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for o in draft.occ.iter().filter(|o| side[o.doc as usize] == mark) {
        *counts.entry(index.norm_of(*o)).or_default() += 1;
    }
    let mut out: Vec<Wording> = counts.into_iter().map(|(text, count)| Wording { text, count }).collect();
    crate::sort::sort_by(&mut out, |a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_whatever_order_statements_were_added_in() {
        use crate::{Corpus, Options, Statement};
        let mut corpus = Corpus::new(Options::default());
        let text = "We practise true multilateralism and keep the sustainable development goals.";
        for id in ["zeta", "alpha", "mu", "beta"] {
            corpus.add(Statement::new(id, format!("{text} {id} {id}."))).unwrap();
        }
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let report = corpus.contrast(&ids(&["zeta", "alpha"]), &ids(&["mu"]), "a", "b").unwrap();
        assert_eq!(report.a.ids, ["zeta", "alpha"]);
        let f = &report.families[0];
        assert_eq!((f.count_a, f.count_b), (2, 1), "each id's statement is counted in its group");
        let e = corpus.contrast(&ids(&["zeta"]), &ids(&["gamma"]), "a", "b").unwrap_err();
        assert_eq!(e, Error::UnknownStatement("gamma".into()));
        let e = corpus.contrast(&ids(&["beta"]), &ids(&["mu", "beta"]), "a", "b").unwrap_err();
        assert_eq!(e.code(), "invalid_groups");
    }

    #[test]
    fn keys_order_as_total_cmp() {
        let xs = [f64::NEG_INFINITY, -3.5, -1e-300, -0.0, 0.0, 1e-300, 2.0, 7.25, f64::INFINITY];
        for a in xs {
            for b in xs {
                assert_eq!(ascending(a).cmp(&ascending(b)), a.total_cmp(&b), "{a} {b}");
            }
        }
    }

    #[test]
    fn log_odds_by_hand() {
        // A corpus of 10,000 content words, the family 20 times in all: 15 in group A (4,000
        // words), 3 in group B (5,000 words). alpha_0 = 1,000, alpha_w = 1,000 * 20 / 10,000 = 2.
        let c = Counts { y_a: 15.0, n_a: 4_000.0, y_b: 3.0, n_b: 5_000.0, y: 20.0, n: 10_000.0 };
        let (delta, z) = log_odds(c);
        // ln(17 / 4983) - ln(5 / 5995) = 1.408669
        assert!((delta - 1.408669).abs() < 1e-6, "{delta}");
        // sqrt(1/17 + 1/5) = 0.508747; z = 1.408669 / 0.508747 = 2.768899
        assert!((z - 2.768899).abs() < 1e-6, "{z}");
        // Symmetric: swapping the groups flips the signs.
        let swapped = Counts { y_a: 3.0, n_a: 5_000.0, y_b: 15.0, n_b: 4_000.0, ..c };
        let (d2, z2) = log_odds(swapped);
        assert!((d2 + delta).abs() < 1e-12 && (z2 + z).abs() < 1e-12);
        // The same rate in both groups: no difference.
        let even = Counts { y_a: 8.0, n_a: 4_000.0, y_b: 10.0, n_b: 5_000.0, y: 18.0, n: 9_000.0 };
        assert!(log_odds(even).1.abs() < 0.05);
    }
}
