//! One pass over the text: words with their case, phrase and sentence boundaries, and a
//! per-document vocabulary (word types with their weight and stem class).

use super::Hints;
use super::vocab::{TypeInfo, Vocab};
use super::words::{
    ALNUM, CLASS, NEWLINE, SPACE, WIDE, char_at, entity_len, is_open_quote, read_word,
};

/// First letter upper case.
pub(crate) const CAP: u16 = 1;
/// Two or more letters, none lower case.
pub(crate) const ALLCAPS: u16 = 1 << 1;
/// Contains at least one letter.
pub(crate) const ALPHA: u16 = 1 << 2;
/// A phrase boundary (punctuation, sentence end, paragraph) lies before this token.
pub(crate) const BREAK: u16 = 1 << 3;
/// Position where capitalisation says nothing (sentence start, after a quote mark or colon,
/// title-case headline, all-caps line).
pub(crate) const BLIND: u16 = 1 << 4;
/// Followed by a possessive `'s`: a phrase may end here but not run on.
pub(crate) const POSS: u16 = 1 << 5;
/// A contraction (`don't`, `we'll`): always a function word.
pub(crate) const CONTRACTION: u16 = 1 << 6;
/// Inside the headline.
pub(crate) const TITLE: u16 = 1 << 7;
/// Longer than any real word: never part of a keyphrase.
pub(crate) const JUNK: u16 = 1 << 8;
/// Starts a sentence (first token after a sentence boundary).
pub(crate) const SENT_START: u16 = 1 << 9;
/// Inside a sentence seen before verbatim (repeated headline, boilerplate): not counted.
pub(crate) const DUP: u16 = 1 << 10;
/// Begins with a letter (not a digit).
pub(crate) const LETTER_FIRST: u16 = 1 << 11;

/// `Token::ent` of a token outside every entity mention.
pub(crate) const NO_ENTITY: u32 = u32::MAX;
/// Longest title-case line taken for a heading, in words.
const MAX_HEADING_TOKENS: usize = 16;

#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub start: usize,
    /// End of the word itself (a possessive `'s` is left out).
    pub end: usize,
    pub ty: u32,
    pub flags: u16,
    /// Index of the named-entity hint covering this token, `u32::MAX` when none.
    pub ent: u32,
}

impl Token {
    #[inline]
    pub fn has(&self, f: u16) -> bool {
        self.flags & f != 0
    }
}

pub(crate) struct Doc {
    pub tokens: Vec<Token>,
    pub types: Vec<TypeInfo>,
    /// Number of stem classes (`TypeInfo::stem` is below it).
    pub n_stems: usize,
    /// Per entity hint (`Token::ent`), the entity it names: hints with the same value are
    /// mentions of one entity. Empty when the caller did not say.
    pub entity_of: Vec<u32>,
}

/// What lies between two words.
#[derive(Default)]
struct Gap {
    punct: bool,
    /// A sentence-final mark was seen (and not after an abbreviation).
    final_mark: bool,
    newlines: u32,
    quote_or_colon: bool,
}

