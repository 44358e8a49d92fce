//! `presscut render`: an article's text, or an Article JSON, as a self-contained HTML page.

use std::process::{Command, Output};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/lavrov.txt");

fn presscut(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_presscut")).args(args).output().expect("presscut runs")
}

#[test]
fn renders_a_text_file_and_the_json_of_the_same_article_alike() {
    let from_text = presscut(&["render", FIXTURE]);
    assert!(from_text.status.success(), "{}", String::from_utf8_lossy(&from_text.stderr));
    let page = String::from_utf8(from_text.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<title>Lavrov: Talks with the U.S. Are Underway"));
    assert!(page.contains("data-who=\"Sergey Lavrov\""), "quotes carry their speaker");
    assert!(!page.contains("<script"));

    let dir = std::env::temp_dir().join(format!("presscut-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("lavrov.json");
    let extracted = presscut(&["extract", FIXTURE]);
    std::fs::write(&json, &extracted.stdout).unwrap();
    let html = dir.join("lavrov.html");
    let from_json = presscut(&["render", json.to_str().unwrap(), "-o", html.to_str().unwrap()]);
    assert!(from_json.status.success(), "{}", String::from_utf8_lossy(&from_json.stderr));
    assert!(from_json.stdout.is_empty(), "the page goes to the file");
    assert_eq!(std::fs::read_to_string(&html).unwrap(), page);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_broken_article_json_is_a_usage_error() {
    let dir = std::env::temp_dir().join(format!("presscut-render-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("bad.json");
    std::fs::write(&json, r#"{"schema_version": "1", "text": 5}"#).unwrap();
    let out = presscut(&["render", json.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a presscut Article"));
    let missing = presscut(&["render", dir.join("missing.txt").to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
