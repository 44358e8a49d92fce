//! Mentions grouped into one cluster per real-world thing: a surname joins the full name it
//! belongs to (the nearest one when several people share it; people with different given
//! names stay apart), country and city aliases join through the gazetteer (`U.S.` = `United
//! States` = `America`), acronyms join their expansions (`EU` = `European Union`, also by
//! initials when the lists do not know them), demonyms join by country. The name of a cluster
//! is its fullest form in the text.

use super::EntityKind;
use super::context::Context;
use super::lexicon::{Key, LEX, phrase_hash};
use super::mentions::Ment;
use crate::doc::flags;
use crate::hash::FastMap;
use crate::hash::{fold, mix};

/// A cluster under construction: its kind, canonical name and member mentions (indices).
pub struct Group {
    pub kind: EntityKind,
    pub name: String,
    pub members: Vec<usize>,
}

/// The parts of a person's name that identify them: given name and surname (lookup keys).
struct NameParts {
    first: Option<Key>,
    /// the given name's first letter, when it is an initial (`B.`)
    initial: Option<char>,
    surname: Key,
}

/// Split a person mention into given name and surname: the surname starts at the first
/// particle after the given name (`Ursula von der Leyen`) or is the last word; post-nominals
/// (`Jr.`, `III`) are left out.
fn name_parts(cx: &Context, m: &Ment) -> NameParts {
    let lex = &*LEX;
    let mut b = m.b;
    while b - m.a > 1 && cx.title(b - 1, b).is_some_and(|t| t.post) {
        b -= 1;
    }
    while b - m.a > 1 && cx.toks[b - 1].has(flags::PUNCT) {
        b -= 1;
    }
    if b - m.a == 1 || lex.is_particle(cx.word(m.a)) {
        return NameParts { first: None, initial: None, surname: cx.key(m.a, b) };
    }
    let mut s = b - 1;
    for i in m.a + 1..b - 1 {
        if lex.is_particle(cx.word(i)) {
            s = i;
            break;
        }
    }
    let w = cx.word(m.a);
    let letters = w.trim_end_matches('.');
    let initial = (letters.chars().count() == 1).then(|| letters.chars().next()).flatten();
    NameParts { first: Some(cx.key(m.a, m.a + 1)), initial, surname: cx.key(s, b) }
}

/// Given names that may be the same person: equal, or one is the other's initial (`B.`).
fn same_first(x: &Full, y: &NameParts, y_name: &str) -> bool {
    if Some(x.first) == y.first {
        return true;
    }
    match (x.initial, y.initial) {
        (Some(c), None) => y_name.starts_with(c),
        (None, Some(c)) => x.name.starts_with(c),
        _ => false,
    }
}

/// A full name seen so far: its cluster and given name (key, initial, text).
struct Full<'t> {
    group: usize,
    first: Key,
    initial: Option<char>,
    name: &'t str,
}

/// An acronym's letters (`U.N.` → `un`), for acronyms of two to eight letters.
fn acronym_letters(word: &str) -> Option<String> {
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    let ok = (2..=8).contains(&letters.chars().count())
        && letters.chars().all(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || c == '.' || c == '&');
    ok.then(|| letters.to_lowercase())
}

/// Initials of a multi-word name's capitalised words (`European Central Bank` → `ecb`).
fn initials(cx: &Context, m: &Ment) -> Option<String> {
    if m.b - m.a < 2 {
        return None;
    }
    let mut s = String::new();
    for i in m.a..m.b {
        let w = cx.word(i);
        if cx.toks[i].has(flags::CAP) {
            s.extend(w.chars().next().into_iter().flat_map(char::to_lowercase));
        } else if !cx.toks[i].has(flags::LOWER) {
            return None;
        }
    }
    (s.chars().count() >= 2).then_some(s)
}

