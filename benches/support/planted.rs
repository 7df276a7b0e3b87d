//! Statements with planted passages, deterministic from a seed, and their files on disk.
//!
//! **Text.** Words are drawn from the word frequencies of the real statements in
//! `../shared/corpus/ungdc/` (or `$REFRAIN_CORPUS/ungdc`), counted when the model is built: real
//! function words and stopwords (the engine's list) mixed with content words in their real
//! (Zipf) proportions, each word in its commonest spelling inside a sentence. Whether a word is a
//! stopword or a content word follows a two-state Markov chain fitted to the same sentences (so
//! runs of stopwords are as long as in speeches, not longer); the word itself is drawn from its
//! class's frequencies, independently of its neighbours. Sentence lengths are drawn from the
//! real sentences; commas, semicolons, question and exclamation marks and line breaks come at
//! their real rates. When that folder is absent, a synthetic model stands in (the engine's
//! stopwords and pseudo-words, both Zipf-distributed, sentences of 8-30 words) and
//! [`Model::source`] says so. Drawing words independently keeps chance repeats of long phrases
//! out of the base text: what statements share beyond a few words is what was planted.
//!
//! **Passages.** Each passage has 12-40 words (drawn like the text, commas included) and is
//! copied into 2-6 distinct statements, as a sentence of its own or inside a sentence. One copy
//! in three (never a passage's first) carries one edit inside the passage, the kinds cycling
//! through [`Edit::KINDS`]: a word inserted, deleted, replaced by another content word, replaced
//! by a near-synonym of the engine's lexicon (the sets of `SYNONYMS` in `src/text/lexicon.rs`,
//! parsed from that file, so that they follow it), two neighbouring words swapped, a word's case
//! changed, a comma or quote marks added, a space made a no-break space, a word written in
//! full-width letters or with a ligature (NFKC folds both back), or a full stop and capital
//! inside. Each copy's exact byte span (first word's start to last word's end) and its edit are
//! the truth. A case is two copies of one passage (in two statements).
//!
//! **Files** (`write`, read back by `score`): `DIR/NNNNN.txt` (UTF-8, from `00000.txt`) and
//! `DIR/truth.json`:
//!
//! ```json
//! {"format": "refrain-planted/1", "seed": 1, "docs": 200, "words_per_doc": 5000, "edits": true,
//!  "words": 1000123, "text_model": "ungdc: ...", "files": ["00000.txt", ...],
//!  "passages": [{"words": 23, "copies": [
//!     {"doc": "00012.txt", "start": 1041, "end": 1187, "edit": "none", "detail": ""},
//!     {"doc": "00150.txt", "start": 88, "end": 236, "edit": "swap", "detail": "swapped words 7 and 8"}]}]}
//! ```
//!
//! Edit names: `none`, `insert`, `delete`, `substitute`, `synonym`, `swap`, `case`,
//! `punctuation`, `nbsp`, `nfkc`, `sentence-end`. Detections to score are a JSON list of pairs
//! of spans, byte offsets into the files, in either order, other fields ignored:
//! `[{"a": {"doc": "00012.txt", "start": 1041, "end": 1187}, "b": {"doc": "00150.txt", ...}}]`.

use crate::pan::{DocSpan, Pair};
use crate::random::{pseudo_words, Rng};
use refrain::Statement;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------------
// Edits

/// What one copy of a passage has changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Edit {
    None,
    Insert,
    Delete,
    Substitute,
    Synonym,
    Swap,
    Case,
    Punctuation,
    NoBreakSpace,
    Nfkc,
    SentenceEnd,
}

impl Edit {
    /// The edits, in the order copies receive them.
    pub const KINDS: [Edit; 10] = [
        Edit::Insert,
        Edit::Delete,
        Edit::Substitute,
        Edit::Synonym,
        Edit::Swap,
        Edit::Case,
        Edit::Punctuation,
        Edit::NoBreakSpace,
        Edit::Nfkc,
        Edit::SentenceEnd,
    ];

    /// The name in files and tables.
    pub fn name(self) -> &'static str {
        match self {
            Edit::None => "none",
            Edit::Insert => "insert",
            Edit::Delete => "delete",
            Edit::Substitute => "substitute",
            Edit::Synonym => "synonym",
            Edit::Swap => "swap",
            Edit::Case => "case",
            Edit::Punctuation => "punctuation",
            Edit::NoBreakSpace => "nbsp",
            Edit::Nfkc => "nfkc",
            Edit::SentenceEnd => "sentence-end",
        }
    }

    /// The edit of a name.
    pub fn from_name(name: &str) -> Option<Edit> {
        std::iter::once(Edit::None).chain(Edit::KINDS).find(|e| e.name() == name)
    }
}

