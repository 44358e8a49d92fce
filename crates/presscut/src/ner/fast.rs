//! Emission scores for the compact [`Model`], with the work that repeats within a document done
//! once: a word form's own features and its features as a neighbour are summed once per form,
//! the shape-context features once per shape trigram, and the small templates (gazetteer bits,
//! casing evidence, label history) come from tables filled on first use. The features are those
//! of [`Doc::features`] and the sums are exact integers, so the scores equal the generic ones.

use super::doc::Doc;
use super::features::{self, Atom, BOS, EOS, key1, key2, key3, tpl};
use super::gazetteer::cat;
use super::labels::L;
use super::model::{Model, Row};

/// Form ids of the sentence boundaries (never looked up by word).
const BOS_FORM: u32 = 0;
const EOS_FORM: u32 = 1;
const NO_FORM: u32 = u32::MAX;

/// What a word form contributes wherever it occurs; `have` says which parts are summed.
#[derive(Clone, Copy, Default)]
struct Form {
    have: u8,
    own: Row,
    /// as the token before the scored one (WM1, SM1)
    left: Row,
    /// as the token after it (WP1, SP1)
    right: Row,
}

const OWN: u8 = 1;
const LEFT: u8 = 2;
const RIGHT: u8 = 4;

/// Slots of the direct-mapped shape-context memo.
const SHAPE_MEMO: usize = 1024;

/// Offsets of the small templates in [`Memo::small`].
const GAZ0: usize = 0;
const GAZM1: usize = 64;
const GAZP1: usize = 128;
const RUN_HEAD: usize = 192;
const EVID: usize = 256; // 4 codes × 3 positions × 3 sentence kinds
const HIST: usize = EVID + 36; // 5 labels
const HIST_MAJ: usize = HIST + 5; // 5 labels × majority or not
const SMALL: usize = HIST_MAJ + 10;

/// Per-document memo of partial scores (reused between documents, reset by [`Memo::reset`]).
#[allow(missing_debug_implementations)] // caches; nothing useful to print
pub struct Memo {
    forms: Vec<Form>,
    /// per token: its form, for tokens the model reads (active ones and their neighbours)
    tok_form: Vec<u32>,
    shape_keys: Vec<u64>,
    shape_rows: Vec<Row>,
    small: Vec<Option<Row>>,
}

impl Default for Memo {
    fn default() -> Self {
        Memo {
            forms: Vec::new(),
            tok_form: Vec::new(),
            shape_keys: vec![0; SHAPE_MEMO],
            shape_rows: vec![[0; 16]; SHAPE_MEMO],
            small: vec![None; SMALL],
        }
    }
}

#[inline(always)]
fn add(acc: &mut Row, r: &Row) {
    for c in 0..acc.len() {
        acc[c] = acc[c].wrapping_add(r[c]);
    }
}

/// Scores of a row: quantised sums times the model's scale.
#[inline(always)]
pub fn scaled(m: &Model, r: &Row) -> [f32; L] {
    let s = m.scale();
    std::array::from_fn(|c| f32::from(r[c]) * s)
}

#[inline]
fn for_bits(mut m: u64, mut f: impl FnMut(usize)) {
    while m != 0 {
        f(m.trailing_zeros() as usize);
        m &= m - 1;
    }
}

impl Memo {
    /// Forget the previous document (and model) and give every token the model will read a
    /// form id.
    pub fn reset(&mut self, doc: &Doc) {
        self.forms.clear();
        // a word form is a word type of the document; two boundary forms come first
        self.forms.resize(doc.n_types + 2, Form::default());
        self.shape_keys.fill(0);
        self.small.fill(None);
        let n = doc.tokens.len();
        self.tok_form.clear();
        self.tok_form.resize(n, NO_FORM);
        for i in 0..n {
            let near = doc.active[i]
                || (i > 0 && doc.active[i - 1])
                || doc.active.get(i + 1).copied().unwrap_or(false);
            if near {
                self.tok_form[i] = doc.tokens[i].ty + 2;
            }
        }
    }

