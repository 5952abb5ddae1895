//! The nodes a sync left over when it had more to create or delete than `BURST_REPLICAS`: the
//! next syncs take them a burst at a time, in name order.

use crate::api::SharedStr;

/// Each name once, in reverse name order, so that the next one is taken from the end. A tree
/// of names took a walk comparing names per node left over (every node of a new DaemonSet but
/// the first burst's); a sync's leftovers come in name order, so they are added as one run.
#[derive(Debug, Default)]
pub(super) struct Deferred(Vec<SharedStr>);

impl Deferred {
    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(super) fn clear(&mut self) {
        self.0.clear();
    }

    /// The first name left, in name order. The room goes with the last name: a new
    /// DaemonSet's leftovers are nearly all its nodes (8 bytes each), taken once.
    pub(super) fn pop_first(&mut self) -> Option<SharedStr> {
        let first = self.0.pop();
        if self.0.is_empty() {
            self.0 = Vec::new();
        }
        first
    }

    /// Adds `names` (a name already here is kept once).
    pub(super) fn extend(&mut self, names: impl IntoIterator<Item = SharedStr>) {
        let before = self.0.len();
        self.0.extend(names);
        if self.0.len() == before {
            return;
        }
        // Runs in either order are found and merged by the sort in linear time: the names kept
        // (descending) and the new ones (ascending, from the visit's order).
        crate::sort::sort_by(&mut self.0, |a, b| b.cmp(a));
        self.0.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::Deferred;
    use crate::api::SharedStr;

    fn names(list: &[&str]) -> Vec<SharedStr> {
        list.iter().map(|n| SharedStr::from(*n)).collect()
    }

    /// Taken in name order, each once, whatever order they were added in.
    #[test]
    fn taken_in_name_order_once_each() {
        let mut d = Deferred::default();
        d.extend(names(&["n3", "n5", "n7"]));
        d.extend(names(&["n1", "n5", "n6", "n6"]));
        d.extend(names(&["n9", "n2"]));
        let mut taken = Vec::new();
        while let Some(n) = d.pop_first() {
            taken.push(n.to_string());
        }
        assert_eq!(taken, ["n1", "n2", "n3", "n5", "n6", "n7", "n9"]);
        assert!(
            d.is_empty() && d.0.capacity() == 0,
            "no room kept once all are taken"
        );
    }
}
