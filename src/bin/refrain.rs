//! `refrain`: the command line.
//!
//! ```text
//! refrain compare FILE_OR_DIR... [--text | --json | --csv] [OPTIONS]
//! refrain query PHRASE FILE_OR_DIR... [--text | --json | --csv] [OPTIONS]
//! ```
//!
//! A statement's id is its path as given (directories are read recursively for `.txt` files,
//! in sorted order). A `.json` sidecar with the same stem supplies title, speaker, date and
//! language. Exit codes: 0 success, 1 input error (unreadable file, invalid UTF-8, bad
//! sidecar, a statement the engine refuses), 2 usage error (unknown flag, invalid option).
//!
//! The user's text appears only on stdout, as the report's content; messages on stderr name
//! files, offsets and options, never the text.

use refrain::report::{Edit, EditOp, Family, QueryReport, Report};
use refrain::{Corpus, Error, Options, OptionsBuilder, Progress, Statement};
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
Usage: refrain compare FILE_OR_DIR... [--text | --json | --csv] [OPTIONS]
       refrain query PHRASE FILE_OR_DIR... [--text | --json | --csv] [OPTIONS]
       refrain --help | --version";

const HELP: &str = "\
Commands:
  compare FILE_OR_DIR...        find shared passages and formula families
  query PHRASE FILE_OR_DIR...   find every place where PHRASE or a variant of it occurs

Each file is one statement; its id is the path as given. Directories are read recursively
for *.txt files (hidden entries skipped), in sorted order. A sidecar FILE.json next to
FILE.txt may give \"title\", \"speaker\", \"date\" (YYYY, YYYY-MM or YYYY-MM-DD first) and
\"language\"; other keys are ignored. Files must be UTF-8.

Output (on stdout):
  --text                  a readable summary (default)
  --json                  the full report as JSON
  --csv                   compare: one row per family occurrence; query: one row per occurrence
  --top N                 --text: show the N strongest families (default 12)

Options of the engine:
  --min-statements N      fewest statements a family must occur in (default 2)
  --min-words N           fewest content words in a family's root (default 2)
  --min-weight X          least summed weight of a family's root (default 0.85)
  --fuzzy-threshold X     least similarity, in (0, 1], for a variant to join a family (default 0.75)
  --max-families N        most families in the report (default 300)
  --min-score X           query: least score, in (0, 1], of an occurrence (default 0.5)
  --max-results N         query: most occurrences (default 500)
  --no-synonyms           near-synonyms (true / genuine / real) do not fill the same slot
  --no-spelling           British and American spellings differ
  --no-inflection         plurals and third-person -s differ
  --work-budget N         most units of work of one run (default 400000000)

  -h, --help              this help
  -V, --version           the version

Exit status: 0 success, 1 input error (unreadable file, invalid UTF-8, bad sidecar),
2 usage error (unknown flag, invalid option value).";

/// Why the program stops: the message for stderr and the exit code.
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    /// A wrong value or flag: the message and a pointer to `--help`.
    fn usage(message: impl Into<String>) -> Failure {
        Failure { code: 2, message: format!("{}\nTry 'refrain --help' for more.", message.into()) }
    }
    /// A command line missing its command or inputs: the message and the synopsis.
    fn synopsis(message: impl Into<String>) -> Failure {
        Failure { code: 2, message: format!("{}\n{USAGE}", message.into()) }
    }
    fn input(message: impl Into<String>) -> Failure {
        Failure { code: 1, message: message.into() }
    }
    fn engine(e: &Error) -> Failure {
        let code = match e.code() {
            "invalid_option" | "empty_query" | "query_too_long" => 2,
            _ => 1,
        };
        Failure { code, message: format!("{e} [{}]", e.code()) }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Command {
    Compare,
    Query,
}

struct Args {
    command: Command,
    phrase: Option<String>,
    inputs: Vec<String>,
    format: Format,
    top: usize,
    options: Options,
}

fn main() -> ExitCode {
    let argv: Vec<String> = match std::env::args_os().skip(1).map(|a| a.into_string()).collect() {
        Ok(v) => v,
        Err(_) => return fail(Failure::usage("an argument is not valid UTF-8")),
    };
    match run(&argv) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => fail(f),
    }
}

