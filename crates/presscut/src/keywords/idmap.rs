//! A minimal open-addressing map from a well-mixed 64-bit hash to a `u32` id, for the hot
//! per-token look-ups (word type, stem class, phrase). Linear probing over two flat arrays at a
//! load factor of at most one half: a hit usually costs one comparison and one cache line,
//! cheaper than a general-purpose map for this one job.

pub(crate) struct IdMap {
    keys: Vec<u64>,
    vals: Vec<u32>,
    len: usize,
    mask: usize,
}

/// Key 0 marks an empty slot; the one hash that is 0 is stored as 1 (a harmless merge).
#[inline]
fn nonzero(key: u64) -> u64 {
    key.max(1)
}

impl IdMap {
    /// A map for about `n` keys before it first grows.
    pub fn with_capacity(n: usize) -> Self {
        let size = n.saturating_mul(2).max(16).next_power_of_two();
        Self { keys: vec![0; size], vals: vec![0; size], len: 0, mask: size - 1 }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        let k = nonzero(key);
        let mut i = k as usize & self.mask;
        loop {
            let s = self.keys[i];
            if s == k {
                return Some(self.vals[i]);
            }
            if s == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The id stored for `key`, or `make()` stored and returned when there is none.
    #[inline]
    pub fn get_or_insert_with(&mut self, key: u64, make: impl FnOnce() -> u32) -> u32 {
        let k = nonzero(key);
        let mut i = k as usize & self.mask;
        loop {
            let s = self.keys[i];
            if s == k {
                return self.vals[i];
            }
            if s == 0 {
                break;
            }
            i = (i + 1) & self.mask;
        }
        let v = make();
        self.keys[i] = k;
        self.vals[i] = v;
        self.len += 1;
        if self.len * 2 > self.keys.len() {
            self.grow();
        }
        v
    }

    /// Stores `val` for `key`, replacing any value stored before.
    pub fn insert(&mut self, key: u64, val: u32) {
        let k = nonzero(key);
        let mut i = k as usize & self.mask;
        loop {
            let s = self.keys[i];
            if s == k {
                self.vals[i] = val;
                return;
            }
            if s == 0 {
                break;
            }
            i = (i + 1) & self.mask;
        }
        self.keys[i] = k;
        self.vals[i] = val;
        self.len += 1;
        if self.len * 2 > self.keys.len() {
            self.grow();
        }
    }

    fn grow(&mut self) {
        let size = self.keys.len() * 2;
        let mut keys = vec![0u64; size];
        let mut vals = vec![0u32; size];
        let mask = size - 1;
        for (&k, &v) in self.keys.iter().zip(&self.vals) {
            if k == 0 {
                continue;
            }
            let mut i = k as usize & mask;
            while keys[i] != 0 {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            vals[i] = v;
        }
        self.keys = keys;
        self.vals = vals;
        self.mask = mask;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keywords::hash::mix;

    #[test]
    fn stores_and_finds_ids_across_growth() {
        let mut m = IdMap::with_capacity(2);
        for i in 1..5001u64 {
            assert_eq!(m.get_or_insert_with(mix(i), || i as u32), i as u32);
        }
        assert_eq!(m.len(), 5000);
        for i in 1..5001u64 {
            assert_eq!(m.get(mix(i)), Some(i as u32));
            assert_eq!(m.get_or_insert_with(mix(i), || u32::MAX), i as u32);
        }
        assert_eq!(m.get(mix(9999)), None);
        assert_eq!(m.get_or_insert_with(0, || 7), 7);
        assert_eq!(m.get(0), Some(7));
        m.insert(mix(3), 33);
        m.insert(mix(9999), 1);
        assert_eq!((m.get(mix(3)), m.get(mix(9999)), m.len()), (Some(33), Some(1), 5002));
    }
}
