//! A map from well-mixed 64-bit keys (word and feature hashes) to dense `u32` ids, for the
//! per-document tables of the hot loops: open addressing with linear probing on the key's own
//! low bits (no hashing), and emptied between documents by a generation stamp rather than by
//! clearing memory.

/// One slot: the key, the generation that wrote it, the id.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u64,
    generation: u32,
    id: u32,
}

/// Hash → id, reused from document to document (see the module comment).
#[derive(Default)]
#[allow(missing_debug_implementations)] // a table of hashes; nothing useful to print
pub struct HashIds {
    slots: Vec<Slot>,
    generation: u32,
    len: usize,
}

const MIN_SLOTS: usize = 1024;

impl HashIds {
    /// Forget every key.
    pub fn clear(&mut self) {
        self.len = 0;
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 || self.slots.is_empty() {
            // a wrapped stamp could match slots written long ago: start clean
            self.slots.clear();
            self.slots.resize(MIN_SLOTS, Slot::default());
            self.generation = 1;
        }
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The id of `key`, if it has one.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = key as usize & mask;
        loop {
            let s = self.slots.get(i)?;
            if s.generation != self.generation {
                return None;
            }
            if s.key == key {
                return Some(s.id);
            }
            i = (i + 1) & mask;
        }
    }

    /// The id of `key`, giving it the next id (`len()` before the call) if it has none; the
    /// bool says whether it was new.
    #[inline]
    pub fn intern(&mut self, key: u64) -> (u32, bool) {
        if self.slots.is_empty() {
            self.clear();
        }
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let s = &mut self.slots[i];
            if s.generation != self.generation {
                let id = self.len as u32;
                *s = Slot { key, generation: self.generation, id };
                self.len += 1;
                return (id, true);
            }
            if s.key == key {
                return (s.id, false);
            }
            i = (i + 1) & mask;
        }
    }

    /// Twice the slots, the live keys moved over.
    fn grow(&mut self) {
        let live: Vec<Slot> =
            self.slots.iter().filter(|s| s.generation == self.generation).copied().collect();
        let n = (self.slots.len() * 2).max(MIN_SLOTS);
        self.slots.clear();
        self.slots.resize(n, Slot::default());
        let mask = n - 1;
        for s in live {
            let mut i = s.key as usize & mask;
            while self.slots[i].generation == self.generation {
                i = (i + 1) & mask;
            }
            self.slots[i] = s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_dense_stable_and_forgotten_on_clear() {
        let mut t = HashIds::default();
        t.clear();
        let keys: Vec<u64> = (0..5000u64).map(|k| k.wrapping_mul(0x9E37_79B9_7F4A_7C15)).collect();
        for (n, &k) in keys.iter().enumerate() {
            assert_eq!(t.intern(k), (n as u32, true));
        }
        for (n, &k) in keys.iter().enumerate() {
            assert_eq!(t.intern(k), (n as u32, false));
            assert_eq!(t.get(k), Some(n as u32));
        }
        assert_eq!(t.len(), keys.len());
        t.clear();
        assert!(t.is_empty());
        assert_eq!(t.get(keys[7]), None);
        assert_eq!(t.intern(keys[7]), (0, true));
    }

    #[test]
    fn colliding_low_bits_still_find_their_own_ids() {
        let mut t = HashIds::default();
        t.clear();
        for k in 0..100u64 {
            t.intern(k << 40);
        }
        for k in 0..100u64 {
            assert_eq!(t.get(k << 40), Some(k as u32));
        }
        assert_eq!(t.get(1000 << 40), None);
    }
}
