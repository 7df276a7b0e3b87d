//! Phrase search: every place where a phrase or a variant of it occurs, ranked.
//!
//! The phrase is tokenized and normalized like the statements. Every occurrence of one of its
//! content words (or a near-synonym) opens a window of the statement a little wider than the
//! phrase, cut at sentence ends (a match never crosses one: "real results. Multilateralism"
//! is no variant of "real multilateralism"); the phrase is aligned with each piece (see
//! `align`), and alignments scoring at least `query_min_score` and matching at least one
//! content word are kept, the best of overlapping ones, best first. The report says whether
//! the exact phrase (after normalization) occurs at all.

use crate::align::{align, Op, Word};
use crate::budget::Budget;
use crate::diff::edits;
use crate::error::Error;
use crate::index::{unseen_weight, Index, TokenOcc};
use crate::options::Options;
use crate::report::{count, round, QueryOccurrence, QueryReport, Report, SCHEMA_VERSION};
use crate::span::Span;
use crate::statement::Statement;
use crate::text::{self, SYNONYMS};
use std::collections::{BTreeMap, HashMap};

const CONTEXT_CHARS: usize = 60;

/// The occurrences of the families of a report, by statement id, sorted by start: each one's
/// bytes and its family's id.
#[derive(Debug, Default)]
pub(crate) struct FamilySpans(HashMap<String, Vec<(Span, String)>>);

impl FamilySpans {
    pub(crate) fn of(report: &Report) -> FamilySpans {
        let mut map: HashMap<String, Vec<(Span, String)>> = HashMap::new();
        for f in &report.families {
            for o in &f.occurrences {
                map.entry(o.excerpt.doc.clone()).or_default().push((o.excerpt.span(), f.id.clone()));
            }
        }
        for v in map.values_mut() {
            crate::sort::sort(v);
        }
        FamilySpans(map)
    }

    /// The strongest family (lowest rank) with an occurrence overlapping `span` in `doc`.
    fn find(&self, doc: &str, span: Span) -> Option<String> {
        let v = self.0.get(doc)?;
        let rank = |id: &str| id[1..].parse::<usize>().unwrap_or(usize::MAX);
        v[..v.partition_point(|o| o.0.start < span.end)]
            .iter()
            .filter(|o| o.0.overlaps(span))
            .map(|o| &o.1)
            .min_by_key(|id| rank(id))
            .cloned()
    }
}

/// A place where the query aligns well enough: its score, the occurrence, and the window of
/// tokens it was aligned in (aligned again for the hits reported, so that a hit stays small:
/// a common word can open a window at every token of the corpus).
struct Hit {
    score: f64,
    occ: TokenOcc,
    window: (u32, u32),
}

