//! Behaviour of the whole stage on invented articles.

use super::*;

/// The keywords of `text` taken as it is.
fn kw(text: &str, hints: &Hints, k: usize) -> Vec<Keyword> {
    extract(&Doc::from_text(text), hints, k)
}

fn texts(text: &str, k: usize) -> Vec<String> {
    kw(text, &Hints::default(), k).into_iter().map(|k| k.text).collect()
}

const WIND_FARM: &str = "Council approves offshore wind farm near Dunmore\n\n\
The county council approved an offshore wind farm on Tuesday after a year of hearings. \
The wind farm will have forty wind turbines and supply power to sixty thousand homes. \
Fishermen in Dunmore said the wind turbines would damage lobster grounds. \
Marisol Tevez, who chairs the planning committee, said the wind farm met every test. \
Marisol Tevez added that lobster grounds would be surveyed each spring. \
Construction of the wind farm starts next year, and a wind turbine factory may follow.";

#[test]
fn empty_text_or_zero_k_gives_nothing() {
    assert!(kw("", &Hints::default(), 10).is_empty());
    assert!(kw(WIND_FARM, &Hints::default(), 0).is_empty());
}

#[test]
fn scores_are_descending_and_in_unit_interval() {
    let kws = kw(WIND_FARM, &Hints::default(), 10);
    assert!(!kws.is_empty());
    assert!((kws[0].score - 1.0).abs() < 1e-12);
    for w in kws.windows(2) {
        assert!(w[0].score >= w[1].score);
    }
    assert!(kws.iter().all(|k| k.score > 0.0 && k.score <= 1.0));
}

#[test]
fn repeated_topic_phrase_ranks_first() {
    let top = texts(WIND_FARM, 3);
    assert!(top.iter().any(|t| t == "wind farm"), "{top:?}");
}

#[test]
fn plural_and_singular_are_one_keyword_in_the_majority_form() {
    let all = texts(WIND_FARM, 30);
    assert!(all.iter().any(|t| t == "wind turbines"), "{all:?}");
    assert!(!all.iter().any(|t| t == "wind turbine"), "{all:?}");
}

#[test]
fn no_keyword_starts_or_ends_with_a_function_word() {
    for kw in texts(WIND_FARM, 30) {
        let words: Vec<String> = kw.split(' ').map(str::to_lowercase).collect();
        for edge in [words.first(), words.last()].into_iter().flatten() {
            assert!(
                !["the", "a", "of", "and", "to", "on", "in", "would", "said", "who"]
                    .contains(&edge.as_str()),
                "{kw}"
            );
        }
    }
}

#[test]
fn a_name_is_reported_whole_not_as_its_parts() {
    let all = texts(WIND_FARM, 30);
    assert!(all.iter().any(|t| t == "Marisol Tevez"), "{all:?}");
    assert!(!all.iter().any(|t| t == "Tevez" || t == "Marisol"), "{all:?}");
}

#[test]
fn titles_are_not_part_of_a_name() {
    let text = "The talks stalled. Foreign Minister Ana Ruiz left early. \
                Ana Ruiz later met Deputy Mayor Tom Okafor, and Ana Ruiz spoke again.";
    let all = texts(text, 20);
    assert!(all.iter().any(|t| t == "Ana Ruiz"), "{all:?}");
    assert!(!all.iter().any(|t| t.contains("Minister Ana")), "{all:?}");
}

#[test]
fn sentence_initial_capital_is_dropped_for_common_words() {
    let text = "Tariffs rose again. Importers said tariffs hurt. The new tariffs start soon, \
                and tariffs on steel double.";
    let all = texts(text, 5);
    assert_eq!(all.first().map(String::as_str), Some("tariffs"), "{all:?}");
}

