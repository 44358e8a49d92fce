//! Attributions beyond the cue rules: every verb-like word with a subject before it and a
//! clause or object after it is a candidate (`X endorsed Y`, `X accused Y of …`, `X declined
//! to comment`); the learned model (`model`) keeps the ones worth reporting.

use super::QuoteKind;
use super::direct::main_subject;
use super::found::{Cand, Found, SpanIndex};
use super::model::{Feats, MODEL, name_hash, value_hash};
use super::reported::{clause_end, skip_object};
use super::speaker::{Np, left_np, skippable};
use super::view::Kind;
use super::view::{NONVERB, View};
use crate::lexicon::classes::class::{CONJ, DET, OBJPRON, PREP, PRON, SKIP, VERB};
use std::sync::LazyLock;

/// A candidate attribution: verb tokens, content tokens `[a, b)`, speaker and features.
pub struct BroadCand {
    pub verb: (usize, usize),
    pub a: usize,
    pub b: usize,
    pub speaker: Np,
    pub feats: Feats,
}

/// Adds the candidates the model accepts.
pub fn attribute(d: &View, f: &mut Found) {
    if MODEL.is_empty() {
        return;
    }
    for c in candidates(d, f, true) {
        if MODEL.score(&c.feats) >= MODEL.threshold {
            f.use_cue(d, c.verb.0);
            push(d, f, &c);
        }
    }
}

pub fn push(d: &View, f: &mut Found, c: &BroadCand) {
    let (s, e) = d.bytes(c.a, c.b);
    let has_q = (c.a..c.b).any(|k| d.q(k) != 0);
    f.cands.push(Cand {
        kind: if has_q { QuoteKind::Mixed } else { QuoteKind::Indirect },
        start: s,
        end: e,
        cue: Some(d.bytes(c.verb.0, c.verb.1)),
        speaker: Some(c.speaker),
        carried_from: None,
        span: None,
        open: false,
        turn: false,
        rejected: false,
    });
}

/// A cue, a listed irregular verb, or a word ending like a past or third-person form.
fn verb_form(d: &View, v: usize) -> bool {
    let w = d.word(v);
    if d.cue(v).is_some() || d.cls(v) & VERB != 0 {
        return true;
    }
    let ends = |s: &str| w.len() > s.len() + 2 && w.ends_with(s);
    ends("ed") || (ends("s") && !ends("ss") && !ends("us"))
}

