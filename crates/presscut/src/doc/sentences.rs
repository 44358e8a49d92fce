//! Sentences: the one splitter of the pipeline, on the tokens, aware of quotations.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing marks or brackets right
//! after it) followed by white space and a word that does not start in lower case — unless the
//! period belongs to an abbreviation (`Mr.`, `Feb. 5`, `U.S. Treasury`) or an initial
//! (`John F. Kennedy`) — and at a line break. A quotation does not split its sentence: in
//! `“We left. We won,” he said.` the break after `left.` only starts a *clause* (the tagger's
//! sentence start: a capital there says nothing about a name), and a quotation ending in
//! sentence punctuation is followed by its attribution in the same sentence (`“Why?” Smith
//! asked.`). Each token is looked at once, and a run of marks once, so the split is linear.

use super::flags::{
    ABBREV, CLAUSE_START, CLOSE_MARK, FINAL, LINE_START, NUMBER, OPEN_MARK, PUNCT, QUOTE,
    SENT_START, SPACE_BEFORE,
};
use super::token::Token;
use super::vocab::Vocab;
use crate::lexicon::classes::class;

/// How far (in tokens) after a quotation its attribution's reporting verb may stand for the
/// sentence to go on (`“Hello!” Miller, a volunteer, said.`).
const ATTRIBUTION_REACH: usize = 16;
/// Within this many tokens of the quotation a reporting verb needs no comma before it.
const ATTRIBUTION_NEAR: usize = 4;
/// Most letters a run of initials has (`U.S.A.`, `J.R.R.`).
const MAX_INITIAL_LETTERS: usize = 4;

/// What ends after a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Break {
    None,
    /// A sentence of the quotation ends; the article's sentence goes on.
    Clause,
    Sentence,
}

/// The tokens, words and quotations the splitter reads.
pub(super) struct Input<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub vocab: &'a Vocab,
    /// 1 + the top-level quotation holding each token (0: none)
    pub quotation_of: &'a [u32],
}

impl Input<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    fn classes(&self, i: usize) -> u64 {
        self.tokens.get(i).map_or(0, |t| self.vocab.classes(t.ty))
    }

    fn first_char(&self, i: usize) -> char {
        self.word(i).chars().next().unwrap_or(' ')
    }
}

/// Splits the `blocks` (token ranges, each saying whether it is a headline: a title or a
/// heading, where capitals say nothing about where a sentence starts) into sentences (token
/// ranges, in order), and flags their first tokens [`SENT_START`] and the first tokens of
/// clauses [`CLAUSE_START`].
pub(super) fn split(
    input: &Input<'_>,
    blocks: &[(usize, usize, bool)],
    flags: &mut [u32],
) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(input.tokens.len() / 16 + 1);
    for &(a, b, headline) in blocks {
        if a >= b {
            continue;
        }
        crate::cost::add(b - a);
        let mut start = a;
        for i in a..b {
            let brk = if i + 1 == b { Break::Sentence } else { break_after(input, i, b, headline) };
            match brk {
                Break::Sentence => {
                    out.push((start, i + 1));
                    flags[start] |= SENT_START | CLAUSE_START;
                    start = i + 1;
                }
                Break::Clause => flags[i + 1] |= CLAUSE_START,
                Break::None => {}
            }
        }
    }
    out
}

/// A mark that may close a sentence after its terminal punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

/// An opening quote mark or bracket.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '„' | '¿' | '¡')
}

