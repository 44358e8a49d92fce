//! Turning relative and underspecified expressions into TimeML values against the reference
//! date; without a reference the values stay underspecified (`XXXX-WXX`, `XXXX-07`).

use super::anchor::Anchor;
use super::calendar::Date;
use super::lexicon::{LEXICON, Tense, Unit};
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

/// The tense cue of the clause before `pos` (up to eight words back, within the sentence):
/// `Past` or `Future`, never `Report`.
pub(crate) fn tense_before(text: &str, pos: usize) -> Option<Tense> {
    let bytes = text.as_bytes();
    let mut i = pos.min(bytes.len());
    let mut words = 0;
    let floor = i.saturating_sub(160);
    while i > floor && words < 8 {
        let b = bytes[i - 1];
        if matches!(b, b'\n' | b';' | b'!' | b'?' | b'"') {
            return None;
        }
        if b == b'.' && bytes.get(i).is_some_and(|c| *c == b' ') && i >= 3 {
            // a sentence end, unless an abbreviation like "Feb." or "p.m."
            let w = &bytes[..i - 1];
            let wl = w.iter().rev().take_while(|c| c.is_ascii_alphabetic()).count();
            if wl > 4 || (wl >= 2 && w[w.len() - wl].is_ascii_lowercase()) {
                return None;
            }
        }
        if b.is_ascii_alphabetic() {
            let end = i;
            while i > 0 && bytes[i - 1].is_ascii_alphabetic() {
                i -= 1;
            }
            words += 1;
            // "lower-than-expected": a word inside a compound is no tense cue
            let compound = i > 0 && bytes[i - 1] == b'-' || bytes.get(end) == Some(&b'-');
            if !compound {
                let w = &bytes[i..end];
                match LEXICON.get(w).and_then(|e| e.tense) {
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
            continue;
        }
        i -= 1;
    }
    None
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(text: &'a str, r: Option<Date>) -> Ctx<'a> {
        Ctx { text, r, anchor: Cell::new(None) }
    }

    /// The clause's direction for an expression starting at `pos`.
    pub(crate) fn tense_dir(&self, pos: usize) -> Dir {
        match tense_before(self.text, pos) {
            Some(Tense::Past | Tense::Report) => Dir::Past,
            Some(Tense::Future) => Dir::Future,
            None => Dir::Unknown,
        }
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

    #[test]
    fn tense_cues_are_read_from_the_clause() {
        let t = "The talks will resume on Monday";
        assert_eq!(tense_before(t, t.len() - 6), Some(Tense::Future));
        let t = "He said. It is cold on Monday";
        assert_eq!(tense_before(t, t.len() - 6), None);
        let t = "Officials met on Monday";
        assert_eq!(tense_before(t, t.len() - 6), Some(Tense::Past));
    }
}
