//! Turning relative and underspecified expressions into TimeML values against the reference
//! date; without a reference the values stay underspecified (`XXXX-WXX`, `XXXX-07`).

use super::anchor::Anchor;
use super::calendar::Date;
use super::grammar::P;
use super::lexicon::{Tense, Unit};
use super::pieces::{Kind, Tok};
use std::cell::Cell;

/// Where an underspecified date lies relative to the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    /// `last Friday`: strictly before.
    Last,
    /// `this Friday`: in the current period.
    This,
    /// `next Friday`: strictly after.
    Next,
    /// A past-tense clause: on or before.
    Past,
    /// A future-tense clause: on or after.
    Future,
    /// No cue.
    Unknown,
}

/// Resolution context: the reference date, the text (for tense cues) and the date mentioned
/// last (for `that year`, `the following day`).
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub r: Option<Date>,
    pub anchor: Cell<Option<Anchor>>,
}

/// The tense cue of the clause before piece `i` (up to eight words back, within the sentence
/// and the line): `Past` or `Future`, never `Report`.
pub(crate) fn tense_before(t: &[Tok], text: &str, i: usize) -> Option<Tense> {
    let pos = t.get(i).map_or(text.len(), |p| p.start);
    let floor = pos.saturating_sub(TENSE_REACH);
    if t.get(i).is_some_and(|p| p.nl > 0) {
        return None;
    }
    let mut words = 0;
    let mut k = i.min(t.len());
    while k > 0 && words < MAX_TENSE_WORDS {
        k -= 1;
        let p = t[k];
        if p.start < floor {
            break;
        }
        match p.kind {
            Kind::Punct(b';' | b'!' | b'?') => return None,
            Kind::Punct(b'"') if text.as_bytes().get(p.start) == Some(&b'"') => return None,
            Kind::Punct(b'.') if t.get(k + 1).is_some_and(|n| n.space) && k > 0 => {
                // a sentence end, unless an abbreviation like "Feb." or "p.m."
                let w = &text[t[k - 1].start..t[k - 1].end];
                let letters = w.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
                let tight = !p.space && t[k - 1].kind == Kind::Word;
                if tight
                    && (letters > 4
                        || letters >= 2 && w.as_bytes()[w.len() - letters].is_ascii_lowercase())
                {
                    return None;
                }
            }
            Kind::Word => {
                words += 1;
                // "lower-than-expected": a word inside a compound is no tense cue
                let hyphen = |j: usize, glued: bool| {
                    glued && t.get(j).is_some_and(|q| q.kind == Kind::Punct(b'-'))
                };
                let compound = k > 0 && hyphen(k - 1, !p.space)
                    || hyphen(k + 1, t.get(k + 1).is_some_and(|n| !n.space));
                if !compound {
                    let w = text.as_bytes().get(p.start..p.end).unwrap_or_default();
                    match p.entry.and_then(|e| e.tense) {
                        Some(Tense::Report) if words <= 2 => return Some(Tense::Past),
                        Some(Tense::Report) => {}
                        Some(t) => return Some(t),
                        None if words <= 3
                            && w.len() >= 5
                            && w.ends_with(b"ed")
                            && w[0].is_ascii_lowercase() =>
                        {
                            return Some(Tense::Past);
                        }
                        None => {}
                    }
                }
            }
            _ => {}
        }
        if p.nl > 0 {
            return None;
        }
    }
    None
}

/// How far back (in bytes) and over how many words a tense cue is looked for.
const TENSE_REACH: usize = 160;
const MAX_TENSE_WORDS: usize = 8;

