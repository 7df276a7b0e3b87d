//! The index: every statement tokenized, terms interned with their weight, postings by class.
//!
//! Statements are held in canonical order (sorted by text, then id), so nothing downstream
//! depends on the order in which they were added, nor on what they are called: the page names a
//! dropped file by an id of its own, and renaming a statement must not change a family.

use crate::budget::Budget;
use crate::error::Error;
use crate::options::Options;
use crate::progress::{Progress, Stage};
use crate::span::Span;
use crate::statement::{date_key, speaker_key, Statement};
use crate::text::{self, is_common, is_stopword, Normalization, TokenKind, SYNONYMS};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashMap;
use std::sync::Mutex;

/// A token inside the index, 12 bytes: its byte span (read as a [`Span`]) and the term id with,
/// in its top bit, whether punctuation separates the token from the one before, and in the next
/// bit, whether a sentence ends between them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    start: u32,
    end: u32,
    packed: u32,
}

const BRK: u32 = 1 << 31;
const SENTENCE: u32 = 1 << 30;

impl Tok {
    /// The token's bytes in its statement's text.
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    pub(crate) fn term(&self) -> u32 {
        self.packed & !(BRK | SENTENCE)
    }

    /// A sentence ends between the token before and this one.
    pub(crate) fn sentence(&self) -> bool {
        self.packed & SENTENCE != 0
    }

    pub(crate) fn brk(&self) -> bool {
        self.packed & BRK != 0
    }
}

/// An occurrence as token indices: tokens `first..=last` of canonical doc `doc` (stopwords
/// counted). Families and query hits are made of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct TokenOcc {
    pub doc: u32,
    pub first: u32,
    pub last: u32,
}

/// An occurrence as content positions: content words `first..=last` of canonical doc `doc`,
/// that is indices into its `Doc::content` (stopwords not counted). Repeated phrases are found
/// and grouped in these; [`Index::tokens_of`] turns one into a [`TokenOcc`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct ContentOcc {
    pub doc: u32,
    pub first: u32,
    pub last: u32,
}

impl ContentOcc {
    /// A key in the order of `Ord` (by statement, first and last word): for
    /// [`crate::sort::sort_by_key96`].
    pub(crate) fn key(&self) -> u128 {
        (self.doc as u128) << 64 | (self.first as u128) << 32 | self.last as u128
    }
}

/// The postings of one class: global token numbers, read back as `(doc, token index)`.
pub(crate) struct Postings<'a> {
    list: &'a [u32],
    doc_start: &'a [u32],
}

impl<'a> Postings<'a> {
    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (u32, u32)> + 'a {
        let doc_start = self.doc_start;
        let mut d = 0usize;
        self.list.iter().map(move |&g| {
            while d + 1 < doc_start.len() && doc_start[d + 1] <= g {
                d += 1;
            }
            (d as u32, g - doc_start[d])
        })
    }
}

/// A term: one comparison form.
#[derive(Clone, Debug)]
pub(crate) struct Term {
    pub norm: Box<str>,
    /// The term of the near-synonym set's representative (itself when not in a set).
    pub class: u32,
    pub stop: bool,
    pub kind: TokenKind,
    /// Number of statements using the term (or any term of its class).
    pub df: u32,
    pub weight: f32,
}

impl Term {
    /// A word of one character.
    fn single(&self) -> bool {
        let mut chars = self.norm.chars();
        chars.next().is_some() && chars.next().is_none()
    }
}

/// Chinese words that ICU's dictionary lacks, found in the statements themselves. ICU cuts
/// 践行, 构建, 鸿沟 and 共同体 into 践|行, 构|建, 鸿|沟 and 共同|体: a character the dictionary
/// has no word for is left alone. Two neighbouring words join when one of them is a single
/// character, neither is a stopword, they stand together at least [`JOIN_USES`] times in at
/// least [`JOIN_STATEMENTS`] statements, and on at least [`JOIN_SHARE`] of the uses of one of
/// them (践 stands before 行 in 13 of its 16 uses in the Chinese statements of the test corpus;
/// 体 after 共同 in 50 of 55). A character joins one neighbour only, the one it stands with
/// most often (the left one on a tie), so 中国|式|现代|化 becomes 中国式|现代化, not one word.
///
/// The counts are of the segmenter's words in all statements, so the result is the same
/// natively and in the browser (both start from ICU's words), whatever the order of the
/// statements. A query is joined by the same pairs, into words the statements have
/// ([`Index::tokenize`]).
#[derive(Debug, Default)]
struct Joins(Vec<(u64, f32)>);

/// Fewest times two words must stand together to join.
const JOIN_USES: u32 = 2;
/// Fewest statements in which they must stand together.
const JOIN_STATEMENTS: u32 = 2;
/// Least share of one word's uses that must be next to the other.
const JOIN_SHARE: f32 = 0.7;

impl Joins {
    fn count(docs: &[Doc], terms: &[Term]) -> Joins {
        let mut uses = vec![0u32; terms.len()];
        // Every place where two words might join: (the pair, the statement), sorted.
        let mut places: Vec<(u64, u32)> = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            for (k, t) in doc.tokens.iter().enumerate() {
                uses[t.term() as usize] += 1;
                if let Some(pair) = (k > 0).then(|| Joins::pair_at(terms, &doc.tokens, k)).flatten() {
                    places.push((pair, d as u32));
                }
            }
        }
        crate::sort::sort_wide_pairs(&mut places);
        let mut joins = Vec::new();
        for group in places.chunk_by(|x, y| x.0 == y.0) {
            let pair = group[0].0;
            let statements = 1 + group.windows(2).filter(|w| w[0].1 != w[1].1).count() as u32;
            let together = group.len() as u32;
            let fewest = uses[(pair >> 32) as usize].min(uses[pair as u32 as usize]);
            let share = together as f32 / fewest.max(1) as f32;
            if together >= JOIN_USES && statements >= JOIN_STATEMENTS && share >= JOIN_SHARE {
                joins.push((pair, share));
            }
        }
        Joins(joins)
    }

    /// How strongly the words of `pair` go together (0: they do not join).
    fn strength(&self, pair: u64) -> f32 {
        self.0.binary_search_by(|e| e.0.cmp(&pair)).map_or(0.0, |i| self.0[i].1)
    }

    /// The terms `a` and `b` of two neighbouring tokens, when they might join: two Chinese
    /// words that `touch`, neither a stopword, one of them a single character.
    fn pair(terms: &[Term], a: u32, b: u32, touch: bool) -> Option<u64> {
        let (ta, tb) = (terms.get(a as usize)?, terms.get(b as usize)?);
        (touch
            && ta.kind == TokenKind::CjkWord
            && tb.kind == TokenKind::CjkWord
            && !ta.stop
            && !tb.stop
            && (ta.single() || tb.single()))
        .then_some((a as u64) << 32 | b as u64)
    }

    /// [`Joins::pair`] for tokens `k - 1` and `k` of `tokens`.
    fn pair_at(terms: &[Term], tokens: &[Tok], k: usize) -> Option<u64> {
        Joins::pair(terms, tokens[k - 1].term(), tokens[k].term(), tokens[k - 1].end == tokens[k].start)
    }

    /// For each of the words `tokens` (a term id past `terms` for a word no statement has),
    /// whether it joins the one before it.
    fn decide(&self, terms: &[Term], tokens: &[Tok]) -> Vec<bool> {
        let n = tokens.len();
        let mut join = vec![false; n];
        if self.0.is_empty() {
            return join;
        }
        // How strongly words k - 1 and k go together (0: they do not join).
        let strength = |k: usize| {
            if k == 0 || k >= n {
                0.0
            } else {
                Joins::pair_at(terms, tokens, k).map_or(0.0, |p| self.strength(p))
            }
        };
        let single = |k: usize| terms.get(tokens[k].term() as usize).is_some_and(Term::single);
        for (k, join) in join.iter_mut().enumerate().skip(1) {
            let s = strength(k);
            *join = s > 0.0 && (!single(k - 1) || s > strength(k - 1)) && (!single(k) || s >= strength(k + 1));
        }
        join
    }
}

