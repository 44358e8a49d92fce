//! A quote-aware sentence splitter over the tokens: a quotation never splits its sentence,
//! so `“A. B,” he said.` stays one sentence with its attribution.

use super::lexicon::{class, is};
use super::text::{Kind, Mark, Tok};

/// Sets `sent` on every token and returns the sentences as token ranges, in order.
pub fn assign(text: &str, toks: &mut [Tok], para_toks: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut sents = Vec::new();
    for &(a, b) in para_toks {
        let mut start = a;
        for i in a..b {
            let last = i + 1 == b;
            if last || ends_sentence(text, toks, i, b) {
                let id = sents.len() as u32;
                for t in &mut toks[start..=i] {
                    t.sent = id;
                }
                sents.push((start, i + 1));
                start = i + 1;
            }
        }
    }
    sents
}

/// Whether a sentence ends after token `i` (the paragraph ends at token `b`).
fn ends_sentence(text: &str, toks: &[Tok], i: usize, b: usize) -> bool {
    let t = toks[i];
    let Some(n) = toks.get(i + 1).filter(|_| i + 1 < b) else {
        return true;
    };
    if n.nl && (n.q == 0 || n.mark == Mark::Open) && (t.q == 0 || t.mark == Mark::Close) {
        return true; // a line break inside a paragraph, outside quotations
    }
    // only sentence punctuation, an abbreviation or a closing mark can end a sentence
    let candidate = match t.kind {
        Kind::Punct => {
            matches!(t.ch, '.' | '!' | '?' | '\u{2026}') || t.ch == ')' && after_stop(text, toks, i)
        }
        Kind::Word => t.abbr,
        Kind::Quote => t.mark == Mark::Close,
    };
    if !candidate {
        return false;
    }
    let starts_new = (n.kind == Kind::Word
        && (n.cap || n.text(text).starts_with(|c: char| c.is_ascii_digit())))
        || (n.kind == Kind::Quote && n.mark == Mark::Open)
        || matches!(n.punct(text), Some('(' | '[' | '\u{2014}' | '-'));
    if !starts_new {
        return false;
    }
    match t.kind {
        Kind::Punct if t.q == 0 => {
            matches!(t.punct(text), Some('.' | '!' | '?' | '\u{2026}' | ')'))
        }
        Kind::Word if t.q == 0 && t.abbr => {
            // "the U.S. The next …": an abbreviation with inner periods before a sentence opener;
            // "in Fort Mill, S.C. “It seems …”": before an opening mark (not a title: "Sen.")
            let w = t.text(text);
            let dotted = w[..w.len().saturating_sub(1)].contains('.');
            let quote_opens = n.kind == Kind::Quote
                && n.mark == Mark::Open
                && toks.get(i + 2).is_some_and(|x| x.kind == Kind::Word && x.cap);
            dotted && (is(n.text(text), class::DET | class::PRON) || quote_opens)
        }
        Kind::Quote if t.mark == Mark::Close && n.q != t.q => {
            // “… left.” The next sentence: the quotation ended with its sentence's punctuation
            let before = text[..t.start].trim_end();
            before.ends_with(['.', '!', '?', '\u{2026}'])
                && n.kind != Kind::Punct
                && !(n.kind == Kind::Word && !n.cap && is(n.text(text), class::PRON))
                && !follows_cue(text, toks, i + 1, b)
        }
        _ => false,
    }
}

/// `…(as of 1928.)`: a closing parenthesis right after sentence punctuation.
fn after_stop(text: &str, toks: &[Tok], i: usize) -> bool {
    let _ = text;
    i > 0 && toks[i - 1].kind == Kind::Punct && matches!(toks[i - 1].ch, '.' | '!' | '?')
}

/// After a quotation ending in `.`, `?` or `!`: its attribution follows (`“Why?” Smith asked.`,
/// `“Hello!” Miller, a volunteer, said.`), so the sentence goes on.
fn follows_cue(text: &str, toks: &[Tok], j: usize, b: usize) -> bool {
    let end = b.min(j + 16);
    let mut k = j;
    while k < end {
        let t = toks[k];
        if t.kind == Kind::Quote || (k > j && t.nl) {
            return false;
        }
        if t.kind == Kind::Punct && matches!(t.ch, '.' | '!' | '?' | ';' | ':') {
            return false;
        }
        if t.kind == Kind::Word && t.cls & class::DCUE != 0 && !t.cap {
            // `South Carolina, he said, was …`: an aside inside the next sentence
            let aside = k >= j + 2
                && toks[k - 1].cls & class::PRON != 0
                && toks[k - 2].kind == Kind::Punct
                && toks[k - 2].ch == ',';
            // `“…” Morales said he doubted it.`: the cue reports a clause of its own
            let own_clause = toks.get(k + 1).is_some_and(|n| {
                let c = n.cls;
                c & class::PRON != 0 && c & (class::DET | class::OBJPRON) == 0
                    || n.text(text).eq_ignore_ascii_case("that")
            });
            return !aside
                && !own_clause
                && (k - j <= 4 || toks[k - 1].kind == Kind::Punct && toks[k - 1].ch == ',');
        }
        k += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::marks::{Warnings, pair};
    use super::super::text::{split_paragraphs, tokenize};
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let paras = split_paragraphs(text);
        let mut toks = tokenize(text, &paras);
        let pt = vec![(0, toks.len())];
        let mut w = Warnings::default();
        pair(text, &mut toks, &pt, &mut w);
        assign(text, &mut toks, &pt)
            .iter()
            .map(|&(a, b)| text[toks[a].start..toks[b - 1].end].to_string())
            .collect()
    }

    #[test]
    fn quotation_keeps_its_attribution_in_one_sentence() {
        let s = sentences("“We left. We won,” he said. Then it rained.");
        assert_eq!(s, vec!["“We left. We won,” he said.", "Then it rained."]);
    }

    #[test]
    fn titles_do_not_end_sentences() {
        let s = sentences("Mr. Smith met Dr. Jones. They talked.");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn abbreviation_or_parenthesis_before_a_quotation_ends_the_sentence() {
        assert_eq!(sentences("He spoke in Fort Mill, S.C. “We won.”").len(), 2);
        assert_eq!(sentences("(It rained all day.) “We won,” he said.").len(), 2);
        assert_eq!(sentences("He met Sen. “Big” Jones.").len(), 1);
    }

    #[test]
    fn an_aside_after_a_quotation_belongs_to_the_next_sentence() {
        assert_eq!(sentences("“We won.” South Carolina, he said, was next.").len(), 2);
        assert_eq!(sentences("“We won.” Morales said he doubted it.").len(), 2);
        assert_eq!(sentences("“Why?” Smith asked.").len(), 1);
    }

    #[test]
    fn a_quotation_ending_in_a_period_ends_the_sentence() {
        let s = sentences("“We are done.” The talks ended.");
        assert_eq!(s.len(), 2);
    }
}
