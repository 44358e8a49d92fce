//! Word-level scanning: where a word ends, what joins its parts (`self-determination`,
//! `U.S.`, `AT&T`), its case, and a possessive or contraction suffix.

use super::hash::{hash_lower, mix, step, step_char};
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

/// Byte classes of ASCII, for the tokenizer's hot loops.
pub(crate) const ALNUM: u8 = 1;
const UPPER: u8 = 1 << 1;
const LOWER: u8 = 1 << 2;
/// `'`, `-`, `.`, `&`: may join two parts of a word.
const JOIN: u8 = 1 << 3;
pub(crate) const SPACE: u8 = 1 << 4;
pub(crate) const NEWLINE: u8 = 1 << 5;
/// Not ASCII: decode the character.
pub(crate) const WIDE: u8 = 1 << 6;

pub(crate) static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_lowercase() {
            ALNUM | LOWER
        } else if c.is_ascii_digit() {
            ALNUM
        } else if matches!(c, b'\'' | b'-' | b'.' | b'&') {
            JOIN
        } else if c == b' ' || c == b'\t' || c == b'\r' {
            SPACE
        } else if c == b'\n' {
            NEWLINE
        } else if c >= 0x80 {
            WIDE
        } else {
            0
        };
        b += 1;
    }
    t
};

/// ASCII bytes lower-cased (other bytes unchanged).
static LOWERED: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        t[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    t
};

/// One word as the tokenizer needs it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    /// End of the word as written (a possessive `'s` and a final abbreviation period included).
    pub end: usize,
    /// End of its base: without a possessive or contraction suffix.
    pub base_end: usize,
    /// [`hash_lower`] of the base.
    pub hash: u64,
    pub flags: u16,
    /// The base is ASCII with no period (`assets`, not `U.S.` or `École`).
    pub plain: bool,
}

/// Reads the word starting at `start` (an alphanumeric character) in one pass: where it ends,
/// the joiners inside (`self-determination`, `U.S.`, `AT&T`), its case shape, a possessive or
/// contraction suffix, and the hash of its lower-cased base.
#[inline(always)]
pub(crate) fn read_word(text: &str, start: usize) -> Word {
    let bytes = text.as_bytes();
    let mut h = 0u64;
    // Capital letters, and the union of the classes of the ASCII bytes read.
    let mut upper = 0u32;
    let mut seen = 0u8;
    let (mut lower_wide, mut non_ascii, mut apostrophe, mut dot) = (false, false, false, false);
    let mut i = start;
    loop {
        for &b in bytes.get(i..).unwrap_or_default() {
            let c = CLASS[b as usize];
            if c & ALNUM == 0 {
                break;
            }
            seen |= c;
            h = step(h, LOWERED[b as usize]);
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        // Most words end at a space or a mark that joins nothing: decide those on the byte.
        if CLASS[b as usize] & (JOIN | WIDE) == 0 {
            break;
        }
        let Some(c) = char_at(text, i) else {
            break;
        };
        // General Punctuation (curly quotes, dashes) needs no Unicode table look-up.
        if b >= 0x80 && !crate::lexicon::is_general_punctuation(c) && c.is_alphanumeric() {
            non_ascii = true;
            if c.is_alphabetic() {
                if c.is_uppercase() {
                    upper += 1;
                } else {
                    lower_wide = true;
                }
            }
            h = step_char(h, c);
            i += c.len_utf8();
            continue;
        }
        // A joiner continues the word only when an alphanumeric follows it.
        if !is_joiner(c) {
            break;
        }
        let k = i + c.len_utf8();
        let prev = if i > 0 { bytes[i - 1] } else { b' ' };
        match char_at(text, k) {
            Some(n) if n.is_alphanumeric() && joins(prev, c, n) => {
                h = step_char(h, c);
                i = k;
                non_ascii |= !c.is_ascii();
                apostrophe |= is_apostrophe(c);
                dot |= c == '.';
            }
            _ => break,
        }
    }
    let mut end = i;
    if dot && bytes.get(end) == Some(&b'.') && is_dotted_abbreviation(&text[start..end]) {
        end += 1;
        h = step(h, b'.');
    }
    let mut lower = u32::from(seen & LOWER != 0 || lower_wide);
    // Capitals matter only in a word with none in lower case (`NATO` against `N`): count
    // them there.
    if lower == 0 && seen & UPPER != 0 {
        upper += bytes[start..end].iter().map(|&b| u32::from(b.is_ascii_uppercase())).sum::<u32>();
    } else if seen & UPPER != 0 {
        upper += 1;
    }
    let (mut flags, base_len) =
        if apostrophe { suffix(&text[start..end]) } else { (0, end - start) };
    let hash = if base_len < end - start {
        let base = &text[start..start + base_len];
        (upper, lower) = count_cases(base);
        hash_lower(base)
    } else {
        mix(h)
    };
    let first = bytes.get(start).copied().unwrap_or(b' ');
    flags |= if first < 0x80 {
        let c = CLASS[first as usize];
        u16::from(c & UPPER != 0) * CAP + u16::from(c & (UPPER | LOWER) != 0) * LETTER_FIRST
    } else {
        let c = char_at(text, start).unwrap_or(' ');
        u16::from(c.is_uppercase()) * CAP + u16::from(c.is_alphabetic()) * LETTER_FIRST
    };
    if upper + lower > 0 {
        flags |= ALPHA;
    }
    if upper >= 2 && lower == 0 {
        flags |= ALLCAPS;
    }
    if base_len > MAX_WORD_BYTES {
        flags |= JUNK;
    }
    Word { end, base_end: start + base_len, hash, flags, plain: !non_ascii && !dot }
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

/// A possessive `'s` or contraction suffix after the word's last apostrophe: its flag and the
/// byte length of the base.
fn suffix(word: &str) -> (u16, usize) {
    let Some(pos) = last_apostrophe(word.as_bytes()).filter(|&p| p > 0) else {
        return (0, word.len());
    };
    let suffix = word[pos..].trim_start_matches(is_apostrophe);
    let is = |s: &str| suffix.eq_ignore_ascii_case(s);
    if is("s") {
        return (POSS, pos);
    }
    if ["t", "re", "ve", "ll", "d", "m"].iter().any(|s| is(s)) {
        // `don't` → `do`, `can't` → `ca`: function words either way.
        if is("t") && pos > 1 && word.as_bytes()[pos - 1].eq_ignore_ascii_case(&b'n') {
            return (CONTRACTION, pos - 1);
        }
        return (CONTRACTION, pos);
    }
    (0, word.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_at(text: &str) -> (&str, u16) {
        let w = read_word(text, 0);
        assert_eq!(w.hash, hash_lower(&text[..w.base_end]));
        (&text[..w.base_end], w.flags)
    }

    #[test]
    fn joiners_need_a_letter_or_digit_on_both_sides() {
        assert_eq!(word_at("self-determination, said").0, "self-determination");
        assert_eq!(word_at("AT&T shares").0, "AT&T");
        assert_eq!(word_at("Tom&amp;Jerry").0, "Tom");
        assert_eq!(word_at("end- of").0, "end");
        assert_eq!(word_at("3.5 percent").0, "3.5");
        assert_eq!(word_at("U.S. envoy").0, "U.S.");
        assert_eq!(word_at("\u{c9}cole\u{2019}s").0, "\u{c9}cole");
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
