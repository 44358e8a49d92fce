//! The token-level grammar: a cursor over one block's tokens with small helpers, and the
//! dispatcher that tries every expression family at a token and keeps the longest match.
//! Families live in `rules_*.rs` as further `impl P` blocks.

use super::TimexKind;
use super::lexicon::{Entry, LEXICON, Position};
use super::pieces::{Kind, Tok};
use super::resolve::Ctx;

/// What a family matched: the token after it, the TIMEX3 type and value, and which modifiers
/// may stand before it.
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    pub end: usize,
    pub kind: TimexKind,
    pub value: Option<String>,
    pub class: Class,
}

/// Which prefixes an expression accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// A calendar date or period: takes `early`, `late`, `the end of`.
    Cal,
    /// A quantity of time: takes `about`, `more than`.
    Qty,
    /// A clock time: takes `about`, `around`.
    Clock,
    /// Anything else (references, sets).
    Plain,
}

impl Hit {
    pub(crate) fn new(end: usize, kind: TimexKind, value: impl Into<String>, class: Class) -> Hit {
        Hit { end, kind, value: Some(value.into()), class }
    }
    pub(crate) fn date(end: usize, value: impl Into<String>) -> Hit {
        Hit::new(end, TimexKind::Date, value, Class::Cal)
    }
}

/// A cursor over the tokens of one block (no blank line inside).
pub(crate) struct P<'a> {
    pub t: &'a [Tok],
    pub text: &'a str,
    pub cx: &'a Ctx<'a>,
}

impl<'a> P<'a> {
    pub(crate) fn tok(&self, i: usize) -> Option<&Tok> {
        self.t.get(i)
    }

