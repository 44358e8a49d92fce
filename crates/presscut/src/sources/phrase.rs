//! The noun phrase a citing cue points at, read from the document's tokens: a generic phrase
//! (`reports`, `a statement`) or a capitalised name (`RIA Novosti`, `The New York Times`, `the
//! Ministry of Defence`).

use crate::doc::{Doc, flags};
use crate::lexicon::classes::class;
use crate::model::SourceKind;

/// The source words found next to a cue: tokens `a..b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub a: usize,
    pub b: usize,
    /// Set when the phrase is a generic source (`reports`, `a statement`).
    pub generic: Option<SourceKind>,
    /// A name followed by what it is (`the Handelsblatt newspaper`, `Interfax news agency`).
    pub outlet_noun: bool,
    /// A name followed by an organisation's head word (`the Ifo institute`).
    pub org_noun: bool,
}

/// Most words read on either side of a cue.
const MAX_WORDS: usize = 8;

/// Nouns that say a name is a news outlet when they follow it.
const OUTLET_NOUNS: &[&str] = &[
    "newspaper",
    "daily",
    "weekly",
    "magazine",
    "agency",
    "broadcaster",
    "channel",
    "radio",
    "television",
    "TV",
    "website",
    "tabloid",
    "network",
    "outlet",
];

/// Word classes that never name a source on their own (`He`, `The`, `Some`, `When`).
const NOT_A_NAME: u64 = class::PRON | class::DET | class::CONJ | class::PREP | class::REL;

/// An organisation's head word, as listed (`Institute`) or in lower case after a name
/// (`the Ifo institute`).
pub(super) fn is_org_head_word(word: &str) -> bool {
    let lex = &*crate::entities::lexicon::LEX;
    if lex.is_org_head(std::iter::once(word)) {
        return true;
    }
    let mut cs = word.chars();
    let Some(first) = cs.next().filter(char::is_ascii_lowercase) else { return false };
    let capitalised = format!("{}{}", first.to_ascii_uppercase(), cs.as_str());
    lex.is_org_head(std::iter::once(capitalised.as_str()))
}

/// A word token of a source phrase: whether punctuation follows it right away (it then ends
/// the phrase).
#[derive(Clone, Copy, Debug)]
struct Word {
    tok: usize,
    closed: bool,
}

/// A token that ends a phrase where it touches the word before: punctuation, a quote mark, a
/// clitic (`Reuters’s`).
fn closes(d: &Doc, i: usize) -> bool {
    d.tokens.get(i).is_some_and(|t| t.has(flags::PUNCT | flags::QUOTE | flags::CLITIC))
}

fn is_word(d: &Doc, i: usize) -> bool {
    d.tokens.get(i).is_some_and(|t| !t.has(flags::PUNCT | flags::QUOTE | flags::CLITIC))
}

/// The words from token `k` on, in its line, up to punctuation.
fn words_after(d: &Doc, k: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut j = k;
    while out.len() < MAX_WORDS && is_word(d, j) && (j == k || !d.tokens[j].has(flags::LINE_START))
    {
        let closed = closes(d, j + 1) && !d.tokens[j + 1].has(flags::SPACE_BEFORE);
        out.push(Word { tok: j, closed });
        if closed {
            break;
        }
        j += 1;
    }
    out
}

/// The words before token `k`, in its line, back to punctuation (in text order).
fn words_before(d: &Doc, k: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut j = k;
    while out.len() < MAX_WORDS && j > 0 && is_word(d, j - 1) && !d.tokens[j].has(flags::LINE_START)
    {
        j -= 1;
        out.push(Word { tok: j, closed: false });
    }
    out.reverse();
    out
}

fn generic_of(
    d: &Doc,
    words: &[Word],
    generic: &crate::lexicon::FastMap<String, SourceKind>,
) -> Option<SourceKind> {
    let phrase: Vec<String> = words.iter().map(|w| d.word(w.tok).to_lowercase()).collect();
    generic.get(&phrase.join(" ")).copied()
}

fn is_capitalised(d: &Doc, w: &Word) -> bool {
    d.tokens.get(w.tok).is_some_and(|t| t.has(flags::CAP))
}

fn is_connector(d: &Doc, w: &Word) -> bool {
    d.classes(w.tok) & class::CONNECTOR != 0 && !is_capitalised(d, w)
}

/// A one-word phrase that is a pronoun, determiner or the like names no source.
fn names_someone(d: &Doc, a: usize, b: usize) -> bool {
    b > a + 1 || d.classes(a) & NOT_A_NAME == 0
}

