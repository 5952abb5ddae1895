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
}

impl Held {
    /// The number of `text`, given it now if it has none. A text keeps its number.
    pub fn number(&mut self, text: &str) -> u32 {
        if let Some(n) = self.find(text) {
            return n;
        }
        self.hold(SharedStr::new(text))
    }

    /// Holds `text`, which has no number yet, under the next one.
    fn hold(&mut self, text: SharedStr) -> u32 {
        let n = self.texts.len() as u32;
        self.texts.push(text.clone());
        self.numbers.insert(text, n);
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
                self.hold(s.clone());
            }
        }
    }

    /// The number of `text`, if it has one.
    pub fn find(&self, text: &str) -> Option<u32> {
        let last = self.last.get();
        if self
            .texts
            .get(last as usize)
            .is_some_and(|t| t.as_str() == text)
        {
            return Some(last);
        }
        let n = self.numbers.get(text).copied()?;
        self.last.set(n);
        Some(n)
    }

    /// The string numbered `n`.
    pub fn text(&self, n: u32) -> &SharedStr {
        &self.texts[n as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::Held;
    use crate::api::SharedStr;

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
