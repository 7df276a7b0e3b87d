//! The command line's arguments (clap). The engine's options are not listed here: their flags,
//! help and defaults are made from the table of options (`refrain::options::SPECS`), and
//! their values are checked by the options builder, whose message names the option.

use clap::builder::{Command as ClapCommand, PossibleValuesParser};
use clap::parser::ValueSource;
use clap::{Arg, ArgAction, ArgMatches, Args, FromArgMatches, Parser, Subcommand};
use refrain::options::{Kind, Spec, Value, SPECS};
use refrain::{Options, OptionsBuilder, Selector};
use std::num::NonZeroUsize;

const USAGE: &str = "\
refrain compare FILE_OR_DIR... [--text | --json | --csv] [OPTIONS]
       refrain query PHRASE FILE_OR_DIR... [--text | --json | --csv] [OPTIONS]
       refrain contrast [FILE_OR_DIR...] --a FILE_OR_DIR... [--b FILE_OR_DIR...] [--text | --json | --csv] [OPTIONS]
       refrain contrast FILE_OR_DIR... --by KEY=VALUE[:VALUE] [--text | --json | --csv] [OPTIONS]
       refrain align ZH_FILE EN_FILE [--text | --json]";

const AFTER_HELP: &str = "\
Each file is one statement; its id is the path as given. Directories are read recursively for
*.txt files (hidden entries skipped), in sorted order. A sidecar FILE.json next to FILE.txt may
give \"title\", \"speaker\", \"date\" (YYYY, YYYY-MM or YYYY-MM-DD first) and \"language\"; other
keys are ignored. Files must be UTF-8.

Exit status: 0 success, 1 input error (unreadable file, invalid UTF-8, bad sidecar, a statement
the engine refuses), 2 usage error (unknown flag, invalid option value).";

/// `refrain`: find the phrasing that statements share.
#[derive(Debug, Parser)]
#[command(name = "refrain", version, about = "Find the phrasing that statements share.", after_help = AFTER_HELP)]
#[command(override_usage = USAGE, subcommand_required = true, args_override_self = true, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub output: Output,
    /// Threads for the parallel work (reading files, tokenizing) [default: the machine's cores, or RAYON_NUM_THREADS]
    #[arg(long, short = 'j', global = true, value_name = "N", value_parser = jobs, help_heading = "Run")]
    pub jobs: Option<NonZeroUsize>,
    /// A progress bar on stderr: the stage, its share done, an estimate of its time left (auto: when stderr is a terminal; always: as lines elsewhere)
    #[arg(long, global = true, value_name = "WHEN", value_enum, default_value_t = When::Auto, help_heading = "Run")]
    pub progress: When,
    #[command(flatten)]
    pub engine: EngineOptions,
}

/// When to show the progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum When {
    Auto,
    Always,
    Never,
}

/// A number of threads: at least 1.
fn jobs(s: &str) -> Result<NonZeroUsize, String> {
    whole(s)
        .ok()
        .and_then(|n| usize::try_from(n).ok())
        .and_then(NonZeroUsize::new)
        .ok_or_else(|| "expects a whole number of threads, at least 1".to_string())
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find shared passages and formula families
    Compare {
        /// Statements: .txt files, or directories of them
        #[arg(required = true, value_name = "FILE_OR_DIR")]
        inputs: Vec<String>,
    },
    /// Find every place where PHRASE or a variant of it occurs
    Query {
        /// The phrase to look for
        #[arg(value_name = "PHRASE")]
        phrase: String,
        /// Statements: .txt files, or directories of them
        #[arg(required = true, value_name = "FILE_OR_DIR")]
        inputs: Vec<String>,
    },
    /// Find the families one group of statements uses more than another, and their wordings
    Contrast(ContrastArgs),
    /// Align a Chinese statement with its English edition, sentence by sentence, each Chinese
    /// formula of the lexicon linked to its rendering (docs/parallel.md)
    Align {
        /// The Chinese text (UTF-8)
        #[arg(value_name = "ZH_FILE")]
        zh: String,
        /// Its English edition (UTF-8)
        #[arg(value_name = "EN_FILE")]
        en: String,
    },
    /// Print a completion script for a shell (e.g. `refrain completions bash > refrain.bash`)
    Completions {
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff; e.g. `refrain man > refrain.1`)
    Man,
}

