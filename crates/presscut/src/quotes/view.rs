//! The article as the attribution rules read it: the document's tokens, quotations, sentences
//! and blocks, with what this stage adds per token (the reporting cue starting there, whether
//! the word may stand between a speaker and its cue).

use super::lexicon::{CUES, CueFlags};
use crate::doc::{Doc, Quotation, Token, TypeCache, flags};
use crate::lexicon::classes::class::{
    CONJ, DCUE, DET, LABEL, NONPERSON, OBJPRON, PREP, PRON, QCUE, REL, ROLE, SKIP, TIME, VERB,
};

/// The word classes this stage reads.
const CLASSES: u64 =
    PRON | OBJPRON | REL | DET | PREP | CONJ | SKIP | TIME | ROLE | NONPERSON | LABEL | VERB | DCUE;

/// Classes that are never the verb of an attribution.
pub const NONVERB: u64 =
    PREP | CONJ | DET | PRON | REL | SKIP | TIME | OBJPRON | LABEL | ROLE | NONPERSON;

/// Farthest (in tokens) any rule looks from where it stands: keeps every step linear on
/// pathological input (a megabyte without a sentence end).
pub const WINDOW: usize = 120;

/// What a token is, for these rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters or digits (a clitic such as `’s` or `n't` included).
    Word,
    /// Punctuation or a symbol.
    Punct,
    /// A quote-mark character (`marks` says whether it opens or closes a quotation).
    Quote,
}

/// A reporting cue found in the text: its tokens `[tok, last)` and what it can do.
#[derive(Clone, Copy, Debug)]
pub struct CueHit {
    pub tok: usize,
    pub last: usize,
    pub flags: CueFlags,
}

/// The document with this stage's annotations (see the module comment).
pub struct View<'d> {
    pub doc: &'d Doc<'d>,
    pub text: &'d str,
    pub spans: &'d [Quotation],
    pub sents: &'d [(usize, usize)],
    /// Blocks as token ranges.
    pub paras: Vec<(usize, usize)>,
    pub cues: Vec<CueHit>,
    /// Per token: 1 + the cue starting there (0: none); whether it may be skipped between a
    /// speaker and a cue.
    cue_at: Vec<u32>,
    skip: Vec<bool>,
}

impl<'d> View<'d> {
    pub fn new(doc: &'d Doc<'d>) -> View<'d> {
        let mut v = View {
            doc,
            text: doc.text,
            spans: &doc.quotations,
            sents: &doc.sentences,
            paras: doc.blocks.iter().map(|b| b.tokens).collect(),
            cues: Vec::new(),
            cue_at: vec![0; doc.tokens.len()],
            skip: Vec::new(),
        };
        v.skip = SKIP_TYPES.with_borrow_mut(|cache| {
            (0..doc.tokens.len()).map(|k| v.skippable_word(k, cache)).collect()
        });
        v.find_cues();
        v
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    #[inline]
    fn flags(&self, i: usize) -> u32 {
        crate::cost::add(1);
        self.doc.tokens.get(i).map_or(0, |t| t.flags)
    }

