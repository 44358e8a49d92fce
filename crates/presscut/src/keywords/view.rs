//! What each token can be in a keyphrase (content word, head, name part…), worked out once per
//! document from its word type and its neighbours, with its stem class and weight beside it, so
//! that the candidate loop reads three flat arrays instead of the tokens and their types.

use super::tokens::{
    ALLCAPS, ALPHA, BLIND, BREAK, CAP, CONTRACTION, JUNK, NO_ENTITY, POSS, Token, Words,
};

/// A content word: may be part of a keyphrase.
pub(crate) const R_CONTENT: u16 = 1;
/// May be a keyphrase on its own.
pub(crate) const R_SINGLE: u16 = 1 << 1;
/// Capitalised where case tells: a name or part of one.
pub(crate) const R_NAME: u16 = 1 << 2;
/// May start a phrase (not a verb or adverb).
pub(crate) const R_LEAD: u16 = 1 << 3;
/// May end a phrase (can be a noun, or is a name).
pub(crate) const R_HEAD: u16 = 1 << 4;
/// A title or role word (`minister`).
pub(crate) const R_TITLE: u16 = 1 << 5;
/// A connector (`of`, `de`) that may sit inside a phrase here.
pub(crate) const R_JOIN: u16 = 1 << 6;

// Per word type.
const T_STOP: u16 = 1;
const T_SHORT: u16 = 1 << 1;
const T_TITLE: u16 = 1 << 2;
const T_ABBREV: u16 = 1 << 3;
const T_NOT_NOUN: u16 = 1 << 4;
const T_VERB: u16 = 1 << 5;
const T_NOUN_OR_VERB: u16 = 1 << 6;
const T_VERB_CUE: u16 = 1 << 7;
const T_CONNECTOR: u16 = 1 << 8;
const T_LOWER_CONNECTOR: u16 = 1 << 9;
/// Written capitalised more often than not where case tells: a name.
const T_NAME: u16 = 1 << 10;

/// What the candidate loop reads of one token.
#[derive(Clone, Copy, Default)]
pub(crate) struct Cell {
    pub role: u16,
    /// Stem class.
    pub stem: u32,
    /// Weight; an acronym spelled like a word (`START`, `WHO`) is as specific as an ordinary
    /// acronym, not as common as the word.
    pub idf: f32,
}

pub(crate) struct View<'a> {
    pub doc: &'a Words,
    pub cells: Vec<Cell>,
}

