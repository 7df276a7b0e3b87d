//! Text: tokenization with exact spans, and normalization of each token's comparison form.
//!
//! Words are found by the Unicode word-boundary rules (UAX #29: `unicode-segmentation` natively,
//! and a splitter of its own for chunks of plain text such as English; in WebAssembly the
//! browser's `Intl.Segmenter` and the same splitter, or a short fallback without the bindings:
//! see `src/text/bounds.rs`; one segment loop for all), except in runs of Han and kana:
//! Chinese and Japanese are written without spaces, so a word segmenter cuts those runs into
//! dictionary words (ICU's, natively; the browser's `Intl.Segmenter` in WebAssembly: see
//! `src/text/segment.rs`). Hangul syllables are single tokens. Punctuation, whitespace and
//! symbols (emoji included) separate tokens and are not tokens themselves. A word broken by a
//! hyphen and a line break, as PDF conversion leaves it ("Anti- Fascist"), is one token whose
//! span covers both parts.
//!
//! ```
//! use refrain::text::{tokenize, TokenKind};
//! let text = "Genuine multilateralism, 真正的多边主义 🌍";
//! let tokens = tokenize(text);
//! assert_eq!(tokens[0].norm, "genuine");
//! assert_eq!(&text[tokens[2].span.range()], "真正");
//! assert_eq!(tokens[2].kind, TokenKind::CjkWord);
//! assert_eq!(tokens.len(), 2 + 4); // 真正 的 多边 主义
//! ```

#[doc(hidden)]
pub mod bounds;
mod lexicon;
mod normalize;
mod segment;

pub(crate) use lexicon::{is_common, is_stopword, SYNONYMS};
#[cfg(target_arch = "wasm32")]
pub use normalize::set_nfkc;
pub use normalize::{normalize_word, Normalization};
#[cfg(target_arch = "wasm32")]
pub use segment::set_word_segmenter;

use crate::span::Span;
use normalize::{is_hyphen, normalize_to};
use rustc_hash::FxHashMap;
#[cfg(not(target_arch = "wasm32"))]
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word in a script written with spaces (Latin, Cyrillic, Greek, Arabic, ...).
    Word,
    /// A number ("2030", "1.5").
    Number,
    /// A word of Chinese or Japanese (Han and kana), as the word segmenter cuts it.
    CjkWord,
    /// One Hangul syllable; or one Han or kana character where no word segmenter is at hand
    /// (the core alone on wasm32, without the bindings).
    Ideograph,
}

/// A token: where it is in the original text and how it compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// UTF-8 byte span in the original text.
    pub span: Span,
    /// UTF-16 code unit offset of `span.start`.
    pub utf16_start: usize,
    /// UTF-16 code unit offset of `span.end`.
    pub utf16_end: usize,
    /// The comparison form (see [`normalize_word`]).
    pub norm: String,
    /// What the token is.
    pub kind: TokenKind,
}

/// Tokenizes with the default normalization.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_with(text, Normalization::default())
}

/// Tokenizes with the given normalization.
pub fn tokenize_with(text: &str, n: Normalization) -> Vec<Token> {
    let mut words = Words::new(n);
    let mut found = Vec::new();
    scan(text, &mut words, &mut |span, word| found.push((span, word)));
    tokens(text, &words, found)
}

/// The tokens of `text` found at `(span, word)`, in text order, with their UTF-16 offsets.
fn tokens(text: &str, words: &Words, found: Vec<(Span, u32)>) -> Vec<Token> {
    let mut utf16 = Utf16::default();
    found.into_iter().map(|(span, word)| utf16.token(text, span, words.kind(word), words.norm(word))).collect()
}

/// Counts UTF-16 code units through a text, for tokens in text order.
#[derive(Default)]
struct Utf16 {
    /// The byte offset counted to.
    at: usize,
    /// The UTF-16 offset of `at`.
    units: usize,
}

impl Utf16 {
    fn to(&mut self, text: &str, offset: usize) -> usize {
        self.units += crate::span::utf16_len(&text[self.at..offset]);
        self.at = offset;
        self.units
    }

    fn token(&mut self, text: &str, span: Span, kind: TokenKind, norm: &str) -> Token {
        let utf16_start = self.to(text, span.start);
        let utf16_end = self.to(text, span.end);
        Token { span, utf16_start, utf16_end, norm: norm.to_string(), kind }
    }
}

