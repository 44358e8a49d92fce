//! JSON-LD (`<script type="application/ld+json">`): the article object of the page and what it
//! says — headline, dates, authors, publisher, keywords, section, body.
//!
//! Blocks may hold one object, an array, or a `@graph`; `author` may be a Person object, a
//! string, an array of either, or an `@id` reference to another node of the graph.

use serde_json::Value;

/// What the page's JSON-LD says about its article.
#[derive(Clone, Debug, Default)]
pub struct LdArticle {
    pub headline: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub authors: Vec<String>,
    /// Authors given as organisations (a site crediting itself): a last resort.
    pub author_orgs: Vec<String>,
    pub publisher: Option<String>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    pub keywords: Vec<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub body: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    /// The WebPage node's `datePublished` and `dateModified` when an article node gives its own
    /// (they sometimes differ: one is the page's, one the story's).
    pub page_published: Option<String>,
    pub page_modified: Option<String>,
}

/// Types of the article object, in order of preference (schema.org's Article family).
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "LiveBlogPosting",
    "Article",
    "BlogPosting",
    "SocialMediaPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "MedicalWebPage",
    "Recipe",
    "HowTo",
];

/// Reads every JSON-LD block of the page (their raw texts) into one summary.
pub fn read(blocks: &[String]) -> LdArticle {
    let mut nodes: Vec<Value> = Vec::new();
    for raw in blocks {
        if let Some(v) = parse_lenient(raw) {
            flatten(v, &mut nodes);
        }
    }
    let mut out = LdArticle::default();
    let article = ARTICLE_TYPES
        .iter()
        .find_map(|t| nodes.iter().find(|n| has_type(n, t)))
        .or_else(|| nodes.iter().find(|n| has_type(n, "WebPage") && n.get("headline").is_some()));
    if let Some(a) = article {
        out.headline = string(a.get("headline")).or_else(|| string(a.get("name")));
        out.published = string(a.get("datePublished")).or_else(|| string(a.get("dateCreated")));
        out.modified = string(a.get("dateModified"));
        (out.authors, out.author_orgs) = people(a.get("author"), &nodes);
        out.publisher = a.get("publisher").and_then(|p| name_of(p, &nodes));
        out.section = first_string(a.get("articleSection"));
        out.keywords = list(a.get("keywords"));
        out.description = string(a.get("description"));
        out.image = image(a.get("image"));
        out.body = string(a.get("articleBody")).or_else(|| string(a.get("text")));
        out.language = string(a.get("inLanguage"));
        out.url = string(a.get("url")).or_else(|| {
            a.get("mainEntityOfPage").and_then(|m| string(Some(m)).or_else(|| string(m.get("@id"))))
        });
    }
    // Graphs often date the WebPage node rather than the article.
    if let Some(page) = nodes.iter().find(|n| has_type(n, "WebPage") || has_type(n, "ItemPage")) {
        out.page_published = string(page.get("datePublished"));
        out.page_modified = string(page.get("dateModified"));
        if out.published.is_none() {
            out.published.clone_from(&out.page_published);
        }
        if out.modified.is_none() {
            out.modified.clone_from(&out.page_modified);
        }
        if out.headline.is_none() {
            out.headline = string(page.get("headline"));
        }
    }
    if let Some(site) = nodes.iter().find(|n| has_type(n, "WebSite")) {
        out.site_name = string(site.get("name"));
    }
    if out.publisher.is_none() {
        out.publisher = nodes
            .iter()
            .find(|n| has_type(n, "NewsMediaOrganization") || has_type(n, "Organization"))
            .and_then(|o| string(o.get("name")));
    }
    out
}

/// Parses a block, forgiving what pages often get wrong: HTML comment or CDATA wrappers, and
/// raw control characters (new lines inside strings).
fn parse_lenient(raw: &str) -> Option<Value> {
    let s = raw.trim();
    let s = s.strip_prefix("<!--").unwrap_or(s);
    let s = s.strip_suffix("-->").unwrap_or(s);
    let s = s.trim().strip_prefix("//<![CDATA[").unwrap_or(s.trim());
    let s = s.strip_suffix("//]]>").unwrap_or(s).trim();
    serde_json::from_str(s).ok().or_else(|| {
        let cleaned: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        serde_json::from_str(&cleaned).ok()
    })
}