#[derive(Debug)]
pub(crate) struct Doc {
    /// Position of the statement in input order.
    pub input: usize,
    pub tokens: Vec<Tok>,
    /// Token indices of content tokens (not stopwords).
    pub content: Vec<u32>,
    /// The statement's speaker, as an index into [`Index::speakers`]; `None` when unknown (an
    /// unknown speaker is never counted as a speaker of its own).
    pub speaker: Option<u32>,
    /// Sortable date read from the statement's date.
    pub date_key: Option<String>,
    /// UTF-16 offset of every `UTF16_STEP`-th token's start.
    utf16_marks: Vec<u32>,
}

/// One statement's tokens before interning: their term fields hold their numbers in the
/// [`text::Words`] of the thread that scanned them, `words`.
struct Scanned {
    tokens: Vec<Tok>,
    words: usize,
}

impl Scanned {
    fn of<'t>(text: &'t str, k: usize, words: &mut text::Words<'t>) -> Scanned {
        let mut tokens = Vec::new();
        text::scan(text, words, &mut |span, word| {
            tokens.push(Tok { start: span.start as u32, end: span.end as u32, packed: word })
        });
        Scanned { tokens, words: k }
    }
}

/// Bytes of statements scanned in one batch: progress is reported, and a cancellation heard,
/// between batches.
const BATCH_BYTES: usize = 1 << 20;

/// The end of the batch of statements (in canonical `order`) that starts at `k`.
fn batch_end(statements: &[Statement], order: &[usize], k: usize) -> usize {
    let mut bytes = 0;
    let mut end = k;
    while end < order.len() && (end == k || bytes < BATCH_BYTES) {
        bytes += statements[order[end]].text.len();
        end += 1;
    }
    end
}

/// Tokens between two UTF-16 marks: an excerpt's UTF-16 offset is counted from the nearest
/// mark, so tokens need not carry one.
const UTF16_STEP: usize = 32;

#[derive(Debug)]
pub(crate) struct Index {
    pub docs: Vec<Doc>,
    pub terms: Vec<Term>,
    /// Term ids sorted by their comparison form, to find a term by its form: made when a query
    /// first needs it (a comparison does not; in WebAssembly the sort took 20 ms of a first
    /// comparison of the 113 statements, its code not optimized yet).
    by_norm: std::sync::OnceLock<Vec<u32>>,
    /// For each class, `(doc, token index)` of every token of that class, in doc then text order:
    /// where each class's list starts, and the lists, made when a query first needs them (a
    /// comparison does not).
    postings_start: Vec<u32>,
    postings: std::sync::OnceLock<Vec<u32>>,
    /// Global number of each doc's first token.
    doc_token_start: Vec<u32>,
    /// Every statement's content classes laid end to end, a unique separator after each
    /// (`terms.len() + doc`): the sequence the repeats are found in.
    pub content_seq: Vec<u32>,
    /// Where each canonical doc starts in `content_seq`.
    pub content_doc_start: Vec<u32>,
    /// For each class, the positions in `content_seq` of its content words, in order.
    content_postings_start: Vec<u32>,
    content_postings: Vec<u32>,
    pub normalization: Normalization,
    pub words: usize,
    /// Content words (not stopwords) in all statements.
    pub content_words: usize,
    /// The distinct speakers (their keys, see [`speaker_key`]), in order of first appearance in
    /// canonical order.
    pub speakers: Vec<String>,
    /// Neighbouring Chinese words that are one word in these statements.
    joins: Joins,
}

