//! Strings held once and handed out shared, numbered in order of first use: node names (the
//! store's indices by node number), controller UIDs (the store's changes), host IPs (a node's
//! pods hold one copy of its address), users and nodes in the audit log. A copy is a reference
//! count, not an allocation; a [`Shared`] string is one pointer, so a record holding two (a
//! change's nodes) stays small.

use super::hash::FastHashMap;
use crate::api::SharedStr;
use std::cell::Cell;

#[derive(Debug, Clone, Default)]
pub struct Held {
    numbers: FastHashMap<SharedStr, u32>,
    texts: Vec<SharedStr>,
    /// The number last found, tried first: writes come in runs about one owner (a burst of a
    /// DaemonSet's creates names its UID at each) or one node (a pod's writes, a node's sync),
    /// and comparing with a text just read is cheaper than hashing and probing for it.
    last: Cell<u32>,
    /// Numbers of held texts by the address of the text (see [`Held::by_address`]).
    addresses: Box<[Cell<Address>]>,
}

/// A held text's address and length, and its number.
type Address = (usize, u32, u32);

/// Entries in the table of held texts' addresses: a few times the nodes of most clusters.
const ADDRESSES: usize = 4096;

impl Held {
    /// The number of `text`, given it now if it has none. A text keeps its number.
    pub fn number(&mut self, text: &str) -> u32 {
        if let Some(n) = self.find(text) {
            return n;
        }
        let n = self.texts.len() as u32;
        if self.addresses.is_empty() {
            self.addresses = vec![Cell::new((0, 0, 0)); ADDRESSES].into_boxed_slice();
        }
        let held = SharedStr::new(text);
        self.texts.push(held.clone());
        self.numbers.insert(held, n);
        n
    }

    /// `text` as the string held for it.
    pub fn get(&mut self, text: &str) -> SharedStr {
        let n = self.number(text);
        self.texts[n as usize].clone()
    }

    /// Makes `s` the string held for its text (the one `s` is, if its text was not held).
    pub fn share(&mut self, s: &mut SharedStr) {
        match self.find(s.as_str()) {
            Some(n) => *s = self.texts[n as usize].clone(),
            None => {
                self.numbers.insert(s.clone(), self.texts.len() as u32);
                self.texts.push(s.clone());
            }
        }
    }

    /// The number of `text`, if it has one.
    pub fn find(&self, text: &str) -> Option<u32> {
        if let Some(n) = self.by_address(text) {
            return Some(n);
        }
        let last = self.last.get();
        let n = if (self.texts.get(last as usize)).is_some_and(|t| t.as_str() == text) {
            last
        } else {
            let n = self.numbers.get(text).copied()?;
            self.last.set(n);
            n
        };
        if self.texts[n as usize].as_str().as_ptr() == text.as_ptr()
            && let Some(entry) = self.addresses.get(slot(text))
        {
            entry.set((text.as_ptr() as usize, text.len() as u32, n));
        }
        Some(n)
    }

    /// The number of `text` if it is a held text itself (a bound pod's `spec.nodeName` is the
    /// store's copy of the name), known from its address and length without reading it: most
    /// node lookups at 10,000 nodes paid a cache miss on the name's bytes to hash them. An entry
    /// is written only for a held text, which lives as long as the table and never changes, so
    /// no other text can be at its address.
    fn by_address(&self, text: &str) -> Option<u32> {
        let (at, len, n) = self.addresses.get(slot(text))?.get();
        (at == text.as_ptr() as usize && len as usize == text.len()).then_some(n)
    }

    /// The string numbered `n`.
    pub fn text(&self, n: u32) -> &SharedStr {
        &self.texts[n as usize]
    }
}

/// The entry for the text at `text`'s address (allocations are 8-byte aligned).
fn slot(text: &str) -> usize {
    let at = (text.as_ptr() as usize >> 3) as u64;
    (at.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize % ADDRESSES
}

#[cfg(test)]
mod tests {
    use super::Held;
    use crate::api::SharedStr;

    /// A held text asked for as itself is then known by its address; a slice of it that starts
    /// at the same address is another text, and an equal text elsewhere is found by hashing.
    #[test]
    fn a_held_text_is_known_by_its_address_and_only_itself() {
        let mut held = Held::default();
        let a = held.get("node-a");
        held.number("node-b");
        assert_eq!(held.by_address(a.as_str()), None);
        assert_eq!(held.find(a.as_str()), Some(0));
        assert_eq!(held.by_address(a.as_str()), Some(0));
        let start = &a.as_str()[..4];
        assert_eq!(held.by_address(start), None);
        assert_eq!(held.find(start), None);
        assert_eq!(held.find(&String::from("node-a")), Some(0));
        assert_eq!(held.find("node-b"), Some(1));
    }

    #[test]
    fn a_text_is_held_once_and_keeps_its_number() {
        let mut held = Held::default();
        let a = held.get("a");
        assert!(a.same(&held.get("a")));
        assert_eq!(held.number("b"), 1);
        assert_eq!(held.number("a"), 0);
        assert_eq!((held.find("b"), held.find("c")), (Some(1), None));
        assert_eq!(held.text(1).as_str(), "b");
        let mut c = SharedStr::from("c");
        held.share(&mut c);
        let mut again = SharedStr::from("c");
        held.share(&mut again);
        assert!(again.same(&c), "a text shared first is the one held");
    }
}
