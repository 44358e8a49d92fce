//! Who said what, through the public API: speakers resolved to full names, roles tied to their
//! organisations, pronouns standing for the person or the unnamed official before them.

fn quotes(text: &str) -> Vec<(String, Option<String>)> {
    let article = presscut::extract(text, &presscut::Options::default()).expect("extracts");
    article.quotes.into_iter().map(|q| (q.text, q.speaker.map(|s| s.name))).collect()
}

fn speaker_of(qs: &[(String, Option<String>)], snippet: &str) -> Option<String> {
    qs.iter()
        .find(|(t, _)| t.contains(snippet))
        .unwrap_or_else(|| panic!("no quote with {snippet:?} in {qs:#?}"))
        .1
        .clone()
}

const ARTICLE: &str = "Germany faces a budget gap, finance minister warns\n\n\
BERLIN — German Finance Minister Christian Lindner said on Monday that the government faced a \
budget gap of 17 billion euros next year.\n\n\
\"We will have to make hard choices,\" the minister told reporters. He added that tax \
increases were not on the table.\n\n\
A spokeswoman for the Economy Ministry said the figures were preliminary. \"We do not comment \
on leaks,\" she said.\n\n\
Opposition leader Friedrich Merz said the coalition had lost control of spending.\n";

#[test]
fn roles_and_pronouns_resolve_to_the_full_name() {
    let qs = quotes(ARTICLE);
    let lindner = Some("Christian Lindner".to_owned());
    assert_eq!(speaker_of(&qs, "budget gap of 17 billion"), lindner);
    assert_eq!(speaker_of(&qs, "hard choices"), lindner, "the minister");
    assert_eq!(speaker_of(&qs, "tax increases"), lindner, "He");
    assert_eq!(speaker_of(&qs, "lost control"), Some("Friedrich Merz".to_owned()));
}

#[test]
fn an_unnamed_official_keeps_the_whole_phrase_and_her_pronoun_follows_it() {
    let qs = quotes(ARTICLE);
    let spokeswoman = Some("A spokeswoman for the Economy Ministry".to_owned());
    assert_eq!(speaker_of(&qs, "figures were preliminary"), spokeswoman);
    assert_eq!(speaker_of(&qs, "comment on leaks"), spokeswoman);
}

#[test]
fn a_pronoun_follows_an_unnamed_speaker_only_when_the_gender_fits() {
    let text = "A German official said the report was wrong. \"We do not comment on leaks,\" she \
said.\n\nA spokesman for the bank declined to comment. \"Not now,\" she said.\n";
    let qs = quotes(text);
    assert_eq!(speaker_of(&qs, "comment on leaks"), Some("A German official".to_owned()));
    assert_ne!(speaker_of(&qs, "Not now"), Some("A spokesman for the bank".to_owned()));
}

/// Every quote of `text` with its speaker's name and its confidence.
fn quotes_with_confidence(text: &str) -> Vec<(String, Option<String>, f64)> {
    let article = presscut::extract(text, &presscut::Options::default()).expect("extracts");
    article.quotes.into_iter().map(|q| (q.text, q.speaker.map(|s| s.name), q.confidence)).collect()
}

fn has_quote(text: &str, snippet: &str) -> bool {
    quotes(text).iter().any(|(t, _)| t.contains(snippet))
}

#[test]
fn the_writers_own_first_person_is_no_quote() {
    let text = "Why the bridge matters\n\nI believe the new bridge will pay for itself within a \
decade. We think the council should approve it this spring.\n\n\
Mayor Tomas Reyes said the vote would come in April.\n";
    assert!(!has_quote(text, "pay for itself"));
    assert!(!has_quote(text, "council should approve"));
    assert!(has_quote(text, "vote would come in April"));
}

#[test]
fn negated_and_hypothetical_reporting_is_no_quote() {
    let text = "Harbour deal in doubt\n\nThe filings do not say that Ingrid Balsam ever \
approved the harbour deal. Balsam declined to say whether she had read them. Critics might argue \
that the deal was rushed.\n\nHer lawyer, Peter Quill, said the filings were incomplete.\n";
    assert!(!has_quote(text, "ever approved"));
    assert!(!has_quote(text, "she had read them"));
    assert!(!has_quote(text, "deal was rushed"));
    assert!(has_quote(text, "filings were incomplete"));
}

#[test]
fn figures_are_no_quote() {
    let text = "Markets\n\nThe index added 0.3 per cent on Monday. The casinos reported $2.1 \
billion in revenue for the year.\n\nAnalyst Mara Lind said the gains were fragile.\n";
    assert!(!has_quote(text, "0.3 per cent"));
    assert!(!has_quote(text, "billion in revenue"));
    assert!(has_quote(text, "gains were fragile"));
}

#[test]
fn a_day_or_a_word_after_a_quote_mark_is_no_speaker() {
    let text = "Vote on the veto\n\n\"Our assumption is that the veto will be overridden,\" said \
Tuesday.\n\nThe council meets again in May.\n";
    let qs = quotes(text);
    assert_eq!(speaker_of(&qs, "veto will be overridden"), None);
}

