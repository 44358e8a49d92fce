//! The Article model: serde types that serialise to exactly the JSON of the public contract
//! (`schema_version` "1"). Every span is in Unicode code points into [`Article::text`], end
//! exclusive, so that Python's `text[start:end]` returns it.

use serde::{Deserialize, Serialize};

/// The contract version this crate writes.
pub const SCHEMA_VERSION: &str = "1";

/// One extracted article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub schema_version: String,
    /// The caller's id (batch input), else null.
    pub id: Option<String>,
    pub source_format: SourceFormat,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// The clean article: its blocks, title first, joined by `"\n\n"`; with cleaning off, the
    /// input verbatim.
    pub text: String,
    pub blocks: Vec<Block>,
    pub sections: Vec<Section>,
    pub sentences: Vec<Span>,
    pub boilerplate: Vec<Boilerplate>,
    pub metadata: Metadata,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    pub dates: Vec<TimeExpression>,
    pub sources: Vec<Source>,
    pub keywords: Vec<Keyword>,
    pub stats: Stats,
    pub warnings: Vec<String>,
}

/// What the input was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    Text,
    Html,
}

/// A code-point span into the article text, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A span together with the text it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Title,
    Subtitle,
    Heading,
    Paragraph,
    ListItem,
    Blockquote,
    Caption,
    Table,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

/// A part of the article under one heading (`heading` null before the first heading).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: Option<String>,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    RepeatedTitle,
    CommentForm,
    Captcha,
    Share,
    Navigation,
    Related,
    Advertisement,
    Newsletter,
    Footer,
    Metadata,
    Other,
}

/// A piece of the input that cleaning removed, kept for audit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boilerplate {
    pub kind: BoilerplateKind,
    pub text: String,
}

/// What is known about the article beyond its text; every field null or empty when unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub url: Option<String>,
    pub canonical_url: Option<String>,
    /// ISO 8601.
    pub published: Option<String>,
    /// ISO 8601.
    pub modified: Option<String>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub language: Option<String>,
    pub news_id: Option<String>,
    pub dateline: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Mixed,
    Indirect,
}

/// One attribution: who said what.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<Speaker>,
    pub cue: Option<TextSpan>,
    /// The estimated probability that the content span and the speaker are both right
    /// (contract 1.1).
    pub confidence: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// Canonical full name.
    pub name: String,
    /// Index into [`Article::entities`].
    pub entity: Option<usize>,
    /// The words naming the speaker for this quote, or null when carried over from context.
    pub mention: Option<TextSpan>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    Location,
    Nationality,
    Event,
    Law,
    Work,
    Product,
    Other,
}

/// One real-world thing named in the article, with all its mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub roles: Vec<String>,
    pub mentions: Vec<TextSpan>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    Date,
    Time,
    Duration,
    Set,
}

/// A temporal expression with its TimeML TIMEX3 value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeExpression {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: TimeKind,
    pub value: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Outlet,
    Document,
    Person,
    Organization,
    Unnamed,
}

/// A source the article cites for its information.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub kind: SourceKind,
    pub entity: Option<usize>,
    /// The citing words (`according to`, `told`), as in [`Quote::cue`].
    pub cue: Option<TextSpan>,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    pub text: String,
    pub score: f64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub chars: usize,
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
}
