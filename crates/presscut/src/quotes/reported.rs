//! Reported speech (indirect and mixed quotes): `X said (that) CLAUSE`, `X told Y that …`,
//! `CLAUSE, X said.`, `according to X, CLAUSE`, participles (`…, arguing that …`) and
//! `X described Y as “…”`. Content runs to the end of its clause.

use super::QuoteKind;
use super::direct::{cue_speaker, main_subject};
use super::found::{Cand, Found};
use super::speaker::{Np, left_np, right_np, skippable};
use super::view::{CueHit, View, WINDOW};
use crate::lexicon::classes::class::{CONJ, DET, OBJPRON, PREP, PRON, REL, SKIP, TIME};

/// Fewest words a reported content may have.
const MIN_WORDS: usize = 3;

/// Adds the reported-speech attributions whose cues the direct pass did not use.
pub fn attribute(d: &View, f: &mut Found) {
    for ci in 0..d.cues.len() {
        if f.used_cue.get(ci).copied().unwrap_or(true) {
            continue;
        }
        let c = d.cues[ci];
        let (sa, sb) = d.sent_of(c.tok);
        let done = if c.flags.prep {
            according(d, f, c, sa, sb)
        } else if c.flags.mixed {
            described(d, f, c, sa, sb)
        } else {
            (c.flags.direct || c.flags.bare) && trailing(d, f, c, sa, sb)
                || c.flags.reports() && forward(d, f, c, sa, sb)
        };
        if done {
            f.use_cue(d, c.tok);
        }
    }
}

/// `X said (that) CLAUSE`, `X told Y (that) CLAUSE`, `…, saying CLAUSE`.
fn forward(d: &View, f: &mut Found, c: CueHit, sa: usize, sb: usize) -> bool {
    let speaker = if c.flags.participle {
        let ok = c.tok > sa
            && (d.is_p(c.tok - 1, ',')
                || d.is_quote(c.tok - 1)
                || ["and", "while", "before", "after"].iter().any(|w| d.is_w(c.tok - 1, w)));
        if !ok {
            return false;
        }
        main_subject(d, c.tok)
    } else if let Some(np) = left_np(d, c.tok, sa) {
        Some(np)
    } else {
        let before = (sa.max(c.tok.saturating_sub(8))..c.tok).rev().find(|&k| !skippable(d, k));
        if before.is_some_and(|k| d.is_w(k, "and") || d.is_w(k, "but")) {
            main_subject(d, c.tok)
        } else {
            None
        }
    };
    let Some(speaker) = speaker else { return false };
    let mut p = c.last;
    if c.flags.object {
        p = skip_object(d, p, sb);
    }
    let start = if let Some(t) = that_after_adjuncts(d, p, sb) {
        if is_aux(d, t + 1) { t } else { t + 1 }
    } else if c.flags.bare
        && (d.clause_start(p) || noun_clause(d, p, sb))
        && !(d.is_w(p, "it") && d.is_p(p + 1, '.'))
    {
        p
    } else {
        return false;
    };
    let end = clause_end(d, start, sb);
    push(d, f, c, start, end, Some(speaker))
}

/// `said funding is needed`: a lowercase word with an auxiliary close after it.
fn noun_clause(d: &View, p: usize, sb: usize) -> bool {
    let lower_noun = d.is_word(p) && !d.cap(p) && d.cls(p) == 0 && !d.word(p).ends_with("ly");
    lower_noun && (p + 1..sb.min(p + 5)).any(|k| is_aux(d, k))
}

