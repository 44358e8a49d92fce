//! Which segments are the article: the content model's scores decoded into the best stretch of
//! the page, the headline and deck found, the rest listed as boilerplate with a kind — and the
//! fallbacks that keep an article from being lost silently.

use std::collections::HashSet;

use super::dom::Dom;
use super::features::{self, PageContext, is_prose, word_set};
use super::meta::{Declared, resolve};
use super::model::Model;
use super::segment::{Segment, flag};
use crate::layout::best_region;
use crate::layout::{Layout, LayoutBlock};
use crate::model::{BlockKind, Boilerplate, BoilerplateKind};

/// The article decided, with warnings.
#[derive(Debug)]
pub struct Decided {
    pub layout: Layout,
    /// Where the headline and the article's first block are among the segments.
    pub anchor: resolve::Anchor,
    pub warnings: Vec<String>,
}

/// The JSON-LD `articleBody` replaces the extracted text when the extracted text has less than
/// this share of its words (the markup's article was missed: script-rendered pages, paywalls).
const LD_BODY_MIN_SHARE: f32 = 0.5;

/// JSON-LD bodies shorter than this many words are teasers, not the article.
const LD_BODY_MIN_WORDS: usize = 80;

/// Pages of at most this many segments are a fragment, not a page with furniture: the model,
/// trained on whole pages, has nothing to separate, and every segment that is not a link list,
/// navigation or footer is kept (as the text cleaner does with a few lines).
const SMALL_PAGE_SEGMENTS: usize = 6;

/// Below this share of the page's prose words the result gets a warning.
const SMALL_BODY_SHARE: f32 = 0.2;

/// Pages with fewer prose words than this are too small to warn about a small share.
const SMALL_BODY_MIN_PAGE_WORDS: u32 = 300;

/// The headline: its segment (when the page shows it) and its text.
#[derive(Debug, Default)]
struct Headline {
    index: Option<usize>,
    text: Option<String>,
}

/// Separators between a headline and a site name in `<title>` and `og:title`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / "];

/// `title` without the site's name: parts equal to a known site name go, else the longest part
/// is kept when one part is clearly the headline.
fn strip_site(title: &str, site_names: &[&str]) -> String {
    for sep in TITLE_SEPARATORS {
        if !title.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = title.split(sep).map(str::trim).filter(|p| !p.is_empty()).collect();
        let is_site = |p: &str| site_names.iter().any(|s| s.eq_ignore_ascii_case(p));
        let kept: Vec<&str> = parts.iter().copied().filter(|p| !is_site(p)).collect();
        if kept.len() < parts.len() && !kept.is_empty() {
            return kept.join(sep);
        }
        // Unknown site name: the last (or first) short part is taken for one.
        if parts.len() >= 2 {
            let words = |p: &str| p.split_whitespace().count();
            let (first, last) = (parts[0], parts[parts.len() - 1]);
            if words(last) <= 4 && words(first) > words(last) {
                return parts[..parts.len() - 1].join(sep);
            }
            if words(first) <= 3 && words(last) > 2 * words(first) {
                return parts[1..].join(sep);
            }
        }
    }
    title.to_owned()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.iter().filter(|w| b.contains(*w)).count() as f32;
    inter / (a.len() as f32 + b.len() as f32 - inter)
}

/// Overlap as the share of the smaller set's words found in the other.
fn containment(a: &HashSet<String>, b: &HashSet<String>) -> f32 {
    let (small, big) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    small.iter().filter(|w| big.contains(*w)).count() as f32 / small.len() as f32
}

/// Segments that can be the shown headline: headings and title-classed lines, outside rails.
fn headline_candidate(s: &Segment) -> bool {
    let outside = flag::NAV | flag::FOOTER | flag::ASIDE | flag::C_COMMENT;
    (s.kind == BlockKind::Heading || s.flags & flag::C_TITLE != 0)
        && s.flags & outside == 0
        && (1..=40).contains(&s.words)
}

