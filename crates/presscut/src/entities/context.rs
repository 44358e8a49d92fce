//! The document as the entity stage sees it: its tokens and clauses (sentences, and the
//! sentences of quotations), and which clauses are headings (`Transfer of Frozen Russian Assets
//! to Ukraine`), where capitals say little about names.

use super::lexicon::{Key, phrase_of_keys};
use crate::doc::{Doc, Token, case, flags, is_function_word, sentence_case};
use crate::model::BlockKind;

/// Longest title-case sentence (in tokens) read as a heading.
const HEADING_MAX: usize = 30;

/// A tokenised document with sentence structure.
pub struct Context<'t> {
    pub doc: &'t Doc<'t>,
    pub text: &'t str,
    pub toks: &'t [Token],
    /// clauses as token index ranges
    pub sents: Vec<(usize, usize)>,
    /// clause index of each token
    pub sent_of: Vec<u32>,
    /// per clause: a heading (see [`Context::new`])
    pub heading: Vec<bool>,
}

impl<'t> Context<'t> {
    /// Prepare the document `d`, its clauses as sentences. A clause is a heading when layout
    /// says so (a title or heading block), or when it is in title case (every content word
    /// capitalised, not in capitals), has no numbers, and capitalises some word that the
    /// article elsewhere writes in lower case; lists of names and table rows have no such word.
    pub fn new(d: &'t Doc<'t>) -> Self {
        let (text, toks) = (d.text, d.tokens.as_slice());
        let sents = d.clauses();
        let mut sent_of = vec![0u32; toks.len()];
        let mut heading = Vec::with_capacity(sents.len());
        for (s, &(a, b)) in sents.iter().enumerate() {
            sent_of[a..b].fill(s as u32);
            // a long lower-case word rules title case out without counting the rest
            let title_case = !toks[a..b].iter().any(|t| t.has(flags::LOWER) && t.byte_len() > 4)
                && sentence_case(text, &toks[a..b]) == case::TITLE
                && b - a <= HEADING_MAX
                && !toks[a..b].iter().any(|t| t.has(flags::NUMBER));
            heading.push(title_case);
        }
        let mut cx = Context { doc: d, text, toks, sents, sent_of, heading };
        cx.confirm_headings();
        cx
    }

    /// Keep as title-case headings only the clauses with a capitalised word that running text
    /// writes in lower case (the same word form); add the clauses of layout's headings.
    fn confirm_headings(&mut self) {
        let forms = &self.doc.vocab;
        let form = |t: &Token| forms.types.get(t.ty as usize).map_or(0, |ty| ty.form as usize);
        let candidate = |t: &Token| {
            t.has(flags::CAP)
                && !t.has(flags::ALL_CAPS)
                && !is_function_word(&t.text(self.text).to_lowercase())
        };
        // per form: 1 wanted (capitalised in a title-case clause), 2 also seen in lower case
        let mut state = vec![0u8; forms.forms.len()];
        for s in 0..self.sents.len() {
            if self.heading[s] {
                let (a, b) = self.sents[s];
                for t in self.toks[a..b].iter().filter(|t| candidate(t)) {
                    state[form(t)] = 1;
                }
            }
        }
        for (i, t) in self.toks.iter().enumerate() {
            if t.has(flags::LOWER) && !self.heading[self.sent_of[i] as usize] {
                let f = &mut state[form(t)];
                if *f == 1 {
                    *f = 2;
                }
            }
        }
        for s in 0..self.sents.len() {
            let (a, b) = self.sents[s];
            if self.heading[s] {
                self.heading[s] =
                    self.toks[a..b].iter().any(|t| candidate(t) && state[form(t)] == 2);
            }
            let block = self.doc.blocks.get(self.doc.block_of(a));
            if block.is_some_and(|k| matches!(k.kind, BlockKind::Title | BlockKind::Heading)) {
                self.heading[s] = true;
            }
        }
    }

    /// The text of token `i`.
    #[inline]
    pub fn word(&self, i: usize) -> &'t str {
        self.doc.word(i)
    }

    /// The texts of tokens `a..b`.
    pub fn words(&self, a: usize, b: usize) -> impl Iterator<Item = &'t str> + Clone + '_ {
        (a..b).map(|i| self.word(i))
    }

    /// Lookup key of tokens `a..b` (case-insensitive, see [`phrase_of_keys`]), from their
    /// forms' keys.
    pub fn key(&self, a: usize, b: usize) -> Key {
        let v = &self.doc.vocab;
        phrase_of_keys(self.toks[a..b].iter().map(|t| v.form(t.ty).key))
    }

    /// Whether token `i` starts with a capital.
    #[inline]
    pub fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.has(flags::CAP))
    }

    /// The title spelled by tokens `a..b`, if any.
    #[inline]
    pub fn title(&self, a: usize, b: usize) -> Option<super::lexicon::Title> {
        super::lexicon::LEX.title_k(self.key(a, b), self.cap(a))
    }

    /// The cue word token `i` is, if any.
    #[inline]
    pub fn cue(&self, i: usize) -> Option<super::lexicon::Cue> {
        if i >= self.toks.len() {
            return None;
        }
        super::lexicon::LEX.cue_k(self.key(i, i + 1))
    }

    /// Whether token `i` is in a heading.
    pub fn in_heading(&self, i: usize) -> bool {
        self.sent_of.get(i).and_then(|&s| self.heading.get(s as usize)).copied().unwrap_or(false)
    }
}
