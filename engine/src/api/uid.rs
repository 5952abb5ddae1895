//! `metadata.uid` in 16 bytes. Every object the simulator creates gets a UUID written as 36
//! characters of lowercase hex (`8-4-4-4-12`, `Rng::uid`): kept as its 16 bytes and written
//! back when read. Any other text (a manifest's own UID) is kept as it came, in a shared string.
//! Either way it reads back byte for byte.

use super::SharedStr;
use std::num::NonZeroU64;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Each byte's value as a lowercase hex digit, or 0xff.
static DIGIT: [u8; 256] = {
    let mut table = [0xff; 256];
    let mut i = 0;
    while i < 16 {
        table[HEX[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// Where each byte's two digits are in a UUID's text (after dashes at 8, 13, 18 and 23).
static AT: [u8; 16] = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

/// The length of a UUID's text.
const UUID_LEN: usize = 36;

/// A UUID's first and last eight bytes (big-endian), or text. The last eight are never all 0
/// (such a UUID is kept as text), which leaves room for the text's pointer and tag in the
/// same 16 bytes.
#[derive(Clone, PartialEq, Eq)]
enum Repr {
    Uuid(u64, NonZeroU64),
    /// `None` is the empty UID.
    Text(Option<SharedStr>),
}

/// An object's UID (`metadata.uid`). Read with [`Uid::as_str`] or `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Uid(Repr);

/// The 16 bytes of `s` if it is a UUID in lowercase hex (`8-4-4-4-12`) whose text is exactly
/// `s`. The event recorder keeps its UIDs so too (`state::event_uid`).
/// Without branches per digit: it runs for every pod created and every event whose object is
/// not the last one's.
pub(crate) fn uuid_bytes(s: &str) -> Option<[u8; 16]> {
    let s: &[u8; UUID_LEN] = s.as_bytes().try_into().ok()?;
    if [s[8], s[13], s[18], s[23]] != [b'-'; 4] {
        return None;
    }
    let mut out = [0u8; 16];
    let mut bad = 0;
    // Indexed, not zipped: at opt-level z an array's iterator is a call a byte.
    for i in 0..16 {
        let at = usize::from(AT[i]);
        let (high, low) = (DIGIT[usize::from(s[at])], DIGIT[usize::from(s[at + 1])]);
        bad |= high | low;
        out[i] = high << 4 | low;
    }
    (bad < 16).then_some(out)
}

/// A UUID's text from its 16 bytes (the inverse of [`uuid_bytes`]).
pub(crate) fn uuid_text(bytes: [u8; 16]) -> UuidText {
    let [a, b, c, d, e, f, g, h, rest @ ..] = bytes;
    write(
        u64::from_be_bytes([a, b, c, d, e, f, g, h]),
        u64::from_be_bytes(rest),
    )
}

/// The 16 bytes of `s` if it is a UUID in lowercase hex whose text is exactly `s` and whose last
/// eight bytes are not all 0.
fn parse(s: &str) -> Option<(u64, NonZeroU64)> {
    let [a, b, c, d, e, f, g, h, rest @ ..] = uuid_bytes(s)?;
    let low = NonZeroU64::new(u64::from_be_bytes(rest))?;
    Some((u64::from_be_bytes([a, b, c, d, e, f, g, h]), low))
}

impl Uid {
    /// The UID whose 16 bytes are `high` then `low` (big-endian), as a UUID's text; `low` 0
    /// is kept as that text.
    pub fn from_halves(high: u64, low: u64) -> Uid {
        match NonZeroU64::new(low) {
            Some(low) => Uid(Repr::Uuid(high, low)),
            None => Uid(Repr::Text(Some(write(high, 0).as_str().into()))),
        }
    }

    /// Its text: borrowed, or written on the stack for a UUID (no allocation).
    pub fn as_str(&self) -> UidText<'_> {
        match &self.0 {
            Repr::Uuid(high, low) => UidText(Inner::Uuid(write(*high, low.get()))),
            Repr::Text(Some(s)) => UidText(Inner::Text(s.as_str())),
            Repr::Text(None) => UidText(Inner::Text("")),
        }
    }

    /// Its 16 bytes if it is kept as a UUID's (the bytes [`uuid_bytes`] reads from its text),
    /// without writing the text: the event recorder keeps a UID so, and every event names one.
    pub fn uuid(&self) -> Option<[u8; 16]> {
        match &self.0 {
            Repr::Uuid(high, low) => {
                let mut bytes = [0; 16];
                bytes[..8].copy_from_slice(&high.to_be_bytes());
                bytes[8..].copy_from_slice(&low.get().to_be_bytes());
                Some(bytes)
            }
            Repr::Text(_) => None,
        }
    }

    /// The text it is kept as, if it is not a UUID's bytes ([`Uid::uuid`]).
    pub fn text(&self) -> Option<&str> {
        match &self.0 {
            Repr::Uuid(..) => None,
            Repr::Text(Some(s)) => Some(s.as_str()),
            Repr::Text(None) => Some(""),
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self.0, Repr::Text(None))
    }

    /// Whether its text is `text`, without writing it out.
    pub fn is(&self, text: &str) -> bool {
        match &self.0 {
            Repr::Uuid(high, low) => {
                text.len() == UUID_LEN && write(*high, low.get()).as_str() == text
            }
            Repr::Text(Some(s)) => s.as_str() == text,
            Repr::Text(None) => text.is_empty(),
        }
    }
}

/// A UUID's 36 characters, eight digits at a time. Laid out by name, not by slice copies: at
/// opt-level z those are calls, and sharing them made the compiler stop inlining them elsewhere
/// (the hasher's).
fn write(high: u64, low: u64) -> UuidText {
    let [a0, a1, a2, a3, a4, a5, a6, a7] = digits((high >> 32) as u32);
    let [b0, b1, b2, b3, b4, b5, b6, b7] = digits(high as u32);
    let [c0, c1, c2, c3, c4, c5, c6, c7] = digits((low >> 32) as u32);
    let [d0, d1, d2, d3, d4, d5, d6, d7] = digits(low as u32);
    let dash = b'-';
    UuidText([
        a0, a1, a2, a3, a4, a5, a6, a7, dash, b0, b1, b2, b3, dash, b4, b5, b6, b7, dash, c0, c1,
        c2, c3, dash, c4, c5, c6, c7, d0, d1, d2, d3, d4, d5, d6, d7,
    ])
}

/// `v`'s eight lowercase hex digits, computed in one word (no table, no loop: run for every
/// event a pod has, which names its object's UID as text).
#[inline(always)]
fn digits(v: u32) -> [u8; 8] {
    // Each nibble into a byte of its own, the first the highest.
    let mut x = u64::from(v);
    x = (x | x << 16) & 0x0000_ffff_0000_ffff;
    x = (x | x << 8) & 0x00ff_00ff_00ff_00ff;
    x = (x | x << 4) & 0x0f0f_0f0f_0f0f_0f0f;
    // 1 in the bytes of 10 and more, which are letters: '0' + 39 + n is 'a' + (n - 10).
    let letters = ((x + 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101;
    (x + 0x3030_3030_3030_3030 + letters * 39).to_be_bytes()
}

/// A UUID's text, on the stack: hex digits and dashes only.
#[derive(Clone, Copy)]
pub(crate) struct UuidText([u8; UUID_LEN]);

impl UuidText {
    pub(crate) fn as_str(&self) -> &str {
        // SAFETY: only `write` makes a `UuidText`, and it fills every byte with `-` or a digit
        // of `digits` (`0`-`9`, `a`-`f`): ASCII, so valid UTF-8. Read on every owner check; not validated again.
        unsafe { std::str::from_utf8_unchecked(&self.0) }
    }
}

#[derive(Clone, Copy)]
enum Inner<'a> {
    Uuid(UuidText),
    Text(&'a str),
}

/// A UID's text as [`Uid::as_str`] gives it: reads as a `&str`.
#[derive(Clone, Copy)]
pub struct UidText<'a>(Inner<'a>);

impl std::ops::Deref for UidText<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match &self.0 {
            Inner::Uuid(t) => t.as_str(),
            Inner::Text(s) => s,
        }
    }
}

/// Text given as it is (an event's object that is not a stored one's, in tests).
impl<'a> From<&'a str> for UidText<'a> {
    fn from(s: &'a str) -> Self {
        UidText(Inner::Text(s))
    }
}

impl std::fmt::Debug for UidText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl std::fmt::Display for UidText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl Default for Uid {
    fn default() -> Self {
        Uid(Repr::Text(None))
    }
}

impl From<&str> for Uid {
    fn from(s: &str) -> Self {
        match parse(s) {
            Some((high, low)) => Uid(Repr::Uuid(high, low)),
            None if s.is_empty() => Uid::default(),
            None => Uid(Repr::Text(Some(s.into()))),
        }
    }
}

impl From<String> for Uid {
    fn from(s: String) -> Self {
        Uid::from(s.as_str())
    }
}

impl From<&String> for Uid {
    fn from(s: &String) -> Self {
        Uid::from(s.as_str())
    }
}

impl std::fmt::Display for Uid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.as_str())
    }
}

