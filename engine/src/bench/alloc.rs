//! A global allocator wrapper that counts live heap bytes, for the memory figures of the
//! benchmark. Declared with `#[global_allocator]` by the binaries that want it (the native
//! `dsbench` and the WebAssembly bench); the playground itself does not use it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct CountingAlloc {
    live: AtomicUsize,
    peak: AtomicUsize,
    /// Allocations made (`alloc` and `realloc` calls), for the allocations per step.
    count: AtomicUsize,
}

impl CountingAlloc {
    pub const fn new() -> CountingAlloc {
        CountingAlloc {
            live: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
            count: AtomicUsize::new(0),
        }
    }
    /// Bytes allocated and not yet freed.
    pub fn live(&self) -> usize {
        self.live.load(Ordering::Relaxed)
    }
    /// The most bytes live at once since the last [`CountingAlloc::reset_peak`].
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::Relaxed)
    }
    /// Allocations made since the start (a step's count is the difference).
    pub fn allocations(&self) -> usize {
        self.count.load(Ordering::Relaxed)
    }
    pub fn reset_peak(&self) {
        self.peak.store(self.live(), Ordering::Relaxed);
    }
    // Plain loads and stores, not read-modify-writes: the benchmarks allocate on one thread
    // (a second one would lose counts, never memory), and a locked instruction per count cost
    // the native run some 5 % of its time (docs/benchmarks.md, 2026-12-07), which the engine does not pay in the CLI or the
    // page (`CountingAlloc` is the benchmark's alone). In WebAssembly both forms are the same.
    fn added(&self, n: usize) {
        bump(&self.count, 1);
        let live = bump(&self.live, n);
        if live > self.peak.load(Ordering::Relaxed) {
            self.peak.store(live, Ordering::Relaxed);
        }
    }
    fn removed(&self, n: usize) {
        let live = self.live.load(Ordering::Relaxed);
        self.live.store(live.wrapping_sub(n), Ordering::Relaxed);
    }
}

/// Adds `n` to `counter` (one thread's count: see `CountingAlloc::added`); the new value.
fn bump(counter: &AtomicUsize, n: usize) -> usize {
    let value = counter.load(Ordering::Relaxed).wrapping_add(n);
    counter.store(value, Ordering::Relaxed);
    value
}

impl Default for CountingAlloc {
    fn default() -> Self {
        CountingAlloc::new()
    }
}

// SAFETY: every call is forwarded to `System` unchanged; only the byte counts are added.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which `System` shares.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            self.added(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above; `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) };
        self.removed(layout.size());
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            self.removed(layout.size());
            self.added(new_size);
        }
        p
    }
}
