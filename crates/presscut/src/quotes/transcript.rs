//! Interview transcripts: paragraphs that open with a speaker label and a colon (`MARCHETTI:
//! No. We knew …`, `Q: Will you run again?`). Each turn is one attribution to its label, and
//! what the passes found inside a turn with no speaker of its own (or with a speaker from
//! outside the turn, such as the introduction's `Partial transcript:`) is dropped: the turn
//! says who speaks.
//!
//! A paragraph is a turn only when the article is a transcript: at least two turns, and some
//! speaker labelled twice (the same last word: `JAKE TAPPER:` then `TAPPER:`) or a `Q:`/`A:`
//! pair. Labels are in capitals (`WALLACE:`, `CIVIC REVIEW:`) or `Q`/`A`; headline labels
//! (`UPDATE:`) are none. `Q:`/`A:` turns name no one, so their speaker is left unknown.
//!
//! A turn holds no quote marks of its own, so by the contract's kinds it is `indirect` (`mixed`
//! when it quotes someone).

use super::found::{Cand, Found};
use super::speaker::Np;
use super::view::View;
use super::{QuoteKind, SpeakerForm};
use crate::lexicon::classes::class::{ABBR_TITLE, LABEL, ROLE};

/// Most words a speaker label has (`GOV. JANE DOE (D-OHIO), CANDIDATE FOR SENATE`).
const MAX_LABEL_WORDS: usize = 8;

/// One turn: the block, the label's tokens `[a, colon)`, and the content's first token.
#[derive(Clone, Copy)]
struct Turn {
    block: usize,
    label: (usize, usize),
    content: usize,
    qa: bool,
}

/// The label that opens tokens `[pa, pb)`, if any.
fn label(d: &View, block: usize, (pa, pb): (usize, usize)) -> Option<Turn> {
    let mut words = 0;
    let mut k = pa;
    // the name in capitals, then perhaps a description after a comma or parenthesis
    let mut in_name = true;
    while k < pb && !d.is_p(k, ':') {
        if d.is_word(k) {
            words += 1;
            let w = d.word(k);
            if words > MAX_LABEL_WORDS
                || in_name && w.chars().any(char::is_lowercase)
                || in_name && !w.chars().any(char::is_alphabetic)
                || words == 1 && d.is_p(k + 1, ':') && d.cls(k) & LABEL != 0
            {
                return None;
            }
        } else if d.is_p(k, ',') || d.is_p(k, '(') {
            in_name = false;
        } else if !matches!(d.punct(k), Some('.' | '-' | '\'' | '’' | ',' | '(' | ')')) {
            return None;
        }
        k += 1;
    }
    if words == 0 || k + 1 >= pb || !(k + 1..pb).any(|x| d.is_word(x)) {
        return None;
    }
    let one = (k == pa + 1).then(|| d.word(pa));
    let qa = matches!(one, Some("Q" | "A"));
    // a single capital that is no Q or A is an initial, not a speaker
    if one.is_some_and(|w| w.chars().count() < 2) && !qa {
        return None;
    }
    // the speaker is the name before any comma or parenthesis (`WALLACE, HOST` → `WALLACE`),
    // after any title (`GOV. ANNE PRICE` → `ANNE PRICE`)
    let name_end = (pa..k).find(|&x| d.is_p(x, ',') || d.is_p(x, '(')).unwrap_or(k);
    let mut name_start = pa;
    while name_start + 2 < name_end
        && d.is_word(name_start)
        && (d.doc.classes(name_start) & ABBR_TITLE != 0 || d.cls(name_start) & ROLE != 0)
    {
        name_start += if d.is_p(name_start + 1, '.') { 2 } else { 1 };
    }
    if name_end <= name_start {
        return None;
    }
    Some(Turn { block, label: (name_start, name_end), content: k + 1, qa })
}

/// The last word of a label, upper case as written (`TAPPER` of `JAKE TAPPER`).
fn last_word<'a>(d: &'a View, t: &Turn) -> &'a str {
    (t.label.0..t.label.1).rev().find(|&k| d.is_word(k)).map_or("", |k| d.word(k))
}

