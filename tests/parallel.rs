//! Parallel texts: sentence alignment of a Chinese statement and its English edition, and the
//! bilingual formula lexicon, checked against the official parallel editions of
//! `../shared/corpus/official` (tests only) and a hand-checked alignment.

use refrain::parallel::{normalize_en, normalize_zh};
use refrain::report::{Alignment, BeadStatus};
use refrain::{align_texts, lexicon};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// The lexicon's builder (`scripts/build-lexicon`), to check that it gives the committed lexicon.
#[path = "../scripts/build_lexicon.rs"]
#[allow(dead_code)]
mod build_lexicon;

fn corpus() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    assert!(root.is_dir(), "../shared/corpus (the project's shared statements) must lie beside the repository");
    root
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every span of the report slices back to its text, in bytes and in UTF-16.
fn check_spans(a: &Alignment, zh: &str, en: &str) {
    let utf16 = |text: &str, start: usize, end: usize| {
        let before = text[..start].encode_utf16().count();
        (before, before + text[start..end].encode_utf16().count())
    };
    for (side, text) in [(&a.zh, zh), (&a.en, en)] {
        for (i, s) in side.iter().enumerate() {
            let e = &s.excerpt;
            assert_eq!(s.index, i);
            assert_eq!(&text[e.start..e.end], e.text);
            assert_eq!(utf16(text, e.start, e.end), (e.utf16_start, e.utf16_end));
        }
    }
    for b in &a.beads {
        for f in &b.formulas {
            assert_eq!(&zh[f.zh.start..f.zh.end], f.zh.text);
            assert_eq!(utf16(zh, f.zh.start, f.zh.end), (f.zh.utf16_start, f.zh.utf16_end));
            if let Some(r) = &f.en {
                assert_eq!(&en[r.start..r.end], r.text);
                assert_eq!(utf16(en, r.start, r.end), (r.utf16_start, r.utf16_end));
            }
        }
    }
    // Every sentence is in exactly one bead, in order.
    let zs: Vec<usize> = a.beads.iter().flat_map(|b| b.zh.clone()).collect();
    let es: Vec<usize> = a.beads.iter().flat_map(|b| b.en.clone()).collect();
    assert_eq!(zs, (0..a.zh.len()).collect::<Vec<_>>());
    assert_eq!(es, (0..a.en.len()).collect::<Vec<_>>());
}

#[test]
fn a_small_pair_with_formulas_numbers_emoji_and_no_break_spaces() {
    let zh = "主席先生，各位同事：🌍我们要坚持多边主义，推动构建人类命运共同体。中国将提供20亿美元国际援助。（新华社北京9月22日电）";
    let en = "Mr.\u{00A0}President,\n\nColleagues,\n\n🌍 We should uphold multilateralism and build a community with a shared \
              future for\u{00A0}mankind. China will provide US$2 billion of international assistance.";
    let a = align_texts(zh, en);
    check_spans(&a, zh, en);
    let beads: Vec<(Vec<usize>, Vec<usize>, BeadStatus)> =
        a.beads.iter().map(|b| (b.zh.clone(), b.en.clone(), b.status)).collect();
    assert_eq!(
        beads,
        [
            (vec![0], vec![0, 1], BeadStatus::Aligned),
            (vec![1], vec![2], BeadStatus::Aligned),
            (vec![2], vec![3], BeadStatus::Aligned),
            (vec![3], vec![], BeadStatus::NoCounterpart),
        ]
    );
    assert_eq!(a.unaligned_zh, [3]);
    assert!(a.unaligned_en.is_empty());
    let links: Vec<(&str, Option<&str>)> =
        a.beads[1].formulas.iter().map(|f| (f.zh.text.as_str(), f.en.as_ref().map(|e| e.text.as_str()))).collect();
    assert_eq!(
        links,
        [
            ("坚持多边主义", Some("uphold multilateralism")),
            ("人类命运共同体", Some("community with a shared future for\u{00A0}mankind"))
        ]
    );
    assert_eq!(a.beads[2].anchors, 1, "20亿 = 2 billion");
    // 主席先生 = Mr. President and 各位同事 = colleagues in the salutation, and the two above.
    assert_eq!((a.stats.formulas, a.stats.formulas_rendered), (4, 4));
}

#[test]
fn nothing_to_align() {
    let a = align_texts("", "");
    assert!(a.beads.is_empty() && a.zh.is_empty() && a.en.is_empty());
    let a = align_texts("只有中文。", "");
    assert_eq!(a.unaligned_zh, [0]);
    assert_eq!(a.beads[0].status, BeadStatus::NoCounterpart);
}

/// One bead of the hand-checked fixture: the bytes it covers on each side.
type Cover = (Option<(usize, usize)>, Option<(usize, usize)>);

fn covers(a: &Alignment) -> Vec<Cover> {
    let side = |ids: &[usize], s: &[refrain::report::AlignedSentence]| {
        ids.first().map(|&i| (s[i].excerpt.start, s[ids[ids.len() - 1]].excerpt.end))
    };
    a.beads.iter().map(|b| (side(&b.zh, &a.zh), side(&b.en, &a.en))).collect()
}

