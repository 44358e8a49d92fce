//! Relative expressions: `yesterday`, `now`, `the future`, `the weekend`, `last week`,
//! `this spring`, `next Tuesday`, `the past two months`, `recent years`.

use super::TimexKind;
use super::grammar::{Class, Hit, P};
use super::lexicon::{Deixis, Unit};
use super::resolve::Dir;
use super::rules_cal::tpod;
use super::rules_qty::duration;

impl P<'_> {
    /// `yesterday`, `today`, `tonight`, `yesterday morning`, `now`, `recently`, `the future`.
    pub(crate) fn relative_word(&self, i: usize) -> Option<Hit> {
        let e = self.e(i)?;
        if let Some(n) = e.dayrel {
            let day = self.cx.day_off(i64::from(n));
            if let Some(pod) = e.pod {
                return Some(Hit::new(
                    i + 1,
                    TimexKind::Time,
                    format!("{day}{}", tpod(pod)),
                    Class::Cal,
                ));
            }
            return Some(self.with_pod(i + 1, day));
        }
        if let Some(v) = e.refv {
            return Some(Hit::new(i + 1, TimexKind::Date, v, Class::Plain));
        }
        // the past, the future, the near future, the present
        let j = self.the(i);
        if j == i {
            return None;
        }
        let k = if self.e(j + 1).is_some_and(|e| e.the_ref.is_some())
            && self.e(j).is_none()
            && self.is_word(j)
        {
            j + 1
        } else {
            j
        };
        if let Some(h) = self.the_weekend(i, j) {
            return Some(h);
        }
        let v = self.e(k)?.the_ref?;
        Some(Hit::new(k + 1, TimexKind::Date, v, Class::Plain))
    }

    /// `the weekend`: the one before the reference, or after it in a future-tense clause.
    fn the_weekend(&self, i: usize, j: usize) -> Option<Hit> {
        let e = self.e(j)?;
        if e.unit != Some(Unit::Weekend) || e.unit_plural {
            return None;
        }
        let weekday = self.cx.r.map_or(1, super::calendar::Date::weekday);
        let off = match self.tense_dir(i) {
            Dir::Future => 0,
            _ if weekday >= 6 => 0,
            _ => -1,
        };
        Some(Hit::date(j + 1, self.cx.unit_off(Unit::Weekend, off)?))
    }

    /// `that year`, `the same day`, `that morning`, `the following year`, `the previous day`,
    /// `the next day`: the period of the date mentioned last (or of the reference).
    pub(crate) fn anaphoric(&self, i: usize) -> Option<Hit> {
        let j = self.the(i);
        let (off, k) = if self.e(j).is_some_and(|e| e.anaphor) {
            if j == i && self.w(j, "same") {
                return None; // "same" needs "the" or "that"
            }
            if j > i && self.w(j, "that") {
                return None;
            }
            (0, if self.w(j + 1, "same") { j + 2 } else { j + 1 })
        } else if j > i && (self.w(j, "following") || self.w(j, "next")) {
            (1, j + 1)
        } else if j > i && (self.w(j, "previous") || self.w(j, "preceding")) {
            (-1, j + 1)
        } else {
            return None;
        };
        let e = self.e(k)?;
        if let Some(pod) = e.pod.filter(|_| off == 0 && !e.pod_plural) {
            let day = self.cx.anchor_off(Unit::Day, 0).unwrap_or_else(|| self.cx.day_off(0));
            return Some(Hit::new(
                k + 1,
                TimexKind::Time,
                format!("{day}{}", tpod(pod)),
                Class::Cal,
            ));
        }
        let unit = e.unit.filter(|u| !u.is_clock() && !e.unit_plural)?;
        if self.w(j, "next") && unit != Unit::Day {
            return None; // "the next year" looks ahead from now
        }
        let v = match self.cx.anchor_off(unit, off) {
            Some(v) => v,
            None => self.cx.unit_off(unit, off)?,
        };
        Some(Hit::date(k + 1, v))
    }

    /// The direction words before a unit: `last`, `the past`, `this coming`, `the next`.
    fn deixis_words(&self, i: usize) -> Option<(Deixis, usize)> {
        let j = self.the(i);
        let dx = self.e(j)?.deixis?;
        if j > i && dx == Deixis::This && !self.w(j, "current") {
            return None; // "the this"
        }
        if j == i && self.w(j, "past") {
            return None; // "past" alone is an adjective ("past practice")
        }
        // this past / this coming
        if dx == Deixis::This
            && self.w(j, "this")
            && let Some(d2) = self.e(j + 1).and_then(|e| e.deixis).filter(|d| *d != Deixis::This)
        {
            return Some((d2, j + 2));
        }
        Some((dx, j + 1))
    }

    /// `last week`, `this year`, `next Tuesday`, `last April`, `this spring`, `last night`,
    /// `the past two months`, `recent years`, `the coming months`.
    pub(crate) fn deictic(&self, i: usize) -> Option<Hit> {
        let (dx, mut j) = self.deixis_words(i)?;
        let off: i64 = match dx {
            Deixis::This => 0,
            Deixis::Last => -1,
            Deixis::Next => 1,
        };
        let dir = match dx {
            Deixis::This => Dir::This,
            Deixis::Last => Dir::Last,
            Deixis::Next => Dir::Next,
        };
        // the past two months, the next few days
        if let Some(q) = self.qty(j).filter(|q| !q.article || self.w(j, "a")) {
            let k = self.skip_extra(q.end);
            if let Some((unit, _)) = self.unit_at(k) {
                let (n, mut end) = self.half_suffix(q.n, k + 1);
                if self.w(end, "or") && self.w(end + 1, "so") {
                    end += 2;
                }
                return Some(Hit::new(end, TimexKind::Duration, duration(n, unit), Class::Plain));
            }
        }
        if self.w(j, "fiscal") {
            j += 1;
        }
        let e = self.e(j)?;
        if let Some(unit) = e.unit {
            if e.unit_plural {
                let v = match dx {
                    Deixis::Last => "PAST_REF",
                    Deixis::This => "PRESENT_REF",
                    Deixis::Next => "FUTURE_REF",
                };
                return Some(Hit::new(j + 1, TimexKind::Date, v, Class::Plain));
            }
            if unit.is_clock() {
                return (dx != Deixis::This).then(|| {
                    Hit::new(j + 1, TimexKind::Duration, duration(Some(1.0), unit), Class::Plain)
                });
            }
            if unit == Unit::Weekend && dx == Deixis::This {
                // this weekend: the one of the reference week
                return Some(Hit::date(j + 1, self.cx.unit_off(unit, 0)?));
            }
            return Some(Hit::date(j + 1, self.cx.unit_off(unit, off)?));
        }
        if let Some((wd, k)) = self.weekday_word(j) {
            let day = self.cx.weekday(wd, dir);
            return Some(self.with_pod(k, day));
        }
        if let Some((m, k, _)) = self.month_word(j) {
            if self.day_num(k).is_some() {
                return None; // "last Oct. 23": the date alone is the expression
            }
            return Some(Hit::date(k, self.cx.month(m, dir)));
        }
        if let Some(s) = e.season {
            return Some(Hit::date(j + 1, self.cx.season(s, dir)));
        }
        if let Some(pod) = e.pod.filter(|_| !e.pod_plural) {
            // this morning, last night, tomorrow night handled by relative_word
            let day = match (dx, pod) {
                (Deixis::Last, "NI" | "EV" | _) => self.cx.day_off(-1),
                (Deixis::Next, _) => self.cx.day_off(1),
                (Deixis::This, _) => self.cx.day_off(0),
            };
            return Some(Hit::new(
                j + 1,
                TimexKind::Time,
                format!("{day}{}", tpod(pod)),
                Class::Cal,
            ));
        }
        None
    }
}
