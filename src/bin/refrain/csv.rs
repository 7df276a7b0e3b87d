//! `--csv`: the rows of a report (docs/report.md, "CSV").
//!
//! The field order of [`OccurrenceRow`] is the schema of `compare --csv`; the page's export
//! (`www/js/export.js`, `CSV_COLUMNS`) writes the same columns, with the same rounding and the
//! same guard against spreadsheet formulas; `tests/js/csv.test.mjs` compares the two on one
//! report. RFC 4180: fields quoted when they hold a comma, a quote or a line break; CRLF.

use crate::render_text::explain;
use refrain::report::{ContrastReport, QueryReport, Report};
use refrain::Statement;
use serde::{Serialize, Serializer};
use std::collections::HashMap;
use std::io;

/// A text cell. A text starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'`, so that a spreadsheet does not run it as a formula.
#[derive(Clone, Copy, Debug, Default)]
struct Text<'a>(&'a str);

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            s.serialize_str(&format!("'{}", self.0))
        } else {
            s.serialize_str(self.0)
        }
    }
}

/// A score or share: at most 4 decimals, as JavaScript writes `Math.round(x * 10000) / 10000`.
#[derive(Clone, Copy, Debug, Default)]
struct Decimal(f64);

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&decimal(self.0))
    }
}

/// `x` rounded to 4 decimals and written as JavaScript's `String(number)` writes it (shortest
/// form; `Math.round` takes halves up).
fn decimal(x: f64) -> String {
    if x.fract() == 0.0 {
        return format!("{}", x + 0.0); // + 0.0: no "-0"
    }
    let scaled = x * 10000.0;
    let floor = scaled.floor();
    let rounded = if scaled - floor >= 0.5 { floor + 1.0 } else { floor };
    format!("{}", rounded / 10000.0 + 0.0)
}

/// One row of `compare --csv`: an occurrence of a family. Rows go family by family, strongest
/// first (`family` is `f` and the rank).
#[derive(Debug, Default, Serialize)]
struct OccurrenceRow<'a> {
    family: Text<'a>,
    family_root: Text<'a>,
    family_score: Decimal,
    family_statements: usize,
    family_speakers: usize,
    family_stability: Decimal,
    statement: Text<'a>,
    title: Option<Text<'a>>,
    speaker: Option<Text<'a>>,
    date: Option<Text<'a>>,
    utf16_start: usize,
    utf16_end: usize,
    byte_start: usize,
    byte_end: usize,
    similarity: Decimal,
    text: Text<'a>,
}

/// One row of `query --csv`: an occurrence of the phrase, best first.
#[derive(Debug, Default, Serialize)]
struct QueryRow<'a> {
    rank: usize,
    score: Decimal,
    statement: Text<'a>,
    title: Option<Text<'a>>,
    speaker: Option<Text<'a>>,
    date: Option<Text<'a>>,
    utf16_start: usize,
    utf16_end: usize,
    byte_start: usize,
    byte_end: usize,
    family: Option<Text<'a>>,
    before: Text<'a>,
    text: Text<'a>,
    after: Text<'a>,
    explanation: Text<'a>,
    translation: Option<Text<'a>>,
}

/// One row of `contrast --csv`: a family, most distinctive of group A first, of group B last.
#[derive(Debug, Default, Serialize)]
struct ContrastRow<'a> {
    id: Text<'a>,
    root: Text<'a>,
    z: Decimal,
    log_odds: Decimal,
    count_a: usize,
    count_b: usize,
    rate_a: Decimal,
    rate_b: Decimal,
    wording_a: Option<Text<'a>>,
    wording_b: Option<Text<'a>>,
}

/// Writes the header (the row type's field names, also when there are no rows), then the rows
/// one by one as they are made.
fn write<T: Serialize + Default>(out: &mut dyn io::Write, rows: impl IntoIterator<Item = T>) -> io::Result<()> {
    let mut csv = ::csv::WriterBuilder::new();
    csv.terminator(::csv::Terminator::CRLF);
    // Writing a default row with its header, then keeping the header only, keeps the field
    // names in one place (the struct).
    let mut header = csv.from_writer(Vec::new());
    header.serialize(T::default()).map_err(io_error)?;
    let header = header.into_inner().map_err(|e| e.into_error())?;
    let end = header.windows(2).position(|w| w == b"\r\n").map_or(header.len(), |i| i + 2);
    out.write_all(&header[..end])?;
    let mut rows_out = csv.has_headers(false).from_writer(out);
    for row in rows {
        rows_out.serialize(row).map_err(io_error)?;
    }
    rows_out.flush()
}

/// The output's error, of its kind (a closed pipe is not an error of the program).
fn io_error(e: ::csv::Error) -> io::Error {
    let kind = match e.kind() {
        ::csv::ErrorKind::Io(e) => e.kind(),
        _ => io::ErrorKind::Other,
    };
    io::Error::new(kind, e)
}

fn text(s: &Option<String>) -> Option<Text<'_>> {
    s.as_deref().map(Text)
}

/// `compare --csv`.
pub fn compare(out: &mut dyn io::Write, report: &Report) -> io::Result<()> {
    let by_id: HashMap<&str, _> = report.statements.iter().map(|s| (s.id.as_str(), s)).collect();
    let meta = |id: &str| by_id.get(id).copied();
    write(
        out,
        report.families.iter().flat_map(|f| {
            f.occurrences.iter().map(move |o| {
                let e = &o.excerpt;
                let s = meta(&e.doc);
                OccurrenceRow {
                    family: Text(&f.id),
                    family_root: Text(&f.root),
                    family_score: Decimal(f.score),
                    family_statements: f.statements,
                    family_speakers: f.speakers,
                    family_stability: Decimal(f.stability),
                    statement: Text(&e.doc),
                    title: s.and_then(|s| text(&s.title)),
                    speaker: s.and_then(|s| text(&s.speaker)),
                    date: s.and_then(|s| text(&s.date)),
                    utf16_start: e.utf16_start,
                    utf16_end: e.utf16_end,
                    byte_start: e.start,
                    byte_end: e.end,
                    similarity: Decimal(o.similarity),
                    text: Text(&e.text),
                }
            })
        }),
    )
}

