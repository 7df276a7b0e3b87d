//! Proposals for the formula lexicon: recurring Chinese formulas and recurring English phrases
//! that occur together in aligned sentences well above chance.
//!
//! `scripts/build-lexicon` runs this over the parallel editions of `../shared/corpus/official`,
//! writes the proposals for a reviewer, and builds the lexicon from the ones accepted. The steps:
//! 1. every pair is aligned with numbers, names and list marks as anchors (no lexicon, so the
//!    result depends on the corpus alone);
//! 2. Chinese candidates are runs of 4 to 12 Han characters found in two Chinese statements or
//!    more; English candidates are runs of 1 to 8 words (compared normalized, not starting or
//!    ending with a stopword, inside one sentence) found in two English statements or more; a
//!    candidate always found inside the same longer candidate is left out for it;
//! 3. over the aligned beads, a pair is proposed when the two occur together in aligned beads
//!    of two statements or more ([`MIN_STATEMENTS`]), with a Dice coefficient of at least
//!    [`MIN_DICE`] and a log-likelihood ratio (Dunning 1993) of at least [`MIN_LLR`]
//!    (p < 0.001), when it is among the [`TOP`] best-scored pairs of its Chinese candidate and of
//!    its English one, and when no pair with the same formula and a longer phrase occurs
//!    together as often.

use super::lexicon::{normalize_en, Evidence, Lexicon};
use super::sentences;
use crate::report::BeadStatus;
use crate::span::Span;
use crate::text::{is_ideograph, is_stopword, tokenize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Shortest Chinese candidate, in Han characters.
pub const MIN_ZH: usize = 4;
/// Longest Chinese candidate.
pub const MAX_ZH: usize = 12;
/// Longest English candidate, in words.
pub const MAX_EN: usize = 8;
/// Least Dice coefficient of a proposal.
pub const MIN_DICE: f64 = 0.3;
/// Least log-likelihood ratio of a proposal (chi-squared, one degree of freedom, p < 0.001).
pub const MIN_LLR: f64 = 10.83;
/// A proposal is among the best this many pairs of its Chinese and of its English candidate.
pub const TOP: usize = 3;
/// A proposal occurs together in aligned sentences of this many statements at least.
pub const MIN_STATEMENTS: usize = 2;
/// Another rendering of a known formula covers at least this share of the formula's beads that
/// none of its known renderings explains.
pub const MIN_SHARE: f64 = 0.3;

/// A Chinese statement and its English edition, with the names of their files (for evidence).
#[derive(Clone, Debug)]
pub struct ParallelPair {
    /// The Chinese file's path (as the evidence should name it).
    pub zh_file: String,
    /// The Chinese text.
    pub zh: String,
    /// The English file's path.
    pub en_file: String,
    /// The English text.
    pub en: String,
}

/// A proposed pair and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// The Chinese formula.
    pub zh: String,
    /// The English phrase as first seen with it, in lower case, spaces collapsed.
    pub en: String,
    /// The English phrase's normalized words.
    pub en_norm: String,
    /// Aligned beads where both occur.
    pub together: usize,
    /// Aligned beads where the Chinese formula occurs.
    pub zh_beads: usize,
    /// Aligned beads where the English phrase occurs.
    pub en_beads: usize,
    /// Pairs (statements) with a bead where both occur.
    pub statements: usize,
    /// `2 * together / (zh_beads + en_beads)`.
    pub dice: f64,
    /// Dunning's log-likelihood ratio of the two occurring together.
    pub llr: f64,
    /// The first place where both occur in aligned sentences.
    pub evidence: Evidence,
    /// The Chinese and English sentences of that place, for the reviewer.
    pub context: (String, String),
    /// True when proposed as another rendering of a formula the known lexicon has (counts are
    /// then over the beads none of its known renderings explains).
    pub alternative: bool,
}

