//! Cross-language query and `Corpus::align`, on official parallel editions of
//! `../shared/corpus/official` (tests only): a formula in one language finds the lexicon's
//! renderings in the other, marked with the lexicon entry and its evidence, after the query's own
//! occurrences; the option `cross_language` turns it off.

#[path = "common/checks.rs"]
mod checks;

use refrain::parallel::{normalize_en, normalize_zh};
use refrain::{align_texts, lexicon, Corpus, Error, Options, Statement};
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    assert!(root.is_dir(), "../shared/corpus (the project's shared statements) must lie beside the repository");
    root
}

fn read(rel: &str) -> String {
    let path = corpus_dir().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Two parallel pairs (UN75 high-level meeting, UNGA 75 general debate), Chinese and English.
fn statements() -> Vec<Statement> {
    let mut out = Vec::new();
    for name in ["xi_2020-09-21_un75_high_level_meeting", "xi_2020-09-22_unga75_general_debate"] {
        let mut zh = Statement::new(format!("{name}_zh"), read(&format!("official/zh/{name}_zh.txt")));
        zh.language = Some("zh".into());
        let mut en = Statement::new(name, read(&format!("official/en/{name}.txt")));
        en.language = Some("en".into());
        out.push(zh);
        out.push(en);
    }
    out
}

fn corpus(options: Options) -> Corpus {
    let mut c = Corpus::new(options);
    for s in statements() {
        c.add(s).unwrap();
    }
    c
}

fn is_zh(id: &str) -> bool {
    id.ends_with("_zh")
}

#[test]
fn an_english_formula_finds_its_chinese_original_with_the_lexicon_evidence() {
    let phrase = "community with a shared future for mankind";
    let options = Options::default();
    let mut c = corpus(options.clone());
    let q = c.query(phrase).unwrap();
    checks::query(&statements(), &options, phrase, &q);

    let own: Vec<_> = q.occurrences.iter().filter(|o| o.translation.is_none()).collect();
    let translated: Vec<_> = q.occurrences.iter().filter(|o| o.translation.is_some()).collect();
    assert!(own.len() >= 2, "the English editions say it: {}", own.len());
    assert!(own.iter().all(|o| !is_zh(&o.excerpt.doc)));
    // The occurrences through the lexicon are 人类命运共同体 and its variants in the Chinese
    // editions, after the own ones: each edition says it exactly at least once.
    let exact = |o: &&&refrain::report::QueryOccurrence| o.score == 1.0;
    assert_eq!(translated.iter().filter(exact).count(), 2, "the Chinese editions say 人类命运共同体");
    let first_translated = q.occurrences.iter().position(|o| o.translation.is_some()).unwrap();
    assert!(q.occurrences[first_translated..].iter().all(|o| o.translation.is_some()));
    for o in &translated {
        assert!(is_zh(&o.excerpt.doc), "{}", o.excerpt.doc);
        if o.score == 1.0 {
            assert_eq!(normalize_zh(&o.excerpt.text), "人类命运共同体", "{:?}", o.excerpt.text);
        }
        let t = o.translation.as_ref().unwrap();
        assert_eq!((t.phrase.as_str(), t.language.as_str()), ("人类命运共同体", "zh"));
        assert_eq!((t.entry_zh.as_str(), t.entry_en.as_str()), ("人类命运共同体", phrase));
        // The evidence slices back to the formula and the rendering in the official editions.
        assert!(!t.evidence.is_empty());
        for e in &t.evidence {
            assert_eq!(normalize_zh(&read(&e.zh_file)[e.zh_start..e.zh_end]), "人类命运共同体");
            assert_eq!(normalize_en(&read(&e.en_file)[e.en_start..e.en_end]), normalize_en(phrase));
        }
    }
    // Best first among the translated ones.
    assert!(translated.windows(2).all(|w| w[0].score >= w[1].score));
    assert_eq!(q.total, q.occurrences.len());
    assert!(q.notes.iter().any(|n| n.contains("through the bilingual lexicon") && n.contains("人类命运共同体")));
}

#[test]
fn a_chinese_formula_finds_its_english_rendering_and_the_option_turns_it_off() {
    let phrase = "人类命运共同体";
    let mut c = corpus(Options::default());
    let q = c.query(phrase).unwrap();
    let translated: Vec<_> = q.occurrences.iter().filter(|o| o.translation.is_some()).collect();
    assert!(q.occurrences.iter().take_while(|o| o.translation.is_none()).all(|o| is_zh(&o.excerpt.doc)));
    let rendering = normalize_en("community with a shared future for mankind");
    assert_eq!(translated.iter().filter(|o| normalize_en(&o.excerpt.text) == rendering).count(), 2);
    for o in &translated {
        assert!(!is_zh(&o.excerpt.doc));
        assert_eq!(o.score == 1.0, normalize_en(&o.excerpt.text) == rendering, "{:?}", o.excerpt.text);
        assert_eq!(o.translation.as_ref().unwrap().language, "en");
    }

    let off = Options::builder().cross_language(false).build().unwrap();
    assert!(!off.cross_language());
    let q_off = corpus(off).query(phrase).unwrap();
    assert!(q_off.occurrences.iter().all(|o| o.translation.is_none() && is_zh(&o.excerpt.doc)));
    assert_eq!(q_off.occurrences.len(), q.occurrences.len() - translated.len());
    assert!(q_off.notes.iter().all(|n| !n.contains("lexicon")));
}

#[test]
fn a_query_the_lexicon_does_not_know_as_a_whole_is_searched_as_it_is() {
    let mut c = corpus(Options::default());
    // A longer phrase that contains a formula is not a formula: no translation.
    let q = c.query("build a community with a shared future for mankind").unwrap();
    assert!(q.occurrences.iter().all(|o| o.translation.is_none()));
    assert!(refrain::parallel::translations("build a community with a shared future for mankind", lexicon()).is_empty());
    // Known both ways, by normalized form (case, plural, spaces).
    let t = refrain::parallel::translations("Communities with a Shared Future for Mankind", lexicon());
    assert_eq!(t.iter().map(|t| t.phrase.as_str()).collect::<Vec<_>>(), ["人类命运共同体"]);
    let t = refrain::parallel::translations("人类 命运 共同体", lexicon());
    assert_eq!(t[0].phrase, "community with a shared future for mankind");
}

#[test]
fn the_cut_counts_both_kinds_and_says_so() {
    let phrase = "multilateralism";
    let options = Options::builder().query_max_results(3).build().unwrap();
    let mut c = corpus(options.clone());
    let q = c.query(phrase).unwrap();
    checks::query(&statements(), &options, phrase, &q);
    assert_eq!(q.occurrences.len(), 3);
    let full = corpus(Options::default()).query(phrase).unwrap();
    assert!(full.occurrences.iter().any(|o| o.translation.is_some()), "多边主义 is in the lexicon");
    assert_eq!(q.total, full.total);
    assert_eq!(full.total, full.occurrences.len());
    let cut = format!("3 of {} occurrences reported; raise query_max_results to see more.", full.total);
    assert_eq!(q.notes.iter().filter(|n| n.contains("raise query_max_results")).collect::<Vec<_>>(), [&cut]);
}

#[test]
fn corpus_align_aligns_two_statements_by_id() {
    let c = corpus(Options::default());
    let name = "xi_2020-09-22_unga75_general_debate";
    let a = c.align(&format!("{name}_zh"), name).unwrap();
    let zh = read(&format!("official/zh/{name}_zh.txt"));
    let en = read(&format!("official/en/{name}.txt"));
    assert_eq!(a, align_texts(&zh, &en));
    assert!(a.stats.formulas_rendered > 0);
    assert_eq!(c.align("nope", name).unwrap_err(), Error::UnknownStatement("nope".into()));
}

#[test]
fn families_name_their_renderings_in_the_other_language_and_each_other() {
    let report = corpus(Options::default()).compare();
    let by_id: std::collections::HashMap<&str, &refrain::report::Family> =
        report.families.iter().map(|f| (f.id.as_str(), f)).collect();
    let zh: Vec<_> = report.families.iter().filter(|f| normalize_zh(&f.root).contains("人类命运共同体")).collect();
    let en: Vec<_> = report
        .families
        .iter()
        .filter(|f| normalize_en(&f.root).contains("community with a shared future for mankind"))
        .collect();
    assert!(!zh.is_empty() && !en.is_empty(), "both editions repeat the formula");
    for f in &zh {
        let r = f
            .renderings
            .iter()
            .find(|r| r.zh == "人类命运共同体" && r.en == "community with a shared future for mankind")
            .unwrap_or_else(|| panic!("{} {:?}", f.id, f.renderings));
        let mut want: Vec<&str> = en.iter().map(|g| g.id.as_str()).collect();
        want.sort_by_key(|id| report.families.iter().position(|g| g.id == *id));
        assert_eq!(r.families, want, "{}", f.id);
    }
    // Every link is mutual: a family named as the other side names this one back.
    for f in &report.families {
        for r in &f.renderings {
            for other in &r.families {
                let back = by_id[other.as_str()].renderings.iter().find(|b| b.zh == r.zh && b.en == r.en);
                assert!(back.is_some_and(|b| b.families.contains(&f.id)), "{} -> {other} ({} = {})", f.id, r.zh, r.en);
            }
        }
    }
    let off = corpus(Options::builder().cross_language(false).build().unwrap()).compare();
    assert!(off.families.iter().all(|f| f.renderings.is_empty()));
}
