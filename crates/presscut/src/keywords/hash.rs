//! Hashing for word and phrase keys: fast, non-cryptographic, no allocation.
//!
//! Words are keyed by a 64-bit hash of their lower-cased form so that the tokenizer never
//! allocates a `String` per token; a collision between two different words is astronomically
//! unlikely at these vocabulary sizes and would only blur one word's weight.

pub(crate) use crate::hash::mix;

/// One step of the word hash: folds in the next byte of the lower-cased word. The tokenizer
/// calls it as it reads a word, so that no word is read twice.
#[inline(always)]
pub(crate) fn step(h: u64, b: u8) -> u64 {
    crate::hash::fold(h, u64::from(b))
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
