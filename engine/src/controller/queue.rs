//! A controller's work queue of object keys: handed out in key order without repeats, as a
//! `BTreeSet` would, but filled by pushing. A burst of changes (a DaemonSet's 250 creates, the
//! kubelet's timers of one instant) costs one sort when the controller takes the queue instead
//! of a tree search per change, which compared keys string by string.

use crate::api::ObjectKey;

#[derive(Debug, Default)]
pub(crate) struct KeyQueue {
    /// In arrival order, with repeats except of the key just before (changes come in runs: a
    /// pod's writes, the pods of one DaemonSet).
    keys: Vec<ObjectKey>,
}

impl KeyQueue {
    pub(crate) fn insert(&mut self, key: ObjectKey) {
        if self.keys.last() != Some(&key) {
            self.keys.push(key);
        }
    }

    pub(crate) fn extend(&mut self, keys: impl IntoIterator<Item = ObjectKey>) {
        for key in keys {
            self.insert(key);
        }
    }

    /// Empties the queue: its keys in order, each once.
    pub(crate) fn take(&mut self) -> Vec<ObjectKey> {
        let mut keys = std::mem::take(&mut self.keys);
        crate::sort::sort(&mut keys);
        keys.dedup();
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The order and the repeats dropped are a `BTreeSet`'s: controllers' event order depends
    /// on it.
    #[test]
    fn takes_keys_in_btreeset_order_once() {
        let names = ["b", "a", "a", "c", "b", "a", "c", "c"];
        let mut queue = KeyQueue::default();
        let mut set = BTreeSet::new();
        for (i, n) in names.iter().enumerate() {
            let ns = if i % 3 == 0 { "kube-system" } else { "default" };
            queue.insert(ObjectKey::new(ns, n));
            set.insert(ObjectKey::new(ns, n));
        }
        assert_eq!(queue.take(), set.into_iter().collect::<Vec<_>>());
        assert!(queue.take().is_empty());
    }
}
