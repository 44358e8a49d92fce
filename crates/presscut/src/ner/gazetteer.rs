//! Gazetteer matches per token: the lists in `data/` (countries, cities, regions, given names,
//! demonyms, organisations, outlets, titles, head words) compiled once into a trie over token
//! hashes, so that multi-word entries match on token boundaries; the longest match wins.

use super::features::{self, Atom};
use crate::doc::{Token, flags, tokenize};
use crate::hash::FastMap;
use crate::lexicon::{self, col, rows, split_names, strip_qualifier};
use std::sync::LazyLock;

/// Gazetteer categories; a token's mask has bit `2c` when a match of category `c` starts on it
/// and bit `2c + 1` when it continues one. `_AMB` categories hold forms the lists flag as also
/// being common words, given names or other places.
pub mod cat {
    pub const COUNTRY: u32 = 0;
    pub const COUNTRY_AMB: u32 = 1;
    pub const CITY_BIG: u32 = 2;
    pub const CITY: u32 = 3;
    pub const CITY_AMB: u32 = 4;
    pub const REGION: u32 = 5;
    pub const REGION_AMB: u32 = 6;
    pub const FIRST: u32 = 7;
    pub const FIRST_AMB: u32 = 8;
    pub const DEMONYM: u32 = 9;
    /// religious and political group words (Islamist, Republican)
    pub const GROUP: u32 = 10;
    pub const ORG: u32 = 11;
    pub const ORG_AMB: u32 = 12;
    pub const OUTLET: u32 = 13;
    pub const TITLE: u32 = 14;
    pub const ORG_HEAD: u32 = 15;
    pub const EVENT_HEAD: u32 = 16;
    pub const LAW_HEAD: u32 = 17;
    /// Mask of the "start" bits of the head-word categories (ORG_HEAD, EVENT_HEAD, LAW_HEAD).
    pub const HEADS: u64 = (1 << (2 * ORG_HEAD)) | (1 << (2 * EVENT_HEAD)) | (1 << (2 * LAW_HEAD));
}

/// Organisations and outlets: name, acronyms, aliases; forms listed as ambiguous get `amb`.
fn org_rows(
    data: &'static str,
    alias_col: usize,
    amb_col: usize,
    c: u32,
    amb: u32,
    out: &mut Vec<(&'static str, u32)>,
) {
    for f in rows(data) {
        let ambiguous: Vec<&str> =
            split_names(col(&f, amb_col)).map(|x| x.split(':').next().unwrap_or("")).collect();
        let forms = std::iter::once(strip_qualifier(col(&f, 0)))
            .chain(split_names(col(&f, 1)))
            .chain(split_names(col(&f, alias_col)));
        for form in forms.filter(|s| !s.is_empty()) {
            out.push((form, if ambiguous.contains(&form) { amb } else { c }));
        }
    }
}

/// Every (surface form, category) pair of all lists.
fn entries() -> Vec<(&'static str, u32)> {
    let mut out = Vec::new();
    // countries: name iso2 iso3 aliases capital continent ambiguous reason
    for f in rows(include_str!("../../data/countries.tsv")) {
        let c = if col(&f, 6) == "1" { cat::COUNTRY_AMB } else { cat::COUNTRY };
        out.extend(std::iter::once(col(&f, 0)).chain(split_names(col(&f, 3))).map(|s| (s, c)));
    }
    // cities: name ascii_name country population capital aliases ambiguous reason
    for f in rows(include_str!("../../data/cities.tsv")) {
        let big = col(&f, 4) == "1" || col(&f, 3).parse::<u64>().is_ok_and(|p| p >= 1_000_000);
        let c = if col(&f, 6) == "1" {
            cat::CITY_AMB
        } else if big {
            cat::CITY_BIG
        } else {
            cat::CITY
        };
        out.extend(
            [col(&f, 0), col(&f, 1)].into_iter().chain(split_names(col(&f, 5))).map(|s| (s, c)),
        );
    }
    // regions: name kind country postal abbreviations aliases ambiguous reason
    for f in rows(include_str!("../../data/regions.tsv")) {
        let c = if col(&f, 6) == "1" { cat::REGION_AMB } else { cat::REGION };
        out.extend(std::iter::once(col(&f, 0)).chain(split_names(col(&f, 5))).map(|s| (s, c)));
        out.extend(split_names(col(&f, 4)).map(|s| (s, cat::REGION_AMB)));
    }
    // given names: name gender per_million common ambiguous reason source
    for f in rows(include_str!("../../data/first_names.tsv")) {
        out.push((col(&f, 0), if col(&f, 4) == "1" { cat::FIRST_AMB } else { cat::FIRST }));
    }
    // demonyms: form referent iso2 kind pos number
    for f in rows(include_str!("../../data/demonyms.tsv")) {
        let c =
            if matches!(col(&f, 3), "religion" | "political") { cat::GROUP } else { cat::DEMONYM };
        out.push((col(&f, 0), c));
    }
    // organisations: name acronyms aliases type country ambiguous
    org_rows(include_str!("../../data/organizations.tsv"), 2, 5, cat::ORG, cat::ORG_AMB, &mut out);
    // outlets: name acronyms aliases kind country domain ambiguous
    org_rows(include_str!("../../data/outlets.tsv"), 2, 6, cat::OUTLET, cat::ORG_AMB, &mut out);
    // titles: form canonical kind gender abbr position
    for f in rows(include_str!("../../data/titles.tsv")) {
        out.push((col(&f, 0), cat::TITLE));
    }
    for (data, c) in [
        (include_str!("../../data/org_heads.txt"), cat::ORG_HEAD),
        (include_str!("../../data/org_suffixes.txt"), cat::ORG_HEAD),
        (include_str!("../../data/event_heads.txt"), cat::EVENT_HEAD),
        (include_str!("../../data/law_heads.txt"), cat::LAW_HEAD),
    ] {
        out.extend(lexicon::entries(data).map(str::trim).map(|s| (s, c)));
    }
    out.retain(|e| !e.0.is_empty());
    out
}

/// What a complete entry adds to the tokens it covers.
#[derive(Default)]
struct Pattern {
    /// mask bits for the first token / the following tokens (any case)
    b_bits: u64,
    i_bits: u64,
    /// entries written as acronyms (`US`, `PRC`) only count with exactly this spelling
    exact: Vec<(Box<str>, u64, u64)>,
}

/// A node of the token trie: a (hashed) sequence of normalised tokens.
#[derive(Clone, Copy)]
struct Node {
    /// index into `pats` when an entry ends here
    pat: u32,
    /// some entry continues past this prefix
    longer: bool,
}

/// The lists compiled into a trie over token hashes (the same lower-cased, digit-folded word
/// hashes the features use), so that matching costs about one hash lookup per capitalised
/// token and needs no copy of the text.
struct Gazetteer {
    nodes: FastMap<u64, Node>,
    pats: Vec<Pattern>,
    /// tokens in the longest entry
    max_len: usize,
}

const SEED: u64 = 0x6A09_E667_F3BC_C909;

#[inline]
fn step(h: u64, word: u64) -> u64 {
    features::mix(h, word)
}

/// An acronym token: two or more letters, all capitals (`US`, `PRC`, `P.R.C.`).
fn is_acronym(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
}

static GAZ: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut g = Gazetteer { nodes: FastMap::default(), pats: Vec::new(), max_len: 0 };
    for (surface, c) in entries() {
        let toks = tokenize(surface);
        if toks.is_empty() || toks.len() > 12 {
            continue;
        }
        let mut h = SEED;
        for (k, t) in toks.iter().enumerate() {
            h = step(h, features::atom(t.text(surface), t.flags).word);
            let key = features::finish(h);
            let last = k + 1 == toks.len();
            let pats = &mut g.pats;
            let node = g.nodes.entry(key).or_insert(Node { pat: u32::MAX, longer: false });
            if !last {
                node.longer = true;
                continue;
            }
            if node.pat == u32::MAX {
                node.pat = pats.len() as u32;
                pats.push(Pattern::default());
            }
            let p = &mut pats[node.pat as usize];
            let (b, i) = (1u64 << (2 * c), 1u64 << (2 * c + 1));
            if toks.iter().any(|t| is_acronym(t.text(surface))) {
                let words: Vec<&str> = toks.iter().map(|t| t.text(surface)).collect();
                p.exact.push((words.join(" ").into(), b, i));
            } else {
                p.b_bits |= b;
                p.i_bits |= i;
            }
        }
        g.max_len = g.max_len.max(toks.len());
    }
    g
});

