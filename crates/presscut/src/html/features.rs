//! What the content model sees of each segment: its own text (length, links, punctuation),
//! its tag and kind, the flags of its ancestors, where it sits (position, distance from the
//! headline, inside the page's best prose container) and whether the page's JSON-LD
//! `articleBody` contains its words. The order of [`NAMES`] is the model's feature order;
//! `scripts/train_html.py` reads it from `examples/html_features`.

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use html5ever::local_name;

use super::dom::{Dom, NONE, NodeId};
use super::segment::{Segment, flag};
use crate::model::BlockKind;

/// Feature names, in the model's order.
pub const NAMES: &[&str] = &[
    "log_words",
    "log_chars",
    "link_density",
    "end_punct",
    "punct_per_word",
    "comma_per_word",
    "digit_ratio",
    "cap_ratio",
    "heading_level",
    "is_list_item",
    "is_blockquote",
    "is_caption",
    "is_table",
    "owner_p",
    "owner_div",
    "owner_cell",
    "owner_li",
    "owner_section",
    "position",
    "char_position",
    "from_headline",
    "after_headline",
    "depth",
    "ld_body_overlap",
    "repeats_title",
    "log_owner_words",
    "in_best_container",
    "container_prose_share",
    "furniture_phrases",
    "all_link",
    "log_page_words",
    "prose",
    "headline_kinship",
    "log_class_repeats",
    "parent_link_density",
    "description_overlap",
    // Inherited flags (segment::flag bits 0..37), then the element's own class families.
    "f_article",
    "f_main",
    "f_article_body",
    "f_nav",
    "f_aside",
    "f_footer",
    "f_header",
    "f_form",
    "f_figure",
    "f_list",
    "f_link",
    "f_blockquote",
    "f_table",
    "f_time",
    "f_address",
    "f_button",
    "c_content",
    "c_comment",
    "c_related",
    "c_share",
    "c_ad",
    "c_nav",
    "c_footer",
    "c_sidebar",
    "c_newsletter",
    "c_author",
    "c_meta",
    "c_caption",
    "c_hidden",
    "c_header",
    "c_title",
    "c_tags",
    "c_popup",
    "c_live",
    "own_content",
    "own_comment",
    "own_related",
    "own_share",
    "own_ad",
    "own_nav",
    "own_footer",
    "own_sidebar",
    "own_newsletter",
    "own_author",
    "own_meta",
    "own_caption",
    "own_hidden",
    "own_header",
    "own_title",
    "own_tags",
    "own_popup",
    "own_live",
];

/// The flag bits reported as features, in [`NAMES`] order.
const FLAG_BITS: &[u32] = &[
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
    30, 31, 32, 33, 34, 35, 36, 37,
];
const OWN_BITS: u32 = 18;

/// Phrases of page furniture in several languages (share, subscribe, cookies, rights).
const FURNITURE: &[&str] = &[
    "©",
    "copyright",
    "all rights reserved",
    "cookie",
    "newsletter",
    "subscribe",
    "sign up",
    "log in",
    "sign in",
    "share this",
    "share on",
    "read more",
    "related",
    "advertisement",
    "comments",
    "follow us",
    "privacy policy",
    "terms of",
    "click here",
    "you may also like",
    "recommended",
    "sponsored",
    "abonnieren",
    "anmelden",
    "werbung",
    "s'abonner",
    "publicité",
    "suscríbete",
    "publicidad",
    "iscriviti",
    "pubblicità",
];

static FURNITURE_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(FURNITURE)
        .expect("furniture automaton")
});

/// Per-page context the features need.
#[derive(Debug)]
pub struct PageContext<'a> {
    pub headline: Option<usize>,
    pub title_words: HashSet<String>,
    pub ld_body_words: Option<HashSet<String>>,
    pub description_words: HashSet<String>,
    pub dom: &'a Dom,
}

/// The depth of every ancestor of `n` (itself included), nearest first.
fn ancestors(dom: &Dom, mut n: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    while n != NONE {
        out.push(n);
        n = dom.node(n).parent;
    }
    out
}