/// The comparison forms of consecutive tokens as one string, as a family's `root_norm` and a
/// query's `query_norm` show them: separated by a space, except that two Chinese, Japanese or
/// Korean tokens that touch in the text are written together ("构建人类命运共同体", "build
/// 命运共同体 together"; "共同 综合" where a comma stood between them).
pub(crate) fn join_norms<'a>(tokens: impl IntoIterator<Item = (&'a str, TokenKind, Span)>) -> String {
    let mut out = String::new();
    let mut before: Option<(TokenKind, Span)> = None;
    for (norm, kind, span) in tokens {
        let cjk = |k: TokenKind| matches!(k, TokenKind::CjkWord | TokenKind::Ideograph);
        match before {
            Some((k, s)) if cjk(k) && cjk(kind) && s.end == span.start => {}
            Some(_) => out.push(' '),
            None => {}
        }
        out.push_str(norm);
        before = Some((kind, span));
    }
    out
}

/// True for Han, Hiragana, Katakana and Hangul characters (and the ideographic zero): each is a
/// token of its own where the word segmenter does not cut it (Hangul syllables, in practice).
pub(crate) fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3007 | 0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F | 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF | 0x20000..=0x2FA1F)
}

struct Piece {
    start: usize,
    end: usize,
    kind: TokenKind,
}

/// The distinct words as written, with their kinds, of the texts [`scan`] was given, each
/// normalized once: numbered from 0 in order of first appearance, with their comparison forms
/// (a word whose comparison form is empty, which gives no token, has no number). A word joined
/// across a hyphen is a word of its own each time.
pub(crate) struct Words<'t> {
    n: Normalization,
    /// The numbers of the words of up to [`SHORT`] bytes, by [`short_key`] (most words: they
    /// hash and compare faster so than as strings; natively only, as in WebAssembly the code
    /// would cost more than the time it saves), and of the others.
    #[cfg(not(target_arch = "wasm32"))]
    short: FxHashMap<u128, u32>,
    long: FxHashMap<(&'t str, TokenKind), u32>,
    forms: Forms,
    /// Room to normalize a word and to join the parts of a word.
    norm: String,
    joined: String,
    /// Natively, the pieces of the text being scanned and the words of its runs of Han and
    /// kana, with what the word segmenter remembers from run to run (see
    /// [`segment::Memory`]): kept from text to text of one tokenizing.
    #[cfg(not(target_arch = "wasm32"))]
    pieces: Vec<Piece>,
    #[cfg(not(target_arch = "wasm32"))]
    runs: RunWords,
}

/// The longest word, in bytes, that [`short_key`] packs.
#[cfg(not(target_arch = "wasm32"))]
const SHORT: usize = 14;

/// The word `text[start..end]` of up to [`SHORT`] bytes with its kind and length, packed into a
/// number: its bytes, then the kind and the length in the last two bytes. Read as one load of
/// 16 bytes where the text holds them (writing the bytes one by one into the number and reading
/// it back would stall the processor at every token).
#[cfg(not(target_arch = "wasm32"))]
fn short_key(text: &str, start: usize, end: usize, kind: TokenKind) -> Option<u128> {
    let len = end - start;
    if len > SHORT {
        return None;
    }
    let bytes = text.as_bytes();
    let word = match bytes.get(start..start + 16) {
        Some(sixteen) => u128::from_le_bytes(sixteen.try_into().expect("16 bytes")) & ((1u128 << (8 * len)) - 1),
        None => {
            let mut key = [0u8; 16];
            key[..len].copy_from_slice(&bytes[start..end]);
            u128::from_le_bytes(key)
        }
    };
    Some(word | (kind as u128) << 112 | (len as u128) << 120)
}

/// In WebAssembly no word is packed (see [`Words`]).
#[cfg(target_arch = "wasm32")]
fn short_key(_: &str, _: usize, _: usize, _: TokenKind) -> Option<u128> {
    None
}

/// No number: the word's comparison form is empty.
const EMPTY: u32 = u32::MAX;

/// The comparison forms and kinds of [`Words`], by number.
#[derive(Default)]
struct Forms {
    /// The comparison forms one after another.
    norms: String,
    /// For each word, where its comparison form starts and ends in `norms`, and its kind.
    words: Vec<(usize, usize, TokenKind)>,
}

