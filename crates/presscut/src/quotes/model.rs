//! The learned part: a linear (averaged-perceptron) scorer over hashed string features,
//! deciding which verbs beyond the rules attribute content to their subject. Weights live
//! in `data/quote_model.tsv` (trained by `quotes_train` on the PolNeAR train split).

use crate::hash::FastMap;
use std::sync::LazyLock;

const MODEL_TSV: &str = include_str!("../../data/quote_model.tsv");

/// Most features one candidate has.
pub const MAX_FEATS: usize = 40;

/// The hashed features of one candidate, in a fixed array (no allocation).
#[derive(Clone, Copy, Debug)]
pub struct Feats {
    h: [u64; MAX_FEATS],
    n: usize,
}

impl Default for Feats {
    fn default() -> Self {
        Feats { h: [0; MAX_FEATS], n: 0 }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Hash of a feature value (ASCII case-insensitive).
pub const fn value_hash(v: &str) -> u64 {
    let b = v.as_bytes();
    let mut h = FNV_OFFSET;
    let mut i = 0;
    while i < b.len() {
        h ^= b[i].to_ascii_lowercase() as u64;
        h = h.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

/// The hash state after `name=`, computed at compile time for the feature names.
pub const fn name_hash(name: &str) -> u64 {
    let b = name.as_bytes();
    let mut h = FNV_OFFSET;
    let mut i = 0;
    while i < b.len() {
        h ^= b[i].to_ascii_lowercase() as u64;
        h = h.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h ^= b'=' as u64;
    h.wrapping_mul(FNV_PRIME)
}

impl Feats {
    /// Adds feature `name=value` (value compared case-insensitively).
    pub fn add(&mut self, name: &str, value: &str) {
        self.add2(name, value, "");
    }

    /// Adds feature `name=a|b`.
    pub fn add2(&mut self, name: &str, a: &str, b: &str) {
        self.add_h(name_hash(name), a, b);
    }

    /// Adds feature `name=a|b` given `name_hash(name)` (precomputed).
    pub fn add_h(&mut self, name: u64, a: &str, b: &str) {
        self.add_v(name, value_hash(a), value_hash(b));
    }

    /// Adds feature `name=a|b` from precomputed `name_hash(name)` and `value_hash`es.
    pub fn add_v(&mut self, name: u64, a: u64, b: u64) {
        if self.n >= MAX_FEATS {
            return;
        }
        let mix = |h: u64, v: u64| (h ^ v).wrapping_mul(FNV_PRIME).rotate_left(29);
        self.h[self.n] = mix(mix(name, a), b);
        self.n += 1;
    }

    pub fn as_slice(&self) -> &[u64] {
        &self.h[..self.n]
    }
}

/// Feature weights, the largest weight seen at each feature position, and the acceptance
/// threshold.
pub struct Model {
    weights: FastMap<u64, f32>,
    slot_max: Vec<f32>,
    pub threshold: f32,
}

impl Model {
    /// Parses the model file: `threshold<TAB>x`, then `hexhash<TAB>weight` lines.
    pub fn parse(src: &str) -> Model {
        let mut weights = FastMap::default();
        let mut threshold = f32::INFINITY;
        let mut slot_max = vec![0.0; MAX_FEATS];
        for line in src.lines().filter(|l| !l.starts_with('#')) {
            if let Some(rest) = line.strip_prefix("slotmax\t") {
                if let Some((i, v)) = rest.split_once('\t')
                    && let (Ok(i), Ok(v)) = (i.parse::<usize>(), v.trim().parse::<f32>())
                    && let Some(x) = slot_max.get_mut(i)
                {
                    *x = v;
                }
                continue;
            }
            let Some((k, v)) = line.split_once('\t') else { continue };
            let Ok(v) = v.trim().parse::<f32>() else { continue };
            if k == "threshold" {
                threshold = v;
            } else if let Ok(h) = u64::from_str_radix(k, 16) {
                weights.insert(h, v);
            }
        }
        Model { weights, slot_max, threshold }
    }

    /// The largest (non-negative) weight a feature at position `i` can have: bounds what the
    /// features not computed yet can add.
    pub fn slot_max(&self, i: usize) -> f32 {
        self.slot_max.get(i).copied().unwrap_or(0.0).max(0.0)
    }

    /// Whether the weight of `w` as the candidate's verb (feature `v`) exceeds `floor`.
    pub fn verb_weight_above(&self, w: &str, floor: f32) -> bool {
        let mut f = Feats::default();
        f.add_v(const { name_hash("v") }, value_hash(w), const { value_hash("") });
        self.score(&f) > floor
    }

    pub fn score(&self, f: &Feats) -> f32 {
        f.as_slice().iter().map(|h| self.weights.get(h).copied().unwrap_or(0.0)).sum()
    }

    /// Whether the model has been trained at all.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

/// The model shipped in `data/`.
pub static MODEL: LazyLock<Model> = LazyLock::new(|| Model::parse(MODEL_TSV));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_hash_case_insensitively() {
        let mut a = Feats::default();
        let mut b = Feats::default();
        a.add("v", "Said");
        b.add("v", "said");
        assert_eq!(a.as_slice(), b.as_slice());
    }

    #[test]
    fn model_file_parses_weights_and_threshold() {
        let mut f = Feats::default();
        f.add("v", "x");
        let h = f.as_slice()[0];
        let m = Model::parse(&format!("# c\nthreshold\t0.5\nslotmax\t1\t2.5\n{h:016x}\t1.25\n"));
        assert_eq!(m.threshold, 0.5);
        assert_eq!(m.score(&f), 1.25);
        assert_eq!(m.slot_max(1), 2.5);
    }
}
