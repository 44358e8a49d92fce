//! Kinds of mentions: the tagger's type refined by evidence. Demonyms are nationalities; a law
//! head word (`Charter`, `Treaty`, or `treaty` right after the name) makes a law, an event head
//! (`Summit`, `Olympics`) an event, a work or product cue (`the film …`, `… jets`) a work or
//! product; an unambiguous gazetteer entry overrides a weak tagger decision (a city is a
//! location, `Kremlin` an organisation). Then one sense per discourse: every mention with the
//! same words gets the same kind, and a single word that is the surname of a person named in
//! full is that person.

use super::EntityKind;
use super::context::Context;
use super::lexicon::{Cue, DemKind, Key, LEX};
use super::mentions::Ment;
use crate::doc::flags;
use crate::hash::{FastMap, FastSet};
use crate::ner::NerType;

/// Below this tagger confidence, an unambiguous gazetteer entry decides between location and
/// organisation (tuned on held-out training documents).
const WEAK: f32 = 0.5;

/// Which head-word list [`has_head`] reads.
#[derive(Clone, Copy)]
enum Head {
    Law,
    Event,
}

/// Whether the words are a head of that list.
fn is_head<'t>(which: Head, words: impl Iterator<Item = &'t str> + Clone) -> bool {
    match which {
        Head::Law => LEX.is_law_head(words),
        Head::Event => LEX.is_event_head(words),
    }
}

/// Whether tokens `a..b` end with a head word that has something before it (or is the whole
/// mention, with `whole`), or hold one followed by `of`/`on` (`Treaty of Versailles`).
fn has_head(cx: &Context, a: usize, b: usize, which: Head, whole: bool) -> bool {
    let max = LEX.head_words;
    for n in 1..=max.min(b - a) {
        if (b - n > a || whole) && is_head(which, cx.words(b - n, b)) {
            return true;
        }
    }
    for j in a + 1..b.saturating_sub(1) {
        if matches!(cx.word(j), "of" | "on") {
            for n in 1..=max.min(j - a) {
                if is_head(which, cx.words(j - n, j)) {
                    return true;
                }
            }
        }
    }
    false
}

/// The word right after the mention, in the same sentence, when it is in lower case.
fn lower_after<'t>(cx: &Context<'t>, m: &Ment) -> Option<&'t str> {
    (m.b < cx.toks.len() && cx.toks[m.b].has(flags::LOWER) && cx.sent_of[m.b] == cx.sent_of[m.a])
        .then(|| cx.word(m.b))
}

/// `New START treaty`: a lower-case law head right after the name.
fn law_after(cx: &Context, m: &Ment) -> bool {
    lower_after(cx, m).is_some_and(|w| LEX.is_law_word(w))
}

/// `New START treaty`: a treaty word right after a name the tagger calls an organisation.
fn treaty_after(cx: &Context, m: &Ment) -> bool {
    lower_after(cx, m).is_some_and(|w| LEX.cue(w) == Some(Cue::Treaty))
}

/// `Alaska summit`: a lower-case event head right after the name.
fn event_after(cx: &Context, m: &Ment) -> bool {
    lower_after(cx, m).is_some_and(|w| LEX.is_event_word(w))
}

/// `in the Kremlin`, `at the White House`: a locative preposition (and `the`) before the name
/// says the place is meant, not the body that sits there.
fn after_locative(cx: &Context, m: &Ment) -> bool {
    let mut i = m.a;
    if i > 0 && cx.word(i - 1).eq_ignore_ascii_case("the") {
        i -= 1;
    }
    i > 0 && cx.toks[i - 1].has(flags::LOWER) && cx.cue(i - 1) == Some(Cue::Locative)
}

/// A work or product cue right before the name (a quote mark may stand between) or right after.
fn cue(cx: &Context, m: &Ment) -> Option<Cue> {
    cue_before(cx, m, false).or_else(|| {
        let mut j = m.b;
        if cx.toks.get(j).is_some_and(|t| t.has(flags::QUOTE)) {
            j += 1;
        }
        cx.toks
            .get(j)
            .filter(|t| t.has(flags::LOWER))
            .and_then(|_| cx.cue(j))
            .filter(|&c| matches!(c, Cue::Work | Cue::Product))
    })
}

/// A work or product cue right before the name (`the film Oppenheimer`, `the novel “Beloved”`);
/// with `determined`, only after a determiner (`the`, `his`).
fn cue_before(cx: &Context, m: &Ment, determined: bool) -> Option<Cue> {
    let mut i = m.a;
    if i > 0 && cx.toks[i - 1].has(flags::QUOTE) {
        i -= 1;
    }
    if i == 0 || !cx.toks[i - 1].has(flags::LOWER) {
        return None;
    }
    let c = cx.cue(i - 1)?;
    let det = i >= 2 && cx.cue(i - 2) == Some(Cue::Determiner);
    (matches!(c, Cue::Work | Cue::Product) && (det || !determined)).then_some(c)
}

