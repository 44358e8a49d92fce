//! Furniture recognised by its form, wherever it sits in the text: ad slugs, teasers and link
//! labels, share bars, newsletter prompts, captions, photo credits, player notices, timestamps,
//! copyright lines and comment prompts.
//!
//! Each recogniser describes the *shape* of a kind of line rather than listing its sentences:
//! a label and a colon before a headline (`READ MORE: …`, `WATCH: …`), names around a slash
//! (`Jane Doe / Agency`), a line made only of share-bar words, only of time words, a media word
//! next to a player word (`video` + `unavailable`), an ad word standing alone or a text that
//! `continues below`. Every one is limited to short lines that are not sentences of prose, so a
//! paragraph that merely mentions a newsletter or a video is never taken.

use std::sync::LazyLock;

use regex::Regex;

use super::features::LineStats;
use super::lines::Unit;
use super::rules::Furniture;
pub use super::word_lines::timestamp_shape;
use super::word_lines::{credit_names_a_source, is_share_bar, is_timestamp};
use crate::model::BoilerplateKind;

/// Lines longer than this many words are never furniture of these forms (the longest are
/// captions and copyright notices, which run to a few dozen words).
const MAX_WORDS: usize = 40;

/// Share bars, ad slugs, player notices and comment prompts are a few words at most.
const SHORT_WORDS: usize = 12;

/// A kind of furniture and the pattern of its form (case-insensitive).
struct Form {
    kind: BoilerplateKind,
    /// The longest line, in words, the form applies to.
    max_words: usize,
    pattern: &'static str,
}

/// Names of places, people and agencies in credits: capitalised words (`Jane`, `O'Neil`,
/// `AFP`, `Getty`), at most four.
macro_rules! names {
    () => {
        r"(?-i:\p{Lu}[\p{L}\p{M}.'’&-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’&-]*|de|da|van|von|di|del|la|le|of))*)"
    };
}

/// Words of a media player's controls and errors.
macro_rules! player_words {
    () => {
        r"(?:unsupported|supported|support|supports|unavailable|available|loading|buffering|enable|javascript|browser|device|cannot|can\s*not|can'?t|could\s+not|error|press|tap|click|skip|replay|play|playing|duration|mute|unmute|full\s*screen|autoplay|version|paused)"
    };
}

