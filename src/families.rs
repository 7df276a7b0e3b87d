//! Families: repeated phrases found with a suffix array, grouped around a root, completed with
//! one-off variants found by alignment, scored, and reported.
//!
//! 1-2. Repeated phrases: see `repeats`.
//! 3-4. Grouping: see `group`.
//! 5. Each occurrence is aligned with the root word by word; the differences give the slots.

use crate::align::{align, Op, Word};
use crate::budget::Budget;
use crate::diff::edits;
use crate::error::Error;
use crate::family::{hash_seq, statement_count, Draft};
use crate::group::group;
use crate::index::Index;
use crate::options::Options;
use crate::rank::{choose_root, rank};
use crate::repeats::repeated_phrases;
use crate::report::*;
use crate::{Progress, Stage, Statement};
use std::collections::{BTreeMap, HashSet};

/// A family ranked before it is written out.
struct Ranked {
    score: f64,
    root_norm: String,
    /// Id of the statement the root is taken from, for ties.
    root_doc: String,
    draft: usize,
    root: (u32, u32, u32),
    name: bool,
}

pub(crate) fn compare(
    index: &Index,
    statements: &[Statement],
    options: &Options,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Report, Error> {
    let mut budget = Budget::new(options.work_budget);
    let mut notes = Vec::new();
    let tick = |progress: &mut dyn FnMut(Progress) -> bool, stage, done: usize, total: usize| {
        if progress(Progress { stage, done: done as u64, total: total.max(1) as u64 }) {
            Ok(())
        } else {
            Err(Error::Cancelled)
        }
    };

    tick(progress, Stage::Repeats, 0, 3)?;
    let phrases = repeated_phrases(index, options, &mut budget);
    tick(progress, Stage::Repeats, 3, 3)?;
    let candidate_phrases = phrases.len();

    let drafts = group(index, options, &phrases, &mut budget, progress)?;
    drop(phrases); // the report, written next, is the peak of memory
    tick(progress, Stage::Report, 0, 2)?;
    if budget.exhausted() {
        notes.push(format!(
            "The work budget of {} units ran out: the families are those found before it did (option work_budget).",
            options.work_budget
        ));
    }

    // Coverage and similarity use every family, reported or not.
    let occ: Vec<&[(u32, u32, u32)]> = drafts.iter().map(|d| d.occ.as_slice()).collect();
    let (shared, matrix) = crate::similarity::coverage(index, &occ, options, &mut budget, &mut notes);

    // Rank every family cheaply, then write out the strongest.
    let mut ranked: Vec<Ranked> = drafts
        .iter()
        .enumerate()
        .map(|(draft, d)| {
            let root = choose_root(index, d);
            let (score, root_norm, name) = rank(index, statements, d, root);
            Ranked {
                score,
                root_norm,
                root_doc: statements[index.docs[root.0 as usize].input].id.clone(),
                draft,
                root,
                name,
            }
        })
        .collect();
    let families_found = ranked.len();
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.root_norm.cmp(&b.root_norm))
            .then_with(|| a.root_doc.cmp(&b.root_doc))
            .then_with(|| a.root.cmp(&b.root))
    });
    ranked.truncate(options.max_families);
    let families: Vec<Family> = ranked
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let mut f = build_family(index, statements, &drafts[r.draft], r.root, r.score, r.name);
            f.id = format!("f{}", k + 1);
            f
        })
        .collect();
    tick(progress, Stage::Report, 1, 2)?;

    let mut by_input: Vec<usize> = vec![0; index.docs.len()];
    for (d, doc) in index.docs.iter().enumerate() {
        by_input[doc.input] = d;
    }
    let summaries = statements
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let doc = &index.docs[by_input[i]];
            let content = doc.content.len();
            let sh = shared[by_input[i]];
            StatementSummary {
                id: s.id.clone(),
                title: s.title.clone(),
                speaker: s.speaker.clone(),
                date: s.date.clone(),
                date_key: doc.date_key.clone(),
                language: s.language.clone(),
                words: doc.tokens.len(),
                content_words: content,
                shared_words: sh,
                shared_share: if content == 0 { 0.0 } else { sh as f64 / content as f64 },
            }
        })
        .collect();
    let matrix = match matrix {
        Some(m) => (0..statements.len())
            .map(|a| (0..statements.len()).map(|b| m[by_input[a]][by_input[b]]).collect())
            .collect(),
        None => Vec::new(),
    };
    tick(progress, Stage::Report, 2, 2)?;
    Ok(Report {
        schema_version: SCHEMA_VERSION,
        engine: concat!("refrain ", env!("CARGO_PKG_VERSION")).to_string(),
        statements: summaries,
        families,
        similarity: Similarity {
            measure: "share of the row statement's content words that lie in occurrences of families also occurring in the column statement".to_string(),
            ids: statements.iter().map(|s| s.id.clone()).collect(),
            matrix,
        },
        stats: Stats {
            statements: statements.len(),
            words: index.words,
            candidate_phrases,
            families_found,
            work: budget.spent(),
            budget_exhausted: budget.exhausted(),
        },
        notes,
    })
}

