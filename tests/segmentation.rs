//! Chinese and Japanese words, natively:
//!
//! - `tests/fixtures/segmentation.tsv` holds the words of every run of Han and kana of the
//!   Chinese fixture statements, and of a few harder lines (Japanese, half-width katakana,
//!   compatibility ideographs, emoji and NBSP between words; then lines without Chinese:
//!   contractions, numbers, abbreviations, NBSP, emoji, combining marks, Cyrillic, Arabic, Hangul
//!   with Latin, full-width letters). The native tokenizer must give them;
//!   `tests/js/segmentation.test.mjs` checks the browser build against the same file (the package
//!   in Node, and the page's worker in Chromium). To write it again from the native tokenizer:
//!   `REFRAIN_BLESS=1 cargo test --test segmentation`.
//! - On every Chinese statement of `../shared/corpus`, the native segmenter cuts each run as the
//!   browser's `Intl.Segmenter` does, run by Node (20 or later, which `make test` needs anyway).
//! - No family, occurrence or query result on those statements starts or ends inside a word.
//! - The WebAssembly build takes its word segments from the browser's `Intl.Segmenter` and its
//!   graphemes from a small hand-written function (`src/text/bounds.rs`): fed with Node's
//!   segments, the same segment loop gives the native tokens on every statement of
//!   `../shared/corpus`, and the hand-written graphemes are `unicode-segmentation`'s on every
//!   segment of it with Han, kana or Hangul.
//! - The native tokenizer splits chunks of plain characters itself (`src/text/bounds.rs`) and
//!   normalizes ASCII words without NFKC: it gives the tokens `unicode-segmentation`'s segments of
//!   the whole text give, on every statement of `../shared/corpus` and on random strings; it
//!   splits chunks of plain characters, CJK Unified Ideographs and Chinese punctuation itself
//!   too, as UAX #29 does.

use proptest::prelude::*;
use refrain::report::Edit;
use refrain::text::bounds::{chinese_word_ends, chunks, graphemes, plain_word_ends, CHUNK};
use refrain::text::{tokenize, tokenize_chunked, tokenize_segmented, tokenize_with, Normalization, Token, TokenKind};
use refrain::{Corpus, Options, Statement};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use unicode_segmentation::UnicodeSegmentation;

/// Lines harder than the fixtures' runs, in the segmentation fixture after them.
const HARDER: &[&str] = &[
    "こんにちは世界、東京都に住んでいます",
    "コンピューターとインターネットのセキュリティ",
    "ﾃﾞｰﾀﾍﾞｰｽの設計とｶﾞｲﾄﾞ",
    "人々の生活と時々の変化",
    "豈更車賈滑",
    "㌀㌔株式会社",
    "𠀀𠀁中国𪚥字",
    "践行真正的多边主义🌍构建人类命运共同体\u{00A0}弥合数字鸿沟",
    "真正\u{FE00}的多边\u{0301}主义 multilateralism 2020年",
    "中国式现代化，全球治理，新型国际关系",
    // Not Chinese: the browser's segments and the hand-written graphemes of the WebAssembly
    // build must give the native words here too.
    "Don't stop: the UN’s role, U.S. policy, e-mail to info@example.org and x_y",
    "1.5 degrees, 3,000 people, 2017-2024, 10:30, 4.5% and 1,000.25",
    "banner of\u{00A0}multilateralism 🌍 peace 👩\u{200D}👩\u{200D}👧 now 🇨🇳 👍🏽 flag",
    "cafe\u{0301} naïve e\u{0301}\u{0308}tat Zürich a\u{20DD}b",
    "Привет, мир: подлинная многосторонность",
    "التعددية الحقيقية في العالم",
    "한국어Korean 대한민국 Seoul서울 \u{1100}\u{1161}\u{11A8}",
    "ＷＴＯ ＡＢＣ１２３ ｆｕｌｌ－ｗｉｄｔｈ",
];

const FIXTURE: &str = "tests/fixtures/segmentation.tsv";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn texts_under(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(p).unwrap()))
        .collect()
}