/// `query --csv`.
pub fn query(out: &mut dyn io::Write, report: &QueryReport, statements: &[Statement]) -> io::Result<()> {
    let by_id: HashMap<&str, &Statement> = statements.iter().map(|s| (s.id.as_str(), s)).collect();
    let explanations: Vec<String> = report.occurrences.iter().map(|o| explain(&o.explanation)).collect();
    write(
        out,
        report.occurrences.iter().zip(&explanations).enumerate().map(|(rank, (o, explanation))| {
            let e = &o.excerpt;
            let s = by_id.get(e.doc.as_str()).copied();
            QueryRow {
                rank: rank + 1,
                score: Decimal(o.score),
                statement: Text(&e.doc),
                title: s.and_then(|s| text(&s.title)),
                speaker: s.and_then(|s| text(&s.speaker)),
                date: s.and_then(|s| text(&s.date)),
                utf16_start: e.utf16_start,
                utf16_end: e.utf16_end,
                byte_start: e.start,
                byte_end: e.end,
                family: o.family.as_deref().map(Text),
                before: Text(&o.before),
                text: Text(&e.text),
                after: Text(&o.after),
                explanation: Text(explanation),
                translation: o.translation.as_ref().map(|t| Text(&t.phrase)),
            }
        }),
    )
}

/// `contrast --csv`.
pub fn contrast(out: &mut dyn io::Write, report: &ContrastReport) -> io::Result<()> {
    write(
        out,
        report.families.iter().map(|f| ContrastRow {
            id: Text(&f.family.id),
            root: Text(&f.family.root),
            z: Decimal(f.z),
            log_odds: Decimal(f.log_odds),
            count_a: f.count_a,
            count_b: f.count_b,
            rate_a: Decimal(f.rate_a),
            rate_b: Decimal(f.rate_b),
            wording_a: f.wordings_a.first().map(|w| Text(&w.text)),
            wording_b: f.wordings_b.first().map(|w| Text(&w.text)),
        }),
    )
}

/// The CSV of `rows`, as a string.
#[cfg(test)]
fn to_string<T: Serialize + Default>(rows: impl IntoIterator<Item = T>) -> String {
    let mut out = Vec::new();
    write(&mut out, rows).expect("writing CSV to memory does not fail");
    String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
}

/// The columns of `compare --csv`, in order.
#[cfg(test)]
fn compare_columns() -> Vec<String> {
    let header = to_string(std::iter::empty::<OccurrenceRow>());
    header.trim_end().split(',').map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_javascript_writes_them() {
        for (x, want) in [
            (2.0, "2"),
            (0.9, "0.9"),
            (0.123456, "0.1235"),
            (0.12345, "0.1235"), // halves go up, as with Math.round
            (1.00004, "1"),
            (-0.00001, "0"),
            (12.5, "12.5"),
            (0.0001, "0.0001"),
            (1.23456, "1.2346"),
        ] {
            assert_eq!(decimal(x), want, "{x}");
        }
    }

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        let row = OccurrenceRow {
            family: Text("f1"),
            family_root: Text("=HYPERLINK(\"x\")"),
            statement: Text("-a.txt"),
            title: Some(Text("A, first")),
            speaker: Some(Text("@someone")),
            date: Some(Text("\t2021")),
            text: Text("two\nlines"),
            family_score: Decimal(-1.0),
            ..OccurrenceRow::default()
        };
        let out = to_string([row]);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(
            lines[1],
            "f1,\"'=HYPERLINK(\"\"x\"\")\",-1,0,0,0,'-a.txt,\"A, first\",'@someone,'\t2021,0,0,0,0,0,\"two\nlines\""
        );
        assert_eq!(lines[2], "", "CRLF after the last row");
    }

    #[test]
    fn the_header_is_written_without_rows() {
        assert_eq!(compare_columns().len(), 16);
        assert_eq!(compare_columns()[0], "family");
        let empty = to_string(std::iter::empty::<QueryRow>());
        assert!(
            empty.starts_with("rank,score,statement,") && empty.ends_with("explanation,translation\r\n"),
            "{empty}"
        );
    }

    /// The first column of each `| column | ... |` table of docs/report.md's CSV section.
    fn documented_tables() -> Vec<Vec<String>> {
        let doc = include_str!("../../../docs/report.md");
        let section = doc.split("\n## CSV\n").nth(1).expect("docs/report.md has a CSV section");
        let section = section.split("\n## ").next().unwrap();
        let mut tables = Vec::new();
        let mut lines = section.lines();
        while lines.by_ref().any(|l| l.starts_with("| column |")) {
            let rows = lines.by_ref().skip(1).take_while(|l| l.starts_with('|'));
            tables.push(rows.map(|l| l.split('|').nth(1).unwrap().trim().trim_matches('`').to_string()).collect());
        }
        tables
    }

    #[test]
    fn the_columns_are_the_ones_docs_report_md_lists() {
        let query = to_string(std::iter::empty::<QueryRow>());
        let query: Vec<String> = query.trim_end().split(',').map(str::to_string).collect();
        let contrast = to_string(std::iter::empty::<ContrastRow>());
        let contrast: Vec<String> = contrast.trim_end().split(',').map(str::to_string).collect();
        assert_eq!(documented_tables(), [compare_columns(), query, contrast]);
    }
}
