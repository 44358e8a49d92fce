//! The reporting cues of the quote stage (`data/quote_cues.tsv`), compiled once into an
//! Aho-Corasick automaton. The word classes it reads are the document's
//! ([`crate::lexicon::classes`]).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

const CUES_TSV: &str = include_str!("../../data/quote_cues.tsv");

/// What a reporting cue can do (flags of `data/quote_cues.tsv`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CueFlags {
    /// Frames a direct quote.
    pub direct: bool,
    /// Introduces reported content without "that".
    pub bare: bool,
    /// Introduces reported content with an explicit "that".
    pub that: bool,
    /// May stand after the content with the speaker after it ("…," said X).
    pub invert: bool,
    /// Takes an addressee before the content.
    pub object: bool,
    /// "described Y as '…'": mixed content when a quotation follows.
    pub mixed: bool,
    /// Prepositional source cue ("according to X").
    pub prep: bool,
    /// A present participle ("saying", "noting"): the speaker is the main clause's subject.
    pub participle: bool,
}

impl CueFlags {
    /// Whether the cue can introduce reported (indirect or mixed) content at all.
    pub fn reports(self) -> bool {
        self.bare || self.that
    }
}

/// The compiled cue lexicon.
pub struct Cues {
    /// None only if the automaton could not be built (it always can for this small list).
    pub ac: Option<AhoCorasick>,
    pub flags: Vec<CueFlags>,
}

fn parse_flags(s: &str, phrase: &str) -> CueFlags {
    let mut f = CueFlags {
        participle: phrase.split(' ').next().is_some_and(|w| w.ends_with("ing")),
        ..CueFlags::default()
    };
    for c in s.chars() {
        match c {
            'd' => f.direct = true,
            'i' => f.bare = true,
            't' => f.that = true,
            'v' => f.invert = true,
            'o' => f.object = true,
            'm' => f.mixed = true,
            'a' => f.prep = true,
            _ => {}
        }
    }
    f
}

fn data_lines(src: &str) -> impl Iterator<Item = (&str, &str)> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
}

/// The reporting cues, compiled once.
pub static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut pats = Vec::new();
    let mut flags = Vec::new();
    for (phrase, fl) in data_lines(CUES_TSV) {
        pats.push(phrase.to_string());
        flags.push(parse_flags(fl, phrase));
    }
    let ac = AhoCorasickBuilder::new()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .start_kind(aho_corasick::StartKind::Both)
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&pats)
        .ok();
    Cues { ac, flags }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_lexicon_knows_said_and_according_to() {
        let cues = &*CUES;
        let text = "Lavrov SAID that, according to him, it was over";
        let ac = cues.ac.as_ref().expect("automaton");
        let found: Vec<_> = ac.find_iter(text).map(|m| &text[m.range()]).collect();
        assert!(found.contains(&"SAID"));
        assert!(found.contains(&"according to"));
    }

    #[test]
    fn participles_are_flagged_from_their_form() {
        let cues = &*CUES;
        let ac = cues.ac.as_ref().expect("automaton");
        let m = ac.find("noting").map(|m| cues.flags[m.pattern().as_usize()]);
        assert!(m.is_some_and(|f| f.participle && f.bare));
    }
}