const FORMS: &[Form] = &[
    // An ad slug: an advertising word alone, or with the word for what it marks.
    Form {
        kind: BoilerplateKind::Advertisement,
        max_words: SHORT_WORDS,
        pattern: r"^\W*(?:advertisements?|advertising|advert|ads?|sponsored|promoted|paid|partner|affiliate)(?:\s+(?:content|contents|post|posts|stories|story|links?|message|feature|features|partnership|offers?|deals?|products?|listings?|by\s+\S+(?:\s+\S+)?))?\W*$",
    },
    // The text `continues below` an ad, `continue reading`, `scroll to continue`, ad controls.
    Form {
        kind: BoilerplateKind::Advertisement,
        max_words: SHORT_WORDS,
        pattern: r"^\W*(?:(?:advertisement|advertising|ad)\s*[-–—:|.]\s*)?(?:(?:the\s+)?(?:story|article|content|text|post|page|report|feature|piece)\s+continues?\s+(?:below|after|under|on)\b|continue\s+reading\b|scroll\s+(?:down\s+)?(?:to|for)\s+(?:continue|more|read|keep)\b|(?:skip|close|remove|report|hide|block)\s+(?:this\s+|the\s+)?ads?\b|ad\s+feedback\b|ad\s*choices\b|why\s+this\s+ad\b)",
    },
    Form {
        kind: BoilerplateKind::Advertisement,
        max_words: SHORT_WORDS,
        pattern: r"\bcontinues?\s+(?:below|after)\s+(?:this\s+|the\s+)?(?:ad|advert|advertisement|advertising|sponsor\w*)\W*$",
    },
    // A teaser: a label and a colon or bar before the headline it links to.
    Form {
        kind: BoilerplateKind::Related,
        max_words: 30,
        pattern: r"^\W*(?:(?:click|tap)\s+here\s+(?:to\s+)?(?:read|see|watch|listen|find)?[\w\s]{0,20}|read\s+the\s+full\s+(?:story|article|report)|(?:read|watch|listen|see|look|related|more|also|recommended|must[\s-]+(?:read|see|watch)|don'?t\s+miss|trending|popular|latest|top\s+stories|editor'?s\s+picks?|(?:in\s+)?pictures|photos|gallery|explainer|analysis|full\s+coverage|in\s+depth|background|catch\s+up|up\s+next|next\s+up|similar|further\s+reading|previously|earlier|flashback|opinion)(?:\s+(?:more|also|read|see|watch|listen|this|next|now|here|too|again|on|about|the|full|story|stories|article|articles|coverage|live|related))*)\s*(?::|\||»|›|>|–|—|\s-)\s*\S",
    },
    // `… - read more`, `… (read more)`: the link after a teaser's headline.
    Form {
        kind: BoilerplateKind::Related,
        max_words: 30,
        pattern: r"(?:\s[-–—|:]\s*|\(|\[)(?:read|see|watch|listen)\s+(?:more|the\s+full\s+(?:story|article)|here|now)\W*$",
    },
    // A caption marked as one.
    Form {
        kind: BoilerplateKind::Other,
        max_words: MAX_WORDS,
        pattern: r"^\W*(?:(?:image|photo|picture|video|media|audio)\s+)?caption\s*[,:.\-–—]?\s+\S|^\W*(?:pictured|above|below|top|left|right|inset|main\s+(?:image|photo|picture)|file\s+(?:photo|image|picture|pic)|file|illustration|graphic|screenshot|screengrab|still|gallery|image|photo|picture)\s*:\s*\S",
    },
    // A caption ending in its credit: `… (AP Photo/Jane Doe)`, `…. Photograph: A/B`,
    // `… | Photo: Agency`, `… (Image credit: Agency)`.
    Form {
        kind: BoilerplateKind::Other,
        max_words: MAX_WORDS,
        pattern: r"(?:\((?:[\p{Lu}\p{L}]+\s+)?(?:photo|image|picture|photograph|pic|video)s?(?:\s+(?:credit|courtesy|source|by))?\s*[:/][^()]{1,60}\)|[.|]\s*(?:photo|photograph|picture|image|pic|credit|illustration|video)s?(?:\s+(?:credit|by))?\s*:\s*[^.]{1,60}\.?)\s*$",
    },
    // A photo credit: names around a slash or bar, `Name via Agency`, `Photo courtesy of …`.
    Form {
        kind: BoilerplateKind::Metadata,
        max_words: SHORT_WORDS,
        pattern: concat!(
            r"^\W*(?:",
            names!(),
            r"\s*[/|]\s*(?:",
            names!(),
            r"|[a-z]{2,5})|[a-z]{2,5}\s*[/|]\s*",
            names!(),
            r")\W*$"
        ),
    },
    Form {
        kind: BoilerplateKind::Metadata,
        max_words: SHORT_WORDS,
        pattern: concat!(r"^\W*", names!(), r"\s+via\s+(?:", names!(), r"|[a-z]{2,5})\W*$"),
    },
    Form {
        kind: BoilerplateKind::Metadata,
        max_words: SHORT_WORDS,
        pattern: r"^\W*(?:(?:photo|image|picture|video|illustration)s?\s+(?:by|courtesy|credit|source)|courtesy(?:\s+of)?\s+(?-i:\p{Lu})|(?:image|photo|picture)\s+(?:source|credits?)\s*[:,]|©\s*(?-i:\p{Lu})[^.]{0,50}$)",
    },
    // A player notice: a media word and a player word (`Video unavailable`, `Play video`).
    Form { kind: BoilerplateKind::Other, max_words: SHORT_WORDS, pattern: PLAYER },
    // A newsletter or subscription prompt: a call to sign up, or a sign-up form's messages.
    Form {
        kind: BoilerplateKind::Newsletter,
        max_words: 25,
        pattern: r"^\W*(?:sign(?:ing)?\s*-?\s*up|subscribe|join|get|enter|receive|stay|never\s+miss|don'?t\s+miss|want|thank\s+you|thanks|you'?re|you\s+are|invalid|by\s+(?:signing|subscribing|clicking|registering)|already|start|try|be\s+the\s+first|keep\s+up|delivered|plus|unlock|register|follow)\b.*\b(?:newsletters?|inbox|mailing\s+list|e-?mail(?:\s+address)?|briefings?|digest|alerts?|updates|subscri(?:be|bed|ber|bers|bing|ption|ptions)|signing\s+up|sign\s*-?\s*up|unlimited\s+access|register(?:ed|ing)?)\b",
    },
    // A newsletter's name or a mailing-list label (`The Morning Briefing newsletter`), never a
    // sentence (`The newsletter was founded in 1990.` is the article's).
    Form {
        kind: BoilerplateKind::Newsletter,
        max_words: SHORT_WORDS,
        pattern: r"^[^.!?]*\b(?:newsletters?|inbox|mailing\s+list)\b[^.!?]*$",
    },
    // A sign-up form's consent line (`By subscribing you accept our terms`).
    Form {
        kind: BoilerplateKind::Newsletter,
        max_words: 25,
        pattern: r"^\W*by\s+(?:signing|subscribing|clicking|registering|creating|continuing|entering)\b.{0,60}\b(?:agree|accept|consent|acknowledge)",
    },
    // A label over a list of links to other stories (`Related`, `More from Sport`, `Most read`).
    Form { kind: BoilerplateKind::Related, max_words: 8, pattern: LINK_LABEL },
    // A copyright notice.
    Form {
        kind: BoilerplateKind::Footer,
        max_words: MAX_WORDS,
        pattern: r"^\W*(?:©|\(c\)\s*(?:19|20)\d\d|copyright\b)|\ball\s+rights\s+reserved\b|^[^.]{0,80}©[^.]{0,80}$",
    },
    // A comment prompt or counter.
    Form {
        kind: BoilerplateKind::CommentForm,
        max_words: SHORT_WORDS,
        pattern: r"^\W*(?:(?:join|start|enter|read|view|see|show|load|open|hide|add|post|leave|write|have|share)\s+(?:in\s+)?(?:the\s+|a\s+|an\s+|your\s+|all\s+|our\s+)?(?:\d+\s+)?(?:conversation|discussion|debate|comments?|say|replies|reply|thoughts|opinion)\b|\d+\s+(?:comments?|replies|responses)\b|comments?\s*(?:\(\d+\)|\d+)?\W*$|comment(?:s|ing)?\s+(?:are|is|has\s+been|have\s+been)\s+(?:closed|disabled|off|turned\s+off))",
    },
];

