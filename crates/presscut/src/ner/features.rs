//! Hashed features for the tagger: per-token "atoms" (lower-cased word, shape, affixes) computed
//! once without allocating, combined into 64-bit feature keys by feature templates.

#[cfg(any(test, feature = "train"))]
use crate::doc::Token;
use crate::doc::flags;

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;

/// Mix one value into a running hash.
#[inline(always)]
pub fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(K1).rotate_left(31)
}

/// Final avalanche (so that low bits index tables well).
#[inline(always)]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(K2);
    h ^= h >> 29;
    h
}

/// Number of affix lengths hashed (1..=AFFIXES characters).
pub const AFFIXES: usize = 4;

/// What the features know about one token, computed once per token.
#[derive(Clone, Copy, Debug, Default)]
pub struct Atom {
    /// lower-cased word, digits folded to `0`
    pub word: u64,
    /// collapsed character-class shape (`Xx`, `X.X.`, `d-d`)
    pub shape: u64,
    /// token flags (copied, with the sentence start)
    pub flags: u32,
    /// length class: 1, 2, 3, 4-5, 6-8, 9+ chars
    pub len: u8,
}

/// Character class for shapes.
#[inline]
fn class(c: char) -> u64 {
    if c.is_ascii() {
        match c {
            'A'..='Z' => u64::from(b'X'),
            'a'..='z' => u64::from(b'x'),
            '0'..='9' => u64::from(b'd'),
            _ => c as u64,
        }
    } else if crate::lexicon::is_general_punctuation(c) {
        u64::from(b'o')
    } else if c.is_uppercase() {
        u64::from(b'X')
    } else if c.is_lowercase() || c.is_alphabetic() {
        u64::from(b'x')
    } else if c.is_numeric() {
        u64::from(b'd')
    } else {
        u64::from(b'o')
    }
}

/// Mix the lower-cased, digit-folded form of `c` into `h` (apostrophes folded when `fold_apos`).
#[inline(always)]
fn mix_char(mut h: u64, c: char, fold_apos: bool) -> u64 {
    if c.is_ascii() {
        let b = if c.is_ascii_digit() { b'0' } else { (c as u8).to_ascii_lowercase() };
        mix(h, u64::from(b))
    } else if fold_apos && !crate::lexicon::is_general_punctuation(c) && c.is_numeric() {
        mix(h, u64::from(b'0'))
    } else if fold_apos && matches!(c, '’' | 'ʼ' | '‘') {
        mix(h, u64::from(b'\''))
    } else {
        for l in c.to_lowercase() {
            h = mix(h, l as u64);
        }
        h
    }
}

/// Byte → the byte a word hash mixes for it (ASCII: lower case, digits as `0`).
static FOLD: [u8; 128] = ascii_table(false);

/// Byte → its shape class (ASCII: `X`, `x`, `d`, else itself).
static CLASS: [u8; 128] = ascii_table(true);

/// The table of [`FOLD`] (`shape` false) or [`CLASS`] (`shape` true).
const fn ascii_table(shape: bool) -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match (b as u8, shape) {
            (b'0'..=b'9', false) => b'0',
            (c, false) => c.to_ascii_lowercase(),
            (b'A'..=b'Z', true) => b'X',
            (b'a'..=b'z', true) => b'x',
            (b'0'..=b'9', true) => b'd',
            (c, true) => c,
        };
        b += 1;
    }
    t
}

/// Running shape hash: collapsed character classes (see [`Atom::shape`]).
struct Shape {
    h: u64,
    last: u64,
    run: u32,
    len: u32,
}

impl Shape {
    const fn new() -> Shape {
        Shape { h: K1, last: 0, run: 0, len: 0 }
    }

    #[inline(always)]
    fn push(&mut self, cl: u64) {
        if cl == self.last {
            self.run += 1;
            // keep up to two of a kind for short tokens (`Xx` vs `XX` vs `X`)
            if self.run == 2 && self.len < 8 && (cl == u64::from(b'X') || cl == u64::from(b'd')) {
                self.h = mix(self.h, cl | 0x100);
                self.len += 1;
            }
        } else {
            self.last = cl;
            self.run = 1;
            if self.len < 8 {
                self.h = mix(self.h, cl);
            } else if self.len == 8 {
                self.h = mix(self.h, 0x7F);
            }
            self.len += 1;
        }
    }
}

