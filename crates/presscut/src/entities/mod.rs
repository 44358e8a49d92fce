//! Stage 4: entities — people with their roles, organisations, places, nationalities, laws and
//! events, clustered per article. Filled by the entities issue (#3); returns nothing until then.

use crate::model::EntityKind;

/// One named mention, as a byte span of the analysed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
}

/// What the text says of a person's gender (pronouns, honorifics, gendered titles).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// One real-world thing: its canonical name, kind, roles and mentions in text order.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub name: String,
    pub kind: EntityKind,
    pub roles: Vec<String>,
    pub mentions: Vec<Mention>,
    pub gender: Gender,
}

/// The cluster that the name at byte span `span` (a surname, a full name) refers to.
pub fn resolve_name(clusters: &[Cluster], text: &str, span: (usize, usize)) -> Option<usize> {
    if let Some(i) =
        clusters.iter().position(|c| c.mentions.iter().any(|m| m.start < span.1 && span.0 < m.end))
    {
        return Some(i);
    }
    let last = text.get(span.0..span.1)?.split_whitespace().last()?;
    clusters.iter().position(|c| {
        c.kind == EntityKind::Person && c.name.split_whitespace().last() == Some(last)
    })
}

/// The person who holds the role named at byte span `span` (`the Russian foreign minister`).
pub fn resolve_role(clusters: &[Cluster], text: &str, span: (usize, usize)) -> Option<usize> {
    let phrase = text.get(span.0..span.1)?.to_lowercase();
    let phrase = phrase.trim_start_matches("the ").trim();
    let mut holders = clusters.iter().enumerate().filter(|(_, c)| {
        c.kind == EntityKind::Person && c.roles.iter().any(|r| r.to_lowercase().ends_with(phrase))
    });
    match (holders.next(), holders.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// The entities of `text`, whose sentences are `sentences` (byte spans).
pub fn run(_text: &str, _sentences: &[(usize, usize)]) -> Vec<Cluster> {
    Vec::new()
}
