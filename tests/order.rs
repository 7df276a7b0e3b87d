//! The orders a reader can choose (option `order`): each puts the family it should first, the
//! report's families follow it (ids `f1`, `f2`, ... included), and `max_families` cuts after it.

use refrain::options::Order;
use refrain::report::Report;
use refrain::{Corpus, Options, Statement};

/// `n` made-up words for statement `seed` (no stopword, no word shared by chance).
fn words(seed: usize, n: usize) -> String {
    let mut x = (seed as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let word = |x: &mut u64| -> String {
        (0..7)
            .map(|_| {
                *x ^= *x >> 29;
                *x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
                (b'a' + (*x % 26) as u8) as char
            })
            .collect()
    };
    (0..n).map(|_| word(&mut x)).collect::<Vec<_>>().join(" ")
}

/// A long passage two statements share, a short phrase most statements use, a phrase of the
/// earliest (2001) statement, and one used only in undated statements.
const LONG: &str = "velmora tashkeen brunoval cadrisse ompherel quillant dravesco hemlark sorvaine patrelux";
const WIDE: &str = "zorbic quintal marnefy";
const EARLY: &str = "glimmerous oxbrand telquist";
const UNDATED: &str = "fenwrought calibrix mossendel";

fn corpus(options: Options) -> Corpus {
    // (speaker, date, phrases)
    let plan: [(&str, Option<&str>, &[&str]); 8] = [
        ("Ana", Some("2019-03-01"), &[LONG, WIDE]),
        ("Ben", Some("2020-05-01"), &[LONG, WIDE]),
        ("Cy", Some("2021"), &[WIDE, EARLY]),
        ("Dee", None, &[WIDE, UNDATED]),
        ("Ana", None, &[WIDE, UNDATED]),
        ("Ben", Some("2022"), &[WIDE]),
        ("Cy", Some("2023"), &[WIDE]),
        ("Eve", Some("2001-01-01"), &[EARLY]),
    ];
    let mut corpus = Corpus::new(options);
    for (i, (speaker, date, phrases)) in plan.iter().enumerate() {
        // Sentences of filler at both ends: no planted phrase reads as boilerplate.
        let mut text = words(i * 10, 50);
        for (k, p) in phrases.iter().enumerate() {
            text = format!("{text}. {p} {}", words(i * 10 + k + 1, 30));
        }
        let text = format!("{text}. {}.", words(i * 10 + 9, 50));
        let mut s = Statement::new(format!("s{i}"), text);
        s.speaker = Some(speaker.to_string());
        s.date = date.map(str::to_string);
        corpus.add(s).unwrap();
    }
    corpus
}

fn report(order: Order, max_families: usize) -> Report {
    let options = Options::builder().order(order).max_families(max_families).build().unwrap();
    corpus(options).compare()
}

fn roots(r: &Report) -> Vec<&str> {
    r.families.iter().map(|f| f.root_norm.as_str()).collect()
}

#[test]
fn each_order_puts_its_family_first_and_the_report_follows_it() {
    let by = |order| report(order, 300);
    let formulaic = by(Order::Formulaic);
    let widespread = by(Order::Widespread);
    let longest = by(Order::Longest);
    let first_used = by(Order::FirstUsed);
    for r in [&formulaic, &widespread, &longest, &first_used] {
        let mut planted = roots(r);
        planted.sort_unstable();
        let mut want = [EARLY, UNDATED, LONG, WIDE];
        want.sort_unstable();
        assert_eq!(planted, want, "the same four families in every order");
        assert!(r.families.iter().all(|f| !f.why.boilerplate), "no family stands at the edges");
        let ids: Vec<String> = (1..=r.families.len()).map(|k| format!("f{k}")).collect();
        assert_eq!(r.families.iter().map(|f| f.id.clone()).collect::<Vec<_>>(), ids, "ids follow the order");
    }

    // formulaic: the score, highest first.
    assert!(formulaic.families.windows(2).all(|w| w[0].score >= w[1].score), "{:?}", roots(&formulaic));
    // widespread: statements, then speakers, most first.
    assert_eq!(roots(&widespread)[0], WIDE);
    let reach = |f: &refrain::report::Family| (f.statements, f.speakers);
    assert!(widespread.families.windows(2).all(|w| reach(&w[0]) >= reach(&w[1])), "{:?}", roots(&widespread));
    // UNDATED (2 statements, 2 speakers) and LONG (2, 2) tie; EARLY (2, 2) too: the score decides.
    assert!(widespread.families[1..].windows(2).all(|w| w[0].score >= w[1].score));
    // longest: content words of the root (every word here is one), most first.
    assert_eq!(roots(&longest)[0], LONG);
    let length = |f: &refrain::report::Family| f.root_norm.split(' ').count();
    assert!(longest.families.windows(2).all(|w| length(&w[0]) >= length(&w[1])), "{:?}", roots(&longest));
    // first_used: the earliest first use first, undated last.
    let order = roots(&first_used);
    assert_eq!((order[0], order[3]), (EARLY, UNDATED), "{order:?}");
    let dates: Vec<Option<&str>> =
        first_used.families.iter().map(|f| f.first_use.as_ref().map(|u| u.date.as_str())).collect();
    assert_eq!(dates, [Some("2001-01-01"), Some("2019-03-01"), Some("2019-03-01"), None]);
    // LONG and WIDE are first used on the same day: the more formulaic comes first.
    assert!(first_used.families[1].score > first_used.families[2].score, "{order:?}");

    // The orders differ on this corpus (so each assertion above tells them apart).
    assert_ne!(roots(&formulaic), roots(&longest));
    assert_ne!(roots(&widespread)[0], roots(&longest)[0]);
}

#[test]
fn max_families_cuts_after_the_order() {
    for (order, first) in [(Order::Widespread, WIDE), (Order::Longest, LONG), (Order::FirstUsed, EARLY)] {
        let r = report(order, 1);
        assert_eq!(roots(&r), [first], "{order:?}");
        assert_eq!(r.stats.families_found, 4);
    }
}

#[test]
fn the_order_is_set_by_name_as_javascript_and_the_command_line_do() {
    use refrain::options::Value;
    let options = Options::builder().set("order", Value::Text("longest")).unwrap().build().unwrap();
    assert_eq!(corpus(options).compare().families[0].root_norm, LONG);
}
