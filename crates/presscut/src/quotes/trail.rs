//! The attribution that follows a quotation in its sentence: `, he said`, `, said X`,
//! `Valdez Anderson, who works nearby, said`, `the senator and candidate said`, `, Oliver
//! barked` (a past-tense verb missing from the cue list), `— X`.

use super::SpeakerForm;
use super::direct::Frame;
use super::speaker::{Np, form_of, left_np, right_np, skippable};
use super::view::View;
use crate::lexicon::classes::class::{CONJ, DET, OBJPRON, PREP, PRON, REL, SKIP, TIME, VERB};

/// Farthest (in tokens) a trailing cue is looked for after the quotation.
const REACH: usize = 40;
/// Longest speaker phrase read between a quotation and its cue.
const MAX_PHRASE: usize = 16;

/// The attribution in tokens `[a, b)` after a closing mark, if they hold one.
pub fn frame(d: &View, a: usize, b: usize) -> Option<Frame> {
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
    if let Some(c) = d.cue(k)
        && (c.flags.direct || c.flags.prep)
        && !names_a_speaker(d, k)
    {
        return Some(framed(right_np(d, c.last, b), (c.tok, c.last)));
    }
    if let Some(fr) = speaker_then_cue(d, k, b) {
        return Some(fr);
    }
    if let Some(fr) = unlisted_verb(d, k, b) {
        return Some(fr);
    }
    let dk = dash?;
    let np = right_np(d, k, b).filter(|np| np.form == SpeakerForm::Name)?;
    Some(framed(Some(np), (dk, dk + 1)))
}

fn framed(speaker: Option<Np>, cue: (usize, usize)) -> Frame {
    Frame { speaker, cue: Some(cue), exclusive: true }
}

/// A capitalised cue word followed by another cue is a name (`Read said`, `Will wrote`).
fn names_a_speaker(d: &View, k: usize) -> bool {
    d.cap(k)
        && d.cue(k + 1).is_some_and(|c| !c.flags.prep)
        && d.cue(k).is_some_and(|c| c.last == k + 1)
}

