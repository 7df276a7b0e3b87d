//! The input: one statement, its text and metadata.

/// One statement: an id, its text, and optional metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Statement {
    /// Unique, non-empty id (the CLI uses the file path).
    pub id: String,
    /// The original text; never modified.
    pub text: String,
    /// Title.
    pub title: Option<String>,
    /// Speaker (a person, or a country or body).
    pub speaker: Option<String>,
    /// Date, ideally starting with `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything after is ignored
    /// for sorting.
    pub date: Option<String>,
    /// Language tag such as `en` or `zh`.
    pub language: Option<String>,
}

impl Statement {
    /// A statement without metadata.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Statement {
        Statement { id: id.into(), text: text.into(), ..Statement::default() }
    }
}

/// The key under which statements count as one speaker's: the name with titles and what stands
/// in brackets or after a comma left out, spaces collapsed, lower-cased. "Mr. Sergey Lavrov" and
/// "Sergey Lavrov" are one speaker; "习近平 (Xi Jinping)" is "习近平"; "Joseph R. Biden, Jr" is
/// "joseph r. biden". `None` for a name that is empty once cleaned.
pub(crate) fn speaker_key(name: &str) -> Option<String> {
    let mut kept = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' | '（' | '[' => depth += 1,
            ')' | '）' | ']' => depth = depth.saturating_sub(1),
            ',' | '，' if depth == 0 => break,
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "h.e", "he", "sir", "dame", "prof"];
    // Lower case char by char (str::to_lowercase would add 4 KB to the WebAssembly build).
    let words: Vec<String> =
        kept.split_whitespace().map(|w| w.chars().flat_map(char::to_lowercase).collect()).collect();
    let skip = words.iter().take_while(|w| TITLES.contains(&w.trim_end_matches('.'))).count();
    let key = words[skip..].join(" ");
    (!key.is_empty()).then_some(key)
}

/// The sortable date at the start of a date string: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as far
/// as it is a real date.
///
/// "2021 (UNGA session 76)" gives "2021"; "2020-09-22" gives itself; "Sept 2020" gives None;
/// "2021-02-30" gives "2021-02"; "0000-99-99" gives "0000".
pub(crate) fn date_key(date: &str) -> Option<String> {
    let b = date.trim().as_bytes();
    let digits = |r: std::ops::Range<usize>| b.len() >= r.end && b[r].iter().all(u8::is_ascii_digit);
    let number = |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, &d| n * 10 + (d - b'0') as u32);
    if !digits(0..4) || (b.len() > 4 && b[4].is_ascii_digit()) {
        return None;
    }
    let s = std::str::from_utf8(b).ok()?;
    // A month from 01 to 12, then a day that month has; what is not a real date is left out.
    let month = (b.len() >= 7 && b[4] == b'-' && digits(5..7) && (b.len() == 7 || !b[7].is_ascii_digit()))
        .then(|| number(5..7))
        .filter(|m| (1..=12).contains(m));
    let Some(month) = month else {
        return Some(s[..4].to_string());
    };
    let year = number(0..4);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if b.len() >= 10
        && b[7] == b'-'
        && digits(8..10)
        && (b.len() == 10 || !b[10].is_ascii_digit())
        && (1..=days).contains(&number(8..10))
    {
        return Some(s[..10].to_string());
    }
    Some(s[..7].to_string())
}

/// A way to choose statements by their metadata, as the command line's `--by` and the page's
/// group pickers write it: `speaker=NAME` (the speaker as the ranking counts speakers: titles and
/// brackets left out, case ignored), `year=2017-2019` or `year=2021` (the year of `date`),
/// `language=zh` (the tag or its primary subtag), or `id=ID`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Selector {
    /// Statements of this speaker.
    Speaker(String),
    /// Statements dated in these years, both included.
    Years(u32, u32),
    /// Statements in this language.
    Language(String),
    /// One statement.
    Id(String),
}

