//! Performance marks of the first load (`performance.mark`), the phases `make bench` reports
//! (docs/benchmarks.md, section 5): the app's code starts, the scenario is opened (a link, the
//! autosave or the default preset, run through the engine), the page is mounted.

/// Marks `name` on the page's performance timeline.
pub(crate) fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
