//! Ranking: each family's root occurrence, its score (how formulaic it is, and why), and the
//! order of the families.
//!
//! A formula is a fixed expression used by choice: its words occur together far more often than
//! their frequencies predict and its wording varies little (fixedness), some speakers use it and
//! others do not, and a speaker who uses it tends to use it again (choice). A topic is named by
//! every speaker, and repeated within a statement (burstiness); a name or title is capitalized;
//! boilerplate (datelines, bylines, salutations) stands at a statement's very beginning or end.
//! Every measure is computed from the statements themselves (see `docs/report.md`, "Ranking"):
//!
//! - association: pointwise mutual information and log-likelihood (Dunning 1993) at the
//!   root's weakest point, from counts of the root's parts in all statements;
//! - dispersion: Gries' DP (Gries 2008) over speakers, set against the DP that chance would give
//!   as many occurrences (the mean absolute deviation of a binomial, per speaker);
//! - burstiness: the share of a family's statements that use it twice or more (Church and Gale
//!   1995, "Poisson mixtures").
//!
//! Every family is scored before any is written out; a sample of its occurrences gives the
//! stability of its wording, so ranking stays linear in the occurrences. The families are then
//! put in the order the reader chose (option `order`): most formulaic (the score), most
//! widespread, longest root, or first used; the score breaks ties in the other orders. Datelines,
//! bylines and salutations (`Edge::Credit`) are not refrains: they come last in every order.

use crate::align::{align, Word};
use crate::budget::Budget;
use crate::family::Draft;
use crate::index::{Index, PartCounts, TokenOcc};
use crate::options::Order;
use crate::report::{round, Factors, Why};
use crate::statement::Statement;
use crate::text::TokenKind;
use rustc_hash::FxHashMap;
use std::cmp::Ordering;
use std::sync::{Mutex, OnceLock};

/// A family ranked before it is written out.
pub(crate) struct Ranked {
    pub score: f64,
    pub root_norm: String,
    /// Index of the family's draft.
    pub draft: usize,
    pub root: TokenOcc,
    pub name: bool,
    /// The measures behind the score, without their summary and not yet rounded (see
    /// [`Ranked::why`]).
    why: Why,
    /// A dateline, byline or salutation (see [`Edge::Credit`]): last in every order.
    credit: bool,
    /// What the chosen order puts first, before the score.
    lead: Lead,
    /// What the summary says besides the measures.
    told: Told,
}

/// What a family's summary says besides its measures.
#[derive(Clone, Copy, Debug)]
struct Told {
    statements: usize,
    speakers: usize,
    /// Enough occurrences for their unevenness over speakers to mean something.
    reliable: bool,
}

impl Ranked {
    /// The measures behind the score with their summary in words: written only for the
    /// families reported, a few hundred of the thousands ranked.
    pub(crate) fn why(&self) -> Why {
        let Told { statements, speakers, reliable } = self.told;
        let w = &self.why;
        let f = &w.factors;
        let why = Why {
            association: w.association.map(round),
            log_likelihood: w.log_likelihood.map(round),
            dispersion: w.dispersion.map(round),
            unevenness: w.unevenness.map(round),
            repeats: w.repeats,
            burstiness: round(w.burstiness),
            years: w.years,
            capitals: round(w.capitals),
            boilerplate: w.boilerplate,
            factors: Factors {
                reuse: round(f.reuse),
                length: round(f.length),
                fixedness: round(f.fixedness),
                choice: round(f.choice),
                topic: round(f.topic),
                name: round(f.name),
                boilerplate: round(f.boilerplate),
            },
            summary: String::new(),
        };
        // The summary reads the measures as the report gives them, rounded.
        let summary = summary(&why, statements, speakers, self.name, reliable, self.credit);
        Why { summary, ..why }
    }
}

/// What an order other than `formulaic` sorts by before the score, the least first: the most
/// statements, then speakers, for `widespread` (their complements); the most content words for
/// `longest`; the earliest date key of the family's statements for `first_used` (its rank among
/// the statements' date keys, undated last); nothing for `formulaic`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Lead(u64, u64);

impl Lead {
    /// The most first.
    fn most(a: usize, b: usize) -> Lead {
        Lead(!(a as u64), !(b as u64))
    }
}

/// Most occurrences aligned to estimate a family's stability when ranking.
const RANK_SAMPLE: usize = 64;
/// Roots with more content words than this are passages: fixed by their length, their
/// association is not measured.
const ASSOCIATION_MAX_WORDS: usize = 12;
/// Log-likelihood above which an association is significant (p < 0.001, one degree of freedom).
const SIGNIFICANT_G2: f64 = 10.83;
/// Association in bits scaled to [0, 1] between these (8 and 4,096 times chance).
const ASSOCIATION_BITS: (f64, f64) = (3.0, 12.0);
/// A root counts by its weight up to this (about three content words): a formula is short, and
/// a long passage two statements share should not outrank it for its length.
const LENGTH_CAP: f64 = 3.0;
/// Words at each end of a statement within which boilerplate stands (a heading, a dateline, a
/// byline, a salutation), if it is also in the first or the last sentence.
const EDGE_WORDS: usize = 40;
/// Words at the start of a statement that are its very edge: a heading, a dateline or a
/// salutation before its first sentence's content.
const VERY_EDGE_WORDS: usize = 8;
/// Tokens on each side of an occurrence in which a wire mark ("日电", "(Xinhua) --") makes it part
/// of a dateline ("新华社北京11月" + "20日电").
const MARK_WINDOW: usize = 3;
/// Marks of a wire dateline, near an occurrence (ASCII letters in lower case).
const WIRE_MARKS: &[&str] = &[
    "日电", "新华社", "中新社", "人民日报", "(xinhua)", "(reuters)", "(ap)", "(afp)", "(tass)", "(ria novosti)",
    "(sputnik)", "(ians)", "(pti)", "(upi)", "(dpa)", "(efe)", "(ansa)", "(yonhap)", "(kyodo)", "(wam)", "(kuna)",
    "(qna)", "(bernama)", ") --", ") —", ") –",
];
/// Marks of a byline or a salutation, in an occurrence's own text (ASCII letters in lower case; Cyrillic as written).
const CREDIT_MARKS: &[&str] = &[
    "statement by",
    "remarks by",
    "address by",
    "speech by",
    "check against delivery",
    "h.e.",
    "his excellency",
    "her excellency",
    "mr. president",
    "madam president",
    "mr president",
    "excellencies",
    "ladies and gentlemen",
    "thank you",
    "monsieur le président",
    "madame la présidente",
    "señor presidente",
    "señora presidenta",
    "господин председатель",
    "Господин председатель",
    "Господин Председатель",
    "主席先生",
    "各位同事",
    "女士们",
    "先生们",
    "尊敬的",
    "谢谢",
];
/// Fewest occurrences whose unevenness over speakers the summary mentions (chance alone spreads
/// a few occurrences unevenly).
const UNEVEN_MIN_OCCURRENCES: usize = 12;
/// Share of capitalized content words from which a family reads as a name or title ("Korean
/// Peninsula", "Paris Agreement").
const NAME_CAPITALS: f64 = 0.45;