/// How close a segment is to the headline in the tree: the depth of their lowest common
/// ancestor over the headline's depth (1: siblings under the headline's parent; 0: only the
/// document in common; -1: no headline).
fn kinship(dom: &Dom, headline_path: &[NodeId], owner: NodeId) -> f32 {
    if headline_path.is_empty() {
        return -1.0;
    }
    let mut n = owner;
    while n != NONE {
        if let Some(pos) = headline_path.iter().position(|&a| a == n) {
            let lca_depth = headline_path.len() - pos;
            return lca_depth as f32 / headline_path.len() as f32;
        }
        n = dom.node(n).parent;
    }
    0.0
}

/// Segments whose holding element has the same tag and class (teaser cards, comments, menu
/// items repeat one template).
fn class_repeats(dom: &Dom, segments: &[Segment]) -> Vec<f32> {
    let key = |s: &Segment| {
        dom.element(s.owner).map(|e| (e.name.clone(), e.attr("class").unwrap_or("").to_owned()))
    };
    let mut counts: std::collections::HashMap<Option<(html5ever::LocalName, String)>, u32> =
        std::collections::HashMap::new();
    let keys: Vec<_> = segments.iter().map(key).collect();
    for k in &keys {
        *counts.entry(k.clone()).or_default() += 1;
    }
    keys.iter().map(|k| (counts.get(k).copied().unwrap_or(1) as f32).ln()).collect()
}

fn words_of(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// The lower-cased word set of a text.
pub fn word_set(s: &str) -> HashSet<String> {
    words_of(s).collect()
}

/// Reads as a sentence or more of prose: enough words, few links, sentence punctuation.
pub fn is_prose(s: &Segment) -> bool {
    s.words >= 10
        && (s.link_chars as usize) * 10 < s.text.len() * 3
        && s.text.contains(['.', '!', '?', ',', '。', '、'])
}

/// The element whose subtree holds the most prose against the non-prose text beside it
/// (each segment adds its words to every ancestor, prose positively, the rest at a third).
pub fn best_container(dom: &Dom, segments: &[Segment]) -> (NodeId, Vec<f32>) {
    let mut score = vec![0f32; dom.nodes.len()];
    let mut prose_total = 0f32;
    for s in segments {
        let v = if is_prose(s) { s.words as f32 } else { -(s.words as f32) / 3.0 };
        prose_total += if is_prose(s) { s.words as f32 } else { 0.0 };
        let mut n = s.owner;
        while n != NONE {
            score[n as usize] += v;
            n = dom.node(n).parent;
        }
    }
    let best =
        score.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).map_or(0, |(i, _)| i as NodeId);
    // Prose share of each segment's grandparent container.
    let mut prose = vec![0f32; dom.nodes.len()];
    for s in segments.iter().filter(|s| is_prose(s)) {
        let mut n = s.owner;
        while n != NONE {
            prose[n as usize] += s.words as f32;
            n = dom.node(n).parent;
        }
    }
    let share = segments
        .iter()
        .map(|s| {
            let p = dom.node(s.owner).parent;
            let g = if p == NONE { NONE } else { dom.node(p).parent };
            let g = [g, p, s.owner].into_iter().find(|&x| x != NONE).unwrap_or(s.owner);
            if prose_total > 0.0 { prose[g as usize] / prose_total } else { 0.0 }
        })
        .collect();
    (best, share)
}

fn is_inside(dom: &Dom, mut n: NodeId, ancestor: NodeId) -> bool {
    while n != NONE {
        if n == ancestor {
            return true;
        }
        n = dom.node(n).parent;
    }
    false
}

