//! Building: a ranked draft as the report's family, with each occurrence's difference from the
//! root, the slots whose word varies, and the family's timeline.
//!
//! 5. Each occurrence is aligned with the root word by word; the differences give the slots.

use crate::align::{align, Op, Word};
use crate::diff::edits;
use crate::family::{hash_seq, statement_count, Draft};
use crate::index::Index;
use crate::rank::Ranked;
use crate::report::*;
use crate::statement::Statement;
use std::collections::{BTreeMap, HashSet};

/// The report's size bound: this many bytes per byte of the statements, plus [`REPORT_FLOOR`],
/// as [`family_bytes`] estimates them. Real speeches need about 2.2 bytes per byte. Fixed bounds.
const REPORT_BYTES_PER_BYTE: usize = 4;
const REPORT_FLOOR: usize = 4 << 20;
/// The bound in words, for notes.
pub(crate) const REPORT_BOUND: &str =
    "4 bytes per byte of the statements plus 4 MiB; a fixed bound that keeps memory in proportion to the input";
/// About what an edit and an occurrence (without its text) take in memory.
const EDIT_BYTES: usize = 160;
const OCCURRENCE_BYTES: usize = 200;

/// The report's size bound for these statements, in bytes.
pub(crate) fn report_limit(statements: &[Statement]) -> usize {
    let bytes: usize = statements.iter().map(|s| s.text.len()).sum();
    REPORT_BYTES_PER_BYTE.saturating_mul(bytes).saturating_add(REPORT_FLOOR)
}

/// About how much memory a family of the report takes.
pub(crate) fn family_bytes(f: &Family) -> usize {
    let occurrences: usize = f
        .occurrences
        .iter()
        .map(|o| OCCURRENCE_BYTES + o.excerpt.text.len() + o.excerpt.doc.len() + o.diff.len() * EDIT_BYTES)
        .sum();
    occurrences + 3 * f.root.len() + OCCURRENCE_BYTES
}

/// Room for full diffs: edits left, and how many diffs were cut to the words that differ.
pub(crate) struct DiffRoom {
    pub left: usize,
    pub cut: usize,
}

impl DiffRoom {
    /// Full diffs for half of the report's size bound.
    pub(crate) fn new(report_limit: usize) -> DiffRoom {
        DiffRoom { left: report_limit / 2 / EDIT_BYTES, cut: 0 }
    }

    /// The note to add when diffs were cut.
    pub(crate) fn note(&self) -> Option<String> {
        (self.cut > 0).then(|| {
            format!(
                "The diffs of {} occurrence(s) list only the words that differ (and the equal words at slots): \
                 full diffs would pass half the report's size bound ({REPORT_BOUND}).",
                count(self.cut as u64)
            )
        })
    }

    /// Which of a family's occurrences get a full diff, in order, while the room allows (and
    /// spends it); the others are cut, and counted in `cut` when the family is built.
    fn plan(&mut self, alignments: &[(Vec<Op>, f64)]) -> Vec<bool> {
        alignments
            .iter()
            .map(|(ops, _)| {
                let full = self.left >= ops.len();
                if full {
                    self.left -= ops.len();
                }
                full
            })
            .collect()
    }
}

/// Families built at once, in parallel where there are threads: enough to keep them busy, few
/// enough that little is built past where a caller stops.
const BUILD_CHUNK: usize = 32;

/// Step 5 for ranked drafts in order: `keep` takes each family built, with its place in
/// `families`, in order, and returns false to stop. The occurrences' alignments and the families
/// are built in parallel, chunk by chunk; the room for full diffs is spent in order, so the
/// families are those of building them one after another.
pub(crate) fn build_families(
    index: &Index,
    statements: &[Statement],
    families: &[(&Draft, &Ranked)],
    room: &mut DiffRoom,
    keep: &mut dyn FnMut(usize, Family) -> bool,
) {
    for (c, chunk) in families.chunks(BUILD_CHUNK).enumerate() {
        let aligned: Vec<Vec<(Vec<Op>, f64)>> =
            crate::threads::map(chunk, |&(draft, ranked)| align_occurrences(index, draft, ranked));
        let full: Vec<Vec<bool>> = aligned.iter().map(|a| room.plan(a)).collect();
        let at: Vec<usize> = (0..chunk.len()).collect();
        let built: Vec<Family> = crate::threads::map(&at, |&k| {
            let (draft, ranked) = chunk[k];
            build_family(index, statements, draft, ranked, &aligned[k], &full[k])
        });
        for (k, (f, full)) in built.into_iter().zip(&full).enumerate() {
            room.cut += full.iter().filter(|&&f| !f).count();
            if !keep(c * BUILD_CHUNK + k, f) {
                return;
            }
        }
    }
}

