//! Options for a run, built and validated once.
//!
//! Every option is one row of the table at the end of this file: its name, Rust type, default,
//! browser default where that differs, the values it accepts and a one-line doc. Everything
//! else is generated from that row by the `options!` macro: the [`Options`] fields, `Default`,
//! the getters and their docs, the [`OptionsBuilder`] setters, the checks of
//! [`OptionsBuilder::build`] and their messages, the by-name access the JavaScript bindings and
//! the command line use ([`Options::kind`], [`OptionsBuilder::set`], [`Options::get`],
//! [`Options::values`]), the browser defaults ([`Options::browser_builder`]), the description of
//! every option in [`SPECS`] (the command line's flags and help are made from it) and the
//! TypeScript declaration [`TYPESCRIPT`] that the bindings put into `refrain.d.ts`.
//!
//! The by-name access goes through one small table of function pointers rather than a `match`
//! per function: the WebAssembly payload stays as small as with the hand-written conversions.
//!
//! A default is written once, as a literal; its text in the docs, the help and the TypeScript
//! declaration is that same literal (`stringify!`), so the text cannot drift from the value.
//! The TypeScript text is made at compile time with `concat!`, which is why the table holds
//! literals only (no `16 << 20`).
//!
//! An option that is a choice among named values (`order`) lists its values in its row, each
//! with the variant of the Rust enum it is: the row makes the enum (the field's type), its
//! names, the rule "one of ...", the TypeScript union type and the command line's accepted
//! values.

use serde::Serialize;
use std::fmt;

/// What kind of value an option takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// `true` or `false` (`bool`).
    Bool,
    /// A whole number >= 0 (`usize` or `u64`).
    Whole,
    /// A number (`f64`).
    Number,
    /// One of these names (an enum such as [`Order`]); a [`Value::Text`].
    Choice(&'static [&'static str]),
}

impl Kind {
    /// The type of the option in the TypeScript declaration of the JavaScript API: `boolean`,
    /// `number`, or the union of a choice's names (`"a" | "b"`).
    pub fn typescript(self) -> String {
        match self {
            Kind::Bool => "boolean".to_string(),
            Kind::Whole | Kind::Number => "number".to_string(),
            Kind::Choice(names) => names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(" | "),
        }
    }
}

/// A value of an option, as the JavaScript bindings and the command line hand it to
/// [`OptionsBuilder::set`], and as [`Options::get`] returns it (a choice's name is then
/// `'static`).
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Value<'a> {
    /// For a [`Kind::Bool`] option.
    Bool(bool),
    /// A whole number.
    Whole(u64),
    /// A number; it may set a [`Kind::Whole`] option when it is a whole number.
    Number(f64),
    /// A name, for a [`Kind::Choice`] option.
    Text(&'a str),
}

impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
            Value::Whole(n) => fmt::Display::fmt(n, f),
            Value::Number(x) => f.write_str(&number(*x)),
            Value::Text(s) => write!(f, "\"{s}\""),
        }
    }
}

/// Which values an option accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// Any value of its type.
    Any,
    /// At least this; a number must also be finite.
    AtLeast(u64),
    /// Between the two, both included.
    Between(u64, u64),
    /// A number in (0, 1].
    Fraction,
    /// One of these names.
    OneOf(&'static [&'static str]),
}

impl Rule {
    /// Whether `value` satisfies the rule.
    pub fn admits(self, value: Value<'_>) -> bool {
        match (self, value) {
            (Rule::Any, _) => true,
            (Rule::OneOf(names), Value::Text(s)) => names.contains(&s),
            (Rule::OneOf(_), _) | (_, Value::Bool(_) | Value::Text(_)) => false,
            (Rule::AtLeast(min), Value::Whole(n)) => n >= min,
            (Rule::AtLeast(min), Value::Number(x)) => x.is_finite() && x >= min as f64,
            (Rule::Between(lo, hi), Value::Whole(n)) => lo <= n && n <= hi,
            (Rule::Between(lo, hi), Value::Number(x)) => lo as f64 <= x && x <= hi as f64,
            (Rule::Fraction, Value::Whole(n)) => n == 1,
            (Rule::Fraction, Value::Number(x)) => x > 0.0 && x <= 1.0,
        }
    }
}