/// A player notice: a media word and a player word, in either order, or an offer to listen to
/// the article.
const PLAYER: &str = concat!(
    r"\b(?:video|videos|audio|media|playback|player|podcast|clip|livestream|stream)\b.*\b",
    player_words!(),
    r"\b|\b",
    player_words!(),
    r"\b.*\b(?:video|videos|audio|media|playback|player|podcast|clip|livestream|stream)\b",
    r"|^\W*(?:listen\s+to|hear|(?:audio|narrated)\s+version\s+of|read\s+aloud)\s+(?:this|the)\s+(?:article|story|piece|page)\b",
    // … after a few words (`Press play to listen to this article`), ending the line.
    r"|^\W*(?:[\w']+\s+){1,4}(?:listen\s+to|hear)\s+this\s+(?:article|story|piece)\W*$",
);

/// A label over a list of links to other stories.
const LINK_LABEL: &str = r"^\W*(?:related(?:\s+(?:stories|story|articles?|news|coverage|content|links?|reading|videos?|posts?|topics?|headlines|items|reports|galleries))?|(?:more|also)\s+(?:on|from|in|at|about)\s+[^.!?]{1,40}|more\s+(?:stories|articles|news|coverage|videos?|headlines|like\s+this|to\s+(?:read|explore|watch)|for\s+you|top\s+stories)|read\s+(?:more|next|also|this\s+next)|also\s+read|see\s+also|further\s+reading|keep\s+reading|what\s+to\s+read\s+next|up\s+next|next\s+up|don'?t\s+miss|must\s+reads?|in\s+case\s+you\s+missed\s+it|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|recommended(?:\s+(?:for\s+you|stories|reading|articles|videos?))?|(?:most|top)\s+(?:read|popular|viewed|shared|watched|stories|commented|emailed)|trending(?:\s+(?:now|stories|news|videos?))?|editor'?s\s+picks?|top\s+stories|latest\s+(?:news|stories|headlines|videos?)|popular\s+(?:now|stories|today)|featured(?:\s+(?:stories|articles|videos?))?)\W*$";