/// Length class of a token of `n` chars.
#[inline]
fn len_class(n: usize) -> u8 {
    match n {
        0..=3 => n as u8,
        4..=5 => 4,
        6..=8 => 5,
        _ => 6,
    }
}

/// Compute the atom of the token text `s`.
pub fn atom(s: &str, tflags: u32) -> Atom {
    let mut h = K2;
    let mut shape = Shape::new();
    if s.is_ascii() {
        for &b in s.as_bytes() {
            let b = usize::from(b & 0x7F);
            h = mix(h, u64::from(FOLD[b]));
            shape.push(u64::from(CLASS[b]));
        }
        return Atom { word: h, shape: shape.h, flags: tflags, len: len_class(s.len()) };
    }
    let mut n = 0usize;
    for c in s.chars() {
        h = mix_char(h, c, true);
        n += 1;
        shape.push(class(c));
    }
    Atom { word: h, shape: shape.h, flags: tflags, len: len_class(n) }
}

/// Hashes of the prefixes and suffixes of 1..=AFFIXES chars of `s` that are shorter than the
/// word itself (0 where there is none).
fn affixes(s: &str) -> ([u64; AFFIXES], [u64; AFFIXES]) {
    let (mut pre, mut suf) = ([0u64; AFFIXES], [0u64; AFFIXES]);
    if s.is_ascii() {
        let b = s.as_bytes();
        let take = AFFIXES.min(b.len().saturating_sub(1));
        let (mut hp, mut hs) = (K2, K1 ^ 0x55);
        for k in 0..take {
            hp = mix(hp, u64::from(FOLD[usize::from(b[k] & 0x7F)]));
            pre[k] = hp;
            hs = mix(hs, u64::from(FOLD[usize::from(b[b.len() - 1 - k] & 0x7F)]));
            suf[k] = hs;
        }
        return (pre, suf);
    }
    let take = AFFIXES.min(s.chars().count().saturating_sub(1));
    let mut h = K2;
    for (k, c) in s.chars().take(take).enumerate() {
        h = mix_char(h, c, true);
        pre[k] = h;
    }
    let mut h = K1 ^ 0x55;
    for (k, c) in s.chars().rev().take(take).enumerate() {
        h = mix_char(h, c, false);
        suf[k] = h;
    }
    (pre, suf)
}

/// Atoms for all tokens of a text.
#[cfg(any(test, feature = "train"))]
pub fn atoms_into(text: &str, tokens: &[Token], out: &mut Vec<Atom>) {
    out.clear();
    out.extend(tokens.iter().map(|t| atom(t.text(text), t.flags)));
}

/// The atom standing for positions before the start / after the end of a sentence.
pub const BOS: Atom = Atom { word: 0xB05, shape: 0xB05, flags: 0, len: 0 };
pub const EOS: Atom = Atom { word: 0xE05, shape: 0xE05, flags: 0, len: 0 };

/// Feature template ids (the first value mixed into a key).
#[allow(missing_docs)]
pub mod tpl {
    pub const BIAS: u64 = 1;
    pub const W0: u64 = 2;
    pub const WM1: u64 = 3;
    pub const WP1: u64 = 4;
    pub const PRE: u64 = 7;
    pub const SUF: u64 = 11;
    pub const S0: u64 = 20;
    pub const SM1: u64 = 21;
    pub const SP1: u64 = 22;
    pub const SM1S0: u64 = 25;
    pub const S0SP1: u64 = 26;
    pub const SM1S0SP1: u64 = 27;
    pub const WM1W0: u64 = 28;
    pub const W0WP1: u64 = 29;
    pub const POS_S0: u64 = 30;
    pub const CAPS_S0: u64 = 31;
    pub const CAPS_W0: u64 = 32;
    pub const WM1S0: u64 = 33;
    pub const S0WP1: u64 = 34;
    pub const LEN_S0: u64 = 35;
    pub const GAZ0: u64 = 40;
    pub const GAZM1: u64 = 41;
    pub const GAZP1: u64 = 42;
    pub const GAZ0_S0: u64 = 43;
    pub const EVID: u64 = 50;
    pub const HIST: u64 = 52;
    pub const HIST_MAJ: u64 = 53;
    pub const HIST_S0: u64 = 54;
    pub const RUN_LAST: u64 = 62;
    pub const RUN_NEXT: u64 = 63;
    pub const RUN_FIRST: u64 = 64;
    pub const RUN_PREV: u64 = 65;
    pub const RUN_HEAD: u64 = 66;
}

