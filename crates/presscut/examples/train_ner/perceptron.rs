//! Averaged structured perceptron over the tagger's hashed features (training only).

use presscut::devtools::ner::decode::{Transitions, Viterbi};
use presscut::devtools::ner::doc::Doc;

use presscut::devtools::ner::labels::L;
use presscut::devtools::ner::model::Weights;

/// Float weights (current or averaged) usable by the tagger.
#[derive(Default, Clone)]
pub struct FloatWeights {
    /// feature templates left out (bit per template id), for ablations
    pub drop: u128,
    pub index: rustc_hash::FxHashMap<u64, u32>,
    pub w: Vec<[f32; L]>,
    pub tr: Transitions,
}

impl Weights for FloatWeights {
    fn transitions(&self) -> &Transitions {
        &self.tr
    }
    fn score(&self, feats: impl FnOnce(&mut dyn FnMut(u64, u64))) -> [f32; L] {
        let mut out = [0f32; L];
        feats(&mut |t, k| {
            if self.drop >> t & 1 != 0 {
                return;
            }
            if let Some(&ix) = self.index.get(&k) {
                let r = &self.w[ix as usize];
                for c in 0..L {
                    out[c] += r[c];
                }
            }
        });
        out
    }
}

/// The perceptron: current weights plus the running sums for averaging.
#[derive(Default)]
pub struct Perceptron {
    pub cur: FloatWeights,
    acc: Vec<[f32; L]>,
    acc_tr: Transitions,
    /// instances seen (starts at 1)
    pub c: f32,
    feats: Vec<u64>,
    offs: Vec<usize>,
    emit: Vec<[f32; L]>,
    pred: Vec<u8>,
    vit: Viterbi,
}

impl Perceptron {
    pub fn new() -> Self {
        Perceptron { c: 1.0, ..Default::default() }
    }

    fn row(&mut self, k: u64) -> usize {
        let n = self.cur.w.len() as u32;
        let ix = *self.cur.index.entry(k).or_insert(n);
        if ix == n {
            self.cur.w.push([0.0; L]);
            self.acc.push([0.0; L]);
        }
        ix as usize
    }

    /// Decode sentence `s` of `doc` with the current weights, update towards `gold`, and return
    /// the predicted labels (for the document's label history).
    pub fn train_sentence(&mut self, doc: &Doc, s: usize, gold: &[u8]) -> &[u8] {
        let (a, b) = doc.sents[s];
        self.feats.clear();
        self.offs.clear();
        self.emit.clear();
        for i in a..b {
            self.offs.push(self.feats.len());
            let feats = &mut self.feats;
            let drop = self.cur.drop;
            doc.features(s, i, |t, k| {
                if drop >> t & 1 == 0 {
                    feats.push(k);
                }
            });
        }
        self.offs.push(self.feats.len());
        for t in 0..b - a {
            let mut e = [0f32; L];
            for &k in &self.feats[self.offs[t]..self.offs[t + 1]] {
                if let Some(&ix) = self.cur.index.get(&k) {
                    let r = &self.cur.w[ix as usize];
                    for c in 0..L {
                        e[c] += r[c];
                    }
                }
            }
            self.emit.push(e);
        }
        let mut pred = std::mem::take(&mut self.pred);
        self.vit.decode(&self.emit, &self.cur.tr, &mut pred);
        if pred.as_slice() != gold {
            let c = self.c;
            for t in 0..b - a {
                let (g, p) = (gold[t] as usize, pred[t] as usize);
                if g != p {
                    for fi in self.offs[t]..self.offs[t + 1] {
                        let k = self.feats[fi];
                        let ix = self.row(k);
                        self.cur.w[ix][g] += 1.0;
                        self.cur.w[ix][p] -= 1.0;
                        self.acc[ix][g] += c;
                        self.acc[ix][p] -= c;
                    }
                }
                let (pg, pp) = if t == 0 {
                    (None, None)
                } else {
                    (Some(gold[t - 1] as usize), Some(pred[t - 1] as usize))
                };
                if (pg, g) != (pp, p) {
                    match pg {
                        None => {
                            self.cur.tr.start[g] += 1.0;
                            self.acc_tr.start[g] += c;
                        }
                        Some(q) => {
                            self.cur.tr.trans[q][g] += 1.0;
                            self.acc_tr.trans[q][g] += c;
                        }
                    }
                    match pp {
                        None => {
                            self.cur.tr.start[p] -= 1.0;
                            self.acc_tr.start[p] -= c;
                        }
                        Some(q) => {
                            self.cur.tr.trans[q][p] -= 1.0;
                            self.acc_tr.trans[q][p] -= c;
                        }
                    }
                }
            }
        }
        self.c += 1.0;
        self.pred = pred;
        &self.pred
    }

    /// The averaged weights.
    pub fn averaged(&self) -> FloatWeights {
        let c = self.c;
        let mut out = self.cur.clone();
        for (w, a) in out.w.iter_mut().zip(&self.acc) {
            for k in 0..L {
                w[k] -= a[k] / c;
            }
        }
        for p in 0..L {
            out.tr.start[p] -= self.acc_tr.start[p] / c;
            for q in 0..L {
                out.tr.trans[p][q] -= self.acc_tr.trans[p][q] / c;
            }
        }
        out
    }
}
