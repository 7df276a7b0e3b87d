//! A word's comparison form. The span of the word is never touched here.

use super::lexicon::{DOUBLE_L_STEMS, ISE_KEEP, OUR_STEMS, PLURAL_KEEP, SPELLING};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;
#[cfg(not(target_arch = "wasm32"))]
use unicode_normalization::UnicodeNormalization;

/// What normalization does beyond NFKC, case folding and punctuation variants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Normalization {
    /// British and American spellings compare equal ("centre" = "center", "-ise" = "-ize").
    pub spelling: bool,
    /// Plural and third-person `-s` forms compare equal ("divides" = "divide").
    pub inflection: bool,
}

impl Default for Normalization {
    fn default() -> Normalization {
        Normalization { spelling: true, inflection: true }
    }
}

struct Tables {
    spelling: HashMap<&'static str, &'static str>,
    double_l: HashSet<&'static str>,
    ise_keep: HashSet<&'static str>,
    plural_keep: HashSet<&'static str>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        spelling: SPELLING.iter().copied().collect(),
        double_l: DOUBLE_L_STEMS.iter().copied().collect(),
        ise_keep: ISE_KEEP.iter().copied().collect(),
        plural_keep: PLURAL_KEEP.iter().copied().collect(),
    })
}

/// True for a character that is its own NFKC wherever it stands: its NFKC quick check is Yes
/// and its canonical combining class 0, so that no character before or after it can compose or
/// reorder with it. Only ranges known without tables: ASCII; Latin-1 Supplement and Latin
/// Extended-A but the characters with a compatibility decomposition (NBSP, `¨ ª ¯ ² ³ ´ µ ¸ ¹ º
/// ¼ ½ ¾`, `Ĳ ĳ Ŀ ŀ ŉ ſ`); the dashes and quotation marks `– — ‘ ’ “ ”`; CJK Unified Ideographs
/// and their Extension A. A word made only of them is its own NFKC ([`nfkc`]): most words of
/// English, French and Chinese text, which in WebAssembly then need no call into JavaScript.
/// A test checks every character of these ranges against `unicode-normalization`.
fn is_own_nfkc(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' | '\u{2013}' | '\u{2014}' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' => true,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' => true,
        '\u{A0}' | '\u{A8}' | '\u{AA}' | '\u{AF}' | '\u{B2}'..='\u{B5}' | '\u{B8}'..='\u{BA}' | '\u{BC}'..='\u{BE}' => {
            false
        }
        '\u{132}' | '\u{133}' | '\u{13F}' | '\u{140}' | '\u{149}' | '\u{17F}' => false,
        '\u{A1}'..='\u{17F}' => true,
        _ => false,
    }
}

/// NFKC of a word; a word of [`is_own_nfkc`] characters (ASCII first) is its own NFKC.
/// Natively this is the `unicode-normalization` crate.
#[cfg(not(target_arch = "wasm32"))]
fn nfkc(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() || word.chars().all(is_own_nfkc) {
        return word.into();
    }
    word.nfkc().collect::<String>().into()
}

/// NFKC of a word. In WebAssembly the Unicode tables of `unicode-normalization` would take
/// 66 KB of the 150 KB gzip budget, so the bindings hand in the JavaScript engine's own NFKC
/// (`String.prototype.normalize("NFKC")`, the same algorithm from Unicode's data); the
/// WebAssembly tests check that both give the same comparison forms. Without a hook (the
/// core used alone on wasm32), only ASCII and a small fold of full-width forms and ligatures
/// are normalized.
#[cfg(target_arch = "wasm32")]
fn nfkc(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() || word.chars().all(is_own_nfkc) {
        return word.into();
    }
    match NFKC_HOOK.get() {
        Some(hook) => hook(word).into(),
        None => word
            .chars()
            .flat_map(|c| {
                let folded: &[char] = match c {
                    '\u{FB00}' => &['f', 'f'],
                    '\u{FB01}' => &['f', 'i'],
                    '\u{FB02}' => &['f', 'l'],
                    '\u{FB03}' => &['f', 'f', 'i'],
                    '\u{FB04}' => &['f', 'f', 'l'],
                    _ => &[],
                };
                let wide = ('\u{FF01}'..='\u{FF5E}').contains(&c).then(|| char::from_u32(c as u32 - 0xFEE0)).flatten();
                folded.iter().copied().chain(if folded.is_empty() { Some(wide.unwrap_or(c)) } else { None })
            })
            .collect::<String>()
            .into(),
    }
}

