//! Roles and gender of people. Roles come from titles right before a name (`Russian Foreign
//! Minister Sergey Lavrov`, `former U.S. President Barack Obama`, `Apple’s chief executive Tim
//! Cook`) and from appositions (`Marco Rubio, the secretary of state,`; `the coach, Ann Lee,`).
//! Gender comes from gendered titles (`Mr.`, `spokeswoman`), listed given names, and he/she
//! pronouns shortly after a mention.

use super::context::Context;
use super::lexicon::{Cue, LEX, TitleKind};
use super::{Cluster, EntityKind, Gender};
use crate::doc::flags;

/// "No mention" in the per-token mention tables.
const NONE: u32 = u32::MAX;

/// Entry `i` of a per-token mention table, if set.
fn at(table: &[u32], i: usize) -> Option<usize> {
    table.get(i).filter(|&&x| x != NONE).map(|&x| x as usize)
}

/// How many sentences back a pronoun may look for the person it refers to.
const PRONOUN_REACH: u32 = 2;

/// A title ending right before token `end` (not before `min`): its length and what it is.
fn title_before(cx: &Context, end: usize, min: usize) -> Option<(usize, TitleKind, Gender)> {
    let lex = &*LEX;
    if end <= min {
        return None;
    }
    if !lex.may_end_title(cx.word(end - 1)) {
        let t = lex.hyphenated_title(cx.word(end - 1))?;
        return Some((1, t.kind, t.gender));
    }
    for n in (1..=lex.title_words.min(end - min)).rev() {
        if let Some(t) = cx.title(end - n, end)
            && !t.post
        {
            return Some((n, t.kind, t.gender));
        }
    }
    let t = lex.hyphenated_title(cx.word(end - 1))?;
    Some((1, t.kind, t.gender))
}

/// A title starting at token `i` (not reaching `end`).
fn title_after(cx: &Context, i: usize, end: usize) -> Option<(usize, TitleKind, Gender)> {
    let lex = &*LEX;
    if i >= end {
        return None;
    }
    if !lex.may_start_title(cx.word(i)) {
        let t = lex.hyphenated_title(cx.word(i))?;
        return Some((1, t.kind, t.gender));
    }
    for n in (1..=lex.title_words.min(end - i)).rev() {
        if let Some(t) = cx.title(i, i + n)
            && !t.post
        {
            return Some((n, t.kind, t.gender));
        }
    }
    let t = lex.hyphenated_title(cx.word(i))?;
    Some((1, t.kind, t.gender))
}

/// Names that may qualify a title (`Russian`, `U.S.`, `Apple’s`): a demonym, or a named
/// place or organisation mention; returns where it starts.
fn qualifier_before(cx: &Context, end: usize, min: usize, ends: &[u32]) -> Option<usize> {
    let j = end.checked_sub(1).filter(|&j| j >= min)?;
    if cx.toks[j].has(flags::CLITIC) {
        // possessive: `Russia’s`, `Putin’s`
        return at(ends, j).filter(|&a| a >= min);
    }
    if let Some(a) = at(ends, end) {
        return (a >= min).then_some(a);
    }
    if cx.toks[j].has(flags::CAP) && LEX.demonym(cx.key(j, j + 1)).is_some() {
        return Some(j);
    }
    None
}

/// A role phrase ending right before token `end`: `(start, gender)`, the phrase being
/// `start..end`. It must end in a role title; modifiers, more titles and qualifiers may
/// precede it.
fn role_before(cx: &Context, end: usize, min: usize, ends: &[u32]) -> Option<(usize, Gender)> {
    let (n, kind, mut gender) = title_before(cx, end, min)?;
    if kind != TitleKind::Role {
        return None;
    }
    let mut start = end - n;
    loop {
        if let Some((n, kind, g)) = title_before(cx, start, min)
            && kind != TitleKind::Honorific
        {
            start -= n;
            if gender == Gender::Unknown {
                gender = g;
            }
        } else if let Some(a) = qualifier_before(cx, start, min, ends) {
            start = a;
        } else {
            break;
        }
    }
    Some((start, gender))
}

/// A role phrase starting at token `i` (after `, the`): its end, when the phrase is a role
/// and closes at punctuation or the sentence end (`the secretary of state,`).
fn role_after(cx: &Context, i: usize, end: usize, starts: &[u32]) -> Option<usize> {
    let mut j = i;
    let mut titled = false;
    let mut last_title = false;
    while j < end {
        if let Some((n, kind, _)) = title_after(cx, j, end)
            && kind != TitleKind::Honorific
        {
            titled |= kind == TitleKind::Role;
            last_title = kind == TitleKind::Role;
            j += n;
        } else if let Some(b) = at(starts, j) {
            j = b;
            if cx.toks.get(j).is_some_and(|t| t.has(flags::CLITIC)) {
                j += 1;
            }
            last_title = false;
        } else if cx.toks[j].has(flags::CAP) && LEX.demonym(cx.key(j, j + 1)).is_some() {
            j += 1;
            last_title = false;
        } else if last_title && matches!(cx.word(j), "of" | "for" | "at") {
            // `head of the International Monetary Fund`
            let mut k = j + 1;
            if cx.word(k) == "the" {
                k += 1;
            }
            let mut e = k;
            while e < end && cx.toks[e].has(flags::CAP) {
                e += 1;
            }
            if e == k {
                break;
            }
            j = e;
            last_title = true;
            break;
        } else {
            break;
        }
    }
    let closed = j >= end
        || cx.toks[j].has(flags::PUNCT) && !cx.toks[j].has(flags::QUOTE)
        || cx.toks[j].has(flags::DASH);
    (titled && last_title && closed).then_some(j)
}

