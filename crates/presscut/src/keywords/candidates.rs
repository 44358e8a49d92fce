//! Candidate keyphrases: runs of one to four content words (with at most one connector such as
//! `of` inside) that neither start nor end on a function word, cut no name in half and cross no
//! punctuation; counted with the evidence the ranker needs.

use super::families;
use super::hash::{fold, mix};
use super::idmap::IdMap;
use super::tokens::{
    ALLCAPS, ALPHA, BLIND, BREAK, CAP, CONTRACTION, DUP, Doc, JUNK, POSS, TITLE, Token,
};

/// Longest phrase in tokens (content words plus connectors).
pub(crate) const MAX_TOKENS: usize = 5;
const MAX_CONTENT: usize = 4;
const NO_ENTITY: u32 = u32::MAX;
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
    pub fn stems(&self, doc: &Doc) -> ([u32; MAX_TOKENS], usize) {
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

/// Per-token roles, computed once (each token is looked at by up to five phrases).
const R_CONTENT: u8 = 1;
const R_SINGLE: u8 = 1 << 1;
const R_NAME: u8 = 1 << 2;
const R_LEAD: u8 = 1 << 3;
const R_HEAD: u8 = 1 << 4;

struct View<'a> {
    doc: &'a Doc,
    roles: Vec<u8>,
}

