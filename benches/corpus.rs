//! `cargo bench --bench corpus`: figures on real and generated corpora, printed as a table.
//!
//! 1. The real statements of `../shared/corpus/` (or `$REFRAIN_CORPUS`): words, time to build
//!    and compare (median of several runs), time of a phrase query once indexed (median over
//!    phrases), families found, peak memory against input size. Skipped with a message when
//!    the folder is absent.
//! 2. Generated corpora from 10 x 500 up to 2,000 x 5,000 words, with passages planted into
//!    known statements (some with one word changed in one copy). The bench checks that each
//!    planted passage comes back as a family covering every copy and prints the recall, with
//!    time and words per second so the growth with size is visible. `REFRAIN_BENCH_MAX_WORDS`
//!    caps the largest corpus (default: all sizes, 10 million words).
//!
//! Peak memory is the process's high-water mark (VmHWM of /proc/self/status), reset before
//! each measurement through /proc/self/clear_refs where the kernel allows it; elsewhere it
//! is not shown. Like the benchmark of a tokenizer that asserts its token count, this one
//! fails when the planted passages are not found at all.

#[path = "support/measure.rs"]
mod measure;
#[path = "support/random.rs"]
mod random;

use measure::{build_and_compare, median, mib, peak_during, proc_status, secs, stage_times, threads_cpu, STAGES};
use random::{pseudo_words, Rng};
use refrain::{Options, Report, Statement};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing and expects a quick run.
    let quick = !std::env::args().any(|a| a == "--bench");
    println!(
        "refrain corpus bench{}",
        if quick { " (quick run: smallest sizes only; `cargo bench --bench corpus` for all)" } else { "" }
    );
    real_corpus(quick);
    generated(quick);
}

// ---------------------------------------------------------------------------------------------
// The real corpus

fn corpus_dir() -> PathBuf {
    match std::env::var_os("REFRAIN_CORPUS") {
        Some(p) => PathBuf::from(p),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

fn read_corpus(dir: &Path) -> Vec<Statement> {
    let mut files = Vec::new();
    walk(dir, &mut files);
    files.sort();
    files
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n != "README.txt"))
        .map(|path| {
            let id = path.strip_prefix(dir).unwrap_or(path).to_string_lossy().into_owned();
            let mut s = Statement::new(id, std::fs::read_to_string(path).expect("UTF-8 statement"));
            if let Ok(bytes) = std::fs::read(path.with_extension("json")) {
                if let Ok(meta) = serde_json::from_slice::<serde_json::Value>(&bytes) {
                    let get = |k: &str| meta.get(k).and_then(|v| v.as_str()).map(str::to_string);
                    s.title = get("title");
                    s.speaker = get("speaker");
                    s.date = get("date");
                    s.language = get("language");
                }
            }
            s
        })
        .collect()
}

const PHRASES: &[&str] = &[
    "genuine multilateralism",
    "common, comprehensive, cooperative and sustainable security",
    "a community with a shared future for mankind",
    "the sovereign equality of States",
    "reform of the Security Council",
    "Sustainable Development Goals",
    "climate change",
    "人类命运共同体",
    "共同、综合、合作、可持续的安全观",
    "digital divide",
];

