//! The per-document vocabulary: each distinct lower-cased word once, with its stem class (plural
//! folded), its lists (function word, title, connector, abbreviation) and its weight.

use super::hash::{hash_ascii_lower, hash_bytes};
use super::lexicon::{LEXICON, WordClass};
use crate::hash::IdTable;

/// A word type of the document (its lower-cased form).
#[derive(Clone, Copy, Debug)]
pub(crate) struct TypeInfo {
    pub idf: f32,
    /// Cannot be a noun (adjective, verb, adverb): never a keyphrase alone nor its last word.
    pub not_noun: bool,
    /// Only a verb or adverb: never the first word of a keyphrase either.
    pub verb: bool,
    /// A noun or a verb: a verb right after a verb cue.
    pub noun_or_verb: bool,
    /// The next word is a verb (`would`, `they`).
    pub verb_cue: bool,
    pub stop: bool,
    pub title: bool,
    pub connector: bool,
    pub lower_connector: bool,
    /// An abbreviation whose period does not end a sentence (`Mr.`).
    pub abbrev: bool,
    /// Single character: never a keyword on its own.
    pub short: bool,
    /// Stem class: `asset` and `assets` share one.
    pub stem: u32,
}

/// Lower-cases `word` into `buf`.
fn lower_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else if c == '\u{2019}' {
            buf.push('\'');
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

/// The S-stemmer (Harman 1991) folding English plurals onto their singular: the length of the
/// stem of `w` (ASCII letters compared without regard to case).
fn s_stem_len(w: &[u8]) -> usize {
    let n = w.len();
    let ends =
        |suffix: &[u8]| n >= suffix.len() && w[n - suffix.len()..].eq_ignore_ascii_case(suffix);
    if n <= 3 || !ends(b"s") {
        return n;
    }
    if ends(b"ies") && !ends(b"eies") && !ends(b"aies") {
        // The whole ending goes; `stem_key` marks the result as the `-y` class, so that
        // `studies` meets `study`.
        return n - 3;
    }
    if ends(b"es") && !(ends(b"aes") || ends(b"ees") || ends(b"oes")) {
        return n - 1;
    }
    if ends(b"us") || ends(b"ss") || ends(b"is") {
        return n;
    }
    n - 1
}

/// Marks the `-y` stem class (`study`, `studies`).
const Y_CLASS: u64 = 0x9e37_79b9_7f4a_7c15;

/// The hash identifying the stem class of a word without dots: plurals folded, `-y` ≡ `-ies`.
/// `hash` must hash the lower-cased form of the bytes it is given.
fn stem_key(w: &[u8], hash: impl Fn(&[u8]) -> u64) -> u64 {
    stem_key_or(w, hash, None)
}

/// [`stem_key`], given the hash of the whole word when the caller has it (most words are their
/// own stem, and need no second hashing).
fn stem_key_or(w: &[u8], hash: impl Fn(&[u8]) -> u64, whole: Option<u64>) -> u64 {
    let s = s_stem_len(w);
    if s + 3 == w.len() && w[s..].eq_ignore_ascii_case(b"ies") {
        return hash(&w[..s]) ^ Y_CLASS;
    }
    let stem = &w[..s];
    // `calorie` joins `calories` (read as `calory` + `-ies`), `movie` joins `movies`.
    if s >= 4 && s == w.len() && stem[s - 2..].eq_ignore_ascii_case(b"ie") {
        return hash(&stem[..s - 2]) ^ Y_CLASS;
    }
    if s >= 3 && stem[s - 1].eq_ignore_ascii_case(&b'y') {
        // `study` joins `studies`; `day`/`days` keep the plain rule (vowel before y).
        if !matches!(stem[s - 2].to_ascii_lowercase(), b'a' | b'e' | b'i' | b'o' | b'u') {
            return hash(&stem[..s - 1]) ^ Y_CLASS;
        }
    }
    match whole {
        Some(h) if s == w.len() => h,
        _ => hash(stem),
    }
}

/// Stem class key of a word read from the text: ASCII words without dots are read in place,
/// others lower-cased (and stripped of dots) into `buf` first.
fn stem_key_of(word: &str, plain_ascii: bool, buf: &mut String) -> u64 {
    if plain_ascii {
        return stem_key(word.as_bytes(), hash_ascii_lower);
    }
    lower_into(word, buf);
    buf.retain(|c| c != '.');
    stem_key(buf.as_bytes(), hash_bytes)
}

/// The weight of a word missing from the table.
fn idf_of(lower: &str, acronym: bool) -> f32 {
    let lx = &*LEXICON;
    // A dotted abbreviation (`U.S.`, `U.K.`) weighs what its undotted form weighs, unless that
    // is a function word (`us`): then it gets a middling weight.
    if lower.contains('.') {
        let bare: String = lower.chars().filter(|&c| c != '.').collect();
        let h = hash_bytes(bare.as_bytes());
        return match lx.idf(h) {
            Some(v) if !lx.flags(h).is_stop() => v,
            _ => lx.idf_common,
        };
    }
    // The table has no acronyms (`NATO`, `EU`): give them an ordinary word's weight.
    if acronym {
        return lx.idf_common;
    }
    // A compound (`self-determination`, `so-called`) weighs what its rarest known part weighs.
    if lower.contains('-') {
        let best = lower
            .split('-')
            .filter(|p| p.chars().any(char::is_alphabetic))
            .filter_map(|p| lx.idf(hash_bytes(p.as_bytes())))
            .fold(0.0f32, f32::max);
        if best > 0.0 {
            return best;
        }
    }
    lx.idf_unknown
}

pub(crate) struct Vocab {
    pub types: Vec<TypeInfo>,
    by_hash: IdTable,
    pub stems: IdTable,
    buf: String,
}

impl Vocab {
    /// Room for about `n` types; the lists get twice that, as growing them copies more than
    /// reserving costs.
    pub fn with_capacity(n: usize) -> Self {
        Self {
            types: Vec::with_capacity(2 * n),
            by_hash: IdTable::with_capacity(n),
            stems: IdTable::with_capacity(n),
            buf: String::new(),
        }
    }

    /// The type of the word at `span`, whose lower-cased form hashes to `h`; `plain`: ASCII
    /// without periods.
    #[inline]
    pub fn intern(
        &mut self,
        text: &str,
        span: (usize, usize),
        acronym: bool,
        h: u64,
        plain: bool,
    ) -> u32 {
        let id = self.types.len() as u32;
        let found = self.by_hash.get_or_insert_with(h, || id);
        if found == id {
            self.add_type(text, span, acronym, h, plain);
        }
        found
    }

    /// Registers a new word type: its lists, stem class and (later) weight.
    #[inline(never)]
    fn add_type(&mut self, text: &str, span: (usize, usize), acronym: bool, h: u64, plain: bool) {
        let word = text.get(span.0..span.1).unwrap_or_default();
        let lx = &*LEXICON;
        let e = lx.flags(h);
        // Function words have no plural to fold.
        let sk = if e.is_stop() {
            h
        } else if plain {
            stem_key_or(word.as_bytes(), hash_ascii_lower, Some(h))
        } else {
            stem_key_of(word, false, &mut self.buf)
        };
        let next_stem = self.stems.len() as u32;
        let stem = self.stems.get_or_insert_with(sk, || next_stem);
        let (idf, class) = match lx.lookup(h) {
            Some(found) => found,
            None if plain && !acronym && !word.contains('-') => (lx.idf_unknown, WordClass::Other),
            None => {
                lower_into(word, &mut self.buf);
                (idf_of(&self.buf, acronym), WordClass::Other)
            }
        };
        self.types.push(TypeInfo {
            idf,
            not_noun: matches!(class, WordClass::Adjective | WordClass::Verb),
            verb: class == WordClass::Verb,
            noun_or_verb: class == WordClass::NounOrVerb,
            verb_cue: e.is_verb_cue(),
            stop: e.is_stop(),
            title: e.is_title(),
            connector: e.is_connector(),
            lower_connector: e.is_lower_connector(),
            abbrev: e.is_abbreviation(),
            short: span.1 - span.0 == 1 || (span.1 - span.0 <= 4 && word.chars().nth(1).is_none()),
            stem,
        });
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_fold_but_other_final_s_words_stay() {
        let mut buf = String::new();
        let mut key = |w: &str| {
            let plain = w.is_ascii() && !w.contains('.');
            stem_key_of(w, plain, &mut buf)
        };
        assert_eq!(key("assets"), key("Asset"));
        assert_eq!(key("Studies"), key("study"));
        assert_eq!(key("calories"), key("calorie"));
        assert_eq!(key("movies"), key("Movie"));
        assert_eq!(key("U.S."), key("US"));
        assert_eq!(key("Écoles"), key("école"));
        assert_ne!(key("bus"), key("bu"));
        assert_ne!(key("glass"), key("glas"));
        assert_ne!(key("days"), key("da"));
        assert_eq!(s_stem_len(b"has"), 3);
    }

    #[test]
    fn unknown_words_get_a_weight_from_their_shape() {
        let lx = &*LEXICON;
        assert_eq!(idf_of("xqzv", false), lx.idf_unknown);
        assert_eq!(idf_of("xqzv", true), lx.idf_common);
        // A compound weighs what its rarest known part weighs.
        let w = idf_of("treaty-xqzv", false);
        assert!(w < lx.idf_unknown && w > 9.0, "{w}");
    }
}
