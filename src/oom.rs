//! Out of memory, said on the error panel. An allocation that fails does not panic: Rust aborts
//! (a WebAssembly `unreachable` trap) without calling the panic hook, and the first panic after
//! it ("reactive value already disposed", from a runtime left half-way) used to be what the
//! panel showed. This allocator shows the cause first, when the allocation fails; the panel
//! then keeps it (a later panic does not replace it). Installed in the WebAssembly build only
//! (`crate::ALLOCATOR`): natively there is no panel to show.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, Ordering};

/// The system allocator, reporting the first failure.
pub struct Reporting;

static REPORTED: AtomicBool = AtomicBool::new(false);

/// Which module ran out: the page's, or the model's worker (whose panel the page shows).
#[cfg(feature = "page")]
const WHO: &str = "the page";
#[cfg(not(feature = "page"))]
const WHO: &str = "the simulator";

/// The panel's text for a failed allocation of `bytes` by `who`.
pub fn message(who: &str, bytes: usize) -> String {
    format!(
        "out of memory: {who} could not get {} MB more (a WebAssembly module can use at most 4 GB)",
        bytes.div_ceil(1 << 20)
    )
}

/// Shows the text on the panel: the page's own, or through the page from the worker, which has
/// no document (as its panic hook does).
fn tell(text: &str) {
    #[cfg(feature = "page")]
    crate::panic_panel::show(text);
    #[cfg(not(feature = "page"))]
    crate::worker::tell_panic(text);
}

fn report(bytes: usize) {
    // Only once: building the panel allocates too (a little, which usually still succeeds).
    if !REPORTED.swap(true, Ordering::SeqCst) {
        tell(&message(WHO, bytes));
    }
}

// SAFETY: every call is passed to `System` unchanged; only the result is looked at.
unsafe impl GlobalAlloc for Reporting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.alloc(layout) };
        if p.is_null() {
            report(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.alloc_zeroed(layout) };
        if p.is_null() {
            report(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if p.is_null() {
            report(new_size);
        }
        p
    }
}

/// `?__test_panic=oom` (the page) or a worker started as `#__test_oom`: allocates (without
/// touching) 1 GB at a time until memory runs out.
pub fn exhaust() {
    let mut held: Vec<Vec<u8>> = Vec::new();
    loop {
        held.push(Vec::with_capacity(1 << 30));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_message_names_the_size_in_megabytes() {
        assert_eq!(
            super::message("the page", 3 << 20),
            "out of memory: the page could not get 3 MB more (a WebAssembly module can use at most 4 GB)"
        );
    }
}
