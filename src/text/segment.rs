//! Words of Chinese and Japanese: runs of Han and kana cut into words by ICU's dictionary
//! segmenter, the one browsers ship as `Intl.Segmenter(_, {granularity: "word"})`.
//!
//! Chinese and Japanese are written without spaces, so the Unicode word rules (UAX #29) leave
//! each Han character a word of its own. A run of the characters ICU's Chinese-Japanese
//! dictionary covers ([`is_cj`]: the Han, Hiragana and Katakana scripts and the prolonged sound
//! marks) is cut into words instead:
//!
//! - Natively by ICU's own algorithm, `CjkBreakEngine::divideUpDictionaryRange` of ICU4C's
//!   `dictbe.cpp` (word mode): of all the ways to cut the run (its NFKC form) into dictionary
//!   words, the one of least total cost, where a word costs what ICU's dictionary says, a
//!   character the dictionary lacks 255, and a run of katakana ICU's cost for its length. The
//!   dictionary is ICU's `cjdict`, as compiled into ICU4X's data (`icu_segmenter`, natively
//!   only). ICU4X's own segmenter takes the longest dictionary word at each step instead and
//!   cuts 855 of the 9,713 runs of the Chinese statements of the test corpus differently from
//!   the browsers; this algorithm cuts all of them as Node and Chromium do (ICU 78).
//! - In WebAssembly, the bindings hand in the browser's `Intl.Segmenter` with
//!   [`set_word_segmenter`], so the 2 MB dictionary never reaches the payload. It gives the
//!   tokenizer the word segments of whole statements, in chunks (`src/text/bounds.rs`), so that
//!   `unicode-segmentation`'s tables stay native too; and as it cuts Han and kana into dictionary
//!   words in those segments, a run's words are its segments, with no call of its own. Without one (the core alone on wasm32) each character is a word, as refrain cut
//!   Chinese before it had a segmenter.
//!
//! `tests/fixtures/segmentation.tsv` holds the words of every run of the fixture statements (and
//! of a few harder lines); the native tests, the WebAssembly tests in Node and Chromium and the
//! JavaScript tests check that each build cuts them the same.

/// True for the characters the word segmenter cuts into words: those of ICU's `CjkBreakEngine`,
/// `[[:Han:][:Hiragana:][:Katakana:]\u30fc\uff70\uff9e\uff9f]` (Unicode 17; a test checks the
/// table against the Unicode data of `icu_properties`).
pub(crate) fn is_cj(c: char) -> bool {
    let c = c as u32;
    c >= 0x2E80
        && CJ
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    Less
                } else if lo > c {
                    Greater
                } else {
                    Equal
                }
            })
            .is_ok()
}

use std::cmp::Ordering::{Equal, Greater, Less};

/// The ranges of [`is_cj`], first and last character.
const CJ: [(u32, u32); 38] = [
    (0x2E80, 0x2E99),
    (0x2E9B, 0x2EF3),
    (0x2F00, 0x2FD5),
    (0x3005, 0x3005),
    (0x3007, 0x3007),
    (0x3021, 0x3029),
    (0x3038, 0x303B),
    (0x3041, 0x3096),
    (0x309D, 0x309F),
    (0x30A1, 0x30FA),
    (0x30FC, 0x30FF),
    (0x31F0, 0x31FF),
    (0x32D0, 0x32FE),
    (0x3300, 0x3357),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFA6D),
    (0xFA70, 0xFAD9),
    (0xFF66, 0xFF9F),
    (0x16FE2, 0x16FE3),
    (0x16FF0, 0x16FF6),
    (0x1AFF0, 0x1AFF3),
    (0x1AFF5, 0x1AFFB),
    (0x1AFFD, 0x1AFFE),
    (0x1B000, 0x1B128),
    (0x1B132, 0x1B132),
    (0x1B150, 0x1B152),
    (0x1B155, 0x1B155),
    (0x1B164, 0x1B168),
    (0x1F200, 0x1F200),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B81E),
    (0x2B820, 0x2CEAD),
    (0x2CEB0, 0x2EBE0),
    (0x2EBF0, 0x2EE5D),
    (0x2F800, 0x2FA1D),
    (0x30000, 0x3134A),
    (0x31350, 0x33479),
];

