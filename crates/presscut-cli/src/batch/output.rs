//! Where batch output goes: the JSON Lines (standard output or `-o OUT`), the CSV tables
//! (`--tables DIR`), and `--resume`, which reads back what OUT already holds.
//!
//! OUT is written front to back, one whole line after another, so a killed run leaves complete
//! lines followed by at most one partial line. `--resume` keeps the complete lines, checks each
//! against the input record in its place (the ids must match), cuts the partial line off, and
//! the run goes on from the next record: no duplicate, no gap.

use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use presscut::tables::{CsvWriter, Key, Outcome, Table};

use crate::inputs::Item;

/// Output buffer: large writes, few system calls.
const BUFFER: usize = 1 << 20;

/// Longest time written lines wait in the buffer: what a kill can lose of finished work (the
/// next `--resume` redoes it) and how stale OUT looks to someone watching it.
const FLUSH_EVERY: Duration = Duration::from_secs(1);

/// The JSON Lines output.
pub struct Lines {
    out: BufWriter<Box<dyn Write + Send>>,
    last_flush: Instant,
}

impl Lines {
    pub fn new(sink: Box<dyn Write + Send>) -> Self {
        Lines { out: BufWriter::with_capacity(BUFFER, sink), last_flush: Instant::now() }
    }

    /// Writes one line (a newline is added).
    pub fn write(&mut self, line: &str) -> io::Result<()> {
        self.out.write_all(line.as_bytes())?;
        self.out.write_all(b"\n")
    }

    /// Flushes when the last flush is [`FLUSH_EVERY`] ago.
    pub fn flush_if_due(&mut self) -> io::Result<()> {
        if self.last_flush.elapsed() >= FLUSH_EVERY {
            self.out.flush()?;
            self.last_flush = Instant::now();
        }
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The six CSV tables, one file each in a directory.
pub struct Tables {
    writers: Vec<CsvWriter<BufWriter<File>>>,
}

impl Tables {
    /// Creates (or empties) `DIR/<table>.csv` for every table and writes their headers.
    pub fn create(dir: &Path) -> io::Result<Tables> {
        std::fs::create_dir_all(dir)?;
        let writers = Table::ALL
            .into_iter()
            .map(|t| {
                let file = File::create(dir.join(format!("{}.csv", t.name())))?;
                CsvWriter::new(t, BufWriter::with_capacity(BUFFER / 4, file))
            })
            .collect::<io::Result<_>>()?;
        Ok(Tables { writers })
    }

    /// Writes the rows of the `position`-th output record.
    pub fn write(
        &mut self,
        position: u64,
        id: Option<&str>,
        outcome: Outcome<'_>,
    ) -> io::Result<()> {
        let item = presscut::tables::Item { key: Key::new(id, position as usize), outcome };
        self.writers.iter_mut().try_for_each(|w| w.write(&item))
    }

    pub fn finish(self) -> io::Result<()> {
        self.writers.into_iter().try_for_each(|w| w.finish().map(drop))
    }
}

/// Why `--resume` cannot go on.
#[derive(Debug)]
pub struct Mismatch(pub String);

/// What OUT held when the run resumed.
#[derive(Debug, Default)]
pub struct Resumed {
    /// Complete records kept.
    pub records: u64,
    /// Of those, error records.
    pub errors: u64,
    /// Bytes of a partial last line that was cut off.
    pub cut: u64,
}

/// The fields of an output line that `--resume` looks at.
#[derive(serde::Deserialize)]
struct Head {
    id: Option<String>,
    error: Option<ErrorBody>,
    schema_version: Option<serde::de::IgnoredAny>,
}

#[derive(serde::Deserialize)]
struct ErrorBody {
    kind: String,
    message: String,
}

/// Opens OUT to go on from what it holds: checks its complete lines against `items` (consuming
/// as many items as OUT has lines), writes their rows to `tables`, and cuts off a partial last
/// line. The file is returned positioned at its end. An OUT that does not exist is created.
pub fn resume(
    path: &Path,
    items: &mut impl Iterator<Item = Item>,
    mut tables: Option<&mut Tables>,
) -> Result<(File, Resumed), ResumeError> {
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| ResumeError::Io(path.to_path_buf(), e))?;
    let mut resumed = Resumed::default();
    let mut kept = 0u64;
    let mut reader = BufReader::with_capacity(BUFFER, &mut file);
    let mut line = Vec::new();
    let name = path.display();
    loop {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| ResumeError::Io(path.to_path_buf(), e))?;
        if n == 0 {
            break;
        }
        if line.last() != Some(&b'\n') {
            resumed.cut = n as u64;
            break;
        }
        let number = resumed.records + 1;
        let head: Head = serde_json::from_slice(&line)
            .ok()
            .filter(|h: &Head| h.error.is_some() != h.schema_version.is_some())
            .ok_or_else(|| {
                ResumeError::Mismatch(Mismatch(format!(
                    "line {number} of {name} is not a record presscut wrote; not resuming"
                )))
            })?;
        let Some(item) = items.next() else {
            return Err(ResumeError::Mismatch(Mismatch(format!(
                "{name} holds more records than the inputs ({number} or more, the inputs {}); \
                 it was written from other inputs",
                resumed.records
            ))));
        };
        let input_id = item.id();
        if input_id != head.id {
            return Err(ResumeError::Mismatch(Mismatch(format!(
                "line {number} of {name} is record {} but input record {number} is {}: {name} \
                 was written from other inputs, or in another order; not resuming",
                describe(head.id.as_deref()),
                describe(input_id.as_deref())
            ))));
        }
        if let Some(tables) = tables.as_deref_mut() {
            let position = resumed.records;
            let written = if let Some(e) = &head.error {
                tables.write(
                    position,
                    head.id.as_deref(),
                    Outcome::Error { kind: &e.kind, message: &e.message },
                )
            } else {
                let article: presscut::Article = serde_json::from_slice(&line).map_err(|e| {
                    ResumeError::Mismatch(Mismatch(format!(
                        "line {number} of {name} is not an Article of this version ({e}); \
                         not resuming"
                    )))
                })?;
                tables.write(position, head.id.as_deref(), Outcome::Article(&article))
            };
            written.map_err(|e| ResumeError::Io(PathBuf::from("the tables"), e))?;
        }
        resumed.records += 1;
        resumed.errors += u64::from(head.error.is_some());
        kept += n as u64;
    }
    drop(reader);
    file.set_len(kept).map_err(|e| ResumeError::Io(path.to_path_buf(), e))?;
    file.seek(SeekFrom::End(0)).map_err(|e| ResumeError::Io(path.to_path_buf(), e))?;
    Ok((file, resumed))
}

/// Why `--resume` stopped before any work.
#[derive(Debug)]
pub enum ResumeError {
    /// OUT does not match the inputs: bad usage.
    Mismatch(Mismatch),
    /// OUT or the tables could not be read or written.
    Io(PathBuf, io::Error),
}

fn describe(id: Option<&str>) -> String {
    id.map_or_else(|| "without an id".to_owned(), |id| format!("{id:?}"))
}