impl<'a> View<'a> {
    /// Per-token roles; `type_cap`/`type_lower` tell which word types are written as names.
    fn new(doc: &'a Doc, type_cap: &[u32], type_lower: &[u32]) -> Self {
        let roles = doc
            .tokens
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let prev = k.checked_sub(1).map(|p| &doc.tokens[p]);
                let ty = &doc.types[t.ty as usize];
                let informative_cap = t.has(CAP) && !t.has(BLIND);
                let name_type = type_cap.get(t.ty as usize) > type_lower.get(t.ty as usize);
                // Capitalised here and a name (a word that cannot be a noun in lower case,
                // such as `Google`, is one when capitalised).
                let cap_name = t.has(CAP) && (informative_cap || name_type);
                // A capitalised function word mid-sentence (`New START`, `The Hague`) or an
                // acronym (`US`, `IT`) is part of a name, not a function word.
                let function = t.has(CONTRACTION) || (ty.stop && !informative_cap);
                let content = t.has(ALPHA) && !t.has(JUNK) && !ty.short && !function;
                // Standing alone needs more: no function word or abbreviation (`Mr`, `Inc`)
                // even when capitalised, but acronyms (`US`, `WHO`) qualify.
                // An adjective, verb or adverb is no keyphrase on its own (`diplomatic`,
                // `remain`) nor the head that ends one; a verb or adverb does not start one.
                // After a verb cue (`would cut`, `they attack`) a noun-or-verb is a verb.
                let verb_use = ty.noun_or_verb
                    && !t.has(BREAK)
                    && prev.is_some_and(|p: &Token| doc.types[p.ty as usize].verb_cue);
                let head = (!ty.not_noun && !verb_use) || cap_name;
                let lead = (!ty.verb && !verb_use) || cap_name;
                // A title alone (`President`) names no one.
                let single = content
                    && head
                    && !ty.abbrev
                    && !ty.title
                    && (!ty.stop || (t.has(ALLCAPS) && !t.has(BLIND)));
                // Capitalised where case is informative: a name or part of one.
                let name = informative_cap && t.has(ALPHA) && !ty.title && !ty.short;
                u8::from(content) * R_CONTENT
                    + u8::from(single) * R_SINGLE
                    + u8::from(name) * R_NAME
                    + u8::from(lead) * R_LEAD
                    + u8::from(head) * R_HEAD
            })
            .collect();
        Self { doc, roles }
    }
    fn tok(&self, i: usize) -> &Token {
        &self.doc.tokens[i]
    }
    fn ty(&self, i: usize) -> &super::vocab::TypeInfo {
        &self.doc.types[self.doc.tokens[i].ty as usize]
    }
    fn name_like(&self, i: usize) -> bool {
        self.roles[i] & R_NAME != 0
    }
    fn content(&self, i: usize) -> bool {
        self.roles[i] & R_CONTENT != 0
    }
    fn single(&self, i: usize) -> bool {
        self.roles[i] & R_SINGLE != 0
    }
    fn lead(&self, i: usize) -> bool {
        self.roles[i] & R_LEAD != 0
    }
    fn head(&self, i: usize) -> bool {
        self.roles[i] & R_HEAD != 0
    }
    /// Whether the phrase `[i, j]` stops at a boundary on both sides rather than cutting a run
    /// of capitalised words or a named entity in two.
    fn whole(&self, i: usize, j: usize) -> bool {
        let n = self.doc.tokens.len();
        if i > 0 && !self.tok(i).has(BREAK) && !self.tok(i - 1).has(POSS) {
            if self.name_like(i - 1) && self.name_like(i) {
                return false;
            }
            let e = self.tok(i).ent;
            if e != NO_ENTITY && self.tok(i - 1).ent == e {
                return false;
            }
        }
        if j + 1 < n && !self.tok(j + 1).has(BREAK) && !self.tok(j).has(POSS) {
            if self.name_like(j) && self.name_like(j + 1) {
                return false;
            }
            let e = self.tok(j).ent;
            if e != NO_ENTITY && self.tok(j + 1).ent == e {
                return false;
            }
        }
        true
    }
    /// A connector (`of`, `de`) may sit inside a phrase: `of` anywhere, the others between
    /// capitalised words.
    fn connector_ok(&self, j: usize) -> bool {
        let ty = self.ty(j);
        if !ty.connector || j + 1 >= self.doc.tokens.len() || self.tok(j + 1).has(BREAK) {
            return false;
        }
        ty.lower_connector || (self.tok(j - 1).has(CAP) && self.tok(j + 1).has(CAP))
    }
    /// The next word is a title (`Russian foreign [minister]`): the phrase would be a modifier
    /// cut off from its head.
    fn before_title(&self, j: usize) -> bool {
        j + 1 < self.doc.tokens.len() && !self.tok(j + 1).has(BREAK) && self.ty(j + 1).title
    }
    /// Ends on a possessive without being a name (`seizing Russia['s]`).
    fn lower_possessive(&self, i: usize, j: usize) -> bool {
        self.tok(j).has(POSS) && !(i..=j).all(|q| self.tok(q).has(CAP) || self.ty(q).connector)
    }
    /// A lower-case word right before a name of two or more words (`pop star [Ann Lee]`,
    /// `actress [Ann Lee]`): a description glued to the name, which stands better alone.
    fn descriptor_before_name(&self, i: usize, j: usize) -> bool {
        (i..j.saturating_sub(1))
            .any(|q| !self.tok(q).has(CAP) && self.name_like(q + 1) && self.name_like(q + 2))
    }
    /// A number may end a name (`Apollo 11`, `Windows 7`).
    fn number_after_name(&self, j: usize) -> bool {
        !self.tok(j).has(ALPHA) && !self.tok(j).has(JUNK) && self.name_like(j - 1)
    }
}

/// Extends a phrase's running key by one stem class (look it up as `mix(key)`).
pub(crate) fn pack(key: u64, stem: u32) -> u64 {
    fold(key, u64::from(stem) + 1)
}

/// Identifies a token's spelling: its word type and case shape (`Assets` / `assets` / `ASSETS`).
fn spelling(t: Token) -> u64 {
    u64::from(t.ty) << 2 | u64::from(t.has(CAP)) | u64::from(t.has(ALLCAPS)) << 1
}

