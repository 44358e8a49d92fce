//! A compact open-addressing table from word hash to quantised inverse frequency.
//!
//! Each slot is one `u32`: a 22-bit fingerprint of the word hash, a 2-bit word class and the
//! 8-bit weight. The
//! 83,000-word table takes 512 KB, small enough to stay in a core's L2 cache, which a general
//! hash map of 64-bit keys (2 MB) does not; the tokenizer probes it once per new word type.
//! A word missing from the table matches a fingerprint with probability ~2^-21 per probe and
//! would then get another word's weight, which is harmless.

pub(crate) struct IdfTable {
    slots: Vec<u32>,
    mask: usize,
}

/// Fingerprint of a hash: bits independent of the slot index, never 0 (0 marks an empty slot).
#[inline]
fn fingerprint(h: u64) -> u32 {
    ((h >> 42) as u32) | 1
}

const FP_SHIFT: u32 = 10;

impl IdfTable {
    /// Builds the table from `(word hash, weight, class)` pairs (class below 4) at a load factor
    /// of at most 2/3; the first entry given for a word is kept.
    pub fn build(pairs: &[(u64, u8, u8)]) -> Self {
        let size = (pairs.len().saturating_mul(3) / 2).max(16).next_power_of_two();
        let mut t = Self { slots: vec![0; size], mask: size - 1 };
        for &(h, q, class) in pairs {
            let fp = fingerprint(h);
            let mut i = h as usize & t.mask;
            loop {
                let s = t.slots[i];
                if s == 0 {
                    t.slots[i] = (fp << FP_SHIFT) | u32::from(class & 3) << 8 | u32::from(q);
                    break;
                }
                if s >> FP_SHIFT == fp {
                    break;
                }
                i = (i + 1) & t.mask;
            }
        }
        t
    }

    /// The weight and class stored for a word hash, if any.
    #[inline]
    pub fn get(&self, h: u64) -> Option<(u8, u8)> {
        let fp = fingerprint(h);
        let mut i = h as usize & self.mask;
        // The table is never full, so an empty slot always ends the probe.
        loop {
            let s = *self.slots.get(i)?;
            if s == 0 {
                return None;
            }
            if s >> FP_SHIFT == fp {
                return Some((s as u8, (s >> 8) as u8 & 3));
            }
            i = (i + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_put_and_nothing_else() {
        let pairs: Vec<(u64, u8, u8)> =
            (0..1000u64).map(|i| (crate::hash::mix(i), (i % 200) as u8, (i % 3) as u8)).collect();
        let t = IdfTable::build(&pairs);
        for &(h, q, c) in &pairs {
            assert_eq!(t.get(h), Some((q, c)));
        }
        let misses = (1000..3000u64).filter(|&i| t.get(crate::hash::mix(i)).is_some()).count();
        assert_eq!(misses, 0);
    }
}
