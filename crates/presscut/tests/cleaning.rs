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

/// The article with furniture of many kinds between its paragraphs, worded for this test.
const FURNISHED: &str = "Harbour city votes to build flood wall

PORTSMOUTH — The city council voted on Wednesday to build a two-mile flood wall along the harbour front, ending a debate that has divided residents for almost a decade.

ADVERTISEMENT

The plan, approved by seven votes to four, will cost about $120 million and is expected to take five years to complete, officials said.

Workers repair the sea wall near the ferry terminal in March. (Photo: Sam Ortiz/Coastal News)

Tom Hale / Reuters

MORE: Residents split over ferry timetable

\"This is the most important decision this council has made in a generation,\" Mayor Daniel Okafor told reporters after the vote.

Share on Facebook
Share on WhatsApp
Copy link

Get the Harbour Briefing newsletter in your inbox every morning

Opponents said the wall would cut the historic waterfront off from the sea and drive away tourists.

Related stories
Ferry fares to rise in April
New bridge opens to cyclists

11:42 GMT

This video is unavailable in your region

© 2026 Harbour Media Group. All rights reserved.

The council will meet again in June to choose a contractor, a spokesman said.";

#[test]
fn furniture_inside_an_article_is_removed_with_its_kind_and_the_article_kept() {
    let a = clean(FURNISHED);
    let kinds: Vec<(BoilerplateKind, &str)> =
        a.boilerplate.iter().map(|b| (b.kind, b.text.as_str())).collect();
    let kind_of = |line: &str| kinds.iter().find(|(_, t)| *t == line).map(|(k, _)| *k);
    assert_eq!(kind_of("ADVERTISEMENT"), Some(BoilerplateKind::Advertisement));
    assert_eq!(kind_of("Tom Hale / Reuters"), Some(BoilerplateKind::Metadata));
    assert_eq!(
        kind_of("MORE: Residents split over ferry timetable"),
        Some(BoilerplateKind::Related)
    );
    assert_eq!(kind_of("Share on WhatsApp"), Some(BoilerplateKind::Share));
    assert_eq!(
        kind_of("Get the Harbour Briefing newsletter in your inbox every morning"),
        Some(BoilerplateKind::Newsletter)
    );
    assert_eq!(kind_of("New bridge opens to cyclists"), Some(BoilerplateKind::Related));
    assert_eq!(kind_of("11:42 GMT"), Some(BoilerplateKind::Metadata));
    assert_eq!(kind_of("This video is unavailable in your region"), Some(BoilerplateKind::Other));
    assert_eq!(
        kind_of("© 2026 Harbour Media Group. All rights reserved."),
        Some(BoilerplateKind::Footer)
    );
    // captions are `other` (the contract has no caption kind)
    assert!(kinds.iter().any(|(k, t)| *k == BoilerplateKind::Other && t.starts_with("Workers")));
    assert_eq!(a.boilerplate.len(), 14, "{kinds:#?}");
    // the article is whole: every paragraph, nothing else
    assert_eq!(a.title.as_deref(), Some("Harbour city votes to build flood wall"));
    let paragraphs = block_texts(&a, BlockKind::Paragraph);
    assert_eq!(paragraphs.len(), 5, "{paragraphs:#?}");
    assert!(paragraphs[4].starts_with("The council will meet again in June"));
}

#[test]
fn a_live_blogs_entry_times_stay_but_a_stray_timestamp_goes() {
    // Entry times of one shape, the hour alone (`1 p.m.`) too, each over its own entry.
    let entries: String = [
        ("9:05 a.m.", "Queues formed outside the schools in the northern districts."),
        ("10:20 a.m.", "Turnout reached a fifth of the roll by mid-morning, officials said."),
        ("11:45 a.m.", "The governor voted in her home town and thanked the volunteers."),
        ("1 p.m.", "A power cut delayed voting at two stations near the port."),
        ("2:30 p.m.", "The count went on in the northern districts, election officials said."),
    ]
    .iter()
    .map(|(t, entry)| format!("{t}\n\n{entry}\n\n"))
    .collect::<Vec<_>>()
    .concat();
    let a = clean(&format!(
        "Election day as it happened\n\n{entries}Updated 4 minutes ago\n\nPolls closed at eight."
    ));
    assert!(a.text.contains("\n\n1 p.m.\n\n"), "{}", a.text);
    assert_eq!(a.boilerplate.len(), 1, "{:?}", a.boilerplate);
    assert_eq!(a.boilerplate[0].text, "Updated 4 minutes ago");
}
