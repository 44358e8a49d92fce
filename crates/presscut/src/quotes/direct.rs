//! Direct quotes: attributes each top-level quotation from the words before it in its sentence
//! (`X said: “…”`, `X said, “…”`, `noting that “…”`) or after it (`“…,” X said`,
//! `“…,” said X`, `“…” — X`). Quotations with no frame of their own are left for `carry`.

use super::found::{Cand, Found};
use super::nonspeech;
use super::speaker::{Np, left_np, right_np, subject_np};
use super::trail;
use super::view::{CueHit, View, WINDOW};
use super::{QuoteKind, SpeakerForm};
use crate::lexicon::classes::class::{CONJ, DET, OBJPRON, PREP, PRON, REL, SKIP, TIME, VERB};

/// What the words around a quotation say about it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Frame {
    pub speaker: Option<Np>,
    /// Cue tokens `[a, b)`.
    pub cue: Option<(usize, usize)>,
    /// The cue frames only this quotation (so the reported-speech pass must not reuse it).
    pub exclusive: bool,
}

enum Lead {
    Empty,
    Frame(Frame, bool),
    CommaNoCue,
    Embedded,
}

/// Attributes every top-level quotation; embedded ones are left for `reported`.
pub fn attribute(d: &View) -> Found {
    let mut f = Found::new(d);
    let mut prev_direct = false;
    let double_style = nonspeech::double_style(d);
    for qi in 0..d.spans.len() {
        let sp = d.spans[qi];
        if nonspeech::is_heading(d, qi, double_style) {
            prev_direct = false;
            continue;
        }
        let (la, lb) = lead_range(d, qi, prev_direct);
        let (ta, tb) = trail_range(d, qi);
        let tf = if ta < tb { trail::frame(d, ta, tb) } else { None };
        let mut lead = lead_frame(d, la, lb);
        if matches!(lead, Lead::Empty)
            && tf.is_none()
            && let Some(fr) = after_colon_paragraph(d, qi)
        {
            lead = fr;
        }
        let substantive = ta < tb && tf.is_none() && (ta..tb).any(|k| d.is_word(k));
        let frame = match lead {
            Lead::Frame(fr, false) if !fr.exclusive && tf.is_some() => Some(tf),
            Lead::Frame(fr, bare) if !(bare && substantive) => Some(Some(fr)),
            Lead::Frame(..) | Lead::Embedded => None,
            Lead::Empty | Lead::CommaNoCue => match tf {
                Some(fr) => Some(Some(fr)),
                None if matches!(lead, Lead::Empty) && !substantive => Some(None),
                None => None,
            },
        };
        // a reporting word from the cue list, or any frame after the quotation (`Morales grumbled`)
        let has_cue = frame.flatten().and_then(|fr| fr.cue).is_some_and(|(c, _)| {
            d.cue(c).is_some() || sp.close_tok.is_some_and(|close| c > close)
        });
        let frame = frame.filter(|_| !nonspeech::is_phrase(d, qi, (la, lb), has_cue));
        prev_direct = frame.is_some();
        let Some(frame) = frame else { continue };
        let (mut start, mut end) = trim_ws(d.text, sp.start, sp.end);
        if end <= start {
            continue;
        }
        if let Some(fr) = frame
            && fr.exclusive
            && let Some((ca, _)) = fr.cue
        {
            f.use_cue(d, ca);
        }
        let mut kind = QuoteKind::Direct;
        if let Some(subject) = subject_outside(d, qi, la, frame.and_then(|fr| fr.speaker)) {
            kind = QuoteKind::Mixed;
            start = d.start(subject);
            end = sp.close_tok.map_or(end, |c| d.end(c));
        }
        let cand = Cand {
            kind,
            start,
            end,
            cue: frame.and_then(|fr| fr.cue).map(|(a, b)| d.bytes(a, b)),
            speaker: frame.and_then(|fr| fr.speaker),
            carried_from: None,
            span: Some(qi),
            open: frame.is_none_or(|fr| fr.speaker.is_none()),
            turn: false,
            rejected: false,
        };
        f.span_cand[qi] = Some(f.cands.len());
        f.cands.push(cand);
    }
    share_in_chains(d, &mut f);
    f
}

