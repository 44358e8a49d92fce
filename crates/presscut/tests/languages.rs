//! Articles in other languages: the language is named, the clean text, blocks and sentences
//! are given, and none of the English analysis runs on them (contract, "Languages").
//! The articles are news paragraphs written for these tests (`tests/fixtures/languages/`).

use presscut::{Article, Options, extract};

fn article(name: &str) -> Article {
    let path = format!("{}/../../tests/fixtures/languages/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    extract(&text, &Options::default()).expect("extraction succeeds")
}

fn assert_not_analysed(name: &str, code: &str) {
    let a = article(name);
    assert_eq!(a.metadata.language.as_deref(), Some(code), "{name}");
    let warning = format!("language {code}: no English analysis");
    assert!(a.warnings.contains(&warning), "{name}: warnings {:?}", a.warnings);
    assert!(a.entities.is_empty(), "{name}: entities {:?}", a.entities);
    assert!(a.quotes.is_empty(), "{name}: quotes {:?}", a.quotes);
    assert!(a.dates.is_empty(), "{name}: dates {:?}", a.dates);
    assert!(a.sources.is_empty(), "{name}: sources {:?}", a.sources);
    assert!(a.keywords.is_empty(), "{name}: keywords {:?}", a.keywords);
    // The text itself is still cleaned and laid out.
    assert!(a.title.is_some(), "{name}: no title");
    assert!(a.stats.paragraphs >= 4, "{name}: {} paragraphs", a.stats.paragraphs);
    assert!(a.sentences.len() >= a.stats.paragraphs, "{name}: {} sentences", a.sentences.len());
    assert!(a.boilerplate.is_empty(), "{name}: boilerplate {:?}", a.boilerplate);
}

#[test]
fn german_gets_no_english_analysis() {
    assert_not_analysed("de", "de");
}

#[test]
fn french_gets_no_english_analysis() {
    assert_not_analysed("fr", "fr");
}

#[test]
fn spanish_gets_no_english_analysis() {
    assert_not_analysed("es", "es");
}

#[test]
fn italian_gets_no_english_analysis() {
    assert_not_analysed("it", "it");
}

#[test]
fn portuguese_gets_no_english_analysis() {
    assert_not_analysed("pt", "pt");
}

#[test]
fn russian_gets_no_english_analysis() {
    assert_not_analysed("ru", "ru");
}

#[test]
fn japanese_gets_no_english_analysis() {
    assert_not_analysed("ja", "ja");
}

#[test]
fn chinese_gets_no_english_analysis() {
    assert_not_analysed("zh", "zh");
}

#[test]
fn english_articles_short_and_long_are_analysed() {
    for name in ["en_short", "en_long"] {
        let a = article(name);
        assert_eq!(a.metadata.language.as_deref(), Some("en"), "{name}");
        assert!(!a.warnings.iter().any(|w| w.starts_with("language")), "{name}: {:?}", a.warnings);
        assert!(!a.entities.is_empty(), "{name}: no entities");
        assert!(!a.quotes.is_empty(), "{name}: no quotes");
        assert!(!a.keywords.is_empty(), "{name}: no keywords");
    }
    let long = article("en_long");
    assert!(long.entities.iter().any(|e| e.name == "Daniel Okafor"));
}

#[test]
fn too_little_text_has_no_language_but_is_still_analysed() {
    let a = extract("Talks go on", &Options::default()).expect("extraction succeeds");
    assert_eq!(a.metadata.language, None);
    assert!(!a.warnings.iter().any(|w| w.starts_with("language")));
}

#[test]
fn language_is_named_with_cleaning_off_too() {
    let path = format!("{}/../../tests/fixtures/languages/de.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("fixture");
    let a = extract(&text, &Options { clean: false, ..Options::default() }).expect("extracted");
    assert_eq!(a.metadata.language.as_deref(), Some("de"));
    assert_eq!(a.text, text);
    assert!(a.entities.is_empty());
}
