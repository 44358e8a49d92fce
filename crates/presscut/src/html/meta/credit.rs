//! Who wrote the article: the page's declared authors (JSON-LD, meta tags, microdata,
//! `rel=author`) and, when those are missing or name only the site, what the page shows by
//! the headline — a `By …` line, a short line or link marked as the author's (a class word
//! `author`/`byline`, a link to `/author/jane-roe`), the author box just after the article —
//! and, on a personal site with no byline at all, the person the site is named after.
//!
//! Only this article's byline counts: everything shown must sit by the headline or the
//! article's first lines (or right after its last), outside related rails and comments, so
//! that bylines of other stories on the page are never taken.

use std::sync::LazyLock;

use regex::Regex;

use super::names::{
    capitalised_run, cut_glued, cut_glued_month, furniture, given_name_first, junk_credit,
    opener_credit, person_like, personal_name, shown_name, tidy,
};
use super::resolve::Anchor;
use super::{AUTHOR_KEYS, Declared, authors, dates, owners, segment_of};
use crate::html::dom::Dom;
use crate::html::segment::{Segment, flag};

/// Most words of a line read as a byline.
const BYLINE_MAX_WORDS: u32 = 25;

/// Most words of a line that may hold a byline inside it (`Published 7 July 2014 by Jane Roe`).
const INLINE_BYLINE_MAX_WORDS: u32 = 16;

/// Most words of a line marked as the author's (`<div class="author-name">`).
const MARKED_MAX_WORDS: u32 = 10;

/// Most words of a date line that also names its author (`2025-12-17 · Jane Roe`).
const DATED_BYLINE_MAX_WORDS: u32 = 10;

/// How many segments after the article's last one an author box is looked for in.
const BIO_AFTER: usize = 12;

/// An author's page: `/author/jane-roe`, `/authors/…`, `/people/…`, `?author=…`.
static AUTHOR_HREF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/(?:author|authors|autor|autoren|auteur|auteurs|autore|writer|writers|contributor|contributors|people|our[_-]people|staff|team|profiles?|experts?|columnists?|reporters?|journalists?|byline)/[^/?#\s]+|[?&](?:author|authorlink)=")
        .expect("author link regex")
});

/// True when a link points at an author's page.
pub fn is_author_href(href: &str) -> bool {
    !href.is_empty() && AUTHOR_HREF.is_match(href)
}

/// `by Jane Roe` inside a longer line.
static INLINE_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|van|von|de|der|da|di|du|la|le)){0,4})")
        .expect("inline byline regex")
});

/// An author box's sentence naming the writer (`This post was written by …`).
static WRITTEN_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:written|authored|posted|geschrieben|écrit|escrito|scritto)\s+(?:by|von|par|por|da)\s")
        .expect("written-by regex")
});

/// `© 2025 Jane Roe`, `Copyright 2019–2025 Jane Roe. All rights reserved.`
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*([^.|•·,©]+)",
    )
    .expect("copyright regex")
});

/// The names of a byline segment: `By …` lines, or short lines marked as an author's (their
/// dates and separators cut away); a bare `By` takes its names from the next segment.
fn byline(s: &Segment, next: Option<&Segment>) -> Option<Vec<String>> {
    if authors::is_bare_opener(&s.text) {
        let next = next?;
        let names = authors::split_names(&next.text);
        return (!names.is_empty() && next.words <= 8 && names.iter().all(|n| opener_credit(n)))
            .then_some(names);
    }
    let text = glued_opener(&s.text);
    let opener = {
        let t = text.trim_start().to_lowercase();
        ["by ", "by:", "von ", "par ", "por ", "di ", "door ", "written by", "posted by", "autor"]
            .iter()
            .any(|p| t.starts_with(p))
    };
    let marked = s.flags & (flag::C_AUTHOR | (flag::C_AUTHOR >> 20 << flag::OWN_SHIFT)) != 0;
    if opener {
        // A byline often runs on into the date: cut at the first digit or separator.
        let cut = text
            .find(|c: char| c.is_ascii_digit() || matches!(c, '|' | '•' | '·' | '—'))
            .unwrap_or(text.len());
        let head = cut_glued_month(&text[..cut]);
        let names: Vec<String> = authors::split_names(head.trim_end_matches([' ', ',', '-', '–']))
            .iter()
            .filter_map(|n| if opener_credit(n) { Some(n.clone()) } else { tidy(n) })
            .collect();
        return (!names.is_empty()).then_some(names);
    }
    if marked && s.words <= MARKED_MAX_WORDS {
        return marked_names(&text);
    }
    if s.words <= INLINE_BYLINE_MAX_WORDS {
        let c = INLINE_BY.captures(&text)?;
        let names = authors::split_names(c.get(1)?.as_str());
        // A single word after `by` is mostly a facet (`Sort by Date`, `Browse by State`).
        return (!names.is_empty()
            && names.iter().all(|n| person_like(n) && n.split_whitespace().count() >= 2))
        .then_some(names);
    }
    None
}

