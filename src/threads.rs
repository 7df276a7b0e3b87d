//! Independent work spread over threads: natively with rayon, one after another in
//! WebAssembly. Results come back in the order of the input, so nothing depends on how the
//! threads were scheduled.

use std::sync::Mutex;

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

/// `f` of each item, changing it in place.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn for_each_mut<T: Send>(items: &mut [T], f: impl Fn(&mut T) + Sync + Send) {
    use rayon::prelude::*;
    items.par_iter_mut().for_each(f);
}

/// `f` of each item, changing it in place.
#[cfg(target_arch = "wasm32")]
pub(crate) fn for_each_mut<T: Send>(items: &mut [T], f: impl Fn(&mut T) + Sync + Send) {
    items.iter_mut().for_each(f);
}

/// How many states [`map_with`] is given: one per thread.
pub(crate) fn count() -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    return rayon::current_num_threads();
    #[cfg(target_arch = "wasm32")]
    1
}

/// `f(k, state, item)` of each item, in the order of `items`, where `state` is `states[k]`,
/// the state of the thread `f` runs on ([`count`] states), which no other thread uses
/// meanwhile. Which items share a state depends on the scheduling: the results must not.
pub(crate) fn map_with<T: Sync, U: Send, S: Send>(
    items: &[T],
    states: &[Mutex<S>],
    f: impl Fn(usize, &mut S, &T) -> U + Sync + Send,
) -> Vec<U> {
    map(items, |item| {
        #[cfg(not(target_arch = "wasm32"))]
        let k = rayon::current_thread_index().unwrap_or(0) % states.len();
        #[cfg(target_arch = "wasm32")]
        let k = 0;
        let mut state = states[k].lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(k, &mut state, item)
    })
}
