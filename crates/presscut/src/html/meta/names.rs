//! What reads as a credit on a page: a person's name, a desk (`The Example Team`), a name in
//! capitals after an explicit `By` — and what does not (furniture such as `View more posts`,
//! facets such as `Filter`, template keys, a time zone). Also the repairs bylines need when
//! spans run together without spaces (`Jane RoeDecember 3`, `Jane RoebuckFounder`).

use super::{authors, dates};
use crate::entities::lexicon::LEX;

/// Words that show a line is page furniture or a label, not a person's name (lower case).
pub const NOT_NAME_WORDS: &[&str] = &[
    "for",
    "name",
    "to",
    "how",
    "tips",
    "guide",
    "learn",
    "filter",
    "best",
    "top",
    "home",
    "menu",
    "search",
    "more",
    "view",
    "posts",
    "post",
    "share",
    "updated",
    "published",
    "insights",
    "from",
    "about",
    "contact",
    "team",
    "our",
    "meet",
    "read",
    "subscribe",
    "login",
    "sign",
    "newsletter",
    "blog",
    "news",
    "editor",
    "editors",
    "staff",
    "admin",
    "guest",
    "author",
    "authors",
    "written",
    "reviewed",
    "privacy",
    "policy",
    "terms",
    "all",
    "rights",
    "reserved",
    "comments",
    "comment",
    "reply",
    "follow",
    "profile",
    "articles",
    "latest",
];

/// Words that make a name an organisation's (`Acme Media`, `Example News Inc`).
pub const ORGANISATION_WORDS: &[&str] = &[
    "inc",
    "llc",
    "ltd",
    "gmbh",
    "corp",
    "co",
    "company",
    "media",
    "group",
    "news",
    "studio",
    "studios",
    "magazine",
    "press",
    "labs",
    "agency",
    "solutions",
    "services",
    "clinic",
    "university",
    "institute",
    "association",
    "foundation",
    "network",
    "digital",
    "online",
    "journal",
    "times",
    "daily",
    "post",
    "blog",
    "official",
    "center",
    "centre",
    "health",
];

/// A plausible person's name shown on a page: one to five capitalised words (particles and
/// initials allowed) before any comma, no label or furniture word, no digits or odd marks.
pub fn person_like(name: &str) -> bool {
    person_like_cased(name, false)
}

/// [`person_like`], with words in capitals allowed when `capitals` (`JANE ROE`, `ACME EMEA`:
/// after an explicit `By`, a credit set in capitals is still a credit).
pub fn person_like_cased(name: &str, capitals: bool) -> bool {
    let head = name.split(',').next().unwrap_or("").trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    authors::is_name(name)
        && (1..=5).contains(&words.len())
        && !head.contains(['?', '!', ':', '"', '“', '(', ')', '_'])
        && words.iter().all(|w| {
            let lw = w.to_lowercase();
            let bare = lw.trim_matches(|c: char| !c.is_alphanumeric());
            // `page.head.extra` (dotted lower case) is a template key, `J.K.` initials are not.
            let dotted_key =
                w.trim_end_matches('.').contains('.') && !w.chars().any(char::is_uppercase);
            !NOT_NAME_WORDS.contains(&bare)
                && !dotted_key
                && (w.starts_with(char::is_uppercase) || authors::is_particle(&lw))
                && (capitals || w.chars().count() < 4 || w.chars().any(char::is_lowercase))
        })
}

/// Words that make a credit a newsroom's desk or a company's team (`The Example Team`).
pub const DESK_WORDS: &[&str] =
    &["team", "staff", "editor", "editors", "editorial", "desk", "newsroom"];

/// A credit a byline may give: a person's name, or a desk (`Example Staff`, `The Example
/// Team`) — capitalised words with a desk word and no other furniture.
pub fn credit_like(name: &str) -> bool {
    if person_like(name) {
        return true;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let bare = |w: &str| w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    authors::is_name(name)
        && (2..=5).contains(&words.len())
        && words.iter().any(|w| DESK_WORDS.contains(&bare(w).as_str()))
        && words.iter().all(|w| {
            let b = bare(w);
            DESK_WORDS.contains(&b.as_str())
                || ((w.starts_with(char::is_uppercase) || b == "the")
                    && !NOT_NAME_WORDS.contains(&b.as_str()))
        })
}

/// A name the page declares that is no one's: a domain (`example.net`) or a template key
/// (`page.head.extra.author`).
pub fn junk_credit(name: &str) -> bool {
    !name.contains(' ') && name.contains('.') && !name.chars().any(char::is_uppercase)
}

/// A name whose first word is a known given name (the entity lexicon's list).
pub fn given_name_first(name: &str) -> bool {
    name.split_whitespace().next().is_some_and(|f| LEX.is_first_name(f, false))
}

/// Page furniture given as a credit: two words or more, all furniture words (`View more
/// posts`; a desk word makes a credit: `Our Editors`).
pub fn furniture(name: &str) -> bool {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .collect();
    words.len() >= 2
        && words
            .iter()
            .all(|w| NOT_NAME_WORDS.contains(&w.as_str()) && !DESK_WORDS.contains(&w.as_str()))
}

/// Two or more words and no organisation word: a person rather than a desk or a company.
pub fn personal_name(name: &str) -> bool {
    person_like(name)
        && name.split_whitespace().count() >= 2
        && !name.split_whitespace().any(|w| {
            ORGANISATION_WORDS
                .contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric()))
        })
}

