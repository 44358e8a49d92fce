//! Stage 2: layout and cleaning of plain text.
//!
//! With cleaning on, the text is cut into units ([`lines`]); each unit is described by
//! [`features`] and scored by the main-content [`model`]; the article is the best-scoring
//! stretch of units, minus what [`rules`] recognise as furniture (comment forms, captchas,
//! bylines, date lines, news ids, repeated headlines). The kept units are rebuilt into a clean
//! text — title first, blocks joined by a blank line — with everything removed listed as
//! boilerplate. With cleaning off, the text is kept verbatim and only cut into paragraphs.

mod build;
mod byline;
mod features;
mod forms;
mod lines;
mod lists;
mod model;
mod prepare;
mod repeats;
mod rules;
mod title;
mod word_lines;

use crate::model::{BlockKind, Boilerplate, BoilerplateKind, Metadata};
use build::Role;
use features::LineStats;

pub use features::{NAMES as FEATURE_NAMES, count_words};
pub use model::{CONTEXT_NAMES, Model, context_features};

/// The main-content model shipped in `data/layout_model.json`.
pub fn shipped_model() -> &'static Model {
    &model::MODEL
}

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
    /// What the caller should know about the cleaning (text repeated in the input, …).
    pub warnings: Vec<String>,
}

/// Lays out `text` (normalised). With `clean` off the text is kept as it is.
///
/// Never inlined, so that profiles show the stage's cost on its own.
#[inline(never)]
pub fn run(text: &str, clean: bool) -> Layout {
    if clean { clean_layout(text, &model::MODEL) } else { verbatim(text) }
}

