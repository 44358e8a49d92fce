//! From the page's declarations and the segments around the headline to the contract's
//! [`Metadata`], each field from its most trusted source.

use std::sync::LazyLock;

use regex::Regex;

use super::{
    AUTHOR_KEYS, Declared, MODIFIED_KEYS, PUBLISHED_KEYS, authors, dates, primary_language,
};
use crate::html::segment::{Segment, flag};
use crate::model::Metadata;

/// How many segments before and after the headline a byline or date line is looked for in.
const BYLINE_BEFORE: usize = 4;
const BYLINE_AFTER: usize = 12;

/// How many segments before and after the article's first kept segment are looked in too.
const BODY_BEFORE: usize = 8;
const BODY_AFTER: usize = 2;

/// Most words a byline or date line has.
const BYLINE_MAX_WORDS: u32 = 25;

/// Where the headline and the article are among the segments.
#[derive(Debug, Clone, Copy)]
pub struct Anchor {
    pub headline: Option<usize>,
    /// The first kept segment, when there is one.
    pub body_start: Option<usize>,
}

/// The page's metadata. `url` is the caller's.
pub fn metadata(d: &Declared, segments: &[Segment], anchor: Anchor, url: Option<&str>) -> Metadata {
    let mut m = Metadata::default();
    let ld = &d.ld;
    let lang_decl = d
        .lang
        .clone()
        .or_else(|| {
            d.meta(&["og:locale", "content-language", "language", "dc.language"]).map(str::to_owned)
        })
        .or_else(|| ld.language.clone());
    m.language = lang_decl.as_deref().and_then(primary_language);
    let us_order = lang_decl.as_deref().is_none_or(|l| {
        let l = l.to_ascii_lowercase().replace('_', "-");
        l == "en" || l.starts_with("en-us")
    });

    // Lines near the headline and just above the article's start: bylines and date lines.
    let mut window: Vec<usize> = Vec::new();
    if let Some(h) = anchor.headline {
        window.extend(h.saturating_sub(BYLINE_BEFORE)..(h + BYLINE_AFTER + 1).min(segments.len()));
    }
    if let Some(b) = anchor.body_start {
        window.extend(b.saturating_sub(BODY_BEFORE)..(b + BODY_AFTER).min(segments.len()));
    }
    if window.is_empty() {
        window.extend(0..(BYLINE_AFTER + 1).min(segments.len()));
    }
    window.sort_unstable();
    window.dedup();
    let near: Vec<&Segment> =
        window.iter().map(|&i| &segments[i]).filter(|s| s.words <= BYLINE_MAX_WORDS).collect();

    let parse = |v: &str| dates::parse(v, us_order);
    // The dates the page shows by its headline, and the ones it declares. A declared date the
    // page also shows wins (pages declare several); else the first declared one; else the
    // shown one.
    let shown: Vec<(String, bool)> =
        near.iter().filter_map(|s| date_line(&s.text, us_order)).collect();
    let first_time = d.times.iter().find(|t| !t.2).map(|t| t.1.as_str());
    let declared: Vec<String> = [ld.published.as_deref(), d.meta(PUBLISHED_KEYS), first_time]
        .into_iter()
        .flatten()
        .filter_map(parse)
        .collect();
    let shown_published = || shown.iter().filter(|s| !s.1).map(|s| &s.0);
    m.published = declared
        .iter()
        .find(|p| shown_published().any(|s| s[..10] == p[..10]))
        .or(declared.first())
        .or_else(|| shown_published().next())
        .or(shown.first().map(|s| &s.0))
        .cloned()
        .or_else(|| {
            // A date line marked as such anywhere on the page (a footer `Published on …`).
            segments
                .iter()
                .filter(|s| {
                    s.words <= BYLINE_MAX_WORDS
                        && (s.flags & (flag::TIME | flag::C_META) != 0 || labelled(&s.text))
                })
                .find_map(|s| date_line(&s.text, us_order))
                .map(|(iso, _)| iso)
        })
        .or_else(|| {
            [url, d.canonical.as_deref(), d.meta(&["og:url"]), ld.url.as_deref()]
                .into_iter()
                .flatten()
                .find_map(dates::in_url)
        });
    m.modified =
        ld.modified.as_deref().and_then(parse).or_else(|| d.meta(MODIFIED_KEYS).and_then(parse));

    m.site_name = d
        .meta(&["og:site_name", "application-name", "twitter:site:name"])
        .map(str::to_owned)
        .or_else(|| ld.site_name.clone());
    m.authors = authors_of(d, &near, m.site_name.as_deref());

    let not_url = |s: &&str| !s.starts_with("http");
    m.publisher = ld
        .publisher
        .clone()
        .or_else(|| {
            d.meta(&["article:publisher", "publisher", "dc.publisher"])
                .filter(not_url)
                .map(str::to_owned)
        })
        .or_else(|| m.site_name.clone());
    m.section =
        ld.section.clone().or_else(|| d.meta(&["article:section", "section"]).map(str::to_owned));
    let mut tags: Vec<String> = ld.keywords.clone();
    for t in d.all("article:tag") {
        tags.push(t.to_owned());
    }
    if tags.is_empty()
        && let Some(k) = d.meta(&["news_keywords", "keywords"])
    {
        tags.extend(k.split(',').map(str::trim).filter(|x| !x.is_empty()).map(str::to_owned));
    }
    let mut seen = std::collections::HashSet::new();
    tags.retain(|t| seen.insert(t.to_lowercase()));
    m.tags = tags;
    m.description = d
        .meta(&["og:description", "description", "twitter:description"])
        .map(str::to_owned)
        .or_else(|| ld.description.clone());
    m.image = d
        .meta(&["og:image", "og:image:url", "twitter:image", "twitter:image:src"])
        .map(str::to_owned)
        .or_else(|| ld.image.clone());
    m.canonical_url = d.canonical.clone().or_else(|| d.meta(&["og:url"]).map(str::to_owned));
    m
}