// ---------------------------------------------------------------------------------------------
// The engine's word lists

/// The engine's stopwords and near-synonym sets, parsed from its source.
pub struct Lexicon {
    pub stopwords: HashSet<String>,
    pub synonyms: Vec<Vec<String>>,
}

const LEXICON_RS: &str = include_str!("../../src/text/lexicon.rs");

/// The strings between double quotes.
fn quoted(s: &str) -> Vec<String> {
    s.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

impl Lexicon {
    /// The lists `STOPWORDS` and `SYNONYMS` of `src/text/lexicon.rs`.
    pub fn engine() -> Lexicon {
        let list = |name: &str| -> &str {
            let from = LEXICON_RS.find(&format!("const {name}:")).unwrap_or_else(|| panic!("{name} in lexicon.rs"));
            let body = &LEXICON_RS[from..];
            let open = body.find("= &[").expect("a list") + 4;
            &body[open..open + body[open..].find("\n];").expect("the list's end")]
        };
        let stopwords: HashSet<String> = quoted(list("STOPWORDS")).into_iter().collect();
        let synonyms: Vec<Vec<String>> =
            list("SYNONYMS").split("&[").map(quoted).filter(|set| set.len() >= 2).collect();
        assert!(stopwords.contains("the") && !synonyms.is_empty(), "lexicon.rs parsed");
        Lexicon { stopwords, synonyms }
    }

    fn is_content(&self, word: &str) -> bool {
        word.chars().any(char::is_alphabetic) && !self.stopwords.contains(&word.to_lowercase())
    }

    fn synonym_set(&self, word: &str) -> Option<&Vec<String>> {
        let lower = word.to_lowercase();
        self.synonyms.iter().find(|set| set.contains(&lower))
    }
}

// ---------------------------------------------------------------------------------------------
// The text model

/// Word frequencies, sentence lengths and punctuation rates to draw statements from.
pub struct Model {
    /// Surface forms, commonest first, and the running totals of their counts.
    words: Vec<String>,
    cumulative: Vec<u64>,
    /// The same restricted to content words, and to stopwords.
    content: Vec<u32>,
    content_cumulative: Vec<u64>,
    stop: Vec<u32>,
    stop_cumulative: Vec<u64>,
    /// Chances of a stopword first in a sentence, after a stopword, after a content word.
    stop_first: f64,
    stop_after_stop: f64,
    stop_after_content: f64,
    sentence_lengths: Vec<usize>,
    /// Per word.
    comma: f64,
    semicolon: f64,
    /// Per sentence.
    question: f64,
    exclamation: f64,
    newline: f64,
    /// Where the model comes from, for the output.
    pub source: String,
}

/// The folder of real statements the model is built from.
pub fn corpus_dir() -> PathBuf {
    match std::env::var_os("REFRAIN_CORPUS") {
        Some(p) => PathBuf::from(p).join("ungdc"),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/ungdc"),
    }
}

impl Model {
    /// The model of the real corpus, or the synthetic one when it is absent.
    pub fn load(lexicon: &Lexicon) -> Model {
        let dir = corpus_dir();
        let dir = dir.canonicalize().unwrap_or(dir);
        Model::from_corpus(&dir, lexicon).unwrap_or_else(|| Model::synthetic(lexicon, &dir))
    }

    fn from_corpus(dir: &Path, lexicon: &Lexicon) -> Option<Model> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        // Per lower-case word: count, and the count of each spelling inside a sentence.
        let mut counts: HashMap<String, (u64, HashMap<String, u64>)> = HashMap::new();
        let (mut words, mut sentences, mut lengths) = (0u64, 0u64, Vec::new());
        let (mut commas, mut semicolons, mut questions, mut exclamations, mut newlines) =
            (0u64, 0u64, 0u64, 0u64, 0u64);
        // Stopwords first in a sentence, after a stopword, after a content word: [stops, all].
        let mut chain = [[0u64; 2]; 3];
        for path in &files {
            let text = std::fs::read_to_string(path).ok()?;
            let chars: Vec<char> = text.chars().collect();
            let mut in_sentence = 0usize;
            let mut previous_stop = false;
            let mut i = 0;
            let mut end_sentence = |in_sentence: &mut usize, lengths: &mut Vec<usize>| {
                if *in_sentence > 0 {
                    lengths.push((*in_sentence).min(120));
                    *in_sentence = 0;
                    sentences += 1;
                }
            };
            while i < chars.len() {
                let c = chars[i];
                if c.is_alphanumeric() {
                    let from = i;
                    while i < chars.len()
                        && (chars[i].is_alphanumeric()
                            || (matches!(chars[i], '\'' | '’' | '-')
                                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())))
                    {
                        i += 1;
                    }
                    let word: String = chars[from..i].iter().collect();
                    let stop = !lexicon.is_content(&word);
                    let state = if in_sentence == 0 {
                        0
                    } else if previous_stop {
                        1
                    } else {
                        2
                    };
                    chain[state][0] += stop as u64;
                    chain[state][1] += 1;
                    previous_stop = stop;
                    let entry = counts.entry(word.to_lowercase()).or_default();
                    entry.0 += 1;
                    if in_sentence > 0 {
                        *entry.1.entry(word).or_default() += 1;
                    }
                    in_sentence += 1;
                    words += 1;
                    continue;
                }
                match c {
                    '.' | '!' | '?' if chars.get(i + 1).is_none_or(|n| n.is_whitespace()) => {
                        if in_sentence > 0 {
                            questions += (c == '?') as u64;
                            exclamations += (c == '!') as u64;
                        }
                        end_sentence(&mut in_sentence, &mut lengths);
                    }
                    '\n' => {
                        newlines += 1;
                        end_sentence(&mut in_sentence, &mut lengths);
                    }
                    ',' => commas += 1,
                    ';' => semicolons += 1,
                    _ => {}
                }
                i += 1;
            }
            end_sentence(&mut in_sentence, &mut lengths);
        }
        if words < 10_000 {
            return None;
        }
        let mut entries: Vec<(u64, String, String)> = counts
            .into_iter()
            .map(|(key, (n, spellings))| {
                // The commonest spelling inside sentences (ties: the first in code order).
                let form = spellings
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                    .map_or_else(|| key.clone(), |(s, _)| s);
                (n, key, form)
            })
            .collect();
        entries.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let types = entries.len();
        let per_sentence = |n: u64| n as f64 / sentences.max(1) as f64;
        let mut model = Model::from_counts(
            entries.into_iter().map(|(n, _, form)| (form, n)).collect(),
            lengths,
            lexicon,
            format!(
                "word frequencies, sentence lengths and punctuation of {} ({} statements, {words} words, {types} distinct words)",
                dir.display(),
                files.len()
            ),
        );
        model.comma = commas as f64 / words as f64;
        model.semicolon = semicolons as f64 / words as f64;
        model.question = per_sentence(questions);
        model.exclamation = per_sentence(exclamations);
        model.newline = per_sentence(newlines).min(1.0);
        let share = |[stops, all]: [u64; 2]| stops as f64 / all.max(1) as f64;
        (model.stop_first, model.stop_after_stop, model.stop_after_content) =
            (share(chain[0]), share(chain[1]), share(chain[2]));
        Some(model)
    }

    /// The engine's stopwords (45% of words) and 20,000 pseudo-words (55%), each Zipf-like.
    fn synthetic(lexicon: &Lexicon, missing: &Path) -> Model {
        let mut stop: Vec<&String> = lexicon.stopwords.iter().collect();
        stop.sort();
        let zipf = |r: usize, q: f64, total: f64, share: f64| ((share * 1e9 / (r as f64 + q)) / total) as u64 + 1;
        let h = |n: usize, q: f64| (0..n).map(|r| 1.0 / (r as f64 + q)).sum::<f64>();
        let (hs, hc) = (h(stop.len(), 2.0), h(20_000, 50.0));
        let mut counts: Vec<(String, u64)> =
            stop.iter().enumerate().map(|(r, w)| (w.to_string(), zipf(r, 2.0, hs, 0.45))).collect();
        counts.extend(pseudo_words(20_000).into_iter().enumerate().map(|(r, w)| (w, zipf(r, 50.0, hc, 0.55))));
        let lengths = (8..=30).collect();
        let source = format!(
            "SYNTHETIC: {} is absent, so the words are pseudo-words and the engine's stopwords (set REFRAIN_CORPUS)",
            missing.display()
        );
        let mut model = Model::from_counts(counts, lengths, lexicon, source);
        (model.comma, model.semicolon, model.question, model.exclamation, model.newline) =
            (0.05, 0.001, 0.014, 0.0015, 0.5);
        // As measured on the real statements.
        (model.stop_first, model.stop_after_stop, model.stop_after_content) = (0.71, 0.35, 0.57);
        model
    }

    fn from_counts(
        counts: Vec<(String, u64)>,
        sentence_lengths: Vec<usize>,
        lexicon: &Lexicon,
        source: String,
    ) -> Model {
        let mut cumulative = Vec::new();
        let (mut content, mut content_cumulative, mut stop, mut stop_cumulative) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut total = 0;
        for (i, (w, n)) in counts.iter().enumerate() {
            total += n;
            cumulative.push(total);
            let (indices, running) = if lexicon.is_content(w) {
                (&mut content, &mut content_cumulative)
            } else {
                (&mut stop, &mut stop_cumulative)
            };
            indices.push(i as u32);
            running.push(running.last().unwrap_or(&0) + n);
        }
        Model {
            words: counts.into_iter().map(|(w, _)| w).collect(),
            cumulative,
            content,
            content_cumulative,
            stop,
            stop_cumulative,
            stop_first: 0.0,
            stop_after_stop: 0.0,
            stop_after_content: 0.0,
            sentence_lengths,
            comma: 0.0,
            semicolon: 0.0,
            question: 0.0,
            exclamation: 0.0,
            newline: 0.0,
            source,
        }
    }

    /// A word by its frequency among all words.
    fn word(&self, rng: &mut Rng) -> &str {
        let x = rng.below(*self.cumulative.last().expect("words") as usize) as u64;
        &self.words[self.cumulative.partition_point(|&c| c <= x)]
    }

    /// A word of a class by its frequency in the class.
    fn word_of(&self, rng: &mut Rng, stop: bool) -> &str {
        let (indices, cumulative) =
            if stop { (&self.stop, &self.stop_cumulative) } else { (&self.content, &self.content_cumulative) };
        let x = rng.below(*cumulative.last().expect("words of both classes") as usize) as u64;
        &self.words[indices[cumulative.partition_point(|&c| c <= x)] as usize]
    }

    fn content_word(&self, rng: &mut Rng) -> &str {
        self.word_of(rng, false)
    }

    /// The next word of a sentence after a stopword (`Some(true)`), a content word or nothing
    /// (`None`: first), and whether it is a stopword.
    fn next_word(&self, rng: &mut Rng, previous_stop: Option<bool>) -> (&str, bool) {
        let p = match previous_stop {
            None => self.stop_first,
            Some(true) => self.stop_after_stop,
            Some(false) => self.stop_after_content,
        };
        let stop = rng.unit() < p;
        (self.word_of(rng, stop), stop)
    }

    /// `n` words of a sentence from its start.
    fn sentence_words(&self, rng: &mut Rng, n: usize) -> Vec<&str> {
        let mut previous = None;
        (0..n)
            .map(|_| {
                let (w, stop) = self.next_word(rng, previous);
                previous = Some(stop);
                w
            })
            .collect()
    }

    fn sentence_length(&self, rng: &mut Rng) -> usize {
        self.sentence_lengths[rng.below(self.sentence_lengths.len())]
    }

    /// What follows a word inside a sentence.
    fn separator(&self, rng: &mut Rng) -> &'static str {
        let x = rng.unit();
        if x < self.comma {
            ", "
        } else if x < self.comma + self.semicolon {
            "; "
        } else {
            " "
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Generating

/// What to generate.
#[derive(Clone, Debug)]
pub struct Config {
    pub docs: usize,
    pub words_per_doc: usize,
    pub passages: usize,
    pub seed: u64,
    /// False: every copy is exact.
    pub edits: bool,
}

impl Config {
    /// `docs` statements of `words_per_doc` words with as many passages as statements.
    pub fn new(docs: usize, words_per_doc: usize, seed: u64) -> Config {
        Config { docs, words_per_doc, passages: docs, seed, edits: true }
    }
}

/// One copy of a passage: where it is and how it was edited.
#[derive(Clone, Debug, PartialEq)]
pub struct Copy {
    pub doc: usize,
    pub start: usize,
    pub end: usize,
    pub edit: Edit,
    pub detail: String,
}

/// A planted passage and its copies.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    pub words: usize,
    pub copies: Vec<Copy>,
}

