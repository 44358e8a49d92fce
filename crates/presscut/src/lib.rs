//! presscut turns raw news articles — scraped plain text or HTML — into structured data: the
//! clean article (title, headings, paragraphs, sentences) with its boilerplate removed and
//! listed, metadata, quotes with resolved speakers, entities, TimeML dates, cited sources and
//! keywords.
//!
//! ```
//! let article = presscut::extract("Headline\n\nThe minister said the talks went well.", &presscut::Options::default())?;
//! assert_eq!(article.title.as_deref(), Some("Headline"));
//! # Ok::<(), presscut::Error>(())
//! ```
//!
//! The whole flow reads top to bottom in [`pipeline::extract_bytes`]; the public JSON shape is
//! [`Article`] (contract version [`SCHEMA_VERSION`]).

mod assemble;
mod cost;
// The document's internals are public only to the training tools (`examples/train_*`).
#[cfg(feature = "train")]
pub mod doc;
#[cfg(not(feature = "train"))]
mod doc;
mod entities;
mod error;
mod hash;
mod html;
mod keywords;
mod lang;
mod layout;
mod lexicon;
mod model;
// The tagger's internals are public only to the training tool (`examples/train_ner`).
#[cfg(feature = "train")]
pub mod ner;
#[cfg(not(feature = "train"))]
mod ner;
mod normalize;
mod offsets;
mod options;
mod pipeline;
mod quotes;
mod record;
pub mod render;
mod sources;
pub mod tables;
mod time;

pub use error::Error;
pub use model::*;
pub use options::{Format, Options};
pub use pipeline::{KEYWORDS, MAX_INPUT_BYTES};
pub use record::{Record, RecordError};

/// Extracts one article from text or HTML.
pub fn extract(input: &str, options: &Options) -> Result<Article, Error> {
    pipeline::extract_bytes(input.as_bytes(), options)
}

/// Extracts one article from raw bytes; invalid UTF-8 is replaced (U+FFFD) and reported in
/// [`Article::warnings`].
pub fn extract_bytes(input: &[u8], options: &Options) -> Result<Article, Error> {
    pipeline::extract_bytes(input, options)
}

/// Tools for developing presscut (feature dumps for training the layout model). Not part of
/// the stable API.
#[doc(hidden)]
pub mod devtools {
    pub use crate::layout::{CONTEXT_NAMES, FEATURE_NAMES};

    /// The named-entity tagger's internals, for `examples/train_ner`.
    #[cfg(feature = "train")]
    pub use crate::ner;

    /// The document (tokens, sentences), for the training tools.
    #[cfg(feature = "train")]
    pub use crate::doc;

    /// The quote finder's learning candidates, for `examples/train_quotes`.
    #[cfg(feature = "train")]
    pub use crate::quotes::training as quotes_training;

    /// The quote confidence model's features of each quote of an Article, for
    /// `examples/quote_features` (the training script reads them).
    pub use crate::quotes::confidence::{
        FEATURE_NAMES as QUOTE_FEATURE_NAMES, features as quote_features,
    };

    /// `(segment text, feature row)` for every segment of an HTML page, and the feature names
    /// (segment features, stage-2 context features).
    pub fn html_features(page: &[u8]) -> Vec<(String, Vec<f32>)> {
        crate::html::feature_rows(page)
    }

    /// The HTML content model type, read from the training script's JSON.
    pub use crate::html::Model as HtmlModel;

    /// The body of an HTML page as the runtime finds it with `model` (title block left out).
    pub fn html_body_with(page: &[u8], model: &HtmlModel) -> String {
        crate::html::body_with(page, model)
    }

    /// `(day, feature row)` of every candidate publication day of an HTML page, and the names.
    pub fn html_date_rows(page: &[u8]) -> Vec<(String, Vec<f32>)> {
        crate::html::date_rows(page)
    }

    pub fn html_date_feature_names() -> &'static [&'static str] {
        crate::html::date_feature_names()
    }

    pub fn html_feature_names() -> (Vec<&'static str>, Vec<&'static str>) {
        crate::html::feature_names()
    }

    /// `(line, feature row)` for every layout unit of a (normalised) text.
    pub fn layout_features(text: &str) -> Vec<(String, Vec<f32>)> {
        let normalized = crate::normalize::run(text.as_bytes());
        crate::layout::feature_rows(&normalized.text)
    }

    /// A main-content model read from the JSON format of `data/layout_model.json`.
    #[derive(Debug)]
    pub struct LayoutModel(crate::layout::Model);

    impl LayoutModel {
        pub fn from_json(json: &str) -> Result<LayoutModel, String> {
            serde_json::from_str(json).map(LayoutModel).map_err(|e| e.to_string())
        }
    }

    fn chosen(model: Option<&LayoutModel>) -> &crate::layout::Model {
        model.map_or(crate::layout::shipped_model(), |m| &m.0)
    }

    /// Why each unit of `text` was kept or removed: its role, the model's probability (1 where
    /// the model was not run) and the line.
    pub fn explain_layout(text: &str, model: Option<&LayoutModel>) -> Vec<(String, f32, String)> {
        let normalized = crate::normalize::run(text.as_bytes());
        crate::layout::explain(&normalized.text, chosen(model))
    }

    /// The clean text of `text` (cleaning on) without its title block, as the body scorer
    /// reads it, with `model` in place of the shipped main-content model when given.
    pub fn clean_body(text: &str, model: Option<&LayoutModel>) -> String {
        let normalized = crate::normalize::run(text.as_bytes());
        let layout = crate::layout::clean_with(&normalized.text, chosen(model));
        let parts: Vec<&str> = layout
            .blocks
            .iter()
            .filter(|b| b.kind != crate::model::BlockKind::Title)
            .map(|b| &layout.text[b.start..b.end])
            .collect();
        parts.join("\n\n")
    }
}
