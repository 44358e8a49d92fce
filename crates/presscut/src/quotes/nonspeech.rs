//! Quotations that are not speech: headings set in quote marks (a paragraph that is only a
//! single-marked or all-capitals quotation), titles of works and names in title case inside a
//! sentence (`her memoir, “Tough Choices”`, `nicknamed “Little Marco”`), and short phrases with
//! no reporting cue inside the reporter's sentence (`his resume: “song anthropologist”`).

use super::view::View;
use crate::lexicon::classes::class::{CONJ, DET, PREP, PRON, SKIP};

/// Quotations of at most this many words need a reporting cue when the sentence around them
/// holds the reporter's own words.
const SHORT_WORDS: usize = 3;
/// Title-case quotations longer than this are read as speech.
const MAX_TITLE_WORDS: usize = 6;

/// Whether top-level quotation `qi` opens its line and reads as a heading: in capitals, or
/// alone on its line in single marks in an article whose quotations use double marks (US
/// subheadings) or as a label ending in a colon.
pub fn is_heading(d: &View, qi: usize, double_style: bool) -> bool {
    let sp = d.spans[qi];
    let (Some(open), Some(close)) = (sp.open_tok, sp.close_tok) else {
        return false;
    };
    let Some(&(pa, pb)) = d.paras.get(sp.block as usize) else {
        return false;
    };
    // the quotation opens its line (a paragraph, or a line of one)
    if open != pa && !d.nl(open) {
        return false;
    }
    let inner = d.text.get(sp.start..sp.end).unwrap_or("");
    let mut letters = inner.chars().filter(|c| c.is_alphabetic());
    let capitals = letters.clone().all(char::is_uppercase);
    if capitals
        && letters.nth(6).is_some()
        && (open + 1..close).filter(|&k| d.is_word(k)).nth(2).is_some()
    {
        return true; // a heading in capitals, whatever follows on its line
    }
    let line_end = (close + 1..pb).find(|&k| d.nl(k)).unwrap_or(pb);
    if (close + 1..line_end).any(|k| d.is_word(k) || d.is_quote(k)) {
        return false;
    }
    sp.single && double_style || inner.trim_end().ends_with(':')
}

/// Whether the article's top-level quotations mostly use double marks.
pub fn double_style(d: &View) -> bool {
    let single = d.spans.iter().filter(|s| s.single).count();
    let double = d.spans.len() - single;
    double > 0 && double >= single
}

/// Words inside quotation `qi` (at most `cap + 1` counted).
fn word_count(d: &View, qi: usize, cap: usize) -> usize {
    let sp = d.spans[qi];
    let from = sp.open_tok.map_or_else(|| d.doc.token_at(sp.start), |o| o + 1);
    (from..d.len())
        .take_while(|&k| d.end(k) <= sp.end)
        .filter(|&k| d.is_word(k))
        .take(cap + 1)
        .count()
}

/// A name or title in title case (`Tough Choices`, `Make America Great Again`): two to six
/// words, every word capitalised except short function words.
fn title_case(d: &View, qi: usize) -> bool {
    let sp = d.spans[qi];
    let Some(open) = sp.open_tok else { return false };
    let mut caps = 0;
    for k in open + 1..d.len() {
        if d.end(k) > sp.end {
            break;
        }
        if !d.is_word(k) {
            continue;
        }
        let w = d.word(k);
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if d.cap(k) {
            caps += 1;
        } else if d.cls(k) & (DET | PREP | CONJ | SKIP) == 0 || w.len() > 4 {
            return false;
        }
        if caps > MAX_TITLE_WORDS {
            return false;
        }
    }
    caps >= 2
}

/// Whether the words `[a, b)` are in sentence case (a lowercase content word among them), so
/// that title case inside a quotation stands out (in a headline everything is capitalised).
fn sentence_case(d: &View, a: usize, b: usize) -> bool {
    (a..b).any(|k| {
        d.is_word(k)
            && !d.cap(k)
            && d.q(k) == 0
            && d.cls(k) & (DET | PREP | CONJ | PRON) == 0
            && d.word(k).len() > 3
    })
}

/// Whether quotation `qi`, after the reporter's words `[la, lb)` in its sentence, with a
/// reporting cue or not (`has_cue`), is a title or a phrase rather than speech.
pub fn is_phrase(d: &View, qi: usize, (la, lb): (usize, usize), has_cue: bool) -> bool {
    if !(la..lb).any(|k| d.is_word(k)) {
        return modifier(d, qi);
    }
    if !has_cue && word_count(d, qi, SHORT_WORDS) <= SHORT_WORDS {
        return true;
    }
    sentence_case(d, la, lb) && title_case(d, qi)
}

/// `“Orange Is the New Black” star Dascha Polanco`: a title in marks with no punctuation of
/// its own, run straight into the words after it, names something.
fn modifier(d: &View, qi: usize) -> bool {
    let sp = d.spans[qi];
    let Some(close) = sp.close_tok else { return false };
    let ends_bare = d
        .text
        .get(sp.start..sp.end)
        .and_then(|t| t.trim_end().chars().next_back())
        .is_some_and(char::is_alphanumeric);
    ends_bare && d.is_word(close + 1) && d.sent(close + 1) == d.sent(close) && title_case(d, qi)
}

#[cfg(test)]
mod tests {
    use super::super::QuoteKind;
    use super::super::tests::{check, run};

    fn quoted(text: &str, snippet: &str) -> bool {
        run(text)
            .quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Direct && text[q.start..q.end].contains(snippet))
    }

    #[test]
    fn subheading_in_single_marks_is_not_a_quote() {
        let t = "“We will rebuild,” Ortega said.\n\n‘A town under water.’\n\nThe river rose again on Monday.";
        assert!(!quoted(t, "A town under water"));
        assert!(quoted(t, "We will rebuild"));
    }

    #[test]
    fn heading_in_capitals_is_not_a_quote() {
        let t = "“We will rebuild,” Ortega said.\n“THE RIVER KEEPS RISING”\nThe river rose again on Monday.";
        assert!(!quoted(t, "RIVER KEEPS"));
    }

    #[test]
    fn title_of_a_work_is_not_a_quote() {
        let t = "She wrote about the flood in her memoir, “Rising Water.” It sold well.";
        assert!(!quoted(t, "Rising Water"));
        assert!(!quoted("“Rising Water” author Ana Ortega spoke on Monday.", "Rising Water"));
    }

    #[test]
    fn short_phrase_without_a_cue_is_not_a_quote() {
        assert!(!quoted("Ortega has a new title on her resume: “flood expert.”", "flood expert"));
    }

    #[test]
    fn title_case_in_a_headline_is_still_speech() {
        let t = "Ortega: ‘We Will Rebuild the Bridge’\n\nThe mayor spoke on Monday.";
        check(t, "We Will Rebuild", QuoteKind::Direct, "Ortega", None);
    }
}
