//! The progress bar on stderr: the stage, how far it has come, and an estimate of the time it
//! has left. Shown when stderr is a terminal (or `--progress always`); it names stages and
//! counts, never the text.

use crate::args::When;
use crate::Failure;
use refrain::{Error, Progress};
use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

/// Runs `run` (a comparison or a contrast) with a progress bar when `when` asks for one.
pub fn with_bar<T>(
    when: When,
    run: impl FnOnce(&mut dyn FnMut(Progress) -> bool) -> Result<T, Error>,
) -> Result<T, Failure> {
    let terminal = io::stderr().is_terminal();
    let shown = match when {
        When::Auto => terminal,
        When::Always => true,
        When::Never => false,
    };
    let result = if shown {
        let mut bar = ProgressBar::new(io::stderr(), terminal);
        let r = run(&mut |p| {
            bar.show(p.stage.name(), p.done, p.total, Instant::now());
            true
        });
        bar.finish();
        r
    } else {
        run(&mut |_| true)
    };
    result.map_err(|e| Failure::engine(&e))
}

/// A one-line bar on stderr, redrawn in place on a terminal (or written as lines, at most one a
/// second, elsewhere): shown once a run has taken a moment, redrawn only when what it shows
/// changes, and at most twenty times a second.
struct ProgressBar<W: Write> {
    out: W,
    terminal: bool,
    start: Instant,
    /// The current stage, and when it started (when the stage before it was last heard of).
    stage: Option<(&'static str, Instant)>,
    last_heard: Option<Instant>,
    last_draw: Option<Instant>,
    last: String,
}

impl<W: Write> ProgressBar<W> {
    const DELAY: Duration = Duration::from_millis(250);
    const INTERVAL: Duration = Duration::from_millis(50);
    /// Between two lines when stderr is not a terminal.
    const LINE_INTERVAL: Duration = Duration::from_secs(1);

    fn new(out: W, terminal: bool) -> ProgressBar<W> {
        let start = Instant::now();
        ProgressBar { out, terminal, start, stage: None, last_heard: None, last_draw: None, last: String::new() }
    }

    fn show(&mut self, stage: &'static str, done: u64, total: u64, now: Instant) {
        let started = match self.stage {
            Some((name, started)) if name == stage => started,
            _ => {
                let started = self.last_heard.unwrap_or(self.start);
                self.stage = Some((stage, started));
                started
            }
        };
        self.last_heard = Some(now);
        let interval = if self.terminal { Self::INTERVAL } else { Self::LINE_INTERVAL };
        if now.duration_since(self.start) < Self::DELAY
            || self.last_draw.is_some_and(|t| now.duration_since(t) < interval)
        {
            return;
        }
        let line = line(stage, permille(done, total), time_left(now.duration_since(started), done, total));
        if line == self.last {
            return;
        }
        let _ = if self.terminal { write!(self.out, "\r\x1b[2K{line}") } else { writeln!(self.out, "refrain: {line}") };
        let _ = self.out.flush();
        self.last = line;
        self.last_draw = Some(now);
    }

