//! The set of keys a validation has met, for "must be unique" checks (Kubernetes uses a
//! `sets.String` there). A hash set: a sorted `Vec` (smaller in the model's WebAssembly) made
//! each insert shift the tail, quadratic when names come in descending order (45,000 volumes,
//! about what the YAML limit lets in: 0.68 s natively; 0.25 s as a hash set). Only membership
//! is asked, so no order is needed.

use std::collections::HashSet;

/// Keys met so far.
#[derive(Default)]
pub(super) struct Seen(HashSet<String>);

impl Seen {
    /// Adds `key`; true if it was not there yet.
    pub(super) fn insert(&mut self, key: &str) -> bool {
        !self.0.contains(key) && self.0.insert(key.to_string())
    }

    /// Whether `key` was added.
    pub(super) fn contains(&self, key: &str) -> bool {
        self.0.contains(key)
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