/// What [`propose`] found.
#[derive(Clone, Debug)]
pub struct Proposals {
    /// Proposals, by Chinese formula, then best first.
    pub proposals: Vec<Proposal>,
    /// Aligned beads over all pairs.
    pub beads: usize,
    /// Chinese candidates (recurring, closed).
    pub zh_candidates: usize,
    /// English candidates (recurring, closed).
    pub en_candidates: usize,
}

/// The runs of Han characters of a text: `(byte start, chars)`.
fn han_runs(text: &str) -> Vec<(usize, Vec<(usize, char)>)> {
    let mut out: Vec<(usize, Vec<(usize, char)>)> = Vec::new();
    let mut run: Vec<(usize, char)> = Vec::new();
    for (i, c) in text.char_indices() {
        if is_ideograph(c) {
            run.push((i, c));
        } else if !run.is_empty() {
            out.push((run[0].0, std::mem::take(&mut run)));
        }
    }
    if !run.is_empty() {
        out.push((run[0].0, run));
    }
    out
}

/// Every Chinese n-gram of `text` (Han characters, [`MIN_ZH`] to [`MAX_ZH`]) with its bytes.
fn zh_grams(text: &str) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for (_, run) in han_runs(text) {
        for i in 0..run.len() {
            for n in MIN_ZH..=MAX_ZH.min(run.len() - i) {
                let gram: String = run[i..i + n].iter().map(|&(_, c)| c).collect();
                let (last, c) = run[i + n - 1];
                out.push((gram, Span::new(run[i].0, last + c.len_utf8())));
            }
        }
    }
    out
}

/// Every English n-gram of `text[span]` (1 to [`MAX_EN`] normalized words, not starting or
/// ending with a stopword, not only digits) with its bytes in `text`.
fn en_grams(text: &str, span: Span) -> Vec<(String, Span)> {
    let tokens = tokenize(&text[span.range()]);
    let mut out = Vec::new();
    let skip = |t: &str| is_stopword(t) || t.chars().all(|c| c.is_ascii_digit());
    for i in 0..tokens.len() {
        if skip(&tokens[i].norm) {
            continue;
        }
        let mut gram = String::new();
        for n in 1..=MAX_EN.min(tokens.len() - i) {
            let last = &tokens[i + n - 1];
            if n > 1 {
                gram.push(' ');
            }
            gram.push_str(&last.norm);
            if !skip(&last.norm) {
                out.push((gram.clone(), Span::new(span.start + tokens[i].span.start, span.start + last.span.end)));
            }
        }
    }
    out
}

/// The Chinese n-grams inside a Chinese n-gram (shorter, at least [`MIN_ZH`] characters).
fn zh_inner(g: &str) -> Vec<String> {
    let chars: Vec<char> = g.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len() {
        for j in i + MIN_ZH..=chars.len() {
            if j - i < chars.len() {
                out.push(chars[i..j].iter().collect());
            }
        }
    }
    out
}

/// The English n-grams inside an English n-gram (shorter, not starting or ending with a
/// stopword).
fn en_inner(g: &str) -> Vec<String> {
    let words: Vec<&str> = g.split(' ').collect();
    let mut out = Vec::new();
    for i in 0..words.len() {
        for j in i + 1..=words.len() {
            if j - i < words.len() && !is_stopword(words[i]) && !is_stopword(words[j - 1]) {
                out.push(words[i..j].join(" "));
            }
        }
    }
    out
}

/// The candidates of one language: recurring in two texts or more, and closed: a gram that
/// occurs exactly as often as a recurring longer gram containing it (`inner` lists the grams
/// inside a gram) never occurs without it, and is left out for it.
fn candidates(texts: &[Vec<String>], inner: impl Fn(&str) -> Vec<String>) -> HashSet<String> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for grams in texts {
        let mut seen = HashSet::new();
        for g in grams {
            *count.entry(g).or_default() += 1;
            if seen.insert(g.as_str()) {
                *df.entry(g).or_default() += 1;
            }
        }
    }
    let recurring: HashSet<&str> = df.iter().filter(|&(_, &d)| d >= 2).map(|(&g, _)| g).collect();
    let mut open: HashSet<String> = HashSet::new();
    for &g in &recurring {
        for s in inner(g) {
            if count.get(s.as_str()) == count.get(g) {
                open.insert(s);
            }
        }
    }
    recurring.into_iter().filter(|g| !open.contains(*g)).map(str::to_string).collect()
}

