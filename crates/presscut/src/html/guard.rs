//! Keeps pathological nesting away from the tree builder.
//!
//! The HTML5 tree-building algorithm scans its stack of open elements for many tags (is a `<p>`
//! open in button scope?), so a page nested 100,000 `<div>`s deep costs time quadratic in the
//! depth — half a minute. Browsers bound the depth of the tree (Chromium at 512); presscut
//! drops the start and end tags nested deeper than [`MAX_DEPTH`] before parsing, so the
//! builder's stack stays bounded and the time linear. The text inside is kept. A cheap first
//! pass measures the depth, and only a page that needs it is rewritten.

/// Elements nested deeper than this lose their tags (not their text). Real pages stay far
/// below: the deepest of the 791 WCXB dev pages is 83 levels.
pub const MAX_DEPTH: usize = 256;

/// How far down the stack an end tag looks for its start tag (mis-nested markup closes a few
/// levels at once; an end tag with no start nearby is ignored, as the tree builder mostly does).
const END_TAG_REACH: usize = 64;

/// `html` with tags nested deeper than [`MAX_DEPTH`] removed, and how many were removed, or
/// `None` when the page is shallow enough as it is.
pub fn cap_depth(html: &str) -> Option<(String, usize)> {
    let mut probe = Scanner::default();
    probe.run(html, None);
    if probe.max_depth < MAX_DEPTH {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut writer = Scanner::default();
    writer.run(html, Some(&mut out));
    Some((out, writer.dropped))
}

#[derive(Default)]
struct Scanner {
    /// Open elements: name and whether its tags were dropped.
    stack: Vec<(String, bool)>,
    max_depth: usize,
    dropped: usize,
}

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "basefont", "bgsound", "frame", "keygen",
];

/// Elements whose content is text up to their end tag.
const RAW: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// Elements a following start tag of the same name closes.
const SELF_CLOSING_SIBLINGS: &[&str] =
    &["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "rb", "rt", "rp"];

impl Scanner {
    fn run(&mut self, html: &str, mut out: Option<&mut String>) {
        let bytes = html.as_bytes();
        let mut copied = 0;
        let mut i = 0;
        while let Some(rel) = memchr::memchr(b'<', &bytes[i..]) {
            let lt = i + rel;
            let rest = &bytes[lt + 1..];
            // Comments and declarations.
            if rest.starts_with(b"!--") {
                i = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |p| p + 3);
                continue;
            }
            if rest.first().is_some_and(|&b| b == b'!' || b == b'?') {
                i = memchr::memchr(b'>', rest).map_or(bytes.len(), |p| lt + 2 + p);
                continue;
            }
            let closing = rest.first() == Some(&b'/');
            let name_start = lt + 1 + usize::from(closing);
            let name_len = bytes[name_start..]
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b':'))
                .unwrap_or(bytes.len() - name_start);
            if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
                i = lt + 1;
                continue;
            }
            let name = html[name_start..name_start + name_len].to_ascii_lowercase();
            let gt = tag_end(bytes, name_start + name_len);
            let self_closed = gt > 0 && bytes[gt - 1] == b'/';
            let end = (gt + 1).min(bytes.len());
            let drop = if closing { self.close(&name) } else { self.open(&name, self_closed) };
            if drop {
                self.dropped += 1;
                if let Some(o) = out.as_deref_mut() {
                    o.push_str(&html[copied..lt]);
                    copied = end;
                }
            }
            i = end;
            if !closing && RAW.contains(&name.as_str()) {
                // Skip to the matching end tag; its close is handled on the next round.
                let close = format!("</{name}");
                i = find_ci(bytes, i, close.as_bytes()).unwrap_or(bytes.len());
            }
            if i >= bytes.len() {
                break;
            }
        }
        if let Some(o) = out {
            o.push_str(&html[copied.min(html.len())..]);
        }
    }

    /// Records a start tag; true when it is to be dropped.
    fn open(&mut self, name: &str, self_closed: bool) -> bool {
        if VOID.contains(&name) || self_closed {
            return false;
        }
        if SELF_CLOSING_SIBLINGS.contains(&name)
            && self.stack.last().is_some_and(|(top, _)| top == name)
        {
            self.stack.pop();
        }
        let drop = self.stack.len() >= MAX_DEPTH;
        self.stack.push((name.to_owned(), drop));
        self.max_depth = self.max_depth.max(self.stack.len());
        drop
    }

    /// Records an end tag; true when its start tag was dropped.
    fn close(&mut self, name: &str) -> bool {
        let reach = self.stack.len().saturating_sub(END_TAG_REACH);
        match self.stack[reach..].iter().rposition(|(n, _)| n == name) {
            Some(p) => {
                let dropped = self.stack[reach + p].1;
                self.stack.truncate(reach + p);
                dropped
            }
            None => false,
        }
    }
}

/// The index of the `>` ending a tag whose name ends at `from` (quoted values may hold `>`).
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = 0u8;
    for (k, &b) in bytes[from..].iter().enumerate() {
        match b {
            b'"' | b'\'' if quote == 0 => quote = b,
            q if q == quote => quote = 0,
            b'>' if quote == 0 => return from + k,
            _ => {}
        }
    }
    bytes.len()
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| from + p)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(p) = find(hay, i, b"</") {
        if hay.len() >= p + needle.len() && hay[p..p + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(p);
        }
        i = p + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_left_alone() {
        assert!(cap_depth("<div><p>One<p>Two</div><script>if (a<b) {}</script>").is_none());
    }

    #[test]
    fn deep_nesting_is_cut_at_the_limit_and_the_text_kept() {
        let html = format!("{}deep text{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let (out, dropped) = cap_depth(&html).expect("rewritten");
        assert_eq!(dropped, 2 * (1000 - MAX_DEPTH));
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("deep text"));
    }

    #[test]
    fn unclosed_and_broken_tags_do_not_panic() {
        for html in ["<", "<div", "<!--", "<a href='>", "</", "<script>never closed", "<p/>"] {
            let _ = cap_depth(html);
        }
    }
}
