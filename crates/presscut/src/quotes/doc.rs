//! The analysed article shared by the attribution passes (tokens, quotations, sentences, cues)
//! and the list of attributions they build.

use super::lexicon::{CUES, CueFlags, class, word_class};
use super::marks::{self, QSpan, Warnings};
use super::speaker::Np;
use super::text::{self, Kind, Tok};
use super::{QuoteKind, RawQuote, sentences};

/// A reporting cue found in the text: its tokens `[tok, last)` and what it can do.
#[derive(Clone, Copy, Debug)]
pub struct CueHit {
    pub tok: usize,
    pub last: usize,
    pub flags: CueFlags,
}

/// Farthest (in tokens) any rule looks from where it stands: keeps every step linear on
/// pathological input (a megabyte without a sentence end).
pub const WINDOW: usize = 120;

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

pub struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    pub spans: Vec<QSpan>,
    pub sents: Vec<(usize, usize)>,
    /// Paragraphs as token ranges.
    pub paras: Vec<(usize, usize)>,
    pub cues: Vec<CueHit>,
    warnings: Warnings,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, paragraphs: &[(usize, usize)]) -> Doc<'a> {
        let mut toks = text::tokenize(text, paragraphs);
        for t in &mut toks {
            t.skip = super::speaker::skippable_tok(t, text);
        }
        let paras = para_ranges(&toks, paragraphs.len());
        let mut warnings = Warnings::default();
        let spans = marks::pair(text, &mut toks, &paras, &mut warnings);
        let sents = sentences::assign(text, &mut toks, &paras);
        let cues = find_cues(text, &mut toks);
        Doc { text, toks, spans, sents, paras, cues, warnings }
    }

    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings).finish()
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// Word-class bits of token `i` (0 for non-words).
    pub fn cls(&self, i: usize) -> u16 {
        self.toks.get(i).map_or(0, |t| t.cls)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Tok::is_word)
    }

    /// Token `i` is the word `w` (ASCII case-insensitive).
    pub fn is_w(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.word(i).eq_ignore_ascii_case(w)
    }

    pub fn is_p(&self, i: usize, c: char) -> bool {
        self.toks.get(i).and_then(|t| t.punct(self.text)) == Some(c)
    }

    pub fn is_dash(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| t.punct(self.text))
            .is_some_and(|c| matches!(c, '\u{2014}' | '\u{2013}' | '-'))
    }

    pub fn is_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Quote)
    }

    /// A quote mark in use (opening or closing a quotation), not an apostrophe (`Sanders’`).
    pub fn is_mark(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Quote && t.mark != text::Mark::None)
    }

    /// The cue starting at token `i`.
    pub fn cue(&self, i: usize) -> Option<CueHit> {
        let c = self.toks.get(i)?.cue;
        if c == 0 { None } else { self.cues.get(c as usize - 1).copied() }
    }

    /// Sentence token range of token `i`.
    pub fn sent_of(&self, i: usize) -> (usize, usize) {
        self.toks
            .get(i)
            .and_then(|t| self.sents.get(t.sent as usize).copied())
            .unwrap_or((i, i + 1))
    }

    /// Byte span of tokens `[a, b)`.
    pub fn bytes(&self, a: usize, b: usize) -> (usize, usize) {
        match (self.toks.get(a), b.checked_sub(1).and_then(|l| self.toks.get(l))) {
            (Some(x), Some(y)) if b > a => (x.start, y.end),
            _ => (0, 0),
        }
    }

    /// Whether token `i` is a sentence-final punctuation mark or a comma/semicolon.
    pub fn is_stop_punct(&self, i: usize) -> bool {
        matches!(
            self.toks.get(i).and_then(|t| t.punct(self.text)),
            Some('.' | '!' | '?' | ';' | '\u{2026}')
        )
    }

    /// Whether the word could begin a clause (subject pronoun, determiner, name, number, quote).
    pub fn clause_start(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        match t.kind {
            Kind::Quote => t.mark == text::Mark::Open,
            Kind::Punct => false,
            Kind::Word => {
                let w = t.text(self.text);
                if let Some(base) = w.split(['\'', '\u{2019}']).next().filter(|b| b.len() < w.len())
                    && (word_class(base) & class::PRON != 0
                        || ["that", "there", "what", "who"]
                            .iter()
                            .any(|x| x.eq_ignore_ascii_case(base)))
                {
                    return true;
                }
                let c = self.cls(i);
                if c & (class::PREP | class::CONJ | class::SKIP) != 0
                    && c & (class::PRON | class::DET) == 0
                {
                    return false;
                }
                if self.is_w(i, "no") || self.is_w(i, "so") || self.is_w(i, "yes") {
                    return false;
                }
                c & (class::PRON | class::DET) != 0
                    || t.cap
                    || t.text(self.text).starts_with(|c: char| c.is_ascii_digit())
            }
        }
    }
}

