//! The tagger's weights: a compact open-addressing table from hashed feature keys to one row of
//! quantised per-label weights (all labels of a feature in one cache line), plus transitions.
//!
//! File format (little-endian): magic `PCNER\x01\0\0`; u32 feature schema; u32 label count;
//! f32 scale; f32 start[L]; f32 trans[L][L]; u32 entry count; then per entry a 40-bit key
//! (5 bytes) followed by L i8 weights (global scale; the tagger loses nothing measurable to it).

use super::decode::Transitions;
#[cfg(feature = "train")]
use super::doc::Doc;
use super::labels::L;

/// Bumped whenever the feature templates change, so that a stale model is refused.
pub const FEATURE_SCHEMA: u32 = 2;
const MAGIC: &[u8; 8] = b"PCNER\x02\0\0";
/// Feature keys are truncated to this many bits in the model.
pub const KEY_BITS: u32 = 40;

/// Anything that can score tokens: the compact model, or the trainer's float weights.
pub trait Weights {
    fn transitions(&self) -> &Transitions;
    /// Per-label scores of the features that `feats` emits (as `Doc::features` does).
    fn score(&self, feats: impl FnOnce(&mut dyn FnMut(u64, u64))) -> [f32; L];

    /// Scores of many tokens at once: token `t` has the features `keys[ends[t-1]..ends[t]]`
    /// (template, key); one score row per token is appended to `out`.
    fn score_batch(&self, keys: &[(u64, u64)], ends: &[usize], out: &mut Vec<[f32; L]>) {
        let mut start = 0;
        for &end in ends {
            out.push(self.score(|e| {
                for &(t, k) in &keys[start..end] {
                    e(t, k);
                }
            }));
            start = end;
        }
    }

    /// Per-label scores of token `i` of sentence `s` from all its features.
    #[cfg(feature = "train")]
    fn emission(&self, doc: &Doc, s: usize, i: usize) -> [f32; L] {
        self.score(|e| doc.features(s, i, e))
    }

    /// The compact model behind these weights, if they are one: the tagger then takes its
    /// faster loop ([`super::fast`]), which gives the same scores.
    fn compact(&self) -> Option<&Model> {
        None
    }
}

/// Summed quantised weights as the compact model adds them: one lane per label in lanes
/// `0..L`, the lanes above stay 0 (sixteen lanes sum in two vector instructions). `i16` does
/// not overflow: a token has fewer than 200 features, each weight at most 127 in size.
pub type Row = [i16; 16];

/// One table entry, 16 bytes: the feature's weights (the first eight loaded and widened as one
/// vector) and the key's fingerprint (never 0 in a used slot).
#[derive(Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot {
    w: [i8; 8],
    w8: i8,
    _pad: [u8; 3],
    tag: u32,
}

const _: () = assert!(L == 9, "the slot layout holds nine labels");

impl Slot {
    fn new(tag: u32, w: [i8; L]) -> Slot {
        let mut head = [0i8; 8];
        head.copy_from_slice(&w[..8]);
        Slot { w: head, w8: w[8], _pad: [0; 3], tag }
    }

    fn weights(&self) -> [i8; L] {
        std::array::from_fn(|c| if c < 8 { self.w[c] } else { self.w8 })
    }
}

/// The compact model used at run time.
#[allow(missing_debug_implementations)] // a table of ~60k weight slots
pub struct Model {
    /// a power of two of them
    slots: Vec<Slot>,
    scale: f32,
    tr: Transitions,
}

#[inline(always)]
fn truncate(key: u64) -> u64 {
    key & ((1u64 << KEY_BITS) - 1)
}

#[inline(always)]
fn fingerprint(k: u64) -> u32 {
    ((k >> 8) as u32).max(1)
}

/// Errors reading a model file.
#[derive(Debug, PartialEq, Eq)]
pub enum ModelError {
    BadMagic,
    WrongSchema(u32),
    WrongLabels(u32),
    Truncated,
}