/// `ByJane Roe`, `Posted byJane Roe` (spans run together) read as `By Jane Roe`.
static GLUED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?i:(?:written|posted|reviewed)\s+)?[Bb]y)(\p{Lu})").expect("glued byline regex")
});

/// `ByJane Roe` (spans run together) read as `By Jane Roe`.
fn glued_opener(text: &str) -> String {
    GLUED_BY.replace(text.trim_start(), "$1 $2").into_owned()
}

/// The names in a line marked as the author's: its pieces between dates, digits and
/// separators, the first that reads as a person's name.
fn marked_names(text: &str) -> Option<Vec<String>> {
    text.split(|c: char| c.is_ascii_digit() || matches!(c, '|' | '•' | '·' | '—' | '/'))
        .map(|p| p.trim().trim_matches([',', '-', '–', ' ']))
        .filter(|p| !p.is_empty())
        .find_map(|p| {
            // `Guide by Jane Roe`: the name after `by`.
            let p = INLINE_BY.captures(p).and_then(|c| c.get(1)).map_or(p, |m| m.as_str());
            let run = capitalised_run(p);
            // A run cut short is a name only with two words or more (`Guide`, not a name).
            if run.len() < p.len() && run.split_whitespace().count() < 2 {
                return None;
            }
            let names = authors::split_names(cut_glued(run));
            (!names.is_empty() && names.iter().all(|n| person_like(n) && shown_name(n)))
                .then_some(names)
        })
}

