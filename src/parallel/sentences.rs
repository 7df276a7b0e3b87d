//! Sentence splitting for Chinese and English, with exact spans.
//!
//! One splitter serves both languages; the rules are by character, not by language tag:
//! - `。`, `！`, `？` and `：` (full width) end a sentence, with any closing quotes or brackets
//!   after them (`。”`); a Chinese salutation ending in `：` ("主席先生，各位同事：") is a
//!   sentence of its own, as its English edition's lines "Mr. President," "Colleagues," are.
//! - `.`, `!`, `?` (ASCII) end a sentence when whitespace follows and then anything but a
//!   lower-case letter or a comma, semicolon, colon or closing bracket (or the text ends), unless
//!   the word before the full stop is an abbreviation ("Mr.", "U.S.", "e.g.", a single initial).
//! - `；` or `;` ends a sentence when an item of a list follows (`——`, `–`, `第二，`): each
//!   item of "——中国将……；——中国将……；" is a sentence, as each is in English.
//! - A blank line ends a sentence (a paragraph). A single line break ends one too, unless the
//!   next line starts with a lower-case letter (a sentence broken across lines) or the line
//!   ends with a hyphen.
//!
//! Sentences are trimmed of whitespace (U+00A0 and U+3000 included); their spans never move:
//! `&text[s.span.range()]` is the sentence as written.

use crate::span::{utf16_len, Span};

/// One sentence of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Its bytes in the text.
    pub span: Span,
    /// UTF-16 offset of `span.start`.
    pub utf16_start: usize,
    /// UTF-16 offset of `span.end`.
    pub utf16_end: usize,
    /// Its length for alignment: characters other than whitespace.
    pub chars: usize,
}

/// Words after which a full stop does not end a sentence (lower case, without the stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "no", "nos", "vs", "e.g", "i.e", "etc", "jr", "sr", "prof", "gen", "gov", "sen",
    "rep", "hon", "rt", "art", "para", "fig", "vol", "ed", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "approx", "dept", "inc", "ltd", "co", "corp",
];

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | '）' | ']' | '】' | '」' | '』' | '》' | '〉')
}

fn is_opening(c: char) -> bool {
    matches!(c, '“' | '‘' | '"' | '\'' | '(' | '（' | '[' | '【' | '「' | '『' | '《' | '〈')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―')
}

/// True when the word that ends at byte `end` of `text` (just before a full stop) is an
/// abbreviation or an initial.
fn is_abbreviation(text: &str, end: usize) -> bool {
    let start = text[..end]
        .rfind(|c: char| c.is_whitespace() || is_opening(c))
        .map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
    let word = &text[start..end];
    if word.is_empty() {
        return false;
    }
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let single_initial = letters.next().is_some_and(|c| c.is_uppercase()) && letters.next().is_none();
    if single_initial && word.chars().count() == 1 {
        return true;
    }
    // "U.S", "U.N", "e.g", "a.m": letters with stops inside.
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true;
    }
    // Char by char: str::to_lowercase would add 4 KB to the WebAssembly build.
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// The byte offsets where sentences end (exclusive), in order; the text after the last one,
/// if any, is a sentence too.
fn boundaries(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let after = i + c.len_utf8();
        match c {
            '；' | ';' if starts_item(&text[after..]) => out.push(after),
            '。' | '！' | '？' | '：' | '!' | '?' | '.' => {
                // Take repeated terminators and closing quotes with the sentence ("！”", "?!").
                let mut end = after;
                while let Some(&(j, d)) = iter.peek() {
                    if is_closing(d) || matches!(d, '。' | '！' | '？' | '!' | '?' | '…') {
                        end = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                let full_width = matches!(c, '。' | '！' | '？' | '：');
                if full_width || ascii_stop_ends(text, i, c, end) {
                    out.push(end);
                }
            }
            '\n' => {
                let rest = &text[after..];
                let blank = rest.chars().take_while(|&d| d != '\n').all(char::is_whitespace) && rest.contains('\n');
                let next = rest.chars().find(|d| !d.is_whitespace());
                let hyphen = text[..i].trim_end_matches([' ', '\t', '\r']).ends_with(is_dash);
                if blank || !(next.is_some_and(char::is_lowercase) || hyphen) {
                    out.push(i);
                }
            }
            _ => {}
        }
    }
    out
}

/// True when the ASCII terminator `c` at byte `i` (its sentence ending at `end`, closing quotes
/// included) ends a sentence.
fn ascii_stop_ends(text: &str, i: usize, c: char, end: usize) -> bool {
    let rest = &text[end..];
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !first.is_whitespace() {
        return false;
    }
    let Some(next) = rest.chars().find(|d| !d.is_whitespace()) else {
        return true;
    };
    if rest[..rest.find(next).unwrap_or(0)].contains('\n') {
        return true;
    }
    if next.is_lowercase() || matches!(next, ',' | ';' | ':' | ')' | '，') {
        return false;
    }
    !(c == '.' && is_abbreviation(text, i))
}

/// True when `rest` starts an item of a list: a dash (`——`, `–`) or an ordinal (`第二，`),
/// after optional whitespace.
fn starts_item(rest: &str) -> bool {
    let rest = rest.trim_start();
    let mut chars = rest.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some('—' | '–'), _, _) => true,
        (Some('第'), Some(d), Some('，' | '、')) => "一二三四五六七八九十".contains(d),
        _ => false,
    }
}

