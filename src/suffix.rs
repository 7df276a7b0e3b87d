//! Suffix array and LCP array over integer sequences, for finding repeated phrases.
//!
//! Prefix doubling with counting sorts: O(n log L) for the longest repeat L, linear memory
//! (the sequence, the array and three more arrays of n u32).

/// The suffix array of `s`, whose values are all `< alphabet`.
pub(crate) fn suffix_array(s: &[u32], alphabet: usize) -> Vec<u32> {
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
    // `tmp` holds the order by second key, then (once sorted into `sa`) the new ranks.
    let mut tmp = vec![0u32; n];
    let mut k = 1usize;
    while (rank[sa[n - 1] as usize] as usize) < n - 1 && k < n {
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
        let new_rank = &mut tmp;
        new_rank[sa[0] as usize] = 0;
        for i in 1..n {
            let (a, b) = (sa[i - 1] as usize, sa[i] as usize);
            let differ = rank[a] != rank[b] || second(a) != second(b);
            new_rank[b] = new_rank[a] + u32::from(differ);
        }
        std::mem::swap(&mut rank, &mut tmp);
        k *= 2;
    }
    sa
}

/// `lcp[i]` = length of the longest common prefix of suffixes `sa[i - 1]` and `sa[i]`; `lcp[0] = 0`.
pub(crate) fn lcp_array(s: &[u32], sa: &[u32]) -> Vec<u32> {
    let n = s.len();
    let mut rank = vec![0u32; n];
    for (i, &p) in sa.iter().enumerate() {
        rank[p as usize] = i as u32;
    }
    let mut lcp = vec![0u32; n];
    let mut h = 0usize;
    for i in 0..n {
        let r = rank[i] as usize;
        if r > 0 {
            let j = sa[r - 1] as usize;
            while i + h < n && j + h < n && s[i + h] == s[j + h] {
                h += 1;
            }
            lcp[r] = h as u32;
            h = h.saturating_sub(1);
        } else {
            h = 0;
        }
    }
    lcp
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

    #[test]
    fn banana() {
        let s: Vec<u32> = "banana".bytes().map(u32::from).collect();
        let sa = suffix_array(&s, 256);
        assert_eq!(sa, vec![5, 3, 1, 0, 4, 2]);
        assert_eq!(lcp_array(&s, &sa), vec![0, 1, 3, 0, 0, 2]);
    }

    proptest! {
        #[test]
        fn matches_naive(s in proptest::collection::vec(0u32..4, 0..200)) {
            let sa = suffix_array(&s, 4);
            prop_assert_eq!(&sa, &naive(&s));
            let lcp = lcp_array(&s, &sa);
            for i in 1..s.len() {
                let (a, b) = (&s[sa[i - 1] as usize..], &s[sa[i] as usize..]);
                let l = a.iter().zip(b).take_while(|(x, y)| x == y).count();
                prop_assert_eq!(lcp[i] as usize, l);
            }
        }
    }
}
