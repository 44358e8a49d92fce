//! The language of an article's text, as the primary language subtag (`en`, `de`, `zh`).
//!
//! Two steps, cheapest first. Most input is English news, which a share of English-only
//! function words (`data/english_markers.txt`) recognises in one pass over a sample of the text.
//! Everything else goes to whatlang's detector (trigrams within the text's script; scripts used
//! by one language, such as Greek or Hangul, settle it at once). A language the page declares
//! (`<html lang>`, passed in by the HTML path) is kept where the text confirms it, or where the
//! text cannot tell it apart from a close neighbour (Croatian and Serbian, Czech and Slovak).

use std::sync::LazyLock;

use whatlang::Lang;

use crate::lexicon::{self, FastSet};

/// Bytes of the text the decision reads: the language of a news article shows in its first
/// paragraphs, and reading a bounded sample keeps the cost per article constant.
const SAMPLE_BYTES: usize = 2048;

/// Fewer letters than this (about four words) are too little text to tell a language by.
const MIN_LETTERS: usize = 20;

/// The marker check needs this many words before its share means anything.
const MIN_MARKER_WORDS: usize = 30;

/// Texts whose words are at least this share English markers are English without further
/// checks. English news has 0.25–0.40 of them (PolNeAR train: 1% of its articles are below
/// 0.125; list-like web pages in the WCXB dev bodies go down to 0.04, and those go to the
/// detector); German, French, Spanish or Italian text has almost none.
const ENGLISH_MARKER_SHARE: f32 = 0.12;

/// A text whose cased words mostly begin with a capital is a list of names (a results table, a
/// line-up, a list of headlines), not running text: what the detector would read is names,
/// which do not carry the language of the text around them (a table of Yugoslav football clubs
/// in an English wire story reads as Spanish). Prose has 0.1–0.4 of them, German with its
/// capitalised nouns about 0.35–0.45.
const NAME_LIST_SHARE: f32 = 0.6;

static MARKERS: LazyLock<FastSet<u64>> = LazyLock::new(|| {
    lexicon::entries(include_str!("../data/english_markers.txt")).filter_map(pack).collect()
});

/// An ASCII word of at most 8 letters as a number (lower-cased), for set look-ups without
/// building strings.
fn pack(word: &str) -> Option<u64> {
    (word.len() <= 8 && word.is_ascii())
        .then(|| word.bytes().fold(0u64, |acc, b| (acc << 8) | u64::from(b.to_ascii_lowercase())))
}

/// The language of `text`: `declared` (a BCP 47 tag such as `en-GB`, from the page) where the
/// text confirms it, else the language detected from the text; `None` when there is too
/// little text to tell (a few words, or a short text of mixed languages the detector is
/// unsure about).
pub fn decide(text: &str, declared: Option<&str>) -> Option<String> {
    let sample = sample(text);
    let counts = count(sample);
    if counts.letters < MIN_LETTERS {
        return None;
    }
    if counts.words >= MIN_MARKER_WORDS
        && counts.markers as f32 >= ENGLISH_MARKER_SHARE * counts.words as f32
    {
        return Some("en".to_owned());
    }
    let declared = declared.map(primary_subtag).filter(|d| !d.is_empty());
    if counts.cased >= MIN_MARKER_WORDS
        && counts.capitalised as f32 >= NAME_LIST_SHARE * counts.cased as f32
    {
        // Too little running text to tell another language by: the page's word stands, else
        // English if the detector reads it so (an unsure "English" costs nothing), else no
        // answer (and so the benefit of the doubt, see `is_english`).
        let english = || whatlang::detect_lang(sample).is_some_and(|l| l == Lang::Eng);
        return declared.or_else(|| english().then(|| "en".to_owned()));
    }
    let Some(info) = whatlang::detect(sample) else {
        return declared;
    };
    let detected = subtag(info.lang());
    // An unsure guess of another language is no answer: wrongly taken for a foreign text, an
    // English one would lose its analysis (an unsure "English" costs nothing of the kind).
    let Some(declared) = declared else {
        return (info.is_reliable() || detected == "en").then(|| detected.to_owned());
    };
    if declared == detected {
        return Some(declared);
    }
    // The declaration stands when the detector names a close neighbour, or is unsure and the
    // text is written in a script the declared language uses.
    let script_fits = from_subtag(&declared).is_none_or(|l| info.script().langs().contains(&l));
    if neighbours(&declared, detected) || (!info.is_reliable() && script_fits) {
        Some(declared)
    } else {
        Some(detected.to_owned())
    }
}

/// Whether the analysis stages, which exist for English, apply to text in `language`
/// (`None`, too little text to tell, is given the benefit of the doubt).
pub fn is_english(language: Option<&str>) -> bool {
    language.is_none_or(|l| l == "en")
}

