//! A light tokenizer (words, punctuation, quote marks) and paragraph splitting: enough
//! structure for the attribution rules without a tagger. Linear in the input.

use super::lexicon::class;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters/digits, with internal apostrophes, hyphens and abbreviation periods.
    Word,
    /// One punctuation or symbol character.
    Punct,
    /// A quote-mark character (or a doubled `''` / ```` `` ````); see `marks` for its role.
    Quote,
}

/// Role of a quote-mark token, filled in by `marks`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Not a quote mark in use (apostrophe, inch sign, stray).
    None,
    Open,
    Close,
}

/// One token. `q` is 1 + the index of the top-level quotation that contains the token
/// (marks included), 0 outside quotations; `sent` the sentence index; `para` the paragraph index.
#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub mark: Mark,
    /// First character is uppercase.
    pub cap: bool,
    /// A word that took its trailing period (Mr., U.S., J.).
    pub abbr: bool,
    /// A line break lies between the previous token and this one.
    pub nl: bool,
    pub q: u32,
    pub sent: u32,
    pub para: u32,
    /// 1 + index of the reporting cue that starts at this token, 0 when none.
    pub cue: u32,
    /// Word-class bits (`lexicon::class`), 0 for non-words.
    pub cls: u16,
    /// The first character (for punctuation tests without decoding).
    pub ch: char,
    /// An adverb, auxiliary or time word that may stand between a speaker and its cue.
    pub skip: bool,
}

impl Tok {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    /// The first character when it is a punctuation token.
    pub fn punct(&self, _text: &str) -> Option<char> {
        if self.kind == Kind::Punct { Some(self.ch) } else { None }
    }
}

/// Quote-mark characters the stage recognises.
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{201E}'
            | '\u{201A}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{201F}'
            | '\u{201B}'
    )
}

fn joins_word(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' | '.' | '&')
}

/// Byte spans of paragraphs: blocks separated by blank lines, or by single line breaks when
/// the text has no blank line (the contract's rule for uncleaned input).
pub fn split_paragraphs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let blank = |a: usize, e: usize| bytes[a..e].iter().all(|c| matches!(c, b' ' | b'\t' | b'\r'));
    let ends = || memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    let mut has_blank = false;
    let mut ls = 0;
    for e in ends() {
        if e < bytes.len() && ls > 0 && blank(ls, e) {
            has_blank = true;
            break;
        }
        ls = e + 1;
    }
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // first and last non-blank line of the paragraph
    let mut ls = 0;
    for e in ends() {
        if blank(ls, e) {
            if let Some((s, t)) = open.take() {
                push_trimmed(bytes, s, t, &mut out);
            }
        } else if has_blank {
            open = Some((open.map_or(ls, |o| o.0), e));
        } else {
            push_trimmed(bytes, ls, e, &mut out);
        }
        ls = e + 1;
        if ls > bytes.len() {
            break;
        }
    }
    if let Some((s, t)) = open {
        push_trimmed(bytes, s, t, &mut out);
    }
    out
}

fn push_trimmed(bytes: &[u8], mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
    while s < e && bytes[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && bytes[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    if e > s {
        out.push((s, e));
    }
}

/// Tokenizes the paragraphs of `text` (spans outside every paragraph are skipped).
pub fn tokenize(text: &str, paragraphs: &[(usize, usize)]) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 5 + 8);
    for (pi, &(ps, pe)) in paragraphs.iter().enumerate() {
        let (ps, pe) = (ps.min(text.len()), pe.min(text.len()));
        if ps >= pe || !text.is_char_boundary(ps) || !text.is_char_boundary(pe) {
            continue;
        }
        tokenize_range(text, ps, pe, pi as u32, &mut toks);
    }
    toks
}

/// The character at byte `i` (valid UTF-8 guaranteed by `&str`).
fn char_at(text: &str, i: usize) -> char {
    text.get(i..).and_then(|t| t.chars().next()).unwrap_or('\0')
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !is_quote_char(c)
            && !matches!(c, '\u{2013}' | '\u{2014}' | '\u{2026}')
            && (c.is_alphanumeric() || is_combining(c))
    }
}