impl Selector {
    /// Reads `key=value`; the error says what is wrong.
    pub fn parse(text: &str) -> Result<Selector, String> {
        let (key, value) = split(text, b'=').ok_or_else(|| format!("\"{text}\" is not key=value"))?;
        let value = value.trim();
        if value.is_empty() {
            return Err(format!("\"{text}\" has no value"));
        }
        match key.trim() {
            "speaker" => Ok(Selector::Speaker(value.to_string())),
            "language" | "lang" => Ok(Selector::Language(value.to_string())),
            "id" => Ok(Selector::Id(value.to_string())),
            "year" | "years" => {
                let year = |s: &str| -> Result<u32, String> {
                    let s = s.trim();
                    year(s).ok_or_else(|| format!("\"{s}\" is not a year (YYYY)"))
                };
                let (from, to) = match split(value, b'-') {
                    Some((a, b)) => (year(a)?, year(b)?),
                    None => (year(value)?, year(value)?),
                };
                if from > to {
                    return Err(format!("\"{value}\": the first year is after the last"));
                }
                Ok(Selector::Years(from, to))
            }
            other => Err(format!("unknown key \"{other}\" (speaker, year, language or id)")),
        }
    }

    /// True when the statement is chosen.
    pub fn matches(&self, s: &Statement) -> bool {
        match self {
            Selector::Speaker(name) => {
                let key = speaker_key(name);
                key.is_some() && s.speaker.as_deref().and_then(speaker_key) == key
            }
            Selector::Years(from, to) => s
                .date
                .as_deref()
                .and_then(date_key)
                .and_then(|k| year(&k[..4]))
                .is_some_and(|y| (*from..=*to).contains(&y)),
            Selector::Language(tag) => s.language.as_deref().is_some_and(|l| {
                let (l, tag) = (l.to_ascii_lowercase(), tag.to_ascii_lowercase());
                l == tag || l.split(['-', '_']).next() == Some(tag.as_str())
            }),
            Selector::Id(id) => &s.id == id,
        }
    }
}

/// `s` around the first `sep` (an ASCII byte), as `str::split_once` (which the WebAssembly build
/// would carry with its substring search).
fn split(s: &str, sep: u8) -> Option<(&str, &str)> {
    let at = s.bytes().position(|b| b == sep)?;
    Some((&s[..at], &s[at + 1..]))
}

/// The year of four ASCII digits (without `str::parse`, whose error type's formatting the
/// WebAssembly build would carry).
fn year(s: &str) -> Option<u32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.bytes().fold(0, |year, b| year * 10 + u32::from(b - b'0')))
}

impl std::fmt::Display for Selector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Selector::Speaker(name) => write!(f, "speaker={name}"),
            Selector::Years(a, b) if a == b => write!(f, "year={a}"),
            Selector::Years(a, b) => write!(f, "year={a}-{b}"),
            Selector::Language(tag) => write!(f, "language={tag}"),
            Selector::Id(id) => write!(f, "id={id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(speaker: &str, date: &str, language: &str) -> Statement {
        Statement {
            id: "x".into(),
            text: String::new(),
            title: None,
            speaker: Some(speaker.into()),
            date: Some(date.into()),
            language: Some(language.into()),
        }
    }

    #[test]
    fn date_keys() {
        for (date, want) in [
            ("2021 (UNGA session 76 general debate; exact day not in corpus)", Some("2021")),
            ("2020-09-22", Some("2020-09-22")),
            ("2020-09", Some("2020-09")),
            ("2020-09-22T10:00", Some("2020-09-22")),
            ("Sept 2020", None),
            ("20201", None),
            ("", None),
            ("0000-99-99", Some("0000")),
            ("2021-13-01", Some("2021")),
            ("2021-02-29", Some("2021-02")),
            ("2024-02-29", Some("2024-02-29")),
            ("2021-04-31", Some("2021-04")),
            ("2021-00", Some("2021")),
            ("2021-12-00", Some("2021-12")),
        ] {
            assert_eq!(date_key(date).as_deref(), want, "{date:?}");
        }
    }

    #[test]
    fn selectors() {
        let st = s("Mr. Sergey Lavrov", "2021 (UNGA session 76)", "en-GB");
        for (text, want) in [
            ("speaker=sergey lavrov", true),
            ("speaker=Sergey Lavrov (Russia)", true),
            ("speaker=Wang Yi", false),
            ("year=2017-2021", true),
            ("year=2021", true),
            ("year=2022-2024", false),
            ("language=en", true),
            ("language=en-gb", true),
            ("language=zh", false),
            ("id=x", true),
        ] {
            assert_eq!(Selector::parse(text).unwrap().matches(&st), want, "{text}");
        }
        for bad in ["speaker", "year=21", "year=2024-2017", "colour=red", "speaker="] {
            assert!(Selector::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Selector::parse("year=2017-2019").unwrap().to_string(), "year=2017-2019");
    }
}
