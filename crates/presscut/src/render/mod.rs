//! An Article as HTML for people to read: `Article._repr_html_()` in a notebook and
//! `presscut render` on the command line.
//!
//! The view is self-contained — inline CSS, no script, nothing loaded from anywhere — and
//! every piece of text from the article is escaped. It shows the title and metadata, the
//! article's `text` with quotes highlighted and labelled with their speaker, entity mentions
//! marked by kind, time expressions marked, and a side list of who said what.
//!
//! The text container holds exactly `Article::text`: labels are drawn by CSS (`::after` with
//! `attr()`) on empty elements, so the container's text content is the article's text and each
//! highlighted element's text is its span. Spans that cross (a date that starts inside a quote
//! and ends after it) are split into pieces that share their `data-` attribute, so the pieces
//! of one span, read in order, give its text. Spans outside the text are left unmarked and
//! counted in the view.

use std::fmt::Write as _;

use crate::model::{Article, Quote};

/// Quote text in the side list is cut after this many characters (an ellipsis follows): two
/// lines of the side column, enough to recognise the quote and follow its link.
const SIDE_QUOTE_CHARS: usize = 160;

/// Inline style of the view (`style.css`, written into every view).
const STYLE: &str = include_str!("style.css");

/// The view as an HTML fragment (a `<div>` with its own `<style>`), for notebooks.
pub fn fragment(article: &Article) -> String {
    let mut out = String::with_capacity(article.text.len() * 2 + STYLE.len() + 4096);
    out.push_str("<div class=\"presscut\"><style>");
    out.push_str(STYLE);
    out.push_str("</style>");
    header(article, &mut out);
    let prefix = format!("pc{:08x}", fnv1a(article.text.as_bytes()));
    out.push_str("<div class=\"pc-body\"><div class=\"pc-text\" data-text>");
    let skipped = marked_text(article, &prefix, &mut out);
    out.push_str("</div><aside class=\"pc-side\">");
    side(article, &prefix, skipped, &mut out);
    out.push_str("</aside></div></div>");
    out
}

/// The view as a whole HTML page (what `presscut render` writes). Its content security policy
/// forbids scripts and every load from outside the page.
pub fn page(article: &Article) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>",
    );
    escape(article.title.as_deref().unwrap_or("presscut article"), &mut out);
    out.push_str("</title></head><body>\n");
    out.push_str(&fragment(article));
    out.push_str("\n</body></html>\n");
    out
}

fn header(a: &Article, out: &mut String) {
    if let Some(title) = &a.title {
        out.push_str("<h1 class=\"pc-title\">");
        escape(title, out);
        out.push_str("</h1>");
    }
    if let Some(subtitle) = &a.subtitle {
        out.push_str("<p class=\"pc-subtitle\">");
        escape(subtitle, out);
        out.push_str("</p>");
    }
    let m = &a.metadata;
    let counts = format!(
        "{} words · {} quotes · {} entities · {} dates · {} sources",
        a.stats.words,
        a.quotes.len(),
        a.entities.len(),
        a.dates.len(),
        a.sources.len()
    );
    let rows: [(&str, Option<String>); 12] = [
        ("id", a.id.clone()),
        ("published", m.published.clone()),
        ("modified", m.modified.clone()),
        ("authors", Some(m.authors.join(", ")).filter(|s| !s.is_empty())),
        ("site", m.site_name.clone().or_else(|| m.publisher.clone())),
        ("section", m.section.clone()),
        ("dateline", m.dateline.clone()),
        ("news id", m.news_id.clone()),
        ("language", m.language.clone()),
        ("url", m.url.clone().or_else(|| m.canonical_url.clone())),
        ("found", Some(counts)),
        ("warnings", Some(a.warnings.join("; ")).filter(|s| !s.is_empty())),
    ];
    out.push_str("<dl class=\"pc-meta\">");
    for (label, value) in rows {
        if let Some(value) = value {
            let _ = write!(out, "<dt>{label}</dt><dd>");
            escape(&value, out);
            out.push_str("</dd>");
        }
    }
    out.push_str("</dl>");
}

/// A highlighted span of the text, in byte offsets.
struct Mark {
    start: usize,
    end: usize,
    /// Which comes outside when two marks share both ends: quotes, then cues, mentions, dates.
    rank: u8,
    /// The element's name and attributes, written on every piece.
    tag: &'static str,
    attrs: String,
    /// An `id` for the first piece (quotes: the side list links to them).
    anchor: Option<String>,
    /// HTML written after the last piece (a quote's speaker label).
    after: Option<String>,
}