/// Tokenizes `text`; sentence boundaries come from `hints.sentences` when given, else from
/// punctuation and line breaks.
pub(crate) fn tokenize(text: &str, hints: &Hints) -> Doc {
    let bytes = text.as_bytes();
    // News text has a new word type every 13 bytes or so; the maps grow if need be.
    let expected_types = (text.len() / 16).clamp(16, 1 << 16);
    let mut vocab = Vocab::with_capacity(expected_types);
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6 + 1);

    let mut sent_starts: Vec<usize> = hints.sentences.iter().map(|s| s.0).collect();
    sent_starts.sort_unstable();
    let use_hint_sentences = !sent_starts.is_empty();
    let mut next_sent = 0usize;
    let title = hints.title.filter(|t| t.0 < t.1);

    let mut gap = Gap { newlines: 2, ..Gap::default() };
    let mut prev_abbrev = false;
    let mut prev_in_title = false;
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        let class = CLASS[b as usize];
        if class & SPACE != 0 {
            i += 1;
            continue;
        }
        if class & ALNUM == 0 {
            let c = if class & WIDE == 0 {
                b as char
            } else if let Some(c) = char_at(text, i) {
                c
            } else {
                i += 1;
                continue;
            };
            // General Punctuation (curly quotes, dashes, spaces) needs no Unicode table look-up.
            if class & WIDE == 0
                || crate::lexicon::is_general_punctuation(c)
                || !c.is_alphanumeric()
            {
                if class & NEWLINE != 0 {
                    gap.newlines += 1;
                } else if !c.is_whitespace() {
                    gap.punct = true;
                    if matches!(c, '.' | '!' | '?' | '\u{2026}') && !(c == '.' && prev_abbrev) {
                        gap.final_mark = true;
                    }
                    if c == ':' || is_open_quote(c) {
                        gap.quote_or_colon = true;
                    }
                }
                i += if c == '&' { entity_len(bytes, i) } else { c.len_utf8() };
                continue;
            }
        }
        let start = i;
        let w = read_word(text, start);
        i = w.end;
        let mut flags = w.flags;
        let base_end = w.base_end;
        let base = &text[start..base_end];
        let letters_one = flags & ALLCAPS == 0 && base.len() == 1;

        // Boundaries.
        let starts_lower = match bytes.get(start) {
            Some(&b) if b < 0x80 => b.is_ascii_lowercase(),
            _ => base.chars().next().is_some_and(char::is_lowercase),
        };
        let in_title = title.is_some_and(|t| start >= t.0 && start < t.1);
        let sentence_break = if use_hint_sentences {
            let mut crossed = false;
            while next_sent < sent_starts.len() && sent_starts[next_sent] <= start {
                next_sent += 1;
                crossed = true;
            }
            crossed
        } else {
            gap.newlines >= 2 || ((gap.final_mark || gap.newlines == 1) && !starts_lower)
        } || (prev_in_title && !in_title)
            || tokens.is_empty();
        if sentence_break {
            flags |= BREAK | SENT_START | BLIND;
        } else if gap.punct || gap.newlines > 0 {
            flags |= BREAK;
        }
        if gap.quote_or_colon {
            flags |= BLIND;
        }
        if in_title {
            flags |= TITLE;
        }

        let ty = vocab.intern(text, (start, base_end), flags & ALLCAPS != 0, w.hash, w.plain);
        // An initial (`L.`) or an abbreviation (`Mr.`): a following period ends no sentence.
        prev_abbrev = bytes.get(base_end) == Some(&b'.')
            && ((letters_one && flags & CAP != 0) || vocab.types[ty as usize].abbrev);
        prev_in_title = in_title;
        tokens.push(Token { start, end: base_end, ty, flags, ent: NO_ENTITY });
        gap = Gap::default();
    }

    let entity_of = if hints.entity_ids.len() == hints.entities.len() {
        hints.entity_ids.to_vec()
    } else {
        Vec::new()
    };
    let mut doc = Doc { tokens, n_stems: vocab.stems.len(), types: vocab.types, entity_of };
    let ranges: Vec<(usize, usize)> = sentences(&doc.tokens).collect();
    mark_sentences(&mut doc, &ranges);
    mark_entities(&mut doc, hints.entities);
    doc
}

/// Sentence ranges `[a, b)` over the token list.
pub(crate) fn sentences(tokens: &[Token]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut a = 0usize;
    std::iter::from_fn(move || {
        if a >= tokens.len() {
            return None;
        }
        let mut b = a + 1;
        while b < tokens.len() && !tokens[b].has(SENT_START) {
            b += 1;
        }
        let r = (a, b);
        a = b;
        Some(r)
    })
}

