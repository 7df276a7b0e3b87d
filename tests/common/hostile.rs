//! Hostile inputs for the engine: one table for `tests/hostile.rs` (which asserts that each
//! gives a report or a clear error, with bounded work and exact spans) and
//! `benches/hostile.rs` (which prints each one's time and peak memory).
//!
//! Each entry builds its statements only when run, so a bench can measure one at a time.
#![allow(dead_code)] // each includer uses part of it

use refrain::{Options, Statement};

/// One hostile input.
pub struct Case {
    pub statements: Vec<Statement>,
    pub options: Options,
    /// The error code of the first statement `add` must refuse (the ones before it are
    /// accepted; the rest are not added), or None when every statement is accepted.
    pub refused: Option<&'static str>,
    /// Phrases to query after comparing, each with the error code it must give, if any.
    pub queries: Vec<(String, Option<&'static str>)>,
    /// What the report must show beyond being valid.
    pub expect: Expect,
}

/// What a case's report must show, beyond exact spans and bounded work.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Expect {
    /// Nothing more.
    Valid,
    /// The whole of the first two statements is shared: a family covers most of both, found
    /// within the default work budget.
    SharedWholesale,
    /// A family occurs in every statement.
    InEveryStatement,
    /// At least one family.
    SomeFamily,
    /// No family.
    NoFamily,
}

/// A named entry of the table. `build(div)` makes the case with its large sizes divided by
/// `div`: 1 for the sizes of the name (the bench, `cargo test --release`), more for a debug
/// build of the tests, where the engine runs ten times slower.
pub struct Entry {
    pub name: &'static str,
    pub build: fn(usize) -> Case,
}

/// The divisor of large sizes for this build of the tests: 1 with optimizations, 5 without.
pub fn divisor() -> usize {
    if cfg!(debug_assertions) {
        5
    } else {
        1
    }
}

/// Options of most cases: a small fixed work budget (50 million units, an eighth of the
/// default floor, nothing per word), so every case shows that its work is bounded.
pub fn small_budget() -> Options {
    small_budget_builder().build().unwrap()
}

fn small_budget_builder() -> refrain::OptionsBuilder {
    Options::builder().work_budget(50_000_000).work_per_word(0)
}

fn statements(texts: Vec<String>) -> Vec<Statement> {
    texts.into_iter().enumerate().map(|(i, t)| Statement::new(format!("s{i:04}"), t)).collect()
}

fn case(texts: Vec<String>, expect: Expect) -> Case {
    Case { statements: statements(texts), options: small_budget(), refused: None, queries: Vec::new(), expect }
}

/// A deterministic pseudo-random sequence (a 64-bit LCG), so cases are the same every run.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

const FORMULA: &str =
    "practise true multilateralism and build common, comprehensive, cooperative and sustainable security";

/// A real statement of the fixtures, English.
fn fixture(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path))
        .expect("fixture")
}

/// Two statements, `a` and `b` repeated `n` times each: periodic text.
fn periodic(a: &str, b: &str, n: usize) -> Case {
    let mut c = case(vec![a.repeat(n), b.repeat(n)], Expect::SharedWholesale);
    c.options = Options::default();
    c.queries = vec![(a.split_whitespace().take(3).collect::<Vec<_>>().join(" "), None)];
    c
}

/// The queries of the query case: each with the error it must give.
pub fn queries() -> Vec<(String, Option<&'static str>)> {
    let words = |n: usize| (0..n).map(|i| format!("word{i}")).collect::<Vec<_>>().join(" ");
    vec![
        (String::new(), Some("empty_query")),
        ("   \n\t".to_string(), Some("empty_query")),
        ("?!…,;:—()\"'".to_string(), Some("empty_query")),
        (words(64), None),
        (words(65), Some("query_too_long")),
        ("a".to_string(), None),
        ("m".to_string(), None),
        ("(true|genuine).*multilateralism[\\d+]{2,}$".to_string(), None),
        ("真正的多边主义".to_string(), None),
        ("人类命运共同体".to_string(), None),
        ("🌍🤝".to_string(), Some("empty_query")),
        ("multilateralism 🌍".to_string(), None),
        ("\u{0}\u{1}".to_string(), Some("empty_query")),
        ("\u{200B}\u{FEFF}".to_string(), Some("empty_query")),
        ("true multilateralism".to_string(), None),
    ]
}