/// The tokens of `text` as written.
fn words(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| &text[t.span.range()]).collect()
}

/// The runs of Chinese words of `text`: the stretches of words the segmenter cut that touch.
fn runs(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    for t in tokenize(text).iter().filter(|t| t.kind == TokenKind::CjkWord) {
        run = match run {
            Some((s, e)) if e == t.span.start => Some((s, t.span.end)),
            Some((s, e)) => {
                out.push(&text[s..e]);
                Some((t.span.start, t.span.end))
            }
            None => Some((t.span.start, t.span.end)),
        };
    }
    out.extend(run.map(|(s, e)| &text[s..e]));
    out
}

/// The fixture as the native tokenizer writes it: a comment, then one line per text, `text TAB
/// its words separated by spaces`.
fn fixture_now() -> String {
    let mut out = String::from(
        "# Words of Chinese and Japanese: a text, a tab, its tokens as written (separated by spaces). The runs of\n\
         # the Chinese fixture statements, then harder lines, the last without Chinese. Written by the native tokenizer (tests/segmentation.rs,\n\
         # REFRAIN_BLESS=1); the browser build must give the same (tests/js/segmentation.test.mjs).\n",
    );
    let statements = texts_under(&root().join("tests/fixtures/official/zh"));
    assert_eq!(statements.len(), 2, "the two Chinese fixture statements");
    let mut seen = HashSet::new();
    let lines = statements.iter().flat_map(|(_, text)| runs(text)).chain(HARDER.iter().copied());
    for line in lines.filter(|l| seen.insert(*l)) {
        assert!(!line.contains(['\t', '\n']), "{line:?}");
        out.push_str(&format!("{line}\t{}\n", words(line).join(" ")));
    }
    out
}

#[test]
fn the_fixture_words_hold_natively() {
    let path = root().join(FIXTURE);
    let now = fixture_now();
    if std::env::var_os("REFRAIN_BLESS").is_some_and(|v| v != "0" && !v.is_empty()) {
        std::fs::write(&path, &now).unwrap();
    }
    let fixture = std::fs::read_to_string(&path).unwrap();
    let mut lines = 0;
    for line in fixture.lines().filter(|l| !l.starts_with('#')) {
        let (text, want) = line.split_once('\t').expect("text TAB words");
        assert_eq!(words(text).join(" "), want, "the words of {text:?}");
        lines += 1;
    }
    assert_eq!(fixture, now, "{FIXTURE} lacks lines (REFRAIN_BLESS=1 writes it again)");
    assert!(lines > 100, "only {lines} lines in {FIXTURE}");
}

/// What Node's `Intl.Segmenter('zh', {granularity: 'word'})` gives for each text: each segment's
/// `field` (`segment`, its text; `index`, its UTF-16 start). The input is written from a thread
/// so that a large one cannot block on a full pipe.
fn node_segments<T: serde::de::DeserializeOwned>(texts: &[&str], field: &str) -> Vec<Vec<T>> {
    let script = format!(
        "const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const words = new Intl.Segmenter('zh', {{ granularity: 'word' }});
process.stdout.write(JSON.stringify(texts.map((t) => Array.from(words.segment(t), (s) => s.{field}))));"
    );
    let mut node = Command::new("node")
        .args(["-e", &script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("Node (20 or later) runs the browser's segmenter for this test");
    let input = serde_json::to_vec(texts).unwrap();
    let mut stdin = node.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input).unwrap());
    let out = node.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "node failed");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The words `Intl.Segmenter('zh', {granularity: 'word'})` cuts each run into, in Node.
fn browser_words(runs: &[&str]) -> Vec<Vec<String>> {
    node_segments(runs, "segment")
}

fn shared_zh() -> Vec<(String, String)> {
    let dir = root().join("../shared/corpus/official/zh");
    assert!(dir.is_dir(), "../shared/corpus (the project's shared statements) must lie beside the repository");
    let texts = texts_under(&dir);
    assert!(texts.len() >= 15, "only {} Chinese statements", texts.len());
    texts
}