/// The text of a mention with runs of white space made one space.
fn display(cx: &Context, m: &Ment) -> String {
    let raw = cx.text.get(m.start..m.end).unwrap_or("");
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// The key that groups non-person mentions of a kind: the gazetteer's canonical name when
/// the lists know the words, else the words themselves.
fn group_key(cx: &Context, m: &Ment) -> Key {
    let lex = &*LEX;
    match m.kind {
        EntityKind::Location => m.place.map_or(m.key, |p| p.canon),
        EntityKind::Organization => {
            if let Some(o) = m.org {
                return o.canon;
            }
            // `Apple Inc.` = `Apple`
            let mut b = m.b;
            if b - m.a > 1 && lex.is_org_suffix(cx.word(b - 1)) {
                b -= 1;
                while b - m.a > 1 && cx.toks[b - 1].has(flags::PUNCT) {
                    b -= 1;
                }
            }
            cx.key(m.a, b)
        }
        EntityKind::Nationality => {
            m.demonym.map_or(m.key, |d| phrase_hash(std::iter::once(d.referent)))
        }
        _ => m.key,
    }
}

/// Group the mentions (in text order) into clusters.
pub fn group(cx: &Context, ments: &[Ment]) -> Vec<Group> {
    let mut of: Vec<usize> = vec![usize::MAX; ments.len()];
    let mut groups: Vec<Group> = Vec::new();
    people(cx, ments, &mut of, &mut groups);
    let mut by_key: FastMap<u64, usize> = FastMap::default();
    for (k, m) in ments.iter().enumerate() {
        if of[k] != usize::MAX {
            continue;
        }
        let key = mix(fold(group_key(cx, m), m.kind as u64));
        let g = *by_key.entry(key).or_insert_with(|| {
            groups.push(Group { kind: m.kind, name: String::new(), members: Vec::new() });
            groups.len() - 1
        });
        of[k] = g;
        groups[g].members.push(k);
    }
    join_acronyms(cx, ments, &mut groups);
    join_short_names(cx, ments, &mut groups);
    join_heading_tails(cx, ments, &mut groups);
    for g in &mut groups {
        g.members.sort_unstable();
        g.name = canonical_name(cx, ments, g);
    }
    groups.retain(|g| !g.members.is_empty());
    groups
}

/// Person clusters: full names first (same surname and compatible given name), then lone
/// surnames and given names attached to the full name they most likely belong to.
fn people(cx: &Context, ments: &[Ment], of: &mut [usize], groups: &mut Vec<Group>) {
    let parts: Vec<Option<NameParts>> =
        ments.iter().map(|m| (m.kind == EntityKind::Person).then(|| name_parts(cx, m))).collect();
    // full names, text order; indexed by surname and by given name
    let mut full: Vec<Full> = Vec::new();
    let mut by_surname: FastMap<u64, Vec<usize>> = FastMap::default();
    let mut by_first: FastMap<u64, Vec<usize>> = FastMap::default();
    // per cluster, the starts of its full-name mentions (ascending)
    let mut starts: Vec<Vec<usize>> = Vec::new();
    for (k, p) in parts.iter().enumerate() {
        let Some(p) = p else {
            continue;
        };
        let Some(first) = p.first else {
            continue;
        };
        let given = cx.word(ments[k].a);
        let found = by_surname.get(&p.surname).and_then(|fs| {
            fs.iter().map(|&f| &full[f]).find(|f| same_first(f, p, given)).map(|f| f.group)
        });
        let g = found.unwrap_or_else(|| {
            groups.push(Group {
                kind: EntityKind::Person,
                name: String::new(),
                members: Vec::new(),
            });
            groups.len() - 1
        });
        if found.is_none() {
            by_surname.entry(p.surname).or_default().push(full.len());
            by_first.entry(first).or_default().push(full.len());
            full.push(Full { group: g, first, initial: p.initial, name: given });
        }
        of[k] = g;
        groups[g].members.push(k);
        if starts.len() <= g {
            starts.resize(g + 1, Vec::new());
        }
        starts[g].push(ments[k].start);
    }
    // lone surnames (or given names) join the nearest full name that fits
    let mut lone: FastMap<u64, usize> = FastMap::default();
    for (k, p) in parts.iter().enumerate() {
        let Some(NameParts { first: None, surname, .. }) = p else {
            continue;
        };
        let mut cands: &[usize] = by_surname.get(surname).map_or(&[], |v| v.as_slice());
        if cands.is_empty() && LEX.is_first_name(cx.word(ments[k].a), false) {
            cands = by_first.get(surname).map_or(&[], |v| v.as_slice());
        }
        let g = match cands {
            [] => *lone.entry(*surname).or_insert_with(|| {
                groups.push(Group {
                    kind: EntityKind::Person,
                    name: String::new(),
                    members: Vec::new(),
                });
                groups.len() - 1
            }),
            [one] => full[*one].group,
            _ => nearest(&full, cands, &starts, ments[k].start),
        };
        of[k] = g;
        groups[g].members.push(k);
    }
}

/// Of several candidate full names, the cluster named last before `pos` (else first after it).
fn nearest(full: &[Full], cands: &[usize], starts: &[Vec<usize>], pos: usize) -> usize {
    let mut best = (full[cands[0]].group, usize::MAX, usize::MAX); // (group, before, after)
    for &f in cands {
        let g = full[f].group;
        let Some(st) = starts.get(g) else {
            continue;
        };
        let i = st.partition_point(|&s| s <= pos);
        if i > 0 && pos - st[i - 1] < best.1 {
            best = (g, pos - st[i - 1], best.2);
        } else if i < st.len() && best.1 == usize::MAX && st[i] - pos < best.2 {
            best = (g, usize::MAX, st[i] - pos);
        }
    }
    best.0
}

/// Merge a one-word acronym cluster into the cluster of the same kind whose name's initials
/// spell it (`ECB` and `European Central Bank`), when exactly one fits.
fn join_acronyms(cx: &Context, ments: &[Ment], groups: &mut [Group]) {
    // clusters named only by one acronym, by the hash of its letters and kind
    let mut wanted: FastMap<u64, Vec<usize>> = FastMap::default();
    for (g, grp) in groups.iter().enumerate() {
        if grp.kind == EntityKind::Person || grp.members.is_empty() {
            continue;
        }
        let letters = |k: usize| {
            let m = &ments[k];
            (m.b - m.a == 1).then(|| acronym_letters(cx.word(m.a))).flatten()
        };
        let Some(first) = letters(grp.members[0]) else {
            continue;
        };
        if grp.members.iter().all(|&k| letters(k).as_ref() == Some(&first)) {
            let key = mix(fold(phrase_hash(std::iter::once(first.as_str())), grp.kind as u64));
            wanted.entry(key).or_default().push(g);
        }
    }
    if wanted.is_empty() {
        return;
    }
    // the clusters whose longer names have those initials
    let mut found: FastMap<u64, Vec<usize>> = FastMap::default();
    for (g, grp) in groups.iter().enumerate() {
        if grp.kind == EntityKind::Person {
            continue;
        }
        for &k in &grp.members {
            if let Some(i) = initials(cx, &ments[k]) {
                let key = mix(fold(phrase_hash(std::iter::once(i.as_str())), grp.kind as u64));
                if wanted.contains_key(&key) {
                    let v = found.entry(key).or_default();
                    if !v.contains(&g) {
                        v.push(g);
                    }
                }
            }
        }
    }
    for (key, acronyms) in wanted {
        if let Some(t) = found.get(&key)
            && t.len() == 1
        {
            for g in acronyms {
                if g != t[0] {
                    let moved = std::mem::take(&mut groups[g].members);
                    groups[t[0]].members.extend(moved);
                }
            }
        }
    }
}

/// Merge an organisation cluster named by one word into the one organisation whose longer
/// name starts with that word (`Northwind` and `Northwind Logistics Inc.`).
fn join_short_names(cx: &Context, ments: &[Ment], groups: &mut [Group]) {
    join_orgs(
        ments,
        groups,
        |m, put| {
            if m.b - m.a >= 2 {
                put(cx.key(m.a, m.a + 1));
            }
        },
        |grp| grp.members.iter().all(|&k| ments[k].b - ments[k].a == 1),
    );
}

/// Merge an organisation named only in headings into the one organisation of the article whose
/// longer name ends with the same words (`Central Bank Holds Rates` above a story about the
/// `European Central Bank`). Headlines shorten names; running text gives them in full.
fn join_heading_tails(cx: &Context, ments: &[Ment], groups: &mut [Group]) {
    join_orgs(
        ments,
        groups,
        |m, put| {
            for a in m.a + 1..m.b.saturating_sub(1) {
                put(cx.key(a, m.b));
            }
        },
        |grp| {
            let first = &ments[grp.members[0]];
            first.b - first.a >= 2
                && grp
                    .members
                    .iter()
                    .all(|&k| ments[k].key == first.key && cx.in_heading(ments[k].a))
        },
    );
}

/// Moves every organisation cluster that `joins` accepts into the one other organisation
/// cluster that `index` files under the words of the cluster's first mention.
fn join_orgs(
    ments: &[Ment],
    groups: &mut [Group],
    index: impl Fn(&Ment, &mut dyn FnMut(Key)),
    joins: impl Fn(&Group) -> bool,
) {
    let mut by_key: FastMap<u64, Vec<usize>> = FastMap::default();
    for (g, grp) in groups.iter().enumerate() {
        if grp.kind != EntityKind::Organization {
            continue;
        }
        for &k in &grp.members {
            index(&ments[k], &mut |key| {
                let v = by_key.entry(key).or_default();
                if !v.contains(&g) {
                    v.push(g);
                }
            });
        }
    }
    for g in 0..groups.len() {
        let grp = &groups[g];
        if grp.kind != EntityKind::Organization || grp.members.is_empty() || !joins(grp) {
            continue;
        }
        if let Some(t) = by_key.get(&ments[grp.members[0]].key)
            && t.len() == 1
            && t[0] != g
        {
            let moved = std::mem::take(&mut groups[g].members);
            groups[t[0]].members.extend(moved);
        }
    }
}

/// The fullest form among a cluster's mentions: most words, then most characters, then one
/// not in capitals, then first; for nationalities the adjective (`Russian` rather than `Russians`).
fn canonical_name(cx: &Context, ments: &[Ment], g: &Group) -> String {
    let Some(&first) = g.members.first() else {
        return String::new();
    };
    if g.kind == EntityKind::Nationality {
        let adj = g.members.iter().find(|&&k| ments[k].demonym.is_some_and(|d| d.adjective));
        return display(cx, &ments[*adj.unwrap_or(&first)]);
    }
    let mut best = first;
    // a form as running text writes it beats the same words in capitals (`Frankfurt`, not the
    // dateline's `FRANKFURT`)
    let cased = |k: usize| cx.text[ments[k].start..ments[k].end].chars().any(char::is_lowercase);
    let size = |k: usize| (ments[k].b - ments[k].a, ments[k].end - ments[k].start, cased(k));
    for &k in &g.members {
        if size(k) > size(best) {
            best = k;
        }
    }
    let name = display(cx, &ments[best]);
    // only in capitals (a dateline): the gazetteer's spelling of the same words (`Berlin`)
    if !cased(best)
        && let Some(p) = ments[best].place
        && p.canonical.eq_ignore_ascii_case(&name)
    {
        return p.canonical.to_owned();
    }
    name
}
