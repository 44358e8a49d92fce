//! Page metadata: what the page declares about its article, read in priority order — JSON-LD,
//! OpenGraph and `article:*`, Twitter cards, `<meta name=…>`, microdata, `<time datetime>`,
//! `<link rel=canonical>`, `<html lang>`, the `<title>` — then, as last fallbacks, the byline
//! and date line near the headline and a date in the URL.

pub mod authors;
pub mod credit;
pub mod dates;
pub mod jsonld;
pub mod names;
pub mod published;
pub mod resolve;

use html5ever::local_name;

use std::collections::HashMap;

use super::dom::{Dom, Event, Kind, NONE, NodeId, ROOT};
use super::segment::{Segment, collapse_into};

/// Everything the page's markup declares, gathered in one walk.
#[derive(Debug, Default)]
pub struct Declared {
    /// `<title>`.
    pub title: Option<String>,
    /// `(key, value)` of `<meta>`: key is the lower-cased `property`, `name`, `itemprop` or
    /// `http-equiv`; value the `content` (or `datetime`).
    pub metas: Vec<(String, String)>,
    pub canonical: Option<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// Raw JSON-LD blocks.
    pub jsonld: Vec<String>,
    /// `<time datetime>` values with the element, in document order, and whether the element
    /// is marked as a revision date (`itemprop=dateModified`, `class="updated"`).
    pub times: Vec<(NodeId, String, bool)>,
    /// Names given by `itemprop=author` and `rel=author` elements in the body, with the element.
    pub author_elements: Vec<(NodeId, String)>,
    /// Links to an author's page (`/author/jane-roe`, `?author=…`) with their text (or title),
    /// with the element.
    pub author_links: Vec<(NodeId, String)>,
    /// Texts of links to the site's home page (`href="/"`): a personal site's name.
    pub home_links: Vec<String>,
    pub ld: jsonld::LdArticle,
}

impl Declared {
    /// The first non-empty value among the meta `keys`, in the order of `keys`.
    pub fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.metas.iter().find(|(mk, v)| mk == k && !v.trim().is_empty()).map(|(_, v)| v.trim())
        })
    }

    /// Every value of meta `key`.
    pub fn all(&self, key: &str) -> impl Iterator<Item = &str> {
        self.metas.iter().filter(move |(k, _)| k == key).map(|(_, v)| v.trim())
    }
}

/// Text with entities already decoded by the parser: white space collapsed, trimmed.
pub fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    collapse_into(&mut out, s);
    // JSON-LD strings sometimes carry escaped markup entities twice (`&amp;amp;`).
    let out = if out.contains('&') { decode_basic_entities(&out) } else { out };
    out.trim().to_owned()
}

/// Decodes the character references JSON-LD and meta values often carry un-decoded (escaped
/// twice by the site): numeric ones and the common named ones.
fn decode_basic_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let Some(semi) = rest.as_bytes()[..rest.len().min(12)].iter().position(|&b| b == b';')
        else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let decoded = match name {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "nbsp" => Some(' '),
            "rsquo" => Some('’'),
            "lsquo" => Some('‘'),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            "ndash" => Some('–'),
            "mdash" => Some('—'),
            "hellip" => Some('…'),
            _ => name.strip_prefix('#').and_then(|num| {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => num.parse().ok()?,
                };
                char::from_u32(code).filter(|c| !c.is_control())
            }),
        };
        if let Some(c) = decoded {
            out.push(c);
            rest = &rest[semi + 1..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// How many home-page link texts are kept (the header's brand comes first).
const HOME_LINKS: usize = 8;

/// Gathers the page's declarations in one walk over the tree.
pub fn declared(dom: &Dom) -> Declared {
    let mut d = Declared::default();
    if let Some(html) = dom.html_element() {
        d.lang = dom
            .element(html)
            .and_then(|e| e.attr("lang").or_else(|| e.attr("xml:lang")))
            .map(str::to_owned);
    }
    let mut walk = dom.walk(ROOT);
    while let Some(ev) = walk.next() {
        let Event::Enter(n) = ev else { continue };
        let Kind::Element(e) = &dom.node(n).kind else { continue };
        match e.name {
            local_name!("title") if d.title.is_none() && e.html => {
                let t = clean_text(&dom.text_of(n));
                d.title = (!t.is_empty()).then_some(t);
                walk.skip_children();
            }
            local_name!("meta") => {
                let key = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .or_else(|| e.attr("itemprop"))
                    .or_else(|| e.attr("http-equiv"));
                let value = e.attr("content").or_else(|| e.attr("datetime"));
                if let (Some(k), Some(v)) = (key, value) {
                    // `property` may hold several space-separated keys.
                    for k in k.split_whitespace() {
                        d.metas.push((k.to_ascii_lowercase(), clean_text(v)));
                    }
                }
            }
            local_name!("link") => {
                let rel = e.attr("rel").unwrap_or("");
                if rel.split_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))
                    && d.canonical.is_none()
                {
                    d.canonical =
                        e.attr("href").map(|h| h.trim().to_owned()).filter(|h| !h.is_empty());
                }
            }
            local_name!("script") => {
                if e.attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                {
                    d.jsonld.push(dom.text_of(n));
                }
                walk.skip_children();
            }
            local_name!("style") | local_name!("template") | local_name!("noscript") => {
                walk.skip_children();
            }
            local_name!("time") => {
                if let Some(v) = e.attr("datetime").or_else(|| e.attr("content")) {
                    let marks = [e.attr("itemprop"), e.attr("class")];
                    let modified = marks.into_iter().flatten().any(|m| {
                        let m = m.to_ascii_lowercase();
                        m.contains("modified") || m.contains("updated")
                    });
                    d.times.push((n, v.trim().to_owned(), modified));
                }
            }
            _ => {}
        }
        // Microdata in the body: itemprop values given as text or attributes.
        if let Some(prop) = e.attr("itemprop") {
            let prop = prop.to_ascii_lowercase();
            if e.name != local_name!("meta") {
                if let Some(v) = e.attr("content").or_else(|| e.attr("datetime")) {
                    d.metas.push((prop.clone(), clean_text(v)));
                } else if matches!(prop.as_str(), "datepublished" | "datemodified" | "headline") {
                    d.metas.push((prop.clone(), clean_text(&dom.text_of(n))));
                }
            }
            if prop == "author" || prop == "creator" {
                let name = microdata_name(dom, n);
                if !name.is_empty() {
                    d.author_elements.push((n, name));
                }
            }
        }
        if e.name == local_name!("a") {
            if e.attr("rel")
                .is_some_and(|r| r.split_whitespace().any(|x| x.eq_ignore_ascii_case("author")))
            {
                let name = clean_text(&dom.text_of(n));
                if !name.is_empty() {
                    d.author_elements.push((n, name));
                }
            }
            let href = e.attr("href").unwrap_or("").trim();
            if credit::is_author_href(href) {
                let text = clean_text(&dom.text_of(n));
                let name = if text.is_empty() {
                    e.attr("title").or_else(|| e.attr("aria-label")).map(clean_text)
                } else {
                    Some(text)
                };
                if let Some(name) = name.filter(|n| !n.is_empty()) {
                    d.author_links.push((n, name));
                }
            } else if href == "/" && d.home_links.len() < HOME_LINKS {
                let text = clean_text(&dom.text_of(n));
                if !text.is_empty() {
                    d.home_links.push(text);
                }
            }
        }
    }
    d.ld = jsonld::read(&d.jsonld);
    d
}