/// Every hostile input the engine accepts (the CLI's own cases are in tests/hostile.rs).
pub fn table() -> Vec<Entry> {
    vec![
        Entry {
            name: "empty statements",
            build: |_| case(vec![String::new(), String::new(), FORMULA.into()], Expect::NoFamily),
        },
        Entry {
            name: "whitespace-only statements",
            build: |_| {
                case(vec![" \t\n\r\u{a0}\u{3000}\u{2028} ".into(), "\n\n\n".into(), FORMULA.into()], Expect::NoFamily)
            },
        },
        Entry {
            name: "one-character statements",
            build: |_| case(vec!["a".into(), "a".into(), "多".into(), "x".into()], Expect::NoFamily),
        },
        Entry {
            name: "NUL and control characters",
            build: |_| {
                let noisy = format!("\u{0}{}\u{1}\u{7}\u{1b}[31m\u{7f}\u{0}", FORMULA.replace(' ', " \u{0}"));
                case(vec![noisy, FORMULA.into(), "\u{0}\u{0}\u{1}\u{2}\u{3}".into()], Expect::SomeFamily)
            },
        },
        Entry {
            name: "byte order mark",
            build: |_| {
                case(
                    vec![format!("\u{feff}{FORMULA}"), format!("{FORMULA}\u{feff}"), "\u{feff}".into()],
                    Expect::SomeFamily,
                )
            },
        },
        Entry {
            name: "CRLF and lone CR",
            build: |_| {
                let crlf = FORMULA.replace(", ", ",\r\n").replace(" and ", " and\r\n");
                let cr = FORMULA.replace(", ", ",\r").replace(" and ", "\rand\r");
                case(vec![crlf, cr, "\r\r\r\n\r".into()], Expect::SomeFamily)
            },
        },
        Entry {
            name: "a 5 MB word without spaces",
            build: |div| {
                let word = "multilateralism".repeat(5_000_000 / 15 / div);
                case(vec![word.clone(), format!("{word} and {FORMULA}"), FORMULA.into()], Expect::SomeFamily)
            },
        },
        Entry {
            name: "one word repeated 100,000 times",
            build: |div| {
                let mut c = periodic("peace ", "peace ", 100_000 / div);
                c.statements[1].text.push_str("security");
                c
            },
        },
        Entry {
            name: "two words alternating, 5,000 times",
            build: |_| periodic("peace security ", "security peace ", 5_000),
        },
        Entry {
            name: "two words alternating, 10,000 times",
            build: |_| periodic("peace security ", "security peace ", 10_000),
        },
        Entry {
            name: "two words alternating, 100,000 times",
            build: |div| periodic("peace security ", "security peace ", 100_000 / div),
        },
        Entry {
            name: "three words alternating, 100,000 times",
            build: |div| periodic("peace security justice ", "justice peace security ", 100_000 / div),
        },
        Entry {
            name: "a paragraph repeated 2,000 times",
            build: |div| {
                // A period of 60 content words: periodic text with a long period.
                let paragraph =
                    fixture("ungdc/RUS_78_2023.txt").split_whitespace().take(100).collect::<Vec<_>>().join(" ") + ". ";
                let mut c = periodic(&paragraph, &paragraph, 2_000 / div);
                c.statements[1].text.insert_str(0, "Preface. ");
                c
            },
        },
        Entry {
            name: "a vocabulary of 20 words over 50 statements",
            build: |div| {
                const WORDS: [&str; 20] = [
                    "peace", "security", "justice", "order", "trade", "climate", "health", "energy", "water", "food",
                    "reform", "council", "nations", "rights", "law", "growth", "debt", "youth", "faith", "labour",
                ];
                let mut rng = Lcg::new(20);
                let texts = (0..50)
                    .map(|_| (0..2_000 / div).map(|_| WORDS[rng.below(20)]).collect::<Vec<_>>().join(" "))
                    .collect();
                case(texts, Expect::SomeFamily)
            },
        },
        Entry {
            name: "200 identical statements",
            build: |_| case(vec![fixture("ungdc/CHN_78_2023.txt"); 200], Expect::InEveryStatement),
        },
        Entry {
            name: "3,000 small statements",
            build: |div| {
                let mut rng = Lcg::new(3_000);
                let words = ["true", "multilateralism", "common", "security", "peace", "dialogue", "reform", "trade"];
                let texts = (0..3_000 / div)
                    .map(|_| (0..6).map(|_| words[rng.below(8)]).collect::<Vec<_>>().join(" "))
                    .collect();
                case(texts, Expect::SomeFamily)
            },
        },
        Entry {
            name: "only emoji, skin tones, ZWJ sequences",
            build: |_| {
                let emoji = "🌍🤝🔥 👍🏽👍🏿👋🏻 👨‍👩‍👧‍👦 🏳️‍🌈 🧑🏾‍🚀 ❤️‍🔥 🇺🇳🇨🇳 #️⃣ ".repeat(50);
                case(
                    vec![emoji.clone(), emoji, format!("🌍 {FORMULA} 👨‍👩‍👧‍👦"), format!("👍🏽{FORMULA}🏳️‍🌈")],
                    Expect::SomeFamily,
                )
            },
        },
        Entry {
            name: "combining marks and zero-width characters",
            build: |_| {
                let stacked = format!("e{}", "\u{301}\u{302}\u{303}\u{304}\u{306}\u{307}\u{308}\u{30a}\u{30b}\u{30c}");
                let zw = FORMULA
                    .replace(' ', " \u{200b}")
                    .replace("true", "tr\u{200d}ue")
                    .replace("common", "com\u{2060}mon");
                let marks = format!("{stacked} {stacked}{stacked} a\u{301}\u{301}\u{301} {FORMULA} {stacked}");
                case(
                    vec![marks, zw, format!("{stacked}\u{200b}\u{200c}\u{200d}\u{feff}\u{2060}"), FORMULA.into()],
                    Expect::SomeFamily,
                )
            },
        },
        Entry {
            name: "right-to-left text with bidi controls",
            build: |_| {
                let arabic = "السلام والأمن الدوليين وتعددية الأطراف الحقيقية";
                let hebrew = "שלום וביטחון בינלאומיים ורב-צדדיות אמיתית";
                let a = format!("\u{202b}{arabic}\u{202c} \u{2067}{hebrew}\u{2069} \u{200f}{FORMULA}\u{200e}");
                let b = format!("\u{2066}{arabic}\u{2069}. {hebrew}\u{202e}{FORMULA}\u{202c}");
                case(vec![a, b], Expect::SomeFamily)
            },
        },
        Entry {
            name: "Chinese without punctuation, 2 MB",
            build: |div| {
                let zh: String = fixture("official/zh/xi_2020-11-10_sco20_heads_of_state_zh_xinhua.txt")
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect();
                let big = zh.repeat(2_000_000 / div / zh.len() + 1);
                let mut rng = Lcg::new(2);
                let chars: Vec<char> = zh.chars().collect();
                let shuffled: String = (0..700_000 / div).map(|_| chars[rng.below(chars.len())]).collect();
                case(vec![big, zh, shuffled], Expect::SomeFamily)
            },
        },
        Entry {
            name: "a statement at max_statement_bytes",
            build: |_| {
                let limit = 1 << 20;
                let text = FORMULA.repeat(limit / FORMULA.len() + 1)[..limit].to_string();
                let mut c = case(vec![text, FORMULA.into()], Expect::SomeFamily);
                c.options = small_budget_builder().max_statement_bytes(limit).build().unwrap();
                c
            },
        },
        Entry {
            name: "a statement one byte over max_statement_bytes",
            build: |_| {
                let limit = 1 << 20;
                let text = FORMULA.repeat(limit / FORMULA.len() + 1)[..limit + 1].to_string();
                let mut c = case(vec![FORMULA.into(), text, FORMULA.into()], Expect::Valid);
                c.options = small_budget_builder().max_statement_bytes(limit).build().unwrap();
                c.refused = Some("statement_too_large");
                c
            },
        },
        Entry {
            name: "queries",
            build: |_| {
                let texts = vec![
                    fixture("ungdc/CHN_78_2023.txt"),
                    fixture("seed/editorial-brics-nsa-2023.txt"),
                    fixture("official/zh/xi_2020-11-17_brics12_summit_zh.txt"),
                    format!("🌍 {FORMULA} 多边主义"),
                ];
                let mut c = case(texts, Expect::SomeFamily);
                c.queries = queries();
                c
            },
        },
    ]
}
