//! The bilingual formula lexicon: Chinese formulas and their English renderings, each pair with
//! the place in the official parallel editions where it was seen.
//!
//! The data (`lexicon-zh-en.tsv`, beside this file) is built by `scripts/build-lexicon` from the
//! parallel editions of `../shared/corpus/official` and the reviewer's decisions; see
//! `docs/parallel.md`. A Chinese formula compares by its letters and digits only (punctuation
//! and spaces ignored, Latin letters in lower case, NFKC), an English rendering by its words'
//! comparison forms (the tokenizer's normalization: case, plurals, British spellings).

use crate::span::Span;
use crate::text::{normalize_word, tokenize, Normalization};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Where an entry was seen: an official occurrence pair, as byte offsets into files of
/// `../shared/corpus` (paths relative to that folder).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// The Chinese edition, e.g. `official/zh/xi_2020-09-22_unga75_general_debate_zh.txt`.
    pub zh_file: String,
    /// The formula's bytes in the Chinese edition.
    pub zh: Span,
    /// The English edition.
    pub en_file: String,
    /// The rendering's bytes in the English edition.
    pub en: Span,
}

/// One pair of the lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconEntry {
    /// The Chinese formula as written in its evidence.
    pub zh: String,
    /// The English rendering, in lower case (as the reviewer accepted it).
    pub en: String,
    /// Where the pair was seen.
    pub evidence: Evidence,
    /// `zh` as it compares (see [`normalize_zh`]).
    zh_key: String,
    /// `en`'s words as they compare.
    en_words: Vec<String>,
}

impl LexiconEntry {
    /// The formula as it compares (see [`normalize_zh`]).
    pub(crate) fn zh_key(&self) -> &str {
        &self.zh_key
    }

    /// The rendering as it compares (see [`normalize_en`]).
    pub(crate) fn en_key(&self) -> String {
        self.en_words.join(" ")
    }
}

/// A set of formula pairs, with look-ups in both directions.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    entries: Vec<LexiconEntry>,
    /// Normalized Chinese formula -> indices of its entries.
    by_zh: HashMap<String, Vec<usize>>,
    /// Normalized English rendering (words joined by one space) -> indices of its entries.
    by_en: HashMap<String, Vec<usize>>,
    /// First character of a normalized formula -> the formulas starting with it, as characters,
    /// each with its first entry.
    zh_by_first: HashMap<char, Vec<(Vec<char>, usize)>>,
    /// First word of a rendering -> indices of the entries whose rendering starts with it.
    en_by_first: HashMap<String, Vec<usize>>,
}

/// The comparison form of a Chinese formula: its letters and digits (NFKC, lower case), nothing
/// else, so `共同、综合、合作` compares as `共同综合合作`.
pub fn normalize_zh(text: &str) -> String {
    zh_chars(text).into_iter().map(|(_, _, c)| c).collect()
}

/// The comparison form of an English phrase: its words' comparison forms joined by one space.
pub fn normalize_en(text: &str) -> String {
    tokenize(text).into_iter().map(|t| t.norm).collect::<Vec<_>>().join(" ")
}

/// The letters and digits of `text` as `(start, end, folded char)`: one item per folded char
/// (NFKC may fold one char into several, each keeps the original char's bytes).
fn zh_chars(text: &str) -> Vec<(usize, usize, char)> {
    let mut out = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices().filter(|(_, c)| c.is_alphanumeric()) {
        let end = i + c.len_utf8();
        if c.is_ascii() {
            out.push((i, end, c.to_ascii_lowercase()));
        } else {
            let mut buf = [0u8; 4];
            let folded = normalize_word(c.encode_utf8(&mut buf), Normalization { spelling: false, inflection: false });
            out.extend(folded.chars().filter(|c| c.is_alphanumeric()).map(|f| (i, end, f)));
        }
    }
    out
}

/// The bundled lexicon (`lexicon-zh-en.tsv`), parsed once.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(include_str!("lexicon-zh-en.tsv")).expect("the bundled lexicon parses"))
}

impl Lexicon {
    /// A lexicon without entries (alignment then anchors on numbers and names only).
    pub fn empty() -> Lexicon {
        Lexicon::default()
    }

