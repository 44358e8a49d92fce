//! Rules that recognise what a line *is*, whatever the model thinks of it: comment forms,
//! captchas, news ids, bylines, date lines, photo credits, the title and its repeats.
//! They decide the `kind` of removed lines and fill `metadata`.

use std::sync::LazyLock;

use regex::{Regex, RegexSet, RegexSetBuilder};

use super::byline::{self, Byline};
use super::features::{LineStats, PHRASE_CLASSES, words};
use crate::model::BoilerplateKind;

/// Compiles a rule's pattern (with ASCII word boundaries, see `lexicon::ascii_word_boundaries`).
fn re(pattern: &str) -> Regex {
    Regex::new(&crate::lexicon::ascii_word_boundaries(pattern)).expect("rule patterns are valid")
}

/// A publication or update date read from a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateLine {
    /// ISO 8601 (`2025-01-29`, `2025-01-29T10:32:00`).
    pub iso: String,
    /// `Updated …`, `Last modified …`: the date of a revision, not of publication.
    pub modified: bool,
}

/// The date a line states, if it is a date line (`Published: Jan 29, 2025`, `Updated 5 Feb`).
fn date_line(text: &str) -> Option<DateLine> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let iso = crate::time::parse_date_line(text)?;
    let lower = text.trim_start_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let modified = ["updated", "last updated", "modified", "last modified", "revised"]
        .iter()
        .any(|p| lower.starts_with(p));
    Some(DateLine { iso, modified })
}

/// A line that cleaning removes because of what it is, with what it tells about the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Furniture {
    Captcha,
    CommentForm,
    NewsId(String),
    /// Authors and agency, and the date glued to the byline (`By Jane Doe | Published: Jan 5,
    /// 2025`).
    Byline(Byline, Option<DateLine>),
    Date(DateLine),
    PhotoCredit,
    /// A short line that is only a share, newsletter or advertisement prompt.
    Prompt(BoilerplateKind),
}

impl Furniture {
    pub fn kind(&self) -> BoilerplateKind {
        match self {
            Furniture::Captcha => BoilerplateKind::Captcha,
            Furniture::CommentForm => BoilerplateKind::CommentForm,
            Furniture::NewsId(_)
            | Furniture::Byline(..)
            | Furniture::Date(_)
            | Furniture::PhotoCredit => BoilerplateKind::Metadata,
            Furniture::Prompt(kind) => *kind,
        }
    }
}

const CAPTCHA_PATTERN: &str = r"(?ix)^(
            (what\s+is\s+|solve:?\s*|please\s+solve\s*:?\s*)?\d{1,3}\s*[-+x×*]\s*\d{1,3}\s*(=|equals)\s*\??\s*\*?\s*
          | .{0,40}\b(captcha|i'?m\s+not\s+a\s+robot|prove\s+you'?re\s+(human|not\s+a\s+robot)|security\s+(question|check|code))\b.{0,40}
        )$";
static CAPTCHA: LazyLock<Regex> = LazyLock::new(|| re(CAPTCHA_PATTERN));

const COMMENT_FORM_PATTERN: &str = r"(?ix)^(
            (your|post\s+(a|your)|leave\s+(a|your)|add\s+(a|your)|write\s+(a|your)|submit\s+(a|your)?)\s*(comment|reply|response|review)s?\s*\*?:?
          | you\s+are\s+replying\s+to\s*:?.{0,80}
          | (cancel|post)\s+reply | reply | replies | comments?\s*\(?\d*\)? | \d+\s+comments?
          | (name|e-?mail|e-?mail\s+address|website|message|comment)\s*\*?\s*:?\s*\*?
          | save\s+my\s+name.{0,120}
          | (your\s+)?e-?mail\s+address\s+will\s+not\s+be\s+published.{0,80}
          | required\s+fields\s+are\s+marked.{0,20}
          | (log|sign)\s*in\s+to\s+(comment|reply).{0,40}
          | (view|show|load|hide|read)\s+(all\s+)?(\d+\s+)?comments?.{0,20}
          | be\s+the\s+first\s+to\s+comment.{0,20}
          | (comments\s+are\s+closed|commenting\s+is\s+(closed|disabled)).{0,40}
        )$";
