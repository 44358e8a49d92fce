//! Word lists and the inverse-frequency table the keyword ranker consults, compiled once and
//! looked up by the hash of a lower-cased word.

use std::sync::LazyLock;

use super::idf::IdfTable;
use crate::hash::IdTable;
use crate::hash::hash_bytes;

const IDF_TSV: &str = include_str!("../../data/keywords_idf.tsv");
const STOPWORDS: &str = include_str!("../../data/stopwords.txt");
const VAGUE: &str = include_str!("../../data/vague_words.txt");
const CONNECTORS: &str = include_str!("../../data/name_connectors.txt");
const VERB_CUES: &str = include_str!("../../data/keywords_verb_cues.txt");

/// Frequency rank (in the table, most frequent first) of an "ordinary" word.
const COMMON_RANK: usize = 10_000;

/// The word lists a lower-cased word is on.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Entry(u8);

const STOP: u8 = 1;
const TITLE: u8 = 1 << 1;
const CONNECTOR: u8 = 1 << 2;
const LOWER_CONNECTOR: u8 = 1 << 3;
const VERB_CUE: u8 = 1 << 5;

impl Entry {
    #[inline]
    pub fn is_stop(self) -> bool {
        self.0 & STOP != 0
    }
    #[inline]
    pub fn is_title(self) -> bool {
        self.0 & TITLE != 0
    }
    #[inline]
    pub fn is_connector(self) -> bool {
        self.0 & CONNECTOR != 0
    }
    #[inline]
    pub fn is_lower_connector(self) -> bool {
        self.0 & LOWER_CONNECTOR != 0
    }
    #[inline]
    pub fn is_verb_cue(self) -> bool {
        self.0 & VERB_CUE != 0
    }
}

/// What a word can be, as far as keyphrases care: a word that cannot be a noun does not stand
/// alone as a keyphrase (`diplomatic`, `remain`) nor end one; one that is only a verb or adverb
/// does not start one either (`illegally seized`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum WordClass {
    /// A noun (possibly also something else), or a word the table does not know.
    #[default]
    Other = 0,
    /// An adjective, never a noun.
    Adjective = 1,
    /// A verb, adverb or auxiliary only.
    Verb = 2,
    /// A noun or a verb (`cut`, `attack`): the words before it tell which.
    NounOrVerb = 3,
}

impl WordClass {
    #[inline]
    fn from_bits(b: u8) -> Self {
        match b {
            1 => Self::Adjective,
            2 => Self::Verb,
            3 => Self::NounOrVerb,
            _ => Self::Other,
        }
    }
}

/// The compiled word lists.
pub(crate) struct Lexicon {
    idf: IdfTable,
    /// Flags of the few hundred listed function words, titles, connectors.
    flags: IdTable,
    /// The weight given to a word missing from the table (names, rare words): the rarest
    /// listed word's weight.
    pub idf_unknown: f32,
    /// The weight of an ordinary word (the 10,000th most frequent): for words the table cannot
    /// know, such as acronyms.
    pub idf_common: f32,
}

