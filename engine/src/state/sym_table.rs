//! The interner's index (and `Distinct`'s): a string's number found by its hash, in one open-addressed table of
//! 8-byte slots (the hash's low 32 bits and the number). The recorder looks up three to six
//! strings an event; through a `HashMap` of the hash (hashed again, then its overflow list and
//! the caller's closure) a lookup was about 200 instructions, here a probe or two and the
//! caller's compare. The caller compares the candidates, so a collision costs a comparison,
//! never a wrong answer.

/// The table; a slot is `hash << 32 | number + 1`, or 0 when empty.
#[derive(Debug, Clone, Default)]
pub struct SymTable {
    slots: Vec<u64>,
    len: usize,
}

impl SymTable {
    /// The first number filed under `hash` that `is` accepts.
    pub fn find(&self, hash: u32, mut is: impl FnMut(u32) -> bool) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = hash as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return None;
            }
            if (slot >> 32) as u32 == hash && is(slot as u32 - 1) {
                return Some(slot as u32 - 1);
            }
            at = (at + 1) & mask;
        }
    }

    /// Files `n` under `hash` (numbers are below `u32::MAX`: memory runs out first).
    pub fn insert(&mut self, hash: u32, n: u32) {
        // At most three quarters full; doubled when it would be more. Seven eighths (a
        // `HashMap`'s) made a miss (every new string) probe about 32 slots near a doubling;
        // the recorder's table at 10,000 nodes × 20 ends near there, and `intern_hashed`
        // cost twice its instructions a pod at 1,000 (callgrind).
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            let old = std::mem::take(&mut self.slots);
            self.slots = vec![0; (old.len() * 2).max(16)];
            for slot in old.into_iter().filter(|&s| s != 0) {
                self.put(slot);
            }
        }
        self.put(u64::from(hash) << 32 | u64::from(n + 1));
        self.len += 1;
    }

    fn put(&mut self, slot: u64) {
        let mask = self.slots.len() - 1;
        let mut at = (slot >> 32) as usize & mask;
        while self.slots[at] != 0 {
            at = (at + 1) & mask;
        }
        self.slots[at] = slot;
    }
}

#[cfg(test)]
mod tests {
    use super::SymTable;

    /// Numbers under one hash (and under hashes that share low bits) are all found, through
    /// the table's doubling.
    #[test]
    fn colliding_numbers_are_all_found() {
        let mut t = SymTable::default();
        assert_eq!(t.find(7, |_| true), None);
        for n in 0..100 {
            t.insert(7 + (n % 3) * 64, n);
        }
        for n in 0..100 {
            assert_eq!(t.find(7 + (n % 3) * 64, |m| m == n), Some(n));
        }
        assert_eq!(t.find(7, |m| m == 1), None, "filed under another hash");
        assert_eq!(t.find(8, |_| true), None);
        assert_eq!(t.slots.len(), 256, "doubled past 96 of 128");
    }
}