impl<'a> View<'a> {
    /// Per-token roles; `type_cap`/`type_lower` tell which word types are written as names.
    pub fn new(doc: &'a Words, type_cap: &[u32], type_lower: &[u32], idf_acronym: f32) -> Self {
        let tmask: Vec<u16> = doc
            .types
            .iter()
            .enumerate()
            .map(|(k, ty)| {
                let name = type_cap.get(k) > type_lower.get(k);
                u16::from(ty.stop) * T_STOP
                    + u16::from(ty.short) * T_SHORT
                    + u16::from(ty.title) * T_TITLE
                    + u16::from(ty.abbrev) * T_ABBREV
                    + u16::from(ty.not_noun) * T_NOT_NOUN
                    + u16::from(ty.verb) * T_VERB
                    + u16::from(ty.noun_or_verb) * T_NOUN_OR_VERB
                    + u16::from(ty.verb_cue) * T_VERB_CUE
                    + u16::from(ty.connector) * T_CONNECTOR
                    + u16::from(ty.lower_connector) * T_LOWER_CONNECTOR
                    + u16::from(name) * T_NAME
            })
            .collect();
        let toks = &doc.tokens;
        let n = toks.len();
        let mut cells = Vec::with_capacity(n);
        let mut prev_mask = 0u16;
        for (k, t) in toks.iter().enumerate() {
            let ty = &doc.types[t.ty as usize];
            let m = tmask[t.ty as usize];
            // Most function words play no part at all: settle them first.
            let informative_cap = t.has(CAP) && !t.has(BLIND);
            if m & (T_STOP | T_CONNECTOR | T_TITLE) == T_STOP && !informative_cap {
                cells.push(Cell { role: 0, stem: ty.stem, idf: ty.idf });
                prev_mask = m;
                continue;
            }
            let acronym = t.has(ALLCAPS) && !t.has(BLIND);
            let idf = if acronym { ty.idf.max(idf_acronym) } else { ty.idf };
            let has = |bit: u16| m & bit != 0;
            // Capitalised here and a name (a word that cannot be a noun in lower case, such as
            // `Google`, is one when capitalised).
            let cap_name = t.has(CAP) && (informative_cap || has(T_NAME));
            // A capitalised function word mid-sentence (`New START`, `The Hague`) or an acronym
            // (`US`, `IT`) is part of a name, not a function word.
            let function = t.has(CONTRACTION) || (has(T_STOP) && !informative_cap);
            let content = t.has(ALPHA) && !t.has(JUNK) && !has(T_SHORT) && !function;
            // After a verb cue (`would cut`, `they attack`) a noun-or-verb is a verb.
            let verb_use = has(T_NOUN_OR_VERB) && !t.has(BREAK) && prev_mask & T_VERB_CUE != 0;
            // An adjective, verb or adverb is no keyphrase on its own (`diplomatic`, `remain`)
            // nor the head that ends one; a verb or adverb does not start one.
            let head = (!has(T_NOT_NOUN) && !verb_use) || cap_name;
            let lead = (!has(T_VERB) && !verb_use) || cap_name;
            // Standing alone needs more: no function word, abbreviation (`Mr`, `Inc`) or title
            // (`President` names no one), even when capitalised, but acronyms (`US`, `WHO`)
            // qualify.
            let single = content
                && head
                && !has(T_ABBREV)
                && !has(T_TITLE)
                && (!has(T_STOP) || (t.has(ALLCAPS) && !t.has(BLIND)));
            let name = informative_cap && t.has(ALPHA) && !has(T_TITLE) && !has(T_SHORT);
            // A connector may sit inside a phrase: `of` anywhere, the others between
            // capitalised words.
            let next = toks.get(k + 1);
            let join = has(T_CONNECTOR)
                && k > 0
                && next.is_some_and(|x| !x.has(BREAK))
                && (has(T_LOWER_CONNECTOR)
                    || (toks[k - 1].has(CAP) && next.is_some_and(|x| x.has(CAP))));
            let role = u16::from(content) * R_CONTENT
                + u16::from(single) * R_SINGLE
                + u16::from(name) * R_NAME
                + u16::from(lead) * R_LEAD
                + u16::from(head) * R_HEAD
                + u16::from(has(T_TITLE)) * R_TITLE
                + u16::from(join) * R_JOIN;
            cells.push(Cell { role, stem: ty.stem, idf });
            prev_mask = m;
        }
        Self { doc, cells }
    }
    fn tok(&self, i: usize) -> &Token {
        &self.doc.tokens[i]
    }
    fn is(&self, i: usize, role: u16) -> bool {
        self.cells.get(i).is_some_and(|c| c.role & role != 0)
    }
    pub fn name_like(&self, i: usize) -> bool {
        self.is(i, R_NAME)
    }
    /// Whether the phrase `[i, j]` stops at a boundary on both sides rather than cutting a run
    /// of capitalised words or a named entity in two.
    pub fn whole(&self, i: usize, j: usize) -> bool {
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
    /// The next word is a title (`Russian foreign [minister]`): the phrase would be a modifier
    /// cut off from its head.
    pub fn before_title(&self, j: usize) -> bool {
        j + 1 < self.doc.tokens.len() && !self.tok(j + 1).has(BREAK) && self.is(j + 1, R_TITLE)
    }
    /// Ends on a possessive without being a name (`seizing Russia['s]`).
    pub fn lower_possessive(&self, i: usize, j: usize) -> bool {
        self.tok(j).has(POSS)
            && !(i..=j)
                .all(|q| self.tok(q).has(CAP) || self.doc.types[self.tok(q).ty as usize].connector)
    }
    /// A lower-case word right before a name of two or more words (`pop star [Ann Lee]`,
    /// `actress [Ann Lee]`): a description glued to the name, which stands better alone.
    pub fn descriptor_before_name(&self, i: usize, j: usize) -> bool {
        (i..j.saturating_sub(1))
            .any(|q| !self.tok(q).has(CAP) && self.name_like(q + 1) && self.name_like(q + 2))
    }
    /// A number may end a name (`Apollo 11`, `Windows 7`).
    pub fn number_after_name(&self, j: usize) -> bool {
        !self.tok(j).has(ALPHA) && !self.tok(j).has(JUNK) && j > 0 && self.name_like(j - 1)
    }
}