/// A credit that runs on into other words (`Jane Roe on Friday December`), cut to its
/// capitalised words; a run cut short is kept only with two words or more (`Ask the
/// Doctors` is not `Ask`).
pub fn tidy(name: &str) -> Option<String> {
    let run = without_date_words(capitalised_run(name));
    // What follows a one-word run: a name is followed by its date or place (`BeauHD on
    // Friday`), a phrase by more of itself (`Ask the Doctors`).
    let follows = name[run.len()..].split_whitespace().next().unwrap_or("");
    (run.split_whitespace().count() >= 2
        || run.len() == name.trim().len()
        || matches!(follows, "on" | "at" | "in" | "from" | "am" | "le" | "el"))
    .then(|| run.to_owned())
    .filter(|r| opener_credit(r))
}

/// What an explicit `By` may credit: a person, a desk, or a name set in capitals.
pub fn opener_credit(name: &str) -> bool {
    credit_like(name) || person_like_cased(name, true)
}

/// A name without the weekday and month words a byline runs on into (`Jane Roe Friday
/// December` → `Jane Roe`).
pub fn without_date_words(name: &str) -> &str {
    let mut end = name.len();
    for w in name.split_whitespace().rev() {
        let lw = w.to_lowercase();
        if !(dates::is_month(&lw) || authors::is_weekday(&lw)) {
            break;
        }
        end = w.as_ptr() as usize - name.as_ptr() as usize;
    }
    name[..end].trim_end()
}

/// A name as a line shows it: some word with a small letter and one of two letters or more
/// (not `PM ET`, not `B`).
pub fn shown_name(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        w.chars().any(char::is_lowercase) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
    })
}

/// Letters a word runs for before a capital starts another word glued to it (`RoeFounder`);
/// shorter prefixes are names' own (`McDonald`, `DeVito`, `MacKenzie`).
pub const GLUED_PREFIX: usize = 5;

/// A byline run into its date without a space (`Jane RoeDecember 3`) cut before the month.
pub fn cut_glued_month(text: &str) -> &str {
    cut_glued_where(text, |word, _| dates::is_month(&word.to_lowercase()))
}

/// A name run into the next words without a space (`Jane RoeFounder at Example`) cut there.
pub fn cut_glued(text: &str) -> &str {
    cut_glued_where(text, |word, prefix| {
        prefix >= GLUED_PREFIX || dates::is_month(&word.to_lowercase())
    })
}

/// `text` up to the first capital glued to a small letter where `cut(word, prefix)` says so
/// (`word`: the letters from the capital on; `prefix`: letters of the word before it).
pub fn cut_glued_where(text: &str, cut: impl Fn(&str, usize) -> bool) -> &str {
    let mut prev: Option<char> = None;
    let mut prefix = 0;
    for (i, c) in text.char_indices() {
        if c.is_uppercase() && prev.is_some_and(char::is_lowercase) {
            let word: String = text[i..].chars().take_while(|c| c.is_alphabetic()).collect();
            if cut(&word, prefix) {
                return &text[..i];
            }
        }
        prefix = if c.is_alphabetic() { prefix + 1 } else { 0 };
        prev = Some(c);
    }
    text
}

/// The leading capitalised words of a piece (`Jane Roe on behalf of the team` → `Jane Roe`).
pub fn capitalised_run(p: &str) -> &str {
    let mut end = 0;
    for (i, w) in p.split_whitespace().enumerate() {
        let lw = w.to_lowercase();
        let desk = DESK_WORDS.contains(&lw.trim_matches(|c: char| !c.is_alphanumeric()));
        if i > 0 && !w.starts_with(char::is_uppercase) && !authors::is_particle(&lw) && !desk {
            break;
        }
        let at = w.as_ptr() as usize - p.as_ptr() as usize;
        end = at + w.len();
    }
    &p[..end]
}
