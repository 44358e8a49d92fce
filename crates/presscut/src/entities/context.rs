//! The document as the entity stage sees it: tokens with sentence starts, sentences as token
//! ranges, and which sentences are title-case headings (`Transfer of Frozen Russian Assets to
//! Ukraine`), where capitals say little about names.

use super::lexicon::{Key, phrase_hash};
use crate::doc::{Doc, Token, flags};
use crate::hash::FastSet;
use crate::ner::doc::{headline, is_function_word};
use crate::ner::features::word_hash;

type IdSet = FastSet<u64>;

/// Longest title-case sentence (in tokens) read as a heading.
const HEADING_MAX: usize = 30;

/// A tokenised document with sentence structure.
pub struct Context<'t> {
    pub text: &'t str,
    pub toks: &'t [Token],
    /// sentences as token index ranges
    pub sents: Vec<(usize, usize)>,
    /// sentence index of each token
    pub sent_of: Vec<u32>,
    /// per sentence: a title-case heading (see [`Context::new`])
    pub heading: Vec<bool>,
}

impl<'t> Context<'t> {
    /// Prepare the document `d`, its clauses as sentences. A sentence counts as a heading when
    /// it is in title case (every content word capitalised, not in capitals), has no numbers,
    /// and capitalises some word that the article elsewhere writes in lower case; lists of
    /// names and table rows have no such word.
    pub fn new(d: &'t Doc<'t>) -> Self {
        let (text, toks) = (d.text, d.tokens.as_slice());
        let sents = d.clauses();
        let mut sent_of = vec![0u32; toks.len()];
        let mut heading = Vec::with_capacity(sents.len());
        for (s, &(a, b)) in sents.iter().enumerate() {
            sent_of[a..b].fill(s as u32);
            // a long lower-case word rules title case out without counting the rest
            let title_case = !toks[a..b].iter().any(|t| t.has(flags::LOWER) && t.len() > 4)
                && headline(text, &toks[a..b]) == 2
                && b - a <= HEADING_MAX
                && !toks[a..b].iter().any(|t| t.has(flags::NUMBER));
            heading.push(title_case);
        }
        let mut cx = Context { text, toks, sents, sent_of, heading };
        cx.confirm_headings();
        cx
    }

    /// Keep as headings only the title-case sentences with a capitalised word that running
    /// text writes in lower case. Only the candidate words are hashed in full; other
    /// lower-case tokens are skipped by length and first letter.
    fn confirm_headings(&mut self) {
        let candidate = |t: &Token, w: &str| {
            t.has(flags::CAP) && !t.has(flags::ALL_CAPS) && !is_function_word(&w.to_lowercase())
        };
        let mut wanted = IdSet::default();
        let mut filter = [0u32; 32]; // by length (capped): bit set of first letters
        let slot = |w: &str| {
            let b = w.as_bytes();
            let first =
                b.first().map_or(31, |c| (c.to_ascii_lowercase().wrapping_sub(b'a')).min(31));
            (b.len().min(31), 1u32 << first)
        };
        for s in 0..self.sents.len() {
            if !self.heading[s] {
                continue;
            }
            let (a, b) = self.sents[s];
            for t in &self.toks[a..b] {
                let w = t.text(self.text);
                if candidate(t, w) {
                    wanted.insert(word_hash(w));
                    let (len, bit) = slot(w);
                    filter[len] |= bit;
                }
            }
        }
        if wanted.is_empty() {
            self.heading.fill(false);
            return;
        }
        let mut seen = IdSet::default();
        for (i, t) in self.toks.iter().enumerate() {
            if !t.has(flags::LOWER) || self.heading[self.sent_of[i] as usize] {
                continue;
            }
            let w = t.text(self.text);
            let (len, bit) = slot(w);
            if filter[len] & bit != 0 {
                let h = word_hash(w);
                if wanted.contains(&h) {
                    seen.insert(h);
                }
            }
        }
        for s in 0..self.sents.len() {
            if self.heading[s] {
                let (a, b) = self.sents[s];
                self.heading[s] = self.toks[a..b].iter().any(|t| {
                    let w = t.text(self.text);
                    candidate(t, w) && seen.contains(&word_hash(w))
                });
            }
        }
    }

    /// The text of token `i`.
    #[inline]
    pub fn word(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// The texts of tokens `a..b`.
    pub fn words(&self, a: usize, b: usize) -> impl Iterator<Item = &'t str> + Clone + '_ {
        (a..b).map(|i| self.word(i))
    }

    /// Lookup key of tokens `a..b` (case-insensitive, see [`phrase_hash`]).
    pub fn key(&self, a: usize, b: usize) -> Key {
        phrase_hash(self.words(a, b))
    }

    /// Whether token `i` is in a heading.
    pub fn in_heading(&self, i: usize) -> bool {
        self.sent_of.get(i).and_then(|&s| self.heading.get(s as usize)).copied().unwrap_or(false)
    }
}
