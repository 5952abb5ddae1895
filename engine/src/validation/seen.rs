//! The set of keys a validation has met, for "must be unique" checks (Kubernetes uses a
//! `sets.String` there): a sorted `Vec<String>`. Each `BTreeSet` element type (`&str`, a pair,
//! `String`) compiled its own tree code into the model's WebAssembly, for sets of a few names.

/// Keys met so far, sorted.
#[derive(Default)]
pub(super) struct Seen(Vec<String>);

impl Seen {
    /// Adds `key`; true if it was not there yet.
    pub(super) fn insert(&mut self, key: &str) -> bool {
        match self.0.binary_search_by(|k| k.as_str().cmp(key)) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, key.to_string());
                true
            }
        }
    }

    /// Whether `key` was added.
    pub(super) fn contains(&self, key: &str) -> bool {
        self.0.binary_search_by(|k| k.as_str().cmp(key)).is_ok()
    }
}

/// One key for a pair, unambiguous whatever the parts hold: the first part's length leads.
pub(super) fn pair(a: &str, b: &str) -> String {
    format!("{}:{a}{b}", a.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_answers_whether_the_key_is_new() {
        let mut seen = Seen::default();
        assert!(seen.insert("b"));
        assert!(seen.insert("a"));
        assert!(!seen.insert("b"));
        assert!(seen.insert(""));
        assert!(!seen.insert(""));
        assert!(seen.contains("a") && seen.contains("") && !seen.contains("c"));
    }

    #[test]
    fn pairs_differ_where_their_parts_differ() {
        assert_ne!(pair("a:", "b"), pair("a", ":b"));
        assert_ne!(pair("ab", ""), pair("a", "b"));
        assert_eq!(pair("x", "y"), pair("x", "y"));
    }
}
