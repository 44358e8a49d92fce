//! The page's body as a sequence of text blocks, each with what the DOM says about it.
//!
//! One walk over the tree (no recursion): block-level elements and `<br>` end a block, inline
//! elements add to it; scripts, styles, forms controls and hidden elements are skipped. Every
//! block carries the flags of its ancestors (inside `<article>`, `<nav>`, a `class="comments"`
//! …), its link text, and the element that holds it, so that the content model and the tree
//! decisions in [`super::content`] never walk the tree again. A data table becomes one block.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use html5ever::{LocalName, local_name};

use super::dom::{Dom, Event, Kind, NodeId, ROOT};
use crate::model::BlockKind;

/// One text block of the page.
#[derive(Clone, Debug)]
pub struct Segment {
    /// The text, white space collapsed, invisible characters dropped.
    pub text: String,
    pub kind: BlockKind,
    /// 1–6 for headings, else 0.
    pub level: u8,
    /// The innermost block-level element holding the text.
    pub owner: NodeId,
    /// Characters of the text inside links.
    pub link_chars: u32,
    pub words: u32,
    /// Flags of the element and its ancestors ([`flag`]).
    pub flags: u64,
    /// Depth of the owner in the tree.
    pub depth: u16,
}

/// Ancestor flags: tags and class/id words on the path from the root to a block.
pub mod flag {
    pub const ARTICLE: u64 = 1 << 0;
    pub const MAIN: u64 = 1 << 1;
    pub const ARTICLE_BODY: u64 = 1 << 2;
    pub const NAV: u64 = 1 << 3;
    pub const ASIDE: u64 = 1 << 4;
    pub const FOOTER: u64 = 1 << 5;
    pub const HEADER: u64 = 1 << 6;
    pub const FORM: u64 = 1 << 7;
    pub const FIGURE: u64 = 1 << 8;
    pub const LIST: u64 = 1 << 9;
    pub const LINK: u64 = 1 << 10;
    pub const BLOCKQUOTE: u64 = 1 << 11;
    pub const TABLE: u64 = 1 << 12;
    pub const TIME: u64 = 1 << 13;
    pub const ADDRESS: u64 = 1 << 14;
    pub const BUTTON: u64 = 1 << 15;
    /// Class/id words, one flag per family (see `CLASS_WORDS`).
    pub const C_CONTENT: u64 = 1 << 20;
    pub const C_COMMENT: u64 = 1 << 21;
    pub const C_RELATED: u64 = 1 << 22;
    pub const C_SHARE: u64 = 1 << 23;
    pub const C_AD: u64 = 1 << 24;
    pub const C_NAV: u64 = 1 << 25;
    pub const C_FOOTER: u64 = 1 << 26;
    pub const C_SIDEBAR: u64 = 1 << 27;
    pub const C_NEWSLETTER: u64 = 1 << 28;
    pub const C_AUTHOR: u64 = 1 << 29;
    pub const C_META: u64 = 1 << 30;
    pub const C_CAPTION: u64 = 1 << 31;
    pub const C_HIDDEN: u64 = 1 << 32;
    pub const C_HEADER: u64 = 1 << 33;
    pub const C_TITLE: u64 = 1 << 34;
    pub const C_TAGS: u64 = 1 << 35;
    pub const C_POPUP: u64 = 1 << 36;
    pub const C_LIVE: u64 = 1 << 37;
    /// The same families on the block's own element (not inherited).
    pub const OWN_SHIFT: u32 = 40;
}