impl std::fmt::Debug for Uid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.as_str(), f)
    }
}

impl PartialEq<str> for Uid {
    fn eq(&self, other: &str) -> bool {
        self.is(other)
    }
}

impl PartialEq<&str> for Uid {
    fn eq(&self, other: &&str) -> bool {
        self.is(other)
    }
}

impl PartialEq<String> for Uid {
    fn eq(&self, other: &String) -> bool {
        self.is(other)
    }
}

impl PartialEq<Uid> for String {
    fn eq(&self, other: &Uid) -> bool {
        other.is(self)
    }
}

impl PartialEq<Uid> for str {
    fn eq(&self, other: &Uid) -> bool {
        other.is(self)
    }
}

impl PartialEq<Uid> for &str {
    fn eq(&self, other: &Uid) -> bool {
        other.is(self)
    }
}

impl crate::api::decode::Decode for Uid {
    fn decode(v: serde_json::Value) -> Result<Self, String> {
        String::decode(v).map(Uid::from)
    }
}

#[cfg(test)]
impl serde::Serialize for Uid {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_str())
    }
}

#[cfg(test)]
impl<'de> serde::Deserialize<'de> for Uid {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <String as serde::Deserialize>::deserialize(d).map(Uid::from)
    }
}

#[cfg(test)]
mod tests {
    use super::{Repr, Uid};

