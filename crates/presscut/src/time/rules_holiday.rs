//! Holidays with a fixed or computable date: `Christmas`, `New Year's Day`, `Thanksgiving`,
//! `Easter Monday`, optionally with a year (`Christmas 2025`).

use super::calendar::{Date, days_in_month};
use super::grammar::{Hit, P};
use super::lexicon::{HolidayRule, LEXICON};
use super::pieces::Kind;

/// Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm.
pub(crate) fn easter(year: i32) -> Option<Date> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as u32, day as u32)
}

/// The date of a holiday in `year`.
pub(crate) fn holiday_date(rule: HolidayRule, year: i32) -> Option<Date> {
    match rule {
        HolidayRule::Fixed(m, d) => Date::new(year, m, d),
        HolidayRule::Nth(n, wd, m) => {
            let first = Date::new(year, m, 1)?;
            let shift = (i64::from(wd) - i64::from(first.weekday())).rem_euclid(7);
            let d = first.add_days(shift + 7 * (i64::from(n) - 1));
            (d.month == m).then_some(d)
        }
        HolidayRule::Last(wd, m) => {
            let last = Date::new(year, m, days_in_month(year, m))?;
            let back = (i64::from(last.weekday()) - i64::from(wd)).rem_euclid(7);
            Some(last.add_days(-back))
        }
        HolidayRule::Easter(off) => easter(year).map(|e| e.add_days(off)),
    }
}

impl P<'_> {
    /// A holiday name at `i` (capitalised), with an optional year after it.
    pub(crate) fn holiday_expr(&self, i: usize) -> Option<Hit> {
        if !self.e(i).is_some_and(|e| e.holiday_start) || !self.cap(i) {
            return None;
        }
        for h in &LEXICON.holidays {
            let mut k = i;
            let mut ok = true;
            for w in &h.words {
                if self.tok(k).is_some_and(|t| t.kind == Kind::Punct(b'\'')) && k > i {
                    k += 1;
                }
                if !self.w(k, w) {
                    ok = false;
                    break;
                }
                k += 1;
            }
            if !ok {
                continue;
            }
            let ky = if self.p(k, b',') || self.w(k, "of") { k + 1 } else { k };
            if let Some((y, end)) = self.year_num(ky) {
                let d = holiday_date(h.rule, y)?;
                return Some(Hit::date(end, d.iso()));
            }
            let dir = self.tense_dir(i);
            let value = match (self.cx.holiday_year(h.rule, dir), h.rule) {
                (Some(d), _) => d.iso(),
                (None, HolidayRule::Fixed(m, d)) => format!("XXXX-{m:02}-{d:02}"),
                (None, _) => "XXXX-XX-XX".into(),
            };
            return Some(Hit::date(k, value));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_holidays() {
        assert_eq!(easter(2026), Date::new(2026, 4, 5));
        assert_eq!(easter(2024), Date::new(2024, 3, 31));
        assert_eq!(holiday_date(HolidayRule::Nth(4, 4, 11), 2025), Date::new(2025, 11, 27));
        assert_eq!(holiday_date(HolidayRule::Last(1, 5), 2026), Date::new(2026, 5, 25));
        assert_eq!(holiday_date(HolidayRule::Easter(-2), 2026), Date::new(2026, 4, 3));
    }
}
