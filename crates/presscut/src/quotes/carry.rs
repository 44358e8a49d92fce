//! Quotations with no attribution of their own continue an adjacent speaker (a second
//! quotation in the paragraph, a paragraph that is only a quotation); and the `Name: claim`
//! headline.

use super::QuoteKind;
use super::direct::{Frame, cue_speaker};
use super::found::{Cand, Found};
use super::speaker::Np;
use super::view::{View, WINDOW};
use crate::lexicon::classes::class::{CONJ, DET, LABEL, PREP, PRON, SKIP};

/// A quotation with no attribution and no neighbour to carry from is kept (speaker unknown)
/// only from this many words on; shorter ones are titles and scare quotes.
const MIN_ORPHAN_WORDS: usize = 6;

/// Quotations left without a speaker continue the adjacent attributed one: in the same
/// paragraph, or, for a paragraph that is only a quotation, the last attribution of the
/// paragraph before. The rest are kept speakerless when long enough.
pub fn carry(d: &View, f: &mut Found) {
    let order = Order::new(f);
    for ci in 0..f.cands.len() {
        if !f.cands[ci].open {
            continue;
        }
        let Some(qi) = f.cands[ci].span else { continue };
        let sp = d.spans[qi];
        if let Some(fr) = signature_line(d, qi) {
            let c = &mut f.cands[ci];
            c.speaker = fr.speaker;
            c.cue = fr.cue.map(|(a, b)| d.bytes(a, b));
            c.open = false;
            continue;
        }
        let src =
            neighbour(d, f, &order, qi, sp.block).or_else(|| previous_paragraph(d, f, &order, qi));
        if src.is_none()
            && let Some(fr) = previous_sentence(d, f, qi)
        {
            let c = &mut f.cands[ci];
            c.speaker = fr.speaker;
            c.cue = fr.cue.map(|(a, b)| d.bytes(a, b));
            c.open = false;
            continue;
        }
        let c = &mut f.cands[ci];
        match src {
            Some(s) => {
                c.carried_from = Some(s);
                c.open = false;
            }
            None if c.cue.is_some() => c.open = false, // framed by a cue, speaker unknown
            None => {
                let from = sp.open_tok.unwrap_or(0);
                let words = (from..d.len())
                    .take_while(|&k| d.start(k) < sp.end)
                    .filter(|&k| d.is_word(k))
                    .take(MIN_ORPHAN_WORDS)
                    .count();
                if words >= MIN_ORPHAN_WORDS {
                    c.open = false;
                }
            }
        }
    }
}

fn root(f: &Found, mut c: usize) -> Option<usize> {
    for _ in 0..8 {
        let x = f.cands.get(c)?;
        if x.open {
            return None;
        }
        if x.speaker.is_some() {
            return Some(c);
        }
        c = x.carried_from?;
    }
    None
}

/// How many neighbouring attributions the carry looks through.
const CARRY_SCAN: usize = 64;

/// Attribution indices sorted by end and by start, for the carry's neighbour searches.
struct Order {
    by_end: Vec<usize>,
    by_start: Vec<usize>,
}

impl Order {
    fn new(f: &Found) -> Order {
        let mut by_end: Vec<usize> = (0..f.cands.len()).collect();
        by_end.sort_by_key(|&i| (f.cands[i].end, i));
        let mut by_start: Vec<usize> = (0..f.cands.len()).collect();
        by_start.sort_by_key(|&i| (f.cands[i].start, i));
        Order { by_end, by_start }
    }
}

/// The nearest attribution before the quotation in its paragraph (any kind), else the next
/// direct one after it.
fn neighbour(d: &View, f: &Found, o: &Order, qi: usize, para: u32) -> Option<usize> {
    let sp = d.spans[qi];
    let (pa, pb) = *d.paras.get(para as usize)?;
    if pb <= pa {
        return None;
    }
    let (ps, pe) = (d.start(pa), d.end(pb - 1));
    let pos = o.by_end.partition_point(|&c| f.cands[c].end <= sp.start);
    for &c in o.by_end[..pos].iter().rev().take(CARRY_SCAN) {
        let x = &f.cands[c];
        if x.end < ps {
            break;
        }
        if x.start >= ps
            && !x.open
            && let Some(r) = root(f, c)
        {
            return Some(r);
        }
    }
    let pos = o.by_start.partition_point(|&c| f.cands[c].start < sp.end);
    for &c in o.by_start[pos..].iter().take(CARRY_SCAN) {
        let x = &f.cands[c];
        if x.start >= pe {
            break;
        }
        if !x.open && x.span.is_some() && x.end <= pe {
            return root(f, c);
        }
    }
    None
}

/// `Cruz tweeted a warning. “…”`: a cue with a speaker and no content of its own in the
/// sentence before the quotation.
fn previous_sentence(d: &View, f: &Found, qi: usize) -> Option<Frame> {
    let open = d.spans[qi].open_tok?;
    let (sa, _) = d.sent_of(open);
    if sa != open || sa == 0 || d.para(sa - 1) != d.para(open) {
        return None;
    }
    let (pa, pb) = d.sent_of(sa - 1);
    let pa = pa.max(pb.saturating_sub(WINDOW));
    for k in (pa..pb).rev() {
        if d.q(k) != 0 {
            return None;
        }
        if let Some(c) = d.cue(k) {
            if !c.flags.direct || c.flags.prep || f.cue_used(d, k) {
                return None;
            }
            let sp = cue_speaker(d, c, pa)?;
            return Some(Frame { speaker: Some(sp), cue: Some((c.tok, c.last)), exclusive: false });
        }
    }
    None
}