fn find_headline(d: &Declared, segments: &[Segment]) -> Headline {
    let sites: Vec<&str> = [
        d.meta(&["og:site_name", "application-name"]),
        d.ld.site_name.as_deref(),
        d.ld.publisher.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let declared_titles: Vec<String> = [
        d.ld.headline.clone(),
        d.meta(&["og:title"]).map(|t| strip_site(t, &sites)),
        d.meta(&["twitter:title"]).map(|t| strip_site(t, &sites)),
        d.meta(&["headline"]).map(str::to_owned),
        d.title.as_deref().map(|t| strip_site(t, &sites)),
    ]
    .into_iter()
    .flatten()
    .filter(|t| !t.is_empty())
    .collect();
    let sets: Vec<HashSet<String>> = declared_titles.iter().map(|t| word_set(t)).collect();
    // The shown headline: the first h1 agreeing with a declared title, else any heading that
    // does, else the first h1.
    let agrees = |s: &Segment| {
        let ws = word_set(&s.text);
        sets.iter().any(|t| {
            jaccard(&ws, t) >= 0.6 || (containment(&ws, t) >= 0.9 && ws.len() * 3 >= t.len())
        })
    };
    let h1s: Vec<usize> = (0..segments.len())
        .filter(|&i| {
            segments[i].kind == BlockKind::Heading
                && segments[i].level == 1
                && headline_candidate(&segments[i])
        })
        .collect();
    let index = h1s
        .iter()
        .copied()
        .find(|&i| agrees(&segments[i]))
        .or_else(|| {
            (0..segments.len()).find(|&i| headline_candidate(&segments[i]) && agrees(&segments[i]))
        })
        .or_else(|| h1s.first().copied().filter(|_| sets.is_empty() || h1s.len() == 1));
    let text = index.map(|i| segments[i].text.clone()).or_else(|| declared_titles.first().cloned());
    Headline { index, text }
}

fn context<'a>(dom: &'a Dom, d: &Declared, segments: &[Segment]) -> (Headline, PageContext<'a>) {
    let head = find_headline(d, segments);
    let ld_body_words =
        d.ld.body
            .as_deref()
            .filter(|b| b.split_whitespace().count() >= LD_BODY_MIN_WORDS)
            .map(word_set);
    let ctx = PageContext {
        headline: head.index,
        title_words: head.text.as_deref().map(word_set).unwrap_or_default(),
        ld_body_words,
        description_words: d
            .meta(&["og:description", "description", "twitter:description"])
            .map(word_set)
            .unwrap_or_default(),
        dom,
    };
    (head, ctx)
}

/// The content model's features of every segment (for training).
pub fn features_of(dom: &Dom, d: &Declared, segments: &[Segment]) -> Vec<Vec<f32>> {
    let (_, ctx) = context(dom, d, segments);
    features::compute(segments, &ctx)
}

/// What a removed segment was, from its ancestors' tags and class words.
fn boilerplate_kind(s: &Segment) -> BoilerplateKind {
    let f = s.flags;
    if f & (flag::NAV | flag::C_NAV) != 0 {
        BoilerplateKind::Navigation
    } else if f & flag::C_SHARE != 0 {
        BoilerplateKind::Share
    } else if f & flag::C_AD != 0 {
        BoilerplateKind::Advertisement
    } else if f & flag::C_NEWSLETTER != 0 {
        BoilerplateKind::Newsletter
    } else if f & (flag::FORM | flag::C_COMMENT) != 0 && f & flag::FORM != 0 {
        BoilerplateKind::CommentForm
    } else if f & (flag::C_RELATED | flag::C_SIDEBAR | flag::ASIDE) != 0 {
        BoilerplateKind::Related
    } else if f & (flag::FOOTER | flag::C_FOOTER) != 0 {
        BoilerplateKind::Footer
    } else if f & (flag::C_AUTHOR | flag::C_META | flag::TIME | flag::ADDRESS) != 0 {
        BoilerplateKind::Metadata
    } else {
        BoilerplateKind::Other
    }
}

/// Structural repairs of the model's decision: a short heading between two kept blocks opens
/// a section of the article; a paragraph of prose next to a kept one under the same parent
/// element is the article's too (articles keep their paragraphs side by side).
fn repair(segments: &[Segment], keep: &mut [bool], headline: Option<usize>, dom: &Dom) {
    let parent = |i: usize| dom.node(segments[i].owner).parent;
    let n = segments.len();
    for i in 0..n {
        if keep[i] || Some(i) == headline {
            continue;
        }
        let s = &segments[i];
        let prev_kept = i > 0 && keep[i - 1];
        let next_kept = i + 1 < n && keep[i + 1];
        let heading = s.kind == BlockKind::Heading && s.level >= 2 && s.words <= 20;
        let sibling_prose = is_prose(s)
            && ((prev_kept && parent(i - 1) == parent(i))
                || (next_kept && parent(i + 1) == parent(i)))
            && s.flags & (flag::C_COMMENT | flag::C_RELATED | flag::ASIDE) == 0;
        if (heading && prev_kept && next_kept) || sibling_prose {
            keep[i] = true;
        }
    }
}

