//! Years and longer periods: `1998`, `fiscal 1989`, `the year 2000`, decades (`the 1990s`,
//! `the '90s`), centuries (`the 20th century`), quarters and halves (`the third quarter`,
//! `Q3 2025`) and seasons (`the spring of 2014`).

use super::grammar::{Hit, P};
use super::lexicon::Unit;
use super::pieces::Kind;
use super::resolve::fmt_decade;
use super::rules_cal::century_pivot;

impl P<'_> {
    /// Years (`1998`, `fiscal 1989`, `the year 2000`), decades (`the 1990s`, `the '90s`,
    /// `the nineties`) and centuries (`the 20th century`).
    pub(crate) fn year_expr(&self, i: usize) -> Option<Hit> {
        let j = self.the(i);
        if let Some(h) = self.decade_or_century(j) {
            return Some(h);
        }
        if j > i {
            // "the year 2000"
            if self.e(j).and_then(|e| e.unit) == Some(Unit::Year) && !self.e(j)?.unit_plural {
                let (y, end) = self.year_num(j + 1)?;
                return Some(Hit::date(end, format!("{y:04}")));
            }
            return None;
        }
        if self.w(i, "fiscal") || self.w(i, "FY") {
            let mut k = i + 1;
            if self.w(k, "year") {
                k += 1;
            }
            if let Some((y, end)) = self.year_num(k) {
                return Some(Hit::date(end, format!("{y:04}")));
            }
            if self.w(i, "FY")
                && self.tight(k)
                && let Some((yy, 2)) = self.num(k)
            {
                return Some(Hit::date(k + 1, format!("{:04}", century_pivot(yy, self.cx.r))));
            }
            return None;
        }
        if self.e(i).is_some_and(|e| e.card == Some(19)) {
            let (y, end) = self.spoken_year(i)?;
            return (end > i + 1).then(|| Hit::date(end, format!("{y:04}")));
        }
        let (y, 4) = self.num(i)? else { return None };
        // "between 2014 and 2022", "1990-1995": the second year of a pair
        let paired = i >= 2
            && (self.w(i - 1, "and") || self.w(i - 1, "or") || self.p(i - 1, b'-'))
            && self.num(i - 2).is_some_and(|(v, n)| n == 4 && (1000..=2999).contains(&v));
        let glued = self.glued_before(i) && !(paired && self.p(i - 1, b'-'));
        if !(1000..=2999).contains(&y) || glued || self.glued_after(i + 1) {
            return None;
        }
        if self.p(i + 1, b'-')
            && self.tight(i + 1)
            && self.num(i + 2).is_some_and(|(_, n)| n != 4 && n != 2)
        {
            return None;
        }
        let prev = if i > 0 { self.e(i - 1) } else { None };
        let prev_word = i > 0 && self.is_word(i - 1);
        if prev.is_some_and(|e| e.label)
            || prev_word && prev.is_none() && self.cap(i - 1) && !self.sentence_start(i - 1)
        {
            return None; // "Article 1990", "Boeing 1990"
        }
        let framed = paired || prev.is_some_and(|e| e.det || e.prep || e.month > 0);
        if !framed {
            if !(1900..=2099).contains(&y) {
                return None;
            }
            // "2000 troops": a count before a plural noun
            let next = self.tok(i + 1);
            if next.is_some_and(|t| t.kind == Kind::Word && t.entry.is_none()) {
                let w = self.s(i + 1);
                if w.len() > 3
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && w.as_bytes()[0].is_ascii_lowercase()
                {
                    return None;
                }
            }
        }
        Some(Hit::date(i + 1, format!("{y:04}")))
    }

    /// Token `i` begins a sentence (or the block).
    fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || matches!(
                self.t[i - 1].kind,
                Kind::Punct(b'.' | b'!' | b'?' | b'"' | b':' | b'(' | b'\'')
            )
            || self.t[i].nl > 0
    }

    fn decade_or_century(&self, j: usize) -> Option<Hit> {
        let had_the = j > 0 && self.w(j - 1, "the");
        // 1990s, 1990's, 1900s (a century)
        if let Some((y, n @ (2 | 4))) = self.num(j) {
            let (k, ok) = if self.tight(j + 1) && self.w(j + 1, "s") {
                (j + 2, true)
            } else if self.p(j + 1, b'\'')
                && self.tight(j + 1)
                && self.tight(j + 2)
                && self.w(j + 2, "s")
            {
                (j + 3, true)
            } else {
                (j, false)
            };
            if ok && y % 10 == 0 && !self.glued_before(j) {
                if n == 4 && (1000..3000).contains(&y) {
                    if y % 100 == 0 && y < 2000 {
                        return Some(Hit::date(k, format!("{:02}", y / 100)));
                    }
                    return Some(Hit::date(k, fmt_decade(i64::from(y / 10))));
                }
                if n == 2 && had_the {
                    let full = century_pivot(y, None);
                    return Some(Hit::date(k, fmt_decade(i64::from(full / 10))));
                }
            }
        }
        // '90s
        if self.p(j, b'\'')
            && self.tight(j + 1)
            && self.tight(j + 2)
            && self.w(j + 2, "s")
            && let Some((y, 2)) = self.num(j + 1).filter(|(y, _)| y % 10 == 0)
        {
            let full = century_pivot(y, None);
            return Some(Hit::date(j + 3, fmt_decade(i64::from(full / 10))));
        }
        // the nineties
        if let Some(d) = self.e(j).map(|e| e.decade).filter(|d| *d > 0)
            && had_the
        {
            let century = if d <= 2 { 20 } else { 19 };
            return Some(Hit::date(j + 1, format!("{century}{d}")));
        }
        // the 20th century, the twenty-first century
        let (n, k) = if let Some((n, _)) = self.num(j) {
            let ok = self.tight(j + 1) && ["st", "nd", "rd", "th"].iter().any(|s| self.w(j + 1, s));
            if !ok {
                return None;
            }
            (n, j + 2)
        } else {
            self.day_num(j).filter(|_| self.num(j).is_none())?
        };
        let k = if self.p(k, b'-') { k + 1 } else { k };
        let unit = self.e(k).and_then(|e| e.unit);
        if unit == Some(Unit::Century) && !self.e(k)?.unit_plural && (1..=30).contains(&n) {
            return Some(Hit::date(k + 1, format!("{:02}", n - 1)));
        }
        None
    }

    /// Quarters and halves: `the third quarter`, `third-quarter`, `Q3 2025`, `the first half of
    /// 2026`, `1989's fourth quarter`, `this year's second half`.
    pub(crate) fn quarter_expr(&self, i: usize) -> Option<Hit> {
        // Q3, Q3 2025, H1 2026
        if (self.w(i, "Q") || self.w(i, "H")) && self.tight(i + 1) && self.cap(i) {
            let (q, 1) = self.num(i + 1)? else {
                return None;
            };
            let half = self.w(i, "H");
            if q == 0 || q > if half { 2 } else { 4 } || self.glued_after(i + 2) {
                return None;
            }
            let code = if half { 'H' } else { 'Q' };
            let k = if self.p(i + 2, b'/') || self.p(i + 2, b'-') { i + 3 } else { i + 2 };
            if let Some((y, end)) = self.year_num(k) {
                return Some(Hit::date(end, format!("{y:04}-{code}{q}")));
            }
            let dir = self.tense_dir(i);
            let v = if half { self.cx.half(q, dir) } else { self.cx.quarter(q, dir) };
            return Some(Hit::date(i + 2, v));
        }
        let mut j = self.the(i);
        let mut year: Option<String> = None;
        // possessive or attributive year: "1989's", "this year's", "the 1988"
        if let Some((y, k)) = self.year_num(j) {
            if self.p(k, b'\'') && self.w(k + 1, "s") {
                year = Some(format!("{y:04}"));
                j = k + 2;
            } else if j > i {
                year = Some(format!("{y:04}"));
                j = k;
            }
        } else if let Some((dy, k)) = self.rel_year(j)
            && self.p(k, b'\'')
            && self.w(k + 1, "s")
        {
            year = Some(self.cx.year_off(dy));
            j = k + 2;
        }
        if self.w(j, "fiscal") {
            j += 1;
        }
        let (n, k) = self.day_num(j)?;
        let hyphen = self.p(k, b'-') && self.tight(k);
        if hyphen && i < j && self.w(i, "the") && year.is_none() {
            return None; // "the third-quarter results": the adjective alone is the expression
        }
        let k = if hyphen { k + 1 } else { k };
        let half = self.w(k, "half");
        let quarter = self.e(k).is_some_and(|e| e.unit == Some(Unit::Quarter) && !e.unit_plural);
        if !(half && (1..=2).contains(&n) || quarter && (1..=4).contains(&n)) {
            return None;
        }
        let mut end = k + 1;
        if year.is_none() {
            let mut k2 = end;
            if self.w(k2, "of") || self.p(k2, b',') {
                k2 += 1;
            }
            if self.w(k2, "fiscal") {
                k2 += 1;
            }
            if let Some((y, e2)) = self.year_num(k2) {
                year = Some(format!("{y:04}"));
                end = e2;
            } else if let Some((dy, e2)) = self.rel_year(end) {
                year = Some(self.cx.year_off(dy));
                end = e2;
            } else if self.w(end, "of") && !self.w(end + 1, "the") {
                return None; // "a quarter of them", "the first half of the match"
            }
        }
        let code = if half { 'H' } else { 'Q' };
        let value = if let Some(y) = year {
            format!("{y}-{code}{n}")
        } else {
            let dir = self.tense_dir(i);
            if half { self.cx.half(n, dir) } else { self.cx.quarter(n, dir) }
        };
        Some(Hit::date(end, value))
    }

    /// Seasons: `the spring`, `spring 2025`, `the winter of 1994`, `summer`.
    pub(crate) fn season_expr(&self, i: usize) -> Option<Hit> {
        let j = self.the(i);
        let e = self.e(j)?;
        let s = e.season?;
        let k = j + 1;
        let ky = if self.w(k, "of") { k + 1 } else { k };
        if let Some((y, end)) = self.year_num(ky) {
            return Some(Hit::date(end, format!("{y:04}-{s}")));
        }
        if let Some((dy, end)) = self.rel_year(k) {
            return Some(Hit::date(end, format!("{}-{s}", self.cx.year_off(dy))));
        }
        if self.w(j, "fall") && j == i {
            return None; // the verb
        }
        let dir = self.tense_dir(i);
        Some(Hit::date(k, self.cx.season(s, dir)))
    }
}
