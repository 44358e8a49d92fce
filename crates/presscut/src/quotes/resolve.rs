//! Speakers resolved to entities: the quote finder gives the words naming each speaker (`he`,
//! `Lavrov`, `the Russian foreign minister`, nothing at all); this step turns them into the
//! canonical name and entity cluster of the person (or organisation) who spoke.
//!
//! - a name → the cluster it is a mention of (`Lavrov` → Sergey Lavrov);
//! - a pronoun → the most salient compatible person: the previous speaker when the text goes on
//!   about them, else the nearest person mentioned before (gender must agree when known);
//! - a role → the person who holds it in this article (`the Russian foreign minister`);
//! - `who` → what it stands for (`Smith, who said …`);
//! - no words → the speaker of the quote it continues;
//! - a `Name: claim` headline quote is kept only when the body quotes the same person.

use super::{QuoteKind, RawQuote, SpeakerForm};
use crate::doc::Doc;
use crate::entities::{self, Cluster, Gender, MentionIndex, Resolver};
use crate::hash::{FastMap, FastSet};
use crate::model::EntityKind;

/// One attribution, in byte spans of the analysed text.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub kind: crate::model::QuoteKind,
    pub start: usize,
    pub end: usize,
    pub cue: Option<(usize, usize)>,
    pub speaker: Option<SpeakerRef>,
}

/// A resolved speaker: canonical name, the index of its entity cluster, and the words naming it.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerRef {
    pub name: String,
    pub entity: Option<usize>,
    pub mention: Option<(usize, usize)>,
}

/// Stage 5: the quotes of the article with their speakers resolved to `entities` (whose
/// mentions `mentions` indexes). A `Name: claim` headline is a quote when the body confirms the
/// speaker; `headline` is the title block's span.
#[inline(never)] // one frame per stage in profiles
pub fn run(
    doc: &Doc,
    headline: Option<(usize, usize)>,
    entities: &[Cluster],
    mentions: &MentionIndex,
) -> (Vec<Attribution>, Vec<String>) {
    crate::cost::enter(crate::cost::Stage::Quotes);
    let found = super::extract(doc);
    let resolver = Resolver::new(doc, entities, mentions);
    (resolve(doc, &found.quotes, &resolver, headline), found.warnings)
}

/// How far back (in bytes) a pronoun looks for the previous speaker (and an unnamed speaker
/// phrase) before falling back to the nearest person mentioned.
const PREVIOUS_SPEAKER_REACH: usize = 1500;

/// Resolves the speakers of `quotes` (found in `doc`) with `resolver`. `headline` is the byte
/// span of the title block, whose quotes need confirmation from the body. Each quote costs a
/// bounded number of lookups: earlier quotes are read back only within
/// [`PREVIOUS_SPEAKER_REACH`], mentions through the resolver's index.
pub fn resolve(
    doc: &Doc,
    quotes: &[RawQuote],
    resolver: &Resolver,
    headline: Option<(usize, usize)>,
) -> Vec<Attribution> {
    let paragraph_of = |pos: usize| doc.blocks.partition_point(|b| b.end <= pos);
    let mut state = Speakers::new(doc, resolver);
    for (i, q) in quotes.iter().enumerate() {
        let speaker = match (q.speaker, q.carried_from) {
            (Some(span), _) => state.mention(doc, q, span, quotes),
            (None, Some(from)) if from < i => {
                let same_paragraph = paragraph_of(quotes[from].start) == paragraph_of(q.start);
                state.resolved[from]
                    .clone()
                    .map(|s| SpeakerRef { mention: s.mention.filter(|_| same_paragraph), ..s })
            }
            _ => None,
        };
        state.push(q, speaker);
    }

    let in_headline = |q: &RawQuote| headline.is_some_and(|(s, e)| q.start >= s && q.end <= e);
    // the entities the body quotes: a headline quote needs one of them as its speaker
    let quoted_in_body: FastSet<usize> = quotes
        .iter()
        .zip(&state.resolved)
        .filter(|(q, _)| !in_headline(q))
        .filter_map(|(_, s)| s.as_ref()?.entity)
        .collect();
    quotes
        .iter()
        .zip(state.resolved)
        .filter(|(q, speaker)| {
            !in_headline(q)
                || speaker
                    .as_ref()
                    .and_then(|s| s.entity)
                    .is_some_and(|e| quoted_in_body.contains(&e))
        })
        .map(|(q, speaker)| Attribution {
            kind: match q.kind {
                QuoteKind::Direct => crate::model::QuoteKind::Direct,
                QuoteKind::Mixed => crate::model::QuoteKind::Mixed,
                QuoteKind::Indirect => crate::model::QuoteKind::Indirect,
            },
            start: q.start,
            end: q.end,
            cue: q.cue,
            speaker,
        })
        .collect()
}

