//! `presscut batch`: records in, JSON Lines out, in input order, on every core.
//!
//! Output: one JSON object a line. An extracted record is an Article (contract v1) carrying the
//! record's `id`; a record that could not be processed is `{"id", "error": {"kind",
//! "message"}}` in its place. Error kinds: `invalid_json`, `invalid_record` (a JSON record or a
//! WARC record that cannot be read), `io` (an input that cannot be read), `symlink` (a link not
//! followed), `timeout` (`--record-timeout`), `internal` (a bug), and the core's
//! `invalid_option` and `input_too_large`.

mod output;
mod pipeline;
mod report;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use presscut::tables::Outcome;

use crate::{Failure, OptionArgs, inputs};
use output::{Lines, ResumeError, Tables};

/// Default time budget of one record, in seconds. News articles take milliseconds; the core's
/// largest input (256 MiB) takes under a minute at its measured 6 MB/s.
const DEFAULT_RECORD_TIMEOUT: f64 = 120.0;

/// The arguments of `presscut batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Inputs: JSON Lines files (.jsonl, .jsonl.gz), WARC files (.warc, .warc.gz),
    /// directories, or - for standard input (JSON Lines or WARC).
    #[arg(default_value = "-")]
    inputs: Vec<PathBuf>,
    /// Write the JSON Lines to OUT instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Go on from what OUT holds (after a kill): its records are checked against the inputs,
    /// a partial last line is cut off, and the run continues with the next record. An OUT
    /// that does not exist is started.
    #[arg(long, requires = "output")]
    resume: bool,
    /// Also write the contract's six tables as CSV (articles.csv, quotes.csv, entities.csv,
    /// mentions.csv, dates.csv, sources.csv) in DIR.
    #[arg(long, value_name = "DIR")]
    tables: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Time budget of one record, in seconds: a record that takes longer becomes a `timeout`
    /// error record and the run goes on. 0: no limit.
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_RECORD_TIMEOUT)]
    record_timeout: f64,
    /// No progress and no summary on stderr.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    options: OptionArgs,
}

pub fn run(args: BatchArgs) -> Result<ExitCode, Failure> {
    let options = args.options.to_options();
    options.validate().map_err(|e| Failure::Usage(e.to_string()))?;
    inputs::check(&args.inputs).map_err(Failure::Usage)?;
    let threads = match args.threads {
        Some(0) => return Err(Failure::Usage("--threads must be at least 1".to_owned())),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
    };
    let timeout = match args.record_timeout {
        0.0 => None,
        t if t.is_finite() && t > 0.0 => Some(Duration::from_secs_f64(t)),
        t => {
            return Err(Failure::Usage(format!(
                "--record-timeout must be a number of seconds, not {t}"
            )));
        }
    };
    let mut tables = args
        .tables
        .as_deref()
        .map(Tables::create)
        .transpose()
        .map_err(|e| Failure::Usage(format!("cannot write the tables: {e}")))?;

    let tally = Arc::new(inputs::Tally::default());
    let total = inputs::total_size(&args.inputs);
    let mut items = inputs::items(args.inputs, Arc::clone(&tally));
    let (sink, resumed): (Box<dyn io::Write + Send>, _) = match (&args.output, args.resume) {
        (Some(path), true) => match output::resume(path, &mut items, tables.as_mut()) {
            Ok((file, resumed)) => (Box::new(file), resumed),
            Err(ResumeError::Mismatch(m)) => {
                return Err(Failure::Usage(format!("--resume: {}", m.0)));
            }
            Err(ResumeError::Io(p, e)) => {
                return Err(Failure::Usage(format!("--resume: {}: {e}", p.display())));
            }
        },
        (Some(path), false) => {
            let file = std::fs::File::create(path)
                .map_err(|e| Failure::Usage(format!("cannot create {}: {e}", path.display())))?;
            (Box::new(file), output::Resumed::default())
        }
        (None, _) => (Box::new(io::stdout()), output::Resumed::default()),
    };
    let first_seq = resumed.records;
    let report = report::Report::new(tally, total, !args.quiet, threads, resumed);
    let settings =
        pipeline::Settings { threads, timeout, options, keep_articles: tables.is_some() };
    let mut writer = Writer { lines: Lines::new(sink), tables, report };
    pipeline::run(items, first_seq, settings, &mut writer)?;
    let Writer { mut lines, tables, report } = writer;
    lines.flush()?;
    if let Some(tables) = tables {
        tables.finish()?;
    }
    let failed = report.failed();
    let summary = report.finish();
    if !args.quiet {
        eprintln!("{summary}");
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The ordered end of the pipeline: JSON Lines, tables, counts.
struct Writer {
    lines: Lines,
    tables: Option<Tables>,
    report: report::Report,
}

impl pipeline::Sink for Writer {
    fn write(&mut self, done: pipeline::Done) -> io::Result<()> {
        self.lines.write(&done.line)?;
        if let Some(tables) = self.tables.as_mut() {
            let (id, outcome) = match &done.result {
                Ok(Some(article)) => (article.id.as_deref(), Outcome::Article(article)),
                // Articles are kept whenever there are tables.
                Ok(None) => (None, Outcome::Error { kind: "internal", message: "no article kept" }),
                Err(bad) => {
                    (bad.id.as_deref(), Outcome::Error { kind: bad.kind, message: &bad.message })
                }
            };
            tables.write(done.seq, id, outcome)?;
        }
        self.report.count(&done);
        Ok(())
    }

    fn idle(&mut self) -> io::Result<()> {
        self.report.tick();
        self.lines.flush_if_due()
    }
}