    pub fn word(&self, i: usize) -> &'d str {
        self.doc.word(i)
    }

    /// Byte offsets of token `i`.
    #[inline]
    pub fn start(&self, i: usize) -> usize {
        self.doc.tokens.get(i).map_or(self.text.len(), Token::start)
    }

    #[inline]
    pub fn end(&self, i: usize) -> usize {
        self.doc.tokens.get(i).map_or(self.text.len(), Token::end)
    }

    pub fn kind(&self, i: usize) -> Kind {
        let f = self.flags(i);
        if f & flags::QUOTE != 0 {
            Kind::Quote
        } else if f & flags::PUNCT != 0 {
            Kind::Punct
        } else {
            Kind::Word
        }
    }

    /// Word-class bits of token `i` (0 for non-words). A possessive `’s` is no auxiliary.
    #[inline]
    pub fn cls(&self, i: usize) -> u64 {
        let c = self.doc.classes(i) & CLASSES;
        if c != 0 && self.flags(i) & flags::CLITIC != 0 && self.possessive(i) {
            return 0;
        }
        c
    }

    /// A possessive `’s` (after a noun or name, not a pronoun: `he’s` is `he is`).
    pub fn possessive(&self, i: usize) -> bool {
        let f = self.flags(i);
        f & flags::CLITIC != 0
            && f & flags::SPACE_BEFORE == 0
            && i > 0
            && matches!(self.word(i), "'s" | "’s" | "'S" | "’S")
            && self.doc.classes(i - 1) & (PRON | REL) == 0
            && !["that", "there", "what", "here", "it"].iter().any(|w| self.is_w(i - 1, w))
    }

    /// First character is upper case.
    #[inline]
    pub fn cap(&self, i: usize) -> bool {
        self.flags(i) & flags::CAP != 0
    }

    /// A number written in digits (`4`, `2,000`).
    #[inline]
    pub fn number(&self, i: usize) -> bool {
        self.flags(i) & flags::NUMBER != 0
    }

    /// A line break lies between token `i` and the one before it, in the same block.
    #[inline]
    pub fn nl(&self, i: usize) -> bool {
        self.flags(i) & (flags::LINE_START | flags::BLOCK_START) == flags::LINE_START
    }

    /// 1 + the top-level quotation holding token `i`, 0 outside.
    #[inline]
    pub fn q(&self, i: usize) -> u32 {
        self.doc.quotation_of(i).map_or(0, |q| q as u32 + 1)
    }

    /// The sentence index of token `i`.
    #[inline]
    pub fn sent(&self, i: usize) -> u32 {
        self.doc.sentence_of(i) as u32
    }

    /// The block index of token `i`.
    #[inline]
    pub fn para(&self, i: usize) -> u32 {
        self.doc.block_of(i) as u32
    }

    /// The first character of token `i`.
    #[inline]
    pub fn ch(&self, i: usize) -> char {
        self.word(i).chars().next().unwrap_or('\0')
    }

    pub fn is_word(&self, i: usize) -> bool {
        i < self.len() && self.kind(i) == Kind::Word
    }

    /// Token `i` is the word `w` (ASCII case-insensitive).
    pub fn is_w(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.word(i).eq_ignore_ascii_case(w)
    }

    /// The first character when token `i` is punctuation.
    pub fn punct(&self, i: usize) -> Option<char> {
        (i < self.len() && self.kind(i) == Kind::Punct).then(|| self.ch(i))
    }

    pub fn is_p(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }

    pub fn is_dash(&self, i: usize) -> bool {
        self.punct(i).is_some_and(|c| matches!(c, '\u{2014}' | '\u{2013}' | '-'))
    }

    pub fn is_quote(&self, i: usize) -> bool {
        i < self.len() && self.kind(i) == Kind::Quote
    }

    /// A quote mark in use (opening or closing a quotation), not an apostrophe (`Sanders’`).
    pub fn is_mark(&self, i: usize) -> bool {
        self.flags(i) & (flags::OPEN_MARK | flags::CLOSE_MARK) != 0
    }

    pub fn opens(&self, i: usize) -> bool {
        self.flags(i) & flags::OPEN_MARK != 0
    }

    pub fn closes(&self, i: usize) -> bool {
        self.flags(i) & flags::CLOSE_MARK != 0
    }

    /// The cue starting at token `i`.
    pub fn cue(&self, i: usize) -> Option<CueHit> {
        match self.cue_at.get(i) {
            Some(&c) if c > 0 => self.cues.get(c as usize - 1).copied(),
            _ => None,
        }
    }

    /// 1 + the index of the cue starting at token `i`, 0 when none.
    pub fn cue_index(&self, i: usize) -> u32 {
        self.cue_at.get(i).copied().unwrap_or(0)
    }

    /// Adverbs, auxiliaries and time words that may stand between a speaker and its cue.
    pub fn skippable(&self, i: usize) -> bool {
        self.skip.get(i).copied().unwrap_or(false)
    }

    /// Sentence token range of token `i`.
    pub fn sent_of(&self, i: usize) -> (usize, usize) {
        if i >= self.len() {
            return (i, i + 1);
        }
        self.sents.get(self.sent(i) as usize).copied().unwrap_or((i, i + 1))
    }

    /// Byte span of tokens `[a, b)`.
    pub fn bytes(&self, a: usize, b: usize) -> (usize, usize) {
        self.doc.bytes(a, b)
    }

    /// Whether token `i` is a sentence-final punctuation mark or a semicolon.
    pub fn is_stop_punct(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('.' | '!' | '?' | ';' | '\u{2026}'))
    }

    /// Whether the word could begin a clause (subject pronoun, determiner, name, number, quote).
    pub fn clause_start(&self, i: usize) -> bool {
        if i >= self.len() {
            return false;
        }
        match self.kind(i) {
            Kind::Quote => self.opens(i),
            Kind::Punct => false,
            Kind::Word => {
                let c = self.cls(i);
                let contracted = self.flags(i + 1) & (flags::CLITIC | flags::SPACE_BEFORE)
                    == flags::CLITIC
                    && !self.possessive(i + 1);
                if contracted
                    && (c & PRON != 0
                        || ["that", "there", "what", "who"].iter().any(|x| self.is_w(i, x)))
                {
                    return true; // `he's`, `there's`
                }
                if c & (PREP | CONJ | SKIP) != 0 && c & (PRON | DET) == 0 {
                    return false;
                }
                if self.is_w(i, "no") || self.is_w(i, "so") || self.is_w(i, "yes") {
                    return false;
                }
                c & (PRON | DET) != 0 || self.cap(i) || self.ch(i).is_ascii_digit()
            }
        }
    }

    /// Adverbs, auxiliaries and time words that may stand between a speaker and its cue: the
    /// word lists' skip and time words, `-ly` adverbs, `n't` and the verb it is split from.
    fn skippable_word(&self, i: usize, cache: &mut TypeCache<bool>) -> bool {
        let t = self.doc.tokens[i];
        if !self.is_word(i) || self.possessive(i) {
            return false;
        }
        let classes = self.doc.classes(i) & CLASSES;
        if cache.get(self.doc, t.ty, |w| skippable_type(w, classes, t.has(flags::CAP))) {
            return true;
        }
        // `do` of `don't`: the verb a `n't` is split from
        self.flags(i + 1) & (flags::CLITIC | flags::SPACE_BEFORE) == flags::CLITIC
            && self.ch(i + 1).eq_ignore_ascii_case(&'n')
    }

    /// Cue phrases on word boundaries; a capitalised cue only at a clause start.
    fn find_cues(&mut self) {
        let Some(ac) = CUES.ac.as_ref() else { return };
        let text = self.text;
        for ti in 0..self.len() {
            if self.doc.classes(ti) & QCUE == 0 || self.q(ti) != 0 {
                continue;
            }
            // the longest cue starting at this word
            let input = aho_corasick::Input::new(text)
                .span(self.start(ti)..text.len())
                .anchored(aho_corasick::Anchored::Yes);
            let Ok(Some(m)) = ac.try_find(input) else { continue };
            let mut last = ti;
            while last + 1 < self.len() && self.end(last) < m.end() {
                last += 1;
            }
            if self.end(last) != m.end() {
                continue;
            }
            let flags = CUES.flags.get(m.pattern().as_usize()).copied().unwrap_or_default();
            let prev_word = ti > 0 && self.is_word(ti - 1) && self.sent(ti - 1) == self.sent(ti);
            if self.cap(ti) && !flags.prep && prev_word {
                continue; // "The Washington Post", "Lou Read"
            }
            if ti > 0 && self.is_word(ti - 1) && is_article(self.word(ti - 1)) {
                continue; // "his comments", "the claims": nouns
            }
            if last == ti && self.noun_position(ti) {
                continue; // "the IG’s report", "a rare note": nouns
            }
            self.cues.push(CueHit { tok: ti, last: last + 1, flags });
            self.cue_at[ti] = self.cues.len() as u32;
        }
    }

    /// A one-word cue that can be a noun (not a past form), after a possessive (`Trump’s claims`)
    /// or after a determiner and an adjective (`a rare note`).
    fn noun_position(&self, ti: usize) -> bool {
        let w = self.word(ti);
        let past = w.ends_with("ed")
            || ["said", "told", "wrote", "thought", "found", "read", "put"].contains(&w);
        if past || ti == 0 || !self.is_word(ti - 1) || self.sent(ti - 1) != self.sent(ti) {
            return false;
        }
        if self.possessive(ti - 1) {
            return true;
        }
        let prev = self.word(ti - 1);
        // `a rare note`, `no telephone call`, but not `the narrator says`
        let adjective = self.cls(ti - 1) == 0
            && !["ly", "ed", "s"].iter().any(|x| prev.ends_with(x))
            && !w.ends_with('s');
        let determiner = ti > 1 && self.is_word(ti - 2) && self.cls(ti - 2) & DET != 0;
        adjective && determiner
    }
}

/// Whether a word (its text, classes and case) may stand between a speaker and a cue.
fn skippable_type(w: &str, c: u64, cap: bool) -> bool {
    c & (SKIP | TIME) != 0
        || !cap
            && w.len() >= 5
            && w.ends_with("ly")
            && c & (ROLE | NONPERSON) == 0
            && !is_ly_noun(w)
        || w.ends_with("n't")
        || w.ends_with("n’t")
}

thread_local! {
    /// Whether each word type this thread knows may be skipped (see [`skippable_type`]).
    static SKIP_TYPES: std::cell::RefCell<TypeCache<bool>> =
        std::cell::RefCell::new(TypeCache::default());
}

fn is_ly_noun(w: &str) -> bool {
    [
        "family", "ally", "rally", "assembly", "supply", "reply", "italy", "monopoly", "anomaly",
        "bully",
    ]
    .iter()
    .any(|n| n.eq_ignore_ascii_case(w))
}

fn is_article(w: &str) -> bool {
    ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those"]
        .iter()
        .any(|a| a.eq_ignore_ascii_case(w))
}
