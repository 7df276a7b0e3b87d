//! Sorting through three shared copies of the standard library's sort code.
//!
//! Each `sort_by` or `sort_unstable` of another element type or comparator is another copy of
//! the standard library's sort (3-4 KB of WebAssembly at opt-level "z", 7-8 KB at 3): seventeen
//! of them were 18% of the browser's core package. The engine sorts through these functions
//! instead: integer keys of 64 or 128 bits with one `sort_unstable` each, anything else through
//! an order of positions sorted stably by a comparator behind a `dyn` reference (one copy for
//! every element type and comparator). The results are those of the standard library's
//! functions: a stable sort's order is unique, and so is an unstable sort's under a total order
//! whose equal elements are identical. Natively, where size does not count, each function is the
//! standard library's own (no indirect calls); the tests check that both agree.

use std::cmp::Ordering;

/// `v.sort_by(cmp)`: stable.
pub(crate) fn sort_by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    shared::sort_by(v, cmp);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(cmp);
}

/// `v.sort_by_key(key)`: stable.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// `v.sort_by_key(key)` (stable) for an integer key of at most 96 bits: `key(x) < 2^96`. In
/// WebAssembly the keys are sorted as 128-bit integers with each element's position in the low
/// 32 bits (no comparator called through a reference: several times faster than [`sort_by`]).
pub(crate) fn sort_by_key96<T>(v: &mut [T], key: impl Fn(&T) -> u128) {
    #[cfg(target_arch = "wasm32")]
    shared::sort_by_key96(v, key);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by_key(key);
}

/// `v.sort()` (or `sort_unstable`, the same result for a total order).
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// `v.sort_unstable()` of pairs of `u32`.
pub(crate) fn sort_pairs(v: &mut [(u32, u32)]) {
    #[cfg(target_arch = "wasm32")]
    shared::sort_pairs(v);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_unstable();
}

/// `v.sort_unstable()` of `u32`.
pub(crate) fn sort_u32(v: &mut [u32]) {
    #[cfg(target_arch = "wasm32")]
    shared::sort_u32(v);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_unstable();
}

/// `v.sort_unstable()` of `(u64, u32)` pairs.
pub(crate) fn sort_wide_pairs(v: &mut [(u64, u32)]) {
    #[cfg(target_arch = "wasm32")]
    shared::sort_wide_pairs(v);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_unstable();
}

/// The WebAssembly build's sorts: three copies of the standard library's in all.
#[cfg(any(target_arch = "wasm32", test))]
mod shared {
    use std::cmp::Ordering;

    /// `v.sort_by(cmp)`: stable.
    pub(super) fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
        if v.len() < 2 {
            return;
        }
        let order = positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
        permute(v, &order);
    }

    /// The positions `0..n` in the stable order of `cmp` over them.
    #[inline(never)]
    fn positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_by(|&a, &b| cmp(a as usize, b as usize));
        order
    }

    /// `v.sort_by_key(key)` (stable) for keys below 2^96.
    pub(super) fn sort_by_key96<T>(v: &mut [T], key: impl Fn(&T) -> u128) {
        debug_assert!(u32::try_from(v.len()).is_ok());
        let mut keys: Vec<u128> = v.iter().enumerate().map(|(i, x)| key(x) << 32 | i as u128).collect();
        sort_u128(&mut keys);
        let order: Vec<u32> = keys.into_iter().map(|k| k as u32).collect();
        permute(v, &order);
    }

    /// Puts the elements of `v` in the order of the positions `order` (a permutation): element
    /// `i` becomes the one at `order[i]`, following each cycle of the permutation with swaps.
    fn permute<T>(v: &mut [T], order: &[u32]) {
        let mut done = vec![false; v.len()];
        for start in 0..v.len() {
            let mut i = start;
            while !done[i] {
                done[i] = true;
                let j = order[i] as usize;
                if j == start {
                    break;
                }
                v.swap(i, j);
                i = j;
            }
        }
    }

    /// `v.sort_unstable()` of 64-bit keys.
    #[inline(never)]
    fn sort_u64(v: &mut [u64]) {
        v.sort_unstable();
    }

    /// `v.sort_unstable()` of 128-bit keys.
    #[inline(never)]
    fn sort_u128(v: &mut [u128]) {
        v.sort_unstable();
    }

    /// `v.sort_unstable()` of pairs of `u32` (sorted as 64-bit keys).
    pub(super) fn sort_pairs(v: &mut [(u32, u32)]) {
        let mut keys: Vec<u64> = v.iter().map(|&(a, b)| (a as u64) << 32 | b as u64).collect();
        sort_u64(&mut keys);
        for (p, k) in v.iter_mut().zip(keys) {
            *p = ((k >> 32) as u32, k as u32);
        }
    }

    /// `v.sort_unstable()` of `u32` (sorted as 64-bit keys).
    pub(super) fn sort_u32(v: &mut [u32]) {
        let mut keys: Vec<u64> = v.iter().map(|&a| a as u64).collect();
        sort_u64(&mut keys);
        for (p, k) in v.iter_mut().zip(keys) {
            *p = k as u32;
        }
    }

    /// `v.sort_unstable()` of `(u64, u32)` pairs (sorted as 128-bit keys).
    pub(super) fn sort_wide_pairs(v: &mut [(u64, u32)]) {
        let mut keys: Vec<u128> = v.iter().map(|&(a, b)| (a as u128) << 32 | b as u128).collect();
        sort_u128(&mut keys);
        for (p, k) in v.iter_mut().zip(keys) {
            *p = ((k >> 32) as u64, k as u32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::shared::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_same_order_as_the_standard_library(
            pairs in proptest::collection::vec((0u32..20, any::<u32>()), 0..200),
            wide in proptest::collection::vec((any::<u64>(), 0u32..5), 0..200),
        ) {
            let mut a = pairs.clone();
            sort_pairs(&mut a);
            let mut b = pairs.clone();
            b.sort_unstable();
            prop_assert_eq!(&a, &b);

            let mut a: Vec<u32> = pairs.iter().map(|p| p.0).collect();
            let mut b = a.clone();
            sort_u32(&mut a);
            b.sort_unstable();
            prop_assert_eq!(a, b);

            let mut a = wide.clone();
            sort_wide_pairs(&mut a);
            let mut b = wide.clone();
            b.sort_unstable();
            prop_assert_eq!(a, b);

            // Stable: ties (the same first value) keep their order.
            let mut a = pairs.clone();
            sort_by(&mut a, |x, y| y.0.cmp(&x.0));
            let mut b = pairs.clone();
            b.sort_by_key(|y| std::cmp::Reverse(y.0));
            prop_assert_eq!(&a, &b);
            let mut a = pairs.clone();
            sort_by(&mut a, |x, y| (x.0 % 7).cmp(&(y.0 % 7)));
            let mut b = pairs.clone();
            b.sort_by_key(|x| x.0 % 7);
            prop_assert_eq!(&a, &b);
            // A 96-bit key, stable: ties (the same first value) keep their order.
            let key = |x: &(u32, u32)| (x.0 as u128) << 64 | u128::from(u32::MAX - x.0 / 3);
            let mut a = pairs.clone();
            sort_by_key96(&mut a, key);
            let mut b = pairs.clone();
            b.sort_by_key(key);
            prop_assert_eq!(&a, &b);
            let mut a: Vec<String> = pairs.iter().map(|p| p.1.to_string()).collect();
            let mut b = a.clone();
            sort_by(&mut a, String::cmp);
            b.sort();
            prop_assert_eq!(a, b);
        }
    }
}