impl Forms {
    /// The number of a word of comparison form `norm` and of `kind`, or [`EMPTY`].
    fn push(&mut self, norm: &str, kind: TokenKind) -> u32 {
        if norm.is_empty() {
            return EMPTY;
        }
        let start = self.norms.len();
        self.norms.push_str(norm);
        self.words.push((start, self.norms.len(), kind));
        self.words.len() as u32 - 1
    }
}

impl<'t> Words<'t> {
    pub(crate) fn new(n: Normalization) -> Words<'t> {
        Words {
            n,
            #[cfg(not(target_arch = "wasm32"))]
            short: FxHashMap::default(),
            long: FxHashMap::default(),
            forms: Forms::default(),
            norm: String::new(),
            joined: String::new(),
            #[cfg(not(target_arch = "wasm32"))]
            pieces: Vec::new(),
            #[cfg(not(target_arch = "wasm32"))]
            runs: RunWords::new(false),
        }
    }

    /// How many words there are.
    pub(crate) fn len(&self) -> usize {
        self.forms.words.len()
    }

    /// The comparison form of word `id`.
    pub(crate) fn norm(&self, id: u32) -> &str {
        let (start, end, _) = self.forms.words[id as usize];
        &self.forms.norms[start..end]
    }

    /// The kind of the tokens of word `id`.
    pub(crate) fn kind(&self, id: u32) -> TokenKind {
        self.forms.words[id as usize].2
    }
}

/// How long a piece of text is split at most, in bytes, natively, before it is cut at the next
/// place where a word always ends ([`bounds::chunks`]): a chunk of plain characters is split by
/// [`bounds::plain_segments`], faster than by `unicode-segmentation`, which splits the others.
#[cfg(not(target_arch = "wasm32"))]
const NATIVE_CHUNK: usize = 256;

/// Finds the tokens of `text` and calls `emit(span, word)` for each, in text order, where
/// `word` is the token's number in `words`, which gives its comparison form and kind.
pub(crate) fn scan<'t>(text: &'t str, words: &mut Words<'t>, emit: &mut dyn FnMut(Span, u32)) {
    #[cfg(not(target_arch = "wasm32"))]
    let pieces = {
        let mut pieces = std::mem::take(&mut words.pieces);
        pieces.clear();
        native_pieces(text, Some(NATIVE_CHUNK), &mut words.runs, &mut pieces);
        pieces
    };
    #[cfg(target_arch = "wasm32")]
    let pieces = match segment::hook() {
        Some(hook) => {
            pieces(text, bounds::segmented(text, bounds::CHUNK, &mut |chunk| hook(chunk)), bounds::graphemes, true)
        }
        None => pieces(text, bounds::fallback(text), bounds::graphemes, false),
    };
    emit_tokens(text, &pieces, words, emit);
    #[cfg(not(target_arch = "wasm32"))]
    {
        words.pieces = pieces;
    }
}

/// The pieces of `text` natively: its [`bounds::chunks`] of `limit` bytes, each split by
/// [`bounds::plain_segments`] where it is plain (without graphemes: a plain segment holds no
/// Han, kana or Hangul), by [`bounds::chinese_segments`] where it is plain or Chinese (most
/// chunks of Chinese text), by `unicode-segmentation` otherwise; or, with `limit` `None`, the
/// whole text split by `unicode-segmentation`.
#[cfg(not(target_arch = "wasm32"))]
fn native_pieces(text: &str, limit: Option<usize>, runs: &mut RunWords, pieces: &mut Vec<Piece>) {
    let graphemes = |s| UnicodeSegmentation::grapheme_indices(s, true);
    let Some(limit) = limit else {
        pieces_into(text, text.split_word_bound_indices(), graphemes, runs, pieces);
        return;
    };
    for (at, chunk) in bounds::chunks(text, limit) {
        let before = pieces.len();
        let plain = bounds::plain_segments(chunk, |start, end| {
            let segment = &chunk[start..end];
            if segment.chars().any(char::is_alphanumeric) {
                pieces.push(Piece { start: at + start, end: at + end, kind: kind_of(segment) });
            }
        });
        if !plain {
            pieces.truncate(before);
            // Chinese text split as plain text is (its characters are of the same classes),
            // then read as any other.
            let mut segments = std::mem::take(&mut runs.segments);
            segments.clear();
            if bounds::chinese_segments(chunk, |start, end| segments.push((start, end))) {
                let segments = segments.iter().map(|&(start, end)| (at + start, &chunk[start..end]));
                pieces_into(text, segments, graphemes, runs, pieces);
            } else {
                let segments = chunk.split_word_bound_indices().map(|(i, segment)| (at + i, segment));
                pieces_into(text, segments, graphemes, runs, pieces);
            }
            runs.segments = segments;
        }
    }
}