/// The groups of `refrain contrast`: files (`--a`, `--b`) or metadata (`--by`).
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("groups").args(["a", "by"]).required(true)))]
#[command(after_help = "\
Groups from files: --a FILES... is group A, --b FILES... group B; without --b, group B is the
rest of the statements given as FILE_OR_DIR. A file given twice is read once. Give FILE_OR_DIR
before --a (or after --): the values after --a, up to the next flag, are group A's.

Groups from metadata (the sidecars' speaker, date and language; or the id): --by KEY=VALUE
makes the statements it selects group A and the rest group B; --by KEY=VALUE_A:VALUE_B makes two
groups by two values of one key. Keys: speaker (titles and brackets left out, case ignored), year
(YYYY or YYYY-YYYY), language (a tag or its primary subtag), id. Examples:
  refrain contrast corpus/ --by \"speaker=Sergey Lavrov\"
  refrain contrast corpus/ --by year=2017-2019:2022-2024")]
pub struct ContrastArgs {
    /// The statements: .txt files, or directories of them
    #[arg(value_name = "FILE_OR_DIR", required_unless_present = "b")]
    pub inputs: Vec<String>,
    /// Group A's statements: .txt files, or directories of them
    #[arg(long = "a", value_name = "FILE_OR_DIR", num_args = 1.., action = ArgAction::Append)]
    pub a: Vec<String>,
    /// Group B's statements (default: the rest of FILE_OR_DIR)
    #[arg(long = "b", value_name = "FILE_OR_DIR", num_args = 1.., action = ArgAction::Append, requires = "a")]
    pub b: Vec<String>,
    /// Groups by metadata: KEY=VALUE (A: the statements it selects, B: the rest) or KEY=VALUE_A:VALUE_B
    #[arg(long, value_name = "KEY=VALUE[:VALUE]", value_parser = parse_by, conflicts_with_all = ["a", "b"])]
    pub by: Option<By>,
}

/// The groups of `--by`: A's selector, and B's (`None`: the rest).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct By {
    pub a: Selector,
    pub b: Option<Selector>,
}

/// `KEY=VALUE` or `KEY=VALUE_A:VALUE_B`, each side as [`Selector::parse`] reads it.
fn parse_by(s: &str) -> Result<By, String> {
    let (key, values) = s.split_once('=').ok_or_else(|| format!("{s:?} is not KEY=VALUE or KEY=VALUE_A:VALUE_B"))?;
    let mut values = values.split(':');
    let side = |value: &str| Selector::parse(&format!("{key}={value}"));
    let a = side(values.next().unwrap_or_default())?;
    let b = values.next().map(side).transpose()?;
    if values.next().is_some() {
        return Err(format!("{s:?} has more than two values: give KEY=VALUE_A:VALUE_B"));
    }
    Ok(By { a, b })
}

/// How the report is written on stdout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
}

/// At most one of the three, checked by [`Output::format`] (clap does not check groups or
/// conflicts of global arguments given on both sides of the subcommand).
#[derive(Clone, Copy, Debug, Args)]
struct FormatFlags {
    /// A readable summary (the default)
    #[arg(long, global = true, help_heading = "Output")]
    text: bool,
    /// The full report as JSON (docs/report.md)
    #[arg(long, global = true, help_heading = "Output")]
    json: bool,
    /// compare: one row per family occurrence; query: one row per occurrence; contrast: one row per family (docs/report.md, "CSV"); not for align
    #[arg(long, global = true, help_heading = "Output")]
    csv: bool,
}

#[derive(Debug, Args)]
pub struct Output {
    #[command(flatten)]
    format: FormatFlags,
    /// --text: show the N first families (contrast: of each group)
    #[arg(long, global = true, value_name = "N", default_value_t = 12, help_heading = "Output")]
    pub top: usize,
}

