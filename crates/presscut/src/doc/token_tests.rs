use super::*;

fn toks(s: &str) -> Vec<&str> {
    tokenize(s).iter().map(|t| t.text(s)).collect()
}

#[test]
fn splits_punctuation_off_words() {
    assert_eq!(
        toks("Hello, world! (Really?)"),
        ["Hello", ",", "world", "!", "(", "Really", "?", ")"]
    );
}

#[test]
fn keeps_abbreviations_and_initials_with_their_period() {
    assert_eq!(
        toks("Mr. J. R. Smith of Acme Corp. met U.S. officials at 9 a.m. on Jan. 5."),
        [
            "Mr.",
            "J.",
            "R.",
            "Smith",
            "of",
            "Acme",
            "Corp.",
            "met",
            "U.S.",
            "officials",
            "at",
            "9",
            "a.m.",
            "on",
            "Jan.",
            "5",
            "."
        ]
    );
}

#[test]
fn splits_possessives_and_clitics() {
    assert_eq!(toks("Norland’s mayor said"), ["Norland", "’s", "mayor", "said"]);
    assert_eq!(
        toks("the firm's chief can't go"),
        ["the", "firm", "'s", "chief", "ca", "n't", "go"]
    );
    assert_eq!(toks("they're here, I'd say"), ["they", "'re", "here", ",", "I", "'d", "say"]);
    assert_eq!(toks("the players' union"), ["the", "players", "'", "union"]);
}

#[test]
fn keeps_names_with_inner_apostrophes() {
    assert_eq!(toks("O'Hara met d'Arville"), ["O'Hara", "met", "d'Arville"]);
}

#[test]
fn keeps_hyphenated_words_and_numbers_whole() {
    assert_eq!(
        toks("a 12-year-old won 6-4 on 2001-03-04, paying $1,250.50 or 3.5%"),
        [
            "a",
            "12-year-old",
            "won",
            "6-4",
            "on",
            "2001-03-04",
            ",",
            "paying",
            "$",
            "1,250.50",
            "or",
            "3.5",
            "%"
        ]
    );
}

#[test]
fn separates_quotes_and_dashes() {
    assert_eq!(
        toks("“Yes,” she said — firmly–and \"no\" -- never"),
        [
            "“", "Yes", ",", "”", "she", "said", "—", "firmly", "–", "and", "\"", "no", "\"", "--",
            "never"
        ]
    );
}

#[test]
fn keeps_urls_and_emails_whole() {
    assert_eq!(
        toks("See (https://example.org/a?b=1). Mail desk@example.com, or www.example.net."),
        [
            "See",
            "(",
            "https://example.org/a?b=1",
            ")",
            ".",
            "Mail",
            "desk@example.com",
            ",",
            "or",
            "www.example.net",
            "."
        ]
    );
}

#[test]
fn retokenises_space_joined_tokens_identically() {
    let s = "U.S.-led forces 's n't 1/2 +44 .500 US$ S&P ...\n1. Hansen";
    assert_eq!(toks(s), s.split([' ', '\n']).collect::<Vec<_>>());
}

#[test]
fn doubled_marks_are_one_quote_mark() {
    assert_eq!(toks("''It's over,'' he said"), ["''", "It", "'s", "over", ",", "''", "he", "said"]);
    assert!(tokenize("''").iter().all(|t| t.has(flags::QUOTE)));
}

#[test]
fn flags_describe_the_token() {
    let s = "NATO said Paris 42 , iPhone";
    let t = tokenize(s);
    assert!(t[0].has(flags::ALL_CAPS) && t[0].has(flags::CAP) && t[0].has(flags::LINE_START));
    assert!(t[1].has(flags::LOWER) && !t[1].has(flags::CAP));
    assert!(t[2].has(flags::CAP) && !t[2].has(flags::ALL_CAPS));
    assert!(t[3].has(flags::NUMBER) && t[3].has(flags::DIGIT));
    assert!(t[4].has(flags::PUNCT));
    assert!(t[5].has(flags::HAS_UPPER) && !t[5].has(flags::CAP));
}

#[test]
fn handles_non_latin_scripts_and_marks() {
    assert_eq!(toks("Zürich, Москва и 東京."), ["Zürich", ",", "Москва", "и", "東京", "."]);
    assert_eq!(toks("cafe\u{301} ok"), ["cafe\u{301}", "ok"]);
}

#[test]
fn survives_pathological_input() {
    assert!(tokenize("").is_empty());
    let long = "a".repeat(1 << 20);
    assert_eq!(tokenize(&long).len(), 1);
    let quotes = "\"".repeat(100_000);
    assert_eq!(tokenize(&quotes).len(), 100_000);
    let dots = ".".repeat(10_000) + "'" + &"-".repeat(10_000);
    assert_eq!(tokenize(&dots).len(), 3);
    let weird = "\u{0}\u{FEFF}x\u{200B}y\t\r\n";
    assert_eq!(toks(weird), ["x", "y"]);
}
