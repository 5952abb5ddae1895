//! When a table that grew for a burst gives its room back: the clock's timers and the kubelet's
//! pods on their way fill up when every pod of a new DaemonSet pulls and starts at once, and
//! would otherwise keep the burst's size for good.

/// The capacity to shrink a table of `len` entries and room for `capacity` to, once it is under
/// an eighth full (twice its entries: a few more writes do not grow it again at once); `None`
/// while it is small or fuller.
pub(crate) fn after_burst(len: usize, capacity: usize) -> Option<usize> {
    (capacity > 64 && len < capacity / 8).then_some(len * 2)
}

#[cfg(test)]
mod tests {
    use super::after_burst;

    #[test]
    fn a_table_shrinks_only_when_large_and_mostly_empty() {
        assert_eq!(after_burst(0, 64), None, "small");
        assert_eq!(after_burst(10, 1024), Some(20));
        assert_eq!(after_burst(128, 1024), None, "an eighth full");
    }
}