/// `An economic downturn, he said, “could be a good time to borrow.”`: a quotation that goes on
/// (lowercase) with a clause whose subject stands before the attribution is mixed content from
/// that subject on; returns the subject's first token.
fn subject_outside(d: &View, qi: usize, la: usize, speaker: Option<Np>) -> Option<usize> {
    let sp = d.spans[qi];
    let open = sp.open_tok?;
    let np = speaker?;
    // the quotation opens with a verb (`could be`, `is very confident`): its subject is outside
    let w0 = (d.is_word(open + 1) && !d.cap(open + 1)).then(|| d.word(open + 1))?;
    let c0 = d.cls(open + 1);
    let verb = is_aux(w0)
        || c0 & VERB != 0
        || c0 == 0 && w0.len() > 3 && (w0.ends_with("ed") || w0.ends_with('s'));
    if !verb || np.b > open || np.a <= la + 1 || !d.is_p(np.a - 1, ',') || d.is_w(open - 1, "that")
    {
        return None;
    }
    // the subject: a noun phrase from the lead's start to that comma (no adverb, preposition,
    // participle, auxiliary or relative opening a clause of the reporter's)
    let first = (la..np.a - 1).find(|&k| d.is_word(k) && d.cls(k) & CONJ == 0)?;
    let w = d.word(first);
    let opener =
        d.cls(first) & (PREP | SKIP | TIME | REL) != 0 || w.ends_with("ly") || w.ends_with("ing");
    let noun_phrase = (first..np.a - 1).all(|k| {
        d.is_word(k) && d.cls(k) & (SKIP | REL | VERB) == 0 && d.cue(k).is_none() && d.q(k) == 0
    });
    (!opener && noun_phrase && np.a - 1 - first <= 8).then_some(first)
}

/// An auxiliary or modal verb.
fn is_aux(w: &str) -> bool {
    [
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could",
        "should", "can", "may", "might", "must", "does", "did", "do",
    ]
    .iter()
    .any(|a| a.eq_ignore_ascii_case(w))
}

/// Pieces of a quotation running over several paragraphs share one attribution.
fn share_in_chains(d: &View, f: &mut Found) {
    let mut i = 0;
    while i < d.spans.len() {
        let mut j = i;
        while j + 1 < d.spans.len() && d.spans[j].cont_next && d.spans[j + 1].cont_prev {
            j += 1;
        }
        if j > i {
            let src =
                (i..=j).filter_map(|k| f.span_cand[k]).find(|&c| f.cands[c].speaker.is_some());
            if let Some(src) = src {
                let (sp, cue) = (f.cands[src].speaker, f.cands[src].cue);
                for k in i..=j {
                    if let Some(c) = f.span_cand[k] {
                        let c = &mut f.cands[c];
                        if c.speaker.is_none() {
                            c.speaker = sp;
                            c.cue = cue;
                            c.open = false;
                        }
                    }
                }
            }
        }
        i = j + 1;
    }
}

/// Tokens between the sentence start (or the previous direct quotation in the sentence) and
/// the opening mark.
fn lead_range(d: &View, qi: usize, prev_direct: bool) -> (usize, usize) {
    let sp = d.spans[qi];
    let Some(open) = sp.open_tok else { return (0, 0) };
    let sa = d.sent_of(open).0.max(open.saturating_sub(WINDOW));
    let mut a = sa;
    if qi > 0
        && prev_direct
        && let Some(pc) = d.spans[qi - 1].close_tok
        && pc >= sa
        && pc < open
    {
        a = pc + 1;
    }
    // `(“I want my dues back,” wrote …)`: a parenthesis opens a sentence of its own
    if open > a && d.is_p(open - 1, '(') {
        a = open;
    }
    (a, open)
}

/// Tokens between the closing mark and the sentence end (or the next quotation).
fn trail_range(d: &View, qi: usize) -> (usize, usize) {
    let sp = d.spans[qi];
    let Some(close) = sp.close_tok else { return (0, 0) };
    let (_, sb) = d.sent_of(close);
    let mut b = sb;
    if let Some(n) = d.spans.get(qi + 1).and_then(|n| n.open_tok)
        && n > close
        && n < b
    {
        b = n;
    }
    (close + 1, b)
}

/// A quotation opening a paragraph right after one that ends with a colon
/// (`Breitbart News responded:` ¶ `"…"`).
fn after_colon_paragraph(d: &View, qi: usize) -> Option<Lead> {
    let open = d.spans[qi].open_tok?;
    let p = d.para(open) as usize;
    if p == 0 || d.paras.get(p)?.0 != open {
        return None;
    }
    let (qa, qb) = *d.paras.get(p - 1)?;
    if qb <= qa || !d.is_p(qb - 1, ':') {
        return None;
    }
    let (sa, _) = d.sent_of(qb - 1);
    match colon_frame(d, sa, qb - 1) {
        Lead::Frame(fr, _) => Some(Lead::Frame(Frame { exclusive: false, ..fr }, false)),
        _ => None,
    }
}