#[inline(always)]
pub fn key1(t: u64, a: u64) -> u64 {
    finish(mix(mix(K1, t), a))
}
#[inline(always)]
pub fn key2(t: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(mix(K1, t), a), b))
}
#[inline(always)]
pub fn key3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(mix(K1, t), a), b), c))
}

/// Sentence-level context for feature extraction.
#[derive(Clone, Copy, Debug, Default)]
pub struct SentInfo {
    /// 0 running text; 1 (mostly) in capitals: a headline or dateline; 2 every word
    /// capitalised (a title-case heading, a list of names): capitals say little there
    pub headline: u8,
}

/// Where a token sits in a run of capitalised words (`Bank of New England`): token indices
/// within the sentence, `first..last` inclusive; `first > last` means not in a run.
#[derive(Clone, Copy, Debug, Default)]
pub struct Run {
    pub first: u32,
    pub last: u32,
}

/// Emit the features that depend only on the token's own text (and so can be cached per word
/// form): bias, word, affixes, shape, length.
#[inline]
pub fn word_features(a0: &Atom, text: &str, mut emit: impl FnMut(u64, u64)) {
    emit(tpl::BIAS, key1(tpl::BIAS, 0));
    emit(tpl::W0, key1(tpl::W0, a0.word));
    // prefixes of 2..=4 chars, suffixes of 1..=4 (a one-letter prefix did not help)
    let (pre, suf) = affixes(text);
    for k in 0..AFFIXES {
        if k > 0 && pre[k] != 0 {
            emit(tpl::PRE + k as u64, key1(tpl::PRE + k as u64, pre[k]));
        }
        if suf[k] != 0 {
            emit(tpl::SUF + k as u64, key1(tpl::SUF + k as u64, suf[k]));
        }
    }
    emit(tpl::S0, key1(tpl::S0, a0.shape));
    emit(tpl::LEN_S0, key2(tpl::LEN_S0, u64::from(a0.len), a0.shape));
}

/// The cache key of [`word_features`] for an atom.
#[inline]
pub fn word_key(a0: &Atom) -> u64 {
    finish(mix(mix(a0.word, a0.shape), u64::from(a0.len)))
}

