//! One document prepared for tagging: sentences as token ranges, per-token atoms and gazetteer
//! matches, and document-level evidence (how a word is cased elsewhere in the document, and
//! which labels it received earlier: "one sense per discourse").

use super::features::{self, Atom, Run, SentInfo};
use super::gazetteer;
use super::labels::label_type;
use crate::doc::{Token, TypeCache, flags, sentence_case};
use crate::hash::IdTable;
use std::cell::RefCell;
use std::sync::LazyLock;

/// Casing and label evidence for one word (by lower-cased hash) across the document.
#[derive(Clone, Copy, Debug, Default)]
struct Evidence {
    /// capitalised, not sentence-initial, in a mixed-case sentence
    cap_mid: u16,
    /// all lower case in a mixed-case sentence
    lower: u16,
    /// labels received so far: O, PER, LOC, ORG, MISC
    hist: [u16; 5],
}

impl Evidence {
    /// 0 none, 1 capitalised mid-sentence only, 2 lower case only, 3 both.
    fn code(&self) -> u8 {
        u8::from(self.cap_mid > 0) | u8::from(self.lower > 0) << 1
    }
}

const NONE: u32 = u32::MAX;

thread_local! {
    /// Word hash → index into [`Doc::evidence`] while it is collected (reused between calls).
    static INDEX: RefCell<IdTable> = RefCell::new(IdTable::default());
    /// The atoms of the word types this thread knows (their text's part of [`Atom`]).
    static ATOMS: RefCell<TypeCache<Atom>> = RefCell::new(TypeCache::default());
}

/// A document ready for feature extraction.
#[allow(missing_debug_implementations)] // large per-token tables; nothing useful to print
pub struct Doc<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    /// per token; only `word` is filled for tokens the model never looks at
    pub atoms: Vec<Atom>,
    pub gaz: Vec<u64>,
    /// sentences as token index ranges
    pub sents: Vec<(usize, usize)>,
    pub sent_info: Vec<SentInfo>,
    /// runs of capitalised words, per token (indices within its sentence)
    pub runs: Vec<Run>,
    /// tokens the model looks at (see [`Doc::new`])
    pub active: Vec<bool>,
    /// number of word types of the document (token types are below it)
    pub n_types: usize,
    /// per token: index into `evidence` (NONE for words without a capital)
    ev_ix: Vec<u32>,
    evidence: Vec<Evidence>,
    /// after a first pass: its label for every token (the history then covers the whole
    /// document, each token's own label left out)
    first_pass: Option<Vec<u8>>,
}

/// Does the token deserve document-level evidence (it has an upper-case letter)?
#[inline]
fn casing_relevant(t: &Token) -> bool {
    t.flags & flags::HAS_UPPER != 0
}

/// Tokens that may be (or border) an entity: a capital, a digit, or a script without case.
#[inline]
fn trigger(t: &Token) -> bool {
    t.flags & (flags::HAS_UPPER | flags::DIGIT | flags::CASELESS) != 0
}

