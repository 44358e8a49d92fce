//! HTML input, first cut: the page as text, so that the plain-text cleaner can find the article.
//!
//! A tolerant single-pass tag scanner: the `<title>` first, then the body text in document
//! order; block elements start new lines, paragraph-like ones are separated by a blank line;
//! `script`, `style`, `noscript`, `template`, `svg` and `iframe` content is dropped;
//! character references are decoded. Main-content extraction from the DOM is the HTML issue's
//! work; this keeps HTML input useful until then.

/// True when `text` looks like an HTML document rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start();
    if !start.starts_with('<') {
        return false;
    }
    let head: String = start.chars().take(4096).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.contains("<html")
        || head.contains("<body")
        || head.contains("<head")
        || head.matches("<p").count() + head.matches("<div").count() >= 2
}

const SKIP: &[&str] = &["script", "style", "noscript", "template", "svg", "iframe", "select"];
const PARAGRAPH: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "pre",
    "figure",
    "form",
    "main",
    "hr",
];
const LINE: &[&str] = &[
    "div",
    "li",
    "dt",
    "dd",
    "tr",
    "br",
    "figcaption",
    "caption",
    "address",
    "fieldset",
    "legend",
    "option",
    "label",
    "button",
    "td",
    "th",
    "tbody",
    "thead",
    "summary",
    "details",
];

/// The visible text of an HTML page, title first.
pub fn to_text(html: &str) -> String {
    let mut out = Out::default();
    let mut title = String::new();
    let mut skip_until: Option<String> = None;
    let mut in_title = false;
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let next = memchr::memchr(b'<', &bytes[i..]).map_or(bytes.len(), |p| i + p);
            let chunk = &html[i..next];
            if in_title {
                title.push_str(chunk);
            } else if skip_until.is_none() {
                out.text(chunk);
            }
            i = next;
            continue;
        }
        // A comment, doctype or tag.
        if bytes[i..].starts_with(b"<!--") {
            i = find(html, i + 4, "-->").map_or(bytes.len(), |p| p + 3);
            continue;
        }
        let end = memchr::memchr(b'>', &bytes[i..]).map_or(bytes.len(), |p| i + p + 1);
        let tag = &html[i + 1..end.saturating_sub(1).max(i + 1)];
        i = end;
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if let Some(until) = &skip_until {
            if closing && *until == name {
                skip_until = None;
            }
            continue;
        }
        if name == "title" {
            in_title = !closing;
            continue;
        }
        if !closing && SKIP.contains(&name.as_str()) && !tag.ends_with('/') {
            skip_until = Some(name);
            continue;
        }
        if PARAGRAPH.contains(&name.as_str()) {
            out.brk(2);
        } else if LINE.contains(&name.as_str()) {
            out.brk(1);
        }
    }
    let title = collapse(&decode_entities(&title));
    let body = out.finish();
    if title.is_empty() { body } else { format!("{title}\n\n{body}") }
}

#[derive(Default)]
struct Out {
    buf: String,
    pending_break: usize,
    pending_space: bool,
}

impl Out {
    fn text(&mut self, raw: &str) {
        let decoded = decode_entities(raw);
        let mut space_before = decoded.starts_with(char::is_whitespace);
        for word in decoded.split_whitespace() {
            if self.pending_break > 0 {
                if !self.buf.is_empty() {
                    self.buf.push_str(if self.pending_break >= 2 { "\n\n" } else { "\n" });
                }
                self.pending_break = 0;
            } else if (space_before || self.pending_space)
                && !self.buf.is_empty()
                && !self.buf.ends_with('\n')
            {
                self.buf.push(' ');
            }
            self.pending_space = false;
            self.buf.push_str(word);
            space_before = true;
        }
        if decoded.ends_with(char::is_whitespace) {
            self.pending_space = true;
        }
    }

    fn brk(&mut self, n: usize) {
        self.pending_break = self.pending_break.max(n);
        self.pending_space = false;
    }

    fn finish(self) -> String {
        self.buf
    }
}

fn find(s: &str, from: usize, pat: &str) -> Option<usize> {
    s.get(from..)?.find(pat).map(|p| from + p)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes the common named character references and all numeric ones.
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map(|e| e + 1);
        let (name, consumed) = match end {
            Some(e) if rest[e..].starts_with(';') => (&rest[1..e], e + 1),
            Some(e) => (&rest[1..e], e),
            None => (&rest[1..], rest.len()),
        };
        match entity(name) {
            Some(c) if !name.is_empty() => {
                out.push(c);
                rest = &rest[consumed..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "middot" => '·',
        "bull" => '•',
        "shy" => '\u{ad}',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_html_documents() {
        assert!(looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>"));
        assert!(looks_like_html("  <div><p>one</p><p>two</p></div>"));
        assert!(!looks_like_html("Plain text with a <b> in it"));
        assert!(!looks_like_html("Headline\n\nBody."));
    }

    #[test]
    fn page_text_has_title_first_and_paragraph_breaks() {
        let html = "<html><head><title>The Title</title><script>var x = '<p>';</script></head>\
                    <body><h1>Head</h1><p>First &amp; <b>bold</b> para.</p><p>Second&nbsp;one.</p>\
                    <ul><li>a</li><li>b</li></ul><style>p{}</style></body></html>";
        assert_eq!(to_text(html), "The Title\n\nHead\n\nFirst & bold para.\n\nSecond one.\n\na\nb");
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for html in ["<", "<p", "<!--", "&#xZZ;", "&#1114112;", "<script>never closed", "&"] {
            let _ = to_text(html);
        }
        assert_eq!(decode_entities("a &unknown; b &#233;"), "a &unknown; b é");
    }
}
