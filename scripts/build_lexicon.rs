//! Builds the bilingual formula lexicon (`src/parallel/lexicon-zh-en.tsv`) from the parallel
//! editions of `../shared/corpus/official` and the reviewer's decisions
//! (`scripts/lexicon-decisions.tsv`). Run it as `scripts/build-lexicon` (see `docs/parallel.md`):
//!
//! 1. pairs each Chinese edition with its English one (the `english_parallel` field of the
//!    Chinese sidecar; of two editions of one speech, the first by file name is the primary one);
//! 2. proposes formula pairs from the primary pairs ([`refrain::parallel::propose`]), then other
//!    renderings of the formulas accepted in that first round, and writes them, with their
//!    evidence and sentences, to `target/lexicon/proposals.tsv` for review;
//! 3. builds the lexicon from the proposals the decisions file accepts, every entry with its
//!    evidence, and writes it (or, with `--check`, fails if the committed one differs);
//! 4. prints figures: proposals, decisions, entries, and how many occurrences of the lexicon's
//!    formulas in the Chinese editions have their rendering in the aligned English sentences.
//!
//! The same corpus and decisions give the same lexicon, byte for byte. It fails when a proposal
//! has no decision (review it first), so no pair enters the lexicon unreviewed.

use refrain::parallel::propose::{propose, ParallelPair, Proposal, Proposals};
use refrain::parallel::{Evidence, Lexicon};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const LEXICON: &str = "src/parallel/lexicon-zh-en.tsv";
const DECISIONS: &str = "scripts/lexicon-decisions.tsv";
const REVIEW: &str = "target/lexicon/proposals.tsv";

struct Args {
    corpus: PathBuf,
    check: bool,
}

fn args() -> Result<Args, String> {
    let mut out = Args { corpus: PathBuf::from("../shared/corpus"), check: false };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--check" => out.check = true,
            "--corpus" => out.corpus = PathBuf::from(it.next().ok_or("--corpus needs a folder")?),
            _ => return Err(format!("unknown argument {a:?}; usage: build-lexicon [--corpus DIR] [--check]")),
        }
    }
    Ok(out)
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Every Chinese edition with an English one: (zh file, en file), paths relative to the corpus,
/// in file-name order.
fn editions(corpus: &Path) -> Result<Vec<(String, String)>, String> {
    let dir = corpus.join("official/zh");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let meta: serde_json::Value =
            serde_json::from_str(&read(&dir.join(&name))?).map_err(|e| format!("{name}: {e}"))?;
        if let Some(en) = meta.get("english_parallel").and_then(|v| v.as_str()) {
            out.push((format!("official/zh/{}", name.trim_end_matches(".json")) + ".txt", en.to_string()));
        }
    }
    Ok(out)
}

fn txt_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Ok(files)
}

/// The decisions file: (zh, normalized en) -> accept?
fn decisions(text: &str) -> Result<HashMap<(String, String), bool>, String> {
    let mut out = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            return Err(format!("{DECISIONS}:{}: expected decision, zh, en (tab-separated)", n + 1));
        }
        let accept = match f[0] {
            "accept" => true,
            "reject" => false,
            other => return Err(format!("{DECISIONS}:{}: decision {other:?} is neither accept nor reject", n + 1)),
        };
        if out.insert((f[1].to_string(), f[2].to_string()), accept).is_some() {
            return Err(format!("{DECISIONS}:{}: a second decision for {} = {}", n + 1, f[1], f[2]));
        }
    }
    Ok(out)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn review_file(proposals: &[Proposal], decided: &HashMap<(String, String), bool>) -> String {
    let mut out = String::from(
        "# Proposals for the formula lexicon (scripts/build-lexicon). Copy a line's decision, zh and en_norm\n\
         # into scripts/lexicon-decisions.tsv as accept or reject.\n\
         decision\tzh\ten_norm\ten\talternative\ttogether\tstatements\tzh_beads\ten_beads\tdice\tllr\tzh_file\tzh_start\tzh_end\ten_file\ten_start\ten_end\tzh_sentence\ten_sentence\n",
    );
    for p in proposals {
        let d = match decided.get(&(p.zh.clone(), p.en_norm.clone())) {
            Some(true) => "accept",
            Some(false) => "reject",
            None => "?",
        };
        let e = &p.evidence;
        out.push_str(&format!(
            "{d}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            p.zh,
            p.en_norm,
            p.en,
            p.alternative,
            p.together,
            p.statements,
            p.zh_beads,
            p.en_beads,
            p.dice,
            p.llr,
            e.zh_file,
            e.zh.start,
            e.zh.end,
            e.en_file,
            e.en.start,
            e.en.end,
            one_line(&p.context.0),
            one_line(&p.context.1)
        ));
    }
    out
}

