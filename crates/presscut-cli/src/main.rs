//! The `presscut` command line: argument parsing, input and output. No extraction logic lives
//! here; every article goes through `presscut::extract_bytes`.
//!
//! Exit status: see [`EXIT_STATUS`] (also shown by `--help`).

mod batch;
mod inputs;
mod render;
mod warc;

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The exit codes, as `--help` shows them.
const EXIT_STATUS: &str = "\
Exit status:
  0  every record was extracted
  1  a record failed (batch: its error record is in the output) or the article could not be
     extracted (extract), or the output could not be written
  2  bad usage: unknown flags, bad option values, inputs that do not exist, an OUT that
     --resume cannot go on from";

/// Turn raw news articles into structured JSON: clean text, quotes and speakers, entities,
/// dates, sources, keywords.
#[derive(Debug, Parser)]
#[command(name = "presscut", version, about, propagate_version = true, after_help = EXIT_STATUS)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract one article (a file, or standard input) and print it as JSON.
    Extract {
        /// The article: a text or HTML file, or `-` for standard input.
        #[arg(default_value = "-")]
        input: PathBuf,
        #[command(flatten)]
        options: OptionArgs,
        /// Indent the JSON for reading.
        #[arg(long)]
        pretty: bool,
    },
    /// Extract many articles and write one JSON object a line (JSON Lines), in input order.
    ///
    /// Inputs: JSON Lines files of records {"id", "text"} or {"id", "html"} (optional "url",
    /// "published"), plain or gzipped; WARC files, plain or gzipped (one record per HTML
    /// response: id = WARC-Record-ID, url = WARC-Target-URI); directories of .txt/.html files
    /// (id = relative path; links are followed only inside the directory); - for standard
    /// input (JSON Lines or WARC). A record that cannot be processed yields
    /// {"id": ..., "error": {"kind": ..., "message": ...}} in its place. Progress goes to
    /// stderr when it is a terminal, a summary at the end.
    #[command(after_help = EXIT_STATUS)]
    Batch(batch::BatchArgs),
    /// Show one article as a self-contained HTML page: quotes highlighted with their speakers,
    /// entities by kind, dates, and a list of who said what.
    ///
    /// FILE: an Article JSON as `presscut extract` writes it (it has a "schema_version"), or an
    /// article's text or HTML, extracted first with the options below; `-` for standard input.
    Render {
        /// The article JSON, text or HTML file, or `-` for standard input.
        #[arg(default_value = "-")]
        input: PathBuf,
        /// Write the page here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        options: OptionArgs,
    },
}

/// The contract's extraction options.
#[derive(Debug, Clone, Args)]
pub struct OptionArgs {
    /// How to read the input.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    format: FormatArg,
    /// Keep the text as given: no layout analysis or boilerplate removal.
    #[arg(long)]
    no_clean: bool,
    /// Reference date for relative time expressions (ISO 8601, e.g. 2026-02-05).
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// The article's URL (copied to metadata.url).
    #[arg(long)]
    url: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Auto,
    Text,
    Html,
}

impl OptionArgs {
    pub fn to_options(&self) -> presscut::Options {
        presscut::Options {
            format: match self.format {
                FormatArg::Auto => presscut::Format::Auto,
                FormatArg::Text => presscut::Format::Text,
                FormatArg::Html => presscut::Format::Html,
            },
            clean: !self.no_clean,
            published: self.published.clone(),
            url: self.url.clone(),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract { input, options, pretty } => {
            extract(&input, &options.to_options(), pretty)
        }
        Command::Batch(args) => batch::run(args),
        Command::Render { input, output, options } => {
            render::run(&input, output.as_deref(), &options.to_options())
        }
    };
    match result {
        Ok(code) => code,
        Err(Failure::Usage(msg)) => {
            eprintln!("presscut: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            eprintln!("presscut: {e}");
            ExitCode::from(1)
        }
    }
}

/// Why a command stopped.
#[derive(Debug)]
pub enum Failure {
    /// Bad usage: exit status 2.
    Usage(String),
    /// Writing failed.
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

/// The bytes of the one input of `extract` and `render`: a file, or standard input for `-`.
pub fn read_input(input: &std::path::Path) -> Result<Vec<u8>, Failure> {
    if input.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
        Ok(buf)
    } else {
        std::fs::read(input)
            .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", input.display())))
    }
}

/// `options` for `input`: an `Auto` format becomes what the file's extension says.
pub fn options_for(input: &std::path::Path, options: &presscut::Options) -> presscut::Options {
    let mut options = options.clone();
    if options.format == presscut::Format::Auto {
        options.format = inputs::format_for_path(input);
    }
    options
}

fn extract(
    input: &std::path::Path,
    options: &presscut::Options,
    pretty: bool,
) -> Result<ExitCode, Failure> {
    // Invalid options are usage errors, whatever the input.
    options.validate().map_err(|e| Failure::Usage(e.to_string()))?;
    let bytes = read_input(input)?;
    match presscut::extract_bytes(&bytes, &options_for(input, options)) {
        Ok(article) => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            if pretty {
                serde_json::to_writer_pretty(&mut out, &article).map_err(io::Error::from)?;
            } else {
                serde_json::to_writer(&mut out, &article).map_err(io::Error::from)?;
            }
            writeln!(out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("presscut: {e}");
            Ok(ExitCode::from(1))
        }
    }
}
