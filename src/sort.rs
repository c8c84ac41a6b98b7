//! One stable sort for the whole crate, compiled once.
//!
//! Why not `slice::sort_by`: the standard library's sorts are generic over
//! the element and the comparator, so each call site monomorphizes its own
//! driftsort or ipnsort with their small-sort networks — 2 to 8 kB of wasm
//! each, about 26 kB for the crate's cold call sites. The slices sorted
//! here are small (injection findings of one text, a keyring's IDs, the
//! scripts of a string, the phone regions at start-up), so the speed of a
//! specialized sort buys nothing. (The PII scan's candidate sort, the one
//! hot sort, keeps the standard library's.) This module sorts a
//! permutation of indices with a non-generic bottom-up merge sort behind
//! `&mut dyn FnMut` and applies it with swaps: the per-site code is a
//! closure, a swap loop and an insertion sort for short slices (which then
//! need no allocation).
//!
//! Stable, `O(n log n)` comparisons whatever the input (inputs may be
//! untrusted text: no quadratic case), two `Vec<usize>` of scratch.

use std::cmp::Ordering;

/// Slices up to this long are insertion-sorted (at most 120 comparisons).
const SHORT: usize = 16;

/// Sorts `v` by `compare`, stably (equal elements keep their order).
pub(crate) fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() <= SHORT {
        // Insertion sort in place: no allocation for the common case (a
        // scan's few findings); strict `Greater` keeps it stable.
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && compare(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let order = {
        let v = &*v;
        sorted_indices(v.len(), &mut |a, b| compare(&v[a], &v[b]))
    };
    permute(v, order);
}

/// Sorts `v` by the key `key` gives each element, stably.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, stably.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The indices `0..n` ordered by `compare` (stable): element `k` of the
/// result is the index of the value that belongs at position `k`.
fn sorted_indices(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                // The left run wins ties: that is what keeps the sort stable.
                let take_left = j == end || (i < mid && compare(from[i], from[j]).is_le());
                if take_left {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Rearranges `v` so that position `k` holds what was at `order[k]`,
/// following each cycle of the permutation with swaps.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        // A settled position points to itself.
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no dependency.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    fn matches_the_standard_stable_sort() {
        for n in [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 64, 100, 1000] {
            for range in [2, 10, 1 << 40] {
                // Pairs of (key, original position): equal keys must keep
                // their positions in order.
                let keys = numbers(n as u64 * 31 + range + 1, n, range);
                let mut ours: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
                let mut std = ours.clone();
                sort_by_key(&mut ours, |&(k, _)| k);
                std.sort_by_key(|&(k, _)| k);
                assert_eq!(ours, std, "n = {n}, range = {range}");
            }
        }
    }

    #[test]
    fn sorts_owned_values_and_reverse_orders() {
        let mut words: Vec<String> = ["pear", "apple", "fig", "apple", "kiwi"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "kiwi", "pear"]);
        let mut desc: Vec<u32> = (0..50).collect();
        sort_by(&mut desc, |a, b| b.cmp(a));
        assert_eq!(desc, (0..50).rev().collect::<Vec<_>>());
    }
}
