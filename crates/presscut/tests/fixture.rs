//! The fixture article end to end: what a reader of its JSON must see.

use presscut::{Article, BlockKind, BoilerplateKind, Options};

const FIXTURE: &str = include_str!("../../../tests/fixtures/lavrov.txt");
const HEADLINE: &str = "Lavrov: Talks with the U.S. Are Underway — Details Will Remain Confidential / Ready to Meet Rubio in Person";

fn article() -> Article {
    presscut::extract(FIXTURE, &Options::default()).expect("the fixture extracts")
}

fn block_texts(a: &Article, kind: BlockKind) -> Vec<String> {
    let chars: Vec<char> = a.text.chars().collect();
    a.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| chars[b.start..b.end].iter().collect())
        .collect()
}

#[test]
fn title_is_exactly_the_headline_and_comes_first() {
    let a = article();
    assert_eq!(a.title.as_deref(), Some(HEADLINE));
    assert_eq!(a.blocks[0].kind, BlockKind::Title);
    assert!(a.text.starts_with(HEADLINE));
}

#[test]
fn the_three_section_headings_are_heading_blocks() {
    let a = article();
    assert_eq!(
        block_texts(&a, BlockKind::Heading),
        [
            "Transfer of Frozen Russian Assets to Ukraine",
            "U.S. Struggling to Persuade Zelensky",
            "New START Extension"
        ]
    );
    let headings: Vec<Option<&str>> = a.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(
        headings,
        [
            None,
            Some("Transfer of Frozen Russian Assets to Ukraine"),
            Some("U.S. Struggling to Persuade Zelensky"),
            Some("New START Extension")
        ]
    );
}

#[test]
fn the_article_has_its_twenty_two_paragraphs() {
    let a = article();
    assert_eq!(a.stats.paragraphs, 22);
    assert_eq!(block_texts(&a, BlockKind::Paragraph).len(), 22);
    let last = block_texts(&a, BlockKind::Paragraph).pop().unwrap();
    assert!(last.starts_with("According to reports, U.S. President Donald Trump"));
}

#[test]
fn furniture_is_listed_as_boilerplate_and_absent_from_text() {
    let a = article();
    let repeated =
        a.boilerplate.iter().filter(|b| b.kind == BoilerplateKind::RepeatedTitle).count();
    assert_eq!(repeated, 3);
    assert_eq!(a.text.matches(HEADLINE).count(), 1, "only the title block holds the headline");
    for (kind, line) in [
        (BoilerplateKind::Metadata, "News ID 200143"),
        (BoilerplateKind::CommentForm, "Your Comment"),
        (BoilerplateKind::CommentForm, "You are replying to: ."),
        (BoilerplateKind::Captcha, "3 + 4 ="),
    ] {
        assert!(
            a.boilerplate.iter().any(|b| b.kind == kind && b.text == line),
            "{line} not removed as {kind:?}"
        );
        assert!(!a.text.contains(line), "{line} left in text");
    }
    assert_eq!(a.metadata.news_id.as_deref(), Some("200143"));
}

#[test]
fn every_span_slices_the_text() {
    let a = article();
    let chars: Vec<char> = a.text.chars().collect();
    for s in &a.sentences {
        let piece: String = chars[s.start..s.end].iter().collect();
        assert_eq!(piece, piece.trim(), "sentence spans are trimmed");
        assert!(!piece.is_empty());
    }
    for d in &a.dates {
        assert_eq!(chars[d.start..d.end].iter().collect::<String>(), d.text);
    }
}

#[test]
fn the_same_article_inside_page_furniture_comes_out_the_same() {
    let page = format!(
        "Lavrov: Talks with the U.S. Are Underway | Example News\n\n\
         Home\nWorld\nPolitics\nBusiness\nSport\nSubscribe\nSign in\n\n{FIXTURE}\n\n\
         Share this article\nFacebook\nTwitter\n\n\
         Related\nMarkets rally as talks resume\nEU ministers meet in Brussels\n\n\
         © 2026 Example News. All rights reserved.\nPrivacy Policy\nTerms of Use\n"
    );
    let wrapped = presscut::extract(&page, &Options::default()).unwrap();
    let plain = article();
    assert_eq!(wrapped.title, plain.title, "the headline, not the <title> with the site name");
    assert_eq!(wrapped.text, plain.text);
    let kinds: Vec<BoilerplateKind> = wrapped.boilerplate.iter().map(|b| b.kind).collect();
    for kind in [
        BoilerplateKind::Navigation,
        BoilerplateKind::Share,
        BoilerplateKind::Related,
        BoilerplateKind::Footer,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} missing from {kinds:?}");
    }
}
