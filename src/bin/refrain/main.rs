//! `refrain`: the command line.
//!
//! ```text
//! refrain compare FILE_OR_DIR... [--text | --json | --csv] [OPTIONS]
//! refrain query PHRASE FILE_OR_DIR... [--text | --json | --csv] [OPTIONS]
//! refrain contrast [FILE_OR_DIR...] --a FILE_OR_DIR... [--b FILE_OR_DIR...] [--text | --json | --csv] [OPTIONS]
//! refrain contrast FILE_OR_DIR... --by KEY=VALUE[:VALUE] [--text | --json | --csv] [OPTIONS]
//! refrain align ZH_FILE EN_FILE [--text | --json]
//! refrain completions bash|zsh|fish|elvish|powershell
//! refrain man
//! ```
//!
//! A statement's id is its path as given (directories are read recursively for `.txt` files,
//! in sorted order). A `.json` sidecar with the same stem supplies title, speaker, date and
//! language. Exit codes: 0 success, 1 input error (unreadable file, invalid UTF-8, bad
//! sidecar, a statement the engine refuses), 2 usage error (unknown flag, invalid option).
//!
//! `--jobs N` sizes rayon's global pool (reading files, tokenizing); `--progress` shows the bar.
//! The report is written on stdout as it is made, never held whole as a string.
//!
//! Modules: `args` (the command line, clap; the engine's options come from the table in
//! `refrain::options`), `input` (files, read in parallel, and sidecars), `groups` (the groups of
//! `contrast`), `progress`, `render_text` (`--text`) and `csv` (`--csv`). The user's text appears only on
//! stdout, as the report's content; messages on stderr name files, offsets and options, never
//! the text.

mod args;
mod csv;
mod groups;
mod input;
mod progress;
mod render_text;

use args::{Cli, Command, Format};
use clap::Parser;
use refrain::{Corpus, Error};
use render_text::Lines;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// Why the program stops: the message for stderr and the exit code.
pub struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn input(message: impl Into<String>) -> Failure {
        Failure { code: 1, message: message.into() }
    }
    fn usage(message: impl Into<String>) -> Failure {
        Failure { code: 2, message: message.into() }
    }
    fn engine(e: &Error) -> Failure {
        let code = match e.code() {
            "invalid_option" | "empty_query" | "query_too_long" => 2,
            _ => 1,
        };
        Failure { code, message: format!("{e} [{}]", e.code()) }
    }
}

fn main() -> ExitCode {
    // Usage errors exit with 2, --help and --version with 0 (clap prints them).
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            let _ = writeln!(io::stderr(), "refrain: error: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let format = cli.output.format().unwrap_or_else(|e| e.exit());
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(jobs) = cli.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.get())
            .build_global()
            .map_err(|e| Failure::input(format!("cannot start {jobs} threads: {e}")))?;
    }
    let bar = cli.progress;
    match cli.command {
        Command::Compare { inputs } => {
            let report = {
                let mut corpus = corpus(cli.engine.options, &inputs)?;
                progress::with_bar(bar, |p| corpus.compare_with_progress(p))?
            }; // the statements and their index are freed before the report is written
            write(format, &report, csv::compare, |out, r| render_text::compare(out, r, cli.output.top))
        }
        Command::Query { phrase, inputs } => {
            let mut corpus = corpus(cli.engine.options, &inputs)?;
            let report = corpus.query(&phrase).map_err(|e| Failure::engine(&e))?;
            let statements = corpus.statements();
            write(
                format,
                &report,
                |out, r| csv::query(out, r, statements),
                |out, r| render_text::query(out, r, statements),
            )
        }
        Command::Contrast(args) => {
            let report = {
                let mut g = groups::groups(cli.engine.options, &args)?;
                progress::with_bar(bar, |p| g.corpus.contrast_with_progress(&g.a, &g.b, &g.label_a, &g.label_b, p))?
            };
            write(format, &report, csv::contrast, |out, r| render_text::contrast(out, r, cli.output.top))
        }
        Command::Align { zh, en } => {
            let zh = input::read_statement(std::path::Path::new(&zh))?;
            let en = input::read_statement(std::path::Path::new(&en))?;
            let report = refrain::align_texts(&zh.text, &en.text);
            let csv = |_: &mut dyn Write, _: &refrain::report::Alignment| -> io::Result<()> {
                args::command()
                    .error(clap::error::ErrorKind::ArgumentConflict, "align writes --text or --json, not --csv")
                    .exit()
            };
            write(format, &report, csv, |out, r| render_text::align(out, r, &zh.id, &en.id))
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut args::command(), "refrain", &mut script);
            emit(|out| out.write_all(&script))
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(args::command())
                .render(&mut page)
                .map_err(|e| Failure::input(format!("cannot write the manual page: {e}")))?;
            emit(|out| out.write_all(&page))
        }
    }
}

/// A corpus of the statements named on the command line.
fn corpus(options: refrain::Options, inputs: &[String]) -> Result<Corpus, Failure> {
    let mut corpus = Corpus::new(options);
    for s in input::read_inputs(inputs)? {
        corpus.add(s).map_err(|e| Failure::engine(&e))?;
    }
    Ok(corpus)
}

/// Writes the output on stdout as it is made, through a buffer; a closed pipe (`refrain ... |
/// head`) ends the writing and is not an error.
fn emit(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Failure> {
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::input(format!("cannot write the output: {e}"))),
    }
}

/// Writes a report in the format asked for: JSON, its CSV rows, or its readable summary.
fn write<T: serde::Serialize>(
    format: Format,
    report: &T,
    csv: impl FnOnce(&mut dyn Write, &T) -> io::Result<()>,
    text: impl FnOnce(&mut Lines<&mut dyn Write>, &T),
) -> Result<(), Failure> {
    emit(|out| match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, report)?;
            out.write_all(b"\n")
        }
        Format::Csv => csv(out, report),
        Format::Text => {
            let mut lines = Lines::new(out);
            text(&mut lines, report);
            lines.finish()
        }
    })
}
