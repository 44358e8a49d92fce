//! The noun phrase a citing cue points at: a generic phrase (`reports`, `a statement`) or a
//! capitalised name (`RIA Novosti`, `The New York Times`, `the Ministry of Defence`).

use crate::lexicon::FastMap;
use crate::model::SourceKind;

/// The source words found next to a cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub start: usize,
    pub end: usize,
    /// Set when the phrase is a generic source (`reports`, `a statement`).
    pub generic: Option<SourceKind>,
    /// A name followed by what it is (`the Handelsblatt newspaper`, `Interfax news agency`).
    pub outlet_noun: bool,
    /// A name followed by an organisation's head word (`the Ifo institute`).
    pub org_noun: bool,
}

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

/// Words inside a name that are not capitalised (`Ministry of Defence`, `Bank for ...`).
const CONNECTORS: &[&str] = &[
    "of", "for", "and", "&", "de", "del", "du", "al", "bin", "van", "von", "der", "la", "le", "on",
];

/// Capitalised words that never name a source on their own.
const NOT_NAMES: &[&str] = &[
    "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There", "But",
    "And", "The", "A", "An", "In", "On", "At", "As", "When", "While", "His", "Her", "Their", "Its",
    "Our", "Who", "What", "Which", "Some", "Many", "Most", "Others", "Both",
];

/// Whether `start..end` is a whole word (or words) of `text`.
pub fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// A word of the text: its span without trailing punctuation, and whether punctuation followed.
#[derive(Clone, Copy, Debug)]
struct Word {
    start: usize,
    end: usize,
    closed: bool,
}

fn core(text: &str, start: usize, end: usize) -> Word {
    let raw = &text[start..end];
    let trimmed = raw.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '&');
    // A final period closes the phrase unless the word is an abbreviation (`U.S.`, `Co.`).
    let trimmed_dot = if trimmed.ends_with('.')
        && !trimmed[..trimmed.len() - 1].contains('.')
        && trimmed.len() > 4
    {
        &trimmed[..trimmed.len() - 1]
    } else {
        trimmed
    };
    Word { start, end: start + trimmed_dot.len(), closed: trimmed_dot.len() < raw.len() }
}

fn words_after(text: &str, pos: usize, max: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let rest = &text[pos..];
    let line_end = rest.find('\n').map_or(text.len(), |p| pos + p);
    let mut i = pos;
    for raw in text[pos..line_end].split(' ') {
        if out.len() == max {
            break;
        }
        if !raw.is_empty() {
            let w = core(text, i, i + raw.len());
            if w.end == w.start {
                break;
            }
            out.push(w);
            if w.closed {
                break;
            }
        }
        i += raw.len() + 1;
    }
    out
}

fn words_before(text: &str, pos: usize, max: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let line_start = text[..pos].rfind('\n').map_or(0, |p| p + 1);
    let mut end = pos;
    for raw in text[line_start..pos].rsplit(' ') {
        if out.len() == max {
            break;
        }
        let start = end - raw.len();
        if !raw.is_empty() {
            let w = core(text, start, end);
            if w.closed || w.end == w.start {
                break;
            }
            out.push(w);
        }
        end = start.saturating_sub(1);
    }
    out.reverse();
    out
}

fn generic_of(
    text: &str,
    words: &[Word],
    generic: &FastMap<String, SourceKind>,
) -> Option<SourceKind> {
    let phrase: Vec<String> = words.iter().map(|w| text[w.start..w.end].to_lowercase()).collect();
    generic.get(&phrase.join(" ")).copied()
}

fn is_capitalised(text: &str, w: &Word) -> bool {
    text[w.start..w.end].starts_with(char::is_uppercase)
}

fn is_connector(text: &str, w: &Word) -> bool {
    CONNECTORS.contains(&&text[w.start..w.end])
}

