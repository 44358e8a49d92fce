//! Prints, for each document of a JSON Lines file (`{"id", "text"}`), presscut's Article (with
//! cleaning off, as the evaluations run it) and the confidence model's feature row of each quote:
//! `{"id", "quotes": [...], "features": [[...], ...], "feature_names": [...]}` (names on the first
//! line only). `scripts/train_confidence.py` reads it.
//!
//! Usage: quote_features DOCS.jsonl > FEATURES.jsonl

use presscut::devtools::{QUOTE_FEATURE_NAMES, quote_features};
use presscut::{Format, Options};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: quote_features DOCS.jsonl > FEATURES.jsonl");
        std::process::exit(2);
    };
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        eprintln!("quote_features: {path}: {e}");
        std::process::exit(2);
    });
    let options = Options { clean: false, format: Format::Text, ..Options::default() };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let Ok(line) = line else { break };
        let Ok(doc) = serde_json::from_str::<Value>(&line) else {
            eprintln!("quote_features: line {}: not JSON", n + 1);
            continue;
        };
        let id = doc.get("id").cloned().unwrap_or(Value::Null);
        let text = doc.get("text").and_then(Value::as_str).unwrap_or_default();
        let Ok(article) = presscut::extract(text, &options) else { continue };
        let features: Vec<Vec<f32>> =
            (0..article.quotes.len()).map(|i| quote_features(&article, i).to_vec()).collect();
        let mut rec = json!({"id": id, "quotes": article.quotes, "features": features});
        if n == 0 {
            rec["feature_names"] = json!(QUOTE_FEATURE_NAMES);
        }
        if writeln!(out, "{rec}").is_err() {
            break;
        }
    }
}
