//! Behaviour of the entity stage as a user sees it: invented news snippets in the styles of
//! several outlets, the lookups the quote stage uses, and pathological input.
use super::*;

/// The entities of `text` taken as it is.
fn ents(text: &str) -> Vec<Cluster> {
    run(&Doc::from_text(text))
}

/// The cluster the words at `span` of `text` name (as the quote stage asks).
fn resolve_name(_: &[Cluster], text: &str, span: (usize, usize)) -> Option<usize> {
    let d = Doc::from_text(text);
    let cs = run(&d);
    let m = MentionIndex::new(&cs);
    Resolver::new(&d, &cs, &m).name(span)
}

/// The person whose role the words at `span` of `text` name.
fn resolve_role(_: &[Cluster], text: &str, span: (usize, usize)) -> Option<usize> {
    let d = Doc::from_text(text);
    let cs = run(&d);
    let m = MentionIndex::new(&cs);
    Resolver::new(&d, &cs, &m).role(span)
}

/// The cluster whose name is `name` (panics with the list when missing).
fn get<'a>(cs: &'a [Cluster], name: &str) -> &'a Cluster {
    cs.iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no cluster {name:?} in {:#?}", names(cs)))
}

fn names(cs: &[Cluster]) -> Vec<(String, EntityKind)> {
    cs.iter().map(|c| (c.name.clone(), c.kind)).collect()
}

fn texts<'a>(text: &'a str, c: &Cluster) -> Vec<&'a str> {
    c.mentions.iter().map(|m| &text[m.start..m.end]).collect()
}

/// Byte span of the first occurrence of `needle`.
fn span(text: &str, needle: &str) -> (usize, usize) {
    let s = text.find(needle).expect("needle in text");
    (s, s + needle.len())
}

const AP: &str = "WASHINGTON (AP) — Secretary of State Helen Marsh said Tuesday that the United \
States would send a delegation to Geneva next week for talks with Iranian officials.\n\n\
Marsh, speaking to reporters at the State Department, said the talks would focus on the 2015 \
nuclear deal. “We are ready to listen,” she said.\n\n\
Iran’s foreign minister, Ali Rezaei, told state television that Tehran welcomed the move. \
Rezaei said the U.S. must first lift sanctions.\n\n\
Sen. Tom Becker, R-Ohio, criticized the plan. Becker said the administration was “rewarding \
bad behavior.”\n";

#[test]
fn ap_style_titles_become_roles_and_surnames_join_full_names() {
    let cs = ents(AP);
    let marsh = get(&cs, "Helen Marsh");
    assert_eq!(marsh.kind, EntityKind::Person);
    assert_eq!(marsh.roles, ["Secretary of State"]);
    assert_eq!(texts(AP, marsh), ["Helen Marsh", "Marsh"]);
    assert_eq!(marsh.gender, Gender::Female);
    let rezaei = get(&cs, "Ali Rezaei");
    assert_eq!(rezaei.roles, ["Iran’s foreign minister"]);
    assert_eq!(texts(AP, rezaei), ["Ali Rezaei", "Rezaei"]);
    assert_eq!(get(&cs, "Tom Becker").roles, ["Sen."]);
    assert_eq!(get(&cs, "Iranian").kind, EntityKind::Nationality);
    assert_eq!(get(&cs, "Iran").kind, EntityKind::Location);
}

#[test]
fn country_aliases_are_one_cluster_named_by_the_fullest_form() {
    let cs = ents(AP);
    let us = get(&cs, "United States");
    assert_eq!(us.kind, EntityKind::Location);
    assert_eq!(texts(AP, us), ["United States", "U.S."]);
    assert!(!cs.iter().any(|c| c.name == "U.S."), "{:?}", names(&cs));
}

const BBC: &str = "Prime Minister Keir Lawson has said the UK will not rejoin the European Union \
\"in my lifetime\", during a visit to Belfast.\n\n\
Mr Lawson told BBC News that trade with the EU was improving. The Labour leader added that he \
wanted closer ties with France and Germany.\n\n\
Northern Ireland's first minister, Orla Quinn, said she welcomed the visit. Ms Quinn said the \
agreement had brought stability.\n\n\
The prime minister is expected to travel to Brussels next month.\n";