/// Tokenizes natively as [`tokenize_with`] does, but with the text cut into [`bounds::chunks`]
/// of `limit` bytes, or not cut (`None`, `unicode-segmentation` splits it whole): for the tests
/// that check each gives the same tokens.
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub fn tokenize_chunked(text: &str, n: Normalization, limit: Option<usize>) -> Vec<Token> {
    let mut words = Words::new(n);
    let mut found = Vec::new();
    let mut pieces = Vec::new();
    native_pieces(text, limit, &mut RunWords::new(false), &mut pieces);
    emit_tokens(text, &pieces, &mut words, &mut |span, word| found.push((span, word)));
    tokens(text, &words, found)
}

/// Tokenizes as the WebAssembly build does with the browser's word segmenter: `segmenter`
/// gives the UTF-16 offsets at which the word segments of a string start (as
/// `Intl.Segmenter(_, {granularity: 'word'})` does) and is given `text` in
/// [`bounds::chunks`] of `limit` bytes; graphemes are [`bounds::graphemes`]. For the tests that
/// check this gives the native tokens.
#[doc(hidden)]
pub fn tokenize_segmented(
    text: &str,
    n: Normalization,
    limit: usize,
    segmenter: &mut dyn FnMut(&str) -> Vec<u32>,
) -> Vec<Token> {
    let mut words = Words::new(n);
    let mut found = Vec::new();
    let pieces = pieces(text, bounds::segmented(text, limit, segmenter), bounds::graphemes, true);
    emit_tokens(text, &pieces, &mut words, &mut |span, word| found.push((span, word)));
    tokens(text, &words, found)
}