/// The first segment each element holds (by its `owner`).
pub fn owners(segments: &[Segment]) -> HashMap<NodeId, usize> {
    let mut map = HashMap::with_capacity(segments.len());
    for (i, s) in segments.iter().enumerate() {
        map.entry(s.owner).or_insert(i);
    }
    map
}

/// The segment holding element `n`: that of its nearest ancestor owning one.
pub fn segment_of(dom: &Dom, owners: &HashMap<NodeId, usize>, mut n: NodeId) -> Option<usize> {
    while n != NONE {
        if let Some(&i) = owners.get(&n) {
            return Some(i);
        }
        n = dom.node(n).parent;
    }
    None
}

/// The name of an `itemprop=author` element: its `itemprop=name` descendant, else its text.
fn microdata_name(dom: &Dom, n: NodeId) -> String {
    for ev in dom.walk(n) {
        if let Event::Enter(c) = ev
            && let Some(e) = dom.element(c)
            && c != n
            && e.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("name"))
        {
            return e.attr("content").map_or_else(|| clean_text(&dom.text_of(c)), clean_text);
        }
    }
    dom.element(n)
        .and_then(|e| e.attr("content"))
        .map_or_else(|| clean_text(&dom.text_of(n)), clean_text)
}

/// The primary language subtag of a declaration (`en-US`, `en_GB`, `EN` → `en`).
pub fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase()))
        .then_some(primary)
}

/// Meta keys for the publication date, in order of trust.
pub const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "article:published",
    "parsely-pub-date",
    "sailthru.date",
    "publish-date",
    "published-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "publication_date",
    "date.published",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "date",
    "published",
    "w-published-date",
    "article.published",
    "release_date",
];

/// Meta keys for the last revision.
pub const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "datemodified",
    "og:updated_time",
    "article:modified",
    "dcterms.modified",
    "last-modified",
    "modified-time",
    "modified-date",
];

/// Meta keys naming authors.
pub const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "citation_author",
    "citation_authors",
    "byl",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_are_gathered_in_one_walk() {
        let dom = super::super::dom::parse(
            "<html lang='en-GB'><head><title>Bridge reopens | Example</title>\
             <meta property='og:title' content='Bridge reopens'>\
             <meta property='article:published_time' content='2026-03-02T08:00:00Z'>\
             <link rel='canonical' href='https://example.com/bridge'></head>\
             <body><span itemprop='author'><span itemprop='name'>Jane Roe</span></span>\
             <time datetime='2026-03-02'>2 March</time></body></html>",
        );
        let d = declared(&dom);
        assert_eq!(d.title.as_deref(), Some("Bridge reopens | Example"));
        assert_eq!(d.meta(&["og:title"]), Some("Bridge reopens"));
        assert_eq!(d.meta(PUBLISHED_KEYS), Some("2026-03-02T08:00:00Z"));
        assert_eq!(d.canonical.as_deref(), Some("https://example.com/bridge"));
        assert_eq!(primary_language(d.lang.as_deref().unwrap_or("")).as_deref(), Some("en"));
        assert_eq!(d.author_elements.len(), 1);
        assert_eq!(d.author_elements[0].1, "Jane Roe");
        assert_eq!(d.times.len(), 1);
    }

    #[test]
    fn twice_escaped_references_are_decoded() {
        assert_eq!(
            clean_text("SF&#x27;s best &amp; brightest&#8217;s &bogus; & more"),
            "SF's best & brightest’s &bogus; & more"
        );
        assert_eq!(clean_text("a & b – c; d"), "a & b – c; d");
    }
}
