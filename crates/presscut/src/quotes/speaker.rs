//! Speaker mentions: the noun phrase before a cue (`the Russian foreign minister said`),
//! after it (`said Linda Hudson`), or at the start of a clause, found with word classes
//! and capitalisation instead of a tagger.

use super::SpeakerForm;
use super::view::{Kind, View};
use crate::lexicon::classes::{
    self,
    class::{CONJ, DET, NONPERSON, PREP, PRON, REL, ROLE, SKIP, TIME, VERB},
};

/// A speaker mention: tokens `[a, b)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Np {
    pub a: usize,
    pub b: usize,
    pub form: SpeakerForm,
    /// For a relative pronoun: the tokens of the phrase it stands for.
    pub antecedent: Option<(usize, usize)>,
}

/// Word classes, except that a capitalised function word inside a sentence is read as part
/// of a name (`“…,” From said`, `Will Hurd said`).
fn ncls(d: &View, k: usize) -> u64 {
    let c = d.cls(k);
    if k >= d.len()
        || !d.cap(k)
        || c & (PREP | CONJ | SKIP | TIME | REL) == 0
        || d.word(k).len() < 2
    {
        return c;
    }
    let after_opener =
        k > 0 && (d.opens(k - 1) || d.is_p(k - 1, ':') || d.is_p(k - 1, '(') || d.is_dash(k - 1));
    let initial = k == 0 || d.sent_of(k).0 == k || after_opener;
    if initial { c } else { c & !(PREP | CONJ | SKIP | TIME | REL) }
}

/// Longest mention taken, in tokens.
const MAX_NP: usize = 10;

/// Adverbs, auxiliaries and time words that may stand between a speaker and its cue.
pub fn skippable(d: &View, i: usize) -> bool {
    d.skippable(i)
}

/// Steps back over skippable words, time phrases (`on Tuesday`) and a parenthesis
/// (`(R-Tenn.)`) from token `j` (inclusive); returns the new last index, or None below `floor`.
fn skip_back(d: &View, mut j: usize, floor: usize) -> Option<usize> {
    let floor = floor.max(j.saturating_sub(12));
    loop {
        if j < floor {
            return None;
        }
        if skippable(d, j) {
            let time = d.cls(j) & TIME != 0;
            if j == floor {
                return None;
            }
            j -= 1;
            if time
                && j > floor
                && ["on", "last", "this", "late", "early", "earlier", "later", "next"]
                    .iter()
                    .any(|w| d.is_w(j, w))
            {
                j -= 1;
            }
            continue;
        }
        if d.is_p(j, ')') {
            let lo = j.saturating_sub(8).max(floor);
            match (lo..j).rev().find(|&k| d.is_p(k, '(')) {
                Some(k) if k > floor => {
                    j = k - 1;
                    continue;
                }
                _ => return Some(j),
            }
        }
        return Some(j);
    }
}

/// The mention ending just before the cue at `cue` (not reaching below `floor`).
pub fn left_np(d: &View, cue: usize, floor: usize) -> Option<Np> {
    if cue == 0 || cue <= floor {
        return None;
    }
    let j = skip_back(d, cue - 1, floor)?;
    if d.is_p(j, ',') {
        return appositive(d, j, floor);
    }
    collect_back(d, j, floor)
}

/// `Paul Manafort, the campaign chief, said` / `Smith, who led the party, said`.
fn appositive(d: &View, comma: usize, floor: usize) -> Option<Np> {
    let lo = comma.saturating_sub(20).max(floor);
    let mut k = comma;
    while k > lo {
        k -= 1;
        if d.is_p(k, ',') {
            break;
        }
        if d.is_mark(k) || d.is_stop_punct(k) || d.is_p(k, ':') {
            return None;
        }
    }
    if k <= floor || !d.is_p(k, ',') || k + 1 >= comma {
        return None;
    }
    let before = collect_back(d, k - 1, floor)?;
    if before.form == SpeakerForm::Pronoun && before.antecedent.is_some() {
        return None;
    }
    if d.cls(k + 1) & REL != 0 {
        return Some(before);
    }
    // the aside may end in a parenthesis (`Gov. John Kasich (R-OH), said`)
    let app = skip_back(d, comma - 1, k + 1)
        .and_then(|j| collect_back(d, j, k + 1))
        .filter(|a| a.a == k + 1);
    match app {
        Some(a)
            if a.form == SpeakerForm::Name
                && before.form != SpeakerForm::Name
                && before.form != SpeakerForm::Pronoun =>
        {
            Some(a)
        }
        _ => Some(before),
    }
}

