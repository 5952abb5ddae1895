//! The DaemonSet Playground engine: Kubernetes objects, the DaemonSet controller and the parts of
//! the scheduler, kubelet and node lifecycle it depends on, on a virtual clock, driven by the
//! scenario language. Pure Rust: no web dependency, so it builds and tests natively and runs as
//! the `dsplay` CLI as well as inside the WebAssembly app.

pub mod api;
pub mod bench;
pub mod cluster;
pub mod command;
pub mod controller;
pub mod expect;
/// A text's `f64` without core's float parser and its tables (issue 22: module size).
pub mod float_parse;
/// An `f64`'s `{}` and `{:e}` text without core's float printer (issue 22: module size).
pub mod float_text;
/// Scenario generation and invariants for the fuzz targets and their stable twins.
pub mod fuzzing;
/// Go's `strconv.Quote`, `ParseInt`, `ParseBool`, `encoding/json` strings, `Duration.String()`…
/// for kubectl- and apiserver-exact messages (used by the scenario language, the manifest
/// reader, kubectl's printers, the sim verbs and validation).
pub(crate) mod gofmt;
pub mod kubectl;
pub mod lesson;
pub mod manifest;
pub mod placement;
pub mod query;
pub mod runner;
pub mod script;
pub mod sim;
/// Stable sorting through one shared instance of the standard sort (a smaller page).
pub mod sort;
pub mod state;
pub mod suite;
#[cfg(test)]
pub(crate) mod testutil;
pub mod validation;

/// The engine's version, shown by the CLI and the page.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
