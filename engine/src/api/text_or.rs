//! A field the store writes in one plain form — `metadata.resourceVersion` (a number on every
//! write), `status.podIP` (an address of the node's range) — held as that value and formatted
//! when read, rather than as a `String` of its own per object. Any other text (from a manifest)
//! is kept as it came, so what is written always reads back byte for byte.

use std::fmt;
use std::net::Ipv4Addr;

/// A value with one plain text form.
pub trait Plain: Copy + fmt::Display {
    /// `s` as the value, only if the value prints back as exactly `s`.
    fn plain(s: &str) -> Option<Self>;
}

// Boxed text: the type stays 16 bytes (a `String` would make it 32), and text is rare.
#[allow(clippy::box_collection)]
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum TextOr<T> {
    /// Not set: `""`.
    #[default]
    None,
    /// A value whose text is its plain form.
    Plain(T),
    /// Any other text.
    Text(Box<String>),
}

/// `metadata.resourceVersion`.
pub type ResourceVersion = TextOr<u64>;
/// `status.podIP` (and other addresses the kubelet writes).
pub type IpText = TextOr<Ipv4Addr>;

impl<T> TextOr<T> {
    pub fn is_empty(&self) -> bool {
        matches!(self, TextOr::None)
    }
}

impl<T: Plain> From<String> for TextOr<T> {
    fn from(s: String) -> Self {
        if s.is_empty() {
            return TextOr::None;
        }
        match T::plain(&s) {
            Some(v) => TextOr::Plain(v),
            None => TextOr::Text(Box::new(s)),
        }
    }
}

impl<T: Plain> From<&str> for TextOr<T> {
    fn from(s: &str) -> Self {
        TextOr::from(s.to_string())
    }
}

impl<T: Plain> fmt::Display for TextOr<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextOr::None => Ok(()),
            TextOr::Plain(v) => write!(f, "{v}"),
            TextOr::Text(s) => f.write_str(s),
        }
    }
}

impl<T: Plain + PartialEq> PartialEq<&str> for TextOr<T> {
    fn eq(&self, other: &&str) -> bool {
        match self {
            TextOr::None => other.is_empty(),
            TextOr::Plain(v) => T::plain(other) == Some(*v),
            TextOr::Text(s) => s.as_str() == *other,
        }
    }
}

/// A resourceVersion the store writes: no sign, no leading zero.
impl Plain for u64 {
    fn plain(s: &str) -> Option<u64> {
        let digits = s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'));
        s.parse().ok().filter(|_| digits)
    }
}

/// An IPv4 address in its dotted form (`010.1.1.1` is text).
impl Plain for Ipv4Addr {
    fn plain(s: &str) -> Option<Ipv4Addr> {
        s.parse::<Ipv4Addr>().ok().filter(|ip| ip.to_string() == s)
    }
}

/// Test builds (de)serialise it as its text, as the fixtures' serde comparisons need.
#[cfg(test)]
impl<T: Plain> serde::Serialize for TextOr<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
impl<'de, T: Plain> serde::Deserialize<'de> for TextOr<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <String as serde::Deserialize>::deserialize(d).map(TextOr::from)
    }
}

#[cfg(test)]
mod tests {
    use super::{IpText, ResourceVersion, TextOr};

    /// Whatever a manifest sets reads back as it was written.
    #[test]
    fn a_resource_version_reads_back_as_it_came() {
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
        assert_eq!(ResourceVersion::from("42"), TextOr::Plain(42));
        assert!(ResourceVersion::from("").is_empty());
        assert!(!ResourceVersion::from("0").is_empty());
        assert_eq!(std::mem::size_of::<ResourceVersion>(), 16);
    }

    /// Whatever is written reads back as it was written.
    #[test]
    fn an_address_reads_back_as_it_came() {
        for text in [
            "",
            "10.244.1.2",
            "0.0.0.0",
            "010.1.1.1",
            "10.1.1",
            "fd00::1",
            "256.1.1.1",
            "x",
        ] {
            let ip = IpText::from(text);
            assert_eq!(ip.to_string(), text);
            assert!(ip == text);
        }
        assert!(matches!(IpText::from("10.244.1.2"), TextOr::Plain(_)));
        assert!(IpText::from("").is_empty());
        assert_eq!(std::mem::size_of::<IpText>(), 16);
    }
}
