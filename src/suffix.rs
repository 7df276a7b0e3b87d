//! Suffix array and LCP array over integer sequences, for finding repeated phrases.
//!
//! Natively the suffix array comes from libsais (induced sorting, linear time: the `libsais`
//! crate, bindings to Ilya Grebnov's C library); in WebAssembly, where a C library does not
//! build and the payload is counted, from prefix doubling with counting sorts: O(n log L) for
//! the longest repeat L, linear memory (the sequence, the array and three more arrays of n
//! u32). A suffix array is unique, so both give the same one (tested). The LCP array is
//! Kärkkäinen, Manzini and Puglisi's Φ algorithm, in both.

/// The suffix array of `s`, whose values are all `< alphabet`.
pub(crate) fn suffix_array(s: &[u32], alphabet: usize) -> Vec<u32> {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(sa) = induced_sorting(s) {
        return sa;
    }
    prefix_doubling(s, alphabet)
}

/// The suffix array of `s` by libsais, or `None` when `s` does not fit its 32-bit signed
/// integers (2^31 symbols or more, or an alphabet larger than 2^31 - 1: then prefix doubling,
/// which takes up to 2^32, does it).
#[cfg(not(target_arch = "wasm32"))]
fn induced_sorting(s: &[u32]) -> Option<Vec<u32>> {
    use libsais::SuffixArrayConstruction;
    if s.is_empty() || i32::try_from(s.len()).is_err() {
        return None;
    }
    // libsais restores the text it is given, but writes to it meanwhile.
    let mut text: Vec<i32> =
        s.iter().map(|&c| i32::try_from(c).ok().filter(|&c| c < i32::MAX)).collect::<Option<_>>()?;
    // The alphabet is the text's largest symbol + 1, found by the crate's own scan.
    let sa = SuffixArrayConstruction::for_text_mut(&mut text).in_owned_buffer32().single_threaded().run().ok()?;
    // Positions are in 0..n < 2^31: the cast keeps them.
    Some(sa.into_vec().into_iter().map(|p| p as u32).collect())
}

/// The suffix array of `s`, whose values are all `< alphabet`, by prefix doubling.
#[inline(never)] // a function of its own in WebAssembly (see src/compare.rs)
fn prefix_doubling(s: &[u32], alphabet: usize) -> Vec<u32> {
    let n = s.len();
    if n == 0 {
        return Vec::new();
    }
    // Initial order by first symbol.
    let mut count = vec![0u32; alphabet.max(n) + 1];
    for &c in s {
        count[c as usize + 1] += 1;
    }
    for i in 1..count.len() {
        count[i] += count[i - 1];
    }
    let mut sa = vec![0u32; n];
    for (i, &c) in s.iter().enumerate() {
        sa[count[c as usize] as usize] = i as u32;
        count[c as usize] += 1;
    }
    let mut rank = vec![0u32; n];
    for i in 1..n {
        let (a, b) = (sa[i - 1] as usize, sa[i] as usize);
        rank[b] = rank[a] + u32::from(s[a] != s[b]);
    }
    // `tmp` holds the order by second key, then (once sorted into `sa`) the new ranks. Each
    // round is a function of its own: in WebAssembly the rounds after the first run optimized
    // code (see src/compare.rs).
    let mut tmp = vec![0u32; n];
    let mut k = 1usize;
    while (rank[sa[n - 1] as usize] as usize) < n - 1 && k < n {
        double(&mut sa, &rank, &mut tmp, &mut count, k);
        std::mem::swap(&mut rank, &mut tmp);
        k *= 2;
    }
    sa
}