static COMMENT_FORM: LazyLock<Regex> = LazyLock::new(|| re(COMMENT_FORM_PATTERN));

const NEWS_ID_PATTERN: &str = r"(?i)^(?:news|article|story|post|content|doc(?:ument)?)\s*(?:id|no\.?|number|code)\s*[:#.]?\s*([A-Z0-9][A-Z0-9-]{1,24})$";
static NEWS_ID: LazyLock<Regex> = LazyLock::new(|| re(NEWS_ID_PATTERN));

const BYLINE_PATTERN: &str = r"(?i)^(?:by|written\s+by|posted\s+by|reported\s+by|story\s+by|words\s+by|authors?\s*:)\s*:?\s+(.+)$";
static BYLINE: LazyLock<Regex> = LazyLock::new(|| re(BYLINE_PATTERN));

const PHOTO_CREDIT_PATTERN: &str = r"(?ix)(
            ^\(?(photo|photograph|image|picture|pic|video|illustration|graphic)s?(\s+credit)?\s*(:|by\b)
          | ^(credit|source|courtesy)\s*:
          | (/|\bvia\s+|\bfor\s+|\s-\s|—\s?)(getty\s+images|reuters|afp|ap|epa|shutterstock|istock|alamy|bloomberg|ap\s+photo)\)?\.?$
          | ^[^.]{0,80}(/|//)\s*(getty\s+images|shutterstock|istock|alamy|unsplash|pexels)\)?$
          | ^\(?(getty\s+images|shutterstock|istock|alamy|ap\s+photo)\b[^.]{0,60}\)?$
        )";
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| re(PHOTO_CREDIT_PATTERN));

const PROMPT_PATTERN: &str = r"(?ix)^\W*(?:
        (?P<share>(share|tweet|e-?mail|print|save|pin)(\s+(this|on|via|it|the))?(\s+(story|article|post|page|link|facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|e-?mail))?)
      | (?P<news>(sign\s+up|subscribe)(\s+(now|today|for|to|here))?(\s+(our|the|free))?(\s+\w+)?(\s+newsletters?)?)
      | (?P<ad>advertisement|advertising|sponsored(\s+content)?|ad|paid\s+content)
    )\W*$";
static PROMPT: LazyLock<Regex> = LazyLock::new(|| re(PROMPT_PATTERN));

/// All the patterns above in one set: most lines match none of them, and one scan says so.
static ANY: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSetBuilder::new(
        [
            CAPTCHA_PATTERN,
            COMMENT_FORM_PATTERN,
            NEWS_ID_PATTERN,
            BYLINE_PATTERN,
            PHOTO_CREDIT_PATTERN,
            PROMPT_PATTERN,
        ]
        .map(crate::lexicon::ascii_word_boundaries),
    )
    .dfa_size_limit(16 << 20)
    .build()
    .expect("rule patterns are valid")
});

