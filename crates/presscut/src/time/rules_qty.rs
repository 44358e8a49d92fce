//! Quantities of time: durations (`48 hours`, `two-year`, `three decades`, `the first nine
//! months`), what anchors them (`two years ago`, `a year earlier`) and sets (`every year`,
//! `weekly`, `twice a year`).

use super::TimexKind;
use super::grammar::{Class, Hit, P};
use super::lexicon::{Direction, Unit};
use super::rules_cal::tpod;

/// A parsed quantity: a number (None = unspecified, `several`) and the index after it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Qty {
    pub n: Option<f64>,
    pub end: usize,
    /// `a`/`an`: a singular article rather than a number.
    pub article: bool,
}

/// The TimeML duration value of `n` units (`P2Y`, `PT48H`, `PXM`, `P2Y6M`).
pub(crate) fn duration(n: Option<f64>, unit: Unit) -> String {
    let (mult, code, clock) = match unit {
        Unit::Second => (1.0, "S", true),
        Unit::Minute => (1.0, "M", true),
        Unit::Hour => (1.0, "H", true),
        Unit::Day => (1.0, "D", false),
        Unit::Week => (1.0, "W", false),
        Unit::Weekend => (1.0, "WE", false),
        Unit::Fortnight => (2.0, "W", false),
        Unit::Month => (1.0, "M", false),
        Unit::Quarter => (1.0, "Q", false),
        Unit::HalfYear => (6.0, "M", false),
        Unit::Year => (1.0, "Y", false),
        Unit::Decade => (10.0, "Y", false),
        Unit::Century => (100.0, "Y", false),
        Unit::Millennium => (1000.0, "Y", false),
    };
    let t = if clock { "T" } else { "" };
    let Some(n) = n else {
        let code = match unit {
            Unit::Decade => "DE",
            Unit::Century => "CE",
            Unit::Millennium => "ML",
            _ => code,
        };
        return format!("P{t}X{code}");
    };
    let v = n * mult;
    if v.fract() == 0.0 {
        return format!("P{t}{}{code}", v.min(1e9) as u64);
    }
    // A fraction: whole units plus the rest in the next smaller unit.
    let whole = v.trunc() as u64;
    let (small, factor, st) = match (unit, code) {
        (_, "Y") => ("M", 12.0, ""),
        (Unit::Month, _) => ("D", 30.0, ""),
        (_, "W") => ("D", 7.0, ""),
        (_, "D") => ("H", 24.0, "T"),
        (Unit::Hour, _) => ("M", 60.0, ""),
        (Unit::Minute, _) => ("S", 60.0, ""),
        _ => return format!("P{t}{v}{code}"),
    };
    let rest = (v.fract() * factor).round() as u64;
    let head = if whole > 0 { format!("{whole}{code}") } else { String::new() };
    format!("P{t}{head}{st}{rest}{small}")
}

