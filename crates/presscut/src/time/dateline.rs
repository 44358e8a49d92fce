//! Published-date lines (`Published: Jan 29, 2025`, `February 5, 2026 10:32 AM ET`) and
//! user-given reference dates (`2026-02-05`, `2026-02-05T10:00:00Z`).

use super::calendar::Date;
use super::pieces::{Kind, Pieces};
use super::{TimexKind, extract};
use crate::doc::Doc;
use crate::model::BlockKind;
use std::sync::LazyLock;

const DATELINE_WORDS: &str = include_str!("../../data/time_dateline.txt");

/// Lines longer than this are prose, not date lines.
const MAX_LINE: usize = 160;

/// The words a date line may carry besides the date, compiled once.
static WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    DATELINE_WORDS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

fn is_dateline_word(w: &str) -> bool {
    WORDS.iter().any(|l| l.eq_ignore_ascii_case(w))
}

/// The ISO date (`2026-02-05`) or date-time (`2026-02-05T10:32:00`, local time as written, zone
/// dropped) of a line that is essentially a publication date: a date with a year, optionally a
/// weekday, a clock time, a time zone and words like `Published`, `Updated`, `on`, `at`.
/// None for anything else (prose that merely contains a date).
pub fn parse_date_line(line: &str) -> Option<String> {
    let line = line.trim();
    if line.is_empty() || line.len() > MAX_LINE {
        return None;
    }
    let doc = Doc::new(line, &[(BlockKind::Paragraph, 0, line.len())]);
    let timexes = extract(&doc, None);
    // Every piece outside the expressions must be punctuation or a date-line word.
    let mut toks = Vec::new();
    Pieces::new(&doc).push_tokens(0, doc.tokens.len(), &mut toks);
    for t in &toks {
        if timexes.iter().any(|x| x.start <= t.start && t.end <= x.end) {
            continue;
        }
        let ok = match t.kind {
            Kind::Punct(_) => true,
            Kind::Num => false,
            Kind::Word => {
                let w = &line[t.start..t.end];
                is_dateline_word(w) || t.entry.is_some_and(|e| e.tz || e.weekday > 0)
            }
        };
        if !ok {
            return None;
        }
    }
    let mut date: Option<String> = None;
    let mut time: Option<String> = None;
    for x in &timexes {
        let Some(v) = x.value.as_deref() else {
            continue;
        };
        let full_day = v.len() >= 10 && v[..10].bytes().all(|b| b.is_ascii_digit() || b == b'-');
        match x.kind {
            TimexKind::Date | TimexKind::Time if full_day && date.is_none() => {
                date = Some(v[..10].to_string());
                if let Some(t) = v.get(11..).filter(|t| t.contains(':')) {
                    time = Some(t.to_string());
                }
            }
            TimexKind::Time if date.is_some() && time.is_none() => {
                time = v.split_once('T').map(|(_, t)| t.to_string()).filter(|t| t.contains(':'));
            }
            _ => {}
        }
    }
    let date = date?;
    Some(match time {
        Some(t) if t.len() == 5 => format!("{date}T{t}:00"),
        Some(t) => format!("{date}T{t}"),
        None => date,
    })
}

/// A reference date given by a user: `2026-02-05`, `2026/02/05`, `20260205`, a full timestamp
/// (`2026-02-05T10:00:00Z`), or failing those a date line (`February 5, 2026`).
pub fn parse_reference(s: &str) -> Option<Date> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) { part.parse().ok() } else { None }
    };
    if b.len() >= 10 && matches!(b[4], b'-' | b'/') && b[7] == b[4] {
        let ok_end = b.len() == 10 || !b[10].is_ascii_digit();
        if let (Some(y), Some(m), Some(d), true) =
            (digits(0..4), digits(5..7), digits(8..10), ok_end)
        {
            return Date::new(y as i32, m, d);
        }
    }
    if b.len() == 8
        && let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(4..6), digits(6..8))
    {
        return Date::new(y as i32, m, d);
    }
    let iso = parse_date_line(s)?;
    let (y, m, d) = (iso.get(0..4)?, iso.get(5..7)?, iso.get(8..10)?);
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines_in_common_forms() {
        assert_eq!(parse_date_line("Published: Jan 29, 2025").as_deref(), Some("2025-01-29"));
        assert_eq!(
            parse_date_line("February 5, 2026 10:32 AM ET").as_deref(),
            Some("2026-02-05T10:32:00")
        );
        assert_eq!(parse_date_line("Updated 5 Feb 2026").as_deref(), Some("2026-02-05"));
        assert_eq!(parse_date_line("2026-02-05T10:00:00Z").as_deref(), Some("2026-02-05T10:00:00"));
        assert_eq!(
            parse_date_line("Thursday, February 5, 2026 at 3:15 p.m.").as_deref(),
            Some("2026-02-05T15:15:00")
        );
        assert_eq!(
            parse_date_line("Posted on 05.02.2026 | 14:20").as_deref(),
            Some("2026-02-05T14:20:00")
        );
    }

    #[test]
    fn date_lines_of_feeds_and_sites() {
        assert_eq!(
            parse_date_line("Thu, 05 Feb 2026 10:32:00 GMT").as_deref(),
            Some("2026-02-05T10:32:00")
        );
        assert_eq!(
            parse_date_line("Last updated: 2026-02-05 10:32").as_deref(),
            Some("2026-02-05T10:32:00")
        );
        assert_eq!(
            parse_date_line("Feb 5, 2026 | 10:32 AM").as_deref(),
            Some("2026-02-05T10:32:00")
        );
        assert_eq!(parse_date_line("05/02/2026").as_deref(), Some("2026-05-02"));
    }

    #[test]
    fn prose_and_partial_dates_are_not_date_lines() {
        assert_eq!(parse_date_line("The ceasefire was signed on February 5, 2026."), None);
        assert_eq!(parse_date_line("Published: last Tuesday"), None);
        assert_eq!(parse_date_line("February 2026"), None);
        assert_eq!(parse_date_line(""), None);
    }

    #[test]
    fn reference_dates_from_users() {
        let d = Date::new(2026, 2, 5);
        assert_eq!(parse_reference("2026-02-05"), d);
        assert_eq!(parse_reference("2026-02-05T10:00:00Z"), d);
        assert_eq!(parse_reference("20260205"), d);
        assert_eq!(parse_reference("Feb. 5, 2026"), d);
        assert_eq!(parse_reference("2026-02-30"), None);
        assert_eq!(parse_reference("soon"), None);
    }
}