/// One round of prefix doubling: `sa` in the order of the first `2k` symbols of each suffix
/// (given their order by the first `k`, whose ranks are `rank`), and their new ranks in `tmp`.
#[inline(never)] // a function of its own in WebAssembly (see src/compare.rs)
fn double(sa: &mut [u32], rank: &[u32], tmp: &mut [u32], count: &mut [u32], k: usize) {
    let n = sa.len();
    // Order by second key: suffixes without one first, then the rest by their rank + k.
    let mut p = 0;
    for i in n - k..n {
        tmp[p] = i as u32;
        p += 1;
    }
    for &j in sa.iter() {
        if j as usize >= k {
            tmp[p] = j - k as u32;
            p += 1;
        }
    }
    // Stable counting sort by first key.
    let buckets = rank[sa[n - 1] as usize] as usize + 2;
    let count = &mut count[..buckets];
    count.fill(0);
    for &r in rank.iter() {
        count[r as usize + 1] += 1;
    }
    for i in 1..buckets {
        count[i] += count[i - 1];
    }
    for &i in tmp.iter() {
        let r = rank[i as usize] as usize;
        sa[count[r] as usize] = i;
        count[r] += 1;
    }
    let second = |i: usize| if i + k < n { rank[i + k] as i64 } else { -1 };
    let new_rank = tmp;
    new_rank[sa[0] as usize] = 0;
    for i in 1..n {
        let (a, b) = (sa[i - 1] as usize, sa[i] as usize);
        let differ = rank[a] != rank[b] || second(a) != second(b);
        new_rank[b] = new_rank[a] + u32::from(differ);
    }
}

