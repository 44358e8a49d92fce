//! Lookups for the quote stage: which cluster a speaker's name (`Lavrov`, `Mr. Lavrov`) or role
//! phrase (`the Russian foreign minister`, `the minister`) refers to. Everything a lookup
//! compares with is indexed once per article ([`Resolver::new`]): people by the words of their
//! names, roles by their head word, mentions by position; a lookup costs a few map probes and
//! binary searches, whatever the number of entities.

use super::lexicon::{Cue, LEX, Title, phrase_of_keys};
use super::{Cluster, EntityKind, MentionIndex, last_mention_before};
use crate::doc::{Doc, flags};
use crate::hash::{FastMap, hash_bytes};
use crate::lexicon::classes::{lower, word_key};

/// Which part of a person's name a speaker's words match.
#[derive(Clone, Copy)]
enum Part {
    Whole,
    /// the last words (`Lavrov` of `Sergey Lavrov`)
    Tail,
    /// the first words (`Sergey`)
    Head,
}

/// A role of a person, as comparable words (see [`Resolver::role_words`]).
struct Role {
    cluster: usize,
    words: Vec<u64>,
    past: bool,
}

/// Most words of a place name matched inside a role phrase (`New York City`, `United
/// Arab Emirates`).
const MAX_PLACE_WORDS: usize = 4;

/// The article's people and mentions, indexed for speaker lookups.
pub struct Resolver<'a> {
    doc: &'a Doc<'a>,
    clusters: &'a [Cluster],
    mentions: &'a MentionIndex,
    /// person clusters by the key of their whole name, of its last words, of its first words
    names: [FastMap<u64, Vec<usize>>; 3],
    roles: Vec<Role>,
    /// indices into `roles` by the key of the role's head word
    by_head: FastMap<u64, Vec<usize>>,
}

impl std::fmt::Debug for Resolver<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Resolver").field("roles", &self.roles.len()).finish_non_exhaustive()
    }
}

/// Modifiers that mean a role is no longer held.
const PAST: [&str; 5] = ["former", "ex", "late", "retired", "outgoing"];

impl<'a> Resolver<'a> {
    pub fn new(doc: &'a Doc<'a>, clusters: &'a [Cluster], mentions: &'a MentionIndex) -> Self {
        let mut r = Resolver {
            doc,
            clusters,
            mentions,
            names: Default::default(),
            roles: Vec::new(),
            by_head: FastMap::default(),
        };
        for (ci, c) in clusters.iter().enumerate() {
            if c.kind != EntityKind::Person {
                continue;
            }
            let words: Vec<u64> = c.name.split_whitespace().map(word_key).collect();
            let n = words.len();
            r.names[Part::Whole as usize]
                .entry(phrase_of_keys(words.iter().copied()))
                .or_default()
                .push(ci);
            for k in 1..n {
                r.names[Part::Tail as usize]
                    .entry(phrase_of_keys(words[k..].iter().copied()))
                    .or_default()
                    .push(ci);
                r.names[Part::Head as usize]
                    .entry(phrase_of_keys(words[..k].iter().copied()))
                    .or_default()
                    .push(ci);
            }
            for &(a, b) in &c.role_tokens {
                let (words, head) = r.role_words(a, b);
                let Some(head) = head else { continue };
                let past = words.iter().any(|w| past_words().contains(w));
                r.by_head.entry(head).or_default().push(r.roles.len());
                r.roles.push(Role { cluster: ci, words, past });
            }
        }
        r
    }