/// One option as the table defines it: what the command line's flags and help, the
/// TypeScript declaration and the tests are made from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spec {
    /// The name: the builder's setter, the JavaScript key, the report of `options`.
    pub name: &'static str,
    /// The kind of value.
    pub kind: Kind,
    /// The default of the Rust library and the command line.
    pub default: Value<'static>,
    /// The default as written in the table (a Rust and JavaScript literal, `_` allowed; a
    /// choice's name in quotes).
    pub default_text: &'static str,
    /// The default of the JavaScript API, where it differs.
    pub browser_default: Option<Value<'static>>,
    /// The browser default as written in the table.
    pub browser_default_text: Option<&'static str>,
    /// Which values are accepted.
    pub rule: Rule,
    /// The rule in words ("at least 2", "between 1 and 50", "in (0, 1]", "one of a, b"; empty
    /// for [`Rule::Any`]), as messages, docs and the help say it.
    pub rule_text: &'static str,
    /// What the option does, in one line without a final period.
    pub doc: &'static str,
    /// The command line's flag (without `--`), where it is not the name with `-` for `_`.
    pub flag: Option<&'static str>,
}

impl Spec {
    /// The default as a command line writes it: the literal of the table, a choice's name
    /// without quotes.
    pub fn plain_default(&self) -> &'static str {
        match self.default {
            Value::Text(name) => name,
            _ => self.default_text,
        }
    }
}

/// Whether two byte strings are equal, in a `const fn` (a choice's default is found at compile
/// time).
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The type of an option's field: how it becomes a [`Value`] and back.
trait OptionType: Copy + Sized {
    fn to_value(self) -> Value<'static>;
    fn from_value(value: Value<'_>) -> Result<Self, String>;
}

/// A whole number >= 0 from a value; a number counts when it is whole and exact (a JavaScript
/// number is exact up to 2^53).
fn whole(value: Value<'_>) -> Result<u64, String> {
    let bad = |got: Value| format!("must be a whole number >= 0 within range, got {got}");
    match value {
        Value::Whole(n) => Ok(n),
        Value::Number(x) if x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x <= 9_007_199_254_740_991.0 => {
            Ok(x as u64)
        }
        Value::Number(_) => Err(bad(value)),
        Value::Bool(_) | Value::Text(_) => Err(format!("must be a number, got {value}")),
    }
}

impl OptionType for u64 {
    fn to_value(self) -> Value<'static> {
        Value::Whole(self)
    }
    fn from_value(value: Value<'_>) -> Result<u64, String> {
        whole(value)
    }
}

impl OptionType for usize {
    fn to_value(self) -> Value<'static> {
        Value::Whole(self as u64)
    }
    fn from_value(value: Value<'_>) -> Result<usize, String> {
        let n = whole(value)?;
        usize::try_from(n).map_err(|_| format!("must be a whole number >= 0 within range, got {n}"))
    }
}

impl OptionType for f64 {
    fn to_value(self) -> Value<'static> {
        Value::Number(self)
    }
    fn from_value(value: Value<'_>) -> Result<f64, String> {
        match value {
            Value::Number(x) => Ok(x),
            Value::Whole(n) => Ok(n as f64),
            Value::Bool(_) | Value::Text(_) => Err(format!("must be a number, got {value}")),
        }
    }
}

impl OptionType for bool {
    fn to_value(self) -> Value<'static> {
        Value::Bool(self)
    }
    fn from_value(value: Value<'_>) -> Result<bool, String> {
        match value {
            Value::Bool(b) => Ok(b),
            _ => Err(format!("must be true or false, got {value}")),
        }
    }
}

/// One option for the code that reaches options by name.
struct Field {
    name: &'static str,
    kind: Kind,
    rule: Rule,
    rule_text: &'static str,
    get: fn(&Options) -> Value<'static>,
    set: fn(&mut Options, Value<'_>) -> Result<(), String>,
}

/// The place of the option called `name` in the table.
fn field(name: &str) -> Option<usize> {
    FIELDS.iter().position(|f| f.name == name)
}

/// Builds [`Options`]; see each setter's getter on [`Options`] for meaning and default.
#[derive(Clone, Debug)]
pub struct OptionsBuilder {
    options: Options,
}

impl Options {
    /// A builder starting from the defaults.
    pub fn builder() -> OptionsBuilder {
        OptionsBuilder { options: Options::default() }
    }

