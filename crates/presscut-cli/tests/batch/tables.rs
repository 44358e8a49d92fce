//! `--tables DIR`: the contract's six tables as CSV beside the JSON Lines.

use crate::common::{path_str, presscut, scratch, serial};

#[test]
fn tables_hold_one_row_per_item_keyed_by_the_record_id() {
    let _serial = serial();
    let dir = scratch("tables");
    let input = [
        serde_json::json!({"id": "berg", "text": "Talks resume in Geneva\n\nForeign Minister Anna Berg said on Monday that the talks would resume in Geneva. \"We are ready, and we said so, clearly,\" Berg told reporters.", "published": "2026-03-02"}).to_string(),
        "not json".to_owned(),
        serde_json::json!({"text": "Second headline\n\nNothing was said here, officials wrote."}).to_string(),
    ]
    .join("\n");
    let tables = dir.join("tables");
    let out = presscut(&["batch", "--tables", path_str(&tables)], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let read = |name: &str| std::fs::read_to_string(tables.join(name)).unwrap();
    for name in
        ["articles.csv", "quotes.csv", "entities.csv", "mentions.csv", "dates.csv", "sources.csv"]
    {
        assert!(read(name).starts_with("article_id,"), "{name} has a header row");
    }
    let articles = read("articles.csv");
    let rows: Vec<&str> = articles.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert_eq!(rows.len(), 4, "a header and one row per record: {articles}");
    assert!(rows[1].starts_with("berg,Talks resume in Geneva,2026-03-02,"), "{}", rows[1]);
    assert!(
        rows[2].starts_with("1,") && rows[2].contains("invalid_json"),
        "an error keeps its row, keyed by position: {}",
        rows[2]
    );
    assert!(rows[3].starts_with("2,Second headline,"), "no id: keyed by position: {}", rows[3]);
    let quotes = read("quotes.csv");
    assert!(
        quotes.contains("\"We are ready, and we said so, clearly,\"")
            && quotes.contains("Anna Berg"),
        "the quote and its speaker, quoted as RFC 4180 says: {quotes}"
    );
    assert!(read("dates.csv").contains("2026-03-02"), "Monday resolved against the date");
    std::fs::remove_dir_all(&dir).ok();
}