pub(crate) fn query(
    index: &Index,
    statements: &[Statement],
    options: &Options,
    phrase: &str,
    last: Option<&FamilySpans>,
) -> Result<QueryReport, Error> {
    let tokens = index.tokenize(phrase);
    if tokens.is_empty() {
        return Err(Error::EmptyQuery);
    }
    if tokens.len() > options.query_max_words {
        return Err(Error::QueryTooLong { words: tokens.len(), limit: options.query_max_words });
    }
    // Query words: known terms keep their id, class and weight; unknown ones get fresh ids.
    let mut fresh = u32::MAX;
    let q: Vec<Word> = tokens
        .iter()
        .map(|t| match index.term_id(&t.norm) {
            Some(id) => index.word_of_term(id),
            None => {
                fresh -= 1;
                let is_stop = text::is_stopword(&t.norm);
                let synonym = options
                    .synonyms
                    .then(|| {
                        SYNONYMS.iter().find(|set| set.contains(&t.norm.as_str())).and_then(|set| index.term_id(set[0]))
                    })
                    .flatten();
                // A word the statements never use may be a misspelling of one they do.
                let near = if synonym.is_none() && !is_stop { nearest_term(index, &t.norm) } else { None };
                let class = synonym.or(near.map(|id| index.class(id))).unwrap_or(fresh);
                let weight = near.map_or(unseen_weight(is_stop), |id| index.term(id).weight);
                Word {
                    term: fresh,
                    class,
                    weight,
                    stop: is_stop,
                    brk: false,
                    ideo: t.kind == text::TokenKind::Ideograph,
                }
            }
        })
        .collect();
    let mut anchors: Vec<(usize, u32)> =
        q.iter().enumerate().filter(|(_, w)| !w.stop).map(|(i, w)| (i, w.class)).collect();
    if anchors.is_empty() {
        anchors = q.iter().enumerate().map(|(i, w)| (i, w.class)).collect();
    }
    // The statements' other inflections of the query's content words ("upholding" for "uphold")
    // count as variants of them, and open windows like them.
    let mut inflected: HashMap<u32, u32> = HashMap::new();
    for (i, t) in tokens.iter().enumerate() {
        if q[i].stop {
            continue;
        }
        for form in inflections(&t.norm) {
            if let Some(id) = index.term_id(&form).filter(|&id| index.class(id) != q[i].class && !index.term(id).stop) {
                inflected.insert(id, q[i].class);
                anchors.push((i, index.class(id)));
            }
        }
    }
    let content_words = q.iter().filter(|w| !w.stop).count();
    // A match needs half the query's content words matched (equal, variant or moved; both in a
    // query of two), and two with a counterpart (matched or substituted) when the query has two:
    // a lone shared word is not a variant of a phrase ("true masters" for "true multilateralism",
    // "50 million South Americans" for "global South").
    let need_matched = if content_words <= 2 { content_words } else { content_words.div_ceil(2) };
    let need_aligned = content_words.min(2);

    let mut budget = Budget::new(options.work_limit(index.content_words));
    budget.enter("searching");
    let mut hits: Vec<Hit> = Vec::new();
    let word = |d: u32, i: usize| {
        let w = index.word(d as usize, i);
        inflected.get(&w.term).map_or(w, |&class| Word { class, ..w })
    };
    let window = |d: u32, lo: usize, hi: usize| align(&q, &(lo..hi).map(|i| word(d, i)).collect::<Vec<Word>>(), true);
    index.windows(
        &anchors,
        q.len(),
        false,
        &mut budget,
        0,
        |_, _, _, _| true,
        |d, lo, hi| {
            for (lo, hi) in sentences(index, d, lo, hi) {
                let al = window(d, lo, hi);
                if al.score < options.query_min_score
                    || al.content_matched < need_matched
                    || al.content_aligned < need_aligned
                    || al.t_end <= al.t_start
                {
                    continue;
                }
                let occ = TokenOcc { doc: d, first: (lo + al.t_start) as u32, last: (lo + al.t_end - 1) as u32 };
                hits.push(Hit { score: al.score, occ, window: (lo as u32, hi as u32) });
            }
        },
    );
    // Best first; ties by statement id and position, so input order never matters.
    let id = |d: u32| statements[index.docs[d as usize].input].id.as_str();
    crate::sort::sort_by(&mut hits, |x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| id(x.occ.doc).cmp(id(y.occ.doc)))
            .then(x.occ.first.cmp(&y.occ.first))
            .then(x.occ.last.cmp(&y.occ.last))
    });
    // Best first, so of overlapping hits the best stays; per statement, kept hits by start.
    let mut kept: Vec<Hit> = Vec::new();
    let mut taken: HashMap<u32, BTreeMap<u32, u32>> = HashMap::new();
    for h in hits {
        let spans = taken.entry(h.occ.doc).or_default();
        let before = spans.range(..=h.occ.last).next_back();
        if before.is_some_and(|(_, &end)| end >= h.occ.first) {
            continue; // kept spans never overlap, so only the nearest one before h's end can
        }
        spans.insert(h.occ.first, h.occ.last);
        kept.push(h);
    }
    let total = kept.len();
    let exact = kept.iter().any(|h| is_exact(index, &q, h.occ));
    kept.truncate(options.query_max_results);
    let mut notes = Vec::new();
    if let Some(stage) = budget.ran_out_in() {
        notes.push(format!(
            "The work budget of {} units ran out while {stage}: the occurrences are those found before it did; raise work_budget or work_per_word to find more.",
            count(budget.limit())
        ));
    }
    if total > kept.len() {
        notes.push(format!(
            "{} of {} occurrences reported; raise query_max_results to see more.",
            count(kept.len() as u64),
            count(total as u64)
        ));
    }
    let query_word = |i: usize| phrase[tokens[i].span.range()].to_string();
    let occurrences = kept
        .into_iter()
        .map(|Hit { score, occ, window: (lo, hi) }| {
            let al = window(occ.doc, lo as usize, hi as usize);
            let ops: Vec<Op> = al.ops.iter().map(|op| shift(*op, al.t_start)).collect();
            let excerpt = index.excerpt(statements, occ);
            let family = last.and_then(|spans| spans.find(&excerpt.doc, excerpt.span()));
            let text = &statements[index.docs[occ.doc as usize].input].text;
            let before = tail(&text[..excerpt.start], CONTEXT_CHARS).to_string();
            let after = head(&text[excerpt.end..], CONTEXT_CHARS).to_string();
            QueryOccurrence {
                explanation: edits(index, statements, occ, &ops, &query_word),
                excerpt,
                score: round(score),
                family,
                before,
                after,
                translation: None, // set by parallel::with_translations for the lexicon's renderings
            }
        })
        .collect();
    Ok(QueryReport {
        schema_version: SCHEMA_VERSION,
        query: phrase.to_string(),
        query_norm: text::join_norms(tokens.iter().map(|t| (t.norm.as_str(), t.kind, t.span))),
        occurrences,
        total,
        exact,
        budget_exhausted: budget.exhausted(),
        notes,
    })
}

