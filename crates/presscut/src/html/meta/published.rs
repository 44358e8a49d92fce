//! The published date: a learned choice among every date the page declares or shows.
//!
//! Pages give several dates — JSON-LD `datePublished` and `dateModified`, `article:*` meta
//! tags, `<time>` elements, date lines by the headline (`Updated March 3, 2025`), a date in the
//! URL — and they disagree: many show the date of their last revision as *the* date, others
//! the first publication, some a UTC day that is not the day they show. No fixed order serves
//! both kinds, so each distinct day becomes a candidate described by which sources give it,
//! whether and where the page shows it, and how it ranks against the others, and a small
//! gradient-boosted model (`data/date_model.json`, trained by `scripts/train_dates.py` with
//! whole sites held out) scores the candidates; the best one is the published date.

use std::sync::LazyLock;

use super::resolve::Anchor;
use super::{Declared, MODIFIED_KEYS, PUBLISHED_KEYS, dates, owners, segment_of};
use crate::html::dom::Dom;
use crate::html::model::Stage;
use crate::html::segment::{Segment, flag};

/// Where a candidate date comes from; one feature (and one bit) per source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Source {
    LdPublished,
    LdModified,
    MetaPublished,
    MetaModified,
    TimePublished,
    TimeModified,
    /// A date the page shows in a short line, with no revision label.
    Shown,
    /// Shown in a line labelled as a revision (`Updated …`).
    ShownUpdated,
    /// Shown in a line labelled as the publication (`Published …`).
    ShownPublished,
    Url,
    /// The UTC day of a declared time whose own day differs (late evening west of Greenwich).
    UtcDay,
}

const SOURCES: usize = 11;

impl Source {
    /// How surely a value of this source is the publication time (higher is surer).
    fn publication_rank(self) -> u8 {
        match self {
            Source::LdPublished | Source::MetaPublished => 3,
            Source::TimePublished | Source::ShownPublished => 2,
            Source::Shown | Source::Url | Source::UtcDay => 1,
            Source::LdModified
            | Source::MetaModified
            | Source::TimeModified
            | Source::ShownUpdated => 0,
        }
    }
}

/// Feature names, in the model's order (`scripts/train_dates.py` reads them from
/// `examples/html_dates`).
pub const NAMES: &[&str] = &[
    "ld_published",
    "ld_modified",
    "meta_published",
    "meta_modified",
    "time_published",
    "time_modified",
    "shown",
    "shown_updated",
    "shown_published",
    "url",
    "utc_day",
    "n_sources",
    "shown_near",
    "shown_count",
    "nearest_to_headline",
    "shown_before_body",
    "shown_in_meta_markup",
    "is_latest",
    "is_earliest",
    "log_days_after_earliest",
    "log_days_before_latest",
    "n_days",
    "page_shows_update_label",
    "page_declares_revision",
    "declared_any",
    "first_shown_position",
    "nearest_shown",
    "other_shown_near",
    "declared_published_shown",
    "n_declared_days",
    "occurrences",
];

/// The shipped date model, parsed once.
static MODEL: LazyLock<DateModel> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../../data/date_model.json"))
        .expect("data/date_model.json is a valid model")
});

#[derive(Debug, serde::Deserialize)]
struct DateModel {
    stage: Stage,
}

/// Short lines only: a date line is not a paragraph.
const SHOWN_MAX_WORDS: u32 = 30;

/// How far from the headline (in segments) a shown date counts as the article's.
const NEAR_HEADLINE: usize = 12;

/// One occurrence of a date.
struct Occurrence {
    day: String,
    /// The value as given (with time and zone when declared).
    value: String,
    source: Source,
    segment: Option<usize>,
}

/// A distinct day with its feature row and the value to report for it.
pub struct Candidate {
    pub day: String,
    pub value: String,
    pub features: Vec<f32>,
}