/// What ranking needs of the whole corpus, computed once.
struct Context {
    /// Per speaker, its share of the content words of statements with a known speaker.
    speaker_share: Vec<f64>,
    /// Expected DP by number of occurrences (chance), computed on demand.
    expected_dp: FxHashMap<usize, f64>,
    /// Per statement, where its edges are (see [`DocEdges`]), found when a family first needs them.
    edges: Vec<OnceLock<DocEdges>>,
    /// Per statement, the rank of its date key among the statements' (`u64::MAX` undated), for
    /// the order `first_used`.
    date_rank: Vec<u64>,
}

impl Context {
    fn new(index: &Index, order: Order) -> Context {
        let mut words = vec![0usize; index.speakers.len()];
        for doc in &index.docs {
            if let Some(s) = doc.speaker {
                words[s as usize] += doc.content.len();
            }
        }
        let total = words.iter().sum::<usize>().max(1) as f64;
        Context {
            speaker_share: words.iter().map(|&w| w as f64 / total).collect(),
            expected_dp: FxHashMap::default(),
            edges: index.docs.iter().map(|_| OnceLock::new()).collect(),
            date_rank: if order == Order::FirstUsed { date_ranks(index) } else { Vec::new() },
        }
    }

    /// Where statement `d`'s edges are.
    fn edges(&self, index: &Index, d: usize) -> &DocEdges {
        self.edges[d].get_or_init(|| DocEdges::of(index, d))
    }

    /// The DP over speakers that `f` occurrences placed at random (each in a speaker's words
    /// with the probability of the speaker's share) would have on average.
    fn expected_dp(&mut self, f: usize) -> f64 {
        let shares = &self.speaker_share;
        *self.expected_dp.entry(f).or_insert_with(|| 0.5 * shares.iter().map(|&p| binomial_mad(f, p)).sum::<f64>())
    }
}

/// Per statement, the rank of its date key among the statements' distinct date keys in their
/// order, `u64::MAX` when it has none.
fn date_ranks(index: &Index) -> Vec<u64> {
    let mut keys: Vec<&str> = index.docs.iter().filter_map(|d| d.date_key.as_deref()).collect();
    crate::sort::sort(&mut keys);
    keys.dedup();
    let rank = |key: &str| keys.binary_search(&key).map_or(u64::MAX, |k| k as u64);
    index.docs.iter().map(|d| d.date_key.as_deref().map_or(u64::MAX, rank)).collect()
}

/// `E|X/n - p|` for `X ~ Binomial(n, p)` (De Moivre's closed form of the mean absolute deviation).
fn binomial_mad(n: usize, p: f64) -> f64 {
    if n == 0 || p <= 0.0 || p >= 1.0 {
        return 0.0;
    }
    let k = (n as f64 * p).floor() as usize; // X <= k below the mean
    if k + 1 > n {
        return 0.0;
    }
    // 2 (k+1) C(n, k+1) p^(k+1) (1-p)^(n-k), divided by n.
    let ln =
        (2.0 * (k + 1) as f64).ln() + ln_choose(n, k + 1) + (k + 1) as f64 * p.ln() + (n - k) as f64 * (1.0 - p).ln();
    ln.exp() / n as f64
}

fn ln_choose(n: usize, k: usize) -> f64 {
    ln_factorial(n) - ln_factorial(k) - ln_factorial(n - k)
}

/// `ln(n!)`: exact below 32, Stirling's series above (error below 1e-10).
fn ln_factorial(n: usize) -> f64 {
    if n < 32 {
        // Summed once for each n, in the same order.
        static SMALL: OnceLock<[f64; 32]> = OnceLock::new();
        return SMALL.get_or_init(|| std::array::from_fn(|n| (2..=n).map(|i| (i as f64).ln()).sum()))[n];
    }
    let x = n as f64;
    x * x.ln() - x + 0.5 * (2.0 * std::f64::consts::PI * x).ln() + 1.0 / (12.0 * x) - 1.0 / (360.0 * x * x * x)
}

/// Ranking in two steps: what each family needs of itself alone, measured family by family in
/// any order and on any thread ([`Ranking::measure`], as the families are found), then what
/// needs counts of the whole corpus, in order ([`Ranking::rank`]).
pub(crate) struct Ranking<'a> {
    index: &'a Index,
    statements: &'a [Statement],
    order: Order,
    context: Context,
}

