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

/// Scratch space reused between calls.
#[derive(Default, Debug)]
pub struct Viterbi {
    back: Vec<[u8; L]>,
}

impl Viterbi {
    /// Best label sequence for `emit` (one score row per token) into `out`.
    pub fn decode(&mut self, emit: &[[f32; L]], tr: &Transitions, out: &mut Vec<u8>) {
        out.clear();
        let n = emit.len();
        if n == 0 {
            return;
        }
        // transitions with the BIO constraint folded in, so the inner loop has no branches
        let mut tm = tr.trans;
        for (p, row) in tm.iter_mut().enumerate() {
            for (c, x) in row.iter_mut().enumerate() {
                if !allowed(p as u8, c as u8) {
                    *x = f32::NEG_INFINITY;
                }
            }
        }
        self.back.clear();
        self.back.resize(n, [0; L]);
        let mut score = [f32::NEG_INFINITY; L];
        for c in 0..L {
            if !is_inside(c as u8) {
                score[c] = tr.start[c] + emit[0][c];
            }
        }
        for (i, row) in emit.iter().enumerate().skip(1) {
            let mut best = [f32::NEG_INFINITY; L];
            let mut arg = [0u8; L];
            for p in 0..L {
                let sp = score[p];
                for c in 0..L {
                    let s = sp + tm[p][c];
                    if s > best[c] {
                        best[c] = s;
                        arg[c] = p as u8;
                    }
                }
            }
            for c in 0..L {
                score[c] = best[c] + row[c];
            }
            self.back[i] = arg;
        }
        let mut best = 0;
        for c in 1..L {
            if score[c] > score[best] {
                best = c;
            }
        }
        out.resize(n, O);
        let mut cur = best as u8;
        for i in (0..n).rev() {
            out[i] = cur;
            cur = self.back[i][cur as usize];
        }
    }
}
