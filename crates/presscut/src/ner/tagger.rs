//! Tagging a prepared document sentence by sentence with any [`Weights`]: emission scores for
//! the tokens that can hold an entity, Viterbi over each stretch of them, and the label history
//! fed back for later sentences.

use super::decode::Viterbi;
use super::doc::Doc;
use super::features;
use super::labels::{L, O};
use super::model::Weights;

/// How far (in tokens) from a capitalised word, digit or gazetteer hit the model still looks;
/// `None` runs it on every token.
pub const DEFAULT_RADIUS: Option<usize> = Some(1);

/// Whether [`tag_doc`] makes a second pass by default.
pub const DEFAULT_TWO_PASS: bool = true;

/// Reusable buffers for [`tag_doc`].
#[derive(Default)]
#[allow(missing_debug_implementations)] // reusable buffers; nothing useful to print
pub struct Scratch {
    emit: Vec<[f32; L]>,
    labels: Vec<u8>,
    viterbi: Viterbi,
    /// stretches decoded in the first pass: (sentence, first token, end token)
    segments: Vec<(usize, usize, usize)>,
    /// per token: scores of the features that do not depend on other labels
    static_scores: Vec<[f32; L]>,
    /// per token: label-history signature in the first pass
    sig: Vec<u16>,
    memo: WordMemo,
    /// feature keys of the active tokens of one sentence, and where each token's end
    keys: Vec<(u64, u64)>,
    ends: Vec<usize>,
    context: Vec<[f32; L]>,
    /// per token: confidence in its label (see [`Scratch::confidence`])
    conf: Vec<f32>,
}

impl Scratch {
    /// Per token of the last tagged document: how clearly its own scores prefer the label it
    /// got, in 0..=1 (a logistic of the margin over the best other label; 1 for inactive
    /// tokens, which are O by construction).
    pub fn confidence(&self) -> &[f32] {
        &self.conf
    }
}

/// Scale of the emission-score margin in the confidence logistic (scores are perceptron sums).
const CONF_SCALE: f32 = 8.0;

/// A small direct-mapped cache of word-feature scores (word form → scores): common words
/// recur in a document, and their own features are the same every time.
struct WordMemo {
    keys: Vec<u64>,
    vals: Vec<[f32; L]>,
}

const MEMO_SIZE: usize = 2048;

impl Default for WordMemo {
    fn default() -> Self {
        WordMemo { keys: vec![0; MEMO_SIZE], vals: vec![[0.0; L]; MEMO_SIZE] }
    }
}

impl WordMemo {
    #[inline]
    fn get(&mut self, key: u64, compute: impl FnOnce() -> [f32; L]) -> [f32; L] {
        let key = key | 1; // 0 marks an empty slot
        let i = key as usize & (MEMO_SIZE - 1);
        if self.keys[i] != key {
            self.vals[i] = compute();
            self.keys[i] = key;
        }
        self.vals[i]
    }

    fn clear(&mut self) {
        self.keys.fill(0);
    }
}

/// Label every token of `doc` (one label per token into `out`; tokens outside `doc.active`
/// are O). With `two_pass`, stretches whose words were labelled elsewhere in the document are
/// tagged again with that evidence (one sense per discourse, looking ahead as well as back);
/// only the label-history part of their scores is computed again.
pub fn tag_doc<W: Weights>(
    w: &W,
    doc: &mut Doc,
    two_pass: bool,
    sc: &mut Scratch,
    out: &mut Vec<u8>,
) {
    first_pass(w, doc, sc, out);
    if two_pass {
        doc.set_first_pass(out);
        second_pass(w, doc, sc, out);
    }
}

fn decode(w: &impl Weights, sc: &mut Scratch, i: usize, out: &mut [u8]) {
    sc.viterbi.decode(&sc.emit, w.transitions(), &mut sc.labels);
    out[i..i + sc.labels.len()].copy_from_slice(&sc.labels);
    for (k, (e, &l)) in sc.emit.iter().zip(&sc.labels).enumerate() {
        let other = e
            .iter()
            .enumerate()
            .filter(|&(c, _)| c != l as usize)
            .fold(f32::NEG_INFINITY, |m, (_, &x)| m.max(x));
        sc.conf[i + k] = 1.0 / (1.0 + (-(e[l as usize] - other) / CONF_SCALE).exp());
    }
}

#[inline]
fn add(a: [f32; L], b: [f32; L]) -> [f32; L] {
    std::array::from_fn(|c| a[c] + b[c])
}

fn first_pass<W: Weights>(w: &W, doc: &mut Doc, sc: &mut Scratch, out: &mut Vec<u8>) {
    out.clear();
    out.resize(doc.tokens.len(), O);
    sc.segments.clear();
    sc.sig.clear();
    sc.sig.resize(doc.tokens.len(), 0);
    sc.static_scores.clear();
    sc.static_scores.resize(doc.tokens.len(), [0.0; L]);
    sc.conf.clear();
    sc.conf.resize(doc.tokens.len(), 1.0);
    // the memo must not outlive the weights it was filled with
    sc.memo.clear();
    for s in 0..doc.sents.len() {
        let (a, b) = doc.sents[s];
        // context features of all active tokens of the sentence in one batch
        sc.keys.clear();
        sc.ends.clear();
        sc.context.clear();
        for j in a..b {
            if doc.active[j] {
                let keys = &mut sc.keys;
                doc.context_features(s, j, |t, k| keys.push((t, k)));
                sc.ends.push(sc.keys.len());
            }
        }
        w.score_batch(&sc.keys, &sc.ends, &mut sc.context);
        let mut ctx = 0;
        let mut i = a;
        while i < b {
            if !doc.active[i] {
                i += 1;
                continue;
            }
            let mut j = i;
            sc.emit.clear();
            while j < b && doc.active[j] {
                let a0 = &doc.atoms[j];
                let own = sc.memo.get(features::word_key(a0), || {
                    w.score(|e| features::word_features(a0, doc.tokens[j].text(doc.text), e))
                });
                let st = add(own, sc.context[ctx]);
                ctx += 1;
                sc.static_scores[j] = st;
                sc.sig[j] = doc.hist_signature(j);
                let h =
                    if sc.sig[j] != 0 { w.score(|e| doc.hist_features(j, e)) } else { [0.0; L] };
                sc.emit.push(add(st, h));
                j += 1;
            }
            decode(w, sc, i, out);
            sc.segments.push((s, i, j));
            i = j;
        }
        doc.record(s, &out[a..b]);
    }
}

fn second_pass<W: Weights>(w: &W, doc: &Doc, sc: &mut Scratch, out: &mut [u8]) {
    let segments = std::mem::take(&mut sc.segments);
    for &(_, i, j) in &segments {
        if (i..j).all(|k| doc.hist_signature(k) == sc.sig[k]) {
            continue;
        }
        sc.emit.clear();
        for k in i..j {
            let h = if doc.hist_signature(k) != 0 {
                w.score(|e| doc.hist_features(k, e))
            } else {
                [0.0; L]
            };
            sc.emit.push(add(sc.static_scores[k], h));
        }
        decode(w, sc, i, out);
    }
    sc.segments = segments;
}