fn lead_frame(d: &View, a: usize, b: usize) -> Lead {
    if !(a..b).any(|k| d.is_word(k)) {
        return Lead::Empty;
    }
    let last = b - 1;
    if d.is_p(last, ':') {
        return colon_frame(d, a, last);
    }
    if d.is_p(last, ',') {
        return comma_frame(d, a, last);
    }
    if d.is_dash(last) {
        return Lead::CommaNoCue;
    }
    // `… said “…”` / `noting that “…”`
    let e = if d.is_w(last, "that") { last } else { b };
    for k in (a..e).rev().take(3) {
        if let Some(c) = d.cue(k)
            && c.last == e
            && c.flags.direct
            && !c.flags.mixed
        {
            let fr = Frame {
                speaker: cue_speaker(d, c, a),
                cue: Some((c.tok, c.last)),
                exclusive: true,
            };
            return Lead::Frame(fr, true);
        }
    }
    Lead::Embedded
}

fn colon_frame(d: &View, a: usize, colon: usize) -> Lead {
    if let Some(c) = (a..colon).rev().find_map(|k| d.cue(k)) {
        let exclusive = colon - c.last <= 4;
        let inverted = (a..c.tok).all(|k| !d.is_word(k) || d.cls(k) & CONJ != 0) && c.flags.invert;
        let speaker = if inverted { right_np(d, c.last, colon) } else { cue_speaker(d, c, a) };
        return Lead::Frame(Frame { speaker, cue: Some((c.tok, c.last)), exclusive }, false);
    }
    // `— Jeffrey M. Jones: “…”`: a name right before the colon, after a dash or at the start
    if let Some(np) = left_np(d, colon, a) {
        let after_dash = np.a == a || d.is_dash(np.a - 1);
        if np.form == SpeakerForm::Name && after_dash {
            return Lead::Frame(Frame { speaker: Some(np), cue: None, exclusive: false }, false);
        }
    }
    // the subject of the last clause (`…, but he gave a reply: “…”`)
    let lo = a.max(colon.saturating_sub(WINDOW));
    let clause = (lo..colon)
        .rev()
        .find(|&k| d.cls(k) & CONJ != 0 && d.cls(k + 1) & PRON != 0 && d.cls(k + 1) & DET == 0);
    let start = clause.map_or(a, |k| k + 1);
    // not a time (`Then, later that month on CNN: “…”`) nor `it` (`Wait, it gets better:`)
    let who =
        subject_np(d, start, colon).filter(|np| d.cls(np.b - 1) & TIME == 0 && !d.is_w(np.a, "it"));
    match who {
        Some(np) => {
            let cue = (np.b < colon && d.is_word(np.b)).then_some((np.b, np.b + 1));
            Lead::Frame(Frame { speaker: Some(np), cue, exclusive: false }, false)
        }
        None => Lead::Empty,
    }
}

fn comma_frame(d: &View, a: usize, comma: usize) -> Lead {
    let lo = comma.saturating_sub(ADJUNCT_REACH + 2).max(a);
    for k in (lo..comma).rev() {
        if d.is_quote(k) || d.is_stop_punct(k) {
            break;
        }
        let Some(c) = d.cue(k) else { continue };
        // `said in a written statement on Tuesday, “…”`: far from the comma only over an adjunct
        let near = comma - c.last <= 6;
        if !(c.flags.direct || c.flags.prep)
            || !near && !(c.last..comma).all(|x| adjunct_word(d, x))
        {
            break;
        }
        let inverted = c.tok == a || d.is_p(c.tok - 1, ',') || d.is_quote(c.tok - 1);
        let after = right_np(d, c.last, comma);
        // `Brian Fallon, a spokesman, said, “…”`: nothing after the cue, so not inverted
        let speaker = if c.flags.prep || inverted && c.flags.invert && after.is_some() {
            after
        } else {
            cue_speaker(d, c, a)
        };
        return Lead::Frame(
            Frame {
                speaker,
                cue: Some((c.tok, c.last)),
                // far from the quotation, a cue yields to one right after it
                exclusive: near,
            },
            false,
        );
    }
    Lead::CommaNoCue
}

/// How far (in tokens) a lead-in cue may stand from its comma over an adjunct.
const ADJUNCT_REACH: usize = 16;