    /// Summed weights of a small template entry `slot` whose feature key is `key()`.
    #[inline]
    fn small(&mut self, m: &Model, slot: usize, key: impl FnOnce() -> u64) -> Row {
        *self.small[slot].get_or_insert_with(|| {
            let mut r = [0; 16];
            m.add_to(key(), &mut r);
            r
        })
    }

    /// The features of token `i` that depend only on its own text (see
    /// [`features::word_features`]), summed.
    pub fn own(&mut self, m: &Model, doc: &Doc, i: usize) -> Row {
        let f = &mut self.forms[self.tok_form[i] as usize];
        if f.have & OWN == 0 {
            let mut r = [0; 16];
            let text = doc.tokens[i].text(doc.text);
            features::word_features(&doc.atoms[i], text, |_, k| m.add_to(k, &mut r));
            f.own = r;
            f.have |= OWN;
        }
        f.own
    }

    /// A word form's features as a neighbour of the scored token, summed: as the token before
    /// it (`LEFT`: WM1, SM1) or after it (`RIGHT`: WP1, SP1).
    #[inline]
    fn neighbour<const SIDE: u8>(&mut self, m: &Model, id: u32, a: &Atom) -> Row {
        let f = &mut self.forms[id as usize];
        let (row, word, shape) = if SIDE == LEFT {
            (&mut f.left, tpl::WM1, tpl::SM1)
        } else {
            (&mut f.right, tpl::WP1, tpl::SP1)
        };
        if f.have & SIDE == 0 {
            let mut r = [0; 16];
            m.add_to(key1(word, a.word), &mut r);
            m.add_to(key1(shape, a.shape), &mut r);
            *row = r;
            f.have |= SIDE;
        }
        *row
    }

    /// The shape-context features: SM1S0, S0SP1, SM1S0SP1, POS_S0 and (in headlines) CAPS_S0.
    #[inline]
    fn shapes(&mut self, m: &Model, sh: [u64; 3], pos: u64, headline: u64) -> Row {
        let [sm1, s0, sp1] = sh;
        let key = key3(pos | headline << 2, sm1, s0, sp1) | 1;
        let slot = key as usize & (SHAPE_MEMO - 1);
        if self.shape_keys[slot] != key {
            let mut r = [0; 16];
            m.add_to(key2(tpl::SM1S0, sm1, s0), &mut r);
            m.add_to(key2(tpl::S0SP1, s0, sp1), &mut r);
            m.add_to(key3(tpl::SM1S0SP1, sm1, s0, sp1), &mut r);
            m.add_to(key3(tpl::POS_S0, pos, s0, headline), &mut r);
            if headline != 0 {
                m.add_to(key2(tpl::CAPS_S0, headline, s0), &mut r);
            }
            self.shape_keys[slot] = key;
            self.shape_rows[slot] = r;
        }
        self.shape_rows[slot]
    }