impl Index {
    pub(crate) fn build(
        statements: &[Statement],
        options: &Options,
        progress: &mut dyn FnMut(Progress) -> bool,
    ) -> Result<Index, Error> {
        let normalization = Normalization { spelling: options.spelling, inflection: options.inflection };
        let mut order: Vec<usize> = (0..statements.len()).collect();
        crate::sort::sort_by(&mut order, |&a, &b| {
            let (x, y) = (&statements[a], &statements[b]);
            x.text.cmp(&y.text).then_with(|| x.id.cmp(&y.id))
        });

        let mut terms: Vec<Term> = Vec::new();
        let mut term_ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
        fn intern(norm: &str, kind: TokenKind, terms: &mut Vec<Term>, term_ids: &mut FxHashMap<Box<str>, u32>) -> u32 {
            if let Some(&id) = term_ids.get(norm) {
                return id;
            }
            let id = terms.len() as u32;
            let is_stop = is_stopword(norm);
            terms.push(Term { norm: norm.into(), class: id, stop: is_stop, kind, df: 0, weight: 0.0 });
            term_ids.insert(norm.into(), id);
            id
        }

        let total_bytes: u64 = statements.iter().map(|s| s.text.len() as u64).sum::<u64>().max(1);
        let mut done_bytes = 0u64;
        let mut docs = Vec::with_capacity(statements.len());
        let mut speaker_ids: HashMap<String, u32> = HashMap::new();
        // Statements are scanned a batch at a time (in parallel natively), then their words
        // interned in canonical order: term ids are in order of first use, as if one thread
        // had read the statements one after another.
        // Each thread numbers the words it reads (normalizing each once), and each of those
        // numbers is interned once, when a token of it is first met.
        let mut words: Vec<Mutex<text::Words>> =
            (0..crate::threads::count()).map(|_| Mutex::new(text::Words::new(normalization))).collect();
        let mut word_terms: Vec<Vec<u32>> = vec![Vec::new(); words.len()];
        let mut scanned: std::collections::VecDeque<Scanned> = Default::default();
        for (k, &input) in order.iter().enumerate() {
            if scanned.is_empty() {
                let batch = batch_end(statements, &order, k);
                // Natively longest first, so that no thread is left with a long statement at the
                // end (in WebAssembly one thread reads them in order).
                #[cfg_attr(target_arch = "wasm32", allow(unused_mut))]
                let mut longest: Vec<usize> = (k..batch).collect();
                #[cfg(not(target_arch = "wasm32"))]
                longest.sort_by_key(|&at| std::cmp::Reverse(statements[order[at]].text.len()));
                let mut found: Vec<Option<Scanned>> = (k..batch).map(|_| None).collect();
                for (at, s) in crate::threads::map_with(&longest, &words, |w, words, &at| {
                    (at, Scanned::of(&statements[order[at]].text, w, words))
                }) {
                    found[at - k] = Some(s);
                }
                scanned = found.into_iter().map(|s| s.expect("every statement is scanned")).collect();
            }
            let s = &statements[input];
            let Scanned { mut tokens, words: w } = scanned.pop_front().expect("a batch holds this statement");
            let words = words[w].get_mut().unwrap_or_else(|poisoned| poisoned.into_inner());
            let word_terms = &mut word_terms[w];
            word_terms.resize(words.len(), u32::MAX);
            for t in &mut tokens {
                let word = t.packed;
                if word_terms[word as usize] == u32::MAX {
                    word_terms[word as usize] = intern(words.norm(word), words.kind(word), &mut terms, &mut term_ids);
                }
                t.packed = word_terms[word as usize];
            }
            let speaker = s.speaker.as_deref().and_then(speaker_key).map(|key| {
                let next = speaker_ids.len() as u32;
                *speaker_ids.entry(key).or_insert(next)
            });
            docs.push(Doc {
                input,
                tokens,
                content: Vec::new(),
                speaker,
                date_key: s.date.as_deref().and_then(date_key),
                utf16_marks: Vec::new(),
            });
            done_bytes += s.text.len() as u64;
            if !progress(Progress { stage: Stage::Tokenize, done: done_bytes, total: total_bytes }) {
                return Err(Error::Cancelled);
            }
        }

        // The threads' words (and what their word segmenters remembered) are not needed again.
        drop((words, word_terms));

        // Chinese words the segmenter's dictionary lacks, from the statements themselves.
        let joins = Joins::count(&docs, &terms);
        // Which tokens join the one before them, per statement (in parallel natively: the
        // decisions read only the terms the statements already have).
        let decided: Vec<Option<Vec<bool>>> = crate::threads::map(&docs, |doc| {
            let join = joins.decide(&terms, &doc.tokens);
            join.contains(&true).then_some(join)
        });
        for (doc, join) in docs.iter_mut().zip(decided) {
            let tokens = &doc.tokens;
            if let Some(join) = join {
                let mut merged: Vec<Tok> = Vec::with_capacity(tokens.len());
                let mut norm = String::new();
                for (k, t) in tokens.iter().enumerate() {
                    if !join[k] {
                        norm.clear();
                        merged.push(*t);
                    }
                    norm.push_str(&terms[t.term() as usize].norm);
                    let last = merged.last_mut().expect("the first token starts a word");
                    last.end = t.end;
                    if join[k] {
                        last.packed = intern(&norm, TokenKind::CjkWord, &mut terms, &mut term_ids);
                    }
                }
                doc.tokens = merged;
            }
        }
        // Each token's UTF-16 marks and whether punctuation or a sentence's end comes before it,
        // statement by statement (in parallel natively).
        crate::threads::for_each_mut(&mut docs, |doc| {
            let text = &statements[doc.input].text;
            let tokens = &mut doc.tokens;
            let mut utf16 = 0;
            let mut utf16_at = 0;
            for i in 0..tokens.len() {
                if i % UTF16_STEP == 0 {
                    utf16 += crate::span::utf16_len(&text[utf16_at..tokens[i].span().start]);
                    utf16_at = tokens[i].span().start;
                    doc.utf16_marks.push(utf16 as u32);
                }
                if i == 0 {
                    continue;
                }
                let gap = &text[tokens[i - 1].span().end..tokens[i].span().start];
                if gap == " " {
                    continue;
                }
                if gap.chars().any(|c| !c.is_whitespace()) {
                    tokens[i].packed |= BRK;
                }
                if gap.chars().any(|c| matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '；' | ';')) {
                    tokens[i].packed |= SENTENCE;
                }
            }
            tokens.shrink_to_fit();
            doc.utf16_marks.shrink_to_fit();
        });
        let words = docs.iter().map(|d| d.tokens.len()).sum();

        // Near-synonym classes.
        if options.synonyms {
            for set in SYNONYMS {
                let rep = intern(set[0], TokenKind::Word, &mut terms, &mut term_ids);
                for word in &set[1..] {
                    if let Some(&id) = term_ids.get(*word) {
                        terms[id as usize].class = rep;
                    }
                }
            }
        }

        // Document frequency per class, then weights.
        let mut class_df = vec![0u32; terms.len()];
        let mut last_doc = vec![u32::MAX; terms.len()];
        for (d, doc) in docs.iter().enumerate() {
            for t in &doc.tokens {
                let c = terms[t.term() as usize].class as usize;
                if last_doc[c] != d as u32 {
                    last_doc[c] = d as u32;
                    class_df[c] += 1;
                }
            }
        }
        let n = docs.len().max(1) as f64;
        for term in terms.iter_mut() {
            term.df = class_df[term.class as usize];
            term.weight = weight(term, n) as f32;
        }
        crate::threads::for_each_mut(&mut docs, |doc| {
            doc.content =
                (0..doc.tokens.len() as u32).filter(|&i| !terms[doc.tokens[i as usize].term() as usize].stop).collect();
            doc.content.shrink_to_fit();
        });

