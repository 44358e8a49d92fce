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
use crate::entities::{self, Cluster, Gender};
use crate::model::EntityKind;

/// One attribution, in byte spans of the analysed text.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub kind: crate::model::QuoteKind,
    pub start: usize,
    pub end: usize,
    pub cue: Option<(usize, usize)>,
    pub speaker: Option<SpeakerRef>,
    /// Probability that content and speaker are both right.
    pub confidence: f64,
}

/// A resolved speaker: canonical name, the index of its entity cluster, and the words naming it.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerRef {
    pub name: String,
    pub entity: Option<usize>,
    pub mention: Option<(usize, usize)>,
}

/// Stage 5: the quotes of the article with their speakers resolved to `entities`. A
/// `Name: claim` headline is a quote when the body confirms the speaker; `headline` is the title
/// block's span.
pub fn run(
    doc: &crate::doc::Doc,
    headline: Option<(usize, usize)>,
    entities: &[Cluster],
) -> (Vec<Attribution>, Vec<String>) {
    let found = super::extract(doc);
    let paragraphs: Vec<(usize, usize)> = doc.blocks.iter().map(|b| (b.start, b.end)).collect();
    (resolve(doc.text, &found.quotes, &paragraphs, entities, headline), found.warnings)
}

/// How far back (in bytes) a pronoun looks for the previous speaker before falling back to
/// the nearest person mentioned.
const PREVIOUS_SPEAKER_REACH: usize = 1500;

/// Resolves the speakers of `quotes` (found in `text`, whose blocks are `paragraphs`) against
/// `clusters`. `headline` is the byte span of the title block, whose quotes need confirmation
/// from the body.
pub fn resolve(
    text: &str,
    quotes: &[RawQuote],
    paragraphs: &[(usize, usize)],
    clusters: &[Cluster],
    headline: Option<(usize, usize)>,
) -> Vec<Attribution> {
    let paragraph_of = |pos: usize| paragraphs.partition_point(|&(_, end)| end <= pos);
    let mut resolved: Vec<Option<SpeakerRef>> = Vec::with_capacity(quotes.len());
    for (i, q) in quotes.iter().enumerate() {
        let speaker = match (q.speaker, q.carried_from) {
            (Some(span), _) => Some(resolve_mention(text, q, span, clusters, &resolved, quotes)),
            (None, Some(from)) if from < i => {
                let same_paragraph = paragraph_of(quotes[from].start) == paragraph_of(q.start);
                resolved[from]
                    .clone()
                    .map(|s| SpeakerRef { mention: s.mention.filter(|_| same_paragraph), ..s })
            }
            _ => None,
        };
        resolved.push(speaker);
    }

    let in_headline = |q: &RawQuote| headline.is_some_and(|(s, e)| q.start >= s && q.end <= e);
    quotes
        .iter()
        .zip(resolved.iter())
        .filter(|(q, speaker)| {
            !in_headline(q)
                || speaker.as_ref().and_then(|s| s.entity).is_some_and(|ent| {
                    quotes.iter().zip(resolved.iter()).any(|(other, s)| {
                        !in_headline(other) && s.as_ref().and_then(|s| s.entity) == Some(ent)
                    })
                })
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
            confidence: interim_confidence(q.kind, speaker.as_ref()),
            speaker: speaker.clone(),
        })
        .collect()
}

/// A first estimate by kind and speaker state; the attribution issue (#12) replaces it with a
/// model learned on PolNeAR train and calibrated on held-out articles.
fn interim_confidence(kind: QuoteKind, speaker: Option<&SpeakerRef>) -> f64 {
    let base = match kind {
        QuoteKind::Direct => 0.8,
        QuoteKind::Mixed => 0.6,
        QuoteKind::Indirect => 0.5,
    };
    match speaker {
        Some(s) if s.entity.is_some() => base,
        Some(_) => base * 0.8,
        None => base * 0.5,
    }
}