fn fail(f: Failure) -> ExitCode {
    let _ = writeln!(io::stderr(), "refrain: error: {}", f.message);
    ExitCode::from(f.code)
}

fn run(argv: &[String]) -> Result<(), Failure> {
    let Some(args) = parse_args(argv)? else { return Ok(()) };
    let statements = read_inputs(&args.inputs)?;
    let mut corpus = Corpus::new(args.options.clone());
    for s in statements {
        corpus.add(s).map_err(|e| Failure::engine(&e))?;
    }
    let mut out = String::new();
    match args.command {
        Command::Compare => {
            let report = compare(&mut corpus)?;
            match args.format {
                Format::Json => out = to_json(&report)?,
                Format::Csv => write_compare_csv(&mut out, &report),
                Format::Text => write_compare_text(&mut out, &report, args.top),
            }
        }
        Command::Query => {
            let phrase = args.phrase.as_deref().unwrap_or_default();
            let report = corpus.query(phrase).map_err(|e| Failure::engine(&e))?;
            match args.format {
                Format::Json => out = to_json(&report)?,
                Format::Csv => write_query_csv(&mut out, &report),
                Format::Text => write_query_text(&mut out, &report, corpus.statements()),
            }
        }
    }
    emit(&out)
}

/// Writes the output; a closed pipe (`refrain ... | head`) is not an error.
fn emit(out: &str) -> Result<(), Failure> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::input(format!("cannot write the output: {e}"))),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    let mut s = serde_json::to_string_pretty(value).map_err(|e| Failure::input(format!("cannot write JSON: {e}")))?;
    s.push('\n');
    Ok(s)
}

// ---------------------------------------------------------------------------------------------
// Arguments