    /// The units of work a run over `content_words` content words may spend: `work_budget`
    /// plus `work_per_word` for each content word.
    pub fn work_limit(&self, content_words: usize) -> u64 {
        self.work_budget.saturating_add(self.work_per_word.saturating_mul(content_words as u64))
    }
}

// The parts of a row, as the `options!` macro turns them into code and text.

/// A rule's value.
macro_rules! rule {
    (any()) => {
        Rule::Any
    };
    (at_least($min:literal)) => {
        Rule::AtLeast($min)
    };
    (between($lo:literal, $hi:literal)) => {
        Rule::Between($lo, $hi)
    };
    (fraction()) => {
        Rule::Fraction
    };
    (one_of($($variant:ident = $value:literal),+)) => {
        Rule::OneOf(&[$($value),+])
    };
}

/// A rule in words.
macro_rules! rule_text {
    (any()) => {
        ""
    };
    (at_least($min:literal)) => {
        concat!("at least ", stringify!($min))
    };
    (between($lo:literal, $hi:literal)) => {
        concat!("between ", stringify!($lo), " and ", stringify!($hi))
    };
    (fraction()) => {
        "in (0, 1]"
    };
    (one_of($variant:ident = $value:literal $(, $more:ident = $more_value:literal)*)) => {
        concat!("one of ", $value $(, ", ", $more_value)*)
    };
}

/// A rule as a sentence after a doc; nothing for `any`.
macro_rules! rule_note {
    (any()) => {
        ""
    };
    ($($rule:tt)*) => {
        concat!(". Must be ", rule_text!($($rule)*))
    };
}

/// The kind of a field's type (and rule, for a choice).
macro_rules! kind {
    (bool, $($rule:tt)*) => {
        Kind::Bool
    };
    (usize, $($rule:tt)*) => {
        Kind::Whole
    };
    (u64, $($rule:tt)*) => {
        Kind::Whole
    };
    (f64, $($rule:tt)*) => {
        Kind::Number
    };
    ($choice:ident, one_of($($variant:ident = $value:literal),+)) => {
        Kind::Choice(&[$($value),+])
    };
}

/// A literal of a field's type as a [`Value`].
macro_rules! value {
    (bool, $v:literal, $($rule:tt)*) => {
        Value::Bool($v)
    };
    (f64, $v:literal, $($rule:tt)*) => {
        Value::Number($v)
    };
    ($choice:ident, $v:literal, one_of($($values:tt)*)) => {
        Value::Text($v)
    };
    ($whole:ident, $v:literal, $($rule:tt)*) => {
        Value::Whole($v)
    };
}

/// A literal of a field's type as the field's value: a choice's name as its enum's variant.
macro_rules! field_value {
    ($choice:ident, $v:literal, one_of($($values:tt)*)) => {{
        const VALUE: $choice = match $choice::from_name($v) {
            Some(v) => v,
            None => panic!("a choice's default must be one of its names"),
        };
        VALUE
    }};
    ($ty:ident, $v:literal, $($rule:tt)*) => {
        $v
    };
}

/// `Some` browser default as a [`Value`], or `None` when the row has none.
macro_rules! browser_value {
    ($ty:ident, [], $($rule:tt)*) => {
        None
    };
    ($ty:ident, [$browser:literal], $($rule:tt)*) => {
        Some(value!($ty, $browser, $($rule)*))
    };
}

/// The builder with the row's browser default set, if it has one.
macro_rules! browser_set {
    ($builder:ident, $name:ident, $ty:ident, [], $($rule:tt)*) => {
        $builder
    };
    ($builder:ident, $name:ident, $ty:ident, [$browser:literal], $($rule:tt)*) => {
        $builder.$name(field_value!($ty, $browser, $($rule)*))
    };
}

/// For a choice, the enum that is the field's type: its variants, their names, the conversion
/// from and to a [`Value`]; nothing for the other rules.
macro_rules! choice_type {
    ($name:ident, $choice:ident, one_of($($variant:ident = $value:literal),+)) => {
        #[doc = concat!(
            "The values of the option `", stringify!($name), "`; see [`Options::", stringify!($name), "`]."
        )]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $choice {
            $(
                #[doc = concat!("`", $value, "`")]
                $variant,
            )+
        }

        impl $choice {
            /// Every value's name, in the order of the table.
            pub const NAMES: &'static [&'static str] = &[$($value),+];

