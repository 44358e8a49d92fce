//! The tokenizer: byte-span tokens for raw news text, PTB/CoNLL-like (the tagger was trained
//! on these tokens).
//!
//! Punctuation is split off; abbreviations (`U.S.`, `Mr.`, `Jan.`, initials) keep their period;
//! possessives and clitics are split (`Russia’s` → `Russia` `’s`, `don't` → `do` `n't`);
//! hyphenated words, numbers with `.`/`,`/`:`/`/`, URLs and e-mail addresses stay whole; a
//! doubled `''` or ` `` ` is one quote mark. Tokens are spans into the text; tokenising allocates
//! only the output `Vec`.

use super::chunk::{Chunk, keeps_period_word, split_chunk};
use super::flags;

/// A token: the byte span `start..end` of the text, its word type (an index into the
/// document's [`super::Vocab`]) and its flags ([`flags`]: what its text looks like, and where it
/// stands). Small and `Copy`: stages keep their own annotations in parallel vectors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Token {
    start: u32,
    end: u32,
    /// word type: index into the document's vocabulary
    pub ty: u32,
    pub flags: u32,
}

impl Token {
    /// A token over `start..end` with `flags` and no type yet.
    pub(super) fn new(start: usize, end: usize, flags: u32) -> Token {
        Token { start: start as u32, end: end as u32, ty: 0, flags }
    }

    /// Byte offset of the first byte.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset just past the last byte.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Length in bytes (never 0: a token has at least one character).
    #[inline]
    pub fn byte_len(&self) -> usize {
        (self.end - self.start) as usize
    }

    /// The token's text.
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start()..self.end()).unwrap_or("")
    }

    /// Whether any of the flag bits `f` is set.
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

/// A character of a word: a letter, a digit or a mark that continues one.
#[inline]
pub fn is_word_char(c: char) -> bool {
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

/// A quote-mark character (straight, typographic, low, angle; primes used as marks).
#[inline]
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‚'
            | '‟'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '`'
            | '″'
            | '′'
    )
}

/// A dash or minus sign.
#[inline]
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―' | '‒' | '−')
}

/// Appends the tokens of `text[from..to]` (`from` and `to` on character boundaries) to `out`,
/// with their position flags ([`flags::LINE_START`], [`flags::SPACE_BEFORE`]); the flags that
/// describe a token's text come from its word type.
pub fn tokenize_range(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let to = to.min(b.len());
    let mut chars: Vec<(usize, char)> = Vec::new();
    let mut line_start = true;
    let mut space = true;
    let mut i = from;
    let ascii_end = |k: usize| k >= to || b[k] <= b' ' || b[k] == 0x7F;
    while i < to {
        let c = b[i];
        if c <= b' ' || c == 0x7F {
            line_start |= c == b'\n';
            space = true;
            i += 1;
            continue;
        }
        if c >= 0x80 {
            // `i` is always on a char boundary; `get` keeps that an invariant, not a panic
            let Some(ch) = text.get(i..to).and_then(|r| r.chars().next()) else {
                break;
            };
            if is_space(ch) {
                line_start |= matches!(ch, '\u{2028}' | '\u{2029}' | '\u{85}');
                space = true;
                i += ch.len_utf8();
                continue;
            }
        }
        let first = out.len();
        // fast path: an ASCII letter/digit run, alone or with one plain punctuation mark after it
        let (mut letters, mut j) = (0u32, i);
        while j < to {
            match b[j] {
                b'a'..=b'z' | b'A'..=b'Z' => letters += 1,
                b'0'..=b'9' => {}
                _ => break,
            }
            j += 1;
        }
        let simple_mark = j > i
            && j < to
            && ascii_end(j + 1)
            && match b[j] {
                b',' | b';' | b':' | b'!' | b'?' | b')' | b'"' => true,
                b'.' => letters > 0 && !keeps_period_word(&text[i..j]),
                _ => false,
            };
        if j > i && ascii_end(j) {
            out.push(Token::new(i, j, 0));
            i = j;
        } else if simple_mark {
            out.push(Token::new(i, j, 0));
            out.push(Token::new(j, j + 1, 0));
            i = j + 1;
        } else {
            // general path: the whole whitespace-free chunk, char by char
            chars.clear();
            let mut k = i;
            for (off, ch) in text.get(i..to).unwrap_or("").char_indices() {
                if is_space(ch) {
                    break;
                }
                chars.push((i + off, ch));
                k = i + off + ch.len_utf8();
            }
            split_chunk(&Chunk { text, chars: &chars, end: k }, line_start, out);
            i = k.max(i + 1);
        }
        if let Some(t) = out.get_mut(first) {
            if line_start {
                t.flags |= flags::LINE_START;
            }
            if space {
                t.flags |= flags::SPACE_BEFORE;
            }
        }
        line_start = false;
        space = false;
    }
}

/// The tokens of a whole text (for tests and tools; documents are tokenised block by block).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 4);
    tokenize_range(text, 0, text.len(), &mut out);
    for t in &mut out {
        t.flags |= flags::of_text(t.text(text));
    }
    out
}

#[cfg(test)]
#[path = "token_tests.rs"]
mod tests;