#[test]
fn alignment_accuracy_on_the_hand_checked_pair() {
    let root = corpus();
    let zh = read(&root.join("official/zh/xi_2020-09-22_unga75_general_debate_zh.txt"));
    let en = read(&root.join("official/en/xi_2020-09-22_unga75_general_debate.txt"));
    let fixture = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parallel/unga75-beads.tsv"));
    let span = |a: &str, b: &str| (a != "-").then(|| (a.parse().unwrap(), b.parse().unwrap()));
    let gold: Vec<Cover> = fixture
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (span(f[2], f[3]), span(f[4], f[5]))
        })
        .collect();
    assert_eq!(gold.len(), 64);
    let gold_set: BTreeSet<Cover> = gold.iter().copied().collect();

    let a = align_texts(&zh, &en);
    check_spans(&a, &zh, &en);
    // The fixture was checked against this sentence splitting: every gold bead starts and ends on
    // sentence boundaries of the report.
    let starts: BTreeSet<usize> =
        a.zh.iter().map(|s| s.excerpt.start).chain(a.en.iter().map(|s| s.excerpt.start)).collect();
    assert!(gold.iter().flat_map(|(z, e)| [z, e]).flatten().all(|(s, _)| starts.contains(s)));
    let produced = covers(&a);
    let correct = produced.iter().filter(|c| gold_set.contains(c)).count();
    let precision = correct as f64 / produced.len() as f64;
    let recall = correct as f64 / gold.len() as f64;
    let plain = covers(&refrain::align_texts_with(&zh, &en, &refrain::Lexicon::empty()));
    let plain_correct = plain.iter().filter(|c| gold_set.contains(c)).count();
    println!(
        "UNGA 75 pair: {correct} of {} beads correct ({precision:.3}), {correct} of {} gold beads found ({recall:.3}); \
         without the lexicon {plain_correct} of {} ({:.3})",
        produced.len(),
        gold.len(),
        plain.len(),
        plain_correct as f64 / plain.len() as f64
    );
    assert!(precision >= 0.85 && recall >= 0.85, "precision {precision:.3}, recall {recall:.3}");
    // The source line of the Chinese edition has no English counterpart and is reported as such.
    let last = a.beads.last().unwrap();
    assert_eq!((last.status, last.en.len()), (BeadStatus::NoCounterpart, 0));
}

/// The Chinese editions with an English one, from their sidecars: (zh file, en file).
fn editions(root: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let dir = root.join("official/zh");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    for name in names {
        let meta: serde_json::Value = serde_json::from_str(&read(&dir.join(&name))).unwrap();
        if let Some(en) = meta["english_parallel"].as_str() {
            out.push((format!("official/zh/{}.txt", name.trim_end_matches(".json")), en.to_string()));
        }
    }
    out
}

#[test]
fn every_lexicon_entry_has_evidence_in_an_official_parallel_pair() {
    let root = corpus();
    let parallel: HashMap<String, String> = editions(&root).into_iter().collect();
    let lexicon = lexicon();
    assert!(lexicon.len() >= 100, "the lexicon has {} entries", lexicon.len());
    let mut texts: HashMap<String, String> = HashMap::new();
    let mut text = |file: &str| texts.entry(file.to_string()).or_insert_with(|| read(&root.join(file))).clone();
    let mut seen = BTreeSet::new();
    for entry in lexicon.entries() {
        let ev = &entry.evidence;
        assert_eq!(
            parallel.get(&ev.zh_file),
            Some(&ev.en_file),
            "{} = {}: not an official parallel pair",
            entry.zh,
            entry.en
        );
        let (zh, en) = (text(&ev.zh_file), text(&ev.en_file));
        assert_eq!(normalize_zh(&zh[ev.zh.range()]), normalize_zh(&entry.zh), "{}", entry.zh);
        assert_eq!(normalize_en(&en[ev.en.range()]), normalize_en(&entry.en), "{}", entry.en);
        assert!(
            seen.insert((normalize_zh(&entry.zh), normalize_en(&entry.en))),
            "duplicate {} = {}",
            entry.zh,
            entry.en
        );
        assert_eq!(entry.en, entry.en.to_lowercase());
    }
}

#[test]
fn the_lexicon_holds_exactly_the_accepted_decisions() {
    let decisions = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/lexicon-decisions.tsv"));
    let accepted: BTreeSet<(String, String)> = decisions
        .lines()
        .filter(|l| l.starts_with("accept\t"))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[1].to_string(), f[2].to_string())
        })
        .collect();
    let entries: BTreeSet<(String, String)> =
        lexicon().entries().iter().map(|e| (e.zh.clone(), normalize_en(&e.en))).collect();
    assert_eq!(entries, accepted);
}