#[cfg(target_arch = "wasm32")]
static NFKC_HOOK: std::sync::OnceLock<fn(&str) -> String> = std::sync::OnceLock::new();

/// Hands the engine an NFKC function on wasm32 (the bindings pass the JavaScript engine's).
/// The first call wins.
#[cfg(target_arch = "wasm32")]
pub fn set_nfkc(hook: fn(&str) -> String) {
    let _ = NFKC_HOOK.set(hook);
}

/// True for characters that NFKC keeps but that carry no letter: soft hyphen, zero-width
/// spaces and joiners, word joiner, byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// True for apostrophe-like characters.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' | '\u{FF07}')
}

/// True for hyphen-like characters that join the parts of a word.
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{00AD}' | '\u{FE63}' | '\u{FF0D}')
}

/// The comparison form of one word as written: NFKC, lower case, apostrophes and hyphens
/// removed (a possessive `'s` dropped), then spelling and inflection when enabled.
///
/// ```
/// use refrain::text::{normalize_word, Normalization};
/// let n = Normalization::default();
/// assert_eq!(normalize_word("Centres", n), "center");
/// assert_eq!(normalize_word("ﬁnance", n), "finance");
/// assert_eq!(normalize_word("UN’s", n), "un");
/// assert_eq!(normalize_word("Organisations", n), "organization");
/// assert_eq!(normalize_word("ＵＮ", n), "un");
/// ```
pub fn normalize_word(word: &str, n: Normalization) -> String {
    let mut s = String::with_capacity(word.len());
    normalize_to(word, n, &mut s);
    s
}

/// [`normalize_word`] into `s` (cleared first), which the tokenizer re-uses from word to word.
pub(crate) fn normalize_to(word: &str, n: Normalization, s: &mut String) {
    s.clear();
    if word.is_ascii() {
        // What the loop below does to ASCII, which is its own NFKC.
        for b in word.bytes() {
            match b {
                b'\'' | b'`' => s.push('\''),
                b'-' => {}
                _ => s.push(b.to_ascii_lowercase() as char),
            }
        }
    } else {
        for c in nfkc(word).chars() {
            if is_invisible(c) {
                continue;
            }
            if is_apostrophe(c) {
                s.push('\'');
            } else if is_hyphen(c) {
                // Compounds compare as one word: "anti-fascist" = "anti- fascist" = "antifascist".
            } else if c == 'ς' {
                s.push('σ');
            } else {
                s.extend(c.to_lowercase());
            }
        }
    }
    if s.ends_with("'s") {
        s.truncate(s.len() - 2);
    }
    if s.contains('\'') {
        s.retain(|c| c != '\'');
    }
    if !s.bytes().all(|b| b.is_ascii_lowercase()) || s.len() < 3 {
        return;
    }
    if n.inflection {
        singular(s);
    }
    if n.spelling {
        american(s);
    }
}

fn american(s: &mut String) {
    let t = tables();
    if let Some(us) = t.spelling.get(s.as_str()) {
        s.clear();
        s.push_str(us);
        return;
    }
    // Each stem ends in "our", which becomes "or".
    if s.as_bytes().windows(3).any(|w| w == b"our") {
        if let Some(stem) = OUR_STEMS.iter().find(|stem| s.starts_with(*stem)) {
            s.replace_range(stem.len() - 3..stem.len(), "or");
            return;
        }
    }
    // A stem, a doubled l and one of these endings: the l is not doubled.
    for suffix in ["led", "ling", "ler", "lers"] {
        if let Some(stem) = s.strip_suffix(suffix) {
            if t.double_l.contains(stem) {
                s.remove(stem.len());
                return;
            }
        }
    }
    // -ise/-yse family: organise, organised, organises, organising, organisation(s), organiser(s).
    for (from, to) in [
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("isers", "izers"),
        ("iser", "izer"),
        ("ise", "ize"),
        ("ysing", "yzing"),
        ("ysed", "yzed"),
        ("yses", "yzes"),
        ("yse", "yze"),
    ] {
        if let Some(stem) = s.strip_suffix(from) {
            if stem.len() < 3 {
                return;
            }
            let base = format!("{stem}{}", if from.starts_with('y') { "yse" } else { "ise" });
            if t.ise_keep.contains(base.as_str()) || base.ends_with("wise") {
                return;
            }
            s.truncate(stem.len());
            s.push_str(to);
            return;
        }
    }
}

