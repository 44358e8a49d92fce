//! Word classes: what the lists of `data/` say a word is, as bits, in one table keyed by the
//! lower-case form ([`form_key`]), and the abbreviations, which are matched as written
//! ([`abbreviation`]). The document's vocabulary looks each word type up once; stages test bits
//! on the word types, never a list.

use std::sync::LazyLock;

use super::{FastMap, entries, rows};

/// Class bits (a word may have several).
pub mod class {
    /// An abbreviation that precedes a name and never ends a sentence (`Mr.`, `Gen.`).
    pub const ABBR_TITLE: u64 = 1;
    /// A month or weekday abbreviation: ends a sentence only before a sentence starter.
    pub const ABBR_MONTH: u64 = 1 << 1;
    /// Another abbreviation (`Inc.`, `etc.`): ends a sentence only before a sentence starter.
    pub const ABBR_OTHER: u64 = 1 << 2;
    /// Precedes a number (`No. 5`): never ends a sentence before a digit.
    pub const ABBR_NUMBER: u64 = 1 << 3;
    /// Any abbreviation.
    pub const ABBR: u64 = ABBR_TITLE | ABBR_MONTH | ABBR_OTHER | ABBR_NUMBER;
    /// Commonly begins a sentence (`The`, `He`): a sentence break after an abbreviation.
    pub const STARTER: u64 = 1 << 4;
    /// Continues a name after a dotted initialism (`U.S. Treasury`).
    pub const CONTINUATION: u64 = 1 << 5;
    /// Subject pronoun.
    pub const PRON: u64 = 1 << 6;
    /// Object pronoun.
    pub const OBJPRON: u64 = 1 << 7;
    /// Relative pronoun.
    pub const REL: u64 = 1 << 8;
    /// Determiner or quantifier.
    pub const DET: u64 = 1 << 9;
    /// Preposition.
    pub const PREP: u64 = 1 << 10;
    /// Conjunction or subordinator.
    pub const CONJ: u64 = 1 << 11;
    /// Auxiliary or adverb that may stand between a speaker and a reporting verb.
    pub const SKIP: u64 = 1 << 12;
    /// A day or part-of-day word (`Tuesday`, `morning`).
    pub const TIME: u64 = 1 << 13;
    /// A person or role noun (`spokesman`, `official`).
    pub const ROLE: u64 = 1 << 14;
    /// A document-like source (`statement`, `report`).
    pub const NONPERSON: u64 = 1 << 15;
    /// A headline label (`Update`, `Exclusive`), never a speaker.
    pub const LABEL: u64 = 1 << 16;
    /// An irregular verb form (`made`, `knew`).
    pub const VERB: u64 = 1 << 17;
    /// Begins a reporting cue that frames direct quotes (`said`, `told`).
    pub const DCUE: u64 = 1 << 18;
    /// Begins some reporting cue of the quote stage (`said`, `according`).
    pub const QCUE: u64 = 1 << 19;
    /// Begins some citing cue of the source stage (`according`, `reported`, `citing`).
    pub const SCUE: u64 = 1 << 20;
    /// A lower-case word that may join capitalised words into one name (`Bank of England`,
    /// `Charles de Gaulle`).
    pub const CONNECTOR: u64 = 1 << 21;
    /// The lower-case form of an abbreviation that is one also without its period and in any
    /// case (`mr`, `corp.`; not `art` or `calif`): never a topic of its own.
    pub const ABBR_FORM: u64 = 1 << 22;
}

/// The lookup key of a lower-case form (see [`crate::hash::hash_bytes`]).
#[inline]
pub fn form_key(lower: &str) -> u64 {
    crate::hash::hash_bytes(lower.as_bytes())
}

/// The classes of a lower-case form (0 for a word no list holds).
#[inline]
pub fn of_form(key: u64) -> u64 {
    CLASSES.get(&key).copied().unwrap_or(0)
}

/// The abbreviation class of a word as written, without its final period (`Mr`, `U.S`, `SEN`):
/// listed abbreviations match case-sensitively, and a capitalised one also in capitals (`SEN.`
/// for `Sen.`); 0 for a word that is none. A party and state tag (`R-Ky`, `D-Ore`, `I-Vt`:
/// one to three capitals, a hyphen, a listed abbreviation) is what its last part is, so that
/// `Dan Pruitt, R-Ky., said` keeps its period and its sentence.
pub fn abbreviation(word: &str) -> u64 {
    if let Some((party, rest)) = word.split_once('-')
        && (1..=MAX_PARTY).contains(&party.len())
        && party.bytes().all(|b| b.is_ascii_uppercase())
        && rest.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && !rest.contains('-')
    {
        return listed_abbreviation(rest);
    }
    listed_abbreviation(word)
}

/// Longest party code before a state's abbreviation (`R`, `D`, `I`, `DFL`).
const MAX_PARTY: usize = 3;

/// [`abbreviation`] of a word without a party prefix.
fn listed_abbreviation(word: &str) -> u64 {
    let m = &*ABBREVIATIONS;
    if let Some(&c) = m.get(word) {
        return c;
    }
    let b = word.as_bytes();
    if b.len() > 1 && b.len() <= MAX_ABBREVIATION && b.iter().all(u8::is_ascii_uppercase) {
        let mut buf = [0u8; MAX_ABBREVIATION];
        buf[..b.len()].copy_from_slice(b);
        buf[1..b.len()].make_ascii_lowercase();
        if let Ok(cap) = std::str::from_utf8(&buf[..b.len()]) {
            return m.get(cap).copied().unwrap_or(0);
        }
    }
    0
}

