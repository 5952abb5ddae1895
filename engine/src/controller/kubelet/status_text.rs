//! Texts the kubelet writes into every pod's status, built directly: a pod's IP as the address
//! itself (not formatted, then parsed back and formatted again to check it), a container's ID
//! without the formatter's padding machinery. Both equal what `format!` made before.

use crate::api::IpText;
use std::net::Ipv4Addr;

/// `{prefix}.{n}` as `status.podIP` holds it: the address when `prefix` is three octets in their
/// plain form (`IpText::from` of the text would give the same), the text otherwise.
pub(super) fn pod_ip(prefix: &str, n: u8) -> IpText {
    let mut octets = [0u8; 4];
    let mut parts = prefix.split('.');
    for octet in &mut octets[..3] {
        match parts.next().and_then(plain_octet) {
            Some(v) => *octet = v,
            None => return IpText::from(format!("{prefix}.{n}")),
        }
    }
    if parts.next().is_some() {
        return IpText::from(format!("{prefix}.{n}"));
    }
    octets[3] = n;
    IpText::plain(Ipv4Addr::from(octets))
}

/// An octet written as an address prints it: digits, no leading zero, at most 255.
fn plain_octet(s: &str) -> Option<u8> {
    let digits = !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    (digits && (s == "0" || !s.starts_with('0')))
        .then(|| s.parse().ok())
        .flatten()
}

/// `containerd://` and `n` in 64 lower-case hex digits, zero-padded (`{:064x}`).
pub(super) fn container_id(n: u64) -> String {
    // The prefix and the 48 zeros above the 16 digits of a u64.
    const PREFIX: &str = "containerd://000000000000000000000000000000000000000000000000";
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(PREFIX.len() + 16);
    s.push_str(PREFIX);
    for i in (0..16).rev() {
        s.push(HEX[((n >> (i * 4)) & 0xf) as usize] as char);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pod_ip_is_what_its_text_would_give() {
        let prefixes = [
            "10.244.3",
            "10.244.0",
            "0.0.0",
            "255.255.255",
            "010.1.1",
            "10.1",
            "10.1.1.1",
            "256.1.1",
            "a.b.c",
            "",
            "10..1",
            "1.2.3 ",
        ];
        for prefix in prefixes {
            for n in [2u8, 9, 10, 99, 100, 254] {
                let text = format!("{prefix}.{n}");
                assert_eq!(pod_ip(prefix, n), IpText::from(text.clone()), "{text}");
                assert_eq!(pod_ip(prefix, n).to_string(), text);
            }
        }
    }

    #[test]
    fn a_container_id_is_64_hex_digits() {
        for n in [0u64, 1, 0xabc, 1_700_000_000_123, u64::MAX] {
            assert_eq!(container_id(n), format!("containerd://{n:064x}"));
        }
    }
}