/// Collects the candidates of `doc`.
pub(crate) fn collect(doc: &Doc) -> Candidates {
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
    let v = View::new(doc, &type_cap, &type_lower);
    let mut index = IdMap::with_capacity((n / 4).min(1 << 20));
    let mut waiting_index = IdMap::with_capacity((n / 2).min(1 << 20));
    let mut pending: Vec<Occurrence> = Vec::with_capacity(n / 2);
    let mut list: Vec<Cand> = Vec::with_capacity(n.min(1 << 20));
    let mut single = vec![NONE; doc.n_stems];
    let idf_acronym = super::lexicon::LEXICON.idf_common;

    let mut pos = 0u32;
    for i in 0..n {
        let ti = toks[i];
        if ti.has(DUP) {
            continue;
        }
        pos += 1;
        if !v.content(i) {
            continue;
        }
        let mut key = 0u64;
        let mut variant = 0u64;
        let mut n_content = 0usize;
        let mut blind = false;
        let mut all_cap = true;
        let mut in_title = false;
        let mut has_title = v.ty(i).title;
        let mut idf_max = 0.0f32;
        for l in 0..MAX_TOKENS {
            let j = i + l;
            if j >= n {
                break;
            }
            let tj = toks[j];
            if l > 0 && (tj.has(BREAK) || toks[j - 1].has(POSS) || tj.has(JUNK)) {
                break;
            }
            let ty = doc.types[tj.ty as usize];
            let is_content = v.content(j);
            let is_number = l > 0 && !is_content && v.number_after_name(j);
            if !is_content && !is_number {
                if l > 0 && l + 1 < MAX_TOKENS && v.connector_ok(j) {
                    key = pack(key, ty.stem);
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
                // An acronym spelled like a word (`START`, `WHO`) is as specific as an
                // ordinary acronym, not as common as the word.
                let acronym = tj.has(ALLCAPS) && !tj.has(BLIND);
                idf_max = idf_max.max(if acronym { ty.idf.max(idf_acronym) } else { ty.idf });
            }
            key = pack(key, ty.stem);
            variant = fold(variant, spelling(tj));
            blind |= tj.has(BLIND);
            in_title |= tj.has(TITLE);
            if !tj.has(CAP) && tj.has(ALPHA) {
                all_cap = false;
            }
            let len = l + 1;
            if len > 1 {
                has_title |= ty.title;
            }
            // Exactly one entity hint: a name the entity stage found, taken as it is.
            let mention = ti.ent != NO_ENTITY
                && (i..=j).all(|q| toks[q].ent == ti.ent)
                && (j + 1 >= n || toks[j + 1].ent != ti.ent)
                && (i == 0 || toks[i - 1].ent != ti.ent);
            if len == 1 && !v.single(i) {
                continue;
            }
            // A phrase of lower-case or capitalised words found here (not a hint) must read as
            // one: start and end on the right words and cut nothing in two.
            if !mention
                && len > 1
                && (!v.lead(i)
                    || !v.head(j)
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
                list[id as usize].add_mention(&occ, len as u8, idf_max);
                continue;
            }
            let new_cand = |list: &mut Vec<Cand>, first: &Occurrence| {
                list.push(Cand::new(len as u8, first, idf_max));
                (list.len() - 1) as u32
            };
            // Single words are indexed by stem class directly; phrases by hash. A lower-case
            // phrase seen once cannot be a term, so its first occurrence only waits in
            // `pending` until a second one (or a capitalised one) makes it a candidate.
            let id = if len == 1 {
                match single.get(ty.stem as usize).copied() {
                    Some(NONE) => {
                        let id = new_cand(&mut list, &occ);
                        single[ty.stem as usize] = id;
                        id
                    }
                    Some(id) => id,
                    None => continue,
                }
            } else {
                let k = mix(key);
                if let Some(id) = index.get(k) {
                    id
                } else {
                    let waiting = waiting_index.get(k).map(|w| pending[w as usize]);
                    let name_like = (occ.all_cap && !occ.blind) || occ.entity;
                    if waiting.is_none() && !name_like {
                        let w = pending.len() as u32;
                        pending.push(occ);
                        waiting_index.get_or_insert_with(k, || w);
                        continue;
                    }
                    let first = waiting.unwrap_or(occ);
                    let id = new_cand(&mut list, &first);
                    index.get_or_insert_with(k, || id);
                    if let Some(w) = waiting {
                        list[id as usize].add(&w);
                    }
                    id
                }
            };
            list[id as usize].add(&occ);
        }
    }
    let occurrences = families::occurrences(doc, &list, &index, &single);
    let parent = families::parents(doc, &list, &index, &single, &occurrences);
    Candidates { list, parent, occurrences, type_cap, type_lower, n_tokens: pos.max(1) }
}
