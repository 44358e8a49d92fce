//! Scores candidates on news-article evidence and picks the top ones without near-duplicates.

use super::Keyword;
use super::candidates::{Cand, Candidates};
use super::tokens::{ALLCAPS, BLIND, CAP, Words};

/// The ranking knobs. Each multiplies the score of a candidate by a factor that a reader can
/// check; [`Weights::default`] holds the values the module ships with.
#[derive(Clone, Copy, Debug)]
pub struct Weights {
    /// How much an early first mention counts: factor `1 - position * first`, where `first` is
    /// the relative position (0 = start of text, 1 = end) of the first occurrence.
    pub position: f64,
    /// How much being spread over the article counts: factor `1 + spread * (last - first)`.
    pub spread: f64,
    /// Bonus for occurring in the headline or a heading: factor `1 + title`.
    pub title: f64,
    /// How far a headline or heading occurrence counts as an early mention: `first` is scaled
    /// by `1 - heading` (a section heading introduces its topic wherever the section starts).
    pub heading: f64,
    /// Factor for phrases of two or more words that are not names (below 1 prefers single
    /// words).
    pub phrase: f64,
    /// Report an entity by its fullest form in the text (`Sergey Lavrov`) rather than the form
    /// the article uses most (`Lavrov`).
    pub full_names: bool,
}

impl Default for Weights {
    fn default() -> Self {
        Self {
            position: 0.5,
            spread: 1.0,
            title: 0.15,
            heading: 0.5,
            phrase: 1.0,
            full_names: false,
        }
    }
}

/// The score of a candidate seen `occurrences` times; 0 for one that is not a term.
///
/// `(1 + ln occurrences) × √idf × position × spread × title`: the square root keeps rare
/// words ahead of common ones without letting one rare word outrank a repeated topic.
#[inline]
fn score(c: &Cand, occurrences: u32, n_tokens: u32, w: &Weights) -> f64 {
    if !c.is_term() {
        return 0.0;
    }
    let n = f64::from(n_tokens.max(1));
    // Most candidates occur once: ln 1 = 0 needs no logarithm.
    let tf = if occurrences <= 1 { 1.0 } else { 1.0 + f64::from(occurrences).ln() };
    // A phrase is as specific as its rarest word.
    let idf = f64::from(c.idf_max.max(0.01)).sqrt();
    let mut first = f64::from(c.pos_first) / n;
    if c.in_title {
        first *= 1.0 - w.heading;
    }
    let spread = f64::from(c.pos_last.saturating_sub(c.pos_first)) / n;
    let mut s = tf * idf;
    s *= (1.0 - w.position * first).max(0.05);
    s *= 1.0 + w.spread * spread;
    if c.in_title {
        s *= 1.0 + w.title;
    }
    if c.len > 1 && !c.entity_unit {
        s *= w.phrase;
    }
    s
}

/// Whether `inner` occurs as a contiguous run inside `outer`.
fn contains(doc: &Words, outer: &Cand, inner: &Cand) -> bool {
    if inner.len >= outer.len {
        return false;
    }
    let (o, no) = outer.stems(doc);
    let (i, ni) = inner.stems(doc);
    let (o, i) = (&o[..no], &i[..ni]);
    !i.is_empty() && i.len() < o.len() && o.windows(i.len()).any(|win| win == i)
}

/// Follows parent links (`START` → `New START`) to the phrase a reader would use.
fn expand(cands: &Candidates, mut ci: usize) -> usize {
    for _ in 0..super::candidates::MAX_TOKENS {
        match cands.parent.get(ci).copied().flatten() {
            Some(p) => ci = p as usize,
            None => break,
        }
    }
    ci
}