fn real_corpus(quick: bool) {
    let dir = corpus_dir();
    let statements = read_corpus(&dir);
    println!("\n== Real corpus: {}", dir.display());
    if statements.is_empty() {
        println!("   skipped: no .txt file there (set REFRAIN_CORPUS to a folder of statements)");
        return;
    }
    let bytes: usize = statements.iter().map(|s| s.text.len()).sum();
    let options = Options::default();
    let ((corpus, report), peak) = peak_during(|| build_and_compare(&statements, &options));
    drop(corpus);
    let runs = if quick { 1 } else { 5 };
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    for _ in 0..runs {
        let (t, c) = (Instant::now(), threads_cpu());
        let (_c, r) = build_and_compare(&statements, &options);
        times.push(t.elapsed());
        cpu.extend(threads_cpu().zip(c).map(|(b, a)| b - a));
        assert_eq!(r.families.len(), report.families.len(), "deterministic");
    }
    let compare_time = median(times);
    let stages: Vec<Vec<(std::time::Duration, Option<std::time::Duration>)>> =
        (0..runs).map(|_| stage_times(&statements, &options)).collect();

    let (mut corpus, _) = build_and_compare(&statements, &options);
    let mut query_times = Vec::new();
    let mut hits = Vec::new();
    for phrase in PHRASES {
        let mut t = Vec::new();
        let mut n = 0;
        for _ in 0..if quick { 1 } else { 7 } {
            let start = Instant::now();
            let q = corpus.query(phrase).expect("query runs");
            t.push(start.elapsed());
            n = q.occurrences.len();
        }
        query_times.push(median(t));
        hits.push(n);
    }
    let words = report.stats.words;
    let max_query = query_times.iter().max().copied().unwrap_or_default();
    println!("   statements         {}", statements.len());
    println!("   input              {} bytes ({})", bytes, mib(bytes as u64));
    println!("   words              {words}");
    println!(
        "   build + compare    {} (median of {runs}), {:.0} words/s",
        secs(compare_time),
        words as f64 / compare_time.as_secs_f64()
    );
    if !cpu.is_empty() {
        println!("   CPU time           {} (median of {runs}, all threads)", secs(median(cpu)));
    }
    println!("   per stage          wall / CPU time of all threads, median of {runs} runs, in ms:");
    for (k, stage) in STAGES.iter().enumerate() {
        let wall = median(stages.iter().map(|r| r[k].0).collect());
        let cpu = stages.iter().map(|r| r[k].1).collect::<Option<Vec<_>>>().map(median);
        let ms = |d: std::time::Duration| format!("{:.1}", d.as_secs_f64() * 1e3);
        println!("     {stage:<34} {:>8} / {}", ms(wall), cpu.map_or("?".into(), ms));
    }
    println!(
        "   query (indexed)    {} median over {} phrases, slowest {}",
        secs(median(query_times)),
        PHRASES.len(),
        secs(max_query)
    );
    println!(
        "   query hits         {}",
        PHRASES.iter().zip(&hits).map(|(p, n)| format!("{p:?}: {n}")).collect::<Vec<_>>().join(", ")
    );
    println!(
        "   families           {} found, {} in the report; {} candidate phrases; work {} units{}",
        report.stats.families_found,
        report.families.len(),
        report.stats.candidate_phrases,
        report.stats.work,
        if report.stats.budget_exhausted { " (BUDGET EXHAUSTED: partial)" } else { "" }
    );
    match peak {
        Some(p) => println!(
            "   peak memory        +{} during build + compare ({:.1}x the input)",
            mib(p),
            p as f64 / bytes as f64
        ),
        None => println!(
            "   peak memory        not measurable here (/proc/self/clear_refs unavailable); VmHWM {}",
            proc_status("VmHWM:").map_or("?".into(), mib)
        ),
    }
    for f in report.families.iter().take(5) {
        println!(
            "   top family         {} {:.2} x{} {:?}",
            f.id,
            f.score,
            f.statements,
            f.root_norm.chars().take(70).collect::<String>()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Generated corpora

const FUNCTION_WORDS: &[&str] =
    &["the", "of", "and", "to", "in", "a", "that", "for", "is", "with", "on", "as", "by", "we", "our"];

struct Generated {
    statements: Vec<Statement>,
    /// Per planted passage: (doc index, start, end) of each copy.
    planted: Vec<Vec<(usize, usize, usize)>>,
    words: usize,
}

/// `docs` statements of about `words_per_doc` words: Zipf-like content words
/// from a vocabulary of 30,000 mixed with function words, sentences of 8-30 words; and
/// planted passages of 12-30 words, each copied into 2-6 statements, one copy in three
/// passages with one word replaced.
fn generate(docs: usize, words_per_doc: usize, seed: u64) -> Generated {
    let mut rng = Rng(seed);
    let vocab = pseudo_words(30_000);
    let word = |rng: &mut Rng| -> String {
        if rng.unit() < 0.4 {
            FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())].to_string()
        } else {
            // Zipf-like with an offset: rank r has a probability about 1 / (r + 50), so the
            // commonest content word is 0.3% of them and the ten commonest 3% (as in speeches).
            const Q: f64 = 50.0;
            let v = vocab.len() as f64;
            let rank = (Q * ((v + Q) / Q).powf(rng.unit()) - Q) as usize;
            vocab[rank.min(vocab.len() - 1)].clone()
        }
    };
    let passages = (docs / 5).clamp(4, 200);
    // Passages and where they go: (passage, doc, word position).
    let mut texts: Vec<Vec<String>> = Vec::new();
    let mut placements: Vec<Vec<(usize, usize)>> = Vec::new();
    for _ in 0..passages {
        let len = 12 + rng.below(19);
        texts.push((0..len).map(|_| word(&mut rng)).collect());
        let copies = (2 + rng.below(5)).min(docs);
        let mut chosen: Vec<usize> = Vec::new();
        while chosen.len() < copies {
            let d = rng.below(docs);
            if !chosen.contains(&d) {
                chosen.push(d);
            }
        }
        placements.push(chosen.into_iter().map(|d| (d, rng.below(words_per_doc))).collect());
    }
    let mut by_doc: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); docs]; // (position, passage, copy)
    for (p, copies) in placements.iter().enumerate() {
        for (c, &(d, pos)) in copies.iter().enumerate() {
            by_doc[d].push((pos, p, c));
        }
    }
    let mut planted: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); passages];
    let mut statements = Vec::with_capacity(docs);
    let mut total_words = 0;
    for (d, inserts) in by_doc.iter_mut().enumerate() {
        inserts.sort();
        let mut text = String::with_capacity(words_per_doc * 8);
        let mut next = 0;
        let mut sentence_left = 0usize;
        let mut written = 0;
        let mut capital = true;
        for i in 0..words_per_doc {
            while next < inserts.len() && inserts[next].0 <= i {
                let (_, p, c) = inserts[next];
                next += 1;
                if !text.is_empty() {
                    text.truncate(text.trim_end_matches([' ', '.']).len());
                    text.push_str(". ");
                }
                let mut words = texts[p].clone();
                if p % 3 == 0 && c == 1 {
                    let k = 1 + rng.below(words.len() - 2);
                    words[k] = vocab[rng.below(vocab.len())].clone();
                }
                let start = text.len();
                text.push_str(&words.join(" "));
                planted[p].push((d, start, text.len()));
                text.push_str(". ");
                written += words.len();
                capital = true;
                sentence_left = 0;
            }
            if sentence_left == 0 {
                sentence_left = 8 + rng.below(23);
                if i > 0 && !capital {
                    text.push_str(if rng.below(6) == 0 { ".\n" } else { ". " });
                }
                capital = true;
            } else {
                text.push(' ');
            }
            let mut w = word(&mut rng);
            if capital {
                w[..1].make_ascii_uppercase();
                capital = false;
            }
            text.push_str(&w);
            sentence_left -= 1;
            written += 1;
        }
        text.push_str(".\n");
        total_words += written;
        statements.push(Statement::new(format!("gen/{d:05}.txt"), text));
    }
    Generated { statements, planted, words: total_words }
}

