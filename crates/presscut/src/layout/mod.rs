//! Stage 2: layout and cleaning of plain text.
//!
//! With cleaning on, the text is cut into units ([`lines`]); each unit is described by
//! [`features`] and scored by the main-content [`model`]; the article is the best-scoring
//! stretch of units, minus what [`rules`] recognise as furniture (comment forms, captchas,
//! bylines, date lines, news ids, repeated headlines). The kept units are rebuilt into a clean
//! text — title first, blocks joined by a blank line — with everything removed listed as
//! boilerplate. With cleaning off, the text is kept verbatim and only cut into paragraphs.

mod features;
mod lines;
mod model;
mod rules;

use crate::model::{BlockKind, Boilerplate, BoilerplateKind, Metadata};
use features::LineStats;
use lines::Unit;
use rules::Furniture;

pub use features::{NAMES as FEATURE_NAMES, count_words};
pub use model::CONTEXT_NAMES;

/// A block of the analysed text, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayoutBlock {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

/// The outcome of layout analysis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// The analysed text: rebuilt from the kept blocks (cleaning on) or the input (off).
    pub text: String,
    pub blocks: Vec<LayoutBlock>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub boilerplate: Vec<Boilerplate>,
    /// What the text itself says about the article (authors, published, news id, dateline).
    pub metadata: Metadata,
}

/// Lays out `text` (normalised). With `clean` off the text is kept as it is.
///
/// Never inlined, so that profiles show the stage's cost on its own.
#[inline(never)]
pub fn run(text: &str, clean: bool) -> Layout {
    if clean { clean_layout(text) } else { verbatim(text) }
}

/// Blocks of a text kept verbatim: paragraphs split on blank lines, or on single newlines when
/// the text has no blank line.
fn verbatim(text: &str) -> Layout {
    let units = lines::units(text, false);
    let has_blank = units.windows(2).any(|w| w[0].group != w[1].group);
    let mut blocks: Vec<LayoutBlock> = Vec::new();
    for u in &units {
        match blocks.last_mut() {
            Some(last) if has_blank && !u.blank_before => last.end = u.end,
            _ => {
                blocks.push(LayoutBlock { kind: BlockKind::Paragraph, start: u.start, end: u.end });
            }
        }
    }
    Layout { text: text.to_owned(), blocks, ..Layout::default() }
}

/// Texts of at most this many units are too small to be a web page with furniture.
const SMALL_TEXT_UNITS: usize = 6;

/// What cleaning decided for one unit.
#[derive(Clone, Debug, PartialEq)]
enum Role {
    Title,
    Subtitle,
    Body,
    Removed(BoilerplateKind),
    /// Removed furniture that also tells something about the article.
    Furniture(Furniture),
}

fn clean_layout(text: &str) -> Layout {
    let units = lines::units(text, true);
    if units.is_empty() {
        return Layout::default();
    }
    let unit_text = |i: usize| &text[units[i].start..units[i].end];
    let stats: Vec<LineStats> =
        units.iter().map(|u| LineStats::of(&text[u.start..u.end])).collect();

    let title_repeat = find_title_repeat(text, &units, &stats);
    // A few lines are not a page: the model, trained on whole pages, has nothing to separate;
    // only the furniture rules apply (and short furniture phrases).
    let small = units.len() <= SMALL_TEXT_UNITS;
    let probs = if small {
        stats
            .iter()
            .map(|s| if s.phrases != 0 && s.words <= 8 && !s.end_punct { 0.0 } else { 1.0 })
            .collect()
    } else {
        model::MODEL.predict(&features::compute(text, &units, &stats, title_repeat))
    };
    let weights: Vec<f32> = stats.iter().map(|s| s.words.max(1) as f32).collect();
    let (mut region_start, mut region_end) =
        best_region(&probs, &weights, model::MODEL.region_threshold);
    let no_region = region_start == region_end;
    if no_region {
        // Nothing looks like page furniture around an article: keep whatever reads as prose.
        (region_start, region_end) = (0, units.len());
    }

    // The title: the headline repeated above the article, else the first line if it reads as one.
    let headline = find_headline(text, &units, &stats);
    let title_unit = headline.or_else(|| {
        (rules::is_title_like(unit_text(0), &stats[0])
            && (stats[0].words > 1 || units[0].blank_after))
            .then_some(0)
    });
    let title_text = title_unit.map(|t| {
        let line = unit_text(t);
        collapse(if t == 0 { rules::strip_site_name(line) } else { line })
    });
    let title_words = title_text.as_deref().map(features::word_set);

    let mut roles: Vec<Role> = Vec::with_capacity(units.len());
    for (i, s) in stats.iter().enumerate() {
        let line = unit_text(i);
        let in_region = (region_start..region_end).contains(&i);
        let role = if Some(i) == title_unit {
            Role::Title
        } else if i == 0 && headline.is_some() {
            // The page's `<title>` line, whose headline is repeated above the article.
            Role::Removed(BoilerplateKind::RepeatedTitle)
        } else if let Some(f) = rules::furniture(line, s) {
            Role::Furniture(f)
        } else if title_words.as_ref().is_some_and(|tw| repeats_title(s, tw)) {
            Role::Removed(BoilerplateKind::RepeatedTitle)
        } else if in_region
            && (probs[i] > model::MODEL.keep_threshold || (no_region && s.is_prose()))
        {
            Role::Body
        } else {
            Role::Removed(rules::kind_of_removed(s, i < region_start, i >= region_end))
        };
        roles.push(role);
    }
    mark_subtitle(&mut roles, &stats, title_unit);
    build(text, &units, &stats, &roles, title_text)
}

