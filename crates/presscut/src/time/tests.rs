//! Behaviour tests of `extract`, one family of expressions each, with invented sentences.

use super::*;

fn reference() -> Option<Date> {
    Date::new(2026, 2, 5) // a Thursday
}

/// (text, kind, value) of every expression found.
fn found(text: &str, r: Option<Date>) -> Vec<(String, TimexKind, String)> {
    extract(&Doc::from_text(text), r)
        .into_iter()
        .map(|x| (text[x.start..x.end].to_string(), x.kind, x.value.unwrap_or_default()))
        .collect()
}

fn one(text: &str, r: Option<Date>) -> (String, TimexKind, String) {
    let v = found(text, r);
    assert_eq!(v.len(), 1, "expected one expression in {text:?}, got {v:?}");
    v.into_iter().next().unwrap_or_else(|| unreachable!())
}

fn check(text: &str, span: &str, kind: TimexKind, value: &str) {
    let (s, k, v) = one(text, reference());
    assert_eq!((s.as_str(), k, v.as_str()), (span, kind, value), "in {text:?}");
}

use TimexKind::{Date as D, Duration as Dur, Set, Time as T};

#[test]
fn absolute_dates_in_news_forms() {
    check("The deal was signed on February 5, 2026, in Oslo.", "February 5, 2026", D, "2026-02-05");
    check("It opened on 5 February 2026.", "5 February 2026", D, "2026-02-05");
    check("The vote is due on Feb. 12.", "Feb. 12", D, "2026-02-12");
    check("Filed 2026-01-30 by the clerk.", "2026-01-30", D, "2026-01-30");
    check("Sales rose on the 3rd of March, 2025.", "the 3rd of March, 2025", D, "2025-03-03");
    check("Friday, Jan. 30, 2026 was cold.", "Friday, Jan. 30, 2026", D, "2026-01-30");
}

#[test]
fn numeric_dates_follow_the_documented_policy() {
    // both readings valid: the one nearer the reference wins
    check("Posted 5/2/2026.", "5/2/2026", D, "2026-02-05");
    check("Posted 2/5/2026.", "2/5/2026", D, "2026-02-05");
    // only one reading valid
    check("Posted 25/12/2025.", "25/12/2025", D, "2025-12-25");
    // no reference: month first with '/', day first with '.'
    assert_eq!(one("On 5/2/2026 it rained.", None).2, "2026-05-02");
    assert_eq!(one("On 5.2.2026 it rained.", None).2, "2026-02-05");
}

#[test]
fn months_and_years() {
    check("Troops left in December 2016.", "December 2016", D, "2016-12");
    check("It happened in 2014, before the war.", "2014", D, "2014");
    check("Residents voted in the 2014 referendum.", "2014", D, "2014");
    let v = found("Between 2014 and 2022 prices doubled.", None);
    assert_eq!(v.len(), 2);
    assert_eq!(v[1].2, "2022");
    check("Talks resume in March, officials said.", "March", D, "2026-03");
    check("Exports fell in fiscal 2025.", "fiscal 2025", D, "2025");
}

#[test]
fn decades_and_centuries() {
    check("Prices peaked in the 1990s.", "the 1990s", D, "199");
    check("Prices peaked in 1990s Japan.", "1990s", D, "199");
    check("It was built in the late 1970s.", "the late 1970s", D, "197");
    check("Music of the '80s returned.", "the '80s", D, "198");
    check("A relic of the 19th century.", "the 19th century", D, "18");
}

#[test]
fn seasons_and_quarters() {
    assert_eq!(one("Two rounds took place in the spring.", None).2, "XXXX-SP");
    check("Two rounds took place in the spring.", "the spring", D, "2025-SP");
    check("Profit rose in the third quarter.", "the third quarter", D, "2025-Q3");
    check("Q3 2025 revenue was flat.", "Q3 2025", D, "2025-Q3");
    check("Growth slowed in the first half of 2025.", "the first half of 2025", D, "2025-H1");
    check("A deal is expected next spring.", "next spring", D, "2026-SP");
    check("A deal was reached last spring.", "last spring", D, "2025-SP");
}

#[test]
fn weekdays_and_parts_of_day() {
    check("The minister spoke on Tuesday.", "Tuesday", D, "2026-02-03");
    check("The minister will speak on Tuesday.", "Tuesday", D, "2026-02-10");
    check("Shots were fired Tuesday morning.", "Tuesday morning", T, "2026-02-03TMO");
    check("He arrived at 3 p.m. local time.", "3 p.m. local time", T, "2026-02-05T15:00");
    check("Markets closed at 16:30 GMT.", "16:30 GMT", T, "2026-02-05T16:30");
    check("The strike ends at noon Saturday.", "noon Saturday", T, "2026-01-31T12:00");
    check("Rain is forecast for this evening.", "this evening", T, "2026-02-05TEV");
}