/// The addressee after `told`, `warned`, `assured`: a pronoun, a name or a short phrase.
pub(super) fn skip_object(d: &View, p: usize, sb: usize) -> usize {
    if p >= sb || !d.is_word(p) || d.is_w(p, "that") {
        return p;
    }
    if d.cls(p) & OBJPRON != 0 && d.cls(p) & DET == 0 {
        return p + 1;
    }
    let mut k = p;
    if d.cap(p) && d.cls(p) & DET == 0 {
        // A number inside the name counts when a capitalised word follows (`Channel 4 News`).
        let inside_name =
            |k: usize| d.cap(k) || d.is_w(k, "of") || (d.number(k) && k + 1 < sb && d.cap(k + 1));
        while k < sb && d.is_word(k) && inside_name(k) && k < p + 5 {
            k += 1;
        }
        // A possessor: the addressee is what it owns (`MSNBC’s “Morning Joe”`, `CNN’s
        // Sunday show`), so the reported clause starts after that, not at the `’s`.
        if k < sb && d.possessive(k) {
            return skip_possessed(d, k + 1, sb);
        }
        return k;
    }
    if d.cls(p) & DET != 0 {
        k += 1;
    }
    while k < sb
        && k < p + 4
        && d.is_word(k)
        && d.cls(k) & (PREP | CONJ | PRON | SKIP | DET) == 0
        && !d.is_w(k, "that")
    {
        k += 1;
    }
    k
}

/// Most tokens of a possessed name (a title in quotation marks, or a few words) after a
/// possessor's `’s`: a show or paper is named in a handful of words.
const POSSESSED_MAX: usize = 8;

/// The end of what a possessor owns, from `p` just after its `’s`: a title in quotation marks
/// (`“Morning Joe”`), else a few words up to a preposition, conjunction, pronoun or `that`.
fn skip_possessed(d: &View, p: usize, sb: usize) -> usize {
    let end = sb.min(p + POSSESSED_MAX);
    if p < end && d.is_quote(p) {
        return (p + 1..end).find(|&k| d.is_quote(k)).map_or(p, |k| k + 1);
    }
    let mut k = p;
    while k < end
        && d.is_word(k)
        && d.cls(k) & (PREP | CONJ | PRON | SKIP | DET) == 0
        && !d.is_w(k, "that")
    {
        k += 1;
    }
    k
}

/// An explicit `that` right at `p`, or after a few adjunct words (`in a statement on Tuesday
/// that`, `last week that`).
fn that_after_adjuncts(d: &View, p: usize, sb: usize) -> Option<usize> {
    if d.is_w(p, "that") {
        return Some(p);
    }
    let time_word =
        ["last", "this", "next", "earlier", "late", "early"].iter().any(|w| d.is_w(p, w))
            && d.cls(p + 1) & TIME != 0;
    let opens_adjunct =
        d.cls(p) & (PREP | TIME) != 0 || skippable(d, p) || d.is_p(p, ',') || time_word;
    if !opens_adjunct {
        return None;
    }
    (p..sb.min(p + 12))
        .take_while(|&k| d.is_word(k) || d.is_p(k, ','))
        .find(|&k| d.is_w(k, "that"))
        .filter(|&k| k + 1 < sb)
}

/// End (exclusive token) of the clause starting at `start`: the sentence end, a semicolon or
/// colon, or a comma before another attribution (`, arguing …`, `, he said`, `, according to`).
pub(super) fn clause_end(d: &View, start: usize, sb: usize) -> usize {
    let sb = sb.min(start + WINDOW);
    let mut k = start;
    while k < sb {
        let q = d.q(k);
        if q != 0 {
            match d.spans.get(q as usize - 1).and_then(|s| s.close_tok) {
                Some(cl) if cl >= k => {
                    k = cl + 1;
                    let comma_inside = d.text[..d.start(cl)].ends_with(',');
                    if comma_inside
                        && (attribution_follows(d, k, sb) || CONTRAST.iter().any(|w| d.is_w(k, w)))
                    {
                        break;
                    }
                    continue;
                }
                _ => {}
            }
        }
        if d.is_p(k, ';') || d.is_p(k, ':') || d.is_dash(k) && k > start || d.is_p(k, '(') {
            break;
        }
        if d.is_p(k, ',')
            && (attribution_follows(d, k + 1, sb) || CONTRAST.iter().any(|w| d.is_w(k + 1, w)))
        {
            break;
        }
        if k > start && (d.is_w(k, "and") || d.is_w(k, "but")) && new_clause(d, k + 1, sb) {
            break;
        }
        k += 1;
    }
    while k > start && d.kind(k - 1) == super::view::Kind::Punct && !d.is_p(k - 1, ')') {
        k -= 1;
    }
    k
}