/// What ends after token `i` of the block ending at token `b` (`i + 1 < b`).
fn break_after(d: &Input<'_>, i: usize, b: usize, headline: bool) -> Break {
    let toks = d.tokens;
    let (t, n) = (toks[i], toks[i + 1]);
    let (qt, qn) = (d.quotation_of[i], d.quotation_of[i + 1]);
    if n.has(LINE_START) {
        // a line break ends a sentence, except inside a quotation
        let outside = (qn == 0 || n.has(OPEN_MARK)) && (qt == 0 || t.has(CLOSE_MARK));
        return if outside { Break::Sentence } else { Break::Clause };
    }
    // the end of a run of marks (`.”)`): decided once, at its last token
    if !n.has(SPACE_BEFORE) {
        return Break::None;
    }
    // `1. Personalized nutrition`: a list number opens its line's sentence
    if t.has(LINE_START) && t.has(NUMBER) && d.word(i).ends_with('.') {
        return Break::Clause;
    }
    let Some(run) = terminal_run(d, i) else { return Break::None };
    if !ends_sentence(d, &run, i + 1, headline) {
        return Break::None;
    }
    if qt != 0 && qn == qt {
        return Break::Clause;
    }
    if t.has(CLOSE_MARK) && qt != 0 && qn != qt {
        // `“We are done.” The talks ended.` — but `“Why?” Smith asked.` goes on
        let opens = n.has(PUNCT) && !n.has(OPEN_MARK);
        return if opens || attribution_follows(d, i + 1, b) {
            Break::None
        } else {
            Break::Sentence
        };
    }
    Break::Sentence
}

/// The terminal punctuation a run of marks ending at token `i` holds.
struct Run {
    /// The run is only periods and closers.
    period_only: bool,
    ellipsis: bool,
    /// The abbreviation or initial whose period ends the run's sentence, if any (the token
    /// kept its period, or the period follows it directly).
    word: Option<usize>,
}

/// The terminal punctuation ending at token `i`: a sentence-final mark or a word that kept its
/// period, then only closing marks and brackets, with no space between.
fn terminal_run(d: &Input<'_>, i: usize) -> Option<Run> {
    let toks = d.tokens;
    let mut k = i;
    // closing marks after the terminal punctuation
    while toks[k].has(PUNCT) && !toks[k].has(FINAL) && is_closer(d.first_char(k)) {
        if toks[k].has(SPACE_BEFORE) || k == 0 {
            return None;
        }
        k -= 1;
    }
    let t = toks[k];
    if t.has(ABBREV) {
        return Some(Run { period_only: true, ellipsis: false, word: Some(k) });
    }
    if !t.has(FINAL) {
        return None;
    }
    // a run of terminal marks (`?!`, `...`): the first one decides
    while k > 0 && !toks[k].has(SPACE_BEFORE) && toks[k - 1].has(FINAL) {
        k -= 1;
    }
    let first = d.word(k);
    let ellipsis = first.starts_with("...") || first.starts_with('…');
    let period_only = (k..=i).all(|j| {
        let w = d.word(j);
        w.chars().all(|c| c == '.') || toks[j].has(PUNCT) && !toks[j].has(FINAL)
    });
    let word = (period_only && !ellipsis && k > 0 && !toks[k].has(SPACE_BEFORE))
        .then(|| k - 1)
        .filter(|&w| !toks[w].has(PUNCT));
    Some(Run { period_only, ellipsis, word })
}

/// Whether the terminal `run` ends its sentence before token `n` (white space between).
fn ends_sentence(d: &Input<'_>, run: &Run, n: usize, headline: bool) -> bool {
    let next = d.first_char(n);
    if next.is_lowercase() {
        return false;
    }
    if run.ellipsis && !(next.is_uppercase() || is_opener(next)) {
        return false;
    }
    match run.word {
        Some(w) if run.period_only => period_ends_sentence(d, w, n, headline),
        _ => true,
    }
}