/// Writes the text with its marks; returns how many spans were left unmarked because they do
/// not fit the text.
fn marked_text(a: &Article, prefix: &str, out: &mut String) -> usize {
    let mut spans: Vec<(usize, usize, Mark)> = Vec::new();
    for (i, q) in a.quotes.iter().enumerate() {
        spans.push((q.start, q.end, quote_mark(q, i, prefix)));
        if let Some(cue) = &q.cue {
            let attrs = format!("class=\"pc-cue\" data-cue=\"{i}\"");
            spans.push((cue.start, cue.end, Mark::simple(1, "span", attrs)));
        }
    }
    for (i, e) in a.entities.iter().enumerate() {
        let kind = kind_name(&e.kind);
        let mut attrs = format!("class=\"pc-ent pc-{kind}\" data-entity=\"{i}\" title=\"{kind}: ");
        escape(&e.name, &mut attrs);
        attrs.push('"');
        for (j, m) in e.mentions.iter().enumerate() {
            let attrs = format!("{attrs} data-mention=\"{j}\"");
            spans.push((m.start, m.end, Mark::simple(2, "span", attrs)));
        }
    }
    for (i, d) in a.dates.iter().enumerate() {
        let mut attrs =
            format!("class=\"pc-date\" data-date=\"{i}\" title=\"{}", kind_name(&d.kind));
        if let Some(value) = &d.value {
            attrs.push_str(": ");
            escape(value, &mut attrs);
        }
        attrs.push('"');
        spans.push((d.start, d.end, Mark::simple(3, "span", attrs)));
    }

    // Code points to bytes, in one pass over the text.
    let mut points: Vec<usize> = spans.iter().flat_map(|(s, e, _)| [*s, *e]).collect();
    points.sort_unstable();
    points.dedup();
    let mut bytes = Vec::with_capacity(points.len());
    let mut wanted = points.iter().copied().peekable();
    for (cp, (byte, _)) in a.text.char_indices().chain([(a.text.len(), ' ')]).enumerate() {
        while wanted.next_if_eq(&cp).is_some() {
            bytes.push((cp, byte));
        }
    }
    let to_byte = |cp: usize| bytes.binary_search_by_key(&cp, |(c, _)| *c).ok().map(|i| bytes[i].1);
    let mut skipped = 0;
    let mut marks: Vec<Mark> = Vec::with_capacity(spans.len());
    for (s, e, mut mark) in spans {
        match (to_byte(s), to_byte(e)) {
            (Some(start), Some(end)) if start < end => {
                mark.start = start;
                mark.end = end;
                marks.push(mark);
            }
            (Some(start), Some(end)) if start == end => {} // nothing to highlight
            _ => skipped += 1,
        }
    }
    marks.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)).then(x.rank.cmp(&y.rank)));
    write_marked(&a.text, &marks, out);
    skipped
}

/// Writes `text` with `marks` (sorted by start, outer first) as properly nested elements: a
/// mark that ends while marks opened inside it are still open closes them, and they reopen.
fn write_marked(text: &str, marks: &[Mark], out: &mut String) {
    let mut boundaries: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    boundaries.sort_unstable();
    boundaries.dedup();
    let mut stack: Vec<usize> = Vec::new();
    let mut next = 0;
    let mut at = 0;
    for b in boundaries {
        escape(&text[at..b], out);
        at = b;
        if let Some(lowest) = stack.iter().position(|&m| marks[m].end == b) {
            let closing: Vec<usize> = stack.drain(lowest..).collect();
            for &m in closing.iter().rev() {
                let _ = write!(out, "</{}>", marks[m].tag);
                if marks[m].end == b
                    && let Some(after) = &marks[m].after
                {
                    out.push_str(after);
                }
            }
            for m in closing.into_iter().filter(|&m| marks[m].end != b) {
                open(&marks[m], false, out);
                stack.push(m);
            }
        }
        while next < marks.len() && marks[next].start == b {
            open(&marks[next], true, out);
            stack.push(next);
            next += 1;
        }
    }
    escape(&text[at..], out);
}

fn open(mark: &Mark, first: bool, out: &mut String) {
    let _ = write!(out, "<{} {}", mark.tag, mark.attrs);
    if first && let Some(id) = &mark.anchor {
        let _ = write!(out, " id=\"{id}\"");
    }
    out.push('>');
}