/// The word right before `v` (past adverbs and auxiliaries) is a pronoun or a plural noun, so a
/// base-form verb may follow (`they want`, `voters see`).
fn after_pronoun_or_plural(d: &View, v: usize, sa: usize) -> bool {
    let mut k = v;
    while k > sa && k + 4 > v {
        k -= 1;
        if skippable(d, k) {
            continue;
        }
        let w = d.word(k);
        return d.cls(k) & PRON != 0
            || (d.is_word(k) && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"));
    }
    false
}

fn verb_like(d: &View, v: usize, sp: &Np) -> bool {
    verb_form(d, v) || matches!(sp.form, super::SpeakerForm::Pronoun | super::SpeakerForm::Group)
}

/// Every verb-like candidate whose content does not duplicate an attribution already found.
/// With `prune`, candidates that cannot reach the model's threshold are skipped early.
pub fn candidates(d: &View, f: &Found, prune: bool) -> Vec<BroadCand> {
    let mut out = Vec::new();
    let model = &*MODEL;
    let late_max = &*LATE_MAX;
    // what the speaker features (positions VERB_FEATS..) can add at most
    let speaker_max: f32 =
        (VERB_FEATS..VERB_FEATS + SPEAKER_FEATS).map(|i| model.slot_max(i)).sum();
    let mut index = SpanIndex::default();
    for (i, c) in f.cands.iter().enumerate() {
        if c.end > c.start {
            index.insert(c.start, c.end, i);
        }
    }
    let excluded = NONVERB;
    // sentences that already hold an attribution found by the rules
    let mut attributed = vec![false; d.sents.len()];
    for c in &f.cands {
        let k = d.doc.token_at(c.start);
        if k < d.len()
            && let Some(x) = attributed.get_mut(d.sent(k) as usize)
        {
            *x = true;
        }
    }
    for &(sa, sb) in d.sents {
        let has_quote = (sa..sb).any(|k| d.q(k) != 0);
        for v in sa..sb {
            if d.kind(v) != Kind::Word
                || d.q(v) != 0
                || d.cap(v)
                || d.word(v).len() < 3
                || d.cls(v) & excluded != 0
            {
                continue;
            }
            if d.ch(v).is_ascii_digit() || f.cue_used(d, v) {
                continue;
            }
            let cue = d.cue(v);
            if cue.is_some_and(|c| c.flags.prep) {
                continue;
            }
            let w = d.word(v);
            let participle = w.ends_with("ing") && v > sa && d.is_p(v - 1, ',');
            if !participle && !verb_form(d, v) && !after_pronoun_or_plural(d, v, sa) {
                continue; // cheap test first: most words are no verb after a subject
            }
            if prune && cue.is_none() && !model.verb_weight_above(w, VERB_GATE) {
                continue; // a word the model does not take for a reporting verb
            }
            let mut vend = cue.map_or(v + 1, |c| c.last);
            let mut p = vend;
            if cue.is_some_and(|c| c.flags.object) {
                p = skip_object(d, p, sb);
            }
            let particle = d.is_word(p) && d.cls(p) & PREP != 0 && !d.is_w(p, "to") && p == vend;
            if particle || d.is_w(p, "that") {
                p += 1;
                if particle {
                    vend = p;
                }
            }
            if p >= sb {
                continue;
            }
            let li = lex_of(d, v);
            let mut feats = verb_features(d, v, vend, p, participle, LEXES[li], sb);
            if prune && model.score(&feats) + speaker_max + late_max[li] < model.threshold {
                continue; // hopeless whoever the speaker is
            }
            let speaker = if participle { main_subject(d, v) } else { left_np(d, v, sa) };
            let Some(speaker) = speaker else { continue };
            if speaker.b - speaker.a > 8 || !(participle || verb_like(d, v, &speaker)) {
                continue;
            }
            speaker_features(
                &mut feats,
                d,
                v,
                &speaker,
                LEXES[li],
                sb,
                attributed[d.sent(v) as usize],
            );
            if prune && model.score(&feats) + late_max[li] < model.threshold {
                continue;
            }
            let b = clause_end(d, p, sb);
            let words = (p..b).filter(|&k| d.is_word(k)).count();
            let (s, e) = d.bytes(p, b);
            if words == 0 || words > 60 || e <= s || index.clashes(s, e) {
                continue;
            }
            late_features(&mut feats, d, p, b, LEXES[li], has_quote, sb);
            out.push(BroadCand { verb: (v, vend), a: p, b, speaker, feats });
        }
    }
    out
}

fn bucket(n: usize) -> &'static str {
    match n {
        0..=1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        11..=20 => "11-20",
        _ => "21+",
    }
}

/// A coarse class of token `i` and its feature-value hash.
fn tok_class(d: &View, i: usize, sb: usize) -> (&'static str, u64) {
    macro_rules! c {
        ($s:literal) => {
            ($s, const { value_hash($s) })
        };
    }
    if i >= sb {
        return c!("end");
    }
    match d.kind(i) {
        Kind::Quote => c!("quote"),
        Kind::Punct => c!("punct"),
        Kind::Word => {
            let cl = d.cls(i);
            if d.is_w(i, "that") {
                c!("that")
            } else if d.is_w(i, "to") {
                c!("to")
            } else if cl & PREP != 0 {
                c!("prep")
            } else if cl & (PRON | OBJPRON) != 0 {
                c!("pron")
            } else if cl & DET != 0 {
                c!("det")
            } else if d.cap(i) {
                c!("cap")
            } else if d.ch(i).is_ascii_digit() {
                c!("num")
            } else {
                c!("lower")
            }
        }
    }
}

fn form_name(sp: &Np) -> (&'static str, u64) {
    match sp.form {
        super::SpeakerForm::Name => ("name", const { value_hash("name") }),
        super::SpeakerForm::Pronoun => ("pron", const { value_hash("pron") }),
        super::SpeakerForm::Role => ("role", const { value_hash("role") }),
        super::SpeakerForm::Group => ("group", const { value_hash("group") }),
        super::SpeakerForm::Other => ("other", const { value_hash("other") }),
    }
}