/// Every object of a block: the top-level ones, array items, and `@graph` members.
fn flatten(v: Value, out: &mut Vec<Value>) {
    let mut todo = vec![v];
    while let Some(v) = todo.pop() {
        match v {
            Value::Array(items) => todo.extend(items.into_iter().rev()),
            Value::Object(mut map) => {
                if let Some(graph) = map.remove("@graph") {
                    todo.push(graph);
                }
                if map.contains_key("@type") {
                    out.push(Value::Object(map));
                }
            }
            _ => {}
        }
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    match v.get("@type") {
        Some(Value::String(s)) => s.eq_ignore_ascii_case(t) || s.ends_with(&format!("/{t}")),
        Some(Value::Array(a)) => {
            a.iter().any(|x| x.as_str().is_some_and(|s| s.eq_ignore_ascii_case(t)))
        }
        _ => false,
    }
}

/// A non-empty string value (trimmed, entities as the page wrote them decoded).
fn string(v: Option<&Value>) -> Option<String> {
    let s = v?.as_str()?.trim();
    (!s.is_empty()).then(|| super::clean_text(s))
}

fn first_string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Array(a) => a.iter().find_map(|x| string(Some(x))),
        other => string(Some(other)),
    }
}

/// A list given as an array or as one comma-separated string.
fn list(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a.iter().filter_map(|x| string(Some(x))).collect(),
        Some(Value::String(s)) => {
            s.split(',').map(str::trim).filter(|x| !x.is_empty()).map(super::clean_text).collect()
        }
        _ => Vec::new(),
    }
}

fn image(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| image(Some(x))),
        o @ Value::Object(_) => string(o.get("url")).or_else(|| string(o.get("contentUrl"))),
        _ => None,
    }
}

/// The name of a Person or Organization given inline, by `@id`, or as a string.
fn name_of(v: &Value, nodes: &[Value]) -> Option<String> {
    match v {
        Value::String(s) => Some(super::clean_text(s.trim())).filter(|s| !s.is_empty()),
        Value::Object(o) => string(o.get("name")).or_else(|| {
            let id = o.get("@id")?.as_str()?;
            let target = nodes.iter().find(|n| n.get("@id").and_then(Value::as_str) == Some(id))?;
            string(target.get("name"))
        }),
        Value::Array(a) => a.iter().find_map(|x| name_of(x, nodes)),
        _ => None,
    }
}

/// Names of the `author` value: people, and organisations apart.
fn people(v: Option<&Value>, nodes: &[Value]) -> (Vec<String>, Vec<String>) {
    let (mut persons, mut orgs): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let items: Vec<&Value> = match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    };
    for item in items {
        let resolved = item
            .get("@id")
            .and_then(Value::as_str)
            .and_then(|id| nodes.iter().find(|n| n.get("@id").and_then(Value::as_str) == Some(id)))
            .unwrap_or(item);
        let is_org =
            ["Organization", "NewsMediaOrganization", "Corporation", "EducationalOrganization"]
                .iter()
                .any(|t| has_type(resolved, t));
        if let Some(n) = name_of(item, nodes) {
            let target = if is_org { &mut orgs } else { &mut persons };
            for part in super::authors::split_names(&n) {
                if !target.contains(&part) {
                    target.push(part);
                }
            }
        }
    }
    (persons, orgs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_in_a_graph_with_author_references() {
        let raw = r##"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"#site","name":"The Daily Example"},
            {"@type":"Person","@id":"#jane","name":"Jane Roe"},
            {"@type":["NewsArticle"],"headline":"Bridge reopens","datePublished":"2026-03-02T08:00:00Z",
             "author":[{"@id":"#jane"},{"@type":"Person","name":"John Doe"}],
             "publisher":{"@type":"Organization","name":"Example Media"},
             "keywords":"bridges, transport","articleSection":["Local"]}]}"##;
        let a = read(&[raw.to_owned()]);
        assert_eq!(a.headline.as_deref(), Some("Bridge reopens"));
        assert_eq!(a.published.as_deref(), Some("2026-03-02T08:00:00Z"));
        assert_eq!(a.authors, ["Jane Roe", "John Doe"]);
        assert_eq!(a.publisher.as_deref(), Some("Example Media"));
        assert_eq!(a.site_name.as_deref(), Some("The Daily Example"));
        assert_eq!(a.keywords, ["bridges", "transport"]);
        assert_eq!(a.section.as_deref(), Some("Local"));
    }

    #[test]
    fn broken_json_is_skipped() {
        let a = read(&[
            "{not json".to_owned(),
            "<!-- {\"@type\":\"Article\",\"headline\":\"X\"} -->".to_owned(),
        ]);
        assert_eq!(a.headline.as_deref(), Some("X"));
    }
}