#[test]
fn relative_expressions_resolve_against_the_reference() {
    check("Police said yesterday that two were held.", "yesterday", D, "2026-02-04");
    check("Exports fell last week.", "last week", D, "2026-W05");
    check("Elections are due next year.", "next year", D, "2027");
    check("The plant closed two years ago.", "two years ago", D, "2024");
    check("Prices rose earlier this month.", "earlier this month", D, "2026-02");
    check("They met last Friday.", "last Friday", D, "2026-01-30");
    check("Sales slumped over the past several months.", "the past several months", Dur, "PXM");
}

#[test]
fn relative_expressions_without_reference_stay_underspecified() {
    assert_eq!(one("Police said yesterday.", None).2, "XXXX-XX-XX");
    assert_eq!(one("Exports fell last week.", None).2, "XXXX-WXX");
    assert_eq!(one("They met on Friday.", None).2, "XXXX-WXX-5");
}

#[test]
fn durations() {
    check("The lease was extended by one additional year.", "one additional year", Dur, "P1Y");
    check("The war lasted three decades.", "three decades", Dur, "P30Y");
    check("Talks ran for 48 hours.", "48 hours", Dur, "PT48H");
    check("He signed a two-year contract.", "two-year", Dur, "P2Y");
    check("It took 2 1/2 years.", "2 1/2 years", Dur, "P2Y6M");
    check("She waited for nearly two weeks.", "nearly two weeks", Dur, "P2W");
    check("It will take a year and a half.", "a year and a half", Dur, "P1Y6M");
}

#[test]
fn sets() {
    check("The council meets every year.", "every year", Set, "P1Y");
    check("The paper is published weekly.", "weekly", Set, "P1W");
    check("Trains leave each Thursday.", "each Thursday", Set, "XXXX-WXX-4");
    check("The board meets twice a year.", "a year", Set, "P1Y");
}

#[test]
fn references_to_present_past_and_future() {
    check("The company is now bankrupt.", "now", D, "PRESENT_REF");
    check("He recently moved.", "recently", D, "PAST_REF");
    check("Prices will rise in the future.", "the future", D, "FUTURE_REF");
    check("She is currently abroad.", "currently", D, "PRESENT_REF");
}

#[test]
fn numbers_that_are_not_times_stay_out() {
    for text in [
        "News ID 200143",
        "3 + 4 = 7",
        "They celebrated the 2-1 win.",
        "Article 5 of the treaty applies.",
        "Under Article 1990 of the code.",
        "The car costs $2,014 and 2,015 euros.",
        "Inflation reached 2019% last decade in theory.",
        "About 2000 troops were deployed.",
        "The score was 21-14 at half time.",
        "Call 555-2014 now",
    ] {
        let v = found(text, reference());
        assert!(
            v.iter().all(|(s, _, _)| !s.chars().any(|c| c.is_ascii_digit())),
            "{text:?} gave {v:?}"
        );
    }
}

#[test]
fn month_words_that_are_common_words_need_context() {
    assert!(found("You may go.", reference()).is_empty());
    assert!(found("They march on.", reference()).is_empty());
    check("It opens in May.", "May", D, "2026-05");
    check("It opens May 3.", "May 3", D, "2026-05-03");
    check("It was opened May 3.", "May 3", D, "2025-05-03");
}

#[test]
fn expressions_come_in_text_order_without_overlap() {
    let text = "On Monday, two years after the 2014 vote, officials met for 48 hours.";
    let v = extract(&Doc::from_text(text), reference());
    assert_eq!(v.len(), 4);
    for w in v.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}

#[test]
fn pathological_input_does_not_panic() {
    let digits = "7".repeat(1 << 20);
    let slashes = "/".repeat(100_000);
    let long_line = "word 2014 May 5 ".repeat(70_000);
    let mixed = "1/".repeat(50_000);
    let unicode = "€2014—’90s 5 février 2026 ２０２６年".repeat(1000);
    for t in [&digits, &slashes, &long_line, &mixed, &unicode, &String::new()] {
        let v = extract(&Doc::from_text(t), reference());
        for x in &v {
            assert!(t.is_char_boundary(x.start) && t.is_char_boundary(x.end));
        }
    }
}

#[test]
fn holidays() {
    check("Shops closed on Christmas Day.", "Christmas Day", D, "2025-12-25");
    check("Families gathered for Thanksgiving 2024.", "Thanksgiving 2024", D, "2024-11-28");
    check("Pilgrims will arrive for Easter.", "Easter", D, "2026-04-05");
    assert_eq!(one("Happy New Year's Eve!", None).2, "XXXX-12-31");
    assert!(found("The easter egg hunt.", reference()).is_empty());
}

#[test]
fn ages_are_not_durations() {
    assert!(found("A 6-year-old boy and his 44-year-old father.", reference()).is_empty());
    assert!(found("She is 52 years old.", reference()).is_empty());
}

#[test]
fn anaphoric_expressions_follow_the_last_date() {
    let v = found(
        "The plant opened on March 3, 2019. Later that year it closed; the next day it reopened.",
        reference(),
    );
    let values: Vec<&str> = v.iter().map(|x| x.2.as_str()).collect();
    assert_eq!(values, ["2019-03-03", "2019", "2019-03-04"]);
    assert_eq!(v[1].0, "Later that year");
    // without an earlier date, the reference stands in
    check("That year the river froze.", "That year", D, "2026");
}