/// Parses the command line; `Ok(None)` when `--help` or `--version` was answered.
fn parse_args(argv: &[String]) -> Result<Option<Args>, Failure> {
    let mut command = None;
    let mut positional = Vec::new();
    let mut format = None;
    let mut top = 12;
    let mut builder = Options::builder();
    let mut given: Vec<(&'static str, String)> = Vec::new(); // (builder name, flag as given)
    let mut i = 0;
    let mut only_positional = false;
    while i < argv.len() {
        let arg = &argv[i];
        i += 1;
        if only_positional || arg == "-" || !arg.starts_with('-') {
            if command.is_none() {
                command = Some(match arg.as_str() {
                    "compare" => Command::Compare,
                    "query" => Command::Query,
                    "help" => {
                        print_help()?;
                        return Ok(None);
                    }
                    other => {
                        return Err(Failure::usage(format!("unknown command '{other}' (expected compare or query)")))
                    }
                });
            } else {
                positional.push(arg.clone());
            }
            continue;
        }
        if arg == "--" {
            only_positional = true;
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, Failure> {
            if let Some(v) = &inline {
                return Ok(v.clone());
            }
            match argv.get(i) {
                Some(v) => {
                    i += 1;
                    Ok(v.clone())
                }
                None => Err(Failure::usage(format!("{name} needs a value"))),
            }
        };
        let switch = |f: &str| -> Result<(), Failure> {
            match inline {
                Some(_) => Err(Failure::usage(format!("{f} takes no value"))),
                None => Ok(()),
            }
        };
        let mut set_format = |f: Format| -> Result<(), Failure> {
            switch(flag)?;
            if format.is_some_and(|old| old != f) {
                return Err(Failure::usage("give at most one of --text, --json, --csv"));
            }
            format = Some(f);
            Ok(())
        };
        match flag {
            "-h" | "--help" => {
                print_help()?;
                return Ok(None);
            }
            "-V" | "--version" => {
                print_stdout(&format!("refrain {}", env!("CARGO_PKG_VERSION")))?;
                return Ok(None);
            }
            "--text" => set_format(Format::Text)?,
            "--json" => set_format(Format::Json)?,
            "--csv" => set_format(Format::Csv)?,
            "--top" => top = parse_number::<usize>(flag, &value(flag)?)?,
            "--no-synonyms" => {
                switch(flag)?;
                builder = builder.synonyms(false);
            }
            "--no-spelling" => {
                switch(flag)?;
                builder = builder.spelling(false);
            }
            "--no-inflection" => {
                switch(flag)?;
                builder = builder.inflection(false);
            }
            _ => {
                let Some(&(_, name)) = NUMERIC_OPTIONS.iter().find(|(f, _)| *f == flag) else {
                    return Err(Failure::usage(format!("unknown option '{flag}'")));
                };
                let v = value(flag)?;
                builder = set_numeric(builder, name, flag, &v)?;
                given.push((name, flag.to_string()));
            }
        }
    }
    let Some(command) = command else {
        return Err(Failure::synopsis("no command given"));
    };
    let mut positional = positional.into_iter();
    let phrase = match command {
        Command::Query => Some(
            positional.next().ok_or_else(|| Failure::synopsis("query needs a PHRASE and at least one FILE_OR_DIR"))?,
        ),
        Command::Compare => None,
    };
    let inputs: Vec<String> = positional.collect();
    if inputs.is_empty() {
        return Err(Failure::synopsis("no FILE_OR_DIR given"));
    }
    let options = builder.build().map_err(|e| {
        let flag = given.iter().rev().find(|(name, _)| *name == e.option).map(|(_, f)| f.as_str());
        let hint = match flag {
            Some(flag) => format!(" (given as {flag})"),
            None => String::new(),
        };
        Failure::usage(format!("{e}{hint}"))
    })?;
    Ok(Some(Args { command, phrase, inputs, format: format.unwrap_or(Format::Text), top, options }))
}

/// Flags taking a number, and the builder setter each one maps to.
const NUMERIC_OPTIONS: &[(&str, &str)] = &[
    ("--min-statements", "min_statements"),
    ("--min-words", "min_words"),
    ("--min-weight", "min_weight"),
    ("--fuzzy-threshold", "fuzzy_threshold"),
    ("--max-families", "max_families"),
    ("--min-score", "query_min_score"),
    ("--max-results", "query_max_results"),
    ("--work-budget", "work_budget"),
];

fn set_numeric(b: OptionsBuilder, name: &str, flag: &str, v: &str) -> Result<OptionsBuilder, Failure> {
    Ok(match name {
        "min_statements" => b.min_statements(parse_number(flag, v)?),
        "min_words" => b.min_words(parse_number(flag, v)?),
        "min_weight" => b.min_weight(parse_number(flag, v)?),
        "fuzzy_threshold" => b.fuzzy_threshold(parse_number(flag, v)?),
        "max_families" => b.max_families(parse_number(flag, v)?),
        "query_min_score" => b.query_min_score(parse_number(flag, v)?),
        "query_max_results" => b.query_max_results(parse_number(flag, v)?),
        "work_budget" => b.work_budget(parse_number(flag, v)?),
        _ => unreachable!("every entry of NUMERIC_OPTIONS has a setter"),
    })
}

/// A number kind with a name for messages.
trait Number: std::str::FromStr {
    const WHAT: &'static str;
}
impl Number for usize {
    const WHAT: &'static str = "a whole number";
}
impl Number for u64 {
    const WHAT: &'static str = "a whole number";
}
impl Number for f64 {
    const WHAT: &'static str = "a number";
}

fn parse_number<T: Number>(flag: &str, v: &str) -> Result<T, Failure> {
    let cleaned: String = v.trim().chars().filter(|&c| c != '_').collect();
    cleaned.parse::<T>().map_err(|_| Failure::usage(format!("{flag} expects {}, got '{v}'", T::WHAT)))
}

fn print_help() -> Result<(), Failure> {
    print_stdout(&format!(
        "refrain {}: find the phrasing that statements share.\n\n{USAGE}\n\n{HELP}",
        env!("CARGO_PKG_VERSION")
    ))
}

fn print_stdout(s: &str) -> Result<(), Failure> {
    emit(&format!("{s}\n"))
}

// ---------------------------------------------------------------------------------------------
// Input

/// Reads every statement named on the command line, in order.
fn read_inputs(inputs: &[String]) -> Result<Vec<Statement>, Failure> {
    let mut statements = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        let meta =
            std::fs::metadata(path).map_err(|e| Failure::input(format!("cannot read {input}: {}", io_reason(&e))))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files)?;
            if files.is_empty() {
                return Err(Failure::input(format!("{input} holds no .txt file")));
            }
            files.sort();
            for f in files {
                statements.push(read_statement(&f)?);
            }
        } else {
            statements.push(read_statement(path)?);
        }
    }
    Ok(statements)
}

