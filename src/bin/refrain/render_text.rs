//! The readable summaries (`--text`, the default): strongest families, shares, similarity, and
//! keyword-in-context lines for a query. Columns are measured in terminal columns
//! (`unicode-width`), so that labels in Chinese line up with the others.

use refrain::report::{
    Alignment, BeadStatus, ContrastFamily, ContrastReport, Edit, EditOp, Family, QueryReport, Report, Wording,
};
use refrain::Statement;
use std::collections::HashMap;
use std::fmt::{self, Write};
use std::io;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The summaries' writer on stdout: each line goes out as it is made, not kept in a string.
/// The first error of the output (a closed pipe) ends the writing; [`Lines::finish`] returns it.
pub struct Lines<W: io::Write> {
    out: W,
    error: Option<io::Error>,
}

impl<W: io::Write> Lines<W> {
    pub fn new(out: W) -> Lines<W> {
        Lines { out, error: None }
    }

    /// The first error of the output, if any.
    pub fn finish(self) -> io::Result<()> {
        self.error.map_or(Ok(()), Err)
    }
}

impl<W: io::Write> Write for Lines<W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.error.is_some() {
            return Err(fmt::Error);
        }
        self.out.write_all(s.as_bytes()).map_err(|e| {
            self.error = Some(e);
            fmt::Error
        })
    }
}

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

/// How many terminal columns `s` takes: a Han character takes two, a combining mark none.
fn width(s: &str) -> usize {
    s.width()
}

/// The longest run of `chars` that fits in `max` columns.
fn fit(chars: impl Iterator<Item = char>, max: usize) -> String {
    let mut used = 0;
    let mut t = String::new();
    for c in chars {
        used += c.width().unwrap_or(0);
        if used > max {
            break;
        }
        t.push(c);
    }
    t
}

/// `s` in at most `max` columns, cut with an ellipsis.
fn clip(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    fit(s.chars(), max.saturating_sub(1)) + "…"
}

/// `s` in at most `max` columns, cut in the middle (labels differ at both ends).
fn clip_middle(s: &str, max: usize) -> String {
    if width(s) <= max || max < 3 {
        return s.to_string();
    }
    let head = (max - 1) / 2;
    let tail: String = fit(s.chars().rev(), max - 1 - head).chars().rev().collect();
    fit(s.chars(), head) + "…" + &tail
}

/// The end of `s` in at most `max` columns, cut with a leading ellipsis.
fn clip_start(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let tail: String = fit(s.chars().rev(), max.saturating_sub(1)).chars().rev().collect();
    format!("…{tail}")
}

/// `s` followed by spaces up to `columns` columns, for a left-aligned table cell.
fn pad(s: &str, columns: usize) -> String {
    format!("{s}{}", " ".repeat(columns.saturating_sub(width(s))))
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
        let mut uses: HashMap<&str, usize> = HashMap::with_capacity(labels.len());
        for l in &labels {
            *uses.entry(l).or_default() += 1;
        }
        let mut changed = false;
        for i in 0..ids.len() {
            let clash = uses[labels[i].as_str()] > 1;
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
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn bar(x: f64, width: usize) -> String {
    let eighths = ((x.clamp(0.0, 1.0) * width as f64 * 8.0).round()) as usize;
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8]);
    }
    let len = s.chars().count();
    s.extend(std::iter::repeat_n('·', width.saturating_sub(len)));
    s
}

