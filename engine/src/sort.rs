//! Stable sorting through one compiled copy of the standard library's sort.
//!
//! `slice::sort_by` is generic over the element type and the closure, so every call site gets
//! its own copy of the whole sort (3 to 4 KB of WebAssembly each; the page had over twenty).
//! These helpers sort the elements' positions instead, always with the same comparator type,
//! then move the elements into that order: the result is exactly `slice::sort_by`'s (stable),
//! and each call site only adds a few hundred bytes.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal elements in their order (as `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    permute(items, &mut order);
}

/// Sorts `items` by the key `key` gives, keeping equal keys in their order (as
/// `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order (as `slice::sort`).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The one instance of the standard sort: positions, compared through a trait object.
fn sort_positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Moves `items[order[i]]` to position `i` for every `i`, one cycle of the permutation at a
/// time (linear time, no copies). `order` is used up: each visited entry is marked as placed, so
/// a cycle is walked once; its walk ends on the entry pointing back to where it began.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut dest = start;
        loop {
            let source = order[dest];
            order[dest] = dest;
            if source == start {
                break;
            }
            items.swap(dest, source);
            dest = source;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the tests need no dependency.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (x >> 33) % range
            })
            .collect()
    }

    #[test]
    fn matches_the_standard_stable_sort() {
        for seed in 0..200 {
            let n = (seed % 40) as usize;
            // (key, original position): equal keys must keep their order.
            let items: Vec<(u64, usize)> = numbers(seed, n, 7)
                .into_iter()
                .enumerate()
                .map(|(i, k)| (k, i))
                .collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|a| a.0);
            assert_eq!(ours, std_sorted, "seed {seed}");
        }
    }

    #[test]
    fn by_key_and_natural_order() {
        let mut words = vec!["pear", "fig", "apple", "kiwi", "fig"];
        sort_by_key(&mut words, |w| w.len());
        assert_eq!(words, ["fig", "fig", "pear", "kiwi", "apple"]);
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "fig", "kiwi", "pear"]);
    }

    #[test]
    fn owned_elements_are_moved_not_lost() {
        let mut names: Vec<String> = numbers(42, 100, 1000)
            .into_iter()
            .map(|n| format!("n{n}"))
            .collect();
        let mut expected = names.clone();
        expected.sort();
        sort(&mut names);
        assert_eq!(names, expected);
    }
}
