//! The comparison, stage by stage: the top floor of the pipeline.
//!
//! Families are repeated phrases found with a suffix array (`repeats`), grouped around a root
//! and completed with one-off variants found by alignment (`group`), scored and ordered
//! (`rank`), and written out (`build`); coverage and the similarity matrix (`similarity`) use
//! every family, reported or not. This module runs the stages in that order, charges their work
//! to one budget, reports progress, and assembles the report.
//!
//! In WebAssembly the JavaScript engine runs a function in baseline code first and compiles it
//! with its optimizing compiler, on another thread, once it is hot, for its next call: stages
//! inlined into one function of this module would run the whole first comparison in baseline
//! code and keep that compiler busy for most of a second (V8 spent 0.4 s on such a function
//! of the core package at opt-level 3). So the stages' entry points and their loops stay
//! functions of their own (`#[inline(never)]`, and `make wasm` keeps wasm-opt from inlining
//! large functions that have one caller): the loops' bodies, called again and again, are
//! optimized while the first comparison runs.

use crate::budget::Budget;
use crate::build::{build_families, family_bytes, report_limit, DiffRoom, REPORT_BOUND};
use crate::error::Error;
use crate::family::Draft;
use crate::group::group_then;
use crate::index::{Index, TokenOcc};
use crate::options::Options;
use crate::progress::{Progress, Stage};
use crate::rank::{Ranked, Ranking};
use crate::repeats::{repeated_phrases, Content};
use crate::report::*;
use crate::statement::Statement;

#[inline(never)] // a function of its own in WebAssembly (see above)
pub(crate) fn compare(
    index: &Index,
    statements: &[Statement],
    options: &Options,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Report, Error> {
    let mut budget = Budget::new(options.work_limit(index.content_words));
    let mut notes = Vec::new();
    let tick = |progress: &mut dyn FnMut(Progress) -> bool, stage, done: usize, total: usize| {
        if progress(Progress { stage, done: done as u64, total: total.max(1) as u64 }) {
            Ok(())
        } else {
            Err(Error::Cancelled)
        }
    };

    tick(progress, Stage::Repeats, 0, 3)?;
    budget.enter("finding repeated phrases");
    let content = Content::of(index);
    let phrases = repeated_phrases(index, &content, options, &mut budget, &mut notes, &mut |done| {
        tick(progress, Stage::Repeats, done, 3)
    })?;
    tick(progress, Stage::Repeats, 3, 3)?;
    let candidate_phrases = phrases.len();

    budget.enter("grouping phrases into families");
    // Each family is measured for ranking as soon as it is found.
    let ranking = Ranking::new(index, statements, options.order);
    let (drafts, measured) =
        group_then(index, options, &phrases, &mut budget, progress, &ranking.scratch(), &|scratch, draft| {
            ranking.measure(draft, scratch)
        })?;
    drop(phrases); // the report, written next, is the peak of memory
    tick(progress, Stage::Report, 0, 4)?;
    if let Some(stage) = budget.ran_out_in() {
        notes.push(format!(
            "The work budget of {} units ran out while {stage}: the families are those found before it did; raise work_budget or work_per_word to find more.",
            count(budget.limit())
        ));
    }
    budget.enter("computing the similarity matrix");

    // Coverage and similarity use every family, reported or not.
    let occ: Vec<&[TokenOcc]> = drafts.iter().map(|d| d.occ.as_slice()).collect();
    let (shared, matrix) = crate::similarity::coverage(index, &occ, options, &mut budget, &mut notes);
    tick(progress, Stage::Report, 1, 4)?;

    // Rank every family cheaply, then write out the strongest.
    let mut ranked = ranking.rank(measured, &mut budget);
    let families_found = ranked.len();
    tick(progress, Stage::Report, 2, 4)?;
    ranked.truncate(options.max_families);
    // The report's size stays in proportion to the input: past half its bound, diffs list only
    // the words that differ; past the bound, no more families are written (the strongest is).
    let report_limit = report_limit(statements);
    let mut room = DiffRoom::new(report_limit);
    let mut size = 0usize;
    let mut families: Vec<Family> = Vec::with_capacity(ranked.len());
    let built: Vec<(&Draft, &Ranked)> = ranked.iter().map(|r| (&drafts[r.draft], r)).collect();
    build_families(index, statements, &built, &mut room, &mut |_, mut f| {
        size += family_bytes(&f);
        if !families.is_empty() && size > report_limit {
            return false;
        }
        f.id = format!("f{}", families.len() + 1);
        families.push(f);
        true
    });
    notes.extend(room.note());
    if families.len() < ranked.len() {
        notes.push(format!(
            "{} of {} families reported: the report reached its size bound ({}).",
            count(families.len() as u64),
            count(families_found as u64),
            REPORT_BOUND
        ));
    } else if families_found > families.len() {
        notes.push(format!(
            "{} of {} families reported; raise max_families to see more.",
            count(families.len() as u64),
            count(families_found as u64)
        ));
    }
    let families_reported = families.len();
    tick(progress, Stage::Report, 3, 4)?;

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
    tick(progress, Stage::Report, 4, 4)?;
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
            families_reported,
            work: budget.spent(),
            budget_exhausted: budget.exhausted(),
        },
        notes,
    })
}
