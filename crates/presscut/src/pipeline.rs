//! The whole flow, top to bottom: each stage is a module with a narrow input and output.

use crate::error::Error;
use crate::model::{Article, BlockKind, Keyword, SourceFormat};
use crate::options::{Format, Options};
use crate::{
    assemble, doc, entities, html, keywords, lang, layout, normalize, quotes, sources, time,
};

/// Inputs larger than this are refused with [`Error::InputTooLarge`].
pub const MAX_INPUT_BYTES: usize = 256 * 1024 * 1024;

/// How many keywords an article gets.
pub const KEYWORDS: usize = 10;

/// Extracts one article from raw bytes (UTF-8; invalid sequences are replaced, with a warning).
pub fn extract_bytes(input: &[u8], options: &Options) -> Result<Article, Error> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge { size: input.len(), limit: MAX_INPUT_BYTES });
    }
    let reference = options.reference_date()?;

    // 1. Decode and normalise; HTML pages become their article (main content and metadata).
    let source_format = match options.format {
        Format::Html => SourceFormat::Html,
        Format::Text => SourceFormat::Text,
        Format::Auto if html::looks_like_html(input) => SourceFormat::Html,
        Format::Auto => SourceFormat::Text,
    };
    let (normalized, mut layout, page_warnings) = if source_format == SourceFormat::Html {
        // 2. (HTML) The article's blocks, title and metadata from the page; spans refer to the
        // article's text, which is already normalised.
        let page = html::extract(input, options.clean, options.url.as_deref());
        (normalize::run(page.layout.text.as_bytes()), page.layout, page.warnings)
    } else {
        // 2. Layout and cleaning: blocks, title, boilerplate, metadata from the text.
        let normalized = normalize::run(input);
        let layout = layout::run(&normalized.text, options.clean);
        (normalized, layout, Vec::new())
    };
    // 2b. Language: the page's declaration where the text confirms it, else the text's own.
    layout.metadata.language = lang::decide(&layout.text, layout.metadata.language.as_deref());
    let text = layout.text.as_str();

    // 3. The document every later stage reads: tokens, word types, blocks, quote marks,
    //    sentences.
    let blocks: Vec<(BlockKind, usize, usize)> =
        layout.blocks.iter().map(|b| (b.kind, b.start, b.end)).collect();
    let doc = doc::Doc::new(text, &blocks);
    let sentences = doc.sentence_spans();

    // 3b. The analysis stages exist for English: other languages get none, and a warning.
    if let Some(code) = layout.metadata.language.as_deref().filter(|l| !lang::is_english(Some(l))) {
        return Ok(assemble::run(assemble::Parts {
            options,
            source_format,
            normalized: &normalized,
            layout: &layout,
            sentences: &sentences,
            entities: &[],
            quotes: &[],
            dates: &[],
            sources: &[],
            keywords: Vec::new(),
            warnings: [
                page_warnings,
                layout.warnings.clone(),
                vec![format!("language {code}: no English analysis")],
            ]
            .concat(),
        }));
    }

    // 4. Entities, clustered per article, and their mentions indexed by position.
    let entities = entities::run(&doc);
    let mentions = entities::MentionIndex::new(&entities);

    // 5. Quotes, speakers resolved to entities.
    let title = layout.blocks.iter().find(|b| b.kind == BlockKind::Title).map(|b| (b.start, b.end));
    let (quotes, quote_warnings) = quotes::run(&doc, title, &entities, &mentions);

    // 6. Time, relative to the given date, else the article's own.
    let reference =
        reference.or_else(|| layout.metadata.published.as_deref().and_then(time::parse_reference));
    let dates = time::extract(&doc, reference);

    // 7. Sources the article cites.
    let sources = sources::run(&doc, &entities, &mentions, &quotes);

    // 8. Keywords; the mentions of one entity count as one keyword.
    let (mention_spans, mention_ids): (Vec<(usize, usize)>, Vec<u32>) = entities
        .iter()
        .enumerate()
        .flat_map(|(k, c)| c.mentions.iter().map(move |m| ((m.start, m.end), k as u32)))
        .unzip();
    let hints = keywords::Hints { title, entities: &mention_spans, entity_ids: &mention_ids };
    let mut found = keywords::extract(&doc, &hints, KEYWORDS);
    let names: Vec<&str> = entities.iter().map(|c| c.name.as_str()).collect();
    keywords::respell(&mut found, &names);
    let keywords = found.into_iter().map(|k| Keyword { text: k.text, score: k.score }).collect();

    // 9. Assemble the Article: byte spans become code-point spans of the output text; each
    //    quote's confidence is read from the finished Article.
    let mut article = assemble::run(assemble::Parts {
        options,
        source_format,
        normalized: &normalized,
        layout: &layout,
        sentences: &sentences,
        entities: &entities,
        quotes: &quotes,
        dates: &dates,
        sources: &sources,
        keywords,
        warnings: [page_warnings, layout.warnings.clone(), quote_warnings].concat(),
    });
    quotes::confidence::apply(&mut article);
    Ok(article)
}