/// The unit that repeats the page title (line 0) as the article's headline, if any: the first
/// later line of 2–40 words whose words mostly match one part of the page title (Jaccard ≥ 0.6).
/// The model's `after_title` features are defined by this.
fn find_title_repeat(text: &str, units: &[Unit], stats: &[LineStats]) -> Option<usize> {
    let first = &text[units.first()?.start..units[0].end];
    let parts = rules::title_parts(first);
    stats.iter().enumerate().skip(1).take(400).find_map(|(i, s)| {
        ((2..=40).contains(&s.words) && parts.iter().any(|p| features::jaccard(&s.set, p) >= 0.6))
            .then_some(i)
    })
}

/// The article's headline below the page title: the first later line that matches the title's
/// main part (not the site's name) — mostly the same words, or all of a main part of four words
/// or more (the `<title>` was a shortened headline). Breadcrumb trails, which hold the headline
/// among other links, do not count.
fn find_headline(text: &str, units: &[Unit], stats: &[LineStats]) -> Option<usize> {
    let title = &text[units.first()?.start..units[0].end];
    let main = features::word_set(rules::strip_site_name(title));
    if main.len() < 2 {
        return None;
    }
    stats.iter().enumerate().skip(1).take(400).find_map(|(i, s)| {
        let shared = features::overlap(&s.set, &main);
        let same = features::jaccard(&s.set, &main) >= 0.6
            || (main.len() >= 4 && s.set.len() <= 3 * main.len() && shared * 10 >= main.len() * 9);
        let line = &text[units[i].start..units[i].end];
        ((2..=40).contains(&s.words) && same && !rules::is_breadcrumb(line)).then_some(i)
    })
}

fn repeats_title(stats: &LineStats, title_words: &[u64]) -> bool {
    (2..=40).contains(&stats.words) && features::jaccard(&stats.set, title_words) >= 0.8
}

/// The stretch of units `[start, end)` maximising the sum of `(p - threshold) * weight`.
fn best_region(probs: &[f32], weights: &[f32], threshold: f32) -> (usize, usize) {
    let (mut best, mut best_range) = (f32::MIN, (0, 0));
    let (mut sum, mut start) = (0f32, 0usize);
    for (i, (&p, &w)) in probs.iter().zip(weights).enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += (p - threshold) * w;
        if sum > best {
            best = sum;
            best_range = (start, i + 1);
        }
    }
    if best <= 0.0 { (0, 0) } else { best_range }
}

/// A deck: the first line after the title, before the article starts, that reads as a
/// sentence-long summary rather than furniture.
fn mark_subtitle(roles: &mut [Role], stats: &[LineStats], title_unit: Option<usize>) {
    let Some(t) = title_unit else { return };
    let first_body = roles.iter().position(|r| *r == Role::Body);
    for i in t + 1..(t + 4).min(roles.len()) {
        match &roles[i] {
            Role::Furniture(_) | Role::Removed(BoilerplateKind::RepeatedTitle) => {}
            Role::Removed(_) | Role::Body
                if (6..=60).contains(&stats[i].words)
                    && stats[i].phrases == 0
                    && !stats[i].url
                    && first_body
                        .is_some_and(|b| b > i || (b == i && next_is_furniture(roles, i))) =>
            {
                roles[i] = Role::Subtitle;
                return;
            }
            _ => return,
        }
    }
}

fn next_is_furniture(roles: &[Role], i: usize) -> bool {
    matches!(roles.get(i + 1), Some(Role::Furniture(_)))
}

