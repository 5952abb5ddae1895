//! `metadata.resourceVersion`. The API server writes a number on every write, so a stored object
//! holds that number (formatted when read) rather than its text in a `String` of its own; text
//! from a manifest that is not such a number is kept as it came.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ResourceVersion {
    /// Not set: `""`.
    #[default]
    None,
    /// A number whose text is its plain decimal form (what the store writes).
    Number(u64),
    /// Any other text (boxed: the type stays 16 bytes).
    Text(Box<String>),
}

impl ResourceVersion {
    pub fn is_empty(&self) -> bool {
        matches!(self, ResourceVersion::None)
    }
}

impl From<String> for ResourceVersion {
    fn from(s: String) -> Self {
        if s.is_empty() {
            return ResourceVersion::None;
        }
        match number(&s) {
            Some(n) => ResourceVersion::Number(n),
            None => ResourceVersion::Text(Box::new(s)),
        }
    }
}

/// `s` as a number, if it is one that reads back as `s`: no sign, no leading zero.
fn number(s: &str) -> Option<u64> {
    let plain = s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'));
    s.parse().ok().filter(|_| plain)
}

impl From<&str> for ResourceVersion {
    fn from(s: &str) -> Self {
        ResourceVersion::from(s.to_string())
    }
}

impl fmt::Display for ResourceVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResourceVersion::None => Ok(()),
            ResourceVersion::Number(n) => write!(f, "{n}"),
            ResourceVersion::Text(s) => f.write_str(s),
        }
    }
}

impl PartialEq<&str> for ResourceVersion {
    fn eq(&self, other: &&str) -> bool {
        match self {
            ResourceVersion::None => other.is_empty(),
            ResourceVersion::Number(n) => number(other) == Some(*n),
            ResourceVersion::Text(s) => s.as_str() == *other,
        }
    }
}

#[cfg(test)]
serde_as_text!(ResourceVersion);

#[cfg(test)]
mod tests {
    use super::ResourceVersion;

    /// Whatever a manifest sets reads back as it was written.
    #[test]
    fn text_reads_back_as_it_came() {
        for text in [
            "",
            "0",
            "7",
            "12345",
            "007",
            "+1",
            "-1",
            "abc",
            "99999999999999999999",
        ] {
            let rv = ResourceVersion::from(text);
            assert_eq!(rv.to_string(), text);
            assert!(rv == text);
        }
        assert_eq!(ResourceVersion::from("42"), ResourceVersion::Number(42));
        assert!(ResourceVersion::from("").is_empty());
        assert!(!ResourceVersion::from("0").is_empty());
        assert_eq!(std::mem::size_of::<ResourceVersion>(), 16);
    }
}
