//! Quote marks: which mark characters open or close a quotation and which are apostrophes,
//! inch signs or strays; pairs them per block (nested quotations inside), recovers unbalanced
//! marks locally with a warning, and links quotations that run over blocks. One pass over the
//! marks with a small bounded stack, so linear in the input.

use super::flags::{CLOSE_MARK, OPEN_MARK, QUOTE};
use super::token::Token;

/// Deepest nesting followed; deeper openers are ignored (with a warning).
const MAX_DEPTH: usize = 16;
/// How far down the stack a closer looks for its opener.
const MAX_SEARCH: usize = 4;
/// Longest stretch an unclosed or unopened quotation may be recovered over.
const MAX_RECOVER: usize = 2000;
/// Warnings kept in full; the rest are counted.
const MAX_WARNINGS: usize = 20;

/// A top-level quotation: content span (marks excluded) and its marks' tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quotation {
    pub open_tok: Option<usize>,
    pub close_tok: Option<usize>,
    pub start: usize,
    pub end: usize,
    /// The block it stands in.
    pub block: u32,
    /// Single marks (‘…’) rather than double ones.
    pub single: bool,
    /// Continues a quotation from the previous paragraph (no closing mark there).
    pub cont_prev: bool,
    /// Goes on in the next paragraph.
    pub cont_next: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Open,
    Close,
    Either,
    None,
}

#[derive(Clone, Copy)]
struct Entry {
    tok: usize,
    double: bool,
    ch: char,
}

/// Warning collector with a cap.
#[derive(Default)]
pub struct Warnings {
    pub list: Vec<String>,
    dropped: usize,
}

impl Warnings {
    pub fn push(&mut self, msg: String) {
        if self.list.len() < MAX_WARNINGS {
            self.list.push(msg);
        } else {
            self.dropped += 1;
        }
    }
    pub fn finish(mut self) -> Vec<String> {
        if self.dropped > 0 {
            self.list.push(format!("{} more quote-mark warnings not shown", self.dropped));
        }
        self.list
    }
}

fn is_double(s: &str) -> bool {
    matches!(
        s,
        "\"" | "''"
            | "``"
            | "\u{201C}"
            | "\u{201D}"
            | "\u{201E}"
            | "\u{201F}"
            | "\u{00AB}"
            | "\u{00BB}"
    )
}

fn opens_double(s: &str) -> bool {
    matches!(s, "\"" | "''" | "``" | "\u{201C}" | "\u{201E}" | "\u{00AB}" | "\u{00BB}")
}

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '\u{2014}'
            | '\u{2013}'
            | '-'
            | '/'
            | '\u{201C}'
            | '\u{2018}'
            | '\u{00AB}'
            | '\u{201E}'
    )
}

