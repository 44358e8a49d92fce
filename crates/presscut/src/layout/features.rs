//! Features of each unit for the main-content model: what the line looks like (length,
//! punctuation, function words, capitals, phrases of page furniture) and where it sits
//! (neighbours, density of prose around it, repetition, the page title).
//!
//! The order of [`NAMES`] is the model's input order; `scripts/train_layout.py` reads the
//! names from the dump made by `examples/layout_features.rs`, so the two never drift apart.

use std::sync::LazyLock;

use regex::{RegexSet, RegexSetBuilder};

use super::lines::Unit;
use crate::lexicon::{self, FastMap, FastSet};

/// Classes of furniture phrases, in the order of `data/boilerplate.tsv`'s class column.
pub const PHRASE_CLASSES: [&str; 11] = [
    "share",
    "newsletter",
    "cookie",
    "footer",
    "comment",
    "related",
    "navigation",
    "advertisement",
    "byline",
    "date",
    "photo",
];

/// All furniture patterns in one set (one scan of a line), and the class of each pattern.
static PHRASES: LazyLock<(RegexSet, Vec<u16>)> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut classes = Vec::new();
    for row in lexicon::rows(include_str!("../../data/boilerplate.tsv")) {
        if let (Some(class), Some(pattern)) = (row.first(), row.get(1))
            && let Some(i) = PHRASE_CLASSES.iter().position(|c| c == class)
        {
            patterns.push(lexicon::ascii_word_boundaries(pattern));
            classes.push(1u16 << i);
        }
    }
    let set = RegexSetBuilder::new(patterns)
        .case_insensitive(true)
        .build()
        .expect("data/boilerplate.tsv holds valid patterns");
    (set, classes)
});

/// Stop words as word hashes ([`word_set`]'s hashing), so a line's words are looked up without
/// building strings.
static STOPWORDS: LazyLock<FastSet<u64>> = LazyLock::new(|| {
    lexicon::entries(include_str!("../../data/stopwords.txt")).map(word_hash).collect()
});

/// Lines longer than this many words are never furniture phrases.
const PHRASE_MAX_WORDS: usize = 25;

/// Which furniture classes a line's text matches (bit `i` for `PHRASE_CLASSES[i]`).
pub fn phrase_classes(text: &str, words: usize) -> u16 {
    if words > PHRASE_MAX_WORDS {
        return 0;
    }
    let (set, classes) = &*PHRASES;
    // Most lines match nothing: a plain (non-overlapping) search rejects them cheaply.
    if !set.is_match(text) {
        return 0;
    }
    set.matches(text).iter().fold(0u16, |bits, i| bits | classes[i])
}

/// The words of a text: maximal runs of alphanumeric characters (as `\w+` sees them).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())
}

fn is_word_char(c: char) -> bool {
    c == '_' || (!lexicon::is_general_punctuation(c) && c.is_alphanumeric())
}

/// How many [`words`] a text has, in one plain pass.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut n, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let b = bytes[i];
        let (w, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric() || b == b'_', 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (is_word_char(c), c.len_utf8())
        };
        n += usize::from(w && !in_word);
        in_word = w;
        i += len;
    }
    n
}

/// What one unit looks like on its own.
#[derive(Clone, Debug, Default)]
pub struct LineStats {
    pub words: usize,
    pub chars: usize,
    pub end_punct: bool,
    pub end_colon: bool,
    pub sentences_inside: usize,
    pub stop_ratio: f32,
    pub cap_ratio: f32,
    pub digit_ratio: f32,
    pub comma_density: f32,
    pub separators: bool,
    pub url: bool,
    pub bullet: bool,
    pub phrases: u16,
    pub nonalpha_ratio: f32,
    /// The line's lower-cased words as a sorted set of hashes ([`word_set`]); empty for lines
    /// longer than [`SET_MAX_WORDS`], which are never compared with headlines.
    pub set: Vec<u64>,
}