/// Emit the feature keys of token `i` of a sentence (`atoms`, `gaz`, `runs` are the sentence's
/// slices; `evidence` the document's casing evidence code for the word), all but the word's own
/// (see [`word_features`]) and the label history (see [`hist_features`]).
#[inline]
pub fn context_features(
    atoms: &[Atom],
    gaz: &[u64],
    runs: &[Run],
    i: usize,
    sent: SentInfo,
    evidence: u8,
    mut emit: impl FnMut(u64, u64),
) {
    let n = atoms.len();
    let at = |k: isize| -> &Atom {
        let j = i as isize + k;
        if j < 0 {
            &BOS
        } else if j as usize >= n {
            &EOS
        } else {
            &atoms[j as usize]
        }
    };
    let (a0, am1, ap1) = (at(0), at(-1), at(1));
    let f = a0.flags;
    emit(tpl::WM1, key1(tpl::WM1, am1.word));
    emit(tpl::WP1, key1(tpl::WP1, ap1.word));
    emit(tpl::SM1, key1(tpl::SM1, am1.shape));
    emit(tpl::SP1, key1(tpl::SP1, ap1.shape));
    emit(tpl::SM1S0, key2(tpl::SM1S0, am1.shape, a0.shape));
    emit(tpl::S0SP1, key2(tpl::S0SP1, a0.shape, ap1.shape));
    emit(tpl::SM1S0SP1, key3(tpl::SM1S0SP1, am1.shape, a0.shape, ap1.shape));
    emit(tpl::WM1W0, key2(tpl::WM1W0, am1.word, a0.word));
    emit(tpl::W0WP1, key2(tpl::W0WP1, a0.word, ap1.word));
    emit(tpl::WM1S0, key2(tpl::WM1S0, am1.word, a0.shape));
    emit(tpl::S0WP1, key2(tpl::S0WP1, a0.shape, ap1.word));
    let pos = if f & flags::CLAUSE_START != 0 {
        1
    } else if i == 0 {
        2
    } else {
        0
    };
    emit(tpl::POS_S0, key3(tpl::POS_S0, pos, a0.shape, u64::from(sent.headline)));
    if sent.headline != 0 {
        let h = u64::from(sent.headline);
        emit(tpl::CAPS_S0, key2(tpl::CAPS_S0, h, a0.shape));
        emit(tpl::CAPS_W0, key2(tpl::CAPS_W0, h, a0.word));
    }
    // the run of capitalised words around this token
    if let Some(r) = runs.get(i)
        && r.first <= r.last
    {
        let (first, last) = (r.first as usize, r.last as usize);
        if i != last {
            emit(tpl::RUN_LAST, key1(tpl::RUN_LAST, atoms[last].word));
            let heads = gaz.get(last).copied().unwrap_or(0) & super::gazetteer::cat::HEADS;
            for_bits(heads, |b| emit(tpl::RUN_HEAD, key1(tpl::RUN_HEAD, b)));
            let next = atoms.get(last + 1).unwrap_or(&EOS);
            emit(tpl::RUN_NEXT, key1(tpl::RUN_NEXT, next.word));
        }
        if i != first {
            emit(tpl::RUN_FIRST, key1(tpl::RUN_FIRST, atoms[first].word));
            let prev = if first > 0 { &atoms[first - 1] } else { &BOS };
            emit(tpl::RUN_PREV, key1(tpl::RUN_PREV, prev.word));
        }
    }
    // gazetteer matches on this token and its neighbours
    let g0 = gaz.get(i).copied().unwrap_or(0);
    let gm1 = if i > 0 { gaz.get(i - 1).copied().unwrap_or(0) } else { 0 };
    let gp1 = gaz.get(i + 1).copied().unwrap_or(0);
    for_bits(g0, |b| {
        emit(tpl::GAZ0, key1(tpl::GAZ0, b));
        emit(tpl::GAZ0_S0, key2(tpl::GAZ0_S0, b, a0.shape));
    });
    for_bits(gm1, |b| emit(tpl::GAZM1, key1(tpl::GAZM1, b)));
    for_bits(gp1, |b| emit(tpl::GAZP1, key1(tpl::GAZP1, b)));
    // document-level casing evidence
    if evidence != 0 {
        emit(tpl::EVID, key3(tpl::EVID, u64::from(evidence), pos, u64::from(sent.headline)));
    }
}

/// Emit the label-history features of a token: the labels its word received elsewhere in the
/// document (`hist`: counts for O, PER, LOC, ORG, MISC), with its `shape`.
#[inline]
pub fn hist_features(hist: &[u16; 5], shape: u64, mut emit: impl FnMut(u64, u64)) {
    let total: u32 = hist.iter().map(|&c| u32::from(c)).sum();
    if total == 0 {
        return;
    }
    let mut best = 0;
    for (k, &c) in hist.iter().enumerate() {
        if c > 0 {
            emit(tpl::HIST, key1(tpl::HIST, k as u64));
        }
        if c > hist[best] {
            best = k;
        }
    }
    emit(
        tpl::HIST_MAJ,
        key2(tpl::HIST_MAJ, best as u64, u64::from(2 * u32::from(hist[best]) > total)),
    );
    emit(tpl::HIST_S0, key2(tpl::HIST_S0, best as u64, shape));
}

/// A summary of what the label-history features of a token say (equal summaries, equal
/// features), so that a second pass can skip the stretches where nothing changed.
#[inline]
pub fn hist_signature(hist: &[u16; 5]) -> u16 {
    let total: u32 = hist.iter().map(|&c| u32::from(c)).sum();
    if total == 0 {
        return 0;
    }
    let mut best = 0;
    let mut sig = 1 << 9;
    for (k, &c) in hist.iter().enumerate() {
        if c > 0 {
            sig |= 1 << k;
        }
        if c > hist[best] {
            best = k;
        }
    }
    sig | (best as u16) << 5 | u16::from(2 * u32::from(hist[best]) > total) << 8
}

#[inline]
fn for_bits(mut m: u64, mut f: impl FnMut(u64)) {
    while m != 0 {
        let b = m.trailing_zeros();
        f(u64::from(b));
        m &= m - 1;
    }
}
