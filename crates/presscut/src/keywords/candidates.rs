//! Candidate keyphrases: runs of one to four content words (with at most one connector such as
//! `of` inside) that neither start nor end on a function word, cut no name in half and cross no
//! punctuation; counted with the evidence the ranker needs.

use super::families;
use super::tokens::{
    ALLCAPS, ALPHA, BLIND, BREAK, CAP, DUP, JUNK, NO_ENTITY, POSS, TITLE, Token, Words,
};
use super::view::{R_CONTENT, R_HEAD, R_JOIN, R_LEAD, R_SINGLE, R_TITLE, View};
use crate::hash::IdTable;
use crate::hash::{fold, mix};

/// Longest phrase in tokens (content words plus connectors).
pub(crate) const MAX_TOKENS: usize = 5;
const MAX_CONTENT: usize = 4;
pub(crate) const NONE: u32 = u32::MAX;
/// A word or phrase is reported as a longer phrase that holds at least this share of its
/// occurrences (a clear majority).
pub(crate) const PARENT_SHARE: f64 = 2.0 / 3.0;
/// Salt of the index keys of entity candidates (phrase keys are hashes of stem classes).
const ENTITY_KEY: u64 = 0x5bd1_e995_a5a5_0001;

/// One distinct candidate (its occurrences merged by stem).
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub len: u8,
    /// Occurrences (sentences repeated verbatim count once).
    pub tf: u32,
    /// Token index of the first occurrence.
    pub first: u32,
    /// Position (counted tokens, repeated sentences left out) of the first and last occurrence.
    pub pos_first: u32,
    pub pos_last: u32,
    /// Occurs in the headline.
    pub in_title: bool,
    /// Occurrences where capitalisation is informative, and how many of them were capitalised.
    pub informative: u32,
    pub capitalised: u32,
    /// Occurrences matching a named-entity hint exactly.
    pub entity: u32,
    /// Weight (inverse frequency) of its rarest content word.
    pub idf_max: f32,
    /// Boyer–Moore majority vote over the spelling of informative occurrences.
    vote_hash: u64,
    vote_count: i32,
    /// Token index where the winning spelling occurs (else the first occurrence); for an
    /// entity, where its fullest form occurs. Its `len` tokens from there spell the candidate.
    pub surface_tok: u32,
    /// All the mentions of one named entity (`Lavrov`, `Sergey Lavrov`), whatever their form.
    pub entity_unit: bool,
    /// For an entity: where its most used form occurs, and its length (else as `surface_tok`,
    /// `len`).
    pub usual_tok: u32,
    pub usual_len: u8,
}

/// One occurrence of a candidate, as the counting needs it.
#[derive(Clone, Copy)]
struct Occurrence {
    tok: u32,
    pos: u32,
    /// Capitalisation says nothing here.
    blind: bool,
    /// Every word capitalised.
    all_cap: bool,
    in_title: bool,
    /// The spelling (word types and case shapes).
    variant: u64,
    /// Matches an entity hint exactly.
    entity: bool,
}

impl Cand {
    fn new(len: u8, first: &Occurrence, idf_max: f32) -> Self {
        Self {
            len,
            tf: 0,
            first: first.tok,
            pos_first: first.pos,
            pos_last: first.pos,
            in_title: false,
            informative: 0,
            capitalised: 0,
            entity: 0,
            idf_max,
            vote_hash: 0,
            vote_count: 0,
            surface_tok: first.tok,
            entity_unit: false,
            usual_tok: first.tok,
            usual_len: len,
        }
    }

    /// Counts one mention of the entity this candidate stands for; its fullest form (most
    /// words, first seen among equals) is the one reported.
    fn add_mention(&mut self, o: &Occurrence, len: u8, idf_max: f32) {
        self.tf += 1;
        self.pos_last = o.pos;
        self.in_title |= o.in_title;
        self.entity += 1;
        self.idf_max = self.idf_max.max(idf_max);
        if len > self.len {
            self.len = len;
            self.surface_tok = o.tok;
        }
        // Boyer–Moore majority vote over the forms.
        if self.vote_count == 0 {
            self.vote_hash = o.variant;
            self.vote_count = 1;
            self.usual_tok = o.tok;
            self.usual_len = len;
        } else if self.vote_hash == o.variant {
            self.vote_count += 1;
        } else {
            self.vote_count -= 1;
        }
        if !o.blind {
            self.informative += 1;
            self.capitalised += u32::from(o.all_cap);
        }
    }

    /// Counts one occurrence (in text order).
    #[inline]
    fn add(&mut self, o: &Occurrence) {
        self.tf += 1;
        self.pos_last = o.pos;
        self.in_title |= o.in_title;
        self.entity += u32::from(o.entity);
        if o.blind {
            return;
        }
        self.informative += 1;
        self.capitalised += u32::from(o.all_cap);
        // Boyer–Moore majority vote over spellings.
        if self.vote_count == 0 {
            self.vote_hash = o.variant;
            self.vote_count = 1;
            self.surface_tok = o.tok;
        } else if self.vote_hash == o.variant {
            self.vote_count += 1;
        } else {
            self.vote_count -= 1;
        }
        self.usual_tok = self.surface_tok;
    }