/// Appends to `out` the ends of the words of `run` (a run of [`is_cj`] characters), as byte
/// offsets into `run`, ascending; the last is `run.len()`. Returns false when no segmenter was
/// at hand and each character is a word (on wasm32, where the browser's segments of the text
/// give the words when the bindings hand in its segmenter).
pub(crate) fn word_ends(run: &str, memory: &mut Memory, out: &mut Vec<usize>) -> bool {
    if run.is_empty() {
        return true;
    }
    #[cfg(not(target_arch = "wasm32"))]
    return dictionary::word_ends(run, &mut memory.0, out);
    // In WebAssembly the browser's segmenter has cut the run already (`pieces` in
    // `src/text/mod.rs`); this is the core alone, without one.
    #[cfg(target_arch = "wasm32")]
    {
        let _ = memory;
        each_character(run, out);
        false
    }
}

/// What the word segmenter keeps from run to run while it cuts the runs of one tokenizing:
/// natively, the dictionary after the first characters and pairs of characters met and room
/// for the run being cut (see `dictionary::State`); nothing in WebAssembly. Dropped with the
/// tokenizing, so that memory does not grow with every text a process reads.
#[derive(Default)]
pub(crate) struct Memory(#[cfg(not(target_arch = "wasm32"))] dictionary::State);

/// Each character a word, without a segmenter; the half-width voiced sound marks (U+FF9E,
/// U+FF9F, the only combining characters of a run) stay with the character before them.
fn each_character(run: &str, out: &mut Vec<usize>) {
    for (i, c) in run.char_indices().skip(1) {
        if !matches!(c, '\u{FF9E}' | '\u{FF9F}') {
            out.push(i);
        }
    }
    out.push(run.len());
}

#[cfg(target_arch = "wasm32")]
static HOOK: std::sync::OnceLock<fn(&str) -> Vec<u32>> = std::sync::OnceLock::new();

/// Hands the engine a word segmenter on wasm32: given a text, it returns the UTF-16 offsets at
/// which its word segments start (the bindings pass the browser's `Intl.Segmenter('zh',
/// {granularity: 'word'})`). The tokenizer calls it for the segments of each statement (in
/// chunks that it cannot split itself), which also give the words of the runs of Han and kana.
/// The first call wins.
#[cfg(target_arch = "wasm32")]
pub fn set_word_segmenter(hook: fn(&str) -> Vec<u32>) {
    let _ = HOOK.set(hook);
}

/// The word segmenter set with [`set_word_segmenter`], if any.
#[cfg(target_arch = "wasm32")]
pub(crate) fn hook() -> Option<fn(&str) -> Vec<u32>> {
    HOOK.get().copied()
}

/// The word ends of `run` from the UTF-16 offsets of its words' starts. Offsets that are not
/// ascending, fall inside a character or lie outside the run are left out, so a wrong hook can
/// merge words but never make a span that is not on the text.
pub(super) fn hooked_word_ends(run: &str, starts: &[u32], out: &mut Vec<usize>) {
    let mut next = 0; // the first start not yet reached
    let mut utf16 = 0;
    for (i, c) in run.char_indices() {
        while next < starts.len() && (starts[next] as usize) < utf16 {
            next += 1;
        }
        if next < starts.len() && starts[next] as usize == utf16 && i > 0 {
            out.push(i);
        }
        utf16 += c.len_utf16();
    }
    out.push(run.len());
}

/// ICU's dictionary segmentation of Chinese and Japanese, natively (see the module's
/// documentation).
#[cfg(not(target_arch = "wasm32"))]
mod dictionary {
    use icu_collections::char16trie::{Char16Trie, Char16TrieCursor};
    use icu_provider::prelude::*;
    use icu_segmenter::provider::{Baked, DictionaryBreakData, SegmenterDictionaryAutoV2};
    use rustc_hash::FxHashMap;
    use std::sync::OnceLock;
    use unicode_normalization::char::{canonical_combining_class, decompose_compatible};
    use unicode_normalization::UnicodeNormalization;

    /// The cost of a character that no dictionary word starts with (ICU's `maxSnlp`).
    const UNKNOWN: u32 = 255;
    /// The longest dictionary word looked up, in UTF-16 code units (ICU's `maxWordSize`).
    const MAX_WORD_UNITS: usize = 20;
    /// A run of katakana this long or longer is no candidate word (`kMaxKatakanaGroupLength`).
    const MAX_KATAKANA_GROUP: usize = 20;

    /// ICU's `getKatakanaCost`: the cost of a run of `n` katakana taken as one word.
    fn katakana_cost(n: usize) -> u32 {
        const COST: [u32; 9] = [8192, 984, 408, 240, 204, 252, 300, 372, 480];
        COST.get(n).copied().unwrap_or(8192)
    }

    /// ICU's `isKatakana`.
    fn is_katakana(c: char) -> bool {
        matches!(c as u32, 0x30A1..=0x30FA | 0x30FC..=0x30FE | 0xFF66..=0xFF9F)
    }

    /// ICU's Chinese-Japanese dictionary (`cjdict`): words and their costs.
    fn dictionary() -> Option<&'static Char16Trie<'static>> {
        static TRIE: OnceLock<Option<&'static Char16Trie<'static>>> = OnceLock::new();
        *TRIE.get_or_init(|| {
            let request = DataRequest {
                id: DataIdentifierBorrowed::for_marker_attributes(DataMarkerAttributes::from_str_or_panic("cjdict")),
                ..Default::default()
            };
            match DataProvider::<SegmenterDictionaryAutoV2>::load(&Baked, request).ok()?.payload.get_static()? {
                DictionaryBreakData::Char16Trie(trie) => Some(trie),
                DictionaryBreakData::ZeroTrie { .. } => None,
            }
        })
    }

    /// True for the CJK Unified Ideographs (U+4E00 to U+9FFF): each is its own NFKC and combines
    /// with nothing (a test checks it), so a run of them is in NFKC without a look-up.
    pub(super) fn is_han(c: char) -> bool {
        ('\u{4E00}'..='\u{9FFF}').contains(&c)
    }

    /// True when NFKC may cut before `c`: its decomposition does not start with a combining
    /// mark (in a run of Han and kana, only the half-width voiced sound marks U+FF9E and U+FF9F
    /// attach to the character before them).
    fn boundary_before(c: char) -> bool {
        let mut first = None;
        decompose_compatible(c, |d| {
            first.get_or_insert(d);
        });
        canonical_combining_class(first.unwrap_or(c)) == 0
    }

    /// What the segmenter keeps between the runs of one tokenizing: the dictionary after each first character and each
    /// pair of characters met (stepping from the root searches its branch of some 20,000
    /// characters, and stepping from a first character often one of hundreds: the costliest
    /// steps, the same each time), and room for the run being cut.
    #[derive(Default)]
    pub(crate) struct State {
        firsts: FxHashMap<char, Step>,
        pairs: FxHashMap<u64, Step>,
        chars: Vec<char>,
        from: Vec<usize>,
        best: Vec<u32>,
        last: Vec<usize>,
        words: Vec<(usize, u32)>,
    }

    /// The dictionary after a character: the cursor, the cost of the word that ends there (if
    /// it is one) and whether any longer word goes on from it.
    struct Step {
        cursor: Char16TrieCursor<'static>,
        cost: Option<u32>,
        longer: bool,
    }

    impl Step {
        fn new(mut cursor: Char16TrieCursor<'static>, c: char) -> Step {
            cursor.step(c);
            Step { cost: cursor.value().map(|v| v.max(0) as u32), longer: !cursor.is_empty(), cursor }
        }
    }

    pub(super) fn word_ends(run: &str, state: &mut State, out: &mut Vec<usize>) -> bool {
        let Some(trie) = dictionary() else {
            super::each_character(run, out);
            return false;
        };
        cut(trie, run, state, out);
        true
    }

    fn cut(trie: &'static Char16Trie<'static>, run: &str, state: &mut State, out: &mut Vec<usize>) {
        let State { firsts, pairs, chars, from, best, last, words } = state;
        // The characters ICU cuts: the run's NFKC form, each character with the byte offset in
        // `run` of the piece it comes from, so that a word end always falls between pieces.
        chars.clear();
        from.clear();
        if run.chars().all(is_han) || unicode_normalization::is_nfkc(run) {
            for (i, c) in run.char_indices() {
                chars.push(c);
                from.push(i);
            }
        } else {
            let mut pieces = run.char_indices().peekable();
            while let Some((start, _)) = pieces.next() {
                while pieces.next_if(|&(_, c)| !boundary_before(c)).is_some() {}
                let end = pieces.peek().map_or(run.len(), |&(j, _)| j);
                for c in run[start..end].nfkc() {
                    chars.push(c);
                    from.push(start);
                }
            }
        }
        from.push(run.len());

        // best[i]: the least cost of cutting chars[..i]; last[i]: where its last word starts.
        let n = chars.len();
        best.clear();
        best.resize(n + 1, u32::MAX);
        last.clear();
        last.resize(n + 1, 0);
        best[0] = 0;
        let mut katakana_before = false;
        for i in 0..n {
            // Every position is reached: a one-character step always exists.
            words.clear();
            let first = chars[i];
            let step = firsts.entry(first).or_insert_with(|| Step::new(trie.cursor(), first));
            if let Some(cost) = step.cost {
                words.push((1, cost));
            }
            if let (true, Some(&second)) = (step.longer, chars.get(i + 1)) {
                let key = (first as u64) << 32 | second as u64;
                let step = pairs.entry(key).or_insert_with(|| Step::new(step.cursor.clone(), second));
                if let Some(cost) = step.cost {
                    words.push((2, cost));
                }
                // Two characters are at most four UTF-16 units: longer words may follow.
                let mut units = first.len_utf16() + second.len_utf16();
                if step.longer {
                    let mut cursor = step.cursor.clone();
                    for (k, &c) in chars[i + 2..].iter().enumerate() {
                        cursor.step(c);
                        units += c.len_utf16();
                        if let Some(cost) = cursor.value() {
                            words.push((k + 3, cost.max(0) as u32));
                        }
                        if cursor.is_empty() || units >= MAX_WORD_UNITS {
                            break;
                        }
                    }
                }
            }
            if words.first().map(|w| w.0) != Some(1) {
                words.push((1, UNKNOWN));
            }
            let katakana = is_katakana(chars[i]);
            if katakana && !katakana_before {
                let len =
                    1 + chars[i + 1..].iter().take(MAX_KATAKANA_GROUP - 1).take_while(|&&c| is_katakana(c)).count();
                if len < MAX_KATAKANA_GROUP {
                    words.push((len, katakana_cost(len)));
                }
            }
            katakana_before = katakana;
            for &(len, cost) in words.iter() {
                let total = best[i].saturating_add(cost);
                if total < best[i + len] {
                    best[i + len] = total;
                    last[i + len] = i;
                }
            }
        }

        let start = out.len();
        let mut i = n;
        while i > 0 {
            // A cut inside one piece of the original maps to the piece's start: keep one cut
            // there, and none at the run's start.
            if from[i] > 0 && (out.len() == start || out.last() != Some(&from[i])) {
                out.push(from[i]);
            }
            i = last[i];
        }
        out[start..].reverse();
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn words(run: &str) -> Vec<&str> {
        let mut ends = Vec::new();
        word_ends(run, &mut Memory::default(), &mut ends);
        let mut start = 0;
        ends.iter()
            .map(|&e| {
                let w = &run[start..e];
                start = e;
                w
            })
            .collect()
    }

    #[test]
    fn chinese_words_as_icu_cuts_them() {
        // ICU's dictionary lacks 践行, 构建, 鸿沟 and 共同体 (see docs/DESIGN.md, "Chinese words").
        assert_eq!(words("践行真正的多边主义"), ["践", "行", "真正", "的", "多边", "主义"]);
        assert_eq!(words("构建人类命运共同体"), ["构", "建", "人类", "命运", "共同", "体"]);
        assert_eq!(words("弥合数字鸿沟"), ["弥", "合", "数字", "鸿", "沟"]);
        assert_eq!(words("新型国际关系"), ["新型", "国际", "关系"]);
        assert_eq!(words("全球治理"), ["全球", "治理"]);
        assert_eq!(words("中"), ["中"]);
    }

    #[test]
    fn japanese_and_half_width_katakana() {
        assert_eq!(words("こんにちは世界"), ["こんにちは", "世界"]);
        // Half-width katakana are cut in their NFKC form; a voiced mark stays with its letter.
        let run = "ﾃﾞｰﾀ";
        let w = words(run);
        assert_eq!(w.concat(), run);
        assert!(w.iter().all(|w| !w.starts_with('\u{FF9E}')), "{w:?}");
    }

    #[test]
    fn unified_ideographs_are_their_own_nfkc() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{is_nfkc_quick, IsNormalized};
        for c in '\u{4E00}'..='\u{9FFF}' {
            assert!(dictionary::is_han(c));
            assert_eq!(is_nfkc_quick(std::iter::once(c)), IsNormalized::Yes, "U+{:04X}", c as u32);
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
        }
        assert!(!dictionary::is_han('\u{3400}') && !dictionary::is_han('\u{F900}') && !dictionary::is_han('\u{A000}'));
    }

    #[test]
    fn words_end_on_char_boundaries() {
        for run in ["𠀀𠀁中国", "々人々", "ｶﾞｷﾞｸﾞ", "豈更車", "㌀㌁"] {
            let mut ends = Vec::new();
            word_ends(run, &mut Memory::default(), &mut ends);
            assert_eq!(ends.last(), Some(&run.len()), "{run}");
            assert!(ends.windows(2).all(|w| w[0] < w[1]), "{run}: {ends:?}");
            assert!(ends.iter().all(|&e| e > 0 && run.is_char_boundary(e)), "{run}: {ends:?}");
        }
    }

    #[test]
    fn hooked_offsets_are_checked() {
        let run = "践行𠀀真正";
        let mut ends = Vec::new();
        // UTF-16 starts 0, 1, 2 (𠀀 is two units), 4; then junk: inside 𠀀, past the end, backwards.
        hooked_word_ends(run, &[0, 1, 2, 3, 4, 9, 1], &mut ends);
        assert_eq!(ends, [3, 6, 10, run.len()]);
        ends.clear();
        each_character(run, &mut ends);
        assert_eq!(ends, [3, 6, 10, 13, 16]);
        ends.clear();
        each_character("ｶﾞｷ", &mut ends);
        assert_eq!(ends, [6, 9]);
    }

    /// The table of [`is_cj`] is ICU's set, character by character, in the Unicode data of
    /// `icu_properties`.
    #[test]
    fn the_character_set_is_icus() {
        use icu_properties::props::Script;
        use icu_properties::CodePointMapData;
        let scripts = CodePointMapData::<Script>::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let script = scripts.get(c);
            let want = matches!(script, Script::Han | Script::Hiragana | Script::Katakana)
                || matches!(c, '\u{30FC}' | '\u{FF70}' | '\u{FF9E}' | '\u{FF9F}');
            assert_eq!(is_cj(c), want, "U+{:04X}", c as u32);
        }
    }
}
