//! A controller's work queue of object keys: handed out in key order without repeats, as a
//! `BTreeSet` would, but filled by pushing. A burst of changes (a DaemonSet's 250 creates, the
//! kubelet's timers of one instant) costs one sort when the controller takes the queue instead
//! of a tree search per change, which compared keys string by string.

use crate::api::ObjectKey;
use crate::state::store::PodId;

/// What a queued key carries beside it, and which of two given for the same key is kept.
pub(crate) trait Hint: Copy {
    /// `self`, given after `older` for the same key: what the queue keeps.
    fn newer(self, older: Self) -> Self;
}

impl Hint for () {
    fn newer(self, _: ()) {}
}

/// A pod's number in the store when it was queued: the latest given is the likeliest still
/// right, and a timer's `None` does not hide a change's number.
impl Hint for Option<PodId> {
    fn newer(self, older: Self) -> Self {
        self.or(older)
    }
}

/// Keys, each with a [`Hint`], handed out in key order once each.
#[derive(Debug)]
pub(crate) struct Queue<H> {
    /// In arrival order, with repeats except of the key just before (changes come in runs: a
    /// pod's writes, the pods of one DaemonSet).
    keys: Vec<(ObjectKey, H)>,
}

impl<H> Default for Queue<H> {
    fn default() -> Self {
        Queue { keys: Vec::new() }
    }
}

impl<H: Hint> Queue<H> {
    pub(crate) fn insert(&mut self, key: ObjectKey, hint: H) {
        match self.keys.last_mut() {
            Some((last, kept)) if *last == key => *kept = hint.newer(*kept),
            _ => self.keys.push((key, hint)),
        }
    }

    /// Empties the queue: its keys in order, each once, with the hint [`Hint::newer`] keeps.
    pub(crate) fn take(&mut self) -> Vec<(ObjectKey, H)> {
        let mut keys = std::mem::take(&mut self.keys);
        let one_namespace = keys
            .split_first()
            .is_some_and(|(first, rest)| rest.iter().all(|k| k.0.namespace == first.0.namespace));
        if one_namespace && keys.len() > 2 {
            return by_name_prefix(keys);
        }
        crate::sort::sort_by(&mut keys, |a, b| a.0.cmp(&b.0));
        // `dedup_by` keeps the first of a run (stable sort: the earliest given) and passes the
        // later one first.
        keys.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 = later.1.newer(kept.1);
            }
            same
        });
        keys
    }
}

/// The first 16 bytes of `name`, zero-padded, as one number: of two names, the one with the
/// smaller prefix comes first (a shorter name pads with zeros, below any byte that follows);
/// equal prefixes tell nothing.
fn prefix(name: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = name.len().min(16);
    bytes[..n].copy_from_slice(&name.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

/// [`Queue::take`] for keys of one namespace (a controller's usual queue): sorted by each name's
/// prefix, read once, and by the whole names only where prefixes are equal. Sorting 200,000
/// names compared string by string read two strings all over the heap at each of some 3.4
/// million comparisons. The same order and hints as the general way: ties keep arrival order.
fn by_name_prefix<H: Hint>(keys: Vec<(ObjectKey, H)>) -> Vec<(ObjectKey, H)> {
    let mut order: Vec<(u128, u32)> = (keys.iter().enumerate())
        .map(|(i, k)| (prefix(&k.0.name), i as u32))
        .collect();
    let name = |i: u32| &keys[i as usize].0.name;
    crate::sort::sort_by(&mut order, |a, b| {
        a.0.cmp(&b.0)
            .then_with(|| name(a.1).cmp(name(b.1)))
            .then(a.1.cmp(&b.1))
    });
    let mut slots: Vec<Option<(ObjectKey, H)>> = keys.into_iter().map(Some).collect();
    let mut out: Vec<(ObjectKey, H)> = Vec::with_capacity(slots.len());
    let mut last_prefix = None;
    for (p, i) in order {
        let Some(item) = slots[i as usize].take() else {
            continue;
        };
        // The earliest given of equal keys comes first and stays; later ones give their hint.
        match out.last_mut() {
            Some(kept) if last_prefix == Some(p) && kept.0.name == item.0.name => {
                kept.1 = item.1.newer(kept.1);
            }
            _ => out.push(item),
        }
        last_prefix = Some(p);
    }
    out
}

/// A queue of pod keys, each with the pod's number in the store when it was queued (a
/// change's, none for a timer's): the controller finds the pod by it without hashing the key
/// (`Store::pod_hinted`).
pub(crate) type PodQueue = Queue<Option<PodId>>;

/// A queue of keys alone.
#[derive(Debug, Default)]
pub(crate) struct KeyQueue(Queue<()>);

impl KeyQueue {
    pub(crate) fn insert(&mut self, key: ObjectKey) {
        self.0.insert(key, ());
    }

    pub(crate) fn extend(&mut self, keys: impl IntoIterator<Item = ObjectKey>) {
        for key in keys {
            self.insert(key);
        }
    }

    /// Empties the queue: its keys in order, each once.
    pub(crate) fn take(&mut self) -> Vec<ObjectKey> {
        // Collected in place: a key with `()` is laid out as the key alone.
        self.0.take().into_iter().map(|(key, ())| key).collect()
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

    /// Keys of one namespace go by their names' first 16 bytes, then by whole names: the
    /// order, the repeats dropped and the hints kept are still a `BTreeSet`'s and the latest.
    #[test]
    fn one_namespace_by_prefix_keeps_btreeset_order() {
        assert!(prefix("a") < prefix("a-"));
        assert_eq!(prefix("node-exporter-abcde"), prefix("node-exporter-abcdf"));
        let names = [
            "node-exporter-abcdf",
            "b",
            "node-exporter-abcde",
            "a",
            "node-exporter-abcde",
            "a-",
            "node-exporter-abc",
            "b",
            "node-exporter-abcdf",
            "zz",
        ];
        let mut queue = PodQueue::default();
        let mut set = BTreeSet::new();
        for (i, n) in names.iter().enumerate() {
            queue.insert(
                ObjectKey::new("default", n),
                Some(PodId::from_number(i as u32)),
            );
            set.insert(ObjectKey::new("default", n));
        }
        let taken = queue.take();
        let keys: Vec<_> = taken.iter().map(|(k, _)| k.clone()).collect();
        assert_eq!(keys, set.into_iter().collect::<Vec<_>>());
        let hint = |n: &str| taken.iter().find(|(k, _)| &*k.name == n).unwrap().1;
        assert_eq!(hint("node-exporter-abcde"), Some(PodId::from_number(4)));
        assert_eq!(hint("b"), Some(PodId::from_number(7)));
    }

    /// A pod queue hands out the same keys, each with the latest hint given for it.
    #[test]
    fn pod_queue_keeps_the_latest_hint() {
        let id = |n| Some(PodId::from_number(n));
        let mut queue = PodQueue::default();
        queue.insert(ObjectKey::new("default", "b"), id(1));
        queue.insert(ObjectKey::new("default", "a"), id(2));
        queue.insert(ObjectKey::new("default", "b"), None);
        queue.insert(ObjectKey::new("default", "b"), id(3));
        queue.insert(ObjectKey::new("default", "a"), None);
        queue.insert(ObjectKey::new("default", "c"), None);
        let taken = queue.take();
        assert_eq!(
            taken,
            [
                (ObjectKey::new("default", "a"), id(2)),
                (ObjectKey::new("default", "b"), id(3)),
                (ObjectKey::new("default", "c"), None),
            ]
        );
        assert!(queue.take().is_empty());
    }
}
