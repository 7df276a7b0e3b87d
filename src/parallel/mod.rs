//! Parallel texts: a Chinese statement and its English edition, sentence by sentence, each
//! Chinese formula of the lexicon linked to its rendering.
//!
//! [`align_texts`] splits both texts into sentences (`sentences`), finds each sentence's
//! anchors (`anchors`: numbers, Latin names; and the lexicon's formula pairs), aligns the
//! sentences by their lengths and anchors (`gale_church`), leaves beads it cannot trust
//! unaligned, and links each Chinese formula to its rendering in the English sentences of its
//! bead (`lexicon`). `docs/parallel.md` describes the method and its figures.
//!
//! ```
//! let zh = "我们要践行真正的多边主义。中国将提供20亿美元援助。";
//! let en = "We should practice true multilateralism. China will provide US$2 billion in assistance.";
//! let tsv = "zh\ten\tzh_file\tzh_start\tzh_end\ten_file\ten_start\ten_end\n\
//!            真正的多边主义\ttrue multilateralism\tz.txt\t0\t21\te.txt\t0\t20\n";
//! let lexicon = refrain::Lexicon::parse(tsv).unwrap();
//! let a = refrain::align_texts_with(zh, en, &lexicon);
//! assert_eq!(a.beads.len(), 2);
//! assert_eq!(a.beads[0].formulas[0].en.as_ref().unwrap().text, "true multilateralism");
//! ```

mod anchors;
mod crosslang;
pub mod gale_church;
mod lexicon;
pub mod propose;
mod sentences;

pub use crosslang::{link_families, translations, with_translations};
pub use lexicon::{lexicon, normalize_en, normalize_zh, Evidence, Lexicon, LexiconEntry};

use crate::report::{
    AlignedSentence, Alignment, AlignmentStats, Bead, BeadStatus, Excerpt, FormulaLink, FormulaRenderings,
    RenderingCount, RenderingPlace, SCHEMA_VERSION,
};
use crate::span::{utf16_len, Span};
use sentences::Sentence;
use std::collections::HashMap;

/// A bead whose lengths lie more than this many standard deviations apart, and whose sides
/// share no anchor, is left unaligned ([`BeadStatus::LengthsDisagree`]).
pub const MAX_LENGTH_Z: f64 = 3.0;

/// Aligns a Chinese text with its English edition, anchored by numbers, Latin names and the
/// bundled [`lexicon`].
pub fn align_texts(zh: &str, en: &str) -> Alignment {
    align_texts_with(zh, en, lexicon())
}