    /// The features of token `i` (of sentence `s`) from its context and the document's casing
    /// evidence (see [`features::context_features`]), summed.
    pub fn context(&mut self, m: &Model, doc: &Doc, s: usize, i: usize) -> Row {
        let (a, b) = doc.sents[s];
        let atoms = &doc.atoms[a..b];
        let li = i - a;
        let a0 = &atoms[li];
        let (am1, fm1) =
            if li > 0 { (&atoms[li - 1], self.tok_form[i - 1]) } else { (&BOS, BOS_FORM) };
        let (ap1, fp1) = if li + 1 < atoms.len() {
            (&atoms[li + 1], self.tok_form[i + 1])
        } else {
            (&EOS, EOS_FORM)
        };
        let headline = doc.sent_info[s].headline;
        let h = u64::from(headline);
        let pos = if a0.flags & crate::doc::flags::CLAUSE_START != 0 {
            1
        } else if li == 0 {
            2
        } else {
            0
        };
        let mut acc = self.neighbour::<LEFT>(m, fm1, am1);
        add(&mut acc, &self.neighbour::<RIGHT>(m, fp1, ap1));
        add(&mut acc, &self.shapes(m, [am1.shape, a0.shape, ap1.shape], pos, h));
        m.add_to(key2(tpl::WM1W0, am1.word, a0.word), &mut acc);
        m.add_to(key2(tpl::W0WP1, a0.word, ap1.word), &mut acc);
        m.add_to(key2(tpl::WM1S0, am1.word, a0.shape), &mut acc);
        m.add_to(key2(tpl::S0WP1, a0.shape, ap1.word), &mut acc);
        if headline != 0 {
            m.add_to(key2(tpl::CAPS_W0, h, a0.word), &mut acc);
        }
        // the run of capitalised words around this token
        let r = doc.runs[i];
        if r.first <= r.last {
            let (first, last) = (r.first as usize, r.last as usize);
            if li != last {
                m.add_to(key1(tpl::RUN_LAST, atoms[last].word), &mut acc);
                let heads = doc.gaz[a + last] & cat::HEADS;
                for_bits(heads, |bit| {
                    let row = self.small(m, RUN_HEAD + bit, || key1(tpl::RUN_HEAD, bit as u64));
                    add(&mut acc, &row);
                });
                let next = atoms.get(last + 1).unwrap_or(&EOS);
                m.add_to(key1(tpl::RUN_NEXT, next.word), &mut acc);
            }
            if li != first {
                m.add_to(key1(tpl::RUN_FIRST, atoms[first].word), &mut acc);
                let prev = if first > 0 { &atoms[first - 1] } else { &BOS };
                m.add_to(key1(tpl::RUN_PREV, prev.word), &mut acc);
            }
        }
        // gazetteer matches on this token and its neighbours
        let g0 = doc.gaz[i];
        let gm1 = if li > 0 { doc.gaz[i - 1] } else { 0 };
        let gp1 = if li + 1 < atoms.len() { doc.gaz[i + 1] } else { 0 };
        for_bits(g0, |bit| {
            let row = self.small(m, GAZ0 + bit, || key1(tpl::GAZ0, bit as u64));
            add(&mut acc, &row);
            m.add_to(key2(tpl::GAZ0_S0, bit as u64, a0.shape), &mut acc);
        });
        for_bits(gm1, |bit| {
            add(&mut acc, &self.small(m, GAZM1 + bit, || key1(tpl::GAZM1, bit as u64)));
        });
        for_bits(gp1, |bit| {
            add(&mut acc, &self.small(m, GAZP1 + bit, || key1(tpl::GAZP1, bit as u64)));
        });
        // document-level casing evidence
        let ev = doc.evidence_code(i);
        if ev != 0 {
            let slot = EVID + usize::from(ev) * 9 + pos as usize * 3 + usize::from(headline);
            add(&mut acc, &self.small(m, slot, || key3(tpl::EVID, u64::from(ev), pos, h)));
        }
        acc
    }

    /// The label-history features of token `i` (see [`features::hist_features`]), summed.
    pub fn history(&mut self, m: &Model, doc: &Doc, i: usize) -> Row {
        let mut acc = [0; 16];
        if !doc.has_history(i) {
            return acc;
        }
        let hist = doc.hist(i);
        let total: u32 = hist.iter().map(|&c| u32::from(c)).sum();
        if total == 0 {
            return acc;
        }
        let mut best = 0;
        for (k, &c) in hist.iter().enumerate() {
            if c > 0 {
                add(&mut acc, &self.small(m, HIST + k, || key1(tpl::HIST, k as u64)));
            }
            if c > hist[best] {
                best = k;
            }
        }
        let maj = u64::from(2 * u32::from(hist[best]) > total);
        let slot = HIST_MAJ + best * 2 + maj as usize;
        add(&mut acc, &self.small(m, slot, || key2(tpl::HIST_MAJ, best as u64, maj)));
        m.add_to(key2(tpl::HIST_S0, best as u64, doc.atoms[i].shape), &mut acc);
        acc
    }
}
