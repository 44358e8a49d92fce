//! Bylines: who wrote the article and for whom. `By Jane Doe and John Roe, Reuters` and the
//! wire form without `By` (`Jane Doe and John Roe, The Associated Press`) give the authors and
//! the agency, which is the publisher when it is a known news outlet (`data/outlets.tsv`).

use std::sync::LazyLock;

use regex::Regex;

use super::features::words;
use crate::lexicon::{self, FastMap, FastSet};

/// What a byline says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Byline {
    pub authors: Vec<String>,
    /// The news outlet named after the authors, by its canonical name.
    pub publisher: Option<String>,
}

/// Most words a name of an author has (`Juan Carlos de la Vega` has five).
const MAX_NAME_WORDS: usize = 5;

/// Outlets by lower-cased surface form (name, `The`-less name, aliases, acronyms) → canonical
/// name.
static OUTLETS: LazyLock<FastMap<String, String>> = LazyLock::new(|| {
    let mut map = FastMap::default();
    for row in lexicon::rows(include_str!("../../data/outlets.tsv")) {
        let name = lexicon::strip_qualifier(lexicon::col(&row, 0));
        if name.is_empty() {
            continue;
        }
        let forms = std::iter::once(name)
            .chain(lexicon::split_names(lexicon::col(&row, 1)))
            .chain(lexicon::split_names(lexicon::col(&row, 2)));
        for form in forms {
            let lower = form.to_lowercase();
            let bare = lower.strip_prefix("the ").unwrap_or(&lower).to_owned();
            map.entry(bare).or_insert_with(|| name.to_owned());
        }
    }
    map
});

/// The lower-cased surface forms (name, aliases, acronyms) of news agencies (type `agency` in
/// `data/outlets.tsv`).
static AGENCIES: LazyLock<FastSet<String>> = LazyLock::new(|| {
    let mut set = FastSet::default();
    for row in lexicon::rows(include_str!("../../data/outlets.tsv")) {
        if lexicon::col(&row, 3) != "agency" {
            continue;
        }
        let name = lexicon::strip_qualifier(lexicon::col(&row, 0));
        let forms = std::iter::once(name)
            .chain(lexicon::split_names(lexicon::col(&row, 1)))
            .chain(lexicon::split_names(lexicon::col(&row, 2)));
        set.extend(forms.filter(|f| !f.is_empty()).map(str::to_lowercase));
    }
    set
});

/// Whether `text` is the name of a news agency and nothing else (`Reuters`, `AAP`): the credit
/// under a picture, when it stands alone between paragraphs.
pub fn is_agency(text: &str) -> bool {
    AGENCIES.contains(&text.trim().trim_end_matches('.').to_lowercase())
}

/// The canonical name of the news outlet `text` names (`The Associated Press`, `AP`,
/// `Reuters`), if it is one.
pub fn outlet(text: &str) -> Option<&'static str> {
    let lower = text.trim().trim_end_matches('.').to_lowercase();
    let bare = lower.strip_prefix("the ").unwrap_or(&lower);
    OUTLETS.get(bare).map(String::as_str)
}

/// The authors and the outlet in the rest of a `By …` line (`Jane Doe and John Roe, Reuters`).
pub fn after_by(rest: &str) -> Byline {
    let mut byline = Byline::default();
    for part in rest.split([',', ';', '&', '|']).flat_map(|p| p.split(" and ")) {
        let part = part.trim().trim_end_matches('.');
        if let Some(name) = outlet(part) {
            byline.publisher.get_or_insert_with(|| name.to_owned());
        } else if is_name(part) && !byline.authors.iter().any(|a| a == part) {
            byline.authors.push(part.to_owned());
        }
    }
    byline
}

/// A wire byline without `By`: names, a comma, and a known news outlet (`Jane Doe and John
/// Roe, The Associated Press`). Nothing else on the line.
pub fn wire(line: &str) -> Option<Byline> {
    let (names, agency) = line.trim_end_matches('.').rsplit_once(',')?;
    let publisher = outlet(agency)?;
    let parts: Vec<&str> =
        names.split([',', '&']).flat_map(|p| p.split(" and ")).map(str::trim).collect();
    if parts.is_empty() || !parts.iter().all(|p| is_name(p) && words(p).count() >= 2) {
        return None;
    }
    Some(Byline {
        authors: parts.into_iter().map(str::to_owned).collect(),
        publisher: Some(publisher.to_owned()),
    })
}

/// A person's name as bylines write it: one to five words, each capitalised or a particle.
fn is_name(text: &str) -> bool {
    static INITIALS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\p{Lu}[\p{L}'’.-]*)(\s+(\p{Lu}[\p{L}'’.-]*|de|van|von|der|den|da|di|del|la|le|bin|al|ibn|dos|du))*$")
            .expect("valid pattern")
    });
    let n = words(text).count();
    (1..=MAX_NAME_WORDS).contains(&n) && INITIALS.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_give_authors_and_the_agency() {
        let b = after_by("Jane Doe and John Roe, The Associated Press");
        assert_eq!(b.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(b.publisher.as_deref(), Some("Associated Press"));
        assert_eq!(after_by("Korin Miller").authors, ["Korin Miller"]);
        assert_eq!(
            after_by("Pierre de la Fontaine, AFP").publisher.as_deref(),
            Some("Agence France-Presse")
        );
    }

    #[test]
    fn a_line_of_an_agency_name_alone_is_an_agency() {
        assert!(is_agency("Reuters"));
        assert!(is_agency("Australian Associated Press."));
        assert!(!is_agency("Reuters reported the deal on Monday."));
        assert!(!is_agency("The Guardian"), "a newspaper is no agency");
    }

    #[test]
    fn wire_bylines_need_names_and_a_known_outlet() {
        let b = wire("Jane Doe and John Roe, The Associated Press").expect("a wire byline");
        assert_eq!(b.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(b.publisher.as_deref(), Some("Associated Press"));
        assert!(wire("Jane Doe, Reuters").is_some());
        assert_eq!(wire("Paris, France"), None);
        assert_eq!(wire("The talks went on, Reuters"), None);
        assert_eq!(wire("Senators met on Monday, the Associated Press said"), None);
    }
}
