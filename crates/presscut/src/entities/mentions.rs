//! Mentions from the tagger's spans, repaired: punctuation and possessive clitics trimmed,
//! titles moved out of person names (`President Putin` → `Putin`), and names in headings and
//! label lines kept only when the article confirms them elsewhere (`New START Extension` →
//! `New START`; `Persuade Zelensky` → `Zelensky`; `News ID` dropped).

use super::EntityKind;
use super::context::Context;
use super::lexicon::{Demonym, Key, LEX, Org, Place, Title, TitleKind};
use crate::hash::{FastMap, FastSet};

type IdSet = FastSet<Key>;
use crate::doc::flags;
use crate::ner::{NerSpan, NerType};

/// A mention being worked on: token range, byte span, tagger type and score, current kind.
#[derive(Clone, Debug)]
pub struct Ment {
    pub a: usize,
    pub b: usize,
    pub start: usize,
    pub end: usize,
    pub ty: NerType,
    pub score: f32,
    pub kind: EntityKind,
    /// lookup key of the words (case-insensitive)
    pub key: Key,
    /// what the lists say the words are
    pub place: Option<Place>,
    pub org: Option<Org>,
    pub demonym: Option<Demonym>,
}

impl Ment {
    fn new(cx: &Context, a: usize, b: usize, ty: NerType, score: f32) -> Ment {
        let key = cx.key(a, b);
        let (place, org, demonym) = LEX.lookup(key, cx.words(a, b));
        Ment {
            a,
            b,
            start: cx.toks[a].start(),
            end: cx.toks[b - 1].end(),
            ty,
            score,
            kind: kind_of(ty),
            key,
            place,
            org,
            demonym,
        }
    }
}

/// The kind a tagger type stands for before any other evidence.
pub fn kind_of(ty: NerType) -> EntityKind {
    match ty {
        NerType::Per => EntityKind::Person,
        NerType::Loc => EntityKind::Location,
        NerType::Org => EntityKind::Organization,
        NerType::Misc => EntityKind::Other,
    }
}

/// Length in tokens of the longest title of office (see [`super::lexicon::Title::office`])
/// starting at token `i`, not reaching `end`; modifiers (`former`) count too.
fn office_at(cx: &Context, i: usize, end: usize) -> Option<usize> {
    let lex = &*LEX;
    if i >= end || cx.toks[i].has(flags::ALL_CAPS) {
        return None;
    }
    let fits = |t: Title| t.office || t.kind == TitleKind::Modifier;
    if lex.may_start_title(cx.word(i)) {
        for n in (1..=lex.title_words.min(end - i)).rev() {
            if let Some(t) = cx.title(i, i + n)
                && fits(t)
            {
                return Some(n);
            }
        }
    }
    lex.hyphenated_title(cx.word(i)).filter(|&t| fits(t)).map(|_| 1)
}

/// The tagger's spans as mentions, with titles of office moved out of person names. The
/// tagger's boundaries are otherwise kept: it learned them from newswire (possessive `’s` is
/// outside a name unless it belongs to it, as in `Moody’s`).
pub fn collect(cx: &Context, spans: &[NerSpan]) -> Vec<Ment> {
    let mut out = Vec::with_capacity(spans.len());
    let mut cursor = 0; // spans come in text order: find their tokens by walking forward
    for s in spans {
        while cursor < cx.toks.len() && cx.toks[cursor].start() < s.start {
            cursor += 1;
        }
        let mut a = cursor;
        while cursor < cx.toks.len() && cx.toks[cursor].end() <= s.end {
            cursor += 1;
        }
        let b = cursor;
        if s.ty == NerType::Per && a < b {
            // `President Vladimir Putin`, `Former President Smith`: the name starts after the
            // titles (not a given name that is also a title before a lone surname: `Dean Smith`)
            while let Some(n) = office_at(cx, a, b - 1)
                && cx.toks[a + n].has(flags::CAP)
                && !(n == 1 && b - a == 2 && LEX.is_first_name(cx.word(a), false))
            {
                a += n;
            }
        }
        if a < b {
            out.push(Ment::new(cx, a, b, s.ty, s.score));
        }
    }
    out
}

/// Whether the lists vouch for the mention as a name on their own: an unambiguous place or
/// organisation, or a demonym.
pub fn listed(m: &Ment) -> bool {
    m.place.is_some_and(|p| !p.ambiguous)
        || m.org.is_some_and(|o| !o.ambiguous)
        || m.demonym.is_some()
}