/// Per sentence, in one pass over its tokens: a title-case headline or an all-caps line says
/// nothing through capitalisation (and a short title-case line is a heading: it names a
/// topic); a sentence repeated verbatim (a headline repeated between sections, boilerplate)
/// counts once.
fn mark_sentences(doc: &mut Doc, ranges: &[(usize, usize)]) {
    let mut seen = crate::hash::FastSet::default();
    for &(a, b) in ranges {
        let (mut content, mut cap_content, mut alpha, mut allcaps) = (0u32, 0u32, 0u32, 0u32);
        let mut h = 0u64;
        for t in &doc.tokens[a..b] {
            h = crate::hash::fold(h, u64::from(t.ty));
            if !t.has(ALPHA) {
                continue;
            }
            alpha += 1;
            allcaps += u32::from(t.has(ALLCAPS));
            let ty = &doc.types[t.ty as usize];
            if !ty.stop && !ty.short && t.has(LETTER_FIRST) {
                content += 1;
                cap_content += u32::from(t.has(CAP));
            }
        }
        let title_case = content >= 2 && cap_content == content;
        let shouting = alpha >= 3 && allcaps * 2 > alpha;
        let heading = title_case && b - a <= MAX_HEADING_TOKENS;
        let mut flags = 0;
        if title_case || shouting {
            flags |= BLIND;
        }
        if heading {
            flags |= TITLE;
        }
        if b - a >= 4 && !seen.insert(crate::hash::mix(h)) {
            flags |= DUP;
        }
        if flags != 0 {
            for t in &mut doc.tokens[a..b] {
                t.flags |= flags;
            }
        }
    }
}

/// Assigns each token the entity hint covering it.
fn mark_entities(doc: &mut Doc, entities: &[(usize, usize)]) {
    if entities.is_empty() {
        return;
    }
    let mut spans: Vec<(usize, usize, u32)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.0 < e.1)
        .map(|(k, e)| (e.0, e.1, k as u32))
        .collect();
    spans.sort_unstable();
    let mut e = 0usize;
    for t in &mut doc.tokens {
        while e < spans.len() && spans[e].1 <= t.start {
            e += 1;
        }
        if let Some(&(s, end, id)) = spans.get(e)
            && s < t.end.max(t.start + 1)
            && t.start < end
        {
            t.ent = id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let d = tokenize(text, &Hints::default());
        d.tokens.iter().map(|t| text[t.start..t.end].to_string()).collect()
    }

    #[test]
    fn keeps_hyphenated_words_abbreviations_and_strips_possessives() {
        let w = words("The U.S. envoy's self-determination plan, Mr. Smith's idea.");
        assert_eq!(
            w,
            ["The", "U.S.", "envoy", "self-determination", "plan", "Mr", "Smith", "idea"]
        );
    }

    #[test]
    fn plural_and_singular_share_a_stem() {
        let d = tokenize("asset assets study studies toy toys", &Hints::default());
        let s: Vec<u32> = d.tokens.iter().map(|t| d.types[t.ty as usize].stem).collect();
        assert_eq!(s[0], s[1]);
        assert_eq!(s[2], s[3]);
        assert_eq!(s[4], s[5]);
        assert_ne!(s[0], s[2]);
    }

    #[test]
    fn sentence_starts_are_case_blind_but_mid_sentence_names_are_not() {
        let text = "Rain fell on Paris. Mr. Dupont stayed home.";
        let d = tokenize(text, &Hints::default());
        let by_word = |w: &str| d.tokens.iter().find(|t| &text[t.start..t.end] == w).copied();
        assert!(by_word("Rain").is_some_and(|t| t.has(BLIND)));
        assert!(by_word("Paris").is_some_and(|t| !t.has(BLIND)));
        // `Mr.` does not end the sentence.
        assert!(by_word("Dupont").is_some_and(|t| !t.has(SENT_START)));
        assert!(by_word("Mr").is_some_and(|t| t.has(SENT_START)));
    }

    #[test]
    fn headline_in_title_case_is_case_blind() {
        let text = "Storm Hits Coastal Town Overnight\n\nThe storm hit the town of Esk.";
        let d = tokenize(text, &Hints::default());
        assert!(d.tokens[..5].iter().all(|t| t.has(BLIND)));
        let esk = d.tokens.last().copied();
        assert!(esk.is_some_and(|t| !t.has(BLIND)));
    }

    #[test]
    fn survives_odd_input() {
        for text in ["", "'", "-.-", "’s", "a'", "\u{feff}\u{200b}", "x\u{301}y", "..."] {
            let _ = tokenize(text, &Hints::default());
        }
    }
}