/// Longest abbreviation matched in capitals, in bytes.
const MAX_ABBREVIATION: usize = 8;

static ABBREVIATIONS: LazyLock<FastMap<&'static str, u64>> = LazyLock::new(|| {
    // abbreviation (without its period) <TAB> class
    rows(include_str!("../../data/abbreviations.txt"))
        .map(|row| {
            let bits = match row.get(1).copied() {
                Some("title") => class::ABBR_TITLE,
                Some("month") => class::ABBR_MONTH,
                Some("number") => class::ABBR_NUMBER,
                _ => class::ABBR_OTHER,
            };
            (row[0], bits)
        })
        .collect()
});

/// The classes of a word not in a document (a derived form): its lower-case form looked up.
pub fn of_word(word: &str) -> u64 {
    of_form(word_key(word))
}

/// Longest word lower-cased on the stack by [`word_key`], in bytes.
const STACK_WORD: usize = 64;

/// The lexicon key of a word as written: [`form_key`] of its lower-case form (what the
/// document's vocabulary gives each form), without allocating for ASCII words.
pub fn word_key(word: &str) -> u64 {
    let b = word.as_bytes();
    if b.len() <= STACK_WORD && word.is_ascii() {
        let mut buf = [0u8; STACK_WORD];
        buf[..b.len()].copy_from_slice(b);
        buf[..b.len()].make_ascii_lowercase();
        return crate::hash::hash_bytes(&buf[..b.len()]);
    }
    form_key(&lower(word))
}

static CLASSES: LazyLock<FastMap<u64, u64>> = LazyLock::new(build);

fn build() -> FastMap<u64, u64> {
    let mut m: FastMap<u64, u64> = FastMap::default();
    let mut add = |word: &str, bits: u64| {
        if !word.is_empty() {
            *m.entry(form_key(&lower(word))).or_default() |= bits;
        }
    };
    for row in rows(include_str!("../../data/abbreviations.txt")) {
        if row.get(2) == Some(&"bare") {
            add(row[0], class::ABBR_FORM);
            add(&format!("{}.", row[0]), class::ABBR_FORM);
        }
    }
    // lower-case role nouns of the titles (`spokesman`, `minister`): a person speaks as one
    for row in rows(include_str!("../../data/titles.tsv")) {
        let form = row[0];
        let kind = row.get(2).copied().unwrap_or("");
        let one_word = !form.contains(' ') && !form.starts_with('-') && !form.ends_with('-');
        if form.starts_with(char::is_lowercase)
            && one_word
            && !matches!(kind, "honorific" | "modifier")
        {
            add(form, class::ROLE);
        }
    }
    for w in entries(include_str!("../../data/sentence_starters.txt")) {
        add(w, class::STARTER);
    }
    for w in entries(include_str!("../../data/abbreviation_continuations.txt")) {
        add(w, class::CONTINUATION);
    }
    for row in rows(include_str!("../../data/quote_words.tsv")) {
        let bits = match row.get(1).copied() {
            Some("pron") => class::PRON,
            Some("objpron") => class::OBJPRON,
            Some("rel") => class::REL,
            Some("det") => class::DET,
            Some("prep") => class::PREP,
            Some("conj") => class::CONJ,
            Some("skip") => class::SKIP,
            Some("time") => class::TIME,
            Some("role") => class::ROLE,
            Some("nonperson") => class::NONPERSON,
            Some("label") => class::LABEL,
            Some("verb") => class::VERB,
            _ => 0,
        };
        add(row[0], bits);
    }
    // a one-word verb (or verb and particle) framing direct quotes marks its verb
    for row in rows(include_str!("../../data/quote_cues.tsv")) {
        let mut words = row[0].split(' ');
        let first = words.next().unwrap_or("");
        add(first, class::QCUE);
        if row.get(1).is_some_and(|f| f.contains('d')) && words.count() <= 1 {
            add(first, class::DCUE);
        }
    }
    for w in entries(include_str!("../../data/name_connectors.txt")) {
        add(w, class::CONNECTOR);
    }
    for row in rows(include_str!("../../data/source_cues.tsv")) {
        add(row[0].split(' ').next().unwrap_or(""), class::SCUE);
    }
    m
}

/// The lower-case form of a word as the vocabulary keys it: letters lower-cased, typographic
/// apostrophes written `'`.
pub fn lower(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    lower_into(word, &mut out);
    out
}

/// [`lower`] into a buffer (cleared first).
pub fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '’' | 'ʼ' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(w: &str) -> u64 {
        of_form(form_key(&lower(w)))
    }

    #[test]
    fn lists_give_their_classes_whatever_the_case() {
        assert_ne!(classes("He") & class::PRON, 0);
        assert_ne!(classes("the") & class::DET, 0);
        assert_ne!(abbreviation("Mr") & class::ABBR_TITLE, 0);
        assert_ne!(abbreviation("SEN") & class::ABBR_TITLE, 0);
        assert_eq!(abbreviation("no"), 0);
        assert_ne!(abbreviation("No") & class::ABBR_NUMBER, 0);
        assert_ne!(classes("said") & class::DCUE, 0);
        assert_eq!(classes("Lavrov"), 0);
    }

    #[test]
    fn typographic_apostrophes_are_folded() {
        assert_eq!(lower("Russia’S"), "russia's");
        assert_eq!(lower("ÉCOLE"), "école");
    }
}
