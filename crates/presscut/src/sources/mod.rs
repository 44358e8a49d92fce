//! Stage 7: the sources an article cites for its information — `according to KhabarOnline`,
//! `in an interview with RIA Novosti`, `Reuters reported`, `citing court documents`,
//! `according to reports`.
//!
//! Citing words come from `data/source_cues.tsv` (an automaton tried at the words that can begin
//! a cue); the source is the noun phrase after or before them, read from the document's tokens:
//! a generic phrase (`reports`, `a statement`, from `data/source_generic.tsv`) or a capitalised
//! name. Its kind comes from the news-outlet
//! gazetteer (`data/outlets.tsv`, shared with the entity stage), then from the entity stage,
//! then from the cue. People quoted in the article are
//! speakers, not sources: `according to Lavrov` is one of Lavrov's quotes.

mod according;
mod phrase;

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::doc::Doc;
use crate::entities::{Cluster, MentionIndex};
use crate::lexicon::classes::class;
use crate::lexicon::{self, FastMap, FastSet};
use crate::model::{EntityKind, SourceKind};
use crate::quotes::Attribution;
use phrase::Phrase;

/// One cited source, in byte spans of the analysed text.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    pub name: String,
    pub kind: SourceKind,
    pub entity: Option<usize>,
    pub cue: Option<(usize, usize)>,
    /// The citing phrase: cue and source together.
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    After,
    Before,
}

#[derive(Clone, Copy, Debug)]
struct Cue {
    side: Side,
    outlets_only: bool,
    generic_only: bool,
}

struct Lexicon {
    cues: AhoCorasick,
    cue_info: Vec<Cue>,
    generic: FastMap<String, SourceKind>,
    longest_generic: usize,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut cue_info = Vec::new();
    for row in lexicon::rows(include_str!("../../data/source_cues.tsv")) {
        let side = if row.get(1) == Some(&"before") { Side::Before } else { Side::After };
        patterns.push(row[0].to_owned());
        cue_info.push(Cue {
            side,
            outlets_only: row.get(2) == Some(&"outlet"),
            generic_only: row.get(2) == Some(&"generic"),
        });
    }
    let cues = AhoCorasickBuilder::new()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .start_kind(aho_corasick::StartKind::Anchored)
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("source cues build an automaton");
    let mut generic = FastMap::default();
    let mut longest_generic = 0;
    for row in lexicon::rows(include_str!("../../data/source_generic.tsv")) {
        let kind = match row.get(1).copied() {
            Some("document") => SourceKind::Document,
            Some("outlet") => SourceKind::Outlet,
            _ => SourceKind::Unnamed,
        };
        longest_generic = longest_generic.max(row[0].split_whitespace().count());
        generic.insert(row[0].to_owned(), kind);
    }
    Lexicon { cues, cue_info, generic, longest_generic }
});

/// Whether the words of tokens `a..b` name a news outlet of the gazetteer (`data/outlets.tsv`,
/// through the entity lexicon), with or without a leading `The`.
fn is_outlet(d: &Doc, a: usize, b: usize) -> bool {
    let lex = &*crate::entities::lexicon::LEX;
    let outlet = |a: usize| a < b && lex.org((a..b).map(|i| d.word(i))).is_some_and(|o| o.outlet);
    outlet(a) || (d.word(a).eq_ignore_ascii_case("the") && outlet(a + 1))
}

/// What a citation is classified with: the entities, where their mentions are, and the cues
/// the quote stage used (a person cited with `according to` is a speaker there).
struct Context<'a> {
    entities: &'a [Cluster],
    mentions: &'a MentionIndex,
    quote_cues: FastSet<(usize, usize)>,
}