fn build(
    text: &str,
    units: &[Unit],
    stats: &[LineStats],
    roles: &[Role],
    title: Option<String>,
) -> Layout {
    let mut out = Layout::default();
    let push_block = |out: &mut Layout, kind: BlockKind, content: &str| {
        if !out.text.is_empty() {
            out.text.push_str("\n\n");
        }
        let start = out.text.len();
        out.text.push_str(content);
        out.blocks.push(LayoutBlock { kind, start, end: out.text.len() });
    };
    if let Some(t) = &title {
        push_block(&mut out, BlockKind::Title, t);
    }
    out.title = title;
    // For each unit, the next body unit after it (one backward pass keeps this linear).
    let mut next_body: Vec<Option<usize>> = vec![None; roles.len()];
    for i in (0..roles.len().saturating_sub(1)).rev() {
        next_body[i] = if roles[i + 1] == Role::Body { Some(i + 1) } else { next_body[i + 1] };
    }
    let first_body = roles.iter().position(|r| *r == Role::Body);
    let mut seen_paragraph = false;
    for (i, role) in roles.iter().enumerate() {
        let line = collapse(&text[units[i].start..units[i].end]);
        match role {
            Role::Title => {}
            Role::Subtitle => {
                out.subtitle = Some(line.clone());
                if first_body.is_some_and(|b| b <= i) {
                    push_block(&mut out, BlockKind::Subtitle, &line);
                }
            }
            Role::Body => {
                let kind = block_kind(&line, &stats[i], next_body[i].map(|b| &stats[b]));
                // A dateline opens the article's first paragraph.
                if kind == BlockKind::Paragraph && !seen_paragraph {
                    seen_paragraph = true;
                    out.metadata.dateline = rules::dateline(&line).map(str::to_owned);
                }
                push_block(&mut out, kind, &line);
            }
            Role::Removed(kind) => out.boilerplate.push(Boilerplate { kind: *kind, text: line }),
            Role::Furniture(f) => {
                match f {
                    Furniture::NewsId(id) => {
                        out.metadata.news_id.get_or_insert_with(|| id.clone());
                    }
                    Furniture::Byline(names, date) => {
                        for n in names {
                            if !out.metadata.authors.contains(n) {
                                out.metadata.authors.push(n.clone());
                            }
                        }
                        if let Some(d) = date {
                            record_date(&mut out.metadata, d);
                        }
                    }
                    Furniture::Date(d) => record_date(&mut out.metadata, d),
                    Furniture::Captcha
                    | Furniture::CommentForm
                    | Furniture::PhotoCredit
                    | Furniture::Prompt(_) => {}
                }
                out.boilerplate.push(Boilerplate { kind: f.kind(), text: line });
            }
        }
    }
    out
}

/// The first publication date and the first revision date a page states.
fn record_date(metadata: &mut Metadata, d: &rules::DateLine) {
    let slot = if d.modified { &mut metadata.modified } else { &mut metadata.published };
    slot.get_or_insert_with(|| d.iso.clone());
}

fn block_kind(line: &str, stats: &LineStats, next_body: Option<&LineStats>) -> BlockKind {
    if stats.bullet {
        BlockKind::ListItem
    } else if rules::is_heading(line, stats) && next_body.is_some_and(|n| n.words >= 8) {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    }
}

/// The line with runs of white space collapsed to one space.
fn collapse(line: &str) -> String {
    let clean = !line.contains("  ") && !line.contains(['\n', '\t', '\r']);
    if clean {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    for (k, w) in line.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Feature rows of every unit of `text`, for training the model (`examples/layout_features`).
pub fn feature_rows(text: &str) -> Vec<(String, Vec<f32>)> {
    let units = lines::units(text, true);
    let stats: Vec<LineStats> =
        units.iter().map(|u| LineStats::of(&text[u.start..u.end])).collect();
    let title_repeat = find_title_repeat(text, &units, &stats);
    let rows = features::compute(text, &units, &stats, title_repeat);
    units.iter().zip(rows).map(|(u, r)| (text[u.start..u.end].to_owned(), r)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_blocks_split_on_blank_lines() {
        let text = "One line\nstill one para\n\nSecond para";
        let l = run(text, false);
        assert_eq!(l.text, text);
        let b: Vec<&str> = l.blocks.iter().map(|b| &text[b.start..b.end]).collect();
        assert_eq!(b, ["One line\nstill one para", "Second para"]);
    }

    #[test]
    fn verbatim_blocks_split_on_newlines_without_blank_lines() {
        let text = "First para.\nSecond para.\nThird.";
        assert_eq!(run(text, false).blocks.len(), 3);
    }

    #[test]
    fn best_region_finds_the_dense_stretch() {
        let probs = [0.1, 0.9, 0.2, 0.9, 0.9, 0.1, 0.1];
        let weights = [1.0; 7];
        assert_eq!(best_region(&probs, &weights, 0.5), (1, 5));
        assert_eq!(best_region(&[0.1, 0.2], &[1.0, 1.0], 0.5), (0, 0));
    }

    #[test]
    fn empty_and_blank_texts_give_empty_layouts() {
        assert_eq!(run("", true), Layout::default());
        assert_eq!(run("   \n\n  ", true), Layout::default());
    }
}
