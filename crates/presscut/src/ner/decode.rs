//! First-order Viterbi decoding over BIO labels, with the BIO constraint (an I- label only after
//! a B- or I- of its type) built in.

use super::labels::{L, O, is_inside, label_type};

/// Transition scores: `trans[prev][cur]`, plus `start[cur]` for the first token.
#[derive(Clone, Debug)]
pub struct Transitions {
    pub trans: [[f32; L]; L],
    pub start: [f32; L],
}

impl Default for Transitions {
    fn default() -> Self {
        Transitions { trans: [[0.0; L]; L], start: [0.0; L] }
    }
}

/// Is `prev → cur` allowed by BIO?
#[inline]
pub fn allowed(prev: u8, cur: u8) -> bool {
    !is_inside(cur) || (prev != O && label_type(prev) == label_type(cur))
}

/// Score rows as three 4-lane groups (twelve lanes, the three past `L` at -inf): the forward
/// step then compiles to a few vector instructions per previous label.
type Quad = [f32; 4];
type Lanes = [Quad; 3];

const NEG: Lanes = [[f32::NEG_INFINITY; 4]; 3];

#[inline(always)]
fn lane(v: &Lanes, c: usize) -> f32 {
    v[c / 4][c % 4]
}

/// Transitions with the BIO constraint folded in (forbidden ones, and the padding, at -inf).
fn masked(tr: &Transitions) -> [Lanes; L] {
    let mut tm = [NEG; L];
    for (p, row) in tm.iter_mut().enumerate() {
        for c in 0..L {
            if allowed(p as u8, c as u8) {
                row[c / 4][c % 4] = tr.trans[p][c];
            }
        }
    }
    tm
}

/// One forward step: for each label, the best score of a path reaching it from `score`.
/// (Kept out of line: inlined, the optimiser shuffles the lanes instead of loading them.)
#[inline(never)]
fn step(tm: &[Lanes; L], score: &Lanes) -> Lanes {
    let mut best = NEG;
    for (p, t) in tm.iter().enumerate() {
        let sp = lane(score, p);
        for (b, t) in best.iter_mut().zip(t) {
            for c in 0..4 {
                let s = sp + t[c];
                b[c] = if s > b[c] { s } else { b[c] };
            }
        }
    }
    best
}

/// Transitions prepared for decoding (see [`Viterbi::decode_with`]).
#[derive(Clone, Debug)]
pub struct Prepared {
    tm: [Lanes; L],
    start: [f32; L],
}

impl Prepared {
    pub fn new(tr: &Transitions) -> Prepared {
        Prepared { tm: masked(tr), start: tr.start }
    }
}

/// Scratch space reused between calls.
#[derive(Default, Debug)]
pub struct Viterbi {
    /// per token: best score of a path ending in each label
    scores: Vec<Lanes>,
}

impl Viterbi {
    /// Best label sequence for `emit` (one score row per token) into `out`.
    #[cfg(any(test, feature = "train"))]
    pub fn decode(&mut self, emit: &[[f32; L]], tr: &Transitions, out: &mut Vec<u8>) {
        self.decode_with(emit, &Prepared::new(tr), out);
    }

    /// [`Viterbi::decode`] with the transitions prepared once for many calls. The forward pass
    /// keeps only the best scores; the backward pass finds each step's best previous label
    /// again (the first in index order among equals), for the one label it follows.
    pub fn decode_with(&mut self, emit: &[[f32; L]], tr: &Prepared, out: &mut Vec<u8>) {
        out.clear();
        let n = emit.len();
        if n == 0 {
            return;
        }
        let tm = &tr.tm;
        self.scores.clear();
        let mut score = NEG;
        for c in 0..L {
            if !is_inside(c as u8) {
                score[c / 4][c % 4] = tr.start[c] + emit[0][c];
            }
        }
        self.scores.push(score);
        for row in &emit[1..] {
            let best = step(tm, &score);
            for c in 0..L {
                score[c / 4][c % 4] = lane(&best, c) + row[c];
            }
            self.scores.push(score);
        }
        let mut cur = 0;
        for c in 1..L {
            if lane(&score, c) > lane(&score, cur) {
                cur = c;
            }
        }
        out.resize(n, O);
        for i in (1..n).rev() {
            out[i] = cur as u8;
            let prev = &self.scores[i - 1];
            let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
            for (p, t) in tm.iter().enumerate() {
                let s = lane(prev, p) + lane(t, cur);
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            cur = arg;
        }
        out[0] = cur as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decoder as first written: back pointers kept for every label at every step.
    fn reference(emit: &[[f32; L]], tr: &Transitions) -> Vec<u8> {
        let tm = masked(tr);
        let tm: [[f32; L]; L] = std::array::from_fn(|p| std::array::from_fn(|c| lane(&tm[p], c)));
        let n = emit.len();
        let mut back = vec![[0u8; L]; n];
        let mut score = [f32::NEG_INFINITY; L];
        for c in 0..L {
            if !is_inside(c as u8) {
                score[c] = tr.start[c] + emit[0][c];
            }
        }
        for i in 1..n {
            let mut best = [f32::NEG_INFINITY; L];
            for p in 0..L {
                for c in 0..L {
                    let s = score[p] + tm[p][c];
                    if s > best[c] {
                        best[c] = s;
                        back[i][c] = p as u8;
                    }
                }
            }
            for c in 0..L {
                score[c] = best[c] + emit[i][c];
            }
        }
        let mut cur = (1..L).fold(0, |b, c| if score[c] > score[b] { c } else { b }) as u8;
        let mut out = vec![O; n];
        for i in (0..n).rev() {
            out[i] = cur;
            cur = back[i][cur as usize];
        }
        out
    }

    #[test]
    fn finding_back_pointers_on_the_way_back_changes_no_decision() {
        // a small deterministic generator; coarse values make ties frequent
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 7) as f32 - 3.0
        };
        let mut v = Viterbi::default();
        let mut out = Vec::new();
        for len in 1..12 {
            for _ in 0..200 {
                let mut tr = Transitions::default();
                for p in 0..L {
                    tr.start[p] = next();
                    for c in 0..L {
                        tr.trans[p][c] = next();
                    }
                }
                let emit: Vec<[f32; L]> =
                    (0..len).map(|_| std::array::from_fn(|_| next())).collect();
                v.decode(&emit, &tr, &mut out);
                assert_eq!(out, reference(&emit, &tr));
            }
        }
    }
}