/// A generated corpus and its truth.
#[derive(Clone, Debug, PartialEq)]
pub struct Planted {
    pub statements: Vec<Statement>,
    pub passages: Vec<Passage>,
    pub words: usize,
}

/// A word of a passage and what follows it inside the passage.
#[derive(Clone, Debug)]
struct Word {
    text: String,
    sep: &'static str,
}

fn render(words: &[Word]) -> String {
    let mut s = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            s.push_str(words[i - 1].sep);
        }
        s.push_str(&w.text);
    }
    s
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One of `candidates`, or of `fallback` when there is none.
fn pick(rng: &mut Rng, candidates: Vec<usize>, fallback: std::ops::Range<usize>) -> usize {
    if candidates.is_empty() {
        fallback.start + rng.below(fallback.len())
    } else {
        candidates[rng.below(candidates.len())]
    }
}

const LIGATURES: &[(&str, &str)] =
    &[("ffi", "\u{FB03}"), ("ffl", "\u{FB04}"), ("ff", "\u{FB00}"), ("fi", "\u{FB01}"), ("fl", "\u{FB02}")];

fn full_width(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'a'..='z' => char::from_u32(0xFF41 + (c as u32 - 'a' as u32)).expect("full-width"),
            'A'..='Z' => char::from_u32(0xFF21 + (c as u32 - 'A' as u32)).expect("full-width"),
            '0'..='9' => char::from_u32(0xFF10 + (c as u32 - '0' as u32)).expect("full-width"),
            c => c,
        })
        .collect()
}

