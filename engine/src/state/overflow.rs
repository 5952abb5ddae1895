//! One number inline per key, the key's other numbers aside: the layout `HashIndex` (keyed by
//! hash) and `NodePods` (keyed by node number) share. A key's slot holds its first number, with
//! [`MORE`] set when [`Overflow`] holds others for it; most keys have one number, so most have
//! no list.

use super::hash::FastHashMap;

/// Marks a slot whose key has more numbers in the [`Overflow`]. Numbers are below 2^31 (row,
/// symbol and pod indices, reused when freed: memory runs out long before).
pub const MORE: u32 = 1 << 31;

/// The numbers after each key's first, in the order they came.
#[derive(Debug, Clone, Default)]
pub struct Overflow(FastHashMap<u32, Vec<u32>>);

impl Overflow {
    /// Adds `n` under `key`, whose slot holds `slot`: the slot's new value.
    pub fn push(&mut self, key: u32, slot: u32, n: u32) -> u32 {
        debug_assert!(n < MORE, "number {n} reaches the MORE bit");
        self.0.entry(key).or_default().push(n);
        slot | MORE
    }

    /// The numbers under `key`, whose slot holds `slot`: the slot's, then the others.
    // Always inlined: behind a call, the iterator it returns costs 0.6 % of a create + settle
    // (callgrind, 300 nodes), as `HashIndex::find` is on the store's hot path.
    #[inline(always)]
    pub fn all(&self, key: u32, slot: Option<u32>) -> impl Iterator<Item = u32> + '_ {
        let more = match slot {
            Some(s) if s & MORE != 0 => self.0.get(&key),
            _ => None,
        };
        let first = slot.map(|s| s & !MORE);
        first.into_iter().chain(more.into_iter().flatten().copied())
    }

    /// Takes `n` from under `key`, whose slot holds `slot`: the slot's new value (the next number
    /// takes the first's place), or `None` when the key has no number left.
    pub fn remove(&mut self, key: u32, slot: u32, n: u32) -> Option<u32> {
        if slot & !MORE == n {
            if slot & MORE == 0 {
                return None;
            }
            let rest = self.0.get_mut(&key)?;
            let next = rest.remove(0);
            if rest.is_empty() {
                self.0.remove(&key);
                return Some(next);
            }
            return Some(next | MORE);
        }
        if let Some(rest) = self.0.get_mut(&key) {
            rest.retain(|&m| m != n);
            if rest.is_empty() {
                self.0.remove(&key);
                return Some(slot & !MORE);
            }
        }
        Some(slot)
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::{MORE, Overflow};

    #[test]
    fn the_next_number_takes_the_first_place_and_the_list_goes_when_empty() {
        let mut o = Overflow::default();
        let slot = o.push(5, 1, 2);
        let slot = o.push(5, slot, 3);
        assert_eq!(slot, 1 | MORE);
        assert_eq!(o.all(5, Some(slot)).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(
            o.all(5, Some(1)).collect::<Vec<_>>(),
            [1],
            "no MORE bit, no list read"
        );
        assert_eq!(
            o.remove(5, slot, 9),
            Some(slot),
            "a number not there changes nothing"
        );
        let slot = o.remove(5, slot, 1).unwrap();
        assert_eq!(slot, 2 | MORE);
        let slot = o.remove(5, slot, 3).unwrap();
        assert_eq!(slot, 2, "the last of the list taken: the MORE bit cleared");
        assert!(o.is_empty());
        assert_eq!(o.remove(5, slot, 2), None, "the key's last number");
    }
}
