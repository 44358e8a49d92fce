//! Entities of an article: the tagger's mentions repaired, typed and grouped into one cluster per
//! real-world thing, with canonical names, roles and (for people) gender.
//!
//! How it works: [`run`] tokenises and tags the text with [`crate::ner`], then [`build`] turns the
//! spans into mentions ([`mentions`]: titles moved out of names, title-case headings only keep
//! names the article confirms), gives each a kind ([`kinds`]: demonyms are nationalities, law and
//! event head words make laws and events, gazetteers override weak tagger decisions, one sense
//! per discourse), groups them ([`cluster`]: surnames join full names, acronyms their
//! expansions, country aliases one another) and reads roles and gender around the mentions
//! ([`roles`]). A [`Resolver`] maps a speaker's words to a cluster for the quote stage. All
//! offsets are byte offsets into the text.

pub mod cluster;
pub mod context;
mod index;
pub mod kinds;
pub mod lexicon;
pub mod mentions;
pub mod resolve;
pub mod roles;

pub use index::{MentionIndex, last_mention_before};
pub use resolve::Resolver;

use crate::doc::Doc;
use crate::ner::{self, NerSpan};

/// What an entity is: the contract's `kind`.
pub use crate::model::EntityKind;

/// A named mention: byte span of the name alone (CoNLL convention: titles and roles are not
/// part of it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
}

/// A person's grammatical gender as the article shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Gender {
    Male,
    Female,
    #[default]
    Unknown,
}

/// One real-world thing named in the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// canonical (fullest) form found in the text: `Sergey Lavrov`, `United States`
    pub name: String,
    pub kind: EntityKind,
    /// titles and roles stated in the text, first seen first (`Russian Foreign Minister`)
    pub roles: Vec<String>,
    /// where each role is stated: a token range of the document
    pub role_tokens: Vec<(usize, usize)>,
    /// every named mention, in text order
    pub mentions: Vec<Mention>,
    /// from gendered titles, given names and pronouns near the mentions (people only)
    pub gender: Gender,
    /// byte offset of the first mention
    pub first_mention: usize,
}

/// Find the entities of the document. Clusters come back ordered by first mention.
#[inline(never)] // one frame per stage in profiles
pub fn run(d: &Doc) -> Vec<Cluster> {
    crate::cost::enter(crate::cost::Stage::Entities);
    let spans = ner::tag(d);
    build(d, &spans)
}

/// [`run`] on tagger spans computed elsewhere (evaluation tools).
pub fn build(d: &Doc, spans: &[NerSpan]) -> Vec<Cluster> {
    if d.tokens.is_empty() || spans.is_empty() {
        return Vec::new();
    }
    let cx = context::Context::new(d);
    let mut ments = mentions::collect(&cx, spans);
    mentions::check_headings(&cx, &mut ments);
    mentions::drop_initial_fragments(&cx, &mut ments);
    kinds::assign(&cx, &mut ments);
    let groups = cluster::group(&cx, &ments);
    let ranges: Vec<Vec<(usize, usize)>> = groups
        .iter()
        .map(|g| g.members.iter().map(|&i| (ments[i].a, ments[i].b)).collect())
        .collect();
    let mut out: Vec<Cluster> = groups
        .into_iter()
        .map(|g| {
            let mentions: Vec<Mention> = g
                .members
                .iter()
                .map(|&i| Mention { start: ments[i].start, end: ments[i].end })
                .collect();
            Cluster {
                name: g.name,
                kind: g.kind,
                roles: Vec::new(),
                role_tokens: Vec::new(),
                first_mention: mentions.first().map_or(0, |m| m.start),
                mentions,
                gender: Gender::Unknown,
            }
        })
        .collect();
    roles::attach(&cx, &mut out, &ranges);
    out.sort_by_key(|c| c.first_mention);
    out
}

#[cfg(test)]
mod tests;
