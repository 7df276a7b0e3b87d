//! Word segments and graphemes for the WebAssembly build, without Unicode tables; and the
//! splitting of plain text, for both builds.
//!
//! Natively the tokenizer takes its word segments and graphemes from `unicode-segmentation`
//! (UAX #29), except in chunks of plain characters (see below), which it splits itself
//! ([`plain_segments`], several times faster). Its tables cost the browser payload about 20 KB
//! gzip, and the browser ships the same rules, so in WebAssembly:
//!
//! - the word segments are the browser's: `Intl.Segmenter('zh', {granularity: 'word'})`, handed
//!   in by the bindings (`set_word_segmenter`); [`segmented`] calls it once per chunk of about a
//!   kilobyte of a statement, cut where a word always ends, and turns the UTF-16 starts it gives
//!   into segments of the text; a chunk made only of plain characters (ASCII, Latin-1, Latin
//!   Extended-A and a few punctuation marks: see [`Plain`]) it splits itself by the UAX #29 rules
//!   for them ([`plain_word_ends`]), without a call (most chunks of English or French text);
//! - without the bindings (the core alone on wasm32), [`fallback`] splits the text: a word is a
//!   run of letters and digits with the marks that extend them, joined across UAX #29's
//!   MidLetter and MidNum characters; each Han, kana or Hangul character is a segment of its own;
//! - [`graphemes`] cuts a segment into characters with the marks that extend them, as far as the
//!   tokenizer needs: it looks at graphemes only in segments that hold Han, kana or Hangul.
//!
//! `tests/segmentation.rs` checks, natively, that the browser's segments and these graphemes give
//! the native tokens on every statement of the shared corpus, and that these graphemes are
//! `unicode-segmentation`'s on every Chinese, Japanese or Korean segment of it and on harder
//! strings; that plain chunks split as UAX #29 splits them, and that the native tokens are those
//! of `unicode-segmentation`'s segments of the whole text; `tests/wasm_node.rs` checks the
//! fallback.

/// How long a piece of text the word segmenter is given at most, in bytes, before it is cut at
/// the next place where a word always ends ([`chunks`]). `Intl.Segmenter` takes time that grows
/// with the square of its text's length for Chinese (in Node 20, 2 to 3 s for a statement of
/// 33,000 characters, 30 ms for the same cut into lines).
pub const CHUNK: usize = 1024;

/// The word segments of `text`, as `(byte offset, segment)`, from a word segmenter that gives
/// the UTF-16 offsets at which the segments of a string start. It is given `text` in
/// [`chunks`] of about `limit` bytes; offsets that are not ascending, fall inside a character
/// or lie outside the chunk are left out, so a wrong segmenter can merge segments but never
/// make one that does not lie on the text's characters.
pub fn segmented<'t>(
    text: &'t str,
    limit: usize,
    segmenter: &mut dyn FnMut(&str) -> Vec<u32>,
) -> impl Iterator<Item = (usize, &'t str)> {
    let mut ends = Vec::new();
    let mut chunk_ends = Vec::new();
    for (at, chunk) in chunks(text, limit) {
        chunk_ends.clear();
        if !plain_word_ends(chunk, &mut chunk_ends) {
            chunk_ends.clear();
            super::segment::hooked_word_ends(chunk, &segmenter(chunk), &mut chunk_ends);
        }
        ends.extend(chunk_ends.iter().map(|&e| at + e));
    }
    join_mids(text, &mut ends);
    ends.into_iter().scan(0, move |from, end| {
        let start = std::mem::replace(from, end);
        Some((start, &text[start..end]))
    })
}

