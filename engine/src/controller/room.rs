//! Vectors a controller keeps emptied between its passes or syncs, for their room: most passes
//! hold a few entries, and a new vector each time was an allocation. A burst's large room is let
//! go (a WebAssembly memory keeps its peak, and the heap figures would keep it too).

/// The most entries whose room is kept.
pub(crate) const KEPT: usize = 1024;

/// `v` emptied, if its room is small enough to keep.
pub(crate) fn emptied<T>(mut v: Vec<T>) -> Option<Vec<T>> {
    (v.capacity() <= KEPT).then(|| {
        v.clear();
        v
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_room_is_kept_emptied_and_a_bursts_is_let_go() {
        let small = emptied(vec![1, 2, 3]).expect("kept");
        assert!(small.is_empty() && small.capacity() >= 3);
        assert!(emptied(Vec::<u8>::with_capacity(KEPT + 1)).is_none());
    }
}
