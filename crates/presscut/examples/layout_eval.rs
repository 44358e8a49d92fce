//! Cleans texts with a given main-content model, for scoring models trained on some pages
//! against the others (`scripts/train_layout.py` runs this for its held-out figure).
//!
//! `layout_eval [MODEL.json] [--explain]` reads JSON Lines `{"id", "text"}` on standard input and
//! writes `{"id", "articleBody"}` (the clean text without its title, as `score_body.py` reads it).
//! Without a model file the shipped model is used. With `--explain` it writes, for each text,
//! every unit's role, probability and line instead: `{"id", "units": [[role, p, line], ...]}`.

use std::io::{self, BufRead, Write};

fn main() -> io::Result<()> {
    let explain = std::env::args().any(|a| a == "--explain");
    let paths: Vec<String> = std::env::args().skip(1).filter(|a| a != "--explain").collect();
    let model = match paths.first() {
        Some(path) => {
            let json = std::fs::read_to_string(path)?;
            Some(presscut::devtools::LayoutModel::from_json(&json).map_err(io::Error::other)?)
        }
        None => None,
    };
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: serde_json::Value = serde_json::from_str(&line).map_err(io::Error::other)?;
        let text = rec.get("text").and_then(|t| t.as_str()).unwrap_or_default();
        if explain {
            let units = presscut::devtools::explain_layout(text, model.as_ref());
            writeln!(out, "{}", serde_json::json!({ "id": rec.get("id"), "units": units }))?;
            continue;
        }
        let body = presscut::devtools::clean_body(text, model.as_ref());
        writeln!(out, "{}", serde_json::json!({ "id": rec.get("id"), "articleBody": body }))?;
    }
    out.flush()
}