/// The feature rows of every segment of a page.
pub fn compute(segments: &[Segment], ctx: &PageContext<'_>) -> Vec<Vec<f32>> {
    let dom = ctx.dom;
    let n = segments.len().max(1) as f32;
    let total_chars: f32 = segments.iter().map(|s| s.text.len() as f32).sum::<f32>().max(1.0);
    let page_words: f32 = segments.iter().map(|s| s.words as f32).sum();
    let (best, share) = best_container(dom, segments);
    // Words per owner element.
    let mut owner_words: std::collections::HashMap<NodeId, u32> = std::collections::HashMap::new();
    // Link and all characters per parent of the holding element.
    let mut parent_links: std::collections::HashMap<NodeId, (u32, u32)> =
        std::collections::HashMap::new();
    for s in segments {
        *owner_words.entry(s.owner).or_default() += s.words;
        let e = parent_links.entry(dom.node(s.owner).parent).or_default();
        e.0 += s.link_chars;
        e.1 += s.text.len() as u32;
    }
    let headline_path = ctx.headline.map(|h| ancestors(dom, segments[h].owner)).unwrap_or_default();
    let repeats = class_repeats(dom, segments);
    let mut before = 0f32;
    let mut rows = Vec::with_capacity(segments.len());
    for (i, s) in segments.iter().enumerate() {
        let text = &s.text;
        let words = s.words.max(1) as f32;
        let owner = dom.element(s.owner).map(|e| e.name.clone());
        let is = |names: &[html5ever::LocalName]| owner.as_ref().is_some_and(|o| names.contains(o));
        let punct = text.chars().filter(|c| matches!(c, '.' | '!' | '?' | '。')).count() as f32;
        let commas = text.chars().filter(|&c| c == ',').count() as f32;
        let digits = text.chars().filter(char::is_ascii_digit).count() as f32;
        let caps =
            text.split_whitespace().filter(|w| w.starts_with(char::is_uppercase)).count() as f32;
        let ws = word_set(text);
        let overlap = match &ctx.ld_body_words {
            Some(body) if !ws.is_empty() => {
                ws.iter().filter(|w| body.contains(*w)).count() as f32 / ws.len() as f32
            }
            Some(_) => 0.0,
            None => -1.0,
        };
        let repeats_title = if ctx.title_words.is_empty() || ws.is_empty() {
            0.0
        } else {
            let inter = ws.iter().filter(|w| ctx.title_words.contains(*w)).count() as f32;
            inter / (ws.len() + ctx.title_words.len()) as f32 * 2.0
        };
        let from_headline =
            ctx.headline.map_or(0.0, |h| ((i as f32 - h as f32) / 50.0).clamp(-1.0, 1.0));
        let mut row = vec![
            words.ln(),
            (text.len() as f32).ln(),
            s.link_chars as f32 / text.len().max(1) as f32,
            f32::from(u8::from(text.ends_with(['.', '!', '?', ':', '"', '”', '»', '。', ')']))),
            punct / words,
            commas / words,
            digits / text.len().max(1) as f32,
            caps / words,
            f32::from(if s.kind == BlockKind::Heading { s.level } else { 0 }),
            f32::from(u8::from(s.kind == BlockKind::ListItem)),
            f32::from(u8::from(s.kind == BlockKind::Blockquote)),
            f32::from(u8::from(s.kind == BlockKind::Caption)),
            f32::from(u8::from(s.kind == BlockKind::Table)),
            f32::from(u8::from(is(&[local_name!("p")]))),
            f32::from(u8::from(is(&[local_name!("div")]))),
            f32::from(u8::from(is(&[local_name!("td"), local_name!("th")]))),
            f32::from(u8::from(is(&[local_name!("li"), local_name!("dd"), local_name!("dt")]))),
            f32::from(u8::from(is(&[
                local_name!("section"),
                local_name!("article"),
                local_name!("main"),
            ]))),
            i as f32 / n,
            before / total_chars,
            from_headline,
            f32::from(u8::from(ctx.headline.is_some_and(|h| i > h))),
            f32::from(s.depth) / 30.0,
            overlap,
            repeats_title,
            (owner_words.get(&s.owner).copied().unwrap_or(0) as f32 + 1.0).ln(),
            f32::from(u8::from(best != 0 && is_inside(dom, s.owner, best))),
            share[i],
            FURNITURE_MATCHER.find_iter(text.as_str()).count() as f32,
            f32::from(u8::from(s.link_chars as usize * 10 >= text.len() * 9)),
            (page_words + 1.0).ln(),
            f32::from(u8::from(is_prose(s))),
            kinship(dom, &headline_path, s.owner),
            repeats[i],
            parent_links
                .get(&dom.node(s.owner).parent)
                .map_or(0.0, |&(l, c)| l as f32 / c.max(1) as f32),
            if ctx.description_words.is_empty() || ws.is_empty() {
                0.0
            } else {
                ws.iter().filter(|w| ctx.description_words.contains(*w)).count() as f32
                    / ws.len() as f32
            },
        ];
        row.extend(FLAG_BITS.iter().map(|&b| f32::from(u8::from(s.flags >> b & 1 == 1))));
        row.extend(
            (0..OWN_BITS).map(|b| f32::from(u8::from(s.flags >> (flag::OWN_SHIFT + b) & 1 == 1))),
        );
        debug_assert_eq!(row.len(), NAMES.len());
        before += text.len() as f32;
        rows.push(row);
    }
    rows
}