/// A line labelled as a revision date (`Updated`, `Aktualisiert`, `Mis à jour` …).
pub fn update_label(lower: &str) -> bool {
    [
        "updat",
        "modif",
        "aktualisiert",
        "mis à jour",
        "actualizado",
        "aggiornato",
        "revised",
        "reviewed",
        "edited",
        "refreshed",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// A line labelled as the publication date.
fn published_label(lower: &str) -> bool {
    ["published", "posted", "veröffentlicht", "publié", "publicado", "pubblicato", "erschienen"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Days since 1970-01-01 of `YYYY-MM-DD` (civil calendar; for differences only).
fn day_number(day: &str) -> Option<i64> {
    let y: i64 = day.get(0..4)?.parse().ok()?;
    let m: i64 = day.get(5..7)?.parse().ok()?;
    let d: i64 = day.get(8..10)?.parse().ok()?;
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The calendar day of a day number.
fn day_string(n: i64) -> String {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The UTC day of an ISO date-time with a zone offset, when it differs from its own day.
fn utc_day(value: &str) -> Option<String> {
    let b = value.as_bytes();
    if b.len() < 16 || b.get(10) != Some(&b'T') {
        return None;
    }
    let rest = &value[11..];
    let zone_at = rest.find(['+', '-', 'Z'])?;
    let zone = &rest[zone_at..];
    if zone.starts_with('Z') {
        return None;
    }
    let sign: i64 = if zone.starts_with('-') { -1 } else { 1 };
    let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
    let (zh, zm): (i64, i64) =
        (digits.get(0..2)?.parse().ok()?, digits.get(2..4).unwrap_or("00").parse().ok()?);
    let h: i64 = rest.get(0..2)?.parse().ok()?;
    let min: i64 = rest.get(3..5)?.parse().ok()?;
    let local = h * 60 + min;
    let utc = local - sign * (zh * 60 + zm);
    let shift = utc.div_euclid(24 * 60);
    if shift == 0 {
        return None;
    }
    Some(day_string(day_number(&value[..10])? + shift))
}

/// Every date of the page, as occurrences.
fn occurrences(
    dom: &Dom,
    d: &Declared,
    segments: &[Segment],
    urls: &[&str],
    us_order: bool,
) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let mut declare = |value: &str, source: Source, segment: Option<usize>| {
        if let Some(iso) = dates::parse(value, us_order) {
            if let Some(u) = utc_day(&iso) {
                out.push(Occurrence {
                    day: u,
                    value: iso.clone(),
                    source: Source::UtcDay,
                    segment,
                });
            }
            out.push(Occurrence { day: iso[..10].to_owned(), value: iso, source, segment });
        }
    };
    if let Some(v) = &d.ld.published {
        declare(v, Source::LdPublished, None);
    }
    if let Some(v) = &d.ld.modified {
        declare(v, Source::LdModified, None);
    }
    if let Some(v) = &d.ld.page_published {
        declare(v, Source::LdPublished, None);
    }
    if let Some(v) = &d.ld.page_modified {
        declare(v, Source::LdModified, None);
    }
    for (k, v) in &d.metas {
        if PUBLISHED_KEYS.contains(&k.as_str()) {
            declare(v, Source::MetaPublished, None);
        } else if MODIFIED_KEYS.contains(&k.as_str()) {
            declare(v, Source::MetaModified, None);
        }
    }
    if !d.times.is_empty() {
        let owners = owners(segments);
        for (node, v, modified) in &d.times {
            let source = if *modified { Source::TimeModified } else { Source::TimePublished };
            declare(v, source, segment_of(dom, &owners, *node));
        }
    }
    for (i, s) in segments.iter().enumerate() {
        if s.words > SHOWN_MAX_WORDS {
            continue;
        }
        let found = dates::find_all(&s.text, us_order);
        if found.is_empty() {
            continue;
        }
        let lower = s.text.to_lowercase();
        for (at, day) in found {
            // The label is the nearest one before the date (`Published 1 May · Updated 3 June`).
            let before = lower.get(..at.min(lower.len())).unwrap_or("");
            let tail = before.rsplit(['·', '|', '•', ';']).next().unwrap_or(before);
            let source = if update_label(tail) {
                Source::ShownUpdated
            } else if published_label(tail) {
                Source::ShownPublished
            } else {
                Source::Shown
            };
            out.push(Occurrence { value: day.clone(), day, source, segment: Some(i) });
        }
    }
    for u in urls {
        if let Some(day) = dates::in_url(u) {
            out.push(Occurrence { value: day.clone(), day, source: Source::Url, segment: None });
            break;
        }
    }
    out
}

/// The candidate days of a page with their features.
pub fn candidates(
    dom: &Dom,
    d: &Declared,
    segments: &[Segment],
    place: Anchor,
    urls: &[&str],
    us_order: bool,
) -> Vec<Candidate> {
    let occ = occurrences(dom, d, segments, urls, us_order);
    let mut days: Vec<&str> = occ.iter().map(|o| o.day.as_str()).collect();
    days.sort_unstable();
    days.dedup();
    if days.is_empty() {
        return Vec::new();
    }
    let numbers: Vec<i64> = days.iter().map(|d| day_number(d).unwrap_or(0)).collect();
    let declared_days: Vec<i64> = occ
        .iter()
        .filter(|o| {
            !matches!(o.source, Source::Shown | Source::ShownUpdated | Source::ShownPublished)
        })
        .filter_map(|o| day_number(&o.day))
        .collect();
    let (earliest, latest) =
        (numbers.iter().copied().min().unwrap_or(0), numbers.iter().copied().max().unwrap_or(0));
    let shows_update = occ.iter().any(|o| o.source == Source::ShownUpdated);
    let declared_pub = occ
        .iter()
        .find(|o| matches!(o.source, Source::LdPublished | Source::MetaPublished))
        .map(|o| o.day.as_str());
    let declared_mod = occ
        .iter()
        .find(|o| matches!(o.source, Source::LdModified | Source::MetaModified))
        .map(|o| o.day.as_str());
    let revision = declared_pub.zip(declared_mod).is_some_and(|(p, m)| p != m);
    let anchor = place.headline.or(place.body_start);
    let n_seg = segments.len().max(1) as f32;
    let is_shown = |o: &Occurrence| {
        matches!(
            o.source,
            Source::Shown
                | Source::ShownUpdated
                | Source::ShownPublished
                | Source::TimePublished
                | Source::TimeModified
        )
    };
    let distance = |i: usize| anchor.map(|a| i.abs_diff(a));
    // Each day's nearest showing to the headline.
    let nearest: Vec<Option<usize>> = days
        .iter()
        .map(|&day| {
            occ.iter()
                .filter(|o| o.day == day && is_shown(o))
                .filter_map(|o| o.segment.and_then(distance))
                .min()
        })
        .collect();
    let closest = nearest.iter().flatten().min().copied();
    let near_days = nearest.iter().filter(|x| x.is_some_and(|x| x <= NEAR_HEADLINE)).count();
    let published_shown = occ
        .iter()
        .filter(|o| matches!(o.source, Source::LdPublished | Source::MetaPublished))
        .any(|p| occ.iter().any(|o| o.day == p.day && is_shown(o)));
    let mut declared_distinct = declared_days.clone();
    declared_distinct.sort_unstable();
    declared_distinct.dedup();
    days.iter()
        .zip(&numbers)
        .zip(&nearest)
        .map(|((&day, &num), &nearest)| {
            let mine: Vec<&Occurrence> = occ.iter().filter(|o| o.day == day).collect();
            let mut has = [0f32; SOURCES];
            for o in &mine {
                has[o.source as usize] = 1.0;
            }
            let shown: Vec<usize> =
                mine.iter().filter(|o| is_shown(o)).filter_map(|o| o.segment).collect();
            let near = nearest.is_some_and(|x| x <= NEAR_HEADLINE);
            let before_body = place.body_start.is_some_and(|b| shown.iter().any(|&i| i < b));
            let in_meta = shown.iter().any(|&i| {
                segments[i].flags & (flag::TIME | flag::C_META | flag::C_AUTHOR | flag::HEADER) != 0
            });
            let mut row: Vec<f32> = has.to_vec();
            row.extend([
                has.iter().sum(),
                f32::from(u8::from(near)),
                shown.len() as f32,
                nearest.map_or(-1.0, |x| (x as f32 / 20.0).min(2.0)),
                f32::from(u8::from(before_body)),
                f32::from(u8::from(in_meta)),
                f32::from(u8::from(num == latest)),
                f32::from(u8::from(num == earliest)),
                ((num - earliest) as f32 + 1.0).ln(),
                ((latest - num) as f32 + 1.0).ln(),
                days.len() as f32,
                f32::from(u8::from(shows_update)),
                f32::from(u8::from(revision)),
                f32::from(u8::from(declared_days.contains(&num))),
                shown.iter().min().map_or(-1.0, |&i| i as f32 / n_seg),
                f32::from(u8::from(nearest.is_some() && nearest == closest)),
                (near_days - usize::from(near)) as f32,
                f32::from(u8::from(published_shown)),
                declared_distinct.len() as f32,
                mine.len() as f32,
            ]);
            debug_assert_eq!(row.len(), NAMES.len());
            // The value reported: a publication time declared for this day before a revision
            // time of the same day, then the most precise one.
            let value = mine
                .iter()
                .filter(|o| o.source != Source::UtcDay)
                .max_by_key(|o| (o.source.publication_rank(), o.value.len()))
                .map_or_else(|| day.to_owned(), |o| o.value.clone());
            Candidate { day: day.to_owned(), value, features: row }
        })
        .collect()
}

/// The published date: the best-scoring candidate.
pub fn choose(candidates: &[Candidate]) -> Option<String> {
    candidates
        .iter()
        .map(|c| (MODEL.stage.score(&c.features), c))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.value.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for d in ["1970-01-01", "2000-02-29", "2024-12-31", "2025-03-01"] {
            assert_eq!(day_string(day_number(d).unwrap_or(0)), d);
        }
        assert_eq!(
            day_number("2025-03-01").unwrap_or(0) - day_number("2025-02-28").unwrap_or(0),
            1
        );
    }

    #[test]
    fn the_utc_day_of_a_late_evening_west_of_greenwich() {
        assert_eq!(utc_day("2024-05-01T23:30:00-05:00").as_deref(), Some("2024-05-02"));
        assert_eq!(utc_day("2024-05-01T01:30:00+02:00").as_deref(), Some("2024-04-30"));
        assert_eq!(utc_day("2024-05-01T12:00:00-05:00"), None);
        assert_eq!(utc_day("2024-05-01T23:30:00Z"), None);
        assert_eq!(utc_day("2024-05-01"), None);
    }
}
