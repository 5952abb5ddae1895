//! The engine's benchmark scenarios compiled to WebAssembly with the site's release profile, so
//! the report compares the engine as the page runs it with the native `dsbench`. The clock is
//! `performance.now()`; heap bytes come from the same counting allocator as natively.

use dsplay_engine::bench::{self, Host, alloc::CountingAlloc};
use wasm_bindgen::prelude::*;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc::new();

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

struct Browser;

impl Host for Browser {
    fn now_ms(&self) -> f64 {
        now()
    }
    fn heap_bytes(&self) -> Option<usize> {
        Some(ALLOC.live())
    }
}

/// Runs the create-and-label scenario at `nodes` nodes; JSON lines, one measurement each.
#[wasm_bindgen]
pub fn create_and_label(nodes: usize) -> String {
    lines(&bench::create_and_label(&Browser, nodes, bench::DAEMONSETS))
}

/// Runs the rollout scenarios (maxUnavailable 1 and 10%) at `nodes` nodes.
#[wasm_bindgen]
pub fn rollout(nodes: usize) -> String {
    let mut all = bench::rollout(&Browser, nodes, "1");
    all.extend(bench::rollout(&Browser, nodes, "10%"));
    lines(&all)
}

/// The most bytes the heap held at once, since the last call.
#[wasm_bindgen]
pub fn peak_heap_bytes() -> usize {
    let peak = ALLOC.peak();
    ALLOC.reset_peak();
    peak
}

fn lines(all: &[bench::Measurement]) -> String {
    all.iter()
        .filter_map(|m| serde_json::to_string(m).ok())
        .collect::<Vec<_>>()
        .join("\n")
}