/// Conjunctions after a comma that start a clause of the reporter's own.
const CONTRAST: [&str; 7] = ["but", "though", "although", "while", "whereas", "yet", "before"];

/// After `and`/`but`: a new subject pronoun or a new reporting verb starts another clause.
fn new_clause(d: &View, i: usize, sb: usize) -> bool {
    if attribution_follows(d, i, sb) {
        return true;
    }
    let j = (i..sb).find(|&k| !skippable(d, k)).unwrap_or(sb);
    d.cue(j).is_some_and(|c| !c.flags.prep)
        || (d.cls(i) & PRON != 0 && d.cls(i) & DET == 0 && !d.is_w(i, "it"))
}

/// An attribution begins at `i`: a participle or source cue, an inverted cue, or a short
/// noun phrase and its cue.
fn attribution_follows(d: &View, i: usize, sb: usize) -> bool {
    if let Some(c) = d.cue(i) {
        return c.flags.participle || c.flags.prep || c.flags.invert;
    }
    for m in i + 1..sb.min(i + 6) {
        if !d.is_word(m) {
            return false;
        }
        if let Some(c) = d.cue(m) {
            return (c.flags.direct || c.flags.bare)
                && left_np(d, m, i).is_some_and(|np| np.a == i);
        }
    }
    false
}

/// `CLAUSE, X said.` / `CLAUSE, said X.` / `The plan, he said, would fail.`
fn trailing(d: &View, f: &mut Found, c: CueHit, sa: usize, sb: usize) -> bool {
    if c.flags.participle || c.tok <= sa + 2 {
        return false;
    }
    let inverted = c.flags.invert && d.is_p(c.tok - 1, ',');
    let (np, comma, after) = if inverted {
        let Some(np) = right_np(d, c.last, sb) else {
            return false;
        };
        if !(np.b >= sb
            || d.is_p(np.b, ',')
            || d.is_stop_punct(np.b)
            || d.cls(np.b) & (PREP | TIME) != 0)
        {
            return false;
        }
        (np, c.tok - 1, np.b)
    } else {
        let Some(np) = left_np(d, c.tok, sa) else { return false };
        if np.a == 0 || np.antecedent.is_some() {
            return false;
        }
        (np, np.a - 1, c.last)
    };
    let comma_in_quote =
        d.is_quote(comma) && d.closes(comma) && d.text[..d.start(comma)].ends_with(',');
    if !(d.is_p(comma, ',') || d.is_dash(comma) || comma_in_quote) || comma <= sa {
        return false;
    }
    // right after the cue: an adjunct, an addressee, or nothing
    let first_ok = after >= sb
        || !d.is_word(after)
        || d.cls(after) & (PREP | TIME) != 0
        || c.flags.object
        || skippable(d, after) && d.cls(after) & SKIP == 0;
    if !first_ok {
        return false;
    }
    // `…, said Angie Holan, Politifact's editor.`: an appositive after the speaker
    let mut after = after;
    let describes = |k: usize| {
        d.cls(k) & (DET | REL) != 0
            || d.cap(k)
            || d.word(k).ends_with("'s")
            || d.word(k).ends_with("’s")
    };
    if inverted && d.is_p(after, ',') && !is_aux(d, after + 1) && describes(after + 1) {
        after = sb;
    }
    // what follows the cue: only adjuncts to the sentence end, or a comma and the rest
    let mut k = after;
    let mut paren = false;
    let sb = sb.min(after + 12);
    while k < sb {
        if d.is_w(k, "that") || d.cue(k).is_some() || d.is_quote(k) || d.is_p(k, ':') {
            return false;
        }
        if d.is_p(k, ',') {
            if d.cue(k + 1).is_some() {
                break; // `…, X said, adding that …`: a report of its own follows
            }
            paren = (k + 1..sb).filter(|&x| d.is_word(x)).take(3).count() >= 3;
            if !paren {
                return false;
            }
            break;
        }
        if k == after && d.cls(k) & PRON != 0 && d.cls(k) & OBJPRON == 0
            || d.cls(k) & SKIP != 0 && !skippable_adverb(d, k)
        {
            return false;
        }
        k += 1;
    }
    if k - after > 10 {
        return false;
    }
    let end = if paren {
        clause_end(d, k + 1, sb)
    } else if comma_in_quote {
        comma + 1
    } else {
        comma
    };
    // `WASHINGTON (AP) — CLAUSE, X said.`: the dateline is not part of what was said
    let start = super::speaker::dateline(d, sa, comma).unwrap_or(sa);
    if comma <= start + 2 {
        return false;
    }
    push(d, f, c, start, end, Some(np))
}

