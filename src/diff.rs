//! Differences: an occurrence's words against a reference's (a family's root, or a query), as
//! the report's edits, each with the occurrence word's exact place.

use crate::align::Op;
use crate::index::Index;
use crate::report::{Edit, EditOp};
use crate::statement::Statement;

/// Alignment steps as report edits; `reference(i)` gives the reference's word `i` as written.
pub(crate) fn edits(
    index: &Index,
    statements: &[Statement],
    d: usize,
    a: usize,
    ops: &[Op],
    reference: &dyn Fn(usize) -> String,
) -> Vec<Edit> {
    let doc = &index.docs[d];
    let text = &statements[doc.input].text;
    let word = |j: usize| {
        let t = doc.tokens[a + j];
        let written = &text[t.span().range()];
        let utf16 = index.utf16_of(statements, d, a + j);
        (written.to_string(), t.start as usize, t.end as usize, utf16, utf16 + crate::span::utf16_len(written))
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
                text: t.as_ref().map(|w| w.0.clone()),
                start: t.as_ref().map(|w| w.1),
                end: t.as_ref().map(|w| w.2),
                utf16_start: t.as_ref().map(|w| w.3),
                utf16_end: t.as_ref().map(|w| w.4),
            }
        })
        .collect()
}
