//! Stage 3: sentence segmentation inside each block.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quote marks or brackets
//! after it) followed by white space and a word that does not start in lower case — unless the
//! period belongs to an abbreviation (`Mr.`, `Feb. 5`, `U.S. Treasury`) or an initial
//! (`John F. Kennedy`). A line break inside a block always ends a sentence.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AbbrevClass {
    Title,
    Month,
    Other,
    Number,
}

static ABBREVIATIONS: LazyLock<HashMap<&'static str, AbbrevClass>> = LazyLock::new(|| {
    lexicon::rows(include_str!("../data/abbreviations.txt"))
        .filter_map(|row| {
            let class = match *row.get(1)? {
                "title" => AbbrevClass::Title,
                "month" => AbbrevClass::Month,
                "number" => AbbrevClass::Number,
                _ => AbbrevClass::Other,
            };
            Some((row[0], class))
        })
        .collect()
});

static STARTERS: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../data/sentence_starters.txt")).collect());

static CONTINUATIONS: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!("../data/abbreviation_continuations.txt")).collect()
});

/// Sentence byte spans of `text`, searched inside each of `blocks` (byte spans, in order).
pub fn split(text: &str, blocks: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &(start, end) in blocks {
        if let Some(block) = text.get(start..end) {
            split_block(block, start, &mut out);
        }
    }
    out
}

fn split_block(block: &str, offset: usize, out: &mut Vec<(usize, usize)>) {
    let bytes = block.as_bytes();
    let mut sentence_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (boundary, skip_to) = match b {
            b'\n' => (Some((i, i + 1)), i + 1),
            b'.' | b'!' | b'?' => end_of_sentence(block, i),
            // U+2026 HORIZONTAL ELLIPSIS is E2 80 A6.
            0xE2 if bytes[i..].starts_with("…".as_bytes()) => end_of_sentence(block, i),
            _ => (None, i + 1),
        };
        if let Some((end, next)) = boundary {
            push_trimmed(block, sentence_start, end, offset, out);
            sentence_start = next;
        }
        // Never rescan a run of marks: keeps `!!!!…` linear.
        i = skip_to.max(i + 1);
    }
    push_trimmed(block, sentence_start, bytes.len(), offset, out);
}

fn push_trimmed(
    block: &str,
    start: usize,
    end: usize,
    offset: usize,
    out: &mut Vec<(usize, usize)>,
) {
    let Some(piece) = block.get(start..end) else { return };
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = offset + start + lead;
        out.push((s, s + trimmed.len()));
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '„' | '¿' | '¡')
}

/// If the terminal punctuation at byte `i` ends a sentence, `(sentence end, next start)`; and
/// the end of the run of marks, where scanning resumes.
fn end_of_sentence(block: &str, i: usize) -> (Option<(usize, usize)>, usize) {
    let run_end = terminal_run_end(block, i);
    (boundary_after_run(block, i, run_end), run_end)
}

fn terminal_run_end(block: &str, i: usize) -> usize {
    let mut run_end = i;
    for (k, c) in block[i..].char_indices() {
        if is_terminal(c) || (k > 0 && is_closer(c)) {
            run_end = i + k + c.len_utf8();
        } else {
            break;
        }
    }
    run_end
}

fn boundary_after_run(block: &str, i: usize, run_end: usize) -> Option<(usize, usize)> {
    let run = &block[i..run_end];
    let period_only = run.chars().all(|c| c == '.' || is_closer(c));
    let after = &block[run_end..];
    let next_char_pos = after.find(|c: char| c != ' ')?;
    if next_char_pos == 0 {
        // No white space after the mark: `3.5`, `U.S.-led`, `example.com`.
        return None;
    }
    let next = &after[next_char_pos..];
    let next_start = run_end + next_char_pos;
    let first = next.chars().next()?;
    if first == '\n' {
        return Some((run_end, run_end));
    }
    if first.is_lowercase() {
        return None;
    }
    let ellipsis = run.starts_with("...") || run.starts_with('…');
    if ellipsis && !(first.is_uppercase() || is_opener(first)) {
        return None;
    }
    if period_only && !ellipsis && run.starts_with('.') && !period_ends_sentence(block, i, next) {
        return None;
    }
    Some((run_end, next_start))
}

/// Decides a single period after the word that precedes byte `dot`, given the text after it.
fn period_ends_sentence(block: &str, dot: usize, next: &str) -> bool {
    let before = &block[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || is_opener(c))
        .map_or(0, |p| p + before[p..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let next_word: &str = next
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .next()
        .unwrap_or_default();
    let starts_sentence = STARTERS.contains(next_word)
        || next.starts_with(|c: char| is_opener(c) && c != '(' && c != '[');
    let class = ABBREVIATIONS.get(word).copied().or_else(|| {
        // `SEN.`, `GEN.`: all-caps forms of capitalised abbreviations.
        let mut chars = word.chars();
        let first = chars.next()?;
        if word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase()) {
            let cap: String =
                std::iter::once(first).chain(chars.flat_map(char::to_lowercase)).collect();
            return ABBREVIATIONS.get(cap.as_str()).copied();
        }
        None
    });
    // `U.S.`, `U.K.`: a capitalised word after it starts a sentence unless it continues a name.
    let initialism = word.contains('.') && is_initials(word);
    if initialism && next_word.starts_with(char::is_uppercase) {
        return starts_sentence || !CONTINUATIONS.contains(next_word);
    }
    match class {
        Some(AbbrevClass::Title) => false,
        Some(AbbrevClass::Number) => {
            !next.starts_with(|c: char| c.is_ascii_digit()) && starts_sentence
        }
        Some(AbbrevClass::Month | AbbrevClass::Other) => starts_sentence,
        None if is_initials(word) => starts_sentence,
        None => true,
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
        && word.chars().filter(|c| c.is_alphabetic()).count() <= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, &[(0, text.len())]).into_iter().map(|(s, e)| &text[s..e]).collect()
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
    fn dates_numbers_and_decimals_stay_together() {
        assert_eq!(
            sentences("On Feb. 5 it rose 3.5 percent to No. 2 in the chart. Then it fell."),
            ["On Feb. 5 it rose 3.5 percent to No. 2 in the chart.", "Then it fell."]
        );
    }

    #[test]
    fn sentence_ends_inside_closing_quote_marks() {
        assert_eq!(
            sentences("He said it was “not what we would like.” The talks go on."),
            ["He said it was “not what we would like.”", "The talks go on."]
        );
        assert_eq!(sentences("“Why?” he asked. “Because.”"), ["“Why?” he asked.", "“Because.”"]);
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
        let text = "A list\nwith items\n\nNext block. Here";
        let blocks = [(0, 17), (19, text.len())];
        let got: Vec<&str> = split(text, &blocks).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(got, ["A list", "with items", "Next block.", "Here"]);
    }

    #[test]
    fn pathological_input_is_handled() {
        let dots = ".".repeat(100_000);
        assert_eq!(sentences(&dots).len(), 1);
        let quotes = "”".repeat(10_000) + ". A";
        assert_eq!(sentences(&quotes).len(), 2);
        assert!(sentences("").is_empty());
    }
}
