//! The date mentioned last in a text, which anaphoric expressions (`that year`, `the next
//! day`) take as their anchor.

use super::calendar::Date;

/// A date mentioned in the text and how precisely: 0 year, 1 month, 2 day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Anchor {
    pub date: Date,
    pub precision: u8,
}

impl Anchor {
    /// Whether `self` (coarser) is the period containing `finer`: then `finer` stays the anchor
    /// (after "March 3, 2019", "that year" must not erase the day).
    pub(crate) fn contains(self, finer: Anchor) -> bool {
        self.precision < finer.precision
            && self.date.year == finer.date.year
            && (self.precision == 0 || self.date.month == finer.date.month)
    }

    /// The anchor a TimeML value gives (`2014`, `2014-05`, `2014-05-03`, with any time part).
    pub(crate) fn of_value(v: &str) -> Option<Anchor> {
        let b = v.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let s = v.get(r)?;
            if s.bytes().all(|c| c.is_ascii_digit()) { s.parse().ok() } else { None }
        };
        let year = digits(0..4)? as i32;
        let sep = |k: usize| b.get(k) == Some(&b'-');
        let boundary = |k: usize| b.get(k).is_none_or(|c| !c.is_ascii_digit() && *c != b'-');
        if let (true, Some(m)) = (sep(4), digits(5..7)) {
            if let (true, Some(d)) = (sep(7), digits(8..10)) {
                return Date::new(year, m, d).map(|date| Anchor { date, precision: 2 });
            }
            return (boundary(7))
                .then_some(())
                .and_then(|()| Date::new(year, m, 1))
                .map(|date| Anchor { date, precision: 1 });
        }
        (b.len() == 4).then_some(())?;
        Date::new(year, 1, 1).map(|date| Anchor { date, precision: 0 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_from_values() {
        let a = Anchor::of_value("2014-05-03T10:00").map(|a| (a.date, a.precision));
        assert_eq!(a, Some((Date { year: 2014, month: 5, day: 3 }, 2)));
        assert_eq!(Anchor::of_value("2014-05").map(|a| a.precision), Some(1));
        assert_eq!(Anchor::of_value("2014").map(|a| a.precision), Some(0));
        assert!(Anchor::of_value("2014-Q3").is_none());
        assert!(Anchor::of_value("P1Y").is_none());
        assert!(Anchor::of_value("XXXX-05").is_none());
    }
}
