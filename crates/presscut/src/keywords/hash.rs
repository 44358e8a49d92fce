//! Hashing for word and phrase keys: fast, non-cryptographic, no allocation.
//!
//! Words are keyed by a 64-bit hash of their lower-cased form so that the tokenizer never
//! allocates a `String` per token; a collision between two different words is astronomically
//! unlikely at these vocabulary sizes and would only blur one word's weight.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0xf135_7aea_2e62_a9c5;

/// Hashes bytes (FxHash-style rounds plus a final avalanche so that low bits are usable).
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = Fx::default();
    h.write(bytes);
    h.finish()
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;

/// Bytes of `x` in `lo..=hi`, as their high bit; every byte of `x` must be below 0x80.
#[inline]
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let ge_lo = x + ONES * (0x80 - u64::from(lo));
    let gt_hi = x + ONES * (0x80 - u64::from(hi) - 1);
    ge_lo & !gt_hi & HIGH
}

/// 0, 1 or 2: how many bits of `m` are set, counted up to 2 (no popcount instruction needed).
#[inline]
fn count_to_two(m: u64) -> u32 {
    u32::from(m != 0) + u32::from(m & m.wrapping_sub(1) != 0)
}

/// For an ASCII word: [`hash_bytes`] of its lower-cased form, and its upper- and lower-case
/// letters, each counted up to 2. Eight bytes at a time, no copy.
pub(crate) fn hash_and_count_ascii(word: &[u8]) -> (u64, u32, u32) {
    let mut h = Fx::default();
    let (mut upper, mut lower) = (0u32, 0u32);
    let mut step = |x: u64| {
        let up = in_range(x, b'A', b'Z');
        upper = (upper + count_to_two(up)).min(2);
        lower = (lower + count_to_two(in_range(x, b'a', b'z'))).min(2);
        x | (up >> 2)
    };
    let mut chunks = word.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let folded = step(u64::from_le_bytes(w));
        h.add(folded);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // Byte by byte: a variable-length copy would be a `memcpy` call.
        let w = rest.iter().enumerate().fold(0u64, |w, (k, &b)| w | (u64::from(b) << (8 * k)));
        let folded = step(w);
        h.add(folded ^ ((rest.len() as u64) << 59));
    }
    (h.finish(), upper, lower)
}

/// [`hash_bytes`] of the lower-cased form of a word; `None` when it is not ASCII.
pub(crate) fn hash_lower_ascii(word: &[u8]) -> Option<u64> {
    word.is_ascii().then(|| hash_and_count_ascii(word).0)
}

/// A small, fast, non-cryptographic hasher for keys that are already short integers or hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
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
    fn ascii_lowercase_hash_matches_hashing_the_lowercased_word() {
        for w in ["HeLLo", "a", "", "Self-Determination", "U.S.", "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{"]
        {
            let lower = w.to_ascii_lowercase();
            assert_eq!(hash_lower_ascii(w.as_bytes()), Some(hash_bytes(lower.as_bytes())), "{w}");
        }
        assert_eq!(hash_lower_ascii("Été".as_bytes()), None);
    }

    #[test]
    fn ascii_counts_capitals_and_small_letters_up_to_two() {
        let counts = |w: &[u8]| {
            let (_, up, low) = hash_and_count_ascii(w);
            (up, low)
        };
        assert_eq!(counts(b"U.S."), (2, 0));
        assert_eq!(counts(b"Self-determination2020"), (1, 2));
        assert_eq!(counts(b"NATO"), (2, 0));
        assert_eq!(counts(b"a"), (0, 1));
        assert_eq!(counts(b"@[`{12"), (0, 0));
    }
}