/// Adverbs in the skip class (not auxiliaries): "also", "later", "recently".
fn skippable_adverb(d: &View, k: usize) -> bool {
    !is_aux(d, k)
}

/// An auxiliary or copula ("that was wrong": there `that` is the subject).
fn is_aux(d: &View, k: usize) -> bool {
    let w = d.word(k);
    [
        "has", "have", "had", "is", "was", "were", "are", "be", "been", "being", "will", "would",
        "could", "should", "may", "might", "must", "can", "did", "does", "do",
    ]
    .iter()
    .any(|a| a.eq_ignore_ascii_case(w))
}

/// `according to X, CLAUSE` / `CLAUSE, according to X.`
fn according(d: &View, f: &mut Found, c: CueHit, sa: usize, sb: usize) -> bool {
    let np_end = (c.last..sb.min(c.last + WINDOW)).find(|&k| !d.is_word(k)).unwrap_or(sb);
    let Some(np) = right_np(d, c.last, np_end) else {
        return false;
    };
    let lead_in = c.tok - sa < 6 && (sa..c.tok).all(|k| !d.is_word(k) || d.cls(k) & CONJ != 0);
    // at the sentence start the source runs to the first comma (`According to a Reuters/Ipsos poll, …`)
    let comma = (c.last..sb.min(c.last + 20))
        .take_while(|&k| !d.is_stop_punct(k) && !d.is_quote(k))
        .find(|&k| d.is_p(k, ','));
    if let (true, Some(comma)) = (lead_in, comma) {
        let np = right_np(d, c.last, comma.min(np_end)).unwrap_or(np);
        let start = comma + 1;
        let end = clause_end(d, start, sb);
        if end < sb && d.is_p(end, ',') && attribution_follows(d, end + 1, sb) {
            return false; // `According to X, in an interview, Y said …`: Y is the speaker
        }
        if nested_attribution(d, start, end) {
            return false;
        }
        return push(d, f, c, start, end, Some(np));
    }
    if c.tok <= sa + 1 {
        return false;
    }
    // `X, according to Y, is Z`: the whole sentence; `CLAUSE(,) according to Y.`: what precedes
    let paren = d.is_p(c.tok - 1, ',')
        && d.is_p(np_end, ',')
        && (np_end + 1..sb).filter(|&k| d.is_word(k)).take(3).count() >= 3;
    if paren {
        let end = clause_end(d, np_end + 1, sb);
        return push(d, f, c, sa, end, Some(np));
    }
    let end = if d.is_p(c.tok - 1, ',') { c.tok - 1 } else { c.tok };
    let lo = sa.max(end.saturating_sub(WINDOW));
    let from = (lo..end).rev().find(|&k| d.is_p(k, ';') || d.is_p(k, ':')).map_or(lo, |k| k + 1);
    if nested_attribution(d, from, end) {
        return false;
    }
    push(d, f, c, from, end, Some(np))
}

