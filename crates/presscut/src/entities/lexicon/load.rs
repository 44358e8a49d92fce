//! Reading the list files of `data/` into a [`Lexicon`]: one function per file format.

use super::{
    Cue, DemKind, Demonym, Entry, IdSet, Key, Lexicon, Org, Place, PlaceKind, Title, TitleKind,
    exact_hash, phrase_hash,
};
use crate::doc::{flags, tokenize};
use crate::entities::Gender;
use crate::hash::FastMap;
use crate::lexicon::classes::word_key;
use crate::lexicon::{self, col, rows, split_names, strip_qualifier};

/// The token texts of a list form, tokenised like text.
fn form_words(form: &str) -> Vec<&str> {
    tokenize(form).iter().map(|t| t.text(form)).collect()
}

/// A list form's lookup key, and its exact hash when it is an acronym form (some token of two
/// or more letters with no lower-case letter: `US`, `U.N.`), which must match as spelled.
fn form_keys(form: &str) -> Option<(Key, Option<Key>)> {
    let toks = tokenize(form);
    if toks.is_empty() {
        return None;
    }
    let words = || toks.iter().map(|t| t.text(form));
    let acronym = toks.iter().any(|t| {
        t.has(flags::ALL_CAPS) && t.text(form).chars().filter(|c| c.is_alphabetic()).count() >= 2
    });
    Some((phrase_hash(words()), acronym.then(|| exact_hash(words()))))
}

/// Insert `value` under `form` unless a better entry is there (`keep_old`); plain entries win
/// over exact-case (acronym) ones.
fn insert_entry<T>(
    map: &mut FastMap<u64, Entry<T>>,
    form: &str,
    value: T,
    keep_old: impl Fn(&T, &T) -> bool,
) {
    let Some((key, exact)) = form_keys(form) else {
        return;
    };
    match map.get(&key) {
        Some(old) if old.exact.is_none() && (exact.is_some() || keep_old(&old.value, &value)) => {}
        Some(old) if old.exact.is_some() && exact.is_some() && keep_old(&old.value, &value) => {}
        _ => {
            map.insert(key, Entry { value, exact });
        }
    }
}

fn gender(s: &str) -> Gender {
    match s {
        "m" => Gender::Male,
        "f" => Gender::Female,
        _ => Gender::Unknown,
    }
}

fn places() -> FastMap<u64, Entry<Place>> {
    let mut m = FastMap::default();
    let better = |old: &Place, new: &Place| old.kind <= new.kind;
    let place = |f: &[&'static str], kind, amb_col| Place {
        canonical: col(f, 0),
        canon: phrase_hash(form_words(col(f, 0)).into_iter()),
        kind,
        ambiguous: col(f, amb_col) == "1",
    };
    // countries: name iso2 iso3 aliases capital continent ambiguous reason
    for f in rows(include_str!("../../../data/countries.tsv")) {
        let p = place(&f, PlaceKind::Country, 6);
        for form in std::iter::once(col(&f, 0)).chain(split_names(col(&f, 3))) {
            insert_entry(&mut m, form, p, better);
        }
    }
    // regions: name kind country postal abbreviations aliases ambiguous reason
    for f in rows(include_str!("../../../data/regions.tsv")) {
        let p = place(&f, PlaceKind::Region, 6);
        for form in std::iter::once(col(&f, 0)).chain(split_names(col(&f, 5))) {
            insert_entry(&mut m, form, p, better);
        }
    }
    // cities (most populous first): name ascii_name country population capital aliases ambiguous
    for f in rows(include_str!("../../../data/cities.tsv")) {
        let p = place(&f, PlaceKind::City, 6);
        for form in [col(&f, 0), col(&f, 1)].into_iter().chain(split_names(col(&f, 5))) {
            if !form.is_empty() {
                insert_entry(&mut m, form, p, better);
            }
        }
    }
    m
}

fn orgs() -> FastMap<u64, Entry<Org>> {
    let mut m: FastMap<u64, Entry<Org>> = FastMap::default();
    // organisations: name acronyms aliases type country ambiguous
    // outlets: name acronyms aliases kind country domain ambiguous
    for (data, amb_col, outlet) in [
        (include_str!("../../../data/organizations.tsv"), 5, false),
        (include_str!("../../../data/outlets.tsv"), 6, true),
    ] {
        for f in rows(data) {
            let flagged: Vec<&str> =
                split_names(col(&f, amb_col)).map(|x| x.split(':').next().unwrap_or("")).collect();
            let canonical = strip_qualifier(col(&f, 0));
            let canon = phrase_hash(form_words(canonical).into_iter());
            let forms = std::iter::once(canonical)
                .chain(split_names(col(&f, 1)))
                .chain(split_names(col(&f, 2)));
            for form in forms {
                let Some((key, exact)) = form_keys(form) else {
                    continue;
                };
                if let Some(old) = m.get_mut(&key) {
                    // a form of two different rows is ambiguous between them
                    if old.value.canon != canon && old.exact.is_some() == exact.is_some() {
                        old.value.ambiguous = true;
                    }
                    continue;
                }
                let value = Org { canon, outlet, ambiguous: flagged.contains(&form) };
                m.insert(key, Entry { value, exact });
            }
        }
    }
    m
}

fn demonyms() -> FastMap<u64, Demonym> {
    let mut m = FastMap::default();
    // form referent iso2 kind pos number
    for f in rows(include_str!("../../../data/demonyms.tsv")) {
        let kind = match col(&f, 3) {
            "nationality" => DemKind::Nationality,
            "religion" | "political" => DemKind::Group,
            _ => DemKind::Other,
        };
        let d = Demonym { referent: col(&f, 1), kind, adjective: col(&f, 4) != "noun" };
        // one row per (form, referent): the first referent stands for the form
        m.entry(phrase_hash(form_words(col(&f, 0)).into_iter())).or_insert(d);
    }
    m
}