/// A token of an adjunct or addressee between a cue and its comma (`in a statement released by
/// his office`, `told the Washington Post`): no clause of its own (pronoun subject, relative,
/// auxiliary, `that`, another cue or a verb form taking an object, except a participle after a
/// comma: `joked, again using a Southern accent,`).
fn adjunct_word(d: &View, x: usize) -> bool {
    if x >= d.len() {
        return false;
    }
    if !d.is_word(x) {
        return matches!(d.ch(x), ',' | '-' | '(' | ')' | '$' | '%' | '\'' | '\u{2019}' | '.');
    }
    let c = d.cls(x);
    let w = d.word(x);
    let verb_like = !d.cap(x) && c == 0 && (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4;
    !(c & (REL | VERB) != 0
        || c & PRON != 0 && c & (DET | OBJPRON) == 0
        || c & SKIP != 0 && !w.ends_with("ly")
        || c & CONJ != 0 && !matches!(w, "and" | "or")
        || d.is_w(x, "that")
        || d.cue(x).is_some()
        || verb_like
            && d.cls(x + 1) & (PREP | TIME) == 0
            && !(w.ends_with("ing") && d.is_p(x - 1, ',')))
}

/// The speaker of a cue in a lead-in: the phrase before it, or for a participle or a
/// coordinated verb the subject of the sentence.
pub fn cue_speaker(d: &View, c: CueHit, floor: usize) -> Option<Np> {
    if c.flags.prep {
        let (_, sb) = d.sent_of(c.tok);
        let end =
            (c.last..sb).find(|&k| d.is_p(k, ',') || d.is_quote(k) || d.is_p(k, ':')).unwrap_or(sb);
        return right_np(d, c.last, end);
    }
    if !c.flags.participle
        && let Some(np) = left_np(d, c.tok, floor)
    {
        return Some(np);
    }
    main_subject(d, c.tok)
}

/// The subject of the sentence holding token `i`: the speaker of an earlier cue in the
/// sentence, else the sentence's first noun phrase.
pub fn main_subject(d: &View, i: usize) -> Option<Np> {
    let sa = d.sent_of(i).0.max(i.saturating_sub(WINDOW));
    for k in sa..i {
        if let Some(c) = d.cue(k)
            && !c.flags.participle
            && !c.flags.prep
            && (c.flags.direct || c.flags.reports())
            && let Some(np) = left_np(d, k, sa)
        {
            return Some(np);
        }
    }
    subject_np(d, sa, i)
}

pub fn trim_ws(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let b = text.as_bytes();
    while s < e && b[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && b[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::super::QuoteKind;
    use super::super::tests::{check, find, run};

    #[test]
    fn lead_in_cue_over_an_adjunct() {
        let t = "Ortega said in a written statement on Tuesday, “The bridge will reopen in May.”";
        check(t, "bridge will reopen", QuoteKind::Direct, "Ortega", Some("said"));
    }

    #[test]
    fn name_and_aside_before_said_and_a_comma() {
        let t = "Ana Lopez, a spokeswoman for the clinic, said, “We are full.”";
        check(t, "We are full", QuoteKind::Direct, "Ana Lopez", Some("said"));
    }

    #[test]
    fn clause_subject_before_the_attribution_makes_it_mixed() {
        let t = "The new bridge, she said, “will be the longest in the state.”";
        let r = run(t);
        let q = find(&r, t, "longest in the state");
        assert_eq!(q.kind, QuoteKind::Mixed);
        assert!(t[q.start..q.end].starts_with("The new bridge"));
        // a quotation with a subject of its own stays direct
        let t = "Later that day, she said, “we will see.”";
        check(t, "we will see", QuoteKind::Direct, "she", Some("said"));
    }

    #[test]
    fn dateline_and_introductory_phrase_are_not_speakers() {
        let t = "WASHINGTON — The senator rallied supporters on Monday, saying: “We will prevail.”";
        check(t, "We will prevail", QuoteKind::Direct, "The senator", Some("saying"));
        let t = "Minutes later, she sent a message saying, “The count is done.”";
        check(t, "count is done", QuoteKind::Direct, "she", Some("saying"));
    }

    #[test]
    fn possessive_before_a_cue_word_makes_it_a_noun() {
        let t = "The mayor said the inspector’s report “left out the pumps.”";
        let r = run(t);
        let q = find(&r, t, "left out the pumps");
        assert_ne!(q.kind, QuoteKind::Direct);
    }
}