/// Like [`align_texts`], with another lexicon ([`Lexicon::empty`] anchors on numbers and names
/// only).
pub fn align_texts_with(zh: &str, en: &str, lexicon: &Lexicon) -> Alignment {
    let zs = sentences::split(zh);
    let es = sentences::split(en);
    let names = anchors::latin_names(zh);
    let zf: Vec<Vec<(usize, Span)>> = zs.iter().map(|s| lexicon.find_zh(zh, s.span)).collect();
    let ef: Vec<Vec<(usize, Span)>> = es.iter().map(|s| lexicon.find_en(en, s.span)).collect();

    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut intern = |keys: Vec<String>| -> Vec<u32> {
        let mut v: Vec<u32> = keys
            .into_iter()
            .map(|k| {
                let next = ids.len() as u32;
                *ids.entry(k).or_insert(next)
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let za: Vec<Vec<u32>> = zs
        .iter()
        .zip(&zf)
        .map(|(s, found)| {
            let mut keys = anchors::anchors(zh, s.span, &names);
            keys.extend(found.iter().map(|&(e, _)| format!("={}", lexicon.zh_key(e))));
            intern(keys)
        })
        .collect();
    let ea: Vec<Vec<u32>> = es
        .iter()
        .zip(&ef)
        .map(|(s, found)| {
            let mut keys = anchors::anchors(en, s.span, &names);
            for &(e, _) in found {
                keys.extend(lexicon.same_rendering(e).iter().map(|&o| format!("={}", lexicon.zh_key(o))));
            }
            intern(keys)
        })
        .collect();

    let zl: Vec<usize> = zs.iter().map(|s| s.chars).collect();
    let el: Vec<usize> = es.iter().map(|s| s.chars).collect();
    let path = gale_church::align(
        &gale_church::Side { lens: &zl, anchors: &za },
        &gale_church::Side { lens: &el, anchors: &ea },
    );

    let mut notes = Vec::new();
    let (mut beads, band, cells) = match path {
        None => {
            notes.push(format!(
                "not aligned: a side has more than {} sentences ({} Chinese, {} English)",
                gale_church::MAX_SENTENCES,
                zs.len(),
                es.len()
            ));
            (Vec::new(), 0, 0)
        }
        Some(path) => {
            if path.edge > 0 {
                notes.push(format!(
                    "{} beads lie on the edge of the band ({} sentences either side of the diagonal): \
                     the texts may not be translations of each other, or one has long passages the other lacks",
                    path.edge, path.band
                ));
            }
            let beads = path.beads.iter().map(|b| bead(b, zh, en, &zs, &es, &zf, &ef, lexicon)).collect();
            (beads, path.band, path.cells)
        }
    };
    if beads.is_empty() && !(zs.is_empty() && es.is_empty()) && notes.is_empty() {
        notes.push("nothing aligned".to_string());
    }
    let mut unaligned_zh = Vec::new();
    let mut unaligned_en = Vec::new();
    if beads.is_empty() {
        unaligned_zh.extend(0..zs.len());
        unaligned_en.extend(0..es.len());
    }
    for b in &beads {
        if b.status != BeadStatus::Aligned {
            unaligned_zh.extend(&b.zh);
            unaligned_en.extend(&b.en);
        }
    }
    let aligned: Vec<&Bead> = beads.iter().filter(|b| b.status == BeadStatus::Aligned).collect();
    let formulas = aligned.iter().map(|b| b.formulas.len()).sum();
    let formulas_rendered = aligned.iter().flat_map(|b| &b.formulas).filter(|f| f.en.is_some()).count();
    let stats = AlignmentStats {
        zh_sentences: zs.len(),
        en_sentences: es.len(),
        aligned_beads: aligned.len(),
        unaligned_zh: unaligned_zh.len(),
        unaligned_en: unaligned_en.len(),
        ratio: gale_church::RATIO,
        band,
        cells,
        formulas,
        formulas_rendered,
    };
    beads.shrink_to_fit();
    Alignment {
        schema_version: SCHEMA_VERSION,
        engine: format!("refrain {}", env!("CARGO_PKG_VERSION")),
        zh: zs.iter().enumerate().map(|(i, s)| sentence(zh, "zh", i, s)).collect(),
        en: es.iter().enumerate().map(|(i, s)| sentence(en, "en", i, s)).collect(),
        beads,
        unaligned_zh,
        unaligned_en,
        stats,
        notes,
    }
}

/// How each Chinese formula is rendered across aligned pairs (`(id, alignment)`, the id naming
/// the pair in the places): its occurrences in aligned beads grouped by the rendering found, most
/// statements first, formulas with most occurrences first (then by formula).
///
/// ```
/// let a = refrain::align_texts("我们要坚持多边主义。", "We should uphold multilateralism.");
/// let b = refrain::align_texts("坚持多边主义。", "Stay committed to multilateralism.");
/// let t = refrain::parallel::tally(&[("a", &a), ("b", &b)]);
/// assert_eq!(t[0].formula, "坚持多边主义");
/// assert_eq!(t[0].renderings[0].rendering.as_deref(), Some("uphold multilateralism"));
/// assert_eq!(t[0].renderings[1].rendering, None); // not found in b
/// ```
pub fn tally(alignments: &[(&str, &Alignment)]) -> Vec<FormulaRenderings> {
    let mut by: std::collections::BTreeMap<&str, Vec<(Option<&str>, RenderingPlace)>> = Default::default();
    for (id, a) in alignments {
        for b in a.beads.iter().filter(|b| b.status == BeadStatus::Aligned) {
            for f in &b.formulas {
                let place = RenderingPlace { pair: id.to_string(), zh: f.zh.clone(), en: f.en.clone() };
                by.entry(&f.entry_zh).or_default().push((f.entry_en.as_deref(), place));
            }
        }
    }
    let mut out: Vec<FormulaRenderings> = by
        .into_iter()
        .map(|(formula, places)| {
            let occurrences = places.len();
            let mut groups: Vec<RenderingCount> = Vec::new();
            for (rendering, place) in places {
                match groups.iter_mut().find(|g| g.rendering.as_deref() == rendering) {
                    Some(g) => g.places.push(place),
                    None => groups.push(RenderingCount {
                        rendering: rendering.map(str::to_string),
                        statements: 0,
                        occurrences: 0,
                        places: vec![place],
                    }),
                }
            }
            for g in &mut groups {
                g.occurrences = g.places.len();
                g.statements = g.places.iter().map(|p| p.pair.as_str()).collect::<std::collections::HashSet<_>>().len();
            }
            groups.sort_by(|a, b| {
                a.rendering
                    .is_none()
                    .cmp(&b.rendering.is_none())
                    .then(b.statements.cmp(&a.statements))
                    .then(a.rendering.cmp(&b.rendering))
            });
            FormulaRenderings { formula: formula.to_string(), occurrences, renderings: groups }
        })
        .collect();
    out.sort_by(|a, b| b.occurrences.cmp(&a.occurrences).then(a.formula.cmp(&b.formula)));
    out
}

/// An excerpt of a sentence's text: `span` lies inside sentence `s`.
fn excerpt(text: &str, doc: &str, s: &Sentence, span: Span) -> Excerpt {
    let utf16_start = s.utf16_start + utf16_len(&text[s.span.start..span.start]);
    Excerpt {
        doc: doc.to_string(),
        start: span.start,
        end: span.end,
        utf16_start,
        utf16_end: utf16_start + utf16_len(&text[span.range()]),
        text: text[span.range()].to_string(),
    }
}

fn sentence(text: &str, doc: &str, index: usize, s: &Sentence) -> AlignedSentence {
    AlignedSentence { excerpt: excerpt(text, doc, s, s.span), index, chars: s.chars }
}

/// A bead of the path as the report writes it, its formulas linked to their renderings.
#[allow(clippy::too_many_arguments)]
fn bead(
    b: &gale_church::PathBead,
    zh: &str,
    en: &str,
    zs: &[Sentence],
    es: &[Sentence],
    zf: &[Vec<(usize, Span)>],
    ef: &[Vec<(usize, Span)>],
    lexicon: &Lexicon,
) -> Bead {
    let status = if b.dz == 0 || b.de == 0 {
        BeadStatus::NoCounterpart
    } else if b.z.abs() > MAX_LENGTH_Z && b.shared == 0 {
        BeadStatus::LengthsDisagree
    } else {
        BeadStatus::Aligned
    };
    // English renderings of the bead, each used once: (sentence, entry, span).
    let mut renderings: Vec<(usize, usize, Span)> =
        (b.en..b.en + b.de).flat_map(|j| ef[j].iter().map(move |&(e, span)| (j, e, span))).collect();
    let mut formulas = Vec::new();
    for i in b.zh..b.zh + b.dz {
        for &(entry, span) in &zf[i] {
            let key = lexicon.zh_key(entry);
            let found = if status == BeadStatus::Aligned {
                renderings
                    .iter()
                    .position(|&(_, e, _)| lexicon.same_rendering(e).iter().any(|&o| lexicon.zh_key(o) == key))
                    .map(|k| renderings.remove(k))
            } else {
                None
            };
            let all = lexicon.entries_of_formula(key);
            formulas.push(FormulaLink {
                zh: excerpt(zh, "zh", &zs[i], span),
                en: found.map(|(j, _, span)| excerpt(en, "en", &es[j], span)),
                entry_zh: lexicon.entries()[entry].zh.clone(),
                entry_en: found.map(|(_, e, _)| {
                    // the entry of this formula with that rendering
                    let words = normalize_en(&lexicon.entries()[e].en);
                    all.iter()
                        .map(|&o| &lexicon.entries()[o])
                        .find(|o| normalize_en(&o.en) == words)
                        .map_or_else(|| lexicon.entries()[e].en.clone(), |o| o.en.clone())
                }),
                renderings: all.iter().map(|&o| lexicon.entries()[o].en.clone()).collect(),
            });
        }
    }
    Bead {
        zh: (b.zh..b.zh + b.dz).collect(),
        en: (b.en..b.en + b.de).collect(),
        kind: format!("{}-{}", b.dz, b.de),
        status,
        cost: crate::report::round(b.cost),
        length_z: crate::report::round(b.z),
        anchors: b.shared,
        formulas,
    }
}