impl<'a> Ranking<'a> {
    pub(crate) fn new(index: &'a Index, statements: &'a [Statement], order: Order) -> Ranking<'a> {
        Ranking { index, statements, order, context: Context::new(index, order) }
    }

    /// Buffers for [`Ranking::measure`], one per thread, and two at least: the states of
    /// [`crate::threads::map_with`] or of [`crate::threads::pipeline`] (which uses two).
    pub(crate) fn scratch(&self) -> Vec<Mutex<Scratch<'a>>> {
        (0..crate::threads::count().max(2)).map(|_| Mutex::default()).collect()
    }

    /// The measures of `draft` that need nothing but the family and the index.
    pub(crate) fn measure(&self, draft: &Draft, scratch: &mut Scratch<'a>) -> Measures {
        measure(self.index, self.statements, draft, &self.context, scratch)
    }

    /// Every draft ranked, given their measures, in `order` (see [`Order`]; then strongest
    /// first); ties go to the normalized root, then to the id of the root's statement, then to
    /// the root's place. Counting the roots' parts for their association is charged to
    /// `budget`; once it runs out, association is left unmeasured (and counts as neutral).
    /// `measured[k]` are the measures of draft `k`.
    pub(crate) fn rank(self, measured: Vec<Measures>, budget: &mut Budget) -> Vec<Ranked> {
        let Ranking { index, statements, order, mut context } = self;
        // The counts of the roots' parts, for their association: charged to the budget in order (each
        // phrase once; none once it runs out), then counted, in parallel natively.
        let (slots, counted) = {
            let mut slot_of: FxHashMap<&[u32], Option<usize>> =
                FxHashMap::with_capacity_and_hasher(measured.len(), Default::default());
            let mut wanted: Vec<&[u32]> = Vec::new();
            let mut cost = 0u64;
            let slots: Vec<Option<usize>> = measured
                .iter()
                .map(|m| {
                    let seq = m.parts.as_deref()?;
                    *slot_of.entry(seq).or_insert_with(|| {
                        let units = index.part_cost(seq);
                        budget.spend(units).then(|| {
                            cost += units;
                            wanted.push(seq);
                            wanted.len() - 1
                        })
                    })
                })
                .collect();
            let counted: PartCounts = index.part_counts_of(&wanted, cost);
            (slots, counted)
        };
        let ranked: Vec<Ranked> = measured
            .into_iter()
            .zip(slots)
            .enumerate()
            .map(|(draft, (mut m, slot))| {
                let (root, root_norm) = (m.root, std::mem::take(&mut m.root_norm));
                let parts = slot.map(|k| (counted.prefix(k), counted.suffix(k)));
                let (score, why, name, credit, lead, told) = rank(index, m, parts, order, &mut context);
                Ranked { score, root_norm, draft, root, name, why, credit, lead, told }
            })
            .collect();
        // Their positions sorted, then the families moved once (a family is a few hundred bytes).
        // Ties go to the id of the statement the root is taken from.
        // What decides most comparisons is read from one short vector.
        let root_doc = |r: &Ranked| statements[index.docs[r.root.doc as usize].input].id.as_str();
        let keys: Vec<(bool, Lead, f64)> = ranked.iter().map(|r| (r.credit, r.lead, r.score)).collect();
        let mut order: Vec<u32> = (0..ranked.len() as u32).collect();
        crate::sort::sort_by(&mut order, |&a, &b| {
            let ((credit_a, lead_a, score_a), (credit_b, lead_b, score_b)) = (keys[a as usize], keys[b as usize]);
            credit_a.cmp(&credit_b).then(lead_a.cmp(&lead_b)).then(score_b.total_cmp(&score_a)).then_with(|| {
                let (a, b) = (&ranked[a as usize], &ranked[b as usize]);
                a.root_norm
                    .cmp(&b.root_norm)
                    .then_with(|| root_doc(a).cmp(root_doc(b)))
                    .then_with(|| a.root.cmp(&b.root))
            })
        });
        let mut ranked: Vec<Option<Ranked>> = ranked.into_iter().map(Some).collect();
        order.into_iter().map(|k| ranked[k as usize].take().expect("each family once")).collect()
    }
}

/// Buffers that a thread reuses from family to family while it measures them (see [`measure`]).
#[derive(Default)]
pub(crate) struct Scratch<'a> {
    wordings: Wordings,
    /// How many occurrences have the wording of each.
    counts: Vec<usize>,
    /// An occurrence's words, for aligning it with the root.
    words: Vec<Word>,
    /// Per statement of a known speaker, (speaker, occurrences).
    speakers: Vec<(u32, u32)>,
    /// The years of the statements.
    years: Vec<&'a str>,
}

/// The terms of a family's occurrences, end to end.
#[derive(Default)]
struct Wordings {
    terms: Vec<u32>,
    /// Where each occurrence's terms end.
    ends: Vec<usize>,
}

impl Wordings {
    /// The wordings of `draft`'s occurrences, in place of those held.
    fn fill(&mut self, index: &Index, draft: &Draft) {
        self.terms.clear();
        self.ends.clear();
        for o in &draft.occ {
            let tokens = &index.docs[o.doc as usize].tokens[o.first as usize..=o.last as usize];
            self.terms.extend(tokens.iter().map(|t| t.term()));
            self.ends.push(self.terms.len());
        }
    }

    /// The terms of occurrence `k`.
    fn get(&self, k: usize) -> &[u32] {
        &self.terms[if k == 0 { 0 } else { self.ends[k - 1] }..self.ends[k]]
    }

    /// Into `counts`, how many occurrences have the wording of each.
    fn count(&self, counts: &mut Vec<usize>) {
        let n = self.ends.len();
        counts.clear();
        if n <= SMALL_FAMILY {
            counts.resize(n, 1);
            for a in 0..n {
                for b in a + 1..n {
                    if self.get(a) == self.get(b) {
                        counts[a] += 1;
                        counts[b] += 1;
                    }
                }
            }
            return;
        }
        let mut of: FxHashMap<&[u32], usize> = FxHashMap::default();
        for k in 0..n {
            *of.entry(self.get(k)).or_default() += 1;
        }
        counts.extend((0..n).map(|k| of[self.get(k)]));
    }
}

