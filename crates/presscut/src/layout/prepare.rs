//! What the cleaner sees before it decides anything: the units of the text and their
//! statistics, without the later copies of repeated stretches, the furniture recognised line by
//! line wherever it sits, and the shape of the text — an article, or a page with runs of short
//! lines (menus, link lists, footers) around or inside the article.
//!
//! The training dump (`feature_rows`) goes through the same steps, so that the model is trained
//! on exactly what it is given at runtime.

use super::features::LineStats;
use super::lines::{self, Unit};
use super::rules::{self, Furniture};
use super::{forms, repeats};
use crate::lexicon::FastMap;
use crate::model::BoilerplateKind;

/// A text as the cleaner sees it.
pub struct Prepared {
    pub units: Vec<Unit>,
    pub stats: Vec<LineStats>,
    /// Byte spans of the later copies of repeated stretches (removed before anything else).
    pub repeats: Vec<(usize, usize)>,
    /// Furniture recognised line by line, for each unit.
    pub furniture: Vec<Option<Furniture>>,
    pub shape: Shape,
}

/// Where a text has runs of short lines that are not furniture recognised line by line.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Shape {
    /// A run before the first line of prose (a menu above the article).
    pub head_run: bool,
    /// A run after the last line of prose (link lists, a footer).
    pub tail_run: bool,
    /// A run between lines of prose (a list or table, or furniture inside the article).
    pub inner_run: bool,
    /// The share of units that read as prose.
    pub prose_share: f32,
}

impl Shape {
    /// Whether the text reads as an already-clean article: no run before its first line of
    /// prose or after its last, and runs between paragraphs only where most units are prose
    /// (an article's lists and tables; furniture inside it is recognised line by line and
    /// makes no run). A page has menus above the article, link lists and a footer below it,
    /// and menus between its stray lines of prose.
    pub fn is_article(self) -> bool {
        !(self.head_run || self.tail_run || (self.inner_run && self.prose_share < ARTICLE_PROSE))
    }
}

/// Menus, link lists, share bars and footers are runs of at least this many short lines. (On the
/// WCXB dev page texts every page has such a run after its first line; of the PolNeAR train
/// articles, already clean, 95% have none.)
const PAGE_RUN: usize = 3;

/// An article with lists or tables inside has at least this share of prose units (a page whose
/// menus sit between stray lines of prose has far less; set on the PolNeAR train articles and
/// the WCXB dev pages).
const ARTICLE_PROSE: f32 = 0.5;

/// A live blog opens each entry with its time: when this many lines are times alone, they are
/// the article's own structure, not timestamps of page furniture (a stray `14:05 BST` between
/// paragraphs is furniture; the entry times of a live blog recur through the text).
const LIVE_BLOG_TIMES: usize = 5;

pub fn run(text: &str) -> Prepared {
    let units = lines::units(text, true);
    let stats: Vec<LineStats> =
        units.iter().map(|u| LineStats::of(&text[u.start..u.end])).collect();
    // Text repeated in the input is kept once; the rest of cleaning never sees the copies.
    let (units, stats, repeats) = repeats::split(text, units, stats);
    let line = |i: usize| &text[units[i].start..units[i].end];
    // The forms of inline furniture (teasers, captions, …) are not looked for in the first
    // line, the headline's place.
    let mut furniture: Vec<Option<Furniture>> = stats
        .iter()
        .enumerate()
        .map(|(i, s)| {
            rules::furniture(line(i), s).or_else(|| {
                (i > 0).then(|| forms::recognise(line(i), s)).flatten().map(Furniture::Prompt)
            })
        })
        .collect();
    forms::link_lists(text, &units, &stats, &mut furniture);
    keep_live_blog_times(text, &units, &mut furniture);
    let shape = shape(&stats, &furniture);
    Prepared { units, stats, repeats, furniture, shape }
}

