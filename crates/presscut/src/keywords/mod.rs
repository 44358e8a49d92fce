//! Keyphrases of a news article: the words and phrases a reader would tag it with
//! (`Lavrov`, `New START`, `frozen Russian assets`).
//!
//! Unsupervised and language-model free: candidate phrases are runs of content words that cross
//! no punctuation and cut no name in half; a phrase ends on a word that can be a noun, and a
//! word that cannot (`diplomatic`, `remain`) or that is used as a verb here (`would cut`) never
//! stands alone. Every mention of one named entity (the pipeline's entity hints) counts for one
//! keyword, reported in the form the article uses most. Candidates are ranked by how often they
//! occur, how early and how spread out, whether they are in the headline or a heading, and how
//! rare their words are in general English (an inverse-frequency table with word classes in
//! `data/keywords_idf.tsv`). Plural and singular, case variants and fragments of a chosen
//! phrase are merged.

mod candidates;
mod families;
mod idf;
mod lexicon;
mod rank;
mod tokens;
mod view;
mod vocab;

pub use rank::Weights;

use crate::doc::Doc;

/// One keyphrase: its text as written in the article (majority spelling) and its score.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    pub text: String,
    /// In (0, 1]; the best keyphrase scores 1.
    pub score: f64,
}

/// Hints the pipeline can give; all may be empty and the module still works without them.
/// Spans are byte offsets into the text, end exclusive.
#[derive(Clone, Copy, Debug, Default)]
pub struct Hints<'a> {
    /// Span of the headline in the text.
    pub title: Option<(usize, usize)>,
    /// Named-entity mention spans (people, places, organisations...).
    pub entities: &'a [(usize, usize)],
    /// For each span of `entities`, the named thing it refers to: spans with the same id are
    /// one entity (`Lavrov`, `Sergey Lavrov`). Empty = each span is its own entity.
    pub entity_ids: &'a [u32],
}

/// At most this many keyphrases are returned, whatever `k` asks for (keeps the de-duplication,
/// which compares each candidate with those already chosen, linear in the text).
pub const MAX_K: usize = 1000;

/// The top `k` keyphrases of the document (at most [`MAX_K`]), best first, score in (0, 1],
/// descending.
#[inline(never)] // one frame per stage in profiles
pub fn extract(doc: &Doc, hints: &Hints, k: usize) -> Vec<Keyword> {
    extract_with(doc, hints, k, &Weights::default())
}

/// [`extract`] with explicit ranking weights (for evaluation and tuning).
pub fn extract_with(doc: &Doc, hints: &Hints, k: usize, weights: &Weights) -> Vec<Keyword> {
    crate::cost::enter(crate::cost::Stage::Keywords);
    let k = k.min(MAX_K);
    if k == 0 || doc.tokens.is_empty() {
        return Vec::new();
    }
    let words = tokens::words(doc, hints);
    let cands = candidates::collect(&words);
    rank::top(doc.text, &words, &cands, k, weights)
}

/// Shows a keyword written only in capitals (a dateline's `BERLIN`) in the spelling of the
/// named thing it is, when `names` (canonical entity names) has the same words in mixed case.
pub fn respell(keywords: &mut [Keyword], names: &[&str]) {
    for k in keywords.iter_mut().filter(|k| !k.text.chars().any(char::is_lowercase)) {
        if let Some(name) = names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(&k.text) && n.chars().any(char::is_lowercase))
        {
            (*name).clone_into(&mut k.text);
        }
    }
}

#[cfg(test)]
mod articles;
#[cfg(test)]
mod tests;
