//! Word lists of the temporal tagger (`data/time_*.tsv`), merged into one table of [`Entry`]s,
//! in a packed open-addressing table so that the tokenizer can look up every word cheaply.

use std::collections::HashMap;
use std::sync::LazyLock;

const CALENDAR: &str = include_str!("../../data/time_calendar.tsv");
const NUMBERS: &str = include_str!("../../data/time_numbers.tsv");
const UNITS: &str = include_str!("../../data/time_units.tsv");
const WORDS: &str = include_str!("../../data/time_words.tsv");
const TENSE: &str = include_str!("../../data/time_tense.tsv");
const HOLIDAYS: &str = include_str!("../../data/time_holidays.tsv");

/// How a holiday's date is found in a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// The n-th weekday (1 = Monday) of a month.
    Nth(u32, u32, u32),
    /// The last weekday of a month.
    Last(u32, u32),
    /// Days after Western Easter Sunday.
    Easter(i64),
}

/// A holiday name (lower-case words, apostrophes dropped) and its rule.
#[derive(Clone, Debug)]
pub(crate) struct Holiday {
    pub words: Vec<&'static str>,
    pub rule: HolidayRule,
}

fn parse_rule(rule: &str) -> Option<HolidayRule> {
    let mut parts = rule.split_whitespace();
    let kind = parts.next()?;
    let mut num = || -> Option<i64> { parts.next()?.parse().ok() };
    Some(match kind {
        "fixed" => {
            let (m, d) = rule.split_whitespace().nth(1)?.split_once('-')?;
            HolidayRule::Fixed(m.parse().ok()?, d.parse().ok()?)
        }
        "nth" => HolidayRule::Nth(num()? as u32, num()? as u32, num()? as u32),
        "last" => HolidayRule::Last(num()? as u32, num()? as u32),
        "easter" => HolidayRule::Easter(num()?),
        _ => return None,
    })
}

/// A time unit, as used in durations and relative expressions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    HalfYear,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    fn from_code(code: &str) -> Option<Unit> {
        Some(match code {
            "S" => Unit::Second,
            "MIN" => Unit::Minute,
            "H" => Unit::Hour,
            "D" => Unit::Day,
            "W" => Unit::Week,
            "WE" => Unit::Weekend,
            "FN" => Unit::Fortnight,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "HY" => Unit::HalfYear,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "ML" => Unit::Millennium,
            _ => return None,
        })
    }

    /// Whether the unit is shorter than a day (its TimeML durations take a `T`).
    pub(crate) fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// Explicit direction words: `this`, `last`, `next`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Deixis {
    This,
    Last,
    Next,
}

/// Position inside a period: `early`, `mid`, `late` (and the nouns of `the end of`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Position {
    Start,
    Mid,
    End,
}

/// Words after a quantity and a unit that anchor it in time (`two years ago`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    Ago,
    Earlier,
    Later,
}

/// The tense a cue word signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    /// A reporting verb (`said`): past when right before the date.
    Report,
}

/// Everything the lexicon knows about one lower-case word.
#[derive(Clone, Debug, Default)]
pub(crate) struct Entry {
    pub month: u8,
    pub month_abbr: bool,
    pub month_weak: bool,
    pub weekday: u8,
    pub weekday_plural: bool,
    pub weekday_abbr: bool,
    pub season: Option<&'static str>,
    pub pod: Option<&'static str>,
    pub pod_plural: bool,
    pub card: Option<u32>,
    pub ord: u8,
    pub article: bool,
    pub unit: Option<Unit>,
    pub unit_plural: bool,
    pub refv: Option<&'static str>,
    pub dayrel: Option<i8>,
    pub deixis: Option<Deixis>,
    pub approx: bool,
    pub position: Option<Position>,
    pub edge: Option<Position>,
    pub set: Option<&'static str>,
    pub every: bool,
    pub vague: bool,
    pub extra: bool,
    pub direction: Option<Direction>,
    pub tz: bool,
    pub decade: u8,
    pub tense: Option<Tense>,
    pub the_ref: Option<&'static str>,
    pub rate: bool,
    pub label: bool,
    pub det: bool,
    pub prep: bool,
    pub cue: bool,
    pub fiscal: bool,
    pub letter: Option<&'static str>,
    pub half: bool,
    /// First word of a multi-word approximator (`more` of `more than`).
    pub phrase_start: bool,
    /// `that`, `same`: refers back to the last date mentioned.
    pub anaphor: bool,
    /// First word of a holiday name.
    pub holiday_start: bool,
    /// Whether an expression can begin with this word (computed from the classes).
    pub starter: bool,
}

