//! `cargo bench --bench planted`: refrain on generated statements with planted passages, scored
//! with the PAN measures (precision, recall, granularity, plagdet; see `support/pan.rs`) and
//! recall per edit kind; the generator is `support/planted.rs`. See `docs/bench.md`.
//!
//! - No argument: 200 statements x 5,000 words (`REFRAIN_BENCH_SIZES=200x5000,2000x5000,...`
//!   chooses the sizes, `REFRAIN_BENCH_RUNS` the runs per setting, `REFRAIN_BENCH_SEED` the
//!   seed). For each size and each setting (the default options; `min_words` 5; `min_words` 5
//!   with no bound on the work; `REFRAIN_BENCH_SETTINGS=1,2` picks some), all with
//!   `max_families` raised so that every family is reported, each in a child process of its
//!   own: words, bytes, time end to end (a corpus, every statement added, compared: median of
//!   the runs, and CPU time), peak memory, families, detections, the PAN measures, and per
//!   edit kind the cases found. `REFRAIN_BENCH_VERBOSE=N` shows N cases not found whole.
//! - `cargo test --benches` (no `--bench` argument): a quick run at 20 x 500 words that also
//!   checks the scorer on hand-computed examples, the generator's determinism and spans, that
//!   the planted passages of an unedited corpus are found, and that the files round-trip.
//! - `write DIR --docs N --words M [--seed S] [--passages P] [--exact]`: writes a corpus,
//!   `DIR/NNNNN.txt` and `DIR/truth.json` (formats in `support/planted.rs`).
//! - `score DIR DETECTIONS.json`: scores a detections file against `DIR/truth.json`.
//! - `detect DIR DETECTIONS.json [--min-words N]`: refrain's detections of a written corpus
//!   (every pair of occurrences of a family in two statements), for `score` or comparison.
//!
//! A detection is a pair of occurrences of one family in two different statements: a family
//! with k occurrences gives up to k(k-1)/2 of them.

#[path = "support/measure.rs"]
mod measure;
#[path = "support/pan.rs"]
mod pan;
#[path = "support/planted.rs"]
mod planted;
#[path = "support/random.rs"]
mod random;

use measure::{build_and_compare, cpu_time, median, mib, peak_during, secs, stage_times, STAGES};
use pan::{DocSpan, Pair, Scores};
use planted::{Config, Edit, Lexicon, Model, Planted};
use refrain::{Options, Report, Statement};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const USAGE: &str = "subcommands: write DIR --docs N --words M [--seed S] [--passages P] [--exact] | score DIR DETECTIONS.json | detect DIR DETECTIONS.json [--min-words N]";

fn main() {
    let all: Vec<String> = std::env::args().skip(1).collect();
    let bench = all.iter().any(|a| a == "--bench");
    let args: Vec<&str> = all.iter().map(String::as_str).filter(|a| *a != "--bench").collect();
    if args.first() == Some(&"setting") {
        // Internal: one setting measured in a process of its own (see `measure_apart`).
        return setting_command(&args[1..]);
    }
    println!("PAN scorer: {} hand-computed examples agree", pan::self_test());
    let result = match args.first() {
        Some(&"write") => write_command(&args[1..]),
        Some(&"score") => score_command(&args[1..]),
        Some(&"detect") => detect_command(&args[1..]),
        // `cargo bench -- FILTER` passes a filter meant for other benches: nothing to run here.
        Some(other) => {
            println!("planted: {other:?} is not one of its {USAGE}; nothing to run");
            Ok(())
        }
        None if bench => {
            full();
            Ok(())
        }
        None => {
            quick();
            Ok(())
        }
    };
    if let Err(e) = result {
        eprintln!("planted: {e}\n{USAGE}");
        std::process::exit(2);
    }
}

// ---------------------------------------------------------------------------------------------
// Running the engine

/// The settings measured: every family reported, with the default `min_words` and with 5, and
/// with 5 and no bound on the work (what the default work budget must not lose).
fn settings() -> Vec<(&'static str, Options)> {
    let every = || Options::builder().max_families(1_000_000);
    vec![
        ("default", every().build().expect("valid options")),
        ("min_words 5", every().min_words(5).build().expect("valid options")),
        ("5, unbounded", every().min_words(5).work_budget(u64::MAX).build().expect("valid options")),
    ]
}