/// The source named right after a cue ending before token `k`.
pub fn after(
    d: &Doc,
    k: usize,
    generic: &crate::lexicon::FastMap<String, SourceKind>,
    longest: usize,
) -> Option<Phrase> {
    let words = words_after(d, k);
    for n in (1..=longest.min(words.len())).rev() {
        if let Some(kind) = generic_of(d, &words[..n], generic) {
            return Some(Phrase {
                a: words[0].tok,
                b: words[n - 1].tok + 1,
                generic: Some(kind),
                outlet_noun: false,
                org_noun: false,
            });
        }
    }
    // `the BBC`, `The New York Times`: a determiner may open the name.
    let skip =
        usize::from(words.first().is_some_and(|w| d.word(w.tok).eq_ignore_ascii_case("the")));
    let mut last = None;
    for (k, w) in words.iter().enumerate().skip(skip) {
        if is_capitalised(d, w) {
            last = Some(k);
        } else if !(last.is_some()
            && is_connector(d, w)
            && words.get(k + 1).is_some_and(|n| is_capitalised(d, n)))
        {
            break;
        }
        if w.closed {
            break;
        }
    }
    let last = last?;
    let first = if skip == 1 && is_capitalised(d, &words[0]) { 0 } else { skip };
    let next = words.get(last + 1).filter(|_| !words[last].closed).map(|w| d.word(w.tok));
    let outlet_noun = next.is_some_and(|w| OUTLET_NOUNS.contains(&w));
    let org_noun = !outlet_noun && next.is_some_and(is_org_head_word);
    let (a, b) = (words[first].tok, words[last].tok + 1);
    names_someone(d, a, b).then_some(Phrase { a, b, generic: None, outlet_noun, org_noun })
}

/// The source named right before a cue starting at token `k`.
pub fn before(
    d: &Doc,
    k: usize,
    generic: &crate::lexicon::FastMap<String, SourceKind>,
    longest: usize,
) -> Option<Phrase> {
    let words = words_before(d, k);
    let n = words.len();
    for m in (1..=longest.min(n)).rev() {
        if let Some(kind) = generic_of(d, &words[n - m..], generic) {
            return Some(Phrase {
                a: words[n - m].tok,
                b: words[n - 1].tok + 1,
                generic: Some(kind),
                outlet_noun: false,
                org_noun: false,
            });
        }
    }
    let mut first = None;
    for m in (0..n).rev() {
        let w = &words[m];
        if is_capitalised(d, w) {
            first = Some(m);
        } else if !(first.is_some()
            && is_connector(d, w)
            && m > 0
            && is_capitalised(d, &words[m - 1]))
        {
            break;
        }
    }
    let first = first?;
    let (a, b) = (words[first].tok, words[n - 1].tok + 1);
    names_someone(d, a, b).then_some(Phrase {
        a,
        b,
        generic: None,
        outlet_noun: false,
        org_noun: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::FastMap;

    fn generic() -> FastMap<String, SourceKind> {
        let mut g = FastMap::default();
        g.insert("reports".to_owned(), SourceKind::Unnamed);
        g.insert("a statement".to_owned(), SourceKind::Document);
        g
    }

    /// The phrase after the cue word `to` (the second token).
    fn after_text(text: &str) -> Option<String> {
        let d = Doc::from_text(text);
        after(&d, 1, &generic(), 2).map(|p| {
            let (s, e) = d.bytes(p.a, p.b);
            text[s..e].to_owned()
        })
    }

    /// The phrase before the last token (the cue).
    fn before_text(text: &str) -> Option<String> {
        let d = Doc::from_text(text);
        before(&d, d.tokens.len() - 1, &generic(), 2).map(|p| {
            let (s, e) = d.bytes(p.a, p.b);
            text[s..e].to_owned()
        })
    }

    #[test]
    fn names_after_a_cue_stop_at_punctuation_and_lower_case() {
        assert_eq!(after_text("to RIA Novosti, he said").as_deref(), Some("RIA Novosti"));
        assert_eq!(
            after_text("to the Ministry of Defence said").as_deref(),
            Some("Ministry of Defence")
        );
        assert_eq!(after_text("to The New York Times.").as_deref(), Some("The New York Times"));
        assert_eq!(after_text("to reports, it").as_deref(), Some("reports"));
        assert_eq!(after_text("to a statement from").as_deref(), Some("a statement"));
        assert_eq!(after_text("to Reuters’s report").as_deref(), Some("Reuters"));
        assert_eq!(after_text("to him"), None);
        assert_eq!(after_text("to He"), None);
    }

    #[test]
    fn names_before_a_cue() {
        assert_eq!(
            before_text("Earlier, Agence France-Presse reported").as_deref(),
            Some("Agence France-Presse")
        );
        assert_eq!(before_text("media reports reported").as_deref(), Some("reports"));
        assert_eq!(before_text("He reported"), None);
        assert_eq!(before_text("“Yes,” Reuters reported").as_deref(), Some("Reuters"));
    }
}
