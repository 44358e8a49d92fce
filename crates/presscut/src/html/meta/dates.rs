//! Dates as pages write them, to ISO 8601: machine forms (`2014-07-07T10:00:00Z`, RFC 2822)
//! and the date lines people read (`July 7, 2014`, `7. Juli 2014`, `7 de julio de 2014`,
//! `12/07/2014` read by the page's locale, `2014年7月7日`).

use std::sync::LazyLock;

use regex::Regex;

/// Month names and abbreviations of the languages news sites are most often written in
/// (English, German, French, Spanish, Italian, Portuguese, Dutch, Swedish/Danish/Norwegian,
/// Polish, Russian genitive), with their month number.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("jänner", 1),
    ("stycznia", 1),
    ("января", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("februari", 2),
    ("lutego", 2),
    ("февраля", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("maart", 3),
    ("mrt", 3),
    ("marca", 3),
    ("марта", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("kwietnia", 4),
    ("апреля", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mag", 5),
    ("maio", 5),
    ("mei", 5),
    ("maj", 5),
    ("maja", 5),
    ("мая", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("giu", 6),
    ("junho", 6),
    ("czerwca", 6),
    ("июня", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("luglio", 7),
    ("lug", 7),
    ("julho", 7),
    ("lipca", 7),
    ("июля", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("augustus", 8),
    ("sierpnia", 8),
    ("августа", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("września", 9),
    ("сентября", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("outubro", 10),
    ("out", 10),
    ("października", 10),
    ("октября", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("listopada", 11),
    ("ноября", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("dezembro", 12),
    ("grudnia", 12),
    ("декабря", 12),
];

/// True when `word` (lower case) names a month.
pub fn is_month(word: &str) -> bool {
    MONTHS.iter().any(|(n, _)| *n == word)
}

fn month(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    let lower = lower.trim_end_matches('.');
    MONTHS.iter().find(|(n, _)| *n == lower).map(|&(_, m)| m)
}

static MONTH_ALT: LazyLock<String> = LazyLock::new(|| {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.join("|")
});

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?))?")
        .expect("iso regex")
});

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+)?({})\.?,?\s+(?:de\s+)?(\d{{4}})",
        *MONTH_ALT
    ))
    .expect("dmy regex")
});

static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)({})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", *MONTH_ALT))
        .expect("mdy regex")
});

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})|(\d{1,2})([./-])(\d{1,2})[./-](\d{4})|(\d{4})年(\d{1,2})月(\d{1,2})日")
        .expect("numeric date regex")
});

/// Years a publication date can have.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

fn ymd(y: i32, m: u32, d: u32) -> Option<String> {
    (YEARS.contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A machine-readable date (meta tags, JSON-LD, `<time datetime>`) as ISO 8601; the time and
/// zone are kept when given. Falls back to [`find`] for human forms.
pub fn parse(value: &str, us_order: bool) -> Option<String> {
    let v = value.trim();
    if let Some(c) = ISO.captures(v) {
        let date = ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        return Some(match c.get(4) {
            Some(t) => format!("{date}T{}", t.as_str()),
            None => date,
        });
    }
    if v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit()) {
        return ymd(v[..4].parse().ok()?, v[4..6].parse().ok()?, v[6..].parse().ok()?);
    }
    find(v, us_order)
}

/// The first date written in `text` (a byline, a date line, a URL), as `YYYY-MM-DD`.
/// `us_order` reads `07/12/2014` as July 12 (pages in US English), else as 7 December.
pub fn find(text: &str, us_order: bool) -> Option<String> {
    find_all(text, us_order).into_iter().next().map(|(_, iso)| iso)
}

/// Every date written in `text`, in order, with its byte offset, as `YYYY-MM-DD`.
pub fn find_all(text: &str, us_order: bool) -> Vec<(usize, String)> {
    // A written date has a year: no digit run, no date (most lines are skipped here).
    if !text.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit)) {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    // Word boundaries by hand: pages run spans together without spaces (`Dec 17, 2025Jane`,
    // `7 min readDec 30, 2013`, `2022-11-23T08:10`), so a date may touch letters; it may not
    // touch digits, and a month name glued to a word must start a new capitalised word.
    let bounded = |r: std::ops::Range<usize>| {
        let prev = text[..r.start].chars().next_back();
        let first = text[r.start..].chars().next();
        let next = text[r.end..].chars().next();
        !prev.is_some_and(|p| p.is_ascii_digit())
            && !next.is_some_and(|n| n.is_ascii_digit())
            && !(prev.is_some_and(char::is_alphabetic)
                && first.is_some_and(char::is_alphabetic)
                && !(prev.is_some_and(char::is_lowercase) && first.is_some_and(char::is_uppercase)))
    };
    for c in DAY_MONTH_YEAR.captures_iter(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        if !bounded(m.clone()) {
            continue;
        }
        if let Some(iso) = (|| ymd(c[3].parse().ok()?, month(&c[2])?, c[1].parse().ok()?))() {
            found.push((m.start, m.end, iso));
        }
    }
    for c in MONTH_DAY_YEAR.captures_iter(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        if !bounded(m.clone()) {
            continue;
        }
        if let Some(iso) = (|| ymd(c[3].parse().ok()?, month(&c[1])?, c[2].parse().ok()?))() {
            found.push((m.start, m.end, iso));
        }
    }
    for c in NUMERIC.captures_iter(text) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        if !bounded(m.clone()) {
            continue;
        }
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let iso = if let (Some(y), Some(m), Some(d)) = (n(1), n(2), n(3)) {
            ymd(y as i32, m, d)
        } else if let (Some(y), Some(m), Some(d)) = (n(8), n(9), n(10)) {
            ymd(y as i32, m, d)
        } else if let (Some(a), Some(b), Some(y)) = (n(4), n(6), n(7)) {
            let dotted = c.get(5).is_some_and(|m| m.as_str() == ".");
            let (m, d) = if a > 12 || dotted || (!us_order && b <= 12) { (b, a) } else { (a, b) };
            ymd(y as i32, m, d)
        } else {
            None
        };
        if let Some(iso) = iso {
            found.push((m.start, m.end, iso));
        }
    }
    // Matches of different forms may overlap (`Juli 2014` inside `7. Juli 2014`): the earliest
    // start wins.
    found.sort_by_key(|f| (f.0, std::cmp::Reverse(f.1)));
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut end = 0;
    for (s, e, iso) in found {
        if s >= end || out.is_empty() {
            out.push((s, iso));
            end = e;
        }
    }
    out
}

