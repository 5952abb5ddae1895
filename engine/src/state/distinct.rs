//! A table of small values each kept once and numbered, for what many of the recorder's rows
//! share: a row holds the number (four bytes), where the value would make every row longer.

use super::hash::hash_of;
use super::sym_table::SymTable;
use std::hash::Hash;

#[derive(Debug, Clone)]
pub struct Distinct<T> {
    all: Vec<T>,
    /// A hash of a value → its number in `all`.
    ids: SymTable,
}

impl<T> Default for Distinct<T> {
    fn default() -> Self {
        Distinct {
            all: Vec::new(),
            ids: SymTable::default(),
        }
    }
}

impl<T: Copy + Eq + Hash> Distinct<T> {
    /// The number of `value`, given it now if it has none.
    pub fn id(&mut self, value: T) -> u32 {
        let hash = hash_of(&value) as u32;
        let all = &self.all;
        if let Some(i) = self.ids.find(hash, |i| all[i as usize] == value) {
            return i;
        }
        let i = self.all.len() as u32;
        self.all.push(value);
        self.ids.insert(hash, i);
        i
    }

    pub fn get(&self, i: u32) -> T {
        // Indexed as a slice: at opt-level z, `Vec`'s `Index` is a call each (a row's origin
        // is read for every row of an object's an event walks).
        self.all.as_slice()[i as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::Distinct;

    #[test]
    fn a_value_is_numbered_once() {
        let mut sets = Distinct::default();
        let a = sets.id([u32::MAX, 2, 7]);
        let b = sets.id([3, 4, 4]);
        assert_ne!(a, b);
        assert_eq!(sets.id([u32::MAX, 2, 7]), a);
        assert_eq!(sets.get(b), [3, 4, 4]);
        assert_eq!(sets.all.len(), 2);
    }
}