struct Reader<'a>(&'a [u8]);
impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        if self.0.len() < n {
            return Err(ModelError::Truncated);
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

impl Model {
    /// Read a model from its file contents.
    pub fn from_bytes(data: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader(data);
        if r.take(8)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let schema = r.u32()?;
        if schema != FEATURE_SCHEMA {
            return Err(ModelError::WrongSchema(schema));
        }
        let nl = r.u32()?;
        if nl as usize != L {
            return Err(ModelError::WrongLabels(nl));
        }
        let scale = r.f32()?;
        let mut tr = Transitions::default();
        for c in 0..L {
            tr.start[c] = r.f32()?;
        }
        for p in 0..L {
            for c in 0..L {
                tr.trans[p][c] = r.f32()?;
            }
        }
        let n = r.u32()? as usize;
        let cap = (n * 2).next_power_of_two().max(1024);
        let mut m = Model { slots: vec![Slot::default(); cap], scale, tr };
        for _ in 0..n {
            let kb = r.take(5)?;
            let key = u64::from_le_bytes([kb[0], kb[1], kb[2], kb[3], kb[4], 0, 0, 0]);
            let wb = r.take(L)?;
            let mut w = [0i8; L];
            for (x, &b) in w.iter_mut().zip(wb) {
                *x = b as i8;
            }
            m.insert(key, w);
        }
        Ok(m)
    }

    fn insert(&mut self, key: u64, w: [i8; L]) {
        let fp = fingerprint(key);
        let mask = self.slots.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let s = &mut self.slots[i];
            if s.tag == 0 || s.tag == fp {
                *s = Slot::new(fp, w);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// Serialise entries (key, weights) with the given scale and transitions.
    #[cfg(any(test, feature = "train"))]
    pub fn write(scale: f32, tr: &Transitions, entries: &[(u64, [i8; L])]) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + entries.len() * (5 + L));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_SCHEMA.to_le_bytes());
        out.extend_from_slice(&(L as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for c in 0..L {
            out.extend_from_slice(&tr.start[c].to_le_bytes());
        }
        for p in 0..L {
            for c in 0..L {
                out.extend_from_slice(&tr.trans[p][c].to_le_bytes());
            }
        }
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (k, w) in entries {
            out.extend_from_slice(&truncate(*k).to_le_bytes()[..5]);
            out.extend(w.iter().map(|&x| x as u8));
        }
        out
    }

    /// Does the model have a weight row for this feature key?
    #[cfg(feature = "train")]
    pub fn contains(&self, key: u64) -> bool {
        self.lookup(truncate(key)).is_some()
    }

    /// Number of stored features.
    #[cfg(any(test, feature = "train"))]
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|s| s.tag != 0).count()
    }

    /// Is the model empty?
    #[cfg(feature = "train")]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Brings the slot of key `k` towards the cache ahead of its lookup: a plain read the
    /// optimiser keeps (the crate forbids `unsafe`, so no prefetch intrinsic).
    #[inline(always)]
    fn prefetch(&self, k: u64) {
        if let Some(slot) = self.slots.get(k as usize & self.slots.len().wrapping_sub(1)) {
            std::hint::black_box(slot.tag);
        }
    }

    /// The slot of a key (linear probing; the table is never full).
    #[inline(always)]
    fn slot(&self, key: u64) -> Option<&Slot> {
        let k = truncate(key);
        let fp = fingerprint(k);
        // the length is a power of two: masking keeps every index in bounds
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = k as usize & mask;
        loop {
            let s = self.slots.get(i)?;
            if s.tag == fp {
                return Some(s);
            }
            if s.tag == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline(always)]
    fn lookup(&self, key: u64) -> Option<[i8; L]> {
        self.slot(key).map(Slot::weights)
    }
}

impl Weights for Model {
    fn transitions(&self) -> &Transitions {
        &self.tr
    }

    fn compact(&self) -> Option<&Model> {
        Some(self)
    }

    /// Prefetch every slot of the batch first, then look them up: many independent loads in
    /// flight hide the latency of a table that does not fit in L2.
    fn score_batch(&self, keys: &[(u64, u64)], ends: &[usize], out: &mut Vec<[f32; L]>) {
        for &(_, k) in keys {
            self.prefetch(truncate(k));
        }
        let mut start = 0;
        for &end in ends {
            let mut acc = [0i32; L];
            self.accumulate(&keys[start..end], &mut acc);
            out.push(std::array::from_fn(|c| acc[c] as f32 * self.scale));
            start = end;
        }
    }

    #[inline]
    fn score(&self, feats: impl FnOnce(&mut dyn FnMut(u64, u64))) -> [f32; L] {
        // Collect the keys and prefetch their slots first, then look them up: the table does
        // not fit in L2, and independent prefetches hide most of the memory latency.
        const MAX: usize = 128;
        let mut keys = [0u64; MAX];
        let mut n = 0;
        let mut acc = [0i32; L];
        feats(&mut |_, k| {
            let k = truncate(k);
            if n < MAX {
                keys[n] = k;
                n += 1;
                self.prefetch(k);
            } else if let Some(w) = self.lookup(k) {
                add(&mut acc, &w);
            }
        });
        for &k in &keys[..n] {
            if let Some(w) = self.lookup(k) {
                add(&mut acc, &w);
            }
        }
        let mut out = [0f32; L];
        for c in 0..L {
            out[c] = acc[c] as f32 * self.scale;
        }
        out
    }
}

impl Model {
    /// The factor that turns summed quantised weights into scores.
    #[inline]
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Add the weights of feature `key` (if the model has it) to `acc`.
    #[inline(always)]
    pub fn add_to(&self, key: u64, acc: &mut Row) {
        if let Some(s) = self.slot(key) {
            for (a, &w) in acc.iter_mut().zip(&s.w) {
                *a = a.wrapping_add(i16::from(w));
            }
            acc[8] = acc[8].wrapping_add(i16::from(s.w8));
        }
    }

    /// Sum the weights of `keys` into `acc`.
    #[inline]
    fn accumulate(&self, keys: &[(u64, u64)], acc: &mut [i32; L]) {
        for &(_, k) in keys {
            if let Some(w) = self.lookup(truncate(k)) {
                add(acc, &w);
            }
        }
    }
}

#[inline(always)]
fn add(acc: &mut [i32; L], w: &[i8; L]) {
    for c in 0..L {
        acc[c] += i32::from(w[c]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_models_read_back() {
        let mut tr = Transitions::default();
        tr.start[1] = 0.5;
        let bytes = Model::write(0.25, &tr, &[(42, [1, -2, 3, 0, 0, 0, 0, 0, 127])]);
        let m = Model::from_bytes(&bytes).expect("round trip");
        assert_eq!(m.len(), 1);
        assert_eq!(m.lookup(42), Some([1, -2, 3, 0, 0, 0, 0, 0, 127]));
        assert_eq!(m.lookup(43), None);
        assert_eq!(m.transitions().start[1], 0.5);
    }

    #[test]
    fn damaged_models_are_refused_not_panicked_on() {
        let bytes = Model::write(1.0, &Transitions::default(), &[(7, [1; L])]);
        assert_eq!(Model::from_bytes(&bytes[..bytes.len() - 3]).err(), Some(ModelError::Truncated));
        assert_eq!(Model::from_bytes(b"nonsense").err(), Some(ModelError::BadMagic));
        assert!(Model::from_bytes(&[]).is_err());
        let mut wrong = bytes.clone();
        wrong[8] ^= 0xFF;
        assert!(matches!(Model::from_bytes(&wrong), Err(ModelError::WrongSchema(_))));
    }
}