/// Classifies one mark from its neighbours (CommonMark-style flanking) and what is open.
fn classify(s: &str, prev: Option<char>, next: Option<char>, tail: &str, stack: &[Entry]) -> Role {
    let prev_ws = prev.is_none_or(char::is_whitespace);
    let next_ws = next.is_none_or(char::is_whitespace);
    let prev_p = prev.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace());
    let next_p = next.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace());
    let left = !next_ws && (!next_p || prev_ws || prev_p || prev.is_some_and(is_open_punct));
    let right = !prev_ws && (!prev_p || next_ws || next_p);
    let double_open = stack.iter().rev().take(MAX_SEARCH).any(|e| e.double);
    let single_open =
        stack.iter().rev().take_while(|e| !e.double).take(MAX_SEARCH).any(|e| !e.double);
    match s {
        "\u{201C}" => {
            let german = stack.last().is_some_and(|e| e.ch == '\u{201E}');
            if (german || double_open) && right && !left { Role::Close } else { Role::Open }
        }
        "\u{201D}" => {
            if left && !right && !double_open {
                Role::Open
            } else {
                Role::Close
            }
        }
        "\u{201E}" | "\u{201A}" => {
            if prev.is_some_and(char::is_alphanumeric) && next_ws {
                Role::None
            } else {
                Role::Open
            }
        }
        "\u{00AB}" | "\u{2039}" => {
            let reversed = stack.last().is_some_and(|e| e.ch == '\u{00BB}' || e.ch == '\u{203A}');
            if reversed && right { Role::Close } else { Role::Open }
        }
        "\u{00BB}" | "\u{203A}" => {
            let open = if s == "\u{00BB}" { double_open } else { single_open };
            if !open && left && !right { Role::Open } else { Role::Close }
        }
        "``" | "`" => Role::Open,
        "\"" | "''" | "\u{201F}" => {
            if prev.is_some_and(|c| c.is_ascii_digit()) && !double_open && !left {
                return Role::None; // inch sign
            }
            match (left, right) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                _ => Role::Either,
            }
        }
        "\u{2018}" | "\u{201B}" => {
            if next.is_some_and(|c| c.is_ascii_digit())
                || prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric)
            {
                Role::None // ‘90s, Trump‘s: an apostrophe written with the wrong mark
            } else if single_open && right && !left {
                Role::Close
            } else {
                Role::Open
            }
        }
        "'" | "\u{2019}" => {
            if (prev_ws || prev_p) && (next.is_some_and(|c| c.is_ascii_digit()) || is_elision(tail))
            {
                return Role::None; // ’90s, ’em, rock ’n’ roll
            }
            match (left, right) {
                (true, false) => Role::Open,
                (false | true, true) if single_open => Role::Close,
                _ => Role::None,
            }
        }
        _ => Role::None,
    }
}

/// Words that begin with an elision apostrophe.
fn is_elision(tail: &str) -> bool {
    let w: &str = {
        let end =
            tail.char_indices().find(|&(_, c)| !c.is_alphabetic()).map_or(tail.len(), |(i, _)| i);
        &tail[..end]
    };
    ["em", "n", "til", "tis", "twas", "cause", "bout", "round", "s"]
        .iter()
        .any(|e| e.eq_ignore_ascii_case(w))
}