impl Mark {
    fn simple(rank: u8, tag: &'static str, attrs: String) -> Mark {
        Mark { start: 0, end: 0, rank, tag, attrs, anchor: None, after: None }
    }
}

fn quote_mark(q: &Quote, i: usize, prefix: &str) -> Mark {
    let kind = kind_name(&q.kind);
    let speaker = q.speaker.as_ref().map(|s| s.name.as_str());
    let mut attrs = format!("class=\"pc-q pc-{kind}\" data-quote=\"{i}\" title=\"");
    escape(speaker.unwrap_or("speaker unknown"), &mut attrs);
    if let Some(cue) = &q.cue {
        attrs.push_str(" (");
        escape(&cue.text, &mut attrs);
        attrs.push(')');
    }
    let _ = write!(attrs, " · {kind} · confidence {:.2}\"", q.confidence);
    let mut after = format!(
        "<span class=\"pc-who{}\" data-who=\"",
        if speaker.is_none() { " pc-unknown" } else { "" }
    );
    escape(speaker.unwrap_or("?"), &mut after);
    after.push_str("\"></span>");
    Mark {
        start: 0,
        end: 0,
        rank: 0,
        tag: "mark",
        attrs,
        anchor: Some(format!("{prefix}-q{i}")),
        after: Some(after),
    }
}

/// The side list: who said what (quotes grouped by speaker, in order of first appearance),
/// the marks' key, and spans left unmarked.
fn side(a: &Article, prefix: &str, skipped: usize, out: &mut String) {
    out.push_str("<h2>Who said what</h2>");
    if a.quotes.is_empty() {
        out.push_str("<p class=\"pc-note\">No quotes found.</p>");
    }
    let mut speakers: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    for (i, q) in a.quotes.iter().enumerate() {
        let name = q.speaker.as_ref().map(|s| s.name.as_str());
        match speakers.iter_mut().find(|(n, _)| *n == name) {
            Some((_, quotes)) => quotes.push(i),
            None => speakers.push((name, vec![i])),
        }
    }
    for (name, quotes) in &speakers {
        out.push_str("<h3>");
        escape(name.unwrap_or("Speaker unknown"), out);
        let _ = write!(out, " <span class=\"pc-note\">({})</span></h3><ol>", quotes.len());
        for &i in quotes {
            let q = &a.quotes[i];
            let _ = write!(out, "<li data-side-quote=\"{i}\"><a href=\"#{prefix}-q{i}\">“");
            let short: String = q.text.chars().take(SIDE_QUOTE_CHARS).collect();
            escape(&short, out);
            if q.text.chars().nth(SIDE_QUOTE_CHARS).is_some() {
                out.push('…');
            }
            let _ = write!(
                out,
                "”</a> <span class=\"pc-note\">{} · {:.2}</span></li>",
                kind_name(&q.kind),
                q.confidence
            );
        }
        out.push_str("</ol>");
    }
    out.push_str("<h2>Key</h2><p>");
    for (kind, label) in
        [("direct", "direct quote"), ("mixed", "mixed quote"), ("indirect", "indirect quote")]
    {
        let _ = write!(
            out,
            "<span class=\"pc-key\"><mark class=\"pc-q pc-{kind}\">{label}</mark></span>"
        );
    }
    let mut kinds: Vec<String> = a.entities.iter().map(|e| kind_name(&e.kind)).collect();
    kinds.sort_unstable();
    kinds.dedup();
    for kind in kinds {
        let _ = write!(
            out,
            "<span class=\"pc-key\"><span class=\"pc-ent pc-{kind}\">{kind}</span></span>"
        );
    }
    out.push_str("<span class=\"pc-key\"><span class=\"pc-date\">date or time</span></span></p>");
    if skipped > 0 {
        let _ = write!(
            out,
            "<p class=\"pc-note\">{skipped} spans lie outside the text and are not marked.</p>"
        );
    }
}

/// The contract's name of a kind (`direct`, `person`), which is also its CSS class.
fn kind_name<T: serde::Serialize>(kind: &T) -> String {
    match serde_json::to_value(kind) {
        Ok(serde_json::Value::String(s)) => s,
        _ => "other".to_owned(),
    }
}

/// Escapes text for HTML content and double- or single-quoted attribute values.
fn escape(text: &str, out: &mut String) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(entity);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