/// A date in a URL path (`/2014/07/07/`, `/2014-07-07-`, `/20140707/`).
pub fn in_url(url: &str) -> Option<String> {
    static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|_|\.|\+|$)|/((?:19|20)\d{2})(\d{2})(\d{2})/")
            .expect("url date regex")
    });
    let decoded;
    let url = if url.contains("%2F") || url.contains("%2f") {
        decoded = url.replace("%2F", "/").replace("%2f", "/");
        decoded.as_str()
    } else {
        url
    };
    let c = URL_DATE.captures(url)?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    match (n(1), n(2), n(3)) {
        (Some(y), Some(m), Some(d)) => ymd(y as i32, m, d),
        _ => ymd(n(4)? as i32, n(5)?, n(6)?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_dates_keep_their_time() {
        assert_eq!(
            parse("2014-07-07T10:00:00+02:00", true).as_deref(),
            Some("2014-07-07T10:00:00+02:00")
        );
        assert_eq!(parse("2014-7-7", true).as_deref(), Some("2014-07-07"));
        assert_eq!(parse("Mon, 07 Jul 2014 10:00:00 GMT", true).as_deref(), Some("2014-07-07"));
        assert_eq!(parse("20140707", true).as_deref(), Some("2014-07-07"));
        assert_eq!(parse("yesterday", true), None);
    }

    #[test]
    fn date_lines_in_several_languages() {
        assert_eq!(find("Published July 7, 2014 at 10:00", true).as_deref(), Some("2014-07-07"));
        assert_eq!(find("7. Juli 2014, 10:00 Uhr", false).as_deref(), Some("2014-07-07"));
        assert_eq!(find("le 7 juillet 2014", false).as_deref(), Some("2014-07-07"));
        assert_eq!(find("7 de julio de 2014", false).as_deref(), Some("2014-07-07"));
        assert_eq!(find("Updated 3rd Sept. 2014", false).as_deref(), Some("2014-09-03"));
        assert_eq!(find("2014年7月7日", false).as_deref(), Some("2014-07-07"));
    }

    #[test]
    fn every_date_of_a_line_in_order() {
        let all = find_all("Published March 2, 2024 · Updated 4 May 2025", true);
        let days: Vec<&str> = all.iter().map(|(_, d)| d.as_str()).collect();
        assert_eq!(days, ["2024-03-02", "2025-05-04"]);
        assert!(find_all("No date in 12 words", true).is_empty());
        // Spans run together without spaces.
        assert_eq!(find("Dec 17, 2025Jane Roe", true).as_deref(), Some("2025-12-17"));
        assert_eq!(find("7 min readDec 30, 2013", true).as_deref(), Some("2013-12-30"));
        assert_eq!(find("Jane3/4/2025", true).as_deref(), Some("2025-03-04"));
        assert_eq!(find("2022-11-23T08:10+02:00", true).as_deref(), Some("2022-11-23"));
        assert_eq!(find("Amar 12, 2024", true), None);
        assert_eq!(find("112/12/20245", true), None);
    }

    #[test]
    fn numeric_dates_follow_the_locale() {
        assert_eq!(find("12/07/2014", false).as_deref(), Some("2014-07-12"));
        assert_eq!(find("12/07/2014", true).as_deref(), Some("2014-12-07"));
        assert_eq!(find("25/07/2014", true).as_deref(), Some("2014-07-25"));
        assert_eq!(find("07.12.2014", true).as_deref(), Some("2014-12-07"));
    }

    #[test]
    fn dates_in_url_paths() {
        assert_eq!(in_url("https://x.example/2025/09/04/a-story/").as_deref(), Some("2025-09-04"));
        assert_eq!(in_url("https://x.example/news/20250904/story").as_deref(), Some("2025-09-04"));
        assert_eq!(in_url("https://x.example/2025/story-123"), None);
    }
}