/// Dunning's log-likelihood ratio for a 2x2 table.
fn llr(k11: f64, k12: f64, k21: f64, k22: f64) -> f64 {
    let n = k11 + k12 + k21 + k22;
    let term = |k: f64, row: f64, col: f64| if k > 0.0 { k * (k * n / (row * col)).ln() } else { 0.0 };
    let (r1, r2, c1, c2) = (k11 + k12, k21 + k22, k11 + k21, k12 + k22);
    2.0 * (term(k11, r1, c1) + term(k12, r1, c2) + term(k21, r2, c1) + term(k22, r2, c2))
}

/// One aligned bead's text: its pair and the bytes of its two sides.
struct BeadText {
    pair: usize,
    zh: Span,
    en: Span,
}

/// The aligned beads and the candidates in each, as the rounds of proposals share them.
struct BeadsText<'a> {
    pairs: &'a [ParallelPair],
    beads: &'a [BeadText],
    zh_in: &'a [Vec<(String, Span)>],
    en_in: &'a [Vec<(String, Span)>],
    ne: &'a HashMap<&'a str, usize>,
}

/// Other renderings of the known formulas (see [`propose`]).
fn alternatives(t: &BeadsText, known: &Lexicon) -> Vec<Proposal> {
    let padded = |s: &str| format!(" {s} ");
    let bead_en: Vec<String> =
        t.beads.iter().map(|b| padded(&normalize_en(&t.pairs[b.pair].en[b.en.range()]))).collect();
    let mut out = Vec::new();
    for z in known.formulas() {
        let renderings: Vec<String> = known.renderings(z).iter().map(|r| padded(&normalize_en(r))).collect();
        let residual: Vec<usize> = (0..t.beads.len())
            .filter(|&k| t.zh_in[k].iter().any(|(g, _)| g == z) && !renderings.iter().any(|r| bead_en[k].contains(r)))
            .collect();
        let mut together: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &k in &residual {
            for (e, _) in &t.en_in[k] {
                if !renderings.iter().any(|r| r.contains(&padded(e))) {
                    together.entry(e).or_default().push(k);
                }
            }
        }
        let statements = |ks: &[usize]| ks.iter().map(|&k| t.beads[k].pair).collect::<HashSet<_>>().len();
        let mut found: Vec<(&str, &Vec<usize>)> = together
            .iter()
            .filter(|(_, ks)| {
                ks.len() >= 2
                    && statements(ks) >= MIN_STATEMENTS
                    && ks.len() as f64 >= MIN_SHARE * residual.len() as f64
            })
            .map(|(&e, ks)| (e, ks))
            .collect();
        let contains_words = |long: &str, short: &str| long != short && padded(long).contains(&padded(short));
        let kept: Vec<(&str, &Vec<usize>)> = found
            .iter()
            .filter(|(e, ks)| !found.iter().any(|(e2, ks2)| ks2.len() >= ks.len() && contains_words(e2, e)))
            .copied()
            .collect();
        found = kept;
        found.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(t.ne[a.0].cmp(&t.ne[b.0])).then(a.0.cmp(b.0)));
        for (e, ks) in found.into_iter().take(TOP) {
            let k = ks[0];
            let pair = &t.pairs[t.beads[k].pair];
            let zs = t.zh_in[k].iter().find(|(g, _)| g == z).expect("the formula is in its bead").1;
            let es = t.en_in[k].iter().find(|(g, _)| g == e).expect("the phrase is in its bead").1;
            out.push(Proposal {
                zh: z.to_string(),
                en: pair.en[es.range()].split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase(),
                en_norm: e.to_string(),
                together: ks.len(),
                zh_beads: residual.len(),
                en_beads: t.ne[e],
                statements: statements(ks),
                dice: crate::report::round(2.0 * ks.len() as f64 / (residual.len() + t.ne[e]) as f64),
                llr: 0.0,
                evidence: Evidence { zh_file: pair.zh_file.clone(), zh: zs, en_file: pair.en_file.clone(), en: es },
                context: (pair.zh[t.beads[k].zh.range()].to_string(), pair.en[t.beads[k].en.range()].to_string()),
                alternative: true,
            });
        }
    }
    out
}