/// Collects the `.txt` files under `dir`, recursively; hidden entries and symbolic links to
/// directories are skipped (no cycles).
fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Failure::input(format!("cannot read directory {}: {}", dir.display(), io_reason(&e))))?;
    for entry in entries {
        let entry =
            entry.map_err(|e| Failure::input(format!("cannot read directory {}: {}", dir.display(), io_reason(&e))))?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|e| Failure::input(format!("cannot read {}: {}", path.display(), io_reason(&e))))?;
        if kind.is_dir() {
            walk(&path, files)?;
        } else if is_txt(&path) && (kind.is_file() || (kind.is_symlink() && path.is_file())) {
            files.push(path);
        }
    }
    Ok(())
}

fn is_txt(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

fn read_statement(path: &Path) -> Result<Statement, Failure> {
    let id = path.to_string_lossy().into_owned();
    let bytes = std::fs::read(path).map_err(|e| Failure::input(format!("cannot read {id}: {}", io_reason(&e))))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let err = e.utf8_error();
        let offset = err.valid_up_to();
        let what = match err.error_len() {
            Some(n) => format!("an invalid sequence of {n} byte{}", if n == 1 { "" } else { "s" }),
            None => "a sequence cut short at the end of the file".to_string(),
        };
        Failure::input(format!("{id} is not valid UTF-8: {what} at byte offset {offset}"))
    })?;
    let mut statement = Statement::new(id, text);
    if is_txt(path) {
        let sidecar = path.with_extension("json");
        if sidecar.is_file() {
            read_sidecar(&sidecar, &mut statement)?;
        }
    }
    Ok(statement)
}

/// Reads title, speaker, date and language from a sidecar; other keys are ignored.
fn read_sidecar(path: &Path, statement: &mut Statement) -> Result<(), Failure> {
    let name = path.to_string_lossy();
    let bytes =
        std::fs::read(path).map_err(|e| Failure::input(format!("cannot read sidecar {name}: {}", io_reason(&e))))?;
    let value: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| Failure::input(format!("sidecar {name} is not valid JSON: {}", json_reason(&e))))?;
    let serde_json::Value::Object(map) = value else {
        return Err(Failure::input(format!("sidecar {name} must hold a JSON object")));
    };
    let field = |key: &str| -> Result<Option<String>, Failure> {
        match map.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(serde_json::Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(Failure::input(format!("sidecar {name}: \"{key}\" must be a string"))),
        }
    };
    statement.title = field("title")?;
    statement.speaker = field("speaker")?;
    statement.date = field("date")?;
    statement.language = field("language")?;
    Ok(())
}

/// serde_json's message names the line and column; syntax messages never quote the input.
fn json_reason(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof => e.to_string(),
        _ => format!("invalid content at line {} column {}", e.line(), e.column()),
    }
}

// ---------------------------------------------------------------------------------------------
// Progress

fn compare(corpus: &mut Corpus) -> Result<Report, Failure> {
    let result = if io::stderr().is_terminal() {
        let mut bar = ProgressBar::default();
        let r = corpus.compare_with_progress(&mut |p| {
            bar.show(p);
            true
        });
        bar.finish();
        r
    } else {
        corpus.compare_with_progress(&mut |_| true)
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

// ---------------------------------------------------------------------------------------------
// CSV

/// One field, quoted when it holds a comma, a quote, a line break or edge spaces (RFC 4180).
fn csv_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn csv_row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, f);
    }
    out.push_str("\r\n");
}

