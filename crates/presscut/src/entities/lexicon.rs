//! The lists the entity stage reads (places, organisations and outlets, demonyms, titles, given
//! names, head words, pronouns, surname particles, cue words), compiled once into hash maps keyed
//! by a hash of the words, so that a mention is looked up with one probe and no allocation.

use super::Gender;
use crate::hash::{FastMap, FastSet, fold, hash_bytes, mix};
use crate::lexicon::classes::word_key;
use std::sync::LazyLock;

/// What kind of place a gazetteer entry is; earlier variants win when a form names several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceKind {
    Country,
    Region,
    City,
}

/// A country, region or city.
#[derive(Clone, Copy, Debug)]
pub struct Place {
    /// the list's name for it (`United States` for `U.S.`, `Kyiv` for `Kiev`)
    pub canonical: &'static str,
    /// [`phrase_hash`] of `canonical`
    pub canon: Key,
    pub kind: PlaceKind,
    /// the list flags the form as also a common word, a given name or a surname
    pub ambiguous: bool,
}

/// An organisation or news outlet.
#[derive(Clone, Copy, Debug)]
pub struct Org {
    /// [`phrase_hash`] of the canonical name
    pub canon: Key,
    pub outlet: bool,
    /// the form is flagged as a common word or name, or names several rows (`ICC`)
    pub ambiguous: bool,
}

/// What a demonym names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemKind {
    /// citizens or things of a country
    Nationality,
    /// religious and political groups (`Islamist`, `Republican`)
    Group,
    /// sub- and supranational, ethnic, historical (`Scottish`, `European`, `Kurdish`, `Soviet`)
    Other,
}

/// A nationality or group word.
#[derive(Clone, Copy, Debug)]
pub struct Demonym {
    /// the country (canonical name of countries.tsv) or group it refers to
    pub referent: &'static str,
    pub kind: DemKind,
    /// usable as an adjective (`Russian`), not only as a person noun (`Russians`, `Briton`)
    pub adjective: bool,
}

/// What a title word is for roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleKind {
    /// `Mr.`, `Dr.`, `Sir`: says gender or status, not a role
    Honorific,
    /// `former`, `acting`, `deputy`: qualifies a following title
    Modifier,
    /// political, business, sport, occupation … (`President`, `chief executive`, `coach`)
    Role,
}

/// A title, honorific or role noun.
#[derive(Clone, Copy, Debug)]
pub struct Title {
    pub canonical: &'static str,
    pub kind: TitleKind,
    pub gender: Gender,
    /// only listed capitalised (`Sir`, `Mr.`): a lower-case spelling is an ordinary word
    pub cap_only: bool,
    /// only after a name (`Jr.`, `PhD`)
    pub post: bool,
    /// a political, diplomatic, military or business title (`President`, `General`, `CEO`),
    /// which news style keeps out of the name; religious, royal and other titles are often
    /// part of how a person is named (`Mother Teresa`, `Pope Francis`)
    pub office: bool,
}

/// What a cue word says about the name or phrase next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    Work,
    Product,
    Determiner,
    Locative,
    Treaty,
}

/// A lookup key: a hash of a sequence of words (see [`phrase_hash`]).
pub type Key = u64;

/// All lists, compiled. Maps are keyed by [`phrase_hash`] (case-insensitive), so a mention is
/// looked up without building a string; acronym forms also check an [`exact_hash`].
pub struct Lexicon {
    /// places, organisations and demonyms in one map (one probe per mention)
    names: FastMap<u64, Names>,
    titles: FastMap<u64, Title>,
    /// word hashes of the first and last words of titles (a quick "no title here")
    title_first: IdSet,
    title_last: IdSet,
    /// most tokens in a title form
    pub title_words: usize,
    /// modifier prefixes and suffixes written with a hyphen (`then-`, `ex-`, `-elect`)
    title_prefixes: Vec<String>,
    title_suffixes: Vec<String>,
    /// given names → (gender, flagged as also a common word or place)
    first_names: FastMap<u64, (Gender, bool)>,
    /// head words by [`exact_hash`] (they match case-sensitively)
    event_heads: IdSet,
    law_heads: IdSet,
    org_suffixes: IdSet,
    org_heads: IdSet,
    /// most tokens in a head word or suffix
    pub head_words: usize,
    /// law and event heads in lower case (`treaty`, `summit`), by [`phrase_hash`]
    law_heads_lower: IdSet,
    event_heads_lower: IdSet,
    /// third-person singular gendered pronouns (lower case)
    pronouns: Vec<(&'static str, Gender)>,
    /// surname particles (`von`, `der`, `bin`) by [`phrase_hash`], and hyphen-joined ones (`al-`)
    particles: IdSet,
    particle_prefixes: Vec<&'static str>,
    cues: FastMap<u64, Cue>,
}

type IdSet = FastSet<u64>;

/// What the lists say a sequence of words is.
#[derive(Clone, Copy, Debug, Default)]
struct Names {
    place: Option<Entry<Place>>,
    org: Option<Entry<Org>>,
    demonym: Option<Demonym>,
}

/// A list entry; acronym forms (`US`, `WHO`) only match with exactly this spelling.
#[derive(Clone, Copy, Debug)]
struct Entry<T> {
    value: T,
    exact: Option<Key>,
}

/// Seeds of the two phrase keys (any fixed values; distinct so that the keys never meet).
const PHRASE_SEED: u64 = 0x6A09_E667_F3BC_C909;
const EXACT_SEED: u64 = 0xBB67_AE85_84CA_A73B;

/// The key of a sequence of words, case-insensitive (apostrophes unified): the words' form keys
/// folded ([`phrase_of_keys`]).
pub fn phrase_hash<'a>(words: impl Iterator<Item = &'a str>) -> Key {
    phrase_of_keys(words.map(word_key))
}