/// The settings this run measures: `REFRAIN_BENCH_SETTINGS` picks some by their number in
/// [`settings`] (`1,2`: min_words 5 with the default budget and unbounded), all by default.
fn chosen_settings() -> Vec<usize> {
    let all = settings().len();
    match std::env::var("REFRAIN_BENCH_SETTINGS") {
        Ok(list) => list
            .split(',')
            .map(|k| k.trim().parse().ok().filter(|&k: &usize| k < all))
            .collect::<Option<Vec<usize>>>()
            .unwrap_or_else(|| panic!("REFRAIN_BENCH_SETTINGS: {list:?} is not a list of numbers below {all}")),
        Err(_) => (0..all).collect(),
    }
}

/// Runs of one setting: the median time and CPU time, the rise of peak memory in the first,
/// its report.
struct Run {
    time: Duration,
    cpu: Option<Duration>,
    peak: Option<u64>,
    report: Report,
}

/// `runs` end-to-end runs (the first measures peak memory too).
fn run(statements: &[Statement], options: &Options, runs: usize) -> Run {
    let (start, cpu_start) = (Instant::now(), cpu_time());
    let ((corpus, report), peak) = peak_during(|| build_and_compare(statements, options));
    let (mut times, mut cpu) = (vec![start.elapsed()], vec![cpu_time().zip(cpu_start).map(|(b, a)| b - a)]);
    drop(corpus);
    for _ in 1..runs {
        let (t, c) = (Instant::now(), cpu_time());
        let out = build_and_compare(statements, options);
        times.push(t.elapsed());
        cpu.push(cpu_time().zip(c).map(|(b, a)| b - a));
        drop(out);
    }
    let cpu = cpu.into_iter().collect::<Option<Vec<Duration>>>().map(median);
    Run { time: median(times), cpu, peak, report }
}

/// Is `[start, end)` overlapping one of `spans` (sorted, disjoint)?
fn touches(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = spans.partition_point(|s| s.1 <= start);
    i < spans.len() && spans[i].0 < end
}

/// The report's detections: every pair of occurrences of one family in two statements. With
/// `copies` (per statement, the planted copies' spans), pairs of which one side touches no
/// copy cannot detect a case: they are only counted, as the second value.
fn detections(report: &Report, statements: &[Statement], copies: Option<&[Vec<(usize, usize)>]>) -> (Vec<Pair>, usize) {
    let index: HashMap<&str, u32> = statements.iter().enumerate().map(|(i, s)| (s.id.as_str(), i as u32)).collect();
    let mut out = Vec::new();
    let mut misses = 0;
    for family in &report.families {
        let occurrences: Vec<DocSpan> = family
            .occurrences
            .iter()
            .map(|o| DocSpan { doc: index[o.excerpt.doc.as_str()], start: o.excerpt.start, end: o.excerpt.end })
            .collect();
        let mut per_doc: HashMap<u32, usize> = HashMap::new();
        for o in &occurrences {
            *per_doc.entry(o.doc).or_default() += 1;
        }
        let k = occurrences.len();
        let pairs = k * k.saturating_sub(1) / 2 - per_doc.values().map(|&n| n * (n - 1) / 2).sum::<usize>();
        let kept: Vec<&DocSpan> =
            occurrences.iter().filter(|o| copies.is_none_or(|c| touches(&c[o.doc as usize], o.start, o.end))).collect();
        let before = out.len();
        for (i, x) in kept.iter().enumerate() {
            out.extend(kept[i + 1..].iter().filter(|y| y.doc != x.doc).map(|y| Pair::new(**x, **y)));
        }
        misses += pairs - (out.len() - before);
    }
    (out, misses)
}

/// One setting's figures on one corpus.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Outcome {
    seconds: f64,
    cpu_seconds: Option<f64>,
    runs: usize,
    /// Rise of the peak resident set during the first run, when measurable.
    peak: Option<u64>,
    families: usize,
    reported: usize,
    budget_exhausted: bool,
    scores: Scores,
    /// Per stage of [`STAGES`], median over the runs: wall seconds and CPU seconds (all threads).
    stages: Vec<(f64, Option<f64>)>,
}

