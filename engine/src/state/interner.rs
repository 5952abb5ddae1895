//! Strings stored once: the event log repeats the same node names, messages' arguments and
//! often whole messages thousands of times, so it keeps a number per distinct string. The
//! strings sit end to end in one buffer (a few bytes of bookkeeping each, no allocation).

use super::sym_table::SymTable;
use std::hash::Hash;
use std::num::NonZeroU32;

/// A string held by an [`Interner`]: its number plus one, so that an `Option<Sym>` is four bytes.
/// Ordered by number (the order strings were first held), for sorted sets of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(NonZeroU32);

impl Sym {
    fn at(i: usize) -> Sym {
        // More than u32::MAX - 1 strings would not fit in memory first.
        Sym(NonZeroU32::new((i as u32).wrapping_add(1)).unwrap_or(NonZeroU32::MAX))
    }
    fn index(self) -> usize {
        self.0.get() as usize - 1
    }
    /// Its number plus one, for a holder that packs it with other bytes.
    pub fn to_bits(self) -> u32 {
        self.0.get()
    }
    /// The symbol whose [`Sym::to_bits`] is `bits` (none for 0).
    pub fn from_bits(bits: u32) -> Option<Sym> {
        NonZeroU32::new(bits).map(Sym)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Interner {
    text: String,
    /// Where each string ends in `text` (it starts where the one before it ends).
    ends: Vec<u32>,
    ids: SymTable,
}

/// The hash of a string as an [`Interner`] files it: callers that hash a string for other
/// keys too compute it once and pass it to the `_hashed` methods.
///
/// Written out rather than `hash_of` (the `Hasher` trait's `write_str`): an event hashes up to
/// nine strings, and at opt-level z the trait's path (the slice copies, the `0xff` end mark,
/// the calls) was about 125 instructions a string. The same multiply step, eight bytes at a
/// time; the length first, so that "ab" and "ab\0" differ. Only the recorder's tables use it.
pub fn hash_str(s: &str) -> u64 {
    let bytes = s.as_bytes();
    let (words, rest) = bytes.as_chunks::<8>();
    let mut h = step(0, bytes.len() as u64);
    for &w in words {
        h = step(h, u64::from_le_bytes(w));
    }
    if !rest.is_empty() {
        // The last eight bytes (the tail and what comes before it, read again), or the few
        // bytes of a string shorter than eight.
        let tail = match bytes.len().checked_sub(8) {
            Some(from) => u64::from_le_bytes(bytes[from..].as_chunks::<8>().0[0]),
            None => rest.iter().rev().fold(0, |t, &b| t << 8 | u64::from(b)),
        };
        h = step(h, tail);
    }
    mix(h)
}

/// A hash of two words as [`hash_str`] hashes a string of 16 bytes (its length, then the
/// words): a UUID's bytes, kept and handed over as bytes, are not written out to be hashed.
pub fn hash_words(a: u64, b: u64) -> u64 {
    mix(step(step(step(0, 16), a), b))
}

/// A hash of several words (the recorder's hashes of its strings, for its keys), as
/// [`hash_str`] steps through a string's: a plain loop, where the `Hasher` trait's calls were
/// about 57 instructions a combine at opt-level z.
pub fn hash_u64s(words: &[u64]) -> u64 {
    let mut h = step(0, words.len() as u64);
    for &w in words {
        h = step(h, w);
    }
    mix(h)
}

/// An odd constant with its bits spread (the fractional part of the golden ratio).
const K: u64 = 0x9e37_79b9_7f4a_7c15;

fn step(h: u64, word: u64) -> u64 {
    (h.rotate_left(5) ^ word).wrapping_mul(K)
}

/// MurmurHash3's finalizer: the low bits (a table's bucket) depend on every input bit.
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

impl Interner {
    pub fn intern(&mut self, s: &str) -> Sym {
        self.intern_hashed(hash_str(s), s)
    }

    /// [`Interner::intern`] of `s`, whose [`hash_str`] is `hash`.
    pub fn intern_hashed(&mut self, hash: u64, s: &str) -> Sym {
        let hash = hash as u32;
        if let Some(i) = self.ids.find(hash, |i| self.bytes(i) == s.as_bytes()) {
            return Sym::at(i as usize);
        }
        // The buffer is bounded by memory first (4 GB of text, more than a page can hold).
        let i = self.ends.len();
        // Grown by a quarter, not doubled: the names and UIDs of 200,000 pods are megabytes of
        // text, and doubling leaves up to half of it unused.
        if self.text.len() + s.len() > self.text.capacity() {
            let more = (self.text.capacity() / 4).max(s.len()).max(64);
            self.text.reserve_exact(more);
        }
        self.text.push_str(s);
        if self.ends.len() == self.ends.capacity() {
            self.ends.reserve_exact((self.ends.len() / 4).max(16));
        }
        self.ends.push(self.text.len() as u32);
        self.ids.insert(hash, i as u32);
        Sym::at(i)
    }

    /// The symbol of `s`, if it is interned.
    pub fn find(&self, s: &str) -> Option<Sym> {
        self.find_hashed(hash_str(s), s)
    }

    /// [`Interner::find`] of `s`, whose [`hash_str`] is `hash`.
    pub fn find_hashed(&self, hash: u64, s: &str) -> Option<Sym> {
        let i = (self.ids).find(hash as u32, |i| self.bytes(i) == s.as_bytes())?;
        Some(Sym::at(i as usize))
    }

    /// The bytes of the string numbered `i` (the `Sym`'s index): a lookup compares bytes, as
    /// slicing the `String` would check both ends are on a character's boundary first.
    fn bytes(&self, i: u32) -> &[u8] {
        &self.text.as_bytes()[self.span(i as usize)]
    }

    /// Where the string numbered `i` sits in `text`: from where the one before it ends.
    fn span(&self, i: usize) -> std::ops::Range<usize> {
        // Indexed as a slice: at opt-level z, `Vec`'s `Index` is a call each.
        let ends = self.ends.as_slice();
        let start = if i == 0 { 0 } else { ends[i - 1] as usize };
        start..ends[i] as usize
    }

    /// Whether the string `sym` is `s` (bytes compared, nothing sliced or checked).
    pub fn is(&self, sym: Sym, s: &str) -> bool {
        self.bytes(sym.index() as u32) == s.as_bytes()
    }

    pub fn get(&self, sym: Sym) -> &str {
        &self.text[self.span(sym.index())]
    }

    /// A new interner holding only the strings `keep` visits, and how the kept symbols are
    /// renumbered in it: the way strings no one uses any more are let go.
    pub fn compact(&self, keep: impl Iterator<Item = Sym>) -> (Interner, Renumber) {
        let mut fresh = Interner::default();
        let mut map = vec![u32::MAX; self.ends.len()];
        for sym in keep {
            let slot = &mut map[sym.index()];
            if *slot == u32::MAX {
                *slot = fresh.intern(self.get(sym)).index() as u32;
            }
        }
        (fresh, Renumber(map))
    }
}

/// Old symbol → new symbol, after [`Interner::compact`].
pub struct Renumber(Vec<u32>);

impl Renumber {
    pub fn apply(&self, sym: Sym) -> Sym {
        Sym::at(self.0[sym.index()] as usize)
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
        let empty = i.intern("");
        assert_eq!(i.intern("Pulled"), a);
        assert_ne!(a, b);
        assert_eq!(i.get(b), "Started");
        assert_eq!(i.get(a), "Pulled");
        assert_eq!(i.get(empty), "");
        assert_eq!(i.intern(""), empty);
        assert_eq!(i.find("Started"), Some(b));
        assert_eq!(i.find("Killing"), None);
        let long = i.intern("spec.containers{app}");
        for (sym, text, is) in [
            (a, "Pulled", true),
            (a, "Pulle", false),
            (a, "Pulledx", false),
            (a, "Pulles", false),
            (a, "pulled", false),
            (empty, "", true),
            (empty, "x", false),
            (long, "spec.containers{app}", true),
            (long, "spec.containers{apq}", false),
            (long, "spec.containers{ap}", false),
            (long, "spec.cOntainers{app}", false),
            (long, "xpec.containers{app}", false),
            (long, "spec.kontainers{app}", false),
        ] {
            assert_eq!(i.is(sym, text), is, "{text}");
        }
    }

    #[test]
    fn compacting_keeps_only_what_is_used_and_renumbers_it() {
        let mut i = Interner::default();
        let gone = i.intern("gone");
        let kept = i.intern("kept");
        let (fresh, renumber) = i.compact([kept, kept].into_iter());
        assert_eq!(fresh.get(renumber.apply(kept)), "kept");
        assert_eq!(fresh.ends.len(), 1);
        let _ = gone;
    }
}