/// Lines longer than this many words get no word set.
pub const SET_MAX_WORDS: usize = 40;

/// Counters of one line, filled by [`LineStats::of`] in one pass.
#[derive(Default)]
struct Scan {
    words: usize,
    stop: usize,
    cap: usize,
    digit: usize,
    chars: usize,
    nonalpha: usize,
    commas: usize,
    set: Vec<u64>,
    // the word being read
    in_word: bool,
    hash: lexicon::FxHasher,
    len: usize,
    first_upper: bool,
    has_digit: bool,
    // `| • »` or ` / ` seen
    separators: bool,
    // sentence ends inside the line: `[.!?]["”’)]? ` before a capital or opening quote
    sentences_inside: usize,
    sentence_state: u8,
    prev_space: bool,
    slash_after_space: bool,
}

impl Scan {
    fn word_char(&mut self, lower: u32, upper: bool, digit: bool, len: usize) {
        use std::hash::Hasher;
        if !self.in_word {
            self.in_word = true;
            self.hash = lexicon::FxHasher::default();
            self.len = 0;
            self.first_upper = upper;
            self.has_digit = false;
        }
        self.hash.write_u32(lower);
        self.len += len;
        self.has_digit |= digit;
    }

    fn end_word(&mut self) {
        use std::hash::Hasher;
        if !self.in_word {
            return;
        }
        self.in_word = false;
        self.words += 1;
        let h = self.hash.finish();
        self.cap += usize::from(self.first_upper);
        self.digit += usize::from(self.has_digit);
        self.stop += usize::from(self.len <= 12 && STOPWORDS.contains(&h));
        if self.words <= SET_MAX_WORDS {
            self.set.push(h);
        }
    }

    fn other_char(&mut self, whitespace: bool, comma: bool) {
        self.end_word();
        self.nonalpha += usize::from(!whitespace);
        self.commas += usize::from(comma);
    }

    /// Tracks `[.!?]["”’)]? ` followed by a capital or an opening quote (a sentence ends
    /// inside the line) and ` / ` separators; called for every character.
    fn track(&mut self, c: char) {
        self.sentence_state = match (self.sentence_state, c) {
            (_, '.' | '!' | '?') => 1,
            (1, '"' | '”' | '’' | ')') => 2,
            (1 | 2, ' ') => 3,
            (3, c) if matches!(c, '“' | '"' | '‘') || c.is_uppercase() => {
                self.sentences_inside = (self.sentences_inside + 1).min(3);
                0
            }
            _ => 0,
        };
        match c {
            '|' | '•' | '»' => self.separators = true,
            '/' => self.slash_after_space = self.prev_space,
            ' ' if self.slash_after_space => self.separators = true,
            _ => self.slash_after_space = false,
        }
        self.prev_space = c == ' ';
    }
}

