//! Word lists of the quote stage (reporting cues and function-word classes), loaded once from
//! `data/` and compiled into an Aho-Corasick automaton and hash maps.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

const CUES_TSV: &str = include_str!("../../data/quote_cues.tsv");
const WORDS_TSV: &str = include_str!("../../data/quote_words.tsv");

/// What a reporting cue can do (flags of `data/quote_cues.tsv`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CueFlags {
    /// Frames a direct quote.
    pub direct: bool,
    /// Introduces reported content without "that".
    pub bare: bool,
    /// Introduces reported content with an explicit "that".
    pub that: bool,
    /// May stand after the content with the speaker after it ("…," said X).
    pub invert: bool,
    /// Takes an addressee before the content.
    pub object: bool,
    /// "described Y as '…'": mixed content when a quotation follows.
    pub mixed: bool,
    /// Prepositional source cue ("according to X").
    pub prep: bool,
    /// A present participle ("saying", "noting"): the speaker is the main clause's subject.
    pub participle: bool,
}

impl CueFlags {
    /// Whether the cue can introduce reported (indirect or mixed) content at all.
    pub fn reports(self) -> bool {
        self.bare || self.that
    }
}

/// The compiled cue lexicon.
pub struct Cues {
    /// None only if the automaton could not be built (it always can for this small list).
    pub ac: Option<AhoCorasick>,
    pub flags: Vec<CueFlags>,
    /// Bitmap of the cues' first two letters (case-folded): most words start no cue.
    starts: [u64; 16],
}

fn pair_bit(a: u8, b: u8) -> usize {
    ((a.to_ascii_lowercase() as usize & 31) << 5) | (b.to_ascii_lowercase() as usize & 31)
}

impl Cues {
    /// Whether some cue begins with the first two letters of `word`.
    pub fn may_start(&self, word: &[u8]) -> bool {
        let bit = pair_bit(word.first().copied().unwrap_or(0), word.get(1).copied().unwrap_or(0));
        self.starts[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// Word classes of `data/quote_words.tsv`, as bits.
pub mod class {
    pub const PRON: u16 = 1;
    pub const OBJPRON: u16 = 1 << 1;
    pub const REL: u16 = 1 << 2;
    pub const DET: u16 = 1 << 3;
    pub const PREP: u16 = 1 << 4;
    pub const CONJ: u16 = 1 << 5;
    pub const SKIP: u16 = 1 << 6;
    pub const TIME: u16 = 1 << 7;
    pub const ABBR: u16 = 1 << 8;
    pub const ROLE: u16 = 1 << 9;
    pub const NONPERSON: u16 = 1 << 10;
    pub const LABEL: u16 = 1 << 11;
    pub const VERB: u16 = 1 << 12;
    /// A word that begins a cue framing direct quotes (from the cue list).
    pub const DCUE: u16 = 1 << 13;
    /// Classes that are never the verb of an attribution.
    pub const NONVERB: u16 =
        PREP | CONJ | DET | PRON | REL | SKIP | TIME | OBJPRON | LABEL | ROLE | NONPERSON;
}

fn parse_flags(s: &str, phrase: &str) -> CueFlags {
    let mut f = CueFlags {
        participle: phrase.split(' ').next().is_some_and(|w| w.ends_with("ing")),
        ..CueFlags::default()
    };
    for c in s.chars() {
        match c {
            'd' => f.direct = true,
            'i' => f.bare = true,
            't' => f.that = true,
            'v' => f.invert = true,
            'o' => f.object = true,
            'm' => f.mixed = true,
            'a' => f.prep = true,
            _ => {}
        }
    }
    f
}

fn data_lines(src: &str) -> impl Iterator<Item = (&str, &str)> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
}

/// The reporting cues, compiled once.
pub static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut pats = Vec::new();
    let mut flags = Vec::new();
    for (phrase, fl) in data_lines(CUES_TSV) {
        pats.push(phrase.to_string());
        flags.push(parse_flags(fl, phrase));
    }
    let ac = AhoCorasickBuilder::new()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .start_kind(aho_corasick::StartKind::Both)
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&pats)
        .ok();
    let mut starts = [0u64; 16];
    for p in &pats {
        let b = p.as_bytes();
        let bit = pair_bit(b.first().copied().unwrap_or(0), b.get(1).copied().unwrap_or(0));
        starts[bit / 64] |= 1 << (bit % 64);
    }
    Cues { ac, flags, starts }
});

/// Longest word the class table holds, in bytes.
pub const MAX_LEN: usize = 24;

/// A word packed for the class table: lowercase bytes, zero-padded, as three integers.
type Key = [u64; 3];

fn pack(lower: &[u8]) -> Key {
    let mut buf = [0u8; MAX_LEN];
    buf[..lower.len()].copy_from_slice(lower);
    let part = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&buf[i * 8..i * 8 + 8]);
        u64::from_le_bytes(w)
    };
    [part(0), part(1), part(2)]
}

