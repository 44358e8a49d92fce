//! The attributions the passes build: candidates with their spans, speaker and cue, which cues
//! they used, and the final list without near-duplicates.

use super::notsaid::names_nobody;
use super::speaker::Np;
use super::view::View;
use super::{QuoteKind, RawQuote};

/// Spans kept so far, for near-duplicate checks (IoU >= 0.5) in logarithmic time.
#[derive(Default)]
pub struct SpanIndex {
    map: std::collections::BTreeMap<(usize, usize), usize>,
}

impl SpanIndex {
    pub fn insert(&mut self, s: usize, e: usize, id: usize) {
        self.map.insert((s, id), e);
    }

    /// Whether a kept span overlaps `[s, e)` with IoU >= 0.5 (such a span starts within
    /// `e - s` bytes before `s`).
    pub fn clashes(&self, s: usize, e: usize) -> bool {
        self.clash(s, e).is_some()
    }

    /// The id of a kept span that overlaps `[s, e)` with IoU >= 0.5, if any.
    pub fn clash(&self, s: usize, e: usize) -> Option<usize> {
        let from = s.saturating_sub(e - s);
        self.map
            .range((from, 0)..(e, 0))
            .find(|&(&(ks, _), &ke)| {
                let inter = e.min(ke).saturating_sub(s.max(ks));
                let union = e.max(ke) - s.min(ks);
                inter * 2 >= union
            })
            .map(|(&(_, id), _)| id)
    }
}

/// One attribution under construction (token-based speaker, byte-based spans).
#[derive(Clone, Debug)]
pub struct Cand {
    pub kind: QuoteKind,
    pub start: usize,
    pub end: usize,
    pub cue: Option<(usize, usize)>,
    pub speaker: Option<Np>,
    /// Index into `Found::cands` of the attribution whose speaker this one continues.
    pub carried_from: Option<usize>,
    /// The top-level quotation this direct quote is, if any.
    pub span: Option<usize>,
    /// A direct quote with no attribution yet, waiting for `direct::carry`.
    pub open: bool,
    /// A turn of a transcript (`NAME: …`): its speaker is the label.
    pub turn: bool,
    /// Found to be no attribution after all (`notsaid`): left out of the result.
    pub rejected: bool,
}

/// Attributions found so far, and which cues they used.
#[derive(Default)]
pub struct Found {
    pub cands: Vec<Cand>,
    pub used_cue: Vec<bool>,
    /// The candidate made from each top-level quotation, if any.
    pub span_cand: Vec<Option<usize>>,
}

impl Found {
    pub fn new(doc: &View) -> Found {
        Found {
            cands: Vec::new(),
            used_cue: vec![false; doc.cues.len()],
            span_cand: vec![None; doc.spans.len()],
        }
    }

    pub fn use_cue(&mut self, doc: &View, tok: usize) {
        let c = doc.cue_index(tok);
        if c > 0
            && let Some(u) = self.used_cue.get_mut(c as usize - 1)
        {
            *u = true;
        }
    }

    pub fn cue_used(&self, doc: &View, tok: usize) -> bool {
        let c = doc.cue_index(tok);
        c > 0 && self.used_cue.get(c as usize - 1).copied().unwrap_or(false)
    }

    /// Removes overlapping duplicates (direct before mixed before indirect), orders by position
    /// and converts to the public form.
    pub fn finish(self, doc: &View) -> Vec<RawQuote> {
        let n = self.cands.len();
        let rank = |k: QuoteKind| match k {
            QuoteKind::Direct => 0,
            QuoteKind::Mixed => 1,
            QuoteKind::Indirect => 2,
        };
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| (rank(self.cands[i].kind), i));
        let mut kept: Vec<usize> = Vec::with_capacity(n);
        let mut index = SpanIndex::default();
        // a duplicate hands its place to the attribution it duplicates (for `carried_from`)
        let mut stands_for: Vec<usize> = (0..n).collect();
        for &i in &order {
            let c = &self.cands[i];
            if c.end <= c.start || c.open || c.rejected {
                continue;
            }
            match index.clash(c.start, c.end) {
                None => {
                    kept.push(i);
                    index.insert(c.start, c.end, i);
                }
                Some(k) => stands_for[i] = k,
            }
        }
        kept.sort_by_key(|&i| (self.cands[i].start, i));
        let mut new_index = vec![usize::MAX; n];
        for (ni, &i) in kept.iter().enumerate() {
            new_index[i] = ni;
        }
        kept.iter()
            .map(|&i| {
                let c = &self.cands[i];
                let carried = c
                    .carried_from
                    .and_then(|f| stands_for.get(f).copied())
                    .and_then(|f| new_index.get(f).copied())
                    .filter(|&f| f != usize::MAX && f != new_index[i]);
                let sp = c.speaker.as_ref();
                RawQuote {
                    kind: c.kind,
                    start: c.start,
                    end: c.end,
                    cue: c.cue,
                    speaker: sp.map(|s| doc.bytes(s.a, s.b)),
                    speaker_form: sp.map(|s| s.form),
                    speaker_antecedent: sp.and_then(|s| s.antecedent).map(|(a, b)| doc.bytes(a, b)),
                    speaker_doubtful: sp
                        .is_some_and(|s| !c.turn && names_nobody(doc, s.a, s.b, s.form)),
                    carried_from: if sp.is_some() { None } else { carried },
                }
            })
            .collect()
    }
}