/// Occurrences up to which the wordings of a family are compared pair by pair, not hashed.
const SMALL_FAMILY: usize = 16;

/// The root occurrence (its number in the draft) and its normalized words: the most common
/// wording (`count` of each occurrence); ties to the earliest date, then the fewest words, then
/// the words' order (never the statements' ids), then text order.
fn choose_root(index: &Index, draft: &Draft, words: &Wordings, count: &[usize]) -> (usize, String) {
    let date = |o: &TokenOcc| index.docs[o.doc as usize].date_key.as_deref().unwrap_or("9999");
    // The first of the least (as `Iterator::min_by`), with the normalized words of the best so
    // far and of a contender written when a tie needs them.
    let (mut best, mut best_norm) = (0, None);
    for k in 1..draft.occ.len() {
        let (x, y) = (&draft.occ[k], &draft.occ[best]);
        let mut norm = None;
        // Then the earliest, the shortest, and the words themselves (the same terms read the
        // same): never the statements' ids (canonical order), so that renaming a statement
        // cannot change a root.
        let order = count[best]
            .cmp(&count[k])
            .then_with(|| date(x).cmp(date(y)))
            .then_with(|| (x.last - x.first).cmp(&(y.last - y.first)))
            .then_with(|| {
                if words.get(k) == words.get(best) {
                    Ordering::Equal
                } else {
                    let theirs = best_norm.get_or_insert_with(|| index.norm_of(*y));
                    norm.insert(index.norm_of(*x)).as_str().cmp(theirs.as_str())
                }
            })
            .then_with(|| x.cmp(y));
        if order == Ordering::Less {
            (best, best_norm) = (k, norm);
        }
    }
    (best, best_norm.unwrap_or_else(|| index.norm_of(draft.occ[best])))
}

/// What ranking measures of a family alone (see [`measure`]).
pub(crate) struct Measures {
    root: TokenOcc,
    /// The root's words in their comparison form.
    root_norm: String,
    /// How close a sample of the occurrences stands to the root's wording.
    stability: f64,
    /// The root's weight.
    weight: f64,
    spread: Spread,
    capitals: f64,
    edge: Edge,
    /// The root's content classes, when its association is measured (two content words up to
    /// `ASSOCIATION_MAX_WORDS`).
    parts: Option<Vec<u32>>,
}

/// The measures of a family that need nothing but the family and the index.
fn measure<'a>(
    index: &'a Index,
    statements: &[Statement],
    draft: &Draft,
    context: &Context,
    scratch: &mut Scratch<'a>,
) -> Measures {
    let Scratch { wordings, counts, words, .. } = scratch;
    wordings.fill(index, draft);
    wordings.count(counts);
    let (best, root_norm) = choose_root(index, draft, wordings, counts);
    let root = draft.occ[best];
    // Stability from a sample (evenly spread, in canonical order), so ranking stays linear. An
    // occurrence worded as the root aligns with it exactly (1.0).
    let step = draft.occ.len().div_ceil(RANK_SAMPLE);
    let sample = (0..draft.occ.len()).step_by(step);
    let sampled = sample.len();
    let mut root_words: Vec<Word> = Vec::new();
    let mut similarity = |k: usize| {
        if wordings.get(k) == wordings.get(best) {
            return 1.0;
        }
        if root_words.is_empty() {
            root_words = index.words(root);
        }
        let o = draft.occ[k];
        words.clear();
        words.extend((o.first..=o.last).map(|i| index.word(o.doc as usize, i as usize)));
        align(&root_words, words, false).score
    };
    let stability = sample.map(&mut similarity).sum::<f64>() / sampled as f64;
    Measures {
        root,
        root_norm,
        stability,
        weight: wordings.get(best).iter().map(|&t| index.term(t).weight as f64).sum(),
        spread: spread(index, draft, &context.speaker_share, scratch),
        capitals: capitals(index, statements, draft),
        edge: edge(index, statements, draft, context),
        parts: Some(index.content_classes(root)).filter(|seq| (2..=ASSOCIATION_MAX_WORDS).contains(&seq.len())),
    }
}