impl<'t> Doc<'t> {
    /// Prepare `text` with its `tokens`, cut into `clauses` (token ranges, in order: the
    /// sentences, and inside them the sentences of quotations). The model will look at tokens
    /// within `radius` tokens of a capitalised word, a digit or a caseless letter (None: every
    /// token); elsewhere a lower-case stretch cannot hold an entity.
    pub fn new(
        d: &'t crate::doc::Doc<'t>,
        clauses: &[(usize, usize)],
        radius: Option<usize>,
    ) -> Doc<'t> {
        let text = d.text;
        let mut toks = d.tokens.clone();
        let sents = clause_ranges(&mut toks, clauses);
        let active = active_tokens(&toks, &sents, radius);
        // what a word's text gives the features, once per word type for the whole thread
        let atoms: Vec<Atom> = ATOMS.with_borrow_mut(|cache| {
            toks.iter()
                .map(|t| {
                    let a = cache.get(d, t.ty, |s| features::atom(s, 0));
                    Atom { flags: t.flags, ..a }
                })
                .collect()
        });
        let gaz = gazetteer::token_matches(text, &toks, &atoms, &sents);
        let sent_info: Vec<SentInfo> = sents
            .iter()
            .map(|&(a, b)| SentInfo { headline: sentence_case(text, &toks[a..b]) })
            .collect();
        let runs = cap_runs(text, &toks, &sents, &sent_info);
        let mut d = Doc {
            text,
            tokens: toks,
            atoms,
            gaz,
            sents,
            sent_info,
            runs,
            active,
            n_types: d.vocab.types.len(),
            ev_ix: Vec::new(),
            evidence: Vec::new(),
            first_pass: None,
        };
        d.collect_evidence();
        d
    }

    fn collect_evidence(&mut self) {
        INDEX.with_borrow_mut(|index| self.collect_evidence_with(index));
    }

    fn collect_evidence_with(&mut self, index: &mut IdTable) {
        self.ev_ix = vec![NONE; self.tokens.len()];
        index.clear();
        // words with a capital first, then the lower-case uses of those words
        let mut filter = [0u64; 64];
        for (s, &(a, b)) in self.sents.iter().enumerate() {
            let caps = self.sent_info[s].headline != 0;
            for i in a..b {
                let t = &self.tokens[i];
                if !casing_relevant(t) {
                    continue;
                }
                let w = self.atoms[i].word;
                let (ix, new) = index.intern(w);
                if new {
                    self.evidence.push(Evidence::default());
                    filter[(w >> 58) as usize] |= 1 << ((w >> 52) & 63);
                }
                self.ev_ix[i] = ix;
                if !caps && t.flags & (flags::CLAUSE_START | flags::CAP) == flags::CAP && i > a {
                    let e = &mut self.evidence[ix as usize];
                    e.cap_mid = e.cap_mid.saturating_add(1);
                }
            }
        }
        if self.evidence.is_empty() {
            return;
        }
        for (s, &(a, b)) in self.sents.iter().enumerate() {
            if self.sent_info[s].headline != 0 {
                continue;
            }
            for i in a..b {
                if self.tokens[i].flags & flags::LOWER == 0 {
                    continue;
                }
                let w = self.atoms[i].word;
                if filter[(w >> 58) as usize] & (1 << ((w >> 52) & 63)) == 0 {
                    continue;
                }
                if let Some(ix) = index.get(w) {
                    let e = &mut self.evidence[ix as usize];
                    e.lower = e.lower.saturating_add(1);
                }
            }
        }
    }

    /// Look at tokens within `radius` of a trigger from now on (the document must have been
    /// prepared with a radius at least as large, or None, so that their atoms are complete).
    #[cfg(feature = "train")]
    pub fn set_radius(&mut self, radius: Option<usize>) {
        self.active = active_tokens(&self.tokens, &self.sents, radius);
    }

    /// Labels (O, PER, LOC, ORG, MISC) the word of token `i` received elsewhere: in earlier
    /// sentences, or after a first pass in the whole document except token `i` itself.
    #[inline]
    pub fn hist(&self, i: usize) -> [u16; 5] {
        let Some(e) = self.evidence.get(self.ev_ix[i] as usize) else {
            return [0; 5];
        };
        let mut hist = e.hist;
        if let Some(fp) = &self.first_pass {
            let k = label_type(fp[i]).map_or(0, |t| t as usize + 1);
            hist[k] = hist[k].saturating_sub(1);
        }
        hist
    }

    /// Summary of the label-history features of token `i` (see [`features::hist_signature`]).
    #[inline]
    pub fn hist_signature(&self, i: usize) -> u16 {
        features::hist_signature(&self.hist(i))
    }

    /// Emit the features of token `i` (a document index) of sentence `s` as (template, key).
    #[cfg(feature = "train")]
    #[inline]
    pub fn features(&self, s: usize, i: usize, mut emit: impl FnMut(u64, u64)) {
        features::word_features(&self.atoms[i], self.tokens[i].text(self.text), &mut emit);
        self.context_features(s, i, &mut emit);
        self.hist_features(i, emit);
    }

    /// The features of token `i` from its context and the document's casing evidence.
    #[inline]
    pub fn context_features(&self, s: usize, i: usize, emit: impl FnMut(u64, u64)) {
        let (a, b) = self.sents[s];
        let ev = self.evidence_code(i);
        features::context_features(
            &self.atoms[a..b],
            &self.gaz[a..b],
            &self.runs[a..b],
            i - a,
            self.sent_info[s],
            ev,
            emit,
        );
    }

    /// How the word of token `i` is cased elsewhere (see [`Evidence::code`]; 0 for words
    /// without a capital).
    #[inline]
    pub fn evidence_code(&self, i: usize) -> u8 {
        self.evidence.get(self.ev_ix[i] as usize).map_or(0, Evidence::code)
    }

    /// Whether token `i` has label-history features at all (its word has a capital).
    #[inline]
    pub fn has_history(&self, i: usize) -> bool {
        self.ev_ix[i] != NONE
    }

    /// The label-history features of token `i`.
    #[inline]
    pub fn hist_features(&self, i: usize, emit: impl FnMut(u64, u64)) {
        if self.ev_ix[i] != NONE {
            features::hist_features(&self.hist(i), self.atoms[i].shape, emit);
        }
    }

    /// Forget the label history (to tag the document again from scratch).
    #[cfg(feature = "train")]
    pub fn reset_history(&mut self) {
        self.first_pass = None;
        for e in &mut self.evidence {
            e.hist = [0; 5];
        }
    }

    /// Switch to second-pass features: `labels` (one per token, from a first pass whose labels
    /// were all [`Doc::record`]ed) give every token the labels of its word elsewhere.
    pub fn set_first_pass(&mut self, labels: &[u8]) {
        self.first_pass = Some(labels.to_vec());
    }

    /// Remember the labels given to sentence `s` (for the label-history features of later ones).
    pub fn record(&mut self, s: usize, labels: &[u8]) {
        if self.first_pass.is_some() {
            return;
        }
        let (a, b) = self.sents[s];
        for (i, &l) in (a..b).zip(labels) {
            if let Some(e) = self.evidence.get_mut(self.ev_ix[i] as usize) {
                let k = label_type(l).map_or(0, |t| t as usize + 1);
                e.hist[k] = e.hist[k].saturating_add(1);
            }
        }
    }
}