/// Recognises furniture that is removed whatever the model says.
pub fn furniture(text: &str, stats: &LineStats) -> Option<Furniture> {
    if stats.words > 30 || text.chars().count() > 240 {
        return None;
    }
    let any = ANY.is_match(text);
    if any && CAPTCHA.is_match(text) {
        return Some(Furniture::Captcha);
    }
    if any && COMMENT_FORM.is_match(text) {
        return Some(Furniture::CommentForm);
    }
    if any
        && let Some(c) = NEWS_ID.captures(text)
        && c[1].bytes().any(|b| b.is_ascii_digit())
    {
        return Some(Furniture::NewsId(c[1].to_owned()));
    }
    // A date line has a day or a year in digits.
    if stats.words <= 16
        && let Some(date) = date_line(text)
    {
        return Some(Furniture::Date(date));
    }
    if any
        && stats.words <= 14
        && let Some(c) = BYLINE.captures(text)
    {
        let (names, trailer) = byline_trailer(c.get(1).map_or("", |m| m.as_str()));
        let found = byline::after_by(names);
        if !found.authors.is_empty() {
            return Some(Furniture::Byline(found, trailer.and_then(date_line)));
        }
    }
    // `Jane Doe and John Roe, The Associated Press`: a wire byline without `By`.
    if stats.words <= 14
        && text.contains(',')
        && let Some(found) = byline::wire(text)
    {
        return Some(Furniture::Byline(found, None));
    }
    if any && stats.words <= 20 && PHOTO_CREDIT.is_match(text) {
        return Some(Furniture::PhotoCredit);
    }
    // `Share this story`, `Sign up for our newsletter`, `Advertisement`: a prompt, not a sentence.
    if any
        && stats.words <= 6
        && let Some(c) = PROMPT.captures(text)
    {
        let kind = if c.name("share").is_some() {
            BoilerplateKind::Share
        } else if c.name("news").is_some() {
            BoilerplateKind::Newsletter
        } else {
            BoilerplateKind::Advertisement
        };
        return Some(Furniture::Prompt(kind));
    }
    None
}

/// The rest of a byline cut before its trailer (`| Jan 5, 2025`, `Published: …`), and the
/// trailer if any.
fn byline_trailer(rest: &str) -> (&str, Option<&str>) {
    // A date or other trailer glued to the byline ends it (scrapers glue `MillerPublished`).
    static TRAILER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(\||•|·|—|–| - |published|updated|posted|\bon\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,2}[:/]\d{2}|\b(19|20)\d{2}\b)",
        )
    });
    match TRAILER.find(rest) {
        Some(m) => (&rest[..m.start()], Some(&rest[m.start()..])),
        None => (rest, None),
    }
}

/// The boilerplate kind of a removed unit from its furniture phrases and where it sits.
pub fn kind_of_removed(
    stats: &LineStats,
    before_article: bool,
    after_article: bool,
) -> BoilerplateKind {
    let has = |class: &str| {
        PHRASE_CLASSES
            .iter()
            .position(|c| *c == class)
            .is_some_and(|i| stats.phrases & (1 << i) != 0)
    };
    if has("comment") {
        BoilerplateKind::CommentForm
    } else if has("newsletter") {
        BoilerplateKind::Newsletter
    } else if has("share") {
        BoilerplateKind::Share
    } else if has("advertisement") {
        BoilerplateKind::Advertisement
    } else if has("related") {
        BoilerplateKind::Related
    } else if has("cookie") || has("footer") {
        BoilerplateKind::Footer
    } else if has("navigation") || before_article {
        BoilerplateKind::Navigation
    } else if has("byline") || has("date") || has("photo") {
        BoilerplateKind::Metadata
    } else if after_article {
        if stats.is_prose() { BoilerplateKind::Other } else { BoilerplateKind::Related }
    } else {
        BoilerplateKind::Other
    }
}

/// Quote marks that close a quotation.
const CLOSING_QUOTES: &[char] = &['"', '\'', '”', '’', '»'];

/// Whether a line can be a headline: a few words, not a sentence ending in a period.
pub fn is_title_like(text: &str, stats: &LineStats) -> bool {
    let one_word_title =
        stats.words == 1 && text.chars().count() >= 3 && text.starts_with(char::is_uppercase);
    ((2..=30).contains(&stats.words) || one_word_title)
        && text.chars().count() <= 250
        // A line ending like a sentence, inside closing quotes too (`… said ‘no.’`), is not
        // a headline.
        && !text.trim_end_matches(CLOSING_QUOTES).ends_with(['.', ',', ';', ':'])
        && !stats.url
        && stats.phrases == 0
}

/// Whether a kept line is a subheading: short, no final punctuation, introducing more text.
pub fn is_heading(text: &str, stats: &LineStats) -> bool {
    let question = text.ends_with('?') && stats.words <= 12 && stats.cap_ratio >= 0.5;
    (1..=20).contains(&stats.words)
        && text.chars().count() <= 150
        && (!stats.end_punct || question)
        && !stats.end_colon
        && !stats.bullet
        && !text.ends_with([',', ';'])
}