/// Share of the planted passages found: a family with an occurrence covering at least half of
/// every copy; and the share of copies covered by some family at all.
fn recall(g: &Generated, report: &Report) -> (f64, f64) {
    let doc_index: std::collections::HashMap<&str, usize> =
        g.statements.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    // Per doc: (family index, start, end).
    let mut occ: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); g.statements.len()];
    for (fi, f) in report.families.iter().enumerate() {
        for o in &f.occurrences {
            occ[doc_index[o.excerpt.doc.as_str()]].push((fi, o.excerpt.start, o.excerpt.end));
        }
    }
    let covered = |fi: Option<usize>, &(d, s, e): &(usize, usize, usize)| -> bool {
        let overlap: usize = occ[d]
            .iter()
            .filter(|o| fi.is_none_or(|f| o.0 == f))
            .map(|&(_, a, b)| b.min(e).saturating_sub(a.max(s)))
            .sum();
        2 * overlap >= e - s
    };
    let mut found = 0;
    let mut copies = 0;
    let mut copies_covered = 0;
    let verbose = std::env::var_os("REFRAIN_BENCH_VERBOSE").is_some();
    let mut shown = 0;
    for (p, copies_of) in g.planted.iter().enumerate() {
        copies += copies_of.len();
        copies_covered += copies_of.iter().filter(|c| covered(None, c)).count();
        let (d, _, _) = copies_of[0];
        let candidates: std::collections::BTreeSet<usize> = occ[d].iter().map(|o| o.0).collect();
        if candidates.iter().any(|&f| copies_of.iter().all(|c| covered(Some(f), c))) {
            found += 1;
        } else if verbose && shown < 5 {
            shown += 1;
            println!(
                "   missed passage {p} ({} copies{}):",
                copies_of.len(),
                if p % 3 == 0 { ", one with a word changed" } else { "" }
            );
            for &(d, s, e) in copies_of {
                println!("     {} {s}..{e} {:?}", g.statements[d].id, &g.statements[d].text[s..e]);
                for &(f, a, b) in occ[d].iter().filter(|o| o.1 < e && s < o.2) {
                    let fam = &report.families[f];
                    println!(
                        "       {} ({} statements) {a}..{b} {:?}",
                        fam.id,
                        fam.statements,
                        &g.statements[d].text[a..b]
                    );
                }
            }
        }
    }
    (found as f64 / g.planted.len() as f64, copies_covered as f64 / copies.max(1) as f64)
}

