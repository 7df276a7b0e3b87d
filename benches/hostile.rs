//! `cargo bench --bench hostile`: time and peak memory of every hostile input of
//! `tests/common/hostile.rs` (the table `tests/hostile.rs` checks), printed as a table.
//!
//! Per case: input bytes; time to add the statements and compare, the peak resident memory
//! above what the process held before (the statements themselves are built first and not
//! counted; the corpus keeps its own copy, which is) and that peak as a multiple of the input;
//! the work spent and the families reported; then the same time and peak for the case's
//! queries on the indexed corpus (the report kept); and the notes (their first clause). Peak memory is VmHWM of /proc/self/status, reset through
//! /proc/self/clear_refs before each case; where the kernel does not allow it, it is not shown.
//! `cargo test --benches` runs the cases under 256 KB only, once. With
//! `REFRAIN_HOSTILE_DEFAULTS=1` every case runs with the default work budget (`work_budget` and
//! `work_per_word`, which grows with the input) instead of the cases' small fixed one: how far a
//! pathological input gets, and how long it takes, before the default budget stops it.

#[path = "../tests/common/hostile.rs"]
mod hostile;

use refrain::Corpus;
use std::time::{Duration, Instant};

fn status_bytes(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: u64 = status.lines().find(|l| l.starts_with(key))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Runs `f` and returns its result with the rise of the peak resident set during it.
fn with_peak<T>(f: impl FnOnce() -> T) -> (T, Option<u64>) {
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let before = status_bytes("VmRSS:");
    let out = f();
    let peak = status_bytes("VmHWM:");
    (out, if reset { before.zip(peak).map(|(b, p)| p.saturating_sub(b)) } else { None })
}

fn main() {
    // Each case runs in a process of its own, so that its peak memory is its own.
    if let Ok(i) = std::env::var("REFRAIN_HOSTILE_CASE") {
        run_case(i.parse().expect("a case number"));
        return;
    }
    let quick = !std::env::args().any(|a| a == "--bench");
    println!("refrain hostile-input bench{}", if quick { " (quick run: inputs under 256 KB)" } else { "" });
    println!(
        "{:<46} {:>10} {:>9} {:>10} {:>7} {:>12} {:>5} {:>9} {:>10} {:>7}  notes",
        "case", "input", "compare", "peak", "x input", "work", "fams", "queries", "peak", "x input"
    );
    let exe = std::env::current_exe().expect("the bench's own path");
    for (i, entry) in hostile::table().into_iter().enumerate() {
        if quick && input_bytes(&(entry.build)(1)) > 1 << 18 {
            continue;
        }
        let out = std::process::Command::new(&exe)
            .env("REFRAIN_HOSTILE_CASE", i.to_string())
            .output()
            .expect("the bench runs itself");
        assert!(out.status.success(), "{}: {}", entry.name, String::from_utf8_lossy(&out.stderr));
        print!("{}", String::from_utf8_lossy(&out.stdout));
    }
}

fn input_bytes(case: &hostile::Case) -> usize {
    case.statements.iter().map(|s| s.text.len()).sum()
}

/// Runs case `i` and prints its row.
fn run_case(i: usize) {
    let entry = hostile::table().into_iter().nth(i).expect("a case of the table");
    let mut case = (entry.build)(1);
    if std::env::var_os("REFRAIN_HOSTILE_DEFAULTS").is_some() {
        let defaults = refrain::Options::default();
        let mut options = refrain::Options::builder();
        for (name, value) in case.options.values() {
            options = options.set(name, value).expect("a case's own option sets it");
        }
        case.options = options
            .work_budget(defaults.work_budget())
            .work_per_word(defaults.work_per_word())
            .build()
            .expect("the default budget is valid");
    }
    let bytes = input_bytes(&case);
    let start = Instant::now();
    let ((mut corpus, report), peak) = with_peak(|| {
        let mut corpus = Corpus::new(case.options.clone());
        for s in &case.statements {
            if corpus.add(s.clone()).is_err() {
                break;
            }
        }
        let report = corpus.compare();
        (corpus, report)
    });
    let time = start.elapsed();
    let start = Instant::now();
    let (_, query_peak) = with_peak(|| {
        let mut queries = case.queries.clone();
        queries.push(("common security".to_string(), None));
        for (q, _) in &queries {
            let _ = corpus.query(q);
        }
    });
    let query_time = start.elapsed();
    let mib = |p: Option<u64>| p.map_or("-".to_string(), |p| format!("{:.1} MiB", p as f64 / (1 << 20) as f64));
    let multiple = |p: Option<u64>| p.map_or("-".to_string(), |p| format!("{:.1}", p as f64 / bytes.max(1) as f64));
    println!(
        "{:<46} {:>10} {:>9} {:>10} {:>7} {:>12} {:>5} {:>9} {:>10} {:>7}  {}",
        entry.name,
        bytes,
        secs(time),
        mib(peak),
        multiple(peak),
        report.stats.work,
        report.families.len(),
        secs(query_time),
        mib(query_peak),
        multiple(query_peak),
        report.notes.iter().map(|n| n.split(':').next().unwrap_or(n)).collect::<Vec<_>>().join(" | ")
    );
}

fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else {
        format!("{:.1} ms", s * 1e3)
    }
}
