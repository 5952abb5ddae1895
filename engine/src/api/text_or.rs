//! A field the store writes in one plain form — `metadata.resourceVersion` (a number on every
//! write), `status.podIP` (an address of the node's range) — held as that value and formatted
//! when read, rather than as a `String` of its own per object. Any other text (from a manifest)
//! is kept as it came, so what is written always reads back byte for byte.

use std::fmt;
use std::marker::PhantomData;
use std::net::Ipv4Addr;

/// A value with one plain text form, and 63 bits or fewer.
pub trait Plain: Copy + fmt::Display {
    /// `s` as the value, only if the value prints back as exactly `s` and fits in 63 bits.
    fn plain(s: &str) -> Option<Self>;
    /// The value's bits, if they fit in 63.
    fn to_bits(self) -> Option<u64>;
    /// The value of bits `to_bits` gave.
    fn from_bits(bits: u64) -> Self;
}

/// Unset, a plain value or other text, in 8 bytes (an enum of the three was 16): 0 is unset, an
/// odd word is a value (its bits shifted left by one), any other word is the address of a boxed
/// `String` (aligned, so even). A pod holds two of these.
pub struct TextOr<T> {
    word: u64,
    value: PhantomData<T>,
}

/// `metadata.resourceVersion`.
pub type ResourceVersion = TextOr<u64>;
/// `status.podIP` (and other addresses the kubelet writes).
pub type IpText = TextOr<Ipv4Addr>;

impl<T> TextOr<T> {
    const fn of(word: u64) -> Self {
        TextOr {
            word,
            value: PhantomData,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.word == 0
    }

    /// The text it holds, if it is not unset or a plain value.
    pub fn text(&self) -> Option<&String> {
        if self.word == 0 || self.word & 1 == 1 {
            return None;
        }
        let at: *const String = std::ptr::with_exposed_provenance(self.word as usize);
        // SAFETY: an even word other than 0 is made only by `boxed`, from `Box::into_raw` of a
        // `String` whose address was exposed; the box lives until `drop` of this value, and
        // nothing else holds it, so a shared borrow for as long as `self` is borrowed is sound.
        Some(unsafe { &*at })
    }

    fn boxed(text: String) -> Self {
        let at = Box::into_raw(Box::new(text)).expose_provenance();
        // A `String` is aligned to at least 2 on every target, so its address is even, and
        // not null; a `usize` fits in a `u64` on every target.
        TextOr::of(at as u64)
    }
}

impl<T: Plain> TextOr<T> {
    /// The value `v`; as its text if it does not fit.
    pub fn plain(v: T) -> Self {
        match v.to_bits() {
            Some(bits) => TextOr::of(bits << 1 | 1),
            None => TextOr::boxed(v.to_string()),
        }
    }

    /// The plain value it holds, if any.
    pub fn value(&self) -> Option<T> {
        (self.word & 1 == 1).then(|| T::from_bits(self.word >> 1))
    }
}

impl<T> Drop for TextOr<T> {
    fn drop(&mut self) {
        if self.text().is_some() {
            let at: *mut String = std::ptr::with_exposed_provenance_mut(self.word as usize);
            // SAFETY: as in `text`: the box `boxed` made, owned by this value alone, and
            // dropped once (the word is not read again).
            drop(unsafe { Box::from_raw(at) });
        }
    }
}

impl<T> Clone for TextOr<T> {
    fn clone(&self) -> Self {
        match self.text() {
            Some(s) => TextOr::boxed(s.clone()),
            None => TextOr::of(self.word),
        }
    }
}

impl<T> Default for TextOr<T> {
    fn default() -> Self {
        TextOr::of(0)
    }
}

/// Equal when they read the same: text is held only when no plain value reads as it.
impl<T> PartialEq for TextOr<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self.text(), other.text()) {
            (Some(a), Some(b)) => a == b,
            (None, None) => self.word == other.word,
            _ => false,
        }
    }
}

impl<T> Eq for TextOr<T> {}

/// As the enum it was: `None`, `Plain(v)`, `Text("...")`.
impl<T: Plain + fmt::Debug> fmt::Debug for TextOr<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.value(), self.text()) {
            (Some(v), _) => f.debug_tuple("Plain").field(&v).finish(),
            (_, Some(s)) => f.debug_tuple("Text").field(s).finish(),
            _ => f.write_str("None"),
        }
    }
}