#[test]
fn entity_hints_are_never_cut_in_two() {
    let text = "Staff at Harbor Point Authority voted. Harbor Point Authority staff voted again \
                and the Point Authority vote passed.";
    let start = text.find("Harbor").unwrap_or(0);
    let second = text.rfind("Harbor Point Authority").unwrap_or(0);
    let ents = [
        (start, start + "Harbor Point Authority".len()),
        (second, second + "Harbor Point Authority".len()),
    ];
    let hints = Hints { entities: &ents, ..Hints::default() };
    let all: Vec<String> = kw(text, &hints, 20).into_iter().map(|k| k.text).collect();
    assert!(all.iter().any(|t| t == "Harbor Point Authority"), "{all:?}");
    assert!(!all.iter().any(|t| t == "Harbor Point"), "{all:?}");
}

#[test]
fn a_repeated_headline_counts_once() {
    let headline = "Ferry Strike Ends After Nine Days";
    let body = "Ferry crews returned to work. The union said wages would rise. Crews cheered \
                the deal, and the union thanked passengers for their patience.";
    let once = format!("{headline}\n\n{body}");
    let thrice = format!("{headline}\n\n{body}\n\n{headline}\n\n{headline}");
    assert_eq!(texts(&once, 10), texts(&thrice, 10));
}

#[test]
fn a_sentence_start_cuts_a_run_of_capitals() {
    let text = "Rates rose at Banco Sur today.\nAnalysts expect more";
    let all: Vec<String> = kw(text, &Hints::default(), 20).into_iter().map(|k| k.text).collect();
    // `Analysts` opens a sentence, so it is not glued to the name before it.
    assert!(all.iter().any(|t| t == "Banco Sur"), "{all:?}");
    assert!(!all.iter().any(|t| t.contains("today Analysts")), "{all:?}");
}

#[test]
fn never_panics_on_hostile_input() {
    let long_word = "a".repeat(1 << 20);
    let caps = "Word ".repeat(10_000);
    let quotes = "\u{201C}\"'\u{2019}".repeat(25_000);
    let shouting = "THE MAYOR SAID THE BRIDGE WILL CLOSE. ".repeat(200);
    let long_name = format!("Dr {} met {} today.", "Abcdefghij".repeat(20), "Xy".repeat(100));
    let odd = "e\u{301}\u{200d}\u{202e}\u{fe0f}\u{feff} \u{1F600}'s d'' -- &amp;&#x;& n't 's U.S.. \
               \u{0130}stanbul ﬁnance ǅemal 3-4 A.B.C.D.E.F.G.H.I.J.K.";
    let texts_: [&str; 7] = ["", "x", &long_word, &caps, &quotes, &shouting, &long_name];
    let bad_spans = [(5, 2), (0, usize::MAX), (usize::MAX, usize::MAX), (1, 2)];
    for text in texts_.iter().copied().chain([odd]) {
        for hints in [
            Hints::default(),
            Hints { title: Some((1, 2)), entities: &bad_spans, entity_ids: &[0, u32::MAX, 0, 7] },
        ] {
            let kws = kw(text, &hints, 10);
            assert!(kws.len() <= 10);
            assert!(kws.iter().all(|k| !k.text.is_empty() && k.score > 0.0 && k.score <= 1.0));
        }
    }
}

#[test]
fn huge_k_is_capped() {
    let kws = kw(WIND_FARM, &Hints::default(), usize::MAX);
    assert!(!kws.is_empty() && kws.len() <= MAX_K);
}

