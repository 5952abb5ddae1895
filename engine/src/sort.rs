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

/// Sorts `items` stably by the key `key` gives: a number first, then a text compared byte by
/// byte (as `str`'s order). The same order as `sort_by_key` with `(number, text)`, but each
/// element's text is read once: the texts' common prefix is skipped and the next 8 bytes are
/// taken as a number ([`window`]); [`sort_by_window`] sorts by those. A queue of 20,000 pod
/// keys was 1.7 M comparisons through a trait object and `memcmp`.
pub fn sort_by_text<T>(items: &mut [T], key: impl Fn(&T) -> (u32, &[u8])) {
    if items.len() < 2 {
        return;
    }
    let first = key(&items[0]).1;
    let mut skip = first.len();
    for item in &items[1..] {
        skip = common_prefix(first, key(item).1, skip);
    }
    sort_by_window(
        items,
        |item| {
            let (number, text) = key(item);
            (number, window(&text[skip..]))
        },
        |item| &key(item).1[skip..],
    );
}

/// How many first bytes `a` and `b` share, at most `limit` (no more than `a` has).
pub fn common_prefix(a: &[u8], b: &[u8], limit: usize) -> usize {
    let a = &a[..limit.min(a.len())];
    if b.get(..a.len()) == Some(a) {
        return a.len();
    }
    (a.iter().zip(b).position(|(x, y)| x != y)).unwrap_or(a.len().min(b.len()))
}

/// A text's first 8 bytes as a big-endian number, zero bytes after a shorter text's end: a
/// window below another's is a text below the other's (equal ones may still differ further,
/// or be a text and the same text with zero bytes after it).
pub fn window(text: &[u8]) -> u64 {
    match text.get(..8) {
        Some(eight) => u64::from_be_bytes(eight.try_into().unwrap_or_default()),
        None => text
            .iter()
            .enumerate()
            .fold(0, |w, (i, &b)| w | u64::from(b) << (56 - 8 * i)),
    }
}

/// Sorts `items` stably by a number, then a text, given each element's number and its text's
/// [`window`] by `packed` (read once each) and its text by `text` (read only for elements
/// whose number and window are equal to another's). The number, the window's first bits and
/// the element's position are packed into one `u64`, and those are sorted as numbers; elements
/// equal in those bits are ordered by the whole window, then the text (pods of one DaemonSet
/// differ within the 5 characters after the common `<name>-`; a key queued twice).
pub fn sort_by_window<T>(
    items: &mut [T],
    packed: impl Fn(&T) -> (u32, u64),
    text: impl Fn(&T) -> &[u8],
) {
    let n = items.len();
    if n < 2 {
        return;
    }
    let bits = |x: u64| 64 - x.leading_zeros();
    let top = items.iter().map(|item| packed(item).0).max().unwrap_or(0);
    let (number_bits, position_bits) = (bits(top.into()), bits(n as u64 - 1));
    let Some(text_bits) = 64u32.checked_sub(number_bits + position_bits) else {
        sort_by(items, |a, b| {
            let (pa, pb) = (packed(a), packed(b));
            (pa.0.cmp(&pb.0)).then_with(|| text(a).cmp(text(b)))
        });
        return;
    };
    // The bytes beyond `text_bits` are dropped: a packed value below another's is then a key
    // below the other's; equal ones are compared below.
    let mut keys: Vec<u64> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (number, window) = packed(item);
            let text = window.checked_shr(64 - text_bits).unwrap_or(0);
            (u64::from(number).checked_shl(text_bits).unwrap_or(0) | text)
                .checked_shl(position_bits)
                .unwrap_or(0)
                | i as u64
        })
        .collect();
    // Positions are part of the values, so no two are equal: equal keys stay in their order.
    keys.sort_unstable();
    let mask = (1u64 << position_bits) - 1;
    let position = |k: &u64| (k & mask) as usize;
    // Same number: by the whole window, then (only when the windows are equal) the text.
    let order = |a: &u64, b: &u64| {
        let (a, b) = (&items[position(a)], &items[position(b)]);
        (packed(a).1.cmp(&packed(b).1)).then_with(|| text(a).cmp(text(b)))
    };
    let mut start = 0;
    for end in 1..=n {
        if end < n && keys[end] & !mask == keys[start] & !mask {
            continue;
        }
        let run = &mut keys[start..end];
        if run.len() > 16 {
            if !run.is_sorted_by(|a, b| order(a, b).is_le()) {
                sort_by(run, order);
            }
        } else {
            // A few (a key queued twice, names alike in their first bytes): by insertion,
            // which allocates nothing; moved past greater keys only, so equal ones keep
            // their order.
            for i in 1..run.len() {
                let mut j = i;
                while j > 0 && order(&run[j - 1], &run[j]).is_gt() {
                    run.swap(j - 1, j);
                    j -= 1;
                }
            }
        }
        start = end;
    }
    permute_by(items, &mut keys, position, |i| i as u64);
}

/// The one instance of the standard sort: positions, compared through a trait object.
fn sort_positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Moves `items[order[i]]` to position `i` for every `i`, one cycle of the permutation at a
/// time (linear time, no copies). `order` is used up: each visited entry is marked as placed, so
/// a cycle is walked once; its walk ends on the entry pointing back to where it began.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    permute_by(items, order, |&i| i, |i| i);
}

/// [`permute`] with the positions read from `order`'s entries by `at` and marks written by
/// `mark`.
fn permute_by<T, O>(
    items: &mut [T],
    order: &mut [O],
    at: impl Fn(&O) -> usize,
    mark: impl Fn(usize) -> O,
) {
    for start in 0..order.len() {
        let mut dest = start;
        loop {
            let source = at(&order[dest]);
            order[dest] = mark(dest);
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

    /// The order of `sort_by_key` on (number, text), equal keys in their order: texts with a
    /// long common prefix, equal in their first 8 bytes after it, shorter than 8, ending in
    /// zero bytes (the padding), repeated.
    #[test]
    fn by_text_matches_the_standard_stable_sort() {
        for seed in 0..300 {
            let n = (seed % 100) as usize;
            let picks = numbers(seed, n * 3, 1 << 20);
            let items: Vec<(u32, Vec<u8>, usize)> = (0..n)
                .map(|i| {
                    let (a, b, c) = (picks[3 * i], picks[3 * i + 1], picks[3 * i + 2]);
                    let mut text = if seed % 3 == 0 {
                        Vec::new()
                    } else {
                        b"agent-07-".to_vec()
                    };
                    if a % 4 == 0 {
                        text.extend_from_slice(b"abcdefgh");
                    }
                    for k in 0..(b % 11) {
                        text.push([0u8, b'a', b'b', b'z', 0xff][((c >> (2 * k)) % 5) as usize]);
                    }
                    ((a % 3) as u32 * (seed as u32 % 2), text, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_text(&mut ours, |e| (e.0, &e.1[..]));
            let mut std_sorted = items.clone();
            std_sorted.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
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
