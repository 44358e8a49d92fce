//! A small tokenizer for the windows around trigger words: words, digit runs and punctuation,
//! each word looked up once in the lexicon. Typographic quotes and dashes are folded to ASCII.

use super::lexicon::{Entry, LEXICON};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters (ASCII or not).
    Word,
    /// A run of ASCII digits.
    Num,
    /// One punctuation character, folded to ASCII (`’` → `'`, `–` → `-`); 0 for other symbols.
    Punct(u8),
}

/// One token: byte span, kind, lexicon entry (words), value (numbers), spacing before it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub entry: Option<&'static Entry>,
    /// The value of a digit run (saturating), 0 otherwise.
    pub val: u32,
    /// Newlines between the previous token and this one (capped at 2).
    pub nl: u8,
    /// Whether white space separates this token from the previous one.
    pub space: bool,
}

impl Tok {
    /// Whether an expression can begin at this token (a number, a starter word, an apostrophe
    /// of `'90s`); the grammar is not consulted for any other token.
    #[inline]
    pub(crate) fn can_start(&self) -> bool {
        match self.kind {
            Kind::Num => true,
            Kind::Word => self.entry.is_some_and(|e| e.starter),
            Kind::Punct(c) => c == b'\'',
        }
    }
}

fn fold_punct(c: char) -> Option<u8> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{2032}' => b'\'',
        '\u{201c}' | '\u{201d}' => b'"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => b'-',
        '\u{2044}' => b'/',
        _ => return None,
    })
}

/// Tokenizes `text[from..to]` into `out` (cleared first). `from`/`to` must be char boundaries.
pub(crate) fn tokenize(text: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    tokenize_block(text, from, to, usize::MAX, false, out);
}

/// Tokenizes one block from `from` (a char boundary) into `out` (cleared first): up to `to`,
/// a blank line (when `blank_ends` is set) or — once `max` tokens are read — the next white
/// space. Returns where the next block starts. Blocks split at blank lines never hold one, so
/// no expression spans paragraphs.
pub(crate) fn tokenize_block(
    text: &str,
    from: usize,
    to: usize,
    max: usize,
    blank_ends: bool,
    out: &mut Vec<Tok>,
) -> usize {
    out.clear();
    let bytes = text.as_bytes();
    let lex = &*LEXICON;
    let mut i = from;
    let mut nl: u8 = 0;
    let mut space = false;
    while i < to {
        let b = bytes[i];
        if !out.is_empty()
            && (blank_ends && nl >= 2 || space && out.len() >= max)
            && !b.is_ascii_whitespace()
        {
            return i;
        }
        if b.is_ascii_whitespace() {
            if b == b'\n' {
                nl = nl.saturating_add(1).min(2);
            }
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let (kind, entry, val) = if b.is_ascii_digit() {
            let mut v: u64 = 0;
            while i < to && bytes[i].is_ascii_digit() {
                v = (v * 10 + u64::from(bytes[i] - b'0')).min(u64::from(u32::MAX));
                i += 1;
            }
            (Kind::Num, None, v as u32)
        } else if b.is_ascii_alphabetic() || b >= 0x80 && is_letter_at(text, i) {
            let mut ascii = true;
            while i < to {
                let c = bytes[i];
                if c.is_ascii_alphabetic() {
                    i += 1;
                } else if c >= 0x80 && is_letter_at(text, i) {
                    ascii = false;
                    i += char_len(c);
                } else {
                    break;
                }
            }
            let entry = if ascii { lex.get(&bytes[start..i]) } else { None };
            (Kind::Word, entry, 0)
        } else if b < 0x80 {
            i += 1;
            (Kind::Punct(b), None, 0)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                space = true;
                if c == '\u{2028}' || c == '\u{2029}' {
                    nl = 2;
                }
                continue;
            }
            (Kind::Punct(fold_punct(c).unwrap_or(0)), None, 0)
        };
        out.push(Tok { start, end: i.min(to), kind, entry, val, nl, space });
        nl = 0;
        space = false;
    }
    to
}

fn char_len(lead: u8) -> usize {
    match lead {
        0xf0..=0xff => 4,
        0xe0..=0xef => 3,
        0xc0..=0xdf => 2,
        _ => 1,
    }
}

fn is_letter_at(text: &str, i: usize) -> bool {
    text.get(i..).and_then(|s| s.chars().next()).is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        let mut v = Vec::new();
        tokenize(s, 0, s.len(), &mut v);
        v
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let t = toks("Feb. 5, 2026");
        let kinds: Vec<Kind> = t.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            vec![Kind::Word, Kind::Punct(b'.'), Kind::Num, Kind::Punct(b','), Kind::Num]
        );
        assert_eq!(t[0].entry.map(|e| e.month), Some(2));
        assert_eq!(t[4].val, 2026);
        assert!(t[2].space && !t[1].space);
    }

    #[test]
    fn folds_typographic_marks_and_counts_newlines() {
        let t = toks("the ’90s\n\n2014–2022");
        assert_eq!(t[1].kind, Kind::Punct(b'\''));
        assert_eq!(t[4].nl, 2);
        assert_eq!(t[5].kind, Kind::Punct(b'-'));
    }

    #[test]
    fn non_ascii_words_are_not_looked_up() {
        let t = toks("Mayé 12");
        assert_eq!(t.len(), 2);
        assert!(t[0].entry.is_none());
    }

    #[test]
    fn huge_numbers_saturate() {
        let t = toks("99999999999999999999999");
        assert_eq!(t[0].val, u32::MAX);
    }
}
