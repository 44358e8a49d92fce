//! The fixture article against its hand annotation (tests/fixtures/lavrov.gold.json), the same
//! checks as tests/test_fixture_gold.py so that `cargo test` alone catches a regression.
//!
//! Every item the annotation lists — title, headings, paragraphs, removed furniture, metadata,
//! quotes with kind, cue and speaker, entities with kind, canonical name, roles and clusters,
//! dates with kind and value, sources with kind and cue — must come out of `presscut::extract`.
//! Items marked optional are not required. The Article is read as its JSON, the form users see.

use serde_json::Value;

const FIXTURE: &str = include_str!("../../../tests/fixtures/lavrov.txt");
const GOLD: &str = include_str!("../../../tests/fixtures/lavrov.gold.json");

fn article() -> Value {
    let a =
        presscut::extract(FIXTURE, &presscut::Options::default()).expect("the fixture extracts");
    serde_json::to_value(a).expect("an Article serializes")
}

fn gold() -> Value {
    serde_json::from_str(GOLD).expect("the annotation is JSON")
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn list(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

/// The text of a block or any other span given in characters of the article text.
fn slice(text: &str, span: &Value) -> String {
    let start = span["start"].as_u64().unwrap_or(0) as usize;
    let end = span["end"].as_u64().unwrap_or(0) as usize;
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

fn blocks(a: &Value, kind: &str) -> Vec<String> {
    let text = s(&a["text"]);
    list(&a["blocks"]).iter().filter(|b| b["kind"] == kind).map(|b| slice(text, b)).collect()
}

#[test]
fn layout_title_headings_paragraphs_and_furniture() {
    let (a, g) = (article(), gold());
    assert_eq!(a["title"], g["title"]);
    assert_eq!(blocks(&a, "heading"), list(&g["headings"]).iter().map(s).collect::<Vec<_>>());
    assert_eq!(a["stats"]["paragraphs"], g["paragraphs"]);
    assert_eq!(blocks(&a, "paragraph").len() as u64, g["paragraphs"].as_u64().unwrap_or(0));
    let removed: Vec<&str> = list(&a["boilerplate"]).iter().map(|b| s(&b["text"])).collect();
    for line in ["News ID 200143", "Your Comment", "You are replying to: .", "3 + 4 ="] {
        assert!(removed.contains(&line), "{line} not removed");
        assert!(!s(&a["text"]).contains(line), "{line} left in the text");
    }
    let repeated = list(&a["boilerplate"]).iter().filter(|b| b["kind"] == "repeated_title").count();
    assert_eq!(repeated, 3);
    assert_eq!(a["metadata"]["news_id"], g["metadata"]["news_id"]);
}

fn quote_with<'a>(a: &'a Value, snippet: &str) -> &'a Value {
    list(&a["quotes"])
        .iter()
        .find(|q| s(&q["text"]).contains(snippet))
        .unwrap_or_else(|| panic!("no quote contains {snippet:?}"))
}

fn cue_of(q: &Value) -> Option<&str> {
    q["cue"]["text"].as_str()
}

#[test]
fn direct_and_mixed_quotes_with_kind_speaker_and_cue() {
    let (a, g) = (article(), gold());
    for item in list(&g["quotes_direct_or_mixed"]).iter().filter(|q| q["optional"] != true) {
        let q = quote_with(&a, s(&item["snippet"]));
        assert_eq!(q["kind"], item["kind"], "{item}");
        assert_eq!(q["speaker"]["name"], item["speaker"], "{item}");
        assert_eq!(cue_of(q), item["cue"].as_str(), "{item}");
        if let Some(start) = item["content_starts"].as_str() {
            assert!(s(&q["text"]).starts_with(start), "{item}: {}", q["text"]);
        }
    }
}

#[test]
fn indirect_quotes_with_speaker_and_cue() {
    let (a, g) = (article(), gold());
    for item in list(&g["quotes_indirect"]) {
        let q = quote_with(&a, s(&item["snippet"]));
        assert_eq!(q["kind"], "indirect", "{item}");
        assert_eq!(q["speaker"]["name"], item["speaker"], "{item}");
        assert_eq!(cue_of(q), item["cue"].as_str(), "{item}");
    }
}

#[test]
fn no_quote_goes_to_a_wrong_person() {
    let (a, g) = (article(), gold());
    let entities = list(&a["entities"]);
    let annotated: Vec<&Value> =
        list(&g["quotes_direct_or_mixed"]).iter().chain(list(&g["quotes_indirect"])).collect();
    for q in list(&a["quotes"]) {
        if let Some(e) = q["speaker"]["entity"].as_u64() {
            assert_eq!(entities[e as usize]["name"], q["speaker"]["name"], "{q}");
        }
        if q["speaker"].is_null() {
            continue;
        }
        for item in &annotated {
            if s(&q["text"]).contains(s(&item["snippet"])) {
                assert_eq!(q["speaker"]["name"], item["speaker"], "{q}");
            }
        }
    }
    assert!(entities.iter().any(|e| e["name"] == "Sergey Lavrov" && e["kind"] == "person"));
}

fn entity<'a>(a: &'a Value, name: &str) -> Option<&'a Value> {
    list(&a["entities"]).iter().find(|e| e["name"] == name)
}

