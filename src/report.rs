//! The report: what a run returns, serialized as JSON with a `schema_version`.
//!
//! The shape is documented field by field in `docs/report.md`; the page, the WebAssembly API and
//! users' scripts rely on it, so fields are only ever added, never renamed or removed, within a
//! schema version.

use crate::span::Span;
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

/// The version of the JSON shape of [`Report`] and [`QueryReport`].
pub const SCHEMA_VERSION: u32 = 1;

/// Rounds a figure for the report (6 decimals), so reports are stable across platforms. A
/// figure below 1 stays below 1 (1.0 means identical).
pub(crate) fn round(x: f64) -> f64 {
    let r = (x * 1e6).round() / 1e6;
    if x < 1.0 {
        r.min(0.999_999)
    } else {
        r
    }
}

/// A count for a note, with thousands separated by commas ("7,123").
pub(crate) fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An exact place in a statement: byte and UTF-16 offsets and the original text there.
#[derive(Clone, Debug, PartialEq)]
pub struct Excerpt {
    /// The statement's id.
    pub doc: String,
    /// First UTF-8 byte (inclusive).
    pub start: usize,
    /// Last UTF-8 byte (exclusive).
    pub end: usize,
    /// First UTF-16 code unit (inclusive), for JavaScript strings.
    pub utf16_start: usize,
    /// Last UTF-16 code unit (exclusive).
    pub utf16_end: usize,
    /// The original text of the statement between `start` and `end`.
    pub text: String,
}

impl Excerpt {
    /// The excerpt's bytes in its statement's text.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// How many fields [`Excerpt::serialize_fields`] writes.
    const FIELDS: usize = 6;

    /// Writes the excerpt's fields into a struct being serialized: an excerpt alone, or a
    /// struct that shows them as its own ([`with_excerpt`]).
    fn serialize_fields<S: SerializeStruct>(&self, s: &mut S) -> Result<(), S::Error> {
        let Excerpt { doc, start, end, utf16_start, utf16_end, text } = self;
        s.serialize_field("doc", doc)?;
        s.serialize_field("start", start)?;
        s.serialize_field("end", end)?;
        s.serialize_field("utf16_start", utf16_start)?;
        s.serialize_field("utf16_end", utf16_end)?;
        s.serialize_field("text", text)
    }
}

impl Serialize for Excerpt {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Excerpt", Excerpt::FIELDS)?;
        self.serialize_fields(&mut s)?;
        s.end()
    }
}

/// `Serialize` for a struct whose field `excerpt` shows its fields as the struct's own, first,
/// then the struct's other fields, named here in their order (what `#[serde(flatten)]` writes,
/// without its map: through serde-wasm-bindgen each key of a map becomes a new JavaScript
/// string, a struct's field names are made once). Naming a field too few fails to compile.
macro_rules! with_excerpt {
    ($name:ident { $($field:ident),* }) => {
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let $name { excerpt, $($field),* } = self;
                let mut s = serializer.serialize_struct(stringify!($name), Excerpt::FIELDS + [$(stringify!($field)),*].len())?;
                excerpt.serialize_fields(&mut s)?;
                $(s.serialize_field(stringify!($field), $field)?;)*
                s.end()
            }
        }
    };
}

/// One step of a word-level difference between a reference (a family's root, or a query) and
/// an occurrence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edit {
    /// `equal` (same word after normalization), `variant` (a near-synonym from the lexicon),
    /// `substitute`, `insert` (only in the occurrence), `delete` (only in the reference) or `move`
    /// (in both, at another place).
    pub op: EditOp,
    /// Index of the reference's word (0-based, counting words only), absent for `insert`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// The reference's word as written, absent for `insert`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The occurrence's word as written, absent for `delete`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Byte offsets of the occurrence's word in its statement, absent for `delete`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// End of the occurrence's word (exclusive), absent for `delete`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// UTF-16 offset of the occurrence's word, absent for `delete`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utf16_start: Option<usize>,
    /// UTF-16 end of the occurrence's word (exclusive), absent for `delete`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utf16_end: Option<usize>,
}