/// Runs and scores one setting in this process; returns the report and the detections that
/// can detect a case too.
fn measure(planted: &Planted, options: &Options, runs: usize) -> (Outcome, Report, Vec<Pair>) {
    let r = run(&planted.statements, options, runs);
    let (found, misses) = detections(&r.report, &planted.statements, Some(&planted.copies_by_doc()));
    let scores = evaluate(planted, &found, misses);
    let stats = &r.report.stats;
    let outcome = Outcome {
        seconds: r.time.as_secs_f64(),
        cpu_seconds: r.cpu.map(|c| c.as_secs_f64()),
        runs,
        peak: r.peak,
        families: stats.families_found,
        reported: r.report.families.len(),
        budget_exhausted: stats.budget_exhausted,
        scores,
        stages: stages(&planted.statements, options, runs),
    };
    (outcome, r.report, found)
}

/// Per stage, the median over `runs` runs of its wall time and of its CPU time (all threads).
fn stages(statements: &[Statement], options: &Options, runs: usize) -> Vec<(f64, Option<f64>)> {
    let all: Vec<Vec<(Duration, Option<Duration>)>> = (0..runs).map(|_| stage_times(statements, options)).collect();
    (0..STAGES.len())
        .map(|k| {
            let wall = median(all.iter().map(|r| r[k].0).collect());
            let cpu = all.iter().map(|r| r[k].1).collect::<Option<Vec<Duration>>>().map(median);
            (wall.as_secs_f64(), cpu.map(|c| c.as_secs_f64()))
        })
        .collect()
}

/// Per stage and setting: median wall time and CPU time (all threads).
fn stages_table(columns: &[(&str, &Outcome)]) {
    println!("   per stage (median of the runs): wall time / CPU time of all threads, in ms");
    print!("   {:<34}", "stage");
    for (name, _) in columns {
        print!(" {:>22}", name);
    }
    println!();
    let ms = |x: f64| format!("{:.1}", x * 1e3);
    for (k, stage) in STAGES.iter().enumerate() {
        print!("   {stage:<34}");
        for (_, o) in columns {
            let (wall, cpu) = o.stages[k];
            print!(" {:>22}", format!("{} / {}", ms(wall), cpu.map_or("?".into(), ms)));
        }
        println!();
    }
}

/// Measures setting `index` of [`settings`] in a child process that generates the same corpus,
/// so that memory a previous run freed but kept cannot hide this run's peak. Returns what the
/// child printed besides (cases shown with `REFRAIN_BENCH_VERBOSE`).
fn measure_apart(config: &Config, index: usize, runs: usize) -> (Outcome, String) {
    let exe = std::env::current_exe().expect("this program's path");
    let numbers = [
        config.docs as u64, config.words_per_doc as u64, config.seed, config.passages as u64, index as u64, runs as u64,
    ];
    let out = std::process::Command::new(exe)
        .arg("setting")
        .args(numbers.map(|n| n.to_string()))
        .stderr(std::process::Stdio::inherit())
        .output()
        .expect("the child process starts");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "the child process measuring setting {index} failed: {}\n{stdout}", out.status);
    let (mut result, mut other) = (None, String::new());
    for line in stdout.lines() {
        match line.strip_prefix("RESULT ") {
            Some(json) => result = Some(serde_json::from_str(json).expect("the child's result")),
            None => other.push_str(&format!("{line}\n")),
        }
    }
    (result.expect("a RESULT line from the child"), other)
}

/// `setting DOCS WORDS SEED PASSAGES INDEX RUNS`: prints `RESULT {json Outcome}`.
fn setting_command(args: &[&str]) {
    let n: Vec<u64> = args.iter().map(|a| a.parse().expect("setting: numbers")).collect();
    let [docs, words, seed, passages, index, runs] = n[..] else { panic!("setting: six numbers expected") };
    let config = Config { passages: passages as usize, ..Config::new(docs as usize, words as usize, seed) };
    let lexicon = Lexicon::engine();
    let model = Model::load(&lexicon);
    let planted = planted::generate(&model, &lexicon, &config);
    let (outcome, _, found) = measure(&planted, &settings()[index as usize].1, runs as usize);
    show_cases(&planted, &outcome.scores, &found);
    println!("RESULT {}", serde_json::to_string(&outcome).expect("JSON"));
}

fn evaluate(planted: &Planted, detections: &[Pair], misses: usize) -> Scores {
    let cases: Vec<Pair> = planted.cases().into_iter().map(|c| c.0).collect();
    let texts = &planted.statements;
    pan::score(&cases, detections, misses, &|d, s, e| pan::chars_in(&texts[d as usize].text, s, e))
}

