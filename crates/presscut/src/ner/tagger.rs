//! Tagging a prepared document sentence by sentence with any [`Weights`]: emission scores for
//! the tokens that can hold an entity, Viterbi over each stretch of them, and the label history
//! fed back for later sentences.

use super::NerType;
use super::decode::{Prepared, Viterbi};
use super::doc::Doc;
use super::fast;
use super::features;
use super::labels::{self, L, O};
use super::model::Weights;

/// How far (in tokens) from a capitalised word, digit or gazetteer hit the model still looks;
/// `None` runs it on every token.
pub const DEFAULT_RADIUS: Option<usize> = Some(1);

/// Whether [`tag_doc`] makes a second pass by default.
pub const DEFAULT_TWO_PASS: bool = true;

/// A stretch of active tokens decoded together: tokens `start..end` of one sentence; its
/// per-token values in [`Scratch`] start at `at`.
#[derive(Clone, Copy, Debug)]
struct Segment {
    start: usize,
    end: usize,
    at: usize,
}

/// Reusable buffers for [`tag_doc`].
#[derive(Default)]
#[allow(missing_debug_implementations)] // reusable buffers; nothing useful to print
pub struct Scratch {
    emit: Vec<[f32; L]>,
    labels: Vec<u8>,
    viterbi: Viterbi,
    /// stretches decoded in the first pass
    segments: Vec<Segment>,
    /// per active token (in segment order): scores of the features that do not depend on
    /// other labels, its label-history signature in the first pass, and the margin of its
    /// label's score over the best other label
    static_scores: Vec<[f32; L]>,
    sig: Vec<u16>,
    margin: Vec<f32>,
    memo: WordMemo,
    /// partial scores of the compact model (see [`fast`])
    fast: fast::Memo,
    /// feature keys of the active tokens of one sentence, and where each token's end
    keys: Vec<(u64, u64)>,
    ends: Vec<usize>,
    context: Vec<[f32; L]>,
}

impl Scratch {
    /// The entities of the last tagged document (whose labels are `labels`), in text order:
    /// first token, end token, type, and the smallest margin of a token's label score over its
    /// best other label (see [`confidence`]).
    pub fn entities(&self, labels: &[u8], mut f: impl FnMut(usize, usize, NerType, f32)) {
        for seg in &self.segments {
            let margins = &self.margin[seg.at..seg.at + seg.end - seg.start];
            labels::chunks(&labels[seg.start..seg.end], |a, b, ty| {
                let least = margins[a..b].iter().fold(f32::INFINITY, |m, &x| m.min(x));
                f(seg.start + a, seg.start + b, ty, least);
            });
        }
    }
}

/// Scale of the emission-score margin in the confidence logistic (scores are perceptron sums).
const CONF_SCALE: f32 = 8.0;

/// Confidence in a label from the margin of its score over the best other label: a logistic
/// in 0..=1, increasing, so the least confident token of a span has the smallest margin.
pub fn confidence(margin: f32) -> f32 {
    1.0 / (1.0 + (-margin / CONF_SCALE).exp())
}

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
    let tr = Prepared::new(w.transitions());
    first_pass(w, &tr, doc, sc, out);
    if two_pass {
        doc.set_first_pass(out);
        second_pass(w, &tr, doc, sc, out);
    }
}

/// Decode the scores in `sc.emit` (the tokens of `seg`) into `out` and their margins.
fn decode(tr: &Prepared, sc: &mut Scratch, seg: Segment, out: &mut [u8]) {
    sc.viterbi.decode_with(&sc.emit, tr, &mut sc.labels);
    out[seg.start..seg.end].copy_from_slice(&sc.labels);
    let margins = &mut sc.margin[seg.at..seg.at + sc.emit.len()];
    for ((e, &l), m) in sc.emit.iter().zip(&sc.labels).zip(margins) {
        let mut other = f32::NEG_INFINITY;
        for (c, &x) in e.iter().enumerate() {
            if c != l as usize {
                other = if x > other { x } else { other };
            }
        }
        *m = e[l as usize] - other;
    }
}

#[inline]
fn add(a: [f32; L], b: [f32; L]) -> [f32; L] {
    std::array::from_fn(|c| a[c] + b[c])
}

fn first_pass<W: Weights>(
    w: &W,
    tr: &Prepared,
    doc: &mut Doc,
    sc: &mut Scratch,
    out: &mut Vec<u8>,
) {
    out.clear();
    out.resize(doc.tokens.len(), O);
    sc.segments.clear();
    sc.sig.clear();
    sc.static_scores.clear();
    sc.margin.clear();
    let compact = w.compact();
    match compact {
        Some(_) => sc.fast.reset(doc),
        // the memo must not outlive the weights it was filled with
        None => sc.memo.clear(),
    }
    for s in 0..doc.sents.len() {
        let (a, b) = doc.sents[s];
        if compact.is_none() {
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
        }
        let mut ctx = 0;
        let mut i = a;
        while i < b {
            if !doc.active[i] {
                i += 1;
                continue;
            }
            let at = sc.static_scores.len();
            let mut j = i;
            sc.emit.clear();
            while j < b && doc.active[j] {
                crate::cost::add(1);
                let st = if let Some(m) = compact {
                    let own = fast::scaled(m, &sc.fast.own(m, doc, j));
                    add(own, fast::scaled(m, &sc.fast.context(m, doc, s, j)))
                } else {
                    let a0 = &doc.atoms[j];
                    let own = sc.memo.get(features::word_key(a0), || {
                        w.score(|e| features::word_features(a0, doc.tokens[j].text(doc.text), e))
                    });
                    ctx += 1;
                    add(own, sc.context[ctx - 1])
                };
                let sig = doc.hist_signature(j);
                let h = if sig == 0 {
                    [0.0; L]
                } else if let Some(m) = compact {
                    fast::scaled(m, &sc.fast.history(m, doc, j))
                } else {
                    w.score(|e| doc.hist_features(j, e))
                };
                sc.static_scores.push(st);
                sc.sig.push(sig);
                sc.emit.push(add(st, h));
                j += 1;
            }
            sc.margin.resize(sc.static_scores.len(), 0.0);
            let seg = Segment { start: i, end: j, at };
            decode(tr, sc, seg, out);
            sc.segments.push(seg);
            i = j;
        }
        doc.record(s, &out[a..b]);
    }
}

fn second_pass<W: Weights>(w: &W, tr: &Prepared, doc: &Doc, sc: &mut Scratch, out: &mut [u8]) {
    let segments = std::mem::take(&mut sc.segments);
    let compact = w.compact();
    for &seg in &segments {
        let sigs = &sc.sig[seg.at..seg.at + seg.end - seg.start];
        if (seg.start..seg.end).zip(sigs).all(|(k, &sig)| doc.hist_signature(k) == sig) {
            continue;
        }
        sc.emit.clear();
        for k in seg.start..seg.end {
            let h = if doc.hist_signature(k) == 0 {
                [0.0; L]
            } else if let Some(m) = compact {
                fast::scaled(m, &sc.fast.history(m, doc, k))
            } else {
                w.score(|e| doc.hist_features(k, e))
            };
            sc.emit.push(add(sc.static_scores[seg.at + k - seg.start], h));
        }
        decode(tr, sc, seg, out);
    }
    sc.segments = segments;
}