/// Applies `edit` inside the passage (never to its first or last word) and says what it did.
/// `variant` cycles the forms of an edit (comma or quotes; ligature or full width; ...).
fn apply_edit(
    words: &mut Vec<Word>,
    edit: Edit,
    variant: usize,
    rng: &mut Rng,
    model: &Model,
    lexicon: &Lexicon,
) -> String {
    let n = words.len();
    let inner = 1..n - 1; // words that are neither first nor last
    let content: Vec<usize> = inner.clone().filter(|&k| lexicon.is_content(&words[k].text)).collect();
    let plain_spaces: Vec<usize> = (0..n - 1).filter(|&i| words[i].sep == " ").collect();
    match edit {
        Edit::None => String::new(),
        Edit::Insert => {
            let k = 1 + rng.below(n - 1);
            let w = model.word(rng).to_string();
            let detail = format!("inserted {w:?} before word {k}");
            words.insert(k, Word { text: w, sep: " " });
            detail
        }
        Edit::Delete => {
            let k = pick(rng, Vec::new(), inner);
            format!("deleted word {k} {:?}", words.remove(k).text)
        }
        Edit::Substitute => {
            let k = pick(rng, content, inner);
            let old = words[k].text.to_lowercase();
            let new = loop {
                let w = model.content_word(rng);
                if w.to_lowercase() != old {
                    break w.to_string();
                }
            };
            let detail = format!("word {k} {:?} -> {new:?}", words[k].text);
            words[k].text = new;
            detail
        }
        Edit::Synonym => {
            let with_set: Vec<usize> =
                inner.clone().filter(|&k| lexicon.synonym_set(&words[k].text).is_some()).collect();
            let k = pick(rng, with_set, inner);
            let set = lexicon.synonym_set(&words[k].text).expect("the passage was given a word with synonyms");
            let old = words[k].text.clone();
            let others: Vec<&String> = set.iter().filter(|s| **s != old.to_lowercase()).collect();
            let mut new = others[rng.below(others.len())].clone();
            if old.starts_with(char::is_uppercase) {
                new = capitalized(&new);
            }
            words[k].text = new.clone();
            format!("word {k} {old:?} -> synonym {new:?}")
        }
        Edit::Swap => {
            let differ: Vec<usize> =
                (1..n - 2).filter(|&k| words[k].text.to_lowercase() != words[k + 1].text.to_lowercase()).collect();
            let k = pick(rng, differ, 1..n - 2);
            let (a, b) = (words[k].text.clone(), words[k + 1].text.clone());
            words[k].text = b;
            words[k + 1].text = a;
            format!("swapped words {k} and {}", k + 1)
        }
        Edit::Case => {
            let k = pick(rng, content, inner);
            let old = words[k].text.clone();
            words[k].text = if old.chars().any(char::is_uppercase) {
                old.to_lowercase()
            } else if variant.is_multiple_of(2) {
                capitalized(&old)
            } else {
                old.to_uppercase()
            };
            format!("word {k} {old:?} -> {:?}", words[k].text)
        }
        Edit::Punctuation => match variant % 3 {
            0 => {
                let i = pick(rng, plain_spaces, 0..n - 1);
                words[i].sep = ", ";
                format!("comma after word {i}")
            }
            v => {
                let (open, close) = if v == 1 { ("\u{201C}", "\u{201D}") } else { ("\"", "\"") };
                let k = 1 + rng.below(n - 2);
                let last = (k + rng.below(3)).min(n - 2);
                words[k].text.insert_str(0, open);
                words[last].text.push_str(close);
                format!("quote marks {open}{close} around words {k} to {last}")
            }
        },
        Edit::NoBreakSpace => {
            let i = pick(rng, plain_spaces, 0..n - 1);
            words[i].sep = "\u{A0}";
            format!("no-break space after word {i}")
        }
        Edit::Nfkc => {
            let ligature = variant
                .is_multiple_of(2)
                .then(|| {
                    inner.clone().find_map(|k| {
                        LIGATURES
                            .iter()
                            .find_map(|&(plain, lig)| words[k].text.find(plain).map(|at| (k, at, plain, lig)))
                    })
                })
                .flatten();
            match ligature {
                Some((k, at, plain, lig)) => {
                    words[k].text.replace_range(at..at + plain.len(), lig);
                    format!("word {k} written with the ligature {lig} for {plain:?}: {:?}", words[k].text)
                }
                None => {
                    let k = pick(rng, content, inner);
                    words[k].text = full_width(&words[k].text);
                    format!("word {k} in full-width letters: {:?}", words[k].text)
                }
            }
        }
        Edit::SentenceEnd => {
            let i = 1 + rng.below(n - 3); // two words at least on each side
            words[i].sep = ". ";
            words[i + 1].text = capitalized(&words[i + 1].text);
            format!("full stop after word {i}")
        }
    }
}