/// The kind of an [`Edit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum EditOp {
    /// The same word after normalization.
    Equal,
    /// A near-synonym of the reference's word.
    Variant,
    /// Another word in the reference's place.
    Substitute,
    /// A word only in the occurrence.
    Insert,
    /// A word only in the reference.
    Delete,
    /// A word of the reference found elsewhere in the occurrence.
    Move,
}

/// A statement as the report sees it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatementSummary {
    /// The id given on input.
    pub id: String,
    /// Title, if given.
    pub title: Option<String>,
    /// Speaker, if given.
    pub speaker: Option<String>,
    /// Date as given.
    pub date: Option<String>,
    /// The sortable date read from `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), if any.
    pub date_key: Option<String>,
    /// Language, if given.
    pub language: Option<String>,
    /// Number of word tokens (a Han, kana or Hangul character is one token).
    pub words: usize,
    /// Number of content words (not stopwords).
    pub content_words: usize,
    /// Content words that lie in an occurrence of some family.
    pub shared_words: usize,
    /// `shared_words / content_words`, 0 for a statement without content words.
    pub shared_share: f64,
}

/// One occurrence of a family in a statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Occurrence {
    /// Where it is (its fields are the occurrence's in JSON).
    pub excerpt: Excerpt,
    /// Similarity to the family's root in [0, 1]; 1.0 = identical after normalization.
    pub similarity: f64,
    /// Word-level difference from the root.
    pub diff: Vec<Edit>,
}

with_excerpt!(Occurrence { similarity, diff });

/// A slot of a family's root whose word varies between occurrences.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Slot {
    /// Index of the word in the root (0-based, counting words only).
    pub index: usize,
    /// The root's word there.
    pub root: String,
    /// Every word seen in the slot, most frequent first, with the number of occurrences.
    pub fillers: Vec<Filler>,
}

/// A word seen in a [`Slot`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Filler {
    /// The word, lower-cased.
    pub text: String,
    /// How many occurrences have it.
    pub count: usize,
}

/// First use of a family.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FirstUse {
    /// The statement's id.
    pub doc: String,
    /// Its speaker, if given.
    pub speaker: Option<String>,
    /// Its sortable date.
    pub date: String,
}

/// Statements using a family at one date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelinePoint {
    /// A sortable date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub date: String,
    /// Ids of the statements of that date using the family.
    pub docs: Vec<String>,
}

/// A shared passage or formula, with all its occurrences across the statements.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Family {
    /// Id within the report: `f1` is the strongest.
    pub id: String,
    /// A key that stays the same across runs while the root's normalized words do (a hash of
    /// `root_norm`), for pages that keep a selection when statements change.
    pub key: String,
    /// The canonical form: the original text of the most common wording.
    pub root: String,
    /// The root's normalized words, space-separated (Chinese words that touch in the text are
    /// written together: "构建人类命运共同体").
    pub root_norm: String,
    /// Where the root's text was taken from.
    pub root_excerpt: Excerpt,
    /// How formulaic the family is: higher is stronger (see `docs/report.md`, "Scores").
    pub score: f64,
    /// True when the family reads as a proper name or title (most of its content words
    /// capitalized where they occur, as in "Paris Agreement"); see `why` for how it counts.
    pub name: bool,
    /// Weight of the root's words (rare words weigh more; stopwords almost nothing).
    pub weight: f64,
    /// Number of statements with an occurrence.
    pub statements: usize,
    /// Number of distinct speakers (statements without a speaker are not counted).
    pub speakers: usize,
    /// Mean similarity of the occurrences to the root, in [0, 1].
    pub stability: f64,
    /// Slots of the root that vary, with what fills them.
    pub slots: Vec<Slot>,
    /// The earliest dated occurrence, when statements carry dates.
    pub first_use: Option<FirstUse>,
    /// Dated statements using the family, by date.
    pub timeline: Vec<TimelinePoint>,
    /// The occurrences, in statement order then text order.
    pub occurrences: Vec<Occurrence>,
    /// Why the family ranks where it does: the measures behind `score`.
    pub why: Why,
    /// With option `cross_language`: the bilingual lexicon's pairs whose formula (in a Chinese
    /// root) or rendering (in an English one) the root holds, each with the families of the same
    /// report whose root holds the other side (a cross-language family); empty otherwise.
    pub renderings: Vec<FamilyRendering>,
}