/// The source named right after a cue ending at `pos`.
pub fn after(
    text: &str,
    pos: usize,
    generic: &FastMap<String, SourceKind>,
    longest: usize,
) -> Option<Phrase> {
    let words = words_after(text, pos, 8);
    for n in (1..=longest.min(words.len())).rev() {
        if let Some(kind) = generic_of(text, &words[..n], generic) {
            return Some(Phrase {
                start: words[0].start,
                end: words[n - 1].end,
                generic: Some(kind),
                outlet_noun: false,
                org_noun: false,
            });
        }
    }
    // `the BBC`, `The New York Times`: a determiner may open the name.
    let skip = usize::from(
        words.first().is_some_and(|w| text[w.start..w.end].eq_ignore_ascii_case("the")),
    );
    let mut last = None;
    for (k, w) in words.iter().enumerate().skip(skip) {
        if is_capitalised(text, w) {
            last = Some(k);
        } else if !(last.is_some()
            && is_connector(text, w)
            && words.get(k + 1).is_some_and(|n| is_capitalised(text, n)))
        {
            break;
        }
        if w.closed {
            break;
        }
    }
    let last = last?;
    let first = if skip == 1 && is_capitalised(text, &words[0]) { 0 } else { skip };
    let next = words.get(last + 1).filter(|_| !words[last].closed).map(|w| &text[w.start..w.end]);
    let outlet_noun = next.is_some_and(|w| OUTLET_NOUNS.contains(&w));
    let org_noun = !outlet_noun && next.is_some_and(is_org_head_word);
    let phrase = Phrase {
        start: words[first].start,
        end: words[last].end,
        generic: None,
        outlet_noun,
        org_noun,
    };
    (!NOT_NAMES.contains(&&text[phrase.start..phrase.end])).then_some(phrase)
}

/// The source named right before a cue starting at `pos`.
pub fn before(
    text: &str,
    pos: usize,
    generic: &FastMap<String, SourceKind>,
    longest: usize,
) -> Option<Phrase> {
    let words = words_before(text, pos, 8);
    let n = words.len();
    for k in (1..=longest.min(n)).rev() {
        if let Some(kind) = generic_of(text, &words[n - k..], generic) {
            return Some(Phrase {
                start: words[n - k].start,
                end: words[n - 1].end,
                generic: Some(kind),
                outlet_noun: false,
                org_noun: false,
            });
        }
    }
    let mut first = None;
    for k in (0..n).rev() {
        let w = &words[k];
        if is_capitalised(text, w) {
            first = Some(k);
        } else if !(first.is_some()
            && is_connector(text, w)
            && k > 0
            && is_capitalised(text, &words[k - 1]))
        {
            break;
        }
    }
    let first = first?;
    let phrase = Phrase {
        start: words[first].start,
        end: words[n - 1].end,
        generic: None,
        outlet_noun: false,
        org_noun: false,
    };
    (!NOT_NAMES.contains(&&text[phrase.start..phrase.end])).then_some(phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generic() -> FastMap<String, SourceKind> {
        let mut g = FastMap::default();
        g.insert("reports".to_owned(), SourceKind::Unnamed);
        g.insert("a statement".to_owned(), SourceKind::Document);
        g
    }

    fn after_text(text: &str, pos: usize) -> Option<&str> {
        after(text, pos, &generic(), 2).map(|p| &text[p.start..p.end])
    }

    fn before_text(text: &str, pos: usize) -> Option<&str> {
        before(text, pos, &generic(), 2).map(|p| &text[p.start..p.end])
    }

    #[test]
    fn names_after_a_cue_stop_at_punctuation_and_lower_case() {
        assert_eq!(after_text("to RIA Novosti, he said", 3), Some("RIA Novosti"));
        assert_eq!(after_text("to the Ministry of Defence said", 3), Some("Ministry of Defence"));
        assert_eq!(after_text("to The New York Times.", 3), Some("The New York Times"));
        assert_eq!(after_text("to reports, it", 3), Some("reports"));
        assert_eq!(after_text("to a statement from", 3), Some("a statement"));
        assert_eq!(after_text("to him", 3), None);
        assert_eq!(after_text("to He", 3), None);
    }

    #[test]
    fn names_before_a_cue() {
        let t = "Earlier, Agence France-Presse reported";
        assert_eq!(before_text(t, t.len() - 8), Some("Agence France-Presse"));
        let t = "media reports reported";
        assert_eq!(before_text(t, t.len() - 8), Some("reports"));
        let t = "He reported";
        assert_eq!(before_text(t, 3), None);
        let t = "“Yes,” Reuters reported";
        assert_eq!(before_text(t, t.len() - 8), Some("Reuters"));
    }

    #[test]
    fn word_bounds_are_checked() {
        assert!(word_bounded("he told me", 3, 7));
        assert!(!word_bounded("untold", 2, 6));
    }
}