/// Decides the article of a segmented page.
pub fn run(
    dom: &Dom,
    d: &Declared,
    segments: Vec<Segment>,
    url: Option<&str>,
    model: &Model,
) -> Decided {
    let mut warnings = Vec::new();
    let (head, ctx) = context(dom, d, &segments);
    let rows = features::compute(&segments, &ctx);
    let probs = model.predict(&rows);
    let weights: Vec<f32> = segments.iter().map(|s| s.words.max(1) as f32).collect();
    let (start, end) = best_region(&probs, &weights, model.region_threshold);
    let title_words = ctx.title_words.clone();
    let mut keep: Vec<bool> = (0..segments.len())
        .map(|i| {
            (start..end).contains(&i)
                && probs[i] > model.keep_threshold
                && Some(i) != head.index
                && !(segments[i].words <= 40
                    && jaccard(&word_set(&segments[i].text), &title_words) >= 0.8)
        })
        .collect();

    if segments.len() <= SMALL_PAGE_SEGMENTS {
        for (i, s) in segments.iter().enumerate() {
            let furniture = s.flags & (flag::NAV | flag::FOOTER | flag::C_NAV | flag::C_FOOTER)
                != 0
                || s.link_chars as usize * 2 > s.text.len();
            keep[i] = Some(i) != head.index && !furniture;
        }
    }
    repair(&segments, &mut keep, head.index, dom);
    let page_prose: u32 = segments.iter().filter(|s| is_prose(s)).map(|s| s.words).sum();
    let kept_words = |keep: &[bool]| -> u32 {
        segments.iter().zip(keep).filter(|(_, k)| **k).map(|(s, _)| s.words).sum()
    };
    let mut body_override: Option<Vec<String>> = None;
    let ld_words = d.ld.body.as_deref().map_or(0, |b| b.split_whitespace().count());
    if ld_words >= LD_BODY_MIN_WORDS
        && (kept_words(&keep) as f32) < LD_BODY_MIN_SHARE * ld_words as f32
    {
        warnings.push(format!(
            "the article found in the page's markup ({} words) is much shorter than its JSON-LD articleBody ({ld_words} words): the articleBody is used",
            kept_words(&keep)
        ));
        body_override = d.ld.body.as_deref().map(|b| {
            b.split('\n').map(super::meta::clean_text).filter(|p| !p.is_empty()).collect()
        });
        keep.fill(false);
    } else if kept_words(&keep) == 0 && page_prose > 0 {
        warnings.push(
            "the content model found no article on the page: every paragraph-like block is kept"
                .to_owned(),
        );
        for (k, s) in keep.iter_mut().zip(&segments) {
            *k = is_prose(s);
        }
    } else if page_prose >= SMALL_BODY_MIN_PAGE_WORDS
        && (kept_words(&keep) as f32) < SMALL_BODY_SHARE * page_prose as f32
    {
        warnings.push(format!(
            "the article body ({} words) is much shorter than the page's text ({page_prose} words of paragraphs)",
            kept_words(&keep)
        ));
    }

    let body_start = keep.iter().position(|&k| k);
    let body_end = keep.iter().rposition(|&k| k);
    let anchor = resolve::Anchor { headline: head.index, body_start, body_end };
    let metadata = resolve::metadata(dom, d, &segments, anchor, url);

    // The deck: a sentence-long line just below the headline that the description repeats.
    let subtitle = head.index.and_then(|h| {
        let desc = metadata.description.as_deref().map(word_set)?;
        (h + 1..(h + 4).min(segments.len())).find(|&i| {
            (6..=80).contains(&segments[i].words)
                && jaccard(&word_set(&segments[i].text), &desc) >= 0.6
        })
    });

    let mut layout = Layout { title: head.text.clone(), metadata, ..Layout::default() };
    let push = |layout: &mut Layout, kind: BlockKind, text: &str| {
        if !layout.text.is_empty() {
            layout.text.push_str("\n\n");
        }
        let start = layout.text.len();
        layout.text.push_str(text);
        layout.blocks.push(LayoutBlock { kind, start, end: layout.text.len() });
    };
    if let Some(t) = &head.text {
        push(&mut layout, BlockKind::Title, t);
    }
    if let Some(s) = subtitle {
        layout.subtitle = Some(segments[s].text.clone());
        push(&mut layout, BlockKind::Subtitle, &segments[s].text);
        keep[s] = false;
    }
    if let Some(paragraphs) = &body_override {
        for p in paragraphs {
            push(&mut layout, BlockKind::Paragraph, p);
        }
    }
    for (i, s) in segments.into_iter().enumerate() {
        if keep[i] {
            let kind = match s.kind {
                BlockKind::Title | BlockKind::Subtitle => BlockKind::Paragraph,
                k => k,
            };
            push(&mut layout, kind, &s.text);
        } else if Some(i) == subtitle {
        } else if Some(i) == head.index {
            if head.text.as_deref() != Some(s.text.as_str()) {
                layout
                    .boilerplate
                    .push(Boilerplate { kind: BoilerplateKind::RepeatedTitle, text: s.text });
            }
        } else {
            let kind = if jaccard(&word_set(&s.text), &title_words) >= 0.8 && s.words <= 40 {
                BoilerplateKind::RepeatedTitle
            } else {
                boilerplate_kind(&s)
            };
            layout.boilerplate.push(Boilerplate { kind, text: s.text });
        }
    }
    Decided { layout, anchor, warnings }
}
