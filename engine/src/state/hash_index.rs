//! Numbers (row indices, symbols) found again by a 32-bit hash of what they stand for: eight
//! bytes an entry, where a map keyed by the thing itself would hold a copy of it. The caller
//! compares the candidates, so a collision costs a comparison, never a wrong answer.

use super::hash::FastHashMap;
use std::collections::hash_map::Entry;

/// Marks a number in `first` whose hash has more numbers in `more`: a lookup probes `more` only
/// then. Numbers are below 2^31 (row and symbol indices: memory runs out long before).
const MORE: u32 = 1 << 31;

#[derive(Debug, Clone, Default)]
pub struct HashIndex {
    first: FastHashMap<u32, u32>,
    /// The other numbers whose hash collides with one in `first` (almost always empty): one
    /// number inline per hash instead of a list each.
    more: FastHashMap<u32, Vec<u32>>,
}

impl HashIndex {
    pub fn insert(&mut self, hash: u32, n: u32) {
        match self.first.entry(hash) {
            Entry::Vacant(slot) => {
                slot.insert(n);
            }
            Entry::Occupied(mut slot) => {
                *slot.get_mut() |= MORE;
                self.more.entry(hash).or_default().push(n);
            }
        }
    }

    /// The first number under `hash` that `is` accepts.
    pub fn find(&self, hash: u32, mut is: impl FnMut(u32) -> bool) -> Option<u32> {
        self.all(hash).find(|&n| is(n))
    }

    /// Every number under `hash`.
    pub fn all(&self, hash: u32) -> impl Iterator<Item = u32> + '_ {
        let first = self.first.get(&hash).copied();
        let more = match first {
            Some(n) if n & MORE != 0 => self.more.get(&hash),
            _ => None,
        };
        let first = first.map(|n| n & !MORE);
        first.into_iter().chain(more.into_iter().flatten().copied())
    }

    /// Takes `n` out from under `hash` (nothing if it is not there).
    pub fn remove(&mut self, hash: u32, n: u32) {
        let Some(&first) = self.first.get(&hash) else {
            return;
        };
        let more = first & MORE != 0;
        if first & !MORE == n {
            // The first of the rest (if any) takes its place.
            let next = more.then(|| self.more.get_mut(&hash)).flatten();
            match next.map(|rest| (rest.remove(0), rest.is_empty())) {
                Some((next, last)) => {
                    let flag = if last { 0 } else { MORE };
                    self.first.insert(hash, next | flag);
                    if last {
                        self.more.remove(&hash);
                    }
                }
                None => {
                    self.first.remove(&hash);
                }
            }
        } else if let Some(rest) = self.more.get_mut(&hash) {
            rest.retain(|&m| m != n);
            if rest.is_empty() {
                self.more.remove(&hash);
                self.first.insert(hash, first & !MORE);
            }
        }
    }

    pub fn clear(&mut self) {
        self.first.clear();
        self.more.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colliding_numbers_are_all_found() {
        let mut i = HashIndex::default();
        i.insert(7, 1);
        i.insert(7, 2);
        i.insert(8, 3);
        assert_eq!(i.find(7, |n| n == 2), Some(2));
        assert_eq!(i.find(7, |n| n == 1), Some(1));
        assert_eq!(i.find(7, |n| n == 3), None);
        assert_eq!(i.find(8, |_| true), Some(3));
        assert_eq!(i.all(7).collect::<Vec<_>>(), [1, 2]);
        i.insert(7, 4);
        i.remove(7, 1);
        assert_eq!(i.all(7).collect::<Vec<_>>(), [2, 4]);
        i.remove(7, 4);
        i.remove(7, 9);
        assert_eq!(i.all(7).collect::<Vec<_>>(), [2]);
        assert!(i.more.is_empty());
        i.remove(7, 2);
        assert_eq!(i.first.keys().collect::<Vec<_>>(), [&8]);
        i.clear();
        assert_eq!(i.find(7, |_| true), None);
        assert!(i.first.is_empty());
    }
}