        // Postings by class, as one flat array (counting sort).
        let mut postings_start = vec![0u32; terms.len() + 1];
        for doc in &docs {
            for t in &doc.tokens {
                postings_start[terms[t.term() as usize].class as usize + 1] += 1;
            }
        }
        for i in 1..postings_start.len() {
            postings_start[i] += postings_start[i - 1];
        }
        let mut doc_token_start = Vec::with_capacity(docs.len());
        let mut g = 0u32;
        for doc in &docs {
            doc_token_start.push(g);
            g += doc.tokens.len() as u32;
        }
        drop(term_ids);
        let (content_seq, content_doc_start) = content_sequence(&docs, &terms);
        let mut content_postings_start = vec![0u32; terms.len() + 1];
        for &c in &content_seq {
            if (c as usize) < terms.len() {
                content_postings_start[c as usize + 1] += 1;
            }
        }
        for i in 1..content_postings_start.len() {
            content_postings_start[i] += content_postings_start[i - 1];
        }
        let mut fill = content_postings_start.clone();
        let mut content_postings = vec![0u32; content_postings_start[terms.len()] as usize];
        for (p, &c) in content_seq.iter().enumerate() {
            if (c as usize) < terms.len() {
                content_postings[fill[c as usize] as usize] = p as u32;
                fill[c as usize] += 1;
            }
        }
        let mut speakers = vec![String::new(); speaker_ids.len()];
        for (key, id) in speaker_ids {
            speakers[id as usize] = key;
        }
        let content_words = docs.iter().map(|d| d.content.len()).sum();
        Ok(Index {
            docs,
            terms,
            by_norm: std::sync::OnceLock::new(),
            postings_start,
            postings: std::sync::OnceLock::new(),
            doc_token_start,
            content_seq,
            content_doc_start,
            content_postings_start,
            content_postings,
            normalization,
            words,
            content_words,
            speakers,
            joins,
        })
    }

    /// The tokens of a phrase, Chinese words joined as in the statements (see [`Joins`]).
    pub(crate) fn tokenize(&self, phrase: &str) -> Vec<text::Token> {
        let tokens = text::tokenize_with(phrase, self.normalization);
        let toks: Vec<Tok> = tokens
            .iter()
            .map(|t| Tok {
                start: t.span.start as u32,
                end: t.span.end as u32,
                packed: self.term_id(&t.norm).unwrap_or(u32::MAX >> 2),
            })
            .collect();
        let join = self.joins.decide(&self.terms, &toks);
        // A word joins the one before it only into a word the statements have: a phrase that
        // starts inside one (行真正 of 践行真正) keeps its words apart, to match theirs.
        let mut out: Vec<text::Token> = Vec::with_capacity(tokens.len());
        for (k, t) in tokens.into_iter().enumerate() {
            if let Some(last) = out.last_mut().filter(|_| join[k]) {
                let norm = [last.norm.as_str(), &t.norm].concat();
                if self.term_id(&norm).is_some() {
                    last.norm = norm;
                    last.span = last.span.cover(t.span);
                    last.utf16_end = t.utf16_end;
                    continue;
                }
            }
            out.push(t);
        }
        out
    }

    /// Every `(doc, token index)` whose term is in `class`, in doc then text order.
    pub(crate) fn postings(&self, class: u32) -> Postings<'_> {
        let c = class as usize;
        let list = if c + 1 >= self.postings_start.len() {
            &[][..]
        } else {
            let all = self.postings.get_or_init(|| self.all_postings());
            &all[self.postings_start[c] as usize..self.postings_start[c + 1] as usize]
        };
        Postings { list, doc_start: &self.doc_token_start }
    }

    /// How many tokens of class `class` the statements hold (the length of its postings).
    pub(crate) fn postings_len(&self, class: u32) -> usize {
        let c = class as usize;
        match (self.postings_start.get(c), self.postings_start.get(c + 1)) {
            (Some(&a), Some(&b)) => (b - a) as usize,
            _ => 0,
        }
    }

    /// Every class's postings, one after another (a counting sort of the tokens by class).
    fn all_postings(&self) -> Vec<u32> {
        let mut fill = self.postings_start.clone();
        let mut postings = vec![0u32; self.words];
        let mut g = 0u32;
        for doc in &self.docs {
            for t in &doc.tokens {
                let c = self.terms[t.term() as usize].class as usize;
                postings[fill[c] as usize] = g;
                fill[c] += 1;
                g += 1;
            }
        }
        postings
    }

    /// The id of the term with this comparison form, if a statement uses it.
    pub(crate) fn term_id(&self, norm: &str) -> Option<u32> {
        let by_norm = self.by_norm.get_or_init(|| {
            let mut by_norm: Vec<u32> = (0..self.terms.len() as u32).collect();
            crate::sort::sort_by(&mut by_norm, |&a, &b| self.terms[a as usize].norm.cmp(&self.terms[b as usize].norm));
            by_norm
        });
        let i = by_norm.binary_search_by(|&id| (*self.terms[id as usize].norm).cmp(norm)).ok()?;
        Some(by_norm[i])
    }

    pub(crate) fn term(&self, id: u32) -> &Term {
        &self.terms[id as usize]
    }

    pub(crate) fn class(&self, term: u32) -> u32 {
        self.terms[term as usize].class
    }

    /// The normalized words of an occurrence (a family's `root_norm`), separated by spaces except
    /// between Chinese words that touch in the text (see [`text::join_norms`]).
    pub(crate) fn norm_of(&self, o: TokenOcc) -> String {
        let doc = &self.docs[o.doc as usize];
        text::join_norms((o.first..=o.last).map(|i| {
            let tok = doc.tokens[i as usize];
            let term = self.term(tok.term());
            (&*term.norm, term.kind, tok.span())
        }))
    }

    /// The classes of an occurrence's content words.
    pub(crate) fn content_classes(&self, o: TokenOcc) -> Vec<u32> {
        let doc = &self.docs[o.doc as usize];
        (o.first..=o.last)
            .map(|i| doc.tokens[i as usize].term())
            .filter(|&t| !self.term(t).stop)
            .map(|t| self.class(t))
            .collect()
    }

    /// Number of content words in an occurrence.
    pub(crate) fn content_len(&self, o: TokenOcc) -> usize {
        let doc = &self.docs[o.doc as usize];
        (o.first..=o.last).filter(|&i| !self.term(doc.tokens[i as usize].term()).stop).count()
    }

    /// How often each part of the phrase of content classes `seq` occurs in all statements (as
    /// consecutive content words): the whole, each prefix `seq[..k]` and each suffix `seq[k..]`.
    /// Each pass starts from the postings of the rarest class of a stretch of `seq` and narrows
    /// them word by word to where the phrase matches around it: that counts at once every part
    /// holding that word there (a part's occurrences and the postings of its word at its place in
    /// the part correspond one to one). The parts left (before or after the rarest word) are
    /// counted the same way, so a phrase costs a few passes, not one per part ([`Index::part_cost`]
    /// says how much work before it is done). Into `out`: its prefixes' counts then its
    /// suffixes' (see [`PartCounts`]).
    fn count_parts(&self, seq: &[u32], out: &mut [usize]) {
        let (prefix, suffix) = out.split_at_mut(seq.len() + 1);
        self.part_passes(seq, |pass| self.tally(seq, pass, prefix, suffix));
    }

    /// [`Index::count_parts`] of each phrase of `seqs`, in their order; `cost` is the sum of their
    /// [`Index::part_cost`]. Each phrase narrows postings of its own when that costs less than
    /// reading the statements [`PARTS_SCAN_COST`] times; otherwise all are counted at once in one
    /// reading of the statements ([`PartTrie`]), in parallel natively. The counts are the same
    /// either way.
    pub(crate) fn part_counts_of(&self, seqs: &[&[u32]], cost: u64) -> PartCounts {
        let mut out = PartCounts::new(seqs);
        if cost <= PARTS_SCAN_COST * self.content_seq.len() as u64 {
            // Each phrase's counts, their stretch of `out`.
            let mut rest = &mut out.counts[..];
            let mut phrases: Vec<(&[u32], &mut [usize])> = Vec::with_capacity(seqs.len());
            for &seq in seqs {
                let (counts, after) = std::mem::take(&mut rest).split_at_mut(2 * (seq.len() + 1));
                phrases.push((seq, counts));
                rest = after;
            }
            crate::threads::for_each_mut(&mut phrases, |(seq, counts)| self.count_parts(seq, counts));
            return out;
        }
        let trie = PartTrie::new(self.terms.len(), seqs);
        let all = &self.content_seq;
        let pieces = crate::threads::count().max(1);
        let step = all.len().div_ceil(pieces).max(1);
        let ranges: Vec<(usize, usize)> =
            (0..all.len()).step_by(step).map(|a| (a, (a + step).min(all.len()))).collect();
        let mut counts = vec![0u32; trie.nodes()];
        for part in crate::threads::map(&ranges, |&(a, b)| trie.count(all, a, b)) {
            for (c, n) in counts.iter_mut().zip(part) {
                *c += n;
            }
        }
        trie.part_counts(seqs, &counts, &mut out.counts);
        out
    }

    /// The work of [`Index::count_parts`], known before doing it: the postings it starts from
    /// times the words it compares.
    pub(crate) fn part_cost(&self, seq: &[u32]) -> u64 {
        let mut cost = 0;
        self.part_passes(seq, |(lo, at, hi)| {
            if hi - lo > 1 {
                cost += (self.content_postings(seq[at]).len() * (hi - lo)) as u64;
            }
        });
        cost
    }

    /// The passes of [`Index::count_parts`], `(lo, at, hi)` each, to `each` in turn: the whole
    /// phrase from its rarest word, then the prefixes before it ([0, k) for k <= at), then the
    /// suffixes after it.
    fn part_passes(&self, seq: &[u32], mut each: impl FnMut((usize, usize, usize))) {
        let m = seq.len();
        if m == 0 {
            return;
        }
        let at = self.rarest(seq, 0, m);
        each((0, at, m));
        let mut hi = at;
        while hi > 0 {
            let a = self.rarest(seq, 0, hi);
            each((0, a, hi));
            hi = a;
        }
        let mut lo = at + 1;
        while lo < m {
            let a = self.rarest(seq, lo, m);
            each((lo, a, m));
            lo = a + 1;
        }
    }

    /// The position in `seq[lo..hi]` of its rarest class (fewest postings, then lowest class).
    fn rarest(&self, seq: &[u32], lo: usize, hi: usize) -> usize {
        (lo..hi).min_by_key(|&i| (self.content_postings(seq[i]).len(), seq[i])).unwrap_or(lo)
    }

    /// One pass from the postings of `seq[at]` (`lo <= at < hi`): counts the prefixes `seq[..k]`
    /// with `at < k <= hi` when `lo` is 0, and the suffixes `seq[k..]` with `lo <= k <= at` when
    /// `hi` is the phrase's end. The postings where the phrase matches are narrowed word by word
    /// (those with `seq[j]` at `j - at` positions off), first over the side every counted part
    /// holds whole, then over the other side, a count at each word: merging sorted postings
    /// reads memory in order, which reading the text around each posting does not.
    fn tally(&self, seq: &[u32], (lo, at, hi): (usize, usize, usize), prefix: &mut [usize], suffix: &mut [usize]) {
        let list = self.content_postings(seq[at]);
        let (prefixes, suffixes) = (lo == 0, hi == seq.len());
        if hi - lo == 1 {
            // One word: its postings.
            if prefixes {
                prefix[at + 1] = list.len();
            }
            if suffixes {
                suffix[at] = list.len();
            }
            return;
        }
        // A statement's end is a separator of no class: no match crosses it. The matches narrow
        // in two buffers in turn, not a new one at each word.
        let (mut matches, mut spare) = (Vec::with_capacity(list.len()), Vec::new());
        let mut narrow = |matches: &mut Vec<u32>, j: usize| {
            self.shifted(matches, seq[j], j as i64 - at as i64, &mut spare);
            std::mem::swap(matches, &mut spare);
            matches.len()
        };
        if prefixes {
            matches.clear();
            matches.extend_from_slice(list);
            for j in (lo..at).rev() {
                narrow(&mut matches, j);
            }
            prefix[at + 1] = matches.len();
            for j in at + 1..hi {
                prefix[j + 1] = narrow(&mut matches, j);
            }
        }
        if suffixes {
            matches.clear();
            matches.extend_from_slice(list);
            for j in at + 1..hi {
                narrow(&mut matches, j);
            }
            suffix[at] = matches.len();
            for j in (lo..at).rev() {
                suffix[j] = narrow(&mut matches, j);
            }
        }
    }

    /// Into `out` (emptied first), the positions `p` of `positions` (sorted) at which class
    /// `class` stands at `p + shift`.
    fn shifted(&self, positions: &[u32], class: u32, shift: i64, out: &mut Vec<u32>) {
        let list = self.content_postings(class);
        let mut cursor = 0;
        out.clear();
        out.extend(positions.iter().copied().filter(|&p| {
            let Ok(target) = u32::try_from(p as i64 + shift) else { return false };
            cursor = gallop(list, cursor, target);
            list.get(cursor) == Some(&target)
        }));
    }
}