fn keep_live_blog_times(text: &str, units: &[Unit], furniture: &mut [Option<Furniture>]) {
    // Timestamps by their shape (`9:15 p.m.` and `10:40 a.m.` share one, `3h ago` has another):
    // a live blog's entry times are the many of one shape.
    let mut shapes: FastMap<u64, Vec<usize>> = FastMap::default();
    for i in 0..units.len() {
        if matches!(furniture[i], Some(Furniture::Prompt(BoilerplateKind::Metadata))) {
            let line = &text[units[i].start..units[i].end];
            if let Some(shape) = forms::timestamp_shape(line) {
                shapes.entry(shape).or_default().push(i);
            }
        }
    }
    for times in shapes.into_values().filter(|t| t.len() >= LIVE_BLOG_TIMES) {
        for i in times {
            furniture[i] = None;
        }
    }
}

/// The runs of [`PAGE_RUN`] short lines after the first line, by where they end relative to the
/// prose. Furniture recognised line by line neither makes nor breaks a run.
fn shape(stats: &[LineStats], furniture: &[Option<Furniture>]) -> Shape {
    let prose: Vec<bool> = stats.iter().map(LineStats::is_prose).collect();
    let first = prose.iter().position(|&p| p);
    let last = prose.iter().rposition(|&p| p);
    let mut shape = Shape {
        prose_share: prose.iter().filter(|&&p| p).count() as f32 / stats.len().max(1) as f32,
        ..Shape::default()
    };
    let mut run = 0;
    for (i, _) in furniture.iter().enumerate().skip(1).filter(|(_, f)| f.is_none()) {
        run = if prose[i] { 0 } else { run + 1 };
        if run == PAGE_RUN {
            match (first, last) {
                (Some(f), _) if i < f => shape.head_run = true,
                (_, Some(l)) if i > l => shape.tail_run = true,
                (None, _) => shape.head_run = true,
                _ => shape.inner_run = true,
            }
        }
    }
    shape
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_short_lines_are_placed_around_the_prose() {
        let para = "The council voted on Tuesday to close the old bridge to traffic for a year.";
        let menu = "Home\nWorld\nSport\nWeather";
        let shape = |t: &str| run(t).shape;
        assert!(shape(&format!("Title\n\n{para}\n\n{para}")).is_article());
        let s = shape(&format!("Title\n{menu}\n\n{para}\n\n{para}"));
        assert!(s.head_run && !s.tail_run && !s.inner_run);
        let s = shape(&format!("Title\n\n{para}\n\n{menu}\n\n{para}"));
        assert!(s.inner_run && !s.head_run);
        let s = shape(&format!("Title\n\n{para}\n\n{para}\n\n{menu}"));
        assert!(s.tail_run && !s.inner_run);
    }

    #[test]
    fn recognised_furniture_does_not_make_a_page() {
        let para = "The council voted on Tuesday to close the old bridge to traffic for a year.";
        let text =
            format!("Title\n\n{para}\n\nShare on Telegram\nAdvertisement\n09:41 GMT\n\n{para}");
        let p = run(&text);
        assert!(p.shape.is_article());
        assert_eq!(p.furniture.iter().filter(|f| f.is_some()).count(), 3);
    }

    #[test]
    fn a_live_blogs_entry_times_are_its_own() {
        let para = "The count went on through the night in the north of the state, officials said.";
        let text: String =
            (1..=6).map(|h| format!("{h}:15 p.m.\n\n{para}\n\n")).collect::<Vec<_>>().concat();
        assert!(run(&format!("Live\n\n{text}")).furniture.iter().all(Option::is_none));
        let one = format!("Live\n\n{para}\n\n9:15 p.m.\n\n{para}");
        assert!(run(&one).furniture[2].is_some());
        // a timestamp of another shape among them is still furniture
        let p = run(&format!("Live\n\n{text}Updated 3 minutes ago\n\n{para}"));
        assert_eq!(p.furniture.iter().filter(|f| f.is_some()).count(), 1);
    }
}