/// The first column of a list's entries.
fn entries(src: &str) -> impl Iterator<Item = &str> {
    crate::lexicon::rows(src).map(|row| row[0])
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut pairs: Vec<(u64, u8, u8)> = Vec::with_capacity(IDF_TSV.len() / 10);
    let mut max_q = 0u8;
    let mut rank = 0usize;
    let mut common_q = None;
    for line in crate::lexicon::entries(IDF_TSV) {
        let mut cols = line.split('\t');
        let (Some(word), Some(q)) = (cols.next(), cols.next()) else {
            continue;
        };
        let Ok(q) = q.trim().parse::<u8>() else {
            continue;
        };
        let class = match cols.next().map(str::trim) {
            Some("a") => WordClass::Adjective,
            Some("v") => WordClass::Verb,
            Some("n") => WordClass::NounOrVerb,
            _ => WordClass::Other,
        };
        max_q = max_q.max(q);
        rank += 1;
        if rank == COMMON_RANK {
            common_q = Some(q);
        }
        pairs.push((hash_bytes(word.as_bytes()), q, class as u8));
    }
    let lists = [
        (STOPWORDS, STOP),
        (VAGUE, STOP),
        (CONNECTORS, CONNECTOR),
        (VERB_CUES, VERB_CUE),
        ("of", LOWER_CONNECTOR),
    ];
    let mut by_word: std::collections::BTreeMap<u64, u8> = std::collections::BTreeMap::new();
    for (src, flag) in lists {
        for w in entries(src) {
            *by_word.entry(hash_bytes(w.as_bytes())).or_default() |= flag;
        }
    }
    // titles that stand before names (`minister`, `Sen.`): lower case, without the period
    for row in crate::lexicon::rows(include_str!("../../data/titles.tsv")) {
        if crate::lexicon::col(&row, 6) == "1" {
            let w = row[0].trim_end_matches('.').to_lowercase();
            *by_word.entry(hash_bytes(w.as_bytes())).or_default() |= TITLE;
        }
    }
    let mut flags = IdTable::with_capacity(by_word.len());
    for (&h, &f) in &by_word {
        flags.get_or_insert_with(h, || u32::from(f));
    }
    Lexicon {
        idf: IdfTable::build(&pairs),
        flags,
        idf_common: f32::from(common_q.unwrap_or(max_q)) / 10.0,
        idf_unknown: f32::from(max_q) / 10.0,
    }
});

impl Lexicon {
    /// Which lists the lower-cased word with hash `h` is on.
    #[inline]
    pub fn flags(&self, h: u64) -> Entry {
        Entry(self.flags.get(h).map_or(0, |f| f as u8))
    }
    /// The inverse frequency of a lower-cased word, or `None` when the table lacks it.
    pub fn idf(&self, h: u64) -> Option<f32> {
        self.lookup(h).map(|(idf, _)| idf)
    }
    /// The inverse frequency and word class of a lower-cased word, if the table has it.
    #[inline]
    pub fn lookup(&self, h: u64) -> Option<(f32, WordClass)> {
        self.idf.get(h).map(|(q, c)| (f32::from(q) / 10.0, WordClass::from_bits(c)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_weigh_less_than_rare_ones() {
        let lx = &*LEXICON;
        let the = lx.idf(hash_bytes(b"the")).unwrap_or(99.0);
        let treaty = lx.idf(hash_bytes(b"treaty")).unwrap_or(0.0);
        assert!(the < 5.0 && treaty > 9.0, "the={the} treaty={treaty}");
        assert!(lx.idf(hash_bytes(b"zzqxv")).is_none());
        assert!(lx.idf_unknown >= treaty);
    }

    #[test]
    fn words_that_cannot_be_nouns_are_marked() {
        let lx = &*LEXICON;
        let class = |w: &str| lx.lookup(hash_bytes(w.as_bytes())).map(|x| x.1);
        assert_eq!(class("diplomatic"), Some(WordClass::Adjective));
        assert_eq!(class("remain"), Some(WordClass::Verb));
        assert_eq!(class("treaty"), Some(WordClass::Other));
        assert_eq!(class("talks"), Some(WordClass::NounOrVerb));
        assert_eq!(class("peace"), Some(WordClass::Other));
    }

    #[test]
    fn word_lists_are_loaded() {
        let lx = &*LEXICON;
        let get = |w: &str| lx.flags(hash_bytes(w.as_bytes()));
        assert!(get("the").is_stop());
        assert!(!get("treaty").is_stop());
        assert!(get("minister").is_title());
        assert!(get("of").is_connector() && get("of").is_lower_connector());
        assert!(get("de").is_connector() && !get("de").is_lower_connector());
        assert!(get("would").is_verb_cue() && !get("the").is_verb_cue());
    }
}