impl LineStats {
    /// Describes one line in a single pass over its bytes (characters outside ASCII decoded).
    pub fn of(text: &str) -> LineStats {
        let bytes = text.as_bytes();
        let mut sc = Scan { set: Vec::with_capacity(bytes.len() / 5 + 1), ..Scan::default() };
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            sc.chars += 1;
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() || sc.sentence_state != 0 {
                    sc.track(char::from(b));
                } else {
                    // what `track` does for a letter or digit outside a sentence end
                    sc.prev_space = false;
                    sc.slash_after_space = false;
                }
                if b.is_ascii_alphanumeric() || b == b'_' {
                    sc.word_char(
                        u32::from(b.to_ascii_lowercase()),
                        b.is_ascii_uppercase(),
                        b.is_ascii_digit(),
                        1,
                    );
                } else {
                    sc.other_char(b.is_ascii_whitespace(), b == b',');
                }
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else { break };
            sc.track(c);
            if !lexicon::is_general_punctuation(c) && c.is_alphanumeric() {
                let mut lower = c.to_lowercase();
                let first = lower.next().map_or(c as u32, |l| l as u32);
                sc.word_char(first, c.is_uppercase(), false, c.len_utf8());
                for l in lower {
                    sc.word_char(l as u32, false, false, 0);
                }
            } else {
                sc.other_char(c.is_whitespace(), false);
            }
            i += c.len_utf8();
        }
        sc.end_word();
        let Scan {
            words: n,
            stop,
            cap,
            digit,
            chars,
            nonalpha,
            commas,
            mut set,
            separators,
            sentences_inside,
            ..
        } = sc;
        if n > SET_MAX_WORDS {
            set = Vec::new();
        }
        set.sort_unstable();
        set.dedup();
        let ratio = |k: usize| if n == 0 { 0.0 } else { k as f32 / n as f32 };
        LineStats {
            words: n,
            chars,
            end_punct: text.ends_with(['.', '!', '?', '"', '”', '’', ')', '…']),
            end_colon: text.ends_with(':'),
            sentences_inside,
            stop_ratio: ratio(stop),
            cap_ratio: ratio(cap),
            digit_ratio: ratio(digit),
            comma_density: (ratio(commas) * 5.0).min(1.0),
            separators,
            url: text.contains("http://")
                || text.contains("https://")
                || text.contains("www.")
                || (text.contains('@') && looks_like_email(text)),
            bullet: {
                let mut cs = text.chars();
                matches!(cs.next(), Some('-' | '*' | '•' | '·' | '▪' | '►' | '◦' | '–'))
                    && cs.next() == Some(' ')
            },
            phrases: phrase_classes(text, n),
            nonalpha_ratio: if chars == 0 { 0.0 } else { nonalpha as f32 / chars as f32 },
            set,
        }
    }

    /// Prose: a long line, or a medium one that ends like a sentence, with function words.
    pub fn is_prose(&self) -> bool {
        (self.words > 15 || (self.words >= 8 && self.end_punct)) && self.stop_ratio > 0.2
    }

    fn is_short_label(&self) -> bool {
        self.words <= 12 && !self.end_punct
    }
}

fn looks_like_email(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        let mut parts = w.split('@');
        matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(b), None)
            if !a.is_empty() && b.contains('.') && !b.ends_with('.'))
    })
}

/// The names of the features, in model order.
pub const NAMES: &[&str] = &[
    "logw",
    "w1",
    "w2_3",
    "w4_7",
    "w8_15",
    "w16_30",
    "w31",
    "end_punct",
    "end_colon",
    "sent_inside",
    "stop",
    "cap",
    "digit",
    "comma",
    "separators",
    "url",
    "bullet",
    "lex_share",
    "lex_newsletter",
    "lex_cookie",
    "lex_footer",
    "lex_comment",
    "lex_related",
    "lex_navigation",
    "lex_advertisement",
    "lex_byline",
    "lex_date",
    "lex_photo",
    "nonalpha",
    "blank_before",
    "blank_after",
    "group_size",
    "dup",
    "title_sim",
    "title_eq",
    "pos",
    "pos_first10",
    "prev1_logw",
    "next1_logw",
    "prev1_punct",
    "next1_punct",
    "prev2_logw",
    "next2_logw",
    "prev2_punct",
    "next2_punct",
    "dens3",
    "dens10",
    "dens30",
    "near_prose",
    "after_title",
    "near_after_title",
    "no_title_repeat",
    "is_title_repeat",
    "run_label",
    "run_prose",
    "logc",
];