/// One pass over the bytes, decoding only non-ASCII characters.
fn tokenize_range(text: &str, ps: usize, pe: usize, para: u32, toks: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let mut i = ps;
    let mut nl = false;
    while i < pe {
        let c = if b[i] < 0x80 { b[i] as char } else { char_at(text, i) };
        let len = c.len_utf8();
        if c.is_whitespace() {
            nl |= c == '\n';
            i += len;
            continue;
        }
        let mut tok = Tok {
            start: i,
            end: i + len,
            kind: Kind::Punct,
            mark: Mark::None,
            cap: false,
            abbr: false,
            nl,
            q: 0,
            sent: 0,
            para,
            cue: 0,
            cls: 0,
            ch: c,
            skip: false,
        };
        nl = false;
        if is_word_char(c) {
            tok.kind = Kind::Word;
            tok.cap = if c.is_ascii() { c.is_ascii_uppercase() } else { c.is_uppercase() };
            let (end, has_dot, lower, n) = scan_word(text, i + len, pe, c);
            let mut end = end;
            if end < pe && b[end] == b'.' {
                let w = &text[i..end];
                let single_cap = tok.cap && w.chars().nth(1).is_none();
                let initials = has_dot && w.split('.').all(|p| p.chars().nth(2).is_none());
                let abbr = n <= lower.len()
                    && super::lexicon::word_class_lower(&lower[..n]) & class::ABBR != 0;
                let before_comma = b.get(end + 1) == Some(&b',');
                if initials || single_cap || abbr || before_comma {
                    end += 1;
                    tok.abbr = true;
                }
            }
            tok.end = end;
            if !tok.abbr {
                tok.cls = super::lexicon::word_class_buf(&lower, n);
            }
        } else if is_quote_char(c) {
            tok.kind = Kind::Quote;
            // a doubled straight mark '' or `` is one double quote mark
            if matches!(c, '\'' | '`') && tok.end < pe && b[tok.end] == c as u8 {
                tok.end += 1;
            }
        }
        i = tok.end;
        toks.push(tok);
    }
}

/// Scans the rest of a word from byte `i` (its first character `first` already taken):
/// returns its end, whether it holds an inner period, its ASCII-lowercased bytes (up to 24)
/// and its length in bytes (more than 24 when too long for the word lists).
fn put(lower: &mut [u8; 24], s: &[u8], n: &mut usize) {
    for &x in s {
        if let Some(slot) = lower.get_mut(*n) {
            *slot = x.to_ascii_lowercase();
        }
        *n += 1;
    }
}

fn scan_word(text: &str, mut i: usize, pe: usize, first: char) -> (usize, bool, [u8; 24], usize) {
    let b = text.as_bytes();
    let mut lower = [0u8; 24];
    let mut n = 0;
    let mut buf = [0u8; 4];
    put(&mut lower, first.encode_utf8(&mut buf).as_bytes(), &mut n);
    let mut has_dot = false;
    while i < pe {
        let x = b[i];
        if x.is_ascii_alphanumeric() {
            if let Some(slot) = lower.get_mut(n) {
                *slot = x.to_ascii_lowercase();
            }
            n += 1;
            i += 1;
            continue;
        }
        let c = if x < 0x80 { x as char } else { char_at(text, i) };
        let len = c.len_utf8();
        if x >= 0x80 && is_word_char(c) {
            put(&mut lower, &b[i..i + len], &mut n);
            i += len;
            continue;
        }
        if joins_word(c) && i + len < pe && is_word_char(char_at(text, i + len)) {
            has_dot |= c == '.';
            put(&mut lower, &b[i..i + len], &mut n);
            i += len;
            continue;
        }
        break;
    }
    (i, has_dot, lower, n)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let p = split_paragraphs(text);
        tokenize(text, &p).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn apostrophes_inside_words_stay_in_the_word() {
        assert_eq!(words("Russia’s don't"), vec!["Russia’s", "don't"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            words("Mr. Smith left the U.S. today."),
            vec!["Mr.", "Smith", "left", "the", "U.S.", "today", "."]
        );
    }

    #[test]
    fn doubled_apostrophes_are_one_mark() {
        let text = "''Yes,'' she said";
        let p = split_paragraphs(text);
        let t = tokenize(text, &p);
        assert_eq!(t[0].kind, Kind::Quote);
        assert_eq!(t[0].text(text), "''");
    }

    #[test]
    fn paragraphs_split_on_blank_lines_only_when_there_are_some() {
        assert_eq!(split_paragraphs("a\nb\n\nc").len(), 2);
        assert_eq!(split_paragraphs("a\nb\nc").len(), 3);
        assert_eq!(split_paragraphs("  \n\n ").len(), 0);
    }
}