#[test]
fn people_with_their_roles() {
    let (a, g) = (article(), gold());
    for (name, roles) in g["entities"]["person"].as_object().expect("people by name") {
        let e = entity(&a, name).unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(e["kind"], "person", "{name}");
        for role in list(roles) {
            assert!(list(&e["roles"]).contains(role), "{name}: {role} not in {}", e["roles"]);
        }
    }
}

#[test]
fn places_organisations_nationalities_laws_and_events() {
    let (a, g) = (article(), gold());
    for kind in ["location", "organization", "nationality"] {
        for name in list(&g["entities"][kind]) {
            let found = list(&a["entities"]).iter().any(|e| {
                e["kind"] == kind && list(&e["mentions"]).iter().any(|m| m["text"] == *name)
            });
            assert!(found, "{name} is not a {kind} mention");
        }
    }
    for name in list(&g["entities"]["law_or_event"]) {
        let found = list(&a["entities"])
            .iter()
            .any(|e| (e["kind"] == "law" || e["kind"] == "event") && e["name"] == *name);
        assert!(found, "{name} is not a law or event");
    }
}

#[test]
fn every_mention_of_a_surname_is_in_its_cluster() {
    let (a, g) = (article(), gold());
    for name in g["entities"]["clusters"].as_object().expect("clusters by name").keys() {
        let surname = name.rsplit(' ').next().unwrap_or(name);
        let e = entity(&a, name).unwrap_or_else(|| panic!("{name} missing"));
        let clustered =
            list(&e["mentions"]).iter().filter(|m| s(&m["text"]).contains(surname)).count();
        assert_eq!(clustered, s(&a["text"]).matches(surname).count(), "{name}");
    }
}

#[test]
fn furniture_and_heading_words_are_never_entities() {
    let (a, g) = (article(), gold());
    for bad in list(&g["entities"]["never_entities"]) {
        let found = list(&a["entities"])
            .iter()
            .any(|e| list(&e["mentions"]).iter().any(|m| m["text"] == *bad));
        assert!(!found, "{bad} is an entity");
    }
}

#[test]
fn dates_with_kind_and_value() {
    let (a, g) = (article(), gold());
    let found: Vec<(&str, &Value, &Value)> =
        list(&a["dates"]).iter().map(|d| (s(&d["text"]), &d["kind"], &d["value"])).collect();
    for item in list(&g["dates"]) {
        let snippet = s(&item["snippet"]);
        let overlaps = |t: &str| snippet.contains(t) || t.contains(snippet);
        assert!(found.iter().any(|(t, _, _)| overlaps(t)), "{snippet} not found in {found:?}");
        assert!(
            found
                .iter()
                .any(|(t, k, v)| overlaps(t) && **k == item["kind"] && **v == item["value"]),
            "{item} not found in {found:?}"
        );
    }
    for not_a_date in ["200143", "3 + 4"] {
        assert!(!found.iter().any(|(t, _, _)| t.contains(not_a_date)), "{not_a_date} is a date");
    }
}

#[test]
fn sources_with_kind_and_cue() {
    let (a, g) = (article(), gold());
    let got: Vec<(&Value, &Value, Option<&str>)> = list(&a["sources"])
        .iter()
        .map(|x| (&x["name"], &x["kind"], x["cue"]["text"].as_str()))
        .collect();
    for item in list(&g["sources"]) {
        let want = (&item["name"], &item["kind"], item["cue"].as_str());
        assert!(got.contains(&want), "{item} not in {got:?}");
    }
}