/// Which tokens the model looks at: within `radius` of a trigger token (all with None).
fn active_tokens(toks: &[Token], sents: &[(usize, usize)], radius: Option<usize>) -> Vec<bool> {
    let Some(r) = radius else {
        return vec![true; toks.len()];
    };
    let mut out = vec![false; toks.len()];
    for &(a, b) in sents {
        let mut next = a; // first index not yet marked
        for (i, t) in toks.iter().enumerate().take(b).skip(a) {
            if trigger(t) {
                let lo = i.saturating_sub(r).max(a).max(next);
                let hi = (i + r + 1).min(b);
                for v in &mut out[lo..hi] {
                    *v = true;
                }
                next = next.max(hi);
            }
        }
    }
    out
}

/// Words that may join capitalised words into one name (data/name_connectors.txt), and the
/// longest of them in bytes. The list is short: a scan beats hashing.
static CONNECTORS: LazyLock<(Vec<&'static str>, usize)> = LazyLock::new(|| {
    let words: Vec<&str> = crate::lexicon::rows(include_str!("../../data/name_connectors.txt"))
        .filter(|row| row.get(1).is_none_or(|c| c.is_empty()))
        .map(|row| row[0])
        .collect();
    let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
    (words, longest)
});

/// Lower-case words that may join capitalised words into one name (`Bank of England`).
fn is_connector(s: &str) -> bool {
    let (words, longest) = &*CONNECTORS;
    s.len() <= *longest && words.contains(&s)
}

/// Runs of capitalised words (joined by connectors) in mixed-case sentences.
fn cap_runs(text: &str, toks: &[Token], sents: &[(usize, usize)], info: &[SentInfo]) -> Vec<Run> {
    let none = Run { first: 1, last: 0 };
    let mut out = vec![none; toks.len()];
    for (s, &(a, b)) in sents.iter().enumerate() {
        if info[s].headline != 0 {
            continue;
        }
        let mut i = a;
        while i < b {
            if toks[i].flags & flags::HAS_UPPER == 0 {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            loop {
                let cap = |k: usize| k < b && toks[k].flags & flags::HAS_UPPER != 0;
                let conn = |k: usize| k < b && is_connector(toks[k].text(text));
                if cap(j) {
                    j += 1;
                } else if conn(j) && cap(j + 1) {
                    j += 2;
                } else {
                    break;
                }
            }
            let r = Run { first: (i - a) as u32, last: (j - 1 - a) as u32 };
            for o in &mut out[i..j] {
                *o = r;
            }
            i = j;
        }
    }
    out
}

/// The clauses as given, checked to be in order and within the tokens (a damaged range is left
/// out), with [`flags::CLAUSE_START`] on exactly their first tokens.
pub fn clause_ranges(toks: &mut [Token], clauses: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(clauses.len());
    for &(a, b) in clauses {
        if a < b && b <= toks.len() && out.last().is_none_or(|&(_, e)| e <= a) {
            out.push((a, b));
        }
    }
    for t in toks.iter_mut() {
        t.flags &= !flags::CLAUSE_START;
    }
    for &(a, _) in &out {
        toks[a].flags |= flags::CLAUSE_START;
    }
    out
}

/// Clauses as the training data gives them: each line, cut further after sentence-final
/// punctuation followed by a capital, a quote mark or a digit.
#[cfg(feature = "train")]
pub fn line_clauses(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..toks.len() {
        let prev = toks[i - 1];
        let t = toks[i];
        let split = t.flags & flags::LINE_START != 0
            || (prev.flags & flags::FINAL != 0
                && t.flags & (flags::CAP | flags::QUOTE | flags::DIGIT) != 0
                && i >= start + 2);
        if split {
            out.push((start, i));
            start = i;
        }
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
    out
}