/// Words before a person's name that make them the one spoken to or about, not a speaker a
/// later pronoun can stand for (`told Smith`, `asked by Smith`, `thanked Smith`).
const ADDRESSEE_BEFORE: &[&str] = &["told", "asked", "by", "to", "thanked", "interviewed", "urged"];

/// Whether a person named at byte `pos` can be what a later `he` or `she` stands for: not
/// inside a quotation (someone the speaker talks about), not in a caption or photo credit, not
/// the person addressed or asking.
fn antecedent_place(doc: &Doc, pos: usize) -> bool {
    let k = doc.token_at(pos);
    if k >= doc.tokens.len() || doc.quotation_of(k).is_some() {
        return false;
    }
    if doc.blocks.get(doc.block_of(k)).is_some_and(|b| b.kind == crate::model::BlockKind::Caption) {
        return false;
    }
    !(k > 0 && ADDRESSEE_BEFORE.iter().any(|w| doc.word(k - 1).eq_ignore_ascii_case(w)))
}

/// The words of a role phrase that name the speaker when it works for or belongs to someone
/// else: after a possessive (`Doe's spokesman` → `spokesman`), before a preposition (`a
/// spokeswoman for the minister` → `a spokeswoman`), when those words end in a lower-case noun
/// (`Ministry of Defence` stays whole). None when the phrase is all its own.
fn own_words(doc: &Doc, span: (usize, usize)) -> Option<(usize, usize)> {
    use crate::lexicon::classes::class::PREP;
    let (a, b) = doc.tokens_in(span.0, span.1);
    let mut from = a;
    for k in a..b {
        if matches!(doc.word(k), "'s" | "’s" | "s'" | "s’") && k + 1 < b {
            from = k + 1;
        }
    }
    let to = (from + 1..b).find(|&k| doc.classes(k) & PREP != 0).unwrap_or(b);
    if to <= from || (from == a && to == b) {
        return None;
    }
    let last = (from..to).rev().find(|&k| doc.word(k).chars().any(char::is_alphanumeric))?;
    if doc.word(last).starts_with(char::is_uppercase) {
        return None;
    }
    let (s, _) = doc.bytes(from, from + 1);
    let (_, e) = doc.bytes(to - 1, to);
    Some((s, e))
}

/// Whether the last word of `span` is capitalised (`Democrats`, not `the Smith campaign`).
fn span_head_capitalised(doc: &Doc, span: (usize, usize)) -> bool {
    let (a, b) = doc.tokens_in(span.0, span.1);
    (a..b)
        .rev()
        .find(|&k| doc.word(k).chars().any(char::is_alphanumeric))
        .is_some_and(|k| doc.word(k).starts_with(char::is_uppercase))
}

/// The speakers resolved so far, and what pronouns read of them.
struct Speakers<'r> {
    resolver: &'r Resolver<'r>,
    /// per quote resolved so far, its speaker
    resolved: Vec<Option<SpeakerRef>>,
    /// per entity: where its last quote (or the words naming its speaker) starts
    last_quote: FastMap<usize, usize>,
    /// ends of the mentions of people a `he` / a `she` can stand for (gender unknown or
    /// agreeing), in text order, with their clusters
    compatible: [Vec<(usize, usize)>; 2],
}