/// Other inflections of an English word, as they may be written: "uphold" gives "upholding",
/// "upheld" no (irregular forms are not guessed); "practise" gives "practising", "practised";
/// "upholding" gives "uphold" and "upholde"; only the forms the statements use are kept.
fn inflections(word: &str) -> Vec<String> {
    if word.chars().count() < 4 || !word.chars().all(|c| c.is_ascii_lowercase()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for suffix in ["ing", "ed"] {
        if let Some(stem) = word.strip_suffix(suffix).filter(|s| s.len() >= 3) {
            out.push(stem.to_string());
            out.push(format!("{stem}e"));
            // A doubled last consonant: "committed", "committing" -> "commit".
            let b = stem.as_bytes();
            if b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] {
                out.push(stem[..stem.len() - 1].to_string());
            }
            let other = if suffix == "ing" { "ed" } else { "ing" };
            out.push(format!("{stem}{other}"));
            return out;
        }
    }
    let stem = word.strip_suffix('e').unwrap_or(word);
    out.push(format!("{stem}ing"));
    out.push(format!("{stem}ed"));
    out
}

/// The pieces of the window `lo..hi` of canonical doc `d` that no sentence end cuts.
fn sentences(index: &Index, d: u32, lo: usize, hi: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let tokens = &index.docs[d as usize].tokens;
    let mut start = lo;
    (lo + 1..=hi).filter_map(move |k| {
        if k == hi || tokens[k].sentence() {
            let piece = (start, k);
            start = k;
            Some(piece)
        } else {
            None
        }
    })
}

/// The occurrence is the query word for word (the same normalized words, none between).
fn is_exact(index: &Index, q: &[Word], occ: TokenOcc) -> bool {
    let tokens = &index.docs[occ.doc as usize].tokens[occ.first as usize..=occ.last as usize];
    tokens.len() == q.len() && tokens.iter().zip(q).all(|(t, w)| t.term() == w.term)
}

/// The statements' term closest to an unknown query word, if close enough to be a misspelling
/// of it: Damerau-Levenshtein similarity (strsim) of at least 0.8, on words of five letters or
/// more that start with the same letter and differ in length by two at most. Ties go to the
/// more frequent term, then to the alphabetically first.
fn nearest_term(index: &Index, word: &str) -> Option<u32> {
    let len = word.chars().count();
    let first = word.chars().next()?;
    if len < 5 || !first.is_alphabetic() {
        return None;
    }
    let mut best: Option<(f64, u32, u32)> = None;
    for (id, term) in index.terms.iter().enumerate() {
        if term.stop || term.df == 0 || !term.norm.starts_with(first) || term.norm.chars().count().abs_diff(len) > 2 {
            continue;
        }
        let sim = strsim::normalized_damerau_levenshtein(word, &term.norm);
        let better = match best {
            None => true,
            Some((s, df, b)) => {
                sim > s || (sim == s && (term.df > df || (term.df == df && term.norm < index.terms[b as usize].norm)))
            }
        };
        if sim >= 0.8 && better {
            best = Some((sim, term.df, id as u32));
        }
    }
    best.map(|b| b.2)
}

/// Re-bases an op's target index on the start of the aligned region.
fn shift(op: Op, by: usize) -> Op {
    use Op::*;
    match op {
        Equal(i, j) => Equal(i, j - by),
        Variant(i, j) => Variant(i, j - by),
        Substitute(i, j) => Substitute(i, j - by),
        Move(i, j) => Move(i, j - by),
        Insert(j) => Insert(j - by),
        Delete(i) => Delete(i),
    }
}

fn head(s: &str, chars: usize) -> &str {
    match s.char_indices().nth(chars) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn tail(s: &str, chars: usize) -> &str {
    match s.char_indices().rev().nth(chars.saturating_sub(1)) {
        Some((i, _)) if chars > 0 => &s[i..],
        _ if chars == 0 => "",
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn inflections_are_guessed_both_ways() {
        let of = |w: &str| super::inflections(w);
        assert_eq!(of("uphold"), ["upholding", "upholded"]);
        assert_eq!(of("practise"), ["practising", "practised"]);
        assert_eq!(of("upholding"), ["uphold", "upholde", "upholded"]);
        assert_eq!(of("committed"), ["committ", "committe", "commit", "committing"]);
        assert!(of("law").is_empty() && of("多边主义").is_empty() && of("Uphold").is_empty());
    }

    #[test]
    fn context_cuts_on_char_boundaries() {
        assert_eq!(super::head("多边主义", 2), "多边");
        assert_eq!(super::tail("多边主义", 2), "主义");
        assert_eq!(super::tail("ab", 5), "ab");
        assert_eq!(super::head("ab", 0), "");
        assert_eq!(super::tail("ab", 0), "");
    }
}
