//! The last few distinct values written to a field that many pods hold alike. Pods of one
//! DaemonSet that the kubelet starts at the same instant get the same conditions and container
//! statuses; a status write that equals one of these shares it instead of keeping its own copy.

use crate::api::Shared;

/// How many distinct values are kept: one or a few DaemonSets' pods start together.
const KEPT: usize = 8;

#[derive(Debug, Clone)]
pub(crate) struct Recent<T> {
    kept: Vec<Shared<T>>,
    /// Where the next new value goes once `kept` is full (the oldest).
    next: usize,
    /// Where the value last found or kept is: compared first, since writes come in runs of one
    /// DaemonSet's pods (20 DaemonSets' container statuses, one image each, are more values
    /// than are kept, so a write compared most of the others before its own).
    latest: usize,
}

impl<T> Default for Recent<T> {
    fn default() -> Self {
        Recent {
            kept: Vec::new(),
            next: 0,
            latest: 0,
        }
    }
}

impl<T: PartialEq> Recent<T> {
    /// Makes `value` share an equal value kept from before, or keeps it.
    ///
    /// A value that already is one of those kept (the kubelet's ready write hands the next pod
    /// the very one it shared before) is found by address first: comparing it with the other
    /// kept values, text by text, was most of the kubelet's readiness write.
    pub(crate) fn share(&mut self, value: &mut Shared<T>) {
        if self.kept.iter().any(|kept| kept.same(value)) {
            return;
        }
        // The kept values differ from each other, so at most one is equal: the order in which
        // they are compared changes nothing but the cost.
        let latest = self.latest.min(self.kept.len());
        let mut order = (latest..latest + 1)
            .chain(0..latest)
            .chain(latest + 1..self.kept.len());
        if let Some(i) = order.find(|&i| self.kept.get(i).is_some_and(|kept| kept == value)) {
            *value = self.kept[i].clone();
            self.latest = i;
        } else if self.kept.len() < KEPT {
            self.latest = self.kept.len();
            self.kept.push(value.clone());
        } else {
            self.kept[self.next] = value.clone();
            self.latest = self.next;
            self.next = (self.next + 1) % KEPT;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{KEPT, Recent};
    use crate::api::Shared;

    #[test]
    fn an_equal_value_is_shared_and_the_oldest_goes_first() {
        let mut recent = Recent::default();
        let mut first = Shared::new(vec![0]);
        recent.share(&mut first);
        let mut again = Shared::new(vec![0]);
        recent.share(&mut again);
        assert!(std::ptr::eq(&*first, &*again));
        for i in 1..=KEPT {
            recent.share(&mut Shared::new(vec![i]));
        }
        let mut late = Shared::new(vec![0]);
        recent.share(&mut late);
        assert!(!std::ptr::eq(&*first, &*late), "the oldest was let go");
        assert_eq!(first, late);
    }
}
