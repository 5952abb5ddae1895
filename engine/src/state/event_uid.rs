//! `involvedObject.uid` as the event recorder keeps it. Every object the simulator creates has
//! a version-4 UUID written as 36 characters of lowercase hex (`8-4-4-4-12`), which are 16
//! bytes: kept as those, not as interned text (36 bytes and an index entry, once a pod). Any
//! other text (a manifest's own UID, a node's name for kubelet events) is interned, and its
//! symbol kept in the same 16 bytes with a version nibble of 0, which no UUID kept as bytes has.
//! Both read back as given.

use super::interner::{Interner, Sym, hash_str, hash_words};
use crate::api::{Uid, uuid_bytes, uuid_text};
use std::borrow::Cow;

/// `involvedObject.uid` as a caller hands it over: a stored object's UUID as its bytes (not
/// written out as text to be parsed back), or text.
#[derive(Debug, Clone, Copy)]
pub enum UidRef<'a> {
    Uuid([u8; 16]),
    Text(&'a str),
}

impl<'a> From<&'a Uid> for UidRef<'a> {
    fn from(uid: &'a Uid) -> Self {
        match (uid.uuid(), uid.text()) {
            (Some(bytes), _) => UidRef::Uuid(bytes),
            (None, text) => UidRef::Text(text.unwrap_or_default()),
        }
    }
}

/// Text given as it is (an event's object that is not a stored one's, in tests).
impl<'a> From<&'a str> for UidRef<'a> {
    fn from(text: &'a str) -> Self {
        UidRef::Text(text)
    }
}

/// A UID as the recorder reads it from a [`UidRef`]: kept as bytes (nothing to look up), or
/// text to find in (or add to) the interner.
pub enum Given<'a> {
    Bytes(EventUid),
    Text(Cow<'a, str>),
}

impl<'a> Given<'a> {
    pub fn of(uid: UidRef<'a>) -> Given<'a> {
        let text = match uid {
            UidRef::Uuid(bytes) if bytes[VERSION] >> 4 == 4 => {
                return Given::Bytes(EventUid(bytes));
            }
            // Another version: kept as text, as its text would be (rare).
            UidRef::Uuid(bytes) => Cow::Owned(uuid_text(bytes).as_str().to_string()),
            UidRef::Text(text) => Cow::Borrowed(text),
        };
        match parse(&text) {
            Some(bytes) => Given::Bytes(EventUid(bytes)),
            None => Given::Text(text),
        }
    }

    /// Its hash for the correlator's keys (the same as [`EventUid::hash`] of it).
    pub fn hash(&self) -> u64 {
        match self {
            Given::Bytes(uid) => uid.hash_bytes(),
            Given::Text(text) => hash_str(text),
        }
    }

    /// Whether it is `uid`.
    pub fn is(&self, uid: EventUid, strings: &Interner) -> bool {
        match self {
            Given::Bytes(bytes) => *bytes == uid,
            Given::Text(text) => uid.symbol().is_some_and(|sym| strings.is(sym, text)),
        }
    }

    /// The UID, if the recorder holds it; `hash` is its [`Given::hash`].
    pub fn find(&self, strings: &Interner, hash: u64) -> Option<EventUid> {
        match self {
            Given::Bytes(uid) => Some(*uid),
            Given::Text(text) => strings.find_hashed(hash, text).map(EventUid::text_sym),
        }
    }

    /// The UID, its text interned if it is text.
    pub fn intern(&self, strings: &mut Interner, hash: u64) -> EventUid {
        match self {
            Given::Bytes(uid) => *uid,
            Given::Text(text) => EventUid::text_sym(strings.intern_hashed(hash, text)),
        }
    }
}

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

    fn hash_bytes(&self) -> u64 {
        let [a, b, c, d, e, f, g, h, rest @ ..] = self.0;
        hash_words(
            u64::from_le_bytes([a, b, c, d, e, f, g, h]),
            u64::from_le_bytes(rest),
        )
    }

    /// Its hash for the correlator's keys: of the bytes a UUID is kept as, else of its text.
    pub fn hash(&self, strings: &Interner) -> u64 {
        match self.symbol() {
            Some(sym) => hash_str(strings.get(sym)),
            None => self.hash_bytes(),
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
            let given = Given::of(UidRef::Text(text));
            let hash = given.hash();
            let uid = given.intern(&mut strings, hash);
            assert_eq!(uid.text(&strings), text);
            assert_eq!(given.find(&strings, hash), Some(uid));
            assert!(given.is(uid, &strings));
            assert_eq!(uid.hash(&strings), hash);
            assert_eq!(uid.symbol().is_none(), as_bytes, "{text}");
            // A stored object's UID, handed over as bytes where it is kept so: the same.
            let stored = Uid::from(text);
            let given = Given::of(UidRef::from(&stored));
            assert_eq!(given.find(&strings, given.hash()), Some(uid), "{text}");
            assert_eq!(given.hash(), hash);
        }
        let other = Given::of(UidRef::Text("node-1"));
        let node = other.intern(&mut strings, other.hash());
        assert!(!Given::of(UidRef::Text(uuid)).is(node, &strings));
        assert!(!Given::of(UidRef::Text("node-2")).is(node, &strings));
        // A UUID of another version handed over as bytes is kept as text, as its text is.
        let v3 = "0b3e9f4c-1d2a-3c5b-8e6f-7a8b9c0d1e2f";
        let stored = Uid::from(v3);
        let as_bytes = Given::of(UidRef::from(&stored));
        let sym = as_bytes.intern(&mut strings, as_bytes.hash());
        assert_eq!(
            (sym.text(&strings), sym.symbol().is_some()),
            (v3.into(), true)
        );
        assert_eq!(as_bytes.hash(), crate::state::interner::hash_str(v3));
        let uuid_given = Given::of(UidRef::Text(uuid));
        assert_eq!(
            uuid_given.intern(&mut strings, 0),
            EventUid([
                0x0b, 0x3e, 0x9f, 0x4c, 0x1d, 0x2a, 0x4c, 0x5b, 0x8e, 0x6f, 0x7a, 0x8b, 0x9c, 0x0d,
                0x1e, 0x2f
            ])
        );
    }
}