#[test]
fn the_browser_segmenter_cuts_the_chinese_statements_of_the_shared_corpus_alike() {
    let texts = shared_zh();
    let runs: Vec<&str> = texts.iter().flat_map(|(_, text)| runs(text)).collect();
    let browser = browser_words(&runs);
    assert_eq!(browser.len(), runs.len());
    let mut differ = Vec::new();
    let mut count = 0;
    for (run, theirs) in runs.iter().zip(&browser) {
        let ours = words(run);
        count += ours.len();
        if ours != *theirs {
            differ.push(format!("{run}: native {}, browser {}", ours.join("|"), theirs.join("|")));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} runs cut differently:\n{}",
        differ.len(),
        runs.len(),
        differ[..differ.len().min(20)].join("\n")
    );
    eprintln!("{} runs, {count} words: the same natively and in Node's Intl.Segmenter", runs.len());
    assert!(runs.len() > 5_000 && count > 40_000, "{} runs, {count} words", runs.len());
}

/// Phrases searched for on the Chinese statements; some start or end inside a word.
const QUERIES: &[&str] = &[
    "人类命运共同体", "践行真正的多边主义", "数字鸿沟", "全球治理", "新型国际关系", "中国式现代化", "共商共建共享",
    "建人类命运", "行真正的多边", "类命运共同",
];

/// The phrases of [`QUERIES`] that start and end inside words.
const MID_WORD: &[&str] = &["建人类命运", "行真正的多边", "类命运共同"];

#[test]
fn no_family_occurrence_or_query_result_starts_or_ends_inside_a_word() {
    let texts = shared_zh();
    let mut corpus = Corpus::new(Options::builder().max_families(100_000).build().unwrap());
    for (id, text) in &texts {
        corpus.add(Statement::new(id.clone(), text.clone())).unwrap();
    }
    // Where the segmenter's words start and end, by statement.
    let bounds: Vec<(HashSet<usize>, HashSet<usize>)> = texts
        .iter()
        .map(|(_, text)| {
            let tokens = tokenize(text);
            (tokens.iter().map(|t| t.span.start).collect(), tokens.iter().map(|t| t.span.end).collect())
        })
        .collect();
    // Every place the report and the queries give: (what, statement, start, end).
    let mut places: Vec<(&str, String, usize, usize)> = Vec::new();
    let edits = |what: &'static str, doc: &str, edits: &[Edit], places: &mut Vec<(&str, String, usize, usize)>| {
        places.extend(edits.iter().filter_map(|e| Some((what, doc.to_string(), e.start?, e.end?))));
    };
    let report = corpus.compare();
    assert!(report.families.len() > 1_000, "only {} families", report.families.len());
    for f in &report.families {
        places.push(("root", f.root_excerpt.doc.clone(), f.root_excerpt.start, f.root_excerpt.end));
        for o in &f.occurrences {
            places.push(("occurrence", o.excerpt.doc.clone(), o.excerpt.start, o.excerpt.end));
            edits("edit", &o.excerpt.doc, &o.diff, &mut places);
        }
    }
    for q in QUERIES {
        let hits = corpus.query(q).unwrap();
        // A phrase cut inside words ("类命运共同") may find nothing: too few of its words match.
        assert!(!hits.occurrences.is_empty() || MID_WORD.contains(q), "{q} finds something");
        for o in &hits.occurrences {
            places.push(("query result", o.excerpt.doc.clone(), o.excerpt.start, o.excerpt.end));
            edits("query word", &o.excerpt.doc, &o.explanation, &mut places);
        }
    }
    for (what, doc, start, end) in &places {
        let d = texts.iter().position(|(id, _)| id == doc).expect("a known statement");
        let (starts, ends) = &bounds[d];
        let text = &texts[d].1[*start..*end];
        assert!(starts.contains(start) && ends.contains(end), "{what} {doc} {start}..{end} {text:?} cuts a word");
    }
    let checked = places.len();
    assert!(checked > 10_000, "only {checked} places checked");
}