/// A statement of about `target` words with `copies` (text, words) planted: returns the text,
/// where each copy went (in the order given) and the words written.
fn statement(
    rng: &mut Rng,
    model: &Model,
    target: usize,
    copies: &[(String, usize)],
) -> (String, Vec<(usize, usize)>, usize) {
    let planted: usize = copies.iter().map(|c| c.1).sum();
    let base = target.saturating_sub(planted).max(1);
    let mut lengths = Vec::new();
    let mut total = 0;
    while total < base {
        let len = model.sentence_length(rng).min(base - total);
        lengths.push(len);
        total += len;
    }
    // Each copy goes before sentence `slot` (after the last one when slot == lengths.len()),
    // as a sentence of its own or, at most one per sentence, inside it before word `inside`.
    let slots = lengths.len() + 1;
    let mut used = vec![false; slots];
    let mut places: Vec<(usize, Option<usize>, usize)> = Vec::new(); // (slot, inside, copy)
    for c in 0..copies.len() {
        let mut slot = rng.below(slots);
        if copies.len() <= slots {
            while used[slot] {
                slot = rng.below(slots);
            }
        }
        let inside = (slot < lengths.len() && lengths[slot] >= 2 && !used[slot] && rng.below(2) == 0)
            .then(|| 1 + rng.below(lengths[slot] - 1));
        used[slot] = true;
        places.push((slot, inside, c));
    }
    places.sort();
    let mut text = String::new();
    let mut spans = vec![(0, 0); copies.len()];
    let begin = |text: &mut String, rng: &mut Rng| {
        if !text.is_empty() {
            text.push(if rng.unit() < model.newline { '\n' } else { ' ' });
        }
    };
    let mut next = 0;
    for (s, &len) in lengths.iter().chain(std::iter::once(&0)).enumerate() {
        let mut inside = None;
        while next < places.len() && places[next].0 == s {
            let (_, at, c) = places[next];
            next += 1;
            if at.is_some() {
                inside = at.map(|w| (w, c));
                continue;
            }
            begin(&mut text, rng);
            let start = text.len();
            text.push_str(&capitalized(&copies[c].0));
            spans[c] = (start, text.len());
            text.push('.');
        }
        if len == 0 {
            continue;
        }
        begin(&mut text, rng);
        let words = model.sentence_words(rng, len);
        for (w, word) in words.into_iter().enumerate() {
            if w > 0 {
                text.push_str(model.separator(rng));
            }
            if let Some((_, c)) = inside.filter(|&(at, _)| at == w) {
                let start = text.len();
                text.push_str(&copies[c].0);
                spans[c] = (start, text.len());
                text.push(' ');
            }
            text.push_str(&if w == 0 { capitalized(word) } else { word.to_string() });
        }
        let x = rng.unit();
        text.push(if x < model.question {
            '?'
        } else if x < model.question + model.exclamation {
            '!'
        } else {
            '.'
        });
    }
    text.push('\n');
    (text, spans, total + planted)
}

