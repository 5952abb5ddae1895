//! The browser's Web Storage, where the page keeps what outlives it (the autosave, the language,
//! the dismissed intro). Plain `web_sys` rather than `gloo-storage`: the page stores strings it
//! already encodes itself, and every caller treats storage that is blocked or missing (private
//! windows, sandboxed frames) as absent, which `Option` says directly.

/// `window.localStorage`, if the page may use it.
pub(crate) fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// `window.sessionStorage` (this tab's), if the page may use it.
pub(crate) fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}
