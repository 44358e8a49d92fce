//! Quote attribution ("who said what"): finds direct, mixed and indirect quotes with their
//! reporting cue and the words that name the speaker (a *mention*: name, pronoun, role or
//! group as written). Resolving mentions to entities is left to the entity stage.
//!
//! The stage reads the document's tokens, word classes, paired quote marks and sentences
//! ([`view::View`] adds the reporting cues), with no tagger, in one linear pass per step.

mod broad;
mod carry;
pub mod confidence;
mod direct;
mod found;
mod lexicon;
mod model;
mod nonspeech;
mod notsaid;
mod reported;
mod resolve;
mod speaker;
mod trail;
mod transcript;
mod view;

use crate::doc::Doc;
use view::View;

pub use resolve::{Attribution, run};

/// How the content is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Entirely inside quote marks.
    Direct,
    /// Reported content holding quoted words beside the reporter's own.
    Mixed,
    /// Reported content with no quote marks.
    Indirect,
}

/// What kind of words the speaker mention is (a hint for resolution).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpeakerForm {
    /// A name (`Lavrov`, `Sergey Lavrov`, `Mr. Trump`, `The New York Times`).
    Name,
    /// A personal or relative pronoun (`he`, `she`, `who`).
    Pronoun,
    /// A title or role (`the Russian foreign minister`, `a spokesperson for the ministry`).
    Role,
    /// Several people (`officials`, `Democrats`, `critics`).
    Group,
    /// Anything else (`the statement`, `the poll`).
    Other,
}

/// One attribution, with byte offsets into the text given to [`extract`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawQuote {
    pub kind: QuoteKind,
    /// Content span. Direct: inside the outer marks, marks excluded. Mixed/indirect: the
    /// reported clause without `that`, inner marks included.
    pub start: usize,
    pub end: usize,
    /// The reporting words (`said`, `according to`, `told`, `made it clear`).
    pub cue: Option<(usize, usize)>,
    /// The words naming the speaker for this quote, as written.
    pub speaker: Option<(usize, usize)>,
    pub speaker_form: Option<SpeakerForm>,
    /// For a relative-pronoun speaker (`Smith, who said …`): the noun phrase it stands for.
    pub speaker_antecedent: Option<(usize, usize)>,
    /// The speaker words may name no one (`Well`, `Ky.`, `citing`): kept only when they
    /// resolve to an entity.
    pub speaker_doubtful: bool,
    /// Index (into `QuoteResult::quotes`) of the quote whose speaker this one continues, when
    /// `speaker` is None (a quotation with no attribution of its own next to an attributed one).
    pub carried_from: Option<usize>,
}

/// The quotes of an article, in text order, and warnings about its quote marks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteResult {
    pub quotes: Vec<RawQuote>,
    pub warnings: Vec<String>,
}

/// Finds the quotes of the document (the quote-mark warnings are the document's).
pub fn extract(doc: &Doc) -> QuoteResult {
    let v = View::new(doc);
    let mut found = direct::attribute(&v);
    reported::attribute(&v, &mut found);
    broad::attribute(&v, &mut found);
    carry::headline(&v, &mut found);
    carry::carry(&v, &mut found);
    let in_turn = transcript::attribute(&v, &mut found);
    notsaid::prune(&v, &mut found, &in_turn);
    QuoteResult { quotes: found.finish(&v), warnings: doc.warnings.clone() }
}

/// Training support for the learned part (feature `train`): the candidates the model scores.
#[cfg(feature = "train")]
pub mod training {
    use super::{Doc, View, broad, direct, reported};

    /// One candidate: content and speaker byte spans, hashed features.
    #[derive(Debug)]
    pub struct TrainCand {
        pub start: usize,
        pub end: usize,
        pub speaker: (usize, usize),
        pub feats: Vec<u64>,
    }

    /// The candidates of `text` (paragraphs split on blank lines), in the state the model
    /// sees them at run time (after the rules).
    pub fn candidates(text: &str) -> Vec<TrainCand> {
        let d = Doc::from_text(text);
        let doc = View::new(&d);
        let mut found = direct::attribute(&doc);
        reported::attribute(&doc, &mut found);
        broad::candidates(&doc, &found, false)
            .into_iter()
            .map(|c| {
                let (start, end) = doc.bytes(c.a, c.b);
                TrainCand {
                    start,
                    end,
                    speaker: doc.bytes(c.speaker.a, c.speaker.b),
                    feats: c.feats.as_slice().to_vec(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
