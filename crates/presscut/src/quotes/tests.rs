//! Behaviour tests of the whole stage on invented sentences, one or more per pattern family,
//! and on pathological input.

use super::*;

pub(super) fn run(text: &str) -> QuoteResult {
    extract(&Doc::from_text(text))
}

/// The quote whose content contains `snippet`.
pub(super) fn find<'a>(r: &'a QuoteResult, text: &str, snippet: &str) -> &'a RawQuote {
    r.quotes
        .iter()
        .find(|q| text[q.start..q.end].contains(snippet))
        .unwrap_or_else(|| panic!("no quote containing {snippet:?} in {:?}", r.quotes))
}

/// Speaker words of quote `q`, following `carried_from`.
pub(super) fn speaker<'a>(r: &QuoteResult, text: &'a str, q: &RawQuote) -> Option<&'a str> {
    let mut q = q;
    for _ in 0..8 {
        if let Some((s, e)) = q.speaker {
            return Some(&text[s..e]);
        }
        q = r.quotes.get(q.carried_from?)?;
    }
    None
}

pub(super) fn cue<'a>(text: &'a str, q: &RawQuote) -> Option<&'a str> {
    q.cue.map(|(s, e)| &text[s..e])
}

pub(super) fn check(
    text: &str,
    snippet: &str,
    kind: QuoteKind,
    who: &str,
    cue_words: Option<&str>,
) {
    let r = run(text);
    let q = find(&r, text, snippet);
    assert_eq!(q.kind, kind, "kind of {snippet:?}");
    assert_eq!(speaker(&r, text, q), Some(who), "speaker of {snippet:?}");
    assert_eq!(cue(text, q), cue_words, "cue of {snippet:?}");
}

#[test]
fn quote_then_pronoun_said() {
    let t = "The mayor spoke at noon.\n\n“We will rebuild the bridge by May,” she said.";
    check(t, "rebuild the bridge", QuoteKind::Direct, "she", Some("said"));
    let r = run(t);
    let q = find(&r, t, "rebuild");
    assert_eq!(&t[q.start..q.end], "We will rebuild the bridge by May,");
    assert_eq!(q.speaker_form, Some(SpeakerForm::Pronoun));
}

#[test]
fn quote_then_said_name_with_apposition() {
    let t = "“Nobody expected the flood,” said Maria Ortega, the head of the river authority.";
    check(t, "Nobody expected", QuoteKind::Direct, "Maria Ortega", Some("said"));
}

#[test]
fn name_said_colon_quote() {
    check(
        "Ortega said: “The dam held.”",
        "The dam held",
        QuoteKind::Direct,
        "Ortega",
        Some("said"),
    );
}

#[test]
fn name_said_comma_quote() {
    check(
        "Later, Ortega said, “The dam held.”",
        "The dam held",
        QuoteKind::Direct,
        "Ortega",
        Some("said"),
    );
}

#[test]
fn told_addressee_colon_quote() {
    check(
        "Ortega told reporters: “We are not done.”",
        "not done",
        QuoteKind::Direct,
        "Ortega",
        Some("told"),
    );
}

#[test]
fn quote_then_dash_name() {
    check("“Never give up.” — Ortega", "Never give up", QuoteKind::Direct, "Ortega", Some("—"));
}

#[test]
fn quote_then_name_added_without_comma() {
    check(
        "“The water is safe now” Ortega added.",
        "water is safe",
        QuoteKind::Direct,
        "Ortega",
        Some("added"),
    );
}

#[test]
fn role_as_speaker() {
    let t = "“The talks will resume,” the Finnish foreign minister said.";
    check(t, "talks will resume", QuoteKind::Direct, "the Finnish foreign minister", Some("said"));
    let r = run(t);
    assert_eq!(r.quotes[0].speaker_form, Some(SpeakerForm::Role));
}

#[test]
fn group_as_speaker() {
    let t = "Officials said the road would reopen next week.";
    let r = run(t);
    let q = find(&r, t, "the road would reopen");
    assert_eq!(q.speaker_form, Some(SpeakerForm::Group));
}

#[test]
fn said_that_clause_is_indirect_without_that() {
    let t = "Ortega said that the dam would hold through the winter.";
    check(t, "the dam would hold", QuoteKind::Indirect, "Ortega", Some("said"));
    let r = run(t);
    assert!(t[r.quotes[0].start..].starts_with("the dam"));
}

