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
}

/// Step 5: a draft as a reported family. An occurrence's diff lists every word while `room`
/// allows (and spends it); past it, only the words that differ and the equal words at slots.
pub(crate) fn build_family(
    index: &Index,
    statements: &[Statement],
    draft: &Draft,
    ranked: &Ranked,
    room: &mut DiffRoom,
) -> Family {
    let root = ranked.root;
    let (rd, ra) = (root.doc as usize, root.first as usize);
    let root_words: Vec<Word> = index.words(root);
    let root_text = |i: usize| -> String {
        let t = index.docs[rd].tokens[ra + i];
        statements[index.docs[rd].input].text[t.span().range()].to_string()
    };

    // Every occurrence aligned with the root first: the slots are known before the diffs are
    // written (a cut diff keeps the equal words at slots).
    let mut slots: BTreeMap<usize, BTreeMap<String, usize>> = BTreeMap::new();
    let mut similarity_sum = 0.0;
    // Occurrences with the root's own word, per root word (for the slots).
    let mut same = vec![0usize; root_words.len()];
    let mut alignments = Vec::with_capacity(draft.occ.len());
    for &o in &draft.occ {
        let t: Vec<Word> = index.words(o);
        let al = align(&root_words, &t, false);
        for op in &al.ops {
            if let Op::Equal(i, _) = *op {
                same[i] += 1;
            }
            if let Op::Variant(i, j) | Op::Substitute(i, j) = *op {
                if root_words[i].stop {
                    continue; // a changed "the" or "of" is not a slot
                }
                let filler = index.term(t[j].term).norm.to_string();
                slots.entry(i).or_default().entry(filler).and_modify(|c| *c += 1).or_insert(1);
            }
        }
        similarity_sum += al.score;
        alignments.push((al.ops, al.score));
    }
    let mut occurrences: Vec<Occurrence> = draft
        .occ
        .iter()
        .zip(alignments)
        .map(|(&o, (ops, score))| {
            let diff = if room.left >= ops.len() {
                room.left -= ops.len();
                edits(index, statements, o, &ops, &root_text)
            } else {
                room.cut += 1;
                let differ: Vec<Op> =
                    ops.into_iter().filter(|op| !matches!(op, Op::Equal(i, _) if !slots.contains_key(i))).collect();
                edits(index, statements, o, &differ, &root_text)
            };
            Occurrence { excerpt: index.excerpt(statements, o), similarity: round(score), diff }
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
