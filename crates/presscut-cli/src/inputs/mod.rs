//! Batch inputs as one ordered stream of items: JSON Lines (plain or gzip), WARC (plain or
//! gzip), standard input, and directories of `.txt`/`.html` files. Every record of every input
//! becomes exactly one [`Item`], in input order: an article to extract, a JSON line for a worker
//! to parse, or a record that could not be read (an error record in its place).
//!
//! What a file holds is sniffed, not guessed from its name: gzip by its magic bytes, WARC by its
//! `WARC/` version line; anything else is read as JSON Lines.

mod dir;
mod jsonl;

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Read buffer for input files and decompressed streams.
const READ_BUFFER: usize = 256 * 1024;

/// One unit of batch work, in input order.
#[derive(Debug)]
pub enum Item {
    /// A JSON Lines record; a worker parses it (parsing is work, and workers are many).
    Line { bytes: Vec<u8>, source: Arc<str>, line_no: u64 },
    /// An article to extract.
    Job(presscut::Record),
    /// A record that could not be read: it becomes an error record in its place.
    Bad { id: Option<String>, kind: &'static str, message: String },
}

impl Item {
    /// The record itself, or why it cannot be read.
    pub fn into_record(self) -> Result<presscut::Record, Bad> {
        match self {
            Item::Job(record) => Ok(record),
            Item::Bad { id, kind, message } => Err(Bad { id, kind, message }),
            Item::Line { bytes, source, line_no } => {
                presscut::Record::from_json(&bytes).map_err(|e| Bad {
                    id: e.id,
                    kind: e.kind,
                    message: format!("{source}: line {line_no}: {}", e.message),
                })
            }
        }
    }

    /// The id this item's output line carries (what `--resume` compares with the output).
    pub fn id(&self) -> Option<String> {
        match self {
            Item::Job(record) => record.id.clone(),
            Item::Bad { id, .. } => id.clone(),
            Item::Line { bytes, .. } => match presscut::Record::from_json(bytes) {
                Ok(record) => record.id,
                Err(e) => e.id,
            },
        }
    }

    /// Bytes of the record's input (what the pipeline's window and the summary count).
    pub fn size(&self) -> usize {
        match self {
            Item::Line { bytes, .. } => bytes.len(),
            Item::Job(record) => record.input.len(),
            Item::Bad { .. } => 0,
        }
    }
}

/// A record that could not be read or extracted: the fields of its error record.
#[derive(Debug)]
pub struct Bad {
    pub id: Option<String>,
    pub kind: &'static str,
    pub message: String,
}

/// What the readers saw besides records, for progress and the summary. Shared with the
/// reader thread.
#[derive(Debug, Default)]
pub struct Tally {
    /// Bytes read from input files so far (compressed bytes for gzip files).
    pub read: AtomicU64,
    /// Directory entries that are not `.txt`/`.html` files, passed over.
    pub other_files: AtomicU64,
    /// WARC records that are not HTML responses (requests, metadata, redirects, images, …).
    pub other_warc_records: AtomicU64,
}

impl Tally {
    pub fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }
}

/// The format a file's name implies (`.html`/`.htm` → HTML, `.txt` → text, else auto).
pub fn format_for_path(path: &Path) -> presscut::Format {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("html" | "htm" | "xhtml") => presscut::Format::Html,
        Some("txt" | "text") => presscut::Format::Text,
        _ => presscut::Format::Auto,
    }
}

/// Checks that every input can be opened, before any work starts.
pub fn check(inputs: &[PathBuf]) -> Result<(), String> {
    for p in inputs {
        if p.as_os_str() == "-" {
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => return Err(format!("{}: {e}", p.display())),
            Ok(m) if m.is_dir() => {
                std::fs::read_dir(p).map_err(|e| format!("cannot list {}: {e}", p.display()))?;
            }
            Ok(_) => {
                File::open(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            }
        }
    }
    if inputs.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err("standard input (-) can be given once".to_owned());
    }
    Ok(())
}

/// The total size of the inputs when every one is a file (for an ETA), else `None`.
pub fn total_size(inputs: &[PathBuf]) -> Option<u64> {
    inputs.iter().try_fold(0u64, |sum, p| {
        if p.as_os_str() == "-" {
            return None;
        }
        let meta = std::fs::metadata(p).ok()?;
        meta.is_file().then(|| sum + meta.len())
    })
}

/// All records of all inputs, in order.
pub fn items(inputs: Vec<PathBuf>, tally: Arc<Tally>) -> impl Iterator<Item = Item> + Send {
    inputs.into_iter().flat_map(move |p| -> Box<dyn Iterator<Item = Item> + Send> {
        let tally = Arc::clone(&tally);
        if p.as_os_str() == "-" {
            let stdin = Counting { inner: io::stdin(), tally: Arc::clone(&tally) };
            match stream(Box::new(stdin), "standard input", tally) {
                Ok(items) => items,
                Err(e) => Box::new(std::iter::once(io_error(None, "standard input", &e))),
            }
        } else if p.is_dir() {
            Box::new(dir::walk(&p, tally))
        } else {
            let name = p.display().to_string();
            let opened = File::open(&p).and_then(|f| {
                let counted = Counting { inner: f, tally: Arc::clone(&tally) };
                stream(Box::new(counted), &name, tally)
            });
            match opened {
                Ok(items) => items,
                Err(e) => Box::new(std::iter::once(io_error(None, &name, &e))),
            }
        }
    })
}

/// The records of one stream: gzip is undone, then WARC or JSON Lines by the first bytes.
fn stream(
    raw: Box<dyn Read + Send>,
    name: &str,
    tally: Arc<Tally>,
) -> io::Result<Box<dyn Iterator<Item = Item> + Send>> {
    let (head, raw) = peek(raw, 2)?;
    let plain: Box<dyn Read + Send> = if head == [0x1f, 0x8b] {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::with_capacity(READ_BUFFER, raw)))
    } else {
        raw
    };
    let (head, plain) = peek(plain, crate::warc::MAGIC.len())?;
    let reader = BufReader::with_capacity(READ_BUFFER, plain);
    let name: Arc<str> = Arc::from(name);
    if head == crate::warc::MAGIC {
        Ok(Box::new(crate::warc::items(reader, name, tally)))
    } else {
        Ok(Box::new(jsonl::lines(reader, name)))
    }
}

/// The first `n` bytes of `r` (fewer at its end), and a reader that still yields them.
fn peek(r: Box<dyn Read + Send>, n: usize) -> io::Result<(Vec<u8>, Box<dyn Read + Send>)> {
    let mut head = Vec::with_capacity(n);
    let mut r = r;
    r.by_ref().take(n as u64).read_to_end(&mut head)?;
    Ok((head.clone(), Box::new(io::Cursor::new(head).chain(r))))
}

/// The error item for an input that failed to read.
pub fn io_error(id: Option<String>, name: &str, e: &io::Error) -> Item {
    Item::Bad { id, kind: "io", message: format!("{name}: {e}") }
}

/// A reader that counts the bytes it hands out into [`Tally::read`].
struct Counting<R> {
    inner: R,
    tally: Arc<Tally>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        Tally::add(&self.tally.read, n as u64);
        Ok(n)
    }
}