#[test]
fn bbc_style_honorifics_and_acronyms() {
    let cs = ents(BBC);
    let lawson = get(&cs, "Keir Lawson");
    assert_eq!(lawson.roles, ["Prime Minister"]);
    assert_eq!(texts(BBC, lawson), ["Keir Lawson", "Lawson"], "Mr is not part of the name");
    assert_eq!(lawson.gender, Gender::Male);
    let eu = get(&cs, "European Union");
    assert_eq!(eu.kind, EntityKind::Organization);
    assert_eq!(texts(BBC, eu), ["European Union", "EU"]);
    let quinn = get(&cs, "Orla Quinn");
    assert_eq!(quinn.roles, ["Northern Ireland's first minister"]);
    assert_eq!(quinn.gender, Gender::Female);
    assert_eq!(get(&cs, "BBC News").kind, EntityKind::Organization);
}

const BUSINESS: &str = "Northwind Logistics Inc. said on Monday that its chief executive, Priya \
Raman, would step down after eight years.\n\n\
Northwind, based in Rotterdam, named chief financial officer Daniel Okafor as interim CEO. Shares \
of the company fell 4 percent in New York.\n\n\
Raman, 58, told analysts that the International Monetary Fund (IMF) had cut its growth \
forecast. \"The IMF sees trade slowing,\" she said.\n\n\
Analysts at Goldman Sachs said the move was expected. Okafor joined Northwind in 2019 from \
Maersk.\n";

#[test]
fn business_story_executives_and_company_names() {
    let cs = ents(BUSINESS);
    let raman = get(&cs, "Priya Raman");
    assert_eq!(raman.roles, ["chief executive"]);
    assert_eq!(raman.gender, Gender::Female);
    assert_eq!(get(&cs, "Daniel Okafor").roles, ["chief financial officer"]);
    let nw = get(&cs, "Northwind Logistics Inc.");
    assert_eq!(nw.kind, EntityKind::Organization);
    assert_eq!(nw.mentions.len(), 3, "the short name joins the full one");
    let imf = get(&cs, "International Monetary Fund");
    assert_eq!(texts(BUSINESS, imf), ["International Monetary Fund", "IMF", "IMF"]);
}

#[test]
fn acronyms_join_their_expansion_by_initials() {
    let t = "The Baltic Shipping Council (BSC) met in Tallinn. The BSC said freight rates rose.";
    let cs = ents(t);
    let bsc = get(&cs, "Baltic Shipping Council");
    assert_eq!(texts(t, bsc), ["Baltic Shipping Council", "BSC", "BSC"]);
}

const SPORT: &str = "Liverpool beat Arsenal 2-1 at Anfield on Saturday, with Mohamed Salah scoring \
twice in the second half.\n\n\
Arsenal manager Mikel Arteta said his side had been unlucky. \"We created chances,\" Arteta \
said.\n\n\
Salah, who now has 12 goals this season, praised Liverpool coach Arne Slot. The Egyptian \
forward said the win was important.\n";

#[test]
fn sports_story_clubs_and_managers() {
    let cs = ents(SPORT);
    let arteta = get(&cs, "Mikel Arteta");
    assert_eq!(arteta.roles, ["Arsenal manager"]);
    assert_eq!(texts(SPORT, arteta), ["Mikel Arteta", "Arteta"]);
    assert_eq!(get(&cs, "Arne Slot").roles, ["Liverpool coach"]);
    assert_eq!(get(&cs, "Mohamed Salah").mentions.len(), 2);
    assert_eq!(get(&cs, "Arsenal").kind, EntityKind::Organization);
    assert_eq!(get(&cs, "Egyptian").kind, EntityKind::Nationality);
}

#[test]
fn people_sharing_a_surname_stay_apart() {
    let t = "Anna Weber and her brother Lukas Weber founded the firm. Lukas Weber said sales grew. \
             Weber added that exports doubled.";
    let cs = ents(t);
    let anna = get(&cs, "Anna Weber");
    let lukas = get(&cs, "Lukas Weber");
    assert_eq!(anna.mentions.len(), 1);
    assert_eq!(texts(t, lukas), ["Lukas Weber", "Lukas Weber", "Weber"], "the nearest Weber");
}

#[test]
fn demonym_plurals_join_the_adjective() {
    let t = "Russian officials met Ukrainian envoys. Russians and Ukrainians disagreed.";
    let cs = ents(t);
    let ru = get(&cs, "Russian");
    assert_eq!(ru.kind, EntityKind::Nationality);
    assert_eq!(texts(t, ru), ["Russian", "Russians"]);
}

#[test]
fn a_treaty_word_makes_every_mention_a_law() {
    let t = "Moscow offered to extend the New START treaty. Washington said New START limits \
             remained useful, and New START talks would continue.";
    let cs = ents(t);
    let ns = get(&cs, "New START");
    assert_eq!(ns.kind, EntityKind::Law);
    assert_eq!(ns.mentions.len(), 3);
}