/// Feature rows for all units of a page. `title` is the index of the unit that repeats the
/// page title (the headline above the article), if any.
pub fn compute(
    text: &str,
    units: &[Unit],
    stats: &[LineStats],
    title: Option<usize>,
) -> Vec<Vec<f32>> {
    let n = units.len();
    let mut counts: FastMap<&str, usize> = FastMap::default();
    for u in units {
        *counts.entry(&text[u.start..u.end]).or_default() += 1;
    }
    let mut group_sizes: FastMap<usize, usize> = FastMap::default();
    for u in units {
        *group_sizes.entry(u.group).or_default() += 1;
    }
    let prose: Vec<f32> = stats.iter().map(|s| f32::from(u8::from(s.is_prose()))).collect();
    let mut prefix = vec![0f32; n + 1];
    for i in 0..n {
        prefix[i + 1] = prefix[i] + prose[i];
    }
    let density = |i: usize, w: usize| {
        let lo = i.saturating_sub(w);
        let hi = (i + w + 1).min(n);
        (prefix[hi] - prefix[lo]) / (hi - lo) as f32
    };
    let run_label = runs(stats, LineStats::is_short_label);
    let run_prose = runs(stats, LineStats::is_prose);
    let first_words: &[u64] = stats.first().map_or(&[], |s| &s.set);

    let mut rows = Vec::with_capacity(n);
    for (i, u) in units.iter().enumerate() {
        let s = &stats[i];
        let line = &text[u.start..u.end];
        let b = |x: bool| f32::from(u8::from(x));
        let logw = |j: Option<usize>| j.map_or(0.0, |j| (stats[j].words as f32).ln_1p());
        let punct = |j: Option<usize>| j.map_or(0.0, |j| b(stats[j].end_punct));
        let prev = |k: usize| i.checked_sub(k);
        let next = |k: usize| (i + k < n).then_some(i + k);
        // Only headline-sized lines can repeat the title; skip the work for paragraphs.
        let title_sim = if i == 0 { 0.0 } else { jaccard(&s.set, first_words) };
        let mut row = vec![
            (s.words as f32).ln_1p(),
            b(s.words <= 1),
            b((2..=3).contains(&s.words)),
            b((4..=7).contains(&s.words)),
            b((8..=15).contains(&s.words)),
            b((16..=30).contains(&s.words)),
            b(s.words > 30),
            b(s.end_punct),
            b(s.end_colon),
            s.sentences_inside as f32 / 3.0,
            s.stop_ratio,
            s.cap_ratio,
            s.digit_ratio,
            s.comma_density,
            b(s.separators),
            b(s.url),
            b(s.bullet),
        ];
        row.extend((0..PHRASE_CLASSES.len()).map(|k| b(s.phrases & (1 << k) != 0)));
        row.extend([
            s.nonalpha_ratio,
            b(u.blank_before),
            b(u.blank_after),
            (group_sizes[&u.group] as f32 - 1.0).ln_1p(),
            b(counts[line] > 1),
            title_sim,
            b(title_sim > 0.8),
            if n > 1 { i as f32 / (n - 1) as f32 } else { 0.0 },
            b(i < 10),
            logw(prev(1)),
            logw(next(1)),
            punct(prev(1)),
            punct(next(1)),
            logw(prev(2)),
            logw(next(2)),
            punct(prev(2)),
            punct(next(2)),
            density(i, 3),
            density(i, 10),
            density(i, 30),
            b(density(i, 2) > 0.0),
            b(title.is_some_and(|t| i > t)),
            b(title.is_some_and(|t| i > t && i - t <= 6)),
            b(title.is_none()),
            b(title == Some(i)),
            (run_label[i] as f32).ln_1p(),
            (run_prose[i] as f32).ln_1p(),
            (s.chars as f32).ln_1p(),
        ]);
        debug_assert_eq!(row.len(), NAMES.len());
        rows.push(row);
    }
    rows
}

