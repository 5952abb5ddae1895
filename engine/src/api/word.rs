//! `Word`: a pod's `status.phase` and `status.qosClass`, whose value is almost always one of a
//! few words Kubernetes defines. A known word is held as its number (the value is 16 bytes; a
//! `Str` was 24), other text boxed, so what is written reads back byte for byte.

use std::fmt;
use std::ops::Deref;

/// The words held by number: "" (not set), the pod phases and the QoS classes.
const KNOWN: [&str; 9] = [
    "",
    "Pending",
    "Running",
    "Succeeded",
    "Failed",
    "Unknown",
    "BestEffort",
    "Burstable",
    "Guaranteed",
];

// Boxed text: the type stays 16 bytes (a `String` would make it 32), and other text is rare.
#[allow(clippy::box_collection)]
#[derive(Clone, PartialEq, Eq)]
enum Repr {
    Known(u8),
    Text(Box<String>),
}

/// A word-valued field, read as a `&str`. Equal text is an equal value: a known word is
/// always held by number.
#[derive(Clone, PartialEq, Eq)]
pub struct Word(Repr);

impl Word {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Known(i) => KNOWN.get(*i as usize).copied().unwrap_or_default(),
            Repr::Text(s) => s,
        }
    }
}

impl Default for Word {
    fn default() -> Self {
        Word(Repr::Known(0))
    }
}

impl From<&str> for Word {
    fn from(s: &str) -> Self {
        match KNOWN.iter().position(|k| *k == s) {
            Some(i) => Word(Repr::Known(i as u8)),
            None => Word(Repr::Text(Box::new(s.to_string()))),
        }
    }
}

impl From<String> for Word {
    fn from(s: String) -> Self {
        match KNOWN.iter().position(|k| *k == s) {
            Some(i) => Word(Repr::Known(i as u8)),
            None => Word(Repr::Text(Box::new(s))),
        }
    }
}

impl Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Word {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl fmt::Debug for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for Word {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl crate::api::decode::Decode for Word {
    fn decode(v: serde_json::Value) -> Result<Self, String> {
        String::decode(v).map(Word::from)
    }
}

#[cfg(test)]
impl serde::Serialize for Word {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

#[cfg(test)]
impl<'de> serde::Deserialize<'de> for Word {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Word::from)
    }
}

#[cfg(test)]
mod tests {
    use super::Word;

    /// Known words and other text read back as written; equal text is an equal value.
    #[test]
    fn reads_back_as_written() {
        for text in ["", "Running", "Guaranteed", "Evicting", "running"] {
            let word = Word::from(text);
            assert_eq!(word.as_str(), text);
            assert_eq!(word, text);
            assert_eq!(word, Word::from(text.to_string()));
            assert_eq!(word.to_string(), text);
        }
        assert_eq!(Word::default(), "");
    }

    /// On 64-bit targets: 16 bytes (a `Str` is 24).
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn stays_16_bytes() {
        assert_eq!(std::mem::size_of::<Word>(), 16);
    }
}