/// A dateline at the start of a paragraph: `MOSCOW (Reuters) —`, `WASHINGTON, Feb 5 (AP) -`.
pub fn dateline(paragraph: &str) -> Option<&str> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^((?:\p{Lu}[\p{Lu}\p{M}.'’-]+)(?:[ ,]+\p{Lu}[\p{Lu}\p{M}.'’-]+){0,3}(?:,\s*\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?)?(?:,?\s+\p{Lu}[a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^()]{2,40}\))?)\s*(?:—|–|-{1,2}|:)\s",
        )
    });
    let c = DATELINE.captures(paragraph)?;
    let m = c.get(1)?;
    // A dateline opens with a place written in capitals, at least one word of 3+ letters.
    let first = m.as_str().split([' ', ',', '(']).next().unwrap_or_default();
    (first.chars().filter(|c| c.is_alphabetic()).count() >= 3).then(|| m.as_str().trim_end())
}

/// A page title without the site's name (`Headline | Site`, `Site | Headline`,
/// `Headline - Site` → `Headline`): of parts separated by bars the longest; else the part after
/// the last dash goes when it is short (a name, not half a headline).
pub fn strip_site_name(title: &str) -> &str {
    static SITE: LazyLock<Regex> = LazyLock::new(|| re(r"\s+(-|–|—|·|•)\s+[^\-–—·•]+$"));
    if title.contains(" | ") {
        let longest =
            title.split(" | ").map(str::trim).max_by_key(|p| words(p).count()).unwrap_or(title);
        if words(longest).count() >= 3 {
            return longest;
        }
    }
    let Some(m) = SITE.find(title) else { return title };
    let (head, site) = (&title[..m.start()], &title[m.start()..]);
    if words(site).count() <= 3 && words(head).count() >= 3 { head.trim_end() } else { title }
}

/// A breadcrumb trail (`Home › News › Headline`, `You are here: …`).
pub fn is_breadcrumb(line: &str) -> bool {
    line.contains(['›', '»', '▸', '>', '→'])
        || line.matches(" / ").count() >= 2
        || line.to_lowercase().starts_with("you are here")
}