/// A family's score, the measures behind it, whether it reads as a name, and what `order` sorts
/// it by before the score.
fn rank(
    index: &Index,
    m: Measures,
    parts: Option<(&[usize], &[usize])>,
    order: Order,
    context: &mut Context,
) -> (f64, Why, bool, bool, Lead, Told) {
    let Measures { root, stability, weight, mut spread, capitals, edge, parts: seq, .. } = m;
    let docs = spread.statements;
    let (association, log_likelihood) = match (seq, parts) {
        (Some(seq), Some(parts)) => association(index, seq.len(), parts),
        _ => (None, None),
    };
    // Unevenness: the DP against what chance would give as many occurrences.
    spread.unevenness = spread.dispersion.map(|dp| {
        let expected = context.expected_dp(spread.occurrences);
        if expected < 1.0 {
            ((dp - expected) / (1.0 - expected)).clamp(0.0, 1.0)
        } else {
            0.0
        }
    });
    let lead = match order {
        Order::Formulaic => Lead(0, 0),
        Order::Widespread => Lead::most(docs, spread.speakers),
        Order::Longest => Lead::most(index.content_len(root), 0),
        Order::FirstUsed => Lead(spread.first.map_or(u64::MAX, |d| context.date_rank[d]), 0),
    };
    let boilerplate = edge != Edge::None;

    // The factors of the score.
    let a = match (association, log_likelihood) {
        (Some(mi), Some(g2)) if g2 >= SIGNIFICANT_G2 => {
            ((mi - ASSOCIATION_BITS.0) / (ASSOCIATION_BITS.1 - ASSOCIATION_BITS.0)).clamp(0.0, 1.0)
        }
        (Some(_), _) => 0.0,
        (None, _) if index.content_len(root) > ASSOCIATION_MAX_WORDS => 1.0,
        (None, _) => 0.5, // one content word, or not measured (budget)
    };
    let repeat = spread.repeats as f64 / (docs + 3) as f64;
    let name = capitals >= NAME_CAPITALS;
    // A name most of whose uses are one speaker's is a programme of rhetoric ("Belt and Road").
    let programme = spread.top_share >= 0.5 && docs >= 3;
    let factors = Factors {
        reuse: (1.0 + docs as f64).ln() + 0.5 * (spread.speakers.max(1) as f64).ln(),
        length: (1.0 + weight.min(LENGTH_CAP)).ln(),
        fixedness: (0.5 + 0.5 * a) * (0.5 + 0.5 * stability),
        choice: 0.4 + 0.6 * repeat,
        topic: 1.0 - 0.6 * spread.burstiness,
        name: if name && !programme { 0.4 } else { 1.0 },
        boilerplate: if boilerplate { 0.2 } else { 1.0 },
    };
    let score = factors.reuse
        * factors.length
        * factors.fixedness
        * factors.choice
        * factors.topic
        * factors.name
        * factors.boilerplate;
    let speakers = spread.speakers;
    let why = Why {
        association,
        log_likelihood,
        dispersion: spread.dispersion,
        unevenness: spread.unevenness,
        repeats: spread.repeats,
        burstiness: spread.burstiness,
        years: spread.years,
        capitals,
        boilerplate,
        factors,
        summary: String::new(),
    };
    let told = Told { statements: docs, speakers, reliable: spread.occurrences >= UNEVEN_MIN_OCCURRENCES };
    (round(score), why, name, edge == Edge::Credit, lead, told)
}

/// Pointwise mutual information (bits) and log-likelihood at the root's weakest point: of every
/// split of its content words into a first and a second part, the one whose parts occur
/// together least above chance. `None` for one content word, a passage, or when the budget ran
/// out.
fn association(index: &Index, len: usize, (prefix, suffix): (&[usize], &[usize])) -> (Option<f64>, Option<f64>) {
    let n = index.content_words as f64;
    let both = suffix[0].max(1) as f64;
    let mut weakest: Option<(f64, f64)> = None;
    for k in 1..len {
        let (x, y) = (prefix[k].max(1) as f64, suffix[k].max(1) as f64);
        let mi = (both * n / (x * y)).log2();
        if weakest.is_none_or(|(w, _)| mi < w) {
            weakest = Some((mi, log_likelihood(both, x - both, y - both, n)));
        }
    }
    weakest.map_or((None, None), |(mi, g2)| (Some(mi), Some(g2)))
}

/// Dunning's G2 of the 2x2 table of two parts: `a` together, `b` only the first, `c` only the
/// second, out of `n`.
fn log_likelihood(a: f64, b: f64, c: f64, n: f64) -> f64 {
    let (b, c) = (b.max(0.0), c.max(0.0));
    let d = (n - a - b - c).max(0.0);
    let cell = |o: f64, row: f64, col: f64| if o > 0.0 { o * (o * n / (row * col)).ln() } else { 0.0 };
    2.0 * (cell(a, a + b, a + c) + cell(b, a + b, b + d) + cell(c, c + d, a + c) + cell(d, c + d, b + d))
}

/// How a family is spread over speakers, statements and years.
struct Spread {
    /// Statements holding the family.
    statements: usize,
    speakers: usize,
    /// Occurrences in statements of known speakers.
    occurrences: usize,
    /// Share of those occurrences by the speaker with most.
    top_share: f64,
    dispersion: Option<f64>,
    unevenness: Option<f64>,
    repeats: usize,
    burstiness: f64,
    years: usize,
    /// The statement with the earliest date key of the family's.
    first: Option<usize>,
}

fn spread<'a>(index: &'a Index, draft: &Draft, speaker_share: &[f64], scratch: &mut Scratch<'a>) -> Spread {
    // Occurrences per statement (the draft's are sorted by statement), and per statement of a
    // known speaker, (speaker, occurrences); the statements' years, and their earliest date.
    let (mut statements, mut bursty) = (0usize, 0usize);
    let Scratch { speakers: of_speaker, years, .. } = scratch;
    of_speaker.clear();
    years.clear();
    let mut first: Option<(&str, usize)> = None;
    for run in draft.occ.chunk_by(|a, b| a.doc == b.doc) {
        statements += 1;
        bursty += usize::from(run.len() >= 2);
        let d = run[0].doc as usize;
        if let Some(s) = index.docs[d].speaker {
            of_speaker.push((s, run.len() as u32));
        }
        if let Some(key) = index.docs[d].date_key.as_deref() {
            years.push(&key[..4]);
            if first.is_none_or(|(earliest, _)| key < earliest) {
                first = Some((key, d));
            }
        }
    }
    let burstiness = bursty as f64 / statements.max(1) as f64;
    // Per known speaker: occurrences and statements.
    // (In the speakers' order: the sums below come out the same in every run.)
    crate::sort::sort_pairs(of_speaker);
    let by_speaker = || {
        of_speaker
            .chunk_by(|a, b| a.0 == b.0)
            .map(|run| (run[0].0, run.iter().map(|&(_, n)| n as usize).sum::<usize>(), run.len()))
    };
    let (mut speakers, mut repeats, mut known, mut top) = (0, 0, 0, 0);
    for (_, occ, statements) in by_speaker() {
        speakers += 1;
        repeats += statements - 1;
        known += occ;
        top = top.max(occ);
    }
    let dispersion = if index.speakers.len() < 2 || known == 0 {
        None
    } else {
        let f = known as f64;
        let mut used_share = 0.0;
        let mut deviation = 0.0;
        for (s, occ, _) in by_speaker() {
            let share = speaker_share[s as usize];
            used_share += share;
            deviation += (occ as f64 / f - share).abs();
        }
        Some(0.5 * (deviation + (1.0 - used_share).max(0.0)))
    };
    crate::sort::sort(years);
    years.dedup();
    Spread {
        statements,
        speakers,
        occurrences: known,
        top_share: if known == 0 { 0.0 } else { top as f64 / known as f64 },
        dispersion,
        unevenness: None,
        repeats,
        burstiness,
        years: years.len(),
        first: first.map(|(_, d)| d),
    }
}

