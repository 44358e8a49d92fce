//! Hashing for word and phrase keys: fast, non-cryptographic, no allocation.
//!
//! Words are keyed by a 64-bit hash of their lower-cased form so that the tokenizer never
//! allocates a `String` per token; a collision between two different words is astronomically
//! unlikely at these vocabulary sizes and would only blur one word's weight.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0xf135_7aea_2e62_a9c5;

/// One step of the word hash: folds in the next byte of the lower-cased word. The tokenizer
/// calls it as it reads a word, so that no word is read twice.
#[inline(always)]
pub(crate) fn step(h: u64, b: u8) -> u64 {
    (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K)
}

/// The word hash of bytes that are already lower case (the word lists).
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    mix(bytes.iter().fold(0, |h, &b| step(h, b)))
}

/// The word hash of ASCII bytes, lower-cased on the fly.
pub(crate) fn hash_ascii_lower(bytes: &[u8]) -> u64 {
    mix(bytes.iter().fold(0, |h, &b| step(h, b.to_ascii_lowercase())))
}

/// Folds the lower-cased form of `c` into a word hash (`’` is read as `'`).
pub(crate) fn step_char(mut h: u64, c: char) -> u64 {
    if c.is_ascii() {
        return step(h, (c as u8).to_ascii_lowercase());
    }
    if c == '\u{2019}' {
        return step(h, b'\'');
    }
    let mut buf = [0u8; 4];
    for l in c.to_lowercase() {
        for &b in l.encode_utf8(&mut buf).as_bytes() {
            h = step(h, b);
        }
    }
    h
}

/// The word hash of any word: what [`hash_bytes`] gives for its lower-cased form.
pub(crate) fn hash_lower(word: &str) -> u64 {
    if word.is_ascii() {
        return hash_ascii_lower(word.as_bytes());
    }
    mix(word.chars().fold(0, step_char))
}

/// A small, fast, non-cryptographic hasher for keys that are already short integers or hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.add(u64::from(b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn finish(&self) -> u64 {
        // Spreads the multiply's high-bit entropy into the low bits that index the table.
        mix(self.0)
    }
}

impl Fx {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = fold(self.0, w);
    }
}

pub(crate) type FxBuild = BuildHasherDefault<Fx>;
pub(crate) type FxSet<K> = HashSet<K, FxBuild>;

/// Mixes a 64-bit value so that all of its bits depend on all input bits (murmur3 fmix64).
#[inline]
pub(crate) fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Folds one more value into an order-sensitive running hash (finish it with [`mix`]).
#[inline]
pub(crate) fn fold(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_of_a_word_is_the_hash_of_its_lower_case() {
        for w in ["HeLLo", "a", "", "Self-Determination", "U.S.", "ÉCOLE", "Don\u{2019}t"] {
            let lower = w.to_lowercase().replace('\u{2019}', "'");
            assert_eq!(hash_lower(w), hash_bytes(lower.as_bytes()), "{w}");
        }
        assert_ne!(hash_lower("ab"), hash_lower("ba"));
    }
}