            /// The name of the value, as JavaScript and the command line write it.
            pub fn name(self) -> &'static str {
                match self {
                    $($choice::$variant => $value,)+
                }
            }

            /// The value of this name, if it is one.
            pub const fn from_name(name: &str) -> Option<$choice> {
                const ALL: &[$choice] = &[$($choice::$variant),+];
                let mut i = 0;
                while i < ALL.len() {
                    if same(name.as_bytes(), $choice::NAMES[i].as_bytes()) {
                        return Some(ALL[i]);
                    }
                    i += 1;
                }
                None
            }
        }

        impl OptionType for $choice {
            fn to_value(self) -> Value<'static> {
                Value::Text(self.name())
            }
            fn from_value(value: Value<'_>) -> Result<$choice, String> {
                match value {
                    Value::Text(name) => $choice::from_name(name),
                    _ => None,
                }
                .ok_or_else(|| format!("must be {}, got {value}", rule_text!(one_of($($variant = $value),+))))
            }
        }

        impl Serialize for $choice {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.name())
            }
        }
    };
    ($name:ident, $ty:ident, $($rule:tt)*) => {};
}

/// `Some` of the expression, or `None` when there is none.
macro_rules! optional {
    () => {
        None
    };
    ($e:expr) => {
        Some($e)
    };
}

/// The TypeScript type of a field's type (the same as [`Kind::typescript`]; a literal here, for
/// `concat!`).
macro_rules! typescript_type {
    (bool, $($rule:tt)*) => {
        "boolean"
    };
    ($choice:ident, one_of($variant:ident = $value:literal $(, $more:ident = $more_value:literal)*)) => {
        concat!(stringify!($value) $(, " | ", stringify!($more_value))*)
    };
    ($other:ident, $($rule:tt)*) => {
        "number"
    };
}

/// The default a JavaScript caller sees, in words: the browser's where it differs.
macro_rules! typescript_default {
    ($default:literal) => {
        stringify!($default)
    };
    ($default:literal, $browser:literal) => {
        concat!(
            stringify!($browser),
            " (the Rust library's and the command line's default is ",
            stringify!($default),
            ")"
        )
    };
}