/// The role text of tokens `a..b`, white space collapsed.
fn role_text(cx: &Context, a: usize, b: usize) -> String {
    let raw = cx.text.get(cx.toks[a].start()..cx.toks[b - 1].end()).unwrap_or("");
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Set roles and gender of the person clusters; `ranges[c]` are the token ranges of the
/// mentions of `clusters[c]`.
pub fn attach(cx: &Context, clusters: &mut [Cluster], ranges: &[Vec<(usize, usize)>]) {
    if !clusters.iter().any(|c| c.kind == EntityKind::Person) {
        return;
    }
    // mentions by token end (for qualifiers before a title) and by token start (after one)
    let mut ends = vec![NONE; cx.toks.len() + 1];
    let mut starts = vec![NONE; cx.toks.len() + 1];
    for (c, rs) in clusters.iter().zip(ranges) {
        for &(a, b) in rs {
            ends[b] = a as u32;
            if c.kind != EntityKind::Person {
                starts[a] = b as u32;
            }
        }
    }
    let mut votes: Vec<[u32; 2]> = vec![[0; 2]; clusters.len()];
    let vote = |v: &mut [u32; 2], g: Gender, w: u32| match g {
        Gender::Male => v[0] += w,
        Gender::Female => v[1] += w,
        Gender::Unknown => {}
    };
    for (ci, c) in clusters.iter_mut().enumerate() {
        if c.kind != EntityKind::Person {
            continue;
        }
        // role phrases as token ranges
        let mut roles: Vec<(usize, usize)> = Vec::new();
        for &(a, b) in &ranges[ci] {
            let s = cx.sents[cx.sent_of[a] as usize];
            // honorifics and gendered titles right before the name
            if let Some((_, _, g)) = title_before(cx, a, s.0) {
                vote(&mut votes[ci], g, 10);
            }
            if let Some((start, g)) = role_before(cx, a, s.0, &ends) {
                roles.push((start, a));
                vote(&mut votes[ci], g, 10);
            } else if a >= 2 && cx.word(a - 1) == "," {
                // `the secretary of state, Marco Rubio`
                if let Some((start, g)) = role_before(cx, a - 1, s.0, &ends)
                    && (start == s.0 || cx.cue(start - 1) == Some(Cue::Determiner))
                {
                    roles.push((start, a - 1));
                    vote(&mut votes[ci], g, 10);
                }
            }
            if b < s.1 && cx.word(b) == "," {
                // `Marco Rubio, the secretary of state,`
                let mut i = b + 1;
                if cx.toks.get(i).is_some_and(|t| t.has(flags::LOWER))
                    && cx.cue(i) == Some(Cue::Determiner)
                {
                    i += 1;
                }
                if let Some(j) = role_after(cx, i, s.1, &starts) {
                    roles.push((i, j));
                }
            }
        }
        let mut seen: Vec<String> = Vec::new();
        for (a, b) in roles {
            let r = role_text(cx, a, b);
            let low = r.to_lowercase();
            if !seen.contains(&low) {
                seen.push(low);
                if let Some(g) = role_gender(&r) {
                    vote(&mut votes[ci], g, 10);
                }
                c.roles.push(r);
                c.role_tokens.push((a, b));
            }
        }
        // a listed given name
        if let Some(first) = c.name.split_whitespace().next()
            && c.name.split_whitespace().nth(1).is_some()
            && let Some(g) = LEX.first_name_gender(first)
        {
            vote(&mut votes[ci], g, 5);
        }
    }
    pronoun_votes(cx, clusters, ranges, &mut votes);
    for (c, v) in clusters.iter_mut().zip(&votes) {
        if c.kind == EntityKind::Person {
            c.gender = match v[0].cmp(&v[1]) {
                std::cmp::Ordering::Greater => Gender::Male,
                std::cmp::Ordering::Less => Gender::Female,
                std::cmp::Ordering::Equal => Gender::Unknown,
            };
        }
    }
}

/// The gender a role's words imply (`spokeswoman`, `King`), if any.
fn role_gender(role: &str) -> Option<Gender> {
    role.split_whitespace()
        .filter_map(|w| LEX.title(std::iter::once(w)))
        .map(|t| t.gender)
        .find(|&g| g != Gender::Unknown)
}

/// One vote per he/she pronoun for the person mentioned last before it, if that was within
/// [`PRONOUN_REACH`] sentences (only the tokens in those windows are read).
fn pronoun_votes(
    cx: &Context,
    clusters: &[Cluster],
    ranges: &[Vec<(usize, usize)>],
    votes: &mut [[u32; 2]],
) {
    let mut people: Vec<(usize, usize)> = clusters
        .iter()
        .zip(ranges)
        .enumerate()
        .filter(|(_, (c, _))| c.kind == EntityKind::Person)
        .flat_map(|(ci, (_, rs))| rs.iter().map(move |&(_, b)| (b, ci)))
        .collect();
    people.sort_unstable();
    for (k, &(b, ci)) in people.iter().enumerate() {
        let reach = cx.sent_of[b - 1] as usize + PRONOUN_REACH as usize;
        let mut end = cx.sents.get(reach).map_or(cx.toks.len(), |s| s.1);
        if let Some(&(next_b, _)) = people.get(k + 1) {
            end = end.min(next_b);
        }
        for t in &cx.toks[b..end.max(b)] {
            let len = t.byte_len();
            if !(2..=7).contains(&len) || t.flags & flags::ALPHA == 0 {
                continue;
            }
            let w = t.text(cx.text);
            if !matches!(w.as_bytes().first(), Some(b'h' | b'H' | b's' | b'S')) {
                continue;
            }
            match LEX.pronoun_gender(w) {
                Some(Gender::Male) => votes[ci][0] += 1,
                Some(Gender::Female) => votes[ci][1] += 1,
                _ => {}
            }
        }
    }
}
