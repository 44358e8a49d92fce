//! The stage's facts about the document's word forms (each lower-case word once): its stem
//! class (plural folded), its lists (function word, title, connector, abbreviation) and its
//! weight.

use super::lexicon::{LEXICON, WordClass};
use super::tokens::{ALLCAPS, ALPHA, CAP, LETTER_FIRST};
use crate::doc::{Doc, Token};
use crate::hash::{IdTable, hash_bytes};
use crate::lexicon::classes::{class, lower_into};

/// A word type of the document (its lower-cased form).
#[derive(Clone, Copy, Debug, Default)]
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
fn stem_key(w: &[u8]) -> u64 {
    stem_key_or(w, None)
}

/// [`stem_key`], given the hash of the whole word when the caller has it (most words are their
/// own stem, and need no second hashing).
fn stem_key_or(w: &[u8], whole: Option<u64>) -> u64 {
    let hash = hash_bytes;
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

/// Not looked at yet.
const UNSEEN: u16 = u16::MAX;

/// The stage's facts about the document's word forms, worked out once per form on first use.
pub(crate) struct Vocab {
    /// per form of the document's vocabulary
    types: Vec<TypeInfo>,
    seen: Vec<bool>,
    /// per type of the document's vocabulary: the stage's case flags of its text
    flags: Vec<u16>,
    stems: IdTable,
    buf: String,
}

impl Vocab {
    pub fn new(doc: &Doc) -> Self {
        let n = doc.vocab.forms.len();
        Self {
            types: vec![TypeInfo::default(); n],
            seen: vec![false; n],
            flags: vec![UNSEEN; doc.vocab.types.len()],
            stems: IdTable::with_capacity(n),
            buf: String::new(),
        }
    }

    /// The form of word token `t`, its facts worked out on its first occurrence.
    #[inline]
    pub fn form_of(&mut self, doc: &Doc, t: &Token) -> u32 {
        let form = doc.vocab.types.get(t.ty as usize).map_or(0, |ty| ty.form);
        if !self.seen.get(form as usize).copied().unwrap_or(true) {
            let acronym = self.word_flags(doc, t) & ALLCAPS != 0;
            let abbreviation = doc.vocab.forms[form as usize].classes & class::ABBR_FORM != 0;
            self.add_type(word_of(t.text(doc.text)), form, acronym, abbreviation);
        }
        form
    }

    /// The case flags of word token `t` ([`CAP`], [`ALLCAPS`], [`ALPHA`], [`LETTER_FIRST`]),
    /// from its type.
    #[inline]
    pub fn word_flags(&mut self, doc: &Doc, t: &Token) -> u16 {
        let ty = t.ty as usize;
        match self.flags.get(ty) {
            Some(&f) if f != UNSEEN => f,
            Some(_) => {
                let f = case_flags(t.text(doc.text));
                self.flags[ty] = f;
                f
            }
            None => 0,
        }
    }

    /// The facts per form and the number of stem classes.
    pub fn finish(self) -> (Vec<TypeInfo>, usize) {
        let n = self.stems.len();
        (self.types, n)
    }

    /// Registers a word form: its lists, stem class and weight.
    #[inline(never)]
    fn add_type(&mut self, word: &str, form: u32, acronym: bool, abbrev: bool) {
        let lx = &*LEXICON;
        lower_into(word, &mut self.buf);
        let lower = self.buf.as_str();
        let h = hash_bytes(lower.as_bytes());
        let e = lx.flags(h);
        // Function words have no plural to fold.
        let sk = if e.is_stop() {
            h
        } else if lower.contains('.') {
            let bare: String = lower.chars().filter(|&c| c != '.').collect();
            stem_key(bare.as_bytes())
        } else {
            stem_key_or(lower.as_bytes(), Some(h))
        };
        let next_stem = self.stems.len() as u32;
        let stem = self.stems.get_or_insert_with(sk, || next_stem);
        let plain = lower.is_ascii() && !lower.contains('.');
        let (idf, class) = match lx.lookup(h) {
            Some(found) => found,
            None if plain && !acronym && !lower.contains('-') => (lx.idf_unknown, WordClass::Other),
            None => (idf_of(lower, acronym), WordClass::Other),
        };
        let short = word.len() == 1 || (word.len() <= 4 && word.chars().nth(1).is_none());
        if let (Some(t), Some(s)) =
            (self.types.get_mut(form as usize), self.seen.get_mut(form as usize))
        {
            *s = true;
            *t = TypeInfo {
                idf,
                not_noun: matches!(class, WordClass::Adjective | WordClass::Verb),
                verb: class == WordClass::Verb,
                noun_or_verb: class == WordClass::NounOrVerb,
                verb_cue: e.is_verb_cue(),
                stop: e.is_stop(),
                title: e.is_title(),
                connector: e.is_connector(),
                lower_connector: e.is_lower_connector(),
                abbrev,
                short,
                stem,
            };
        }
    }
}

/// The word a token stands for: an abbreviation's final period left out (`Mr` of `Mr.`), but
/// not that of a dotted one (`U.S.`).
pub(crate) fn word_of(text: &str) -> &str {
    match text.strip_suffix('.') {
        Some(w) if !w.is_empty() && !w.contains('.') => w,
        _ => text,
    }
}

/// The case flags of a word's text.
fn case_flags(text: &str) -> u16 {
    let word = word_of(text);
    let (mut upper, mut lower, mut letters) = (0u32, 0u32, 0u32);
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    let first = word.chars().next().unwrap_or(' ');
    let mut f = 0;
    if first.is_uppercase() {
        f |= CAP;
    }
    if first.is_alphabetic() {
        f |= LETTER_FIRST;
    }
    if letters > 0 {
        f |= ALPHA;
    }
    if upper >= 2 && lower == 0 {
        f |= ALLCAPS;
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_fold_but_other_final_s_words_stay() {
        let key = |w: &str| {
            let lower: String =
                crate::lexicon::classes::lower(w).chars().filter(|&c| c != '.').collect();
            stem_key(lower.as_bytes())
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
