//! `presscut batch`: records in, JSON Lines out, in input order, on all cores.
//!
//! Output: one JSON object a line. An extracted record is an Article (contract v1) with the
//! record's `id`; a record that could not be processed is `{"id", "error": {"kind",
//! "message"}}` in its place. Error kinds: `invalid_json`, `invalid_record`, `io`, and the
//! extraction errors of `presscut::Error::kind` (`invalid_option`, `input_too_large`).

use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;
use serde::Serialize;

use crate::Failure;
use crate::inputs::{self, Item};

/// Records handed to the workers at once; bounds memory while keeping every core busy.
const CHUNK_PER_THREAD: usize = 32;

#[derive(Serialize)]
struct ErrorRecord<'a> {
    id: Option<&'a str>,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    kind: &'a str,
    message: &'a str,
}

pub fn run(
    paths: &[PathBuf],
    output: Option<&Path>,
    threads: Option<usize>,
    options: &presscut::Options,
) -> Result<ExitCode, Failure> {
    options.validate().map_err(|e| Failure::Usage(e.to_string()))?;
    inputs::check(paths).map_err(Failure::Usage)?;
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        if n == 0 {
            return Err(Failure::Usage("--threads must be at least 1".to_owned()));
        }
        builder = builder.num_threads(n);
    }
    let pool =
        builder.build().map_err(|e| Failure::Usage(format!("cannot start worker threads: {e}")))?;
    let sink: Box<dyn Write> = match output {
        Some(p) => Box::new(
            File::create(p)
                .map_err(|e| Failure::Usage(format!("cannot create {}: {e}", p.display())))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = io::BufWriter::with_capacity(1 << 20, sink);
    let progress = if io::stderr().is_terminal() {
        indicatif::ProgressBar::new_spinner().with_message("records")
    } else {
        indicatif::ProgressBar::hidden()
    };

    let chunk_size = pool.current_num_threads() * CHUNK_PER_THREAD;
    let mut items = inputs::items(paths);
    let mut failed = 0usize;
    loop {
        let chunk: Vec<Item> = items.by_ref().take(chunk_size).collect();
        if chunk.is_empty() {
            break;
        }
        let lines: Vec<(String, bool)> =
            pool.install(|| chunk.into_par_iter().map(|item| process(item, options)).collect());
        for (line, ok) in &lines {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
            failed += usize::from(!ok);
        }
        progress.inc(lines.len() as u64);
    }
    out.flush()?;
    progress.finish_and_clear();
    if failed > 0 {
        eprintln!("presscut: {failed} record(s) failed; see their error records");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// One output line for one item, and whether it is an Article.
fn process(item: Item, defaults: &presscut::Options) -> (String, bool) {
    match item {
        Item::Bad { id, kind, message } => (error_line(id.as_deref(), kind, &message), false),
        Item::Job(record) => match record.extract(defaults) {
            Ok(article) => match serde_json::to_string(&article) {
                Ok(s) => (s, true),
                Err(e) => (error_line(article.id.as_deref(), "internal", &e.to_string()), false),
            },
            Err(e) => (error_line(record.id.as_deref(), e.kind(), &e.to_string()), false),
        },
    }
}

fn error_line(id: Option<&str>, kind: &str, message: &str) -> String {
    serde_json::to_string(&ErrorRecord { id, error: ErrorBody { kind, message } }).unwrap_or_else(
        |_| r#"{"id":null,"error":{"kind":"internal","message":"unprintable error"}}"#.to_owned(),
    )
}
