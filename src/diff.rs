//! Differences: an occurrence's words against a reference's (a family's root, or a query), as
//! the report's edits, each with the occurrence word's exact place.

use crate::align::Op;
use crate::index::{Index, TokenOcc};
use crate::report::{Edit, EditOp};
use crate::span::utf16_len;
use crate::statement::Statement;

/// Alignment steps as report edits: `ops` align a reference with the occurrence `occ` (their
/// target indices count from its first token); `reference(i)` gives the reference's word `i` as
/// written.
pub(crate) fn edits(
    index: &Index,
    statements: &[Statement],
    occ: TokenOcc,
    ops: &[Op],
    reference: &dyn Fn(usize) -> String,
) -> Vec<Edit> {
    let (d, a) = (occ.doc as usize, occ.first as usize);
    let doc = &index.docs[d];
    let text = &statements[doc.input].text;
    // The occurrence's word `j`: as written, its bytes, its first UTF-16 unit.
    let word = |j: usize| {
        let span = doc.tokens[a + j].span();
        let written = &text[span.range()];
        (written, span, index.utf16_of(statements, d, a + j))
    };
    ops.iter()
        .map(|op| {
            let (kind, r, t) = match *op {
                Op::Equal(i, j) => (EditOp::Equal, Some(i), Some(j)),
                Op::Variant(i, j) => (EditOp::Variant, Some(i), Some(j)),
                Op::Substitute(i, j) => (EditOp::Substitute, Some(i), Some(j)),
                Op::Move(i, j) => (EditOp::Move, Some(i), Some(j)),
                Op::Delete(i) => (EditOp::Delete, Some(i), None),
                Op::Insert(j) => (EditOp::Insert, None, Some(j)),
            };
            let t = t.map(word);
            Edit {
                op: kind,
                index: r,
                reference: r.map(reference),
                text: t.map(|w| w.0.to_string()),
                start: t.map(|w| w.1.start),
                end: t.map(|w| w.1.end),
                utf16_start: t.map(|w| w.2),
                utf16_end: t.map(|w| w.2 + utf16_len(w.0)),
            }
        })
        .collect()
}
