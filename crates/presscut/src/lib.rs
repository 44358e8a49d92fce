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
mod entities;
mod error;
mod html;
mod keywords;
mod layout;
mod lexicon;
mod model;
// The tagger's internals are public only to the training tool (`examples/train_ner`).
#[cfg(feature = "train")]
pub mod ner;
#[cfg(not(feature = "train"))]
#[allow(dead_code, unused_imports)] // parts serve only the training tool
mod ner;
mod normalize;
mod offsets;
mod options;
mod pipeline;
mod quotes;
mod sentences;
mod sources;
mod time;

pub use error::Error;
pub use model::*;
pub use options::{Format, Options};
pub use pipeline::{KEYWORDS, MAX_INPUT_BYTES};

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

    /// The quote finder's learning candidates, for `examples/train_quotes`.
    #[cfg(feature = "train")]
    pub use crate::quotes::training as quotes_training;

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
}