#[test]
fn transcript_turns_are_said_by_their_labels_not_the_introduction() {
    let text = "Flood plan interview\n\nPartial transcript as follows:\n\n\
BRENNAN: Let's start with the levee. Are the repairs late?\n\n\
WHITFIELD: No, they are not late. The work will be done in June.\n\n\
BRENNAN: Your opponent disagrees.\n\n\
WHITFIELD: He has never read the budget.\n";
    let qs = quotes(text);
    assert_eq!(speaker_of(&qs, "Are the repairs late"), Some("BRENNAN".to_owned()));
    assert_eq!(speaker_of(&qs, "never read the budget"), Some("WHITFIELD".to_owned()));
    assert!(qs.iter().all(|(_, s)| s.as_deref() != Some("Partial")), "{qs:?}");
}

#[test]
fn a_named_direct_quote_is_more_certain_than_a_speakerless_one() {
    let text = "Council vote\n\n\"We will not raise the fares this year,\" Mayor Tomas Reyes said \
on Monday.\n\n\"The buses are full every morning and the drivers are tired of waiting.\"\n";
    let qs = quotes_with_confidence(text);
    assert!(qs.iter().all(|(_, _, c)| (0.0..=1.0).contains(c)), "{qs:?}");
    let named = qs.iter().find(|(t, _, _)| t.contains("raise the fares")).expect("named quote");
    assert_eq!(named.1.as_deref(), Some("Tomas Reyes"));
    if let Some(other) = qs.iter().find(|(t, s, _)| t.contains("buses are full") && s.is_none()) {
        assert!(named.2 > other.2, "{qs:?}");
    }
    assert!(named.2 >= 0.8, "{qs:?}");
}

#[test]
fn a_spokeswoman_for_someone_stays_the_spokeswoman() {
    let text = "Budget talks\n\nPrime Minister Jane Doe met union leaders on Monday.\n\n\
A spokeswoman for Prime Minister Jane Doe said the talks would continue. The Doe campaign said \
the polls were wrong.\n";
    let qs = quotes(text);
    let jane = Some("Jane Doe".to_owned());
    assert_ne!(speaker_of(&qs, "talks would continue"), jane);
    assert_ne!(speaker_of(&qs, "polls were wrong"), jane);
}

#[test]
fn a_pronoun_skips_people_named_inside_a_quote_or_addressed() {
    let text = "Storm repairs\n\n\"We owe a lot to Peter Hale,\" residents said on Monday.\n\n\
He said the repairs would take weeks.\n\n\
Governor Paul Ferris was questioned on Sunday, asked by Mark Dunn about the budget. He said the \
budget was balanced.\n";
    let qs = quotes(text);
    assert_ne!(speaker_of(&qs, "repairs would take weeks"), Some("Peter Hale".to_owned()));
    assert_eq!(speaker_of(&qs, "budget was balanced"), Some("Paul Ferris".to_owned()));
}

#[test]
fn what_was_told_to_a_show_starts_after_the_show() {
    // The addressee is a possessor's show (`Radio Kessling’s “Early Shift”`): the reported
    // clause starts after it, not at the `’s`.
    let text = "Councillor Ann Brody spoke on the radio on Friday.\n\n\
        She told Radio Kessling’s “Early Shift” that the library would reopen in March.\n";
    let qs = quotes(text);
    let (said, speaker) = qs
        .iter()
        .find(|(t, _)| t.contains("library would reopen"))
        .unwrap_or_else(|| panic!("no reported quote in {qs:#?}"));
    assert_eq!(said, "the library would reopen in March");
    assert_eq!(speaker.as_deref(), Some("Ann Brody"));
}

#[test]
fn a_party_and_state_tag_after_the_name_keeps_the_quote_direct_and_its_speaker() {
    // `Name, R-Ky., said`: the tag's period is an abbreviation's, not the end of a sentence.
    let text = "The Senate vote is set for next week.\n\n\
        “The votes are there,” Sen. Dan Pruitt, R-Ky., said Tuesday. “We will pass it.”\n\n\
        “This bill is a mistake,” Rep. Laura Ames, D-Ore., said on Wednesday.\n";
    let article = presscut::extract(text, &presscut::Options::default()).expect("extracts");
    let quote = |snippet: &str| {
        article
            .quotes
            .iter()
            .find(|q| q.text.contains(snippet))
            .unwrap_or_else(|| panic!("no quote with {snippet:?}"))
    };
    for (snippet, name) in [("votes are there", "Dan Pruitt"), ("bill is a mistake", "Laura Ames")]
    {
        let q = quote(snippet);
        assert_eq!(q.kind, presscut::QuoteKind::Direct, "{snippet}");
        assert!(!q.text.contains("R-Ky") && !q.text.contains("D-Ore"), "{:?}", q.text);
        assert_eq!(q.speaker.as_ref().map(|s| s.name.as_str()), Some(name));
    }
    // The sentences do not break inside the tag.
    assert!(article.sentences.iter().all(|s| {
        let t: String = article.text.chars().skip(s.start).take(s.end - s.start).collect();
        !t.ends_with("R-Ky.") && !t.ends_with("D-Ore.")
    }));
}
