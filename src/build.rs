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

/// Step 5: a draft as a reported family.
pub(crate) fn build_family(index: &Index, statements: &[Statement], draft: &Draft, ranked: &Ranked) -> Family {
    let root = ranked.root;
    let (rd, ra) = (root.doc as usize, root.first as usize);
    let root_words: Vec<Word> = index.words(root);
    let root_text = |i: usize| -> String {
        let t = index.docs[rd].tokens[ra + i];
        statements[index.docs[rd].input].text[t.span().range()].to_string()
    };

    let mut occurrences = Vec::with_capacity(draft.occ.len());
    let mut slots: BTreeMap<usize, BTreeMap<String, usize>> = BTreeMap::new();
    let mut similarity_sum = 0.0;
    for &o in &draft.occ {
        let t: Vec<Word> = index.words(o);
        let al = align(&root_words, &t, false);
        let diff = edits(index, statements, o, &al.ops, &root_text);
        for op in &al.ops {
            if let Op::Variant(i, j) | Op::Substitute(i, j) = *op {
                if root_words[i].stop {
                    continue; // a changed "the" or "of" is not a slot
                }
                let filler = index.term(t[j].term).norm.to_string();
                slots.entry(i).or_default().entry(filler).and_modify(|c| *c += 1).or_insert(1);
            }
        }
        similarity_sum += al.score;
        occurrences.push(Occurrence { excerpt: index.excerpt(statements, o), similarity: round(al.score), diff });
    }
    // A slot's fillers include the root's own word, counted where the occurrence has it.
    let slots: Vec<Slot> = slots
        .into_iter()
        .map(|(i, mut fillers)| {
            let root_norm = index.term(root_words[i].term).norm.to_string();
            let same = occurrences
                .iter()
                .filter(|o| o.diff.iter().any(|e| e.op == EditOp::Equal && e.index == Some(i)))
                .count();
            if same > 0 {
                *fillers.entry(root_norm).or_default() += same;
            }
            let mut fillers: Vec<Filler> = fillers.into_iter().map(|(text, count)| Filler { text, count }).collect();
            fillers.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
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
                docs.sort();
                TimelinePoint { date, docs }
            })
            .collect(),
        occurrences,
        why: ranked.why.clone(),
    }
}
