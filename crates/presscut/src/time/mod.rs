//! Temporal expressions (TimeML TIMEX3): finds dates, times, durations and sets in news text
//! and normalises them to ISO-8601-based values, resolving relative ones (`last Tuesday`)
//! against a reference date.
//!
//! Rule-based, in the manner of HeidelTime: the document's tokens are read as pieces (words,
//! digit runs and marks: [`pieces`]), every word type looked up once in the lexicon; the small
//! hand-written grammar runs only at pieces that can begin an expression (a number, a month, a
//! unit, `the`, `last`...), looks a few pieces around, and keeps the longest match at each
//! position. Offsets are byte offsets.

mod anchor;
mod calendar;
mod dateline;
mod grammar;
mod lexicon;
mod pieces;
mod resolve;
mod rules_cal;
mod rules_clock;
mod rules_holiday;
mod rules_qty;
mod rules_rel;
mod rules_year;

#[cfg(test)]
mod tests;

pub use calendar::Date;
pub use dateline::{parse_date_line, parse_reference};

use crate::doc::{Doc, flags};
use anchor::Anchor;
use grammar::P;
use pieces::{Pieces, Tok};
use resolve::Ctx;

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

/// Pieces the grammar reads at once at most: a long block is cut before a token with white
/// space before it, so memory stays small and bounded whatever the input. No expression is
/// that long; the value only bounds the buffer.
const MAX_BLOCK: usize = 4096;

/// All temporal expressions of the document, in text order, non-overlapping. Relative
/// expressions are resolved against `reference`; without one they stay underspecified
/// (`XXXX-WXX`).
#[inline(never)] // one frame per stage in profiles
pub fn extract(doc: &Doc, reference: Option<Date>) -> Vec<Timex> {
    crate::cost::enter(crate::cost::Stage::Time);
    let cx = Ctx::new(doc.text, reference);
    let mut pieces = Pieces::new(doc);
    let mut out = Vec::new();
    let mut toks: Vec<Tok> = Vec::with_capacity(MAX_BLOCK + 64);
    for block in &doc.blocks {
        let (a, b) = block.tokens;
        let mut k = a;
        while k < b {
            toks.clear();
            let mut j = k;
            while j < b
                && (j == k || toks.len() < MAX_BLOCK || !doc.tokens[j].has(flags::SPACE_BEFORE))
            {
                pieces.push_tokens(j, j + 1, &mut toks);
                j += 1;
            }
            crate::cost::add(toks.len());
            scan(&toks, &cx, &mut out);
            k = j;
        }
    }
    out
}

/// The expressions of one run of pieces, appended to `out`.
fn scan(toks: &[Tok], cx: &Ctx<'_>, out: &mut Vec<Timex>) {
    let p = P { t: toks, text: cx.text, cx };
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].can_start() {
            i += 1;
            continue;
        }
        crate::cost::add(1);
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

/// Whether `word` names a month or a weekday in full (`March`, `Tuesday`; not `Mar.`).
pub(crate) fn is_calendar_name(word: &str) -> bool {
    lexicon::LEXICON.get(word.as_bytes()).is_some_and(|e| {
        (e.month != 0 && !e.month_abbr) || (e.weekday != 0 && !e.weekday_abbr && !e.weekday_plural)
    })
}
