//! Text repeated in the input: an article pasted twice, a paragraph scraped from the page and
//! again from its print version. The later copies of a paragraph go before the cleaner looks at
//! the page, so that the model sees the article once (it reads repetition as a sign of menus)
//! and the clean text holds it once.

use super::features::LineStats;
use super::lines::Unit;
use crate::lexicon::FastSet;

/// Units at least this long are paragraphs whose repetition is a copy rather than page
/// furniture that recurs (menus, `Share`, `Advertisement`, repeated headlines).
const MIN_WORDS: usize = 8;

/// A copy is a stretch of at least this many repeated paragraphs, or of [`MIN_RUN_WORDS`]
/// words: one short sentence that recurs (a live blog's standing line, a pull quote) is the
/// article's own.
const MIN_RUN_UNITS: usize = 2;
const MIN_RUN_WORDS: usize = 60;

/// The units and their statistics without the later copies of repeated stretches of prose,
/// and the byte spans of the copies removed.
pub fn split(
    text: &str,
    units: Vec<Unit>,
    stats: Vec<LineStats>,
) -> (Vec<Unit>, Vec<LineStats>, Vec<(usize, usize)>) {
    let mut seen: FastSet<&str> = FastSet::default();
    // 0: first occurrence; 1: a short line seen before; 2: a paragraph seen before.
    let mut repeated = vec![0u8; units.len()];
    for (k, (u, s)) in units.iter().zip(&stats).enumerate() {
        if !seen.insert(&text[u.start..u.end]) {
            repeated[k] = if s.words >= MIN_WORDS && s.is_prose() { 2 } else { 1 };
        }
    }
    // Runs of repeated paragraphs; short lines between them do not break a run, and go with
    // it when they repeat too (the rows of a table pasted twice).
    let mut keep = vec![true; units.len()];
    let mut k = 0;
    while k < units.len() {
        if repeated[k] != 2 {
            k += 1;
            continue;
        }
        let (mut end, mut last, mut paragraphs, mut words) = (k, k, 0, 0);
        while end < units.len() && (repeated[end] == 2 || !stats[end].is_prose()) {
            if repeated[end] == 2 {
                last = end;
                paragraphs += 1;
                words += stats[end].words;
            }
            end += 1;
        }
        if paragraphs >= MIN_RUN_UNITS || words >= MIN_RUN_WORDS {
            for m in k..=last {
                keep[m] = keep[m] && repeated[m] == 0;
            }
        }
        k = end;
    }
    let repeats: Vec<(usize, usize)> =
        units.iter().zip(&keep).filter(|(_, k)| !**k).map(|(u, _)| (u.start, u.end)).collect();
    if repeats.is_empty() {
        return (units, stats, repeats);
    }
    let (units, stats) =
        units.into_iter().zip(stats).zip(&keep).filter_map(|(pair, &k)| k.then_some(pair)).unzip();
    (units, stats, repeats)
}

#[cfg(test)]
mod tests {
    use super::super::lines;
    use super::*;

    fn run(text: &str) -> (Vec<&str>, Vec<&str>) {
        let units = lines::units(text, true);
        let stats = units.iter().map(|u| LineStats::of(&text[u.start..u.end])).collect();
        let (kept, _, repeats) = split(text, units, stats);
        (
            kept.iter().map(|u| &text[u.start..u.end]).collect(),
            repeats.iter().map(|&(s, e)| &text[s..e]).collect(),
        )
    }

    #[test]
    fn an_article_pasted_twice_is_kept_once() {
        let p = "The council voted on Tuesday to close the old bridge to traffic for a year.";
        let q = "Drivers will have to use the ring road, which adds ten minutes to the trip.";
        let text = format!("Headline\n\n{p}\n\n{q}\n\nHeadline\n\n{p}\n\n{q}");
        let (kept, repeats) = run(&text);
        assert_eq!(kept, ["Headline", p, q, "Headline"]);
        assert_eq!(repeats, [p, q]);
    }

    #[test]
    fn one_recurring_sentence_is_the_articles_own() {
        let p = "It takes 270 electoral votes to win the presidency in the United States.";
        let text = format!("{p}\n\nFirst update is here and it is long enough.\n\n{p}");
        assert!(run(&text).1.is_empty());
    }

    #[test]
    fn short_lines_may_repeat() {
        let (kept, repeats) = run("Share\n\nBody text.\n\nShare\n\nAdvertisement\n\nAdvertisement");
        assert_eq!(kept.len(), 5);
        assert!(repeats.is_empty());
    }
}