/// Generates everything from the table; see the module's doc.
macro_rules! options {
    ($(
        $name:ident: $ty:ident = $default:literal $((browser $browser:literal))?,
        $rule:ident($($bound:tt)*), $doc:literal $(, flag $flag:literal)?;
    )*) => {
        $(choice_type!($name, $ty, $rule($($bound)*));)*

        /// Settings of the engine. Build them with [`Options::builder`]; every field has a
        /// documented default, and [`OptionsBuilder::build`] checks them all once.
        #[derive(Clone, Debug, PartialEq, Serialize)]
        pub struct Options {
            $(pub(crate) $name: $ty,)*
        }

        impl Default for Options {
            fn default() -> Options {
                Options { $($name: field_value!($ty, $default, $rule($($bound)*)),)* }
            }
        }

        /// Every option, in the order of the table (and of [`Options`]' fields).
        pub const SPECS: &[Spec] = &[$(
            Spec {
                name: stringify!($name),
                kind: kind!($ty, $rule($($bound)*)),
                default: value!($ty, $default, $rule($($bound)*)),
                default_text: stringify!($default),
                browser_default: browser_value!($ty, [$($browser)?], $rule($($bound)*)),
                browser_default_text: optional!($(stringify!($browser))?),
                rule: rule!($rule($($bound)*)),
                rule_text: rule_text!($rule($($bound)*)),
                doc: $doc,
                flag: optional!($($flag)?),
            },
        )*];

        /// The TypeScript declaration of the options object of the JavaScript API, with each
        /// option's doc, rule and (browser) default; the bindings put it into `refrain.d.ts`.
        pub const TYPESCRIPT: &str = concat!(
            "/** Engine options: snake_case keys as in the Rust `OptionsBuilder`; every key is optional.\n",
            " * Each `@default` is the default of `new Corpus()`. */\n",
            "export interface Options {\n",
            $(
                "  /**\n",
                "   * ", $doc, rule_note!($rule($($bound)*)), ".\n",
                "   * @default ", typescript_default!($default $(, $browser)?), "\n",
                "   */\n",
                "  ", stringify!($name), "?: ", typescript_type!($ty, $rule($($bound)*)), ";\n",
            )*
            "}\n",
        );

        impl Options {
            /// A builder starting from the defaults of the JavaScript API, which are smaller
            /// where a browser tab needs them to be (see [`Spec::browser_default`]).
            pub fn browser_builder() -> OptionsBuilder {
                let builder = Options::builder();
                $(let builder = browser_set!(builder, $name, $ty, [$($browser)?], $rule($($bound)*));)*
                builder
            }

            /// The kind of the option called `name`, or `None` when there is no such option.
            pub fn kind(name: &str) -> Option<Kind> {
                Some(FIELDS[field(name)?].kind)
            }

            /// The value of the option called `name`, or `None` when there is no such option.
            pub fn get(&self, name: &str) -> Option<Value<'static>> {
                Some((FIELDS[field(name)?].get)(self))
            }

            /// Every option's name and value, in the order of the table.
            pub fn values(&self) -> impl Iterator<Item = (&'static str, Value<'static>)> + '_ {
                FIELDS.iter().map(move |f| (f.name, (f.get)(self)))
            }

            $(
                #[doc = concat!(
                    $doc, rule_note!($rule($($bound)*)), ". Default ", stringify!($default)
                    $(, "; ", stringify!($browser), " in the JavaScript API")?, "."
                )]
                pub fn $name(&self) -> $ty {
                    self.$name
                }
            )*
        }

        impl OptionsBuilder {
            $(
                #[doc = concat!("Sets `", stringify!($name), "`; see [`Options::", stringify!($name), "`].")]
                pub fn $name(mut self, value: $ty) -> OptionsBuilder {
                    self.options.$name = value;
                    self
                }
            )*

            /// Sets the option called `name` to `value`, converted to the option's type (a
            /// number sets a whole-number option when it is whole). The value is checked by
            /// [`OptionsBuilder::build`]; this fails only for an unknown name or a value of
            /// the wrong kind.
            pub fn set(mut self, name: &str, value: Value<'_>) -> Result<OptionsBuilder, OptionsError> {
                let invalid = |reason: String| OptionsError { option: name.to_string(), reason };
                let field = field(name).ok_or_else(|| invalid("there is no such option".to_string()))?;
                (FIELDS[field].set)(&mut self.options, value).map_err(invalid)?;
                Ok(self)
            }

            /// Checks every option and returns them, or the first invalid one with the reason.
            pub fn build(self) -> Result<Options, OptionsError> {
                for field in FIELDS {
                    let value = (field.get)(&self.options);
                    if !field.rule.admits(value) {
                        return Err(OptionsError {
                            option: field.name.to_string(),
                            reason: format!("must be {}, got {value}", field.rule_text),
                        });
                    }
                }
                Ok(self.options)
            }
        }

        /// The options by name, for [`Options::kind`], [`OptionsBuilder::set`] and
        /// [`OptionsBuilder::build`] (`SPECS` has the docs too, which the WebAssembly build does
        /// not need).
        const FIELDS: &[Field] = &[$(
            Field {
                name: stringify!($name),
                kind: kind!($ty, $rule($($bound)*)),
                rule: rule!($rule($($bound)*)),
                rule_text: rule_text!($rule($($bound)*)),
                get: |o| o.$name.to_value(),
                set: |o, v| {
                    o.$name = OptionType::from_value(v)?;
                    Ok(())
                },
            },
        )*];
    };
}