/// The first reporting cue after token `k` in the clause (parentheses skipped), with the
/// phrase before it.
fn speaker_then_cue(d: &View, k: usize, b: usize) -> Option<Frame> {
    let limit = b.min(k + REACH);
    let mut depth = 0usize;
    let mut m = k;
    let c = loop {
        if m >= limit {
            return None;
        }
        if d.is_p(m, '(') {
            depth += 1;
        } else if d.is_p(m, ')') {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && (d.is_mark(m) || d.is_stop_punct(m) || d.is_p(m, ':')) {
            return None;
        } else if depth == 0
            && let Some(c) = d.cue(m)
            && (m > k || names_a_speaker(d, k))
        {
            if m == k {
                m += 1;
                continue;
            }
            break c;
        }
        m += 1;
    };
    if !(c.flags.direct || c.flags.bare) || c.flags.participle || c.flags.prep {
        return None;
    }
    // `“…” Kasich said he would …`: a clause of its own follows, so the cue reports that
    let subject = |x: usize| d.cls(x) & PRON != 0 && d.cls(x) & (DET | OBJPRON) == 0;
    if subject(c.last) || d.is_w(c.last, "that") {
        return None;
    }
    let cue = (c.tok, c.last);
    if let Some(np) = left_np(d, m, k) {
        let starts = np.a == k || np.antecedent.is_none() && d.cls(k) & CONJ != 0 && np.a == k + 1;
        if starts {
            return Some(framed(Some(np), cue));
        }
        // `Sanders's campaign manager, Jeff Weaver, said` / `another friend, Mariam Emara told`
        let after_head = np.a > k + 1
            && d.is_p(np.a - 1, ',')
            && right_np(d, k, np.a - 1).is_some_and(|h| h.b == np.a - 1);
        let caps_only = (k..np.a).all(|x| d.is_word(x) && d.cap(x) || d.is_p(x, ','));
        if np.form == SpeakerForm::Name && (after_head || caps_only) {
            return Some(framed(Some(np), cue));
        }
    }
    let head = right_np(d, k, m)?;
    // the last token before the cue, past adverbs (`, later said`)
    let mut last = m - 1;
    while last > head.b && skippable(d, last) {
        last -= 1;
    }
    // `Valdez Anderson, who works at a company nearby, said`: an aside between commas
    if head.b < last && d.is_p(head.b, ',') && d.is_p(last, ',') {
        return Some(framed(Some(head), cue));
    }
    if head.b == last + 1 {
        return Some(framed(Some(head), cue));
    }
    // `the Florida senator and Republican presidential candidate said`: one noun phrase
    if last + 1 - k <= MAX_PHRASE
        && (k..=last).all(|x| phrase_word(d, x))
        && d.cls(k) & (PREP | CONJ) == 0
    {
        let np = Np { a: k, b: last + 1, form: form_of(d, k, last + 1), antecedent: None };
        return Some(framed(Some(np), cue));
    }
    None
}

/// A word that can sit inside a speaker phrase: nouns, names, adjectives, determiners, `of`,
/// `and`; not a pronoun, relative, auxiliary, verb or a past form used as a verb.
fn phrase_word(d: &View, x: usize) -> bool {
    if x >= d.len() {
        return false;
    }
    if !d.is_word(x) {
        return d.is_p(x, '-') || d.is_p(x, '$') || d.is_p(x, '.') && x > 0 && d.cap(x - 1);
    }
    // right after a quotation a capitalised word is a name (`Will`, `Read`)
    let c = if d.cap(x) { d.cls(x) & !(SKIP | PREP | CONJ | REL) } else { d.cls(x) };
    if d.cap(x) && d.cue(x).is_some_and(|c| c.last == x + 1) {
        return true;
    }
    if c & (REL | SKIP | VERB) != 0
        || c & PRON != 0 && c & DET == 0
        || d.is_w(x, "that")
        || d.cue(x).is_some()
    {
        return false;
    }
    let w = d.word(x);
    let verb_like = !d.cap(x) && c == 0 && (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4;
    !(verb_like && d.cls(x + 1) & (DET | PREP | PRON) != 0)
}

/// `“…,” remembered Roy Verley` / `“…,” she whispered` / `“…,” Trump shot back`: a verb missing
/// from the cue list, recognised by its form next to a speaker at the end of the clause.
fn unlisted_verb(d: &View, k: usize, b: usize) -> Option<Frame> {
    let ends_clause = |i: usize| {
        i >= b
            || !d.is_word(i)
            || d.cls(i) & (PREP | TIME) != 0
            || ["back", "out", "on", "up", "in"].iter().any(|w| d.is_w(i, w))
    };
    let past = |i: usize| {
        let w = d.word(i);
        d.is_word(i)
            && !d.cap(i)
            && (w.len() >= 4 && w.ends_with("ed") && d.cls(i) == 0
                || d.cls(i) & VERB != 0 && !w.ends_with('s'))
    };
    let person =
        |n: &Np| matches!(n.form, SpeakerForm::Name | SpeakerForm::Pronoun | SpeakerForm::Role);
    if past(k) && d.cls(k) & VERB == 0 {
        let np = right_np(d, k + 1, b)?;
        return (person(&np) && ends_clause(np.b)).then(|| framed(Some(np), (k, k + 1)));
    }
    // the verb ends the speaker phrase (`the Republican nominee riffed on …`)
    let m = (k + 1..b.min(k + MAX_PHRASE)).find(|&m| past(m) && ends_clause(m + 1))?;
    let np = right_np(d, k, m)?;
    if np.b == m && person(&np) && (np.form != SpeakerForm::Role || d.cls(k) & DET != 0) {
        return Some(framed(Some(np), (m, m + 1)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::QuoteKind;
    use super::super::tests::{check, find, run, speaker};

    #[test]
    fn speaker_with_an_aside_between_commas() {
        let t = "“We need more nurses,” Ana Lopez, who runs a clinic in Tucson, said on Monday.";
        check(t, "more nurses", QuoteKind::Direct, "Ana Lopez", Some("said"));
    }

    #[test]
    fn long_noun_phrase_speaker() {
        let t = "“The budget is sound,” the city treasurer and deputy mayor said.";
        check(
            t,
            "budget is sound",
            QuoteKind::Direct,
            "the city treasurer and deputy mayor",
            Some("said"),
        );
    }

    #[test]
    fn name_after_a_role_is_the_speaker() {
        let t = "“We won,” her campaign manager, Rita Gomez, said.";
        check(t, "We won", QuoteKind::Direct, "Rita Gomez", Some("said"));
        let t = "“We raised a record sum,” Jeff Cole, the senators’ campaign manager, said in a statement.";
        check(t, "record sum", QuoteKind::Direct, "Jeff Cole", Some("said"));
    }

    #[test]
    fn unlisted_past_verb_after_a_name() {
        let t = "“Get out of my office,” Morales grumbled.";
        check(t, "Get out", QuoteKind::Direct, "Morales", Some("grumbled"));
        let t = "“Not again,” an angry Ortega grumbled on Monday.";
        check(t, "Not again", QuoteKind::Direct, "an angry Ortega", Some("grumbled"));
    }

    #[test]
    fn capitalised_cue_word_is_a_name() {
        check(
            "“It is too late for that,” Read said.",
            "too late",
            QuoteKind::Direct,
            "Read",
            Some("said"),
        );
    }

    #[test]
    fn a_cue_with_its_own_clause_is_not_the_attribution() {
        let t = "“We will win this,” Ortega said. “The polls agree.” Morales said he doubted it.";
        let r = run(t);
        let q = find(&r, t, "The polls agree");
        assert_eq!(speaker(&r, t, q), Some("Ortega"));
    }
}
