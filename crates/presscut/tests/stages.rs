//! One readable snapshot per stage over six articles of different kinds: the fixture (a long
//! news agency report with headings and page furniture) and five written for these tests — a wire
//! story, an opinion column, a live blog, an interview transcript with `NAME:` turns and a sports
//! report. Spans are shown as their text with their labels, so a change in a snapshot reads as a
//! change in what a user gets (`cargo insta review`).

use std::fmt::Write;

use presscut::{Article, Options};

const ARTICLES: [(&str, &str); 6] = [
    ("lavrov", include_str!("../../../tests/fixtures/lavrov.txt")),
    ("wire_story", include_str!("../../../tests/fixtures/wire_story.txt")),
    ("opinion_column", include_str!("../../../tests/fixtures/opinion_column.txt")),
    ("live_blog", include_str!("../../../tests/fixtures/live_blog.txt")),
    ("interview", include_str!("../../../tests/fixtures/interview.txt")),
    ("sports_report", include_str!("../../../tests/fixtures/sports_report.txt")),
];

/// Words of a quote shown before the ellipsis: enough to recognise it, short enough to scan.
const QUOTE_WORDS: usize = 8;

fn articles() -> Vec<(&'static str, Article)> {
    ARTICLES
        .iter()
        .map(|(name, text)| {
            (*name, presscut::extract(text, &Options::default()).expect("the article extracts"))
        })
        .collect()
}

/// The characters `start..end` of the article text (Article offsets count characters).
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

/// The first `QUOTE_WORDS` words of a quote between curly quotes, `…` when cut.
fn opening(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let more = if words.len() > QUOTE_WORDS { "…" } else { "" };
    format!("“{}{more}”", words[..words.len().min(QUOTE_WORDS)].join(" "))
}

fn kind<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// Snapshots the report of one stage: each article under its name, one line per item.
fn check(stage: &str, line: impl Fn(&Article, &mut String)) {
    let mut report = String::new();
    for (name, article) in articles() {
        let _ = writeln!(report, "== {name}");
        line(&article, &mut report);
        report.push('\n');
    }
    insta::assert_snapshot!(stage, report);
}

#[test]
fn layout() {
    check("layout", |a, out| {
        let _ = writeln!(out, "title: {}", a.title.as_deref().unwrap_or("-"));
        for b in &a.blocks {
            let text = chars(&a.text, b.start, b.end);
            let cut: String = text.chars().take(70).collect();
            let more = if cut.len() < text.len() { "…" } else { "" };
            let _ = writeln!(out, "[{}] {cut}{more}", kind(&b.kind));
        }
        for b in &a.boilerplate {
            let _ = writeln!(out, "removed {}: {:?}", kind(&b.kind), b.text);
        }
    });
}

#[test]
fn sentences() {
    check("sentences", |a, out| {
        for (i, s) in a.sentences.iter().enumerate() {
            let _ = writeln!(out, "{:>3}. {}", i + 1, chars(&a.text, s.start, s.end));
        }
    });
}

#[test]
fn entities() {
    check("entities", |a, out| {
        for e in &a.entities {
            let _ = write!(out, "{:?} {}", e.name, kind(&e.kind));
            if !e.roles.is_empty() {
                let _ = write!(out, " [{}]", e.roles.join("; "));
            }
            let mut forms: Vec<(&str, usize)> = Vec::new();
            for m in &e.mentions {
                match forms.iter_mut().find(|(t, _)| *t == m.text) {
                    Some((_, n)) => *n += 1,
                    None => forms.push((&m.text, 1)),
                }
            }
            let forms: Vec<String> = forms
                .iter()
                .map(|(t, n)| if *n > 1 { format!("{t:?} ×{n}") } else { format!("{t:?}") })
                .collect();
            let _ = writeln!(out, " ← {}", forms.join(", "));
        }
    });
}

#[test]
fn quotes() {
    check("quotes", |a, out| {
        for q in &a.quotes {
            let speaker = q.speaker.as_ref().map_or("?", |s| s.name.as_str());
            let cue = q.cue.as_ref().map_or(String::new(), |c| format!(" ({})", c.text));
            let _ = writeln!(
                out,
                "{} ← {speaker}{cue} {} {:.2}",
                opening(&q.text),
                kind(&q.kind),
                q.confidence
            );
        }
    });
}

#[test]
fn dates() {
    check("dates", |a, out| {
        for d in &a.dates {
            let value = d.value.as_deref().unwrap_or("-");
            let _ = writeln!(out, "{:?} {} {value}", d.text, kind(&d.kind));
        }
    });
}

#[test]
fn sources() {
    check("sources", |a, out| {
        for s in &a.sources {
            let cue = s.cue.as_ref().map_or(String::new(), |c| format!(" ({})", c.text));
            let _ = writeln!(out, "{:?} {}{cue}", s.name, kind(&s.kind));
        }
    });
}

#[test]
fn keywords() {
    check("keywords", |a, out| {
        let words: Vec<String> =
            a.keywords.iter().map(|k| format!("{} {:.2}", k.text, k.score)).collect();
        let _ = writeln!(out, "{}", words.join(" · "));
    });
}