/// Decides a period after the word at token `w` (an abbreviation, an initial, or a plain word),
/// given the token `n` after it. In a headline every word may be capitalised, so there a
/// capital after initials (`U.S. Are Underway`) does not start a sentence by itself.
fn period_ends_sentence(d: &Input<'_>, w: usize, n: usize, headline: bool) -> bool {
    let word = d.word(w).trim_end_matches('.');
    if word.is_empty() {
        return true;
    }
    let next = d.first_char(n);
    let next_classes = d.classes(n);
    let starts_sentence = next_classes & class::STARTER != 0
        || d.tokens[n].has(QUOTE) && next != '(' && next != '['
        || is_opener(next) && next != '(' && next != '[';
    let abbreviation = d.classes(w) & class::ABBR;
    // `U.S.`, `U.K.`: a capitalised word after it starts a sentence unless it continues a name
    if word.contains('.') && is_initials(word) && next.is_uppercase() {
        return starts_sentence || !headline && next_classes & class::CONTINUATION == 0;
    }
    if abbreviation & class::ABBR_TITLE != 0 {
        false
    } else if abbreviation & class::ABBR_NUMBER != 0 {
        !next.is_ascii_digit() && starts_sentence
    } else if abbreviation != 0 || is_initials(word) {
        starts_sentence
    } else {
        true
    }
}

/// `F`, `J.K`, `U.S`, `E.U`: letters separated by periods, one or two per group.
fn is_initials(word: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    !word.is_empty()
        && word.split('.').all(|g| {
            let n = g.chars().count();
            (1..=2).contains(&n) && g.chars().next().is_some_and(char::is_uppercase)
        })
        && word.chars().filter(|c| c.is_alphabetic()).count() <= MAX_INITIAL_LETTERS
}

