//! Performance marks of the first load (`performance.mark`), the phases `make bench` reports
//! (docs/benchmarks.md, section 5): the app's code starts, the scenario is opened (a link, the
//! autosave or the default preset, run through the engine), the page is mounted; in the model's
//! worker, on its own timeline, its code starts and its first opening request is heard and
//! answered.

use wasm_bindgen::JsCast;

/// Marks `name` on the timeline of the page or of the worker this runs in.
pub(crate) fn mark(name: &str) {
    let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok());
    if let Some(performance) = performance {
        let _ = performance.mark(name);
    }
}
