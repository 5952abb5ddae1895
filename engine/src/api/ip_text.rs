//! `status.podIP`. The kubelet gives every pod an address of its node's range, so a stored pod
//! holds the four bytes of an IPv4 address (formatted when read) rather than its text in a
//! `String` of its own; any other text is kept as it came.

use std::fmt;
use std::net::Ipv4Addr;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum IpText {
    /// Not set: `""`.
    #[default]
    None,
    /// An IPv4 address whose text is its plain dotted form.
    V4(Ipv4Addr),
    /// Any other text (boxed: the type stays 16 bytes).
    Text(Box<String>),
}

impl IpText {
    pub fn is_empty(&self) -> bool {
        matches!(self, IpText::None)
    }
}

impl From<String> for IpText {
    fn from(s: String) -> Self {
        if s.is_empty() {
            return IpText::None;
        }
        match s.parse::<Ipv4Addr>() {
            Ok(ip) if ip.to_string() == s => IpText::V4(ip),
            _ => IpText::Text(Box::new(s)),
        }
    }
}

impl From<&str> for IpText {
    fn from(s: &str) -> Self {
        IpText::from(s.to_string())
    }
}

impl fmt::Display for IpText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IpText::None => Ok(()),
            IpText::V4(ip) => write!(f, "{ip}"),
            IpText::Text(s) => f.write_str(s),
        }
    }
}

#[cfg(test)]
serde_as_text!(IpText);

#[cfg(test)]
mod tests {
    use super::IpText;

    /// Whatever is written reads back as it was written.
    #[test]
    fn text_reads_back_as_it_came() {
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
            assert_eq!(IpText::from(text).to_string(), text);
        }
        assert!(matches!(IpText::from("10.244.1.2"), IpText::V4(_)));
        assert!(IpText::from("").is_empty());
        assert_eq!(std::mem::size_of::<IpText>(), 16);
    }
}