/// The parts of a page title (`Headline | Site` → `Headline`, `Site`), as lower-case word sets.
pub fn title_parts(title: &str) -> Vec<Vec<u64>> {
    static SEP: LazyLock<Regex> = LazyLock::new(|| re(r"\s+[|\-–—:·•]\s+|\s*\|\s*"));
    SEP.split(title).map(super::features::word_set).filter(|s| !s.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn furn(text: &str) -> Option<Furniture> {
        furniture(text, &LineStats::of(text))
    }

    #[test]
    fn comment_forms_and_captchas_are_recognised() {
        assert_eq!(furn("3 + 4 ="), Some(Furniture::Captcha));
        assert_eq!(furn("What is 7 x 2?"), None);
        assert_eq!(furn("What is 7 x 2 ="), Some(Furniture::Captcha));
        assert_eq!(furn("Your Comment"), Some(Furniture::CommentForm));
        assert_eq!(furn("You are replying to: ."), Some(Furniture::CommentForm));
        assert_eq!(furn("Leave a Reply"), Some(Furniture::CommentForm));
        assert_eq!(furn("Name *"), Some(Furniture::CommentForm));
        assert_eq!(furn("The comment drew a reply from the minister."), None);
    }

    #[test]
    fn metadata_lines_fill_metadata() {
        assert_eq!(furn("News ID 200143"), Some(Furniture::NewsId("200143".into())));
        assert_eq!(furn("Article ID: 55-1234"), Some(Furniture::NewsId("55-1234".into())));
        assert_eq!(furn("News ID unknown"), None);
        let by = |names: &[&str], publisher: Option<&str>| Byline {
            authors: names.iter().map(|n| (*n).to_owned()).collect(),
            publisher: publisher.map(str::to_owned),
        };
        assert_eq!(
            furn("By Jane Doe and John Roe"),
            Some(Furniture::Byline(by(&["Jane Doe", "John Roe"], None), None))
        );
        assert_eq!(
            furn("Jane Doe and John Roe, The Associated Press"),
            Some(Furniture::Byline(by(&["Jane Doe", "John Roe"], Some("Associated Press")), None))
        );
        let date = |iso: &str, modified| Some(DateLine { iso: iso.into(), modified });
        assert_eq!(
            furn("By Korin MillerPublished: Jan 29, 2025"),
            Some(Furniture::Byline(by(&["Korin Miller"], None), date("2025-01-29", false)))
        );
        assert_eq!(
            furn("Updated: February 5, 2026"),
            Some(Furniture::Date(date("2026-02-05", true).unwrap()))
        );
        assert_eq!(
            furn("Published February 5, 2026"),
            Some(Furniture::Date(date("2026-02-05", false).unwrap()))
        );
        assert_eq!(
            furn("By Korin Miller | Published: Jan 29, 2025"),
            Some(Furniture::Byline(by(&["Korin Miller"], None), date("2025-01-29", false)))
        );
        assert_eq!(furn("By the end of the day, nothing had changed."), None);
        assert_eq!(furn("Tanja Ivanova//Getty Images"), Some(Furniture::PhotoCredit));
        assert_eq!(furn("Photo: Reuters"), Some(Furniture::PhotoCredit));
        assert_eq!(furn("Share this story"), Some(Furniture::Prompt(BoilerplateKind::Share)));
        assert_eq!(furn("ADVERTISEMENT"), Some(Furniture::Prompt(BoilerplateKind::Advertisement)));
        assert_eq!(
            furn("Sign up for our newsletter"),
            Some(Furniture::Prompt(BoilerplateKind::Newsletter))
        );
        assert_eq!(furn("Shares fell sharply on Monday."), None);
    }

    #[test]
    fn datelines_are_found_at_paragraph_starts() {
        assert_eq!(dateline("MOSCOW (Reuters) — Russia said on Tuesday"), Some("MOSCOW (Reuters)"));
        assert_eq!(dateline("WASHINGTON — The Senate voted"), Some("WASHINGTON"));
        assert_eq!(dateline("NEW YORK, Feb 5 (AP) - Stocks rose"), Some("NEW YORK, Feb 5 (AP)"));
        assert_eq!(dateline("The minister — who spoke late — said"), None);
        assert_eq!(dateline("US - China talks"), None);
    }

    #[test]
    fn headings_are_short_and_unpunctuated() {
        let h = |t: &str| is_heading(t, &LineStats::of(t));
        assert!(h("New START Extension"));
        assert!(h("What Happens Next?"));
        assert!(!h("He said the talks would continue."));
        assert!(!h("Here is why:"));
    }

    #[test]
    fn site_names_are_stripped_from_page_titles() {
        assert_eq!(strip_site_name("Rates Rise Again | Example News"), "Rates Rise Again");
        assert_eq!(strip_site_name("Rates Rise Again - The Guardian"), "Rates Rise Again");
        assert_eq!(
            strip_site_name(
                "Talks Are Underway — Details Will Remain Confidential / Ready to Meet"
            ),
            "Talks Are Underway — Details Will Remain Confidential / Ready to Meet"
        );
        assert_eq!(strip_site_name("Up - Down"), "Up - Down");
        assert_eq!(
            strip_site_name("Six Steps to Health | HealthSite | University"),
            "Six Steps to Health"
        );
        assert_eq!(
            strip_site_name("The Agency | Machine Learning at Georgia Tech"),
            "Machine Learning at Georgia Tech"
        );
        assert_eq!(strip_site_name("No separator here"), "No separator here");
    }

    #[test]
    fn title_parts_split_site_names() {
        let parts = title_parts("Diet Trends for 2025 | Prevention");
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], super::super::features::word_set("Diet Trends for 2025"));
    }
}
