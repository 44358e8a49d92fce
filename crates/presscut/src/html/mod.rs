//! HTML input: the page's bytes to the same [`Layout`] the plain-text cleaner gives, plus
//! warnings.
//!
//! ```text
//! bytes ─ decode ─ guard ─ dom (html5ever) ─ segment ─ features ─ model ─ decide ─▶ Layout
//!                                  └─ meta (JSON-LD, OpenGraph, meta tags, byline) ─┘
//! ```
//!
//! [`decode`] finds the encoding, [`guard`] bounds pathological nesting, [`dom`] builds the
//! tree, [`segment`] cuts the body into text blocks with their DOM evidence, [`features`] and
//! [`model`] score each block, and [`decide`] keeps the article, lists the rest as boilerplate
//! and falls back (with a warning) when the result is suspiciously small. [`meta`] reads what
//! the page declares about its article.

mod decide;
pub mod decode;
mod dom;
mod features;
mod guard;
mod meta;
mod model;
mod segment;

use crate::layout::Layout;

/// The article read from a page.
#[derive(Debug)]
pub struct Page {
    pub layout: Layout,
    pub warnings: Vec<String>,
}

/// How much of the page start is looked at to tell HTML from text.
const SNIFF_BYTES: usize = 4096;

/// True when `input` looks like an HTML document rather than plain text.
pub fn looks_like_html(input: &[u8]) -> bool {
    let head = &input[..input.len().min(SNIFF_BYTES)];
    let head: Vec<u8> = if let Some(enc) = decode::utf16_without_bom(head)
        .or_else(|| encoding_rs::Encoding::for_bom(head).map(|(e, _)| e))
    {
        enc.decode(head).0.bytes().collect()
    } else {
        head.to_vec()
    };
    let lower = head.to_ascii_lowercase();
    let start = lower.trim_ascii_start();
    let start = start.strip_prefix("\u{feff}".as_bytes()).unwrap_or(start).trim_ascii_start();
    if !start.starts_with(b"<") {
        return false;
    }
    let has = |needle: &[u8]| memchr::memmem::find(start, needle).is_some();
    start.starts_with(b"<!doctype html")
        || has(b"<html")
        || has(b"<body")
        || has(b"<head")
        || memchr::memmem::find_iter(start, b"<p").count()
            + memchr::memmem::find_iter(start, b"<div").count()
            >= 2
}

/// Reads the article of a page. `url` (the caller's) helps with dates in the path.
pub fn extract(input: &[u8], clean: bool, url: Option<&str>) -> Page {
    extract_with(input, clean, url, &model::MODEL)
}

/// [`extract`] with a given content model (the shipped one, or a model of the training
/// script's site-held-out validation).
fn extract_with(input: &[u8], clean: bool, url: Option<&str>, model: &Model) -> Page {
    let decoded = decode::decode(input);
    let mut warnings = decoded.warnings;
    let capped;
    let html = match guard::cap_depth(&decoded.text) {
        Some((text, dropped)) => {
            warnings.push(format!(
                "the page nests elements more than {} deep: {dropped} tags below that depth were ignored",
                guard::MAX_DEPTH
            ));
            capped = text;
            &capped
        }
        None => &decoded.text,
    };
    let dom = dom::parse(html);
    let declared = meta::declared(&dom);
    let segments = segment::segments(&dom);
    let mut page = decide::run(&dom, &declared, segments, url, model);
    warnings.append(&mut page.warnings);
    if !clean {
        // Cleaning off: the article's text as extracted, cut only into paragraphs.
        let body: Vec<&str> = page
            .layout
            .blocks
            .iter()
            .filter(|b| b.kind != crate::model::BlockKind::Title)
            .map(|b| &page.layout.text[b.start..b.end])
            .collect();
        if body.is_empty() {
            warnings.push("the page has no article text".to_owned());
        }
        let mut verbatim = crate::layout::run(&body.join("\n\n"), false);
        verbatim.metadata = std::mem::take(&mut page.layout.metadata);
        page.layout = verbatim;
    }
    Page { layout: page.layout, warnings }
}

/// A content model read from JSON, for validating models the training script fits.
pub use model::Model;

/// The article's text (blocks after the title, separated by blank lines) as [`extract`] finds
/// it with `model`: what the body scorer reads of a page.
pub fn body_with(input: &[u8], model: &Model) -> String {
    let page = extract_with(input, true, None, model);
    let l = &page.layout;
    let parts: Vec<&str> = l
        .blocks
        .iter()
        .filter(|b| b.kind != crate::model::BlockKind::Title)
        .map(|b| &l.text[b.start..b.end])
        .collect();
    parts.join("\n\n")
}

/// Feature rows of every segment of a page, for training the content model
/// (`examples/html_features`): `(segment text, features)`.
pub fn feature_rows(input: &[u8]) -> Vec<(String, Vec<f32>)> {
    let decoded = decode::decode(input);
    let html = guard::cap_depth(&decoded.text).map_or(decoded.text, |(t, _)| t);
    let dom = dom::parse(&html);
    let declared = meta::declared(&dom);
    let segments = segment::segments(&dom);
    let rows = decide::features_of(&dom, &declared, &segments);
    segments.into_iter().map(|s| s.text).zip(rows).collect()
}

/// The candidate publication days of a page with their feature rows, for training the date
/// model (`examples/html_dates`): `(YYYY-MM-DD, features)`.
pub fn date_rows(input: &[u8]) -> Vec<(String, Vec<f32>)> {
    let decoded = decode::decode(input);
    let html = guard::cap_depth(&decoded.text).map_or(decoded.text, |(t, _)| t);
    let dom = dom::parse(&html);
    let declared = meta::declared(&dom);
    let segments = segment::segments(&dom);
    let decided = decide::run(&dom, &declared, segments.clone(), None, &model::MODEL);
    meta::resolve::date_candidates(&dom, &declared, &segments, decided.anchor, None)
        .into_iter()
        .map(|c| (c.day, c.features))
        .collect()
}

/// The names of the date model's features.
pub fn date_feature_names() -> &'static [&'static str] {
    meta::published::NAMES
}

/// The names of the content model's features (segment features, then stage-2 context).
pub fn feature_names() -> (Vec<&'static str>, Vec<&'static str>) {
    (features::NAMES.to_vec(), model::CONTEXT_NAMES.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_html_documents() {
        assert!(looks_like_html(b"<!DOCTYPE html><html><body><p>x</p></body></html>"));
        assert!(looks_like_html(b"  <div><p>one</p><p>two</p></div>"));
        assert!(!looks_like_html(b"Plain text with a <b> in it"));
        assert!(!looks_like_html(b"Headline\n\nBody."));
        let utf16: Vec<u8> =
            "<html><body>x</body></html>".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(looks_like_html(&utf16));
    }
}