fn titles(lex: &mut Lexicon) {
    // form canonical kind gender abbr position
    for f in rows(include_str!("../../../data/titles.tsv")) {
        let form = col(&f, 0);
        let kind = match col(&f, 2) {
            "honorific" => TitleKind::Honorific,
            "modifier" => TitleKind::Modifier,
            _ => TitleKind::Role,
        };
        if kind == TitleKind::Modifier && form.len() > 1 && form.ends_with('-') {
            lex.title_prefixes.push(form.to_lowercase());
            continue;
        }
        if kind == TitleKind::Modifier && form.len() > 1 && form.starts_with('-') {
            lex.title_suffixes.push(form.to_lowercase());
            continue;
        }
        let words = form_words(form);
        let t = Title {
            canonical: col(&f, 1),
            kind,
            gender: gender(col(&f, 3)),
            cap_only: !form.starts_with(char::is_lowercase),
            post: col(&f, 5) == "post",
            office: matches!(col(&f, 2), "political" | "diplomatic" | "military" | "business"),
        };
        lex.title_words = lex.title_words.max(words.len());
        if let (Some(first), Some(last)) = (words.first(), words.last()) {
            lex.title_first.insert(word_key(first));
            lex.title_last.insert(word_key(last));
        }
        let key = phrase_hash(words.into_iter());
        match lex.titles.get_mut(&key) {
            Some(old) => {
                old.cap_only &= t.cap_only;
                if old.gender == Gender::Unknown {
                    old.gender = t.gender;
                }
            }
            None => {
                lex.titles.insert(key, t);
            }
        }
    }
}

/// Head words (exact case) into `set`, and their lower-case one-word forms into `lower`.
fn heads(data: &'static str, set: &mut IdSet, lower: &mut IdSet, max: &mut usize) {
    for l in lexicon::entries(data).map(str::trim) {
        let words = form_words(l);
        *max = (*max).max(words.len());
        set.insert(exact_hash(words.iter().copied()));
        if words.len() == 1 {
            lower.insert(phrase_hash(words.into_iter()));
        }
    }
}

pub(super) fn build() -> Lexicon {
    let mut lex = Lexicon {
        names: FastMap::default(),
        titles: FastMap::default(),
        title_first: IdSet::default(),
        title_last: IdSet::default(),
        title_words: 1,
        title_prefixes: Vec::new(),
        title_suffixes: Vec::new(),
        first_names: FastMap::default(),
        event_heads: IdSet::default(),
        law_heads: IdSet::default(),
        org_suffixes: IdSet::default(),
        org_heads: IdSet::default(),
        head_words: 1,
        law_heads_lower: IdSet::default(),
        event_heads_lower: IdSet::default(),
        pronouns: Vec::new(),
        particles: IdSet::default(),
        particle_prefixes: Vec::new(),
        cues: FastMap::default(),
    };
    for (k, e) in places() {
        lex.names.entry(k).or_default().place = Some(e);
    }
    for (k, e) in orgs() {
        lex.names.entry(k).or_default().org = Some(e);
    }
    for (k, d) in demonyms() {
        lex.names.entry(k).or_default().demonym = Some(d);
    }
    titles(&mut lex);
    // given names: name gender per_million common ambiguous reason source
    for f in rows(include_str!("../../../data/first_names.tsv")) {
        lex.first_names.insert(
            phrase_hash(std::iter::once(col(&f, 0))),
            (gender(col(&f, 1)), col(&f, 4) == "1"),
        );
    }
    let mut max = 1;
    let mut unused = IdSet::default();
    heads(
        include_str!("../../../data/event_heads.txt"),
        &mut lex.event_heads,
        &mut lex.event_heads_lower,
        &mut max,
    );
    heads(
        include_str!("../../../data/law_heads.txt"),
        &mut lex.law_heads,
        &mut lex.law_heads_lower,
        &mut max,
    );
    heads(
        include_str!("../../../data/org_suffixes.txt"),
        &mut lex.org_suffixes,
        &mut unused,
        &mut max,
    );
    heads(include_str!("../../../data/org_heads.txt"), &mut lex.org_heads, &mut unused, &mut max);
    lex.head_words = max;
    // pronouns: form gender number person case
    for f in rows(include_str!("../../../data/person_pronouns.tsv")) {
        let g = gender(col(&f, 1));
        if g != Gender::Unknown
            && col(&f, 3) == "3"
            && !lex.pronouns.iter().any(|p| p.0 == col(&f, 0))
        {
            lex.pronouns.push((col(&f, 0), g));
        }
    }
    for p in lexicon::entries(include_str!("../../../data/surname_particles.txt")).map(str::trim) {
        if p.len() > 1 && p.ends_with('-') {
            lex.particle_prefixes.push(p);
        } else {
            lex.particles.insert(phrase_hash(form_words(p).into_iter()));
        }
    }
    // cue words: form kind
    for f in rows(include_str!("../../../data/entity_cues.tsv")) {
        let cue = match col(&f, 1) {
            "work" => Cue::Work,
            "product" => Cue::Product,
            "locative" => Cue::Locative,
            "treaty" => Cue::Treaty,
            _ => Cue::Determiner,
        };
        lex.cues.insert(phrase_hash(form_words(col(&f, 0)).into_iter()), cue);
    }
    lex
}