/// The first [`SAMPLE_BYTES`] of the text, cut at a character boundary.
fn sample(text: &str) -> &str {
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[derive(Debug, Default)]
struct Counts {
    letters: usize,
    words: usize,
    markers: usize,
    /// Words that begin with a letter that has a case (not CJK, Arabic, Hebrew, …).
    cased: usize,
    /// Of those, the words that begin with a capital.
    capitalised: usize,
}

/// Letters, words (runs of letters) and English markers of a text, in one pass.
fn count(text: &str) -> Counts {
    let mut c = Counts::default();
    let mut word_start: Option<usize> = None;
    for (i, ch) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if ch.is_alphabetic() {
            c.letters += 1;
            if word_start.is_none() {
                word_start = Some(i);
                let upper = ch.is_uppercase();
                c.cased += usize::from(upper || ch.is_lowercase());
                c.capitalised += usize::from(upper);
            }
        } else if let Some(s) = word_start.take() {
            c.words += 1;
            c.markers += usize::from(pack(&text[s..i]).is_some_and(|k| MARKERS.contains(&k)));
        }
    }
    c
}

/// The primary language subtag of a BCP 47 tag, lower-cased (`en-GB` → `en`, `zh_Hant` →
/// `zh`); the deprecated codes of Hebrew, Indonesian and Yiddish are mapped to today's.
fn primary_subtag(tag: &str) -> String {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    match primary.as_str() {
        "iw" => "he".to_owned(),
        "in" => "id".to_owned(),
        "ji" => "yi".to_owned(),
        _ => primary,
    }
}

/// whatlang's languages (ISO 639-3) and their primary subtags (ISO 639-1).
const SUBTAGS: &[(Lang, &str)] = &[
    (Lang::Epo, "eo"),
    (Lang::Eng, "en"),
    (Lang::Rus, "ru"),
    (Lang::Cmn, "zh"),
    (Lang::Spa, "es"),
    (Lang::Por, "pt"),
    (Lang::Ita, "it"),
    (Lang::Ben, "bn"),
    (Lang::Fra, "fr"),
    (Lang::Deu, "de"),
    (Lang::Ukr, "uk"),
    (Lang::Kat, "ka"),
    (Lang::Ara, "ar"),
    (Lang::Hin, "hi"),
    (Lang::Jpn, "ja"),
    (Lang::Heb, "he"),
    (Lang::Yid, "yi"),
    (Lang::Pol, "pl"),
    (Lang::Amh, "am"),
    (Lang::Jav, "jv"),
    (Lang::Kor, "ko"),
    (Lang::Nob, "nb"),
    (Lang::Dan, "da"),
    (Lang::Swe, "sv"),
    (Lang::Fin, "fi"),
    (Lang::Tur, "tr"),
    (Lang::Nld, "nl"),
    (Lang::Hun, "hu"),
    (Lang::Ces, "cs"),
    (Lang::Ell, "el"),
    (Lang::Bul, "bg"),
    (Lang::Bel, "be"),
    (Lang::Mar, "mr"),
    (Lang::Kan, "kn"),
    (Lang::Ron, "ro"),
    (Lang::Slv, "sl"),
    (Lang::Hrv, "hr"),
    (Lang::Srp, "sr"),
    (Lang::Mkd, "mk"),
    (Lang::Lit, "lt"),
    (Lang::Lav, "lv"),
    (Lang::Est, "et"),
    (Lang::Tam, "ta"),
    (Lang::Vie, "vi"),
    (Lang::Urd, "ur"),
    (Lang::Tha, "th"),
    (Lang::Guj, "gu"),
    (Lang::Uzb, "uz"),
    (Lang::Pan, "pa"),
    (Lang::Aze, "az"),
    (Lang::Ind, "id"),
    (Lang::Tel, "te"),
    (Lang::Pes, "fa"),
    (Lang::Mal, "ml"),
    (Lang::Ori, "or"),
    (Lang::Mya, "my"),
    (Lang::Nep, "ne"),
    (Lang::Sin, "si"),
    (Lang::Khm, "km"),
    (Lang::Tuk, "tk"),
    (Lang::Aka, "ak"),
    (Lang::Zul, "zu"),
    (Lang::Sna, "sn"),
    (Lang::Afr, "af"),
    (Lang::Lat, "la"),
    (Lang::Slk, "sk"),
    (Lang::Cat, "ca"),
    (Lang::Tgl, "tl"),
    (Lang::Hye, "hy"),
    (Lang::Cym, "cy"),
];

/// The primary subtag of a whatlang language (its ISO 639-3 code for any the table lacks).
fn subtag(lang: Lang) -> &'static str {
    SUBTAGS.iter().find(|(l, _)| *l == lang).map_or(lang.code(), |(_, s)| s)
}

fn from_subtag(subtag: &str) -> Option<Lang> {
    SUBTAGS.iter().find(|(_, s)| *s == subtag).map(|(l, _)| *l)
}