/// The Word_Break property (UAX #29) of the characters [`plain_word_ends`] splits, `None` for
/// any other character. Plain are: tab, line feed, carriage return and the printable ASCII
/// characters; U+00A0 to U+017F (Latin-1 Supplement and Latin Extended-A) except the soft hyphen
/// U+00AD (Format); the em space U+2003; and `– — ― ‘ ’ “ ” … €`. Among them UAX #29 knows only
/// these classes: no Extend, Format or ZWJ character (which rule WB4 skips), no Hebrew letter,
/// katakana, ideograph or regional indicator. `tests/segmentation.rs` checks, for every plain
/// character, that UAX #29 splits it as its class.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Plain {
    /// ALetter: the letters (ASCII, `ª µ º`, `À`-`ÿ` but `× ÷`, Latin Extended-A) and the
    /// cedilla `¸`, which UAX #29 counts among them.
    Letter,
    /// Numeric: the ASCII digits.
    Numeric,
    /// WSegSpace: the space and the em space.
    Space,
    /// MidLetter: `:` and `·`.
    MidLetter,
    /// MidNumLet and Single_Quote: `.`, `‘`, `’` and `'`.
    MidNumLetQ,
    /// MidNum: `,` and `;`.
    MidNum,
    /// ExtendNumLet: `_`.
    ExtendNumLet,
    Cr,
    Lf,
    /// Any other plain character: tab, NBSP, the other punctuation and symbols (`"` is
    /// Double_Quote, which matters only next to Hebrew letters).
    Other,
}

fn plain(c: char) -> Option<Plain> {
    use Plain::*;
    if c.is_ascii() {
        return ASCII[c as usize];
    }
    Some(match c {
        '\u{2003}' => Space,
        '\u{B7}' => MidLetter,
        '\u{2018}' | '\u{2019}' => MidNumLetQ,
        '\u{AD}' => return None,
        '\u{A0}'..='\u{17F}' if c.is_alphabetic() => Letter,
        '\u{B8}' => Letter,
        '\u{A0}'..='\u{17F}' => Other,
        '\u{2013}'..='\u{2015}' | '\u{201C}' | '\u{201D}' | '\u{2026}' | '\u{20AC}' => Other,
        _ => return None,
    })
}

/// [`plain`] of the ASCII characters, looked up: most characters of most chunks are ASCII.
const ASCII: [Option<Plain>; 128] = {
    const fn class(b: u8) -> Option<Plain> {
        use Plain::*;
        Some(match b {
            b'a'..=b'z' | b'A'..=b'Z' => Letter,
            b'0'..=b'9' => Numeric,
            b' ' => Space,
            b':' => MidLetter,
            b'.' | b'\'' => MidNumLetQ,
            b',' | b';' => MidNum,
            b'_' => ExtendNumLet,
            b'\r' => Cr,
            b'\n' => Lf,
            b'\t' | b'!'..=b'~' => Other,
            _ => return None,
        })
    }
    let mut table = [None; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = class(b as u8);
        b += 1;
    }
    table
};

/// True when UAX #29 keeps `b` and `c` in one word, `b2` before them and `c2()` after (rules
/// WB3 to WB13b, for the plain classes).
fn plain_joins(b2: Option<Plain>, b: Plain, c: Plain, c2: impl FnOnce() -> Option<Plain>) -> bool {
    use Plain::*;
    match (b, c) {
        (Cr, Lf) => true,                                                                           // WB3
        (Cr | Lf, _) | (_, Cr | Lf) => false,                                                       // WB3a, WB3b
        (Space, Space) => true,                                                                     // WB3d
        (Letter | Numeric, Letter | Numeric) => true,                                               // WB5, WB8-WB10
        (Letter | Numeric | ExtendNumLet, ExtendNumLet) | (ExtendNumLet, Letter | Numeric) => true, // WB13a, WB13b
        (Letter, MidLetter | MidNumLetQ) => c2() == Some(Letter),                                   // WB6
        (MidLetter | MidNumLetQ, Letter) => b2 == Some(Letter),                                     // WB7
        (Numeric, MidNum | MidNumLetQ) => c2() == Some(Numeric),                                    // WB12
        (MidNum | MidNumLetQ, Numeric) => b2 == Some(Numeric),                                      // WB11
        _ => false,                                                                                 // WB999
    }
}

