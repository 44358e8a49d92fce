//! How a sentence is cased: running text, capitals (a headline, a dateline), or title case (a
//! heading, a list of names). Capitals say little about names in the last two; the tagger reads
//! it as a feature, the entity stage to find headings.

use super::flags;
use super::token::Token;

/// Running text: capitals mean something.
pub const MIXED: u8 = 0;
/// (Mostly) in capitals.
pub const CAPS: u8 = 1;
/// Every content word capitalised.
pub const TITLE: u8 = 2;

/// Small words a title-case heading leaves in lower case.
pub fn is_function_word(s: &str) -> bool {
    matches!(
        s,
        "a" | "an"
            | "the"
            | "of"
            | "to"
            | "in"
            | "on"
            | "for"
            | "and"
            | "or"
            | "at"
            | "by"
            | "with"
            | "from"
            | "as"
            | "vs"
            | "via"
            | "into"
            | "over"
            | "per"
            | "but"
            | "nor"
            | "up"
            | "off"
            | "out"
    )
}

/// [`CAPS`] for a sentence in capitals (headline, dateline), [`TITLE`] for one whose every
/// content word is capitalised (title-case heading, list of names), else [`MIXED`].
pub fn sentence_case(text: &str, toks: &[Token]) -> u8 {
    let (mut letters, mut caps, mut capitalised) = (0, 0, 0);
    for t in toks {
        if t.flags & flags::ALPHA == 0 {
            continue;
        }
        if t.byte_len() > 1 {
            letters += 1;
            caps += usize::from(t.flags & flags::ALL_CAPS != 0);
        }
        capitalised += usize::from(t.flags & flags::CAP != 0);
    }
    if letters > 0 && caps * 4 >= letters * 3 {
        return CAPS;
    }
    if capitalised < 3 {
        return MIXED;
    }
    // title case: no lower-case word other than small function words
    let content = |t: &Token| {
        t.flags & (flags::ALPHA | flags::CAP | flags::CLITIC) == flags::ALPHA
            && (t.byte_len() > 4 || !is_function_word(t.text(text)))
    };
    if toks.iter().any(content) { MIXED } else { TITLE }
}