/// One bit mask per token: which gazetteer categories (and B/I positions) cover it. A match
/// must start on a token with a capital letter and lie within one sentence; where matches
/// overlap, the leftmost longest is kept (plus other categories of exactly the same span).
pub fn token_matches(
    text: &str,
    tokens: &[Token],
    atoms: &[Atom],
    sents: &[(usize, usize)],
) -> Vec<u64> {
    let mut out = vec![0u64; tokens.len()];
    let g = &*GAZ;
    for &(a, b) in sents {
        let mut covered = a;
        for i in a..b {
            if i < covered || tokens[i].flags & flags::HAS_UPPER == 0 {
                continue;
            }
            // the longest entry starting here
            crate::cost::add(1);
            let mut h = SEED;
            let mut best: Option<(usize, u64, u64)> = None;
            for j in i..b.min(i + g.max_len) {
                h = step(h, atoms[j].word);
                let Some(node) = g.nodes.get(&features::finish(h)) else {
                    break;
                };
                if let Some(p) = g.pats.get(node.pat as usize) {
                    let (mut bb, mut ib) = (p.b_bits, p.i_bits);
                    for (form, eb, ei) in &p.exact {
                        let mut words = form.split(' ');
                        if tokens[i..=j].iter().all(|t| words.next() == Some(t.text(text))) {
                            bb |= eb;
                            ib |= ei;
                        }
                    }
                    if bb != 0 {
                        best = Some((j + 1, bb, ib));
                    }
                }
                if !node.longer {
                    break;
                }
            }
            if let Some((end, bb, ib)) = best {
                out[i] |= bb;
                for o in &mut out[i + 1..end] {
                    *o |= ib;
                }
                covered = end;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mask(text: &str) -> Vec<u64> {
        let toks = tokenize(text);
        let mut atoms = Vec::new();
        features::atoms_into(text, &toks, &mut atoms);
        token_matches(text, &toks, &atoms, &[(0, toks.len())])
    }

    #[test]
    fn matches_multiword_entries_longest_first() {
        let m = mask("He flew to New Zealand and South Africa.");
        assert_ne!(m[3] & (1 << (2 * cat::COUNTRY)), 0, "New starts a country");
        assert_ne!(m[4] & (1 << (2 * cat::COUNTRY + 1)), 0, "Zealand continues it");
        assert_eq!(m[4] & 0x5555_5555_5555_5555, 0, "nothing starts inside the longer match");
    }

    #[test]
    fn needs_a_capital_and_respects_acronym_case() {
        let m = mask("china us US");
        assert_eq!(m[0], 0, "lower-case china is not matched");
        assert_eq!(m[1], 0, "the pronoun us is not the US");
        assert_ne!(m[2] & (1 << (2 * cat::COUNTRY)), 0);
    }
}