/// Every statement of `../shared/corpus` (English, Chinese and the rest), by path.
fn shared_all() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "txt") {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let dir = root().join("../shared/corpus");
    assert!(dir.is_dir(), "../shared/corpus (the project's shared statements) must lie beside the repository");
    let mut out = Vec::new();
    walk(&dir, &mut out);
    assert!(out.len() >= 100, "only {} statements", out.len());
    out
}

/// The UTF-16 offsets at which `Intl.Segmenter('zh', {granularity: 'word'})` starts the segments
/// of each text, in Node: what the bindings' `wordStarts` gives.
fn browser_starts(texts: &[&str]) -> Vec<Vec<u32>> {
    node_segments(texts, "index")
}

/// The tokens of `text` as the WebAssembly build cuts it, the segmenter given chunks of at least
/// `limit` bytes, with Node's segments of those chunks (`starts`, in order).
fn browser_tokens(text: &str, limit: usize, starts: &mut dyn Iterator<Item = (&str, Vec<u32>)>) -> Vec<Token> {
    tokenize_segmented(text, Normalization::default(), limit, &mut |chunk| {
        let (expected, starts) = starts.next().expect("a chunk the segmenter was given");
        assert_eq!(chunk, expected, "the chunks are cut alike");
        starts
    })
}

fn first_difference(text: &str, ours: &[Token], native: &[Token]) -> String {
    let i = ours.iter().zip(native).position(|(a, b)| a != b).unwrap_or(ours.len().min(native.len()));
    let show = |t: Option<&Token>| {
        t.map_or("none".to_string(), |t| format!("{:?} {:?} {:?}", &text[t.span.range()], t.norm, t.kind))
    };
    format!("token {i}: browser {}, native {}", show(ours.get(i)), show(native.get(i)))
}

/// Fed with Node's `Intl.Segmenter` segments and the hand-written graphemes, the segment loop
/// gives exactly the native tokens (spans, UTF-16 offsets, comparison forms, kinds) on every
/// statement of the shared corpus: with the chunks the WebAssembly build gives the segmenter,
/// and with the text cut at every place a chunk may end (which checks that words always end
/// there).
#[test]
fn the_browser_segments_give_the_native_tokens_on_every_statement() {
    let statements = shared_all();
    for limit in [CHUNK, 0] {
        // The chunks the WebAssembly build asks the segmenter for: those it cannot split itself.
        let pieces: Vec<&str> = statements
            .iter()
            .flat_map(|(_, text)| chunks(text, limit).map(|(_, c)| c))
            .filter(|c| plain_ends(c).is_none())
            .collect();
        let starts = browser_starts(&pieces);
        let mut starts = pieces.iter().copied().zip(starts);
        let mut differ = Vec::new();
        let mut count = 0;
        for (id, text) in &statements {
            let ours = browser_tokens(text, limit, &mut starts);
            let native = tokenize(text);
            count += native.len();
            if ours != native {
                differ.push(format!("{id}: {}", first_difference(text, &ours, &native)));
            }
        }
        assert!(starts.next().is_none(), "every chunk used");
        assert!(
            differ.is_empty(),
            "chunks of {limit} bytes: {} statements differ:\n{}",
            differ.len(),
            differ.join("\n")
        );
        eprintln!(
            "chunks of {limit} bytes: {} statements, {} chunks, {count} tokens: the same natively and from Node's Intl.Segmenter",
            statements.len(),
            pieces.len()
        );
        assert!(count > 250_000, "only {count} tokens");
    }
}

