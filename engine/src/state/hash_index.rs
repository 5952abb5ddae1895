//! Numbers (row indices, symbols) found again by a 32-bit hash of what they stand for: eight
//! bytes an entry, where a map keyed by the thing itself would hold a copy of it. The caller
//! compares the candidates, so a collision costs a comparison, never a wrong answer.

use super::hash::FastHashMap;
use super::overflow::Overflow;
use std::collections::hash_map::Entry;

#[derive(Debug, Clone, Default)]
pub struct HashIndex {
    first: FastHashMap<u32, u32>,
    /// The other numbers whose hash collides with one in `first` (almost always empty).
    more: Overflow,
}

impl HashIndex {
    pub fn insert(&mut self, hash: u32, n: u32) {
        match self.first.entry(hash) {
            Entry::Vacant(slot) => {
                slot.insert(n);
            }
            Entry::Occupied(mut slot) => {
                let first = *slot.get();
                *slot.get_mut() = self.more.push(hash, first, n);
            }
        }
    }

    /// The first number under `hash` that `is` accepts.
    pub fn find(&self, hash: u32, mut is: impl FnMut(u32) -> bool) -> Option<u32> {
        self.all(hash).find(|&n| is(n))
    }

    /// Every number under `hash`.
    pub fn all(&self, hash: u32) -> impl Iterator<Item = u32> + '_ {
        self.more.all(hash, self.first.get(&hash).copied())
    }

    /// Takes `n` out from under `hash` (nothing if it is not there).
    pub fn remove(&mut self, hash: u32, n: u32) {
        let Some(&first) = self.first.get(&hash) else {
            return;
        };
        match self.more.remove(hash, first, n) {
            Some(slot) if slot != first => {
                self.first.insert(hash, slot);
            }
            Some(_) => {}
            None => {
                self.first.remove(&hash);
            }
        }
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
    }
}