/// The readable summary of a comparison: the strongest families, shares, similarity.
pub fn compare(out: &mut impl Write, report: &Report, top: usize) {
    let ids: Vec<String> = report.statements.iter().map(|s| s.id.clone()).collect();
    let labels = short_labels(&ids);
    let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
    let label_of = |id: &str| -> String { index.get(id).map_or_else(|| id.to_string(), |&i| labels[i].clone()) };
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
        let cells: Vec<String> = labels.iter().map(|l| clip_middle(l, 40)).collect();
        let columns = cells.iter().map(|c| width(c)).max().unwrap_or(0);
        for (s, cell) in report.statements.iter().zip(&cells) {
            let who =
                [s.speaker.as_deref(), s.date_key.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
            let _ = writeln!(
                out,
                "  {}  {:>4}  {}  {:>7} words{}",
                pad(cell, columns),
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

fn write_family(out: &mut impl Write, f: &Family, label_of: &dyn Fn(&str) -> String) {
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
    // Why it ranks where it does, in the engine's words.
    for (i, line) in wrap(&f.why.summary, 88).iter().enumerate() {
        let _ = writeln!(out, "      {}{line}", if i == 0 { "why: " } else { "     " });
    }
    for slot in &f.slots {
        let fillers: Vec<String> = slot.fillers.iter().map(|x| format!("{} ×{}", x.text, x.count)).collect();
        let _ = writeln!(out, "      slot {} “{}”: {}", slot.index + 1, slot.root, clip(&fillers.join(", "), 90));
    }
    // Cross-language: the lexicon's pairs the root holds a side of, and the families with the other.
    for r in &f.renderings {
        let others = if r.families.is_empty() { String::new() } else { format!(" ({})", r.families.join(", ")) };
        let _ = writeln!(out, "      lexicon: {} = “{}”{others}", r.zh, r.en);
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
fn write_similarity(out: &mut impl Write, report: &Report, labels: &[String]) {
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
        let cells: Vec<String> = labels.iter().map(|l| clip_middle(l, 32)).collect();
        let columns = cells.iter().map(|c| width(c)).max().unwrap_or(0);
        let mut head = format!("  {:>2}  {} ", "", pad("", columns));
        for j in 0..n {
            let _ = write!(head, "{:>4}", j + 1);
        }
        let _ = writeln!(out, "{}", head.trim_end());
        for i in 0..n {
            let mut row = format!("  {:>2}  {} ", i + 1, pad(&cells[i], columns));
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
        // The strongest pairs, kept in order as they are found (not all n² of them).
        const SHOWN: usize = 15;
        let stronger = |a: &(f64, usize, usize), b: &(f64, usize, usize)| {
            b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
        };
        let mut pairs: Vec<(f64, usize, usize)> = Vec::with_capacity(SHOWN + 1);
        for i in 0..n {
            for j in i + 1..n {
                let v = (m[i].get(j).copied().unwrap_or(0.0) + m[j].get(i).copied().unwrap_or(0.0)) / 2.0;
                let pair = (v, i, j);
                if v > 0.0 && (pairs.len() < SHOWN || stronger(&pair, &pairs[SHOWN - 1]).is_lt()) {
                    let at = pairs.partition_point(|p| stronger(p, &pair).is_lt());
                    pairs.insert(at, pair);
                    pairs.truncate(SHOWN);
                }
            }
        }
        let _ = writeln!(
            out,
            "\nMost similar pairs (mean % of content words in shared passages; {n} statements, matrix in --json):"
        );
        for (v, i, j) in pairs {
            let _ = writeln!(out, "  {:>4}  {}  ↔  {}", percent(v), labels[i], labels[j]);
        }
    }
}

/// The readable summary of a contrast: the two groups, then the families most distinctive of
/// group A, then those of group B (at most `top` of each), in tables.
pub fn contrast(out: &mut impl Write, report: &ContrastReport, top: usize) {
    let _ = writeln!(
        out,
        "Contrast of two groups: {} families used by them{}",
        report.families_found,
        if report.families.len() < report.families_found {
            format!(", {} in the report", report.families.len())
        } else {
            String::new()
        }
    );
    let groups = [("A", &report.a), ("B", &report.b)];
    let rows: Vec<Vec<String>> = groups
        .iter()
        .map(|(side, g)| {
            vec![
                side.to_string(),
                clip(&one_line(&g.label), 60),
                format!("{} statement{}", thousands(g.ids.len()), plural(g.ids.len())),
                format!("{} content words", thousands(g.content_words)),
            ]
        })
        .collect();
    for line in tabulate(&rows, &[false, false, true, true]) {
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(
        out,
        "z > 0: group A uses the family more; z < 0: group B does; beyond ±1.96 the difference is significant (95%)"
    );
    for note in &report.notes {
        let _ = writeln!(out, "note: {note}");
    }
    let a: Vec<&ContrastFamily> = report.families.iter().filter(|f| f.z > 0.0).collect();
    let b: Vec<&ContrastFamily> = report.families.iter().rev().filter(|f| f.z < 0.0).collect();
    write_side(out, "A", &report.a.label, &a, top);
    write_side(out, "B", &report.b.label, &b, top);
}

/// The families most distinctive of one group, most distinctive first.
fn write_side(out: &mut impl Write, side: &str, label: &str, families: &[&ContrastFamily], top: usize) {
    let label = clip(&one_line(label), 60);
    if families.is_empty() {
        let _ = writeln!(
            out,
            "
No family is used more by group {side} ({label})."
        );
        return;
    }
    let shown = families.len().min(top);
    let _ = writeln!(
        out,
        "
Most distinctive of group {side} ({label}){}:",
        if shown < families.len() { format!(", {shown} of {}", families.len()) } else { String::new() }
    );
    let wording = |w: &[Wording]| {
        w.first().map_or_else(|| "—".to_string(), |w| clip(&format!("{} ×{}", one_line(&w.text), w.count), 36))
    };
    let header = ["family", "z", "in A", "in B", "A /10k", "B /10k", "A's wording", "B's wording"];
    let mut rows = vec![header.map(str::to_string).to_vec()];
    rows.extend(families.iter().take(shown).map(|f| {
        vec![
            f.family.id.clone(),
            format!("{:+.2}", f.z),
            thousands(f.count_a),
            thousands(f.count_b),
            format!("{:.2}", f.rate_a),
            format!("{:.2}", f.rate_b),
            wording(&f.wordings_a),
            wording(&f.wordings_b),
        ]
    }));
    for line in tabulate(&rows, &[false, true, true, true, true, true, false, false]) {
        let _ = writeln!(out, "  {line}");
    }
}

/// Rows of cells as lines of a table: each column as wide as its widest cell in terminal
/// columns, right-aligned where `right` says so, two spaces between columns, no trailing space.
fn tabulate(rows: &[Vec<String>], right: &[bool]) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> =
        (0..columns).map(|c| rows.iter().filter_map(|r| r.get(c)).map(|cell| width(cell)).max().unwrap_or(0)).collect();
    rows.iter()
        .map(|row| {
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    let space = " ".repeat(widths[c].saturating_sub(width(cell)));
                    if right.get(c) == Some(&true) {
                        format!("{space}{cell}")
                    } else {
                        format!("{cell}{space}")
                    }
                })
                .collect();
            cells.join("  ").trim_end().to_string()
        })
        .collect()
}

/// The edits other than `equal`, e.g. `true→genuine (variant); +really`; `exact` when none.
pub fn explain(edits: &[Edit]) -> String {
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

/// The readable list of a query's occurrences, in keyword-in-context lines.
pub fn query(out: &mut impl Write, report: &QueryReport, statements: &[Statement]) {
    let labels = short_labels(&statements.iter().map(|s| s.id.clone()).collect::<Vec<_>>());
    let index: HashMap<&str, usize> = statements.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
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
        let i = index.get(e.doc.as_str()).copied();
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
        if let Some(t) = &o.translation {
            let _ = writeln!(
                out,
                "     translation: “{}” (lexicon: {} = {}; evidence {})",
                one_line(&t.phrase),
                t.entry_zh,
                t.entry_en,
                t.evidence
                    .iter()
                    .map(|e| format!("{}:{}-{}", e.zh_file, e.zh_start, e.zh_end))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    for note in &report.notes {
        if note.starts_with("Also searched") {
            let _ = writeln!(out, "\nnote: {note}");
        }
    }
}

/// `s` (on one line) broken into lines of at most `max` terminal columns: at spaces where it
/// can, anywhere in a run without spaces (Chinese).
fn wrap(s: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in one_line(s).split(' ') {
        let sep = usize::from(!line.is_empty());
        if width(&line) + sep + width(word) <= max {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if width(word) <= max {
            line.push_str(word);
            continue;
        }
        // A run wider than a line (Chinese has no spaces): character by character.
        for c in word.chars() {
            if !line.is_empty() && width(&line) + c.width().unwrap_or(0) > max {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Columns of each side of `refrain align --text`.
const SIDE: usize = 48;

/// A Chinese text and its English edition side by side, bead by bead; beads not aligned are
/// marked, each Chinese formula of the lexicon is shown with its rendering (or its absence).
pub fn align(out: &mut impl Write, a: &Alignment, zh_name: &str, en_name: &str) {
    let s = &a.stats;
    let _ = writeln!(
        out,
        "{zh_name} ({} sentences) | {en_name} ({} sentences): {} beads aligned; not aligned: {} Chinese, {} English sentence{}",
        s.zh_sentences,
        s.en_sentences,
        s.aligned_beads,
        s.unaligned_zh,
        s.unaligned_en,
        plural(s.unaligned_en)
    );
    let _ = writeln!(
        out,
        "Formulas of the lexicon in aligned beads: {} of {} with their rendering in the English sentences",
        s.formulas_rendered, s.formulas
    );
    for note in &a.notes {
        let _ = writeln!(out, "note: {note}");
    }
    for (n, b) in a.beads.iter().enumerate() {
        let status = match b.status {
            BeadStatus::Aligned => String::new(),
            BeadStatus::NoCounterpart => "  NOT ALIGNED: no counterpart in the other text".to_string(),
            BeadStatus::LengthsDisagree => {
                format!("  NOT ALIGNED: lengths disagree ({:.1} sd) and no anchor confirms", b.length_z.abs())
            }
            _ => "  NOT ALIGNED".to_string(),
        };
        let _ = writeln!(out, "\n[{}] {}{status}", n + 1, b.kind);
        let side = |ids: &[usize], sentences: &[refrain::report::AlignedSentence]| -> Vec<String> {
            ids.iter().flat_map(|&i| wrap(&sentences[i].excerpt.text, SIDE)).collect()
        };
        let left = side(&b.zh, &a.zh);
        let right = side(&b.en, &a.en);
        for k in 0..left.len().max(right.len()) {
            let l = left.get(k).map_or("", String::as_str);
            let r = right.get(k).map_or("", String::as_str);
            // No trailing spaces when the right column is empty.
            let _ = writeln!(out, "{}", format!("  {} | {r}", pad(l, SIDE)).trim_end());
        }
        for f in &b.formulas {
            let rendering = match &f.en {
                Some(e) => format!("“{}”", one_line(&e.text)),
                None if b.status == BeadStatus::Aligned => {
                    format!("no rendering found (the lexicon knows: {})", f.renderings.join("; "))
                }
                None => "not aligned".to_string(),
            };
            let _ = writeln!(out, "  {} → {rendering}", f.zh.text);
        }
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
    fn wraps_by_words_and_by_han_characters() {
        assert_eq!(wrap("the quick brown fox", 9), ["the quick", "brown fox"]);
        assert_eq!(wrap("人类命运共同体", 6), ["人类命", "运共同", "体"]);
        assert_eq!(wrap("a 人类命运共同体", 6), ["a", "人类命", "运共同", "体"]);
        assert_eq!(wrap("", 6), [""]);
        for line in wrap("We humans are battling COVID-19, 人类正在同新冠肺炎疫情进行斗争。", 12) {
            assert!(width(&line) <= 12, "{line}");
        }
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
    fn clips_count_terminal_columns() {
        // A Han character takes two columns; the ellipsis one.
        assert_eq!(clip("人类命运共同体", 5), "人类…");
        assert_eq!(clip("人类命运共同体", 6), "人类…");
        assert_eq!(clip_start("人类命运共同体", 5), "…同体");
        assert_eq!(clip_middle("人类命运共同体", 9), "人类…同体");
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip_middle("xi_2020-11-17_brics12_summit_zh", 11), "xi_20…it_zh");
        // A combining mark takes no column.
        assert_eq!(width("e\u{301}te\u{301}"), 3);
        assert_eq!(pad("中文", 6), "中文  ");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn table_columns_line_up_in_terminal_columns() {
        let rows: Vec<Vec<String>> =
            [["f1", "+5.20", "人类命运共同体 ×3", "x"], ["f12", "-0.5", "true multilateralism ×2", "共同体"]]
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect();
        let lines = tabulate(&rows, &[false, true, false, false]);
        // Every column starts (or, right-aligned, ends) at the same terminal column in every row.
        let at = |line: &str, cell: &str| width(&line[..line.find(cell).unwrap()]);
        let text = lines.join(
            "
",
        );
        assert_eq!(at(&lines[0], "+5.20") + 5, at(&lines[1], "-0.5") + 4, "{text}");
        assert_eq!(at(&lines[0], "人类"), at(&lines[1], "true"), "{text}");
        assert_eq!(at(&lines[0], " x") + 1, at(&lines[1], "共同体"), "{text}");
        assert!(lines.iter().all(|l| !l.ends_with(' ')));
    }

    #[test]
    fn contrast_lists_each_groups_families_with_their_wordings() {
        let texts = [
            ("a1", "我们要践行真正的多边主义。风吹过田野。"),
            ("a2", "各国应当践行真正的多边主义。月亮升起来了。"),
            ("a3", "我们践行真正的多边主义。河水流向大海。"),
            ("b1", "We uphold common security for all. Mountains stand tall."),
            ("b2", "They uphold common security for all. Rivers run deep."),
            ("b3", "Nations uphold common security for all. Trains cross plains."),
        ];
        let mut corpus = refrain::Corpus::new(refrain::Options::default());
        for (id, text) in texts {
            corpus.add(Statement::new(id, text)).unwrap();
        }
        let ids = |p: &str| {
            texts.iter().filter(|(id, _)| id.starts_with(p)).map(|(id, _)| id.to_string()).collect::<Vec<_>>()
        };
        let report = corpus.contrast(&ids("a"), &ids("b"), "中文 speakers", "English").unwrap();
        let mut out = String::new();
        contrast(&mut out, &report, 12);
        assert!(out.contains("Most distinctive of group A (中文 speakers):"), "{out}");
        assert!(out.contains("Most distinctive of group B (English):"), "{out}");
        let a_rows = table_after(&out, "Most distinctive of group A");
        assert!(a_rows[1].replace(' ', "").contains("多边主义") && a_rows[1].contains(" +"), "{out}");
        let b_rows = table_after(&out, "Most distinctive of group B");
        assert!(b_rows[1].contains("common security") && b_rows[1].contains(" -"), "{out}");
        // The wording columns start where their headers do, in terminal columns.
        for rows in [&a_rows, &b_rows] {
            for header in ["A's wording", "B's wording"] {
                let column = width(&rows[0][..rows[0].find(header).unwrap()]);
                for row in &rows[1..] {
                    let (head, _) = split_at_column(row, column);
                    assert!(
                        head.ends_with("  ") && !row[head.len()..].starts_with(' '),
                        "{header} at {column}:
{out}"
                    );
                }
            }
        }
    }

    /// `s` split where `column` terminal columns have been filled.
    fn split_at_column(s: &str, column: usize) -> (&str, &str) {
        let mut used = 0;
        for (i, c) in s.char_indices() {
            if used >= column {
                return s.split_at(i);
            }
            used += c.width().unwrap_or(0);
        }
        (s, "")
    }

    /// The header and rows of the table under the line starting with `title`.
    fn table_after<'a>(out: &'a str, title: &str) -> Vec<&'a str> {
        out.lines().skip_while(|l| !l.starts_with(title)).skip(1).take_while(|l| l.starts_with("  ")).collect()
    }

    /// The rows of the table under the line starting with `title`.
    fn table<'a>(out: &'a str, title: &str, rows: usize) -> Vec<&'a str> {
        out.lines().skip_while(|l| !l.starts_with(title)).skip(1).take(rows).collect()
    }

    #[test]
    fn chinese_labels_line_up() {
        let texts = [
            "我们要践行真正的多边主义，坚持共同、综合、合作、可持续的安全观。",
            "We must practise true multilateralism and build common, comprehensive, cooperative and sustainable security.",
            "各国应当践行真正的多边主义，坚持共同、综合、合作、可持续的安全观。All countries should practice genuine multilateralism and build common, comprehensive, cooperative and sustainable security.",
        ];
        let ids = ["d/人类命运共同体.txt", "d/abc.txt", "d/混合mixed.txt"];
        let mut corpus = refrain::Corpus::new(refrain::Options::default());
        for (id, text) in ids.iter().zip(texts) {
            corpus.add(Statement::new(*id, text)).unwrap();
        }
        let mut out = String::new();
        compare(&mut out, &corpus.compare(), 12);
        assert!(out.contains("人类命运共同体") && out.contains("混合mixed"), "{out}");
        // Shares: the percentage ends in the same terminal column on every row.
        let shares = table(&out, "Shared share", 3);
        let at: Vec<usize> = shares.iter().map(|l| width(&l[..l.find('%').unwrap()])).collect();
        assert!(at.windows(2).all(|w| w[0] == w[1]), "{at:?}\n{out}");
        // Similarity: the header and every row end in the same column (right-aligned cells).
        let matrix = table(&out, "Similarity", 4);
        let ends: Vec<usize> = matrix.iter().map(|l| width(l)).collect();
        assert!(ends.windows(2).all(|w| w[0] == w[1]), "{ends:?}\n{out}");
    }
}