/// The hand-written graphemes of the WebAssembly build are `unicode-segmentation`'s extended
/// graphemes on every segment of the shared corpus with Han, kana or Hangul (the only segments
/// the tokenizer cuts into graphemes), as Node's `Intl.Segmenter` and as UAX #29 cut them.
#[test]
fn the_hand_written_graphemes_are_uax29s_on_every_cjk_segment_of_the_corpus() {
    let statements = shared_all();
    let texts: Vec<&str> = statements.iter().map(|(_, t)| t.as_str()).collect();
    let pieces: Vec<&str> = texts.iter().flat_map(|text| chunks(text, CHUNK).map(|(_, c)| c)).collect();
    let starts = browser_starts(&pieces);
    let cjk = |s: &str| {
        s.chars().any(|c| {
            matches!(c as u32, 0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xAC00..=0xD7FF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F | 0x20000..)
        })
    };
    let mut segments: Vec<&str> = Vec::new();
    for (chunk, starts) in pieces.iter().zip(&starts) {
        let mut at: Vec<usize> = Vec::new();
        let mut utf16 = 0;
        for (i, c) in chunk.char_indices() {
            if starts.contains(&(utf16 as u32)) {
                at.push(i);
            }
            utf16 += c.len_utf16();
        }
        at.push(chunk.len());
        segments.extend(at.windows(2).map(|w| &chunk[w[0]..w[1]]));
    }
    segments.extend(texts.iter().flat_map(|text| text.split_word_bounds()));
    segments.retain(|s| cjk(s));
    segments.sort_unstable();
    segments.dedup();
    for s in &segments {
        let ours: Vec<(usize, &str)> = graphemes(s).collect();
        let want: Vec<(usize, &str)> = s.grapheme_indices(true).collect();
        assert_eq!(ours, want, "the graphemes of {s:?}");
    }
    eprintln!("{} distinct segments with Han, kana or Hangul: the same graphemes", segments.len());
    assert!(segments.len() > 5_000, "only {} segments", segments.len());
}

/// The word segment ends of `s` as the WebAssembly build splits a chunk of plain characters
/// itself (`src/text/bounds.rs`), `None` when `s` is not plain.
fn plain_ends(s: &str) -> Option<Vec<usize>> {
    let mut ends = Vec::new();
    plain_word_ends(s, &mut ends).then_some(ends)
}

/// The word segment ends of `s` by UAX #29 (`unicode-segmentation`, the native build's).
fn uax29_ends(s: &str) -> Vec<usize> {
    s.split_word_bound_indices().map(|(i, w)| i + w.len()).collect()
}

/// One character of each Word_Break class among the plain characters, and a few of class Other.
const PLAIN_CLASSES: &[char] = &[
    'a', 'Z', '\u{E9}', '1', ' ', '\u{2003}', ':', '\u{B7}', '.', '\'', '\u{2019}', ',', ';', '_', '\r', '\n', '-',
    '"', '\u{A0}', '\t', '\u{2014}',
];

/// Every plain character (all lie below U+2100).
fn plain_chars() -> Vec<char> {
    (0..0x2100u32).filter_map(char::from_u32).filter(|c| plain_ends(&c.to_string()).is_some()).collect()
}

/// The hand-written splitter is UAX #29 on plain text: on every string of up to four characters
/// of the classes above, and on every plain character between and after two of them (so each
/// plain character splits as its class does).
#[test]
fn plain_chunks_split_as_uax29_on_every_short_string() {
    let chars = plain_chars();
    assert_eq!(chars.len(), 95 + 3 + 223 + 10, "the plain characters");
    assert!(plain_ends("a\u{AD}b").is_none() && plain_ends("a\u{301}").is_none() && plain_ends("中").is_none());
    assert!(plain_ends("\u{B}").is_none() && plain_ends("\u{7F}").is_none() && plain_ends("\u{2028}").is_none());
    let check = |s: &str| assert_eq!(plain_ends(s).as_deref(), Some(uax29_ends(s).as_slice()), "{s:?}");
    let mut count = 0;
    let mut s = String::new();
    for len in 0..=4u32 {
        for mut n in 0..PLAIN_CLASSES.len().pow(len) {
            s.clear();
            for _ in 0..len {
                s.push(PLAIN_CLASSES[n % PLAIN_CLASSES.len()]);
                n /= PLAIN_CLASSES.len();
            }
            check(&s);
            count += 1;
        }
    }
    for &c in &chars {
        for &x in PLAIN_CLASSES {
            for &y in PLAIN_CLASSES {
                for s in [format!("{x}{c}{y}"), format!("{x}{y}{c}"), format!("{c}{x}{y}")] {
                    check(&s);
                    count += 1;
                }
            }
        }
    }
    eprintln!("{} plain characters, {count} strings: split as UAX #29 splits them", chars.len());
}

