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

/// The page's own address with `fragment` in place of its own: the path and the query as they
/// are. A bare `#…` would be resolved against `<base href>` and lose the query (`?embed=1`,
/// `?lang=`): reloading an embed would then open the full page in its frame.
pub fn with_fragment(pathname: &str, search: &str, fragment: &str) -> String {
    format!("{pathname}{search}#{fragment}")
}

/// The value of `name` in the page's query string.
pub fn param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    param_in(&search, name)
}

#[cfg(test)]
mod tests {
    use super::{param_in, with_fragment};

    #[test]
    fn the_fragment_keeps_the_path_and_the_query() {
        assert_eq!(
            with_fragment("/daemonset-playground/", "?embed=1&lang=zh-Hant", "v1:abc"),
            "/daemonset-playground/?embed=1&lang=zh-Hant#v1:abc"
        );
        assert_eq!(with_fragment("/", "", "v1:x"), "/#v1:x");
    }

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