/// Every occurrence of a draft aligned with its root: the edit operations and the score.
fn align_occurrences(index: &Index, draft: &Draft, ranked: &Ranked) -> Vec<(Vec<Op>, f64)> {
    let root_words: Vec<Word> = index.words(ranked.root);
    draft
        .occ
        .iter()
        .map(|&o| {
            let al = align(&root_words, &index.words(o), false);
            (al.ops, al.score)
        })
        .collect()
}

/// Step 5: a draft as a reported family, from its occurrences' alignments with the root. An
/// occurrence's diff lists every word where `full` says so; elsewhere, only the words that
/// differ and the equal words at slots.
fn build_family(
    index: &Index,
    statements: &[Statement],
    draft: &Draft,
    ranked: &Ranked,
    alignments: &[(Vec<Op>, f64)],
    full: &[bool],
) -> Family {
    let root = ranked.root;
    let (rd, ra) = (root.doc as usize, root.first as usize);
    let root_words: Vec<Word> = index.words(root);
    let root_text = |i: usize| -> String {
        let t = index.docs[rd].tokens[ra + i];
        statements[index.docs[rd].input].text[t.span().range()].to_string()
    };

    // The slots are known before the diffs are written (a cut diff keeps the equal words at
    // slots).
    let mut slots: BTreeMap<usize, BTreeMap<String, usize>> = BTreeMap::new();
    let mut similarity_sum = 0.0;
    // Occurrences with the root's own word, per root word (for the slots).
    let mut same = vec![0usize; root_words.len()];
    for (&o, (ops, score)) in draft.occ.iter().zip(alignments) {
        for op in ops {
            if let Op::Equal(i, _) = *op {
                same[i] += 1;
            }
            if let Op::Variant(i, j) | Op::Substitute(i, j) = *op {
                if root_words[i].stop {
                    continue; // a changed "the" or "of" is not a slot
                }
                let filler =
                    index.term(index.docs[o.doc as usize].tokens[o.first as usize + j].term()).norm.to_string();
                slots.entry(i).or_default().entry(filler).and_modify(|c| *c += 1).or_insert(1);
            }
        }
        similarity_sum += score;
    }
    let mut occurrences: Vec<Occurrence> = draft
        .occ
        .iter()
        .zip(alignments)
        .zip(full)
        .map(|((&o, (ops, score)), &full)| {
            let diff = if full {
                edits(index, statements, o, ops, &root_text)
            } else {
                let differ: Vec<Op> =
                    ops.iter().copied().filter(|op| !matches!(op, Op::Equal(i, _) if !slots.contains_key(i))).collect();
                edits(index, statements, o, &differ, &root_text)
            };
            Occurrence { excerpt: index.excerpt(statements, o), similarity: round(*score), diff }
        })
        .collect();
    // A reader finds them by statement: in the order of the statements' ids, then in the text.
    crate::sort::sort_by(&mut occurrences, |a, b| {
        a.excerpt.doc.cmp(&b.excerpt.doc).then(a.excerpt.start.cmp(&b.excerpt.start))
    });
    // A slot's fillers include the root's own word, counted where the occurrence has it.
    let slots: Vec<Slot> = slots
        .into_iter()
        .map(|(i, mut fillers)| {
            let root_norm = index.term(root_words[i].term).norm.to_string();
            if same[i] > 0 {
                *fillers.entry(root_norm).or_default() += same[i];
            }
            let mut fillers: Vec<Filler> = fillers.into_iter().map(|(text, count)| Filler { text, count }).collect();
            crate::sort::sort_by(&mut fillers, |a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
            Slot { index: i, root: root_text(i), fillers }
        })
        .collect();
    let docs = statement_count(draft);
    let speakers = docs.iter().filter_map(|&d| index.docs[d].speaker).collect::<HashSet<_>>().len();
    let stability = similarity_sum / draft.occ.len() as f64;
    let weight: f64 = root_words.iter().map(|w| w.weight as f64).sum();
    let mut timeline: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for &d in &docs {
        if let Some(date) = &index.docs[d].date_key {
            timeline.entry(date.clone()).or_default().push(statements[index.docs[d].input].id.clone());
        }
    }
    let root_norm = ranked.root_norm.clone();
    let first_use = timeline.iter().next().map(|(date, ids)| {
        let id = ids.iter().min().expect("a date has statements").clone();
        let speaker = statements.iter().find(|s| s.id == id).and_then(|s| s.speaker.clone());
        FirstUse { doc: id, speaker, date: date.clone() }
    });
    Family {
        id: String::new(),
        key: format!("k{:016x}", hash_seq(root_norm.chars().map(u32::from))),
        root: statements[index.docs[rd].input].text[index.span_of(root).range()].to_string(),
        root_norm,
        root_excerpt: index.excerpt(statements, root),
        score: ranked.score,
        name: ranked.name,
        weight: round(weight),
        statements: docs.len(),
        speakers,
        stability: round(stability),
        slots,
        first_use,
        timeline: timeline
            .into_iter()
            .map(|(date, mut docs)| {
                crate::sort::sort(&mut docs);
                TimelinePoint { date, docs }
            })
            .collect(),
        occurrences,
        why: ranked.why(),
        renderings: Vec::new(), // set by parallel::link_families
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::Budget;
    use crate::options::{Options, Order};
    use crate::repeats::{repeated_phrases, Content};

    /// Statements drawn from a pool of sentences (a fixed pseudo-random choice), each sentence
    /// sometimes with a word changed: many families, of many sizes.
    fn statements() -> Vec<Statement> {
        let words = ["peace", "security", "development", "cooperation", "climate", "reform", "dialogue", "justice"];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let pool: Vec<Vec<&str>> =
            (0..60).map(|_| (0..6 + next(10)).map(|_| words[next(words.len())]).collect()).collect();
        (0..12)
            .map(|d| {
                let text: Vec<String> = (0..40)
                    .map(|_| {
                        let mut s = pool[next(pool.len())].clone();
                        if next(3) == 0 {
                            let at = next(s.len());
                            s[at] = words[next(words.len())];
                        }
                        s.join(" ") + "."
                    })
                    .collect();
                Statement::new(format!("s{d}"), text.join(" "))
            })
            .collect()
    }

    /// Building in parallel chunks gives the families of building them one after another,
    /// with a room for full diffs that runs out in the middle and a caller that stops in a
    /// later chunk.
    #[test]
    fn families_are_those_of_building_one_after_another() {
        let statements = statements();
        let options = Options::default();
        let index = Index::build(&statements, &options, &mut |_| true).unwrap();
        let mut budget = Budget::new(u64::MAX);
        let content = Content::of(&index);
        let phrases =
            repeated_phrases(&index, &content, &options, &mut budget, &mut Vec::new(), &mut |_| Ok(())).unwrap();
        let ranking = crate::rank::Ranking::new(&index, &statements, Order::Formulaic);
        let (drafts, measured) = crate::group::group_then(
            &index,
            &options,
            &phrases,
            &mut budget,
            &mut |_| true,
            &ranking.scratch(),
            &|scratch, draft| ranking.measure(draft, scratch),
        )
        .unwrap();
        let ranked = ranking.rank(measured, &mut budget);
        assert!(ranked.len() > 3 * BUILD_CHUNK, "{} families", ranked.len());
        let aligned: Vec<_> = ranked.iter().map(|r| align_occurrences(&index, &drafts[r.draft], r)).collect();
        let edits: usize = aligned.iter().flatten().map(|(ops, _)| ops.len()).sum();
        let stop = 2 * BUILD_CHUNK + 5;

        let start = || DiffRoom { left: edits / 3, cut: 0 };
        let (mut one_by_one, mut room) = (Vec::new(), start());
        for (r, aligned) in ranked.iter().zip(&aligned).take(stop) {
            let full = room.plan(aligned);
            room.cut += full.iter().filter(|&&f| !f).count();
            one_by_one.push(build_family(&index, &statements, &drafts[r.draft], r, aligned, &full));
        }
        assert!(room.cut > 0 && one_by_one.iter().any(|f| f.occurrences.iter().all(|o| o.diff.len() > 1)));

        let (mut chunked, mut chunked_room) = (Vec::new(), start());
        let families: Vec<(&Draft, &Ranked)> = ranked.iter().map(|r| (&drafts[r.draft], r)).collect();
        build_families(&index, &statements, &families, &mut chunked_room, &mut |_, f| {
            chunked.push(f);
            chunked.len() < stop
        });
        assert_eq!(chunked_room.cut, room.cut);
        assert_eq!(chunked, one_by_one);
    }
}