/// Appends to `out` the ends of the word segments of `text`, as UAX #29 cuts them, when every
/// character of `text` is plain (see [`Plain`]), and returns true; otherwise returns false
/// (and `out` may hold some ends). The WebAssembly build splits such chunks itself rather than
/// ask the browser's segmenter: English and most Latin text.
pub fn plain_word_ends(text: &str, out: &mut Vec<usize>) -> bool {
    plain_segments(text, |_, end| out.push(end))
}

/// Calls `segment(start, end)` for each word segment of `text`, in order, as UAX #29 cuts them,
/// when every character of `text` is plain (see [`Plain`]), and returns true; otherwise returns
/// false (having called it for some segments, or none).
pub(super) fn plain_segments(text: &str, segment: impl FnMut(usize, usize)) -> bool {
    segments_of(text, plain, segment)
}

/// Natively, the classes of the characters of Chinese text that UAX #29 splits as it splits
/// plain ones: the CJK Unified Ideographs (class Other: each is a word segment of its own), the
/// ideographic space, the full-width comma, semicolon and colon, and the Chinese punctuation
/// `。、！？（）《》〈〉「」『』【】〔〕`; and the plain characters. `tests/segmentation.rs`
/// checks, for every such character, that UAX #29 splits it as its class.
#[cfg(not(target_arch = "wasm32"))]
fn plain_or_chinese(c: char) -> Option<Plain> {
    use Plain::*;
    Some(match c {
        '\u{4E00}'..='\u{9FFF}' => Other,
        '\u{3000}' => Space,
        '，' | '；' => MidNum,
        '：' => MidLetter,
        '。' | '、' | '！' | '？' | '（' | '）' | '《' | '》' | '〈' | '〉' | '「' | '」' | '『' | '』' | '【'
        | '】' | '〔' | '〕' => Other,
        _ => return plain(c),
    })
}

/// Natively, [`plain_segments`] of a chunk whose characters are plain or Chinese (see
/// [`plain_or_chinese`]): most chunks of Chinese text, which `unicode-segmentation` splits more
/// slowly.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn chinese_segments(text: &str, segment: impl FnMut(usize, usize)) -> bool {
    segments_of(text, plain_or_chinese, segment)
}

/// [`plain_word_ends`] with the Chinese characters of [`chinese_segments`] too, natively: for
/// the tests.
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub fn chinese_word_ends(text: &str, out: &mut Vec<usize>) -> bool {
    chinese_segments(text, |_, end| out.push(end))
}

/// [`plain_segments`] with the classes of `classify`.
#[inline(always)]
fn segments_of(
    text: &str,
    classify: impl Fn(char) -> Option<Plain> + Copy,
    mut segment: impl FnMut(usize, usize),
) -> bool {
    let bytes = text.as_bytes();
    if text.is_empty() {
        return true;
    }
    // The classes of the two characters before the place looked at (`b2`, `b`) and of the one
    // after it (`c`, at `i`); where the segment being read starts. Every character but the
    // first is a `c` once (or an ASCII letter or digit skipped), so each is checked to be plain.
    let Some((mut b, mut i)) = class_at(text, 0, classify) else { return false };
    let mut b2 = None;
    let mut start = 0;
    while i < bytes.len() {
        // Letters and digits are one word (WB5, WB8 to WB10): skip those of ASCII.
        if matches!(b, Plain::Letter | Plain::Numeric) && bytes[i].is_ascii_alphanumeric() {
            let from = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let class = |b: u8| if b.is_ascii_digit() { Plain::Numeric } else { Plain::Letter };
            b2 = Some(if i - from >= 2 { class(bytes[i - 2]) } else { b });
            b = class(bytes[i - 1]);
            if i == bytes.len() {
                break;
            }
        }
        let Some((c, len)) = class_at(text, i, classify) else { return false };
        // The class of the character after `c` (None at the end, or where it is not plain: it
        // is looked at as `c` next).
        let c2 = || (i + len < bytes.len()).then(|| class_at(text, i + len, classify)).flatten().map(|x| x.0);
        if !plain_joins(b2, b, c, c2) {
            segment(start, i);
            start = i;
        }
        (b2, b) = (Some(b), c);
        i += len;
    }
    segment(start, text.len());
    true
}

