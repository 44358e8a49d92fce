//! What looks like an attribution but is none (the contract: "only attributions are quotes"),
//! and speaker words that name nobody. Runs over the candidates once the passes are done:
//!
//! - the writer's own voice: reported content whose speaker is `I` or `we` outside any
//!   quotation (`I believe the plan will fail`);
//! - negated and hypothetical reporting (`the filings don't say he …`, `declined to say whether`,
//!   `critics might argue that …`, `if he says that …`);
//! - figures reported as objects (`the index added 0.3 per cent`, `the casinos reported $2
//!   billion in revenue`): content that opens with a number and holds no verb;
//! - speaker words that are no name, role or noun phrase: a function word or a capitalised one
//!   (`who` standing for nothing, `instead`, `“Well`, `Tuesday`), a lower-case word that is no
//!   person (`political experts said` read as `political`), a state or party abbreviation
//!   (`Ky.`, `D-Ore.`), a label in capitals (`MARKET VIEW`). Such words are marked doubtful
//!   ([`names_nobody`]): when they resolve to no entity, the quote is left without a speaker.

use super::found::{Cand, Found};
use super::view::View;
use super::{QuoteKind, SpeakerForm};
use crate::lexicon::classes::class::{
    ABBR, CONJ, DET, LABEL, NONPERSON, PREP, PRON, REL, ROLE, SKIP, TIME, VERB,
};

/// How many words before a cue (after its speaker) may hold the negation or modal that makes
/// the report negated or hypothetical (`did not`, `would never`, `has not yet`).
const NEGATION_REACH: usize = 3;
/// Words a figure may be preceded by in reported content (`to $281 million`, `more than 40`).
const FIGURE_LEADS: &[&str] = &[
    "to", "by", "about", "around", "nearly", "almost", "roughly", "some", "more", "less", "than",
    "up", "over", "under", "just",
];
/// Modals that make a report hypothetical (`would say`, `might argue`); `will` reports.
const MODALS: &[&str] = &["would", "could", "might", "should", "may", "'d", "’d"];
/// Verbs that, before `to`, say the report did not happen (`declined to say`).
const REFUSALS: &[&str] =
    &["declined", "refused", "failed", "declines", "refuses", "fails", "declining", "refusing"];

/// Drops the candidates that are no attribution. `in_turn`: per block, whether it is a turn of
/// a transcript (where `I` is the turn's speaker, not the writer).
pub fn prune(d: &View, f: &mut Found, in_turn: &[bool]) {
    for c in &mut f.cands {
        if c.open || c.end <= c.start || c.turn || c.kind == QuoteKind::Direct {
            continue;
        }
        let k = d.doc.token_at(c.start);
        let turn = k < d.len() && in_turn.get(d.para(k) as usize).copied().unwrap_or(false);
        if !turn && writer(d, c) || not_reported(d, c) || figure(d, c) {
            c.rejected = true;
        }
    }
}

/// The speaker is the writer: `I` or `we` outside any quotation.
fn writer(d: &View, c: &Cand) -> bool {
    c.speaker.is_some_and(|sp| {
        sp.b == sp.a + 1 && d.q(sp.a) == 0 && (d.is_w(sp.a, "i") || d.is_w(sp.a, "we"))
    })
}

/// The token of the cue's first word.
fn cue_tok(d: &View, c: &Cand) -> Option<usize> {
    c.cue.map(|(s, _)| d.doc.token_at(s)).filter(|&k| k < d.len())
}

/// Negated (`did not say`, `never said`, `declined to say`) or hypothetical (`would argue`,
/// `if he says`) reporting.
fn not_reported(d: &View, c: &Cand) -> bool {
    let Some(cue) = cue_tok(d, c) else { return false };
    let floor = c.speaker.map_or(cue.saturating_sub(NEGATION_REACH), |sp| {
        if sp.b <= cue { sp.b } else { cue.saturating_sub(NEGATION_REACH) }
    });
    let from = floor.max(cue.saturating_sub(NEGATION_REACH));
    // `declined to comment on whether …`: the refusal is the cue
    if REFUSALS.iter().any(|w| d.is_w(cue, w)) {
        return true;
    }
    for k in from..cue {
        if !d.is_word(k) {
            continue;
        }
        let w = d.word(k).to_ascii_lowercase();
        let neg = matches!(w.as_str(), "not" | "never" | "cannot")
            || w.ends_with("n't")
            || w.ends_with("n’t");
        let refusal = REFUSALS.contains(&w.as_str()) && d.is_w(k + 1, "to");
        // `May` is a month or a name, `may` a modal
        let modal = !d.cap(k) && MODALS.contains(&w.as_str());
        if neg || refusal || modal {
            return true;
        }
    }
    // `if he says that …`: a condition, not a report
    c.speaker.is_some_and(|sp| {
        sp.b <= cue && sp.a > 0 && ["if", "unless", "whether"].iter().any(|w| d.is_w(sp.a - 1, w))
    })
}

