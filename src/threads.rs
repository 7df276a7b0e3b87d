//! Independent work spread over threads: natively with rayon, one after another in
//! WebAssembly. Results come back in the order of the input, so nothing depends on how the
//! threads were scheduled.

/// `f` of each item, in the order of `items`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync + Send) -> Vec<U> {
    use rayon::prelude::*;
    items.par_iter().map(f).collect()
}

/// `f` of each item, in the order of `items`.
#[cfg(target_arch = "wasm32")]
pub(crate) fn map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync + Send) -> Vec<U> {
    items.iter().map(f).collect()
}