/// Adds the turns of a transcript as attributions and drops what they make redundant;
/// returns, per block, whether it is a turn (where `I` and `we` are the turn's speaker, not the
/// writer).
pub fn attribute(d: &View, f: &mut Found) -> Vec<bool> {
    let mut is_turn = vec![false; d.paras.len()];
    let turns: Vec<Turn> =
        d.paras.iter().enumerate().filter_map(|(i, &p)| label(d, i, p)).collect();
    if turns.len() < 2 {
        return is_turn;
    }
    let mut seen: Vec<&str> = Vec::new();
    let mut repeated = false;
    for t in &turns {
        let w = last_word(d, t);
        repeated |= seen.contains(&w);
        seen.push(w);
    }
    let q_and_a = seen.contains(&"Q") && seen.contains(&"A");
    if !repeated && !q_and_a {
        return is_turn;
    }
    let mut turn_of_block = vec![None; d.paras.len()];
    for (i, t) in turns.iter().enumerate() {
        turn_of_block[t.block] = Some(i);
        is_turn[t.block] = true;
    }
    // what the passes found inside a turn: kept only when it names its own speaker there
    for c in &mut f.cands {
        let k = d.doc.token_at(c.start);
        let Some(Some(ti)) = (k < d.len()).then(|| turn_of_block[d.para(k) as usize]) else {
            continue;
        };
        let block = turns[ti].block;
        let own =
            c.speaker.is_some_and(|sp| d.para(sp.a) as usize == block && sp.a >= turns[ti].content);
        if !own {
            c.rejected = true;
        }
    }
    for t in &turns {
        let (_, pb) = d.paras[t.block];
        let (start, end) = d.bytes(t.content, pb);
        let (start, end) = super::direct::trim_ws(d.text, start, end);
        if end <= start {
            continue;
        }
        let quoted = (t.content..pb).any(|k| d.is_mark(k));
        f.cands.push(Cand {
            kind: if quoted { QuoteKind::Mixed } else { QuoteKind::Indirect },
            start,
            end,
            cue: None,
            speaker: (!t.qa).then_some(Np {
                a: t.label.0,
                b: t.label.1,
                form: SpeakerForm::Name,
                antecedent: None,
            }),
            carried_from: None,
            span: None,
            open: false,
            turn: true,
            rejected: false,
        });
    }
    is_turn
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    const INTERVIEW: &str = "The mayor on the flood plan\n\n\
Partial transcript of the interview, as aired Sunday:\n\n\
BRENNAN: Let's start with the levee. Are the repairs late?\n\n\
WHITFIELD: No, they are not late. The contractor told us in March that the work would take until June.\n\n\
BRENNAN: Your opponent says the money was wasted.\n\n\
WHITFIELD: He has never read the budget.\n";

    fn turns(text: &str) -> Vec<(String, Option<String>)> {
        run(text)
            .quotes
            .iter()
            .map(|q| {
                (text[q.start..q.end].to_owned(), q.speaker.map(|(a, b)| text[a..b].to_owned()))
            })
            .collect()
    }

    #[test]
    fn each_turn_is_said_by_its_label() {
        let qs = turns(INTERVIEW);
        let said =
            |snippet: &str| qs.iter().find(|(t, _)| t.starts_with(snippet)).map(|(_, s)| s.clone());
        assert_eq!(said("Let's start"), Some(Some("BRENNAN".to_owned())));
        assert_eq!(said("No, they are not late"), Some(Some("WHITFIELD".to_owned())));
        assert_eq!(said("He has never read"), Some(Some("WHITFIELD".to_owned())));
        // no quote goes to the introduction's words
        assert!(qs.iter().all(|(_, s)| s.as_deref() != Some("Partial")), "{qs:?}");
        // a report inside a turn keeps its own speaker
        assert!(
            qs.iter().any(|(t, s)| t.starts_with("the work would take")
                && s.as_deref() == Some("The contractor")),
            "{qs:?}"
        );
    }

    #[test]
    fn question_and_answer_turns_name_no_one() {
        let text = "Q: Will you run again?\n\nA: I have not decided. My family comes first.\n\nQ: When will you decide?\n\nA: In the spring.\n";
        let qs = turns(text);
        assert!(
            qs.iter().any(|(t, s)| t.starts_with("I have not decided") && s.is_none()),
            "{qs:?}"
        );
    }

    #[test]
    fn one_labelled_paragraph_is_no_transcript() {
        let text = "UPDATE: The levee held overnight.\n\nWASHINGTON: Officials said the repairs were late.\n";
        assert!(turns(text).iter().all(|(t, _)| !t.starts_with("The levee held")));
    }
}