/// The article's authors (see the module documentation). `window` holds the segments by the
/// headline and the article's first lines.
pub fn authors(
    dom: &Dom,
    d: &Declared,
    segments: &[Segment],
    window: &[usize],
    anchor: Anchor,
    site: Option<&str>,
) -> Vec<String> {
    let ld = &d.ld;
    let from_meta: Vec<String> = AUTHOR_KEYS
        .iter()
        .map(|k| d.all(k).flat_map(authors::split_names).collect::<Vec<_>>())
        .find(|v| !v.is_empty())
        .or_else(|| labelled_credit(d))
        .unwrap_or_default();
    let from_elements =
        d.author_elements.first().map(|(_, n)| authors::split_names(n)).unwrap_or_default();
    let sites: Vec<&str> = [site, ld.publisher.as_deref(), ld.site_name.as_deref()]
        .into_iter()
        .flatten()
        .chain(ld.author_orgs.iter().map(String::as_str))
        .collect();
    let is_site = |names: &[String]| {
        names.iter().all(|n| {
            sites.iter().any(|s| {
                s.eq_ignore_ascii_case(n) || s.to_lowercase().starts_with(&n.to_lowercase())
            })
        })
    };
    // What the page shows by the headline.
    let near: Vec<&Segment> =
        window.iter().map(|&i| &segments[i]).filter(|s| s.words <= BYLINE_MAX_WORDS).collect();
    let shown = near
        .iter()
        .enumerate()
        .filter_map(|(k, s)| byline(s, near.get(k + 1).copied()))
        .find(|n| !is_site(n));
    let owner_map = owners(segments);
    let links: Vec<(usize, &str)> = d
        .author_links
        .iter()
        .filter_map(|(node, name)| segment_of(dom, &owner_map, *node).map(|i| (i, name.as_str())))
        .collect();
    let outside = flag::C_RELATED | flag::C_COMMENT | flag::NAV | flag::ASIDE;
    let linked: Vec<String> = links
        .iter()
        .filter(|(i, _)| window.contains(i) && segments[*i].flags & outside == 0)
        .flat_map(|(_, n)| authors::split_names(n))
        .filter(|n| person_like(n))
        .fold(Vec::new(), |mut acc, n| {
            if !acc.contains(&n) {
                acc.push(n);
            }
            acc
        });
    // Every list of names the page gives, to widen a declared one that names only the first
    // of several authors.
    let mut lists: Vec<Vec<String>> = AUTHOR_KEYS
        .iter()
        .map(|k| d.all(k).flat_map(authors::split_names).collect::<Vec<_>>())
        .collect();
    lists.push(ld.authors.clone());
    // (Not the author links: they also link reviewers and editors.)
    lists.extend(shown.clone());
    // The declared ones, trusted when they name someone other than the site.
    let mut fallback: Vec<String> = Vec::new();
    for names in [&ld.authors, &from_meta, &from_elements] {
        if names.is_empty() {
            continue;
        }
        // Names that are no credit at all (`View more posts`, a template key) are skipped.
        if names.iter().any(|n| junk_credit(n) || furniture(n)) {
            continue;
        }
        if is_site(names) || !names.iter().all(|n| person_like(n)) {
            if fallback.is_empty() {
                fallback.clone_from(names);
            }
            continue;
        }
        return widened(names, &lists);
    }
    if let Some(names) = shown {
        return names;
    }
    if !linked.is_empty() && !is_site(&linked) {
        return linked;
    }
    if !fallback.is_empty() {
        return fallback;
    }
    // A date line by the headline that names someone (`2025-12-17 · Jane Roe`).
    let dated = near
        .iter()
        .filter(|s| s.words <= DATED_BYLINE_MAX_WORDS && dates::find(&s.text, true).is_some())
        .find_map(|s| marked_names(&s.text))
        .filter(|n| n.iter().all(|x| personal_name(x) && given_name_first(x)) && !is_site(n));
    if let Some(names) = dated {
        return names;
    }
    // The author box right after the article.
    if let Some(end) = anchor.body_end {
        let after = end + 1..(end + 1 + BIO_AFTER).min(segments.len());
        for i in after {
            let s = &segments[i];
            if s.flags & outside != 0 {
                continue;
            }
            let marked = s.flags & (flag::C_AUTHOR >> 20 << flag::OWN_SHIFT) != 0;
            let names = if authors::is_bare_opener(&s.text) {
                let next = segments.get(i + 1).filter(|n| n.words <= MARKED_MAX_WORDS);
                next.map(|n| authors::split_names(&n.text))
                    .filter(|n| n.iter().all(|x| person_like(x)))
            } else if marked && s.words <= MARKED_MAX_WORDS {
                marked_names(&glued_opener(&s.text))
            } else if authors::BY_OPENER.is_match(&s.text) && s.words <= 8 {
                Some(authors::split_names(&s.text)).filter(|n| n.iter().all(|x| person_like(x)))
            } else if s.words <= BYLINE_MAX_WORDS && WRITTEN_BY.is_match(&s.text) {
                // `This post was written by Jane Roe, head of …`
                INLINE_BY
                    .captures(&s.text)
                    .and_then(|c| c.get(1))
                    .map(|m| authors::split_names(m.as_str()))
                    .filter(|n| {
                        n.iter().all(|x| person_like(x) && x.split_whitespace().count() >= 2)
                    })
            } else {
                None
            };
            if let Some(names) = names.filter(|n| !n.is_empty() && !is_site(n)) {
                return names;
            }
        }
    }
    if let Some(name) = personal_site(d, segments, site) {
        return vec![name];
    }
    ld.author_orgs.clone()
}