const LEXES: [&str; 5] = ["none", "bare", "that", "mixed", "direct"];
const BUCKETS: [&str; 6] = ["1", "2", "3-5", "6-10", "11-20", "21+"];

fn lex_of(d: &View, v: usize) -> usize {
    d.cue(v).map_or(0, |c| {
        if c.flags.bare {
            1
        } else if c.flags.that {
            2
        } else if c.flags.mixed {
            3
        } else {
            4
        }
    })
}

/// For each cue kind, the most the content-dependent features can add to a score: lets
/// `candidates` skip finding the content of hopeless candidates.
static LATE_MAX: LazyLock<[f32; 5]> = LazyLock::new(|| {
    let one = |name: &str, a: &str, b: &str| {
        let mut f = Feats::default();
        f.add2(name, a, b);
        MODEL.score(&f)
    };
    let max = |it: &mut dyn Iterator<Item = f32>| it.fold(f32::MIN, f32::max).max(0.0);
    let lex_q = |lex: &str| max(&mut ["in", "no"].iter().map(|q| one("lex_q", lex, q)));
    let common = max(&mut BUCKETS.iter().map(|b| one("len", b, "")))
        + max(&mut ["in", "near", "no"].iter().map(|q| one("q", q, "")))
        + max(&mut ["sent", "cut"].iter().map(|e| one("end", e, "")));
    let mut out = [0.0; 5];
    for (i, lex) in LEXES.iter().enumerate() {
        out[i] = common + max(&mut BUCKETS.iter().map(|b| one("lex_len", lex, b))) + lex_q(lex);
    }
    out
});

/// Words outside the cue list are candidates only when the model gives them, as the verb,
/// at least this weight (a cheap gate before the full scoring).
const VERB_GATE: f32 = 0.0;

/// Number of features `verb_features` adds (always in the same order: positions matter for
/// the model's per-position maxima).
const VERB_FEATS: usize = 12;
/// Number of features `speaker_features` adds.
const SPEAKER_FEATS: usize = 12;

/// Features of the verb and what follows it (known before the speaker is looked for).
fn verb_features(
    d: &View,
    v: usize,
    vend: usize,
    a: usize,
    participle: bool,
    lex: &str,
    sb: usize,
) -> Feats {
    let mut f = Feats::default();
    let w = d.word(v);
    let (_, hnx) = tok_class(d, vend, sb);
    let (_, hfirst) = tok_class(d, a, sb);
    let suffix = w.char_indices().rev().nth(1).map_or(w, |(i, _)| &w[i..]);
    let hpart = if vend > v + 1 { value_hash(d.word(vend - 1)) } else { const { value_hash("-") } };
    let hw = value_hash(w);
    let hlex = value_hash(lex);
    let empty = const { value_hash("") };
    let _ = participle;
    f.add_v(const { name_hash("bias") }, empty, empty);
    f.add_v(const { name_hash("v") }, hw, empty);
    f.add_v(const { name_hash("suf") }, value_hash(suffix), empty);
    f.add_v(const { name_hash("lex") }, hlex, empty);
    f.add_v(const { name_hash("nx") }, hnx, empty);
    f.add_v(const { name_hash("v_nx") }, hw, hnx);
    f.add_v(const { name_hash("first") }, hfirst, empty);
    f.add_v(const { name_hash("v_first") }, hw, hfirst);
    f.add_v(const { name_hash("part") }, hpart, empty);
    f.add_v(const { name_hash("v_part") }, hw, hpart);
    // the first content word itself when it is a function word ("to", "that", "about")
    let hfw = if d.cls(a) != 0 { value_hash(d.word(a)) } else { hfirst };
    f.add_v(const { name_hash("fw") }, hfw, empty);
    f.add_v(const { name_hash("v_fw") }, hw, hfw);
    f
}