/// FNV-1a: a short name for the article, so that the anchors of two views on one notebook
/// page differ.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, TextSpan, extract};

    fn article(text: &str) -> Article {
        extract(text, &Options { published: Some("2026-03-02".into()), ..Options::default() })
            .unwrap()
    }

    /// The text of every element with `attr="value"`, pieces joined, read off the HTML with
    /// the tags removed and the entities decoded (enough for the markup `fragment` writes).
    fn marked(html: &str, attr: &str) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let needle = format!("{attr}=\"");
        let mut rest = html;
        while let Some(at) = rest.find(&needle) {
            let value_start = at + needle.len();
            let value_end = value_start + rest[value_start..].find('"').unwrap();
            let value = rest[value_start..value_end].to_owned();
            let tag_start = rest[..at].rfind('<').unwrap();
            let name = rest[tag_start + 1..].split(' ').next().unwrap().to_owned();
            let body_start = value_end + rest[value_end..].find('>').unwrap() + 1;
            let close = format!("</{name}>");
            // Nested elements of the same name do not occur inside the marks tested here.
            let body_end = body_start + rest[body_start..].find(&close).unwrap();
            let text = strip_tags(&rest[body_start..body_end]);
            match out.iter_mut().find(|(v, _)| *v == value) {
                Some((_, t)) => t.push_str(&text),
                None => out.push((value, text)),
            }
            rest = &rest[body_end..];
        }
        out
    }

    fn strip_tags(s: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in s.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn quotes_are_highlighted_with_their_text_and_labelled_with_their_speaker() {
        let a = article(
            "Talks resume\n\nForeign Minister Anna Berg said on Monday that the talks would \
             resume in Geneva. \u{201c}We are ready,\u{201d} Berg told reporters.",
        );
        let html = fragment(&a);
        let quotes = marked(&html, "data-quote");
        assert_eq!(quotes.len(), a.quotes.len());
        for (i, q) in a.quotes.iter().enumerate() {
            assert_eq!(quotes[i], (i.to_string(), q.text.clone()));
        }
        assert!(html.contains("data-who=\"Anna Berg\""), "{html}");
        assert!(html.contains("Who said what"));
        let dates = marked(&html, "data-date");
        assert_eq!(dates, vec![("0".to_owned(), "Monday".to_owned())]);
        assert!(html.contains("class=\"pc-ent pc-person\""));
    }

    #[test]
    fn text_and_attributes_are_escaped_and_nothing_is_loaded() {
        let a = article(
            "<script>alert(1)</script> & friends\n\nMayor Ana Ruiz said \"<b>no</b>\" & left.",
        );
        let page = page(&a);
        assert!(!page.contains("<script>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends"));
        assert!(page.contains("default-src 'none'"), "the page forbids every load");
        assert!(!page.contains("src=") && !page.contains("url("));
    }

    #[test]
    fn crossing_spans_are_split_into_pieces_that_keep_their_text() {
        let mut a = article("Plain words in a row for the test of crossing spans.");
        a.quotes.clear();
        a.entities.clear();
        a.dates.clear();
        // "words in a row" and "a row for the" cross.
        a.quotes.push(Quote {
            kind: crate::QuoteKind::Indirect,
            text: "words in a row".into(),
            start: 6,
            end: 20,
            speaker: None,
            cue: None,
            confidence: 0.5,
        });
        a.dates.push(crate::TimeExpression {
            text: "a row for the".into(),
            start: 15,
            end: 28,
            kind: crate::TimeKind::Date,
            value: None,
        });
        let html = fragment(&a);
        assert_eq!(
            marked(&html, "data-quote"),
            vec![("0".to_owned(), "words in a row".to_owned())]
        );
        assert_eq!(marked(&html, "data-date"), vec![("0".to_owned(), "a row for the".to_owned())]);
        let text_start = html.find("data-text>").unwrap() + "data-text>".len();
        let text_end = html[text_start..].find("</div>").unwrap() + text_start;
        assert_eq!(strip_tags(&html[text_start..text_end]), a.text, "the text is whole");
    }

    #[test]
    fn spans_outside_the_text_are_left_unmarked_and_counted() {
        let mut a = article("A short text.");
        a.entities.clear();
        a.entities.push(crate::Entity {
            name: "Nowhere".into(),
            kind: crate::EntityKind::Location,
            roles: Vec::new(),
            mentions: vec![TextSpan { text: "x".into(), start: 40, end: 50 }],
        });
        let html = fragment(&a);
        assert!(!html.contains("data-mention"));
        assert!(html.contains("1 spans lie outside the text"), "{html}");
    }
}
