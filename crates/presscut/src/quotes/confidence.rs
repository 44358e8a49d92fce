//! `confidence` of each quote: a logistic model over what the finished Article says about the
//! quote (its kind, its cue, how its speaker was named and resolved, how far the naming words
//! stand from the content), learned on PolNeAR train and calibrated on held-out train articles
//! by `scripts/train_confidence.py` (weights in `data/quote_confidence.tsv`).
//!
//! The features are computed from the public [`Article`] only, by the same function at run time
//! and for training (`examples/quote_features.rs`), so the two cannot disagree.

use crate::model::{Article, EntityKind, Quote, QuoteKind};
use std::sync::LazyLock;

const WEIGHTS_TSV: &str = include_str!("../../data/quote_confidence.tsv");

/// The feature names, in the order of [`features`]; the weights file names them.
pub const FEATURE_NAMES: [&str; 28] = [
    "bias",
    "kind_direct",
    "kind_mixed",
    "cue",
    "cue_said",
    "cue_before",
    "speaker_none",
    "mention_none",
    "entity",
    "entity_person",
    "entity_org",
    "entity_full_name",
    "mention_pronoun",
    "mention_first_person",
    "mention_lower",
    "mention_one_capitalised",
    "mention_capitals",
    "mention_in_content",
    "log_chars",
    "log_distance",
    "distance_far",
    "first_block",
    "marks_inside",
    "short",
    "said_near",
    "direct_said_near_entity",
    "pronoun_near",
    "piece",
];

/// How many features a quote has.
pub const N_FEATURES: usize = FEATURE_NAMES.len();

/// Cues that report speech itself (the commonest verbs of saying); others (`believes`,
/// `found`, `pushed`) more often frame a thought, a finding or an action.
const SAY_CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "telling",
    "added",
    "adds",
    "according to",
    "wrote",
    "writes",
    "asked",
    "asks",
    "explained",
    "noted",
    "stated",
    "argued",
    "replied",
    "responded",
    "continued",
    "recalled",
    "insisted",
    "warned",
];