/// Whether the preposition at `k` ties the phrase after it to a noun before it (`spokeswoman
/// for`, `head of`, `officials at`, `a person familiar with`).
fn joins_phrases(d: &View, k: usize, floor: usize) -> bool {
    if k <= floor || !d.is_word(k - 1) || d.nl(k) || d.cue(k - 1).is_some() {
        return false;
    }
    let noun = d.word(k - 1);
    let prep = ["of", "for", "at", "from", "in"].iter().any(|w| d.is_w(k, w))
        || d.is_w(k, "with") && noun.eq_ignore_ascii_case("familiar");
    // the word before is a noun: not a verb form (`released in`, `speaking at`, `worked with`)
    let verb_form = ncls(d, k - 1) & VERB != 0
        || !d.cap(k - 1) && (noun.ends_with("ing") || noun.ends_with("ed"));
    prep && !verb_form && ncls(d, k - 1) & (PREP | CONJ | SKIP | PRON | DET) == 0
}

/// Collects the noun phrase ending at token `j`, going left.
fn collect_back(d: &View, j: usize, floor: usize) -> Option<Np> {
    if j < floor || !d.is_word(j) {
        return None;
    }
    let c = ncls(d, j);
    if c & PRON != 0
        && !(d.cap(j) && d.word(j).len() > 1 && j > floor && d.is_word(j - 1) && d.cap(j - 1))
    {
        return Some(Np { a: j, b: j + 1, form: SpeakerForm::Pronoun, antecedent: None });
    }
    if c & REL != 0 || d.is_w(j, "that") {
        if !d.is_w(j, "who") && !d.is_w(j, "which") {
            return None;
        }
        let ante =
            if j > floor + 1 && d.is_p(j - 1, ',') { collect_back(d, j - 2, floor) } else { None };
        return Some(Np {
            a: j,
            b: j + 1,
            form: SpeakerForm::Pronoun,
            antecedent: ante.map(|n| (n.a, n.b)),
        });
    }
    let mut a = j + 1;
    let mut n = 0;
    let mut k = j + 1;
    while k > floor && n < MAX_NP {
        k -= 1;
        if k >= d.len() || d.kind(k) != Kind::Word {
            break;
        }
        let c = ncls(d, k);
        let w = d.word(k);
        if d.cue(k).is_some()
            || (c & (SKIP | REL) != 0 && c & DET == 0)
            || w.eq_ignore_ascii_case("that")
        {
            break;
        }
        if c & PRON != 0 && c & DET == 0 {
            break;
        }
        if c & CONJ != 0 {
            let joins =
                w == "and" && n > 0 && d.cap(a) && k > floor && d.cap(k - 1) && d.is_word(k - 1);
            if !joins {
                break;
            }
        } else if c & PREP != 0 && !(n > 0 && joins_phrases(d, k, floor)) {
            break;
        }
        if d.nl(k) && n > 0 {
            break;
        }
        a = k;
        n += 1;
        if c & DET != 0 && c & PRON == 0 && !(k == j && is_number_word(w)) {
            // `a spokeswoman for the ministry`, `the head of the central bank`: a noun and a
            // preposition before the determiner make one phrase with it
            if !(k > floor + 1 && n + 2 < MAX_NP && joins_phrases(d, k - 1, floor)) {
                break;
            }
        }
    }
    // a phrase cannot begin with "of"/"for"/"and"
    while a <= j && ncls(d, a) & (PREP | CONJ) != 0 && ncls(d, a) & DET == 0 {
        a += 1;
    }
    // `the two`, `all three`: a number after a determiner stands for people
    let counted = j > a && d.is_word(j) && is_number_word(d.word(j));
    if a > j || !counted && (a..=j).all(|k| ncls(d, k) & DET != 0 && ncls(d, k) & PRON == 0) {
        return None; // nothing, or only a determiner ("the" before a noun)
    }
    // nor follow a preposition ("in a subsequent note": a noun, not a speaker)
    let after_prep =
        a > floor && d.is_word(a - 1) && ncls(d, a - 1) & PREP != 0 && ncls(d, a - 1) & DET == 0;
    let common = ncls(d, a) & DET != 0 && !(a..=j).any(|k| d.cap(k) && ncls(d, k) & DET == 0);
    if after_prep && common && !["as", "like", "than"].iter().any(|w| d.is_w(a - 1, w)) {
        return None;
    }
    // nor a month or day after a preposition (`The report released in March said`)
    if after_prep && a == j && crate::time::is_calendar_name(d.word(j)) {
        return None;
    }
    // nor an infinitive's object (`who spoke anonymously to discuss internal strategy said`)
    if a > floor && d.is_w(a - 1, "to") && !d.cap(a) {
        return None;
    }
    Some(Np { a, b: j + 1, form: form_of(d, a, j + 1), antecedent: None })
}