/// Share of the occurrences' cased content words written with a capital, leaving out words at a
/// sentence's start; 0 when no word has case (Chinese).
fn capitals(index: &Index, statements: &[Statement], draft: &Draft) -> f64 {
    let (mut upper, mut cased) = (0usize, 0usize);
    for o in &draft.occ {
        let doc = &index.docs[o.doc as usize];
        let text = &statements[doc.input].text;
        for i in o.first..=o.last {
            let tok = doc.tokens[i as usize];
            if index.term(tok.term()).stop || i == 0 || tok.sentence() {
                continue;
            }
            let Some(first) = text[tok.span().range()].chars().next() else { continue };
            if first.is_uppercase() {
                upper += 1;
                cased += 1;
            } else if first.is_lowercase() {
                cased += 1;
            }
        }
    }
    if cased == 0 {
        0.0
    } else {
        upper as f64 / cased as f64
    }
}

/// Where a family stands in its statements, as boilerplate goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Edge {
    /// Not boilerplate.
    None,
    /// Most occurrences stand in the first or the last sentence of their statement, near its
    /// edge: a heading, dateline, byline or salutation, or a closing formula followed by "Thank
    /// you." (in the sentence before the last).
    Sentence,
    /// A dateline, byline or salutation, in any language: every occurrence at the very start of
    /// its statement (within `VERY_EDGE_WORDS`, in its first sentence), or most of them near an edge (within
    /// `EDGE_WORDS`) and marked as one (a wire mark beside it, "新华社北京11月" + "20日电",
    /// "(Xinhua) --"; or a byline or salutation in it, "Statement by", "Thank you, Mr.
    /// President", "主席先生"). Not a refrain: last in every order.
    Credit,
}

/// How the family's occurrences stand at their statements' edges (see [`Edge`]).
fn edge(index: &Index, statements: &[Statement], draft: &Draft, context: &Context) -> Edge {
    let (mut sentence, mut very, mut marked) = (0, 0, 0);
    for o in &draft.occ {
        let e = context.edges(index, o.doc as usize);
        let (first, last) = (o.first as usize, o.last as usize);
        if last < e.head || first >= e.tail {
            sentence += 1;
        }
        if first <= e.very_before && last < e.head {
            very += 1;
        }
        if (first <= e.near_before || last + 1 >= e.near_after) && credit_marked(index, statements, *o) {
            marked += 1;
        }
    }
    let n = draft.occ.len();
    if very == n || marked * 2 > n {
        Edge::Credit
    } else if sentence * 2 > n {
        Edge::Sentence
    } else {
        Edge::None
    }
}

/// Where a statement's edges are, in token indices, for [`edge`]: an occurrence of tokens
/// `first..=last` stands within `VERY_EDGE_WORDS` words of the start when `first <= very_before`,
/// within `EDGE_WORDS` words of the start when `first <= near_before` and of the end when
/// `last + 1 >= near_after`, in the first sentence when `last < head` and in the last when
/// `first >= tail` (see [`edges`]). Words are counted as [`edges`] counts them (half a word for a
/// single Han, kana or Hangul character); found once per statement, not once per occurrence.
struct DocEdges {
    head: usize,
    tail: usize,
    very_before: usize,
    near_before: usize,
    near_after: usize,
}

impl DocEdges {
    fn of(index: &Index, d: usize) -> DocEdges {
        let tokens = &index.docs[d].tokens;
        let (head, tail) = edges(index, d);
        // Counted in half words and rounded down, `2 * words + 1` half words are `words` words.
        let units = |i: usize| word_units(index, &tokens[i]);
        let from_start = |words: usize| {
            let (mut i, mut used) = (0, 0);
            while i < tokens.len() && used + units(i) <= 2 * words + 1 {
                used += units(i);
                i += 1;
            }
            i
        };
        let (mut near_after, mut used) = (tokens.len(), 0);
        while near_after > 0 && used + units(near_after - 1) <= 2 * EDGE_WORDS + 1 {
            used += units(near_after - 1);
            near_after -= 1;
        }
        DocEdges {
            head,
            tail,
            very_before: from_start(VERY_EDGE_WORDS),
            near_before: from_start(EDGE_WORDS),
            near_after,
        }
    }
}

/// A token's length in half words, as the edges count them: 1 for a single Han, kana or Hangul
/// character, 2 for anything else.
fn word_units(index: &Index, t: &crate::index::Tok) -> usize {
    if index.term(t.term()).kind == TokenKind::Ideograph {
        1
    } else {
        2
    }
}

/// True when a wire mark stands in or beside the occurrence (`MARK_WINDOW` tokens), or a byline
/// or salutation mark in it.
fn credit_marked(index: &Index, statements: &[Statement], o: TokenOcc) -> bool {
    let doc = &index.docs[o.doc as usize];
    let text = &statements[doc.input].text;
    let (first, last) = (o.first as usize, o.last as usize);
    let from = doc.tokens[first.saturating_sub(MARK_WINDOW)].span().start;
    let to = doc.tokens[(last + MARK_WINDOW).min(doc.tokens.len() - 1)].span().end;
    marked(&text[index.span_of(o).range()], &text[from..to])
}