/// The word segment ends of `s` as the native build splits a chunk of plain and Chinese
/// characters itself (`src/text/bounds.rs`), `None` when it does not.
fn chinese_ends(s: &str) -> Option<Vec<usize>> {
    let mut ends = Vec::new();
    chinese_word_ends(s, &mut ends).then_some(ends)
}

/// The native splitter of Chinese chunks is UAX #29 on them: it takes the plain characters and
/// these, and splits every one of them between and after two characters of the plain classes
/// or of its own, as UAX #29 does.
#[test]
fn chinese_chunks_split_as_uax29_on_every_short_string() {
    let plain = plain_chars();
    let chinese: Vec<char> = (0..0x10000u32)
        .filter_map(char::from_u32)
        .filter(|c| !plain.contains(c) && chinese_ends(&c.to_string()).is_some())
        .collect();
    assert_eq!(chinese.len(), 0x9FFF - 0x4E00 + 1 + 22, "the Chinese characters");
    assert!(plain.iter().all(|c| chinese_ends(&c.to_string()).is_some()));
    assert!(chinese_ends("中\u{301}").is_none() && chinese_ends("中ア").is_none() && chinese_ends("한").is_none());
    let classes: Vec<char> =
        PLAIN_CLASSES.iter().copied().chain(['中', '\u{3000}', '，', '；', '：', '。', '、']).collect();
    let check = |s: &str| assert_eq!(chinese_ends(s).as_deref(), Some(uax29_ends(s).as_slice()), "{s:?}");
    let mut count = 0;
    for &c in &chinese {
        let contexts: &[char] = if ('\u{4E00}'..='\u{9FFF}').contains(&c) { &['1', '，', 'a'] } else { &classes };
        for &x in contexts {
            for &y in contexts {
                for s in [format!("{x}{c}{y}"), format!("{x}{y}{c}"), format!("{c}{x}{y}")] {
                    check(&s);
                    count += 1;
                }
            }
        }
    }
    eprintln!("{} Chinese characters, {count} strings: split as UAX #29 splits them", chinese.len());
}

/// Every chunk of every statement of the shared corpus that the native splitter of Chinese
/// chunks takes splits as UAX #29 splits it.
#[test]
fn chinese_chunks_of_the_corpus_split_as_uax29() {
    let (mut taken, mut all) = (0, 0);
    for (id, text) in &shared_all() {
        for (at, chunk) in chunks(text, 256) {
            if plain_ends(chunk).is_some() {
                continue;
            }
            all += 1;
            if let Some(ends) = chinese_ends(chunk) {
                assert_eq!(ends, uax29_ends(chunk), "{id}: the chunk at byte {at}");
                taken += 1;
            }
        }
    }
    eprintln!("{taken} of {all} chunks that are not plain taken as Chinese, split as UAX #29 splits them");
    assert!(taken * 10 > all * 9, "only {taken} of {all} chunks");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]
    /// On random strings of plain characters (half of them drawn from the class
    /// representatives, so that words, numbers and middle characters meet often).
    #[test]
    fn plain_chunks_split_as_uax29_on_random_strings(
        picks in prop::collection::vec((any::<bool>(), any::<prop::sample::Index>()), 0..60)
    ) {
        let chars = plain_chars();
        let s: String = picks
            .iter()
            .map(|(class, i)| if *class { *i.get(PLAIN_CLASSES) } else { *i.get(&chars) })
            .collect();
        prop_assert_eq!(plain_ends(&s), Some(uax29_ends(&s)), "{:?}", s);
    }
}

