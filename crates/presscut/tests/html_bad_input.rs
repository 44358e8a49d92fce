//! Bad and extreme HTML: a result with a warning or a clear error, never a panic, a stack
//! overflow or time worse than linear.

use std::time::{Duration, Instant};

use presscut::{Article, Options};

fn html(bytes: &[u8]) -> Article {
    let options = Options { format: presscut::Format::Html, ..Options::default() };
    presscut::extract_bytes(bytes, &options).expect("bad HTML still gives a result")
}

const ARTICLE: &str = "<h1>Council approves new cycle lanes</h1>\
    <p>The city council approved four kilometres of new cycle lanes on Thursday, after a debate \
    that lasted well into the evening and drew a large crowd to the public gallery.</p>\
    <p>Work on the first section is due to start in the spring, the mayor said, and should take \
    about six months if the weather allows it.</p>";

#[test]
fn unclosed_and_misnested_tags_keep_the_text() {
    let page = "<html><body><div><p>The city council approved four kilometres of new cycle lanes \
        on <b><i>Thursday</b></i>, after a long <em>debate<p>that lasted into the evening, the mayor \
        said on the steps of the town hall.<div><span>Unclosed";
    let a = html(page.as_bytes());
    assert!(a.text.contains("approved four kilometres"), "{}", a.text);
    assert!(a.text.contains("lasted into the evening"));
}

#[test]
fn a_hundred_thousand_nested_elements_do_not_overflow_or_crawl() {
    let page = format!(
        "<html><body>{}{ARTICLE}{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let start = Instant::now();
    let a = html(page.as_bytes());
    assert!(start.elapsed() < Duration::from_secs(20), "took {:?}", start.elapsed());
    assert!(a.text.contains("cycle lanes"));
    assert!(a.warnings.iter().any(|w| w.contains("nests elements")), "{:?}", a.warnings);
    let inline = format!("<p>{}deep{}</p>", "<b>".repeat(100_000), "</b>".repeat(100_000));
    let _ = html(inline.as_bytes());
}

#[test]
fn a_fifty_megabyte_page_is_extracted() {
    let mut page =
        String::from("<html><head><title>Council approves new cycle lanes</title></head><body>");
    while page.len() < 50 * 1024 * 1024 {
        page.push_str("<div class='item'><p>The city council approved four kilometres of new cycle lanes on Thursday, after a debate that lasted into the evening.</p></div>");
    }
    page.push_str("</body></html>");
    let a = html(page.as_bytes());
    assert!(a.stats.paragraphs > 1000, "{} paragraphs", a.stats.paragraphs);
}

#[test]
fn a_page_of_only_scripts_gives_an_empty_article_with_a_warning() {
    let page = "<html><head><script>var a = '<p>not text</p>';</script></head><body><script>document.write('x')</script><style>p{}</style></body></html>";
    let a = html(page.as_bytes());
    assert!(!a.text.contains("not text"));
    assert!(!a.warnings.is_empty(), "an empty article says why");
}

#[test]
fn binary_bytes_are_survived_with_a_warning() {
    let bytes: Vec<u8> =
        (0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let a = html(&bytes);
    assert!(!a.warnings.is_empty());
}

#[test]
fn utf16_pages_are_decoded() {
    let page = format!("<html><body>{ARTICLE}</body></html>");
    for le in [true, false] {
        let mut bytes = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for u in page.encode_utf16() {
            bytes.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let a = presscut::extract_bytes(&bytes, &Options::default()).expect("result");
        assert_eq!(a.source_format, presscut::SourceFormat::Html);
        assert!(a.text.contains("cycle lanes"), "{}", a.text);
    }
}

#[test]
fn legacy_encodings_are_decoded() {
    let cases: [(&'static encoding_rs::Encoding, &str, &str); 3] = [
        (
            encoding_rs::WINDOWS_1251,
            "windows-1251",
            "Городской совет одобрил строительство новых велосипедных дорожек в четверг после долгих дебатов.",
        ),
        (
            encoding_rs::SHIFT_JIS,
            "shift_jis",
            "市議会は木曜日、長い議論の末に新しい自転車道の建設を承認した。工事は春に始まる予定だ。",
        ),
        (
            encoding_rs::GB18030,
            "gb18030",
            "市议会周四在长时间辩论后批准了新的自行车道建设计划，工程预计将于春季开始。",
        ),
    ];
    for (enc, label, text) in cases {
        let declared = format!(
            "<html><head><meta charset=\"{label}\"></head><body><p>{text}</p><p>{text}</p></body></html>"
        );
        let (bytes, _, _) = enc.encode(&declared);
        let a = html(&bytes);
        assert!(a.text.contains(text), "{label} declared: {}", a.text);
        let bare = format!("<html><body><p>{text}</p><p>{text}</p></body></html>");
        let (bytes, _, _) = enc.encode(&bare);
        let b = html(&bytes);
        assert!(b.text.contains(text), "{label} detected: {}", b.text);
        assert!(b.warnings.iter().any(|w| w.contains("detected")), "{:?}", b.warnings);
    }
}