/// Reported content that is a figure, not a statement: it opens with a number (after at most a
/// few leading words such as `to` or `more than`) and holds no verb.
fn figure(d: &View, c: &Cand) -> bool {
    if c.kind != QuoteKind::Indirect {
        return false;
    }
    let a = d.doc.token_at(c.start);
    let mut k = a;
    while k < d.len() && d.end(k) <= c.end && k < a + 3 && FIGURE_LEADS.iter().any(|w| d.is_w(k, w))
    {
        k += 1;
    }
    let currency = matches!(d.punct(k), Some('$' | '£' | '€' | '¥'));
    if !(d.number(k) || currency) {
        return false;
    }
    let verbish = |i: usize| {
        let w = d.word(i);
        d.cls(i) & (VERB | SKIP | PRON | REL) != 0
            || d.cue(i).is_some()
            || (w.len() > 4 && w.ends_with("ed"))
            || d.is_w(i, "that")
    };
    !(k..d.len()).take_while(|&i| d.end(i) <= c.end).any(|i| d.is_word(i) && verbish(i))
}

/// The speaker words `[a, b)` name no one (see the module comment); `form` is what kind of
/// words the quote stage took them for.
pub fn names_nobody(d: &View, a: usize, b: usize, form: SpeakerForm) -> bool {
    if b <= a || b > d.len() {
        return true;
    }
    let text = d.text.get(d.start(a)..d.end(b - 1)).unwrap_or("");
    if text.starts_with(|ch: char| "\"“‘'".contains(ch)) {
        return true; // `“Well`: the word after a quote mark
    }
    let mut words = (a..b).filter(|&k| d.is_word(k));
    let Some(first) = words.next() else { return true };
    if words.next().is_none() {
        return single_nobody(d, first, form);
    }
    if abbreviation_only(text) {
        return true;
    }
    // a label in capitals (`MARKET VIEW`): several words, every letter upper case
    let letters = |k: usize| d.word(k).chars().filter(|c| c.is_alphabetic()).count();
    let capitals = (a..b)
        .filter(|&k| d.is_word(k))
        .all(|k| letters(k) > 0 && !d.word(k).chars().any(char::is_lowercase));
    capitals && (a..b).any(|k| d.is_word(k) && letters(k) > 3)
}

/// One speaker word that names no one.
fn single_nobody(d: &View, k: usize, form: SpeakerForm) -> bool {
    let cls = d.cls(k);
    if cls & PRON != 0 && cls & DET == 0 {
        return false; // `he`, `they`
    }
    if cls & REL != 0 {
        // `who` standing for nothing: the words as written say as much as can be said
        return false;
    }
    let w = d.word(k);
    if d.number(k) || w.starts_with(|c: char| c.is_ascii_digit()) {
        return false; // `32 percent said`, `4 in 10 said`
    }
    if abbreviation_only(w) || d.doc.classes(k) & ABBR != 0 {
        return true;
    }
    if cls & (TIME | LABEL) != 0 {
        return true; // `said Tuesday`, `Update`
    }
    if cls & (PREP | CONJ | DET | SKIP) != 0 {
        // capitalised inside a sentence, a function word is a name (`“…,” From said`)
        let initial = k == 0 || d.sent_of(k).0 == k || d.opens(k - 1) || !d.is_word(k - 1);
        return !d.cap(k) || initial;
    }
    if d.cap(k) {
        return false;
    }
    // lower case: a person or group noun (`officials`, `aides`, `critics`) or a source
    // (`polls`) speaks; a cue or participle (`citing`, `hiring`) was misread as one
    let person =
        matches!(form, SpeakerForm::Group | SpeakerForm::Role) || cls & (ROLE | NONPERSON) != 0;
    !person && (d.cue(k).is_some() || w.ends_with("ing"))
}

/// `Ky.`, `N.H.`, `D-Ore.`, `R-Ky`: state and party abbreviations, never a speaker.
fn abbreviation_only(text: &str) -> bool {
    let pieces: Vec<&str> = text.split_whitespace().collect();
    !pieces.is_empty()
        && pieces.iter().all(|p| {
            let p = p.trim_end_matches(',');
            let body = match p.split_once('-') {
                Some((party, rest)) if party.len() == 1 && "DRI".contains(party) => rest,
                _ => p,
            };
            let letters = body.chars().filter(|c| c.is_alphabetic()).count();
            body.chars().all(|c| c.is_alphabetic() || c == '.')
                && body.starts_with(|c: char| c.is_uppercase())
                && (1..=5).contains(&letters)
                && (body.ends_with('.') || body != p)
        })
}

#[cfg(test)]
mod tests {
    use super::abbreviation_only;

    #[test]
    fn state_and_party_abbreviations_are_no_names() {
        for s in ["Ky.", "N.H.", "D-Ore.", "R-Ky", "Calif."] {
            assert!(abbreviation_only(s), "{s}");
        }
        for s in ["Smith", "NATO", "Mr. Smith", "Ky", "A"] {
            assert!(!abbreviation_only(s), "{s}");
        }
    }
}