static LINK_LABEL_RE: LazyLock<Regex> = LazyLock::new(|| {
    regex::RegexBuilder::new(&crate::lexicon::ascii_word_boundaries(LINK_LABEL))
        .case_insensitive(true)
        .build()
        .expect("the link label is a valid pattern")
});

/// Whether a line is a label over a list of links (`Related`, `More from Sport`).
pub fn is_link_label(text: &str, stats: &LineStats) -> bool {
    stats.words <= 8 && LINK_LABEL_RE.is_match(text)
}

/// One regex per form, each run on its own: a set of all the forms is one automaton whose lazy
/// DFA, with the forms' Unicode classes and bounded repeats, outgrows its cache on the varied
/// lines of page texts and is rebuilt again and again (three times the cost of the whole
/// cleaning). Each form's own DFA stays small and cached, and most lines fail each within a few
/// bytes.
static EACH: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    FORMS
        .iter()
        .map(|f| {
            regex::RegexBuilder::new(&crate::lexicon::ascii_word_boundaries(f.pattern))
                .case_insensitive(true)
                .build()
                .expect("furniture forms are valid patterns")
        })
        .collect()
});

/// The kind of furniture a line is by its form, if it is one.
pub fn recognise(text: &str, stats: &LineStats) -> Option<BoilerplateKind> {
    if stats.words > MAX_WORDS || stats.words == 0 || stats.sentences_inside >= 3 {
        return None;
    }
    if stats.words <= SHORT_WORDS {
        if super::byline::is_agency(text) {
            return Some(BoilerplateKind::Metadata);
        }
        if is_timestamp(text) {
            return Some(BoilerplateKind::Metadata);
        }
        if is_share_bar(text) {
            return Some(BoilerplateKind::Share);
        }
    }
    FORMS
        .iter()
        .zip(EACH.iter())
        .find(|(form, re)| {
            stats.words <= form.max_words && re.is_match(text) && accepts(form, text, stats)
        })
        .map(|(form, _)| form.kind)
}

/// Most links a list under a link label holds.
const MAX_LINKS: usize = 12;

/// The lines under a link label (`Related`, `More on this story`) are the headlines it links
/// to: the rest of the label's group, or the next group when the label stands alone, as long as
/// every line reads as a headline (no sentence, no final period).
pub fn link_lists(
    text: &str,
    units: &[Unit],
    stats: &[LineStats],
    furniture: &mut [Option<Furniture>],
) {
    let line = |j: usize| &text[units[j].start..units[j].end];
    let is_link = |j: usize, furniture: &[Option<Furniture>]| {
        furniture[j].is_none()
            && (1..=25).contains(&stats[j].words)
            && stats[j].sentences_inside == 0
            && !line(j).ends_with(['.', ':', ';', ','])
    };
    let mut i = 0;
    while i + 1 < units.len() {
        let label = matches!(furniture[i], Some(Furniture::Prompt(BoilerplateKind::Related)))
            && is_link_label(line(i), &stats[i]);
        if !label {
            i += 1;
            continue;
        }
        let group = if units[i].blank_after { units[i + 1].group } else { units[i].group };
        let end = (i + 1..units.len()).find(|&j| units[j].group != group).unwrap_or(units.len());
        let links = i + 1..end;
        if links.len() <= MAX_LINKS && links.clone().all(|j| is_link(j, furniture)) {
            for j in links {
                furniture[j] = Some(Furniture::Prompt(BoilerplateKind::Related));
            }
        }
        i = end.max(i + 1);
    }
}