/// A line that says it gives a date (`Published: …`, `Last updated …`, `Veröffentlicht am …`).
fn labelled(text: &str) -> bool {
    let t = text.trim_start().to_lowercase();
    [
        "published",
        "posted",
        "updated",
        "last updated",
        "date:",
        "veröffentlicht",
        "aktualisiert",
        "publié",
        "publicado",
        "pubblicato",
    ]
    .iter()
    .any(|l| t.starts_with(l))
}

/// A date line: a short line with a date (`Published 7 July 2014`, `07/07/2014 10:00`), and
/// whether it is labelled as a revision (`Updated …`, `Aktualisiert …`).
fn date_line(text: &str, us_order: bool) -> Option<(String, bool)> {
    let iso = dates::find(text, us_order)?;
    let lower = text.to_lowercase();
    let update = [
        "updat",
        "modif",
        "aktualisiert",
        "mis à jour",
        "actualizado",
        "aggiornato",
        "revised",
        "reviewed",
        "edited",
    ]
    .iter()
    .any(|w| lower.contains(w));
    Some((iso, update))
}

/// The article's authors, from the most trusted source that names a person: JSON-LD, meta
/// tags, microdata or `rel=author`, the byline by the headline; a site crediting itself or an
/// organisation only when no person is named.
fn authors_of(d: &Declared, near: &[&Segment], site: Option<&str>) -> Vec<String> {
    let ld = &d.ld;
    let from_meta: Vec<String> = AUTHOR_KEYS
        .iter()
        .map(|k| d.all(k).flat_map(authors::split_names).collect::<Vec<_>>())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    let from_elements =
        d.author_elements.first().map(|(_, n)| authors::split_names(n)).unwrap_or_default();
    let from_byline = near
        .iter()
        .enumerate()
        .find_map(|(k, s)| byline(s, near.get(k + 1).copied()))
        .unwrap_or_default();
    let is_site = |names: &[String]| {
        let sites: Vec<&str> = [site, ld.publisher.as_deref(), ld.site_name.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        names.iter().all(|n| sites.iter().any(|s| s.eq_ignore_ascii_case(n)))
    };
    let mut fallback: Vec<String> = Vec::new();
    for names in [&ld.authors, &from_meta, &from_elements, &from_byline] {
        if names.is_empty() {
            continue;
        }
        if is_site(names) {
            if fallback.is_empty() {
                fallback.clone_from(names);
            }
            continue;
        }
        return names.clone();
    }
    if !fallback.is_empty() {
        return fallback;
    }
    ld.author_orgs.clone()
}

/// `by Jane Roe` inside a longer line (`Published 7 July 2014 by Jane Roe`).
static INLINE_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|van|von|de|der|da|di|du|la|le)){0,4})")
        .expect("inline byline regex")
});

/// Most words of a line that may hold a byline inside it.
const INLINE_BYLINE_MAX_WORDS: u32 = 16;

/// The names of a byline segment: `By …` lines, or short lines marked as an author's; a bare
/// `By` or `Written by` takes its names from the next segment.
fn byline(s: &Segment, next: Option<&Segment>) -> Option<Vec<String>> {
    if authors::is_bare_opener(&s.text) {
        let names = authors::split_names(&next?.text);
        return (!names.is_empty() && next?.words <= 8).then_some(names);
    }
    let opener = {
        let t = s.text.trim_start().to_lowercase();
        ["by ", "by:", "von ", "par ", "por ", "di ", "door ", "written by", "posted by", "autor"]
            .iter()
            .any(|p| t.starts_with(p))
    };
    let marked = s.flags & (flag::C_AUTHOR | (flag::C_AUTHOR >> 20 << flag::OWN_SHIFT)) != 0;
    if !(opener || (marked && s.words <= 8)) {
        if s.words <= INLINE_BYLINE_MAX_WORDS {
            let c = INLINE_BY.captures(&s.text)?;
            let names = authors::split_names(c.get(1)?.as_str());
            return (!names.is_empty()).then_some(names);
        }
        return None;
    }
    // A byline often runs on into the date: cut at the first digit or separator.
    let cut = s
        .text
        .find(|c: char| c.is_ascii_digit() || matches!(c, '|' | '•' | '·' | '—'))
        .unwrap_or(s.text.len());
    let names = authors::split_names(s.text[..cut].trim_end_matches([' ', ',', '-', '–']));
    (!names.is_empty()).then_some(names)
}