/// Longest signature line read after a quotation, in tokens.
const MAX_SIGNATURE: usize = 16;

/// `"…"` ¶ `- Bernie Sanders.`: a paragraph that is only a quotation, followed by a short line
/// that opens with a dash and a name, is signed by that name.
fn signature_line(d: &View, qi: usize) -> Option<Frame> {
    let sp = d.spans[qi];
    let (open, close) = (sp.open_tok?, sp.close_tok?);
    let (pa, pb) = *d.paras.get(sp.block as usize)?;
    if open != pa || (close + 1..pb).any(|k| d.kind(k) != super::view::Kind::Punct) {
        return None;
    }
    let (na, nb) = *d.paras.get(sp.block as usize + 1)?;
    if nb <= na + 1 || nb - na > MAX_SIGNATURE || !d.is_dash(na) {
        return None;
    }
    let np = super::speaker::right_np(d, na + 1, nb)?;
    let named = matches!(np.form, super::SpeakerForm::Name | super::SpeakerForm::Role);
    // the name ends the line or is followed by a comma (`-Michelle Marks, Philadelphia.`)
    let ends = np.b >= nb || d.is_p(np.b, ',') || d.is_p(np.b, '.') && np.b + 1 >= nb;
    (named && ends).then_some(Frame {
        speaker: Some(np),
        cue: Some((na, na + 1)),
        exclusive: false,
    })
}

/// A paragraph made only of quotations continues the last attribution of the paragraph before.
fn previous_paragraph(d: &View, f: &Found, o: &Order, qi: usize) -> Option<usize> {
    let sp = d.spans[qi];
    let p = sp.block as usize;
    let (pa, pb) = *d.paras.get(p)?;
    if p == 0 || sp.open_tok != Some(pa) || (pa..pb).any(|k| d.q(k) == 0 && d.is_word(k)) {
        return None;
    }
    let (qa, qb) = *d.paras.get(p - 1)?;
    if qb <= qa {
        return None;
    }
    let (s, e) = (d.start(qa), d.end(qb - 1));
    let pos = o.by_start.partition_point(|&c| f.cands[c].start < e);
    for &c in o.by_start[..pos].iter().rev().take(CARRY_SCAN) {
        if f.cands[c].start < s {
            break;
        }
        if !f.cands[c].open {
            return root(f, c);
        }
    }
    None
}

/// `Lavrov: Talks with the U.S. Are Underway`: a first paragraph made of a short name, a colon
/// and a claim is an attribution to that name: direct when the claim is one quotation in marks,
/// mixed when it holds one, else indirect (a headline paraphrases).
pub fn headline(d: &View, f: &mut Found) {
    let Some(&(a, b)) = d.paras.first() else { return };
    if b <= a || b - a > 60 || (a..b).any(|k| d.nl(k)) {
        return;
    }
    let Some(colon) = (a..b.min(a + 5)).find(|&k| d.is_p(k, ':')) else {
        return;
    };
    if colon == a || colon + 2 >= b || (a..colon).any(|k| d.q(k) != 0) || d.is_p(b - 1, '?') {
        return;
    }
    // a name: one to three capitalised words, no article, preposition or possessive
    let name_like = (a..colon).all(|k| {
        let w = d.word(k);
        d.is_word(k)
            && d.cap(k)
            && d.cls(k) & (LABEL | PRON | DET | PREP | CONJ | SKIP) == 0
            && !w.ends_with("'s")
            && !w.ends_with("’s")
    });
    // `Revealed:`, `Confirmed:`: a participle labels the story, it names no one
    let participle =
        colon == a + 1 && d.word(a).len() > 4 && d.word(a).to_ascii_lowercase().ends_with("ed");
    let shouting = colon == a + 1
        && d.word(a).chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        && d.word(a).len() > 4;
    if !name_like || shouting || participle || !d.cap(a) {
        return;
    }
    // Headline style drops the quote marks: `Lavrov: Talks Are Underway` gives the person's own
    // words, a direct quote (unless marks inside make it mixed).
    let (kind, s, e) = super::reported::kind_of(d, colon + 1, b);
    let kind = if kind == QuoteKind::Indirect { QuoteKind::Direct } else { kind };
    let np = Np { a, b: colon, form: super::SpeakerForm::Name, antecedent: None };
    f.cands.push(Cand {
        kind,
        start: s,
        end: e,
        cue: None,
        speaker: Some(np),
        carried_from: None,
        span: None,
        open: false,
        turn: false,
        rejected: false,
    });
}

#[cfg(test)]
mod tests {
    use super::super::tests::{find, run, speaker};

    #[test]
    fn signature_line_names_the_speaker() {
        let t = "The debate ended.\n\n“We cannot wait another year.”\n\n- Ana Lopez.\n\nThe claim is disputed.";
        let r = run(t);
        let q = find(&r, t, "cannot wait");
        assert_eq!(speaker(&r, t, q), Some("Ana Lopez"));
    }
}