/// Class and id words, the family flag each sets, and whether the word counts anywhere in a
/// class name (`postcontent`, `relatedStories`) or only where a word starts (`tag` in
/// `post-tags` but not in `vintage`; `nav` in `navBar` but not in `canvas`). Matched
/// case-insensitively, the way readability matches its class patterns; the families are the
/// common vocabulary of CMS themes.
const CLASS_WORDS: &[(&str, u64, bool)] = &[
    ("article", flag::C_CONTENT, true),
    ("content", flag::C_CONTENT, true),
    ("entry", flag::C_CONTENT, false),
    ("post-body", flag::C_CONTENT, false),
    ("postbody", flag::C_CONTENT, false),
    ("story", flag::C_CONTENT, false),
    ("body", flag::C_CONTENT, false),
    ("text", flag::C_CONTENT, false),
    ("prose", flag::C_CONTENT, false),
    ("main", flag::C_CONTENT, false),
    ("comment", flag::C_COMMENT, true),
    ("disqus", flag::C_COMMENT, true),
    ("respond", flag::C_COMMENT, false),
    ("reply", flag::C_COMMENT, false),
    ("discussion", flag::C_COMMENT, false),
    ("related", flag::C_RELATED, true),
    ("recommend", flag::C_RELATED, true),
    ("more-", flag::C_RELATED, false),
    ("read-more", flag::C_RELATED, false),
    ("readmore", flag::C_RELATED, false),
    ("popular", flag::C_RELATED, false),
    ("trending", flag::C_RELATED, false),
    ("most-", flag::C_RELATED, false),
    ("teaser", flag::C_RELATED, false),
    ("card", flag::C_RELATED, false),
    ("outbrain", flag::C_RELATED, true),
    ("taboola", flag::C_RELATED, true),
    ("share", flag::C_SHARE, false),
    ("social", flag::C_SHARE, true),
    ("sharing", flag::C_SHARE, true),
    ("follow", flag::C_SHARE, false),
    ("print", flag::C_SHARE, false),
    ("advert", flag::C_AD, true),
    ("ad-", flag::C_AD, false),
    ("-ad", flag::C_AD, false),
    ("ads", flag::C_AD, false),
    ("sponsor", flag::C_AD, true),
    ("promo", flag::C_AD, false),
    ("banner", flag::C_AD, false),
    ("dfp", flag::C_AD, false),
    ("nav", flag::C_NAV, false),
    ("menu", flag::C_NAV, false),
    ("breadcrumb", flag::C_NAV, true),
    ("pagination", flag::C_NAV, true),
    ("pager", flag::C_NAV, false),
    ("skip", flag::C_NAV, false),
    ("toc", flag::C_NAV, false),
    ("footer", flag::C_FOOTER, true),
    ("copyright", flag::C_FOOTER, true),
    ("legal", flag::C_FOOTER, false),
    ("sidebar", flag::C_SIDEBAR, true),
    ("widget", flag::C_SIDEBAR, true),
    ("aside", flag::C_SIDEBAR, false),
    ("rail", flag::C_SIDEBAR, false),
    ("newsletter", flag::C_NEWSLETTER, true),
    ("subscri", flag::C_NEWSLETTER, true),
    ("signup", flag::C_NEWSLETTER, true),
    ("sign-up", flag::C_NEWSLETTER, false),
    ("author", flag::C_AUTHOR, false),
    ("byline", flag::C_AUTHOR, true),
    ("bio", flag::C_AUTHOR, false),
    ("meta", flag::C_META, false),
    ("date", flag::C_META, false),
    ("time", flag::C_META, false),
    ("posted", flag::C_META, false),
    ("caption", flag::C_CAPTION, true),
    ("credit", flag::C_CAPTION, false),
    ("figure", flag::C_CAPTION, false),
    ("photo", flag::C_CAPTION, false),
    ("image", flag::C_CAPTION, false),
    ("hidden", flag::C_HIDDEN, false),
    ("sr-only", flag::C_HIDDEN, false),
    ("visually-hidden", flag::C_HIDDEN, false),
    ("screen-reader", flag::C_HIDDEN, false),
    ("header", flag::C_HEADER, false),
    ("masthead", flag::C_HEADER, true),
    ("title", flag::C_TITLE, false),
    ("headline", flag::C_TITLE, true),
    ("tag", flag::C_TAGS, false),
    ("categor", flag::C_TAGS, false),
    ("topic", flag::C_TAGS, false),
    ("modal", flag::C_POPUP, false),
    ("popup", flag::C_POPUP, false),
    ("cookie", flag::C_POPUP, false),
    ("consent", flag::C_POPUP, true),
    ("overlay", flag::C_POPUP, false),
    ("paywall", flag::C_POPUP, true),
    ("live", flag::C_LIVE, false),
    ("update", flag::C_LIVE, false),
];

static CLASS_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(CLASS_WORDS.iter().map(|(w, _, _)| w))
        .expect("class word automaton")
});

/// The family flags of a class or id value.
fn class_flags(value: &str) -> u64 {
    let bytes = value.as_bytes();
    let mut f = 0;
    for m in CLASS_MATCHER.find_overlapping_iter(value) {
        let (_, family, anywhere) = CLASS_WORDS[m.pattern().as_usize()];
        let at_word_start = m.start() == 0 || {
            let (prev, cur) = (bytes[m.start() - 1], bytes[m.start()]);
            !prev.is_ascii_alphabetic() || (prev.is_ascii_lowercase() && cur.is_ascii_uppercase())
        };
        if anywhere || at_word_start {
            f |= family;
        }
    }
    f
}