/// Most authors a widened credit lists.
const MAX_AUTHORS: usize = 8;

/// The last word of a name, lower case (`Dr Jane van Roe` → `roe`).
fn surname(name: &str) -> String {
    let head = name.split(',').next().unwrap_or(name);
    head.split_whitespace().last().unwrap_or("").to_lowercase()
}

/// `names`, or a longer list the page also gives that holds every one of them (the meta tag
/// names the first author, the byline all four).
fn widened(names: &[String], lists: &[Vec<String>]) -> Vec<String> {
    let mine: Vec<String> = names.iter().map(|n| surname(n)).collect();
    lists
        .iter()
        .filter(|l| {
            let mut distinct: Vec<String> = l.iter().map(|n| n.to_lowercase()).collect();
            distinct.sort_unstable();
            distinct.dedup();
            distinct.len() == l.len() && l.len() > names.len() && l.len() <= MAX_AUTHORS
        })
        .filter(|l| l.iter().all(|n| person_like(n)))
        .filter(|l| {
            let theirs: Vec<String> = l.iter().map(|n| surname(n)).collect();
            mine.iter().all(|m| theirs.contains(m))
        })
        .max_by_key(|l| l.len())
        .cloned()
        .unwrap_or_else(|| names.to_vec())
}

/// The names of a Twitter card's labelled datum (`twitter:label1` = `Written by`,
/// `twitter:data1` = the names).
fn labelled_credit(d: &Declared) -> Option<Vec<String>> {
    d.metas.iter().find_map(|(k, v)| {
        let n = k.strip_prefix("twitter:label")?;
        let label = v.trim().trim_end_matches(':').to_lowercase();
        if !matches!(label.as_str(), "written by" | "by" | "author" | "authors" | "est. author") {
            return None;
        }
        let data = format!("twitter:data{n}");
        let names = authors::split_names(d.meta(&[data.as_str()])?);
        (!names.is_empty()).then_some(names)
    })
}

/// `Jane Roe's blog` → `Jane Roe`: a site named as someone's own.
fn owner_of(site: &str) -> Option<&str> {
    let lower = site.to_lowercase();
    let at = lower.find("'s ").or_else(|| lower.find("’s "))?;
    let rest = lower[at..].trim_start_matches(['\'', '’', 's', ' ']);
    ["blog", "site", "website", "homepage", "notes", "journal", "weblog"]
        .contains(&rest.trim())
        .then(|| site[..at].trim())
}