/// The sources cited in the document, in text order.
#[inline(never)] // one frame per stage in profiles
pub fn run(
    d: &Doc,
    entities: &[Cluster],
    mentions: &MentionIndex,
    quotes: &[Attribution],
) -> Vec<Citation> {
    crate::cost::enter(crate::cost::Stage::Sources);
    let lex = &*LEXICON;
    let cx =
        Context { entities, mentions, quote_cues: quotes.iter().filter_map(|q| q.cue).collect() };
    let mut out: Vec<Citation> = Vec::new();
    let mut next = 0;
    for i in 0..d.tokens.len() {
        if i < next || d.classes(i) & class::SCUE == 0 {
            continue;
        }
        // the longest cue starting at this word, ending on a word's end
        let input = aho_corasick::Input::new(d.text)
            .span(d.tokens[i].start()..d.text.len())
            .anchored(aho_corasick::Anchored::Yes);
        let Ok(Some(m)) = lex.cues.try_find(input) else { continue };
        let mut last = i;
        while last + 1 < d.tokens.len() && d.tokens[last].end() < m.end() {
            last += 1;
        }
        if d.tokens[last].end() != m.end() {
            continue;
        }
        next = last + 1;
        let cue = lex.cue_info[m.pattern().as_usize()];
        let found = match cue.side {
            Side::After => phrase::after(d, last + 1, &lex.generic, lex.longest_generic),
            Side::Before => phrase::before(d, i, &lex.generic, lex.longest_generic),
        };
        let according = d.text[m.start()..m.end()].eq_ignore_ascii_case("according to");
        let citation = match found {
            Some(source) => classify(d, source, (m.start(), m.end()), cue, &cx),
            None if according => according_to(d, last + 1, (m.start(), m.end()), cue, &cx, lex),
            None => None,
        };
        // `the paper`, `the broadcaster`: the outlet the article named before, or no source
        let citation = citation.and_then(|c| outlet_anaphor(c, &out));
        let Some(citation) = citation else { continue };
        if out.last().is_none_or(|last| last.end <= citation.start) {
            out.push(citation);
        }
    }
    out
}

/// `according to` and words that are no name (see [`according`]).
fn according_to(
    d: &Doc,
    k: usize,
    cue_span: (usize, usize),
    cue: Cue,
    cx: &Context<'_>,
    lex: &Lexicon,
) -> Option<Citation> {
    let (a, b, kind, named) = according::phrase(d, k, &lex.generic, lex.longest_generic)?;
    // inside someone's quotation (`“According to our contacts, …”`) the speaker cites it, not
    // the article; a phrase the quote stage took as the speaker (`according to the duty
    // officer, …`) is a speaker
    if d.quotation_of(k).is_some()
        || named.is_none() && kind != SourceKind::Document && cx.quote_cues.contains(&cue_span)
    {
        return None;
    }
    if let Some(p) = named {
        // the name after `by` is classified as a named source; the citing phrase spans it all
        let mut c = classify(d, p, cue_span, cue, cx)?;
        c.start = c.start.min(cue_span.0);
        return Some(c);
    }
    let (start, end) = d.bytes(a, b);
    Some(Citation {
        name: d.text[start..end].to_owned(),
        kind,
        entity: None,
        cue: Some(cue_span),
        start: cue_span.0,
        end,
    })
}

/// Words for an outlet instead of its name (`the paper`, `the broadcaster`). `the paper` and
/// `the newspaper` are the last newspaper the article cited, else the publication itself (`she
/// told the paper`); the others (`telling the broadcaster`) cannot say which outlet they mean and
/// are no source on their own.
fn outlet_anaphor(c: Citation, before: &[Citation]) -> Option<Citation> {
    let lower = c.name.to_lowercase();
    let Some(noun) = lower.strip_prefix("the ") else { return Some(c) };
    if c.kind != SourceKind::Outlet || c.entity.is_some() || !OUTLET_ANAPHORS.contains(&noun) {
        return Some(c);
    }
    if !matches!(noun, "paper" | "newspaper") {
        return None;
    }
    let newspaper = before.iter().rev().find(|b| {
        b.kind == SourceKind::Outlet
            && OUTLET_NAME_HEADS.iter().any(|h| b.name.ends_with(h))
            && !b.name.to_lowercase().starts_with("the paper")
    });
    Some(match newspaper {
        Some(n) => Citation { name: n.name.clone(), entity: n.entity, ..c },
        None => c,
    })
}

/// The words a story uses for an outlet it has named (`the paper`, `the broadcaster`).
const OUTLET_ANAPHORS: &[&str] =
    &["paper", "newspaper", "broadcaster", "outlet", "website", "magazine", "news agency"];

