//! DaemonSet Playground, the web app: a Leptos (client-side rendered) front end over the
//! `dsplay_engine` crate. Without the feature `page` (the worker's build, index.html), only the
//! model's side: the host, the playground, links, lessons and presets, with no Leptos.

#[cfg(feature = "page")]
mod address;
#[cfg(feature = "page")]
mod app;
#[cfg(feature = "page")]
mod components;
#[cfg(feature = "page")]
mod embed;
pub mod first_view;
pub mod host;
pub mod i18n;
pub mod lessons;
mod load_marks;
mod oom;
mod panic_panel;
#[cfg(feature = "page")]
mod persist;
pub mod playground;
pub mod presets;
pub mod share;
#[cfg(feature = "page")]
mod shell;
#[cfg(feature = "page")]
mod storage;
#[cfg(feature = "page")]
mod tabs;
#[cfg(feature = "page")]
mod test_panic;
pub mod worker;

#[cfg(feature = "page")]
pub use app::App;

// In both modules: the worker's report goes to the page's panel as its panics do.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: oom::Reporting = oom::Reporting;

/// Installs the panic hook, then mounts the app on `<body>` in place of index.html's shell
/// (taking over what was typed in the shell's editor).
///
/// The hook goes first so that a panic anywhere after this point, even while mounting,
/// shows the error panel instead of leaving a frozen page.
#[cfg(feature = "page")]
pub fn start() {
    load_marks::mark("dsplay:start");
    panic_panel::install();
    shell::capture();
    leptos::mount::mount_to_body(App);
    shell::remove();
    load_marks::mark("dsplay:mounted");
}
