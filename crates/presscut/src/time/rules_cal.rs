//! Calendar expressions: numeric dates (`2026-02-05`, `5/2/2026`), month names with days and
//! years, weekdays, years, decades, centuries, quarters, halves and seasons.

use super::TimexKind;
use super::calendar::{Date, days_in_month};
use super::grammar::{Class, Hit, P};
use super::lexicon::{Deixis, Unit};
use super::pieces::Kind;
use std::fmt::Write as _;

/// Day-month order of an all-numeric date whose two readings are both valid (`5/2/2026`):
/// the reading nearer to the reference date when there is one; otherwise day first with `.`
/// (the European convention) and month first with `/` or `-` (the US convention).
fn pick_day_month(a: u32, b: u32, year: i32, sep: u8, r: Option<Date>) -> Option<(u32, u32)> {
    let md = Date::new(year, a, b); // a = month, b = day
    let dm = Date::new(year, b, a); // a = day, b = month
    match (md, dm) {
        (Some(_), None) => Some((a, b)),
        (None, Some(_)) => Some((b, a)),
        (None, None) => None,
        (Some(x), Some(y)) => {
            if a == b {
                return Some((a, b));
            }
            if let Some(r) = r {
                let dx = (x.to_days() - r.to_days()).abs();
                let dy = (y.to_days() - r.to_days()).abs();
                return Some(if dy < dx { (b, a) } else { (a, b) });
            }
            Some(if sep == b'.' { (b, a) } else { (a, b) })
        }
    }
}

/// Two-digit years: within ten years after the reference (or before 2050) they are 20xx.
pub(crate) fn century_pivot(yy: u32, r: Option<Date>) -> i32 {
    let limit = r.map_or(50, |r| (r.year + 10).rem_euclid(100) as u32);
    if yy <= limit { 2000 + yy as i32 } else { 1900 + yy as i32 }
}