impl P<'_> {
    /// The clause's direction for an expression starting at piece `i`.
    pub(crate) fn tense_dir(&self, i: usize) -> Dir {
        match tense_before(self.t, self.text, i) {
            Some(Tense::Past | Tense::Report) => Dir::Past,
            Some(Tense::Future) => Dir::Future,
            None => Dir::Unknown,
        }
    }
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(text: &'a str, r: Option<Date>) -> Ctx<'a> {
        Ctx { text, r, anchor: Cell::new(None) }
    }

    pub(crate) fn year_off(&self, dy: i64) -> String {
        match self.r {
            Some(r) => fmt_year(i64::from(r.year) + dy),
            None => "XXXX".into(),
        }
    }

    /// The period of `unit` of the date mentioned last, moved by `n` units; None when no date
    /// precise enough was mentioned.
    pub(crate) fn anchor_off(&self, unit: Unit, n: i64) -> Option<String> {
        let a = self.anchor.get()?;
        let need = match unit {
            Unit::Year | Unit::Decade | Unit::Century => 0,
            Unit::Month | Unit::Quarter | Unit::HalfYear => 1,
            _ => 2,
        };
        if a.precision < need {
            return None;
        }
        unit_from(a.date, unit, n)
    }

    /// The reference period of `unit` moved by `n` units, at that unit's granularity.
    pub(crate) fn unit_off(&self, unit: Unit, n: i64) -> Option<String> {
        let Some(r) = self.r else {
            return Some(
                match unit {
                    Unit::Day => "XXXX-XX-XX",
                    Unit::Week | Unit::Fortnight => "XXXX-WXX",
                    Unit::Weekend => "XXXX-WXX-WE",
                    Unit::Month => "XXXX-XX",
                    Unit::Quarter => "XXXX-QX",
                    Unit::HalfYear => "XXXX-HX",
                    Unit::Year => "XXXX",
                    Unit::Decade => "XXX",
                    Unit::Century => "XX",
                    _ => return None,
                }
                .into(),
            );
        };
        unit_from(r, unit, n)
    }

    /// A weekday (1 = Monday) placed by `dir`.
    pub(crate) fn weekday(&self, wd: u32, dir: Dir) -> String {
        let Some(r) = self.r else {
            return format!("XXXX-WXX-{wd}");
        };
        let cur = i64::from(r.weekday());
        let wd = i64::from(wd);
        let back = (cur - wd).rem_euclid(7); // days back to the previous-or-same
        let fwd = (wd - cur).rem_euclid(7); // days forward to the next-or-same
        let delta = match dir {
            Dir::Last => -(if back == 0 { 7 } else { back }),
            Dir::Next => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            Dir::This => wd - cur,
            Dir::Future => fwd,
            Dir::Past | Dir::Unknown => -back,
        };
        r.add_days(delta).iso()
    }

    /// The year of a period that starts in `month` (a month, season or quarter) placed by an
    /// explicit `last`/`next`/`this`.
    fn year_for(&self, month: u32, dir: Dir) -> Option<i32> {
        let r = self.r?;
        Some(match dir {
            Dir::Last if month >= r.month => r.year - 1,
            Dir::Next if month <= r.month => r.year + 1,
            _ => r.year,
        })
    }

    /// The year (reference year ± 1) of a yearly period `span(y) = (first day, last day)`.
    /// Strictly (months, seasons): in a past-tense clause the latest that has begun by the reference,
    /// in a future-tense one the earliest that has not ended. Softly (days, which are often
    /// deadlines named in a clause whose tense is read wrongly), the
    /// nearest, where a candidate on the side the tense speaks against counts four times as
    /// far, and without a tense a later one counts twice as far (news mostly
    /// reports what has happened).
    fn pick_year(
        &self,
        dir: Dir,
        strict: bool,
        span: impl Fn(i32) -> Option<(Date, Date)>,
    ) -> Option<i32> {
        let r = self.r?;
        let rd = r.to_days();
        let years = [r.year - 1, r.year, r.year + 1];
        let spans: Vec<(i32, i64, i64)> = years
            .iter()
            .filter_map(|&y| span(y).map(|(a, b)| (y, a.to_days(), b.to_days())))
            .collect();
        if strict {
            let chosen = match dir {
                Dir::Past => spans.iter().rev().find(|(_, a, _)| *a <= rd),
                Dir::Future => spans.iter().find(|(_, _, b)| *b >= rd),
                _ => None,
            };
            if let Some((y, _, _)) = chosen {
                return Some(*y);
            }
        }
        let cost = |a: i64, b: i64| -> i64 {
            if b < rd {
                let d = rd - b;
                if dir == Dir::Future { d * 4 } else { d }
            } else if a > rd {
                let d = a - rd;
                match dir {
                    Dir::Past => d * 4,
                    Dir::Future => d,
                    _ => d * 2,
                }
            } else {
                0
            }
        };
        spans.iter().min_by_key(|(_, a, b)| cost(*a, *b)).map(|(y, _, _)| *y)
    }

    /// A holiday's date in the year that places it by `dir` (nearest to the reference).
    pub(crate) fn holiday_year(&self, rule: super::lexicon::HolidayRule, dir: Dir) -> Option<Date> {
        let y = self.pick_year(dir, false, |y| {
            let d = super::rules_holiday::holiday_date(rule, y)?;
            Some((d, d))
        })?;
        super::rules_holiday::holiday_date(rule, y)
    }

    /// The year that places a day of a month by `dir` (see [`Ctx::pick_year`]).
    fn nearest_year(&self, month: u32, day: u32, dir: Dir) -> Option<i32> {
        self.pick_year(dir, false, |y| {
            let d = Date::new(y, month, day.min(super::calendar::days_in_month(y, month)))?;
            Some((d, d))
        })
    }

    /// The year that places a whole month by `dir`.
    fn month_year(&self, month: u32, dir: Dir) -> Option<i32> {
        self.pick_year(dir, true, |y| {
            let a = Date::new(y, month, 1)?;
            let b = Date::new(y, month, super::calendar::days_in_month(y, month))?;
            Some((a, b))
        })
    }

    fn year_of(&self, month: u32, dir: Dir) -> Option<i32> {
        match dir {
            Dir::Last | Dir::Next | Dir::This => self.year_for(month, dir),
            Dir::Past | Dir::Future | Dir::Unknown => self.month_year(month, dir),
        }
    }

    /// A month of an unstated year: `YYYY-MM` or `XXXX-MM`.
    pub(crate) fn month(&self, m: u32, dir: Dir) -> String {
        match self.year_of(m, dir) {
            Some(y) => format!("{y:04}-{m:02}"),
            None => format!("XXXX-{m:02}"),
        }
    }

    /// A day of a month of an unstated year.
    pub(crate) fn month_day(&self, m: u32, d: u32, dir: Dir) -> String {
        match self.nearest_year(m, d, dir) {
            Some(y) => format!("{y:04}-{m:02}-{d:02}"),
            None => format!("XXXX-{m:02}-{d:02}"),
        }
    }

    /// A season (`SP`, `SU`, `FA`, `WI`) of an unstated year. Winter is named by the year
    /// of its December.
    pub(crate) fn season(&self, s: &str, dir: Dir) -> String {
        let start = match s {
            "SP" => 3,
            "SU" => 6,
            "FA" => 9,
            _ => 12,
        };
        let year = match dir {
            Dir::Last | Dir::Next => self.year_for(start, dir),
            Dir::This => {
                self.r.map(|r| if s == "WI" && r.month <= 2 { r.year - 1 } else { r.year })
            }
            _ => self.pick_year(dir, true, |y| {
                let a = Date::new(y, start, 1)?;
                let b = if start == 12 {
                    Date::new(y + 1, 2, 28)?
                } else {
                    Date::new(y, start + 2, 30)?
                };
                Some((a, b))
            }),
        };
        match year {
            Some(y) => format!("{y:04}-{s}"),
            None => format!("XXXX-{s}"),
        }
    }

    /// A quarter (1..=4) of an unstated year.
    pub(crate) fn quarter(&self, q: u32, dir: Dir) -> String {
        // A quarter is named while it runs or after (results are reported later), so only a
        // past-tense clause moves a quarter still to come into last year.
        let dir = match (dir, self.r) {
            (Dir::Past, Some(r)) if q > r.quarter() => Dir::Last,
            (Dir::Past | Dir::Future | Dir::Unknown, _) => Dir::This,
            _ => dir,
        };
        match self.year_for(q * 3 - 2, dir) {
            Some(y) => format!("{y:04}-Q{q}"),
            None => format!("XXXX-Q{q}"),
        }
    }

    /// A half (1 or 2) of an unstated year.
    pub(crate) fn half(&self, h: u32, dir: Dir) -> String {
        let dir = match (dir, self.r) {
            (Dir::Past, Some(r)) if h == 2 && r.month <= 6 => Dir::Last,
            (Dir::Past | Dir::Future | Dir::Unknown, _) => Dir::This,
            _ => dir,
        };
        match self.year_for(h * 6 - 5, dir) {
            Some(y) => format!("{y:04}-H{h}"),
            None => format!("XXXX-H{h}"),
        }
    }

    /// The reference day (or `XXXX-XX-XX`) moved by `n` days.
    pub(crate) fn day_off(&self, n: i64) -> String {
        self.unit_off(Unit::Day, n).unwrap_or_else(|| "XXXX-XX-XX".into())
    }
}