impl Output {
    /// The format asked for; a usage error when more than one was.
    pub fn format(&self) -> Result<Format, clap::Error> {
        let FormatFlags { text, json, csv } = self.format;
        match (text, json, csv) {
            (_, false, false) => Ok(Format::Text),
            (false, true, false) => Ok(Format::Json),
            (false, false, true) => Ok(Format::Csv),
            _ => {
                Err(command()
                    .error(clap::error::ErrorKind::ArgumentConflict, "give at most one of --text, --json, --csv"))
            }
        }
    }
}

/// The engine's options, one flag per option of the table (and `--no-NAME` for a flag that is
/// on by default), checked by the options builder.
#[derive(Debug)]
pub struct EngineOptions {
    pub options: Options,
}

const ENGINE_HEADING: &str = "Engine options";

/// The flag of an option, without `--`.
pub fn flag(spec: &Spec) -> String {
    spec.flag.map_or_else(|| spec.name.replace('_', "-"), str::to_string)
}

/// The `--no-NAME` flag of an on/off option.
fn negation(spec: &Spec) -> String {
    format!("no-{}", flag(spec))
}

/// A whole number; `_` may separate digits, as in the defaults the help shows.
fn whole(s: &str) -> Result<u64, String> {
    s.trim().replace('_', "").parse().map_err(|_| "expects a whole number".to_string())
}

/// A number; `_` may separate digits.
fn number(s: &str) -> Result<f64, String> {
    s.trim().replace('_', "").parse().map_err(|_| "expects a number".to_string())
}

fn help(spec: &Spec) -> String {
    if spec.rule_text.is_empty() {
        spec.doc.to_string()
    } else {
        format!("{}; must be {}", spec.doc, spec.rule_text)
    }
}

/// The flags of one option.
fn args_of(spec: &'static Spec) -> Vec<Arg> {
    let long = flag(spec);
    let dashed = spec.name.replace('_', "-");
    let arg = Arg::new(spec.name)
        .long(long.clone())
        .global(true)
        .help_heading(ENGINE_HEADING)
        .help(help(spec))
        .default_value(spec.plain_default());
    let arg = if long != dashed { arg.alias(dashed) } else { arg };
    match spec.kind {
        Kind::Bool => {
            let no = negation(spec);
            vec![
                arg.value_name("BOOL").value_parser(clap::value_parser!(bool)).overrides_with(no.clone()),
                Arg::new(no.clone())
                    .long(no)
                    .global(true)
                    .help_heading(ENGINE_HEADING)
                    .help(format!("Same as --{long}={}", !matches!(spec.default, Value::Bool(true))))
                    .action(ArgAction::SetTrue)
                    .overrides_with(spec.name),
            ]
        }
        Kind::Whole => vec![arg.value_name("N").value_parser(whole).allow_negative_numbers(true)],
        // The help says the names once, in the rule ("must be one of ..."); completions list them.
        Kind::Choice(names) => vec![arg
            .value_name(spec.name.to_uppercase())
            .value_parser(PossibleValuesParser::new(names.iter().copied()))
            .hide_possible_values(true)],
        _ => vec![arg.value_name("X").value_parser(number).allow_negative_numbers(true)],
    }
}

impl Args for EngineOptions {
    fn augment_args(cmd: ClapCommand) -> ClapCommand {
        cmd.args(SPECS.iter().flat_map(args_of))
    }
    fn augment_args_for_update(cmd: ClapCommand) -> ClapCommand {
        Self::augment_args(cmd)
    }
}

impl FromArgMatches for EngineOptions {
    fn from_arg_matches(m: &ArgMatches) -> Result<EngineOptions, clap::Error> {
        let mut builder = Options::builder();
        for spec in SPECS {
            builder = set(builder, m, spec)?;
        }
        let options = builder.build().map_err(|e| {
            let hint = SPECS.iter().find(|s| s.name == e.option).map(|s| format!(" (set by --{})", flag(s)));
            clap::Error::raw(clap::error::ErrorKind::ValueValidation, format!("{e}{}", hint.unwrap_or_default()))
        })?;
        Ok(EngineOptions { options })
    }
    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = EngineOptions::from_arg_matches(m)?;
        Ok(())
    }
}

