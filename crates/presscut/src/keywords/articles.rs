//! The stage as the pipeline runs it (entity and sentence hints included) on invented articles
//! of four kinds: what a reader of the keywords sees.

use crate::Options;

fn keywords(text: &str) -> Vec<String> {
    let a = crate::extract(text, &Options::default()).expect("an invented article extracts");
    a.keywords.into_iter().map(|k| k.text).collect()
}

fn has(all: &[String], want: &str) -> bool {
    all.iter().any(|t| t == want)
}

const POLITICS: &str = "Senate Passes Border Security Bill After All-Night Session

The Senate passed a border security bill early on Thursday after an all-night session, sending the measure to the House of Representatives, where its fate is uncertain.

The bill, which passed 54 to 46, would hire 5,000 new border agents, fund new surveillance towers along the southern border and tighten the rules for asylum claims. Senator Laura Whitfield, who wrote the bill, called the vote \u{201c}a turning point for border security.\u{201d}

Democrats said the asylum rules would send people back to danger. \u{201c}This bill treats families fleeing violence as criminals,\u{201d} said Senator Marcus Bell, who led the opposition to the measure.

Three Democrats voted for the bill, and two Republicans voted against it. In the House of Representatives, Speaker Tom Hadley said he would bring the bill to a vote next month. Several members of his party have demanded changes to the asylum rules before they support it.

The border security bill is the first major immigration measure to pass the Senate in more than a decade.
";

const BUSINESS: &str = "Harlow Motors to Cut 4,000 Jobs as Electric Van Sales Stall

Harlow Motors said on Tuesday it would cut 4,000 jobs and close its assembly plant in Dunmore as demand for its electric vans fell for a third straight quarter.

Chief executive Priya Raman told analysts that the carmaker had misjudged how quickly delivery companies would replace diesel fleets. \u{201c}We built capacity for a market that is arriving more slowly than anyone expected,\u{201d} Raman said.

Shares in Harlow Motors fell 9 percent in early trading. The company also cut its profit forecast and suspended its dividend. The Dunmore plant builds the Volta electric van; production of the Volta will move to a larger plant in Kessel.

Analysts said electric van sales had been hurt by the end of purchase subsidies and by high interest rates. Raman said Harlow Motors remained committed to electric vans.
";

const SPORTS: &str = "Okafor Double Sends Riverside Into Cup Final

Riverside beat Castleford 3-1 on Saturday to reach their first cup final in eleven years, with striker Daniel Okafor scoring twice in the second half.

Castleford took the lead through a penalty from Marco Bellini after 20 minutes, and goalkeeper Sam Whitley kept Riverside out until the break.

Okafor equalised five minutes after the restart with a header, and put Riverside ahead on the hour with a low shot. \u{201c}The lads never stopped believing,\u{201d} Riverside manager Helen Cross said.

Okafor has now scored 18 goals this season. He joined Riverside from Castleford two years ago, and he did not celebrate either goal against his former club. Riverside will play the cup final at the national stadium on May 14.
";

const SCIENCE: &str = "Deep-Sea Microbes Found to Break Down Plastic Waste

Scientists have discovered bacteria on the floor of the Pacific Ocean that can break down polyethylene, the most common plastic, raising hopes for new ways to deal with plastic waste.

The team, led by marine biologist Ana Lindqvist of the University of Bergen, collected sediment samples near the Mariana Trench. In the laboratory, two strains of bacteria grew on polyethylene film as their only source of carbon.

\u{201c}We were surprised by how quickly the film lost weight,\u{201d} Lindqvist said. After 60 days, the bacteria had broken down about 12 percent of the plastic.

The researchers identified an enzyme that appears to cut the long polymer chains of polyethylene. Other scientists cautioned that the bacteria work far too slowly to solve the problem of plastic waste.
";

/// Words that read as verbs or adjectives on their own, whatever the article.
const NOT_ALONE: &[&str] = &["passed", "said", "would", "remained", "cut", "break", "found", "new"];

#[test]
fn politics_story_is_tagged_by_its_bill_and_institutions() {
    let all = keywords(POLITICS);
    assert!(has(&all, "border security bill"), "{all:?}");
    assert!(has(&all, "Senate") && has(&all, "asylum rules"), "{all:?}");
    assert!(!all.iter().any(|t| NOT_ALONE.contains(&t.as_str())), "{all:?}");
}

#[test]
fn business_story_is_tagged_by_its_company_and_product() {
    let all = keywords(BUSINESS);
    assert_eq!(all.iter().filter(|t| t.contains("Harlow")).count(), 1, "{all:?}");
    assert!(all[..3].iter().any(|t| t == "Harlow Motors"), "{all:?}");
    assert!(all.iter().any(|t| t.starts_with("electric van")), "{all:?}");
    assert!(!all.iter().any(|t| NOT_ALONE.contains(&t.as_str())), "{all:?}");
}

#[test]
fn sports_story_is_tagged_by_its_teams_scorer_and_stake() {
    let all = keywords(SPORTS);
    for want in ["Okafor", "Riverside", "Castleford", "cup final"] {
        assert!(all[..5].iter().any(|t| t == want), "{want} not in the top 5 of {all:?}");
    }
    assert!(!all.iter().any(|t| t == "years" || t == "minutes"), "{all:?}");
}

#[test]
fn science_story_is_tagged_by_its_finding_and_scientist() {
    let all = keywords(SCIENCE);
    for want in ["bacteria", "polyethylene", "plastic waste"] {
        assert!(has(&all, want), "{want} not in {all:?}");
    }
    assert_eq!(all.iter().filter(|t| t.contains("Lindqvist")).count(), 1, "{all:?}");
    assert!(!all.iter().any(|t| NOT_ALONE.contains(&t.as_str())), "{all:?}");
}