/// How an element takes part in segmentation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Its content is never text of the page (scripts, styles, controls, hidden).
    Skip,
    /// Starts and ends a block.
    Block,
    /// A line break: ends the current block.
    Break,
    Inline,
}

fn role(name: &LocalName) -> Role {
    match *name {
        local_name!("script")
        | local_name!("style")
        | local_name!("noscript")
        | local_name!("template")
        | local_name!("iframe")
        | local_name!("select")
        | local_name!("option")
        | local_name!("textarea")
        | local_name!("input")
        | local_name!("button")
        | local_name!("head")
        | local_name!("canvas")
        | local_name!("video")
        | local_name!("audio")
        | local_name!("object")
        | local_name!("embed")
        | local_name!("map")
        | local_name!("svg")
        | local_name!("math")
        | local_name!("dialog")
        | local_name!("title")
        | local_name!("meta")
        | local_name!("link") => Role::Skip,
        local_name!("br") | local_name!("hr") => Role::Break,
        local_name!("p")
        | local_name!("div")
        | local_name!("section")
        | local_name!("article")
        | local_name!("main")
        | local_name!("header")
        | local_name!("footer")
        | local_name!("nav")
        | local_name!("aside")
        | local_name!("h1")
        | local_name!("h2")
        | local_name!("h3")
        | local_name!("h4")
        | local_name!("h5")
        | local_name!("h6")
        | local_name!("ul")
        | local_name!("ol")
        | local_name!("li")
        | local_name!("dl")
        | local_name!("dt")
        | local_name!("dd")
        | local_name!("table")
        | local_name!("tr")
        | local_name!("td")
        | local_name!("th")
        | local_name!("thead")
        | local_name!("tbody")
        | local_name!("tfoot")
        | local_name!("caption")
        | local_name!("blockquote")
        | local_name!("pre")
        | local_name!("figure")
        | local_name!("figcaption")
        | local_name!("form")
        | local_name!("fieldset")
        | local_name!("legend")
        | local_name!("address")
        | local_name!("details")
        | local_name!("summary")
        | local_name!("center")
        | local_name!("body")
        | local_name!("html")
        | local_name!("menu")
        | local_name!("hgroup")
        | local_name!("picture") => Role::Block,
        _ => Role::Inline,
    }
}

/// The tag flags an element sets for its descendants.
fn tag_flags(name: &LocalName) -> u64 {
    match *name {
        local_name!("article") => flag::ARTICLE,
        local_name!("main") => flag::MAIN,
        local_name!("nav") | local_name!("menu") => flag::NAV,
        local_name!("aside") => flag::ASIDE,
        local_name!("footer") => flag::FOOTER,
        local_name!("header") => flag::HEADER,
        local_name!("form") | local_name!("fieldset") => flag::FORM,
        local_name!("figure") | local_name!("figcaption") | local_name!("picture") => flag::FIGURE,
        local_name!("ul") | local_name!("ol") | local_name!("dl") => flag::LIST,
        local_name!("a") => flag::LINK,
        local_name!("blockquote") => flag::BLOCKQUOTE,
        local_name!("table") => flag::TABLE,
        local_name!("time") => flag::TIME,
        local_name!("address") => flag::ADDRESS,
        local_name!("button") | local_name!("label") => flag::BUTTON,
        _ => 0,
    }
}

/// What a heading, list item or caption element makes of the text inside it.
fn kind_of(name: &LocalName) -> Option<(BlockKind, u8)> {
    Some(match *name {
        local_name!("h1") => (BlockKind::Heading, 1),
        local_name!("h2") => (BlockKind::Heading, 2),
        local_name!("h3") => (BlockKind::Heading, 3),
        local_name!("h4") => (BlockKind::Heading, 4),
        local_name!("h5") => (BlockKind::Heading, 5),
        local_name!("h6") => (BlockKind::Heading, 6),
        local_name!("li") | local_name!("dt") | local_name!("dd") => (BlockKind::ListItem, 0),
        local_name!("blockquote") => (BlockKind::Blockquote, 0),
        local_name!("figcaption") | local_name!("caption") => (BlockKind::Caption, 0),
        _ => return None,
    })
}