fn lexicon_file(accepted: &[&Proposal], pairs: usize, proposals: usize) -> String {
    let mut out = format!(
        "# The bilingual formula lexicon: Chinese formulas and their English renderings, each with one official\n\
         # occurrence pair (byte offsets into files of ../shared/corpus). Built by scripts/build-lexicon from the\n\
         # {pairs} primary parallel pairs of ../shared/corpus/official and the decisions in {DECISIONS}\n\
         # ({} of {proposals} proposals accepted). Do not edit by hand; see docs/parallel.md.\n\
         zh\ten\tzh_file\tzh_start\tzh_end\ten_file\ten_start\ten_end\n",
        accepted.len()
    );
    for p in accepted {
        let e = &p.evidence;
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            p.zh, p.en, e.zh_file, e.zh.start, e.zh.end, e.en_file, e.en.start, e.en.end
        ));
    }
    out
}

/// What the corpus and the decisions give.
pub struct Outcome {
    /// Primary parallel pairs.
    pub pairs: usize,
    /// Chinese editions with an English one (the primary ones and the others).
    pub editions: Vec<(String, String)>,
    /// The proposals of both rounds.
    pub found: Proposals,
    /// Accepted proposals.
    pub accepted: usize,
    /// Proposals without a decision.
    pub undecided: usize,
    /// Decisions that match no proposal.
    pub stale: Vec<(String, String)>,
    /// The review file's text.
    pub review: String,
    /// The lexicon file's text; `None` while a proposal has no decision.
    pub lexicon: Option<String>,
}

/// Proposes, reviews against `decisions` (the decisions file's text) and builds the lexicon,
/// reading the corpus at `corpus`; writes nothing.
pub fn build(corpus: &Path, decisions_text: &str) -> Result<Outcome, String> {
    let editions = editions(corpus)?;
    // The primary edition of each speech: the first by file name for its English edition.
    let mut primary: BTreeMap<&str, &str> = BTreeMap::new();
    for (zh, en) in &editions {
        primary.entry(en.as_str()).or_insert(zh.as_str());
    }
    let mut pairs = Vec::new();
    for (zh, en) in &editions {
        if primary[en.as_str()] == zh.as_str() {
            pairs.push(load(corpus, zh, en)?);
        }
    }
    let secondary: BTreeSet<String> =
        editions.iter().filter(|(zh, en)| primary[en.as_str()] != zh.as_str()).map(|(zh, _)| zh.clone()).collect();
    let mut zh_texts = Vec::new();
    for f in txt_files(&corpus.join("official/zh"))? {
        let rel = format!("official/zh/{}", f.file_name().expect("a file").to_string_lossy());
        if !secondary.contains(&rel) {
            zh_texts.push(read(&f)?);
        }
    }
    let en_texts: Vec<String> =
        txt_files(&corpus.join("official/en"))?.iter().map(|f| read(f)).collect::<Result<_, _>>()?;
    let zh_refs: Vec<&str> = zh_texts.iter().map(String::as_str).collect();
    let en_refs: Vec<&str> = en_texts.iter().map(String::as_str).collect();

    let decided = decisions(decisions_text)?;
    // Round 1 from the corpus alone; round 2 adds other renderings of the formulas accepted in
    // round 1 (each round's accepted pairs decide what the next one sees, so the same decisions
    // always give the same lexicon).
    let first = propose(&pairs, &zh_refs, &en_refs, &Lexicon::empty());
    let accepted_first: Vec<&Proposal> =
        first.proposals.iter().filter(|p| decided.get(&(p.zh.clone(), p.en_norm.clone())) == Some(&true)).collect();
    let known = Lexicon::parse(&lexicon_file(&accepted_first, 0, 0))?;
    let found = propose(&pairs, &zh_refs, &en_refs, &known);

    let key = |p: &Proposal| (p.zh.clone(), p.en_norm.clone());
    let undecided = found.proposals.iter().filter(|p| !decided.contains_key(&key(p))).count();
    let proposed: BTreeSet<(String, String)> = found.proposals.iter().map(key).collect();
    let mut stale: Vec<(String, String)> = decided.keys().filter(|k| !proposed.contains(*k)).cloned().collect();
    stale.sort();
    let mut accepted: Vec<&Proposal> = found.proposals.iter().filter(|p| decided.get(&key(p)) == Some(&true)).collect();
    accepted.sort_by(|a, b| a.zh.cmp(&b.zh).then(a.en.cmp(&b.en)));
    let lexicon = (undecided == 0).then(|| lexicon_file(&accepted, pairs.len(), found.proposals.len()));
    Ok(Outcome {
        pairs: pairs.len(),
        editions,
        accepted: accepted.len(),
        undecided,
        stale,
        review: review_file(&found.proposals, &decided),
        lexicon,
        found,
    })
}