/// Pairs the quote marks of every block (token ranges `para_toks`), flags each mark token as
/// opening or closing, sets `quotation_of` (1 + the index of the top-level quotation holding
/// each token, marks included; 0 outside) and returns the top-level quotations in text order.
pub fn pair(
    text: &str,
    toks: &mut [Token],
    para_toks: &[(usize, usize)],
    quotation_of: &mut [u32],
    warn: &mut Warnings,
) -> Vec<Quotation> {
    let mut spans = Vec::new();
    let mut stack: Vec<Entry> = Vec::with_capacity(MAX_DEPTH);
    let mut pending_cont = false;
    for (pi, &(a, b)) in para_toks.iter().enumerate() {
        stack.clear();
        let first_span = spans.len();
        let para_end = if b > a { toks[b - 1].end() } else { 0 };
        let para_start = if b > a { toks[a].start() } else { 0 };
        let mut seen_mark = false;
        for i in a..b {
            if !toks[i].has(QUOTE) {
                continue;
            }
            let first_mark = !seen_mark;
            seen_mark = true;
            let (s, e) = (toks[i].start(), toks[i].end());
            let ms = &text[s..e];
            let prev = text[..s].chars().next_back();
            let tail = &text[e..];
            let next = tail.chars().next();
            let double = is_double(ms);
            let role = match classify(ms, prev, next, tail, &stack) {
                Role::Either => {
                    let open = stack.iter().rev().take(MAX_SEARCH).any(|x| x.double == double);
                    if open { Role::Close } else { Role::Open }
                }
                r => r,
            };
            match role {
                Role::Open => {
                    if stack.len() >= MAX_DEPTH {
                        warn.push(format!("quote mark at byte {s} nested too deeply; ignored"));
                    } else {
                        let ch = ms.chars().next().unwrap_or('"');
                        stack.push(Entry { tok: i, double, ch });
                    }
                }
                Role::Close => {
                    let found = stack
                        .iter()
                        .enumerate()
                        .rev()
                        .take(MAX_SEARCH)
                        .take_while(|(_, x)| double || !x.double)
                        .find(|(_, x)| x.double == double)
                        .map(|(k, _)| k);
                    match found {
                        Some(k) => {
                            for x in &stack[k + 1..] {
                                if x.double {
                                    let at = toks[x.tok].start();
                                    warn.push(format!(
                                        "unbalanced quote mark at byte {at}; ignored"
                                    ));
                                }
                            }
                            let open = stack[k].tok;
                            stack.truncate(k);
                            toks[open].flags |= OPEN_MARK;
                            toks[i].flags |= CLOSE_MARK;
                            if k == 0 {
                                spans.push(Quotation {
                                    open_tok: Some(open),
                                    close_tok: Some(i),
                                    start: toks[open].end(),
                                    end: s,
                                    block: pi as u32,
                                    single: !double,
                                    cont_prev: false,
                                    cont_next: false,
                                });
                            }
                        }
                        None if double && !(prev.is_some_and(|c| c.is_ascii_digit())) => {
                            let attached = prev.is_some_and(|c| !c.is_whitespace());
                            let unopened = first_mark && spans.len() == first_span && attached;
                            recover_unopened(
                                toks, i, a, para_start, unopened, &mut spans, pi, warn,
                            );
                        }
                        None => {}
                    }
                }
                Role::Either | Role::None => {}
            }
        }
        // what is still open at the paragraph's end
        if let Some(k) = stack.iter().position(|x| x.double) {
            let x = stack[k];
            let next_opens = para_toks.get(pi + 1).is_some_and(|&(na, nb)| {
                nb > na && toks[na].has(QUOTE) && opens_double(toks[na].text(text))
            });
            let at = toks[x.tok].start();
            let start = toks[x.tok].end();
            let mut end = para_end;
            if !next_opens {
                warn.push(format!(
                    "quote mark at byte {at} is never closed; quotation ends at the paragraph"
                ));
                if end.saturating_sub(start) > MAX_RECOVER {
                    end = first_sentence_end(text, start, start + MAX_RECOVER).unwrap_or(start);
                }
            }
            for y in &stack[k + 1..] {
                if y.double {
                    let at = toks[y.tok].start();
                    warn.push(format!("unbalanced quote mark at byte {at}; ignored"));
                }
            }
            if end > start {
                toks[x.tok].flags |= OPEN_MARK;
                // only a top-level quotation matters; inner ones stay inside it
                if k == 0 || stack[..k].iter().all(|y| !y.double) {
                    spans.push(Quotation {
                        open_tok: Some(x.tok),
                        close_tok: None,
                        start,
                        end,
                        block: pi as u32,
                        single: false,
                        cont_prev: false,
                        cont_next: next_opens,
                    });
                }
            }
        }
        if pending_cont
            && let Some(sp) = spans[first_span..].first_mut()
            && sp.open_tok == Some(a)
        {
            sp.cont_prev = true;
        }
        pending_cont = spans[first_span..].last().is_some_and(|s| s.cont_next);
    }
    spans.sort_by_key(|s| s.start);
    // drop overlaps a recovery may have created (keep the earlier quotation)
    let mut out: Vec<Quotation> = Vec::with_capacity(spans.len());
    for s in spans {
        if out.last().is_none_or(|l| s.start >= l.end) {
            out.push(s);
        }
    }
    for (qi, s) in out.iter().enumerate() {
        let from = s.open_tok.unwrap_or_else(|| toks.partition_point(|t| t.start() < s.start));
        let mut j = from;
        let last = s.close_tok;
        while j < toks.len() && (toks[j].end() <= s.end || Some(j) == last) {
            quotation_of[j] = qi as u32 + 1;
            if Some(j) == last {
                break;
            }
            j += 1;
        }
    }
    out
}