/// True when an element is hidden from readers (`hidden`, `aria-hidden`, `display:none`).
fn hidden(e: &super::dom::Element) -> bool {
    e.attrs.iter().any(|a| match &*a.name.local {
        "hidden" => true,
        "aria-hidden" => a.value.eq_ignore_ascii_case("true"),
        "style" => {
            let v = a.value.to_ascii_lowercase();
            let v: String = v.chars().filter(|c| !c.is_whitespace()).collect();
            v.contains("display:none") || v.contains("visibility:hidden")
        }
        _ => false,
    })
}

/// A data table: rows of short cells, no nested tables or long prose cells. Its text becomes
/// one `table` block (cells joined by ` | `, rows by new lines); a layout table is walked
/// like any container.
const TABLE_MAX_CELL_WORDS: usize = 60;

fn data_table(dom: &Dom, table: NodeId) -> Option<String> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut walk = dom.walk(table);
    walk.next();
    while let Some(ev) = walk.next() {
        let Event::Enter(n) = ev else { continue };
        let Some(e) = dom.element(n) else { continue };
        match e.name {
            local_name!("table") => return None,
            local_name!("tr") => rows.push(Vec::new()),
            local_name!("td") | local_name!("th") => {
                let mut cell = String::new();
                collapse_into(&mut cell, &dom.text_of(n));
                if cell.split_whitespace().count() > TABLE_MAX_CELL_WORDS {
                    return None;
                }
                if let Some(row) = rows.last_mut() {
                    row.push(cell);
                }
                walk.skip_children();
            }
            ref other if role(other) == Role::Skip => walk.skip_children(),
            _ => {}
        }
    }
    let rows: Vec<String> = rows
        .into_iter()
        .filter(|r| r.iter().any(|c| !c.is_empty()))
        .map(|r| r.join(" | "))
        .collect();
    (rows.len() >= 2 && rows.iter().any(|r| r.contains(" | "))).then(|| rows.join("\n"))
}

/// Appends `raw` to `out` with white space collapsed to single spaces and invisible characters
/// dropped (the characters `normalize` would change), so the result needs no normalising.
pub fn collapse_into(out: &mut String, raw: &str) {
    let mut space = out.ends_with(' ') || out.is_empty();
    for c in raw.chars() {
        match c {
            '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}' => {}
            c if c.is_whitespace() => {
                if !space {
                    out.push(' ');
                    space = true;
                }
            }
            c if c.is_control() => {}
            c => {
                out.push(c);
                space = false;
            }
        }
    }
}

/// A block being collected.
#[derive(Default)]
struct Open {
    text: String,
    link_chars: usize,
}

struct Frame {
    node: NodeId,
    flags: u64,
    kind: Option<(BlockKind, u8)>,
    /// Whether this element is block-level (ends blocks when left).
    block: bool,
}

/// Cuts the page body into segments.
pub fn segments(dom: &Dom) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut stack: Vec<Frame> = vec![Frame { node: ROOT, flags: 0, kind: None, block: true }];
    let mut open = Open::default();
    let mut walk = dom.walk(ROOT);
    while let Some(ev) = walk.next() {
        match ev {
            Event::Enter(n) => match &dom.node(n).kind {
                Kind::Text(t) => {
                    let before = open.text.len();
                    collapse_into(&mut open.text, t);
                    if stack.last().is_some_and(|f| f.flags & flag::LINK != 0) {
                        open.link_chars += open.text.len() - before;
                    }
                }
                Kind::Element(e) => {
                    let r = if e.html { role(&e.name) } else { Role::Skip };
                    if r == Role::Skip || hidden(e) {
                        walk.skip_children();
                        continue;
                    }
                    if r == Role::Break {
                        flush(&mut open, &stack, &mut out);
                        continue;
                    }
                    let parent = stack.last().map_or(0, |f| f.flags);
                    let mut own = tag_flags(&e.name);
                    for attr in ["class", "id"] {
                        if let Some(v) = e.attr(attr) {
                            own |= class_flags(v);
                        }
                    }
                    if e.attr("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articleBody")) {
                        own |= flag::ARTICLE_BODY;
                    }
                    let kind = kind_of(&e.name).or_else(|| stack.last().and_then(|f| f.kind));
                    let block = r == Role::Block;
                    if block {
                        flush(&mut open, &stack, &mut out);
                    }
                    if e.name == local_name!("table")
                        && let Some(table) = data_table(dom, n)
                    {
                        let flags = parent | own | flag::TABLE;
                        stack.push(Frame { node: n, flags, kind: None, block });
                        open.text = table;
                        flush_kind(&mut open, &stack, &mut out, Some((BlockKind::Table, 0)));
                        stack.pop();
                        walk.skip_children();
                        continue;
                    }
                    let flags = (parent & ((1 << flag::OWN_SHIFT) - 1))
                        | own
                        | ((own >> 20) << flag::OWN_SHIFT);
                    stack.push(Frame { node: n, flags, kind, block });
                }
                _ => {}
            },
            Event::Leave(n) => {
                if stack.last().is_some_and(|f| f.node == n) {
                    if stack.last().is_some_and(|f| f.block) {
                        flush(&mut open, &stack, &mut out);
                    }
                    stack.pop();
                }
            }
        }
    }
    flush(&mut open, &stack, &mut out);
    out
}