fn load(corpus: &Path, zh: &str, en: &str) -> Result<ParallelPair, String> {
    Ok(ParallelPair {
        zh_file: zh.to_string(),
        zh: read(&corpus.join(zh))?,
        en_file: en.to_string(),
        en: read(&corpus.join(en))?,
    })
}

fn run() -> Result<bool, String> {
    let args = args()?;
    let corpus = &args.corpus;
    let out = build(corpus, &read(Path::new(DECISIONS)).unwrap_or_default())?;
    let found = &out.found;
    fs::create_dir_all("target/lexicon").map_err(|e| e.to_string())?;
    fs::write(REVIEW, &out.review).map_err(|e| format!("{REVIEW}: {e}"))?;
    println!(
        "{} parallel pairs ({} editions), {} aligned beads; {} Chinese and {} English candidates",
        out.pairs,
        out.editions.len(),
        found.beads,
        found.zh_candidates,
        found.en_candidates
    );
    println!(
        "{} proposals ({REVIEW}): {} accepted, {} rejected, {} undecided; {} decisions match no proposal",
        found.proposals.len(),
        out.accepted,
        found.proposals.len() - out.accepted - out.undecided,
        out.undecided,
        out.stale.len()
    );
    for (zh, en) in &out.stale {
        println!("  stale decision: {zh} = {en}");
    }
    let Some(text) = out.lexicon else {
        println!("review the proposals marked ? in {REVIEW} and record them in {DECISIONS}");
        return Ok(false);
    };
    let lexicon = Lexicon::parse(&text)?;
    println!("lexicon: {} entries, {} distinct Chinese formulas", lexicon.len(), lexicon.formulas().len());
    for entry in lexicon.entries() {
        let Evidence { zh_file, zh, en_file, en } = &entry.evidence;
        let (zt, et) = (read(&corpus.join(zh_file))?, read(&corpus.join(en_file))?);
        assert_eq!(refrain::parallel::normalize_zh(&zt[zh.range()]), refrain::parallel::normalize_zh(&entry.zh));
        assert_eq!(refrain::parallel::normalize_en(&et[en.range()]), refrain::parallel::normalize_en(&entry.en));
    }

    // Written before the figures, so that output cut short (a closed pipe) cannot leave it stale.
    if args.check {
        let committed = read(Path::new(LEXICON))?;
        if committed != text {
            println!("{LEXICON} differs from what the corpus and decisions give: run scripts/build-lexicon");
            return Ok(false);
        }
        println!("{LEXICON} is up to date");
    } else {
        fs::write(LEXICON, &text).map_err(|e| format!("{LEXICON}: {e}"))?;
        println!("wrote {LEXICON}");
    }
    // How the Chinese editions' formulas are rendered, with the new lexicon.
    let editions = &out.editions;
    let mut primary: BTreeMap<&str, &str> = BTreeMap::new();
    for (zh, en) in editions {
        primary.entry(en.as_str()).or_insert(zh.as_str());
    }
    let mut primary_alignments = Vec::new();
    for (label, only_primary) in [("primary editions", true), ("all Chinese editions", false)] {
        let (mut formulas, mut rendered, mut beads, mut aligned) = (0, 0, 0, 0);
        for (zh, en) in editions {
            if only_primary && primary[en.as_str()] != zh.as_str() {
                continue;
            }
            let pair = load(corpus, zh, en)?;
            let a = refrain::align_texts_with(&pair.zh, &pair.en, &lexicon);
            formulas += a.stats.formulas;
            rendered += a.stats.formulas_rendered;
            beads += a.beads.len();
            aligned += a.stats.aligned_beads;
            if only_primary {
                primary_alignments.push((en.clone(), a));
            }
        }
        println!(
            "{label}: {aligned} of {beads} beads aligned; {rendered} of {formulas} formula occurrences in aligned beads \
             have their rendering in the aligned English sentences"
        );
    }
    println!("renderings in the primary pairs (statements):");
    let pairs: Vec<(&str, &refrain::Alignment)> = primary_alignments.iter().map(|(id, a)| (id.as_str(), a)).collect();
    for f in refrain::parallel::tally(&pairs) {
        let parts: Vec<String> = f
            .renderings
            .iter()
            .map(|r| format!("\"{}\" {}", r.rendering.as_deref().unwrap_or("(no rendering found)"), r.statements))
            .collect();
        println!("  {}: {}", f.formula, parts.join(", "));
    }

    Ok(true)
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("build-lexicon: {e}");
            ExitCode::from(2)
        }
    }
}
