//! Splitting one whitespace-free chunk of text into tokens: words with their inner hyphens,
//! periods and apostrophes, abbreviations, clitics, numbers, URLs and punctuation.

use super::token::{Token, is_apostrophe, is_word_char};
use crate::lexicon::classes::abbreviation;

/// A char-indexed view of one whitespace-free chunk.
pub(super) struct Chunk<'a> {
    pub(super) text: &'a str,
    /// (byte offset, char) of every char in the chunk
    pub(super) chars: &'a [(usize, char)],
    /// byte offset just past the chunk
    pub(super) end: usize,
}

impl Chunk<'_> {
    #[inline]
    fn c(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }
    #[inline]
    fn off(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.end, |&(o, _)| o)
    }
    fn is_word(&self, i: usize) -> bool {
        self.c(i).is_some_and(is_word_char)
    }
    fn is_digit(&self, i: usize) -> bool {
        self.c(i).is_some_and(|c| c.is_ascii_digit())
    }
    fn is_letter(&self, i: usize) -> bool {
        self.c(i).is_some_and(char::is_alphabetic)
    }
    fn slice(&self, a: usize, b: usize) -> &str {
        self.text.get(self.off(a)..self.off(b)).unwrap_or("")
    }
}

/// Would this letter/digit word keep a following period (initial or listed abbreviation)?
pub(super) fn keeps_period_word(w: &str) -> bool {
    let b = w.as_bytes();
    (b.len() == 1 && b[0].is_ascii_uppercase()) || abbreviation(w) != 0
}

fn push(out: &mut Vec<Token>, start: usize, end: usize) {
    if end > start {
        out.push(Token::new(start, end, 0));
    }
}