fn slot_of(k: &Key, bits: u32) -> usize {
    let h =
        (k[0] ^ k[1].rotate_left(21) ^ k[2].rotate_left(42)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - bits)) as usize
}

/// Word classes by lowercase word, in an open-addressing table probed with one multiply
/// (the lookup runs once for every word of the text).
pub struct WordTable {
    keys: Vec<Key>,
    classes: Vec<u16>,
    bits: u32,
}

impl WordTable {
    fn get(&self, k: &Key) -> u16 {
        let mask = self.keys.len() - 1;
        let mut i = slot_of(k, self.bits);
        loop {
            let e = &self.keys[i];
            if e == k {
                return self.classes[i];
            }
            if e[0] == 0 {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }
}

/// Word-class bits by lowercase word.
pub static WORDS: LazyLock<WordTable> = LazyLock::new(|| {
    let mut entries: Vec<(Key, u16)> = Vec::new();
    for (w, c) in data_lines(WORDS_TSV) {
        let bit = match c.trim() {
            "pron" => class::PRON,
            "objpron" => class::OBJPRON,
            "rel" => class::REL,
            "det" => class::DET,
            "prep" => class::PREP,
            "conj" => class::CONJ,
            "skip" => class::SKIP,
            "time" => class::TIME,
            "abbr" => class::ABBR,
            "role" => class::ROLE,
            "nonperson" => class::NONPERSON,
            "label" => class::LABEL,
            "verb" => class::VERB,
            _ => 0,
        };
        let lw = w.to_ascii_lowercase();
        if lw.is_empty() || lw.len() > MAX_LEN {
            continue;
        }
        let k = pack(lw.as_bytes());
        match entries.iter_mut().find(|e| e.0 == k) {
            Some(e) => e.1 |= bit,
            None => entries.push((k, bit)),
        }
    }
    for (phrase, fl) in data_lines(CUES_TSV) {
        // a verb and particle (`went on`, `shot back`) marks the verb
        let mut words = phrase.split(' ');
        let w = words.next().unwrap_or(phrase);
        if !fl.contains('d') || w.is_empty() || w.len() > MAX_LEN || words.count() > 1 {
            continue;
        }
        let k = pack(w.to_ascii_lowercase().as_bytes());
        match entries.iter_mut().find(|e| e.0 == k) {
            Some(e) => e.1 |= class::DCUE,
            None => entries.push((k, class::DCUE)),
        }
    }
    let bits = (entries.len().max(1) * 4).next_power_of_two().trailing_zeros().max(4);
    let size = 1usize << bits;
    let mut t = WordTable { keys: vec![[0; 3]; size], classes: vec![0; size], bits };
    for (k, c) in entries {
        let mut i = slot_of(&k, bits);
        while t.keys[i][0] != 0 {
            i = (i + 1) & (size - 1);
        }
        t.keys[i] = k;
        t.classes[i] = c;
    }
    t
});

/// The class bits of a word, compared case-insensitively without allocating.
pub fn word_class(word: &str) -> u16 {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > MAX_LEN {
        return 0;
    }
    let mut buf = [0u8; MAX_LEN];
    for (i, &c) in b.iter().enumerate() {
        buf[i] = c.to_ascii_lowercase();
    }
    word_class_lower(&buf[..b.len()])
}

/// The class bits of a word already lowercased into a zero-padded buffer (`n` bytes used).
pub fn word_class_buf(buf: &[u8; MAX_LEN], n: usize) -> u16 {
    if n == 0 || n > MAX_LEN {
        return 0;
    }
    let part = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&buf[i * 8..i * 8 + 8]);
        u64::from_le_bytes(w)
    };
    WORDS.get(&[part(0), part(1), part(2)])
}

/// The class bits of an already ASCII-lowercased word.
pub fn word_class_lower(key: &[u8]) -> u16 {
    if key.is_empty() || key.len() > MAX_LEN {
        return 0;
    }
    WORDS.get(&pack(key))
}

/// Whether `word` has class bit(s) `bits`.
pub fn is(word: &str, bits: u16) -> bool {
    word_class(word) & bits != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_lexicon_knows_said_and_according_to() {
        let cues = &*CUES;
        let text = "Lavrov SAID that, according to him, it was over";
        let ac = cues.ac.as_ref().expect("automaton");
        let found: Vec<_> = ac.find_iter(text).map(|m| &text[m.range()]).collect();
        assert!(found.contains(&"SAID"));
        assert!(found.contains(&"according to"));
    }

    #[test]
    fn participles_are_flagged_from_their_form() {
        let cues = &*CUES;
        let ac = cues.ac.as_ref().expect("automaton");
        let m = ac.find("noting").map(|m| cues.flags[m.pattern().as_usize()]);
        assert!(m.is_some_and(|f| f.participle && f.bare));
    }

    #[test]
    fn word_classes_are_case_insensitive() {
        assert!(is("He", class::PRON));
        assert!(is("the", class::DET));
        assert!(!is("Lavrov", class::PRON));
        assert!(is("Mr", class::ABBR));
    }
}