// The table. One row per option:
//   name: type = default [(browser default)], rule(bounds), "doc" [, flag "command-line-flag"];
// Rules: any(), at_least(n), between(lo, hi) (both included), fraction() (in (0, 1]),
// one_of(Variant = "name", ...) (a choice: the type is the enum the row makes, the default a name).
// Offsets and token numbers are 32-bit inside the index, hence the 4 GiB limits on bytes.
// The browser defaults keep a tab responsive: a unit of work is about 10 ns natively and
// 15-25 ns in WebAssembly; the 112 statements of the test corpus need about 18 million.
options! {
    min_statements: usize = 2, at_least(2), "Fewest statements a family must occur in";
    min_words: usize = 2, between(1, 50),
        "Fewest content words (stopwords and punctuation do not count) in a family's root";
    min_weight: f64 = 0.85, at_least(0),
        "Least weight of a family's root, summed over its words (see docs/report.md, \"Scores and weights\")";
    fuzzy_threshold: f64 = 0.75, fraction(), "Least similarity for a one-off variant to join a family";
    max_families: usize = 300, at_least(1), "Most families in a report, the first in its order (similarity uses all; a contrast keeps up to half for each group)";
    order: Order = "formulaic",
        one_of(Formulaic = "formulaic", Widespread = "widespread", Longest = "longest", FirstUsed = "first_used"),
        "Order of the families, before max_families cuts: formulaic (most formulaic first), widespread (most statements, then speakers), longest (most content words in the root), first_used (earliest first use; undated last)";
    query_min_score: f64 = 0.6, fraction(), "Least score of a query occurrence (tuned on tests/fixtures/search-labels.tsv, README \"Search\")", flag "min-score";
    query_max_results: usize = 500, at_least(1), "Most occurrences a query returns", flag "max-results";
    query_max_words: usize = 64, at_least(1), "Most words in a query phrase";
    spelling: bool = true, any(), "British and American spellings compare equal";
    inflection: bool = true, any(), "Light inflection (plural and third-person -s) is ignored";
    synonyms: bool = true, any(),
        "Near-synonyms of the built-in lexicon (\"true\", \"genuine\", \"real\") fill the same slot";
    cross_language: bool = true, any(),
        "A query also finds what the bilingual lexicon pairs with it in the other language (人类命运共同体, \"community with a shared future for mankind\"), after its own occurrences; needs the parallel feature (the browser loads it with the Translation view)";
    work_budget: u64 = 400_000_000 (browser 150_000_000), at_least(1_000),
        "Units of work (alignment cells and postings visited) any run may spend, however small its corpus";
    work_per_word: u64 = 200 (browser 100), any(),
        "Units of work a run may spend per content word of the corpus, on top of work_budget: a larger corpus gets a larger budget (real statements need 10 to 60; periodic text far more)";
    max_statements: usize = 10_000 (browser 2_000), at_least(1), "Most statements in a corpus";
    max_statement_bytes: usize = 16_777_216 (browser 8_388_608), between(1, 4_294_967_295),
        "Most UTF-8 bytes in one statement";
    max_total_bytes: usize = 268_435_456 (browser 33_554_432), between(1, 4_294_967_295),
        "Most UTF-8 bytes in all statements together";
    matrix_max_statements: usize = 2_000, any(),
        "Largest corpus for which the report carries the N x N similarity matrix";
}

/// A number for a message, without the float formatting machinery (which would cost the
/// WebAssembly payload 6 KB): up to 6 decimals, trailing zeros dropped.
pub(crate) fn number(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() || x.abs() >= 1e15 {
        return if x > 0.0 { "a huge number" } else { "a huge negative number" }.into();
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let micros = (x.abs() * 1e6).round() as u64;
    let (whole, frac) = (micros / 1_000_000, micros % 1_000_000);
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let frac = format!("{frac:06}");
    format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
}

/// An invalid option: which one, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionsError {
    /// The option's name, as in the builder (or as given, when there is no such option).
    pub option: String,
    /// What is wrong with its value.
    pub reason: String,
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid option `{}`: {}", self.option, self.reason)
    }
}

