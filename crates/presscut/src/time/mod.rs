//! Temporal expressions (TimeML TIMEX3): finds dates, times, durations and sets in news text
//! and normalises them to ISO-8601-based values, resolving relative ones (`last Tuesday`)
//! against a reference date.
//!
//! Rule-based, in the manner of HeidelTime: one byte scan splits the text into words, digit
//! runs and punctuation, looking every word up once in a packed table of the lexicon; the small
//! hand-written grammar runs only at tokens that can begin an expression (a number, a month, a
//! unit, `the`, `last`...), looks a few tokens around, and keeps the longest match at each
//! position. Offsets are byte offsets.

mod anchor;
mod calendar;
mod dateline;
mod grammar;
mod lexicon;
mod resolve;
mod rules_cal;
mod rules_clock;
mod rules_holiday;
mod rules_qty;
mod rules_rel;
mod rules_year;
mod token;

#[cfg(test)]
mod tests;

pub use calendar::Date;
pub use dateline::{parse_date_line, parse_reference};

use anchor::Anchor;
use grammar::P;
use resolve::Ctx;
use token::{Tok, tokenize_block};

/// The TIMEX3 type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
}

impl From<TimexKind> for crate::model::TimeKind {
    fn from(k: TimexKind) -> Self {
        match k {
            TimexKind::Date => crate::model::TimeKind::Date,
            TimexKind::Time => crate::model::TimeKind::Time,
            TimexKind::Duration => crate::model::TimeKind::Duration,
            TimexKind::Set => crate::model::TimeKind::Set,
        }
    }
}

/// One temporal expression: byte span into the text, type, TimeML value (None when it cannot
/// be normalised).
#[derive(Clone, Debug, PartialEq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub kind: TimexKind,
    pub value: Option<String>,
}

/// Tokens per block at most (a block also ends at a blank line); a long paragraph is cut at
/// white space, so memory stays small and bounded whatever the input.
const MAX_BLOCK: usize = 4096;

/// All temporal expressions in `text`, in text order, non-overlapping. Relative expressions
/// are resolved against `reference`; without one they stay underspecified (`XXXX-WXX`).
pub fn extract(text: &str, reference: Option<Date>) -> Vec<Timex> {
    let cx = Ctx::new(text, reference);
    let mut out = Vec::new();
    let mut toks: Vec<Tok> = Vec::with_capacity(MAX_BLOCK + 64);
    let mut pos = 0;
    while pos < text.len() {
        pos = tokenize_block(text, pos, text.len(), MAX_BLOCK, true, &mut toks);
        let p = P { t: &toks, text, cx: &cx };
        let mut i = 0;
        while i < toks.len() {
            if !toks[i].can_start() {
                i += 1;
                continue;
            }
            match p.match_at(i) {
                Some(h) if h.end > i => {
                    if matches!(h.kind, TimexKind::Date | TimexKind::Time)
                        && let Some(a) = h.value.as_deref().and_then(Anchor::of_value)
                        && !cx.anchor.get().is_some_and(|old| a.contains(old))
                    {
                        cx.anchor.set(Some(a));
                    }
                    out.push(Timex {
                        start: toks[i].start,
                        end: toks[h.end - 1].end,
                        kind: h.kind,
                        value: h.value,
                    });
                    i = h.end;
                }
                _ => i += 1,
            }
        }
    }
    out
}

/// Whether `word` names a month or a weekday in full (`March`, `Tuesday`; not `Mar.`).
pub(crate) fn is_calendar_name(word: &str) -> bool {
    lexicon::LEXICON.get(word.as_bytes()).is_some_and(|e| {
        (e.month != 0 && !e.month_abbr) || (e.weekday != 0 && !e.weekday_abbr && !e.weekday_plural)
    })
}