#[test]
fn said_bare_clause() {
    check(
        "Ortega said the dam would hold through the winter.",
        "dam would hold",
        QuoteKind::Indirect,
        "Ortega",
        Some("said"),
    );
}

#[test]
fn warned_that() {
    check(
        "The engineer warned that the levee could fail in a storm.",
        "levee could fail",
        QuoteKind::Indirect,
        "The engineer",
        Some("warned"),
    );
}

#[test]
fn according_to_at_sentence_start() {
    check(
        "According to the ministry, the flood damaged 300 homes.",
        "flood damaged",
        QuoteKind::Indirect,
        "the ministry",
        Some("According to"),
    );
}

#[test]
fn according_to_at_sentence_end() {
    check(
        "The flood damaged 300 homes, according to the ministry.",
        "flood damaged",
        QuoteKind::Indirect,
        "the ministry",
        Some("according to"),
    );
}

#[test]
fn clause_then_name_said() {
    check(
        "The repairs will take a year, Ortega said.",
        "repairs will take",
        QuoteKind::Indirect,
        "Ortega",
        Some("said"),
    );
}

#[test]
fn made_it_clear_that() {
    check(
        "The minister made it clear that no funds would be cut.",
        "no funds would be cut",
        QuoteKind::Indirect,
        "The minister",
        Some("made it clear"),
    );
}

#[test]
fn participle_takes_the_main_subject() {
    let t = "Ortega praised the volunteers, noting that the town had never seen such help.";
    check(t, "the town had never seen", QuoteKind::Indirect, "Ortega", Some("noting"));
    let t = "Ortega said the dam held, arguing that the design was sound.";
    check(t, "the design was sound", QuoteKind::Indirect, "Ortega", Some("arguing"));
}

#[test]
fn described_as_quoted_is_mixed() {
    let t = "Ortega described the plan as “a serious mistake.”";
    check(t, "a serious mistake", QuoteKind::Mixed, "Ortega", Some("described"));
    let r = run(t);
    assert!(t[r.quotes[0].start..].starts_with("the plan"));
}

#[test]
fn quoted_words_inside_reported_clause_are_mixed() {
    let t = "She added that the new budget “is fair to every district.”";
    check(t, "is fair to every", QuoteKind::Mixed, "She", Some("added"));
    let r = run(t);
    assert!(t[r.quotes[0].start..].starts_with("the new budget"));
}

#[test]
fn noting_that_quote_is_direct() {
    let t = "Ortega agreed to meet them, noting that “regular talks are essential.”";
    check(t, "regular talks are essential", QuoteKind::Direct, "Ortega", Some("noting"));
}

#[test]
fn quote_only_paragraph_continues_the_previous_speaker() {
    let t = "Ortega said the town would recover.\n\n“We have done it before. We will do it again.”";
    let r = run(t);
    let q = find(&r, t, "done it before");
    assert_eq!(q.speaker, None);
    assert!(q.carried_from.is_some());
    assert_eq!(speaker(&r, t, q), Some("Ortega"));
}

#[test]
fn second_piece_in_paragraph_continues_the_first() {
    let t = "“The water is rising,” Ortega said. “Leave now.”";
    let r = run(t);
    let q = find(&r, t, "Leave now");
    assert_eq!(speaker(&r, t, q), Some("Ortega"));
}