/// Sets the option from its flag when the command line gave it; the defaults are the builder's.
fn set(builder: OptionsBuilder, m: &ArgMatches, spec: &Spec) -> Result<OptionsBuilder, clap::Error> {
    let given = |id: &str| m.value_source(id) == Some(ValueSource::CommandLine);
    let value = match spec.kind {
        Kind::Bool if given(&negation(spec)) && m.get_flag(&negation(spec)) => {
            Some(Value::Bool(!matches!(spec.default, Value::Bool(true))))
        }
        _ if !given(spec.name) => None,
        Kind::Bool => m.get_one::<bool>(spec.name).copied().map(Value::Bool),
        Kind::Whole => m.get_one::<u64>(spec.name).copied().map(Value::Whole),
        Kind::Choice(_) => m.get_one::<String>(spec.name).map(|name| Value::Text(name)),
        _ => m.get_one::<f64>(spec.name).copied().map(Value::Number),
    };
    match value {
        None => Ok(builder),
        Some(v) => builder
            .set(spec.name, v)
            .map_err(|e| clap::Error::raw(clap::error::ErrorKind::ValueValidation, e.to_string())),
    }
}

/// The command as clap sees it (for completions and the man page).
pub fn command() -> ClapCommand {
    <Cli as clap::CommandFactory>::command()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("refrain").chain(args.iter().copied()))
    }

    #[test]
    fn the_command_is_well_formed() {
        command().debug_assert();
    }

    #[test]
    fn options_map_to_the_builder_wherever_they_are_given() {
        let cli = parse(&["--min-statements", "3", "compare", "x", "--min-weight=2.5", "--no-synonyms", "--csv"])
            .expect("parses");
        let o = &cli.engine.options;
        assert_eq!(o.min_statements(), 3);
        assert_eq!(o.min_weight(), 2.5);
        assert!(!o.synonyms());
        assert!(o.spelling());
        assert_eq!(cli.output.format().unwrap(), Format::Csv);
        let cli = parse(&["query", "a b", "x", "--work-budget", "400_000", "--max-results", "7"]).unwrap();
        assert_eq!(cli.engine.options.work_budget(), 400_000);
        assert_eq!(cli.engine.options.query_max_results(), 7);
        assert!(matches!(cli.command, Command::Query { ref phrase, .. } if phrase == "a b"));
        let cli = parse(&["compare", "x", "--order", "first_used"]).unwrap();
        assert_eq!(cli.engine.options.order(), refrain::options::Order::FirstUsed);
        // The dashed name of an option with a shorter flag works too.
        let cli = parse(&["compare", "x", "--query-min-score", "0.9"]).unwrap();
        assert_eq!(cli.engine.options.query_min_score(), 0.9);
        let cli = parse(&["align", "zh.txt", "en.txt", "--json"]).unwrap();
        assert!(matches!(cli.command, Command::Align { ref zh, ref en } if zh == "zh.txt" && en == "en.txt"));
        assert!(parse(&["align", "zh.txt"]).is_err());
    }

    #[test]
    fn defaults_are_the_engines() {
        let cli = parse(&["compare", "x"]).unwrap();
        assert_eq!(cli.engine.options, Options::default());
        assert_eq!(cli.output.format().unwrap(), Format::Text);
        for args in [&["--csv", "compare", "x", "--json"][..], &["compare", "--text", "x", "--csv"]] {
            let err = parse(args).unwrap().output.format().unwrap_err();
            assert_eq!(err.exit_code(), 2);
        }
        assert_eq!(cli.output.top, 12);
    }

    #[test]
    fn the_last_of_a_repeated_option_wins() {
        let cli = parse(&["compare", "--min-words", "3", "x", "--min-words", "4", "--json", "--json"]).unwrap();
        assert_eq!(cli.engine.options.min_words(), 4);
        assert_eq!(cli.output.format().unwrap(), Format::Json);
    }

    #[test]
    fn the_last_of_a_flag_and_its_negation_wins() {
        let on = parse(&["compare", "x", "--no-spelling", "--spelling", "true"]).unwrap();
        assert!(on.engine.options.spelling());
        let off = parse(&["compare", "x", "--spelling=true", "--no-spelling"]).unwrap();
        assert!(!off.engine.options.spelling());
        let off = parse(&["compare", "x", "--spelling", "false"]).unwrap();
        assert!(!off.engine.options.spelling());
    }

    #[test]
    fn invalid_values_name_the_option_and_its_flag() {
        let err = parse(&["compare", "x", "--min-statements", "1"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let text = err.to_string();
        assert!(text.contains("invalid option `min_statements`") && text.contains("--min-statements"), "{text}");
        let err = parse(&["compare", "x", "--min-score", "0"]).unwrap_err();
        assert!(err.to_string().contains("query_min_score") && err.to_string().contains("--min-score"));
        let err = parse(&["compare", "x", "--order", "newest"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let text = err.to_string();
        assert!(text.contains("newest") && text.contains("--order") && text.contains("first_used"), "{text}");
        let err = parse(&["compare", "x", "--min-words", "two"]).unwrap_err();
        assert!(err.to_string().contains("--min-words") && err.to_string().contains("whole number"));
    }

    #[test]
    fn contrast_groups_from_files_or_metadata() {
        let contrast = |args: &[&str]| match parse(args).map(|cli| cli.command) {
            Ok(Command::Contrast(c)) => Ok(c),
            Ok(other) => panic!("{other:?}"),
            Err(e) => Err(e),
        };
        let c = contrast(&["contrast", "all", "--a", "x", "y", "--b", "z", "--a", "w", "--json"]).unwrap();
        assert_eq!(
            (c.inputs, c.a, c.b),
            (vec!["all".to_string()], vec!["x".into(), "y".into(), "w".into()], vec!["z".into()])
        );
        let c = contrast(&["contrast", "--a", "x", "--b", "z"]).unwrap();
        assert!(c.inputs.is_empty(), "with --a and --b, no other statements are needed");
        let c = contrast(&["contrast", "corpus", "--by", "speaker=Sergey Lavrov"]).unwrap();
        let by = c.by.unwrap();
        assert_eq!(by.a.to_string(), "speaker=Sergey Lavrov");
        assert_eq!(by.b, None);
        let c = contrast(&["contrast", "corpus", "--by=year=2017-2019:2022-2024"]).unwrap();
        let by = c.by.unwrap();
        assert_eq!((by.a.to_string(), by.b.unwrap().to_string()), ("year=2017-2019".into(), "year=2022-2024".into()));
        for bad in [
            &["contrast", "corpus"][..],                              // no groups
            &["contrast", "--a", "x"],                                // no rest for B
            &["contrast", "corpus", "--by", "speaker=X", "--a", "y"], // both kinds
            &["contrast", "corpus", "--b", "y"],                      // B without A
            &["contrast", "corpus", "--by", "colour=red"],            // unknown key
            &["contrast", "corpus", "--by", "year=2017:2018:2019"],   // three values
            &["contrast", "corpus", "--by", "speaker"],               // not KEY=VALUE
        ] {
            let err = contrast(bad).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}: {err}");
        }
    }

    #[test]
    fn jobs_and_progress_are_run_flags_given_anywhere() {
        let cli = parse(&["compare", "x"]).unwrap();
        assert_eq!((cli.jobs, cli.progress), (None, When::Auto));
        let cli = parse(&["-j", "3", "compare", "x", "--progress", "never"]).unwrap();
        assert_eq!((cli.jobs, cli.progress), (NonZeroUsize::new(3), When::Never));
        let cli = parse(&["compare", "x", "--jobs=1_0", "--progress=always"]).unwrap();
        assert_eq!((cli.jobs, cli.progress), (NonZeroUsize::new(10), When::Always));
        for bad in [
            &["compare", "x", "--jobs", "0"][..],
            &["compare", "x", "-j", "two"],
            &["compare", "x", "--progress", "yes"],
        ] {
            assert_eq!(parse(bad).unwrap_err().exit_code(), 2, "{bad:?}");
        }
    }

    #[test]
    fn numbers_parse_with_underscores() {
        assert_eq!(whole("400_000_000"), Ok(400_000_000));
        assert!(whole("two").is_err());
        assert!(whole("-1").is_err());
        assert_eq!(number(" 0.85 "), Ok(0.85));
    }
}
