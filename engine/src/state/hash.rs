//! The hash of the engine's maps (the store, the controllers' caches, the event recorder). Keys
//! are short strings (names, UIDs, event texts) that no untrusted party picks to collide
//! (everything runs in the user's own page), so a multiply hash that takes eight bytes at a step
//! beats the standard SipHash, and FNV-1a's step per byte (which was a tenth of all
//! instructions of creating 6,000 pods). No output depends on a map's iteration order.

use std::hash::{BuildHasherDefault, Hash, Hasher};

/// An odd constant with its bits spread (the fractional part of the golden ratio).
const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// Folds eight bytes at a step, then mixes the result so that the low bits (the bucket a
/// `HashMap` picks) depend on every input bit.
#[derive(Default)]
pub struct WordHash(u64);

impl WordHash {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for WordHash {
    fn finish(&self) -> u64 {
        // MurmurHash3's finalizer.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.add(w.try_into().map_or(0, u64::from_le_bytes));
        }
        let rest = words.remainder().len();
        if rest > 0 {
            // The tail's bytes in the low bytes of a word, the length in the byte the tail
            // leaves free ("ab" and "ab\0" differ). Read as whole words and shifted, not
            // copied byte by byte into a buffer (the copy was a call per write).
            let tail = match bytes.len() {
                8.. => word_at(bytes, bytes.len() - 8) >> (8 * (8 - rest)),
                _ => short(bytes),
            };
            self.add(tail | (rest as u64) << 56);
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// The eight bytes of `bytes` from `at` (which has eight there), as a little-endian word.
fn word_at(bytes: &[u8], at: usize) -> u64 {
    bytes[at..at + 8].try_into().map_or(0, u64::from_le_bytes)
}

/// Fewer than eight bytes as a little-endian word, the bytes above them zero: two reads that
/// overlap (each of 4, or of 1) put every byte in its place.
fn short(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let four = |at: usize| u64::from(bytes[at..at + 4].try_into().map_or(0, u32::from_le_bytes));
    match n {
        4.. => four(0) | four(n - 4) << (8 * (n - 4)),
        1.. => {
            let byte = |at: usize| u64::from(bytes[at]) << (8 * at);
            byte(0) | byte(n / 2) | byte(n - 1)
        }
        0 => 0,
    }
}

/// `t` hashed with [`WordHash`]: the tables that file entries by a hash themselves
/// ([`super::hash_index::HashIndex`] and its users) take this, or its low 32 bits.
pub fn hash_of<T: Hash + ?Sized>(t: &T) -> u64 {
    let mut h = WordHash::default();
    t.hash(&mut h);
    h.finish()
}

/// A `HashMap` hashed with [`WordHash`].
pub type FastHashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<WordHash>>;

#[cfg(test)]
mod tests {
    use super::hash_of as hash;
    use std::collections::BTreeSet;

    /// The tail read as words gives the value of copying its bytes into a zeroed word, at
    /// every length and offset.
    #[test]
    fn a_tail_read_as_words_is_the_bytes_copied() {
        let text: Vec<u8> = (1..=40u8).map(|b| b.wrapping_mul(37)).collect();
        for len in 0..=text.len() {
            let bytes = &text[..len];
            let mut words = bytes.chunks_exact(8);
            let mut want = super::WordHash::default();
            for w in &mut words {
                let mut b = [0u8; 8];
                b.copy_from_slice(w);
                want.add(u64::from_le_bytes(b));
            }
            let rest = words.remainder();
            if !rest.is_empty() {
                let mut b = [0u8; 8];
                b[..rest.len()].copy_from_slice(rest);
                b[7] = rest.len() as u8;
                want.add(u64::from_le_bytes(b));
            }
            let mut got = super::WordHash::default();
            std::hash::Hasher::write(&mut got, bytes);
            assert_eq!(got.0, want.0, "{len} bytes");
        }
    }

    /// Keys like the store's (names that differ in a suffix, in length or by a trailing zero
    /// byte) hash apart, and spread over the low bits a table of 1,024 buckets uses.
    #[test]
    fn similar_keys_hash_apart_and_spread_over_buckets() {
        assert_ne!(hash("ab"), hash("ab\0"));
        assert_ne!(hash(&["a", "b"][..]), hash(&["ab"][..]));
        assert_eq!(hash("agent-00-x7k2p"), hash("agent-00-x7k2p"));
        let keys: Vec<String> = (0..1024).map(|i| format!("agent-03-{i:05}")).collect();
        let hashes: BTreeSet<u64> = keys.iter().map(|k| hash(k.as_str())).collect();
        assert_eq!(hashes.len(), keys.len());
        let buckets: BTreeSet<u64> = hashes.iter().map(|h| h & 1023).collect();
        // 1,024 keys thrown at random into 1,024 buckets fill about 647 of them.
        assert!(buckets.len() > 600, "{} buckets used", buckets.len());
    }
}
