//! Clock times: `3 p.m.`, `10:35 a.m. EST`, `15:00 GMT`, `noon`, `four o'clock`,
//! `4 in the morning`, `10 p.m. Wednesday`, and dates followed by a time.

use super::TimexKind;
use super::grammar::{Class, Hit, P};
use super::lexicon::Position;
use super::pieces::Kind;
use super::rules_cal::tpod;

impl P<'_> {
    /// `am`, `pm`, `a.m.`, `P.M`: (is pm, index after).
    fn ampm(&self, i: usize) -> Option<(bool, usize)> {
        if self.w(i, "am") || self.w(i, "pm") {
            return Some((self.s(i).as_bytes()[0].eq_ignore_ascii_case(&b'p'), i + 1));
        }
        let pm = if self.w(i, "a") {
            false
        } else if self.w(i, "p") {
            true
        } else {
            return None;
        };
        if !(self.p(i + 1, b'.') && self.tight(i + 1)) {
            return None;
        }
        let j = if self.tight(i + 2) || self.w(i + 2, "m") {
            i + 2
        } else {
            return None;
        };
        if !self.w(j, "m") {
            return None;
        }
        Some((pm, self.dot(j + 1)))
    }

    /// Time zone and `local time` after a clock time: the index after them.
    fn zone(&self, mut k: usize) -> usize {
        if self.e(k).is_some_and(|e| e.tz) && self.s(k).bytes().all(|b| b.is_ascii_uppercase()) {
            k += 1;
            // GMT+3, UTC-05:00
            if (self.p(k, b'+') || self.p(k, b'-')) && self.tight(k) && self.num(k + 1).is_some() {
                k += 2;
                if self.p(k, b':') && self.num(k + 1).is_some() {
                    k += 2;
                }
            }
        }
        if self.w(k, "local") && self.w(k + 1, "time") {
            k += 2;
        }
        k
    }

    /// A clock time at `i` (without date): (`HH:MM[:SS]`, index after).
    fn clock_core(&self, i: usize) -> Option<(String, usize)> {
        if let Some(pod) =
            self.e(i).and_then(|e| e.pod).filter(|p| p.starts_with("T1") || p.starts_with("T2"))
        {
            return Some((pod[1..].to_string(), i + 1)); // noon, midnight
        }
        let (h, nh) = self.num(i)?;
        if self.glued_before(i) {
            return None;
        }
        // HH:MM[:SS] or H.MM (the latter only with am/pm)
        let sep = self.tok(i + 1).map(|t| t.kind);
        if matches!(sep, Some(Kind::Punct(b':' | b'.')))
            && self.tight(i + 1)
            && self.tight(i + 2)
            && nh <= 2
        {
            let (m, 2) = self.num(i + 2)? else {
                return None;
            };
            if h > 24 || m > 59 {
                return None;
            }
            let mut k = i + 3;
            let mut s = None;
            if self.p(k, b':') && self.tight(k) && self.tight(k + 1) {
                let (sec, 2) = self.num(k + 1)? else {
                    return None;
                };
                s = Some(sec.min(59));
                k += 2;
            }
            if self.glued_after(k) {
                return None;
            }
            let ap = self.ampm(k);
            let dotted = sep == Some(Kind::Punct(b'.'));
            if dotted && ap.is_none() {
                return None;
            }
            if ap.is_none() && !self.clock_context(i, k) {
                return None;
            }
            let (h, k) = match ap {
                Some((pm, k2)) if h <= 12 => (to24(h, pm), k2),
                Some(_) => return None,
                None => (h, k),
            };
            let hm = match s {
                Some(s) => format!("{h:02}:{m:02}:{s:02}"),
                None => format!("{h:02}:{m:02}"),
            };
            return Some((hm, k));
        }
        if self.glued_after(i + 1) && !self.tight(i + 1) {
            return None;
        }
        // 3 p.m., 3pm
        if nh <= 2 && (1..=12).contains(&h) {
            if let Some((pm, k)) = self.ampm(i + 1) {
                return Some((format!("{:02}:00", to24(h, pm)), k));
            }
            // 4 in the morning
            if self.w(i + 1, "in")
                && self.w(i + 2, "the")
                && let Some(pod) = self.e(i + 3).and_then(|e| e.pod)
            {
                let pm = matches!(pod, "AF" | "EV") || pod == "NI" && h < 12 && h > 5;
                return Some((format!("{:02}:00", to24(h, pm)), i + 4));
            }
        }
        // 1530 GMT, 0800 hours
        if nh == 4 && h % 100 < 60 && h / 100 <= 24 {
            let k = self.zone(i + 1);
            if k > i + 1 || self.w(i + 1, "hours") || self.w(i + 1, "hrs") {
                let k = if k > i + 1 { k } else { i + 2 };
                return Some((format!("{:02}:{:02}", h / 100, h % 100), k));
            }
        }
        None
    }

    /// Whether a bare `HH:MM` looks like a time here (a time zone after it, or a preposition
    /// of time or a date word around it).
    fn clock_context(&self, i: usize, k: usize) -> bool {
        if self.zone(k) > k {
            return true;
        }
        let prev_ok = i > 0
            && [
                "at",
                "by",
                "until",
                "till",
                "from",
                "before",
                "after",
                "since",
                "around",
                "about",
                "approximately",
            ]
            .iter()
            .any(|w| self.w(i - 1, w));
        let next_ok =
            self.e(k).is_some_and(|e| e.dayrel.is_some() || e.weekday > 0 || e.pod.is_some());
        // right after a date that ends in a year: "05.02.2026 | 14:20"
        let after_year =
            |j: usize| self.num(j).is_some_and(|(v, n)| n == 4 && (1000..=2999).contains(&v));
        let dated = i > 0
            && (after_year(i - 1)
                || i > 1 && matches!(self.t[i - 1].kind, Kind::Punct(_)) && after_year(i - 2));
        prev_ok || next_ok || dated
    }

    /// `o'clock` after a number or number word: the index after.
    fn oclock(&self, i: usize) -> Option<(u32, usize)> {
        let h = match self.num(i) {
            Some((h, n)) if n <= 2 => h,
            Some(_) => return None,
            None => self.e(i)?.card?,
        };
        if !(1..=12).contains(&h) {
            return None;
        }
        if self.w(i + 1, "o") && self.p(i + 2, b'\'') && self.w(i + 3, "clock") {
            return Some((h, i + 4));
        }
        None
    }

    /// A clock time with an optional date after it (`10 p.m. Wednesday`, `noon Saturday`,
    /// `5 p.m. EST Nov. 9`); without one, the time is on the reference day.
    pub(crate) fn clock(&self, i: usize) -> Option<Hit> {
        if let Some(p) = self.e(i).and_then(|e| e.position) {
            // mid-afternoon, late morning
            let j = if self.p(i + 1, b'-') { i + 2 } else { i + 1 };
            let pod = self.e(j).and_then(|e| e.pod).filter(|p| !p.starts_with('T'))?;
            if p == Position::Start && self.w(i, "earlier") || self.e(j)?.pod_plural {
                return None;
            }
            // mid-afternoon yesterday
            if let Some(n) = self
                .e(j + 1)
                .and_then(|e| e.dayrel)
                .filter(|_| self.e(j + 1).is_some_and(|e| e.pod.is_none()))
            {
                let day = self.cx.day_off(i64::from(n));
                return Some(Hit::new(
                    j + 2,
                    TimexKind::Time,
                    format!("{day}{}", tpod(pod)),
                    Class::Plain,
                ));
            }
            let day = self.cx.day_off(0);
            return Some(Hit::new(
                j + 1,
                TimexKind::Time,
                format!("{day}{}", tpod(pod)),
                Class::Plain,
            ));
        }
        let (hm, k) = if let Some(x) = self.clock_core(i) {
            x
        } else {
            let (h, k) = self.oclock(i)?;
            (format!("{h:02}:00"), k)
        };
        let k = self.zone(k);
        // a date after the time
        let j = if self.p(k, b',') || self.w(k, "on") { k + 1 } else { k };
        let date = self
            .weekday_expr(j)
            .or_else(|| self.relative_word(j))
            .or_else(|| self.month_expr(j))
            .filter(|h| h.kind == TimexKind::Date && h.value.as_ref().is_some_and(|v| is_day(v)));
        if let Some(d) = date {
            let day = d.value.unwrap_or_default();
            return Some(Hit::new(d.end, TimexKind::Time, format!("{day}T{hm}"), Class::Clock));
        }
        let day = self.cx.day_off(0);
        Some(Hit::new(k, TimexKind::Time, format!("{day}T{hm}"), Class::Clock))
    }

    /// A day-precise date followed (directly or after a comma) by a clock time becomes one
    /// TIME: `February 5, 2026 10:32 AM ET`.
    pub(crate) fn with_clock(&self, h: Hit) -> Hit {
        let Some(day) = h.value.as_deref().filter(|v| is_day(v)) else {
            return h;
        };
        let j = if self.p(h.end, b',') { h.end + 1 } else { h.end };
        let Some((hm, k)) = self.clock_core(j) else {
            return h;
        };
        let k = self.zone(k);
        Hit::new(k, TimexKind::Time, format!("{day}T{hm}"), Class::Cal)
    }
}

/// `YYYY-MM-DD` or `XXXX-XX-XX`-like: a value of day precision without a time.
pub(crate) fn is_day(v: &str) -> bool {
    v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-'
}

fn to24(h: u32, pm: bool) -> u32 {
    match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    }
}