/// The text a reader expects: the majority spelling, words joined by single spaces, with a
/// sentence-initial capital dropped when the word is written in lower case elsewhere.
fn surface(text: &str, doc: &Words, cands: &Candidates, c: &Cand, w: &Weights) -> String {
    let (a, len) = if c.entity_unit && !w.full_names {
        (c.usual_tok as usize, c.usual_len as usize)
    } else {
        (c.surface_tok as usize, c.len as usize)
    };
    let b = (a + len).min(doc.tokens.len());
    let mut out = String::new();
    for t in doc.tokens.get(a..b).unwrap_or_default() {
        let word = text.get(t.start..t.end).unwrap_or_default();
        if !out.is_empty() {
            out.push(' ');
        }
        let ty = t.ty as usize;
        let lower_elsewhere = cands.type_lower.get(ty).copied().unwrap_or(0)
            > cands.type_cap.get(ty).copied().unwrap_or(0);
        if t.has(BLIND) && t.has(CAP) && !t.has(ALLCAPS) && lower_elsewhere {
            let mut chars = word.chars();
            if let Some(f) = chars.next() {
                out.extend(f.to_lowercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(word);
        }
    }
    out
}

/// Whether one of two capitalised words is the other's demonym (`Russia` / `Russian`,
/// `Ukraine` / `Ukrainian`, `China` / `Chinese`, `Israel` / `Israeli`, `Germany` / `German`):
/// one place, said twice.
pub(crate) fn demonym_pair(a: &str, b: &str) -> bool {
    fn of(place: &str, people: &str) -> bool {
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if !capitalised(place) || place.contains(' ') || people.contains(' ') || place.len() < 4 {
            return false;
        }
        // The place, or the place without its final vowel or `y`, and a demonym ending (none
        // when the place lost a final `y`: `Germany` / `German`; not `Nigeria` / `Niger`).
        let bare = place.trim_end_matches(['a', 'e', 'i', 'o', 'y']);
        [place, bare].iter().any(|stem| {
            people.strip_prefix(stem).is_some_and(|rest| {
                matches!(rest, "n" | "an" | "ian" | "ese" | "i" | "ish" | "ans" | "ians")
                    || rest.is_empty() && place.ends_with('y') && stem.len() + 1 == place.len()
            })
        })
    }
    of(a, b) || of(b, a)
}

/// The top `k` candidates, best first, with scores scaled into (0, 1].
pub(crate) fn top(
    text: &str,
    doc: &Words,
    cands: &Candidates,
    k: usize,
    w: &Weights,
) -> Vec<Keyword> {
    if k == 0 || cands.list.is_empty() {
        return Vec::new();
    }
    // (rank key, first occurrence, candidate), in ascending order: best score first (a
    // positive float's bits order as the float does), then earlier, then by index.
    let mut order: Vec<(u64, u32, u32)> = cands
        .list
        .iter()
        .enumerate()
        .filter(|(_, c)| c.is_term())
        .map(|(i, c)| (score(c, cands.occurrences[i], cands.n_tokens, w), c.first, i as u32))
        .filter(|(s, _, _)| s.is_finite() && *s > 0.0)
        .map(|(s, first, i)| (u64::MAX - s.to_bits(), first, i))
        .collect();
    // Only the head of the ranking is read (fragments and duplicates are skipped, so a few
    // times `k`): order that part first, and the rest only if the head runs out.
    let head = k.saturating_mul(8).max(64);
    if order.len() > head {
        order.select_nth_unstable(head);
        order[..head].sort_unstable();
    } else {
        order.sort_unstable();
    }
    let mut sorted_all = order.len() <= head;

    // (score, candidate index, text)
    let mut chosen: Vec<(f64, usize, String)> = Vec::with_capacity(k);
    let mut pos = 0usize;
    'next: while chosen.len() < k && pos < order.len() {
        if pos == head && !sorted_all {
            order[head..].sort_unstable();
            sorted_all = true;
        }
        let (key, _, ci) = order[pos];
        let s = f64::from_bits(u64::MAX - key);
        let ci = ci as usize;
        pos += 1;
        let ci = expand(cands, ci);
        let c = &cands.list[ci];
        for slot in &mut chosen {
            if slot.1 == ci {
                continue 'next;
            }
            let other = &cands.list[slot.1];
            let (n_c, n_other) = (cands.occurrences[ci], cands.occurrences[slot.1]);
            // Two forms of one name (`Lavrov`, `Sergey Lavrov`): the better-ranked one stays.
            let names = c.name_share() >= 0.5 && other.name_share() >= 0.5;
            if contains(doc, other, c) {
                // A fragment that hardly ever occurs outside a chosen phrase adds nothing.
                let alone = n_c.saturating_sub(n_other);
                if names || alone * 3 < n_c.max(1) || alone == 0 {
                    continue 'next;
                }
            }
            if contains(doc, c, other) {
                // A chosen fragment that never occurs outside this phrase is replaced by it.
                if n_other <= n_c {
                    slot.1 = ci;
                    slot.2 = surface(text, doc, cands, c, w);
                    continue 'next;
                }
                if names {
                    continue 'next;
                }
            }
        }
        let t = surface(text, doc, cands, c, w);
        let one_name = t.chars().next().is_some_and(char::is_uppercase) && !t.contains(' ');
        if t.is_empty() || chosen.iter().any(|x| x.2 == t || one_name && demonym_pair(&x.2, &t)) {
            continue;
        }
        chosen.push((s, ci, t));
    }

    let top = chosen.first().map_or(1.0, |x| x.0);
    chosen
        .into_iter()
        .map(|(s, _, text)| Keyword { text, score: (s / top).clamp(f64::MIN_POSITIVE, 1.0) })
        .collect()
}