impl P<'_> {
    /// A quantity: `48`, `2 1/2`, `1.5`, `twenty-four`, `a`, `a few`, `several`, `a couple of`.
    pub(crate) fn qty(&self, i: usize) -> Option<Qty> {
        if let Some((v, n)) = self.num(i) {
            if n > 7 || self.glued_before(i) {
                return None;
            }
            let mut val = f64::from(v);
            let mut end = i + 1;
            // 1,000 / 1.5 / 2 1/2
            if self.p(end, b',')
                && self.tight(end)
                && self.tight(end + 1)
                && self.num(end + 1).is_some_and(|(_, d)| d == 3)
            {
                val = val * 1000.0 + f64::from(self.num(end + 1).map_or(0, |x| x.0));
                end += 2;
            } else if self.p(end, b'.')
                && self.tight(end)
                && self.tight(end + 1)
                && self.num(end + 1).is_some()
            {
                let (f, d) = self.num(end + 1).unwrap_or((0, 1));
                val += f64::from(f) / 10f64.powi(d.min(9) as i32);
                end += 2;
            } else if let (Some((a, 1)), true, Some((b, 1))) =
                (self.num(end), self.p(end + 1, b'/'), self.num(end + 2))
                && b > 0
                && a < b
                && self.tight(end + 1)
                && self.tight(end + 2)
            {
                val += f64::from(a) / f64::from(b);
                end += 3;
            }
            if self.glued_after(end) {
                return None;
            }
            return Some(Qty { n: Some(val), end, article: false });
        }
        let e = self.e(i)?;
        if e.article {
            // a few, a couple of, a dozen, a hundred, a half
            if self.e(i + 1).is_some_and(|e| e.vague) {
                let end = if self.w(i + 2, "of") { i + 3 } else { i + 2 };
                let n = self.w(i + 1, "couple").then_some(2.0);
                return Some(Qty { n, end, article: false });
            }
            if let Some(c) = self.e(i + 1).and_then(|e| e.card).filter(|c| *c >= 12) {
                return Some(Qty { n: Some(f64::from(c)), end: i + 2, article: false });
            }
            return Some(Qty { n: Some(1.0), end: i + 1, article: true });
        }
        if e.vague {
            let end = if self.w(i + 1, "of") { i + 2 } else { i + 1 };
            return Some(Qty { n: None, end, article: false });
        }
        if self.w(i, "half") && (self.w(i + 1, "a") || self.w(i + 1, "an")) {
            return Some(Qty { n: Some(0.5), end: i + 2, article: false });
        }
        let mut val = e.card?;
        let mut end = i + 1;
        // twenty-four, twenty four
        if (20..100).contains(&val) && val % 10 == 0 {
            let k = if self.p(end, b'-') { end + 1 } else { end };
            if let Some(u) = self.e(k).and_then(|e| e.card).filter(|u| (1..10).contains(u)) {
                val += u;
                end = k + 1;
            }
        }
        // two hundred, three thousand
        if let Some(m) = self.e(end).and_then(|e| e.card).filter(|m| *m == 100 || *m == 1000) {
            val *= m;
            end += 1;
        }
        let mut n = f64::from(val);
        // one and a half
        if self.w(end, "and") && self.w(end + 1, "a") && self.w(end + 2, "half") {
            n += 0.5;
            end += 3;
        }
        Some(Qty { n: Some(n), end, article: false })
    }

    /// Skips adjectives between a quantity and its unit (`one additional year`).
    pub(crate) fn skip_extra(&self, mut k: usize) -> usize {
        for _ in 0..2 {
            if self.e(k).is_some_and(|e| e.extra)
                && self.e(k + 1).is_some_and(|e| e.unit.is_some() || e.extra)
            {
                k += 1;
            }
        }
        k
    }

    /// A unit word at `k` (not a fraction like `three quarters of`).
    pub(crate) fn unit_at(&self, k: usize) -> Option<(Unit, bool)> {
        let e = self.e(k)?;
        let unit = e.unit?;
        if unit == Unit::Quarter && self.w(k + 1, "of") && self.year_num(k + 2).is_none() {
            return None;
        }
        Some((unit, e.unit_plural))
    }

    /// `a year and a half`: adds the half.
    pub(crate) fn half_suffix(&self, n: Option<f64>, k: usize) -> (Option<f64>, usize) {
        if self.w(k, "and") && self.w(k + 1, "a") && self.w(k + 2, "half") {
            return (n.map(|n| n + 0.5), k + 3);
        }
        (n, k)
    }

    /// Quantities of time and what they anchor: `48 hours`, `the first nine months`,
    /// `one additional year`, `two-year`, `8-month-old`, `two years ago`, `a year earlier`,
    /// `years`; `a year` after `twice`/`million` is a set.
    pub(crate) fn quantity_expr(&self, i: usize) -> Option<Hit> {
        let mut j = self.the(i);
        if j > i && self.w(j, "first") {
            j += 1;
        }
        if let Some((unit, true)) = self.unit_at(j) {
            // a bare plural: "for years", "years ago", "weeks or months"
            if j > i {
                return None;
            }
            return self.bare_plural(i, unit);
        }
        let mut q = self.qty(j)?;
        // a range: "two to three weeks", "12-18 months"
        if !q.article
            && (self.w(q.end, "to") || self.p(q.end, b'-') && self.num(q.end + 1).is_some())
            && let Some(q2) = self.qty(q.end + 1).filter(|q2| !q2.article && q2.n.is_some())
            && self.unit_at(self.skip_extra(q2.end)).is_some()
        {
            q = Qty { n: None, end: q2.end, article: false };
        }
        let mut k = q.end;
        let hyphen = self.p(k, b'-') && self.tight(k) && self.tight(k + 1);
        if hyphen {
            k += 1;
        } else {
            k = self.skip_extra(k);
        }
        let (unit, plural) = self.unit_at(k)?;
        let yearlike = q.n.is_some_and(|n| (1000.0..3000.0).contains(&n) && n.fract() == 0.0);
        if yearlike && !plural && !hyphen {
            return None; // "the 1988 quarter"
        }
        if q.article && (unit == Unit::Second || plural) {
            return None; // "a second time"
        }
        if hyphen && plural {
            return None;
        }
        let (n, mut end) = self.half_suffix(q.n, k + 1);
        if hyphen && j > i {
            return None; // "the two-year contract": the adjective alone is the expression
        }
        if self.w(end, "or")
            && self.w(end + 1, "so")
            && self.e(end + 2).and_then(|e| e.direction).is_none()
        {
            end += 2; // "a year or so"
        }
        // Ages ("a 6-year-old boy", "he is 52 years old") are not temporal expressions.
        if self.w(end, "old") || self.p(end, b'-') && self.w(end + 1, "old") {
            return None;
        }
        if hyphen {
            return Some(Hit::new(end, TimexKind::Duration, duration(n, unit), Class::Qty));
        }
        let class = if j > i { Class::Plain } else { Class::Qty };
        if let Some(h) = self.anchored(end, n, unit) {
            return Some(Hit { class, ..h });
        }
        if q.article && !plural && j == i && i > 0 {
            let prev = self.tok(i - 1);
            if self.e(i - 1).is_some_and(|e| e.rate)
                || prev.is_some_and(|t| t.kind == super::pieces::Kind::Punct(b'%'))
            {
                return Some(Hit::new(
                    end,
                    TimexKind::Set,
                    duration(Some(1.0), unit),
                    Class::Plain,
                ));
            }
        }
        Some(Hit::new(end, TimexKind::Duration, duration(n, unit), class))
    }

    /// `... ago`, `... earlier`, `... later`, `... from now` after `n` units ending at `k`.
    fn anchored(&self, k: usize, n: Option<f64>, unit: Unit) -> Option<Hit> {
        let k2 = if self.w(k, "or") && self.w(k + 1, "so") { k + 2 } else { k };
        let (dir, end) = if self.w(k2, "from") && self.w(k2 + 1, "now") {
            (Direction::Later, k2 + 2)
        } else {
            (self.e(k2)?.direction?, k2 + 1)
        };
        let sign = if dir == Direction::Later { 1 } else { -1 };
        let exact = n.filter(|n| n.fract() == 0.0 && *n < 10_000.0);
        let value = match exact {
            Some(n) if !unit.is_clock() => self.cx.unit_off(unit, sign * n as i64),
            _ => None,
        };
        let value =
            value.unwrap_or_else(|| if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into());
        Some(Hit::new(end, TimexKind::Date, value, Class::Qty))
    }

    fn bare_plural(&self, i: usize, unit: Unit) -> Option<Hit> {
        if let Some(h) = self.anchored(i + 1, None, unit) {
            return Some(h);
        }
        // weeks or months
        if self.w(i + 1, "or")
            && let Some((_, true)) = self.unit_at(i + 2)
        {
            return Some(Hit::new(i + 3, TimexKind::Duration, duration(None, unit), Class::Qty));
        }
        let framed = i > 0
            && ["for", "over", "within", "in", "after", "took", "take", "takes", "lasted", "last"]
                .iter()
                .any(|w| self.w(i - 1, w));
        framed.then(|| Hit::new(i + 1, TimexKind::Duration, duration(None, unit), Class::Qty))
    }

    /// `daily`, `every year`, `every two weeks`, `each Thursday`, `every July`, `per day`.
    pub(crate) fn set_expr(&self, i: usize) -> Option<Hit> {
        let e = self.e(i)?;
        if let Some(v) = e.set {
            return Some(Hit::new(i + 1, TimexKind::Set, v, Class::Plain));
        }
        if !e.every {
            return None;
        }
        let mut j = i + 1;
        let mut n = Some(1.0);
        if self.w(j, "other") {
            n = Some(2.0);
            j += 1;
        } else if let Some(q) = self.qty(j).filter(|q| !q.article) {
            n = q.n;
            j = q.end;
        }
        let f = self.e(j)?;
        let set = |end: usize, v: String| Some(Hit::new(end, TimexKind::Set, v, Class::Plain));
        if let Some(unit) = f.unit {
            if unit == Unit::Weekend {
                return set(j + 1, "XXXX-WXX-WE".into());
            }
            return set(j + 1, duration(n, unit));
        }
        if f.weekday > 0 && !f.weekday_abbr {
            let wd = f.weekday;
            if let Some(pod) = self.e(j + 1).and_then(|e| e.pod) {
                return set(j + 2, format!("XXXX-WXX-{wd}{}", tpod(pod)));
            }
            return set(j + 1, format!("XXXX-WXX-{wd}"));
        }
        if let Some((m, k, _)) = self.month_word(j) {
            return set(k, format!("XXXX-{m:02}"));
        }
        if let Some(s) = f.season {
            return set(j + 1, format!("XXXX-{s}"));
        }
        if let Some(pod) = f.pod {
            return set(j + 1, format!("XXXX-XX-XX{}", tpod(pod)));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_follow_timeml() {
        assert_eq!(duration(Some(1.0), Unit::Year), "P1Y");
        assert_eq!(duration(Some(48.0), Unit::Hour), "PT48H");
        assert_eq!(duration(Some(3.0), Unit::Decade), "P30Y");
        assert_eq!(duration(None, Unit::Month), "PXM");
        assert_eq!(duration(Some(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration(Some(0.5), Unit::Hour), "PT30M");
        assert_eq!(duration(Some(1.5), Unit::Day), "P1DT12H");
    }
}