/// Languages close enough that a text-based detector confuses them (and the macrolanguage
/// codes that cover them: `no` for Norwegian, `ms` for Malay, `bs` for Bosnian).
const NEIGHBOURS: &[&[&str]] = &[
    &["hr", "sr", "bs", "sh"],
    &["cs", "sk"],
    &["nb", "nn", "no", "da", "sv"],
    &["id", "ms"],
    &["ru", "uk", "be", "bg", "mk"],
    &["es", "gl", "pt", "ca"],
    &["hi", "mr", "ne"],
    &["fa", "ar", "ur"],
];

fn neighbours(a: &str, b: &str) -> bool {
    NEIGHBOURS.iter().any(|group| group.contains(&a) && group.contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: &str = "The minister said on Tuesday that the talks with the union would \
        resume next week, after both sides had agreed to a new timetable for the negotiations.";
    const GERMAN: &str = "Der Minister sagte am Dienstag, die Gespräche mit der Gewerkschaft \
        würden nächste Woche fortgesetzt, nachdem sich beide Seiten auf einen neuen Zeitplan \
        für die Verhandlungen geeinigt hätten.";

    #[test]
    fn english_news_is_english() {
        assert_eq!(decide(ENGLISH, None).as_deref(), Some("en"));
        assert_eq!(decide(&ENGLISH.repeat(40), None).as_deref(), Some("en"));
    }

    #[test]
    fn german_news_is_german() {
        assert_eq!(decide(GERMAN, None).as_deref(), Some("de"));
    }

    #[test]
    fn a_table_of_names_is_not_taken_for_the_language_of_the_names() {
        // A results table in an English wire story: club names read as Spanish or Italian to a
        // trigram detector, but they say nothing of the text's language.
        let table = "SOCCER - VALDORIA LEAGUE RESULTS.\nResults of the Valdoria league on Sunday:\n\
            Real Montego 2 Atletico Sorrera 1\nDeportivo Canal 0 Union Marisca 0\n\
            Estrella Vallejo 3 Sporting Almedo 1\nRacing Palmera 1 Ciudad Torrente 2\n\
            Nacional Arroyo 4 Juventud Lagos 0\nStandings: Real Montego 12, Estrella Vallejo 10, \
            Ciudad Torrente 9, Nacional Arroyo 7, Atletico Sorrera 6, Union Marisca 5.";
        let language = decide(table, None);
        assert!(is_english(language.as_deref()), "{language:?}");
        // A page's declaration still stands for such a table.
        assert_eq!(decide(table, Some("es")).as_deref(), Some("es"));
        // Running text in another language is still recognised.
        assert_eq!(decide(GERMAN, None).as_deref(), Some("de"));
    }

    #[test]
    fn too_little_text_has_no_language() {
        assert_eq!(decide("", None), None);
        let mixed = "„Wir schaffen das“, sagte sie. «Tout va bien», he said. \"Fine,\" she said.";
        assert_eq!(decide(mixed, None), None);
        assert_eq!(decide("Talks go on", None), None);
        assert_eq!(decide("Talks go on", Some("de")), None);
    }

    #[test]
    fn a_declaration_stands_only_where_the_text_confirms_it() {
        // The page says German; the text is English: the text wins.
        assert_eq!(decide(ENGLISH, Some("de-DE")).as_deref(), Some("en"));
        assert_eq!(decide(GERMAN, Some("de-AT")).as_deref(), Some("de"));
        assert_eq!(decide(GERMAN, Some("fr")).as_deref(), Some("de"));
    }

    #[test]
    fn close_neighbours_follow_the_declaration() {
        let croatian = "Ministar je u utorak rekao da će se pregovori sa sindikatom nastaviti \
            sljedeći tjedan, nakon što su se obje strane dogovorile o novom rasporedu.";
        let detected = decide(croatian, None);
        assert!(matches!(detected.as_deref(), Some("hr" | "sr" | "sl")), "{detected:?}");
        assert_eq!(decide(croatian, Some("sr-Latn")).as_deref(), Some("sr"));
        assert_eq!(decide(croatian, Some("hr")).as_deref(), Some("hr"));
    }

    #[test]
    fn tags_are_reduced_to_their_primary_subtag() {
        assert_eq!(primary_subtag(" EN-us "), "en");
        assert_eq!(primary_subtag("zh_Hant"), "zh");
        assert_eq!(primary_subtag("iw"), "he");
    }

    #[test]
    fn samples_are_cut_at_character_boundaries() {
        let text = "ü".repeat(SAMPLE_BYTES);
        assert!(sample(&text).len() <= SAMPLE_BYTES);
        assert_eq!(sample("short"), "short");
    }

    #[test]
    fn every_whatlang_language_has_a_subtag() {
        for lang in Lang::all() {
            assert_eq!(subtag(*lang).len(), 2, "{lang:?}");
        }
    }
}