/// A pair of the bilingual lexicon that a family's root holds one side of.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FamilyRendering {
    /// The lexicon entry's Chinese formula.
    pub zh: String,
    /// Its English rendering.
    pub en: String,
    /// Ids of the families of the report whose root holds the other side, in the report's order.
    pub families: Vec<String>,
}

/// The measures behind a family's score (see `docs/report.md`, "Ranking"). Each is computed
/// from the statements themselves.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Why {
    /// Association of the root's words: pointwise mutual information, in bits, at the weakest
    /// point of the root (the split into two parts whose parts occur together least above
    /// chance). `None` for a root of one content word, or of more than 12 (a passage, fixed by
    /// its length).
    pub association: Option<f64>,
    /// Log-likelihood (G2, Dunning 1993) of the root's parts occurring together at that point;
    /// above 10.83 the association is significant at p < 0.001.
    pub log_likelihood: Option<f64>,
    /// Gries' DP of the family's occurrences over speakers: 0 when they are spread as the
    /// speakers' shares of the words, towards 1 when one speaker has them all. `None` with
    /// fewer than two known speakers.
    pub dispersion: Option<f64>,
    /// How much more unevenly the family is spread over speakers than chance would spread as
    /// many occurrences, in [0, 1]: (DP - expected DP) / (1 - expected DP).
    pub unevenness: Option<f64>,
    /// Uses by a speaker who also uses the family in another statement (a speaker's repertoire).
    pub repeats: usize,
    /// Share of the family's statements that use it twice or more, as a topic is repeated
    /// within a statement and a formula seldom is (Church and Gale 1995).
    pub burstiness: f64,
    /// Number of distinct years (from `date`) of the statements using it.
    pub years: usize,
    /// Share of the occurrences' content words written with a capital letter (not at a sentence
    /// start): high for names and titles.
    pub capitals: f64,
    /// True when most occurrences stand at a statement's very beginning or end (datelines,
    /// bylines, salutations): boilerplate, ranked low.
    pub boilerplate: bool,
    /// The factors of `score`, each as used: reuse, length, fixedness, choice, topic, name,
    /// boilerplate (their product is the score).
    pub factors: Factors,
    /// The same in words, for a reader.
    pub summary: String,
}

/// The factors of a family's score (see [`Why`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Factors {
    /// `ln(1 + statements) + 0.5 * ln(speakers)`.
    pub reuse: f64,
    /// `ln(1 + min(weight, 3))`: longer roots weigh more, up to about three content words.
    pub length: f64,
    /// Association and stability of wording: `(0.5 + 0.5 * a) * (0.5 + 0.5 * stability)`,
    /// `a` the association scaled to [0, 1] (3 bits or less: 0; 12 bits or more: 1; 0 when not
    /// significant; 1 for a passage of more than 12 content words).
    pub fixedness: f64,
    /// Use by choice, a speaker's repertoire: `0.4 + 0.6 * repeats / (statements + 3)`.
    pub choice: f64,
    /// Not a topic: `1 - 0.6 * burstiness`.
    pub topic: f64,
    /// A name or title counts 0.4, unless one speaker has half its uses or more in three
    /// statements or more (a programme of rhetoric such as "Belt and Road" counts fully).
    pub name: f64,
    /// Boilerplate counts 0.2.
    pub boilerplate: f64,
}