/// The content holds an attribution of its own (`according to X, Lavrov said …`): the inner
/// one is the quote.
fn nested_attribution(d: &View, a: usize, b: usize) -> bool {
    (a..b).any(|k| {
        d.cue(k)
            .filter(|c| {
                !c.flags.prep && !c.flags.participle && (c.flags.reports() || c.flags.mixed)
            })
            .and_then(|c| left_np(d, k, a).map(|np| (c, np)))
            .is_some_and(|(c, np)| {
                let named = np.form == super::SpeakerForm::Name && d.cap(np.b - 1);
                c.flags.reports() || named || np.form == super::SpeakerForm::Pronoun
            })
    })
}

/// `X described Y as “…”`, `called it “…”`: mixed content when a quotation follows closely.
fn described(d: &View, f: &mut Found, c: CueHit, sa: usize, sb: usize) -> bool {
    let mut k = c.last;
    while k < sb && k < c.last + 10 && d.is_word(k) && !d.is_w(k, "for") && !d.is_w(k, "on") {
        k += 1;
    }
    if k >= sb || !d.is_quote(k) || d.q(k) == 0 || k == c.last && d.is_w(c.tok, "called") {
        return false;
    }
    let Some(close) = d.spans.get(d.q(k) as usize - 1).and_then(|s| s.close_tok) else {
        return false;
    };
    let speaker = if c.flags.participle { main_subject(d, c.tok) } else { cue_speaker(d, c, sa) };
    let Some(speaker) = speaker else { return false };
    let pushed = push(d, f, c, c.last, close + 1, Some(speaker));
    // `what she calls “real solutions”`: the quoted words are a name the speaker gives, not a
    // statement of their own, so the attribution stays mixed (as `described … as “…”`)
    if pushed
        && k == c.last
        && let Some(last) = f.cands.last_mut()
    {
        (last.start, last.end) = d.bytes(c.last, close + 1);
        last.kind = QuoteKind::Mixed;
    }
    pushed
}

/// Adds the attribution of content tokens `[a, b)`, typed by the quotations inside it.
fn push(d: &View, f: &mut Found, c: CueHit, a: usize, b: usize, speaker: Option<Np>) -> bool {
    let b = b.min(d.len());
    let words = (a..b).filter(|&k| d.is_word(k)).count();
    if b <= a || words < MIN_WORDS && !(a..b).any(|k| d.q(k) != 0) {
        return false;
    }
    let (kind, start, end) = kind_of(d, a, b);
    if end <= start {
        return false;
    }
    f.cands.push(Cand {
        kind,
        start,
        end,
        cue: Some(d.bytes(c.tok, c.last)),
        speaker,
        carried_from: None,
        span: None,
        open: false,
        turn: false,
        rejected: false,
    });
    true
}

/// Direct when the content is exactly one quotation (then the span inside its marks), mixed
/// when it holds one, else indirect.
pub(super) fn kind_of(d: &View, a: usize, b: usize) -> (QuoteKind, usize, usize) {
    let (s, e) = d.bytes(a, b);
    let (mut quotes, mut words_outside, mut last) = (0, 0, None);
    let mut k = a;
    while k < b {
        let q = d.q(k);
        if q != 0 {
            quotes += 1;
            last = Some(q as usize - 1);
            let close = d.spans.get(q as usize - 1).and_then(|s| s.close_tok).unwrap_or(b);
            k = close.max(k) + 1;
            continue;
        }
        if d.is_word(k) {
            words_outside += 1;
        }
        k += 1;
    }
    match (quotes, last) {
        (0, _) => (QuoteKind::Indirect, s, e),
        (1, Some(qi)) if words_outside == 0 => {
            (QuoteKind::Direct, d.spans[qi].start, d.spans[qi].end)
        }
        _ => (QuoteKind::Mixed, s, e),
    }
}