/// A personal site's owner: a person's name that the site gives as its own in at least two
/// places (the home link, the copyright line, the site name, the publisher, the `<title>`).
fn personal_site(d: &Declared, segments: &[Segment], site: Option<&str>) -> Option<String> {
    let copyright: Vec<String> = segments
        .iter()
        .rev()
        .take(COPYRIGHT_TAIL)
        .filter(|s| s.words <= BYLINE_MAX_WORDS)
        .filter_map(|s| COPYRIGHT.captures(&s.text))
        .filter_map(|c| c.get(1).map(|m| m.as_str().trim().to_owned()))
        .collect();
    let mut title_parts: Vec<&str> = d.title.as_deref().into_iter().collect();
    for sep in [" | ", " - ", " – ", " — ", " · "] {
        title_parts = title_parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    let declared: Vec<&str> = [site, d.ld.publisher.as_deref(), d.ld.site_name.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let places = |name: &str| {
        let is = |x: &str| x.trim().eq_ignore_ascii_case(name);
        usize::from(d.home_links.iter().any(|h| is(h)))
            + usize::from(copyright.iter().any(|c| is(c)))
            + usize::from(declared.iter().any(|s| is(s)))
            + usize::from(title_parts.iter().any(|t| is(t)))
    };
    if let Some(owner) = declared.iter().find_map(|s| owner_of(s)).filter(|o| personal_name(o)) {
        return Some(owner.to_owned());
    }
    // Shown names (the home link, the copyright line) first; a name only declared (the site
    // name, the `<title>`) must also start with a known given name (`Restless Wanderer` is a
    // brand).
    let shown = d.home_links.iter().map(String::as_str).chain(copyright.iter().map(String::as_str));
    shown
        .map(str::trim)
        .find(|n| personal_name(n) && places(n) >= 2)
        .or_else(|| {
            declared
                .iter()
                .chain(&title_parts)
                .map(|n| n.trim())
                .find(|n| personal_name(n) && given_name_first(n) && places(n) >= 2)
        })
        .map(str::to_owned)
}

/// How many segments at the end of the page are looked at for a copyright line.
const COPYRIGHT_TAIL: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_and_labels() {
        for ok in ["Jane Roe", "Ana de la Cruz", "Julian K. Arni", "Jane Roe, MD", "Jane"] {
            assert!(person_like(ok), "{ok}");
        }
        for bad in [
            "View more posts",
            "Updated January",
            "SPEAKERS",
            "page.head.extra.author",
            "But guess what?",
            "Personal finance",
            "Insights from",
        ] {
            assert!(!person_like(bad), "{bad}");
        }
        assert!(
            personal_name("Jane Roe") && !personal_name("Example Media") && !personal_name("Jane")
        );
    }

    #[test]
    fn author_pages() {
        assert!(is_author_href("https://example.com/author/jane-roe/"));
        assert!(is_author_href("/people/jane-roe"));
        assert!(is_author_href("/search?author=Jane+Roe"));
        assert!(!is_author_href("/authority-of-the-state"));
        assert!(!is_author_href("/news/2025/story"));
    }

    #[test]
    fn marked_lines_lose_their_dates() {
        assert_eq!(marked_names("Dec 17, 2025Julian K. Arni"), Some(vec!["Julian K. Arni".into()]));
        assert_eq!(marked_names("Jane Roe | 5 min read"), Some(vec!["Jane Roe".into()]));
        assert_eq!(marked_names("Share this"), None);
        // Facets, time zones and run-on roles are not names.
        assert_eq!(marked_names("Filter"), None);
        assert_eq!(marked_names("October 17, 20236:01 PM ET"), None);
        assert_eq!(
            marked_names("Jane RoebuckFounder at Example"),
            Some(vec!["Jane Roebuck".into()])
        );
        assert_eq!(marked_names("Guide by Jane Roe"), Some(vec!["Jane Roe".into()]));
        assert_eq!(
            marked_names("Dec. 19, 2025 · Jane Roe on behalf of the team"),
            Some(vec!["Jane Roe".into()])
        );
    }

    #[test]
    fn explicit_bylines_run_on_into_dates() {
        assert_eq!(glued_opener("Posted byJane Roe"), "Posted by Jane Roe");
        assert_eq!(cut_glued_month("By Jane RoeDecember"), "By Jane Roe");
        assert_eq!(cut_glued_month("By Jane McDonald"), "By Jane McDonald");
        assert_eq!(tidy("jroe on Friday December").as_deref(), None);
        assert_eq!(tidy("JRoe on Friday December").as_deref(), Some("JRoe"));
        assert_eq!(tidy("Ask the Doctors"), None);
        assert!(opener_credit("EXAMPLE EMEA") && opener_credit("The Example Team"));
        assert!(!opener_credit("View more posts"));
    }

    #[test]
    fn credits_that_are_no_one() {
        assert!(furniture("View more posts") && !furniture("Our Editors"));
        assert!(junk_credit("page.head.extra.author") && !junk_credit("Example.com"));
        assert_eq!(owner_of("Jane Roe's blog"), Some("Jane Roe"));
        assert_eq!(owner_of("Example News"), None);
    }

    #[test]
    fn a_first_author_widens_to_the_full_list() {
        let first = vec!["Jane Roe".to_owned()];
        let all = vec!["Dr Jane Roe".to_owned(), "John Doe".to_owned()];
        let other = vec!["Ann Poe".to_owned(), "John Doe".to_owned()];
        assert_eq!(widened(&first, &[other.clone(), all.clone()]), all);
        assert_eq!(widened(&first, &[other]), first);
    }
}