/// For each unit, the length of the run of consecutive units satisfying `pred` that holds it
/// (0 when it does not satisfy `pred`).
fn runs(stats: &[LineStats], pred: fn(&LineStats) -> bool) -> Vec<usize> {
    let mut out = vec![0; stats.len()];
    let mut i = 0;
    while i < stats.len() {
        if !pred(&stats[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < stats.len() && pred(&stats[j]) {
            j += 1;
        }
        out[i..j].fill(j - i);
        i = j;
    }
    out
}

/// The lower-cased words of a text as a sorted set of hashes (no allocation per word).
pub fn word_set(text: &str) -> Vec<u64> {
    let mut set: Vec<u64> = words(text).map(word_hash).collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// A hash of the lower-cased word (ASCII lower-cased byte by byte, other text by `char`).
fn word_hash(w: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = lexicon::FxHasher::default();
    if w.is_ascii() {
        for b in w.bytes() {
            h.write_u32(u32::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in w.chars().flat_map(char::to_lowercase) {
            h.write_u32(c as u32);
        }
    }
    h.finish()
}

/// Jaccard similarity of two word sets made by [`word_set`].
pub fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = overlap(a, b);
    inter as f32 / (a.len() + b.len() - inter) as f32
}

/// How many words two word sets made by [`word_set`] share.
pub fn overlap(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_phrases_are_recognised_by_class() {
        let class = |t: &str| {
            let bits = phrase_classes(t, words(t).count());
            PHRASE_CLASSES
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, c)| *c)
                .collect::<Vec<_>>()
        };
        assert!(class("Share this article").contains(&"share"));
        assert!(class("Sign up for our newsletter").contains(&"newsletter"));
        assert!(class("© 2025 Example Media. All rights reserved.").contains(&"footer"));
        assert!(class("By Jane Doe").contains(&"byline"));
        assert!(class("Published: Jan 29, 2025").contains(&"date"));
        assert!(class("Skip to content").contains(&"navigation"));
        assert!(class("The minister said the talks would continue.").is_empty());
    }

    #[test]
    fn long_lines_never_count_as_furniture() {
        let long = "share ".repeat(30);
        assert_eq!(phrase_classes(&long, 30), 0);
    }

    #[test]
    fn line_stats_describe_prose_and_labels() {
        let prose = LineStats::of(
            "The talks between the two sides were slower than the Kremlin would prefer, he said.",
        );
        assert!(prose.is_prose() && prose.end_punct && prose.stop_ratio > 0.3);
        let label = LineStats::of("World News");
        assert!(!label.is_prose() && label.is_short_label());
        assert!(LineStats::of("Write to jane@example.com").url);
        assert!(LineStats::of("– Choose your room").bullet);
        assert_eq!(LineStats::of("One. Two! “Three.” Four? no. 5.").sentences_inside, 3);
        assert_eq!(LineStats::of("He said “Yes.” Then left. OK").sentences_inside, 2);
        assert!(LineStats::of("Home / World / Sport").separators);
        assert!(LineStats::of("News • Sport").separators);
        assert!(!LineStats::of("and/or 1/2").separators);
        assert!(!LineStats::of("x /y z").separators);
        assert!(!LineStats::of("–").bullet);
    }

    #[test]
    fn word_counts_agree_with_the_word_iterator() {
        for t in ["", "one", " two  words ", "Russia’s “war party” — 2026_x", "ünïcödé wörds, 3.5"]
        {
            assert_eq!(count_words(t), words(t).count(), "{t:?}");
        }
    }

    #[test]
    fn word_sets_compare_case_insensitively() {
        let a = word_set("Talks With the U.S.");
        let b = word_set("talks with THE u.s.");
        assert_eq!(jaccard(&a, &b), 1.0);
        assert!(jaccard(&a, &word_set("Nothing alike")) < 0.01);
        assert_eq!(jaccard(&a, &[]), 0.0);
    }

    #[test]
    fn feature_rows_have_one_value_per_name() {
        let text = "Headline\n\nBody text that runs on for a while, as prose does.\nMenu";
        let units = super::super::lines::units(text, true);
        let stats: Vec<LineStats> =
            units.iter().map(|u| LineStats::of(&text[u.start..u.end])).collect();
        let rows = compute(text, &units, &stats, None);
        assert_eq!(rows.len(), units.len());
        assert!(rows.iter().all(|r| r.len() == NAMES.len()));
    }
}
