//! Cross-language query: a query in one language also finds what the bilingual lexicon pairs
//! with it in the other (人类命运共同体 finds "a community with a shared future for mankind", and
//! the reverse). [`translations`] gives the phrases to search; [`with_translations`] runs them
//! and appends their occurrences, marked, after those of the query itself.

use super::lexicon::{normalize_en, normalize_zh, Lexicon};
use crate::report::{count, Family, FamilyRendering, LexiconEvidence, QueryOccurrence, QueryReport, QueryTranslation};
use crate::span::Span;
use std::collections::HashMap;

/// The phrases of the other language that `lexicon` pairs with the whole of `query`: the
/// renderings of a Chinese formula, or the formulas an English phrase renders, compared in the
/// lexicon's normalized forms (punctuation, case, plurals and spelling ignored), one per
/// distinct phrase, in the lexicon's order. Empty when the lexicon does not know the query.
///
/// ```
/// let tsv = "zh\ten\tzh_file\tzh_start\tzh_end\ten_file\ten_start\ten_end\n\
///            真正的多边主义\ttrue multilateralism\tz.txt\t0\t21\te.txt\t0\t20\n\
///            真正的多边主义\tgenuine multilateralism\tz.txt\t0\t21\te2.txt\t0\t23\n";
/// let lexicon = refrain::Lexicon::parse(tsv).unwrap();
/// let t = refrain::parallel::translations("True Multilateralism", &lexicon);
/// assert_eq!(t[0].phrase, "真正的多边主义");
/// assert_eq!(t[0].language, "zh");
/// let t = refrain::parallel::translations("真正的 多边主义", &lexicon);
/// assert_eq!(t.iter().map(|t| t.phrase.as_str()).collect::<Vec<_>>(), ["true multilateralism", "genuine multilateralism"]);
/// ```
pub fn translations(query: &str, lexicon: &Lexicon) -> Vec<QueryTranslation> {
    let zh = normalize_zh(query);
    let en = normalize_en(query);
    let mut out: Vec<QueryTranslation> = Vec::new();
    for entry in lexicon.entries() {
        let (phrase, language) = if !zh.is_empty() && entry.zh_key() == zh {
            (&entry.en, "en")
        } else if !en.is_empty() && entry.en_key() == en {
            (&entry.zh, "zh")
        } else {
            continue;
        };
        let evidence = LexiconEvidence {
            zh_file: entry.evidence.zh_file.clone(),
            zh_start: entry.evidence.zh.start,
            zh_end: entry.evidence.zh.end,
            en_file: entry.evidence.en_file.clone(),
            en_start: entry.evidence.en.start,
            en_end: entry.evidence.en.end,
        };
        match out.iter_mut().find(|t| t.phrase == *phrase) {
            // Two entries with one phrase (two formulas rendered alike): one search, both attested.
            Some(t) => t.evidence.push(evidence),
            None => out.push(QueryTranslation {
                phrase: phrase.clone(),
                language: language.to_string(),
                entry_zh: entry.zh.clone(),
                entry_en: entry.en.clone(),
                evidence: vec![evidence],
            }),
        }
    }
    out
}