fn singular(s: &mut String) {
    if s.len() < 4 || !s.ends_with('s') || tables().plural_keep.contains(s.as_str()) {
        return;
    }
    if s.ends_with("ies") && !s.ends_with("eies") && !s.ends_with("aies") {
        s.truncate(s.len() - 3);
        s.push('y');
    } else if s.ends_with("sses")
        || s.ends_with("ches")
        || s.ends_with("shes")
        || s.ends_with("xes")
        || s.ends_with("zzes")
    {
        s.truncate(s.len() - 2);
    } else {
        // "divides" -> "divide", "nations" -> "nation"; not "toes", "status", "class", "basis".
        let keep = if s.ends_with("es") {
            ["aes", "ees", "oes"].iter().any(|e| s.ends_with(e))
        } else {
            ["us", "ss", "is"].iter().any(|e| s.ends_with(e))
        };
        if !keep {
            s.truncate(s.len() - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let n = Normalization::default();
        let raw = Normalization { spelling: false, inflection: false };
        let cases: &[(&str, Normalization, &str)] = &[
            ("Multilateralism", n, "multilateralism"),
            ("divides", n, "divide"),
            ("divide", n, "divide"),
            ("games", n, "game"),
            ("countries", n, "country"),
            ("processes", n, "process"),
            ("process", n, "process"),
            ("crises", n, "crise"),
            ("news", n, "news"),
            ("centre", n, "center"),
            ("Centre", raw, "centre"),
            ("labour", n, "labor"),
            ("neighbouring", n, "neighboring"),
            ("organise", n, "organize"),
            ("organised", n, "organized"),
            ("Organisation", n, "organization"),
            ("prioritising", n, "prioritizing"),
            ("otherwise", n, "otherwise"),
            ("compromise", n, "compromise"),
            ("enterprises", n, "enterprise"),
            ("analyse", n, "analyze"),
            ("analyses", n, "analyze"),
            ("travelled", n, "traveled"),
            ("practise", n, "practice"),
            ("practises", n, "practice"),
            ("defence", n, "defense"),
            ("UN’s", n, "un"),
            ("China's", n, "china"),
            ("don’t", n, "dont"),
            ("ﬁnance", n, "finance"),
            ("ＡＢＣ", n, "abc"),
            ("Anti-Fascist", n, "antifascist"),
            ("inter\u{00AD}national", n, "international"),
            ("ΟΔΟΣ", n, "οδοσ"),
            ("e\u{0301}tat", n, "état"),
            ("命", n, "命"),
            ("is", n, "is"),
            ("this", n, "this"),
        ];
        for (word, norm, want) in cases {
            assert_eq!(normalize_word(word, *norm), *want, "normalizing {word:?}");
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod shared_table {
    use super::*;

    /// Every character `is_own_nfkc` accepts is its own NFKC by `unicode-normalization`, with
    /// quick check Yes and combining class 0; and each one it turns away in the ranges it knows
    /// is not (so the exceptions are exactly the characters that need the tables).
    #[test]
    fn own_nfkc_characters_are_their_own_nfkc() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{is_nfkc_quick, IsNormalized};
        let mut accepted = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let own = c.to_string().nfkc().eq([c])
                && is_nfkc_quick([c].into_iter()) == IsNormalized::Yes
                && canonical_combining_class(c) == 0;
            if is_own_nfkc(c) {
                accepted += 1;
                assert!(own, "{c:?} (U+{:04X}) is not its own NFKC", c as u32);
            } else if ('\u{A0}'..='\u{17F}').contains(&c) {
                assert!(!own, "{c:?} (U+{:04X}) is its own NFKC: accept it", c as u32);
            }
        }
        assert!(accepted > 27_000, "{accepted}");
        // Words of them, in every language the corpus holds, come back unchanged.
        for word in ["Genève", "Łódź", "naïveté", "world’s", "多边主义", "Œuvre", "¿qué"] {
            assert!(word.chars().all(is_own_nfkc), "{word}");
            assert_eq!(nfkc(word), word.nfkc().collect::<String>());
        }
        for word in ["ﬁnance", "ＵＮ", "ĳs", "e\u{0301}tat", "²", "\u{3000}"] {
            assert!(!word.chars().all(is_own_nfkc), "{word}");
        }
    }

    /// `tests/fixtures/normalization.tsv` pins the comparison forms of tricky words; the
    /// WebAssembly tests (`tests/js/wasm.test.mjs`) check the browser build gives the same.
    #[test]
    fn the_shared_table_holds_natively() {
        let table = include_str!("../../tests/fixtures/normalization.tsv");
        for line in table.lines().filter(|l| !l.is_empty()) {
            let (word, want) = line.split_once('\t').expect("word TAB norm");
            assert_eq!(normalize_word(word, Normalization::default()), want, "{word:?}");
        }
    }
}
