//! Author names from bylines and author fields: `By Jane Roe and John Doe`, `Von Anna Beispiel`,
//! `Jane Roe, MD` (credentials stay with the name), lists joined by `and`, `&`, `;` or commas.

use std::sync::LazyLock;

use regex::Regex;

/// Byline openers in the languages of [`super::dates`]'s month table.
pub static BY_OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:written\s+by|posted\s+by|reviewed\s+by|by|von|par|por|di|door|av|af|przez|автор)\s*:?\s+")
        .expect("byline regex")
});

static JOINERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+(?:and|with|und|et|y|e|en|och|og|i)\s+|\s*[&;|]\s*|\s+·\s+")
        .expect("joiner regex")
});

/// Most words a name has (`Maria de los Angeles Garcia Lopez`).
const MAX_NAME_WORDS: usize = 7;

/// Words that make a comma part a role or a description rather than a name (`Jane Roe, Senior
/// Editor`).
const ROLE_WORDS: &[&str] = &[
    "director",
    "editor",
    "manager",
    "expert",
    "writer",
    "contributor",
    "dietitian",
    "reporter",
    "correspondent",
    "officer",
    "president",
    "founder",
    "ceo",
    "specialist",
    "consultant",
    "analyst",
    "professor",
    "staff",
    "team",
    "senior",
    "chief",
    "head",
    "lead",
    "author",
    "columnist",
    "producer",
    "journalist",
    "coach",
    "instructor",
    "member",
    "of",
    "at",
    "for",
];

/// Lower-case words that may stand inside a name (`Ludwig van Beethoven`, `Ana de la Cruz`).
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "la", "le", "da", "di", "do", "dos", "du", "bin", "al", "el",
    "ter", "ten", "y",
];

/// True for a lower-case word that may stand inside a name.
pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// A comma part that reads as a person's name: two to five words, capitalised or particles,
/// no role word.
fn name_like(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            let lw = w.to_lowercase();
            !ROLE_WORDS.contains(&lw.trim_end_matches(['.', ',']))
                && (w.starts_with(char::is_uppercase) || PARTICLES.contains(&lw.as_str()))
        })
}

/// Weekday names and abbreviations that bylines run into (`By Jane Roe Sat, 12 …`).
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// The names in an author field or byline, `By` and similar openers removed.
pub fn split_names(field: &str) -> Vec<String> {
    let field = field.trim();
    if field.contains("://") || field.starts_with("www.") {
        return Vec::new();
    }
    let s = BY_OPENER.replace(field, "");
    let mut out: Vec<String> = Vec::new();
    for part in JOINERS.split(&s) {
        let part = part.trim().trim_end_matches([',', '.', ':']).trim();
        // Commas separate names only when every comma part is a name; otherwise they attach
        // credentials or roles (`Jane Roe, MD, PhD`, `Jane Roe, Senior Editor`).
        let commas: Vec<&str> = part.split(',').map(str::trim).filter(|x| !x.is_empty()).collect();
        let names: Vec<&str> = if commas.len() > 1 && commas.iter().all(|c| name_like(c)) {
            commas
        } else {
            vec![part]
        };
        for n in names {
            if is_name(n) && !out.iter().any(|o| o == n) {
                out.push(n.to_owned());
            }
        }
    }
    out
}

/// Only a byline's opener (`By`, `Written by`, `Author:`): the name is in the next block.
pub fn is_bare_opener(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').trim().to_lowercase();
    matches!(
        t.as_str(),
        "by" | "written by"
            | "posted by"
            | "author"
            | "authors"
            | "words by"
            | "reviewed by"
            | "von"
            | "par"
            | "por"
            | "autor"
            | "auteur"
            | "article by"
            | "story by"
            | "text by"
            | "reported by"
    )
}

/// True for a weekday name or abbreviation (lower case).
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&word)
}

/// A plausible person or desk name: letters, a few words, no URL, e-mail, date or label.
pub fn is_name(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let lower = s.to_lowercase();
    (1..=MAX_NAME_WORDS).contains(&words)
        && s.chars().next().is_some_and(char::is_alphabetic)
        && !s.contains(['@', '/', '<', '>', '{', '}', '='])
        && s.chars().filter(char::is_ascii_digit).count() == 0
        && !lower.starts_with("http")
        && !lower.starts_with("www.")
        && !is_bare_opener(s)
        && !date_words(s)
}

/// A date's words rather than a name: `Sat`, `March`, `Tue March`, `June updated`. Months that
/// are also given names (`April Fulton`, `Marco Rossi`) stay names when a capitalised word
/// follows.
fn date_words(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let dateish = |w: &str| {
        let lw = w.to_lowercase();
        let lw = lw.trim_matches(|c: char| !c.is_alphanumeric());
        super::dates::is_month(lw) || WEEKDAYS.contains(&lw)
    };
    match (words.next(), words.next(), words.next()) {
        (Some(a), None, None) => dateish(a),
        (Some(a), Some(b), None) => {
            dateish(a) && (dateish(b) || !b.starts_with(char::is_uppercase))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_become_names() {
        assert_eq!(split_names("By Jane Roe and John Doe"), ["Jane Roe", "John Doe"]);
        assert_eq!(split_names("Von Anna Beispiel"), ["Anna Beispiel"]);
        // Given names that are also months stay names; dates do not.
        assert_eq!(split_names("April Fulton"), ["April Fulton"]);
        assert_eq!(split_names("Marco Rossi"), ["Marco Rossi"]);
        assert!(split_names("Tue March").is_empty() && split_names("Sat").is_empty());
        assert_eq!(split_names("Jane Roe, MD, PhD"), ["Jane Roe, MD, PhD"]);
        assert_eq!(
            split_names("Jane Roe, John Doe, and Ann Poe"),
            ["Jane Roe", "John Doe", "Ann Poe"]
        );
        assert_eq!(split_names("https://example.com/people/jane"), Vec::<String>::new());
        assert_eq!(split_names("Jane Roe, Senior Editor"), ["Jane Roe, Senior Editor"]);
        assert_eq!(split_names("Written by"), Vec::<String>::new());
        assert_eq!(split_names("Dec"), Vec::<String>::new());
    }
}
