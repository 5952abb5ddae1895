//! `metadata.uid`: held inline. Every object the simulator creates gets a 36-character UUID
//! (`Rng::uid`); as a `String` that was 24 bytes plus an allocation of its own per pod. Text of
//! up to [`INLINE`] bytes is kept in the value itself, longer text (from a manifest) boxed; it
//! reads back byte for byte either way.

/// The longest text held inline: the value stays 40 bytes (the box's alignment).
const INLINE: usize = 38;

#[derive(Clone, PartialEq, Eq)]
enum Repr {
    Inline(u8, [u8; INLINE]),
    Boxed(Box<str>),
}

/// An object's UID (`metadata.uid`), read as a `&str`.
#[derive(Clone, PartialEq, Eq)]
pub struct Uid(Repr);

impl Uid {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // SAFETY: `Repr::Inline` is made only by `From<&str>`, which copies a whole `&str`
            // and its length: the bytes up to `len` are that string's, valid UTF-8. Read on
            // every event and owner check, so not validated again (`from_utf8` was 1.3 % of a run).
            Repr::Inline(len, bytes) => unsafe {
                std::str::from_utf8_unchecked(bytes.get(..*len as usize).unwrap_or_default())
            },
            Repr::Boxed(s) => s,
        }
    }
}

impl Default for Uid {
    fn default() -> Self {
        Uid(Repr::Inline(0, [0; INLINE]))
    }
}

impl From<&str> for Uid {
    fn from(s: &str) -> Self {
        if s.len() <= INLINE {
            let mut bytes = [0; INLINE];
            for (to, from) in bytes.iter_mut().zip(s.bytes()) {
                *to = from;
            }
            Uid(Repr::Inline(s.len() as u8, bytes))
        } else {
            Uid(Repr::Boxed(s.into()))
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

super::text_traits::text_traits!(Uid);

#[cfg(test)]
mod tests {
    use super::Uid;

    /// A generated UID (36 characters) is held inline; any text reads back as it came.
    #[test]
    fn reads_back_as_written() {
        let uuid = "0b3e9f4c-1d2a-4c5b-8e6f-7a8b9c0d1e2f";
        let long = "x".repeat(60);
        for text in ["", "u", uuid, long.as_str()] {
            let uid = Uid::from(text);
            assert_eq!(uid.as_str(), text);
            assert_eq!(uid, text);
            assert_eq!(uid.to_string(), text);
        }
        assert_eq!(Uid::default(), "");
    }

    /// On 64-bit targets: 40 bytes inline, no allocation for a generated UID.
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn stays_40_bytes() {
        assert_eq!(std::mem::size_of::<Uid>(), 40);
    }
}