/// A conjunction that opens a subordinate clause (`When Wallace died, Clinton said: …`).
fn subordinator(d: &View, k: usize) -> bool {
    [
        "because", "although", "though", "while", "whereas", "if", "unless", "when", "whenever",
        "once",
    ]
    .iter()
    .any(|w| d.is_w(k, w))
}

fn is_number_word(w: &str) -> bool {
    ["two", "three", "four", "five", "six", "both"].iter().any(|n| n.eq_ignore_ascii_case(w))
}

/// The mention starting at token `i` (after an inverted cue: `said Linda Hudson, the mayor`).
pub fn right_np(d: &View, i: usize, limit: usize) -> Option<Np> {
    let limit = limit.min(d.len());
    if i >= limit || !d.is_word(i) {
        return None;
    }
    let c = ncls(d, i);
    if c & PRON != 0 && c & DET == 0 {
        return Some(Np { a: i, b: i + 1, form: SpeakerForm::Pronoun, antecedent: None });
    }
    let mut k = i;
    while k < limit && k < i + MAX_NP {
        if d.kind(k) != Kind::Word || (k > i && d.nl(k)) {
            break;
        }
        let c = ncls(d, k);
        let w = d.word(k);
        let shouting = w.len() > 1 && w.chars().all(|ch| !ch.is_lowercase());
        let c = if shouting { c & !TIME } else { c };
        if k > i && (d.cue(k).is_some() || c & (SKIP | REL | TIME) != 0 && c & DET == 0) {
            break;
        }
        // `Oliver barked`, `Trump went on`: a lowercase verb form after a name ends it
        let verb_form = c & VERB != 0 || c == 0 && w.len() >= 4 && w.ends_with("ed");
        if k > i && !d.cap(k) && d.cap(k - 1) && verb_form {
            break;
        }
        if c & CONJ != 0 {
            if !(w == "and" && k > i && d.cap(k - 1) && d.cap(k + 1) && d.is_word(k + 1)) {
                break;
            }
        } else if c & PREP != 0 && c & DET == 0 {
            let next_cap = d.is_word(k + 1) && (d.cap(k + 1) || ncls(d, k + 1) & DET != 0);
            if !(matches!(w, "of" | "for") && k > i && next_cap) {
                break;
            }
        }
        if k > i && c & DET != 0 && !d.cap(k - 1) && ncls(d, k - 1) & PREP == 0 {
            break;
        }
        k += 1;
    }
    while k > i && ncls(d, k - 1) & (PREP | CONJ | DET) != 0 {
        k -= 1;
    }
    if k == i {
        return None;
    }
    Some(Np { a: i, b: k, form: form_of(d, i, k), antecedent: None })
}

/// The subject at the start of the clause `[s, limit)`: skips a leading conjunction and
/// introductory phrases ending in a comma (`When asked …, Lavrov replied`).
pub fn subject_np(d: &View, s: usize, limit: usize) -> Option<Np> {
    let mut k = s;
    for _ in 0..4 {
        // an adverb on its own ("then", "later"): step over it
        while k < limit && skippable(d, k) && d.cls(k) & (PREP | CONJ) == 0 && !d.is_p(k + 1, ',') {
            k += 1;
        }
        while k < limit {
            let in_quote = d.q(k) != 0;
            // `and`, `but`: step over; `when`, `if`, `because` open an introductory clause
            let conj = d.cls(k) & CONJ != 0
                && d.cls(k) & PREP == 0
                && !d.is_w(k, "that")
                && !subordinator(d, k);
            if !(in_quote || conj || d.is_dash(k) || d.is_quote(k) || d.is_p(k, ',')) {
                break;
            }
            k += 1;
        }
        if k >= limit || d.cue(k).is_some() {
            return None;
        }
        let w = d.word(k);
        let participial = d.cap(k)
            && d.cls(k) == 0
            && w.len() >= 5
            && (w.ends_with("ing") || w.ends_with("ed"))
            && k + 1 < d.len()
            && (!d.cap(k + 1) || d.cls(k + 1) & PREP != 0);
        if let Some(after) = dateline(d, k, limit).or_else(|| phrase_then_subject(d, k, limit)) {
            k = after;
            continue;
        }
        let intro = participial || d.cls(k) & (PREP | CONJ | TIME | SKIP) != 0;
        if !intro {
            break;
        }
        match (k..limit.min(k + 30)).find(|&x| d.is_p(x, ',')) {
            Some(c) => k = c + 1,
            None => return None,
        }
    }
    if k >= limit || !d.is_word(k) {
        return None;
    }
    let c = d.cls(k);
    if c & PRON != 0 && c & DET == 0 {
        return Some(Np { a: k, b: k + 1, form: SpeakerForm::Pronoun, antecedent: None });
    }
    let caps = d.cap(k) && c & DET == 0;
    let mut e = k;
    while e < limit && e < k + 8 {
        if d.kind(e) != Kind::Word {
            break;
        }
        let ce = d.cls(e);
        let w = d.word(e);
        if e > k {
            if d.cue(e).is_some() || ce & (SKIP | REL | PRON) != 0 && ce & DET == 0 {
                break;
            }
            if ce & (PREP | CONJ) != 0 {
                let joins = matches!(w, "of" | "and") && d.cap(e + 1) && d.is_word(e + 1);
                if !joins {
                    break;
                }
            } else if !d.cap(e) && (caps || w.ends_with("ed") && e > k + 1) {
                break; // a lowercase word after a name, or a past form after the noun
            }
        }
        e += 1;
    }
    if e == k {
        return None;
    }
    Some(Np { a: k, b: e, form: form_of(d, k, e), antecedent: None })
}