fn para_ranges(toks: &[Tok], n: usize) -> Vec<(usize, usize)> {
    let mut v = vec![(0usize, 0usize); n];
    let mut i = 0;
    while i < toks.len() {
        let p = toks[i].para as usize;
        let mut j = i + 1;
        while j < toks.len() && toks[j].para as usize == p {
            j += 1;
        }
        if let Some(slot) = v.get_mut(p) {
            *slot = (i, j);
        }
        i = j;
    }
    v
}

/// Cue phrases on word boundaries; a capitalised cue only at a clause start.
fn find_cues(text: &str, toks: &mut [Tok]) -> Vec<CueHit> {
    let mut out = Vec::new();
    let Some(ac) = CUES.ac.as_ref() else { return out };
    for ti in 0..toks.len() {
        let t = toks[ti];
        if !t.is_word() || t.q != 0 || !CUES.may_start(t.text(text).as_bytes()) {
            continue;
        }
        // the longest cue starting at this word
        let input = aho_corasick::Input::new(text)
            .span(t.start..text.len())
            .anchored(aho_corasick::Anchored::Yes);
        let Some(m) = ac.find(input) else { continue };
        let mut last = ti;
        while last + 1 < toks.len() && toks[last].end < m.end() {
            last += 1;
        }
        if toks[last].end != m.end() {
            continue;
        }
        let flags = CUES.flags.get(m.pattern().as_usize()).copied().unwrap_or_default();
        if t.cap && !flags.prep && ti > 0 && toks[ti - 1].is_word() && toks[ti - 1].sent == t.sent {
            continue; // "The Washington Post", "Lou Read"
        }
        if ti > 0 && toks[ti - 1].is_word() && is_article(toks[ti - 1].text(text)) {
            continue; // "his comments", "the claims": nouns
        }
        if last == ti && noun_position(text, toks, ti) {
            continue; // "the IG’s report", "a rare note": nouns
        }
        out.push(CueHit { tok: ti, last: last + 1, flags });
        toks[ti].cue = out.len() as u32;
    }
    out
}

/// A one-word cue that can be a noun (not a past form), after a possessive (`Trump’s claims`)
/// or after a determiner and an adjective (`a rare note`).
fn noun_position(text: &str, toks: &[Tok], ti: usize) -> bool {
    let w = toks[ti].text(text);
    let past = w.ends_with("ed")
        || ["said", "told", "wrote", "thought", "found", "read", "put"].contains(&w);
    if past || ti == 0 || !toks[ti - 1].is_word() || toks[ti - 1].sent != toks[ti].sent {
        return false;
    }
    let prev = toks[ti - 1].text(text);
    if prev.ends_with("'s") || prev.ends_with("’s") {
        return true;
    }
    // `a rare note`, `no telephone call`, but not `the narrator says`
    let adjective = toks[ti - 1].cls == 0
        && !["ly", "ed", "s"].iter().any(|x| prev.ends_with(x))
        && !w.ends_with('s');
    let determiner = ti > 1 && toks[ti - 2].is_word() && toks[ti - 2].cls & class::DET != 0;
    adjective && determiner
}

fn is_article(w: &str) -> bool {
    ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those"]
        .iter()
        .any(|a| a.eq_ignore_ascii_case(w))
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
    pub fn new(doc: &Doc) -> Found {
        Found {
            cands: Vec::new(),
            used_cue: vec![false; doc.cues.len()],
            span_cand: vec![None; doc.spans.len()],
        }
    }

    pub fn use_cue(&mut self, doc: &Doc, tok: usize) {
        if let Some(t) = doc.toks.get(tok)
            && t.cue > 0
            && let Some(u) = self.used_cue.get_mut(t.cue as usize - 1)
        {
            *u = true;
        }
    }

    pub fn cue_used(&self, doc: &Doc, tok: usize) -> bool {
        doc.toks.get(tok).is_some_and(|t| {
            t.cue > 0 && self.used_cue.get(t.cue as usize - 1).copied().unwrap_or(false)
        })
    }

    /// Removes overlapping duplicates (direct before mixed before indirect), orders by position
    /// and converts to the public form.
    pub fn finish(self, doc: &Doc) -> Vec<RawQuote> {
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
            if c.end <= c.start || c.open {
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
                    carried_from: if sp.is_some() { None } else { carried },
                }
            })
            .collect()
    }
}