#[test]
fn multi_paragraph_quote_pieces_share_the_speaker() {
    let t = "Ortega said: “We built this town.\n\n“We will rebuild it.\n\n“And we will stay,” she added.";
    let r = run(t);
    for s in ["We built", "We will rebuild", "we will stay"] {
        let q = find(&r, t, s);
        assert_eq!(q.kind, QuoteKind::Direct);
        assert!(speaker(&r, t, q).is_some(), "speaker for {s}");
    }
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn headline_name_colon_claim() {
    let t = "Ortega: The Dam Will Hold\n\nThe mayor spoke on Monday.";
    check(t, "The Dam Will Hold", QuoteKind::Direct, "Ortega", None);
    let r = run(t);
    assert_eq!(r.quotes[0].speaker_form, Some(SpeakerForm::Name));
}

#[test]
fn headline_label_is_not_a_speaker() {
    for t in [
        "Update: The Dam Will Hold\n\nThe mayor spoke on Monday.",
        "Revealed: The Dam Was Never Inspected\n\nThe mayor spoke on Monday.",
    ] {
        let r = run(t);
        assert!(r.quotes.is_empty(), "{:?}", r.quotes);
    }
}

#[test]
fn relative_pronoun_speaker_points_to_its_antecedent() {
    let t = "The plan was backed by Ortega, who said the town needs the money.";
    let r = run(t);
    let q = find(&r, t, "the town needs");
    assert_eq!(speaker(&r, t, q), Some("who"));
    let (a, b) = q.speaker_antecedent.expect("antecedent");
    assert_eq!(&t[a..b], "Ortega");
}

#[test]
fn scare_quotes_are_not_quotes() {
    let r = run("The so-called “reform” passed on Tuesday.");
    assert!(r.quotes.is_empty(), "{:?}", r.quotes);
}

#[test]
fn apostrophes_do_not_open_quotes() {
    let t = "Russia’s rock ’n’ roll bands of the ’90s played on. “It was loud,” Ivanov said.";
    check(t, "It was loud", QuoteKind::Direct, "Ivanov", Some("said"));
    assert!(run(t).warnings.is_empty());
}

#[test]
fn nested_quote_stays_inside_its_quotation() {
    let t = "“They want to join the ‘war party,’ and we refuse,” Ivanov said.";
    let r = run(t);
    let q = find(&r, t, "war party");
    assert_eq!(&t[q.start..q.end], "They want to join the ‘war party,’ and we refuse,");
}

#[test]
fn unclosed_quote_is_recovered_locally_with_a_warning() {
    let t = "Ivanov said: “We will never agree.\n\nThe next paragraph is plain narration about the weather.";
    let r = run(t);
    let q = find(&r, t, "never agree");
    assert!(q.end <= t.find("\n\n").unwrap_or(t.len()));
    assert!(r.warnings.iter().any(|w| w.contains("never closed")));
}

#[test]
fn straight_and_doubled_marks_work_like_curly_ones() {
    check("\"It is over,\" Ivanov said.", "It is over", QuoteKind::Direct, "Ivanov", Some("said"));
    check("''It is over,'' Ivanov said.", "It is over", QuoteKind::Direct, "Ivanov", Some("said"));
    check(
        "«C'est fini», a dit Ivanov. Ivanov said: «It is over.»",
        "It is over",
        QuoteKind::Direct,
        "Ivanov",
        Some("said"),
    );
}

#[test]
fn the_documents_blocks_are_used_and_damaged_ones_left_out() {
    use crate::model::BlockKind::Paragraph;
    let t = "Ivanov said: “One.” Petrov said: “Two.”";
    let r = extract(&Doc::new(t, &[(Paragraph, 0, 19), (Paragraph, 20, t.len())]));
    assert_eq!(r.quotes.len(), 2);
    let bad = [(Paragraph, 5, 2), (Paragraph, 0, 10_000), (Paragraph, 3, 4)];
    assert!(extract(&Doc::new(t, &bad)).quotes.len() <= 2);
}

#[test]
fn empty_and_blank_input() {
    assert!(run("").quotes.is_empty());
    assert!(run("\n\n \n").quotes.is_empty());
    assert!(run("“").quotes.is_empty() || !run("“").warnings.is_empty());
}

#[test]
fn hundred_thousand_quote_marks_finish_with_warnings() {
    let t = "“a” ".repeat(50_000) + &"\"".repeat(100_000);
    let r = run(&t);
    assert!(r.warnings.len() <= 21);
    let mixed: String =
        (0..30_000).map(|i| ["“", "'", "«", "»", "\"", "’ ", "x "][i % 7]).collect();
    let r = run(&mixed);
    assert!(r.quotes.iter().all(|q| q.end <= mixed.len() && q.start <= q.end));
}

#[test]
fn quote_never_closed_in_a_huge_line_does_not_swallow_it() {
    let t = format!("He said: “{}", "word and more words. ".repeat(60_000));
    let r = run(&t);
    assert!(r.quotes.iter().all(|q| q.end - q.start <= 2_100));
    assert!(!r.warnings.is_empty());
}

#[test]
fn many_capitalised_words_and_long_names() {
    let t = format!(
        "{} said the plan works. {} said: “Yes.”",
        "Alpha ".repeat(10_000),
        "B".repeat(200)
    );
    let r = run(&t);
    assert!(r.quotes.iter().all(|q| q.speaker.is_none_or(|(s, e)| e - s < 2_000)));
}

#[test]
fn odd_unicode_is_handled() {
    let t = "\u{feff}“Ça\u{301} va,” dit-il.\u{2028} “Ω≈ç√,” Zoë said. \u{0}\u{fffd}";
    let r = run(t);
    for q in &r.quotes {
        assert!(t.is_char_boundary(q.start) && t.is_char_boundary(q.end));
    }
    check(t, "Ω≈ç√", QuoteKind::Direct, "Zoë", Some("said"));
}

#[test]
fn random_input_never_panics_and_spans_stay_valid() {
    let pieces = [
        "“",
        "”",
        "\"",
        "'",
        "’",
        "‘",
        "«",
        "»",
        "„",
        "''",
        " ",
        "\n",
        "\n\n",
        ".",
        ",",
        ":",
        "—",
        "-",
        "(",
        ")",
        "said",
        "Said",
        "told",
        "according to",
        "that",
        "he",
        "She",
        "Smith",
        "the",
        "U.S.",
        "Mr.",
        "é",
        "ß",
        "🙂",
        "noting",
        "who",
        "and",
        "officials",
        "described",
        "as",
        "?",
        "!",
        "said:",
        "— Smith",
    ];
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..60 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            if seed.is_multiple_of(3) {
                s.push(' ');
            }
        }
        let r = run(&s);
        for q in &r.quotes {
            assert!(q.start <= q.end && q.end <= s.len(), "{s:?}");
            assert!(s.is_char_boundary(q.start) && s.is_char_boundary(q.end), "{s:?}");
            for (a, b) in [q.cue, q.speaker, q.speaker_antecedent].into_iter().flatten() {
                assert!(
                    a <= b && b <= s.len() && s.is_char_boundary(a) && s.is_char_boundary(b),
                    "{s:?}"
                );
            }
            assert!(q.carried_from.is_none_or(|c| c < r.quotes.len()));
        }
    }
}

