//! Anchors: what a sentence and its translation share whatever their lengths. Numbers (by
//! value: `20亿` = `2 billion`, `75周年` = `75th`, `4.4%` = `4.4 percent`), names in Latin
//! script that the Chinese text writes as such (`APEC`, `5G`, `G20`), the marks that start the
//! items of a list (`——` = `–`, `第二，` = `Second,`), and known formula pairs of the lexicon
//! (`人类命运共同体` = "community with a shared future for mankind"; those are added by the
//! caller).

use crate::span::Span;

/// Chinese multipliers after a number.
fn zh_multiplier(rest: &str) -> (f64, usize) {
    if rest.starts_with("万亿") {
        (1e12, "万亿".len())
    } else if rest.starts_with('亿') {
        (1e8, '亿'.len_utf8())
    } else if rest.starts_with('万') {
        (1e4, '万'.len_utf8())
    } else {
        (1.0, 0)
    }
}

/// English multipliers after a number and a space.
fn en_multiplier(rest: &str) -> f64 {
    let word: String = rest.trim_start().chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    match word.to_ascii_lowercase().as_str() {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => 1.0,
    }
}

/// Number words of English from twenty up, as a Chinese text writes them in digits ("Seventy-five
/// years ago" = `75年前`). Smaller numbers are left out: Chinese writes them in characters.
fn en_number_word(word: &str) -> Option<f64> {
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    const UNITS: [&str; 9] = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    let lower = word.to_ascii_lowercase();
    let (tens, unit) = lower.split_once('-').map_or((lower.as_str(), None), |(t, u)| (t, Some(u)));
    let t = TENS.iter().position(|&w| w == tens)?;
    let u = match unit {
        Some(u) => UNITS.iter().position(|&w| w == u)? + 1,
        None => 0,
    };
    Some((20 + 10 * t + u) as f64)
}

/// The key of a number: its value, with at most 4 significant decimals.
///
/// Written with whole numbers: float formatting would add 15 KB to the WebAssembly build.
fn number_key(value: f64) -> String {
    let r = (value.abs() * 1e4).round() as u64; // saturates far beyond any amount in a statement
    let (whole, frac) = (r / 10_000, r % 10_000);
    if frac == 0 {
        return format!("#{whole}");
    }
    let frac = format!("{frac:04}");
    format!("#{whole}.{}", frac.trim_end_matches('0'))
}

