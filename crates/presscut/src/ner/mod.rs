//! Named-entity tagging for news text: a compact averaged-perceptron sequence tagger (BIO over
//! PER, LOC, ORG, MISC) trained on newswire, with gazetteer and document-level features.
//!
//! How it works: [`tag`] prepares the document's tokens for the model ([`doc::Doc`]: clauses,
//! per-token hashes, gazetteer matches, how each word is cased elsewhere), finds the tokens near
//! a capital letter or digit (elsewhere a lower-case stretch cannot hold an entity, so it is O
//! without scoring), scores them with hashed features against the i8 weight table in
//! `data/ner_model.bin` ([`model::Model`]) and decodes each stretch with Viterbi ([`decode`]).
//! Labels given to a word in earlier clauses are features for later ones; a cheap second pass
//! lets every mention see the labels of all other mentions of its word ([`tagger`]). The model
//! is trained by `examples/train_ner`.

pub mod decode;
pub mod doc;
pub mod fast;
pub mod features;
pub mod gazetteer;
pub mod labels;
pub mod model;
pub mod tagger;

use std::cell::RefCell;
use std::sync::LazyLock;

thread_local! {
    /// Buffers reused by every call on this thread (no allocation per call once warm).
    static SCRATCH: RefCell<(tagger::Scratch, Vec<u8>)> = RefCell::new(Default::default());
}

/// The four CoNLL entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NerType {
    Per = 0,
    Loc = 1,
    Org = 2,
    Misc = 3,
}

impl NerType {
    /// The CoNLL name: `PER`, `LOC`, `ORG`, `MISC`.
    #[cfg(feature = "train")]
    pub fn as_str(self) -> &'static str {
        match self {
            NerType::Per => "PER",
            NerType::Loc => "LOC",
            NerType::Org => "ORG",
            NerType::Misc => "MISC",
        }
    }
}

/// A named-entity mention: byte span into the text, its type, and a confidence in 0..=1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NerSpan {
    pub start: usize,
    pub end: usize,
    pub ty: NerType,
    pub score: f32,
}

static MODEL: LazyLock<Option<model::Model>> =
    LazyLock::new(|| model::Model::from_bytes(include_bytes!("../../data/ner_model.bin")).ok());

/// Tag the named entities of a document. Spans are returned in text order, never overlapping.
pub fn tag(d: &crate::doc::Doc) -> Vec<NerSpan> {
    let Some(m) = MODEL.as_ref() else {
        return Vec::new();
    };
    tag_with(m, d, &d.clauses(), TagOptions::default())
}

/// How [`tag_with`] runs the model.
#[derive(Clone, Copy, Debug)]
pub struct TagOptions {
    /// look-around radius from capitalised words (None: every token), see [`tagger::DEFAULT_RADIUS`]
    pub radius: Option<usize>,
    /// tag again with document-wide label evidence
    pub two_pass: bool,
}

impl Default for TagOptions {
    fn default() -> Self {
        TagOptions { radius: tagger::DEFAULT_RADIUS, two_pass: tagger::DEFAULT_TWO_PASS }
    }
}

/// [`tag`] with explicit weights and options on a document cut into `clauses` (token ranges),
/// for training and evaluation tools.
pub fn tag_with<W: model::Weights>(
    w: &W,
    d: &crate::doc::Doc,
    clauses: &[(usize, usize)],
    opts: TagOptions,
) -> Vec<NerSpan> {
    if d.tokens.is_empty() {
        return Vec::new();
    }
    let mut doc = doc::Doc::new(d, clauses, opts.radius);
    SCRATCH.with_borrow_mut(|(sc, labels)| {
        tagger::tag_doc(w, &mut doc, opts.two_pass, sc, labels);
        let mut out = Vec::new();
        sc.entities(labels, |a, b, ty, least| {
            out.push(NerSpan {
                start: doc.tokens[a].start(),
                end: doc.tokens[b - 1].end(),
                ty,
                score: tagger::confidence(least),
            });
        });
        out
    })
}

#[cfg(test)]
mod tests;