/// Every chunk of every statement of the shared corpus that is plain splits as UAX #29 splits
/// it, with the chunks the WebAssembly build cuts and cut at every place a chunk may end.
#[test]
fn plain_chunks_of_the_corpus_split_as_uax29() {
    let statements = shared_all();
    for limit in [CHUNK, 0] {
        let (mut plain, mut all, mut bytes) = (0, 0, 0);
        for (id, text) in &statements {
            for (at, chunk) in chunks(text, limit) {
                all += 1;
                if let Some(ends) = plain_ends(chunk) {
                    assert_eq!(ends, uax29_ends(chunk), "{id}: the chunk at byte {at}");
                    plain += 1;
                    bytes += chunk.len();
                }
            }
        }
        eprintln!("chunks of {limit} bytes: {plain} of {all} plain ({bytes} bytes), split as UAX #29 splits them");
        assert!(plain * 2 > all, "only {plain} of {all} chunks plain");
    }
}

/// The native tokenizer (plain chunks split by the hand-written splitter, the others by
/// `unicode-segmentation`; ASCII words normalized without NFKC) gives the tokens of
/// `unicode-segmentation`'s word segments of the whole text, on every statement of the shared
/// corpus, with either normalization, and with the text cut at every place a chunk may end.
#[test]
fn the_native_tokens_are_those_of_uax29_segments_on_every_statement() {
    let statements = shared_all();
    let raw = Normalization { spelling: false, inflection: false };
    let mut count = 0;
    for (id, text) in &statements {
        for n in [Normalization::default(), raw] {
            let want = tokenize_chunked(text, n, None);
            for ours in [tokenize_with(text, n), tokenize_chunked(text, n, Some(0))] {
                assert!(ours == want, "{id}: {}", first_difference(text, &ours, &want));
            }
            count += want.len();
        }
    }
    eprintln!("{} statements, {count} tokens: the same as from UAX #29 segments of the whole text", statements.len());
    assert!(count > 500_000, "only {count} tokens");
}

/// Words and separators the random texts below are made of: plain text, curly quotes, NBSP,
/// hyphens and line breaks (joined words), numbers, combining marks, emoji, Chinese, Japanese,
/// Korean, full-width letters and punctuation, Cyrillic, Arabic, soft hyphens and invisible
/// characters.
const PARTS: &[&str] = &[
    "multilateralism", "Centres", "UN’s", "don't", "travelled", "Organisations", "the", "a", "1.5", "3,000", "2017",
    "x_y", "_", "e.g", "U.S.", "a:b", " ", " ", " ", "  ", "\n", "\r\n", "\t", ",", ".", ";", ":", "'", "’", "‘", "“",
    "”", "-", "- ", "-\n", "—", "–", "…", "€", "\u{A0}", "\u{2003}", "\u{3000}", "\u{AD}", "\u{200B}", "\u{200D}",
    "\u{FEFF}", "\u{0301}", "\u{0308}", "\u{FE0F}", "cafe\u{0301}", "naïve", "Zürich", "Łódź", "œuvre", "ß", "²", "½",
    "¸", "·", "ª", "🌍", "👩\u{200D}👩\u{200D}👧", "👍🏽", "🇨🇳", "真正", "的", "多边主义", "。", "，", "、", "；", "！",
    "2020年", "データ", "ﾃﾞｰﾀ", "한국어", "대한민국", "ＷＴＯ", "ｆｕｌｌ－ｗｉｄｔｈ", "ﬁnance", "Привет", "мир",
    "التعددية", "ΟΔΟΣ", "\u{1100}\u{1161}\u{11A8}", "𠀀", "人\u{0301}", "1\u{FE0F}\u{20E3}", "#", "@", "%", "&", "\"",
    "(", ")",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]
    /// On random texts of [`PARTS`], long enough to be cut into several chunks, the native
    /// tokenizer gives the tokens of `unicode-segmentation`'s segments of the whole text, and so
    /// does it with the text cut at every place a chunk may end.
    #[test]
    fn the_native_tokens_are_those_of_uax29_segments_on_random_texts(
        picks in prop::collection::vec(any::<prop::sample::Index>(), 0..400)
    ) {
        let text: String = picks.iter().map(|i| *i.get(PARTS)).collect();
        let n = Normalization::default();
        let want = tokenize_chunked(&text, n, None);
        prop_assert_eq!(&tokenize_with(&text, n), &want, "{:?}", text);
        prop_assert_eq!(&tokenize_chunked(&text, n, Some(0)), &want, "{:?}", text);
    }
}