/// Features of the speaker (and what stands between it and the verb).
fn speaker_features(
    f: &mut Feats,
    d: &View,
    v: usize,
    sp: &Np,
    lex: &str,
    sb: usize,
    sent_attr: bool,
) {
    let w = d.word(v);
    let participle = w.ends_with("ing") && v > 0 && d.is_p(v - 1, ',');
    let (_, hsf) = form_name(sp);
    let hhead = if sp.form == super::SpeakerForm::Name {
        const { value_hash("<name>") }
    } else {
        value_hash(d.word(sp.b - 1))
    };
    let haux = (sp.b..v)
        .find(|&k| d.cls(k) & SKIP != 0)
        .map_or(const { value_hash("-") }, |k| value_hash(d.word(k)));
    let hw = value_hash(w);
    let hlex = value_hash(lex);
    let empty = const { value_hash("") };
    let yes_no = |b: bool| {
        if b { const { value_hash("y") } } else { const { value_hash("n") } }
    };
    f.add_v(const { name_hash("sf") }, hsf, empty);
    f.add_v(const { name_hash("v_sf") }, hw, hsf);
    f.add_v(const { name_hash("head") }, hhead, empty);
    f.add_v(const { name_hash("lex_sf") }, hlex, hsf);
    f.add_v(const { name_hash("ing") }, yes_no(participle), empty);
    f.add_v(const { name_hash("aux") }, haux, empty);
    f.add_v(const { name_hash("v_aux") }, hw, haux);
    f.add_v(const { name_hash("spk_len") }, value_hash(bucket(sp.b - sp.a)), empty);
    let hbefore =
        if sp.a == 0 { const { value_hash("start") } } else { tok_class(d, sp.a - 1, sb).1 };
    f.add_v(const { name_hash("before") }, hbefore, empty);
    let neg =
        (sp.b..v).any(|k| d.word(k).ends_with("n't") || d.is_w(k, "not") || d.is_w(k, "never"));
    f.add_v(const { name_hash("neg") }, yes_no(neg), empty);
    let sa = d.sent_of(v).0;
    let init = sp.a == sa || (sa..sp.a).all(|k| !d.is_word(k) || d.cls(k) & CONJ != 0);
    f.add_v(const { name_hash("spk_init") }, yes_no(init), empty);
    f.add_v(const { name_hash("sent_attr") }, yes_no(sent_attr), empty);
}

/// Features of the delimited content `[a, b)`.
fn late_features(
    f: &mut Feats,
    d: &View,
    a: usize,
    b: usize,
    lex: &str,
    has_quote: bool,
    sb: usize,
) {
    let words = (a..b).filter(|&k| d.is_word(k)).count();
    f.add("len", bucket(words));
    f.add2("lex_len", lex, bucket(words));
    f.add(
        "q",
        if (a..b).any(|k| d.q(k) != 0) {
            "in"
        } else if has_quote {
            "near"
        } else {
            "no"
        },
    );
    f.add("end", if b >= sb || d.is_stop_punct(b) { "sent" } else { "cut" });
    f.add2("lex_q", lex, if (a..b).any(|k| d.q(k) != 0) { "in" } else { "no" });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::{direct, reported};

    fn cands(t: &str) -> Vec<(String, String, String)> {
        let doc = crate::doc::Doc::from_text(t);
        let d = View::new(&doc);
        let mut f = direct::attribute(&d);
        reported::attribute(&d, &mut f);
        candidates(&d, &f, false)
            .iter()
            .map(|c| {
                let span = |a: usize, b: usize| {
                    let (s, e) = d.bytes(a, b);
                    t[s..e].to_string()
                };
                (span(c.verb.0, c.verb.1), span(c.speaker.a, c.speaker.b), span(c.a, c.b))
            })
            .collect()
    }

    #[test]
    fn a_verb_outside_the_cue_list_is_a_candidate_with_subject_and_object() {
        let c = cands("The senator endorsed the mayor's plan on Tuesday.");
        assert!(
            c.contains(&(
                "endorsed".into(),
                "The senator".into(),
                "the mayor's plan on Tuesday".into()
            )),
            "{c:?}"
        );
    }

    #[test]
    fn verbs_already_used_by_the_rules_are_no_candidates() {
        let c = cands("The senator said the plan would pass.");
        assert!(c.iter().all(|x| x.0 != "said"), "{c:?}");
    }

    #[test]
    fn the_shipped_model_is_trained() {
        assert!(!MODEL.is_empty());
        assert!(MODEL.threshold.is_finite());
    }
}
