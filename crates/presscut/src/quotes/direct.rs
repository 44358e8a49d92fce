//! Direct quotes: attributes each top-level quotation from the words before it in its sentence
//! (`X said: “…”`, `X said, “…”`, `noting that “…”`) or after it (`“…,” X said`,
//! `“…,” said X`, `“…” — X`). Quotations with no frame of their own are left for `carry`.

use super::QuoteKind;
use super::doc::{Cand, CueHit, Doc, Found, WINDOW};
use super::lexicon::class::{CONJ, DET, PREP, PRON, TIME};
use super::speaker::{Np, left_np, right_np, subject_np};

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
pub fn attribute(d: &Doc) -> Found {
    let mut f = Found::new(d);
    let mut prev_direct = false;
    for qi in 0..d.spans.len() {
        let sp = d.spans[qi];
        let (la, lb) = lead_range(d, qi, prev_direct);
        let (ta, tb) = trail_range(d, qi);
        let tf = if ta < tb { trail_frame(d, ta, tb) } else { None };
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
        prev_direct = frame.is_some();
        let Some(frame) = frame else { continue };
        let (start, end) = trim_ws(d.text, sp.start, sp.end);
        if end <= start {
            continue;
        }
        if let Some(fr) = frame
            && fr.exclusive
            && let Some((ca, _)) = fr.cue
        {
            f.use_cue(d, ca);
        }
        let cand = Cand {
            kind: QuoteKind::Direct,
            start,
            end,
            cue: frame.and_then(|fr| fr.cue).map(|(a, b)| d.bytes(a, b)),
            speaker: frame.and_then(|fr| fr.speaker),
            carried_from: None,
            span: Some(qi),
            open: frame.is_none_or(|fr| fr.speaker.is_none()),
        };
        f.span_cand[qi] = Some(f.cands.len());
        f.cands.push(cand);
    }
    share_in_chains(d, &mut f);
    f
}