/// True when `own` (an occurrence's text) holds a byline or salutation mark, or `near` (the
/// occurrence with the tokens around it) a wire mark.
fn marked(own: &str, near: &str) -> bool {
    has_mark(own, CREDIT_MARKS, &CREDIT_FIRST) || has_mark(near, WIRE_MARKS, &WIRE_FIRST)
}

/// True when `text` holds one of `marks`, ignoring ASCII case (the marks' ASCII letters are lower
/// case); `first` lists the marks by their first byte ([`by_first_byte`]). Unicode case tables
/// would weigh 4 KB in the WebAssembly build, and str::contains would bring its searcher there:
/// bytes are compared in place, only where a mark's first byte stands.
fn has_mark(text: &str, marks: &[&str], first: &[u64; 256]) -> bool {
    let text = text.as_bytes();
    (0..text.len()).any(|i| {
        let mut candidates = first[text[i].to_ascii_lowercase() as usize];
        while candidates != 0 {
            let m = marks[candidates.trailing_zeros() as usize].as_bytes();
            if text[i..].len() >= m.len() && text[i..i + m.len()].eq_ignore_ascii_case(m) {
                return true;
            }
            candidates &= candidates - 1;
        }
        false
    })
}

/// For each byte, the marks (bit `k` for `marks[k]`, up to 64) that start with it.
const fn by_first_byte(marks: &[&str]) -> [u64; 256] {
    assert!(marks.len() <= 64);
    let mut first = [0u64; 256];
    let mut k = 0;
    while k < marks.len() {
        first[marks[k].as_bytes()[0] as usize] |= 1 << k;
        k += 1;
    }
    first
}

static CREDIT_FIRST: [u64; 256] = by_first_byte(CREDIT_MARKS);
static WIRE_FIRST: [u64; 256] = by_first_byte(WIRE_MARKS);

/// The token index where a statement's first sentence ends and where its last sentence begins,
/// each within `EDGE_WORDS` words of the edge (a single Han, kana or Hangul character counts as
/// half a word).
fn edges(index: &Index, d: usize) -> (usize, usize) {
    let tokens = &index.docs[d].tokens;
    let units = |t: &crate::index::Tok| word_units(index, t);
    let mut used = 0;
    let head = tokens
        .iter()
        .enumerate()
        .take_while(|&(i, t)| {
            used += units(t);
            used <= 2 * EDGE_WORDS && (i == 0 || !t.sentence())
        })
        .count();
    // The last sentence starts at the last token after a sentence end.
    let last_start = tokens.iter().rposition(|t| t.sentence()).unwrap_or(0);
    let mut used = 0;
    let within = tokens
        .iter()
        .rev()
        .take_while(|t| {
            used += units(t);
            used <= 2 * EDGE_WORDS
        })
        .count();
    (head, last_start.max(tokens.len() - within))
}

/// The measures in words.
fn summary(why: &Why, statements: usize, speakers: usize, name: bool, reliable: bool, credit: bool) -> String {
    let mut parts = Vec::new();
    parts.push(format!(
        "{} statement{}, {} speaker{}",
        statements,
        if statements == 1 { "" } else { "s" },
        speakers,
        if speakers == 1 { "" } else { "s" }
    ));
    if why.years > 1 {
        parts.push(format!("{} years", why.years));
    }
    match (why.association, why.log_likelihood) {
        (Some(mi), Some(g2)) if g2 >= SIGNIFICANT_G2 => {
            parts.push(format!("its words go together {} times more often than chance", fmt_times(mi)))
        }
        (Some(_), _) => parts.push("its words go together little more often than chance".to_string()),
        _ => {}
    }
    if why.repeats > 0 {
        parts.push(format!(
            "{} repeat use{} by the same speaker",
            why.repeats,
            if why.repeats == 1 { "" } else { "s" }
        ));
    }
    if let Some(u) = why.unevenness.filter(|_| reliable) {
        if u >= 0.5 {
            parts.push("used by some speakers far more than by others".to_string());
        } else if u < 0.1 && speakers >= 5 {
            parts.push("spread evenly over the speakers".to_string());
        }
    }
    if why.burstiness >= 0.3 {
        parts.push(format!(
            "repeated within {}% of its statements, as a topic is",
            (why.burstiness * 100.0).round() as u32
        ));
    }
    if name {
        parts.push("reads as a name or title".to_string());
    }
    if credit {
        parts.push("a dateline, byline or salutation (boilerplate, not a refrain)".to_string());
    } else if why.boilerplate {
        parts.push("stands at the start or end of statements (boilerplate)".to_string());
    }
    parts.join("; ")
}