/// File name of statement `d`.
pub fn doc_name(d: usize) -> String {
    format!("{d:05}.txt")
}

/// Generates a corpus as `config` says.
pub fn generate(model: &Model, lexicon: &Lexicon, config: &Config) -> Planted {
    assert!(config.docs >= 2, "two statements at least");
    let mut rng = Rng(config.seed);
    // Passages, where their copies go and which copies are edited how.
    let mut bases: Vec<Vec<Word>> = Vec::new();
    let mut plans: Vec<Vec<(usize, Edit)>> = Vec::new();
    let (mut counted, mut owed, mut edited) = (0usize, 0usize, 0usize);
    for _ in 0..config.passages {
        let len = 12 + rng.below(29);
        let mut words: Vec<Word> = model
            .sentence_words(&mut rng, len)
            .into_iter()
            .map(|w| Word { text: w.to_string(), sep: if rng.unit() < model.comma { ", " } else { " " } })
            .collect();
        let count = (2 + rng.below(5)).min(config.docs);
        let mut docs: Vec<usize> = Vec::new();
        while docs.len() < count {
            let d = rng.below(config.docs);
            if !docs.contains(&d) {
                docs.push(d);
            }
        }
        let mut plan = Vec::new();
        for (j, d) in docs.into_iter().enumerate() {
            counted += 1;
            owed += (counted % 3 == 0) as usize;
            let mut edit = Edit::None;
            if config.edits && j > 0 && owed > 0 {
                owed -= 1;
                edit = Edit::KINDS[edited % Edit::KINDS.len()];
                edited += 1;
            }
            plan.push((d, edit));
        }
        // A synonym needs a word with synonyms: give the passage one where it has none.
        if plan.iter().any(|p| p.1 == Edit::Synonym)
            && !words[1..len - 1].iter().any(|w| lexicon.synonym_set(&w.text).is_some())
        {
            let set = &lexicon.synonyms[rng.below(lexicon.synonyms.len())];
            words[1 + rng.below(len - 2)].text = set[rng.below(set.len())].clone();
        }
        bases.push(words);
        plans.push(plan);
    }
    // The copies' texts, per statement.
    let mut variants = [0usize; 11];
    let mut passages: Vec<Passage> = Vec::new();
    let mut by_doc: Vec<Vec<(String, usize)>> = vec![Vec::new(); config.docs];
    let mut placed: Vec<Vec<(usize, usize)>> = vec![Vec::new(); config.docs]; // (passage, copy)
    for (p, (base, plan)) in bases.iter().zip(&plans).enumerate() {
        let mut copies = Vec::new();
        for (j, &(d, edit)) in plan.iter().enumerate() {
            let mut words = base.clone();
            let detail = apply_edit(&mut words, edit, variants[edit as usize], &mut rng, model, lexicon);
            variants[edit as usize] += 1;
            by_doc[d].push((render(&words), words.len()));
            placed[d].push((p, j));
            copies.push(Copy { doc: d, start: 0, end: 0, edit, detail });
        }
        passages.push(Passage { words: base.len(), copies });
    }
    let mut statements = Vec::with_capacity(config.docs);
    let mut words = 0;
    for (d, copies) in by_doc.iter().enumerate() {
        let (text, spans, n) = statement(&mut rng, model, config.words_per_doc, copies);
        for (&(p, j), (start, end)) in placed[d].iter().zip(spans) {
            let copy = &mut passages[p].copies[j];
            (copy.start, copy.end) = (start, end);
        }
        words += n;
        statements.push(Statement::new(doc_name(d), text));
    }
    Planted { statements, passages, words }
}