/// A phrase key from the form keys of its words (as the document's vocabulary has them).
pub fn phrase_of_keys(keys: impl Iterator<Item = u64>) -> Key {
    mix(keys.fold(PHRASE_SEED, fold))
}

/// The key of a sequence of words as spelled.
pub fn exact_hash<'a>(words: impl Iterator<Item = &'a str>) -> Key {
    exact_of_keys(words.map(|w| hash_bytes(w.as_bytes())))
}

/// An exact phrase key from the keys of its words' texts (the document's word type keys).
pub fn exact_of_keys(keys: impl Iterator<Item = u64>) -> Key {
    mix(keys.fold(EXACT_SEED, fold))
}

mod load;

/// The compiled lists (built on first use).
pub static LEX: LazyLock<Lexicon> = LazyLock::new(load::build);

/// The value of an [`Entry`] for `words` (spelled as given: `exact` is their
/// [`exact_hash`], computed only when an entry needs it).
fn value<T: Copy>(e: Option<Entry<T>>, exact: &mut impl FnMut() -> Key) -> Option<T> {
    let e = e?;
    match e.exact {
        Some(x) if x != exact() => None,
        _ => Some(e.value),
    }
}

impl Lexicon {
    /// The place `words` name (a country, region or city; the first of these when several).
    pub fn place<'a>(&self, words: impl Iterator<Item = &'a str> + Clone) -> Option<Place> {
        self.place_k(phrase_hash(words.clone()), words)
    }

    /// [`Lexicon::place`] with the words' [`phrase_hash`] already known.
    pub fn place_k<'a>(&self, key: Key, words: impl Iterator<Item = &'a str>) -> Option<Place> {
        self.lookup(key, words).0
    }

    /// The organisation or outlet `words` name.
    pub fn org<'a>(&self, words: impl Iterator<Item = &'a str> + Clone) -> Option<Org> {
        self.lookup(phrase_hash(words.clone()), words).1
    }

    /// Place, organisation and demonym for words whose [`phrase_hash`] is `key`, in one probe.
    pub fn lookup<'a>(
        &self,
        key: Key,
        words: impl Iterator<Item = &'a str>,
    ) -> (Option<Place>, Option<Org>, Option<Demonym>) {
        let Some(n) = self.names.get(&key) else {
            return (None, None, None);
        };
        let mut memo = None;
        let mut words = Some(words);
        let mut exact = || *memo.get_or_insert_with(|| words.take().map_or(0, |w| exact_hash(w)));
        (value(n.place, &mut exact), value(n.org, &mut exact), n.demonym)
    }

    /// Whether some title starts with / ends with this word (a cheap test before
    /// [`Lexicon::title`]; hyphenated forms are not covered).
    pub fn may_start_title(&self, word: &str) -> bool {
        self.title_first.contains(&word_key(word))
    }

    pub fn may_end_title(&self, word: &str) -> bool {
        self.title_last.contains(&word_key(word))
    }

    /// The demonym with this [`phrase_hash`] key.
    pub fn demonym(&self, key: Key) -> Option<Demonym> {
        self.names.get(&key).and_then(|n| n.demonym)
    }

    /// The title spelled by `words` (token texts), honouring lists that only give a capitalised
    /// spelling.
    pub fn title<'a>(&self, mut words: impl Iterator<Item = &'a str> + Clone) -> Option<Title> {
        let key = phrase_hash(words.clone());
        self.title_k(key, words.next().is_some_and(|w| w.starts_with(char::is_uppercase)))
    }

    /// [`Lexicon::title`] of the words whose phrase key is `key` (`capitalised`: the first word
    /// starts with a capital).
    #[inline]
    pub fn title_k(&self, key: Key, capitalised: bool) -> Option<Title> {
        let t = self.titles.get(&key)?;
        (!t.cap_only || capitalised).then_some(*t)
    }

    /// [`Lexicon::cue`] of the word whose phrase key is `key`.
    #[inline]
    pub fn cue_k(&self, key: Key) -> Option<Cue> {
        self.cues.get(&key).copied()
    }

    /// A one-word title with a hyphenated modifier (`then-President`, `ex-minister`,
    /// `President-elect`).
    pub fn hyphenated_title(&self, word: &str) -> Option<Title> {
        if !word.contains('-') {
            return None;
        }
        let lower = word.to_lowercase();
        let rest = |r: &str| word.get(r.len()..).filter(|_| lower.len() == word.len());
        for p in &self.title_prefixes {
            if lower.starts_with(p.as_str())
                && let Some(orig) = rest(p)
            {
                return self.title(std::iter::once(orig)).filter(|t| t.kind == TitleKind::Role);
            }
        }
        for s in &self.title_suffixes {
            if let Some(r) = lower.strip_suffix(s.as_str())
                && let Some(orig) = word.get(..r.len()).filter(|_| lower.len() == word.len())
            {
                return self.title(std::iter::once(orig)).filter(|t| t.kind == TitleKind::Role);
            }
        }
        None
    }

    /// The gender a given name implies, when the list is sure.
    pub fn first_name_gender(&self, name: &str) -> Option<Gender> {
        match self.first_names.get(&phrase_hash(std::iter::once(name))) {
            Some(&(g, _)) if g != Gender::Unknown => Some(g),
            _ => None,
        }
    }

    /// A listed given name; with `plain`, only one the list does not flag as also a word.
    pub fn is_first_name(&self, name: &str, plain: bool) -> bool {
        self.first_names
            .get(&phrase_hash(std::iter::once(name)))
            .is_some_and(|&(_, flagged)| !(plain && flagged))
    }

    pub fn cue(&self, word: &str) -> Option<Cue> {
        self.cues.get(&phrase_hash(std::iter::once(word))).copied()
    }

    /// A surname particle (`von`, `der`, `bin`, `al-…`), in any case.
    pub fn is_particle(&self, word: &str) -> bool {
        if self.particles.contains(&phrase_hash(std::iter::once(word))) {
            return true;
        }
        word.contains('-')
            && self.particle_prefixes.iter().any(|p| {
                word.get(..p.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(p) && word.len() > p.len())
            })
    }

    /// `words` (exact case) end a law name (`Charter`, `Treaty`, `Act`).
    pub fn is_law_head<'a>(&self, words: impl Iterator<Item = &'a str>) -> bool {
        self.law_heads.contains(&exact_hash(words))
    }

    /// `words` (exact case) end an event name (`Summit`, `Olympics`, `War`).
    pub fn is_event_head<'a>(&self, words: impl Iterator<Item = &'a str>) -> bool {
        self.event_heads.contains(&exact_hash(words))
    }

    /// `words` (exact case) end an organisation name (`Commission`, `Ministry`, `Inc.`).
    pub fn is_org_head<'a>(&self, words: impl Iterator<Item = &'a str> + Clone) -> bool {
        self.org_heads.contains(&exact_hash(words.clone()))
            || self.org_suffixes.contains(&exact_hash(words))
    }

    /// `word` (exact case) is a legal-form suffix (`Inc.`, `PLC`).
    pub fn is_org_suffix(&self, word: &str) -> bool {
        self.org_suffixes.contains(&exact_hash(std::iter::once(word)))
    }

    /// A lower-case law head (`treaty`, `accord`).
    pub fn is_law_word(&self, word: &str) -> bool {
        self.law_heads_lower.contains(&phrase_hash(std::iter::once(word)))
    }

    /// A lower-case event head (`summit`, `talks`).
    pub fn is_event_word(&self, word: &str) -> bool {
        self.event_heads_lower.contains(&phrase_hash(std::iter::once(word)))
    }

    /// The gender of a third-person singular pronoun (`he`, `Her`), if `word` is one.
    pub fn pronoun_gender(&self, word: &str) -> Option<Gender> {
        self.pronouns.iter().find(|(p, _)| p.eq_ignore_ascii_case(word)).map(|p| p.1)
    }
}