fn write_compare_csv(out: &mut String, report: &Report) {
    csv_row(
        out,
        &[
            "family", "rank", "root", "score", "statements", "speakers", "doc", "start", "end", "utf16_start",
            "utf16_end", "similarity", "text",
        ],
    );
    for (rank, f) in report.families.iter().enumerate() {
        let (rank, score, statements, speakers) =
            ((rank + 1).to_string(), f.score.to_string(), f.statements.to_string(), f.speakers.to_string());
        for o in &f.occurrences {
            let e = &o.excerpt;
            csv_row(
                out,
                &[
                    &f.id,
                    &rank,
                    &f.root,
                    &score,
                    &statements,
                    &speakers,
                    &e.doc,
                    &e.start.to_string(),
                    &e.end.to_string(),
                    &e.utf16_start.to_string(),
                    &e.utf16_end.to_string(),
                    &o.similarity.to_string(),
                    &e.text,
                ],
            );
        }
    }
}

fn write_query_csv(out: &mut String, report: &QueryReport) {
    csv_row(
        out,
        &[
            "rank", "score", "doc", "start", "end", "utf16_start", "utf16_end", "family", "before", "text", "after",
            "explanation",
        ],
    );
    for (rank, o) in report.occurrences.iter().enumerate() {
        let e = &o.excerpt;
        csv_row(
            out,
            &[
                &(rank + 1).to_string(),
                &o.score.to_string(),
                &e.doc,
                &e.start.to_string(),
                &e.end.to_string(),
                &e.utf16_start.to_string(),
                &e.utf16_end.to_string(),
                o.family.as_deref().unwrap_or(""),
                &o.before,
                &e.text,
                &o.after,
                &explain(&o.explanation),
            ],
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Text

/// Collapses runs of whitespace (line breaks, tabs, NBSP) to one space, for one-line display.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// At most `max` characters of `s`, cut with an ellipsis.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}

/// At most `max` characters of `s`, cut in the middle (labels differ at both ends).
fn clip_middle(s: &str, max: usize) -> String {
    let n = s.chars().count();
    if n <= max || max < 3 {
        return s.to_string();
    }
    let head = (max - 1) / 2;
    let tail = max - 1 - head;
    let mut t: String = s.chars().take(head).collect();
    t.push('…');
    t.extend(s.chars().skip(n - tail));
    t
}

/// The last `max` characters of `s`, cut with a leading ellipsis.
fn clip_start(s: &str, max: usize) -> String {
    let n = s.chars().count();
    if n <= max {
        return s.to_string();
    }
    let mut t = String::from("…");
    t.extend(s.chars().skip(n - max.saturating_sub(1)));
    t
}

/// Short, unique labels for statement ids: the file name without `.txt`, with as many parent
/// folders as it takes to tell them apart.
fn short_labels(ids: &[String]) -> Vec<String> {
    let parts: Vec<Vec<&str>> = ids
        .iter()
        .map(|id| {
            let mut p: Vec<&str> = id.split(['/', '\\']).filter(|s| !s.is_empty()).collect();
            if let Some(last) = p.last_mut() {
                if let Some(stem) = last.strip_suffix(".txt").or_else(|| last.strip_suffix(".TXT")) {
                    if !stem.is_empty() {
                        *last = stem;
                    }
                }
            }
            p
        })
        .collect();
    let mut depth = vec![1usize; ids.len()];
    let label = |i: usize, d: usize| -> String {
        let p = &parts[i];
        if p.is_empty() {
            return ids[i].clone();
        }
        p[p.len().saturating_sub(d)..].join("/")
    };
    loop {
        let labels: Vec<String> = (0..ids.len()).map(|i| label(i, depth[i])).collect();
        let mut changed = false;
        for i in 0..ids.len() {
            let clash = labels.iter().enumerate().any(|(j, l)| j != i && *l == labels[i]);
            if clash && depth[i] < parts[i].len() {
                depth[i] += 1;
                changed = true;
            }
        }
        if !changed {
            return labels;
        }
    }
}

fn percent(x: f64) -> String {
    format!("{:.0}%", (x * 100.0).clamp(0.0, 100.0))
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn bar(x: f64, width: usize) -> String {
    let eighths = ((x.clamp(0.0, 1.0) * width as f64 * 8.0).round()) as usize;
    let mut s = "█".repeat(eighths / 8);
    if eighths % 8 > 0 {
        s.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8]);
    }
    let len = s.chars().count();
    s.extend(std::iter::repeat('·').take(width.saturating_sub(len)));
    s
}

fn write_compare_text(out: &mut String, report: &Report, top: usize) {
    let ids: Vec<String> = report.statements.iter().map(|s| s.id.clone()).collect();
    let labels = short_labels(&ids);
    let label_of =
        |id: &str| -> String { ids.iter().position(|x| x == id).map_or_else(|| id.to_string(), |i| labels[i].clone()) };
    let st = &report.stats;
    let _ = writeln!(
        out,
        "{} statements, {} words: {} families found{}",
        st.statements,
        thousands(st.words),
        st.families_found,
        if report.families.len() < st.families_found {
            format!(", {} in the report", report.families.len())
        } else {
            String::new()
        }
    );
    for note in &report.notes {
        let _ = writeln!(out, "note: {note}");
    }

    // Families.
    let shown = report.families.len().min(top);
    if shown > 0 {
        let _ = writeln!(
            out,
            "\nStrongest families{}:",
            if shown < report.families.len() {
                format!(" ({shown} of {})", report.families.len())
            } else {
                String::new()
            }
        );
    }
    for f in report.families.iter().take(shown) {
        write_family(out, f, &label_of);
    }
    if report.families.is_empty() {
        let _ = writeln!(out, "\nNo shared passage found.");
    }

    // Shares.
    if !report.statements.is_empty() {
        let _ = writeln!(out, "\nShared share (content words lying in shared passages):");
        let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0).min(40);
        for (s, label) in report.statements.iter().zip(&labels) {
            let who =
                [s.speaker.as_deref(), s.date_key.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
            let _ = writeln!(
                out,
                "  {:<width$}  {:>4}  {}  {:>7} words{}",
                clip_middle(label, 40),
                percent(s.shared_share),
                bar(s.shared_share, 20),
                thousands(s.words),
                if who.is_empty() { String::new() } else { format!("  {}", clip(&who, 40)) },
            );
        }
    }

    // Similarity.
    write_similarity(out, report, &labels);
}

fn write_family(out: &mut String, f: &Family, label_of: &dyn Fn(&str) -> String) {
    let mut wordings: Vec<String> = f.occurrences.iter().map(|o| one_line(&o.excerpt.text).to_lowercase()).collect();
    wordings.sort();
    wordings.dedup();
    let _ = writeln!(out, "\n{:>4}  “{}”", f.id, clip(&one_line(&f.root), 100));
    let _ = writeln!(
        out,
        "      score {:.2} · {} statement{} · {} speaker{} · {} occurrence{} · {} wording{} · stability {:.2}",
        f.score,
        f.statements,
        plural(f.statements),
        f.speakers,
        plural(f.speakers),
        f.occurrences.len(),
        plural(f.occurrences.len()),
        wordings.len(),
        plural(wordings.len()),
        f.stability
    );
    for slot in &f.slots {
        let fillers: Vec<String> = slot.fillers.iter().map(|x| format!("{} ×{}", x.text, x.count)).collect();
        let _ = writeln!(out, "      slot {} “{}”: {}", slot.index + 1, slot.root, clip(&fillers.join(", "), 90));
    }
    if let Some(first) = &f.first_use {
        let _ = writeln!(
            out,
            "      first use: {} in {}{}",
            first.date,
            label_of(&first.doc),
            first.speaker.as_deref().map(|s| format!(" ({})", clip(s, 40))).unwrap_or_default()
        );
    }
    let mut docs: Vec<String> = Vec::new();
    for o in &f.occurrences {
        let l = label_of(&o.excerpt.doc);
        if !docs.contains(&l) {
            docs.push(l);
        }
    }
    let list =
        if docs.len() > 6 { format!("{}, +{} more", docs[..6].join(", "), docs.len() - 6) } else { docs.join(", ") };
    let _ = writeln!(out, "      in: {list}");
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The matrix for up to 24 statements (numbered columns), else the most similar pairs.
fn write_similarity(out: &mut String, report: &Report, labels: &[String]) {
    let m = &report.similarity.matrix;
    let n = labels.len();
    if n < 2 {
        return;
    }
    if m.len() != n {
        let _ = writeln!(out, "\nSimilarity matrix left out ({n} statements).");
        return;
    }
    if n <= 24 {
        let _ = writeln!(out, "\nSimilarity (% of the row's content words in passages shared with the column):");
        let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0).min(32);
        let mut head = format!("  {:>2}  {:<width$} ", "", "");
        for j in 0..n {
            let _ = write!(head, "{:>4}", j + 1);
        }
        let _ = writeln!(out, "{}", head.trim_end());
        for i in 0..n {
            let mut row = format!("  {:>2}  {:<width$} ", i + 1, clip_middle(&labels[i], 32));
            for j in 0..n {
                let cell = if i == j {
                    "—".to_string()
                } else {
                    let v = m[i].get(j).copied().unwrap_or(0.0);
                    if v <= 0.0 {
                        "·".to_string()
                    } else {
                        format!("{:.0}", (v * 100.0).clamp(1.0, 100.0))
                    }
                };
                let _ = write!(row, "{cell:>4}");
            }
            let _ = writeln!(out, "{}", row.trim_end());
        }
    } else {
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for i in 0..n {
            for j in i + 1..n {
                let v = (m[i].get(j).copied().unwrap_or(0.0) + m[j].get(i).copied().unwrap_or(0.0)) / 2.0;
                if v > 0.0 {
                    pairs.push((v, i, j));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let _ = writeln!(
            out,
            "\nMost similar pairs (mean % of content words in shared passages; {n} statements, matrix in --json):"
        );
        for (v, i, j) in pairs.into_iter().take(15) {
            let _ = writeln!(out, "  {:>4}  {}  ↔  {}", percent(v), labels[i], labels[j]);
        }
    }
}

/// The edits other than `equal`, e.g. `true→genuine (variant); +really`; `exact` when none.
fn explain(edits: &[Edit]) -> String {
    let mut parts = Vec::new();
    for e in edits {
        let r = e.reference.as_deref().unwrap_or("");
        let t = e.text.as_deref().map(one_line).unwrap_or_default();
        let part = match e.op {
            EditOp::Equal => continue,
            EditOp::Variant => format!("{r}→{t} (variant)"),
            EditOp::Substitute => format!("{r}→{t}"),
            EditOp::Insert => format!("+{t}"),
            EditOp::Delete => format!("−{r}"),
            EditOp::Move => format!("{r} moved"),
            _ => format!("{r}/{t}"),
        };
        parts.push(part);
    }
    if parts.is_empty() {
        "exact".to_string()
    } else {
        parts.join("; ")
    }
}

fn write_query_text(out: &mut String, report: &QueryReport, statements: &[Statement]) {
    let labels = short_labels(&statements.iter().map(|s| s.id.clone()).collect::<Vec<_>>());
    let n = report.occurrences.len();
    let _ = writeln!(
        out,
        "“{}”: {} occurrence{}{}",
        one_line(&report.query),
        n,
        plural(n),
        if report.total > n { format!(" shown of {}", report.total) } else { String::new() }
    );
    if report.budget_exhausted {
        let _ = writeln!(out, "note: the work budget ran out; the list may be incomplete (see --work-budget)");
    }
    for (rank, o) in report.occurrences.iter().enumerate() {
        let e = &o.excerpt;
        let i = statements.iter().position(|s| s.id == e.doc);
        let label = i.map_or(e.doc.as_str(), |i| labels[i].as_str());
        let line = i.map(|i| {
            statements[i].text.as_bytes()[..e.start.min(statements[i].text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1
        });
        let place = match line {
            Some(l) => format!("{label}:{l}"),
            None => label.to_string(),
        };
        let _ = writeln!(
            out,
            "\n{:>3}. {:.2}  {place}{}",
            rank + 1,
            o.score,
            o.family.as_deref().map(|f| format!("  (family {f})")).unwrap_or_default()
        );
        let _ = writeln!(
            out,
            "     {}[{}]{}",
            clip_start(&one_line_keep_edge(&o.before), 50),
            one_line(&e.text),
            clip(&one_line_keep_edge(&o.after), 50)
        );
        let _ = writeln!(out, "     {}", explain(&o.explanation));
    }
}

/// Like [`one_line`], but keeps one space at either edge when the text had whitespace there, so
/// a keyword-in-context line keeps its word boundaries.
fn one_line_keep_edge(s: &str) -> String {
    let mut t = one_line(s);
    if s.starts_with(char::is_whitespace) && !t.is_empty() {
        t.insert(0, ' ');
    }
    if s.ends_with(char::is_whitespace) && !t.is_empty() {
        t.push(' ');
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_states_the_engine_defaults() {
        let o = refrain::Options::default();
        for (flag, value) in [
            ("--min-statements", o.min_statements().to_string()),
            ("--min-words", o.min_words().to_string()),
            ("--min-weight", o.min_weight().to_string()),
            ("--fuzzy-threshold", o.fuzzy_threshold().to_string()),
            ("--max-families", o.max_families().to_string()),
            ("--min-score", o.query_min_score().to_string()),
            ("--max-results", o.query_max_results().to_string()),
            ("--work-budget", o.work_budget().to_string()),
        ] {
            let line = HELP
                .lines()
                .find(|l| l.trim_start().starts_with(flag))
                .unwrap_or_else(|| panic!("{flag} is in the help"));
            assert!(line.ends_with(&format!("(default {value})")), "{line:?} states the default {value}");
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let mut s = String::new();
        csv_row(&mut s, &["plain", "a,b", "say \"hi\"", "two\nlines", " edge", "人类命运共同体"]);
        assert_eq!(s, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" edge\",人类命运共同体\r\n");
    }

    #[test]
    fn labels_are_short_and_unique() {
        let ids: Vec<String> =
            ["a/x/CHN.txt", "a/y/CHN.txt", "a/RUS.txt", "notes"].iter().map(|s| s.to_string()).collect();
        assert_eq!(short_labels(&ids), ["x/CHN", "y/CHN", "RUS", "notes"]);
    }

    #[test]
    fn one_line_collapses_whitespace() {
        assert_eq!(one_line("  banner of\u{a0}multilateralism,\n\tand "), "banner of multilateralism, and");
        assert_eq!(one_line_keep_edge(" a\nb "), " a b ");
    }

    #[test]
    fn clips_count_characters() {
        assert_eq!(clip("人类命运共同体", 4), "人类命…");
        assert_eq!(clip_start("人类命运共同体", 4), "…共同体");
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip_middle("xi_2020-11-17_brics12_summit_zh", 11), "xi_20…it_zh");
    }

    #[test]
    fn numbers_parse_with_underscores() {
        assert_eq!(parse_number::<u64>("--work-budget", "400_000_000").ok(), Some(400_000_000));
        assert!(parse_number::<usize>("--min-statements", "two").is_err());
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn options_map_to_the_builder() {
        let argv: Vec<String> = ["compare", "x", "--min-statements", "3", "--min-weight=2.5", "--no-synonyms"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let args = parse_args(&argv).ok().flatten().expect("parses");
        assert_eq!(args.options.min_statements(), 3);
        assert_eq!(args.options.min_weight(), 2.5);
        assert!(!args.options.synonyms());
        let bad: Vec<String> = ["compare", "x", "--min-statements", "1"].iter().map(|s| s.to_string()).collect();
        let err = parse_args(&bad).err().expect("fails");
        assert_eq!(err.code, 2);
        assert!(err.message.contains("min_statements") && err.message.contains("--min-statements"));
    }
}
