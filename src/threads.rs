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
        let mut state = lock(&states[k]);
        f(k, &mut state, item)
    })
}

/// Runs `produce` on this thread, which hands items one by one to the sink it is given, and
/// `f(state, item)` of each item: natively, on another thread of the pool while `produce` runs,
/// then on this thread too once it has returned (the items left); in WebAssembly, or with one
/// thread, as each item comes. Returns what `produce` returns and the results in the order the
/// items came. `states` are as for [`map_with`] (one per thread: [`count`]).
///
/// No thread of the pool ever waits for `produce`: a job of the pool takes the items handed over
/// until none is left, then ends, and a new one is started when more come. (A job that waited
/// for items would hold a thread of the pool, and `produce`, or another caller's, may need every
/// thread of the pool for parallel work of its own.)
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn pipeline<T: Send, U: Send, S: Send, R>(
    states: &[Mutex<S>],
    produce: impl FnOnce(&mut dyn FnMut(T)) -> R,
    f: impl Fn(&mut S, T) -> U + Sync,
) -> (R, Vec<U>) {
    use std::collections::VecDeque;
    use std::sync::atomic::{AtomicBool, Ordering::SeqCst};
    /// Items are handed over this many at a time, so that starting a job stays rare.
    const BATCH: usize = 32;
    if count() < 2 || states.len() < 2 {
        return pipeline_here(states, produce, f);
    }
    let queue: Mutex<VecDeque<Vec<(usize, T)>>> = Mutex::new(VecDeque::new());
    // A job is taking items (or about to start): set by whoever starts one, cleared by the job.
    let active = AtomicBool::new(false);
    let results: Mutex<Vec<(usize, U)>> = Mutex::new(Vec::new());
    // Takes the batches handed over until none is left, with `state`.
    let drain = |state: &Mutex<S>| {
        let mut state = lock(state);
        let mut out = Vec::new();
        loop {
            let next = lock(&queue).pop_front();
            let Some(batch) = next else { break };
            out.extend(batch.into_iter().map(|(k, t)| (k, f(&mut state, t))));
        }
        lock(&results).append(&mut out);
    };
    // The job: drains, then ends, unless a batch came after its last look and no other job was
    // started for it.
    let job = || loop {
        drain(&states[0]);
        active.store(false, SeqCst);
        if lock(&queue).is_empty() || active.swap(true, SeqCst) {
            break;
        }
    };
    let handed = rayon::in_place_scope(|scope| {
        let hand = |batch: Vec<(usize, T)>| {
            if batch.is_empty() {
                return;
            }
            lock(&queue).push_back(batch);
            if !active.swap(true, SeqCst) {
                scope.spawn(|_| job());
            }
        };
        let (mut batch, mut n) = (Vec::with_capacity(BATCH), 0usize);
        let r = produce(&mut |t| {
            batch.push((n, t));
            n += 1;
            if batch.len() == BATCH {
                hand(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
            }
        });
        hand(batch);
        // What no job has taken yet, taken here too.
        drain(&states[1]);
        r
    });
    let mut results = results.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
    results.sort_unstable_by_key(|&(k, _)| k);
    (handed, results.into_iter().map(|(_, u)| u).collect())
}

/// [`pipeline`] in WebAssembly.
#[cfg(target_arch = "wasm32")]
pub(crate) fn pipeline<T: Send, U: Send, S: Send, R>(
    states: &[Mutex<S>],
    produce: impl FnOnce(&mut dyn FnMut(T)) -> R,
    f: impl Fn(&mut S, T) -> U + Sync,
) -> (R, Vec<U>) {
    pipeline_here(states, produce, f)
}

/// [`pipeline`] on this thread alone: each item as it comes.
fn pipeline_here<T, U, S, R>(
    states: &[Mutex<S>],
    produce: impl FnOnce(&mut dyn FnMut(T)) -> R,
    f: impl Fn(&mut S, T) -> U,
) -> (R, Vec<U>) {
    let mut state = lock(&states[0]);
    let mut out = Vec::new();
    let r = produce(&mut |t| out.push(f(&mut state, t)));
    (r, out)
}

/// The lock of `m`, also when another thread panicked holding it.
fn lock<S>(m: &Mutex<S>) -> std::sync::MutexGuard<'_, S> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::{count, pipeline};
    use std::sync::Mutex;

    /// `pipeline` on a pool of `threads`: every item's result, in the order the items came,
    /// what `produce` returned, and each result computed with a state no other thread held.
    fn check(threads: usize, n: usize) {
        let run = || {
            let states: Vec<Mutex<Vec<usize>>> = (0..count().max(2)).map(|_| Mutex::default()).collect();
            let (produced, out) = pipeline(
                &states,
                |sink| {
                    for k in 0..n {
                        sink(k);
                    }
                    n * 10
                },
                |seen: &mut Vec<usize>, k: usize| {
                    seen.push(k);
                    (k * k, seen.len())
                },
            );
            assert_eq!(produced, n * 10);
            assert_eq!(out.iter().map(|&(sq, _)| sq).collect::<Vec<_>>(), (0..n).map(|k| k * k).collect::<Vec<_>>());
            // Each state saw its items in the order they came, and once each.
            let mut all: Vec<usize> = Vec::new();
            for s in &states {
                let seen = s.lock().unwrap();
                assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
                all.extend(seen.iter());
            }
            all.sort_unstable();
            assert_eq!(all, (0..n).collect::<Vec<_>>(), "{threads} threads, {n} items");
        };
        // From a thread of the pool, and from one outside it (the global pool's), as the command
        // line calls it.
        rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap().install(run);
        run();
    }

    /// Several callers at once, each producing with parallel work of its own on the same pool
    /// (grouping's statements' gaps, in a comparison): a pool's thread waiting for one caller's
    /// items would leave another caller's parallel work without a thread, for ever.
    #[test]
    fn pipelines_of_several_callers_share_the_pool_without_waiting_for_each_other() {
        use rayon::prelude::*;
        let callers: Vec<_> = (0..6)
            .map(|caller| {
                std::thread::spawn(move || {
                    for round in 0..20 {
                        let states: Vec<Mutex<()>> = (0..count().max(2)).map(|_| Mutex::default()).collect();
                        let (sum, out) = pipeline(
                            &states,
                            |sink| {
                                let mut sum = 0u64;
                                for k in 0..200u64 {
                                    sum += (0..64u64).into_par_iter().map(|x| x * k).sum::<u64>();
                                    sink(k);
                                }
                                sum
                            },
                            |_, k: u64| (0..16u64).into_par_iter().map(|x| x + k).sum::<u64>(),
                        );
                        assert_eq!(sum, (0..200u64).map(|k| 2016 * k).sum::<u64>(), "caller {caller}, round {round}");
                        assert_eq!(out, (0..200u64).map(|k| 120 + 16 * k).collect::<Vec<_>>());
                    }
                })
            })
            .collect();
        for caller in callers {
            caller.join().unwrap();
        }
    }

    #[test]
    fn a_pipeline_returns_every_result_in_order() {
        for threads in [1, 2, 3] {
            for n in [0, 1, 31, 32, 33, 64, 65, 1000] {
                check(threads, n);
            }
        }
    }
}