impl Entry {
    /// Whether the word can be an expression by itself or head one (as opposed to modifiers
    /// like `the`, `two`, `last`, which need more words after them).
    pub(crate) fn is_head(&self) -> bool {
        self.is_trigger() || self.holiday_start || self.letter.is_some() || self.fiscal
    }

    /// Whether the word can head a temporal expression.
    pub(crate) fn is_trigger(&self) -> bool {
        self.month > 0
            || self.weekday > 0
            || self.season.is_some()
            || self.pod.is_some()
            || self.unit.is_some()
            || self.refv.is_some()
            || self.the_ref.is_some()
            || self.dayrel.is_some()
            || self.set.is_some()
            || self.decade > 0
            || self.card == Some(19) // "nineteen ninety-six"
    }
}

/// A word of at most 16 ASCII letters packed into two integers, lower-cased.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key(u64, u64);

impl Key {
    /// Packs `word` (1..=MAX_WORD bytes), folding case with `| 0x20`; the fold never turns a
    /// non-letter into a letter, so a word with other bytes can only miss.
    #[inline]
    fn of(word: &[u8]) -> Key {
        let (mut lo, mut hi) = (0u64, 0u64);
        for (k, &b) in word.iter().take(MAX_WORD).enumerate() {
            let v = u64::from(b | 0x20);
            if k < 8 {
                lo |= v << (8 * k);
            } else {
                hi |= v << (8 * (k - 8));
            }
        }
        Key(lo, hi)
    }

    fn slot(self, mask: usize) -> usize {
        let h = (self.0 ^ self.1.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> 40) as usize & mask
    }
}

/// An open-addressing table from packed words to entries, built once.
struct WordTable {
    slots: Vec<Option<(Key, u32)>>,
    entries: Vec<Entry>,
}

