//! Lookups for the quote stage: which cluster a speaker's name (`Lavrov`, `Mr. Lavrov`) or role
//! phrase (`the Russian foreign minister`, `the minister`) refers to.

use super::lexicon::{Cue, LEX, key_of, phrase_hash};
use super::{Cluster, EntityKind};
use crate::doc::{flags, tokenize};

/// The cluster a name mention refers to. `span` is a byte span of `text`: a mention of a
/// cluster (exactly, or holding one: `President Vladimir Putin`), or words that name a person
/// (`Mr. Lavrov`, `Lavrov’s`): the full name, surname or given name of a person cluster; when
/// several people fit, the one mentioned last before the span.
pub fn resolve_name(clusters: &[Cluster], text: &str, span: (usize, usize)) -> Option<usize> {
    let (s, e) = span;
    let words = text.get(s..e)?;
    let mut inside: Option<usize> = None;
    for (ci, c) in clusters.iter().enumerate() {
        for m in &c.mentions {
            if m.start == s && m.end == e {
                return Some(ci);
            }
            // a person named inside the span (`President Vladimir Putin`), or anything the
            // span only adds a determiner or possessive to (`the Kremlin`, `Kremlin’s`)
            let holds = m.start >= s
                && m.end <= e
                && (c.kind == EntityKind::Person
                    || (only_determiners(&text[s..m.start]) && only_marks(&text[m.end..e])));
            let better = inside.is_none_or(|o| {
                clusters[o].kind != EntityKind::Person && c.kind == EntityKind::Person
            });
            if holds && better {
                inside = Some(ci);
            }
        }
    }
    if inside.is_some() {
        return inside;
    }
    // the words of the name, without titles, possessives and punctuation
    let toks = tokenize(words);
    let mut a = 0;
    let mut b = toks.len();
    while b > a && toks[b - 1].has(flags::PUNCT | flags::CLITIC) {
        b -= 1;
    }
    while a < b
        && (toks[a].has(flags::PUNCT)
            || LEX.title(std::iter::once(toks[a].text(words))).is_some() && a + 1 < b)
    {
        a += 1;
    }
    if a >= b {
        return None;
    }
    let key = key_of(toks[a..b].iter().map(|t| t.text(words)));
    let mut cands: Vec<usize> = Vec::new();
    for pass in 0..3 {
        for (ci, c) in clusters.iter().enumerate() {
            if c.kind != EntityKind::Person {
                continue;
            }
            let name = key_of(c.name.split_whitespace());
            let hit = match pass {
                0 => name == key,
                1 => {
                    name.ends_with(&key)
                        && name.len() > key.len()
                        && name.as_bytes()[name.len() - key.len() - 1] == b' '
                }
                _ => name.starts_with(&key) && name.as_bytes().get(key.len()) == Some(&b' '),
            };
            if hit {
                cands.push(ci);
            }
        }
        if !cands.is_empty() {
            break;
        }
    }
    last_before(clusters, &cands, s)
}

/// Nothing but determiners and white space (`the `).
fn only_determiners(s: &str) -> bool {
    s.split_whitespace().all(|w| LEX.cue(w) == Some(Cue::Determiner))
}

/// Nothing but punctuation, possessive marks and white space (`’s`, `,`).
fn only_marks(s: &str) -> bool {
    tokenize(s).iter().all(|t| t.has(flags::PUNCT | flags::CLITIC))
}

/// Of candidate clusters, the only one; else the one mentioned last before `pos`.
fn last_before(clusters: &[Cluster], cands: &[usize], pos: usize) -> Option<usize> {
    match cands {
        [] => None,
        [one] => Some(*one),
        _ => cands
            .iter()
            .filter_map(|&ci| {
                let last =
                    clusters[ci].mentions.iter().filter(|m| m.end <= pos).map(|m| m.start).max()?;
                Some((last, ci))
            })
            .max()
            .map(|x| x.1),
    }
}

/// A role phrase as comparable words: lower case, determiners and possessive marks left out,
/// titles in canonical spelling (`Sen.` → `senator`), countries and demonyms as their country
/// (`Russian`, `Russia’s` → `@russia`). Returns the words and the head (the title's main noun:
/// the last word, or the word before `of`).
fn role_words(phrase: &str) -> (Vec<String>, Option<String>) {
    let lex = &*LEX;
    let toks = tokenize(phrase);
    let mut words: Vec<String> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i].text(phrase);
        if toks[i].has(flags::PUNCT | flags::CLITIC) || lex.cue(w) == Some(Cue::Determiner) {
            i += 1;
            continue;
        }
        // places (longest first), then titles, then demonyms
        let mut done = false;
        for n in (1..=4.min(toks.len() - i)).rev() {
            let ws = || toks[i..i + n].iter().map(|t| t.text(phrase));
            if let Some(p) = lex.place(ws()) {
                words.push(format!("@{}", p.canonical.to_lowercase()));
                i += n;
                done = true;
                break;
            }
            if let Some(t) = lex.title(ws()) {
                words.extend(t.canonical.split_whitespace().map(str::to_lowercase));
                i += n;
                done = true;
                break;
            }
        }
        if done {
            continue;
        }
        match lex.demonym(phrase_hash(std::iter::once(w))) {
            Some(d) => words.push(format!("@{}", d.referent.to_lowercase())),
            None => words.push(key_of(std::iter::once(w))),
        }
        i += 1;
    }
    let head = match words.iter().position(|w| w == "of") {
        Some(k) if k > 0 => Some(words[k - 1].clone()),
        _ => words.last().cloned(),
    };
    (words, head)
}

/// Modifiers that mean the role is no longer held.
fn is_past(w: &str) -> bool {
    matches!(w, "former" | "ex" | "late" | "retired" | "outgoing")
}

/// The person cluster a role phrase refers to (`the Russian foreign minister`, `the minister`,
/// `the president`): a person one of whose roles has the phrase's head and all its words
/// (current roles before former ones unless the phrase says `former`); when several fit, the
/// one mentioned last before the span.
pub fn resolve_role(clusters: &[Cluster], text: &str, span: (usize, usize)) -> Option<usize> {
    let phrase = text.get(span.0..span.1)?;
    let (words, head) = role_words(phrase);
    let head = head?;
    let past = words.iter().any(|w| is_past(w));
    let mut now: Vec<usize> = Vec::new();
    let mut before: Vec<usize> = Vec::new();
    for (ci, c) in clusters.iter().enumerate() {
        if c.kind != EntityKind::Person {
            continue;
        }
        for r in &c.roles {
            let (rw, rh) = role_words(r);
            if rh.as_deref() != Some(head.as_str()) || !words.iter().all(|w| rw.contains(w)) {
                continue;
            }
            let list = if rw.iter().any(|w| is_past(w)) && !past { &mut before } else { &mut now };
            if !list.contains(&ci) {
                list.push(ci);
            }
        }
    }
    let cands = if now.is_empty() { before } else { now };
    last_before(clusters, &cands, span.0)
}