/// After a quotation ending in `.`, `?` or `!`, from token `j`: its attribution follows
/// (`“Why?” Smith asked.`, `“Hello!” Miller, a volunteer, said.`), so the sentence goes on.
fn attribution_follows(d: &Input<'_>, j: usize, b: usize) -> bool {
    let toks = d.tokens;
    let first = d.classes(j);
    if d.first_char(j).is_lowercase() && first & class::PRON != 0 {
        return true; // `“…?” he asked`
    }
    if first & class::CONJ != 0 && first & class::DET == 0 {
        return false; // `“…” But he added, …`: a sentence of its own
    }
    let end = b.min(j + ATTRIBUTION_REACH);
    for k in j..end {
        let t = toks[k];
        if t.has(QUOTE) || (k > j && t.has(LINE_START)) {
            return false;
        }
        if t.has(PUNCT) && matches!(d.first_char(k), '.' | '!' | '?' | ';' | ':' | '…') {
            return false;
        }
        let c = d.classes(k);
        if c & class::DCUE != 0 && !d.first_char(k).is_uppercase() && !t.has(PUNCT) {
            // `South Carolina, he said, was …`: an aside inside the next sentence
            let aside = k >= j + 2
                && d.classes(k - 1) & class::PRON != 0
                && toks[k - 2].has(PUNCT)
                && d.first_char(k - 2) == ',';
            // `“…” Morales said he doubted it.`: the cue reports a clause of its own
            let own_clause = k + 1 < b && {
                let nc = d.classes(k + 1);
                nc & class::PRON != 0 && nc & (class::DET | class::OBJPRON) == 0
                    || d.word(k + 1).eq_ignore_ascii_case("that")
            };
            return !aside
                && !own_clause
                && (k - j <= ATTRIBUTION_NEAR
                    || toks[k - 1].has(PUNCT) && d.first_char(k - 1) == ',');
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::doc::Doc;

    fn sentences(text: &str) -> Vec<&str> {
        let d = Doc::from_text(text);
        (0..d.sentences.len()).map(|s| d.sentence_text(s)).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("One thing. Another! A third? Yes."),
            ["One thing.", "Another!", "A third?", "Yes."]
        );
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Smith met Gen. Milley and John F. Kennedy Jr. in D.C. today."),
            ["Mr. Smith met Gen. Milley and John F. Kennedy Jr. in D.C. today."]
        );
    }

    #[test]
    fn abbreviation_at_sentence_end_breaks_before_a_sentence_starter() {
        assert_eq!(
            sentences("Talks with the U.S. are slow. He met the U.S. The talks went on."),
            ["Talks with the U.S. are slow.", "He met the U.S.", "The talks went on."]
        );
        assert_eq!(sentences("The U.S. Treasury said so."), ["The U.S. Treasury said so."]);
        assert_eq!(
            sentences("It needs action from the U.S. Russia will wait."),
            ["It needs action from the U.S.", "Russia will wait."]
        );
    }

    #[test]
    fn a_headline_in_title_case_is_not_cut_after_initials() {
        use crate::model::BlockKind;
        let text = "Talks with the U.S. Are Underway\nU.S. Struggling to Persuade Allies\n\
                    They met the U.S. Army chief. Talks went on.";
        let blocks = [
            (BlockKind::Title, 0, 32),
            (BlockKind::Heading, 33, 67),
            (BlockKind::Paragraph, 68, 112),
        ];
        let d = Doc::new(text, &blocks);
        let got: Vec<&str> = (0..d.sentences.len()).map(|s| d.sentence_text(s)).collect();
        assert_eq!(
            got,
            [
                "Talks with the U.S. Are Underway",
                "U.S. Struggling to Persuade Allies",
                "They met the U.S. Army chief.",
                "Talks went on."
            ]
        );
        // in a paragraph, capitals after initials still start a sentence
        assert_eq!(
            sentences("We met the U.S. Talks went on."),
            ["We met the U.S.", "Talks went on."]
        );
    }

    #[test]
    fn dates_numbers_and_decimals_stay_together() {
        assert_eq!(
            sentences("On Feb. 5 it rose 3.5 percent to No. 2 in the chart. Then it fell."),
            ["On Feb. 5 it rose 3.5 percent to No. 2 in the chart.", "Then it fell."]
        );
    }

    #[test]
    fn a_quotation_keeps_its_attribution_in_one_sentence() {
        assert_eq!(
            sentences("“We left. We won,” he said. Then it rained."),
            ["“We left. We won,” he said.", "Then it rained."]
        );
        assert_eq!(
            sentences("“Why?” Smith asked. “Because.”"),
            ["“Why?” Smith asked.", "“Because.”"]
        );
        assert_eq!(sentences("“Why?” he asked."), ["“Why?” he asked."]);
    }

    #[test]
    fn a_quotation_ending_in_a_period_ends_its_sentence() {
        assert_eq!(
            sentences("He said it was “not what we would like.” The talks go on."),
            ["He said it was “not what we would like.”", "The talks go on."]
        );
        assert_eq!(sentences("“We won.” Morales said he doubted it.").len(), 2);
        assert_eq!(sentences("“We won.” South Carolina, he said, was next.").len(), 2);
    }

    #[test]
    fn a_sentence_inside_a_quotation_starts_a_clause() {
        let d = Doc::from_text("“We left. We won,” he said.");
        let starts: Vec<&str> =
            d.tokens.iter().filter(|t| t.has(CLAUSE_START)).map(|t| t.text(d.text)).collect();
        assert_eq!(starts, ["“", "We"]);
    }

    #[test]
    fn abbreviations_and_brackets_before_a_quotation() {
        assert_eq!(sentences("He spoke in Fort Mill, S.C. “We won.”").len(), 2);
        assert_eq!(sentences("(It rained all day.) “We won,” he said.").len(), 2);
        assert_eq!(sentences("He met Sen. “Big” Jones.").len(), 1);
    }

    #[test]
    fn ellipses_break_only_before_capitals() {
        assert_eq!(
            sentences("Well... maybe not. Wait… The end."),
            ["Well... maybe not.", "Wait…", "The end."]
        );
    }

    #[test]
    fn line_breaks_end_sentences_and_blocks_are_respected() {
        assert_eq!(
            sentences("A list\nwith items\n\nNext block. Here"),
            ["A list", "with items", "Next block.", "Here"]
        );
    }

    #[test]
    fn pathological_input_is_handled() {
        let dots = ".".repeat(100_000);
        assert_eq!(sentences(&dots).len(), 1);
        let quotes = "”".repeat(10_000) + ". A";
        assert_eq!(sentences(&quotes).len(), 2);
        let marks = "!?".repeat(50_000);
        assert_eq!(sentences(&marks).len(), 1);
        assert!(sentences("").is_empty());
    }

    use super::CLAUSE_START;
}
