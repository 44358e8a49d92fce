//! `presscut render FILE [-o OUT.html]`: an article as a self-contained HTML page to read
//! (`presscut::render::page`).
//!
//! FILE is either an Article JSON, as `presscut extract` writes it (recognised by its
//! `"schema_version"` key), which is shown as it is; or an article's text or HTML, which is
//! extracted first with the usual options. `-` reads standard input.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::Failure;

pub fn run(
    input: &Path,
    output: Option<&Path>,
    options: &presscut::Options,
) -> Result<ExitCode, Failure> {
    options.validate().map_err(|e| Failure::Usage(e.to_string()))?;
    let bytes = crate::read_input(input)?;
    let article = match article_json(&bytes) {
        Some(Ok(article)) => article,
        Some(Err(e)) => {
            return Err(Failure::Usage(format!(
                "{} has a \"schema_version\" but is not a presscut Article: {e}",
                input.display()
            )));
        }
        None => match presscut::extract_bytes(&bytes, &crate::options_for(input, options)) {
            Ok(article) => article,
            Err(e) => {
                eprintln!("presscut: {e}");
                return Ok(ExitCode::from(1));
            }
        },
    };
    let html = presscut::render::page(&article);
    if let Some(path) = output {
        std::fs::write(path, html)
            .map_err(|e| Failure::Usage(format!("cannot write {}: {e}", path.display())))?;
    } else {
        let mut out = io::stdout().lock();
        out.write_all(html.as_bytes())?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The Article in `bytes` when they are a JSON object with a `"schema_version"` key; `None`
/// when they are anything else (an article's text or HTML).
fn article_json(bytes: &[u8]) -> Option<Result<presscut::Article, serde_json::Error>> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    if bytes[start] != b'{' {
        return None;
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    value.get("schema_version")?;
    Some(serde_json::from_value(value))
}