fn flush(open: &mut Open, stack: &[Frame], out: &mut Vec<Segment>) {
    flush_kind(open, stack, out, None);
}

fn flush_kind(
    open: &mut Open,
    stack: &[Frame],
    out: &mut Vec<Segment>,
    kind: Option<(BlockKind, u8)>,
) {
    let text = open.text.trim();
    if text.is_empty() || !text.chars().any(char::is_alphanumeric) {
        open.text.clear();
        open.link_chars = 0;
        return;
    }
    let owner = stack.iter().rev().find(|f| f.block).map_or(ROOT, |f| f.node);
    let top = stack.last();
    let (kind, level) =
        kind.or_else(|| top.and_then(|f| f.kind)).unwrap_or((BlockKind::Paragraph, 0));
    let text = text.to_owned();
    // Scripts written without spaces (Chinese, Japanese) count about two characters a word.
    let cjk = text
        .chars()
        .filter(|c| matches!(*c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF))
        .count();
    out.push(Segment {
        words: (crate::layout::count_words(&text).max(cjk / 2)) as u32,
        link_chars: (open.link_chars as u32).min(text.len() as u32),
        text,
        kind,
        level,
        owner,
        flags: top.map_or(0, |f| f.flags),
        depth: stack.len().min(u16::MAX as usize) as u16,
    });
    open.text.clear();
    open.link_chars = 0;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::dom::parse;

    fn texts(html: &str) -> Vec<(BlockKind, String)> {
        segments(&parse(html)).into_iter().map(|s| (s.kind, s.text)).collect()
    }

    #[test]
    fn blocks_follow_block_elements_and_line_breaks() {
        let t = texts(
            "<body><h2>Sub head</h2><p>One <b>bold</b>\n word.</p><div>Line one<br>Line two</div>\
             <ul><li>Item</li></ul><script>var x = 1;</script><p hidden>Secret</p></body>",
        );
        assert_eq!(
            t,
            [
                (BlockKind::Heading, "Sub head".to_owned()),
                (BlockKind::Paragraph, "One bold word.".to_owned()),
                (BlockKind::Paragraph, "Line one".to_owned()),
                (BlockKind::Paragraph, "Line two".to_owned()),
                (BlockKind::ListItem, "Item".to_owned()),
            ]
        );
    }

    #[test]
    fn a_data_table_is_one_block_with_rows_and_cells() {
        let t = texts(
            "<table><tr><th>City</th><th>Votes</th></tr><tr><td>Lyon</td><td>1,204</td></tr></table>",
        );
        assert_eq!(t, [(BlockKind::Table, "City | Votes\nLyon | 1,204".to_owned())]);
    }

    #[test]
    fn ancestor_flags_and_class_words_are_carried() {
        let segs = segments(&parse(
            "<article><div class='post-content'><p>Body text.</p></div></article>\
             <aside class='relatedStories'><p>Other story</p></aside><div class='vintage'><p>x y</p></div>",
        ));
        assert!(segs[0].flags & flag::ARTICLE != 0 && segs[0].flags & flag::C_CONTENT != 0);
        assert!(segs[1].flags & flag::ASIDE != 0 && segs[1].flags & flag::C_RELATED != 0);
        assert_eq!(segs[2].flags & flag::C_TAGS, 0, "`tag` inside `vintage` is no class word");
    }

    #[test]
    fn link_text_is_counted() {
        let segs = segments(&parse("<p>Read <a href='#'>this story</a> now</p>"));
        assert_eq!(segs[0].link_chars as usize, "this story".len());
    }
}