    /// The article's entities.
    pub fn clusters(&self) -> &'a [Cluster] {
        self.clusters
    }

    /// The index of their mentions.
    pub fn mentions(&self) -> &'a MentionIndex {
        self.mentions
    }

    /// The cluster a name mention refers to. `span` is a byte span of the text: a mention of a
    /// cluster (exactly, or holding one: `President Vladimir Putin`), or words that name a person
    /// (`Mr. Lavrov`, `Lavrov’s`): the full name, surname or given name of a person cluster; when
    /// several people fit, the one mentioned last before the span.
    pub fn name(&self, span: (usize, usize)) -> Option<usize> {
        let (s, e) = span;
        let person = |c: usize| self.clusters[c].kind == EntityKind::Person;
        let mut inside: Option<usize> = None;
        for m in self.mentions.within(s, e) {
            if m.start == s && m.end == e {
                return Some(m.cluster);
            }
            // a person named inside the span (`President Vladimir Putin`), or anything the
            // span only adds a determiner or possessive to (`the Kremlin`, `Kremlin’s`)
            let holds =
                person(m.cluster) || self.only_determiners(s, m.start) && self.only_marks(m.end, e);
            let better = inside.is_none_or(|o| {
                (person(m.cluster), std::cmp::Reverse(m.cluster))
                    > (person(o), std::cmp::Reverse(o))
            });
            if holds && better {
                inside = Some(m.cluster);
            }
        }
        if inside.is_some() {
            return inside;
        }
        // the words of the name, without titles, possessives and punctuation
        let (mut a, mut b) = self.doc.tokens_in(s, e);
        let t = &self.doc.tokens;
        while b > a && t[b - 1].has(flags::PUNCT | flags::CLITIC) {
            b -= 1;
        }
        while a < b
            && (t[a].has(flags::PUNCT)
                || LEX.title(std::iter::once(self.doc.word(a))).is_some() && a + 1 < b)
        {
            a += 1;
        }
        if a >= b {
            return None;
        }
        let key = phrase_of_keys((a..b).map(|i| self.doc.vocab.form(t[i].ty).key));
        for part in [Part::Whole, Part::Tail, Part::Head] {
            if let Some(cands) = self.names[part as usize].get(&key) {
                return self.last_before(cands, s);
            }
        }
        None
    }

    /// Nothing but determiners between bytes `a` and `b` (`the `).
    fn only_determiners(&self, a: usize, b: usize) -> bool {
        let (x, y) = self.doc.tokens_in(a, b);
        (x..y).all(|i| LEX.cue(self.doc.word(i)) == Some(Cue::Determiner))
    }

    /// Nothing but punctuation and possessive marks between bytes `a` and `b` (`’s`, `,`).
    fn only_marks(&self, a: usize, b: usize) -> bool {
        let (x, y) = self.doc.tokens_in(a, b);
        self.doc.tokens[x..y].iter().all(|t| t.has(flags::PUNCT | flags::CLITIC))
    }

    /// Of candidate clusters, the only one; else the one mentioned last before `pos`.
    fn last_before(&self, cands: &[usize], pos: usize) -> Option<usize> {
        match cands {
            [] => None,
            [one] => Some(*one),
            _ => cands
                .iter()
                .filter_map(|&c| Some((last_mention_before(&self.clusters[c], pos)?, c)))
                .max()
                .map(|x| x.1),
        }
    }

    /// The person cluster a role phrase refers to (`the Russian foreign minister`, `the
    /// minister`, `the president`): a person one of whose roles has the phrase's head and all
    /// its words (current roles before former ones unless the phrase says `former`); when
    /// several fit, the one mentioned last before the span.
    pub fn role(&self, span: (usize, usize)) -> Option<usize> {
        let (a, b) = self.doc.tokens_in(span.0, span.1);
        let (words, head) = self.role_words(a, b);
        let past = words.iter().any(|w| past_words().contains(w));
        let mut now: Vec<usize> = Vec::new();
        let mut before: Vec<usize> = Vec::new();
        for &ri in self.by_head.get(&head?).map_or(&[][..], Vec::as_slice) {
            let role = &self.roles[ri];
            if !words.iter().all(|w| role.words.contains(w)) {
                continue;
            }
            let list = if role.past && !past { &mut before } else { &mut now };
            if !list.contains(&role.cluster) {
                list.push(role.cluster);
            }
        }
        let cands = if now.is_empty() { before } else { now };
        self.last_before(&cands, span.0)
    }

    /// A role phrase (tokens `a..b`) as comparable word keys: determiners and possessive marks
    /// left out, titles in canonical spelling (`Sen.` → `senator`), countries and demonyms as
    /// their country (`Russian`, `Russia’s` → `@russia`); and its head (the title's main noun:
    /// the last word, or the word before `of`).
    fn role_words(&self, a: usize, b: usize) -> (Vec<u64>, Option<u64>) {
        let lex = &*LEX;
        let d = self.doc;
        let mut words: Vec<u64> = Vec::new();
        let mut i = a;
        while i < b {
            let w = d.word(i);
            if d.tokens[i].has(flags::PUNCT | flags::CLITIC) || lex.cue(w) == Some(Cue::Determiner)
            {
                i += 1;
                continue;
            }
            // places (longest first), then titles, then demonyms
            let mut done = false;
            for n in (1..=MAX_PLACE_WORDS.min(b - i)).rev() {
                let ws = || (i..i + n).map(|k| d.word(k));
                if let Some(p) = lex.place(ws()) {
                    words.push(referent(p.canonical));
                } else if let Some(t) = lex.title(ws()) {
                    words.extend(canonical_words(&t));
                } else {
                    continue;
                }
                i += n;
                done = true;
                break;
            }
            if done {
                continue;
            }
            let key = d.vocab.form(d.tokens[i].ty).key;
            match lex.demonym(phrase_of_keys(std::iter::once(key))) {
                Some(dm) => words.push(referent(dm.referent)),
                None => words.push(key),
            }
            i += 1;
        }
        let of = word_key("of");
        let head = match words.iter().position(|&w| w == of) {
            Some(k) if k > 0 => Some(words[k - 1]),
            _ => words.last().copied(),
        };
        (words, head)
    }
}

/// The key standing for a country or group a role names (`@russia`).
fn referent(name: &str) -> u64 {
    hash_bytes(format!("@{}", lower(name)).as_bytes())
}

/// The words of a title's canonical spelling, as keys (`Sen.` → `senator`).
fn canonical_words(t: &Title) -> impl Iterator<Item = u64> + '_ {
    t.canonical.split_whitespace().map(word_key)
}

/// The keys of [`PAST`].
fn past_words() -> &'static [u64; PAST.len()] {
    static KEYS: std::sync::LazyLock<[u64; PAST.len()]> =
        std::sync::LazyLock::new(|| PAST.map(word_key));
    &KEYS
}
