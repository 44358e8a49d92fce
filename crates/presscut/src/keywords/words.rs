//! Word-level scanning: where a word ends, what joins its parts (`self-determination`,
//! `U.S.`, `AT&T`), its case, and a possessive or contraction suffix.

use super::hash::hash_and_count_ascii;
use super::tokens::{ALLCAPS, ALPHA, CAP, CONTRACTION, JUNK, LETTER_FIRST, POSS};

/// Words longer than this (in bytes) are treated as junk (URLs, base64, run-together text).
const MAX_WORD_BYTES: usize = 64;

pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' | '.' | '&')
}

/// `&` joins only capitals (`AT&T`, `R&D`), not `Tom&Jerry` or an HTML entity.
fn joins(prev: u8, j: char, next: char) -> bool {
    j != '&' || (prev.is_ascii_uppercase() && next.is_uppercase())
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

pub(crate) fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{2018}' | '\u{00AB}' | '\u{201E}' | '(' | '[' | '\'')
}

/// What the scan of a word learnt.
#[derive(Default, Clone, Copy)]
pub(crate) struct Scan {
    pub end: usize,
    pub non_ascii: bool,
    apostrophe: bool,
    pub dot: bool,
    /// Upper- and lower-case letters, each counted up to 2 (enough to tell `A`, `AB`, `Ab`).
    upper: u32,
    lower: u32,
    /// The hash of the lower-cased word (ASCII words only).
    hash: Option<u64>,
}

impl Scan {
    /// The hash of the lower-cased word `[start, end)`, when the scan could compute it.
    pub fn lower_hash(&self) -> Option<u64> {
        self.hash
    }
}

/// Scans one word starting at `i` (an alphanumeric char): its end, the joiners inside, and for
/// an ASCII word its letter counts and lower-case hash (eight bytes at a time).
pub(crate) fn scan_word(text: &str, start: usize) -> Scan {
    let bytes = text.as_bytes();
    let mut sc = Scan::default();
    let mut i = start;
    loop {
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i < bytes.len()
            && bytes[i] >= 0x80
            && let Some(c) = char_at(text, i).filter(|c| c.is_alphanumeric())
        {
            sc.non_ascii = true;
            i += c.len_utf8();
            continue;
        }
        // A joiner continues the word only when an alphanumeric follows it. Most words end at
        // a space or an ASCII punctuation mark that joins nothing: decide those on the byte.
        match bytes.get(i) {
            None => break,
            Some(&b) if b < 0x80 && !matches!(b, b'\'' | b'-' | b'.' | b'&') => break,
            _ => {}
        }
        let Some(j) = char_at(text, i).filter(|&j| is_joiner(j)) else {
            break;
        };
        let k = i + j.len_utf8();
        let prev = if i > 0 { bytes[i - 1] } else { b' ' };
        match char_at(text, k) {
            Some(n) if n.is_alphanumeric() && joins(prev, j, n) => {
                i = k;
                sc.non_ascii |= !j.is_ascii();
                sc.apostrophe |= is_apostrophe(j);
                sc.dot |= j == '.';
            }
            _ => break,
        }
    }
    sc.end = i;
    let word = &bytes[start..i];
    if sc.non_ascii {
        (sc.upper, sc.lower) = count_cases(&text[start..i]);
    } else {
        let (hash, upper, lower) = hash_and_count_ascii(word);
        sc.hash = Some(hash);
        sc.upper = upper;
        sc.lower = lower;
    }
    sc
}

/// Length of an HTML character reference (`&amp;`, `&#8217;`) at `i`, else 1 (the `&`).
/// Scraped text often keeps them; they are punctuation, not words.
pub(crate) fn entity_len(bytes: &[u8], i: usize) -> usize {
    let rest = &bytes[i + 1..bytes.len().min(i + 12)];
    let body = match rest.first() {
        Some(b'#') => &rest[1..],
        _ => rest,
    };
    let n = body.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    if n >= 2 && body.get(n) == Some(&b';') { 1 + (rest.len() - body.len()) + n + 1 } else { 1 }
}

/// `U.S` followed by `.`: dotted abbreviations keep their final period.
pub(crate) fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|s| !s.is_empty() && s.chars().count() <= 2 && s.chars().all(char::is_alphabetic))
}