#[test]
fn question_quote_keeps_its_trailing_attribution() {
    check(
        "“How big is that wall?” asked the boy.",
        "How big",
        QuoteKind::Direct,
        "the boy",
        Some("asked"),
    );
    check(
        "“Can I help?” Miller, a retired teacher, said into the phone.",
        "Can I help",
        QuoteKind::Direct,
        "Miller",
        Some("said"),
    );
}

#[test]
fn paragraph_after_a_colon_takes_its_lead_in() {
    let t = "The agency responded in a statement:\n\n“We followed every rule.”";
    check(t, "followed every rule", QuoteKind::Direct, "The agency", Some("responded"));
}

#[test]
fn warnings_name_the_byte_position() {
    let t = "He said: “No deal.\n\nPlain text here, and a stray ” mark.";
    let r = run(t);
    assert!(
        r.warnings.iter().any(|w| w.contains("byte 9") && w.contains("never closed")),
        "{:?}",
        r.warnings
    );
    assert!(r.warnings.iter().any(|w| w.contains("stray")), "{:?}", r.warnings);
    assert!(!r.quotes.iter().any(|q| t[q.start..q.end].contains("Plain")), "{:?}", r.quotes);
}

#[test]
fn a_trailing_attribution_leaves_the_dateline_and_the_next_report_out() {
    let t = "FRANKFURT (Reuters) - The bank kept rates unchanged on Thursday, President \
             Christine Lagarde said, adding that inflation was cooling faster than expected.";
    let r = run(t);
    let first = find(&r, t, "kept rates unchanged");
    assert_eq!(&t[first.start..first.end], "The bank kept rates unchanged on Thursday");
    assert_eq!(speaker(&r, t, first), Some("President Christine Lagarde"));
    let second = find(&r, t, "inflation was cooling");
    assert!(second.start > first.end, "{:?}", r.quotes);
}

#[test]
fn a_role_tied_to_its_organisation_by_a_preposition_is_one_speaker() {
    check(
        "A spokeswoman for the Economy Ministry said the report was wrong.",
        "the report was wrong",
        QuoteKind::Indirect,
        "A spokeswoman for the Economy Ministry",
        Some("said"),
    );
    check(
        "An official at the Treasury said talks would resume.",
        "talks would resume",
        QuoteKind::Indirect,
        "An official at the Treasury",
        Some("said"),
    );
    check(
        "The head of the central bank, Joachim Nagel, said rates would stay high.",
        "rates would stay high",
        QuoteKind::Indirect,
        "Joachim Nagel",
        Some("said"),
    );
    // a verb before the preposition ends the phrase, and a month alone speaks for nobody
    let t = "The report released in March said costs would rise.";
    let r = run(t);
    assert!(r.quotes.iter().all(|q| speaker(&r, t, q).is_none_or(|s| !s.contains("March"))));
}
