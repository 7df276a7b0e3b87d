//! `--csv`: one row per family occurrence (compare) or per occurrence (query), RFC 4180.

use crate::render_text::explain;
use refrain::report::{QueryReport, Report};

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

/// `compare --csv`.
pub fn compare(report: &Report) -> String {
    let mut s = String::new();
    let out = &mut s;
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
    s
}

/// `query --csv`.
pub fn query(report: &QueryReport) -> String {
    let mut s = String::new();
    let out = &mut s;
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
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let mut s = String::new();
        csv_row(&mut s, &["plain", "a,b", "say \"hi\"", "two\nlines", " edge", "人类命运共同体"]);
        assert_eq!(s, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" edge\",人类命运共同体\r\n");
    }
}