    /// Reads the lexicon's TSV form: lines starting with `#` are comments, the first other line
    /// is the header `zh en zh_file zh_start zh_end en_file en_start en_end`, then one entry a
    /// line. Returns the line number and reason of the first malformed line.
    pub fn parse(tsv: &str) -> Result<Lexicon, String> {
        const HEADER: [&str; 8] = ["zh", "en", "zh_file", "zh_start", "zh_end", "en_file", "en_start", "en_end"];
        let mut lexicon = Lexicon::default();
        let mut header = false;
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if !header {
                if fields != HEADER {
                    return Err(format!("line {}: the header must be {}", n + 1, HEADER.join(" ")));
                }
                header = true;
                continue;
            }
            if fields.len() != HEADER.len() {
                return Err(format!("line {}: {} fields, expected {}", n + 1, fields.len(), HEADER.len()));
            }
            let num = |i: usize| fields[i].parse::<usize>().map_err(|e| format!("line {}: {}: {e}", n + 1, HEADER[i]));
            let (zs, ze, es, ee) = (num(3)?, num(4)?, num(6)?, num(7)?);
            if zs > ze || es > ee {
                return Err(format!("line {}: a span ends before it starts", n + 1));
            }
            let evidence = Evidence {
                zh_file: fields[2].to_string(),
                zh: Span::new(zs, ze),
                en_file: fields[5].to_string(),
                en: Span::new(es, ee),
            };
            lexicon.push(fields[0], fields[1], evidence).map_err(|e| format!("line {}: {e}", n + 1))?;
        }
        if !header {
            return Err("no header line".to_string());
        }
        Ok(lexicon)
    }

    /// Adds a pair; refuses one whose formula or rendering has no word, or that is already there.
    pub fn push(&mut self, zh: &str, en: &str, evidence: Evidence) -> Result<(), String> {
        let zh_key = normalize_zh(zh);
        let en_words: Vec<String> = tokenize(en).into_iter().map(|t| t.norm).collect();
        if zh_key.is_empty() || en_words.is_empty() {
            return Err(format!("empty formula or rendering: {zh:?} = {en:?}"));
        }
        let en_key = en_words.join(" ");
        if self.by_zh.get(&zh_key).is_some_and(|v| v.iter().any(|&i| self.entries[i].en_words == en_words)) {
            return Err(format!("duplicate pair: {zh} = {en}"));
        }
        let i = self.entries.len();
        let formula = self.by_zh.entry(zh_key.clone()).or_default();
        if formula.is_empty() {
            let chars: Vec<char> = zh_key.chars().collect();
            self.zh_by_first.entry(chars[0]).or_default().push((chars, i));
        }
        formula.push(i);
        self.by_en.entry(en_key).or_default().push(i);
        self.en_by_first.entry(en_words[0].clone()).or_default().push(i);
        self.entries.push(LexiconEntry { zh: zh.to_string(), en: en.to_string(), evidence, zh_key, en_words });
        Ok(())
    }

    /// Every entry, in the file's order.
    pub fn entries(&self) -> &[LexiconEntry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the lexicon has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The distinct Chinese formulas, normalized, in the order of their first entry.
    pub fn formulas(&self) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        self.entries.iter().filter(|e| seen.insert(e.zh_key.as_str())).map(|e| e.zh_key.as_str()).collect()
    }

    /// The English renderings of a Chinese formula (compared normalized, see [`normalize_zh`]),
    /// in the file's order; empty when the lexicon does not know it.
    ///
    /// ```
    /// let tsv = "zh\ten\tzh_file\tzh_start\tzh_end\ten_file\ten_start\ten_end\n\
    ///            真正的多边主义\ttrue multilateralism\tz.txt\t0\t21\te.txt\t0\t20\n\
    ///            真正的多边主义\tgenuine multilateralism\tz.txt\t0\t21\te2.txt\t0\t23\n";
    /// let lexicon = refrain::Lexicon::parse(tsv).unwrap();
    /// assert_eq!(lexicon.renderings("真正的 多边主义"), ["true multilateralism", "genuine multilateralism"]);
    /// ```
    pub fn renderings(&self, zh: &str) -> Vec<&str> {
        self.by_zh
            .get(&normalize_zh(zh))
            .map_or_else(Vec::new, |v| v.iter().map(|&i| self.entries[i].en.as_str()).collect())
    }

    /// The Chinese formulas an English phrase renders (compared normalized, see
    /// [`normalize_en`]), in the file's order; empty when the lexicon does not know it.
    ///
    /// ```
    /// let tsv = "zh\ten\tzh_file\tzh_start\tzh_end\ten_file\ten_start\ten_end\n\
    ///            真正的多边主义\tgenuine multilateralism\tz.txt\t0\t21\te.txt\t0\t23\n";
    /// let lexicon = refrain::Lexicon::parse(tsv).unwrap();
    /// assert_eq!(lexicon.originals("Genuine  Multilateralism"), ["真正的多边主义"]);
    /// ```
    pub fn originals(&self, en: &str) -> Vec<&str> {
        self.by_en
            .get(&normalize_en(en))
            .map_or_else(Vec::new, |v| v.iter().map(|&i| self.entries[i].zh.as_str()).collect())
    }

    /// The entries whose rendering is `en` (normalized, see [`normalize_en`]).
    pub(crate) fn entries_of_rendering(&self, en_key: &str) -> &[usize] {
        self.by_en.get(en_key).map_or(&[], Vec::as_slice)
    }

    /// The entries whose formula is `zh` (normalized).
    pub(crate) fn entries_of_formula(&self, zh_key: &str) -> &[usize] {
        self.by_zh.get(zh_key).map_or(&[], Vec::as_slice)
    }

    /// The entry's normalized formula.
    pub(crate) fn zh_key(&self, entry: usize) -> &str {
        &self.entries[entry].zh_key
    }

    /// Occurrences of the lexicon's Chinese formulas in `text[span]`: `(entry, bytes)` for the
    /// formula's first entry, leftmost-longest and not overlapping, in text order.
    pub(crate) fn find_zh(&self, text: &str, span: Span) -> Vec<(usize, Span)> {
        if self.entries.is_empty() {
            return Vec::new();
        }
        let chars = zh_chars(&text[span.range()]);
        let keyed: Vec<char> = chars.iter().map(|&(_, _, c)| c).collect();
        let mut found = Vec::new();
        for (i, c) in keyed.iter().enumerate() {
            for (k, entry) in self.zh_by_first.get(c).map_or(&[][..], Vec::as_slice) {
                if keyed[i..].starts_with(k) {
                    found.push((i, k.len(), *entry));
                }
            }
        }
        leftmost_longest(found)
            .into_iter()
            .map(|(i, len, entry)| (entry, Span::new(span.start + chars[i].0, span.start + chars[i + len - 1].1)))
            .collect()
    }

    /// Occurrences of the lexicon's English renderings in `text[span]`: `(entry, bytes)`,
    /// leftmost-longest and not overlapping, in text order; of several entries with the same
    /// rendering, the first.
    pub(crate) fn find_en(&self, text: &str, span: Span) -> Vec<(usize, Span)> {
        if self.entries.is_empty() {
            return Vec::new();
        }
        let tokens = tokenize(&text[span.range()]);
        let mut found = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            for &e in self.en_by_first.get(t.norm.as_str()).map_or(&[][..], Vec::as_slice) {
                let words = &self.entries[e].en_words;
                if i + words.len() <= tokens.len()
                    && tokens[i..i + words.len()].iter().zip(words).all(|(t, w)| &t.norm == w)
                {
                    found.push((i, words.len(), e));
                }
            }
        }
        // Several entries may share a rendering: keep the first of each place.
        found.sort_unstable();
        found.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
        leftmost_longest(found)
            .into_iter()
            .map(|(i, len, e)| {
                (e, Span::new(span.start + tokens[i].span.start, span.start + tokens[i + len - 1].span.end))
            })
            .collect()
    }

    /// The entries whose rendering is the English words of entry `e` (the formulas it may render).
    pub(crate) fn same_rendering(&self, e: usize) -> &[usize] {
        &self.by_en[&self.entries[e].en_words.join(" ")]
    }
}

