//! Stage 9: assemble the Article. Byte spans of the analysed text become code-point spans of
//! the output text — the clean text, or with cleaning off the input as given — here and only
//! here.

use crate::layout::{Layout, count_words};
use crate::model::{
    Article, Block, BlockKind, Entity, Keyword, Quote, SCHEMA_VERSION, Section, Source,
    SourceFormat, Span, Speaker, Stats, TextSpan, TimeExpression,
};
use crate::normalize::{Normalized, OffsetMap};
use crate::offsets::CharIndex;
use crate::options::Options;
use crate::{entities, quotes, sources, time};

/// Everything the stages produced.
#[derive(Debug)]
pub struct Parts<'a> {
    pub options: &'a Options,
    pub source_format: SourceFormat,
    pub normalized: &'a Normalized,
    pub layout: &'a Layout,
    pub sentences: &'a [(usize, usize)],
    pub entities: &'a [entities::Cluster],
    pub quotes: &'a [quotes::Attribution],
    pub dates: &'a [time::Timex],
    pub sources: &'a [sources::Citation],
    pub keywords: Vec<Keyword>,
    pub warnings: Vec<String>,
}

/// Maps byte spans of the analysed text to code-point spans of the output text.
struct Output<'a> {
    map: Option<&'a OffsetMap>,
    chars: CharIndex<'a>,
}

impl Output<'_> {
    fn bytes(&self, start: usize, end: usize) -> (usize, usize) {
        crate::cost::add(1);
        match self.map {
            Some(m) => (m.to_original(start), m.to_original_end(end).max(m.to_original(start))),
            None => (start, end),
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        let (s, e) = self.bytes(start, end);
        self.chars.span(s, e)
    }

    fn text_span(&self, start: usize, end: usize) -> TextSpan {
        let (s, e) = self.bytes(start, end);
        self.chars.text_span(s, e)
    }
}

pub fn run(p: Parts<'_>) -> Article {
    crate::cost::enter(crate::cost::Stage::Assemble);
    let layout = p.layout;
    let (text, map) = if p.options.clean {
        (layout.text.as_str(), None)
    } else {
        let m = &p.normalized.map;
        (p.normalized.original.as_str(), (!m.is_identity()).then_some(m))
    };
    let out = Output { map, chars: CharIndex::new(text) };

    let blocks: Vec<Block> = layout
        .blocks
        .iter()
        .map(|b| {
            let s = out.span(b.start, b.end);
            Block { kind: b.kind, start: s.start, end: s.end }
        })
        .collect();
    let sections = sections(layout, &out);
    let sentences: Vec<Span> = p.sentences.iter().map(|&(s, e)| out.span(s, e)).collect();

    let entities: Vec<Entity> = p
        .entities
        .iter()
        .map(|c| Entity {
            name: c.name.clone(),
            kind: c.kind,
            roles: c.roles.clone(),
            mentions: c.mentions.iter().map(|m| out.text_span(m.start, m.end)).collect(),
        })
        .collect();
    let quotes: Vec<Quote> = p
        .quotes
        .iter()
        .map(|q| {
            let content = out.text_span(q.start, q.end);
            Quote {
                kind: q.kind,
                text: content.text,
                start: content.start,
                end: content.end,
                speaker: q.speaker.as_ref().map(|s| Speaker {
                    name: s.name.clone(),
                    entity: s.entity,
                    mention: s.mention.map(|(a, b)| out.text_span(a, b)),
                }),
                cue: q.cue.map(|(a, b)| out.text_span(a, b)),
                // set from the finished Article by `quotes::confidence::apply`
                confidence: 0.0,
            }
        })
        .collect();
    let dates: Vec<TimeExpression> = p
        .dates
        .iter()
        .map(|d| {
            let ts = out.text_span(d.start, d.end);
            TimeExpression {
                text: ts.text,
                start: ts.start,
                end: ts.end,
                kind: d.kind.into(),
                value: d.value.clone(),
            }
        })
        .collect();
    let sources: Vec<Source> = p
        .sources
        .iter()
        .map(|c| {
            let s = out.span(c.start, c.end);
            Source {
                name: c.name.clone(),
                kind: c.kind,
                entity: c.entity,
                cue: c.cue.map(|(a, b)| out.text_span(a, b)),
                start: s.start,
                end: s.end,
            }
        })
        .collect();

    let mut metadata = layout.metadata.clone();
    metadata.url.clone_from(&p.options.url);
    if let Some(published) = &p.options.published {
        metadata.published = Some(published.trim().to_owned());
    }

    let mut warnings = p.normalized.warnings.clone();
    if p.normalized.text.trim().is_empty() {
        warnings.push("input is empty".to_owned());
    } else if p.options.clean && blocks.iter().all(|b| b.kind == BlockKind::Title) {
        warnings.push("cleaning found no article text (try clean=False)".to_owned());
    }
    warnings.extend(p.warnings);

    let stats = Stats {
        chars: out.chars.len_chars(),
        words: count_words(text),
        sentences: sentences.len(),
        paragraphs: blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).count(),
    };
    Article {
        schema_version: SCHEMA_VERSION.to_owned(),
        id: None,
        source_format: p.source_format,
        title: layout.title.clone(),
        subtitle: layout.subtitle.clone(),
        text: text.to_owned(),
        blocks,
        sections,
        sentences,
        boilerplate: layout.boilerplate.clone(),
        metadata,
        quotes,
        entities,
        dates,
        sources,
        keywords: p.keywords,
        stats,
        warnings,
    }
}

/// Sections of the text: the part before the first heading (heading null), then one per
/// heading, each running to the next heading. The title is not part of any section.
fn sections(layout: &Layout, out: &Output<'_>) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut current: Option<(Option<String>, usize)> = None;
    let mut prev_end = 0;
    for b in layout.blocks.iter().filter(|b| b.kind != BlockKind::Title) {
        if b.kind == BlockKind::Heading || current.is_none() {
            if let Some((heading, start)) = current.take() {
                let s = out.span(start, prev_end);
                sections.push(Section { heading, start: s.start, end: s.end });
            }
            let heading =
                (b.kind == BlockKind::Heading).then(|| layout.text[b.start..b.end].to_owned());
            current = Some((heading, b.start));
        }
        prev_end = b.end;
    }
    if let Some((heading, start)) = current {
        let s = out.span(start, prev_end);
        sections.push(Section { heading, start: s.start, end: s.end });
    }
    sections
}