/// The period of `unit` containing `r`, moved by `n` units, as a TimeML value.
fn unit_from(r: Date, unit: Unit, n: i64) -> Option<String> {
    Some(match unit {
        Unit::Day => r.add_days(n).iso(),
        Unit::Week | Unit::Weekend => {
            let (y, w) = r.add_days(n.saturating_mul(7)).iso_week();
            let we = if unit == Unit::Weekend { "-WE" } else { "" };
            format!("{y:04}-W{w:02}{we}")
        }
        Unit::Fortnight => {
            let (y, w) = r.add_days(n.saturating_mul(14)).iso_week();
            format!("{y:04}-W{w:02}")
        }
        Unit::Month => {
            let d = r.add_months(n);
            format!("{:04}-{:02}", d.year, d.month)
        }
        Unit::Quarter => {
            let d = r.add_months(n.saturating_mul(3));
            format!("{:04}-Q{}", d.year, d.quarter())
        }
        Unit::HalfYear => {
            let d = r.add_months(n.saturating_mul(6));
            format!("{:04}-H{}", d.year, if d.month <= 6 { 1 } else { 2 })
        }
        Unit::Year => fmt_year(i64::from(r.year) + n),
        Unit::Decade => fmt_decade(i64::from(r.year).div_euclid(10) + n),
        Unit::Century => {
            let c = i64::from(r.year).div_euclid(100) + n;
            if (0..100).contains(&c) {
                format!("{c:02}")
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

pub(crate) fn fmt_year(y: i64) -> String {
    if (0..10_000).contains(&y) { format!("{y:04}") } else { "XXXX".into() }
}

pub(crate) fn fmt_decade(d: i64) -> String {
    if (0..1000).contains(&d) { format!("{d:03}") } else { "XXX".into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(text: &str) -> Ctx<'_> {
        Ctx::new(text, Date::new(2026, 2, 5))
    }

    #[test]
    fn weekdays_follow_direction() {
        let c = ctx("");
        // 2026-02-05 is a Thursday.
        assert_eq!(c.weekday(2, Dir::Past), "2026-02-03");
        assert_eq!(c.weekday(2, Dir::Future), "2026-02-10");
        assert_eq!(c.weekday(4, Dir::Past), "2026-02-05");
        assert_eq!(c.weekday(4, Dir::Last), "2026-01-29");
        assert_eq!(c.weekday(4, Dir::Next), "2026-02-12");
    }

    #[test]
    fn months_and_seasons_of_unstated_years() {
        let c = ctx("");
        assert_eq!(c.month(11, Dir::Past), "2025-11");
        assert_eq!(c.month(11, Dir::Unknown), "2025-11");
        assert_eq!(c.month(4, Dir::Unknown), "2026-04");
        assert_eq!(c.month(4, Dir::Past), "2025-04");
        assert_eq!(c.month(1, Dir::Next), "2027-01");
        assert_eq!(c.season("SP", Dir::Past), "2025-SP");
        assert_eq!(c.season("WI", Dir::Unknown), "2025-WI");
        assert_eq!(c.season("SU", Dir::Future), "2026-SU");
        assert_eq!(c.quarter(3, Dir::Past), "2025-Q3");
    }

    #[test]
    fn offsets_without_reference_stay_underspecified() {
        let c = Ctx::new("", None);
        assert_eq!(c.day_off(-1), "XXXX-XX-XX");
        assert_eq!(c.unit_off(Unit::Week, -1).as_deref(), Some("XXXX-WXX"));
        assert_eq!(c.weekday(5, Dir::Past), "XXXX-WXX-5");
        assert_eq!(c.season("SP", Dir::Past), "XXXX-SP");
    }

    /// The tense cue before the last word of `text`.
    fn tense(text: &str) -> Option<Tense> {
        let d = crate::doc::Doc::from_text(text);
        let mut toks = Vec::new();
        super::super::pieces::Pieces::new(&d).push_tokens(0, d.tokens.len(), &mut toks);
        tense_before(&toks, text, toks.len() - 1)
    }

    #[test]
    fn tense_cues_are_read_from_the_clause() {
        assert_eq!(tense("The talks will resume on Monday"), Some(Tense::Future));
        assert_eq!(tense("He said. It is cold on Monday"), None);
        assert_eq!(tense("Officials met on Monday"), Some(Tense::Past));
        assert_eq!(tense("A long-awaited deal on Monday"), None);
    }
}