fn generated(quick: bool) {
    let max_words: usize = std::env::var("REFRAIN_BENCH_MAX_WORDS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(if quick { 100_000 } else { 10_000_000 });
    println!("\n== Generated corpora with planted passages (REFRAIN_BENCH_MAX_WORDS = {max_words})");
    println!(
        "   {:>5} x {:>5} {:>10} {:>9} {:>11} {:>12} {:>9} {:>10} {:>8} {:>8}",
        "docs", "words", "total", "MiB", "compare", "words/s", "families", "peak MiB", "recall", "copies"
    );
    let options = Options::builder().max_families(100_000).build().expect("valid options");
    let sizes: &[(usize, usize)] =
        &[(10, 500), (50, 1_000), (200, 2_000), (500, 3_000), (1_000, 4_000), (2_000, 5_000)];
    let mut worst_recall: f64 = 1.0;
    let forced = std::env::var_os("REFRAIN_BENCH_MAX_WORDS").is_some();
    let mut measured: Vec<(f64, f64)> = Vec::new(); // (words, seconds)
    for &(docs, words) in sizes {
        if docs * words > max_words {
            println!("   {docs:>5} x {words:>5}  skipped (over REFRAIN_BENCH_MAX_WORDS)");
            continue;
        }
        // Keep `cargo bench` within minutes: predict this size's time from the growth seen so
        // far and skip it when that is over two minutes, unless the cap was given explicitly.
        if let [.., (w1, t1), (w2, t2)] = measured[..] {
            let exponent = ((t2 / t1).ln() / (w2 / w1).ln()).clamp(1.0, 3.0);
            let predicted = t2 * ((docs * words) as f64 / w2).powf(exponent);
            if predicted > 120.0 && !forced {
                println!(
                    "   {docs:>5} x {words:>5}  skipped: predicted {predicted:.0} s (time grows as words^{exponent:.2} here); set REFRAIN_BENCH_MAX_WORDS to run it"
                );
                continue;
            }
        }
        let g = generate(docs, words, 0x5EED ^ (docs as u64) << 20 ^ words as u64);
        let bytes: usize = g.statements.iter().map(|s| s.text.len()).sum();
        let start = Instant::now();
        let ((corpus, report), peak) = peak_during(|| build_and_compare(&g.statements, &options));
        let mut times = vec![start.elapsed()];
        drop(corpus);
        let more = if quick || times[0].as_secs_f64() > 10.0 {
            0
        } else if times[0].as_secs_f64() > 1.0 {
            2
        } else {
            4
        };
        for _ in 0..more {
            let t = Instant::now();
            let _ = build_and_compare(&g.statements, &options);
            times.push(t.elapsed());
        }
        let runs = times.len();
        let time = median(times);
        measured.push(((docs * words) as f64, time.as_secs_f64().max(1e-6)));
        let (found, copies) = recall(&g, &report);
        worst_recall = worst_recall.min(found);
        println!(
            "   {:>5} x {:>5} {:>10} {:>9.1} {:>11} {:>12.0} {:>9} {:>10} {:>7.0}% {:>7.0}%  (median of {runs}){}",
            docs,
            words,
            g.words,
            bytes as f64 / (1024.0 * 1024.0),
            secs(time),
            g.words as f64 / time.as_secs_f64(),
            report.stats.families_found,
            peak.map_or("?".into(), |p| format!("{:.1}", p as f64 / (1024.0 * 1024.0))),
            found * 100.0,
            copies * 100.0,
            if report.stats.budget_exhausted { "  budget exhausted: partial" } else { "" }
        );
    }
    println!("   recall: planted passages found as one family covering at least half of every copy;");
    println!("   copies: planted copies covered at least half by some family.");
    assert!(worst_recall > 0.0, "no planted passage was found at some size");
}
