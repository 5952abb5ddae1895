//! The store's pod keys in key order, for the listings (`kubectl get pods`, describe, the
//! controllers that scan every pod): a sorted vector that the keys added and removed since are
//! merged into, in one pass, when it is next read. A tree took a search per create, comparing
//! names held all over the heap (cache misses that grow with the cluster); creates and
//! deletes come in bursts and listings are rare.

use crate::api::ObjectKey;
use std::cell::{OnceCell, RefCell};

#[derive(Debug, Clone, Default)]
pub struct KeyOrder {
    /// Every key in order, once read (then `since` is empty).
    read: OnceCell<Vec<ObjectKey>>,
    /// Otherwise: the keys as last read, with the writes since.
    since: RefCell<Since>,
}

#[derive(Debug, Clone, Default)]
struct Since {
    sorted: Vec<ObjectKey>,
    /// Keys added and removed, in no order. A key is added only when absent and removed only
    /// when present, so its adds less its removes (plus one if in `sorted`) is 0 or 1.
    added: Vec<ObjectKey>,
    removed: Vec<ObjectKey>,
}

impl KeyOrder {
    /// Adds `key`, which must be absent.
    pub fn insert(&mut self, key: ObjectKey) {
        self.unread().added.push(key);
    }

    /// Removes `key`, which must be present.
    pub fn remove(&mut self, key: ObjectKey) {
        self.unread().removed.push(key);
    }

    /// The writes since the last read, taking back the keys it ordered.
    fn unread(&mut self) -> &mut Since {
        let since = self.since.get_mut();
        if let Some(sorted) = self.read.take() {
            since.sorted = sorted;
        }
        since
    }

    /// Every key, in order.
    pub fn keys(&self) -> &[ObjectKey] {
        self.read.get_or_init(|| {
            let since = std::mem::take(&mut *self.since.borrow_mut());
            merged(since)
        })
    }
}

/// `sorted` with `added` and less `removed`, in order.
fn merged(since: Since) -> Vec<ObjectKey> {
    let Since {
        sorted,
        mut added,
        mut removed,
    } = since;
    if added.is_empty() && removed.is_empty() {
        return sorted;
    }
    crate::sort::sort(&mut added);
    crate::sort::sort(&mut removed);
    let mut out = Vec::with_capacity(sorted.len() + added.len());
    let mut sorted = sorted.into_iter().peekable();
    let mut added = added.into_iter().peekable();
    let mut removed = removed.into_iter().peekable();
    loop {
        let from_sorted = match (sorted.peek(), added.peek()) {
            (Some(s), Some(a)) => s <= a,
            (s, a) => s.is_some() || a.is_none(),
        };
        let next = if from_sorted {
            sorted.next()
        } else {
            added.next()
        };
        let Some(key) = next else {
            break;
        };
        let mut count = 1;
        while sorted.next_if_eq(&key).is_some() {
            count += 1;
        }
        while added.next_if_eq(&key).is_some() {
            count += 1;
        }
        while removed.next_if(|r| *r < key).is_some() {}
        while removed.next_if_eq(&key).is_some() {
            count -= 1;
        }
        if count > 0 {
            out.push(key);
        }
    }
    if out.capacity() > out.len() + out.len() / 4 + 16 {
        out.shrink_to_fit();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Any run of adds and removes (each key added only when absent, removed only when
    /// present), read at any points, lists what a `BTreeSet` holds.
    #[test]
    fn lists_what_a_btreeset_holds() {
        let mut x: u64 = 7;
        let mut next = move |n: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % n
        };
        for _ in 0..50 {
            let mut ours = KeyOrder::default();
            let mut set = BTreeSet::new();
            for _ in 0..200 {
                let ns = ["default", "kube-system"][next(2) as usize];
                let key = ObjectKey::new(ns, format!("p{}", next(30)));
                match next(10) {
                    0 => assert_eq!(ours.keys(), set.iter().cloned().collect::<Vec<_>>()),
                    _ if set.contains(&key) => {
                        set.remove(&key);
                        ours.remove(key);
                    }
                    _ => {
                        set.insert(key.clone());
                        ours.insert(key);
                    }
                }
            }
            assert_eq!(ours.keys(), set.iter().cloned().collect::<Vec<_>>());
            assert_eq!(ours.clone().keys(), ours.keys());
        }
    }
}