pub(super) fn looks_like_url(s: &str) -> bool {
    let l = s.as_bytes();
    let starts = |p: &str| l.len() > p.len() && l[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if starts("http://") || starts("https://") || starts("www.") || starts("ftp://") {
        return true;
    }
    // e-mail: word chars, '@', then a dotted domain
    if let Some(at) = memchr::memchr(b'@', l) {
        let (a, b) = (&s[..at], &s[at + 1..]);
        return !a.is_empty()
            && a.chars().all(|c| c.is_alphanumeric() || "._%+-".contains(c))
            && b.contains('.')
            && b.chars().all(|c| c.is_alphanumeric() || ".-".contains(c));
    }
    false
}

/// Split one whitespace-free chunk into tokens.
pub(super) fn split_chunk(ch: &Chunk, line_start: bool, out: &mut Vec<Token>) {
    let n = ch.chars.len();
    let mut i = 0;
    // leading opening punctuation before a URL, e.g. `(https://…)`
    let mut lead = 0;
    while lead < n && matches!(ch.c(lead), Some('(' | '[' | '<' | '"' | '“' | '\'' | '‘' | '«'))
    {
        lead += 1;
    }
    let mut tail = n;
    while tail > lead
        && matches!(
            ch.c(tail - 1),
            Some(
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '>' | '"' | '”' | '\'' | '’' | '»'
            )
        )
    {
        tail -= 1;
    }
    if tail > lead && looks_like_url(ch.slice(lead, tail)) {
        for k in 0..lead {
            push(out, ch.off(k), ch.off(k + 1));
        }
        push(out, ch.off(lead), ch.off(tail));
        i = tail;
    } else if line_start
        && n >= 2
        && ch.c(n - 1) == Some('.')
        && n <= 4
        && (0..n - 1).all(|k| ch.is_digit(k))
    {
        // list enumerator at the start of a line: `1.`, `12.`
        push(out, ch.off(0), ch.end);
        return;
    }
    while i < n {
        let Some(c) = ch.c(i) else { break };
        if is_word_char(c)
            || (matches!(c, '+' | '.') && ch.is_digit(i + 1) && (i == 0 || !ch.is_word(i - 1)))
        {
            i = word(ch, i, out);
        } else if c == '&'
            && let Some(e) = character_reference(ch, i)
        {
            // `&amp;`, `&#8217;`: scraped text often keeps them; one mark, not a word
            push(out, ch.off(i), ch.off(e));
            i = e;
        } else if is_apostrophe(c)
            && let Some(e) = clitic_at(ch, i)
        {
            push(out, ch.off(i), ch.off(e));
            i = e;
        } else {
            // punctuation: runs of the same ASCII mark make one token (`...`, `--`, `**`); a
            // doubled `''` or ``` `` ``` is one quote mark (as typewriter-style news writes them)
            let mut j = i + 1;
            if matches!(c, '.' | '-' | '*' | '=' | '_' | '~' | '!' | '?' | '#' | '+') {
                while ch.c(j) == Some(c) {
                    j += 1;
                }
            } else if matches!(c, '\'' | '`') && ch.c(j) == Some(c) && ch.c(j + 1) != Some(c) {
                j += 1;
            }
            push(out, ch.off(i), ch.off(j));
            i = j;
        }
    }
}

/// Longest name of an HTML character reference read as one.
const MAX_REFERENCE: usize = 10;

/// The end of an HTML character reference (`&amp;`, `&#8217;`, `&#x2019;`) starting at `i`.
fn character_reference(ch: &Chunk, i: usize) -> Option<usize> {
    let mut j = i + 1;
    if ch.c(j) == Some('#') {
        j += 1;
    }
    let body = j;
    while j < body + MAX_REFERENCE && ch.c(j).is_some_and(|c| c.is_ascii_alphanumeric()) {
        j += 1;
    }
    (j >= body + 2 && ch.c(j) == Some(';')).then_some(j + 1)
}

/// Is there a clitic (`'s`, `'re`, `'ve`, `'ll`, `'m`, `'d`) starting at apostrophe `i`, not
/// followed by more letters? Returns its end. Standing alone (as CoNLL writes `Germany 's`) the
/// same forms count.
fn clitic_at(ch: &Chunk, i: usize) -> Option<usize> {
    let a = ch.c(i + 1)?.to_ascii_lowercase();
    let b = ch.c(i + 2).map(|c| c.to_ascii_lowercase());
    let len = match (a, b) {
        ('s' | 'm' | 'd', _) => 2,
        ('r' | 'v', Some('e')) | ('l', Some('l')) => 3,
        _ => return None,
    };
    if ch.is_word(i + len) {
        return None;
    }
    Some(i + len)
}

/// Read a word starting at char `i`; push it (and any split-off clitic); return the next index.
fn word(ch: &Chunk, start: usize, out: &mut Vec<Token>) -> usize {
    let mut i = start + 1;
    let mut has_letter = ch.is_letter(start);
    while let Some(c) = ch.c(i) {
        if is_word_char(c) {
            has_letter |= c.is_alphabetic();
            i += 1;
            continue;
        }
        let prev_digit = ch.is_digit(i - 1);
        let next_word = ch.is_word(i + 1);
        let next_digit = ch.is_digit(i + 1);
        let joins = match c {
            '-' => next_word,
            '.' => {
                (prev_digit && next_digit)
                    || (ch.c(i + 1) == Some('-')
                        && ch.is_word(i + 2)
                        && has_letter
                        && keeps_period(ch, start, i))
                    || (next_word
                        && ch.c(i + 1).is_some_and(char::is_alphabetic)
                        && abbrev_dots(ch, start, i))
                    || (next_word && domain_suffix(ch, i + 1))
            }
            ',' => {
                prev_digit
                    && ch.is_digit(i + 1)
                    && ch.is_digit(i + 2)
                    && ch.is_digit(i + 3)
                    && !ch.is_digit(i + 4)
            }
            ':' | '/' => prev_digit && next_digit,
            '&' => {
                ch.c(i - 1).is_some_and(char::is_uppercase)
                    && ch.c(i + 1).is_some_and(char::is_uppercase)
            }
            '\'' | '’' | 'ʼ' => {
                next_word && ch.is_letter(i - 1) && clitic_at(ch, i).is_none() && !is_nt(ch, i)
            }
            '$' => {
                // US$, HK$, C$: up to three capitals right before
                i - start <= 3
                    && (start..i).all(|k| ch.c(k).is_some_and(|c| c.is_ascii_uppercase()))
            }
            _ => false,
        };
        if !joins {
            break;
        }
        if c == '$' {
            i += 1;
            break;
        }
        i += 1;
    }
    // n't: split `don't` → `do` `n't`
    if i >= start + 3 && is_apostrophe(ch.c(i).unwrap_or(' ')) && is_nt(ch, i) {
        let base = i - 1;
        if base > start {
            push(out, ch.off(start), ch.off(base));
        }
        push(out, ch.off(base), ch.off(i + 2));
        return i + 2;
    }
    // a final period belongs to abbreviations and initials
    if ch.c(i) == Some('.') && has_letter && keeps_period(ch, start, i) {
        i += 1;
    }
    push(out, ch.off(start), ch.off(i));
    i
}

/// `n't` with the apostrophe at `i`: `n` before it, `t` after it, then no word char.
fn is_nt(ch: &Chunk, i: usize) -> bool {
    i >= 1
        && matches!(ch.c(i - 1), Some('n' | 'N'))
        && matches!(ch.c(i + 1), Some('t' | 'T'))
        && !ch.is_word(i + 2)
        && i >= 2
        && ch.is_letter(i - 2)
}

/// `U.S`, `a.m`: the word so far is single letters joined by periods.
fn abbrev_dots(ch: &Chunk, start: usize, dot: usize) -> bool {
    // the segment before this dot is a single letter, and so is the one after it
    dot > start
        && (dot == start + 1 || ch.c(dot - 2) == Some('.'))
        && ch.is_letter(dot - 1)
        && ch.is_letter(dot + 1)
        && !ch.is_word(dot + 2)
}

const DOMAIN_SUFFIXES: &[&str] = &["com", "org", "net", "gov", "edu", "int", "io", "info", "biz"];

/// `example.com`: the letters after the dot are a common top-level domain ending the word.
fn domain_suffix(ch: &Chunk, i: usize) -> bool {
    let mut j = i;
    while ch.is_letter(j) {
        j += 1;
    }
    if ch.is_word(j) || ch.c(j) == Some('.') && ch.is_letter(j + 1) {
        return false;
    }
    let s = ch.slice(i, j);
    DOMAIN_SUFFIXES.iter().any(|d| d.eq_ignore_ascii_case(s))
}

/// Does the word `start..dot` keep the period at `dot`?
fn keeps_period(ch: &Chunk, start: usize, dot: usize) -> bool {
    let w = ch.slice(start, dot);
    // an ellipsis after a word is punctuation, not an abbreviation period
    if ch.c(dot + 1) == Some('.') {
        return false;
    }
    // letters joined by periods: U.S., a.m., U.S.-led already consumed; single capital initial
    if w.contains('.') && w.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true;
    }
    let mut cs = w.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        return c.is_uppercase();
    }
    abbreviation(w) != 0
}