/// Proposes formula pairs from parallel `pairs` (one edition per statement), counting recurrence
/// over `zh_texts` and `en_texts` (every statement of each language, the pairs' included).
///
/// With a `known` lexicon (the pairs a reviewer already accepted), it also proposes other
/// renderings of its formulas: over the aligned beads where a known formula occurs and none of
/// its known renderings does, English candidates found in two of those beads or more, in two
/// statements or more, in at least [`MIN_SHARE`] of them ([`Proposal::alternative`]).
pub fn propose(pairs: &[ParallelPair], zh_texts: &[&str], en_texts: &[&str], known: &Lexicon) -> Proposals {
    let empty = Lexicon::empty();
    // 1. Aligned beads.
    let mut beads = Vec::new();
    for (p, pair) in pairs.iter().enumerate() {
        let a = super::align_texts_with(&pair.zh, &pair.en, &empty);
        for b in a.beads.iter().filter(|b| b.status == BeadStatus::Aligned) {
            let zh = a.zh[b.zh[0]].excerpt.span().cover(a.zh[*b.zh.last().expect("aligned")].excerpt.span());
            let en = a.en[b.en[0]].excerpt.span().cover(a.en[*b.en.last().expect("aligned")].excerpt.span());
            beads.push(BeadText { pair: p, zh, en });
        }
    }
    // 2. Candidates.
    let zh_all: Vec<Vec<String>> = zh_texts.iter().map(|t| zh_grams(t).into_iter().map(|(g, _)| g).collect()).collect();
    let zh_cands = candidates(&zh_all, zh_inner);
    let en_all: Vec<Vec<String>> = en_texts
        .iter()
        .map(|t| sentences::split(t).into_iter().flat_map(|s| en_grams(t, s.span)).map(|(g, _)| g).collect::<Vec<_>>())
        .collect();
    let en_cands = candidates(&en_all, en_inner);
    // 3. Occurrences per bead, and together.
    let mut zh_in: Vec<Vec<(String, Span)>> = Vec::new();
    let mut en_in: Vec<Vec<(String, Span)>> = Vec::new();
    for b in &beads {
        let pair = &pairs[b.pair];
        let mut z: Vec<(String, Span)> = zh_grams(&pair.zh[b.zh.range()])
            .into_iter()
            .filter(|(g, _)| zh_cands.contains(g))
            .map(|(g, s)| (g, Span::new(b.zh.start + s.start, b.zh.start + s.end)))
            .collect();
        z.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        z.dedup_by(|a, b| a.0 == b.0);
        let mut e: Vec<(String, Span)> =
            en_grams(&pair.en, b.en).into_iter().filter(|(g, _)| en_cands.contains(g)).collect();
        e.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        e.dedup_by(|a, b| a.0 == b.0);
        zh_in.push(z);
        en_in.push(e);
    }
    let mut nz: HashMap<&str, usize> = HashMap::new();
    let mut ne: HashMap<&str, usize> = HashMap::new();
    for (z, e) in zh_in.iter().zip(&en_in) {
        for (g, _) in z {
            *nz.entry(g).or_default() += 1;
        }
        for (g, _) in e {
            *ne.entry(g).or_default() += 1;
        }
    }
    // (zh, en) -> beads where both occur, in order.
    let mut together: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (k, (z, e)) in zh_in.iter().zip(&en_in).enumerate() {
        for (zg, _) in z.iter().filter(|(g, _)| nz[g.as_str()] >= 2) {
            for (eg, _) in e.iter().filter(|(g, _)| ne[g.as_str()] >= 2) {
                together.entry((zg, eg)).or_default().push(k);
            }
        }
    }
    // 4. Scores, thresholds, best pairs per candidate.
    let n = beads.len() as f64;
    let mut scored: Vec<(&str, &str, f64, f64, &Vec<usize>)> = Vec::new();
    for (&(z, e), ks) in &together {
        if ks.len() < 2 {
            continue;
        }
        let (k11, a, b) = (ks.len() as f64, nz[z] as f64, ne[e] as f64);
        let dice = 2.0 * k11 / (a + b);
        let g = llr(k11, a - k11, b - k11, n - a - b + k11);
        if dice >= MIN_DICE && g >= MIN_LLR {
            scored.push((z, e, dice, g, ks));
        }
    }
    let rank = |by_zh: bool| {
        let mut by: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, s) in scored.iter().enumerate() {
            by.entry(if by_zh { s.0 } else { s.1 }).or_default().push(i);
        }
        let mut best = HashSet::new();
        for list in by.values_mut() {
            list.sort_by(|&x, &y| {
                let (a, b) = (&scored[x], &scored[y]);
                b.2.total_cmp(&a.2).then(b.3.total_cmp(&a.3)).then(a.0.cmp(b.0)).then(a.1.cmp(b.1))
            });
            best.extend(list.iter().take(TOP).copied());
        }
        best
    };
    let best_zh = rank(true);
    let best_en = rank(false);
    let chosen: Vec<usize> = (0..scored.len()).filter(|i| best_zh.contains(i) && best_en.contains(i)).collect();
    // Of two chosen pairs with the same formula, one phrase inside the other's words, the
    // shorter phrase is left out if the longer occurs together as often ("belt and road" over
    // "road"). Nested formulas are all kept: which one the phrase translates (人类命运共同体 or
    // 构建人类命运共同体, 共商共建共享 or 共建共享) is for the reviewer to say.
    let contains_words = |long: &str, short: &str| long != short && format!(" {long} ").contains(&format!(" {short} "));
    let left_out = |i: usize| {
        let (z, e, _, _, ks) = scored[i];
        chosen.iter().any(|&j| {
            let (z2, e2, _, _, ks2) = scored[j];
            z2 == z && ks2.len() >= ks.len() && contains_words(e2, e)
        })
    };
    let mut proposals = Vec::new();
    for &i in &chosen {
        let (z, e, dice, g, ks) = scored[i];
        let statements = ks.iter().map(|&k| beads[k].pair).collect::<HashSet<_>>().len();
        if statements < MIN_STATEMENTS || left_out(i) {
            continue;
        }
        let k = ks[0];
        let pair = &pairs[beads[k].pair];
        let zs = zh_in[k].iter().find(|(g, _)| g == z).expect("the formula is in its bead").1;
        let es = en_in[k].iter().find(|(g, _)| g == e).expect("the phrase is in its bead").1;
        let en_text = pair.en[es.range()].split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        debug_assert_eq!(normalize_en(&en_text), e);
        proposals.push(Proposal {
            zh: z.to_string(),
            en: en_text,
            en_norm: e.to_string(),
            together: ks.len(),
            zh_beads: nz[z],
            en_beads: ne[e],
            statements,
            dice: crate::report::round(dice),
            llr: (g * 100.0).round() / 100.0,
            evidence: Evidence { zh_file: pair.zh_file.clone(), zh: zs, en_file: pair.en_file.clone(), en: es },
            context: (pair.zh[beads[k].zh.range()].to_string(), pair.en[beads[k].en.range()].to_string()),
            alternative: false,
        });
    }
    if !known.is_empty() {
        let text = BeadsText { pairs, beads: &beads, zh_in: &zh_in, en_in: &en_in, ne: &ne };
        let first: HashSet<(String, String)> = proposals.iter().map(|p| (p.zh.clone(), p.en_norm.clone())).collect();
        proposals.extend(
            alternatives(&text, known).into_iter().filter(|p| !first.contains(&(p.zh.clone(), p.en_norm.clone()))),
        );
    }
    proposals.sort_by(|a, b| {
        (a.zh.cmp(&b.zh))
            .then(a.alternative.cmp(&b.alternative))
            .then(b.dice.total_cmp(&a.dice))
            .then(a.en_norm.cmp(&b.en_norm))
    });
    Proposals { proposals, beads: beads.len(), zh_candidates: zh_cands.len(), en_candidates: en_cands.len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_and_their_spans() {
        let zh = "构建人类命运共同体。好";
        let grams = zh_grams(zh);
        assert!(grams.iter().any(|(g, s)| g == "人类命运共同体" && &zh[s.range()] == "人类命运共同体"));
        assert!(grams.iter().all(|(g, _)| g.chars().count() >= MIN_ZH));
        let en = "Build a community with a shared future for mankind.";
        let grams = en_grams(en, Span::new(0, en.len()));
        let found: Vec<&str> = grams.iter().map(|(g, _)| g.as_str()).collect();
        assert!(found.contains(&"community with a shared future for mankind"));
        assert!(!found.iter().any(|g| g.starts_with("a ") || g.ends_with(" a")));
        let (_, span) = grams.iter().find(|(g, _)| g == "shared future").unwrap();
        assert_eq!(&en[span.range()], "shared future");
    }

    #[test]
    fn closed_recurring_candidates() {
        let texts = vec![
            vec!["a b c".to_string(), "a b".to_string(), "x".to_string()],
            vec!["a b c".to_string(), "a b".to_string(), "a b".to_string(), "y".to_string()],
        ];
        let c = candidates(&texts, en_inner);
        // "a b" occurs alone once, so it stays; x and y are in one text each.
        assert_eq!(c, HashSet::from(["a b c".to_string(), "a b".to_string()]));
    }

    #[test]
    fn log_likelihood_ratio() {
        // Independent: 0. Perfect association in 100 beads, 5 each: well above 10.83.
        assert!(llr(1.0, 9.0, 9.0, 81.0).abs() < 1e-9);
        assert!(llr(5.0, 0.0, 0.0, 95.0) > 30.0);
    }

    #[test]
    fn proposes_a_pair_that_recurs_in_aligned_sentences() {
        let pair = |zh: &str, en: &str| ParallelPair {
            zh_file: "z.txt".into(),
            zh: zh.into(),
            en_file: "e.txt".into(),
            en: en.into(),
        };
        let pairs = vec![
            pair(
                "我们要构建人类命运共同体。今天天气很好。经济增长很快。河水很深。山很高。书很多。鸟在飞。",
                "We must build a community with a shared future for mankind. The weather is good today. \
                 The economy grows fast. The river is deep. The mountain is high. There are many books. Birds fly.",
            ),
            pair(
                "各国应该携手构建人类命运共同体。明天会下雨。我们热爱和平。猫很可爱。路很长。茶很香。鱼在游。",
                "All countries should join hands to build a community with a shared future for mankind. \
                 It will rain tomorrow. We love peace. Cats are lovely. The road is long. The tea smells good. Fish swim.",
            ),
        ];
        let zh: Vec<&str> = pairs.iter().map(|p| p.zh.as_str()).collect();
        let en: Vec<&str> = pairs.iter().map(|p| p.en.as_str()).collect();
        let found = propose(&pairs, &zh, &en, &Lexicon::empty());
        let p = found
            .proposals
            .iter()
            .find(|p| p.zh == "构建人类命运共同体" && p.en == "community with a shared future for mankind")
            .unwrap_or_else(|| panic!("not proposed: {:#?} {} beads", found.proposals, found.beads));
        assert_eq!((p.together, p.statements), (2, 2));
        assert_eq!(&pairs[0].zh[p.evidence.zh.range()], "构建人类命运共同体");
        assert_eq!(&pairs[0].en[p.evidence.en.range()], "community with a shared future for mankind");
        // Unrelated sentences are not proposed.
        assert!(!found.proposals.iter().any(|p| p.en.contains("weather")));
    }
}