impl std::error::Error for OptionsError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_messages() {
        for (x, want) in [
            (1.5, "1.5"),
            (0.0, "0"),
            (-2.25, "-2.25"),
            (1e-7, "0"),
            (0.1 + 0.2, "0.3"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "a huge number"),
        ] {
            assert_eq!(number(x), want);
        }
    }

    #[test]
    fn defaults_are_valid() {
        assert_eq!(Options::builder().build().unwrap(), Options::default());
        assert!(Options::browser_builder().build().is_ok());
    }

    #[test]
    fn invalid_options_name_the_option() {
        let cases: Vec<(OptionsBuilder, &str)> = vec![
            (Options::builder().min_statements(1), "min_statements"),
            (Options::builder().min_words(0), "min_words"),
            (Options::builder().min_weight(f64::NAN), "min_weight"),
            (Options::builder().min_weight(f64::INFINITY), "min_weight"),
            (Options::builder().fuzzy_threshold(0.0), "fuzzy_threshold"),
            (Options::builder().query_min_score(1.5), "query_min_score"),
            (Options::builder().max_families(0), "max_families"),
            (Options::builder().work_budget(10), "work_budget"),
            (Options::builder().max_total_bytes(usize::MAX), "max_total_bytes"),
        ];
        for (builder, option) in cases {
            let err = builder.build().unwrap_err();
            assert_eq!(err.option, option);
            assert!(err.to_string().contains(option));
        }
        let err = Options::builder().min_words(51).build().unwrap_err();
        assert_eq!(err.to_string(), "invalid option `min_words`: must be between 1 and 50, got 51");
    }

    /// A literal as the table writes it (`_` separators allowed, a name in quotes), read back.
    fn parse_literal(kind: Kind, text: &'static str) -> Value<'static> {
        let digits = text.replace('_', "");
        match kind {
            Kind::Bool => Value::Bool(digits.parse().unwrap()),
            Kind::Whole => Value::Whole(digits.parse().unwrap()),
            Kind::Number => Value::Number(digits.parse().unwrap()),
            Kind::Choice(_) => Value::Text(text.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap()),
        }
    }

    /// Values just outside a rule, and values on its edges.
    fn outside_and_edges(rule: Rule, kind: Kind) -> (Vec<Value<'static>>, Vec<Value<'static>>) {
        use Value::{Number as N, Text as T, Whole as W};
        match (rule, kind) {
            (Rule::Any, _) => (vec![], vec![]),
            (Rule::OneOf(names), _) => {
                (vec![T("bogus"), T(""), T("Formulaic"), W(0)], names.iter().map(|&n| T(n)).collect())
            }
            (Rule::AtLeast(min), Kind::Whole) => (vec![W(min - 1)], vec![W(min)]),
            (Rule::AtLeast(min), _) => {
                let min = min as f64;
                (vec![N(min - 0.001), N(f64::NAN), N(f64::INFINITY)], vec![N(min), N(min + 1e9)])
            }
            (Rule::Between(lo, hi), _) => (vec![W(lo - 1), W(hi + 1)], vec![W(lo), W(hi)]),
            (Rule::Fraction, _) => (vec![N(0.0), N(1.001), N(f64::NAN)], vec![N(0.001), N(1.0)]),
        }
    }

    #[test]
    fn the_table_states_what_options_do() {
        let defaults = Options::default();
        let browser = Options::browser_builder().build().unwrap();
        let fields = serde_json_keys(&defaults);
        let names: Vec<&str> = SPECS.iter().map(|s| s.name).collect();
        assert_eq!(names, fields, "one row per field, in the fields' order");
        let unique: std::collections::BTreeSet<&str> = names.iter().copied().collect();
        assert_eq!(unique.len(), names.len(), "names are unique");
        for spec in SPECS {
            // Defaults: the value, its text, the browser's.
            assert_eq!(defaults.get(spec.name), Some(spec.default), "{}", spec.name);
            assert_eq!(parse_literal(spec.kind, spec.default_text), spec.default, "{}", spec.name);
            assert_eq!(browser.get(spec.name), Some(spec.browser_default.unwrap_or(spec.default)), "{}", spec.name);
            if let Some(text) = spec.browser_default_text {
                assert_eq!(Some(parse_literal(spec.kind, text)), spec.browser_default, "{}", spec.name);
                assert_ne!(spec.browser_default, Some(spec.default), "{}: a browser default differs", spec.name);
            }
            // Kinds.
            assert_eq!(Options::kind(spec.name), Some(spec.kind));
            let value_kind = match spec.default {
                Value::Bool(_) => Kind::Bool,
                Value::Whole(_) => Kind::Whole,
                Value::Number(_) => Kind::Number,
                Value::Text(_) => spec.kind,
            };
            assert_eq!(value_kind, spec.kind, "{}", spec.name);
            if let Kind::Choice(names) = spec.kind {
                assert_eq!(spec.rule, Rule::OneOf(names), "{}", spec.name);
                assert!(spec.rule.admits(spec.default), "{}: the default is one of the names", spec.name);
                assert_eq!(spec.plain_default(), spec.default_text.trim_matches('"'), "{}", spec.name);
            } else {
                assert_eq!(spec.plain_default(), spec.default_text, "{}", spec.name);
            }
            // Setting the default by name changes nothing.
            let same = Options::builder().set(spec.name, spec.default).unwrap().build().unwrap();
            assert_eq!(same, defaults, "{}", spec.name);
            // The rule: the builder refuses values outside it, with its words, and takes its edges.
            assert_eq!(spec.rule_text.is_empty(), spec.rule == Rule::Any, "{}", spec.name);
            let (outside, edges) = outside_and_edges(spec.rule, spec.kind);
            for v in outside {
                // A value of the right kind is refused by `build`, a name outside a choice by `set`.
                let err = Options::builder().set(spec.name, v).and_then(OptionsBuilder::build).unwrap_err();
                assert_eq!(err.option, spec.name);
                assert!(err.reason.starts_with(&format!("must be {}, got", spec.rule_text)), "{err}");
            }
            for v in edges {
                let options = Options::builder().set(spec.name, v).unwrap().build();
                assert!(options.is_ok(), "{}: {v} is allowed: {options:?}", spec.name);
                assert_eq!(options.unwrap().get(spec.name), Some(v), "{}", spec.name);
            }
            // Docs: one line, no final period (the surfaces add their own).
            assert!(!spec.doc.is_empty() && !spec.doc.contains('\n') && !spec.doc.ends_with('.'), "{}", spec.name);
            assert!(!spec.doc.contains("*/"), "{}: the doc goes into a TypeScript comment", spec.name);
        }
    }

    /// The keys of the options as they are serialized (the JavaScript `options` getter), in order.
    fn serde_json_keys(options: &Options) -> Vec<String> {
        let json = serde_json::to_string(options).unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        keys.sort_by_key(|k| json.find(&format!("\"{k}\":")).unwrap());
        keys
    }

    #[test]
    fn values_convert_by_kind() {
        let b = || Options::builder();
        assert_eq!(b().set("min_words", Value::Number(3.0)).unwrap().build().unwrap().min_words(), 3);
        assert_eq!(b().set("min_weight", Value::Whole(2)).unwrap().build().unwrap().min_weight(), 2.0);
        for (name, value, reason) in [
            ("min_words", Value::Number(2.5), "must be a whole number >= 0 within range, got 2.5"),
            ("max_statements", Value::Number(-1.0), "must be a whole number >= 0 within range, got -1"),
            (
                "work_budget",
                Value::Number(2f64.powi(60)),
                "must be a whole number >= 0 within range, got a huge number",
            ),
            ("spelling", Value::Whole(1), "must be true or false, got 1"),
            ("min_weight", Value::Bool(true), "must be a number, got true"),
            ("min_words", Value::Text("2"), "must be a number, got \"2\""),
            (
                "order",
                Value::Text("longest first"),
                "must be one of formulaic, widespread, longest, first_used, got \"longest first\"",
            ),
            ("order", Value::Whole(1), "must be one of formulaic, widespread, longest, first_used, got 1"),
            ("min_wrods", Value::Whole(1), "there is no such option"),
        ] {
            let err = b().set(name, value).unwrap_err();
            assert_eq!((err.option.as_str(), err.reason.as_str()), (name, reason));
        }
        let longest = b().set("order", Value::Text("longest")).unwrap().build().unwrap();
        assert_eq!(longest.order(), Order::Longest);
        assert_eq!(longest.get("order"), Some(Value::Text("longest")));
        assert_eq!(Options::default().order(), Order::Formulaic);
        assert_eq!(Order::NAMES, ["formulaic", "widespread", "longest", "first_used"]);
        assert_eq!(Order::FirstUsed.name(), "first_used");
        assert_eq!(Options::kind("min_wrods"), None);
        assert_eq!(Options::default().get("min_wrods"), None);
    }

    #[test]
    fn the_typescript_declaration_states_the_table() {
        assert!(TYPESCRIPT.starts_with("/**") && TYPESCRIPT.ends_with("}\n"));
        let body = TYPESCRIPT.split_once("export interface Options {\n").unwrap().1;
        let mut rest = body;
        for spec in SPECS {
            let (entry, after) = rest.split_once(";\n").unwrap();
            rest = after;
            let mut words = format!("   * {}", spec.doc);
            if !spec.rule_text.is_empty() {
                words += &format!(". Must be {}", spec.rule_text);
            }
            assert!(entry.contains(&format!("{words}.\n")), "{entry}");
            let default = spec.browser_default_text.unwrap_or(spec.default_text);
            assert!(entry.contains(&format!("   * @default {default}")), "{entry}");
            assert!(entry.ends_with(&format!("  {}?: {}", spec.name, spec.kind.typescript())), "{entry}");
            if let Kind::Choice(names) = spec.kind {
                let union: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
                assert!(entry.ends_with(&union.join(" | ")), "{entry}");
            }
        }
        assert_eq!(rest, "}\n");
    }
}
