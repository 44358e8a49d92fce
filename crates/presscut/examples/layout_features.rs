//! Dumps the layout model's input for training (`scripts/train_layout.py` runs this).
//!
//! Reads JSON Lines `{"id", "text"}` on standard input; writes JSON Lines
//! `{"id", "lines": [...], "features": [[...], ...]}` (one row per layout unit), preceded by
//! one header line `{"feature_names": [...], "context_names": [...]}`.

use std::io::{self, BufRead, Write};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let header = serde_json::json!({
        "feature_names": presscut::devtools::FEATURE_NAMES,
        "context_names": presscut::devtools::CONTEXT_NAMES,
    });
    writeln!(out, "{header}")?;
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: serde_json::Value = serde_json::from_str(&line).map_err(io::Error::other)?;
        let text = rec.get("text").and_then(|t| t.as_str()).unwrap_or_default();
        let rows = presscut::devtools::layout_features(text);
        let (lines, features): (Vec<String>, Vec<Vec<f32>>) = rows.into_iter().unzip();
        let obj = serde_json::json!({ "id": rec.get("id"), "lines": lines, "features": features });
        writeln!(out, "{obj}")?;
    }
    out.flush()
}
