//! Byte-span tokenizer for raw news text, PTB/CoNLL-like.
//!
//! Punctuation is split off; abbreviations (`U.S.`, `Mr.`, `Jan.`, initials) keep their period;
//! possessives and clitics are split (`Russia’s` → `Russia` `’s`, `don't` → `do` `n't`);
//! hyphenated words, numbers with `.`/`,`/`:`/`/`, URLs and e-mail addresses stay whole. Tokens
//! are spans into the text with precomputed flags, so tokenising allocates only the output `Vec`.

mod chunk;
pub mod flags;

use chunk::{Chunk, keeps_period_word, split_chunk};
use flags::{alnum_flags, compute_flags, mark_flags};

/// A token: the byte span `start..end` of the text plus cheap precomputed flags (`flags::*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub flags: u32,
}

impl Token {
    /// The token's text.
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    #[inline]
    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

/// Characters that continue a word but are not alphanumeric (combining marks, joiners).
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0xFE20..=0xFE2F | 0x200C | 0x200D | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0E31..=0x0E3A | 0x0E47..=0x0E4E)
}

#[inline]
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Whitespace for tokenisation: Unicode white space, control characters, zero-width spaces, BOM.
#[inline]
fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

#[inline]
pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

#[inline]
pub(super) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '`'
            | '″'
            | '′'
    )
}

#[inline]
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―' | '‒' | '−')
}

/// Tokenise `text` into byte-span tokens (no sentence starts marked; see [`mark_sentence_starts`]).
pub fn tokenize(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::with_capacity(n / 5 + 4);
    let mut chars: Vec<(usize, char)> = Vec::new();
    let mut line_start = true;
    let mut i = 0;
    let ascii_end = |k: usize| k >= n || b[k] <= b' ' || b[k] == 0x7F;
    while i < n {
        let c = b[i];
        if c <= b' ' || c == 0x7F {
            line_start |= c == b'\n';
            i += 1;
            continue;
        }
        if c >= 0x80 {
            // `i` is always on a char boundary; `get` keeps that an invariant, not a panic
            let Some(ch) = text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            if is_space(ch) {
                line_start |= matches!(ch, '\u{2028}' | '\u{2029}' | '\u{85}');
                i += ch.len_utf8();
                continue;
            }
        }
        let first = out.len();
        // fast path: an ASCII letter/digit run, alone or with one plain punctuation mark after it
        let (mut up, mut lo, mut dg) = (0u32, 0u32, 0u32);
        let mut j = i;
        while j < n {
            match b[j] {
                b'a'..=b'z' => lo += 1,
                b'A'..=b'Z' => up += 1,
                b'0'..=b'9' => dg += 1,
                _ => break,
            }
            j += 1;
        }
        let word_flags = alnum_flags(c.is_ascii_uppercase(), up, lo, dg);
        let simple_mark = j > i
            && j < n
            && ascii_end(j + 1)
            && match b[j] {
                b',' | b';' | b':' | b'!' | b'?' | b')' | b'"' => true,
                b'.' => up + lo > 0 && !keeps_period_word(&text[i..j]),
                _ => false,
            };
        if j > i && ascii_end(j) {
            out.push(Token { start: i, end: j, flags: word_flags });
            i = j;
        } else if simple_mark {
            out.push(Token { start: i, end: j, flags: word_flags });
            out.push(Token { start: j, end: j + 1, flags: mark_flags(b[j]) });
            i = j + 1;
        } else {
            // general path: the whole whitespace-free chunk, char by char
            chars.clear();
            let mut k = i;
            for (off, ch) in text.get(i..).unwrap_or("").char_indices() {
                if is_space(ch) {
                    break;
                }
                chars.push((i + off, ch));
                k = i + off + ch.len_utf8();
            }
            split_chunk(&Chunk { text, chars: &chars, end: k }, line_start, &mut out);
            for t in &mut out[first..] {
                t.flags |= compute_flags(text.get(t.start..t.end).unwrap_or(""));
            }
            i = k.max(i + 1);
        }
        if line_start && out.len() > first {
            out[first].flags |= flags::LINE_START;
        }
        line_start = false;
    }
    out
}

/// Set [`flags::SENT_START`] on the first token of each sentence (byte spans); with no sentences,
/// on each line's first token.
pub fn mark_sentence_starts(tokens: &mut [Token], sentences: &[(usize, usize)]) {
    if sentences.is_empty() {
        for t in tokens.iter_mut() {
            if t.has(flags::LINE_START) {
                t.flags |= flags::SENT_START;
            }
        }
        return;
    }
    let mut si = 0;
    let mut prev_sent = usize::MAX;
    for t in tokens.iter_mut() {
        while si < sentences.len() && sentences[si].1 <= t.start {
            si += 1;
        }
        if si < sentences.len() && sentences[si].0 <= t.start && si != prev_sent {
            t.flags |= flags::SENT_START;
            prev_sent = si;
        }
    }
}

#[cfg(test)]
mod tests;
