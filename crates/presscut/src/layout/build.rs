//! Rebuilding the clean text from the decisions about each unit: title first, blocks joined by a
//! blank line, everything removed listed as boilerplate with its kind, and what the furniture
//! says (authors, publisher, dates, news id, dateline) in the metadata.

use super::features::LineStats;
use super::lines::Unit;
use super::rules::{self, Furniture};
use super::{Layout, LayoutBlock};
use crate::model::{BlockKind, Boilerplate, BoilerplateKind, Metadata};

/// What cleaning decided for one unit.
#[derive(Clone, Debug, PartialEq)]
pub enum Role {
    Title,
    Subtitle,
    Body,
    /// A line of a list of short lines inside the article.
    ListItem,
    /// A row of a table inside the article.
    Table,
    Removed(BoilerplateKind),
    /// Removed furniture that also tells something about the article.
    Furniture(Furniture),
}

pub fn build(
    text: &str,
    units: &[Unit],
    stats: &[LineStats],
    roles: &[Role],
    title: Option<String>,
    repeats: &[(usize, usize)],
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
            Role::ListItem => push_block(&mut out, BlockKind::ListItem, &line),
            // The rows of one table make one block, a row a line.
            Role::Table if i > 0 && roles[i - 1] == Role::Table => {
                out.text.push('\n');
                out.text.push_str(&line);
                if let Some(last) = out.blocks.last_mut() {
                    last.end = out.text.len();
                }
            }
            Role::Table => push_block(&mut out, BlockKind::Table, &line),
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
                    Furniture::Byline(byline, date) => {
                        for n in &byline.authors {
                            if !out.metadata.authors.contains(n) {
                                out.metadata.authors.push(n.clone());
                            }
                        }
                        if let Some(p) = &byline.publisher {
                            out.metadata.publisher.get_or_insert_with(|| p.clone());
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
    for &(start, end) in repeats {
        out.boilerplate
            .push(Boilerplate { kind: BoilerplateKind::Other, text: collapse(&text[start..end]) });
    }
    if !repeats.is_empty() {
        out.warnings.push(format!(
            "the input repeats itself: {} paragraphs or lines that repeat earlier text were kept once",
            repeats.len()
        ));
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
pub fn collapse(line: &str) -> String {
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