// ---------------------------------------------------------------------------------------------
// Printing

fn describe(planted: &Planted) -> String {
    let bytes: usize = planted.statements.iter().map(|s| s.text.len()).sum();
    let copies: usize = planted.passages.iter().map(|p| p.copies.len()).sum();
    format!(
        "{} statements, {} words, {} bytes ({}); {} passages, {} copies ({} edited), {} cases",
        planted.statements.len(),
        planted.words,
        bytes,
        mib(bytes as u64),
        planted.passages.len(),
        copies,
        planted.edited_copies(),
        planted.cases().len()
    )
}

const HEADER: &str = "   setting        time (runs)     CPU time   peak memory          families    detections  precision  recall  granularity  plagdet";

fn row(name: &str, time: &str, cpu: &str, peak: &str, families: &str, scores: &Scores) {
    println!(
        "   {name:<14} {time:<15} {cpu:<10} {peak:<20} {families:>8} {:>13} {:>10.4} {:>7.4} {:>12.4} {:>8.4}",
        scores.detections, scores.precision, scores.recall, scores.granularity, scores.plagdet
    );
}

fn outcome_row(name: &str, o: &Outcome, bytes: usize) {
    let peak = o.peak.map_or("not measurable".into(), |p| format!("+{} ({:.1}x)", mib(p), p as f64 / bytes as f64));
    let families =
        if o.reported < o.families { format!("{} of {}", o.reported, o.families) } else { o.families.to_string() };
    let time = format!("{} ({})", secs(Duration::from_secs_f64(o.seconds)), o.runs);
    let cpu = o.cpu_seconds.map_or("?".into(), |c| secs(Duration::from_secs_f64(c)));
    row(name, &time, &cpu, &peak, &families, &o.scores);
    if o.budget_exhausted {
        println!("   {name:<14} WORK BUDGET EXHAUSTED: the report is partial");
    }
}

/// Per edit kind: the cases with a copy so edited (`none`: both copies exact), the share found
/// at all, the mean share of their characters found, and detections per found case.
fn kinds_table(planted: &Planted, columns: &[(&str, &Scores)]) {
    let cases = planted.cases();
    println!("   per edit kind: cases with one copy so edited; found = detected at all, chars = mean share of a case's characters detected, gran = detections per found case");
    print!("   {:<13} {:>6}", "edit", "cases");
    for (name, _) in columns {
        print!("   {:<26}", format!("{name}: found chars gran"));
    }
    println!();
    for kind in std::iter::once(Edit::None).chain(Edit::KINDS) {
        let of_kind: Vec<usize> = (0..cases.len())
            .filter(|&i| if kind == Edit::None { cases[i].1 == [Edit::None; 2] } else { cases[i].1.contains(&kind) })
            .collect();
        print!("   {:<13} {:>6}", kind.name(), of_kind.len());
        for (_, scores) in columns {
            if of_kind.is_empty() {
                print!("   {:>8} {:>8} {:>7}  ", "-", "-", "-");
                continue;
            }
            let found: Vec<&pan::CaseScore> =
                of_kind.iter().map(|&i| &scores.cases[i]).filter(|c| c.detections > 0).collect();
            let n = of_kind.len() as f64;
            let chars = of_kind.iter().map(|&i| scores.cases[i].recall).sum::<f64>() / n;
            let gran = found.iter().map(|c| c.detections).sum::<usize>() as f64 / found.len().max(1) as f64;
            print!("   {:>7.1}% {:>7.1}% {:>7.2}  ", found.len() as f64 * 100.0 / n, chars * 100.0, gran);
        }
        println!();
    }
}

