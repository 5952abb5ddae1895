//! The test-only panic trigger: `?__test_panic=1` in the page URL.

/// The panic message, also looked for by the e2e test.
pub const MESSAGE: &str = "test panic requested by ?__test_panic=1";

/// Whether the current page URL asks for a test panic.
pub fn requested() -> bool {
    let search = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    query_requests_panic(&search)
}

/// Whether the current page URL asks for running out of memory: `?__test_panic=oom`.
pub fn oom_requested() -> bool {
    let search = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    crate::address::param_in(&search, "__test_panic").as_deref() == Some("oom")
}

/// Whether a URL query string (with or without its leading `?`) has `__test_panic=1`.
fn query_requests_panic(search: &str) -> bool {
    crate::address::param_in(search, "__test_panic").as_deref() == Some("1")
}

#[cfg(test)]
mod tests {
    use super::query_requests_panic;

    #[test]
    fn finds_the_trigger_among_other_parameters() {
        assert!(query_requests_panic("?__test_panic=1"));
        assert!(query_requests_panic("?embed=1&__test_panic=1"));
        assert!(query_requests_panic("__test_panic=1&x=2"));
    }

    #[test]
    fn ignores_lookalikes() {
        assert!(!query_requests_panic(""));
        assert!(!query_requests_panic("?__test_panic=0"));
        assert!(!query_requests_panic("?x__test_panic=1"));
        assert!(!query_requests_panic("?__test_panic=10"));
    }
}