/// The class of the character of `text` at byte `i` and its length in bytes, when it is plain
/// (by `classify`, which is [`plain`] for ASCII).
#[inline(always)]
fn class_at(text: &str, i: usize, classify: impl Fn(char) -> Option<Plain>) -> Option<(Plain, usize)> {
    match text.as_bytes()[i] {
        b @ 0..=0x7F => ASCII[b as usize].map(|p| (p, 1)),
        _ => class_beyond_ascii(text, i, classify),
    }
}

#[inline(never)]
fn class_beyond_ascii(text: &str, i: usize, classify: impl Fn(char) -> Option<Plain>) -> Option<(Plain, usize)> {
    let c = text[i..].chars().next()?;
    classify(c).map(|p| (p, c.len_utf8()))
}

/// Joins segments that a single middle character separates, where the Unicode word rules join
/// them ([`joins_across`]): Chromium's ICU breaks words at `.` and `:` between letters ("U.S",
/// "example.org", "a:b"), as UAX #29, ICU itself, Node and the native build do not. `ends` are
/// the segments' ends, ascending.
fn join_mids(text: &str, ends: &mut Vec<usize>) {
    let mut out: Vec<usize> = Vec::with_capacity(ends.len());
    let mut i = 0;
    while i < ends.len() {
        let start = out.last().copied().unwrap_or(0);
        let end = ends[i];
        // A segment of one character, after a segment and before another.
        if let (Some(&before_end), Some(&after_end)) = (out.last(), ends.get(i + 1)) {
            let mid = &text[start..end];
            let mut mid_chars = mid.chars();
            let before = text[..before_end].chars().rev().find(|&b| !is_extend(b));
            let after = text[end..after_end].chars().next();
            if let (Some(m), None, Some(b), Some(a)) = (mid_chars.next(), mid_chars.next(), before, after) {
                if joins_across(b, m, a) {
                    *out.last_mut().expect("a segment before") = after_end;
                    i += 2;
                    continue;
                }
            }
        }
        out.push(end);
        i += 1;
    }
    *ends = out;
}

/// `text` cut into pieces of at least `limit` bytes (the last may be shorter), as `(byte
/// offset, piece)`, each cut at the first place after `limit` bytes where the Unicode word rules
/// (UAX #29, and ICU's) always end a word, whatever comes before and after: after a line feed,
/// and between a space, an ideographic space or one of `。，、；！？` and a letter or digit of
/// ASCII, a Han or kana character that starts a word or a Hangul syllable; but not between `，`
/// or `；` and a digit (they are MidNum: "1，000" is one word). With `limit` 0 it cuts at every
/// such place.
pub fn chunks(text: &str, limit: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &text[at..];
        if rest.is_empty() {
            return None;
        }
        // The first place looked at: the first character boundary at or after `limit` (and 1).
        let from = (limit.max(1)..rest.len()).find(|&i| rest.is_char_boundary(i)).unwrap_or(rest.len());
        let mut before = rest[..from].chars().next_back();
        let mut end = rest.len();
        for (i, c) in rest[from..].char_indices() {
            if before.is_some_and(|b| word_ends_between(b, c)) {
                end = from + i;
                break;
            }
            before = Some(c);
        }
        let chunk = (at, &rest[..end]);
        at += end;
        Some(chunk)
    })
}

/// True when a word always ends between `before` and `c` (see [`chunks`]).
fn word_ends_between(before: char, c: char) -> bool {
    before == '\n'
        || matches!(before, ' ' | '\u{3000}' | '。' | '，' | '、' | '；' | '！' | '？')
            && (c.is_ascii_alphabetic()
                || c.is_ascii_digit() && !matches!(before, '，' | '；')
                || super::segment::is_cj(c) && !matches!(c, '\u{FF9E}' | '\u{FF9F}')
                || matches!(c, '\u{AC00}'..='\u{D7A3}'))
}