/// Byte position of the last `'` or `’` in a word.
fn last_apostrophe(w: &[u8]) -> Option<usize> {
    let mut i = w.len();
    while i > 0 {
        i -= 1;
        match w[i] {
            b'\'' => return Some(i),
            0x99 if i >= 2 && w[i - 2] == 0xE2 && w[i - 1] == 0x80 => return Some(i - 2),
            _ => {}
        }
    }
    None
}

/// Upper- and lower-case letters of `word`, each counted up to 2.
fn count_cases(word: &str) -> (u32, u32) {
    let (mut upper, mut lower) = (0u32, 0u32);
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if c.is_uppercase() {
            upper = (upper + 1).min(2);
        } else {
            lower = (lower + 1).min(2);
        }
    }
    (upper, lower)
}

/// Flags of a word (case, possessive, contraction) and the byte length of its base (the word
/// without a possessive `'s` or contraction suffix).
pub(crate) fn analyse_word(word: &str, sc: &Scan) -> (u16, usize) {
    let mut flags = 0u16;
    let mut base_len = word.len();
    let (mut upper, mut lower) = (sc.upper, sc.lower);
    // Possessives and contractions: the last apostrophe and what follows it.
    let apostrophe = if sc.apostrophe { last_apostrophe(word.as_bytes()) } else { None };
    if let Some(pos) = apostrophe.filter(|&p| p > 0) {
        let suffix = word[pos..].trim_start_matches(is_apostrophe);
        let is = |s: &str| suffix.eq_ignore_ascii_case(s);
        if is("s") {
            flags |= POSS;
            base_len = pos;
        } else if ["t", "re", "ve", "ll", "d", "m"].iter().any(|s| is(s)) {
            flags |= CONTRACTION;
            base_len = pos;
            // `don't` → `do`, `can't` → `ca`: function words either way.
            if is("t") && pos > 1 && word.as_bytes()[pos - 1].eq_ignore_ascii_case(&b'n') {
                base_len = pos - 1;
            }
        }
        if base_len < word.len() {
            (upper, lower) = count_cases(&word[..base_len]);
        }
    }
    let first = match word.as_bytes().first() {
        Some(&b) if b < 0x80 => Some(b as char),
        _ => word.chars().next(),
    };
    if upper + lower > 0 {
        flags |= ALPHA;
    }
    if first.is_some_and(char::is_uppercase) {
        flags |= CAP;
    }
    if first.is_some_and(char::is_alphabetic) {
        flags |= LETTER_FIRST;
    }
    if upper >= 2 && lower == 0 {
        flags |= ALLCAPS;
    }
    if base_len > MAX_WORD_BYTES {
        flags |= JUNK;
    }
    (flags, base_len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_at(text: &str) -> (&str, u16) {
        let sc = scan_word(text, 0);
        let word = &text[..sc.end];
        let (flags, base) = analyse_word(word, &sc);
        (&word[..base], flags)
    }

    #[test]
    fn joiners_need_a_letter_or_digit_on_both_sides() {
        assert_eq!(word_at("self-determination, said").0, "self-determination");
        assert_eq!(word_at("AT&T shares").0, "AT&T");
        assert_eq!(word_at("Tom&amp;Jerry").0, "Tom");
        assert_eq!(word_at("end- of").0, "end");
        assert_eq!(word_at("3.5 percent").0, "3.5");
    }

    #[test]
    fn possessives_and_contractions_are_split_off() {
        let (w, f) = word_at("Russia\u{2019}s assets");
        assert_eq!(w, "Russia");
        assert!(f & POSS != 0 && f & CAP != 0);
        let (w, f) = word_at("don't go");
        assert_eq!(w, "do");
        assert!(f & CONTRACTION != 0);
        assert_eq!(word_at("O'Neill won").0, "O'Neill");
    }

    #[test]
    fn case_shape_is_recorded() {
        assert!(word_at("NATO's").1 & ALLCAPS != 0);
        assert!(word_at("Nato").1 & ALLCAPS == 0);
        assert!(word_at("3-Day").1 & (CAP | LETTER_FIRST) == 0);
        assert!(word_at(&"x".repeat(100)).1 & JUNK != 0);
    }

    #[test]
    fn html_character_references_are_one_unit() {
        assert_eq!(entity_len(b"&amp; x", 0), 5);
        assert_eq!(entity_len(b"&#8217;s", 0), 7);
        assert_eq!(entity_len(b"& x", 0), 1);
        assert_eq!(entity_len(b"&", 0), 1);
    }
}