/// The statement-by-statement similarity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Similarity {
    /// What a cell means.
    pub measure: String,
    /// Row and column order: statement ids in input order.
    pub ids: Vec<String>,
    /// `matrix[a][b]`: share of statement a's content words lying in occurrences of families
    /// that also occur in statement b; 1.0 on the diagonal. Empty when the corpus has more
    /// statements than `matrix_max_statements`.
    pub matrix: Vec<Vec<f64>>,
}

/// Figures about a run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    /// Number of statements.
    pub statements: usize,
    /// Word tokens in all statements.
    pub words: usize,
    /// Distinct repeated phrases considered before grouping.
    pub candidate_phrases: usize,
    /// Families found (the report lists at most `max_families`).
    pub families_found: usize,
    /// Families the report lists: `families_found` unless a bound cut the list (`notes` says
    /// which).
    pub families_reported: usize,
    /// Units of work spent.
    pub work: u64,
    /// True when the work budget ran out; the report is then partial, see `notes`.
    pub budget_exhausted: bool,
}

/// The result of comparing the statements of a corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `refrain` and its version.
    pub engine: String,
    /// The statements, in input order.
    pub statements: Vec<StatementSummary>,
    /// Families, strongest first.
    pub families: Vec<Family>,
    /// Statement similarity.
    pub similarity: Similarity,
    /// Figures about the run.
    pub stats: Stats,
    /// Remarks a reader should know: a partial result (which bound was reached and which
    /// option raises it), families left out of the list, a matrix left out.
    pub notes: Vec<String>,
}

/// One place where a query phrase or a variant of it occurs.
#[derive(Clone, Debug, PartialEq)]
pub struct QueryOccurrence {
    /// Where it is (its fields are the occurrence's in JSON).
    pub excerpt: Excerpt,
    /// In [0, 1]; 1.0 = identical to the query after normalization.
    pub score: f64,
    /// The query's words aligned with the occurrence's.
    pub explanation: Vec<Edit>,
    /// Id of the family this occurrence belongs to in the last comparison, if any.
    pub family: Option<String>,
    /// Up to 60 characters of text before the occurrence (for keyword-in-context lines).
    pub before: String,
    /// Up to 60 characters of text after the occurrence.
    pub after: String,
    /// `null` for an occurrence of the query itself; for one found through the bilingual
    /// lexicon (option `cross_language`), the lexicon entry that pairs the query with the
    /// phrase found. Such occurrences come after those of the query.
    pub translation: Option<QueryTranslation>,
}

with_excerpt!(QueryOccurrence { score, explanation, family, before, after, translation });

/// Why an occurrence of a query was found in the other language: the lexicon entry that pairs
/// the query with the phrase searched, and the entry's evidence (see `docs/parallel.md`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QueryTranslation {
    /// The phrase searched, in the other language than the query's: the entry's formula or
    /// its rendering.
    pub phrase: String,
    /// The language of `phrase`: `"zh"` or `"en"`.
    pub language: String,
    /// The entry's Chinese formula.
    pub entry_zh: String,
    /// The entry's English rendering.
    pub entry_en: String,
    /// Official occurrence pairs that attest the entry (the lexicon keeps one per entry).
    pub evidence: Vec<LexiconEvidence>,
}

/// An official occurrence pair of a lexicon entry: files of `../shared/corpus` and the bytes of
/// the formula and of its rendering in them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LexiconEvidence {
    /// The Chinese edition.
    pub zh_file: String,
    /// The formula's bytes in it (half-open).
    pub zh_start: usize,
    /// End of the formula.
    pub zh_end: usize,
    /// The English edition.
    pub en_file: String,
    /// The rendering's bytes in it.
    pub en_start: usize,
    /// End of the rendering.
    pub en_end: usize,
}

