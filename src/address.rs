//! The page's own address: the parameters of its query string (`?embed=1&lang=zh-Hant`).

/// The value of `name` in a query string (with or without its leading `?`): the first
/// `name=value`, as written (the playground's values need no decoding).
pub fn param_in(search: &str, name: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
        .map(str::to_string)
}

/// The value of `name` in the page's query string.
pub fn param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    param_in(&search, name)
}

#[cfg(test)]
mod tests {
    use super::param_in;

    #[test]
    fn params_are_found_by_name_only() {
        let q = "?embed=1&lang=zh-Hant&lesson=taints&step=2";
        assert_eq!(param_in(q, "lang").as_deref(), Some("zh-Hant"));
        assert_eq!(param_in(q, "step").as_deref(), Some("2"));
        assert_eq!(param_in("embed=1", "embed").as_deref(), Some("1"));
        assert_eq!(param_in(q, "lan"), None);
        assert_eq!(param_in("?xlang=en", "lang"), None);
        assert_eq!(param_in("", "lang"), None);
    }
}
