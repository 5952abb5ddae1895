//! `Word`: a pod's `status.phase` and `status.qosClass`, whose value is almost always one of a
//! few words Kubernetes defines. A known word is one string shared by every pod (the value is a
//! pointer, 8 bytes; a `Str` was 24), other text held on its own, so what is written reads
//! back byte for byte.

use super::SharedStr;

/// The words every pod shares: "" (not set), the pod phases and the QoS classes.
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

thread_local! {
    static WORDS: [SharedStr; 9] = KNOWN.map(SharedStr::new);
}

/// A word-valued field, read as a `&str`.
#[derive(Clone, PartialEq, Eq)]
pub struct Word(SharedStr);

impl Word {
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The shared string of a known word.
    fn known(s: &str) -> Option<Word> {
        let i = KNOWN.iter().position(|k| *k == s)?;
        Some(Word(WORDS.with(|words| words[i].clone())))
    }
}

impl Default for Word {
    fn default() -> Self {
        Word::from("")
    }
}

impl From<&str> for Word {
    fn from(s: &str) -> Self {
        Word::known(s).unwrap_or_else(|| Word(SharedStr::new(s)))
    }
}

impl From<String> for Word {
    fn from(s: String) -> Self {
        Word::known(&s).unwrap_or_else(|| Word(SharedStr::from(s)))
    }
}

super::text_traits::text_traits!(Word);

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

    /// On 64-bit targets: 8 bytes (a `Str` is 24); a known word is shared, not allocated.
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn stays_8_bytes() {
        assert_eq!(std::mem::size_of::<Word>(), 8);
        assert!(
            Word::from("Running")
                .0
                .same(&Word::from("Running".to_string()).0)
        );
    }
}