/// The result of a phrase search.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QueryReport {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The phrase as given.
    pub query: String,
    /// The query's normalized words, written as `root_norm` is.
    pub query_norm: String,
    /// Occurrences, best first.
    pub occurrences: Vec<QueryOccurrence>,
    /// Occurrences found before the `query_max_results` cut.
    pub total: usize,
    /// True when the exact phrase occurs: an occurrence is the query's normalized words, in
    /// order, with none between (otherwise the occurrences are its closest variants).
    pub exact: bool,
    /// True when the work budget ran out.
    pub budget_exhausted: bool,
    /// Remarks a reader should know (occurrences cut by `query_max_results`, the work budget).
    pub notes: Vec<String>,
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_have_thousands_separators() {
        for (n, want) in [(0, "0"), (999, "999"), (1_000, "1,000"), (7_123, "7,123"), (400_000_000, "400,000,000")] {
            assert_eq!(super::count(n), want);
        }
    }
}

/// One group of a contrast.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupSummary {
    /// How the group was chosen ("speaker=Xi Jinping", "year=2017-2019", or given by the caller).
    pub label: String,
    /// Ids of its statements, in the order given.
    pub ids: Vec<String>,
    /// Content words of its statements (the size its counts are set against).
    pub content_words: usize,
}

/// A wording of a family (its normalized words) and how many occurrences in a group have it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Wording {
    /// The normalized words, written as a family's `root_norm` is.
    pub text: String,
    /// Occurrences with this wording.
    pub count: usize,
}

/// A family as a contrast sees it: how much more one group uses it than the other.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContrastFamily {
    /// The z-score of the log-odds ratio: > 0 when group A uses the family more, < 0 group B;
    /// beyond +-1.96 the difference is significant at the 95% level under the model.
    pub z: f64,
    /// The log-odds ratio itself (A over B), shrunk by the prior.
    pub log_odds: f64,
    /// Occurrences in group A's statements.
    pub count_a: usize,
    /// Occurrences in group B's statements.
    pub count_b: usize,
    /// Occurrences per 10,000 content words of group A.
    pub rate_a: f64,
    /// Occurrences per 10,000 content words of group B.
    pub rate_b: f64,
    /// The wordings group A uses, most frequent first.
    pub wordings_a: Vec<Wording>,
    /// The wordings group B uses.
    pub wordings_b: Vec<Wording>,
    /// The family, with every occurrence (in either group or neither); its `id` is its rank in
    /// the comparison of the same statements (`f1` the strongest).
    pub family: Family,
}

/// The result of contrasting two groups of statements.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContrastReport {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `refrain` and its version.
    pub engine: String,
    /// Group A.
    pub a: GroupSummary,
    /// Group B.
    pub b: GroupSummary,
    /// What `z` measures.
    pub measure: String,
    /// Families most distinctive of A first (highest `z`), of B last.
    pub families: Vec<ContrastFamily>,
    /// Families used by either group (the report keeps the most distinctive of each).
    pub families_found: usize,
    /// Remarks a reader should know (a partial result, families left out).
    pub notes: Vec<String>,
}

/// One sentence of a text that [`crate::align_texts`] aligned.
#[derive(Clone, Debug, PartialEq)]
pub struct AlignedSentence {
    /// Its place in the text (`doc` is `zh` or `en`) and its text (its fields are the
    /// sentence's in JSON).
    pub excerpt: Excerpt,
    /// Its number on its side, from 0.
    pub index: usize,
    /// Its length for alignment: characters other than whitespace.
    pub chars: usize,
}

with_excerpt!(AlignedSentence { index, chars });

/// Whether a bead was aligned, or why not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BeadStatus {
    /// The sentences translate each other, as far as lengths and anchors say.
    Aligned,
    /// Sentences of one side only: the other side has nothing in their place.
    NoCounterpart,
    /// The cheapest alignment pairs these sentences, but their lengths disagree (more than
    /// three standard deviations) and no anchor confirms them: left unaligned instead of guessed.
    LengthsDisagree,
}

/// A Chinese formula of the lexicon in a bead, and its English rendering there, if found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FormulaLink {
    /// The formula as written in the Chinese text.
    pub zh: Excerpt,
    /// The rendering as written in the English text; `null` when none of the formula's
    /// renderings is in the bead's English sentences.
    pub en: Option<Excerpt>,
    /// The lexicon entry's formula.
    pub entry_zh: String,
    /// The lexicon entry's rendering that was found (or `null`).
    pub entry_en: Option<String>,
    /// Every rendering the lexicon knows for the formula.
    pub renderings: Vec<String>,
}

