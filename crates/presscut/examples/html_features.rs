//! Dumps the HTML content model's input for training (`scripts/train_html.py` runs this).
//!
//! Reads JSON Lines `{"id", "path"}` on standard input (`path`: an HTML file, `.gz` allowed is
//! not: the script passes plain files); writes JSON Lines
//! `{"id", "lines": [...], "features": [[...], ...]}` (one row per segment), preceded by one
//! header line `{"feature_names": [...], "context_names": [...]}`.

use std::io::{self, BufRead, Write};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let (names, context) = presscut::devtools::html_feature_names();
    writeln!(out, "{}", serde_json::json!({ "feature_names": names, "context_names": context }))?;
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: serde_json::Value = serde_json::from_str(&line).map_err(io::Error::other)?;
        let path = rec.get("path").and_then(|t| t.as_str()).unwrap_or_default();
        let page = std::fs::read(path)?;
        let rows = presscut::devtools::html_features(&page);
        let (lines, features): (Vec<String>, Vec<Vec<f32>>) = rows.into_iter().unzip();
        writeln!(
            out,
            "{}",
            serde_json::json!({ "id": rec.get("id"), "lines": lines, "features": features })
        )?;
    }
    out.flush()
}