/// The runs of ASCII letters, digits and hyphens with at least one letter ("G20", "COVID-19"),
/// ordinals ("75th") left out.
fn latin_runs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_alphanumeric() {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
                i += 1;
            }
            let mut end = i;
            while end > start && bytes[end - 1] == b'-' {
                end -= 1;
            }
            let run = &text[start..end];
            let ordinal = ["st", "nd", "rd", "th"].iter().any(|suffix| {
                run.strip_suffix(suffix).is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            });
            if run.bytes().any(|b| b.is_ascii_alphabetic()) && !ordinal {
                out.push((start, end));
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Parses the digits at `bytes[i..]` (ASCII digits, `,` between groups of three, one decimal
/// point); returns the value and the end. Full-width digits are read as ASCII ones.
fn digits(text: &str, i: usize) -> (f64, usize) {
    let mut s = String::new();
    let mut end = i;
    let mut seen_point = false;
    let chars: Vec<(usize, char)> = text[i..].char_indices().map(|(j, c)| (i + j, c)).collect();
    let mut k = 0;
    while k < chars.len() {
        let (j, c) = chars[k];
        let d = match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            _ => None,
        };
        if let Some(d) = d {
            s.push(d);
            end = j + c.len_utf8();
        } else if matches!(c, '.' | '．') && !seen_point && chars.get(k + 1).is_some_and(|n| n.1.is_ascii_digit()) {
            seen_point = true;
            s.push('.');
        } else if c == ','
            && !seen_point
            && chars.get(k + 1..k + 4).is_some_and(|n| n.iter().all(|x| x.1.is_ascii_digit()))
        {
            // a thousands separator: skip it
        } else {
            break;
        }
        k += 1;
    }
    (decimal(&s), end)
}

/// The value of ASCII digits with at most one decimal point (what `digits` collects), without
/// `str::parse::<f64>` (which would add 10 KB to the WebAssembly build): the whole part exactly
/// up to 2^53, the fraction to a few digits, which `number_key` rounds to 4 anyway.
fn decimal(s: &str) -> f64 {
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut value = whole.bytes().fold(0.0, |v, d| v * 10.0 + f64::from(d - b'0'));
    let mut scale = 1.0;
    for d in frac.bytes().take(9) {
        scale /= 10.0;
        value += f64::from(d - b'0') * scale;
    }
    value
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The anchors of one sentence `text[span]`, as keys: `#value` for numbers, `@name` for Latin
/// names of `names` (the names the Chinese text writes in Latin script, lower case).
pub(crate) fn anchors(text: &str, span: Span, names: &[String]) -> Vec<String> {
    let s = &text[span.range()];
    let mut out = Vec::new();
    let runs = latin_runs(s);
    for &(a, b) in &runs {
        let name = s[a..b].to_ascii_lowercase();
        if names.contains(&name) {
            out.push(format!("@{name}"));
        }
    }
    let in_run = |i: usize| runs.iter().any(|&(a, b)| a <= i && i < b);
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().expect("i is on a char boundary");
        if is_digit(c) && !in_run(i) && !s[..i].ends_with(is_digit) {
            let (value, end) = digits(s, i);
            let rest = &s[end..];
            let (zh, zh_len) = zh_multiplier(rest);
            let value = if zh_len > 0 { value * zh } else { value * en_multiplier(rest) };
            out.push(number_key(value));
            i = end.max(i + c.len_utf8());
            continue;
        }
        i += c.len_utf8();
    }
    for &(a, b) in &runs {
        if let Some(v) = en_number_word(&s[a..b]) {
            out.push(number_key(v));
        }
    }
    if let Some(mark) = list_mark(s) {
        out.push(mark);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The mark that starts an item of a list, if the sentence starts with one: a dash (`%dash`) or
/// an ordinal (`%2` for `第二，` and `Second,`), so that the items of a list align one to one.
fn list_mark(sentence: &str) -> Option<String> {
    const ZH: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    const EN: [&str; 10] =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    let s = sentence.trim_start();
    if s.starts_with("——") || s.starts_with(['–', '—']) || s.starts_with("- ") {
        return Some("%dash".to_string());
    }
    if let Some(rest) = s.strip_prefix('第') {
        let n = ZH.iter().position(|d| rest.starts_with(d) && rest[d.len()..].starts_with(['，', '、', ',']))?;
        return Some(format!("%{}", n + 1));
    }
    let word: String = s.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let after = s[word.len()..].chars().next();
    let lower = word.to_ascii_lowercase();
    let lower = lower.strip_suffix("ly").unwrap_or(&lower);
    let n = EN.iter().position(|&w| w == lower)?;
    (after == Some(',')).then(|| format!("%{}", n + 1))
}

/// The names in Latin script in a Chinese text (lower case, sorted, distinct), to look for in
/// its English edition.
pub(crate) fn latin_names(zh: &str) -> Vec<String> {
    let mut names: Vec<String> = latin_runs(zh)
        .into_iter()
        .map(|(a, b)| zh[a..b].to_ascii_lowercase())
        .filter(|n| en_number_word(n).is_none())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str, names: &[&str]) -> Vec<String> {
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        anchors(text, Span::new(0, text.len()), &names)
    }

    #[test]
    fn numbers_by_value() {
        assert_eq!(
            of("中国将提供20亿美元，14亿人民，75周年，4.4%，２０３０年", &[]),
            ["#1400000000", "#2000000000", "#2030", "#4.4", "#75"]
        );
        assert_eq!(
            of("US$2 billion, 1.4 billion people, the 75th anniversary, 4.4 percent, 2030, 100,000 jobs", &[]),
            ["#100000", "#1400000000", "#2000000000", "#2030", "#4.4", "#75"]
        );
        assert_eq!(of("Seventy-five years ago, twenty countries", &[]), ["#20", "#75"]);
        assert_eq!(of("22万亿美元", &[]), ["#22000000000000"]);
    }

    #[test]
    fn list_marks() {
        assert_eq!(of("——面对疫情，我们要团结。", &[]), ["%dash"]);
        assert_eq!(of("– Facing the virus, we should unite.", &[]), ["%dash"]);
        assert_eq!(of("第二，这场疫情启示我们。", &[]), ["%2"]);
        assert_eq!(of("Second, COVID-19 reminds us.", &[]), ["%2"]);
        assert_eq!(of("Firstly, we act.", &[]), ["%1"]);
        assert!(of("第二次会议。First of all, we act.", &[]).is_empty());
    }

    #[test]
    fn names_and_numbers_in_names() {
        assert_eq!(latin_names("疫情激发了5G、人工智能；APEC和G20，COVID-19"), ["5g", "apec", "covid-19", "g20"]);
        assert_eq!(of("5G and the G20 and COVID-19 in 2020.", &["5g", "g20"]), ["#2020", "@5g", "@g20"]);
    }
}