/// With `REFRAIN_BENCH_VERBOSE=N`: up to N cases not found whole in one detection (missed ones
/// first, then split ones, then the least found), each copy's text and the detections of its
/// pair of statements that overlap it.
fn show_cases(planted: &Planted, scores: &Scores, detections: &[Pair]) {
    let Some(n) = env_number("REFRAIN_BENCH_VERBOSE") else { return };
    let cases = planted.cases();
    let of = |i: usize| scores.cases[i];
    let mut order: Vec<usize> = (0..cases.len()).filter(|&i| of(i).recall < 1.0 || of(i).detections > 1).collect();
    let rank = |c: pan::CaseScore| match c.detections {
        0 => 0,
        1 => 2,
        _ => 1,
    };
    order.sort_by(|&a, &b| rank(of(a)).cmp(&rank(of(b))).then(of(a).recall.total_cmp(&of(b).recall)).then(a.cmp(&b)));
    let text = |s: &DocSpan| &planted.statements[s.doc as usize].text[s.start..s.end];
    let name = |s: &DocSpan| &planted.statements[s.doc as usize].id;
    for &i in order.iter().take(n as usize) {
        let (case, edits) = &cases[i];
        let c = of(i);
        println!(
            "   case {i} ({} / {}): {} detections, {:.0}% of its characters",
            edits[0].name(),
            edits[1].name(),
            c.detections,
            c.recall * 100.0
        );
        for side in [&case.a, &case.b] {
            println!("     {} {}..{} {:?}", name(side), side.start, side.end, text(side));
        }
        let overlaps = |x: &DocSpan, y: &DocSpan| x.start < y.end && y.start < x.end;
        for d in detections.iter().filter(|d| (d.a.doc, d.b.doc) == (case.a.doc, case.b.doc)) {
            if overlaps(&d.a, &case.a) || overlaps(&d.b, &case.b) {
                println!("       detected {}..{} {:?}", d.a.start, d.a.end, text(&d.a));
                println!("            and {}..{} {:?}", d.b.start, d.b.end, text(&d.b));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The benchmark

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|v| v.replace('_', "").parse().unwrap_or_else(|_| panic!("{name}: not a number: {v}")))
}

fn sizes() -> Vec<(usize, usize)> {
    let spec = std::env::var("REFRAIN_BENCH_SIZES").unwrap_or_else(|_| "200x5000".into());
    spec.split(',')
        .map(|size| {
            let parsed = size
                .trim()
                .replace('_', "")
                .split_once('x')
                .and_then(|(d, w)| Some((d.parse().ok()?, w.parse().ok()?)));
            parsed.unwrap_or_else(|| panic!("REFRAIN_BENCH_SIZES: {size:?} is not DOCSxWORDS (e.g. 200x5000)"))
        })
        .collect()
}

fn full() {
    let lexicon = Lexicon::engine();
    let model = Model::load(&lexicon);
    println!("text model: {}", model.source);
    let seed = env_number("REFRAIN_BENCH_SEED").unwrap_or(1);
    for (docs, words) in sizes() {
        let config = Config::new(docs, words, seed);
        let start = Instant::now();
        let planted = planted::generate(&model, &lexicon, &config);
        let bytes: usize = planted.statements.iter().map(|s| s.text.len()).sum();
        println!(
            "\n== {} x {} words (seed {seed}): {}; generated in {}",
            docs,
            words,
            describe(&planted),
            secs(start.elapsed())
        );
        let runs = env_number("REFRAIN_BENCH_RUNS")
            .map_or(if docs * words <= 2_000_000 { 3 } else { 1 }, |r| r.max(1) as usize);
        println!("{HEADER}");
        let mut results = Vec::new();
        for index in chosen_settings() {
            let name = settings()[index].0;
            let (outcome, cases) = measure_apart(&config, index, runs);
            outcome_row(name, &outcome, bytes);
            print!("{cases}");
            results.push((name, outcome));
        }
        let columns: Vec<(&str, &Scores)> = results.iter().map(|(n, o)| (*n, &o.scores)).collect();
        kinds_table(&planted, &columns);
        let columns: Vec<(&str, &Outcome)> = results.iter().map(|(n, o)| (*n, o)).collect();
        stages_table(&columns);
    }
    println!(
        "\nTime: a corpus, every statement added, compared (the report built); median of the runs in brackets, and median CPU time (user + system, all threads, 10 ms ticks)."
    );
    println!(
        "Peak memory: the rise of the resident set's high-water mark during the first run, against the input's bytes."
    );
}

/// `cargo test --benches`: small, and checks what it can.
fn quick() {
    println!("quick run (20 x 500 words; `cargo bench --bench planted` for 200 x 5,000)");
    let lexicon = Lexicon::engine();
    let model = Model::load(&lexicon);
    println!("text model: {}", model.source);
    let config = Config::new(20, 500, 7);
    let planted = planted::generate(&model, &lexicon, &config);
    assert_eq!(planted, planted::generate(&model, &lexicon, &config), "one seed, one corpus");
    check_spans(&planted);
    println!("{}", describe(&planted));

    // The planted passages of an unedited corpus are found.
    let exact = planted::generate(&model, &lexicon, &Config { edits: false, ..config.clone() });
    assert_eq!(exact.edited_copies(), 0);
    let options = &settings()[0].1;
    let r = run(&exact.statements, options, 1);
    let (found, misses) = detections(&r.report, &exact.statements, Some(&exact.copies_by_doc()));
    let scores = evaluate(&exact, &found, misses);
    let detected = scores.cases.iter().filter(|c| c.detections > 0).count();
    println!(
        "unedited copies, default options: {detected} of {} cases detected, recall {:.4}",
        scores.cases.len(),
        scores.recall
    );
    assert!(detected * 10 >= scores.cases.len() * 9, "fewer than 90% of the exact copies' cases detected");

    // The edited corpus, both settings; counting the misses apart changes nothing.
    println!("{HEADER}");
    let bytes: usize = planted.statements.iter().map(|s| s.text.len()).sum();
    let mut results = Vec::new();
    for (index, (name, options)) in settings().into_iter().enumerate() {
        let (outcome, report, found) = measure(&planted, &options, 1);
        let scores = outcome.scores.clone();
        let (all, none) = detections(&report, &planted.statements, None);
        assert_eq!(none, 0);
        assert_eq!(evaluate(&planted, &all, 0), scores, "scores with the misses counted apart");
        assert!(scores.recall > 0.5 && (0.0..=1.0).contains(&scores.precision) && scores.granularity >= 1.0);
        outcome_row(name, &outcome, bytes);
        show_cases(&planted, &scores, &found);
        // The same in a process of its own, as `cargo bench` measures.
        let (apart, _) = measure_apart(&config, index, 1);
        // Equal but for the last bit of a float (JSON parsing need not round-trip exactly).
        let close = |x: f64, y: f64| (x - y).abs() < 1e-12;
        let (a, b) = (&apart.scores, &scores);
        assert!(
            apart.families == outcome.families
                && a.detections == b.detections
                && close(a.precision, b.precision)
                && close(a.recall, b.recall)
                && close(a.granularity, b.granularity)
                && a.cases.iter().zip(&b.cases).all(|(x, y)| x.detections == y.detections && close(x.recall, y.recall)),
            "scores in a child process differ: {a:?} against {b:?}"
        );
        results.push((name, scores, all));
    }
    let columns: Vec<(&str, &Scores)> = results.iter().map(|(n, s, _)| (*n, s)).collect();
    kinds_table(&planted, &columns);

    // Files: written, read back, scored from disk as in memory.
    let dir = std::env::temp_dir().join(format!("refrain-planted-{}", std::process::id()));
    let outcome = std::panic::catch_unwind(|| {
        planted::write(&dir, &planted, &config, &model.source).expect("corpus written");
        let back = planted::read(&dir).expect("corpus read");
        assert_eq!(back, planted, "the corpus read back is the corpus written");
        let file = dir.join("detections.json");
        planted::write_detections(&file, &results[0].2, &planted.statements).expect("detections written");
        let read = planted::read_detections(&file, &back.statements).expect("detections read");
        assert_eq!(evaluate(&back, &read, 0), results[0].1, "scores from the files");
        assert!(planted::write(&dir, &planted, &config, &model.source).is_err(), "a non-empty folder is refused");
    });
    std::fs::remove_dir_all(&dir).ok();
    if let Err(e) = outcome {
        std::panic::resume_unwind(e);
    }
    println!("files: written, read back and scored alike");
}

/// Every copy's span lies on character boundaries, starts and ends with a word, and exact
/// copies of one passage have the same text (but for the first letter's case).
fn check_spans(planted: &Planted) {
    for p in &planted.passages {
        let texts: Vec<&str> = p.copies.iter().map(|c| &planted.statements[c.doc].text[c.start..c.end]).collect();
        for t in &texts {
            let (first, last) = (t.chars().next().expect("non-empty"), t.chars().last().expect("non-empty"));
            assert!(first.is_alphanumeric() && (last.is_alphanumeric() || last == '\u{201D}' || last == '"'), "{t:?}");
        }
        let exact: Vec<String> = p
            .copies
            .iter()
            .zip(&texts)
            .filter(|(c, _)| c.edit == Edit::None)
            .map(|(_, t)| t.chars().skip(1).collect())
            .collect();
        assert!(exact.windows(2).all(|w| w[0] == w[1]), "exact copies differ: {exact:?}");
        for (c, t) in p.copies.iter().zip(&texts) {
            let n = t.split(|ch: char| ch.is_whitespace()).count();
            assert!(n + 1 >= p.words && n <= p.words + 1, "a copy of {} words has {n}: {t:?} ({})", p.words, c.detail);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Subcommands

/// `--name value` options after the positional arguments.
fn flags<'a>(args: &[&'a str], known: &[&str]) -> Result<(Vec<&'a str>, HashMap<String, &'a str>), String> {
    let (mut positional, mut named) = (Vec::new(), HashMap::new());
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        if let Some(name) = a.strip_prefix("--") {
            if !known.contains(&name) {
                return Err(format!("unknown option {a}"));
            }
            if name == "exact" {
                named.insert(name.to_string(), "");
            } else {
                let value = args.get(i + 1).ok_or_else(|| format!("{a} needs a value"))?;
                named.insert(name.to_string(), *value);
                i += 1;
            }
        } else {
            positional.push(a);
        }
        i += 1;
    }
    Ok((positional, named))
}

fn number(named: &HashMap<String, &str>, name: &str) -> Result<Option<u64>, String> {
    named.get(name).map(|v| v.replace('_', "").parse().map_err(|_| format!("--{name}: not a number: {v}"))).transpose()
}

fn write_command(args: &[&str]) -> Result<(), String> {
    let (positional, named) = flags(args, &["docs", "words", "seed", "passages", "exact"])?;
    let [dir] = positional[..] else { return Err("write: one folder expected".into()) };
    let docs = number(&named, "docs")?.ok_or("write: --docs N expected")? as usize;
    let words = number(&named, "words")?.ok_or("write: --words M expected")? as usize;
    if docs < 2 {
        return Err("write: --docs must be at least 2".into());
    }
    let mut config = Config::new(docs, words, number(&named, "seed")?.unwrap_or(1));
    config.passages = number(&named, "passages")?.map_or(docs, |p| p as usize);
    config.edits = !named.contains_key("exact");
    let lexicon = Lexicon::engine();
    let model = Model::load(&lexicon);
    println!("text model: {}", model.source);
    let planted = planted::generate(&model, &lexicon, &config);
    planted::write(Path::new(dir), &planted, &config, &model.source)?;
    println!("wrote {dir}: {}", describe(&planted));
    Ok(())
}

fn score_command(args: &[&str]) -> Result<(), String> {
    let (positional, _) = flags(args, &[])?;
    let [dir, file] = positional[..] else { return Err("score: a folder and a detections file expected".into()) };
    let planted = planted::read(Path::new(dir))?;
    let detections = planted::read_detections(Path::new(file), &planted.statements)?;
    println!("{dir}: {}", describe(&planted));
    // As in PAN, a detection listed twice counts twice (in both orders too: pairs are unordered).
    let mut sorted = detections.clone();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() < detections.len() {
        println!("note: {} detections repeat another (each counts)", detections.len() - sorted.len());
    }
    let scores = evaluate(&planted, &detections, 0);
    println!("{HEADER}");
    let name = PathBuf::from(file).file_name().map_or(file.to_string(), |n| n.to_string_lossy().into_owned());
    row(&name, "-", "-", "-", "-", &scores);
    kinds_table(&planted, &[(name.as_str(), &scores)]);
    Ok(())
}

fn detect_command(args: &[&str]) -> Result<(), String> {
    let (positional, named) = flags(args, &["min-words"])?;
    let [dir, file] = positional[..] else { return Err("detect: a folder and an output file expected".into()) };
    let planted = planted::read(Path::new(dir))?;
    let mut options = Options::builder().max_families(1_000_000);
    if let Some(n) = number(&named, "min-words")? {
        options = options.min_words(n as usize);
    }
    let options = options.build().map_err(|e| format!("{e:?}"))?;
    let r = run(&planted.statements, &options, 1);
    let (found, _) = detections(&r.report, &planted.statements, None);
    planted::write_detections(Path::new(file), &found, &planted.statements)?;
    println!("{file}: {} detections from {} families, in {}", found.len(), r.report.stats.families_found, secs(r.time));
    Ok(())
}
