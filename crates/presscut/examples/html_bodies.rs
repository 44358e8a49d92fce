//! The article bodies the runtime finds with given content models, for the site-held-out
//! validation of `scripts/train_html.py` (so that it scores exactly what `presscut` does:
//! headline, region, repairs, fallbacks).
//!
//! `html_bodies MODEL.json...` reads JSON Lines `{"id", "path"}` (an HTML file) on standard
//! input and writes `{"id", "bodies": [...]}`, one body per model, in the order given.

use std::io::{self, BufRead, Write};

fn main() -> io::Result<()> {
    let models: Vec<presscut::devtools::HtmlModel> = std::env::args()
        .skip(1)
        .map(|path| {
            let json = std::fs::read_to_string(&path)?;
            presscut::devtools::HtmlModel::from_json(&json)
                .map_err(|e| io::Error::other(format!("{path}: {e}")))
        })
        .collect::<io::Result<_>>()?;
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: serde_json::Value = serde_json::from_str(&line).map_err(io::Error::other)?;
        let path = rec.get("path").and_then(|t| t.as_str()).unwrap_or_default();
        let page = std::fs::read(path)?;
        let bodies: Vec<String> =
            models.iter().map(|m| presscut::devtools::html_body_with(&page, m)).collect();
        writeln!(out, "{}", serde_json::json!({ "id": rec.get("id"), "bodies": bodies }))?;
    }
    out.flush()
}