#[test]
fn random_mixtures_of_tricky_characters_never_panic() {
    let pieces = [
        "A",
        "b",
        "Z",
        "é",
        "Ñ",
        "ß",
        "İ",
        "ǅ",
        "1",
        " ",
        "\n",
        "\n\n",
        ".",
        ",",
        "'",
        "\u{2019}",
        "\"",
        "\u{201C}",
        "-",
        "&",
        ";",
        "#",
        ":",
        "(",
        "s",
        "S",
        "of",
        "The",
        "Mr",
        "U.S.",
        "n't",
        "\u{301}",
        "\u{200d}",
        "\u{1F600}",
        "!",
        "?",
        "NATO",
        "x-",
        "&amp;",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for round in 0..3000 {
        let mut text = String::new();
        for _ in 0..(round % 60) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        let spans = [(seed as usize % 50, (seed >> 8) as usize % 80)];
        let ids = [(seed >> 16) as u32 % 3];
        let hints = Hints { title: Some(spans[0]), entities: &spans, entity_ids: &ids };
        for kw in kw(&text, &hints, 5) {
            assert!(!kw.text.is_empty() && kw.score > 0.0 && kw.score <= 1.0);
        }
    }
}

#[test]
fn a_name_inside_a_longer_name_still_counts() {
    let text = "The Velmar Harbor Court heard the case. Lawyers said the Harbor Court \
                would rule soon. The Velmar Harbor Court then ruled, and the Harbor Court \
                ruling surprised lawyers. Critics of the Harbor Court were silent.";
    let all = texts(text, 10);
    assert!(all.iter().any(|t| t == "Harbor Court"), "{all:?}");
    assert!(!all.iter().any(|t| t == "Harbor" || t == "Court"), "{all:?}");
}

#[test]
fn adjectives_and_verbs_do_not_stand_alone() {
    let text = "Envoys Remain in Talks\n\nThe envoys remain in the capital for diplomatic talks. \
                Diplomatic property was seized in 2016, and the return of diplomatic property \
                is on the agenda. Both sides remain cautious; diplomatic contacts remain open, \
                and the envoys said the diplomatic mood was calm.";
    let all = texts(text, 10);
    assert!(!all.iter().any(|t| t.eq_ignore_ascii_case("remain")), "{all:?}");
    assert!(!all.iter().any(|t| t.eq_ignore_ascii_case("diplomatic")), "{all:?}");
    assert!(all.iter().any(|t| t.eq_ignore_ascii_case("diplomatic property")), "{all:?}");
}

#[test]
fn a_noun_or_verb_after_a_modal_or_pronoun_is_a_verb() {
    let text = "The mayor said the city would cut bus fares. Drivers fear they cut corners \
                already, and the union said the city could cut more routes. Bus fares rose \
                last year, and bus fares are now the highest in the region.";
    let all = texts(text, 10);
    assert!(!all.iter().any(|t| t == "cut"), "{all:?}");
    assert!(all.iter().any(|t| t == "bus fares"), "{all:?}");
}

/// `text` with every occurrence of each name in `names` given as a mention of entity `k`.
fn mention_hints(text: &str, names: &[(&str, u32)]) -> (Vec<(usize, usize)>, Vec<u32>) {
    let mut spans = Vec::new();
    for &(name, k) in names {
        for (at, _) in text.match_indices(name) {
            let inside = spans
                .iter()
                .any(|&((s, e), _): &((usize, usize), u32)| at < e && s < at + name.len());
            if !inside {
                spans.push(((at, at + name.len()), k));
            }
        }
    }
    spans.sort_unstable();
    spans.into_iter().unzip()
}

#[test]
fn mentions_of_one_entity_make_one_keyword_in_the_usual_form() {
    let text = "Foreign Minister Ana Ruiz met farmers on Monday. Ruiz promised new wells, and \
                Ruiz said the wells would be dug by spring. Farmers thanked Ruiz. The wells \
                will cost less than the dam that Ruiz rejected.";
    let (spans, ids) = mention_hints(text, &[("Ana Ruiz", 0), ("Ruiz", 0)]);
    let hints = Hints { entities: &spans, entity_ids: &ids, ..Hints::default() };
    let usual: Vec<String> = kw(text, &hints, 10).into_iter().map(|k| k.text).collect();
    assert_eq!(usual.iter().filter(|t| t.contains("Ruiz")).collect::<Vec<_>>(), ["Ruiz"]);
    assert_eq!(usual.first().map(String::as_str), Some("Ruiz"), "{usual:?}");
    let full = Weights { full_names: true, ..Weights::default() };
    let full: Vec<String> = extract_with(&Doc::from_text(text), &hints, 10, &full)
        .into_iter()
        .map(|k| k.text)
        .collect();
    assert_eq!(full.iter().filter(|t| t.contains("Ruiz")).collect::<Vec<_>>(), ["Ana Ruiz"]);
}

#[test]
fn dates_durations_and_number_words_are_not_keywords() {
    let text = "The harvest festival opened on Friday after two years of delays. Festival \
                organisers said thousands of visitors came on Friday and Saturday, and the \
                festival will run for eleven days. Next year the harvest festival moves to \
                the old market square for three weeks.";
    let all = texts(text, 10);
    for bad in ["Friday", "Saturday", "years", "year", "days", "weeks", "thousands", "eleven"] {
        assert!(!all.iter().any(|t| t == bad), "{bad} in {all:?}");
    }
    assert!(all.iter().any(|t| t == "harvest festival"), "{all:?}");
}

#[test]
fn a_word_spelled_as_an_acronym_is_as_specific_as_one() {
    let text = "Officials discussed the START treaty. They also discussed trade, budgets and \
                ports. The START treaty limits warheads; trade and budgets were left aside, \
                and ports were discussed briefly. Officials hope the START treaty lasts.";
    let all = texts(text, 3);
    assert!(all.iter().any(|t| t == "START treaty"), "{all:?}");
}

#[test]
fn a_country_and_its_demonym_are_one_keyword() {
    let text = "Norland said on Monday that Norlandian troops would leave the border. \
                Norland and its neighbour signed the border accord, and Norlandian officials \
                praised the accord. Norland will open the border next spring, Norlandian \
                traders said.";
    let all = texts(text, 10);
    let both = all.iter().filter(|t| t.starts_with("Norland")).count();
    assert_eq!(both, 1, "{all:?}");
    assert!(rank::demonym_pair("Ukraine", "Ukrainian"));
    assert!(rank::demonym_pair("Chinese", "China"));
    assert!(rank::demonym_pair("German", "Germany"));
    assert!(!rank::demonym_pair("German", "German"));
    assert!(!rank::demonym_pair("Nigeria", "Niger"));
    assert!(!rank::demonym_pair("Paris", "Parisian Hotel"));
    assert!(!rank::demonym_pair("Iran", "Iraqi"));
}

#[test]
fn a_common_word_inside_names_is_not_a_keyword_of_its_own() {
    let text = "Chemists at the University of Velmar grew new crystals. A team from the \
                Northern University of Korr repeated the crystal growth, and the University \
                of Velmar will publish the crystal data. Crystals grow slowly, the Northern \
                University of Korr said.";
    let (spans, ids) =
        mention_hints(text, &[("University of Velmar", 0), ("Northern University of Korr", 1)]);
    let hints = Hints { entities: &spans, entity_ids: &ids, ..Hints::default() };
    let all: Vec<String> = kw(text, &hints, 10).into_iter().map(|k| k.text).collect();
    assert!(!all.iter().any(|t| t == "University"), "{all:?}");
    assert!(all.iter().any(|t| t == "University of Velmar"), "{all:?}");
}

#[test]
fn a_keyword_in_capitals_takes_the_spelling_of_the_named_thing() {
    let mut ks = vec![
        Keyword { text: "BERLIN".into(), score: 1.0 },
        Keyword { text: "NATO".into(), score: 0.5 },
    ];
    respell(&mut ks, &["Berlin", "Angela Merkel"]);
    assert_eq!(ks[0].text, "Berlin");
    assert_eq!(ks[1].text, "NATO", "no entity spelled otherwise");
}

#[test]
fn amounts_are_not_keywords() {
    let text = "Government faces budget gap\n\n\
The government faces a budget gap of 17 billion euros. Officials said the gap could reach \
20 billion euros, or 3 percent of output, and that millions of households would pay more. \
The budget gap of billions worries the finance ministry.";
    let kws = texts(text, 10);
    for amount in ["billion", "billions", "percent", "millions"] {
        assert!(!kws.iter().any(|k| k.eq_ignore_ascii_case(amount)), "{amount} in {kws:?}");
    }
    assert!(kws.iter().any(|k| k == "budget gap"), "{kws:?}");
}
