//! The document every analysis stage reads, built once after layout: the text's tokens (byte
//! spans, word types, flags), the vocabulary of word types (lexicon classes looked up once per
//! type), the blocks from layout, the paired quote marks and the sentences. No stage tokenizes
//! the text or splits sentences again, so no two stages can disagree about what a word or a
//! sentence is; a stage keeps its own annotations in vectors indexed by token or by type.
//!
//! Who reads what: the tagger and the entity stage read tokens, types, clauses and blocks; the
//! quote stage tokens, word classes, quotations and sentences; the time stage tokens and their
//! types' time words; the source and keyword stages tokens, types, sentences and the title.

pub mod case;
mod chunk;
pub mod flags;
mod marks;
mod sentences;
mod token;
mod vocab;

pub use case::{is_function_word, sentence_case};
pub use marks::Quotation;
pub use token::{Token, is_word_char, tokenize};
pub use vocab::{TypeCache, Vocab};

use crate::model::BlockKind;

/// A block of the text (from layout): its kind, byte span and tokens `tokens.0..tokens.1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
    pub tokens: (usize, usize),
}

/// The analysed article (see the module comment).
#[derive(Debug)]
pub struct Doc<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub vocab: Vocab,
    pub blocks: Vec<Block>,
    /// The Article's sentences, as token ranges, in order.
    pub sentences: Vec<(usize, usize)>,
    /// Top-level quotations (paired quote marks), in order.
    pub quotations: Vec<Quotation>,
    /// What the text's quote marks leave open (unbalanced marks and the like).
    pub warnings: Vec<String>,
    /// Per token: its sentence, its block, 1 + its top-level quotation (0: none).
    sentence_of: Vec<u32>,
    block_of: Vec<u32>,
    quotation_of: Vec<u32>,
}