/// Of `(start, len, payload)` matches, the leftmost-longest ones that do not overlap, in order.
fn leftmost_longest(mut found: Vec<(usize, usize, usize)>) -> Vec<(usize, usize, usize)> {
    found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for m in found {
        if out.last().is_none_or(|last| last.0 + last.1 <= m.0) {
            out.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Lexicon {
        let ev = Evidence { zh_file: "z".into(), zh: Span::new(0, 1), en_file: "e".into(), en: Span::new(0, 1) };
        let mut l = Lexicon::empty();
        l.push("真正的多边主义", "true multilateralism", ev.clone()).unwrap();
        l.push("真正的多边主义", "genuine multilateralism", ev.clone()).unwrap();
        l.push("多边主义", "multilateralism", ev.clone()).unwrap();
        l.push("人类命运共同体", "community with a shared future for mankind", ev.clone()).unwrap();
        l.push("共同、综合、合作、可持续的安全观", "common, comprehensive, cooperative and sustainable security", ev)
            .unwrap();
        l
    }

    #[test]
    fn look_ups_both_ways() {
        let l = small();
        assert_eq!(l.renderings("真正的多边主义"), ["true multilateralism", "genuine multilateralism"]);
        assert_eq!(l.renderings(" 真正的 多边主义 "), ["true multilateralism", "genuine multilateralism"]);
        assert!(l.renderings("多边").is_empty());
        assert_eq!(l.originals("Genuine  multilateralism"), ["真正的多边主义"]);
        assert_eq!(l.originals("communities with a shared future for mankind"), ["人类命运共同体"]);
        assert_eq!(l.formulas().len(), 4);
        let ev = l.entries()[0].evidence.clone();
        assert!(l.clone().push("真正的多边主义", "True Multilateralism", ev).is_err());
    }

    #[test]
    fn finds_formulas_leftmost_longest_with_exact_spans() {
        let l = small();
        let text = "🌍我们要践行真正的多边主义，反对单边主义；坚持多边主义。共同、综合、合作、可持续的安全观";
        let found: Vec<(&str, &str)> = l
            .find_zh(text, Span::new(0, text.len()))
            .into_iter()
            .map(|(e, s)| (l.entries()[e].zh.as_str(), &text[s.range()]))
            .collect();
        assert_eq!(
            found,
            [
                ("真正的多边主义", "真正的多边主义"),
                ("多边主义", "多边主义"),
                ("共同、综合、合作、可持续的安全观", "共同、综合、合作、可持续的安全观")
            ]
        );
        let en = "We practise genuine\u{00A0}multilateralism and Multilateralism; a community with a shared future for mankind.";
        let found: Vec<(&str, &str)> = l
            .find_en(en, Span::new(0, en.len()))
            .into_iter()
            .map(|(e, s)| (l.entries()[e].en.as_str(), &en[s.range()]))
            .collect();
        assert_eq!(
            found,
            [
                ("genuine multilateralism", "genuine\u{00A0}multilateralism"),
                ("multilateralism", "Multilateralism"),
                ("community with a shared future for mankind", "community with a shared future for mankind")
            ]
        );
    }

    #[test]
    fn parse_checks_its_input() {
        let header = "zh\ten\tzh_file\tzh_start\tzh_end\ten_file\ten_start\ten_end\n";
        let ok = format!("# comment\n{header}多边主义\tmultilateralism\tz.txt\t3\t15\te.txt\t5\t20\n");
        let l = Lexicon::parse(&ok).unwrap();
        assert_eq!(l.entries()[0].evidence.zh, Span::new(3, 15));
        assert!(Lexicon::parse("").is_err());
        assert!(Lexicon::parse(&format!("{header}多边主义\tmultilateralism\tz.txt\t3\n")).is_err());
        assert!(Lexicon::parse(&format!("{header}多边主义\tmultilateralism\tz.txt\tx\t15\te.txt\t5\t20\n")).is_err());
        assert!(Lexicon::parse(&format!("{header}，\tmultilateralism\tz.txt\t3\t15\te.txt\t5\t20\n")).is_err());
    }
}
