//! Bad and extreme input: a clear error or a result with a warning, never a panic or a hang.

use presscut::{Error, Options};

fn extract(input: &str) -> presscut::Article {
    presscut::extract(input, &Options::default()).expect("bad input still gives a result")
}

#[test]
fn empty_input_gives_an_empty_article_with_a_warning() {
    for input in ["", "   \n\n\t  \r\n"] {
        let a = extract(input);
        assert!(a.text.is_empty(), "{input:?}");
        assert!(a.blocks.is_empty());
        assert_eq!(a.warnings, ["input is empty"]);
    }
}

#[test]
fn invalid_utf8_is_replaced_and_reported() {
    let a = presscut::extract_bytes(
        b"Headline\n\nThe caf\xe9 was closed on Monday, officials said.",
        &Options::default(),
    )
    .expect("lossy decoding");
    assert!(a.text.contains("caf\u{FFFD}"));
    assert!(a.warnings.iter().any(|w| w.contains("not valid UTF-8")));
}

#[test]
fn invalid_options_are_clear_errors() {
    let options = Options { published: Some("last week".into()), ..Options::default() };
    let err = presscut::extract("text", &options).unwrap_err();
    assert!(matches!(err, Error::InvalidOption { option: "published", .. }));
    assert!(err.to_string().contains("2026-02-05"));
    assert_eq!("xml".parse::<presscut::Format>().unwrap_err().kind(), "invalid_option");
}

#[test]
fn a_file_of_only_quote_marks_is_handled() {
    let marks = "“”\"'‘’«»„".repeat(20_000);
    let a = extract(&marks);
    assert!(a.stats.chars > 0 || !a.warnings.is_empty(), "an empty result says why");
    let raw = presscut::extract(&marks, &Options { clean: false, ..Options::default() }).unwrap();
    assert_eq!(raw.text, marks);
}

#[test]
fn a_single_one_megabyte_line_is_handled() {
    let line = "word, another word and more words ".repeat(30_000);
    let a = extract(&line);
    assert_eq!(a.sentences.len(), 1);
    let no_space = "x".repeat(1 << 20);
    let b = extract(&no_space);
    assert_eq!(b.stats.words, usize::from(!b.text.is_empty()));
}

/// A soak test (about a minute and more than a gigabyte): run it with `cargo test --release
/// -p presscut --test bad_input -- --ignored`. The default run checks that no stage grows
/// faster than its input by counting work instead (`src/cost.rs`).
#[test]
#[ignore = "soak test: 50 MB, about a minute; run with --ignored"]
fn a_fifty_megabyte_article_is_extracted() {
    let fixture = include_str!("../../../tests/fixtures/lavrov.txt");
    let paragraphs: Vec<&str> = fixture.lines().filter(|l| l.len() > 200).collect();
    let mut big = String::from("A very long article\n\n");
    // Numbered, so that no paragraph repeats another (repeated text is kept once).
    for n in 0.. {
        if big.len() >= 50 * 1024 * 1024 {
            break;
        }
        let p = paragraphs[n % paragraphs.len()];
        big.push_str(p);
        big.push_str(" (");
        big.push_str(&n.to_string());
        big.push_str(")\n\n");
    }
    let a = extract(&big);
    assert_eq!(a.title.as_deref(), Some("A very long article"));
    assert!(a.stats.paragraphs > 10_000, "{} paragraphs", a.stats.paragraphs);
    assert_eq!(a.sentences.len(), a.stats.sentences);
}

#[test]
fn too_large_input_is_refused_with_a_clear_error() {
    let err =
        presscut::extract_bytes(&vec![b'a'; presscut::MAX_INPUT_BYTES + 1], &Options::default())
            .unwrap_err();
    assert!(matches!(err, Error::InputTooLarge { .. }));
}

#[test]
fn no_clean_keeps_the_input_verbatim_with_honest_spans() {
    let input = "Line one\r\nwith\u{a0}odd\u{200b} spaces.\r\n\r\nSecond para.";
    let a = presscut::extract(input, &Options { clean: false, ..Options::default() }).unwrap();
    assert_eq!(a.text, input);
    assert_eq!(a.blocks.len(), 2);
    let chars: Vec<char> = input.chars().collect();
    let second: String = chars[a.blocks[1].start..a.blocks[1].end].iter().collect();
    assert_eq!(second, "Second para.");
    let first: String = chars[a.blocks[0].start..a.blocks[0].end].iter().collect();
    assert_eq!(first, "Line one\r\nwith\u{a0}odd\u{200b} spaces.");
}

#[test]
fn html_input_is_detected_and_read_as_page_text() {
    let html = "<html><head><title>Rates rise</title></head><body><nav><a>Home</a></nav>\
        <h1>Rates rise</h1><p>The central bank raised its main rate on Thursday, the third increase this year, \
        citing stubborn inflation in services and wages.</p><p>Economists had expected the move, \
        which markets had largely priced in over the past month.</p></body></html>";
    let a = extract(html);
    assert_eq!(a.source_format, presscut::SourceFormat::Html);
    assert_eq!(a.title.as_deref(), Some("Rates rise"));
    assert!(a.text.contains("The central bank raised"));
    assert!(!a.text.contains("<p>"));
}

#[test]
fn ten_thousand_capitalised_words_in_a_row() {
    let text = (0..10_000)
        .map(|i| format!("Word{}", (b'A' + (i % 26) as u8) as char))
        .collect::<Vec<_>>()
        .join(" ");
    let a = extract(&text);
    // Whatever is tagged, every mention is a real span of the text.
    let chars: Vec<char> = a.text.chars().collect();
    for e in &a.entities {
        for m in &e.mentions {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
        }
    }
}

#[test]
fn an_all_caps_page_and_very_long_names() {
    let caps = "PRESIDENT JOHN SMITH SAID ON MONDAY THAT THE TALKS WOULD GO ON.\n\n".repeat(500);
    let a = extract(&caps);
    assert!(a.stats.sentences > 0);
    let long_name = format!("Minister {} said the talks went well.", "Abcdefghij".repeat(20));
    let b = presscut::extract(&long_name, &Options { clean: false, ..Options::default() }).unwrap();
    assert!(b.entities.iter().all(|e| !e.mentions.is_empty()));
}

#[test]
fn a_hundred_thousand_quote_marks_and_an_unclosed_quote() {
    let marks = "“".repeat(100_000);
    let a = presscut::extract(&marks, &Options { clean: false, ..Options::default() }).unwrap();
    assert!(a.quotes.len() < 10, "marks alone are not quotes");
    let unclosed = format!(
        "Headline\n\nThe minister said: “{}\n\nNext paragraph, he said, was fine.",
        "word ".repeat(2000)
    );
    let b = extract(&unclosed);
    assert!(!b.warnings.is_empty(), "an unclosed quote is reported");
    assert!(b.text.contains("Next paragraph"), "nothing is lost");
    for q in &b.quotes {
        assert!(q.text.chars().count() < 20_000, "a stray mark does not swallow the article");
    }
}

#[test]
fn quote_marks_of_mixed_styles() {
    let text = "Headline\n\n„Wir schaffen das“, sagte sie. «Tout va bien», he said. \"Fine,\" she said. ‘Single,’ he added.";
    let a = extract(text);
    let direct: Vec<&str> = a
        .quotes
        .iter()
        .filter(|q| q.kind == presscut::QuoteKind::Direct)
        .map(|q| q.text.as_str())
        .collect();
    assert!(direct.iter().any(|t| t.contains("Fine")), "{direct:?}");
    assert!(direct.iter().any(|t| t.contains("Tout va bien")), "{direct:?}");
}
