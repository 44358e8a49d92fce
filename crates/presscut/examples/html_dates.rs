//! Dumps the date model's input for training (`scripts/train_dates.py` runs this).
//!
//! Reads JSON Lines `{"id", "path"}` (an HTML file) on standard input; writes one header line
//! `{"feature_names": [...]}`, then `{"id", "days": [...], "features": [[...], ...]}` per page
//! (one row per candidate day).

use std::io::{self, BufRead, Write};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let names = presscut::devtools::html_date_feature_names();
    writeln!(out, "{}", serde_json::json!({ "feature_names": names }))?;
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: serde_json::Value = serde_json::from_str(&line).map_err(io::Error::other)?;
        let path = rec.get("path").and_then(|t| t.as_str()).unwrap_or_default();
        let page = std::fs::read(path)?;
        let (days, features): (Vec<String>, Vec<Vec<f32>>) =
            presscut::devtools::html_date_rows(&page).into_iter().unzip();
        writeln!(
            out,
            "{}",
            serde_json::json!({ "id": rec.get("id"), "days": days, "features": features })
        )?;
    }
    out.flush()
}