/// The word segments of `text` without a word segmenter, as `(byte offset, segment)`: a word is
/// a maximal run of letters, digits (not Han, kana or Hangul) and connectors (`_`) with the
/// characters that extend them ([`graphemes`]), joined across one of `' ’ . : ·` between two letters and one of
/// `' ’ . , ;` between two digits (UAX #29's MidLetter, MidNumLet and MidNum, in short); each
/// Han, kana or Hangul character is a segment, and so is every other character; characters that
/// extend another stay with it.
#[cfg(any(target_arch = "wasm32", test))]
pub fn fallback(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &text[at..];
        let first = rest.chars().next()?;
        let mut end = grapheme_len(rest);
        if is_word_char(first) {
            loop {
                let tail = &rest[end..];
                let mut chars = tail.chars();
                let Some(c) = chars.next() else { break };
                if is_word_char(c) {
                    end += grapheme_len(tail);
                    continue;
                }
                // A middle character between two letters or two digits.
                let before = rest[..end].chars().rev().find(|&b| !is_extend(b)).unwrap_or(first);
                let mid = chars.next().is_some_and(|after| joins_across(before, c, after));
                if !mid {
                    break;
                }
                end += c.len_utf8() + grapheme_len(&tail[c.len_utf8()..]);
            }
        }
        let segment = (at, &rest[..end]);
        at += end;
        Some(segment)
    })
}

/// True when `mid` between `before` and `after` joins them into one word: one of `' ’ . : ·`
/// between two letters, one of `' ’ . , ;` between two digits (UAX #29's MidLetter, MidNumLet
/// and MidNum, in short; not Han, kana or Hangul).
fn joins_across(before: char, mid: char, after: char) -> bool {
    let letter = |x: char| x.is_alphabetic() && !is_cjk(x);
    if letter(before) && letter(after) {
        matches!(mid, '\'' | '’' | '.' | ':' | '·')
    } else if before.is_numeric() && after.is_numeric() {
        matches!(mid, '\'' | '’' | '.' | ',' | ';')
    } else {
        false
    }
}

/// A letter or digit of a script written with spaces, or a connector such as `_` (UAX #29's
/// ExtendNumLet): what the fallback joins into words.
#[cfg(any(target_arch = "wasm32", test))]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
        || matches!(
            c,
            '_' | '\u{202F}' | '\u{203F}' | '\u{2040}' | '\u{2054}' | '\u{FE33}' | '\u{FE34}' | '\u{FE4D}'
                ..='\u{FE4F}' | '\u{FF3F}'
        )
}

/// Han, kana or Hangul: each is a segment of its own in the fallback.
fn is_cjk(c: char) -> bool {
    super::segment::is_cj(c) || super::is_ideograph(c)
}

/// The graphemes of `s` as `(byte offset, grapheme)`: a character and the characters that
/// extend it. Extending are U+200D ZERO WIDTH JOINER and, after it, a character that is not a
/// letter or digit (an emoji); the variation selectors; the combining marks of the blocks
/// U+0300-036F, 1AB0-1AFF, 1DC0-1DFF, 20D0-20FF and FE20-FE2F; the kana voiced sound marks
/// U+3099-309A and FF9E-FF9F; the emoji skin-tone modifiers and tag characters; and the Hangul
/// jamo that continue a syllable (leading consonant, vowel, trailing consonant); a line feed
/// after a carriage return, and nothing else after or before a control character. This is UAX #29's extended grapheme cluster for the text the
/// tokenizer cuts into graphemes (segments with Han, kana or Hangul); it does not join regional
/// indicator pairs (flags), prepended characters or the spacing marks of other scripts.
pub fn graphemes(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let len = grapheme_len(&s[at..]);
        (len > 0).then(|| {
            let g = (at, &s[at..at + len]);
            at += len;
            g
        })
    })
}