/// The first index from `from` on of sorted `list` whose value is `target` or more (the length
/// if none), found by doubling steps from `from` and then bisecting: reading the list in order
/// when the targets of successive calls rise.
pub(crate) fn gallop(list: &[u32], from: usize, target: u32) -> usize {
    let mut at = from;
    if at < list.len() && list[at] < target {
        let mut step = 1;
        while at + step < list.len() && list[at + step] < target {
            at += step;
            step *= 2;
        }
        let end = (at + step).min(list.len());
        at += list[at..end].partition_point(|&p| p < target);
    }
    at
}

/// How many times the statements are read, at most, when every phrase's parts are counted at
/// once ([`PartTrie`]) instead of one phrase at a time (by [`Index::part_cost`], the postings
/// narrowed times the words compared: reading a position costs about as much as a few of those).
const PARTS_SCAN_COST: u64 = 4;

/// The parts of many phrases, counted at once: every suffix of every phrase is a path from the
/// root of a trie of classes, so every part (a prefix of a phrase, or a suffix) is a node, and a
/// node counts the positions of the statements from which the words read along its path. One
/// reading of the statements walks the trie from each position as far as the words match, a
/// step per word of a part that matches there: the statements' words once, and the parts' own
/// occurrences, however many phrases share them.
struct PartTrie {
    /// The node of each class one word deep (0: no part starts with it).
    first: Vec<u32>,
    /// The node below `(node, class)`, deeper than one word.
    below: FxHashMap<u64, u32>,
    /// Whether a node has nodes below it.
    inner: Vec<bool>,
    /// For each phrase in order, its `2m - 1` nodes: its prefixes of `1..=m` words, then its
    /// suffixes from word `1..m`.
    parts: Vec<u32>,
}

