//! Deterministic randomness: pod-name suffixes, UIDs. Seeded by `sim seed N`, so the same script
//! always gives the same names (scenario-language.md, "The runner").

use crate::api::{SharedStr, Uid};

/// The apiserver's `SimpleNameGenerator` alphabet: no vowels, no confusable digits (spec §14.13).
const ALPHANUMS: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
/// `generateName` bases are cut to 58 characters before the 5 random ones (spec §7.2).
const MAX_GENERATED_BASE: usize = 58;

/// splitmix64: tiny, fast, and good enough for names; deterministic across platforms.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// `names.SimpleNameGenerator.GenerateName`.
    pub fn generate_name(&mut self, base: &str) -> SharedStr {
        // A base of at most 58 bytes has at most 58 characters: only a longer one is walked.
        let cut = match base.len() <= MAX_GENERATED_BASE {
            true => base,
            false => {
                (base.char_indices().nth(MAX_GENERATED_BASE)).map_or(base, |(i, _)| &base[..i])
            }
        };
        // Written on the stack and copied once into the name the pod keeps (at most 58
        // characters of 4 bytes and the 5 of the alphabet).
        let mut name = [0u8; MAX_GENERATED_BASE * 4 + 5];
        name[..cut.len()].copy_from_slice(cut.as_bytes());
        for c in &mut name[cut.len()..cut.len() + 5] {
            *c = ALPHANUMS[(self.next_u64() % ALPHANUMS.len() as u64) as usize];
        }
        // The base is text cut at a character boundary and the suffix ASCII.
        let name = std::str::from_utf8(&name[..cut.len() + 5]).unwrap_or_default();
        SharedStr::new(name)
    }

    /// A version-4-shaped UUID, made as its 16 bytes (no text: `Uid` keeps the bytes).
    pub fn uid(&mut self) -> Uid {
        let (a, b) = (self.next_u64(), self.next_u64());
        // The five groups of the text (`8-4-4-4-12`): a's top half, its next 16 bits, the
        // version 4 and a's low 12 bits; the variant bits and b's 14 bits, b's low 48 bits.
        let high = (a >> 32) << 32 | ((a >> 16) & 0xffff) << 16 | 0x4000 | (a & 0xfff);
        let low = (0x8000 | ((b >> 48) & 0x3fff)) << 48 | (b & 0xffff_ffff_ffff);
        Uid::from_halves(high, low)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// spec §7.2 / §14.13: base cut to 58 characters, 5 characters from the no-vowel alphabet.
    #[test]
    fn generated_names_follow_simple_name_generator() {
        let mut r = Rng::new(1);
        let n = r.generate_name("fluentd-elasticsearch-");
        assert_eq!(n.len(), "fluentd-elasticsearch-".len() + 5);
        assert!(n[22..].bytes().all(|c| ALPHANUMS.contains(&c)));
        let long = "a".repeat(80);
        assert_eq!(r.generate_name(&long).len(), 63);
        let wide = "ä".repeat(60);
        assert_eq!(r.generate_name(&wide)[..116], wide[..116]);
        assert_eq!(r.generate_name(&wide).len(), 121);
        assert_eq!(
            Rng::new(7).generate_name("x-"),
            Rng::new(7).generate_name("x-")
        );
    }

    /// The UID's text is the version-4 layout `Rng::uid` always wrote with `format!` (the
    /// goldens hold such UIDs): the same two random numbers give the same text.
    #[test]
    fn uids_keep_their_text() {
        for seed in [1, 7, 42, 1 << 40] {
            let mut r = Rng::new(seed);
            let mut copy = Rng::new(seed);
            let (a, b) = (copy.next_u64(), copy.next_u64());
            let want = format!(
                "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
                a >> 32,
                (a >> 16) & 0xffff,
                a & 0xfff,
                0x8000 | ((b >> 48) & 0x3fff),
                b & 0xffff_ffff_ffff
            );
            assert_eq!(r.uid(), want.as_str());
        }
    }
}
