//! The article's words as the keyword stage reads them: the document's word tokens (marks and
//! clitics left out), each with what this stage needs to know — its case, the phrase and
//! sentence boundaries before it, a possessive or contraction after it, whether it is in the
//! headline or a heading — and its word form's entry in the stage's vocabulary.

use super::Hints;
use super::vocab::{TypeInfo, Vocab};
use crate::doc::{Doc, flags as tf};
use crate::model::BlockKind;

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
/// Inside the headline or a heading.
pub(crate) const TITLE: u16 = 1 << 7;
/// Longer than any real word: never part of a keyphrase.
pub(crate) const JUNK: u16 = 1 << 8;
/// Starts a sentence (first word after a sentence boundary).
pub(crate) const SENT_START: u16 = 1 << 9;
/// Inside a sentence seen before verbatim (repeated headline, boilerplate): not counted.
pub(crate) const DUP: u16 = 1 << 10;
/// Begins with a letter (not a digit).
pub(crate) const LETTER_FIRST: u16 = 1 << 11;

/// `Token::ent` of a token outside every entity mention.
pub(crate) const NO_ENTITY: u32 = u32::MAX;
/// Longest title-case line taken for a heading, in words.
const MAX_HEADING_TOKENS: usize = 16;
/// Words longer than this (in bytes) are junk (URLs, base64, run-together text).
const MAX_WORD_BYTES: usize = 64;

#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub start: usize,
    /// End of the word itself (a possessive `'s` is a token of its own).
    pub end: usize,
    /// The word's form in the stage's vocabulary ([`Words::types`]).
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

/// The words of the article (see the module comment).
pub(crate) struct Words {
    pub tokens: Vec<Token>,
    /// Per word form of the document (its vocabulary's forms).
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
    newlines: u32,
    quote_or_colon: bool,
    sentence: bool,
}

/// An opening mark after which a capital says nothing (`“Storm`, `(Reuters`, `: The`).
fn opens(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{2018}' | '\u{00AB}' | '\u{201E}' | '(' | '[' | '\'' | ':')
}

/// The words of `doc`, with the headline span and entity hints of `hints`.
pub(crate) fn words(doc: &Doc, hints: &Hints) -> Words {
    let mut vocab = Vocab::new(doc);
    let mut tokens: Vec<Token> = Vec::with_capacity(doc.tokens.len());
    let title = hints.title.filter(|t| t.0 < t.1);
    let mut gap = Gap { newlines: 2, ..Gap::default() };
    let mut prev_in_title = false;
    let mut prev_doc_token = usize::MAX;
    Vocab::with_facts(|cache| {
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.has(tf::BLOCK_START) {
                gap.newlines += 2;
            } else if t.has(tf::LINE_START) {
                gap.newlines += 1;
            }
            gap.sentence |= t.has(tf::SENT_START);
            if t.has(tf::PUNCT | tf::QUOTE) {
                gap.punct = true;
                gap.quote_or_colon |= doc.word(i).chars().next().is_some_and(opens);
                continue;
            }
            if t.has(tf::CLITIC) && prev_doc_token.checked_add(1) == Some(i) {
                // `Russia’s`, `don't`: the word before takes the flag, the clitic is no word
                if let Some(last) = tokens.last_mut() {
                    let possessive = matches!(doc.word(i), "'s" | "’s" | "'S" | "’S");
                    last.flags |= if possessive { POSS } else { CONTRACTION };
                }
                prev_doc_token = i;
                continue;
            }
            let facts = Vocab::facts(cache, doc, t);
            let (start, end) = (t.start(), t.start() + facts.base_len);
            let ty = vocab.form_of(doc, t, &facts);
            let mut flags = facts.case;
            let in_title = title.is_some_and(|t| start >= t.0 && start < t.1);
            let sentence_break = gap.sentence || (prev_in_title && !in_title) || tokens.is_empty();
            if sentence_break {
                flags |= BREAK | SENT_START | BLIND;
            } else if gap.punct || gap.newlines > 0 {
                flags |= BREAK;
            }
            if gap.quote_or_colon {
                flags |= BLIND;
            }
            // headings layout found (title-case lines are found below as well)
            let in_heading =
                doc.blocks.get(doc.block_of(i)).is_some_and(|b| b.kind == BlockKind::Heading);
            if in_title || in_heading {
                flags |= TITLE;
            }
            if end - start > MAX_WORD_BYTES || t.has(tf::URL) || !facts.plain {
                flags |= JUNK;
            }
            prev_in_title = in_title;
            prev_doc_token = i;
            tokens.push(Token { start, end, ty, flags, ent: NO_ENTITY });
            gap = Gap::default();
        }
    });

    let entity_of = if hints.entity_ids.len() == hints.entities.len() {
        hints.entity_ids.to_vec()
    } else {
        Vec::new()
    };
    let (types, n_stems) = vocab.finish();
    let mut words = Words { tokens, types, n_stems, entity_of };
    let ranges: Vec<(usize, usize)> = sentences(&words.tokens).collect();
    mark_sentences(&mut words, &ranges);
    mark_entities(&mut words, hints.entities);
    words
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
fn mark_sentences(doc: &mut Words, ranges: &[(usize, usize)]) {
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
fn mark_entities(doc: &mut Words, entities: &[(usize, usize)]) {
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

    fn texts(text: &str) -> Vec<String> {
        let d = words(&Doc::from_text(text), &Hints::default());
        d.tokens.iter().map(|t| text[t.start..t.end].to_string()).collect()
    }

    fn tokenize(text: &str, hints: &Hints) -> Words {
        words(&Doc::from_text(text), hints)
    }

    #[test]
    fn keeps_hyphenated_words_abbreviations_and_strips_possessives() {
        let w = texts("The U.S. envoy's self-determination plan, Mr. Smith's idea.");
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