/// The length in bytes of the first grapheme of `s` (see [`graphemes`]); 0 when `s` is empty.
fn grapheme_len(s: &str) -> usize {
    let mut chars = s.char_indices();
    let Some((_, mut before)) = chars.next() else { return 0 };
    for (i, c) in chars {
        let joined = if before.is_control() || c.is_control() {
            before == '\r' && c == '\n'
        } else {
            is_extend(c) || before == '\u{200D}' && !c.is_alphanumeric() || hangul_joins(before, c)
        };
        if !joined {
            return i;
        }
        before = c;
    }
    s.len()
}

/// The characters that extend the one before them (see [`graphemes`]).
fn is_extend(c: char) -> bool {
    matches!(c as u32,
        0x200D | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF | 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x3099..=0x309A | 0xFF9E..=0xFF9F | 0x1F3FB..=0x1F3FF
        | 0xE0020..=0xE007F)
}

/// True when Hangul `c` continues the syllable that `before` ends (UAX #29's GB6-GB8): a leading
/// consonant takes another, a vowel or a syllable; a vowel or a syllable without a final takes a
/// vowel or a trailing consonant; a trailing consonant or a syllable with one takes another.
fn hangul_joins(before: char, c: char) -> bool {
    use Jamo::*;
    matches!(
        (jamo(before), jamo(c)),
        (Some(L), Some(L | V | Lv | Lvt)) | (Some(Lv | V), Some(V | T)) | (Some(Lvt | T), Some(T))
    )
}

/// The Hangul syllable types (Unicode's `Hangul_Syllable_Type`).
#[derive(Clone, Copy)]
enum Jamo {
    L,
    V,
    T,
    Lv,
    Lvt,
}