#[test]
fn cue_words_make_works_and_products() {
    let t = "Critics praised the film Oppenheimer on Sunday. The carrier ordered 30 Airbus A350 \
             jets.";
    let cs = ents(t);
    assert_eq!(get(&cs, "Oppenheimer").kind, EntityKind::Work);
    assert_eq!(get(&cs, "Airbus A350").kind, EntityKind::Product);
}

#[test]
fn a_place_named_agreement_keeps_the_place() {
    let t = "Kyiv said the Minsk agreements were dead. The talks in Minsk collapsed in 2022.";
    let cs = ents(t);
    assert_eq!(get(&cs, "Minsk").kind, EntityKind::Location);
}

#[test]
fn headings_only_keep_names_the_article_confirms() {
    let t = "Frozen Assets Transfer Stalls\n\n\
             Officials said frozen assets held in Belgium would stay there, and the transfer of \
             the assets was not on the agenda.\n";
    let cs = ents(t);
    assert!(
        !cs.iter().any(|c| c.name.contains("Frozen") || c.name.contains("Assets")),
        "{:?}",
        names(&cs)
    );
    assert_eq!(get(&cs, "Belgium").kind, EntityKind::Location);
}

#[test]
fn pronouns_give_gender_when_the_name_does_not() {
    let t = "Taylor Brandt, the mayor, opened the bridge on Friday. She said it had cost less \
             than planned. Her deputy agreed.";
    let cs = ents(t);
    let tb = get(&cs, "Taylor Brandt");
    assert_eq!(tb.gender, Gender::Female);
    assert_eq!(tb.roles, ["mayor"]);
}

#[test]
fn resolve_name_maps_surnames_titles_and_possessives() {
    let cs = ents(AP);
    let marsh = cs.iter().position(|c| c.name == "Helen Marsh");
    assert!(marsh.is_some());
    // a mention span
    let at = AP.find("Marsh,").expect("Marsh,");
    assert_eq!(resolve_name(&cs, AP, (at, at + 5)), marsh);
    // words that are not a mention span
    let t2 = format!("{AP}Ms. Marsh’s aides declined to comment.");
    let at = t2.rfind("Ms. Marsh’s").expect("Ms. Marsh’s");
    assert_eq!(resolve_name(&cs, &t2, (at, at + "Ms. Marsh’s".len())), marsh);
    assert_eq!(resolve_name(&cs, AP, span(AP, "Tuesday")), None);
}

#[test]
fn resolve_role_finds_the_holder_of_a_role() {
    let cs = ents(AP);
    let idx = |n: &str| cs.iter().position(|c| c.name == n);
    let t = format!(
        "{AP}The Iranian foreign minister later left. The secretary disagreed. The \
                     president was silent."
    );
    let role = |p: &str| resolve_role(&cs, &t, span(&t, p));
    assert_eq!(role("The Iranian foreign minister"), idx("Ali Rezaei"));
    assert_eq!(role("The secretary"), idx("Helen Marsh"));
    assert_eq!(role("The president"), None, "nobody holds that role");
    let name = |p: &str| resolve_name(&cs, &t, span(&t, p));
    assert_eq!(
        name("The Iranian foreign minister"),
        None,
        "a nationality inside a role phrase does not name the speaker"
    );
    assert_eq!(name("the State Department"), idx("State Department"));
}

#[test]
fn resolve_role_reads_abbreviated_titles() {
    let t = "Gen. Ruth Okoye inspected the troops in Abuja. The general said morale was high.";
    let cs = ents(t);
    let okoye = cs.iter().position(|c| c.name == "Ruth Okoye");
    assert!(okoye.is_some(), "{:?}", names(&cs));
    assert_eq!(resolve_role(&cs, t, span(t, "The general")), okoye);
}

#[test]
fn resolve_role_prefers_current_roles_then_the_latest_mention() {
    let t = "Former President Ana Ruiz met President Leo Park in Lima. President Mia Stone \
             arrived later.";
    let cs = ents(t);
    let idx = |n: &str| cs.iter().position(|c| c.name == n);
    let t2 = format!("{t} The president spoke first. The former president left.");
    assert_eq!(resolve_role(&cs, &t2, span(&t2, "The president")), idx("Mia Stone"));
    assert_eq!(resolve_role(&cs, &t2, span(&t2, "The former president")), idx("Ana Ruiz"));
}