    pub(crate) fn e(&self, i: usize) -> Option<&'static Entry> {
        self.t.get(i).and_then(|t| t.entry)
    }

    pub(crate) fn s(&self, i: usize) -> &'a str {
        self.t.get(i).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("")
    }

    /// Token `i` is the word `w` (ASCII case-insensitive).
    pub(crate) fn w(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word) && self.s(i).eq_ignore_ascii_case(w)
    }

    /// Token `i` is the punctuation `c`.
    pub(crate) fn p(&self, i: usize, c: u8) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// Token `i` exists and touches the token before it.
    pub(crate) fn tight(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space)
    }

    /// A digit run: (value, number of digits).
    pub(crate) fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Num).then(|| (t.val, t.end - t.start))
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// First letter upper-case.
    pub(crate) fn cap(&self, i: usize) -> bool {
        self.s(i).as_bytes().first().is_some_and(u8::is_ascii_uppercase)
    }

    /// Skips the period of an abbreviation (`Feb.`) when it touches the word.
    pub(crate) fn dot(&self, i: usize) -> usize {
        if self.p(i, b'.') && self.tight(i) { i + 1 } else { i }
    }

    /// Skips `the` at `i`.
    pub(crate) fn the(&self, i: usize) -> usize {
        if self.w(i, "the") { i + 1 } else { i }
    }

    /// The token before `i` is a digit run or a number-like symbol glued to it (`$`, `,` in
    /// `1,990`, `.` in `3.1990`), so the number at `i` is part of something else.
    pub(crate) fn glued_before(&self, i: usize) -> bool {
        if i == 0 || !self.tight(i) {
            return false;
        }
        let prev = &self.t[i - 1];
        match prev.kind {
            Kind::Num | Kind::Word => true,
            Kind::Punct(b'$' | b'#' | b'+' | b'=' | b'*' | b'^' | b'@' | b'&' | b'\\') => true,
            Kind::Punct(0) => true, // currency signs and other symbols
            Kind::Punct(b',' | b'.' | b':' | b'/' | b'-') => {
                i >= 2 && self.t[i - 2].kind == Kind::Num && self.tight(i - 1)
            }
            Kind::Punct(_) => false,
        }
    }

    /// The token after the number ending before `i` continues it (`%`, `,000`, `.5`, `:30`).
    pub(crate) fn glued_after(&self, i: usize) -> bool {
        if !self.tight(i) {
            return false;
        }
        match self.t[i].kind {
            Kind::Num => true,
            Kind::Punct(b'%' | b'+' | b'=' | b'*' | b'^' | b'@') => true,
            Kind::Punct(0) => true,
            Kind::Punct(b',' | b'.' | b':' | b'/') => {
                self.num(i + 1).is_some() && self.tight(i + 1)
            }
            _ => false,
        }
    }

    /// An approximator at `i` (`about`, `more than`): the index after it.
    pub(crate) fn approx(&self, i: usize) -> Option<usize> {
        let e = self.e(i)?;
        if !e.phrase_start {
            return e.approx.then_some(i + 1);
        }
        for phrase in &LEXICON.approx_phrases {
            if phrase.iter().enumerate().all(|(k, w)| self.w(i + k, w)) {
                return Some(i + phrase.len());
            }
        }
        e.approx.then_some(i + 1)
    }

    /// `early`/`mid`/`late` (also `mid-`), or `the end/beginning/middle of`: index after.
    pub(crate) fn position(&self, i: usize) -> Option<usize> {
        let j = self.the(i);
        if let Some(e) = self.e(j).filter(|e| e.position.is_some()) {
            let k = if e.position == Some(Position::Mid) && self.p(j + 1, b'-') {
                j + 2
            } else {
                j + 1
            };
            return Some(k);
        }
        if j > i && self.e(j).is_some_and(|e| e.edge.is_some()) && self.w(j + 1, "of") {
            return Some(j + 2);
        }
        None
    }

    /// The longest expression starting at token `i`.
    pub(crate) fn match_at(&self, i: usize) -> Option<Hit> {
        let first = self.t.get(i)?;
        match first.kind {
            Kind::Word => {
                let e = first.entry?;
                // A modifier (`the`, `a`, `two`, `last`) needs a word of the lexicon, a number
                // or a hyphen after it; most of the time it is followed by a plain noun.
                if !e.is_head() && !e.phrase_start {
                    let next = self.t.get(i + 1)?;
                    let ok = match next.kind {
                        // "the near future": one free word before a the-reference
                        Kind::Word => {
                            next.entry.is_some()
                                || self.e(i + 2).is_some_and(|e| e.the_ref.is_some())
                        }
                        Kind::Num => true,
                        Kind::Punct(c) => c == b'-' || c == b'\'',
                    };
                    if !ok {
                        return None;
                    }
                }
            }
            Kind::Punct(c) if c != b'\'' => return None,
            _ => {}
        }
        let mut best: Option<Hit> = self.core(i);
        if let Some(j) = self.position(i) {
            if let Some(h) = self.core(j).filter(|h| h.class == Class::Cal) {
                keep_longer(&mut best, h);
            } else if let Some(h) = self.the_unit(j) {
                keep_longer(&mut best, h);
            }
        }
        if let Some(j) = self.approx(i)
            && let Some(h) = self.core(j).filter(|h| matches!(h.class, Class::Qty | Class::Clock))
        {
            keep_longer(&mut best, h);
        }
        best
    }

    /// `the year`, `the month` after `the end of`: the current period.
    fn the_unit(&self, j: usize) -> Option<Hit> {
        if !self.w(j, "the") || !self.w(j.checked_sub(1)?, "of") {
            return None;
        }
        let e = self.e(j + 1)?;
        let unit = e.unit.filter(|u| !u.is_clock() && !e.unit_plural)?;
        Some(Hit::date(j + 2, self.cx.unit_off(unit, 0)?))
    }

    /// Every family without prefixes; the longest hit wins.
    fn core(&self, i: usize) -> Option<Hit> {
        let mut best = None;
        // Earlier families win ties.
        let families: [fn(&Self, usize) -> Option<Hit>; 13] = [
            Self::anaphoric,
            Self::numeric_date,
            Self::clock,
            Self::month_expr,
            Self::weekday_expr,
            Self::year_expr,
            Self::quarter_expr,
            Self::season_expr,
            Self::relative_word,
            Self::deictic,
            Self::quantity_expr,
            Self::set_expr,
            Self::holiday_expr,
        ];
        for f in families {
            if let Some(h) = f(self, i) {
                keep_longer(&mut best, h);
            }
        }
        best
    }
}

fn keep_longer(best: &mut Option<Hit>, h: Hit) {
    if best.as_ref().is_none_or(|b| h.end > b.end) {
        *best = Some(h);
    }
}