    /// The stem classes of its words, in order (read where its surface form occurs), and how
    /// many.
    pub fn stems(&self, doc: &Words) -> ([u32; MAX_TOKENS], usize) {
        let mut out = [0u32; MAX_TOKENS];
        let a = self.surface_tok as usize;
        let toks = doc.tokens.get(a..).unwrap_or_default();
        let n = (self.len as usize).min(MAX_TOKENS).min(toks.len());
        for (o, t) in out.iter_mut().zip(&toks[..n]) {
            *o = doc.types[t.ty as usize].stem;
        }
        (out, n)
    }

    /// Reads as a term rather than an accident of word order: a single word, a phrase that
    /// recurs, or a name (capitalised, or matching an entity hint).
    pub fn is_term(&self) -> bool {
        self.len == 1
            || self.tf >= 2
            || (self.informative > 0 && self.capitalised * 2 >= self.informative)
            || self.entity * 2 >= self.tf.max(1)
    }

    /// Share of occurrences that were names (capitalised where case tells, or entity hints).
    pub fn name_share(&self) -> f64 {
        let caps = if self.informative > 0 {
            f64::from(self.capitalised) / f64::from(self.informative)
        } else {
            0.0
        };
        caps.max(f64::from(self.entity) / f64::from(self.tf.max(1)))
    }
}

pub(crate) struct Candidates {
    pub list: Vec<Cand>,
    /// For each candidate, the term phrase that holds most of its occurrences (at least
    /// [`PARENT_SHARE`]), if any: `START` → `New START`.
    pub parent: Vec<Option<u32>>,
    /// For each candidate, its occurrences including those inside longer names (where it is
    /// not counted as a candidate of its own: `Supreme Court` in `U.S. Supreme Court`).
    pub occurrences: Vec<u32>,
    /// Per word type: informative occurrences capitalised / in lower case.
    pub type_cap: Vec<u32>,
    pub type_lower: Vec<u32>,
    /// Number of counted tokens (for relative positions).
    pub n_tokens: u32,
}

/// Extends a phrase's running key by one stem class (look it up as `mix(key)`).
#[inline]
pub(crate) fn pack(key: u64, stem: u32) -> u64 {
    fold(key, u64::from(stem) + 1)
}

/// Identifies a token's spelling: its word type and case shape (`Assets` / `assets` / `ASSETS`).
#[inline]
fn spelling(t: Token) -> u64 {
    u64::from(t.ty) << 2 | u64::from(t.has(CAP)) | u64::from(t.has(ALLCAPS)) << 1
}

/// Whether token `i` is part of an entity hint that goes on before or after it.
fn inside_name(toks: &[Token], i: usize) -> bool {
    let e = toks[i].ent;
    e != NO_ENTITY && (i > 0 && toks[i - 1].ent == e || toks.get(i + 1).is_some_and(|t| t.ent == e))
}

/// Marks an `index` entry that holds a phrase seen once (an index into the waiting
/// occurrences), not a candidate.
pub(crate) const WAITING: u32 = 1 << 31;

