//! Behaviour of the tagger as a user sees it: invented sentences, pathological input.
use super::*;

use crate::doc::Doc;

fn ents(text: &str) -> Vec<(String, NerType)> {
    let d = Doc::from_text(text);
    tag(&d).into_iter().map(|s| (text[s.start..s.end].to_string(), s.ty)).collect()
}

fn has(found: &[(String, NerType)], name: &str, ty: NerType) -> bool {
    found.iter().any(|(n, t)| n == name && *t == ty)
}

#[test]
fn built_in_model_loads() {
    let m = MODEL.as_ref().expect("the built-in model must load");
    assert!(m.len() > 10_000, "model has only {} features", m.len());
}

#[test]
fn finds_people_places_and_organisations() {
    let f = ents(
        "Prime Minister Anna Kowalski met executives of Brixton Motors Corporation in Geneva on Monday.",
    );
    assert!(has(&f, "Anna Kowalski", NerType::Per), "{f:?}");
    assert!(has(&f, "Brixton Motors Corporation", NerType::Org), "{f:?}");
    assert!(has(&f, "Geneva", NerType::Loc), "{f:?}");
    assert!(!f.iter().any(|(n, _)| n.contains("Minister")), "titles are not part of names: {f:?}");
}

#[test]
fn nationalities_and_treaties_are_misc() {
    let f =
        ents("German and French diplomats discussed the Lisbon Treaty with Norwegian officials.");
    assert!(has(&f, "German", NerType::Misc) && has(&f, "French", NerType::Misc), "{f:?}");
    assert!(has(&f, "Norwegian", NerType::Misc), "{f:?}");
}

#[test]
fn title_case_headings_are_not_people() {
    let f = ents(
        "Transfer of Frozen Assets to Norland Stalls Again\n\nOfficials said talks would resume.",
    );
    assert!(!f.iter().any(|(n, t)| *t == NerType::Per && n.contains("Frozen")), "{f:?}");
}

#[test]
fn spans_are_ordered_disjoint_and_on_token_edges() {
    let text = "Maria Lopez of the World Bank told Reuters in Nairobi that Kenya’s economy grew. \
                Lopez said the IMF agreed.";
    let d = Doc::from_text(text);
    let spans = tag(&d);
    let toks = &d.tokens;
    assert!(!spans.is_empty());
    for w in spans.windows(2) {
        assert!(w[0].end <= w[1].start, "overlap or disorder: {spans:?}");
    }
    for s in &spans {
        assert!(toks.iter().any(|t| t.start() == s.start) && toks.iter().any(|t| t.end() == s.end));
        assert!((0.0..=1.0).contains(&s.score));
    }
}

#[test]
fn a_capital_after_a_sentence_end_is_read_as_such() {
    let text = "He met Anna Kowalski. Berlin was cold.";
    let spans = tag(&Doc::from_text(text));
    assert!(
        spans.iter().any(|s| &text[s.start..s.end] == "Berlin" && s.ty == NerType::Loc),
        "{spans:?}"
    );
}

#[test]
fn empty_and_entity_free_text_give_nothing() {
    assert!(tag(&Doc::from_text("")).is_empty());
    assert!(ents("the cat sat on the mat and nothing happened at all.").is_empty());
}

#[test]
fn survives_pathological_input() {
    // 10,000 capitalised words in a row
    let caps = "Alpha Beta Gamma Delta ".repeat(2_500);
    let _ = ents(&caps);
    // an all-caps page
    let shout = "THE COMMITTEE WILL MEET IN GENEVA ON MONDAY TO DISCUSS THE BUDGET.\n".repeat(300);
    let _ = ents(&shout);
    // a 200-character name
    let long = format!("Yesterday {} arrived.", "Ab".repeat(100));
    let _ = ents(&long);
    // a 1 MB line of words, quote marks, odd characters
    let line = "word \u{201C}Name\u{201D} \u{0} \u{FEFF} 12,5 ".repeat(40_000);
    let f = ents(&line);
    assert!(f.len() < 50_000);
    let quotes = "\"".repeat(100_000);
    assert!(ents(&quotes).is_empty());
}

#[test]
fn random_unicode_soup_never_panics_and_tokens_stay_on_char_boundaries() {
    let alphabet: Vec<char> =
        "aZ9 .,'’\"“”-—–@:/$&+()\n\t\u{0}\u{200B}\u{FEFF}\u{301}éÉßЖж東京٣\u{2028}🙂"
            .chars()
            .collect();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..200 {
        let mut s = String::new();
        for _ in 0..300 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push(alphabet[(x % alphabet.len() as u64) as usize]);
        }
        let d = Doc::from_text(&s);
        let mut prev = 0;
        for t in &d.tokens {
            assert!(t.start() >= prev && t.end() > t.start(), "bad span {t:?} in {s:?}");
            assert!(s.is_char_boundary(t.start()) && s.is_char_boundary(t.end()));
            prev = t.end();
        }
        for sp in tag(&d) {
            assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
        }
    }
}

/// The built-in model seen as plain weights, so the tagger takes its generic loop.
struct Generic<'a>(&'a model::Model);

impl model::Weights for Generic<'_> {
    fn transitions(&self) -> &decode::Transitions {
        self.0.transitions()
    }
    fn score(&self, feats: impl FnOnce(&mut dyn FnMut(u64, u64))) -> [f32; labels::L] {
        self.0.score(feats)
    }
}

#[test]
fn the_fast_loop_tags_exactly_as_the_generic_one() {
    use model::Weights as _;
    let m = MODEL.as_ref().expect("the built-in model must load");
    assert!(m.compact().is_some() && Generic(m).compact().is_none());
    let fixture = include_str!("../../../../tests/fixtures/lavrov.txt");
    let texts = [
        fixture,
        "Prime Minister Anna Kowalski met executives of Brixton Motors Corporation in Geneva. \
         Kowalski said Brixton would invest in Geneva, and Anna Kowalski thanked the Geneva team.",
        "WASHINGTON (Reuters) - THE SENATE VOTED ON THE BILL. Smith-Jones and O'Neill of \
         Ford Motor Co. and the U.N. disagreed; de la Cruz left for São Paulo.",
    ];
    for text in texts {
        let d = Doc::from_text(text);
        let opts = TagOptions::default();
        let fast = tag_with(m, &d, &d.clauses(), opts);
        let generic = tag_with(&Generic(m), &d, &d.clauses(), opts);
        assert!(!fast.is_empty());
        assert_eq!(fast.len(), generic.len(), "{text}");
        for (f, g) in fast.iter().zip(&generic) {
            assert_eq!((f.start, f.end, f.ty), (g.start, g.end, g.ty), "{text}");
            assert!((f.score - g.score).abs() < 1e-5, "{f:?} vs {g:?}");
        }
    }
}