impl Planted {
    /// Every pair of copies of one passage, with the two copies' edits.
    pub fn cases(&self) -> Vec<(Pair, [Edit; 2])> {
        let mut out = Vec::new();
        for p in &self.passages {
            for (i, x) in p.copies.iter().enumerate() {
                for y in &p.copies[i + 1..] {
                    let span = |c: &Copy| DocSpan { doc: c.doc as u32, start: c.start, end: c.end };
                    out.push((Pair::new(span(x), span(y)), [x.edit, y.edit]));
                }
            }
        }
        out
    }

    /// Copies that carry an edit.
    pub fn edited_copies(&self) -> usize {
        self.passages.iter().flat_map(|p| &p.copies).filter(|c| c.edit != Edit::None).count()
    }

    /// Per statement, the copies' spans, sorted.
    pub fn copies_by_doc(&self) -> Vec<Vec<(usize, usize)>> {
        let mut out = vec![Vec::new(); self.statements.len()];
        for c in self.passages.iter().flat_map(|p| &p.copies) {
            out[c.doc].push((c.start, c.end));
        }
        for spans in &mut out {
            spans.sort_unstable();
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Files

#[derive(Serialize, Deserialize)]
struct TruthFile {
    format: String,
    seed: u64,
    docs: usize,
    words_per_doc: usize,
    edits: bool,
    words: usize,
    text_model: String,
    files: Vec<String>,
    passages: Vec<PassageFile>,
}

#[derive(Serialize, Deserialize)]
struct PassageFile {
    words: usize,
    copies: Vec<CopyFile>,
}

#[derive(Serialize, Deserialize)]
struct CopyFile {
    doc: String,
    start: usize,
    end: usize,
    edit: String,
    #[serde(default)]
    detail: String,
}

/// A span of a named file, in a detections file.
#[derive(Clone, Serialize, Deserialize)]
pub struct SpanFile {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

/// One detection: two spans, in either order.
#[derive(Clone, Serialize, Deserialize)]
pub struct DetectionFile {
    pub a: SpanFile,
    pub b: SpanFile,
}

const FORMAT: &str = "refrain-planted/1";

/// Writes `DIR/NNNNN.txt` and `DIR/truth.json`; `dir` must be absent or empty.
pub fn write(dir: &Path, planted: &Planted, config: &Config, text_model: &str) -> Result<(), String> {
    if std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
        return Err(format!("{} is not empty", dir.display()));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for s in &planted.statements {
        std::fs::write(dir.join(&s.id), &s.text).map_err(|e| format!("{}: {e}", s.id))?;
    }
    let truth = TruthFile {
        format: FORMAT.into(),
        seed: config.seed,
        docs: config.docs,
        words_per_doc: config.words_per_doc,
        edits: config.edits,
        words: planted.words,
        text_model: text_model.into(),
        files: planted.statements.iter().map(|s| s.id.clone()).collect(),
        passages: planted
            .passages
            .iter()
            .map(|p| PassageFile {
                words: p.words,
                copies: p
                    .copies
                    .iter()
                    .map(|c| CopyFile {
                        doc: doc_name(c.doc),
                        start: c.start,
                        end: c.end,
                        edit: c.edit.name().into(),
                        detail: c.detail.clone(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let json = serde_json::to_string(&truth).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("truth.json"), json).map_err(|e| format!("truth.json: {e}"))
}

/// Reads a corpus written by [`write`].
pub fn read(dir: &Path) -> Result<Planted, String> {
    let path = dir.join("truth.json");
    let json = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let truth: TruthFile = serde_json::from_slice(&json).map_err(|e| format!("{}: {e}", path.display()))?;
    if truth.format != FORMAT {
        return Err(format!("{}: format {:?}, expected {FORMAT:?}", path.display(), truth.format));
    }
    let mut statements = Vec::new();
    for name in &truth.files {
        let text = std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
        statements.push(Statement::new(name.clone(), text));
    }
    let index: HashMap<&str, usize> = truth.files.iter().enumerate().map(|(i, f)| (f.as_str(), i)).collect();
    let mut passages = Vec::new();
    for p in &truth.passages {
        let mut copies = Vec::new();
        for c in &p.copies {
            let doc = *index.get(c.doc.as_str()).ok_or_else(|| format!("truth.json: unknown file {:?}", c.doc))?;
            let edit = Edit::from_name(&c.edit).ok_or_else(|| format!("truth.json: unknown edit {:?}", c.edit))?;
            copies.push(Copy { doc, start: c.start, end: c.end, edit, detail: c.detail.clone() });
        }
        passages.push(Passage { words: p.words, copies });
    }
    Ok(Planted { statements, passages, words: truth.words })
}

/// Reads a detections file against the statements (by file name); every span must lie in its
/// statement and be non-empty.
pub fn read_detections(path: &Path, statements: &[Statement]) -> Result<Vec<Pair>, String> {
    let json = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let list: Vec<DetectionFile> = serde_json::from_slice(&json).map_err(|e| format!("{}: {e}", path.display()))?;
    let index: HashMap<&str, usize> = statements.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let span = |s: &SpanFile, n: usize| -> Result<DocSpan, String> {
        let doc = *index.get(s.doc.as_str()).ok_or_else(|| format!("detection {n}: unknown file {:?}", s.doc))?;
        if s.start >= s.end || s.end > statements[doc].text.len() {
            return Err(format!("detection {n}: span {}..{} does not lie in {} (or is empty)", s.start, s.end, s.doc));
        }
        Ok(DocSpan { doc: doc as u32, start: s.start, end: s.end })
    };
    list.iter().enumerate().map(|(n, d)| Ok(Pair::new(span(&d.a, n)?, span(&d.b, n)?))).collect()
}

/// Writes detections (spans of `statements`) as a detections file.
pub fn write_detections(path: &Path, detections: &[Pair], statements: &[Statement]) -> Result<(), String> {
    let span = |s: &DocSpan| SpanFile { doc: statements[s.doc as usize].id.clone(), start: s.start, end: s.end };
    let list: Vec<DetectionFile> = detections.iter().map(|d| DetectionFile { a: span(&d.a), b: span(&d.b) }).collect();
    let json = serde_json::to_string(&list).map_err(|e| e.to_string())?;
    std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display()))
}
