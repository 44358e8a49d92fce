//! Units of layout: the non-empty lines of the text, grouped into paragraphs.
//!
//! Scraped pages put each block element on its own line and separate paragraph-like elements by
//! a blank line; hand-wrapped text breaks one paragraph over several lines. A [`Unit`] is what
//! the cleaner keeps or drops: one line, or the lines of a hard-wrapped paragraph joined.

/// One unit of layout: a byte span of the text (trimmed) and where it sits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Byte span of the unit in the normalised text, trimmed of white space.
    pub start: usize,
    pub end: usize,
    /// True when a blank line (or the start of the text) precedes the unit.
    pub blank_before: bool,
    /// True when a blank line (or the end of the text) follows the unit.
    pub blank_after: bool,
    /// Index of the blank-line-separated group the unit belongs to.
    pub group: usize,
    /// True when the unit joins several physical lines of one wrapped paragraph.
    pub joined: bool,
}

#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    group: usize,
}

fn physical_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut group = 0;
    let mut blank = true;
    let mut pos = 0;
    for raw in text.split('\n') {
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            if !blank {
                group += 1;
            }
            blank = true;
        } else {
            let start = pos + lead;
            lines.push(Line { start, end: start + trimmed.len(), group });
            blank = false;
        }
        pos += raw.len() + 1;
    }
    lines
}

/// Splits `text` into units. When `join_wrapped` is set, the lines of a blank-line-separated
/// group that reads as one hard-wrapped paragraph become one unit.
pub fn units(text: &str, join_wrapped: bool) -> Vec<Unit> {
    let lines = physical_lines(text);
    let mut units: Vec<Unit> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let group = lines[i].group;
        let mut j = i;
        while j < lines.len() && lines[j].group == group {
            j += 1;
        }
        let members = &lines[i..j];
        if join_wrapped && members.len() > 1 && is_wrapped_paragraph(text, members) {
            units.push(Unit {
                start: members[0].start,
                end: members[members.len() - 1].end,
                blank_before: true,
                blank_after: true,
                group,
                joined: true,
            });
        } else {
            for (k, l) in members.iter().enumerate() {
                units.push(Unit {
                    start: l.start,
                    end: l.end,
                    blank_before: k == 0,
                    blank_after: k + 1 == members.len(),
                    group,
                    joined: false,
                });
            }
        }
        i = j;
    }
    units
}

/// A group reads as one paragraph broken at a fixed width: every line but the last is long,
/// the lines are of similar length, and most breaks fall inside a sentence.
fn is_wrapped_paragraph(text: &str, lines: &[Line]) -> bool {
    let widths: Vec<usize> = lines.iter().map(|l| text[l.start..l.end].chars().count()).collect();
    let body = &widths[..widths.len() - 1];
    let max = body.iter().copied().max().unwrap_or(0);
    let min = body.iter().copied().min().unwrap_or(0);
    if min < 30 || max > 110 || (max - min) * 3 > max {
        return false;
    }
    let inside_sentence = lines
        .windows(2)
        .filter(|w| {
            let this = &text[w[0].start..w[0].end];
            let next = &text[w[1].start..w[1].end];
            !this.ends_with(['.', '!', '?', ':', '"', '”'])
                || next.starts_with(|c: char| c.is_lowercase())
        })
        .count();
    inside_sentence * 2 >= lines.len() - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, join: bool) -> Vec<&str> {
        units(text, join).iter().map(|u| &text[u.start..u.end]).collect()
    }

    #[test]
    fn blank_lines_and_single_newlines_both_separate_units() {
        let text = "Title\n\n  First para.  \nSecond line\n\n\nThird.";
        assert_eq!(texts(text, true), ["Title", "First para.", "Second line", "Third."]);
        let u = units(text, true);
        assert!(u[1].blank_before && !u[1].blank_after);
        assert!(!u[2].blank_before && u[2].blank_after);
        assert_eq!(u[1].group, u[2].group);
        assert_ne!(u[2].group, u[3].group);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "The minister said on Tuesday that the talks would go on\n\
                    for as long as both sides saw a reason to keep them going,\n\
                    and that nothing had been agreed.\n\nNext paragraph.";
        let got = texts(text, true);
        assert_eq!(got.len(), 2);
        assert!(got[0].starts_with("The minister") && got[0].ends_with("agreed."));
        assert_eq!(texts(text, false).len(), 4);
    }

    #[test]
    fn menus_are_not_mistaken_for_wrapped_text() {
        let text = "Home\nWorld\nBusiness\nSport\n\nBody text here.";
        assert_eq!(texts(text, true).len(), 5);
    }
}
