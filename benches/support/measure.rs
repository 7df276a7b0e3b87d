//! Measuring helpers shared by the bench targets (`#[path]`-included): medians, readable
//! durations and sizes, peak memory from `/proc/self/status`, and one end-to-end run.
//!
//! Peak memory is the process's high-water mark (VmHWM), reset before each measurement through
//! `/proc/self/clear_refs` where the kernel allows it; elsewhere it is not measured (`None`).

use refrain::{Corpus, Options, Report, Statement};
use std::time::Duration;

/// The median of some durations (the upper one of an even count).
pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// A duration in s, ms or µs with a sensible number of digits.
pub fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 1e-3 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{:.0} µs", s * 1e6)
    }
}

/// Bytes in MiB.
pub fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// A /proc/self/status figure in bytes (VmHWM: peak resident set; VmRSS: current).
pub fn proc_status(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// CPU time of this process so far, user and system, all threads (from /proc/self/stat, in
/// the kernel's USER_HZ ticks of 10 ms); None where unavailable.
#[allow(dead_code)] // benches/corpus.rs does not use it
pub fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start with field 3, the state.
    let fields: Vec<&str> = stat[stat.rfind(')')? + 1..].split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Resets the peak to the current resident set; false where the kernel does not allow it.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Runs `f`, returning its result and how far it raised the peak resident set above the
/// resident set before it (None when the peak cannot be reset).
pub fn peak_during<T>(f: impl FnOnce() -> T) -> (T, Option<u64>) {
    let resettable = reset_peak();
    let before = proc_status("VmRSS:");
    let out = f();
    let after = proc_status("VmHWM:");
    let delta = match (resettable, before, after) {
        (true, Some(b), Some(a)) => Some(a.saturating_sub(b)),
        _ => None,
    };
    (out, delta)
}

/// One end-to-end run through the public API: a corpus, every statement added, compared.
pub fn build_and_compare(statements: &[Statement], options: &Options) -> (Corpus, Report) {
    let mut corpus = Corpus::new(options.clone());
    for s in statements {
        corpus.add(s.clone()).expect("statement accepted");
    }
    let report = corpus.compare();
    (corpus, report)
}

/// The stages of one end-to-end run, in order, as the engine's progress reports mark them.
#[allow(dead_code)] // not every bench uses it
pub const STAGES: [&str; 11] = [
    "add statements",
    "tokenize + normalize",
    "index (terms, weights, postings)",
    "suffix array",
    "LCP array",
    "repeats (walk)",
    "grouping + variants (alignment)",
    "coverage + similarity",
    "ranking",
    "families built",
    "report (summaries)",
];

/// The time this process's threads have spent on the CPU so far, to the nanosecond (from
/// /proc/self/task/*/schedstat; threads that have ended are not counted); None where
/// unavailable.
#[allow(dead_code)] // not every bench uses it
pub fn threads_cpu() -> Option<Duration> {
    let mut ns = 0u64;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        ns += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(Duration::from_nanos(ns))
}

/// Per stage of [`STAGES`]: the wall time and the CPU time of all threads (None where
/// unavailable) of one end-to-end run, from the engine's progress reports: the last
/// statement tokenized, the repeats started, the suffix array done, the LCP array done, the
/// repeats done, then each step of the report. A stage the run never reports is zero.
#[allow(dead_code)] // not every bench uses it
pub fn stage_times(statements: &[Statement], options: &Options) -> Vec<(Duration, Option<Duration>)> {
    use refrain::Stage;
    type Mark = (std::time::Instant, Option<Duration>);
    let mark = || (std::time::Instant::now(), threads_cpu());
    let mut marks: Vec<Option<Mark>> = vec![None; STAGES.len() + 1];
    marks[0] = Some(mark());
    let mut corpus = Corpus::new(options.clone());
    for s in statements {
        corpus.add(s.clone()).expect("statement accepted");
    }
    marks[1] = Some(mark());
    let report = corpus
        .compare_with_progress(&mut |p| {
            // The end of which stage this report marks.
            let ended = match p.stage {
                Stage::Tokenize if p.done == p.total => Some(2),
                Stage::Repeats => Some(3 + p.done as usize),
                Stage::Report => Some(7 + p.done as usize),
                _ => None,
            };
            if let Some(slot) = ended.and_then(|k| marks.get_mut(k)).filter(|m| m.is_none()) {
                *slot = Some(mark());
            }
            true
        })
        .expect("not cancelled");
    drop(report);
    let mut out = Vec::new();
    let mut prev = marks[0].expect("the start");
    for m in &marks[1..] {
        match m {
            Some(m) => {
                out.push((m.0 - prev.0, m.1.zip(prev.1).map(|(b, a)| b - a)));
                prev = *m;
            }
            None => out.push((Duration::ZERO, Some(Duration::ZERO))),
        }
    }
    out
}