/// Cleans `text` with other models than the shipped ones (for scoring models trained on part
/// of the pages against the rest, `examples/layout_eval.rs`).
pub fn clean_with(text: &str, model: &Model) -> Layout {
    clean_layout(text, model)
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

fn clean_layout(text: &str, model: &Model) -> Layout {
    let d = decide(text, model);
    if d.prepared.units.is_empty() {
        return Layout::default();
    }
    let p = &d.prepared;
    build::build(text, &p.units, &p.stats, &d.roles, d.title, &p.repeats)
}

/// What cleaning decided about a text.
struct Decision {
    prepared: prepare::Prepared,
    /// The role of each unit.
    roles: Vec<Role>,
    /// The model's probability that each unit is the article's (1 where the model was not run).
    probs: Vec<f32>,
    title: Option<String>,
}

/// Each unit's decision, for a look at why a text was cleaned as it was (development only):
/// the role, the model's probability (1 where it was not run) and the line.
pub fn explain(text: &str, model: &Model) -> Vec<(String, f32, String)> {
    let d = decide(text, model);
    let p = &d.prepared;
    (0..p.units.len())
        .map(|i| {
            let line = &text[p.units[i].start..p.units[i].end];
            (format!("{:?}", d.roles[i]), d.probs[i], line.to_owned())
        })
        .collect()
}

fn decide(text: &str, model: &Model) -> Decision {
    let prepared = prepare::run(text);
    if prepared.units.is_empty() {
        return Decision { prepared, roles: Vec::new(), probs: Vec::new(), title: None };
    }
    let prepare::Prepared { units, stats, furniture, shape, .. } = &prepared;
    let shape = *shape;
    let unit_text = |i: usize| &text[units[i].start..units[i].end];

    // An article (a few lines, or no page furniture around it) is kept whole but for the
    // furniture recognised line by line; a page goes through the model.
    let article = units.len() <= SMALL_TEXT_UNITS || shape.is_article();
    let (probs, region_start, region_end, no_region) = if article {
        (vec![1.0; units.len()], 0, units.len(), false)
    } else {
        let title_repeat = title::find_title_repeat(text, units, stats);
        let rows = features::compute(text, units, stats, title_repeat);
        let probs = model.predict(&rows);
        let weights: Vec<f32> = stats.iter().map(|s| s.words.max(1) as f32).collect();
        let (start, end) = best_region(&probs, &weights, model.region_threshold);
        if start == end {
            // Nothing looks like page furniture around an article: keep what reads as prose.
            (probs, 0, units.len(), true)
        } else {
            (probs, start, end, false)
        }
    };

    // The title: on a page, the headline repeated below its `<title>` line, else the first line
    // if it reads as one; in an article, its first line that is not furniture, if it reads as
    // a headline. A first line that does not is the article's first paragraph.
    let headline = if article { None } else { title::find_headline(text, units, stats) };
    let title_unit = headline.or_else(|| {
        let first =
            if article { (0..units.len().min(3)).find(|&i| furniture[i].is_none())? } else { 0 };
        (rules::is_title_like(unit_text(first), &stats[first])
            && furniture[first].is_none()
            && (stats[first].words > 1 || units[first].blank_after))
            .then_some(first)
    });
    let title_text = title_unit.map(|t| {
        let line = unit_text(t);
        build::collapse(if t == 0 && !article { rules::strip_site_name(line) } else { line })
    });
    let title_words = title_text.as_deref().map(features::word_set);

    let mut roles: Vec<Role> = Vec::with_capacity(units.len());
    for (i, (s, furniture)) in stats.iter().zip(furniture.iter().cloned()).enumerate() {
        let in_region = (region_start..region_end).contains(&i);
        let role = if Some(i) == title_unit {
            Role::Title
        } else if i == 0 && headline.is_some() {
            // The page's `<title>` line, whose headline is repeated above the article.
            Role::Removed(BoilerplateKind::RepeatedTitle)
        } else if let Some(f) = furniture {
            Role::Furniture(f)
        } else if title_words.as_ref().is_some_and(|tw| title::repeats_title(s, tw)) {
            Role::Removed(BoilerplateKind::RepeatedTitle)
        } else if in_region && (probs[i] > model.keep_threshold || (no_region && s.is_prose())) {
            Role::Body
        } else if i == 0 && title_unit.is_none() && region_start <= 1 && s.words >= 2 && !s.url {
            // A first line right above the article that is no headline ends like a sentence:
            // the article's first paragraph (a headline with a period), not navigation.
            Role::Body
        } else {
            Role::Removed(rules::kind_of_removed(s, i < region_start, i >= region_end))
        };
        roles.push(role);
    }
    mark_subtitle(&mut roles, stats, title_unit, |i| rules::dateline(unit_text(i)).is_some());
    lists::mark(text, units, stats, &mut roles);
    Decision { prepared, roles, probs, title: title_text }
}

/// The stretch of units `[start, end)` maximising the sum of `(p - threshold) * weight` (the
/// article's region, for the text cleaner and for HTML segments alike).
pub(crate) fn best_region(probs: &[f32], weights: &[f32], threshold: f32) -> (usize, usize) {
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
/// A paragraph opening with a dateline (`PORTSMOUTH —`) is the article's first, never a deck.
fn mark_subtitle(
    roles: &mut [Role],
    stats: &[LineStats],
    title_unit: Option<usize>,
    has_dateline: impl Fn(usize) -> bool,
) {
    let Some(t) = title_unit else { return };
    let first_body = roles.iter().position(|r| *r == Role::Body);
    for i in t + 1..(t + 4).min(roles.len()) {
        match &roles[i] {
            Role::Furniture(_) | Role::Removed(BoilerplateKind::RepeatedTitle) => {}
            Role::Removed(_) | Role::Body
                if (6..=60).contains(&stats[i].words)
                    && stats[i].phrases == 0
                    && !stats[i].url
                    && !has_dateline(i)
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

/// The line and feature row of every unit of `text` as the cleaner sees it (repeats removed),
/// for training the model (`examples/layout_features`).
pub fn feature_rows(text: &str) -> Vec<(String, Vec<f32>)> {
    let p = prepare::run(text);
    let title_repeat = title::find_title_repeat(text, &p.units, &p.stats);
    let rows = features::compute(text, &p.units, &p.stats, title_repeat);
    p.units.iter().zip(rows).map(|(u, r)| (text[u.start..u.end].to_owned(), r)).collect()
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
