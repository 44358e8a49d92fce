//! `according to` followed by words that are no name: `according to new filings with the
//! regulator` (a document), `according to people familiar with the talks` (unnamed), `according
//! to a March report by Bloomberg` (the outlet named after `by`).

use super::phrase::{self, Phrase};
use crate::doc::{Doc, flags};
use crate::lexicon::FastMap;
use crate::lexicon::classes::class;
use crate::model::SourceKind;

/// Most words read after `according to` (the phrase ends earlier at punctuation).
const MAX_WORDS: usize = 12;

/// Nouns that make the phrase a document (`filings`, `a report`, `court records`).
const DOCUMENT_NOUNS: &[&str] = &[
    "filing",
    "filings",
    "document",
    "documents",
    "record",
    "records",
    "report",
    "reports",
    "data",
    "figures",
    "statistics",
    "study",
    "survey",
    "poll",
    "polls",
    "estimates",
    "statement",
    "papers",
    "minutes",
    "transcript",
    "memo",
    "letter",
    "analysis",
    "audit",
];

/// The source after `according to` ending before token `k`, when it is no name: the phrase,
/// its kind, and for `… by Name` the name's phrase (classified as any named source).
pub fn phrase(
    d: &Doc,
    k: usize,
    generic: &FastMap<String, SourceKind>,
    longest: usize,
) -> Option<(usize, usize, SourceKind, Option<Phrase>)> {
    let word = |i: usize| d.tokens.get(i).is_some_and(|t| !t.has(flags::PUNCT | flags::QUOTE));
    if !word(k) || d.classes(k) & (class::PRON | class::OBJPRON) != 0 {
        return None; // `according to him`: a speaker, not a source
    }
    let mut b = k;
    let mut document = false;
    while b < d.tokens.len() && b < k + MAX_WORDS && word(b) {
        if d.tokens[b].has(flags::LINE_START) && b > k {
            break;
        }
        let w = d.word(b).to_ascii_lowercase();
        if w == "by" && b > k {
            // `a March report by Bloomberg`: the name after `by` is the source
            let named = phrase::after(d, b + 1, generic, longest).filter(|p| p.generic.is_none());
            if named.is_some() {
                return Some((k, b, SourceKind::Document, named));
            }
        }
        document |= DOCUMENT_NOUNS.contains(&w.as_str());
        b += 1;
        if d.tokens.get(b).is_some_and(|t| t.has(flags::CLITIC)) {
            b += 1;
        }
    }
    (b > k).then_some((
        k,
        b,
        if document { SourceKind::Document } else { SourceKind::Unnamed },
        None,
    ))
}
