//! The stage's facts about the document's word forms (each lower-case word once): its stem
//! class (plural folded), its lists (function word, title, connector, abbreviation) and its
//! weight.

use super::lexicon::{LEXICON, WordClass};
use super::tokens::{ALLCAPS, ALPHA, CAP, LETTER_FIRST};
use crate::doc::{Doc, Token, TypeCache, is_word_char};
use crate::hash::{IdTable, hash_bytes};
use crate::lexicon::classes::class;
use std::cell::RefCell;

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

/// What the stage knows about a word type whatever the document: its case flags, whether it
/// is a plain word, the length of its base, and its form's lists, stem key and weights.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Facts {
    /// [`CAP`], [`ALLCAPS`], [`ALPHA`], [`LETTER_FIRST`]
    pub case: u16,
    /// letters and digits with at most hyphens, apostrophes, periods and `&` inside
    pub plain: bool,
    /// bytes of the word without an abbreviation's period (see [`word_of`])
    pub base_len: usize,
    info: TypeInfo,
    /// weights for a word written as an acronym, and otherwise
    idf_acronym: f32,
    idf_plain: f32,
    stem_key: u64,
}

thread_local! {
    /// The facts of the word types this thread knows.
    static FACTS: RefCell<TypeCache<Facts>> = RefCell::new(TypeCache::default());
}

/// The stage's facts about the document's word forms (per form, from its first word).
pub(crate) struct Vocab {
    /// per form of the document's vocabulary
    types: Vec<TypeInfo>,
    seen: Vec<bool>,
    stems: IdTable,
}

impl Vocab {
    pub fn new(doc: &Doc) -> Self {
        let n = doc.vocab.forms.len();
        Self {
            types: vec![TypeInfo::default(); n],
            seen: vec![false; n],
            stems: IdTable::with_capacity(n),
        }
    }

    /// Runs `f` with the facts of the word types this thread knows.
    pub fn with_facts<R>(f: impl FnOnce(&mut TypeCache<Facts>) -> R) -> R {
        FACTS.with_borrow_mut(f)
    }

    /// The facts of word token `t`'s type.
    #[inline]
    pub fn facts(cache: &mut TypeCache<Facts>, doc: &Doc, t: &Token) -> Facts {
        cache.get(doc, t.ty, |w| study(w, doc.classes_of_type(t.ty)))
    }

    /// The form of a word token whose type's facts are `f`, its facts taken on its first
    /// occurrence.
    #[inline]
    pub fn form_of(&mut self, doc: &Doc, t: &Token, f: &Facts) -> u32 {
        let form = doc.vocab.types.get(t.ty as usize).map_or(0, |ty| ty.form);
        if let (Some(seen), Some(info)) =
            (self.seen.get_mut(form as usize), self.types.get_mut(form as usize))
            && !*seen
        {
            *seen = true;
            let next_stem = self.stems.len() as u32;
            let stem = self.stems.get_or_insert_with(f.stem_key, || next_stem);
            let idf = if f.case & ALLCAPS != 0 { f.idf_acronym } else { f.idf_plain };
            *info = TypeInfo { idf, stem, ..f.info };
        }
        form
    }

    /// The facts per form and the number of stem classes.
    pub fn finish(self) -> (Vec<TypeInfo>, usize) {
        let n = self.stems.len();
        (self.types, n)
    }
}

/// What a word type's text says (`classes`: its word classes in the document's vocabulary).
#[inline(never)]
fn study(text: &str, classes: u64) -> Facts {
    let lx = &*LEXICON;
    let word = word_of(text);
    let lower = crate::lexicon::classes::lower(word);
    let h = hash_bytes(lower.as_bytes());
    let e = lx.flags(h);
    // Function words have no plural to fold.
    let stem_key = if e.is_stop() {
        h
    } else if lower.contains('.') {
        let bare: String = lower.chars().filter(|&c| c != '.').collect();
        stem_key(bare.as_bytes())
    } else {
        stem_key_or(lower.as_bytes(), Some(h))
    };
    let plain_ascii = lower.is_ascii() && !lower.contains('.');
    let (idf_plain, idf_acronym, class) = match lx.lookup(h) {
        Some((idf, class)) => (idf, idf, class),
        None if plain_ascii && !lower.contains('-') => {
            (lx.idf_unknown, idf_of(&lower, true), WordClass::Other)
        }
        None => (idf_of(&lower, false), idf_of(&lower, true), WordClass::Other),
    };
    let short = word.len() == 1 || (word.len() <= 4 && word.chars().nth(1).is_none());
    Facts {
        case: case_flags(text),
        plain: text.chars().all(|c| is_word_char(c) || matches!(c, '-' | '\'' | '’' | '.' | '&')),
        base_len: word.len(),
        info: TypeInfo {
            idf: idf_plain,
            not_noun: matches!(class, WordClass::Adjective | WordClass::Verb),
            verb: class == WordClass::Verb,
            noun_or_verb: class == WordClass::NounOrVerb,
            verb_cue: e.is_verb_cue(),
            stop: e.is_stop(),
            title: e.is_title(),
            connector: e.is_connector(),
            lower_connector: e.is_lower_connector(),
            abbrev: classes & class::ABBR_FORM != 0,
            short,
            stem: 0,
        },
        idf_acronym,
        idf_plain,
        stem_key,
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