fn resolve_mention(
    text: &str,
    q: &RawQuote,
    span: (usize, usize),
    clusters: &[Cluster],
    earlier: &[Option<SpeakerRef>],
    quotes: &[RawQuote],
) -> SpeakerRef {
    let written = text.get(span.0..span.1).unwrap_or_default().trim();
    let found = match q.speaker_form {
        Some(SpeakerForm::Pronoun) => match q.speaker_antecedent {
            // `Smith, who said …`: the relative pronoun stands for its antecedent.
            Some(ante) => entities::resolve_name(clusters, text, ante)
                .or_else(|| entities::resolve_role(clusters, text, ante)),
            None => resolve_pronoun(written, span.0, clusters, earlier, quotes),
        },
        Some(SpeakerForm::Role) => entities::resolve_role(clusters, text, span)
            .or_else(|| entities::resolve_name(clusters, text, span)),
        _ => entities::resolve_name(clusters, text, span)
            .or_else(|| entities::resolve_role(clusters, text, span)),
    };
    if let Some(idx) = found {
        SpeakerRef { name: clusters[idx].name.clone(), entity: Some(idx), mention: Some(span) }
    } else if let Some(name) = (q.speaker_form == Some(SpeakerForm::Pronoun)
        && q.speaker_antecedent.is_none())
    .then(|| unnamed_antecedent(written, span.0, earlier, quotes))
    .flatten()
    {
        SpeakerRef { name, entity: None, mention: Some(span) }
    } else {
        let name = match q.speaker_antecedent.and_then(|(a, b)| text.get(a..b)) {
            Some(ante) => ante.trim().to_owned(),
            None => written.to_owned(),
        };
        SpeakerRef { name, entity: None, mention: Some(span) }
    }
}

/// The person a personal pronoun (`he`, `she`) refers to at byte `pos`.
fn resolve_pronoun(
    pronoun: &str,
    pos: usize,
    clusters: &[Cluster],
    earlier: &[Option<SpeakerRef>],
    quotes: &[RawQuote],
) -> Option<usize> {
    let gender = match pronoun.to_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Gender::Male,
        "she" | "her" | "hers" | "herself" => Gender::Female,
        // `they`, `we`, `I`: a group or the writer; not one person of the article.
        _ => return None,
    };
    let compatible = |c: &Cluster| {
        c.kind == EntityKind::Person && (c.gender == gender || c.gender == Gender::Unknown)
    };

    // The text usually goes on about the last person quoted.
    let previous = quotes.iter().zip(earlier).rev().find_map(|(q, s)| {
        let s = s.as_ref()?;
        (q.start < pos && pos - q.start.min(pos) < PREVIOUS_SPEAKER_REACH).then_some(s.entity?)
    });
    if let Some(idx) = previous
        && compatible(&clusters[idx])
        && !other_compatible_person_since(
            clusters,
            idx,
            quote_pos(quotes, earlier, idx),
            pos,
            &compatible,
        )
    {
        return Some(idx);
    }
    // Else the nearest compatible person mentioned before the pronoun.
    clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| compatible(c))
        .filter_map(|(i, c)| c.mentions.iter().rev().find(|m| m.end <= pos).map(|m| (m.end, i)))
        .max()
        .map(|(_, i)| i)
}

/// The speaker of the last quote before `pos` when it is a phrase naming nobody in particular
/// (`A spokeswoman for the ministry declined to comment. “…,” she said.`) that `pronoun` can
/// stand for: the same gender where the phrase shows one, plural for `they`.
fn unnamed_antecedent(
    pronoun: &str,
    pos: usize,
    earlier: &[Option<SpeakerRef>],
    quotes: &[RawQuote],
) -> Option<String> {
    let (q, s) = quotes
        .iter()
        .zip(earlier)
        .rev()
        .find(|(q, s)| q.start < pos && s.as_ref().is_some_and(|s| s.mention.is_some()))?;
    let s = s.as_ref()?;
    if pos - q.start > PREVIOUS_SPEAKER_REACH || s.entity.is_some() {
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

/// Where the last quote attributed to cluster `idx` starts.
fn quote_pos(quotes: &[RawQuote], earlier: &[Option<SpeakerRef>], idx: usize) -> usize {
    quotes
        .iter()
        .zip(earlier)
        .rev()
        .find(|(_, s)| s.as_ref().and_then(|s| s.entity) == Some(idx))
        .map_or(0, |(q, _)| q.start.min(q.speaker.map_or(q.start, |s| s.0)))
}

/// Whether another compatible person is named between `from` and `to` (and would then be the
/// more natural antecedent of a pronoun than the previous speaker).
fn other_compatible_person_since(
    clusters: &[Cluster],
    speaker: usize,
    from: usize,
    to: usize,
    compatible: &dyn Fn(&Cluster) -> bool,
) -> bool {
    clusters.iter().enumerate().any(|(i, c)| {
        i != speaker
            && compatible(c)
            && c.gender != Gender::Unknown
            && c.mentions.iter().any(|m| m.start > from && m.end <= to)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Mention;

    fn person(name: &str, gender: Gender, mentions: &[(usize, usize)]) -> Cluster {
        Cluster {
            name: name.to_owned(),
            kind: EntityKind::Person,
            roles: Vec::new(),
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