#[test]
fn look_ups_both_ways() {
    let l = lexicon();
    assert_eq!(l.renderings("人类命运共同体"), ["community with a shared future for mankind"]);
    assert_eq!(l.renderings("共商共建共享"), ["extensive consultation, joint contribution and shared benefits"]);
    let wto = l.renderings("世界贸易组织");
    assert!(wto.contains(&"wto") && wto.contains(&"world trade organization"), "{wto:?}");
    assert_eq!(l.originals("Community with a Shared Future for Mankind"), ["人类命运共同体"]);
    assert_eq!(l.originals("a new development paradigm"), Vec::<&str>::new(), "words outside the rendering");
    assert_eq!(l.originals("new development paradigm"), ["新发展格局"]);
}

#[test]
fn most_formula_occurrences_of_the_chinese_editions_find_their_rendering() {
    let root = corpus();
    let (mut formulas, mut rendered, mut beads, mut aligned) = (0, 0, 0, 0);
    let mut texts = HashMap::new();
    let mut primary = Vec::new();
    for (zh_file, en_file) in editions(&root) {
        let (zh, en) = (read(&root.join(&zh_file)), read(&root.join(&en_file)));
        let a = align_texts(&zh, &en);
        check_spans(&a, &zh, &en);
        formulas += a.stats.formulas;
        rendered += a.stats.formulas_rendered;
        beads += a.beads.len();
        aligned += a.stats.aligned_beads;
        if !primary.iter().any(|(_, e, _)| e == &en_file) {
            primary.push((zh_file.clone(), en_file.clone(), a));
        }
        texts.insert(zh_file, zh);
        texts.insert(en_file, en);
    }
    println!(
        "Chinese editions: {aligned} of {beads} beads aligned; {rendered} of {formulas} lexicon formula occurrences \
         in aligned beads have their rendering in the aligned English sentences"
    );
    assert!(formulas > 500 && rendered as f64 >= 0.75 * formulas as f64, "{rendered} of {formulas}");

    // Across the ten primary pairs: each formula's renderings, with the places.
    let pairs: Vec<(&str, &Alignment)> = primary.iter().map(|(zh, _, a)| (zh.as_str(), a)).collect();
    let tally = refrain::parallel::tally(&pairs);
    let community = tally.iter().find(|f| f.formula == "人类命运共同体").expect("a formula of the lexicon");
    let top = &community.renderings[0];
    println!("人类命运共同体 is rendered “{}” in {} statements", top.rendering.as_deref().unwrap(), top.statements);
    assert_eq!(top.rendering.as_deref(), Some("community with a shared future for mankind"));
    assert!(top.statements >= 7, "{}", top.statements);
    for f in &tally {
        assert_eq!(f.occurrences, f.renderings.iter().map(|r| r.places.len()).sum::<usize>());
        for r in &f.renderings {
            for p in &r.places {
                let (_, en_file, _) = primary.iter().find(|(zh, _, _)| *zh == p.pair).unwrap();
                assert_eq!(&texts[&p.pair][p.zh.start..p.zh.end], p.zh.text);
                assert_eq!(normalize_zh(&p.zh.text), normalize_zh(&f.formula));
                assert_eq!(p.en.is_some(), r.rendering.is_some());
                if let Some(e) = &p.en {
                    assert_eq!(&texts[en_file][e.start..e.end], e.text);
                    assert_eq!(normalize_en(&e.text), normalize_en(r.rendering.as_deref().unwrap()));
                }
            }
        }
    }
}

#[test]
fn the_length_ratio_is_the_corpus_ratio() {
    // English characters per Chinese character (whitespace not counted) over the primary pairs:
    // the first Chinese edition by file name of each English edition.
    let root = corpus();
    let mut seen = BTreeSet::new();
    let (mut zh_chars, mut en_chars) = (0usize, 0usize);
    let count = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    for (zh_file, en_file) in editions(&root) {
        if seen.insert(en_file.clone()) {
            zh_chars += count(&read(&root.join(zh_file)));
            en_chars += count(&read(&root.join(en_file)));
        }
    }
    assert_eq!(seen.len(), 10);
    let ratio = en_chars as f64 / zh_chars as f64;
    println!("{en_chars} English / {zh_chars} Chinese characters = {ratio:.3}");
    assert!((ratio - refrain::parallel::gale_church::RATIO).abs() < 0.05, "{ratio}");
}

#[test]
fn the_committed_lexicon_is_what_its_builder_gives() {
    // scripts/build-lexicon --check, in a test: same corpus and decisions, same lexicon, byte for
    // byte, and no proposal left without a decision.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = build_lexicon::build(&corpus(), &read(&root.join("scripts/lexicon-decisions.tsv"))).unwrap();
    assert_eq!(out.undecided, 0, "proposals without a decision: run scripts/build-lexicon and review them");
    assert!(out.stale.is_empty(), "decisions that match no proposal: {:?}", out.stale);
    assert_eq!(out.lexicon.as_deref(), Some(read(&root.join("src/parallel/lexicon-zh-en.tsv")).as_str()));
    println!("{} proposals, {} accepted", out.found.proposals.len(), out.accepted);
}