impl<'t> Doc<'t> {
    /// The document of `text` whose blocks (byte spans, in order, not overlapping) are `blocks`.
    /// Text outside the blocks is not read; blocks out of range or off character boundaries
    /// are left out.
    pub fn new(text: &'t str, blocks: &[(BlockKind, usize, usize)]) -> Doc<'t> {
        crate::cost::enter(crate::cost::Stage::Doc);
        let mut tokens = Vec::with_capacity(text.len() / 5 + 4);
        let mut kept: Vec<Block> = Vec::with_capacity(blocks.len());
        for &(kind, start, end) in blocks {
            let end = end.min(text.len());
            let ok = start < end && text.is_char_boundary(start) && text.is_char_boundary(end);
            if !ok || kept.last().is_some_and(|b| start < b.end) {
                continue;
            }
            let first = tokens.len();
            token::tokenize_range(text, start, end, &mut tokens);
            if let Some(t) = tokens.get_mut(first) {
                t.flags |= flags::BLOCK_START;
            }
            kept.push(Block { kind, start, end, tokens: (first, tokens.len()) });
        }
        crate::cost::add(tokens.len());
        let vocab = Vocab::build(text, &mut tokens);
        let mut block_of = vec![0u32; tokens.len()];
        for (k, b) in kept.iter().enumerate() {
            block_of[b.tokens.0..b.tokens.1].fill(k as u32);
        }
        let ranges: Vec<(usize, usize)> = kept.iter().map(|b| b.tokens).collect();
        let mut quotation_of = vec![0u32; tokens.len()];
        let mut warn = marks::Warnings::default();
        let quotations = marks::pair(text, &mut tokens, &ranges, &mut quotation_of, &mut warn);
        let mut flags: Vec<u32> = tokens.iter().map(|t| t.flags).collect();
        let input =
            sentences::Input { text, tokens: &tokens, vocab: &vocab, quotation_of: &quotation_of };
        let headlines: Vec<(usize, usize, bool)> = kept
            .iter()
            .map(|b| {
                (b.tokens.0, b.tokens.1, matches!(b.kind, BlockKind::Title | BlockKind::Heading))
            })
            .collect();
        let sentences = sentences::split(&input, &headlines, &mut flags);
        for (t, f) in tokens.iter_mut().zip(flags) {
            t.flags = f;
        }
        let mut sentence_of = vec![0u32; tokens.len()];
        for (s, &(a, b)) in sentences.iter().enumerate() {
            sentence_of[a..b].fill(s as u32);
        }
        Doc {
            text,
            tokens,
            vocab,
            blocks: kept,
            sentences,
            quotations,
            warnings: warn.finish(),
            sentence_of,
            block_of,
            quotation_of,
        }
    }

    /// The document of a text taken as it is: its paragraphs (split on blank lines, or on line
    /// breaks when it has none) are the blocks. For tests and the training tools.
    #[cfg(any(test, feature = "train"))]
    pub fn from_text(text: &'t str) -> Doc<'t> {
        let layout = crate::layout::run(text, false);
        let blocks: Vec<(BlockKind, usize, usize)> =
            layout.blocks.iter().map(|b| (b.kind, b.start, b.end)).collect();
        Doc::new(text, &blocks)
    }

    /// The text of token `i` ("" past the end).
    #[inline]
    pub fn word(&self, i: usize) -> &'t str {
        crate::cost::add(1);
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// The word classes of token `i` ([`crate::lexicon::classes::class`]; 0 past the end).
    #[inline]
    pub fn classes(&self, i: usize) -> u64 {
        crate::cost::add(1);
        self.tokens.get(i).map_or(0, |t| self.vocab.classes(t.ty))
    }

    /// The word classes of word type `ty` (its form's and, as written, its abbreviation's).
    #[inline]
    pub fn classes_of_type(&self, ty: u32) -> u64 {
        self.vocab.classes(ty)
    }

    /// The sentence of token `i`.
    #[inline]
    pub fn sentence_of(&self, i: usize) -> usize {
        crate::cost::add(1);
        self.sentence_of.get(i).map_or(0, |&s| s as usize)
    }

    /// The block of token `i`.
    #[inline]
    pub fn block_of(&self, i: usize) -> usize {
        crate::cost::add(1);
        self.block_of.get(i).map_or(0, |&b| b as usize)
    }

    /// The top-level quotation holding token `i` (its marks included), if any.
    #[inline]
    pub fn quotation_of(&self, i: usize) -> Option<usize> {
        crate::cost::add(1);
        match self.quotation_of.get(i) {
            Some(&q) if q > 0 => Some(q as usize - 1),
            _ => None,
        }
    }

    /// Byte span of tokens `a..b` (`(0, 0)` when empty).
    #[inline]
    pub fn bytes(&self, a: usize, b: usize) -> (usize, usize) {
        match (self.tokens.get(a), b.checked_sub(1).and_then(|l| self.tokens.get(l))) {
            (Some(x), Some(y)) if b > a => (x.start(), y.end()),
            _ => (0, 0),
        }
    }

    /// Byte spans of the sentences.
    pub fn sentence_spans(&self) -> Vec<(usize, usize)> {
        self.sentences.iter().map(|&(a, b)| self.bytes(a, b)).collect()
    }

    /// The text of sentence `s`.
    #[cfg(any(test, feature = "train"))]
    pub fn sentence_text(&self, s: usize) -> &'t str {
        let (a, b) = self.sentences.get(s).map_or((0, 0), |&(a, b)| self.bytes(a, b));
        self.text.get(a..b).unwrap_or("")
    }

    /// The clauses: sentences, and inside them the sentences of quotations (token ranges, in
    /// order), cut where a token is flagged [`flags::CLAUSE_START`].
    pub fn clauses(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::with_capacity(self.sentences.len() * 2);
        for &(a, b) in &self.sentences {
            let mut start = a;
            for i in a + 1..b {
                if self.tokens[i].has(flags::CLAUSE_START) {
                    out.push((start, i));
                    start = i;
                }
            }
            out.push((start, b));
        }
        out
    }

    /// The first token that ends after byte `pos` (the token at or after it).
    #[inline]
    pub fn token_at(&self, pos: usize) -> usize {
        crate::cost::add(1);
        self.tokens.partition_point(|t| t.end() <= pos)
    }

    /// The tokens lying inside the byte span `start..end`.
    pub fn tokens_in(&self, start: usize, end: usize) -> (usize, usize) {
        crate::cost::add(1);
        let a = self.tokens.partition_point(|t| t.start() < start);
        let b = self.tokens.partition_point(|t| t.end() <= end);
        (a, b.max(a))
    }
}