/// A person name that starts with a listed given name (`Peter Blackburn` in a byline).
fn named_person(cx: &Context, m: &Ment) -> bool {
    m.ty == NerType::Per && m.b - m.a >= 2 && LEX.is_first_name(cx.word(m.a), true)
}

/// A name of several words whose last words say what it is (`Weather Services Corporation`,
/// `Helsinki Accords`, `Winter Olympics`).
fn headed(cx: &Context, m: &Ment) -> bool {
    let lex = &*LEX;
    (1..=lex.head_words.min(m.b - m.a - 1)).any(|n| {
        let w = cx.words(m.b - n, m.b);
        lex.is_org_head(w.clone()) || lex.is_law_head(w.clone()) || lex.is_event_head(w)
    })
}

/// Keep a mention in a heading only when running text names it too (the same words, or a
/// surname of a full name), the lists know it, its head word says what it is, or it is a
/// person with a listed given name; otherwise shrink it to the longest part running text
/// confirms, or drop it.
pub fn check_headings(cx: &Context, ments: &mut Vec<Ment>) {
    if !ments.iter().any(|m| cx.in_heading(m.a)) {
        return;
    }
    let mut body: FastMap<u64, NerType> = FastMap::default();
    for m in ments.iter().filter(|m| !cx.in_heading(m.a)) {
        body.entry(m.key).or_insert(m.ty);
        if m.ty == NerType::Per && m.b - m.a >= 2 {
            body.entry(cx.key(m.b - 1, m.b)).or_insert(NerType::Per);
        }
    }
    let mut keep = vec![true; ments.len()];
    for (k, m) in ments.iter_mut().enumerate() {
        if !cx.in_heading(m.a)
            || body.contains_key(&m.key)
            || listed(m)
            || headed(cx, m)
            || named_person(cx, m)
        {
            continue;
        }
        keep[k] = false;
        // the longest confirmed part (`New START` of `New START Extension`)
        'len: for n in (1..m.b - m.a).rev() {
            for i in m.a..=m.b - n {
                if let Some(&ty) = body.get(&cx.key(i, i + n)) {
                    *m = Ment::new(cx, i, i + n, ty, m.score);
                    keep[k] = true;
                    break 'len;
                }
            }
        }
    }
    let mut k = 0;
    ments.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// Drop a one-word mention that opens a sentence when the article uses that word only inside
/// longer names, neither first nor last: `Central bank holds rates` above a story about the
/// European Central Bank. A capital at the start of a sentence says nothing; a word that never stands
/// alone elsewhere, is not listed, and is not a given name or an organisation's head word
/// (`Senate`) is not a name there. The first word of
/// a longer name (`Viacom` beside `Viacom Inc`), its last word (a surname: `Trump` beside
/// `Donald Trump`), acronyms and words with inner capitals are never dropped.
pub fn drop_initial_fragments(cx: &Context, ments: &mut Vec<Ment>) {
    let opens_sentence = |i: usize| {
        cx.sent_of.get(i).and_then(|&s| cx.sents.get(s as usize)).is_some_and(|&(a, _)| a == i)
    };
    // a capitalised word (`Central`), not an acronym or a brand written with inner capitals
    let plain_capital = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.all(|c| !c.is_uppercase())
    };
    let suspect = |m: &Ment| {
        m.b - m.a == 1
            && opens_sentence(m.a)
            && plain_capital(cx.word(m.a))
            && !listed(m)
            && !LEX.is_first_name(cx.word(m.a), true)
            && !LEX.is_org_head(std::iter::once(cx.word(m.a)))
    };
    if !ments.iter().any(suspect) {
        return;
    }
    // words standing alone as a mention somewhere, and words used inside and at the end of
    // longer names
    let mut alone: FastMap<u64, usize> = FastMap::default();
    let mut inner = IdSet::default();
    let mut last = IdSet::default();
    for m in ments.iter() {
        if m.b - m.a == 1 {
            *alone.entry(m.key).or_default() += 1;
        } else {
            for i in m.a + 1..m.b - 1 {
                inner.insert(cx.key(i, i + 1));
            }
            last.insert(cx.key(m.b - 1, m.b));
            // (a first word is never inner: `Viacom` of `Viacom Inc`, `Chirag` of `Chirag Shah`)
        }
    }
    ments.retain(|m| {
        !(suspect(m)
            && alone.get(&m.key) == Some(&1)
            && inner.contains(&m.key)
            && !last.contains(&m.key))
    });
}
