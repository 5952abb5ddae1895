//! `involvedObject.uid` as the event recorder keeps it. Every object the simulator creates has
//! a version-4 UUID written as 36 characters of lowercase hex (`8-4-4-4-12`), which are 16
//! bytes: kept as those, not as interned text (36 bytes and an index entry, once a pod). Any
//! other text (a manifest's own UID, a node's name for kubelet events) is interned, and its
//! symbol kept in the same 16 bytes with a version nibble of 0, which no UUID kept as bytes has.
//! Both read back as given.

use super::interner::{Interner, Sym};
use crate::api::{uuid_bytes, uuid_text};
use std::borrow::Cow;

/// A version-4 UUID's bytes, or a symbol's bits in the first four with byte 6 (where the UUID's
/// version is) 0: 16 bytes, no tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventUid([u8; 16]);

/// The byte whose high nibble is a UUID's version.
const VERSION: usize = 6;

/// The 16 bytes of `s` if it is a version-4 UUID in lowercase hex, written as it would be
/// written back.
fn parse(s: &str) -> Option<[u8; 16]> {
    uuid_bytes(s).filter(|out| out[VERSION] >> 4 == 4)
}

impl EventUid {
    /// The UID whose text is the symbol `sym`.
    pub fn text_sym(sym: Sym) -> EventUid {
        let mut bytes = [0; 16];
        bytes[..4].copy_from_slice(&sym.to_bits().to_le_bytes());
        EventUid(bytes)
    }

    /// The UID `text`, if the recorder holds it (a UUID is always held: it needs nothing).
    pub fn find(strings: &Interner, hash: u64, text: &str) -> Option<EventUid> {
        match parse(text) {
            Some(bytes) => Some(EventUid(bytes)),
            None => strings.find_hashed(hash, text).map(EventUid::text_sym),
        }
    }

    /// The UID `text`, interned if it is not a UUID.
    pub fn intern(strings: &mut Interner, hash: u64, text: &str) -> EventUid {
        match parse(text) {
            Some(bytes) => EventUid(bytes),
            None => EventUid::text_sym(strings.intern_hashed(hash, text)),
        }
    }

    pub fn text<'a>(&self, strings: &'a Interner) -> Cow<'a, str> {
        if let Some(sym) = self.symbol() {
            return Cow::Borrowed(strings.get(sym));
        }
        Cow::Owned(uuid_text(self.0).as_str().to_string())
    }

    /// Its symbol, if it is interned text.
    pub fn symbol(&self) -> Option<Sym> {
        if self.0[VERSION] != 0 {
            return None;
        }
        let [a, b, c, d, ..] = self.0;
        Sym::from_bits(u32::from_le_bytes([a, b, c, d]))
    }

    /// The same, its symbol (if any) renumbered by `renumber`.
    pub fn renumbered(self, renumber: impl Fn(Sym) -> Sym) -> EventUid {
        match self.symbol() {
            Some(sym) => EventUid::text_sym(renumber(sym)),
            None => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 16 bytes, no tag: the symbol's mark is the UUID's version nibble.
    #[test]
    fn a_uid_is_16_bytes() {
        assert_eq!(std::mem::size_of::<EventUid>(), 16);
    }

    /// A lowercase version-4 UUID is kept as bytes and reads back as it was; anything else that
    /// is near one (another version, upper case, a dash moved, too long or short, not hex) is
    /// kept as text.
    #[test]
    fn a_uid_reads_back_as_given() {
        let mut strings = Interner::default();
        let uuid = "0b3e9f4c-1d2a-4c5b-8e6f-7a8b9c0d1e2f";
        let texts = [
            (uuid, true),
            ("00000000-0000-4000-0000-000000000000", true),
            ("ffffffff-ffff-4fff-ffff-ffffffffffff", true),
            ("00000000-0000-0000-0000-000000000000", false),
            ("ffffffff-ffff-ffff-ffff-ffffffffffff", false),
            ("0b3e9f4c-1d2a-3c5b-8e6f-7a8b9c0d1e2f", false),
            ("0B3E9F4C-1D2A-4C5B-8E6F-7A8B9C0D1E2F", false),
            ("0b3e9f4c1-d2a-4c5b-8e6f-7a8b9c0d1e2f", false),
            ("0b3e9f4c-1d2a-4c5b-8e6f-7a8b9c0d1e2", false),
            ("0b3e9f4c-1d2a-4c5b-8e6f-7a8b9c0d1e2fa", false),
            ("0b3e9f4c-1d2a-4c5b-8e6f-7a8b9c0d1e2g", false),
            ("0b3e9f4c-1d2a-4c5b-8e6f-7a8b9c0d1e-f", false),
            ("node-1", false),
            ("", false),
        ];
        for (text, as_bytes) in texts {
            let hash = crate::state::interner::hash_str(text);
            let uid = EventUid::intern(&mut strings, hash, text);
            assert_eq!(uid.text(&strings), text);
            assert_eq!(EventUid::find(&strings, hash, text), Some(uid));
            assert_eq!(uid.symbol().is_none(), as_bytes, "{text}");
        }
        assert_eq!(
            EventUid::intern(&mut strings, 0, uuid),
            EventUid([
                0x0b, 0x3e, 0x9f, 0x4c, 0x1d, 0x2a, 0x4c, 0x5b, 0x8e, 0x6f, 0x7a, 0x8b, 0x9c, 0x0d,
                0x1e, 0x2f
            ])
        );
    }
}