/// A closing mark with no opener: when it is the paragraph's first mark and not far from its
/// start, the quotation is taken to begin at the paragraph start.
#[allow(clippy::too_many_arguments)]
fn recover_unopened(
    toks: &mut [Token],
    i: usize,
    a: usize,
    para_start: usize,
    unopened: bool,
    spans: &mut Vec<Quotation>,
    pi: usize,
    warn: &mut Warnings,
) {
    let s = toks[i].start();
    if unopened && s - para_start <= MAX_RECOVER && i > a {
        warn.push(format!(
            "quote mark at byte {s} closes a quotation never opened; taken from the paragraph start"
        ));
        toks[i].flags |= CLOSE_MARK;
        spans.push(Quotation {
            open_tok: None,
            close_tok: Some(i),
            start: para_start,
            end: s,
            block: pi as u32,
            single: false,
            cont_prev: false,
            cont_next: false,
        });
    } else {
        warn.push(format!("stray closing quote mark at byte {s}; ignored"));
    }
}

/// End of the first sentence (after `.`, `!` or `?` and a space) within `[from, limit)`.
fn first_sentence_end(text: &str, from: usize, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let limit = limit.min(bytes.len());
    let mut i = from;
    while i + 1 < limit {
        if matches!(bytes[i], b'.' | b'!' | b'?') && bytes[i + 1] == b' ' {
            return Some(i + 1);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    fn quotes(text: &str) -> (Vec<&str>, Vec<String>) {
        let d = crate::doc::Doc::from_text(text);
        (d.quotations.iter().map(|s| &text[s.start..s.end]).collect(), d.warnings.clone())
    }

    #[test]
    fn curly_quotes_pair_and_apostrophes_do_not() {
        let (q, w) = quotes("“Russia’s assets are safe,” he said of the ’90s rock ’n’ roll.");
        assert_eq!(q, vec!["Russia’s assets are safe,"]);
        assert!(w.is_empty());
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        let (q, _) = quotes("“They joined the ‘war party.’” he said.");
        assert_eq!(q, vec!["They joined the ‘war party.’"]);
    }

    #[test]
    fn straight_quotes_alternate() {
        let (q, _) = quotes("\"One,\" she said, \"two.\" A 12\" pipe.");
        assert_eq!(q, vec!["One,", "two."]);
    }

    #[test]
    fn opening_single_mark_inside_a_word_is_an_apostrophe() {
        let (q, w) = quotes("Trump‘s comments were “clear,” he said.");
        assert_eq!(q, vec!["clear,"]);
        assert!(w.is_empty());
    }

    #[test]
    fn plural_possessive_is_not_a_closing_mark() {
        let (q, w) = quotes("The voters’ choice was clear.");
        assert!(q.is_empty());
        assert!(w.is_empty());
    }

    #[test]
    fn multi_paragraph_quote_is_split_into_pieces_without_warning() {
        let text = "“First part.\n\n“Second part,” she said.";
        let (q, w) = quotes(text);
        assert_eq!(q, vec!["First part.", "Second part,"]);
        assert!(w.is_empty());
    }

    #[test]
    fn unclosed_quote_stops_at_its_paragraph_with_a_warning() {
        let text = "He said: “No deal.\n\nNext paragraph is plain.";
        let (q, w) = quotes(text);
        assert_eq!(q, vec!["No deal."]);
        assert!(w[0].contains("never closed"));
    }

    #[test]
    fn unopened_quote_is_taken_from_the_paragraph_start() {
        let (q, w) = quotes("No deal,” she said.");
        assert_eq!(q, vec!["No deal,"]);
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn doubled_apostrophes_quote_like_double_marks() {
        let (q, _) = quotes("''It's over,'' he said.");
        assert_eq!(q, vec!["It's over,"]);
    }

    #[test]
    fn guillemets_and_low_marks_pair() {
        let (q, _) = quotes("Er sagte „nein“ und «oui».");
        assert_eq!(q, vec!["nein", "oui"]);
    }
}