/// The sentences of `text`, in order, trimmed; empty ones (whitespace or nothing) are left out.
pub(crate) fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut utf16 = 0; // UTF-16 offset of byte `at`
    let mut at = 0;
    let ends = boundaries(text);
    for end in ends.into_iter().chain(std::iter::once(text.len())) {
        if end <= start {
            continue;
        }
        let piece = &text[start..end];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let s = start + lead;
            let e = s + trimmed.len();
            utf16 += utf16_len(&text[at..s]);
            let utf16_start = utf16;
            utf16 += utf16_len(trimmed);
            at = e;
            out.push(Sentence {
                span: Span::new(s, e),
                utf16_start,
                utf16_end: utf16,
                chars: trimmed.chars().filter(|c| !c.is_whitespace()).count(),
            });
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        let sentences = split(text);
        for s in &sentences {
            let before: Vec<u16> = text[..s.span.start].encode_utf16().collect();
            let inside: Vec<u16> = text[s.span.range()].encode_utf16().collect();
            assert_eq!(s.utf16_start, before.len());
            assert_eq!(s.utf16_end, before.len() + inside.len());
            assert_eq!(s.chars, text[s.span.range()].chars().filter(|c| !c.is_whitespace()).count());
        }
        sentences.iter().map(|s| &text[s.span.range()]).collect()
    }

    #[test]
    fn chinese() {
        assert_eq!(
            texts("主席先生，各位同事：今年是联合国成立75周年。疫情终将被人类战胜，胜利必将属于世界人民！——面对疫情，我们要团结。"),
            ["主席先生，各位同事：", "今年是联合国成立75周年。", "疫情终将被人类战胜，胜利必将属于世界人民！", "——面对疫情，我们要团结。"]
        );
        assert_eq!(
            texts("我宣布：——中国将提供支持；——中国将设立基金；第三，延期5年；不分开。"),
            ["我宣布：", "——中国将提供支持；", "——中国将设立基金；", "第三，延期5年；不分开。"]
        );
        assert_eq!(texts("他说：“我们要合作。”然后走了。"), ["他说：", "“我们要合作。”", "然后走了。"]);
        assert_eq!(texts("　全角空格开头。没有句号"), ["全角空格开头。", "没有句号"]);
    }

    #[test]
    fn english() {
        assert_eq!(
            texts("Mr. President,\n\nColleagues,\n\nThis year marks the 75th anniversary of the U.S. and the U.N. system. We must act! Why? Because."),
            [
                "Mr. President,",
                "Colleagues,",
                "This year marks the 75th anniversary of the U.S. and the U.N. system.",
                "We must act!",
                "Why?",
                "Because."
            ]
        );
        assert_eq!(
            texts("It grew 2.3 percent, e.g. in trade. “Quote.” Next one.\u{00A0}– A dash item."),
            ["It grew 2.3 percent, e.g. in trade.", "“Quote.”", "Next one.", "– A dash item."]
        );
        assert_eq!(
            texts("a line broken\nacross lines. And an-\nother one"),
            ["a line broken\nacross lines.", "And an-\nother one"]
        );
        assert_eq!(texts("J. F. Kennedy spoke. Then"), ["J. F. Kennedy spoke.", "Then"]);
    }

    #[test]
    fn emoji_combining_nbsp() {
        assert_eq!(texts("Café\u{0301} 🌍 ok. 👩‍👩‍👧 Done."), ["Café\u{0301} 🌍 ok.", "👩‍👩‍👧 Done."]);
        assert_eq!(texts("多边主义🌍。\u{00A0}真正的！"), ["多边主义🌍。", "真正的！"]);
    }

    #[test]
    fn empty() {
        assert!(texts("").is_empty());
        assert!(texts(" \n\n\u{3000}").is_empty());
        assert_eq!(texts("。"), ["。"]);
    }
}
