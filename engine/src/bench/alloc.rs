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
    fn added(&self, n: usize) {
        self.count.fetch_add(1, Ordering::Relaxed);
        let live = self.live.fetch_add(n, Ordering::Relaxed) + n;
        self.peak.fetch_max(live, Ordering::Relaxed);
    }
    fn removed(&self, n: usize) {
        self.live.fetch_sub(n, Ordering::Relaxed);
    }
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