/// Checks beyond the pattern: prose-like lines are not prompts, a teaser's headline is not a
/// sentence, a credit's names are few.
fn accepts(form: &Form, text: &str, stats: &LineStats) -> bool {
    match form.kind {
        // A teaser's headline does not end like a sentence with a period.
        BoilerplateKind::Related => !text.trim_end().ends_with('.') || text.ends_with("..."),
        // A prompt is not a paragraph that talks about newsletters or comments.
        // A prompt may be two short sentences (`Want more? Subscribe today`).
        BoilerplateKind::Newsletter => {
            stats.words <= SHORT_WORDS || (stats.sentences_inside == 0 && !text.ends_with('.'))
        }
        BoilerplateKind::CommentForm => stats.sentences_inside == 0,
        BoilerplateKind::Advertisement => stats.sentences_inside == 0,
        BoilerplateKind::Metadata => stats.sentences_inside == 0 && credit_names_a_source(text),
        BoilerplateKind::Other | BoilerplateKind::Footer => true,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<BoilerplateKind> {
        recognise(text, &LineStats::of(text))
    }

    use BoilerplateKind::*;

    #[test]
    fn ad_slugs_are_recognised_by_their_words() {
        for t in ["ADVERTISEMENT", "Sponsored stories", "The article continues after this ad"] {
            assert_eq!(kind(t), Some(Advertisement), "{t}");
        }
        assert_eq!(kind("The company said advertising revenue fell by a third last year."), None);
    }

    #[test]
    fn teasers_are_a_label_before_a_headline() {
        assert_eq!(kind("WATCH: Mayor opens the new library"), Some(Related));
        assert_eq!(kind("More: Police name the driver"), Some(Related));
        assert_eq!(kind("Election results in full - read more"), Some(Related));
        // a sentence after a label is the article's own
        assert_eq!(kind("Background: the two sides last met in March."), None);
    }

    #[test]
    fn credits_and_captions_have_their_shapes() {
        assert_eq!(kind("Anna Berg / Reuters"), Some(Metadata));
        assert_eq!(kind("Anna Berg/Getty Images"), Some(Metadata));
        // the same shape without a source is a heading or a table's row
        assert_eq!(kind("Anna Berg / Northern Agency"), None);
        assert_eq!(kind("Low-Cost/No-Frills Airlines"), None);
        assert_eq!(kind("| Town | Votes |"), None);
        assert_eq!(kind("Tom Hale via Wire Images"), Some(Metadata));
        assert_eq!(kind("Photo courtesy of the family"), Some(Metadata));
        assert_eq!(kind("Kyodo"), Some(Metadata), "an agency's name alone");
        assert_eq!(kind("Caption: The harbour at dawn"), Some(Other));
        assert_eq!(
            kind("Crowds at the harbour at dawn. Photograph: Anna Berg/Agency"),
            Some(Other)
        );
        assert_eq!(kind("The harbour at dawn (Photo: Anna Berg)"), Some(Other));
    }

    #[test]
    fn player_notices_need_a_media_word_and_a_player_word() {
        assert_eq!(kind("This audio is unavailable"), Some(Other));
        assert_eq!(kind("Play the video"), Some(Other));
        assert_eq!(kind("The video went viral"), None);
        assert_eq!(kind("Tap here to listen to this story"), Some(Other));
        assert_eq!(kind("She asked them to hear the story of her son."), None);
    }

    #[test]
    fn timestamps_are_only_time_words() {
        for t in
            ["09:41 GMT", "Posted at 10:02pm", "3 hours ago", "4 min read", "Updated 11.15 CET"]
        {
            assert_eq!(kind(t), Some(Metadata), "{t}");
        }
        for t in ["2016", "10:30 Opening remarks", "At 3 hours the meeting ended"] {
            assert_eq!(kind(t), None, "{t}");
        }
    }

    #[test]
    fn share_bars_newsletters_copyright_and_comments() {
        assert_eq!(kind("Share on Telegram"), Some(Share));
        assert_eq!(kind("Facebook Reddit Print"), Some(Share));
        assert_eq!(kind("Share the burden"), None);
        assert_eq!(kind("Get the weekend briefing in your inbox"), Some(Newsletter));
        assert_eq!(kind("Subscribers to the paper rose by a fifth, the company said."), None);
        assert_eq!(kind("The Evening Digest newsletter"), Some(Newsletter));
        assert_eq!(kind("The newsletter was founded in 1990."), None);
        assert_eq!(kind("© Harbour Media Group"), Some(Metadata));
        assert_eq!(kind("All rights reserved."), Some(Footer));
        assert_eq!(kind("Start the discussion"), Some(CommentForm));
        assert_eq!(kind("27 comments"), Some(CommentForm));
    }
}