impl PartTrie {
    /// The trie of the parts of `seqs` (classes below `classes`).
    fn new(classes: usize, seqs: &[&[u32]]) -> PartTrie {
        let mut trie =
            PartTrie { first: vec![0; classes], below: FxHashMap::default(), inner: vec![false], parts: Vec::new() };
        for seq in seqs {
            let start = trie.parts.len();
            for k in 0..seq.len() {
                let mut node = 0u32;
                for &c in &seq[k..] {
                    node = trie.child(node, c);
                    if k == 0 {
                        trie.parts.push(node);
                    }
                }
                if k > 0 {
                    trie.parts.push(node);
                }
            }
            debug_assert_eq!(trie.parts.len() - start, (2 * seq.len()).saturating_sub(1));
        }
        trie
    }

    /// The node below `node` for class `c`, made if new.
    fn child(&mut self, node: u32, c: u32) -> u32 {
        let fresh = self.inner.len() as u32;
        let slot = if node == 0 {
            &mut self.first[c as usize]
        } else {
            self.below.entry((node as u64) << 32 | c as u64).or_insert(0)
        };
        if *slot == 0 {
            *slot = fresh;
            self.inner[node as usize] = true;
            self.inner.push(false);
        }
        *slot
    }

    fn nodes(&self) -> usize {
        self.inner.len()
    }

    /// Per node, how many of the positions `a..b` of `all` (the statements' content classes,
    /// see [`Index::content_seq`]) its words start from.
    fn count(&self, all: &[u32], a: usize, b: usize) -> Vec<u32> {
        let mut counts = vec![0u32; self.nodes()];
        for p in a..b {
            let Some(&node) = self.first.get(all[p] as usize) else { continue }; // a separator
            let mut node = node;
            let mut q = p + 1;
            while node != 0 {
                counts[node as usize] += 1;
                if !self.inner[node as usize] {
                    break;
                }
                // A statement's end is a separator of no class: no part crosses it.
                node =
                    all.get(q).and_then(|&c| self.below.get(&((node as u64) << 32 | c as u64))).copied().unwrap_or(0);
                q += 1;
            }
        }
        counts
    }

    /// Each phrase's counts (as [`PartCounts`] holds them, in `out`), from the nodes' `counts`.
    fn part_counts(&self, seqs: &[&[u32]], counts: &[u32], out: &mut [usize]) {
        let mut nodes = self.parts.iter().map(|&n| counts[n as usize] as usize);
        let mut rest = out;
        for seq in seqs {
            let m = seq.len();
            let (phrase, after) = std::mem::take(&mut rest).split_at_mut(2 * (m + 1));
            let (prefix, suffix) = phrase.split_at_mut(m + 1);
            for c in &mut prefix[1..] {
                *c = nodes.next().expect("a node per part");
            }
            if m > 0 {
                suffix[0] = prefix[m];
            }
            for c in &mut suffix[1..m.max(1)] {
                *c = nodes.next().expect("a node per part");
            }
            rest = after;
        }
    }
}

/// How often the parts of phrases occur (see [`Index::part_counts_of`]): of phrase `p` (of `len`
/// words), `prefix(p)[k]` counts `seq[..k]` and `suffix(p)[k]` counts `seq[k..]`, so
/// `prefix(p)[len]` and `suffix(p)[0]` count the whole (the empty part counts 0).
pub(crate) struct PartCounts {
    /// Per phrase of `m` words, `m + 1` counts of prefixes then `m + 1` of suffixes, end to end.
    counts: Vec<usize>,
    /// Where each phrase's counts start in `counts`, and the end.
    starts: Vec<usize>,
}

impl PartCounts {
    /// Zeros for the phrases `seqs`.
    fn new(seqs: &[&[u32]]) -> PartCounts {
        let mut starts = Vec::with_capacity(seqs.len() + 1);
        starts.push(0);
        for seq in seqs {
            starts.push(starts[starts.len() - 1] + 2 * (seq.len() + 1));
        }
        PartCounts { counts: vec![0; starts[seqs.len()]], starts }
    }

    /// The counts of phrase `p`'s prefixes, by their length.
    pub(crate) fn prefix(&self, p: usize) -> &[usize] {
        let (a, b) = (self.starts[p], self.starts[p + 1]);
        &self.counts[a..a + (b - a) / 2]
    }

    /// The counts of phrase `p`'s suffixes, by where they start.
    pub(crate) fn suffix(&self, p: usize) -> &[usize] {
        let (a, b) = (self.starts[p], self.starts[p + 1]);
        &self.counts[a + (b - a) / 2..b]
    }
}

/// Every doc's content classes laid end to end with a separator (`terms.len() + doc`) after
/// each, and where each doc starts.
fn content_sequence(docs: &[Doc], terms: &[Term]) -> (Vec<u32>, Vec<u32>) {
    let total: usize = docs.iter().map(|d| d.content.len() + 1).sum();
    let mut seq: Vec<u32> = Vec::with_capacity(total);
    let mut doc_start = Vec::with_capacity(docs.len());
    for (d, doc) in docs.iter().enumerate() {
        doc_start.push(seq.len() as u32);
        seq.extend(doc.content.iter().map(|&i| terms[doc.tokens[i as usize].term() as usize].class));
        seq.push((terms.len() + d) as u32);
    }
    (seq, doc_start)
}

// A term's prior weight by kind, before rarity (see `weight`); a query word that no statement
// uses weighs its prior (see `unseen_weight`). docs/report.md ("Scores and weights") explains them.
/// A stopword: almost nothing.
const STOPWORD_PRIOR: f64 = 0.02;
/// A word.
const WORD_PRIOR: f64 = 1.0;
/// A very common word (`lexicon::COMMON`, `lexicon::COMMON_HAN`).
const COMMON_PRIOR: f64 = 0.4;
/// A word of two letters or fewer, or of one Han or kana character (often a part of a word the
/// segmenter's dictionary lacks: 践|行, 鸿|沟).
const SHORT_PRIOR: f64 = 0.5;
/// A number.
const NUMBER_PRIOR: f64 = 0.5;
/// A Han, kana or Hangul character standing alone (Hangul, or Chinese without a word
/// segmenter): about a third of a word.
const IDEOGRAPH_PRIOR: f64 = 0.35;