/// Step 5: a draft as a reported family.
fn build_family(
    index: &Index,
    statements: &[Statement],
    draft: &Draft,
    root_occ: (u32, u32, u32),
    score: f64,
    name: bool,
) -> Family {
    let (rd, ra, rb) = (root_occ.0 as usize, root_occ.1 as usize, root_occ.2 as usize);
    let root_words: Vec<Word> = (ra..=rb).map(|i| index.word(rd, i)).collect();
    let root_text = |i: usize| -> String {
        let t = index.docs[rd].tokens[ra + i];
        statements[index.docs[rd].input].text[t.span().range()].to_string()
    };

    let mut occurrences = Vec::with_capacity(draft.occ.len());
    let mut slots: BTreeMap<usize, BTreeMap<String, usize>> = BTreeMap::new();
    let mut similarity_sum = 0.0;
    for &(d, a, b) in &draft.occ {
        let (d, a, b) = (d as usize, a as usize, b as usize);
        let t: Vec<Word> = (a..=b).map(|i| index.word(d, i)).collect();
        let al = align(&root_words, &t, false);
        let diff = edits(index, statements, d, a, &al.ops, &root_text);
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
        occurrences.push(Occurrence { excerpt: index.excerpt(statements, d, a, b), similarity: round(al.score), diff });
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
    let speakers = docs.iter().map(|&d| &index.docs[d].speaker).collect::<HashSet<_>>().len();
    let stability = similarity_sum / draft.occ.len() as f64;
    let weight: f64 = root_words.iter().map(|w| w.weight as f64).sum();
    let mut timeline: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for &d in &docs {
        if let Some(date) = &index.docs[d].date_key {
            timeline.entry(date.clone()).or_default().push(statements[index.docs[d].input].id.clone());
        }
    }
    let root_norm = root_words.iter().map(|w| &*index.term(w.term).norm).collect::<Vec<_>>().join(" ");
    let first_use = timeline.iter().next().map(|(date, ids)| {
        let id = ids.iter().min().expect("a date has statements").clone();
        let speaker = statements.iter().find(|s| s.id == id).and_then(|s| s.speaker.clone());
        FirstUse { doc: id, speaker, date: date.clone() }
    });
    Family {
        id: String::new(),
        key: format!("k{:016x}", hash_seq(root_norm.chars().map(u32::from))),
        root: statements[index.docs[rd].input].text
            [index.docs[rd].tokens[ra].start as usize..index.docs[rd].tokens[rb].end as usize]
            .to_string(),
        root_norm,
        root_excerpt: index.excerpt(statements, rd, ra, rb),
        score,
        name,
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
    }
}