/// 2^bits as a round number for a reader: "about 40", "about 1,000" (one significant digit).
fn fmt_times(bits: f64) -> String {
    let x = (bits * std::f64::consts::LN_2).exp().round().max(1.0) as u64;
    let mut scale = 1u64;
    while x / scale >= 10 {
        scale *= 10;
    }
    let digits = ((x + scale / 2) / scale * scale).to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("about {out}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binomial_mean_absolute_deviation() {
        // Brute force over the distribution.
        for (n, p) in [(1usize, 0.5f64), (5, 0.2), (10, 0.35), (40, 0.01), (100, 0.5)] {
            let mut mad = 0.0;
            for k in 0..=n {
                let pmf = ln_choose(n, k).exp() * p.powi(k as i32) * (1.0 - p).powi((n - k) as i32);
                mad += pmf * (k as f64 / n as f64 - p).abs();
            }
            assert!((binomial_mad(n, p) - mad).abs() < 1e-9, "n={n} p={p}: {} vs {mad}", binomial_mad(n, p));
        }
        assert_eq!(binomial_mad(10, 0.0), 0.0);
        assert_eq!(binomial_mad(0, 0.3), 0.0);
    }

    #[test]
    fn ln_factorial_is_smooth_at_the_switch() {
        let exact = |n: usize| (2..=n).map(|i| (i as f64).ln()).sum::<f64>();
        for n in [31, 32, 33, 100, 1000] {
            assert!((ln_factorial(n) - exact(n)).abs() < 1e-8, "{n}");
        }
    }

    #[test]
    fn log_likelihood_by_hand() {
        // Independent parts: G2 = 0.
        assert!(log_likelihood(10.0, 90.0, 90.0, 1000.0 - 10.0 - 180.0 + 180.0).abs() < 1.0);
        // Always together: large; a computed example: a=10, b=0, c=0, n=1000.
        let g2 = log_likelihood(10.0, 0.0, 0.0, 1000.0);
        let want = 2.0 * (10.0 * (10.0 * 1000.0 / 100.0f64).ln() + 990.0 * (990.0 * 1000.0 / (990.0 * 990.0f64)).ln());
        assert!((g2 - want).abs() < 1e-9);
    }

    #[test]
    fn datelines_bylines_and_salutations_are_marked() {
        // (the occurrence's text, with the tokens around it, marked)
        let table = [
            ("新华社北京11月", "新华社北京11月20日电", true),
            ("日电）《 人民日报 》（ 2020年11月", "北京11月4日电）《 人民日报 》（ 2020年11月05日", true),
            ("NEW YORK, Sept", "NEW YORK, Sept. 21 (Xinhua) -- Chinese", true),
            ("GENEVA, March", "GENEVA, March 3 (Reuters) - The", true),
            ("MOSCOW, June", "MOSCOW, June 2 (TASS) — Russia", true),
            ("Statement by H.E. Mr", "Statement by H.E. Mr. Wang", true),
            ("Thank you, Mr. President", "Thank you, Mr. President.", true),
            ("Monsieur le Président", "Monsieur le Président, Mesdames", true),
            ("Господин Председатель", "Господин Председатель, дамы", true),
            ("主席先生，各位同事", "主席先生，各位同事：今年", true),
            ("谢谢大家", "。谢谢大家。", true),
            ("true multilateralism", "practise true multilateralism and", false),
            ("构建人类命运共同体", "推动构建人类命运共同体！", false),
            ("President of the General Assembly", "the President of the General Assembly on", false),
            ("United Nations", "the United Nations (UN) and", false),
            ("新发展格局", "构建新发展格局（", false),
        ];
        for (own, near, want) in table {
            assert_eq!(marked(own, near), want, "{own:?} in {near:?}");
        }
        // The marks are matched ignoring ASCII case: their ASCII letters are lower case.
        for m in CREDIT_MARKS.iter().chain(WIRE_MARKS) {
            assert!(!m.bytes().any(|b| b.is_ascii_uppercase()), "{m:?}");
        }
    }

    #[test]
    fn edges_of_a_statement_are_where_its_words_are_counted() {
        // Words before and after an occurrence counted one by one (a single Han character is
        // half a word), against the limits found once per statement.
        let statements = vec![
            Statement::new("en", "Thank you, Mr. President. ".repeat(30) + "We stand for peace. And for trade."),
            Statement::new("zh", "主席先生，各位同事：".to_string() + &"我们坚持和平发展道路。".repeat(12)),
            Statement::new("ko", "감사합니다 의장님. ".repeat(20) + "평화와 발전."),
            Statement::new("short", "Peace and order."),
        ];
        let index = Index::build(&statements, &crate::options::Options::default(), &mut |_| true).unwrap();
        for d in 0..index.docs.len() {
            let tokens = &index.docs[d].tokens;
            let e = DocEdges::of(&index, d);
            let words = |range: &[crate::index::Tok]| range.iter().map(|t| word_units(&index, t)).sum::<usize>() / 2;
            for first in 0..tokens.len() {
                let before = words(&tokens[..first]);
                assert_eq!(first <= e.very_before, before <= VERY_EDGE_WORDS, "doc {d}, first {first}");
                assert_eq!(first <= e.near_before, before <= EDGE_WORDS, "doc {d}, first {first}");
                let after = words(&tokens[first + 1..]);
                assert_eq!(first + 1 >= e.near_after, after <= EDGE_WORDS, "doc {d}, last {first}");
            }
            assert_eq!((e.head, e.tail), edges(&index, d));
        }
        // Han, kana and Hangul characters standing alone count as half words.
        assert!(index.terms.iter().any(|t| t.kind == TokenKind::Ideograph));
    }

    #[test]
    fn wordings_are_counted_alike_pair_by_pair_and_hashed() {
        // 40 occurrences of 1 to 3 terms drawn from three: wordings repeat.
        let mut terms = Vec::new();
        let mut ends = Vec::new();
        for k in 0..40u32 {
            terms.extend((0..1 + k % 3).map(|i| (k * 7 + i) % 3));
            ends.push(terms.len());
        }
        let all = Wordings { terms, ends };
        let pairwise = |w: &Wordings| {
            let n = w.ends.len();
            (0..n).map(|a| (0..n).filter(|&b| w.get(a) == w.get(b)).count()).collect::<Vec<usize>>()
        };
        let counted = |w: &Wordings| {
            let mut counts = vec![7; 3]; // emptied first
            w.count(&mut counts);
            counts
        };
        assert!(all.ends.len() > SMALL_FAMILY);
        assert_eq!(counted(&all), pairwise(&all));
        assert!(counted(&all).iter().any(|&c| c > 1));
        let few = Wordings { terms: all.terms[..all.ends[9]].to_vec(), ends: all.ends[..10].to_vec() };
        assert_eq!(counted(&few), pairwise(&few));
    }

    #[test]
    fn times_for_readers() {
        assert_eq!(fmt_times(0.0), "about 1");
        assert_eq!(fmt_times(5.3), "about 40");
        assert_eq!(fmt_times(10.0), "about 1,000");
    }
}