/// The last words of newspaper names (`The Riverside Chronicle`, `the Daily Herald`): such a
/// name cited with `says`/`said` is an outlet even when the gazetteer does not know it.
const OUTLET_NAME_HEADS: &[&str] = &[
    "Chronicle",
    "Times",
    "Post",
    "Journal",
    "Herald",
    "Tribune",
    "Gazette",
    "Telegraph",
    "Guardian",
    "Observer",
    "Courier",
    "Examiner",
    "Inquirer",
    "Globe",
    "Dispatch",
    "Sentinel",
    "Bulletin",
    "Register",
    "Standard",
    "Mirror",
    "Express",
    "Independent",
    "Star",
    "Sun",
];

/// `The Chronicle`, `the Riverside Chronicle`: `the` and capitalised words ending in a
/// newspaper's name word.
fn newspaper_name(d: &Doc, source: Phrase) -> bool {
    source.b > source.a + 1
        && d.word(source.a).eq_ignore_ascii_case("the")
        && OUTLET_NAME_HEADS.contains(&d.word(source.b - 1))
}

fn classify(
    d: &Doc,
    source: Phrase,
    cue_span: (usize, usize),
    cue: Cue,
    cx: &Context<'_>,
) -> Option<Citation> {
    // `said`, `says` cite a generic source (`a statement said`), or a newspaper by name (`the
    // Chronicle says`); a person saying something is a speaker
    let newspaper =
        source.generic.is_none() && (newspaper_name(d, source) || is_outlet(d, source.a, source.b));
    if cue.generic_only && source.generic.is_none() && !newspaper {
        return None;
    }
    let (start, end) = d.bytes(source.a, source.b);
    let name = d.text[start..end].to_owned();
    let entity = cx.mentions.overlapping(start, end);
    let entities = cx.entities;
    let kind = if let Some(k) = source.generic {
        k
    } else if source.outlet_noun || newspaper || is_outlet(d, source.a, source.b) {
        SourceKind::Outlet
    } else {
        match entity.map(|i| entities[i].kind) {
            // `the Ifo institute`, `the statistics agency`: the head word says organisation
            // whatever kind the name alone got
            _ if source.org_noun || phrase::is_org_head_word(d.word(source.b - 1)) => {
                SourceKind::Organization
            }
            Some(EntityKind::Person) => SourceKind::Person,
            Some(EntityKind::Organization) => SourceKind::Organization,
            Some(EntityKind::Law | EntityKind::Work) => SourceKind::Document,
            // A place or a nationality cites nothing by itself (`according to Moscow` is
            // its government, which the article names elsewhere).
            Some(_) => return None,
            None if cue.side == Side::Before && !cue.outlets_only => SourceKind::Organization,
            None => SourceKind::Outlet,
        }
    };
    if cue.outlets_only && kind != SourceKind::Outlet {
        return None;
    }
    // A person cited with `according to` is the speaker of that quote, not a source.
    if kind == SourceKind::Person && cx.quote_cues.contains(&cue_span) {
        return None;
    }
    let (start, end) = (start.min(cue_span.0), end.max(cue_span.1));
    let display = match entity {
        Some(i) if kind != SourceKind::Unnamed && source.generic.is_none() => {
            entities[i].name.clone()
        }
        _ => name,
    };
    Some(Citation {
        name: display,
        kind,
        entity: entity.filter(|_| source.generic.is_none()),
        cue: Some(cue_span),
        start,
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(text: &str) -> Vec<(String, SourceKind, String)> {
        let d = Doc::from_text(text);
        run(&d, &[], &MentionIndex::default(), &[])
            .into_iter()
            .map(|c| (c.name, c.kind, text[c.cue.unwrap().0..c.cue.unwrap().1].to_owned()))
            .collect()
    }

    #[test]
    fn institutes_and_polls_are_sources() {
        let got = sources(
            "According to the Ifo institute, business sentiment fell. Economists polled by \
             Reuters expect growth of 0.3 percent.",
        );
        assert_eq!(
            got,
            [
                ("Ifo".to_owned(), SourceKind::Organization, "According to".to_owned()),
                ("Reuters".to_owned(), SourceKind::Outlet, "polled by".to_owned()),
            ]
        );
    }

    #[test]
    fn outlets_cited_before_and_after_their_cue() {
        let got = sources(
            "According to KhabarOnline, In an interview with RIA Novosti, he said it. Reuters reported the deal.",
        );
        assert_eq!(
            got,
            [
                ("KhabarOnline".to_owned(), SourceKind::Outlet, "According to".to_owned()),
                ("RIA Novosti".to_owned(), SourceKind::Outlet, "In an interview with".to_owned()),
                ("Reuters".to_owned(), SourceKind::Outlet, "reported".to_owned()),
            ]
        );
    }

    #[test]
    fn unnamed_and_document_sources() {
        let got =
            sources("According to reports, talks stalled. Prices rose, citing official figures.");
        assert_eq!(got[0], ("reports".to_owned(), SourceKind::Unnamed, "According to".to_owned()));
        assert_eq!(
            got[1],
            ("official figures".to_owned(), SourceKind::Document, "citing".to_owned())
        );
    }

    #[test]
    fn unnamed_sources_that_say_something() {
        let got = sources(
            "The talks will resume, sources said. Officials say the deal is close. Smith said no.",
        );
        let names: Vec<&str> = got.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(names, ["sources", "Officials"]);
        assert!(got.iter().all(|s| s.1 == SourceKind::Unnamed));
    }

    #[test]
    fn told_cites_only_outlets() {
        assert!(sources("The minister told reporters he would stay.").is_empty());
        let got = sources("The minister told The New York Times he would stay.");
        assert_eq!(got[0].0, "The New York Times");
        assert_eq!(got[0].1, SourceKind::Outlet);
    }

    #[test]
    fn a_name_followed_by_newspaper_is_an_outlet() {
        let got = sources("He welcomed it, telling the Zeitblatt newspaper that rates would hold.");
        assert_eq!(got[0], ("Zeitblatt".to_owned(), SourceKind::Outlet, "telling".to_owned()));
    }

    #[test]
    fn according_to_in_its_forms() {
        let got = sources(
            "Prices doubled, according to new filings with the regulator. The deal was approved \
             in one meeting, according to a March report by Bloomberg.",
        );
        assert_eq!(
            got,
            [
                (
                    "new filings with the regulator".to_owned(),
                    SourceKind::Document,
                    "according to".to_owned()
                ),
                ("Bloomberg".to_owned(), SourceKind::Outlet, "according to".to_owned()),
            ]
        );
        // a person is the speaker of that quote, not a source
        assert!(sources("The deal was approved, according to him.").is_empty());
    }

    #[test]
    fn a_newspaper_saying_and_someone_telling_the_paper() {
        let got = sources(
            "The Riverside Chronicle says the payment was never disclosed. \
             “We followed every rule,” the chair told the paper.",
        );
        let names: Vec<(&str, SourceKind)> = got.iter().map(|s| (s.0.as_str(), s.1)).collect();
        assert_eq!(
            names,
            [
                ("The Riverside Chronicle", SourceKind::Outlet),
                ("The Riverside Chronicle", SourceKind::Outlet)
            ]
        );
    }

    #[test]
    fn telling_the_broadcaster_alone_is_no_source() {
        assert!(
            sources("She defended the deal, telling the broadcaster that prices rose.").is_empty()
        );
        let got = sources("“We followed every rule,” the chair told the paper.");
        assert_eq!(got[0].0, "the paper");
    }

    #[test]
    fn each_cue_has_one_role() {
        // The automaton reports one pattern per match: a cue listed twice would lose a role.
        let mut seen = std::collections::HashSet::new();
        for row in lexicon::rows(include_str!("../../data/source_cues.tsv")) {
            assert!(seen.insert(row[0].to_lowercase()), "{} is listed twice", row[0]);
        }
    }

    #[test]
    fn cue_words_inside_other_words_do_not_count() {
        assert!(sources("The untold story was unreported by anyone.").is_empty());
    }
}