    /// Clears the bar from the terminal.
    fn finish(&mut self) {
        if self.terminal && self.last_draw.is_some() {
            let _ = write!(self.out, "\r\x1b[2K");
            let _ = self.out.flush();
        }
    }
}

/// `done` of `total` in thousandths, at most 1000 (an empty stage is done).
fn permille(done: u64, total: u64) -> u64 {
    (u128::from(done) * 1000).checked_div(u128::from(total)).map_or(1000, |x| x.min(1000) as u64)
}

/// The time a stage has left, at the pace it has gone so far: none before it has run a second
/// (too soon to tell), before its first unit is done, or once it is done.
fn time_left(elapsed: Duration, done: u64, total: u64) -> Option<Duration> {
    if elapsed < Duration::from_secs(1) || done == 0 || done >= total {
        return None;
    }
    let left = elapsed.as_secs_f64() * (total - done) as f64 / done as f64;
    Some(Duration::from_secs_f64(left.min(1e9)))
}

/// A duration on a clock, rounded up to the second: `0:07`, `12:30`, `1:02:03`.
fn clock(d: Duration) -> String {
    let s = d.as_secs() + u64::from(d.subsec_nanos() > 0);
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// The bar's line: `families  ████████████░░░░░░░░░░░░░░░░░░  40%  0:12 left`.
fn line(stage: &str, permille: u64, left: Option<Duration>) -> String {
    const WIDTH: u64 = 30;
    let filled = (permille.min(1000) * WIDTH / 1000) as usize;
    let bar = format!("{}{}", "█".repeat(filled), "░".repeat(WIDTH as usize - filled));
    let left = left.map(|d| format!("  {} left", clock(d))).unwrap_or_default();
    format!("{stage:<9} {bar} {:>3}%{left}", permille.min(1000) / 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_left_is_the_pace_so_far() {
        let s = Duration::from_secs;
        // A quarter done in 10 s: 30 s left.
        assert_eq!(time_left(s(10), 1, 4), Some(s(30)));
        assert_eq!(time_left(s(10), 250, 1000), Some(s(30)));
        assert_eq!(time_left(Duration::from_millis(1500), 3, 4), Some(Duration::from_millis(500)));
        // Too soon, nothing done yet, or done.
        assert_eq!(time_left(Duration::from_millis(900), 1, 4), None);
        assert_eq!(time_left(s(10), 0, 4), None);
        assert_eq!(time_left(s(10), 4, 4), None);
        assert_eq!(time_left(s(10), 5, 4), None);
        // A very slow start does not overflow.
        assert_eq!(time_left(s(u64::MAX / 4), 1, u64::MAX), Some(Duration::from_secs_f64(1e9)));
    }

    #[test]
    fn clocks_round_up_to_the_second() {
        assert_eq!(clock(Duration::from_millis(200)), "0:01");
        assert_eq!(clock(Duration::from_secs(7)), "0:07");
        assert_eq!(clock(Duration::from_millis(59_001)), "1:00");
        assert_eq!(clock(Duration::from_secs(750)), "12:30");
        assert_eq!(clock(Duration::from_secs(3723)), "1:02:03");
        assert_eq!(clock(Duration::ZERO), "0:00");
    }

    #[test]
    fn the_line_names_the_stage_and_the_time_left() {
        assert_eq!(
            line("families", 400, Some(Duration::from_secs(12))),
            "families  ████████████░░░░░░░░░░░░░░░░░░  40%  0:12 left"
        );
        assert_eq!(line("tokenize", 0, None), "tokenize  ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░   0%");
        assert_eq!(line("report", 1000, None), "report    ██████████████████████████████ 100%");
        assert_eq!(permille(1, 3), 333);
        assert_eq!(permille(5, 4), 1000);
        assert_eq!(permille(0, 0), 1000);
        assert_eq!(permille(u64::MAX, u64::MAX), 1000);
    }

    #[test]
    fn each_stage_has_its_own_pace() {
        let mut bar = ProgressBar::new(Vec::new(), false);
        let t0 = bar.start;
        let at = |ms: u64| t0 + Duration::from_millis(ms);
        // Not drawn in the first quarter second.
        bar.show("tokenize", 1, 8, at(100));
        // Two seconds for the first half of the first stage: two left.
        bar.show("tokenize", 4, 8, at(2000));
        // Drawn at most once a second off a terminal, and only when the line changes.
        bar.show("tokenize", 5, 8, at(2500));
        bar.show("tokenize", 4, 8, at(3100));
        // The next stage starts when the one before was last heard of.
        bar.show("repeats", 1, 3, at(4100));
        bar.show("repeats", 2, 3, at(5100));
        bar.finish();
        let lines = String::from_utf8(bar.out).unwrap();
        let lines: Vec<&str> = lines.lines().collect();
        assert_eq!(
            lines,
            [
                "refrain: tokenize  ███████████████░░░░░░░░░░░░░░░  50%  0:02 left",
                "refrain: tokenize  ███████████████░░░░░░░░░░░░░░░  50%  0:04 left",
                "refrain: repeats   █████████░░░░░░░░░░░░░░░░░░░░░  33%  0:02 left",
                "refrain: repeats   ███████████████████░░░░░░░░░░░  66%  0:01 left",
            ]
        );
    }

    #[test]
    fn on_a_terminal_the_bar_is_redrawn_in_place_and_cleared() {
        let mut bar = ProgressBar::new(Vec::new(), true);
        let t0 = bar.start;
        bar.show("families", 1, 2, t0 + Duration::from_millis(300));
        bar.show("families", 1, 2, t0 + Duration::from_millis(320));
        bar.show("report", 2, 2, t0 + Duration::from_millis(400));
        bar.finish();
        let out = String::from_utf8(bar.out).unwrap();
        assert_eq!(
            out,
            "\r\x1b[2Kfamilies  ███████████████░░░░░░░░░░░░░░░  50%\
             \r\x1b[2Kreport    ██████████████████████████████ 100%\r\x1b[2K"
        );
    }
}