/// The kind one mention's own words and neighbours support, and whether that evidence is
/// stronger than the tagger's type (head words, cues, demonyms).
fn evidence(cx: &Context, m: &Ment) -> (EntityKind, bool) {
    // the tagger already says this is a name: a flag for "also a common word" does not
    // matter here, only whether the lists call it a place, an organisation, or both
    let (place, org) = (m.place, m.org);
    let base = m.kind;
    if matches!(m.ty, NerType::Org | NerType::Misc)
        && place.is_some()
        && org.is_none()
        && (law_after(cx, m) || event_after(cx, m))
    {
        // `the Anchorage agreements`, `the Madrid summit`: the place they are named after
        return (EntityKind::Location, false);
    }
    match m.ty {
        NerType::Misc => {
            if let Some(d) = m.demonym {
                return match d.kind {
                    DemKind::Group => (EntityKind::Other, false),
                    _ => (EntityKind::Nationality, true),
                };
            }
            if has_head(cx, m.a, m.b, Head::Law, true) || law_after(cx, m) {
                return (EntityKind::Law, true);
            }
            if has_head(cx, m.a, m.b, Head::Event, true) {
                return (EntityKind::Event, true);
            }
            match cue(cx, m) {
                Some(Cue::Work) => (EntityKind::Work, true),
                Some(Cue::Product) => (EntityKind::Product, true),
                _ => (base, false),
            }
        }
        NerType::Org if place.is_none() && org.is_none() && treaty_after(cx, m) => {
            (EntityKind::Law, true)
        }
        // `the film Oppenheimer`: a title that looks like a person's or company's name
        NerType::Per | NerType::Org if org.is_none() && cue_before(cx, m, true).is_some() => {
            match cue_before(cx, m, true) {
                Some(Cue::Product) => (EntityKind::Product, false),
                _ => (EntityKind::Work, false),
            }
        }
        NerType::Loc if org.is_some() && place.is_none() && m.score < WEAK => {
            (EntityKind::Organization, false)
        }
        _ => (base, false),
    }
}

/// Give every mention its kind (see the module comment).
pub fn assign(cx: &Context, ments: &mut [Ment]) {
    let mut strong = vec![false; ments.len()];
    for (k, m) in ments.iter_mut().enumerate() {
        let (kind, s) = evidence(cx, m);
        m.kind = kind;
        strong[k] = s;
    }
    // one sense per discourse: head-word and cue evidence on one mention holds for every
    // mention of the same words the tagger called MISC or ORG (`New START treaty` makes each
    // `New START` a law), demonym evidence for MISC ones (an organisation named like a demonym
    // is a team or a newspaper); the tagger itself already makes its types consistent
    let mut evident: FastMap<u64, EntityKind> = FastMap::default();
    for (k, m) in ments.iter().enumerate() {
        if strong[k] {
            evident.entry(m.key).or_insert(m.kind);
        }
    }
    if !evident.is_empty() {
        let decided: Vec<(usize, EntityKind)> = ments
            .iter()
            .enumerate()
            .filter(|(k, m)| !strong[*k] && matches!(m.ty, NerType::Misc | NerType::Org))
            .filter_map(|(k, m)| evident.get(&m.key).map(|&kind| (k, m, kind)))
            .filter(|(_, m, kind)| m.ty == NerType::Misc || *kind != EntityKind::Nationality)
            .map(|(k, _, kind)| (k, kind))
            .collect();
        for (k, kind) in decided {
            ments[k].kind = kind;
        }
    }
    buildings_as_places(cx, ments);
    surnames_are_people(cx, ments);
}

/// An organisation named after its seat (`Kremlin`, `White House`) that the article only
/// mentions after a locative preposition (`in the Kremlin`) is the place.
fn buildings_as_places(cx: &Context, ments: &mut [Ment]) {
    let mut places: FastMap<u64, bool> = FastMap::default(); // key → every such mention is locative
    for m in ments.iter() {
        if m.ty == NerType::Loc && m.kind == EntityKind::Organization {
            let all = places.entry(m.key).or_insert(true);
            *all &= after_locative(cx, m);
        }
    }
    for m in ments.iter_mut() {
        if m.ty == NerType::Loc
            && m.kind == EntityKind::Organization
            && places.get(&m.key) == Some(&true)
        {
            m.kind = EntityKind::Location;
        }
    }
}

/// A one-word mention that is the last word of a person's full name is that person, unless
/// the lists know it as a place or organisation.
fn surnames_are_people(cx: &Context, ments: &mut [Ment]) {
    let surnames: FastSet<Key> = ments
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.b - m.a >= 2)
        .map(|m| cx.key(m.b - 1, m.b))
        .collect();
    if surnames.is_empty() {
        return;
    }
    for m in ments.iter_mut() {
        if m.kind != EntityKind::Person
            && m.b - m.a == 1
            && surnames.contains(&m.key)
            && !super::mentions::listed(m)
        {
            m.kind = EntityKind::Person;
        }
    }
}