#[test]
fn clusters_are_ordered_with_valid_spans() {
    for t in [AP, BBC, BUSINESS, SPORT] {
        let cs = ents(t);
        assert!(cs.windows(2).all(|w| w[0].first_mention <= w[1].first_mention));
        for c in &cs {
            assert!(!c.name.is_empty());
            assert_eq!(c.first_mention, c.mentions[0].start);
            assert!(c.mentions.windows(2).all(|w| w[0].start < w[1].start));
            for m in &c.mentions {
                assert!(t.get(m.start..m.end).is_some_and(|s| !s.is_empty()));
            }
        }
    }
}

#[test]
fn a_surname_in_the_next_sentence_joins_the_full_name() {
    let t = "Keir Lawson spoke. Lawson left.";
    let cs = ents(t);
    assert_eq!(get(&cs, "Keir Lawson").mentions.len(), 2);
}

#[test]
fn pathological_input_does_not_panic() {
    let caps = "Word ".repeat(10_000);
    let allcaps = "PRESIDENT JOHN SMITH MET THE EUROPEAN COMMISSION IN BRUSSELS. ".repeat(500);
    let long_name = format!("Mr. {} Smith said so. {} agreed.", "A".repeat(200), "B".repeat(200));
    let accented = format!("{} Ñandú said.", "Élodie-Ångström".repeat(20));
    let quotes = "“".repeat(10_000);
    let line = "Anna Weber of Oslo met the UN. ".repeat(30_000);
    for t in [
        "",
        " ",
        "\u{feff}",
        caps.as_str(),
        allcaps.as_str(),
        long_name.as_str(),
        accented.as_str(),
        quotes.as_str(),
        line.as_str(),
        "’s ’s ’s",
        "Mr. Mr. Mr.",
        "the former , , President",
    ] {
        let cs = ents(t);
        for c in &cs {
            for m in &c.mentions {
                assert!(t.get(m.start..m.end).is_some());
            }
            let _ = resolve_name(&cs, t, (m_start(c), t.len()));
            let _ = resolve_role(&cs, t, (0, t.len().min(200)));
        }
        let _ = resolve_name(&cs, t, (t.len(), t.len() + 5));
        let _ = resolve_role(&cs, t, (1, 0));
    }
}

fn m_start(c: &Cluster) -> usize {
    c.mentions.first().map_or(0, |m| m.start)
}

const ECB: &str = "Central bank holds rates steady as inflation cools\n\n\
FRANKFURT (Reuters) - The European Central Bank kept interest rates unchanged on Thursday, \
President Christine Lagarde said.\n\n\
\"We are not on a pre-set path,\" Lagarde told reporters in Frankfurt. Analysts at Deutsche \
Bank expected a cut in June.\n\n\
Viacom said it would appeal. Shares of Viacom Inc fell 2 percent.\n";

#[test]
fn a_capital_opening_a_sentence_is_not_a_name_when_the_word_only_sits_inside_names() {
    let cs = ents(ECB);
    assert!(!cs.iter().any(|c| c.name == "Central"), "{:#?}", names(&cs));
    assert_eq!(get(&cs, "European Central Bank").kind, EntityKind::Organization);
    // the short name of a company opening a sentence stays
    let viacom = get(&cs, "Viacom Inc");
    assert_eq!(texts(ECB, viacom), ["Viacom", "Viacom Inc"]);
}

#[test]
fn a_dateline_in_capitals_does_not_name_the_place() {
    let cs = ents(ECB);
    let frankfurt = get(&cs, "Frankfurt");
    assert_eq!(frankfurt.kind, EntityKind::Location);
    assert_eq!(texts(ECB, frankfurt), ["FRANKFURT", "Frankfurt"]);
}

#[test]
fn a_headline_shortening_an_organisation_joins_its_full_name() {
    let text = "Central Bank Holds Rates Steady As Inflation Cools\n\n\
The European Central Bank kept interest rates unchanged on Thursday, and analysts said \
rates would hold steady until the summer.\n";
    let cs = ents(text);
    let ecb = get(&cs, "European Central Bank");
    assert_eq!(texts(text, ecb), ["Central Bank", "European Central Bank"]);
    assert!(!cs.iter().any(|c| c.name == "Central Bank"), "{:#?}", names(&cs));
}

#[test]
fn a_place_named_only_in_a_dateline_takes_the_gazetteer_spelling() {
    let text = "BERLIN — The government faced a budget gap of 17 billion euros, officials said.\n";
    let cs = ents(text);
    let berlin = get(&cs, "Berlin");
    assert_eq!(berlin.kind, EntityKind::Location);
    assert_eq!(texts(text, berlin), ["BERLIN"]);
}
