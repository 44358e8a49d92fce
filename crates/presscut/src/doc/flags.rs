//! Token flag bits: what a token's text looks like (computed once per word type, [`of_text`]) and
//! where the token stands (set by the tokenizer, the quote-mark pairing and the sentence
//! splitter).

use super::token::{is_dash, is_quote};

/// First character is an upper-case letter.
pub const CAP: u32 = 1;
/// At least one letter and no lower-case letter (`NATO`, `U.S.`, `BRUSSELS`).
pub const ALL_CAPS: u32 = 1 << 1;
/// Letters only, all lower case.
pub const LOWER: u32 = 1 << 2;
/// Contains a digit.
pub const DIGIT: u32 = 1 << 3;
/// Digits plus number punctuation only (`1,000`, `3.5`, `1996-08-22`, `6-4`).
pub const NUMBER: u32 = 1 << 4;
/// No letter or digit at all (punctuation, symbols).
pub const PUNCT: u32 = 1 << 5;
/// Contains a hyphen.
pub const HYPHEN: u32 = 1 << 6;
/// Contains a period.
pub const PERIOD: u32 = 1 << 7;
/// Contains a non-ASCII character.
pub const NON_ASCII: u32 = 1 << 8;
/// First token of a line (or of a block). Position.
pub const LINE_START: u32 = 1 << 9;
/// First token of a sentence. Position.
pub const SENT_START: u32 = 1 << 10;
/// A quote-mark character (straight or typographic, single or double; a doubled `''`).
pub const QUOTE: u32 = 1 << 11;
/// A dash or run of hyphens standing alone (`-`, `--`, `–`, `—`).
pub const DASH: u32 = 1 << 12;
/// A clitic split off a word (`'s`, `’s`, `n't`, `'re`, …).
pub const CLITIC: u32 = 1 << 13;
/// A URL or e-mail address.
pub const URL: u32 = 1 << 14;
/// Sentence-final punctuation (`.`, `?`, `!`, `...`).
pub const FINAL: u32 = 1 << 15;
/// Some letter is upper case (`iPhone`, `McDonald`).
pub const HAS_UPPER: u32 = 1 << 16;
/// Letters and at most hyphens/apostrophes/periods, no digit.
pub const ALPHA: u32 = 1 << 17;
/// Has letters of a script without case (Chinese, Arabic, …).
pub const CASELESS: u32 = 1 << 18;
/// A word that kept its final period (`Mr.`, `U.S.`, `J.`).
pub const ABBREV: u32 = 1 << 19;
/// White space (or the start of its block) comes right before the token. Position.
pub const SPACE_BEFORE: u32 = 1 << 20;
/// First token of a sentence or of a sentence inside a quotation (`We won` in `“We left. We
/// won,” he said`): a capital here says nothing about a name. Position.
pub const CLAUSE_START: u32 = 1 << 21;
/// A quote mark that opens a quotation. Position.
pub const OPEN_MARK: u32 = 1 << 22;
/// A quote mark that closes a quotation. Position.
pub const CLOSE_MARK: u32 = 1 << 23;
/// First token of a block. Position.
pub const BLOCK_START: u32 = 1 << 24;

/// The flags that depend only on a token's text (the rest are positions).
pub const TEXT: u32 = CAP
    | ALL_CAPS
    | LOWER
    | DIGIT
    | NUMBER
    | PUNCT
    | HYPHEN
    | PERIOD
    | NON_ASCII
    | QUOTE
    | DASH
    | CLITIC
    | URL
    | FINAL
    | HAS_UPPER
    | ALPHA
    | CASELESS
    | ABBREV;

/// The flags of a token's text (those in [`TEXT`]).
pub fn of_text(s: &str) -> u32 {
    let mut f = 0;
    let (mut upper, mut lower, mut digit, mut letters, mut other) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut first = true;
    for c in s.chars() {
        if c.is_ascii() {
            match c {
                'A'..='Z' => {
                    upper += 1;
                    letters += 1;
                    if first {
                        f |= CAP;
                    }
                }
                'a'..='z' => {
                    lower += 1;
                    letters += 1;
                }
                '0'..='9' => digit += 1,
                '-' => {
                    f |= HYPHEN;
                    other += 1;
                }
                '.' => {
                    f |= PERIOD;
                    other += 1;
                }
                _ => other += 1,
            }
        } else {
            f |= NON_ASCII;
            if crate::lexicon::is_general_punctuation(c) {
                if is_dash(c) && first {
                    f |= HYPHEN;
                }
                other += 1;
            } else if c.is_uppercase() {
                upper += 1;
                letters += 1;
                if first {
                    f |= CAP;
                }
            } else if c.is_lowercase() {
                lower += 1;
                letters += 1;
            } else if c.is_alphabetic() {
                letters += 1;
            } else if c.is_numeric() {
                digit += 1;
            } else {
                if is_dash(c) && first {
                    f |= HYPHEN;
                }
                other += 1;
            }
        }
        first = false;
    }
    if upper > 0 {
        f |= HAS_UPPER;
    }
    if letters > upper + lower {
        f |= CASELESS;
    }
    if letters > 0 && lower == 0 && upper > 0 {
        f |= ALL_CAPS;
    }
    if letters > 0 && upper == 0 && lower == letters && digit == 0 && other == 0 {
        f |= LOWER;
    }
    if digit > 0 {
        f |= DIGIT;
        if letters == 0 {
            f |= NUMBER;
        }
    }
    if letters > 0 && digit == 0 {
        f |= ALPHA;
    }
    if letters == 0 && digit == 0 {
        f |= PUNCT;
        let mut cs = s.chars();
        if let Some(c) = cs.next() {
            if is_quote(c) && (cs.next().is_none() || s == "''" || s == "``") {
                f |= QUOTE;
            } else if is_dash(c) && s.chars().all(is_dash) {
                f |= DASH;
            } else if matches!(c, '.' | '?' | '!' | '…')
                && s.chars().all(|c| matches!(c, '.' | '?' | '!' | '…'))
            {
                f |= FINAL;
            }
        }
    }
    if (s.starts_with(['\'', '’']) && letters > 0)
        || s.eq_ignore_ascii_case("n't")
        || s.eq_ignore_ascii_case("n’t")
    {
        f |= CLITIC;
    }
    if letters > 0 && s.ends_with('.') {
        f |= ABBREV;
    }
    if s.len() > 3 && s.starts_with('&') && s.ends_with(';') {
        // an HTML character reference (`&amp;`) is a mark
        f = PUNCT;
    }
    if s.contains(['.', '@', ':']) && super::chunk::looks_like_url(s) {
        f |= URL;
    }
    debug_assert_eq!(f & !TEXT, 0, "a text flag missing from TEXT");
    f
}