    /// A lowercase UUID is kept as bytes and any other text as text, near misses too (upper
    /// case, a dash moved, too long or short, not hex, the last eight bytes 0); all read back as
    /// they came, and compare equal to their text only.
    #[test]
    fn reads_back_as_written() {
        let uuid = "0b3e9f4c-1d2a-4c5b-8e6f-7a8b9c0d1e2f";
        let long = "x".repeat(60);
        let texts = [
            (uuid, true),
            ("00000000-0000-0000-0000-000000000001", true),
            ("ffffffff-ffff-ffff-ffff-ffffffffffff", true),
            ("0b3e9f4c-1d2a-3c5b-0e6f-7a8b9c0d1e2f", true),
            ("00000000-0000-0000-0000-000000000000", false),
            ("12345678-9abc-def0-0000-000000000000", false),
            ("0B3E9F4C-1D2A-4C5B-8E6F-7A8B9C0D1E2F", false),
            ("0b3e9f4c1-d2a-4c5b-8e6f-7a8b9c0d1e2f", false),
            ("0b3e9f4c-1d2a-4c5b-8e6f-7a8b9c0d1e2", false),
            ("0b3e9f4c-1d2a-4c5b-8e6f-7a8b9c0d1e2fa", false),
            ("0b3e9f4c-1d2a-4c5b-8e6f-7a8b9c0d1e2g", false),
            ("0b3e9f4c-1d2a-4c5b-8e6f-7a8b9c0d1e-f", false),
            ("u", false),
            (long.as_str(), false),
        ];
        for (text, as_bytes) in texts {
            let uid = Uid::from(text);
            assert_eq!(matches!(uid.0, Repr::Uuid(..)), as_bytes, "{text}");
            assert_eq!(&*uid.as_str(), text);
            assert_eq!(uid.to_string(), text);
            assert_eq!(format!("{uid:?}"), format!("{text:?}"));
            let owned = text.to_string();
            assert!(uid == text && uid == *text && uid == owned);
            assert_eq!(owned, uid);
            assert_eq!(uid.clone(), uid);
            for (other, _) in texts.iter().filter(|(o, _)| *o != text) {
                assert!(uid != *other, "{text} {other}");
                assert_ne!(Uid::from(*other), uid);
            }
        }
        assert_eq!(Uid::default(), "");
        assert!(Uid::default().is_empty() && Uid::from("").is_empty());
        assert!(!Uid::from(uuid).is_empty());
        for (text, _) in texts {
            let uid = Uid::from(text);
            let bytes = super::uuid_bytes(text).filter(|b| b[8..] != [0; 8]);
            assert_eq!(uid.uuid(), bytes, "{text}");
            assert_eq!(uid.text().is_none(), bytes.is_some(), "{text}");
            assert!(uid.text().is_none_or(|t| t == text));
        }
        assert_eq!(
            Uid::from_halves(0x0b3e_9f4c_1d2a_4c5b, 0x8e6f_7a8b_9c0d_1e2f),
            Uid::from(uuid)
        );
        assert_eq!(
            Uid::from_halves(1, 0).as_str().to_string(),
            "00000000-0000-0001-0000-000000000000"
        );
        assert_eq!(
            Uid::from_halves(1, 0),
            Uid::from("00000000-0000-0001-0000-000000000000")
        );
    }

    /// The digits of every nibble value in every place, as `format!` writes them.
    #[test]
    fn digits_are_lowercase_hex() {
        for n in 0..16u32 {
            for at in 0..8 {
                let v = n << (4 * at) | 0x1234_5678 & !(0xf << (4 * at));
                assert_eq!(super::digits(v), format!("{v:08x}").as_bytes(), "{v:x}");
            }
        }
        assert_eq!(&super::digits(u32::MAX), b"ffffffff");
    }

    /// On 64-bit targets: 16 bytes, no allocation for a generated UID.
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn stays_16_bytes() {
        assert_eq!(std::mem::size_of::<Uid>(), 16);
    }
}