/// A term's weight: its prior by kind times a rarity factor from 0.5 (in every statement) to
/// 1.0 (in one statement).
fn weight(term: &Term, n: f64) -> f64 {
    let prior = if term.stop {
        STOPWORD_PRIOR
    } else {
        match term.kind {
            TokenKind::Ideograph => IDEOGRAPH_PRIOR,
            TokenKind::Number => NUMBER_PRIOR,
            TokenKind::Word | TokenKind::CjkWord if is_common(&term.norm) => COMMON_PRIOR,
            TokenKind::Word if term.norm.chars().count() <= 2 => SHORT_PRIOR,
            TokenKind::CjkWord if term.norm.chars().count() == 1 => SHORT_PRIOR,
            TokenKind::Word | TokenKind::CjkWord => WORD_PRIOR,
        }
    };
    let rarity = if n < 2.0 || term.df == 0 { 1.0 } else { ((n / term.df as f64).ln() / n.ln()).clamp(0.0, 1.0) };
    prior * (0.5 + 0.5 * rarity)
}

/// The weight of a query word that no statement uses and that is no misspelling of one: a
/// stopword's or a word's prior, whatever its kind.
pub(crate) fn unseen_weight(stop: bool) -> f32 {
    (if stop { STOPWORD_PRIOR } else { WORD_PRIOR }) as f32
}

impl Index {
    /// The same occurrence as token indices.
    pub(crate) fn tokens_of(&self, o: ContentOcc) -> TokenOcc {
        let content = &self.docs[o.doc as usize].content;
        TokenOcc { doc: o.doc, first: content[o.first as usize], last: content[o.last as usize] }
    }

    /// The bytes of an occurrence: from its first token's start to its last token's end.
    pub(crate) fn span_of(&self, o: TokenOcc) -> Span {
        let tokens = &self.docs[o.doc as usize].tokens;
        Span::new(tokens[o.first as usize].span().start, tokens[o.last as usize].span().end)
    }

    /// The excerpt of an occurrence.
    pub(crate) fn excerpt(&self, statements: &[Statement], o: TokenOcc) -> crate::report::Excerpt {
        let (d, a) = (o.doc as usize, o.first as usize);
        let span = self.span_of(o);
        let text = &statements[self.docs[d].input].text[span.range()];
        crate::report::Excerpt {
            doc: statements[self.docs[d].input].id.clone(),
            start: span.start,
            end: span.end,
            utf16_start: self.utf16_of(statements, d, a),
            utf16_end: self.utf16_of(statements, d, a) + crate::span::utf16_len(text),
            text: text.to_string(),
        }
    }

    /// The positions in `content_seq` of the content words of a class, in order.
    pub(crate) fn content_postings(&self, class: u32) -> &[u32] {
        let c = class as usize;
        if c + 1 >= self.content_postings_start.len() {
            return &[];
        }
        &self.content_postings[self.content_postings_start[c] as usize..self.content_postings_start[c + 1] as usize]
    }

    /// Where canonical doc `d` starts in `content_seq` (the positions of `content_postings`).
    pub(crate) fn content_start(&self, d: u32) -> usize {
        self.content_doc_start[d as usize] as usize
    }

    /// The content classes of canonical doc `d`, in text order: its stretch of `content_seq`.
    pub(crate) fn doc_classes(&self, d: u32) -> &[u32] {
        let start = self.content_doc_start[d as usize] as usize;
        &self.content_seq[start..start + self.docs[d as usize].content.len()]
    }

