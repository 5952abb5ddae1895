//! Strings stored once: the event log repeats the same kinds, reasons, components, node names
//! and often whole messages thousands of times, so it keeps a number per distinct string.

use super::hash::FastHashMap;
use std::rc::Rc;

/// A string held by an [`Interner`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sym(u32);

#[derive(Debug, Clone, Default)]
pub struct Interner {
    strings: Vec<Rc<str>>,
    ids: FastHashMap<Rc<str>, Sym>,
}

impl Interner {
    pub fn intern(&mut self, s: &str) -> Sym {
        if let Some(&sym) = self.ids.get(s) {
            return sym;
        }
        // More than u32::MAX distinct strings would not fit in memory first.
        let sym = Sym(self.strings.len() as u32);
        let rc: Rc<str> = Rc::from(s);
        self.strings.push(rc.clone());
        self.ids.insert(rc, sym);
        sym
    }

    pub fn get(&self, sym: Sym) -> &str {
        &self.strings[sym.0 as usize]
    }

    /// A new interner holding only the strings `keep` visits, and how the kept symbols are
    /// renumbered in it: the way strings no one uses any more are let go.
    pub fn compact(&self, keep: impl Iterator<Item = Sym>) -> (Interner, Renumber) {
        let mut fresh = Interner::default();
        let mut map = vec![u32::MAX; self.strings.len()];
        for sym in keep {
            let slot = &mut map[sym.0 as usize];
            if *slot == u32::MAX {
                *slot = fresh.intern(self.get(sym)).0;
            }
        }
        (fresh, Renumber(map))
    }
}

/// Old symbol → new symbol, after [`Interner::compact`].
pub struct Renumber(Vec<u32>);

impl Renumber {
    pub fn apply(&self, sym: Sym) -> Sym {
        Sym(self.0[sym.0 as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_symbol_per_distinct_string() {
        let mut i = Interner::default();
        let a = i.intern("Pulled");
        let b = i.intern("Started");
        assert_eq!(i.intern("Pulled"), a);
        assert_ne!(a, b);
        assert_eq!(i.get(b), "Started");
    }

    #[test]
    fn compacting_keeps_only_what_is_used_and_renumbers_it() {
        let mut i = Interner::default();
        let gone = i.intern("gone");
        let kept = i.intern("kept");
        let (fresh, renumber) = i.compact([kept, kept].into_iter());
        assert_eq!(fresh.get(renumber.apply(kept)), "kept");
        assert_eq!(fresh.strings.len(), 1);
        let _ = gone;
    }
}