/// `lcp[i]` = length of the longest common prefix of suffixes `sa[i - 1]` and `sa[i]`; `lcp[0] = 0`.
///
/// The Φ algorithm: the permuted LCP array (by text position) is computed in text order, where
/// each value is at least the one before minus one, then put in suffix-array order. Linear time,
/// and fewer random reads than Kasai's algorithm (no rank array).
#[inline(never)] // a function of its own in WebAssembly (see src/compare.rs)
pub(crate) fn lcp_array(s: &[u32], sa: &[u32]) -> Vec<u32> {
    let n = s.len();
    let Some(&first) = sa.first() else {
        return Vec::new();
    };
    // First Φ: the suffix before each suffix in the array (none for the first), then in place
    // the permuted LCP array.
    let mut plcp = vec![0u32; n];
    plcp[first as usize] = u32::MAX;
    for pair in sa.windows(2) {
        plcp[pair[1] as usize] = pair[0];
    }
    let mut h = 0usize;
    for i in 0..n {
        let j = plcp[i];
        if j == u32::MAX {
            h = 0;
            plcp[i] = 0;
            continue;
        }
        let j = j as usize;
        while i + h < n && j + h < n && s[i + h] == s[j + h] {
            h += 1;
        }
        plcp[i] = h as u32;
        h = h.saturating_sub(1);
    }
    sa.iter().map(|&p| plcp[p as usize]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(s: &[u32]) -> Vec<u32> {
        let mut sa: Vec<u32> = (0..s.len() as u32).collect();
        sa.sort_by(|&a, &b| s[a as usize..].cmp(&s[b as usize..]));
        sa
    }

    /// The LCP array counted word by word.
    fn naive_lcp(s: &[u32], sa: &[u32]) -> Vec<u32> {
        let mut lcp = vec![0u32; sa.len()];
        for i in 1..sa.len() {
            let (a, b) = (&s[sa[i - 1] as usize..], &s[sa[i] as usize..]);
            lcp[i] = a.iter().zip(b).take_while(|(x, y)| x == y).count() as u32;
        }
        lcp
    }

    /// Both ways to the suffix array (this build's and the other's) and the LCP array agree
    /// with the naive ones.
    fn check(s: &[u32], alphabet: usize) {
        let want = naive(s);
        assert_eq!(prefix_doubling(s, alphabet), want, "prefix doubling");
        assert_eq!(suffix_array(s, alphabet), want, "suffix_array");
        if !s.is_empty() {
            assert_eq!(induced_sorting(s).as_ref(), Some(&want), "libsais");
        }
        assert_eq!(lcp_array(s, &want), naive_lcp(s, &want), "lcp");
    }

    /// `docs` of random words, each followed by a separator of its own, as `Index::content_seq`
    /// lays them out (classes below `terms`, separator `terms + doc`).
    fn content_like(docs: &[Vec<u32>], terms: u32) -> Vec<u32> {
        let mut s = Vec::new();
        for (d, words) in docs.iter().enumerate() {
            s.extend(words.iter().map(|&w| w % terms));
            s.push(terms + d as u32);
        }
        s
    }

    #[test]
    fn banana() {
        let s: Vec<u32> = "banana".bytes().map(u32::from).collect();
        let sa = suffix_array(&s, 256);
        assert_eq!(sa, vec![5, 3, 1, 0, 4, 2]);
        assert_eq!(lcp_array(&s, &sa), vec![0, 1, 3, 0, 0, 2]);
        check(&s, 256);
    }

    #[test]
    fn short_and_periodic_sequences() {
        check(&[], 1);
        check(&[0], 1);
        check(&[7, 7], 8);
        check(&[3; 1000], 4);
        let ab: Vec<u32> = (0..2001).map(|i| i % 2).collect();
        check(&ab, 2);
        let abc: Vec<u32> = (0..3000).map(|i| [2, 0, 1][i % 3]).collect();
        check(&abc, 3);
        // Fibonacci words: many long repeats, every recursion level of induced sorting.
        let (mut a, mut b) = (vec![0u32], vec![0u32, 1]);
        while b.len() < 2000 {
            let next = [b.clone(), a].concat();
            a = b;
            b = next;
        }
        check(&b, 2);
        // An alphabet far larger than the text.
        check(&content_like(&[vec![1, 2, 3], vec![1, 2, 3]], 100_000), 100_002);
    }

    /// libsais takes symbols below 2^31 - 1 (its alphabet, the largest symbol + 1, is an i32);
    /// prefix doubling takes larger ones (not run here: its counting sort would count 2^31
    /// symbols).
    #[test]
    fn libsais_takes_symbols_below_2_pow_31_less_1() {
        let s = [1_000_000, 5, 1_000_000, 5, 0];
        assert_eq!(induced_sorting(&s), Some(naive(&s)));
        assert_eq!(induced_sorting(&[i32::MAX as u32, 3, 0]), None);
        assert_eq!(induced_sorting(&[u32::MAX, 3, 0]), None);
        assert_eq!(induced_sorting(&[]), None);
    }

    /// The content sequence of the real statements in `../shared/corpus`: libsais and prefix
    /// doubling give the same suffix array, and the LCP array is right.
    #[test]
    fn real_statements_agree() {
        use crate::index::Index;
        use crate::options::Options;
        use crate::statement::Statement;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        let mut files = Vec::new();
        let mut dirs = vec![root.clone()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("../shared/corpus lies beside the repository") {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "txt") && !path.ends_with("README.txt") {
                    files.push(path);
                }
            }
        }
        files.sort();
        assert!(files.len() >= 100, "{} statements", files.len());
        let statements: Vec<Statement> = files
            .iter()
            .map(|p| Statement::new(p.display().to_string(), std::fs::read_to_string(p).unwrap()))
            .collect();
        let options = Options::default();
        let index = Index::build(&statements, &options, &mut |_| true).unwrap();
        let s = &index.content_seq;
        let alphabet = index.terms.len() + index.docs.len();
        assert!(s.len() > 100_000, "{} content words", s.len());
        let sa = induced_sorting(s).expect("fits libsais");
        assert_eq!(sa, prefix_doubling(s, alphabet));
        assert!(sa.windows(2).all(|w| s[w[0] as usize..] < s[w[1] as usize..]));
        assert_eq!(lcp_array(s, &sa), naive_lcp(s, &sa));
    }

    proptest! {
        #[test]
        fn matches_naive(s in proptest::collection::vec(0u32..4, 0..200)) {
            check(&s, 4);
        }

        #[test]
        fn matches_naive_on_content_like_sequences(
            docs in proptest::collection::vec(proptest::collection::vec(0u32..1_000, 0..300), 1..8),
            terms in 1u32..2_000,
        ) {
            let s = content_like(&docs, terms);
            check(&s, (terms as usize) + docs.len());
        }
    }
}