    /// Windows of the statements around the occurrences of a reference's words, for aligning
    /// the reference there. For each anchor `(qi, class)` (the class of the reference's word
    /// `qi`; the reference has `m` words), each occurrence of the class opens the window
    /// `lo..hi`, from `qi + slack` positions before it to `m - qi + slack` after, counted in
    /// tokens or, with `content`, in content words (only content words of the class are
    /// anchors then). Each window is looked at once: reading it costs a unit per position, and
    /// when `worth(doc, lo, hi)` says an alignment there could pass, its cells (plus `extra`
    /// units) are charged and `visit(doc, lo, hi)` aligns. The walk stops when the budget runs
    /// out. `worth` gets the anchor's number in `anchors` first; the windows of one anchor come
    /// in the order of their positions.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn windows(
        &self,
        anchors: &[(usize, u32)],
        m: usize,
        content: bool,
        budget: &mut Budget,
        extra: u64,
        mut worth: impl FnMut(usize, u32, usize, usize) -> bool,
        mut visit: impl FnMut(u32, usize, usize),
    ) {
        let slack = (m / 2).max(2);
        let mut tried: FxHashSet<u64> = FxHashSet::default();
        for (k, &(qi, class)) in anchors.iter().enumerate() {
            // (doc, position in the doc, the doc's length), in tokens or content words.
            let places: Box<dyn Iterator<Item = (u32, usize, usize)>> = if content {
                let list = self.content_postings(class);
                if !budget.spend(list.len() as u64) {
                    return;
                }
                let starts = &self.content_doc_start;
                let mut d = 0usize;
                Box::new(list.iter().map(move |&p| {
                    while d + 1 < starts.len() && starts[d + 1] <= p {
                        d += 1;
                    }
                    (d as u32, (p - starts[d]) as usize, self.docs[d].content.len())
                }))
            } else {
                let postings = self.postings(class);
                if !budget.spend(postings.len() as u64) {
                    return;
                }
                Box::new(postings.iter().map(|(d, tok)| (d, tok as usize, self.docs[d as usize].tokens.len())))
            };
            for (d, at, len) in places {
                let lo = at.saturating_sub(qi + slack);
                let hi = (at + (m - qi) + slack).min(len);
                if !tried.insert((d as u64) << 32 | lo as u64) {
                    continue;
                }
                if !budget.spend((hi - lo) as u64) {
                    return;
                }
                if !worth(k, d, lo, hi) {
                    continue;
                }
                if !budget.spend((m * (hi - lo)) as u64 + extra) {
                    return;
                }
                visit(d, lo, hi);
            }
        }
    }

    /// The UTF-16 offset of the start of token `i` of canonical doc `d`.
    pub(crate) fn utf16_of(&self, statements: &[Statement], d: usize, i: usize) -> usize {
        let doc = &self.docs[d];
        let m = i / UTF16_STEP;
        let from = doc.tokens[m * UTF16_STEP].span().start;
        doc.utf16_marks[m] as usize
            + crate::span::utf16_len(&statements[doc.input].text[from..doc.tokens[i].span().start])
    }

    /// The aligner's view of the words of an occurrence.
    pub(crate) fn words(&self, o: TokenOcc) -> Vec<crate::align::Word> {
        (o.first..=o.last).map(|i| self.word(o.doc as usize, i as usize)).collect()
    }

    /// The aligner's view of token `i` of canonical doc `d`.
    pub(crate) fn word(&self, d: usize, i: usize) -> crate::align::Word {
        let tok = self.docs[d].tokens[i];
        crate::align::Word { brk: tok.brk(), ..self.word_of_term(tok.term()) }
    }

    /// The aligner's view of a term.
    pub(crate) fn word_of_term(&self, term: u32) -> crate::align::Word {
        let t = &self.terms[term as usize];
        crate::align::Word {
            term,
            class: t.class,
            weight: t.weight,
            stop: t.stop,
            brk: false,
            ideo: t.kind == TokenKind::Ideograph,
        }
    }

    /// The aligner's view of a class, for comparing phrases of classes.
    pub(crate) fn class_word(&self, class: u32) -> crate::align::Word {
        let t = &self.terms[class as usize];
        crate::align::Word {
            term: class,
            class,
            weight: t.weight,
            stop: false,
            brk: false,
            ideo: t.kind == TokenKind::Ideograph,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_12_bytes() {
        assert_eq!(std::mem::size_of::<Tok>(), 12, "docs/DESIGN.md says so");
    }

    /// The words of every statement of an index, as written.
    /// The words of each statement, in input order.
    fn words_of<'a>(index: &Index, statements: &'a [Statement]) -> Vec<Vec<&'a str>> {
        let mut words = vec![Vec::new(); statements.len()];
        for d in &index.docs {
            words[d.input] = d.tokens.iter().map(|t| &statements[d.input].text[t.span().range()]).collect();
        }
        words
    }

    #[test]
    fn chinese_words_the_dictionary_lacks_are_joined_from_the_statements() {
        let statements: Vec<Statement> = [
            "我们要践行真正的多边主义，推进中国式现代化。",
            "各国应当践行真正的多边主义，中国式现代化。",
            "坚持真正的多边主义，中国人民，现代农业。",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Statement::new(format!("s{i}"), *t))
        .collect();
        let index = Index::build(&statements, &Options::default(), &mut |_| true).unwrap();
        let words = words_of(&index, &statements);
        // ICU cuts 践|行 and 中国|式|现代|化; 践 always stands before 行, 式 after 中国 as often as
        // before 现代 (the left one wins), 化 after 现代.
        assert_eq!(words[0], ["我们", "要", "践行", "真正", "的", "多边", "主义", "推进", "中国式", "现代化"]);
        assert_eq!(words[1][2..4], ["践行", "真正"]);
        assert_eq!(words[2], ["坚持", "真正", "的", "多边", "主义", "中国", "人民", "现代", "农业"]);
        // A query is joined as the statements are; its words stay apart where they never join.
        let query: Vec<String> = index.tokenize("践行真正的多边主义").into_iter().map(|t| t.norm).collect();
        assert_eq!(query, ["践行", "真正", "的", "多边", "主义"]);
        let query: Vec<String> = index.tokenize("行真正").into_iter().map(|t| t.norm).collect();
        assert_eq!(query, ["行", "真正"]);
    }

    #[test]
    fn a_pair_in_one_statement_only_is_not_joined() {
        let statements = vec![Statement::new("a", "践行多边主义，践行承诺。"), Statement::new("b", "坚持多边主义。")];
        let index = Index::build(&statements, &Options::default(), &mut |_| true).unwrap();
        assert_eq!(words_of(&index, &statements)[0][..2], ["践", "行"]);
    }

    /// Every occurrence of `part` as consecutive classes of `content_seq`, counted one by one.
    fn brute_count(index: &Index, part: &[u32]) -> usize {
        index.content_seq.windows(part.len()).filter(|w| *w == part).count()
    }

    proptest::proptest! {
        #[test]
        fn part_counts_equal_counting_every_part_one_by_one(
            texts in proptest::collection::vec(proptest::collection::vec(0usize..5, 0..60), 1..6),
            picks in proptest::collection::vec((0usize..400, 1usize..9), 1..8),
        ) {
            // A vocabulary of five words makes parts repeat, overlap and cross statements' ends.
            const WORDS: [&str; 5] = ["peace", "order", "trade", "world", "peace"];
            let statements: Vec<Statement> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| Statement::new(format!("s{i}"), t.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ")))
                .collect();
            let index = Index::build(&statements, &Options::default(), &mut |_| true).unwrap();
            let all = &index.content_seq;
            // Phrases of a statement (up to its end: a separator is no class) or, past the text's
            // end, made up.
            let seqs: Vec<Vec<u32>> = picks
                .iter()
                .map(|&(at, len)| {
                    if at + len <= all.len() {
                        all[at..at + len].iter().copied().take_while(|&c| (c as usize) < index.terms.len()).collect()
                    } else {
                        (0..len).map(|k| index.class(((at + k) % index.terms.len()) as u32)).collect()
                    }
                })
                .collect();
            let seqs: Vec<&[u32]> = seqs.iter().map(Vec::as_slice).collect();
            // One phrase at a time, all of them narrowing postings, all at once in one reading.
            let one_by_one: Vec<PartCounts> = seqs.iter().map(|&seq| index.part_counts_of(&[seq], 0)).collect();
            let one_by_one: Vec<(&[usize], &[usize])> = one_by_one.iter().map(|c| (c.prefix(0), c.suffix(0))).collect();
            let (narrowed, scanned) = (index.part_counts_of(&seqs, 0), index.part_counts_of(&seqs, u64::MAX));
            fn each(c: &PartCounts, n: usize) -> Vec<(&[usize], &[usize])> {
                (0..n).map(|p| (c.prefix(p), c.suffix(p))).collect()
            }
            for counted in [one_by_one, each(&narrowed, seqs.len()), each(&scanned, seqs.len())] {
                proptest::prop_assert_eq!(counted.len(), seqs.len());
                for (seq, &(prefixes, suffixes)) in seqs.iter().zip(&counted) {
                    proptest::prop_assert_eq!((prefixes.len(), suffixes.len()), (seq.len() + 1, seq.len() + 1));
                    // (The empty part is not counted: 0.)
                    for k in 0..=seq.len() {
                        let prefix = if k == 0 { 0 } else { brute_count(&index, &seq[..k]) };
                        proptest::prop_assert_eq!(prefixes[k], prefix, "prefix {} of {:?}", k, seq);
                        let suffix = if k == seq.len() { 0 } else { brute_count(&index, &seq[k..]) };
                        proptest::prop_assert_eq!(suffixes[k], suffix, "suffix {} of {:?}", k, seq);
                    }
                }
            }
        }
    }
}