impl P<'_> {
    /// A day of the month: `5`, `5th`, `fifth`, `twenty-first`.
    pub(crate) fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((d, n)) = self.num(i) {
            if n > 2 || !(1..=31).contains(&d) || self.glued_before(i) {
                return None;
            }
            let mut j = i + 1;
            if self.tight(j) && ["st", "nd", "rd", "th"].iter().any(|s| self.w(j, s)) {
                j += 1;
            } else if self.glued_after(j) {
                return None;
            }
            return Some((d, j));
        }
        let e = self.e(i)?;
        if e.ord > 0 {
            return Some((u32::from(e.ord), i + 1));
        }
        if matches!(e.card, Some(20 | 30)) && self.p(i + 1, b'-') {
            let o = self.e(i + 2).map_or(0, |e| e.ord);
            if (1..=9).contains(&o) {
                return Some((e.card.unwrap_or(0) + u32::from(o), i + 3));
            }
        }
        None
    }

    /// A year in words: `nineteen ninety-six`, `nineteen hundred`, `two thousand (and) one`.
    pub(crate) fn spoken_year(&self, i: usize) -> Option<(i32, usize)> {
        let head = self.e(i)?.card?;
        let card = |k: usize| self.e(k).and_then(|e| e.card);
        if head == 2 && card(i + 1) == Some(1000) {
            let k = if self.w(i + 2, "and") { i + 3 } else { i + 2 };
            return Some(match card(k).filter(|u| (1..=19).contains(u)) {
                Some(u) => (2000 + u as i32, k + 1),
                None => (2000, i + 2),
            });
        }
        if !(11..=20).contains(&head) {
            return None;
        }
        let century = head as i32 * 100;
        if card(i + 1) == Some(100) {
            return Some((century, i + 2));
        }
        let tens = card(i + 1).filter(|t| (10..=90).contains(t))?;
        if tens >= 20 && tens % 10 == 0 {
            let k = if self.p(i + 2, b'-') { i + 3 } else { i + 2 };
            if let Some(u) = card(k).filter(|u| (1..=9).contains(u)) {
                return Some((century + (tens + u) as i32, k + 1));
            }
        }
        Some((century + tens as i32, i + 2))
    }

    /// A year written out in a date: `2026`, `'98`, `nineteen ninety-six`.
    pub(crate) fn year_num(&self, i: usize) -> Option<(i32, usize)> {
        if self.is_word(i) {
            return self.spoken_year(i);
        }
        if let Some((y, 4)) = self.num(i) {
            if (1000..=2999).contains(&y) && !self.glued_after(i + 1) {
                return Some((y as i32, i + 1));
            }
            return None;
        }
        if self.p(i, b'\'')
            && self.tight(i + 1)
            && let Some((yy, 2)) = self.num(i + 1)
            && !self.glued_after(i + 2)
            && !self.w(i + 2, "s")
        {
            return Some((century_pivot(yy, self.cx.r), i + 2));
        }
        None
    }

    /// A month word: (month, index after, needs context). Abbreviations take their period;
    /// without one (`Jan`, `Mar`) they need a day or a year after them, as names and words
    /// share their spelling.
    pub(crate) fn month_word(&self, i: usize) -> Option<(u32, usize, bool)> {
        let e = self.e(i)?;
        if e.month == 0 {
            return None;
        }
        if e.month_abbr {
            if !self.cap(i) {
                return None;
            }
            let j = self.dot(i + 1);
            let k = if self.p(j, b',') { j + 1 } else { j };
            if j == i + 1 && self.num(k).is_none() {
                return None;
            }
            return Some((u32::from(e.month), j, false));
        }
        if e.month_weak && !self.cap(i) {
            return None;
        }
        Some((u32::from(e.month), i + 1, e.month_weak))
    }

    /// A weekday word: (weekday, index after). Abbreviations need a date after them.
    pub(crate) fn weekday_word(&self, i: usize) -> Option<(u32, usize)> {
        let e = self.e(i)?;
        if e.weekday == 0 || e.weekday_plural {
            return None;
        }
        if e.weekday_abbr {
            let j = self.dot(i + 1);
            let k = if self.p(j, b',') { j + 1 } else { j };
            let dated = self.num(k).is_some() || self.month_word(k).is_some();
            return (self.cap(i) && dated).then_some((u32::from(e.weekday), j));
        }
        Some((u32::from(e.weekday), i + 1))
    }

    /// `2026-02-05` (with an optional time), `5/2/2026`, `05.02.2026`, `5/2/98`.
    pub(crate) fn numeric_date(&self, i: usize) -> Option<Hit> {
        let (a, na) = self.num(i)?;
        if self.glued_before(i) {
            return None;
        }
        let Kind::Punct(sep @ (b'-' | b'/' | b'.')) = self.t.get(i + 1)?.kind else {
            return None;
        };
        if !(self.tight(i + 1) && self.tight(i + 2) && self.p(i + 3, sep) && self.tight(i + 3)) {
            return None;
        }
        let (b, nb) = self.num(i + 2)?;
        let (c, nc) = self.num(i + 4).filter(|_| self.tight(i + 4))?;
        if self.glued_after(i + 5) || (self.p(i + 5, sep) && self.num(i + 6).is_some()) {
            return None;
        }
        let date = if na == 4 && nb <= 2 && nc <= 2 {
            Date::new(a as i32, b, c)?
        } else if na <= 2 && nb <= 2 && (nc == 4 || nc == 2 && sep == b'/') {
            let year = if nc == 4 { c as i32 } else { century_pivot(c, self.cx.r) };
            let (m, d) = pick_day_month(a, b, year, sep, self.cx.r)?;
            Date::new(year, m, d)?
        } else {
            return None;
        };
        let mut hit = Hit::date(i + 5, date.iso());
        if na == 4 {
            // ISO 8601 time part: T10:00[:00][.sss][Z|+01:00]
            let t = if self.tight(i + 5) && self.w(i + 5, "T") {
                Some(i + 6)
            } else if self.num(i + 5).is_some_and(|(_, n)| n == 2) && self.p(i + 6, b':') {
                Some(i + 5)
            } else {
                None
            };
            if let Some((end, hms)) = t.and_then(|j| self.iso_time(j)) {
                hit = Hit::new(end, TimexKind::Time, format!("{}T{hms}", date.iso()), Class::Cal);
            }
        }
        Some(hit)
    }

    /// `10:00[:00][.123][Z|+hh:mm]` after the `T` of an ISO timestamp.
    fn iso_time(&self, j: usize) -> Option<(usize, String)> {
        let (h, 2) = self.num(j)? else { return None };
        if !(self.p(j + 1, b':') && self.tight(j + 1) && self.tight(j + 2)) {
            return None;
        }
        let (m, 2) = self.num(j + 2)? else {
            return None;
        };
        if h > 24 || m > 59 {
            return None;
        }
        let mut k = j + 3;
        let mut hms = format!("{h:02}:{m:02}");
        if self.p(k, b':')
            && self.tight(k)
            && self.tight(k + 1)
            && let Some((s, 2)) = self.num(k + 1).filter(|(s, _)| *s < 61)
        {
            let _ = write!(hms, ":{s:02}");
            k += 2;
        }
        if self.p(k, b'.') && self.tight(k) && self.num(k + 1).is_some() && self.tight(k + 1) {
            k += 2;
        }
        if self.tight(k) && self.w(k, "Z") {
            k += 1;
        } else if self.tight(k) && (self.p(k, b'+') || self.p(k, b'-')) && self.num(k + 1).is_some()
        {
            k += 2;
            if self.p(k, b':') && self.tight(k) && self.num(k + 1).is_some() {
                k += 2;
            }
        }
        Some((k, hms))
    }

    /// Month-name dates: `February 5, 2026`, `Feb. 5`, `December 2016`, `5 February 2026`,
    /// `the 5th of February`, `June last year`, a bare month with a cue.
    pub(crate) fn month_expr(&self, i: usize) -> Option<Hit> {
        if self.num(i).is_some() || self.w(i, "the") {
            return self.day_month(i);
        }
        let (m, j, needs_cue) = self.month_word(i)?;
        let mut k = j;
        if self.p(k, b',') && self.num(k + 1).is_some() {
            k += 1; // "Feb., 2026" is rare but harmless
        }
        if let Some((d, k2)) = self.day_num(k).filter(|(d, _)| *d <= days_in_month(2000, m)) {
            let k3 = if self.p(k2, b',') { k2 + 1 } else { k2 };
            if let Some((y, end)) = self.year_num(k3) {
                let date = Date::new(y, m, d)?;
                return Some(self.with_clock(Hit::date(end, date.iso())));
            }
            if let Some((dy, end)) = self.rel_year(k2) {
                return Some(Hit::date(end, format!("{}-{m:02}-{d:02}", self.cx.year_off(dy))));
            }
            let dir = self.tense_dir(i);
            return Some(self.with_clock(Hit::date(k2, self.cx.month_day(m, d, dir))));
        }
        let ky = if self.w(k, "of") || self.p(k, b',') { k + 1 } else { k };
        if let Some((y, end)) = self.year_num(ky) {
            return Some(Hit::date(end, format!("{y:04}-{m:02}")));
        }
        if let Some((dy, end)) = self.rel_year(k) {
            return Some(Hit::date(end, format!("{}-{m:02}", self.cx.year_off(dy))));
        }
        if needs_cue && !(i > 0 && self.e(i - 1).is_some_and(|e| e.cue)) {
            return None;
        }
        let dir = self.tense_dir(i);
        Some(Hit::date(j, self.cx.month(m, dir)))
    }

    /// `[of] last year`, `this year`, `next year` after a month: the year offset and the end.
    pub(crate) fn rel_year(&self, k: usize) -> Option<(i64, usize)> {
        let k = if self.w(k, "of") { k + 1 } else { k };
        let dx = self.e(k)?.deixis?;
        if self.e(k + 1)?.unit != Some(Unit::Year) || self.e(k + 1)?.unit_plural {
            return None;
        }
        let off = match dx {
            Deixis::This => 0,
            Deixis::Last => -1,
            Deixis::Next => 1,
        };
        Some((off, k + 2))
    }

    /// `5 February 2026`, `5th of February`, `the 5th of February, 2026`.
    fn day_month(&self, i: usize) -> Option<Hit> {
        let j = self.the(i);
        let (d, k) = self.day_num(j)?;
        if j > i && !(self.num(j).is_some() || self.e(j).is_some_and(|e| e.ord > 0)) {
            return None;
        }
        let k = if self.w(k, "of") { k + 1 } else { k };
        let (m, k2, _) = self.month_word(k)?;
        if d > days_in_month(2000, m) {
            return None;
        }
        let k3 = if self.p(k2, b',') { k2 + 1 } else { k2 };
        if let Some((y, end)) = self.year_num(k3) {
            let date = Date::new(y, m, d)?;
            return Some(self.with_clock(Hit::date(end, date.iso())));
        }
        if j > i && self.num(j).is_none() && k == j + 1 {
            return None; // "the first May" is not a date
        }
        let dir = self.tense_dir(i);
        Some(self.with_clock(Hit::date(k2, self.cx.month_day(m, d, dir))))
    }

    /// Weekdays: `Friday`, `Friday, Feb. 5, 2026`, `Tuesday morning`, `Mondays` (a set).
    pub(crate) fn weekday_expr(&self, i: usize) -> Option<Hit> {
        let e = self.e(i)?;
        if e.weekday_plural {
            let wd = e.weekday;
            if let Some(pod) = self.e(i + 1).and_then(|e| e.pod) {
                return Some(Hit::new(
                    i + 2,
                    TimexKind::Set,
                    format!("XXXX-WXX-{wd}{}", tpod(pod)),
                    Class::Plain,
                ));
            }
            return Some(Hit::new(i + 1, TimexKind::Set, format!("XXXX-WXX-{wd}"), Class::Plain));
        }
        let (wd, j) = self.weekday_word(i)?;
        let k = if self.p(j, b',') { j + 1 } else { j };
        if let Some(h) =
            self.month_expr(k).filter(|h| h.value.as_ref().is_some_and(|v| v.len() >= 10))
        {
            return Some(h);
        }
        if let Some((d, k2)) = self.day_num(k).filter(|_| self.num(k).is_some()) {
            // "Thursday the 5th" / "Thu 5": a day of the current month
            if self.month_word(k2).is_none()
                && let Some(r) = self.cx.r
                && let Some(date) = Date::new(r.year, r.month, d)
            {
                return Some(Hit::date(k2, date.iso()));
            }
        }
        let dir = self.tense_dir(i);
        let value = self.cx.weekday(wd, dir);
        Some(self.with_pod(j, value))
    }

    /// A day value followed by a part of the day (`Tuesday morning`): a TIME; else the DATE.
    pub(crate) fn with_pod(&self, j: usize, day: String) -> Hit {
        if let Some(e) = self.e(j).filter(|e| e.pod.is_some()) {
            let pod = e.pod.unwrap_or("");
            if e.pod_plural {
                // "Tuesday nights": a recurring part of a weekday
                let wd = j.checked_sub(1).and_then(|k| self.e(k)).map_or(0, |e| e.weekday);
                if wd > 0 {
                    return Hit::new(
                        j + 1,
                        TimexKind::Set,
                        format!("XXXX-WXX-{wd}{}", tpod(pod)),
                        Class::Plain,
                    );
                }
                return Hit::date(j, day);
            }
            return Hit::new(j + 1, TimexKind::Time, format!("{day}{}", tpod(pod)), Class::Cal);
        }
        self.with_clock(Hit::date(j, day))
    }
}

/// A part-of-day code as the time part of a value: `MO` → `TMO`, `T12:00` stays.
pub(crate) fn tpod(pod: &str) -> String {
    if pod.starts_with('T') { pod.to_string() } else { format!("T{pod}") }
}