fn jamo(c: char) -> Option<Jamo> {
    Some(match c as u32 {
        0x1100..=0x115F | 0xA960..=0xA97C => Jamo::L,
        0x1160..=0x11A7 | 0xD7B0..=0xD7C6 => Jamo::V,
        0x11A8..=0x11FF | 0xD7CB..=0xD7FB => Jamo::T,
        s @ 0xAC00..=0xD7A3 if (s - 0xAC00) % 28 == 0 => Jamo::Lv,
        0xAC00..=0xD7A3 => Jamo::Lvt,
        _ => return None,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// Strings whose graphemes the tokenizer may meet; each must cut as UAX #29 cuts it.
    const TRICKY: &[&str] = &[
        "👩\u{200D}👩\u{200D}👧 家庭",
        "中👍🏽国🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}人",
        "❤\u{FE0F}中国\u{FE0F}",
        "a\u{200D}b 中\u{200D}国",
        "cafe\u{0301} e\u{0301}\u{0308}tat 人\u{0301}民 x\u{1AB0}\u{1DC0}\u{20DD}\u{FE20}",
        "1\u{FE0F}\u{20E3} 真正\u{FE00}的 𠀀\u{E0100}",
        "多边\u{00A0}主义\u{3000}全球",
        "\u{1100}\u{1161}\u{11A8} \u{1100}\u{1100}\u{1161} \u{AC00}\u{11A8} 한국\u{D7B0}어 \u{AC00}\u{D7B0}\u{D7CB}",
        "\u{1100}\u{AC01}\u{11A8}\u{11A8} \u{11A8}\u{1161} a\u{1161} \u{A960}\u{1160}",
        "か\u{3099}き\u{309A} ﾃﾞｰﾀ ｶﾞ",
        "ＷＴＯ改革 2020年 Привет мир مرحبا",
        "\r\n \t\n\u{0301}\r\r\n",
    ];

    fn ours(s: &str) -> Vec<(usize, &str)> {
        graphemes(s).collect()
    }

    #[test]
    fn graphemes_are_uax29s_on_tricky_strings() {
        for s in TRICKY {
            let want: Vec<(usize, &str)> = s.grapheme_indices(true).collect();
            assert_eq!(ours(s), want, "graphemes of {s:?}");
        }
        assert_eq!(ours(""), []);
    }

    #[test]
    fn the_fallback_keeps_words_numbers_and_contractions_whole() {
        let segments = |s: &'static str| -> Vec<&'static str> { fallback(s).map(|(_, w)| w).collect() };
        assert_eq!(
            segments("don't stop the UN’s 1.5 3,000 U.S. a:b"),
            ["don't", " ", "stop", " ", "the", " ", "UN’s", " ", "1.5", " ", "3,000", " ", "U.S", ".", " ", "a:b"]
        );
        assert_eq!(
            segments("2017-2024 1:2 a,b 3.x"),
            ["2017", "-", "2024", " ", "1", ":", "2", " ", "a", ",", "b", " ", "3", ".", "x"]
        );
        assert_eq!(
            segments("cafe\u{0301}s 中国2020年 한국어"),
            ["cafe\u{0301}s", " ", "中", "国", "2020", "年", " ", "한", "국", "어"]
        );
        assert_eq!(segments("人\u{0301}民 🌍\u{FE0F}!"), ["人\u{0301}", "民", " ", "🌍\u{FE0F}", "!"]);
        // The offsets are the segments' own.
        let text = "a 𝐀b, c";
        for (at, segment) in fallback(text) {
            assert_eq!(&text[at..at + segment.len()], segment);
        }
    }

    #[test]
    fn segments_from_starts_cover_the_text() {
        let text = "践行 𠀀真正";
        // UTF-16 starts 0, 2, 3 (𠀀 is two units), 5; then junk: inside 𠀀, past the end, backwards.
        let mut junk = |_: &str| vec![0, 2, 3, 4, 5, 9, 1];
        let segments: Vec<(usize, &str)> = segmented(text, CHUNK, &mut junk).collect();
        assert_eq!(segments, [(0, "践行"), (6, " "), (7, "𠀀"), (11, "真正")]);
        assert_eq!(segmented("", CHUNK, &mut junk).count(), 0);
        assert_eq!(segmented("ab", CHUNK, &mut |_| vec![]).collect::<Vec<_>>(), [(0, "ab")]);
        // Each chunk's offsets are its own.
        let mut each_char = |chunk: &str| (0..chunk.encode_utf16().count() as u32).collect();
        let segments: Vec<&str> = segmented("a b\n中", 0, &mut each_char).map(|(_, s)| s).collect();
        assert_eq!(segments, ["a", " ", "b", "\n", "中"]);
        // Chromium's segments of "U.S. e.g. a:b 3.5 x.1": words joined across `.` and `:` again.
        let text = "U.S. e.g. a:b 3.5 x.1";
        let chromium = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 17, 18, 19, 20];
        let segments: Vec<&str> = segmented(text, CHUNK, &mut |_| chromium.to_vec()).map(|(_, s)| s).collect();
        assert_eq!(segments, ["U.S", ".", " ", "e.g", ".", " ", "a:b", " ", "3.5", " ", "x", ".", "1"]);
    }

    #[test]
    fn chunks_end_where_words_always_end() {
        let cuts = |text: &'static str, limit| -> Vec<&'static str> { chunks(text, limit).map(|(_, c)| c).collect() };
        assert_eq!(cuts("a b.c 3.5\r\nd", 0), ["a ", "b.c ", "3.5\r\n", "d"]);
        assert_eq!(cuts("多边，主义。ﾃﾞｰﾀ 、ﾞ  \u{0301}x", 0), ["多边，", "主义。", "ﾃﾞｰﾀ 、ﾞ  \u{0301}x"]);
        assert_eq!(cuts("ab cd ef gh", 4), ["ab cd ", "ef gh"]);
        assert_eq!(cuts("1，2；3、4，a；b", 0), ["1，2；3、", "4，", "a；", "b"]);
        assert_eq!(cuts("abcdef", 2), ["abcdef"]);
        assert_eq!(cuts("", 0), Vec::<&str>::new());
        let text = "one two three\nfour";
        let mut at = 0;
        for (offset, chunk) in chunks(text, 3) {
            assert_eq!(offset, at);
            at += chunk.len();
        }
        assert_eq!(at, text.len());
    }
}
