//! The progress bar: on stderr, only when stderr is a terminal.

use crate::Failure;
use refrain::{Error, Progress};
use std::io::{self, IsTerminal, Write};

/// Runs `run` (a comparison or a contrast) with a progress bar when stderr is a terminal.
pub fn with_bar<T>(run: impl FnOnce(&mut dyn FnMut(Progress) -> bool) -> Result<T, Error>) -> Result<T, Failure> {
    let result = if io::stderr().is_terminal() {
        let mut bar = ProgressBar::default();
        let r = run(&mut |p| {
            bar.show(p);
            true
        });
        bar.finish();
        r
    } else {
        run(&mut |_| true)
    };
    result.map_err(|e| Failure::engine(&e))
}

/// A one-line bar on stderr, shown once a run has taken a moment, redrawn only when what it
/// shows changes, and at most twenty times a second.
struct ProgressBar {
    start: std::time::Instant,
    last_draw: Option<std::time::Instant>,
    last: Option<(&'static str, u64)>,
    drawn: bool,
}

impl Default for ProgressBar {
    fn default() -> ProgressBar {
        ProgressBar { start: std::time::Instant::now(), last_draw: None, last: None, drawn: false }
    }
}

impl ProgressBar {
    const WIDTH: u64 = 30;
    const DELAY: std::time::Duration = std::time::Duration::from_millis(250);
    const INTERVAL: std::time::Duration = std::time::Duration::from_millis(50);

    fn show(&mut self, p: Progress) {
        let now = std::time::Instant::now();
        if now.duration_since(self.start) < Self::DELAY
            || self.last_draw.is_some_and(|t| now.duration_since(t) < Self::INTERVAL)
        {
            return;
        }
        let permille =
            (u128::from(p.done) * 1000).checked_div(u128::from(p.total)).map_or(1000, |x| x.min(1000) as u64);
        let key = (p.stage.name(), permille / 5);
        if self.last == Some(key) {
            return;
        }
        self.last = Some(key);
        self.last_draw = Some(now);
        let filled = (permille * Self::WIDTH / 1000) as usize;
        let bar = format!("{}{}", "█".repeat(filled), "░".repeat(Self::WIDTH as usize - filled));
        let _ = write!(io::stderr(), "\r\x1b[2K{:<9} {bar} {:>3}%", p.stage.name(), permille / 10);
        let _ = io::stderr().flush();
        self.drawn = true;
    }

    fn finish(&mut self) {
        if self.drawn {
            let _ = write!(io::stderr(), "\r\x1b[2K");
            let _ = io::stderr().flush();
        }
    }
}