/// Pronouns a speaker mention may be.
const PRONOUNS: &[&str] =
    &["he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "who", "which", "that"];

/// Beyond this many characters between the naming words and the content, the distance
/// feature stops growing (a speaker named a paragraph or more away).
const FAR_CHARS: usize = 300;
/// Naming words at most this many characters from the content frame it (`“…,” she said`).
const NEAR_CHARS: usize = 30;
/// Content shorter than this is often a fragment or a piece of a longer attribution.
const SHORT_CHARS: usize = 40;
/// Two pieces of one split quotation stand at most this many characters apart (the
/// attribution between them: `,” Smith, the county's planning director, said. “`).
const PIECE_GAP: usize = 120;

/// The feature row of quote `i` of `article` (see [`FEATURE_NAMES`]).
pub fn features(article: &Article, i: usize) -> [f32; N_FEATURES] {
    let Some(q) = article.quotes.get(i) else { return [0.0; N_FEATURES] };
    let mut x = [0.0f32; N_FEATURES];
    let mut set = |name: &str, v: f32| {
        if let Some(i) = FEATURE_NAMES.iter().position(|n| *n == name) {
            x[i] = v;
        }
    };
    let on = |b: bool| if b { 1.0 } else { 0.0 };
    set("bias", 1.0);
    set("kind_direct", on(q.kind == QuoteKind::Direct));
    set("kind_mixed", on(q.kind == QuoteKind::Mixed));
    if let Some(cue) = &q.cue {
        set("cue", 1.0);
        let lower = cue.text.to_lowercase();
        set("cue_said", on(SAY_CUES.contains(&lower.as_str())));
        set("cue_before", on(cue.start < q.start));
    }
    let chars = q.end.saturating_sub(q.start);
    set("log_chars", (1.0 + chars as f32).ln() / 8.0);
    set("short", on(chars < SHORT_CHARS));
    set("first_block", on(article.blocks.first().is_some_and(|b| q.start < b.end)));
    set("marks_inside", on(q.kind != QuoteKind::Direct && q.text.contains(['"', '“', '”'])));
    set("piece", on(piece(article, i)));
    let Some(sp) = &q.speaker else {
        set("speaker_none", 1.0);
        return x;
    };
    if let Some(e) = sp.entity.and_then(|e| article.entities.get(e)) {
        set("entity", 1.0);
        set("entity_person", on(e.kind == EntityKind::Person));
        set("entity_org", on(e.kind == EntityKind::Organization));
        set("entity_full_name", on(e.name.split_whitespace().nth(1).is_some()));
    }
    let Some(m) = &sp.mention else {
        set("mention_none", 1.0);
        return x;
    };
    let lower = m.text.to_lowercase();
    let pronoun = PRONOUNS.contains(&lower.as_str());
    set("mention_pronoun", on(pronoun));
    set("mention_first_person", on(lower == "i" || lower == "we"));
    let first_lower = m.text.starts_with(char::is_lowercase);
    set("mention_lower", on(first_lower && !pronoun));
    let one_word = !m.text.contains(char::is_whitespace);
    set("mention_one_capitalised", on(one_word && !first_lower && !pronoun && sp.entity.is_none()));
    let letters = m.text.chars().filter(|c| c.is_alphabetic());
    set(
        "mention_capitals",
        on(m.text.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
            && letters.clone().all(char::is_uppercase)),
    );
    set("mention_in_content", on(m.start >= q.start && m.end <= q.end));
    let outside = m.end <= q.start || m.start >= q.end;
    let distance = if m.end <= q.start { q.start - m.end } else { m.start.saturating_sub(q.end) };
    set("log_distance", (1.0 + distance.min(FAR_CHARS) as f32).ln() / 6.0);
    let near = outside && distance <= NEAR_CHARS;
    let said = q.cue.as_ref().is_some_and(|c| SAY_CUES.contains(&c.text.to_lowercase().as_str()));
    set("said_near", on(said && near));
    set(
        "direct_said_near_entity",
        on(said && near && q.kind == QuoteKind::Direct && sp.entity.is_some()),
    );
    set("pronoun_near", on(pronoun && near));
    set("distance_far", on(distance >= FAR_CHARS));
    x
}

/// Quote `i` is a piece of a quotation its speaker's attribution splits (`“A,” she said. “B.”`):
/// a neighbouring direct quote with the same speaker lies within [`PIECE_GAP`] characters.
fn piece(article: &Article, i: usize) -> bool {
    let qs = &article.quotes;
    let q = &qs[i];
    let name = q.speaker.as_ref().map(|s| s.name.as_str());
    let same = |o: &Quote| {
        o.kind == QuoteKind::Direct && o.speaker.as_ref().map(|s| s.name.as_str()) == name
    };
    q.kind == QuoteKind::Direct
        && name.is_some()
        && (i
            .checked_sub(1)
            .and_then(|j| qs.get(j))
            .is_some_and(|o| same(o) && q.start.saturating_sub(o.end) < PIECE_GAP)
            || qs.get(i + 1).is_some_and(|o| same(o) && o.start.saturating_sub(q.end) < PIECE_GAP))
}

/// The weights, by feature, from the weights file (0 for a feature it does not name).
static WEIGHTS: LazyLock<[f32; N_FEATURES]> = LazyLock::new(|| parse(WEIGHTS_TSV));

/// Parses `name<TAB>weight` lines (`#` comments).
fn parse(src: &str) -> [f32; N_FEATURES] {
    let mut w = [0.0; N_FEATURES];
    for line in src.lines().filter(|l| !l.starts_with('#')) {
        let Some((name, v)) = line.split_once('\t') else { continue };
        if let (Some(i), Ok(v)) =
            (FEATURE_NAMES.iter().position(|n| *n == name), v.trim().parse::<f32>())
        {
            w[i] = v;
        }
    }
    w
}

/// Sets the confidence of every quote of `article` (a probability, rounded to three places).
pub fn apply(article: &mut Article) {
    let scores: Vec<f64> = article
        .quotes
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let x = features(article, i);
            let z: f32 = x.iter().zip(WEIGHTS.iter()).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + f64::from(-z).exp());
            (p * 1000.0).round() / 1000.0
        })
        .collect();
    for (q, p) in article.quotes.iter_mut().zip(scores) {
        q.confidence = p;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_file_names_known_features() {
        let w = parse("# c\nbias\t-1.5\nkind_direct\t2\nnot_a_feature\t9\n");
        assert_eq!(w[0], -1.5);
        assert_eq!(w[1], 2.0);
        assert_eq!(w.iter().filter(|v| **v != 0.0).count(), 2);
    }

    #[test]
    fn shipped_weights_cover_every_feature_name_once() {
        let named: Vec<&str> = WEIGHTS_TSV
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t').map(|(n, _)| n))
            .collect();
        for n in FEATURE_NAMES {
            assert_eq!(named.iter().filter(|x| **x == n).count(), 1, "{n}");
        }
    }
}