/// `WASHINGTON (AP) —`: a dateline in capitals before a dash opens the paragraph; returns the
/// token after the dash.
pub(super) fn dateline(d: &View, k: usize, limit: usize) -> Option<usize> {
    let shouting = |x: usize| {
        d.is_word(x) && d.word(x).chars().all(|c| !c.is_lowercase()) && d.word(x).len() > 1
    };
    let opens_paragraph = d.paras.get(d.para(k) as usize).is_some_and(|p| p.0 == k);
    if !opens_paragraph || !shouting(k) {
        return None;
    }
    (k + 1..limit.min(k + 12))
        .take_while(|&x| !d.is_stop_punct(x) && !d.is_quote(x))
        .find(|&x| d.is_dash(x))
        .map(|x| x + 1)
}

/// `Minutes later, she sent …` / `Each election cycle, there is …`: a phrase with no verb
/// before a comma and a subject pronoun introduces the clause; returns the pronoun.
fn phrase_then_subject(d: &View, k: usize, limit: usize) -> Option<usize> {
    let end = limit.min(k + 10);
    let mut x = k;
    while x < end && d.is_word(x) && d.cue(x).is_none() && d.cls(x) & (REL | PRON | VERB) == 0 {
        x += 1;
    }
    let subject = |y: usize| d.cls(y) & PRON != 0 && d.cls(y) & DET == 0;
    (x > k && x + 1 < limit && d.is_p(x, ',') && subject(x + 1)).then_some(x + 1)
}

/// What kind of words `[a, b)` are.
pub fn form_of(d: &View, a: usize, b: usize) -> SpeakerForm {
    if b == a + 1 && d.cls(a) & (PRON | REL) != 0 && d.cls(a) & DET == 0 {
        return SpeakerForm::Pronoun;
    }
    let head = b - 1;
    let hw = d.word(head);
    let hc = d.cls(head);
    let initial = d.sent_of(head).0 == head || head > 0 && !d.is_word(head - 1);
    let singular = hw.strip_suffix('s').unwrap_or(hw);
    let role_plural =
        hw.ends_with('s') && (hc & ROLE != 0 || classes::of_word(singular) & ROLE != 0);
    let head_cap = d.cap(head) && !(initial && b == a + 1 && role_plural);
    if head_cap && hc & (ROLE | NONPERSON) == 0 {
        let plural_people = ["ans", "ists", "crats", "cans"].iter().any(|s| hw.ends_with(s));
        let only_word = (a..b).filter(|&i| d.is_word(i) && d.cls(i) & DET == 0).count() == 1;
        return if plural_people && only_word { SpeakerForm::Group } else { SpeakerForm::Name };
    }
    if hc & NONPERSON != 0 {
        return SpeakerForm::Other;
    }
    let plural = hw.len() > 3 && hw.ends_with('s') && !hw.ends_with("ss") && !head_cap;
    if plural && !hw.ends_with("person") {
        return SpeakerForm::Group;
    }
    if hc & ROLE != 0
        || hw.ends_with("man")
        || hw.ends_with("woman")
        || hw.ends_with("person")
        || hw.ends_with("er")
        || hw.ends_with("ist")
    {
        return SpeakerForm::Role;
    }
    if (a..b).any(|i| d.cap(i) && d.cls(i) & DET == 0) {
        return SpeakerForm::Name;
    }
    SpeakerForm::Other
}