impl<T: Plain> From<String> for TextOr<T> {
    fn from(s: String) -> Self {
        if s.is_empty() {
            return TextOr::default();
        }
        match T::plain(&s) {
            Some(v) => TextOr::plain(v),
            None => TextOr::boxed(s),
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
        match (self.value(), self.text()) {
            (Some(v), _) => write!(f, "{v}"),
            (_, Some(s)) => f.write_str(s),
            _ => Ok(()),
        }
    }
}

impl<T: Plain + PartialEq> PartialEq<&str> for TextOr<T> {
    fn eq(&self, other: &&str) -> bool {
        match (self.value(), self.text()) {
            (Some(v), _) => T::plain(other) == Some(v),
            (_, Some(s)) => s.as_str() == *other,
            _ => other.is_empty(),
        }
    }
}

/// A resourceVersion the store writes: no sign, no leading zero, below 2^63.
impl Plain for u64 {
    fn plain(s: &str) -> Option<u64> {
        let digits = s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'));
        s.parse()
            .ok()
            .filter(|v: &u64| digits && v.to_bits().is_some())
    }
    fn to_bits(self) -> Option<u64> {
        (self >> 63 == 0).then_some(self)
    }
    fn from_bits(bits: u64) -> u64 {
        bits
    }
}

/// An IPv4 address in its dotted form (`010.1.1.1` is text).
impl Plain for Ipv4Addr {
    fn plain(s: &str) -> Option<Ipv4Addr> {
        s.parse::<Ipv4Addr>().ok().filter(|ip| ip.to_string() == s)
    }
    fn to_bits(self) -> Option<u64> {
        Some(u64::from(u32::from(self)))
    }
    fn from_bits(bits: u64) -> Ipv4Addr {
        Ipv4Addr::from(bits as u32)
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
            "9223372036854775807",
            "9223372036854775808",
            "18446744073709551615",
        ] {
            let rv = ResourceVersion::from(text);
            assert_eq!(rv.to_string(), text);
            assert!(rv == text);
            assert_eq!(rv.clone(), rv);
            assert_eq!(rv.clone().to_string(), text);
            assert_eq!(
                rv.text().is_some(),
                rv.value().is_none() && !text.is_empty()
            );
        }
        assert_eq!(ResourceVersion::from("42"), TextOr::plain(42));
        assert_eq!(ResourceVersion::from("42").value(), Some(42));
        assert_eq!(format!("{:?}", ResourceVersion::from("42")), "Plain(42)");
        assert_eq!(format!("{:?}", ResourceVersion::from("x")), r#"Text("x")"#);
        assert_eq!(format!("{:?}", ResourceVersion::default()), "None");
        assert!(ResourceVersion::from("").is_empty());
        assert!(!ResourceVersion::from("0").is_empty());
        assert_ne!(ResourceVersion::from("0"), ResourceVersion::default());
        assert_ne!(ResourceVersion::from("7"), ResourceVersion::from("007"));
        // The largest values of 64 bits are kept as their text, and read back as the same.
        let big = u64::MAX;
        assert_eq!(
            ResourceVersion::plain(big),
            ResourceVersion::from(big.to_string())
        );
        assert_eq!(ResourceVersion::plain(big).to_string(), big.to_string());
        assert_eq!(ResourceVersion::plain(1 << 62).value(), Some(1 << 62));
        assert_eq!(std::mem::size_of::<ResourceVersion>(), 8);
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
        let ip = IpText::from("255.255.255.255");
        assert_eq!(ip.value(), Some(std::net::Ipv4Addr::BROADCAST));
        assert_eq!(IpText::from("10.244.1.2").to_string(), "10.244.1.2");
        assert!(IpText::from("10.244.1.2").text().is_none());
        assert_eq!(
            IpText::from("fd00::1").text().map(String::as_str),
            Some("fd00::1")
        );
        assert!(IpText::from("").is_empty());
        assert_eq!(std::mem::size_of::<IpText>(), 8);
    }
}
