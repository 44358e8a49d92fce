//! Cleaning of plain text a user feeds: an already-clean article stays whole, a wire byline is
//! metadata, a table stays, an article pasted twice comes out once with a warning. The article
//! is written for these tests.

use presscut::{Article, BlockKind, BoilerplateKind, Options, extract};

const ARTICLE: &str = "Harbour city votes to build flood wall

Jane Doe and John Roe, The Associated Press

PORTSMOUTH — The city council voted on Wednesday to build a two-mile flood wall along the harbour front, ending a debate that has divided residents for almost a decade.

The plan, approved by seven votes to four, will cost about $120 million and is expected to take five years to complete, officials said.

Cost of the wall by phase:
Phase one 2027 $40 million
Phase two 2028 $35 million
Phase three 2029 $45 million

\"This is the most important decision this council has made in a generation,\" Mayor Daniel Okafor told reporters after the vote.

Opponents said the wall would cut the historic waterfront off from the sea and drive away tourists, and would consider a legal challenge.";

fn clean(text: &str) -> Article {
    extract(text, &Options::default()).expect("extraction succeeds")
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
fn a_wire_byline_gives_authors_and_publisher_not_the_title() {
    let a = clean(ARTICLE);
    assert_eq!(a.title.as_deref(), Some("Harbour city votes to build flood wall"));
    assert_eq!(a.metadata.authors, ["Jane Doe", "John Roe"]);
    assert_eq!(a.metadata.publisher.as_deref(), Some("Associated Press"));
    assert_eq!(a.metadata.dateline.as_deref(), Some("PORTSMOUTH"));
    assert!(!a.text.contains("Jane Doe"));
}

#[test]
fn a_table_inside_the_article_stays() {
    let a = clean(ARTICLE);
    let tables = block_texts(&a, BlockKind::Table);
    assert_eq!(tables.len(), 1, "{:?}", a.blocks);
    assert!(
        tables[0].starts_with("Cost of the wall by phase:") && tables[0].ends_with("$45 million")
    );
    assert_eq!(block_texts(&a, BlockKind::Paragraph).len(), 4);
    assert!(a.text.contains("Opponents said"), "the paragraphs after the table stay too");
}

#[test]
fn an_article_pasted_twice_comes_out_once_with_a_warning() {
    let once = clean(ARTICLE);
    let twice = clean(&format!("{ARTICLE}\n\n{ARTICLE}"));
    assert_eq!(twice.text, once.text);
    assert!(twice.warnings.iter().any(|w| w.contains("repeats itself")), "{:?}", twice.warnings);
    assert!(twice.boilerplate.iter().any(|b| b.kind == BoilerplateKind::Other));
    assert!(once.warnings.is_empty(), "{:?}", once.warnings);
}

#[test]
fn an_already_clean_article_keeps_its_first_paragraph() {
    // No headline: the first line is a sentence, and it is the article's first paragraph.
    let text = "The council approved the budget on Monday after a debate that lasted six hours.\n\n\
        Spending on roads rises by four percent, while the library service is cut by a tenth.\n\n\
        The opposition said it would try to reverse the cuts at the next meeting in March.\n\n\
        Residents can comment on the plans until the end of the month, the council said.\n\n\
        A final vote on the library closures is expected in the spring.\n\n\
        The mayor did not attend the meeting, which was chaired by her deputy.\n\n\
        Officials said the budget would be published online later this week.";
    let a = clean(text);
    assert_eq!(a.title, None);
    assert!(a.boilerplate.is_empty(), "{:?}", a.boilerplate);
    assert_eq!(a.text, text);
}
