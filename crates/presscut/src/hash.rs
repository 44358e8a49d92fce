//! Hashing for the whole crate, in one place: every hash map and set uses rustc-hash's `FxHasher`
//! (fast on the short keys used here — words, word hashes, ids; none is exposed to untrusted
//! collision attacks that matter: a collision only slows one lookup), and [`IdTable`] gives
//! 64-bit keys dense `u32` ids for the per-document tables of the hot loops.

/// `HashMap` with the crate's fast hasher.
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;
/// `HashSet` with the crate's fast hasher.
pub type FastSet<K> = rustc_hash::FxHashSet<K>;

/// The 64-bit hash of a byte string (the key of word and phrase tables).
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(bytes);
    mix(h.finish())
}

/// Mixes a 64-bit value so that every output bit depends on every input bit (murmur3 fmix64):
/// turns running hashes and small ids into keys whose low bits index tables well.
#[inline]
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Folds one more value into an order-sensitive running hash (finish it with [`mix`]).
#[inline]
pub fn fold(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(0xf135_7aea_2e62_a9c5)
}

/// One slot of an [`IdTable`]: the key, the generation that wrote it, the value.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u64,
    generation: u32,
    val: u32,
}

/// Fewest slots a table has (a power of two).
const MIN_SLOTS: usize = 1024;

/// A map from 64-bit keys to `u32` values (usually dense ids) for the per-document tables of
/// the hot loops: open addressing with linear probing at a load of at most one half, slots
/// picked by Fibonacci hashing of the key (one multiply), and emptied between documents by a
/// generation stamp rather than by clearing memory, so that a table reused from document to
/// document allocates nothing once warm.
#[derive(Default)]
pub struct IdTable {
    slots: Vec<Slot>,
    generation: u32,
    len: usize,
    /// 64 − log2(slots)
    shift: u32,
}

impl std::fmt::Debug for IdTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdTable").field("len", &self.len).finish_non_exhaustive()
    }
}

impl IdTable {
    /// An empty table with room for about `n` keys before it grows.
    pub fn with_capacity(n: usize) -> IdTable {
        let mut t = IdTable::default();
        t.reset((2 * n).next_power_of_two().max(MIN_SLOTS));
        t
    }

    fn reset(&mut self, size: usize) {
        self.slots.clear();
        self.slots.resize(size, Slot::default());
        self.generation = 1;
        self.len = 0;
        self.shift = 64 - size.trailing_zeros();
    }

    /// Forgets every key.
    pub fn clear(&mut self) {
        self.len = 0;
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 || self.slots.is_empty() {
            // a wrapped stamp could match slots written long ago: start clean
            self.reset(self.slots.len().max(MIN_SLOTS));
        }
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value of `key`, if it has one.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = self.home(key) & mask;
        loop {
            let s = self.slots.get(i)?;
            if s.generation != self.generation {
                return None;
            }
            if s.key == key {
                return Some(s.val);
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `key`, or `make()` stored and returned when it has none.
    #[inline]
    pub fn get_or_insert_with(&mut self, key: u64, make: impl FnOnce() -> u32) -> u32 {
        let i = self.find_slot(key);
        let s = self.slots[i];
        if s.generation == self.generation {
            return s.val;
        }
        let val = make();
        self.put(i, key, val);
        val
    }

    /// The id of `key`, giving it the next id (`len()` before the call) when it has none; the
    /// bool says whether it was new.
    #[inline]
    pub fn intern(&mut self, key: u64) -> (u32, bool) {
        let next = self.len as u32;
        let id = self.get_or_insert_with(key, || next);
        (id, id == next && self.len as u32 == next + 1)
    }

    /// Stores `val` for `key`, replacing any value stored before.
    pub fn insert(&mut self, key: u64, val: u32) {
        let i = self.find_slot(key);
        if self.slots[i].generation == self.generation {
            self.slots[i].val = val;
        } else {
            self.put(i, key, val);
        }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    #[inline]
    fn find_slot(&mut self, key: u64) -> usize {
        if self.slots.is_empty() {
            self.reset(MIN_SLOTS);
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key) & mask;
        loop {
            let s = &self.slots[i];
            if s.generation != self.generation || s.key == key {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    fn put(&mut self, i: usize, key: u64, val: u32) {
        self.slots[i] = Slot { key, generation: self.generation, val };
        self.len += 1;
        if 2 * self.len > self.slots.len() {
            self.grow();
        }
    }

    /// Twice the slots, the live keys moved over.
    fn grow(&mut self) {
        let live: Vec<Slot> =
            self.slots.iter().filter(|s| s.generation == self.generation).copied().collect();
        let n = self.slots.len() * 2;
        self.reset(n);
        let mask = n - 1;
        for s in live {
            let mut i = self.home(s.key) & mask;
            while self.slots[i].generation == self.generation {
                i = (i + 1) & mask;
            }
            self.slots[i] = Slot { generation: self.generation, ..s };
        }
        self.len = self.slots.iter().filter(|s| s.generation == self.generation).count();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_dense_stable_and_forgotten_on_clear() {
        let mut t = IdTable::default();
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
        assert_eq!(t.len(), 0);
        assert_eq!(t.get(keys[7]), None);
        assert_eq!(t.intern(keys[7]), (0, true));
    }

    #[test]
    fn small_and_colliding_keys_find_their_own_values() {
        let mut t = IdTable::with_capacity(4);
        for k in 1..100u64 {
            t.insert(k << 40, k as u32 + 1);
            t.insert(k, 7);
        }
        for k in 1..100u64 {
            assert_eq!(t.get(k << 40), Some(k as u32 + 1));
        }
        assert_eq!(t.get(1000 << 40), None);
        assert_eq!(t.get_or_insert_with(0, || 9), 9);
        t.insert(0, 3);
        assert_eq!(t.get(0), Some(3));
    }
}
