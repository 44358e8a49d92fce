//! From the page's declarations and the segments around the headline to the contract's
//! [`Metadata`], each field from its most trusted source.

use super::{Declared, MODIFIED_KEYS, credit, dates, primary_language, published};
use crate::html::dom::Dom;
use crate::html::segment::Segment;
use crate::model::Metadata;

/// How many segments before and after the headline a byline or date line is looked for in.
const BYLINE_BEFORE: usize = 4;
const BYLINE_AFTER: usize = 12;

/// How many segments before and after the article's first kept segment are looked in too.
const BODY_BEFORE: usize = 8;
const BODY_AFTER: usize = 2;

/// Where the headline and the article are among the segments.
#[derive(Debug, Clone, Copy)]
pub struct Anchor {
    pub headline: Option<usize>,
    /// The first kept segment, when there is one.
    pub body_start: Option<usize>,
    /// The last kept segment, when there is one.
    pub body_end: Option<usize>,
}

/// The page's language declaration: `<html lang>`, `og:locale`, `content-language`, JSON-LD.
fn language_declared(d: &Declared) -> Option<String> {
    d.lang
        .clone()
        .or_else(|| {
            d.meta(&["og:locale", "content-language", "language", "dc.language"]).map(str::to_owned)
        })
        .or_else(|| d.ld.language.clone())
}

/// Whether numeric dates read month first (`07/12/2014` is July 12): pages in US English or
/// declaring no language.
fn us_order(lang: Option<&str>) -> bool {
    lang.is_none_or(|l| {
        let l = l.to_ascii_lowercase().replace('_', "-");
        l == "en" || l.starts_with("en-us")
    })
}

/// The page's candidate publication days with their features (see [`published`]).
pub fn date_candidates(
    dom: &Dom,
    d: &Declared,
    segments: &[Segment],
    anchor: Anchor,
    url: Option<&str>,
) -> Vec<published::Candidate> {
    let urls: Vec<&str> = [url, d.canonical.as_deref(), d.meta(&["og:url"]), d.ld.url.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let us = us_order(language_declared(d).as_deref());
    published::candidates(dom, d, segments, anchor, &urls, us)
}

/// The page's metadata. `url` is the caller's.
pub fn metadata(
    dom: &Dom,
    d: &Declared,
    segments: &[Segment],
    anchor: Anchor,
    url: Option<&str>,
) -> Metadata {
    let mut m = Metadata::default();
    let ld = &d.ld;
    let lang_decl = language_declared(d);
    m.language = lang_decl.as_deref().and_then(primary_language);
    let us_order = us_order(lang_decl.as_deref());

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

    let parse = |v: &str| dates::parse(v, us_order);
    m.published = published::choose(&date_candidates(dom, d, segments, anchor, url));
    m.modified =
        ld.modified.as_deref().and_then(parse).or_else(|| d.meta(MODIFIED_KEYS).and_then(parse));

    m.site_name = d
        .meta(&["og:site_name", "application-name", "twitter:site:name"])
        .map(str::to_owned)
        .or_else(|| ld.site_name.clone());
    m.authors = credit::authors(dom, d, segments, &window, anchor, m.site_name.as_deref());

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