impl<'r> Speakers<'r> {
    fn new(doc: &Doc, resolver: &'r Resolver<'r>) -> Self {
        let clusters = resolver.clusters();
        let mut compatible: [Vec<(usize, usize)>; 2] = Default::default();
        for m in resolver.mentions().all() {
            let c = &clusters[m.cluster];
            if c.kind != EntityKind::Person || !antecedent_place(doc, m.start) {
                continue;
            }
            for (k, g) in [Gender::Male, Gender::Female].into_iter().enumerate() {
                if c.gender == g || c.gender == Gender::Unknown {
                    compatible[k].push((m.end, m.cluster));
                }
            }
        }
        for list in &mut compatible {
            list.sort_unstable();
        }
        Speakers { resolver, resolved: Vec::new(), last_quote: FastMap::default(), compatible }
    }

    /// Records the speaker of the next quote.
    fn push(&mut self, q: &RawQuote, speaker: Option<SpeakerRef>) {
        if let Some(e) = speaker.as_ref().and_then(|s| s.entity) {
            self.last_quote.insert(e, q.start.min(q.speaker.map_or(q.start, |s| s.0)));
        }
        self.resolved.push(speaker);
    }

    /// The speaker the words `span` of quote `q` name; None when they are doubtful words
    /// (`Well`, `Ky.`) that are no entity's mention.
    fn mention(
        &self,
        doc: &Doc,
        q: &RawQuote,
        span: (usize, usize),
        quotes: &[RawQuote],
    ) -> Option<SpeakerRef> {
        let r = self.resolver;
        let text = doc.text;
        let written = text.get(span.0..span.1).unwrap_or_default().trim();
        let found = match q.speaker_form {
            Some(SpeakerForm::Pronoun) => match q.speaker_antecedent {
                // `Smith, who said …`: the relative pronoun stands for its antecedent.
                Some(ante) => r.name(ante).or_else(|| r.role(ante)),
                None => self.pronoun(written, span.0, quotes),
            },
            // `a spokeswoman for the prime minister`, `Doe's spokesman`, `the Smith campaign`:
            // the role phrase's own words, never the person it works for
            _ => match own_words(doc, span) {
                Some(own) => r.role(own),
                None if matches!(
                    q.speaker_form,
                    Some(SpeakerForm::Role | SpeakerForm::Group | SpeakerForm::Other)
                ) =>
                {
                    let head_capitalised = span_head_capitalised(doc, span);
                    r.role(span).or_else(|| head_capitalised.then(|| r.name(span)).flatten())
                }
                None => r.name(span).or_else(|| r.role(span)),
            },
        };
        let clusters = r.clusters();
        if let Some(idx) = found {
            Some(SpeakerRef {
                name: clusters[idx].name.clone(),
                entity: Some(idx),
                mention: Some(span),
            })
        } else if q.speaker_doubtful {
            None
        } else if let Some(name) = (q.speaker_form == Some(SpeakerForm::Pronoun)
            && q.speaker_antecedent.is_none())
        .then(|| self.unnamed_antecedent(written, span.0, quotes))
        .flatten()
        {
            Some(SpeakerRef { name, entity: None, mention: Some(span) })
        } else {
            let name = match q.speaker_antecedent.and_then(|(a, b)| text.get(a..b)) {
                Some(ante) => ante.trim().to_owned(),
                None => written.to_owned(),
            };
            Some(SpeakerRef { name, entity: None, mention: Some(span) })
        }
    }