/// Collects the candidates of `doc`.
pub(crate) fn collect(doc: &Words) -> Candidates {
    let toks = &doc.tokens;
    let n = toks.len();
    let mut type_cap = vec![0u32; doc.types.len()];
    let mut type_lower = vec![0u32; doc.types.len()];
    for t in toks {
        if t.has(ALPHA) && !t.has(BLIND) && !t.has(DUP) {
            if t.has(CAP) {
                type_cap[t.ty as usize] += 1;
            } else {
                type_lower[t.ty as usize] += 1;
            }
        }
    }
    let v = View::new(doc, &type_cap, &type_lower, super::lexicon::LEXICON.idf_common);
    let cells = &v.cells;
    let idf_plain = super::lexicon::LEXICON.idf_common;
    // Phrases by key: a candidate's id, or (tagged `WAITING`) a phrase seen once.
    let mut index = IdTable::with_capacity((n / 4).min(1 << 20));
    let mut pending: Vec<Occurrence> = Vec::with_capacity(n / 2);
    let mut list: Vec<Cand> = Vec::with_capacity((n / 2).min(1 << 20));
    let mut single = vec![NONE; doc.n_stems];

    let mut pos = 0u32;
    for i in 0..n {
        let ti = toks[i];
        if ti.has(DUP) {
            continue;
        }
        pos += 1;
        let ri = cells[i].role;
        if ri & R_CONTENT == 0 {
            continue;
        }
        // Tokens `i..=j` all belong to the entity hint that starts at `i`.
        let mut same_entity = ti.ent != NO_ENTITY && (i == 0 || toks[i - 1].ent != ti.ent);
        let mut key = 0u64;
        let mut variant = 0u64;
        let mut n_content = 0usize;
        let mut blind = false;
        let mut all_cap = true;
        let mut in_title = false;
        let mut has_title = ri & R_TITLE != 0;
        let mut idf_max = 0.0f32;
        let end = (i + MAX_TOKENS).min(n);
        let window = toks.get(i..end).unwrap_or_default();
        let window_cells = cells.get(i..end).unwrap_or_default();
        let mut prev_poss = false;
        for (l, (&tj, &cj)) in window.iter().zip(window_cells).enumerate() {
            crate::cost::add(1);
            let j = i + l;
            if l > 0 && (tj.has(BREAK) || prev_poss || tj.has(JUNK)) {
                break;
            }
            prev_poss = tj.has(POSS);
            let rj = cj.role;
            let is_content = rj & R_CONTENT != 0;
            same_entity &= tj.ent == ti.ent;
            // A number may end a name (`Apollo 11`); a connector may sit inside a phrase.
            let is_number = l > 0 && !is_content && v.number_after_name(j);
            if !is_content && !is_number {
                if l > 0 && l + 1 < MAX_TOKENS && rj & R_JOIN != 0 {
                    key = pack(key, cj.stem);
                    variant = fold(variant, spelling(tj));
                    continue;
                }
                break;
            }
            n_content += 1;
            if n_content > MAX_CONTENT {
                break;
            }
            if is_content {
                idf_max = idf_max.max(cj.idf);
            }
            key = pack(key, cj.stem);
            variant = fold(variant, spelling(tj));
            blind |= tj.has(BLIND);
            in_title |= tj.has(TITLE);
            if !tj.has(CAP) && tj.has(ALPHA) {
                all_cap = false;
            }
            let len = l + 1;
            if len > 1 {
                has_title |= rj & R_TITLE != 0;
            }
            // Exactly one entity hint: a name the entity stage found, taken as it is.
            let mention = same_entity && toks.get(j + 1).is_none_or(|t| t.ent != ti.ent);
            // A common word inside a longer name (`University` in `University of Bergen`) is
            // part of that name, not a keyphrase of its own.
            if len == 1
                && (ri & R_SINGLE == 0 || !mention && inside_name(toks, i) && cj.idf < idf_plain)
            {
                continue;
            }
            // A phrase of lower-case or capitalised words found here (not a hint) must read as
            // one: start and end on the right words and cut nothing in two.
            if !mention
                && len > 1
                && (ri & R_LEAD == 0
                    || rj & R_HEAD == 0
                    || has_title
                    || !v.whole(i, j)
                    || v.before_title(j)
                    || v.lower_possessive(i, j)
                    || v.descriptor_before_name(i, j))
            {
                continue;
            }
            let occ = Occurrence {
                tok: i as u32,
                pos,
                blind,
                all_cap,
                in_title,
                variant,
                entity: mention,
            };
            // Every mention of one entity is one candidate, whatever its form.
            if mention && let Some(&e) = doc.entity_of.get(ti.ent as usize) {
                let k = mix(ENTITY_KEY ^ u64::from(e));
                let next = list.len() as u32;
                let id = index.get_or_insert_with(k, || next);
                if id == next {
                    let mut c = Cand::new(len as u8, &occ, idf_max);
                    c.entity_unit = true;
                    list.push(c);
                }
                if let Some(c) = list.get_mut(id as usize) {
                    c.add_mention(&occ, len as u8, idf_max);
                }
                continue;
            }
            // Single words are indexed by stem class directly; phrases by hash. A lower-case
            // phrase seen once cannot be a term, so its first occurrence only waits in
            // `pending` until a second one (or a capitalised one) makes it a candidate.
            let id = if len == 1 {
                let stem = cells[i].stem as usize;
                match single.get(stem).copied() {
                    Some(NONE) => {
                        list.push(Cand::new(1, &occ, idf_max));
                        single[stem] = (list.len() - 1) as u32;
                        single[stem]
                    }
                    Some(id) => id,
                    None => continue,
                }
            } else {
                let k = mix(key);
                let found = index.get(k);
                match found {
                    Some(id) if id & WAITING == 0 => id,
                    _ => {
                        let waiting = found.map(|w| pending[(w & !WAITING) as usize]);
                        let name_like = (occ.all_cap && !occ.blind) || occ.entity;
                        if waiting.is_none() && !name_like {
                            index.insert(k, pending.len() as u32 | WAITING);
                            pending.push(occ);
                            continue;
                        }
                        let first = waiting.unwrap_or(occ);
                        list.push(Cand::new(len as u8, &first, idf_max));
                        let id = (list.len() - 1) as u32;
                        index.insert(k, id);
                        if let Some(w) = waiting {
                            list[id as usize].add(&w);
                        }
                        id
                    }
                }
            };
            list[id as usize].add(&occ);
        }
    }
    let occurrences = families::occurrences(doc, &list, &index, &single);
    let parent = families::parents(doc, &list, &index, &single, &occurrences);
    Candidates { list, parent, occurrences, type_cap, type_lower, n_tokens: pos.max(1) }
}