/// Pieces of a quotation running over several paragraphs share one attribution.
fn share_in_chains(d: &Doc, f: &mut Found) {
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
fn lead_range(d: &Doc, qi: usize, prev_direct: bool) -> (usize, usize) {
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
    (a, open)
}

/// Tokens between the closing mark and the sentence end (or the next quotation).
fn trail_range(d: &Doc, qi: usize) -> (usize, usize) {
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
fn after_colon_paragraph(d: &Doc, qi: usize) -> Option<Lead> {
    let open = d.spans[qi].open_tok?;
    let p = d.toks[open].para as usize;
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

fn lead_frame(d: &Doc, a: usize, b: usize) -> Lead {
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

fn colon_frame(d: &Doc, a: usize, colon: usize) -> Lead {
    if let Some(c) = (a..colon).rev().find_map(|k| d.cue(k)) {
        let exclusive = colon - c.last <= 4;
        let inverted = (a..c.tok).all(|k| !d.is_word(k) || d.cls(k) & CONJ != 0) && c.flags.invert;
        let speaker = if inverted { right_np(d, c.last, colon) } else { cue_speaker(d, c, a) };
        return Lead::Frame(Frame { speaker, cue: Some((c.tok, c.last)), exclusive }, false);
    }
    // `— Jeffrey M. Jones: “…”`: a name right before the colon, after a dash or at the start
    if let Some(np) = left_np(d, colon, a) {
        let after_dash = np.a == a || d.is_dash(np.a - 1);
        if np.form == super::SpeakerForm::Name && after_dash {
            return Lead::Frame(Frame { speaker: Some(np), cue: None, exclusive: false }, false);
        }
    }
    // the subject of the last clause (`…, but he gave a reply: “…”`)
    let lo = a.max(colon.saturating_sub(WINDOW));
    let clause = (lo..colon)
        .rev()
        .find(|&k| d.cls(k) & CONJ != 0 && d.cls(k + 1) & PRON != 0 && d.cls(k + 1) & DET == 0);
    let start = clause.map_or(a, |k| k + 1);
    match subject_np(d, start, colon) {
        Some(np) => {
            let cue = (np.b < colon && d.is_word(np.b)).then_some((np.b, np.b + 1));
            Lead::Frame(Frame { speaker: Some(np), cue, exclusive: false }, false)
        }
        None => Lead::Empty,
    }
}

fn comma_frame(d: &Doc, a: usize, comma: usize) -> Lead {
    let lo = comma.saturating_sub(8).max(a);
    for k in (lo..comma).rev() {
        if d.is_quote(k) || d.is_stop_punct(k) {
            break;
        }
        let Some(c) = d.cue(k) else { continue };
        if !(c.flags.direct || c.flags.prep) || (comma - c.last) > 6 {
            break;
        }
        let inverted = c.tok == a || d.is_p(c.tok - 1, ',') || d.is_quote(c.tok - 1);
        let speaker = if c.flags.prep || inverted && c.flags.invert {
            right_np(d, c.last, comma)
        } else {
            cue_speaker(d, c, a)
        };
        return Lead::Frame(Frame { speaker, cue: Some((c.tok, c.last)), exclusive: true }, false);
    }
    Lead::CommaNoCue
}

/// The attribution after a closing mark: `, he said`, `, said X`, `— X`.
fn trail_frame(d: &Doc, a: usize, b: usize) -> Option<Frame> {
    let mut k = a;
    let mut dash = None;
    while k < b && (d.is_p(k, ',') || d.is_dash(k)) {
        if d.is_dash(k) {
            dash = Some(k);
        }
        k += 1;
    }
    if k >= b || !d.is_word(k) {
        return None;
    }
    if let Some(c) = d.cue(k) {
        if c.flags.direct && !c.flags.prep {
            return Some(Frame {
                speaker: right_np(d, c.last, b),
                cue: Some((c.tok, c.last)),
                exclusive: true,
            });
        }
        if c.flags.prep {
            return Some(Frame {
                speaker: right_np(d, c.last, b),
                cue: Some((c.tok, c.last)),
                exclusive: true,
            });
        }
    }
    for m in k..b.min(k + 14) {
        if d.is_quote(m) || d.is_stop_punct(m) || d.is_p(m, ':') {
            break;
        }
        let Some(c) = d.cue(m) else { continue };
        if !(c.flags.direct || c.flags.bare) || c.flags.participle {
            break;
        }
        if let Some(np) = left_np(d, m, k) {
            let starts =
                np.a == k || np.antecedent.is_none() && d.cls(k) & CONJ != 0 && np.a == k + 1;
            let via_appositive = np.a < m && np.a >= k;
            if starts
                || via_appositive
                    && (k..np.a).all(|x| d.is_word(x) && d.toks[x].cap || d.is_p(x, ','))
            {
                return Some(Frame {
                    speaker: Some(np),
                    cue: Some((c.tok, c.last)),
                    exclusive: true,
                });
            }
        }
        break;
    }
    if let Some(fr) = unlisted_verb_frame(d, k, b) {
        return Some(fr);
    }
    if let Some(dk) = dash
        && let Some(np) = right_np(d, k, b)
        && np.form == super::SpeakerForm::Name
    {
        return Some(Frame { speaker: Some(np), cue: Some((dk, dk + 1)), exclusive: true });
    }
    None
}

/// `“…,” remembered Roy Verley` / `“…,” she whispered`: a verb missing from the cue list,
/// recognised by its past-tense form between the quotation and a speaker that ends the clause.
fn unlisted_verb_frame(d: &Doc, k: usize, b: usize) -> Option<Frame> {
    let ends_clause = |i: usize| i >= b || !d.is_word(i) || d.cls(i) & (PREP | TIME) != 0;
    let past = |i: usize| {
        let w = d.word(i);
        d.is_word(i) && !d.toks[i].cap && w.len() >= 4 && w.ends_with("ed") && d.cls(i) == 0
    };
    let person = |n: &Np| {
        matches!(
            n.form,
            super::SpeakerForm::Name | super::SpeakerForm::Pronoun | super::SpeakerForm::Role
        )
    };
    if past(k) {
        let np = right_np(d, k + 1, b)?;
        return (person(&np) && ends_clause(np.b)).then_some(Frame {
            speaker: Some(np),
            cue: Some((k, k + 1)),
            exclusive: true,
        });
    }
    let np = right_np(d, k, b)?;
    if person(&np)
        && past(np.b)
        && ends_clause(np.b + 1)
        && (np.form != super::SpeakerForm::Role || d.cls(k) & DET != 0)
    {
        return Some(Frame { speaker: Some(np), cue: Some((np.b, np.b + 1)), exclusive: true });
    }
    None
}

/// The speaker of a cue in a lead-in: the phrase before it, or for a participle or a
/// coordinated verb the subject of the sentence.
pub fn cue_speaker(d: &Doc, c: CueHit, floor: usize) -> Option<Np> {
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
pub fn main_subject(d: &Doc, i: usize) -> Option<Np> {
    let sa = d.sent_of(i).0.max(i.saturating_sub(WINDOW));
    for k in sa..i {
        if let Some(c) = d.cue(k)
            && !c.flags.participle
            && !c.flags.prep
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
