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
