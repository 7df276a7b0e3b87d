//! Families under construction: what grouping makes, ranking scores and building writes out.
//! The stages after the repeats share these types, so they stand below all of them.

use crate::index::TokenOcc;

/// A family under construction: its occurrences, sorted.
pub(crate) struct Draft {
    pub occ: Vec<TokenOcc>,
}

/// The statements (canonical order) with an occurrence of the draft, each once.
pub(crate) fn statement_count(draft: &Draft) -> Vec<usize> {
    let mut v: Vec<usize> = draft.occ.iter().map(|o| o.doc as usize).collect();
    v.dedup();
    v
}

/// A 64-bit hash of a sequence of words: the keys of grouping, and a family's `key`.
pub(crate) fn hash_seq(s: impl Iterator<Item = u32>) -> u64 {
    // FNV-1a over the words; collisions only cost a failed alignment check.
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for w in s {
        for b in w.to_le_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