/// A group of Chinese sentences and the English sentences that translate them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bead {
    /// Indices of the Chinese sentences (consecutive; may be empty).
    pub zh: Vec<usize>,
    /// Indices of the English sentences (consecutive; may be empty).
    pub en: Vec<usize>,
    /// `"1-1"`, `"1-2"`, `"2-1"`, `"2-2"`, `"1-0"` or `"0-1"` (Chinese-English).
    pub kind: String,
    /// Aligned, or why not.
    pub status: BeadStatus,
    /// The bead's cost in the alignment (lower is surer; see `docs/report.md`).
    pub cost: f64,
    /// How far the lengths disagree, in standard deviations (0 for a bead of one side).
    pub length_z: f64,
    /// Anchors (numbers, Latin names, formula pairs) both sides share.
    pub anchors: usize,
    /// The lexicon's Chinese formulas in the bead, each with its rendering if found.
    pub formulas: Vec<FormulaLink>,
}

/// Figures about an alignment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlignmentStats {
    /// Chinese sentences.
    pub zh_sentences: usize,
    /// English sentences.
    pub en_sentences: usize,
    /// Beads with status `aligned`.
    pub aligned_beads: usize,
    /// Chinese sentences not in an aligned bead.
    pub unaligned_zh: usize,
    /// English sentences not in an aligned bead.
    pub unaligned_en: usize,
    /// English characters expected per Chinese character.
    pub ratio: f64,
    /// Half-width of the band around the diagonal, in sentences.
    pub band: usize,
    /// Cells of the dynamic programme computed.
    pub cells: usize,
    /// Occurrences of lexicon formulas in the Chinese text's aligned beads.
    pub formulas: usize,
    /// Of those, occurrences whose rendering is in the bead's English sentences.
    pub formulas_rendered: usize,
}

/// A Chinese text and its English edition, sentence by sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alignment {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `refrain` and its version.
    pub engine: String,
    /// The Chinese sentences, in text order.
    pub zh: Vec<AlignedSentence>,
    /// The English sentences, in text order.
    pub en: Vec<AlignedSentence>,
    /// Every sentence of both sides in exactly one bead, in text order.
    pub beads: Vec<Bead>,
    /// Chinese sentences not in an aligned bead.
    pub unaligned_zh: Vec<usize>,
    /// English sentences not in an aligned bead.
    pub unaligned_en: Vec<usize>,
    /// Figures about the run.
    pub stats: AlignmentStats,
    /// Remarks a reader should know (a text too long to align, a path on the band's edge).
    pub notes: Vec<String>,
}

/// One place where a Chinese formula occurs in an aligned pair, with its rendering there.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RenderingPlace {
    /// The pair's id, as given to [`crate::parallel::tally`].
    pub pair: String,
    /// The formula in the Chinese text.
    pub zh: Excerpt,
    /// The rendering in the English text, or `null` when none was found.
    pub en: Option<Excerpt>,
}

/// One rendering of a formula across aligned pairs, and where.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RenderingCount {
    /// The lexicon's rendering; `null` for the occurrences where none was found.
    pub rendering: Option<String>,
    /// Pairs (statements) with this rendering.
    pub statements: usize,
    /// Occurrences with this rendering.
    pub occurrences: usize,
    /// Every occurrence, in the order of the pairs and of the text.
    pub places: Vec<RenderingPlace>,
}

/// How a Chinese formula is rendered across aligned pairs: "人类命运共同体 is rendered 'community
/// with a shared future for mankind' in 8 statements".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FormulaRenderings {
    /// The formula, as the lexicon writes it.
    pub formula: String,
    /// Its occurrences in aligned beads.
    pub occurrences: usize,
    /// Its renderings, in most statements first; occurrences without rendering last.
    pub renderings: Vec<RenderingCount>,
}