/// `report` (of the query itself) with the occurrences of each of `translations`, found by
/// `search`: marked with their translation, best first among themselves, after the query's own
/// occurrences, without those that overlap one already reported; cut at `max_results` as the
/// query's own are. A translation whose search fails is left out (the query's own error, an
/// empty or too long phrase, was already reported).
pub fn with_translations<E>(
    mut report: QueryReport,
    translations: Vec<QueryTranslation>,
    max_results: usize,
    mut search: impl FnMut(&str) -> Result<QueryReport, E>,
) -> QueryReport {
    if translations.is_empty() {
        return report;
    }
    let own_cut = cut_note(report.occurrences.len(), report.total);
    let mut found: Vec<QueryOccurrence> = Vec::new();
    let mut beyond = 0; // translated occurrences found beyond their own search's cut
    let mut searched = Vec::new();
    for t in translations {
        let Ok(r) = search(&t.phrase) else { continue };
        searched.push(format!("{} ({})", t.phrase, r.total));
        beyond += r.total - r.occurrences.len();
        report.budget_exhausted |= r.budget_exhausted;
        for note in r.notes.into_iter().filter(|n| n.starts_with("The work budget")) {
            if !report.notes.contains(&note) {
                report.notes.push(note);
            }
        }
        for mut o in r.occurrences {
            let span = o.excerpt.span();
            let taken = |p: &QueryOccurrence| p.excerpt.doc == o.excerpt.doc && p.excerpt.span().overlaps(span);
            if report.occurrences.iter().any(taken) || found.iter().any(taken) {
                continue;
            }
            o.translation = Some(t.clone());
            found.push(o);
        }
    }
    if searched.is_empty() {
        return report;
    }
    found.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| x.excerpt.doc.cmp(&y.excerpt.doc))
            .then(x.excerpt.start.cmp(&y.excerpt.start))
            .then(x.excerpt.end.cmp(&y.excerpt.end))
    });
    let total = report.total + found.len() + beyond;
    report.notes.retain(|n| *n != own_cut);
    report.notes.push(format!(
        "Also searched, through the bilingual lexicon: {}; those occurrences come after the query's own.",
        searched.join(", ")
    ));
    let room = max_results.saturating_sub(report.occurrences.len());
    found.truncate(room);
    report.occurrences.extend(found);
    report.total = total;
    if total > report.occurrences.len() {
        report.notes.push(cut_note(report.occurrences.len(), total));
    }
    report
}

/// The normalized formulas and renderings of the lexicon that a family's root holds (a few at
/// most: vectors, not sets, which would add their code to the WebAssembly build).
type Sides<'a> = (Vec<&'a str>, Vec<String>);

/// Links the families of a report across languages: each family's `renderings` lists the
/// lexicon's pairs whose formula (in its root) or rendering (in its root) it holds, found as
/// the alignment finds them (leftmost-longest), with the families whose root holds the other
/// side. 人类命运共同体 and "community with a shared future for mankind" name each other.
pub fn link_families(families: &mut [Family], lexicon: &Lexicon) {
    // Per family: the normalized formulas and renderings its root holds.
    let sides: Vec<Sides> = families
        .iter()
        .map(|f| {
            let all = Span::new(0, f.root.len());
            let zh = lexicon.find_zh(&f.root, all).into_iter().map(|(e, _)| lexicon.zh_key(e)).collect();
            let en = lexicon.find_en(&f.root, all).into_iter().map(|(e, _)| lexicon.entries()[e].en_key()).collect();
            (zh, en)
        })
        .collect();
    let ids: Vec<String> = families.iter().map(|f| f.id.clone()).collect();
    // Per formula and per rendering, the families whose root holds it, in order (once each).
    let mut holders: [HashMap<&str, Vec<usize>>; 2] = [HashMap::new(), HashMap::new()];
    for (j, (zh, en)) in sides.iter().enumerate() {
        let keys = zh.iter().copied().map(|k| (0, k)).chain(en.iter().map(|k| (1, k.as_str())));
        for (side, key) in keys {
            let list = holders[side].entry(key).or_default();
            if list.last() != Some(&j) {
                list.push(j);
            }
        }
    }
    for (i, f) in families.iter_mut().enumerate() {
        let (zh, en) = &sides[i];
        let mut out: Vec<FamilyRendering> = Vec::new();
        let mut push = |entry: usize, side: usize, key: &str| {
            let e = &lexicon.entries()[entry];
            if out.iter().any(|r| r.zh == e.zh && r.en == e.en) {
                return;
            }
            let others = holders[side].get(key).map_or(&[][..], Vec::as_slice);
            let families = others.iter().filter(|&&j| j != i).map(|&j| ids[j].clone()).collect();
            out.push(FamilyRendering { zh: e.zh.clone(), en: e.en.clone(), families });
        };
        for key in zh {
            for &entry in lexicon.entries_of_formula(key) {
                push(entry, 1, &lexicon.entries()[entry].en_key());
            }
        }
        for key in en {
            for &entry in lexicon.entries_of_rendering(key) {
                push(entry, 0, lexicon.zh_key(entry));
            }
        }
        f.renderings = out;
    }
}

/// The note of a query whose occurrences were cut by `query_max_results` (the query stage
/// writes the same).
fn cut_note(kept: usize, total: usize) -> String {
    format!(
        "{} of {} occurrences reported; raise query_max_results to see more.",
        count(kept as u64),
        count(total as u64)
    )
}
