//! The headline: the page's `<title>` line and its repeat above the article, or the first line
//! of an article that reads as a headline; and the lines that repeat it.

use super::features::{self, LineStats};
use super::lines::Unit;
use super::rules;

/// The unit that repeats the page title (line 0) as the article's headline, if any: the first
/// later line of 2–40 words whose words mostly match one part of the page title (Jaccard ≥ 0.6).
/// The model's `after_title` features are defined by this.
pub fn find_title_repeat(text: &str, units: &[Unit], stats: &[LineStats]) -> Option<usize> {
    let first = &text[units.first()?.start..units[0].end];
    let parts = rules::title_parts(first);
    stats.iter().enumerate().skip(1).take(400).find_map(|(i, s)| {
        ((2..=40).contains(&s.words) && parts.iter().any(|p| features::jaccard(&s.set, p) >= 0.6))
            .then_some(i)
    })
}

/// The article's headline below the page title: the first later line that matches the title's
/// main part (not the site's name) — mostly the same words, or all of a main part of four words
/// or more (the `<title>` was a shortened headline). Breadcrumb trails, which hold the headline
/// among other links, do not count.
pub fn find_headline(text: &str, units: &[Unit], stats: &[LineStats]) -> Option<usize> {
    let title = &text[units.first()?.start..units[0].end];
    let main = features::word_set(rules::strip_site_name(title));
    if main.len() < 2 {
        return None;
    }
    stats.iter().enumerate().skip(1).take(400).find_map(|(i, s)| {
        let shared = features::overlap(&s.set, &main);
        let same = features::jaccard(&s.set, &main) >= 0.6
            || (main.len() >= 4 && s.set.len() <= 3 * main.len() && shared * 10 >= main.len() * 9);
        let line = &text[units[i].start..units[i].end];
        ((2..=40).contains(&s.words) && same && !rules::is_breadcrumb(line)).then_some(i)
    })
}

pub fn repeats_title(stats: &LineStats, title_words: &[u64]) -> bool {
    (2..=40).contains(&stats.words) && features::jaccard(&stats.set, title_words) >= 0.8
}