impl WordTable {
    fn new(words: Vec<(&'static str, Entry)>) -> WordTable {
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![None; size];
        let mut entries = Vec::with_capacity(words.len());
        for (w, e) in words {
            let key = Key::of(w.as_bytes());
            let mut i = key.slot(mask);
            while slots[i].is_some() {
                i = (i + 1) & mask;
            }
            slots[i] = Some((key, entries.len() as u32));
            entries.push(e);
        }
        WordTable { slots, entries }
    }

    fn get(&self, word: &[u8]) -> Option<&Entry> {
        let key = Key::of(word);
        let mask = self.slots.len() - 1;
        let mut i = key.slot(mask);
        loop {
            match self.slots[i] {
                Some((k, idx)) if k == key => return self.entries.get(idx as usize),
                Some(_) => i = (i + 1) & mask,
                None => return None,
            }
        }
    }
}

/// The compiled lexicon: word table and multi-word approximators.
pub(crate) struct Lexicon {
    words: WordTable,
    /// Approximators of several words (`more than`), as word lists.
    pub approx_phrases: Vec<Vec<&'static str>>,
    /// Holidays, longest names first.
    pub holidays: Vec<Holiday>,
}

/// Longest word the table holds; longer words are never looked up.
pub(crate) const MAX_WORD: usize = 16;

impl Lexicon {
    /// The entry of a word (ASCII letters, any case), if the lexicon has it.
    pub(crate) fn get(&self, word: &[u8]) -> Option<&Entry> {
        if word.is_empty() || word.len() > MAX_WORD {
            return None;
        }
        self.words.get(word)
    }
}

fn apply(e: &mut Entry, class: &str, value: &'static str) {
    let num = || value.parse::<u32>().unwrap_or(0);
    match class {
        "month" => e.month = num() as u8,
        "month_abbr" => {
            e.month = num() as u8;
            e.month_abbr = true;
        }
        "month_weak" => {
            e.month = num() as u8;
            e.month_weak = true;
        }
        "weekday" => e.weekday = num() as u8,
        "weekday_plural" => {
            e.weekday = num() as u8;
            e.weekday_plural = true;
        }
        "weekday_abbr" => {
            e.weekday = num() as u8;
            e.weekday_abbr = true;
        }
        "season" => e.season = Some(value),
        "pod" => e.pod = Some(value),
        "pod_plural" => {
            e.pod = Some(value);
            e.pod_plural = true;
        }
        "card" => e.card = Some(num()),
        "ord" => e.ord = num() as u8,
        "article" => e.article = true,
        "unit" => e.unit = Unit::from_code(value),
        "unit_plural" => {
            e.unit = Unit::from_code(value);
            e.unit_plural = true;
        }
        "ref" => e.refv = Some(value),
        "dayrel" => e.dayrel = value.parse().ok(),
        "deixis" => {
            e.deixis = match value {
                "this" => Some(Deixis::This),
                "last" => Some(Deixis::Last),
                "next" => Some(Deixis::Next),
                _ => None,
            }
        }
        "approx" => e.approx = true,
        "position" | "edge" => {
            let p = match value {
                "start" => Some(Position::Start),
                "mid" => Some(Position::Mid),
                "end" => Some(Position::End),
                _ => None,
            };
            if class == "edge" {
                e.edge = p;
            } else {
                e.position = p;
            }
        }
        "set" => e.set = Some(value),
        "every" => e.every = true,
        "vague" => e.vague = true,
        "extra" => e.extra = true,
        "direction" => {
            e.direction = match value {
                "ago" => Some(Direction::Ago),
                "earlier" => Some(Direction::Earlier),
                "later" => Some(Direction::Later),
                _ => None,
            }
        }
        "tz" => e.tz = true,
        "decade" => e.decade = num() as u8,
        "future" => e.tense = Some(Tense::Future),
        "past" => e.tense = Some(Tense::Past),
        "report" => e.tense = Some(Tense::Report),
        "the_ref" => e.the_ref = Some(value),
        "rate" => e.rate = true,
        "label" => e.label = true,
        "det" => e.det = true,
        "prep" => e.prep = true,
        "cue" => e.cue = true,
        "fiscal" => e.fiscal = true,
        "letter" => e.letter = Some(value),
        "half" => e.half = true,
        "anaphor" => e.anaphor = true,
        _ => {}
    }
}

fn build() -> Lexicon {
    let mut words: HashMap<&'static str, Entry> = HashMap::new();
    let mut approx_phrases = Vec::new();
    for file in [CALENDAR, NUMBERS, UNITS, WORDS, TENSE] {
        for line in file.lines() {
            let line = line.trim_end_matches('\r');
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(word), Some(class)) = (cols.next(), cols.next()) else {
                continue;
            };
            let value = cols.next().unwrap_or("");
            if word.contains(' ') {
                if class == "approx" {
                    let words_of: Vec<&'static str> = word.split(' ').collect();
                    if let Some(first) = words_of.first() {
                        words.entry(first).or_default().phrase_start = true;
                    }
                    approx_phrases.push(words_of);
                }
                continue;
            }
            apply(words.entry(word).or_default(), class, value);
        }
    }
    let mut holidays = Vec::new();
    for line in HOLIDAYS.lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((name, rule)) = line.split_once('\t') else {
            continue;
        };
        if let Some(rule) = parse_rule(rule) {
            let hw: Vec<&'static str> = name.split(' ').collect();
            if let Some(first) = hw.first() {
                words.entry(first).or_default().holiday_start = true;
            }
            holidays.push(Holiday { words: hw, rule });
        }
    }
    holidays.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
    for (w, e) in &mut words {
        e.starter = e.holiday_start
            || e.is_trigger()
            || e.card.is_some()
            || e.ord > 0
            || e.article
            || e.deixis.is_some()
            || e.approx
            || e.phrase_start
            || e.position.is_some()
            || e.every
            || e.vague
            || e.fiscal
            || e.letter.is_some()
            || e.half
            || e.anaphor
            || *w == "the";
    }
    let mut list: Vec<(&'static str, Entry)> = words
        .into_iter()
        .filter(|(w, _)| {
            !w.is_empty() && w.len() <= MAX_WORD && w.bytes().all(|b| b.is_ascii_lowercase())
        })
        .collect();
    list.sort_by(|a, b| a.0.cmp(b.0));
    Lexicon { words: WordTable::new(list), approx_phrases, holidays }
}

/// The lexicon, compiled on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_merge_their_classes() {
        let past = LEXICON.get(b"Past").expect("past is listed");
        assert_eq!(past.the_ref, Some("PAST_REF"));
        assert_eq!(past.deixis, Some(Deixis::Last));
        let second = LEXICON.get(b"second").expect("second is listed");
        assert_eq!(second.ord, 2);
        assert_eq!(second.unit, Some(Unit::Second));
    }

    #[test]
    fn lookup_ignores_case_and_rejects_long_words() {
        assert_eq!(LEXICON.get(b"SEPT").map(|e| e.month), Some(9));
        assert!(LEXICON.get(b"supercalifragilisticexpialidocious").is_none());
        assert!(LEXICON.get(b"").is_none());
    }

    #[test]
    fn approximator_phrases_are_loaded() {
        assert!(LEXICON.approx_phrases.iter().any(|p| p == &["more", "than"]));
    }
}