/// The pieces of `text` from its word segments, `(byte offset, segment)` in text order, and a
/// function that cuts a segment into its graphemes, `(byte offset in the segment, grapheme)`.
/// A segment without letters or digits is no piece; a segment with Han or kana gives its
/// letters, its Hangul syllables, and its Han and kana to a run of them; any other segment is a
/// piece. A run is cut into words where its segments start when `words_are_segments` (the
/// browser's segmenter cuts Han and kana into dictionary words already), by the word segmenter
/// otherwise.
fn pieces<'t, I>(
    text: &'t str,
    segments: impl Iterator<Item = (usize, &'t str)>,
    graphemes: impl Fn(&'t str) -> I,
    words_are_segments: bool,
) -> Vec<Piece>
where
    I: Iterator<Item = (usize, &'t str)>,
{
    let mut pieces = Vec::new();
    pieces_into(text, segments, graphemes, &mut RunWords::new(words_are_segments), &mut pieces);
    pieces
}

/// [`pieces`], appended to `pieces`, with the runs of Han and kana cut by `words`.
fn pieces_into<'t, I>(
    text: &'t str,
    segments: impl Iterator<Item = (usize, &'t str)>,
    graphemes: impl Fn(&'t str) -> I,
    words: &mut RunWords,
    pieces: &mut Vec<Piece>,
) where
    I: Iterator<Item = (usize, &'t str)>,
{
    // The run of Han and kana being read: its start and end.
    let mut run: Option<(usize, usize)> = None;
    words.cuts.clear();
    for (offset, seg) in segments {
        if is_one_han(seg) {
            // What the loop below does with it, without looking it up: one grapheme, all Han.
            if run.is_some() && words.from_segments {
                words.cuts.push(offset);
            }
            run = Some((run.map_or(offset, |r| r.0), offset + seg.len()));
            continue;
        }
        if !seg.chars().any(char::is_alphanumeric) {
            words.close(text, run.take(), pieces);
            continue;
        }
        if seg.chars().any(|c| c >= '\u{1100}' && (segment::is_cj(c) || is_ideograph(c))) {
            // Han and kana go to the run; a Hangul syllable is a token (with its combining
            // marks); letters between them stay whole.
            let mut letters: Option<(usize, usize)> = None;
            for (i, g) in graphemes(seg) {
                let (gs, ge) = (offset + i, offset + i + g.len());
                let cj = g.char_indices().find(|&(_, c)| !segment::is_cj(c)).map_or(g.len(), |(j, _)| j);
                if cj > 0 {
                    if let Some((s, e)) = letters.take() {
                        pieces.push(Piece { start: s, end: e, kind: kind_of(&text[s..e]) });
                    }
                    if i == 0 && run.is_some() && words.from_segments {
                        // The segment goes on with the run: a word starts here.
                        words.cuts.push(gs);
                    }
                    run = Some((run.map_or(gs, |r| r.0), gs + cj));
                    if cj < g.len() {
                        // Combining marks or a variation selector end the run, in its last word.
                        words.close(text, run.take(), pieces);
                        pieces.last_mut().expect("a run has a word").end = ge;
                    }
                    continue;
                }
                words.close(text, run.take(), pieces);
                if g.chars().any(is_ideograph) {
                    if let Some((s, e)) = letters.take() {
                        pieces.push(Piece { start: s, end: e, kind: kind_of(&text[s..e]) });
                    }
                    pieces.push(Piece { start: gs, end: ge, kind: TokenKind::Ideograph });
                } else if g.chars().any(char::is_alphanumeric) {
                    letters = Some(letters.map_or((gs, ge), |(s, _)| (s, ge)));
                } else if let Some((s, e)) = letters.take() {
                    pieces.push(Piece { start: s, end: e, kind: kind_of(&text[s..e]) });
                }
            }
            if let Some((s, e)) = letters {
                pieces.push(Piece { start: s, end: e, kind: kind_of(&text[s..e]) });
            }
        } else {
            words.close(text, run.take(), pieces);
            pieces.push(Piece { start: offset, end: offset + seg.len(), kind: kind_of(seg) });
        }
    }
    words.close(text, run, pieces);
}

/// True when `seg` is one character of the CJK Unified Ideographs block (U+4E00 to U+9FFF, all
/// assigned letters, all [`segment::is_cj`]): most segments of Chinese text.
#[inline]
fn is_one_han(seg: &str) -> bool {
    seg.len() == 3 && ('\u{4E00}'..='\u{9FFF}').contains(&seg.chars().next().unwrap_or('\0'))
}

/// The tokens of the pieces: a word broken by a hyphen (and a line break) is joined, then each
/// is numbered in `words` (see [`scan`]); a token whose comparison form is empty is left out.
/// Each distinct word as written is normalized once (a statement repeats its words, and in
/// WebAssembly NFKC is a call into JavaScript).
fn emit_tokens<'t>(text: &'t str, pieces: &[Piece], words: &mut Words<'t>, emit: &mut dyn FnMut(Span, u32)) {
    #[rustfmt::skip]
    let Words { n, #[cfg(not(target_arch = "wasm32"))] short, long, forms, norm, joined, .. } = words;
    let mut i = 0;
    while i < pieces.len() {
        let start = pieces[i].start;
        let mut end = pieces[i].end;
        let kind = pieces[i].kind;
        let mut j = i;
        if kind == TokenKind::Word {
            while j + 1 < pieces.len()
                && pieces[j + 1].kind == TokenKind::Word
                && joins(&text[pieces[j].end..pieces[j + 1].start])
            {
                j += 1;
                end = pieces[j].end;
            }
        }
        let id = if j == i {
            let word = &text[start..end];
            let number = || {
                normalize_to(word, *n, norm);
                forms.push(norm, kind)
            };
            match short_key(text, start, end, kind) {
                #[cfg(not(target_arch = "wasm32"))]
                Some(key) => *short.entry(key).or_insert_with(number),
                _ => *long.entry((word, kind)).or_insert_with(number),
            }
        } else {
            joined.clear();
            for piece in &pieces[i..=j] {
                joined.push_str(&text[piece.start..piece.end]);
            }
            normalize_to(joined, *n, norm);
            forms.push(norm, kind)
        };
        if id != EMPTY {
            emit(Span::new(start, end), id);
        }
        i = j + 1;
    }
}

/// The words of the runs of Han and kana (see [`pieces`]).
struct RunWords {
    /// The words are the segments: a run is cut at `cuts`.
    from_segments: bool,
    /// Where segments start inside the run being read (byte offsets into the text).
    cuts: Vec<usize>,
    /// The word segmenter's word ends, relative to the run.
    ends: Vec<usize>,
    /// What the word segmenter remembers from run to run.
    memory: segment::Memory,
    /// Natively, room for the segments of a chunk of Chinese text.
    #[cfg(not(target_arch = "wasm32"))]
    segments: Vec<(usize, usize)>,
}

impl RunWords {
    fn new(from_segments: bool) -> RunWords {
        RunWords {
            from_segments,
            cuts: Vec::new(),
            ends: Vec::new(),
            memory: segment::Memory::default(),
            #[cfg(not(target_arch = "wasm32"))]
            segments: Vec::new(),
        }
    }

    /// Appends to `pieces` the words of the run `text[start..end]`, if any, and forgets its cuts.
    #[inline]
    fn close(&mut self, text: &str, run: Option<(usize, usize)>, pieces: &mut Vec<Piece>) {
        if let Some(run) = run {
            self.close_run(text, run, pieces);
        }
    }

    fn close_run(&mut self, text: &str, (start, end): (usize, usize), pieces: &mut Vec<Piece>) {
        self.ends.clear();
        let kind = if self.from_segments {
            self.ends.extend(self.cuts.iter().filter(|&&c| start < c && c < end).map(|&c| c - start));
            self.ends.push(end - start);
            TokenKind::CjkWord
        } else if segment::word_ends(&text[start..end], &mut self.memory, &mut self.ends) {
            TokenKind::CjkWord
        } else {
            TokenKind::Ideograph
        };
        self.cuts.clear();
        let mut from = start;
        for &e in &self.ends {
            pieces.push(Piece { start: from, end: start + e, kind });
            from = start + e;
        }
    }
}

fn kind_of(word: &str) -> TokenKind {
    if word.chars().next().is_some_and(|c| c.is_numeric()) {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

/// True when the text between two words joins them into one: a hyphen alone ("all-out"), or a
/// hyphen then a line break or a few spaces, as PDF conversion leaves it ("all- out").
fn joins(gap: &str) -> bool {
    let mut chars = gap.chars();
    match chars.next() {
        Some(c) if is_hyphen(c) => {}
        _ => return false,
    }
    let rest = chars.as_str();
    rest.chars().all(|c| c.is_whitespace())
        && rest.chars().filter(|&c| c == '\n').count() <= 1
        && rest.chars().count() <= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(text, [(token text as written, norm, kind)])`; spans and UTF-16 offsets are checked
    /// against the text for every token.
    fn check(text: &str, want: &[(&str, &str)]) {
        let tokens = tokenize(text);
        let got: Vec<(&str, &str)> = tokens.iter().map(|t| (&text[t.span.range()], t.norm.as_str())).collect();
        assert_eq!(got, want, "tokens of {text:?}");
        for t in &tokens {
            let before: Vec<u16> = text[..t.span.start].encode_utf16().collect();
            let inside: Vec<u16> = text[t.span.range()].encode_utf16().collect();
            assert_eq!(t.utf16_start, before.len(), "utf16 start of {:?}", t.norm);
            assert_eq!(t.utf16_end, before.len() + inside.len(), "utf16 end of {:?}", t.norm);
        }
    }

    #[test]
    fn english() {
        check(
            "Practise true multilateralism.",
            &[("Practise", "practice"), ("true", "true"), ("multilateralism", "multilateralism")],
        );
        check("the UN’s “centre”", &[("the", "the"), ("UN’s", "un"), ("centre", "center")]);
    }

    #[test]
    fn no_break_and_ideographic_spaces_separate() {
        check(
            "banner of\u{00A0}multilateralism",
            &[("banner", "banner"), ("of", "of"), ("multilateralism", "multilateralism")],
        );
        check("A\u{3000}B", &[("A", "a"), ("B", "b")]);
    }

    #[test]
    fn pdf_hyphenation_joins() {
        check("Anti- Fascist war", &[("Anti- Fascist", "antifascist"), ("war", "war")]);
        check("all-\nout war", &[("all-\nout", "allout"), ("war", "war")]);
        check("all-out war", &[("all-out", "allout"), ("war", "war")]);
        check("peace - security", &[("peace", "peace"), ("security", "security")]);
        check("2017-2024", &[("2017", "2017"), ("2024", "2024")]);
    }

    #[test]
    fn chinese_and_japanese_words() {
        check(
            "构建人类命运共同体。",
            &[("构", "构"), ("建", "建"), ("人类", "人类"), ("命运", "命运"), ("共同", "共同"), ("体", "体")],
        );
        check("多边主义，ＷＴＯ改革", &[("多边", "多边"), ("主义", "主义"), ("ＷＴＯ", "wto"), ("改革", "改革")]);
        check("2020年", &[("2020", "2020"), ("年", "年")]);
        check("データを", &[("データ", "データ"), ("を", "を")]);
        check("ﾃﾞｰﾀ", &[("ﾃﾞｰﾀ", "データ")]);
        check("한국", &[("한", "한"), ("국", "국")]);
        let kinds: Vec<TokenKind> = tokenize("中国 한 a").iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [TokenKind::CjkWord, TokenKind::Ideograph, TokenKind::Word]);
    }

    #[test]
    fn chinese_mixed_with_emoji_marks_and_spaces() {
        // A variation selector or combining mark after a run stays in its last word's span.
        check(
            "多边🌍主义\u{00A0}真正\u{FE00}的cafe\u{0301}共同体\u{3000}𠀀人",
            &[
                ("多边", "多边"),
                ("主义", "主义"),
                ("真正\u{FE00}", "真正\u{FE00}"),
                ("的", "的"),
                ("cafe\u{0301}", "café"),
                ("共同", "共同"),
                ("体", "体"),
                ("𠀀", "𠀀"),
                ("人", "人"),
            ],
        );
        check("人\u{0301}民", &[("人\u{0301}", "人\u{0301}"), ("民", "民")]);
    }

    #[test]
    fn emoji_combining_marks_ligatures() {
        check("🌍 peace 👩‍👩‍👧 now", &[("peace", "peace"), ("now", "now")]);
        check("𝐀 cafe\u{0301} ﬁnance", &[("𝐀", "a"), ("cafe\u{0301}", "café"), ("ﬁnance", "finance")]);
        check("e\u{0301}tat", &[("e\u{0301}tat", "état")]);
    }

    #[test]
    fn chunks_split_as_the_whole_text() {
        // "，" between digits is a middle character of a number: no chunk ends after it.
        let n = Normalization::default();
        for text in ["1，000 people", "x 3；5 a，b 中国，2020年。4，5"] {
            let whole = tokenize_chunked(text, n, None);
            assert_eq!(tokenize_chunked(text, n, Some(0)), whole, "{text:?}");
            assert_eq!(tokenize(text), whole, "{text:?}");
        }
        assert_eq!(tokenize("1，000")[0].norm, "1,000");
    }

    #[test]
    fn norms_join_without_spaces_between_touching_chinese_words() {
        let joined = |text: &str| join_norms(tokenize(text).iter().map(|t| (t.norm.as_str(), t.kind, t.span)));
        assert_eq!(joined("构建人类命运共同体"), "构建人类命运共同体");
        assert_eq!(joined("Build 命运共同体 together"), "build 命运共同体 together");
        assert_eq!(joined("共同、综合，WTO改革"), "共同 综合 wto 改革");
        assert_eq!(joined("대한민국 국민"), "대한민국 국민");
        assert_eq!(joined("the centre"), "the center");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn short_keys_pack_the_word_its_kind_and_length() {
        // The second "peace" has fewer than 16 bytes after its start: packed byte by byte.
        let text = "peace and peace\0";
        let key = |start, end, kind| short_key(text, start, end, kind);
        assert_eq!(key(0, 5, TokenKind::Word), key(10, 15, TokenKind::Word));
        assert_ne!(key(0, 5, TokenKind::Word), key(0, 5, TokenKind::Number));
        assert_ne!(key(10, 15, TokenKind::Word), key(10, 16, TokenKind::Word));
        assert_ne!(key(0, 5, TokenKind::Word), key(0, 4, TokenKind::Word));
        assert_eq!(key(0, 4, TokenKind::Word), key(10, 14, TokenKind::Word));
        assert_eq!(key(0, 14, TokenKind::Word).map(|k| (k >> 120) as usize), Some(14));
        assert_eq!(key(0, 15, TokenKind::Word), None);
    }

    #[test]
    fn one_han_segments_are_letters_of_runs() {
        // What `is_one_han` skips looking up holds for every character it takes.
        for c in '\u{4E00}'..='\u{9FFF}' {
            let mut buf = [0; 4];
            assert!(is_one_han(c.encode_utf8(&mut buf)), "U+{:04X}", c as u32);
            assert!(c.is_alphanumeric() && segment::is_cj(c), "U+{:04X}", c as u32);
        }
        assert!(!is_one_han("中国") && !is_one_han("ア") && !is_one_han("a") && !is_one_han("\u{3400}"));
    }

    #[test]
    fn empty_and_punctuation_only() {
        check("", &[]);
        check(" ,.;— “” \n\t", &[]);
    }
}