    /// The earlier quotes within [`PREVIOUS_SPEAKER_REACH`] of `pos`, nearest first, with
    /// their speakers.
    fn recent<'q>(
        &'q self,
        pos: usize,
        quotes: &'q [RawQuote],
    ) -> impl Iterator<Item = (&'q RawQuote, &'q Option<SpeakerRef>)> {
        quotes
            .iter()
            .zip(&self.resolved)
            .rev()
            .filter(move |(q, _)| q.start < pos)
            .take_while(move |(q, _)| pos - q.start < PREVIOUS_SPEAKER_REACH)
            .inspect(|_| crate::cost::add(1))
    }

    /// The person a personal pronoun (`he`, `she`) refers to at byte `pos`.
    fn pronoun(&self, pronoun: &str, pos: usize, quotes: &[RawQuote]) -> Option<usize> {
        let (gender, k) = match pronoun.to_lowercase().as_str() {
            "he" | "him" | "his" | "himself" => (Gender::Male, 0),
            "she" | "her" | "hers" | "herself" => (Gender::Female, 1),
            // `they`, `we`, `I`: a group or the writer; not one person of the article.
            _ => return None,
        };
        let clusters = self.resolver.clusters();
        let compatible = |c: &Cluster| {
            c.kind == EntityKind::Person && (c.gender == gender || c.gender == Gender::Unknown)
        };
        // The text usually goes on about the last person quoted.
        let previous = self.recent(pos, quotes).find_map(|(_, s)| s.as_ref()?.entity);
        if let Some(idx) = previous
            && compatible(&clusters[idx])
        {
            let since = self.last_quote.get(&idx).copied().unwrap_or(0);
            // another person of known, agreeing gender named since: the nearer antecedent
            let other = self.resolver.mentions().within(since + 1, pos).iter().any(|m| {
                let c = &clusters[m.cluster];
                m.cluster != idx && compatible(c) && c.gender != Gender::Unknown && m.start > since
            });
            if !other {
                return Some(idx);
            }
        }
        // Else the nearest compatible person mentioned before the pronoun.
        let list = &self.compatible[k];
        let n = list.partition_point(|&(end, _)| end <= pos);
        n.checked_sub(1).map(|i| list[i].1)
    }

    /// The speaker of the last quote before `pos` when it is a phrase naming nobody in
    /// particular (`A spokeswoman for the ministry declined to comment. “…,” she said.`) that
    /// `pronoun` can stand for: the same gender where the phrase shows one, plural for `they`.
    fn unnamed_antecedent(&self, pronoun: &str, pos: usize, quotes: &[RawQuote]) -> Option<String> {
        let (q, s) = self
            .recent(pos, quotes)
            .find(|(_, s)| s.as_ref().is_some_and(|s| s.mention.is_some()))?;
        let s = s.as_ref()?;
        if s.entity.is_some() {
            return None;
        }
        let words: Vec<String> = s.name.split_whitespace().map(str::to_lowercase).collect();
        let head = words.iter().rev().find(|w| w.chars().all(char::is_alphabetic))?;
        // the gender a role word of the phrase implies (`spokeswoman`, `chairman`), from the titles
        let phrase_gender = words
            .iter()
            .filter_map(|w| entities::lexicon::LEX.title(std::iter::once(w.as_str())))
            .map(|t| t.gender)
            .find(|&g| g != Gender::Unknown);
        let fits = match pronoun.to_lowercase().as_str() {
            "he" => phrase_gender != Some(Gender::Female) && !head.ends_with('s'),
            "she" => phrase_gender != Some(Gender::Male) && !head.ends_with('s'),
            "they" => head.ends_with('s') || head.ends_with("men"),
            _ => false,
        };
        // a pronoun stands for a phrase, not for another pronoun left unresolved (its name is the
        // pronoun itself)
        let unresolved_pronoun = q.speaker_form == Some(SpeakerForm::Pronoun) && words.len() == 1;
        (fits && !unresolved_pronoun).then(|| s.name.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Mention;
    use crate::model::BlockKind::Paragraph;

    /// [`resolve`] on `text` with the given blocks (one when none) and entities.
    fn resolve(
        text: &str,
        quotes: &[RawQuote],
        blocks: &[(usize, usize)],
        clusters: &[Cluster],
        headline: Option<(usize, usize)>,
    ) -> Vec<Attribution> {
        let blocks: Vec<_> = if blocks.is_empty() {
            vec![(Paragraph, 0, text.len())]
        } else {
            blocks.iter().map(|&(a, b)| (Paragraph, a, b)).collect()
        };
        let d = Doc::new(text, &blocks);
        let m = MentionIndex::new(clusters);
        super::resolve(&d, quotes, &Resolver::new(&d, clusters, &m), headline)
    }

    fn person(name: &str, gender: Gender, mentions: &[(usize, usize)]) -> Cluster {
        Cluster {
            name: name.to_owned(),
            kind: EntityKind::Person,
            roles: Vec::new(),
            role_tokens: Vec::new(),
            mentions: mentions.iter().map(|&(start, end)| Mention { start, end }).collect(),
            gender,
            first_mention: mentions.first().map_or(0, |m| m.0),
        }
    }

    fn quote(
        start: usize,
        end: usize,
        speaker: Option<(usize, usize)>,
        form: Option<SpeakerForm>,
    ) -> RawQuote {
        RawQuote {
            kind: QuoteKind::Direct,
            start,
            end,
            cue: None,
            speaker,
            speaker_form: form,
            speaker_antecedent: None,
            speaker_doubtful: false,
            carried_from: None,
        }
    }

    #[test]
    fn a_pronoun_goes_to_the_previous_compatible_speaker() {
        //          0         1         2         3         4         5
        let text = "Smith said no. Jones agreed. He added more. She left.";
        let smith = person("John Smith", Gender::Male, &[(0, 5)]);
        let jones = person("Ann Jones", Gender::Female, &[(15, 20)]);
        let quotes = [
            quote(11, 13, Some((0, 5)), Some(SpeakerForm::Name)),
            quote(38, 42, Some((29, 31)), Some(SpeakerForm::Pronoun)),
            quote(48, 52, Some((44, 47)), Some(SpeakerForm::Pronoun)),
        ];
        let clusters = vec![smith, jones];
        let got = resolve(text, &quotes, &[], &clusters, None);
        let names: Vec<&str> =
            got.iter().map(|a| a.speaker.as_ref().unwrap().name.as_str()).collect();
        assert_eq!(names, ["John Smith", "John Smith", "Ann Jones"]);
        assert_eq!(got[1].speaker.as_ref().unwrap().mention, Some((29, 31)));
    }

    #[test]
    fn a_quote_only_paragraph_takes_the_speaker_without_a_mention() {
        let text = "Smith said this.\n\nAnd more.";
        let clusters = vec![person("John Smith", Gender::Male, &[(0, 5)])];
        let mut second = quote(18, 26, None, None);
        second.carried_from = Some(0);
        let first = quote(11, 15, Some((0, 5)), Some(SpeakerForm::Name));
        let paragraphs = [(0, 16), (18, 27)];
        let got = resolve(text, &[first.clone(), second.clone()], &paragraphs, &clusters, None);
        let s = got[1].speaker.as_ref().unwrap();
        assert_eq!((s.name.as_str(), s.entity, s.mention), ("John Smith", Some(0), None));
        // A later piece of the same paragraph's attribution shares its mention.
        let got = resolve(text, &[first, second], &[(0, 27)], &clusters, None);
        assert_eq!(got[1].speaker.as_ref().unwrap().mention, Some((0, 5)));
    }

    #[test]
    fn a_headline_quote_needs_the_body_to_quote_the_same_person() {
        let text = "Smith: Talks go on\n\nSmith said it.";
        let clusters = vec![person("John Smith", Gender::Male, &[(0, 5), (20, 25)])];
        let head = quote(7, 18, Some((0, 5)), Some(SpeakerForm::Name));
        let body = quote(31, 33, Some((20, 25)), Some(SpeakerForm::Name));
        assert_eq!(resolve(text, &[head.clone(), body], &[], &clusters, Some((0, 18))).len(), 2);
        assert_eq!(resolve(text, &[head], &[], &clusters, Some((0, 18))).len(), 0);
    }

    #[test]
    fn unresolved_speakers_keep_their_words() {
        let text = "Officials said so.";
        let got =
            resolve(text, &[quote(15, 17, Some((0, 9)), Some(SpeakerForm::Group))], &[], &[], None);
        let s = got[0].speaker.as_ref().unwrap();
        assert_eq!((s.name.as_str(), s.entity), ("Officials", None));
    }
}
