//! Batch inputs as one ordered stream of records: JSON Lines files (plain or `.gz`), standard
//! input, and directories of `.txt`/`.html` files.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

/// One unit of batch work: an article to extract, or a record that could not be read.
#[derive(Debug)]
pub enum Item {
    Job(presscut::Record),
    Bad { id: Option<String>, kind: &'static str, message: String },
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
        let name = p.to_string_lossy().to_ascii_lowercase();
        #[allow(clippy::case_sensitive_file_extension_comparisons)] // `name` is lower-cased
        if name.ends_with(".warc") || name.ends_with(".warc.gz") {
            return Err(format!(
                "{}: WARC input is not supported by this version yet",
                p.display()
            ));
        }
        if !p.exists() {
            return Err(format!("{}: no such file or directory", p.display()));
        }
    }
    Ok(())
}

/// All records of all inputs, in order.
pub fn items(inputs: &[PathBuf]) -> impl Iterator<Item = Item> + '_ {
    inputs.iter().flat_map(|p| -> Box<dyn Iterator<Item = Item>> {
        if p.as_os_str() == "-" {
            Box::new(jsonl(Box::new(BufReader::new(io::stdin())), "standard input".to_owned()))
        } else if p.is_dir() {
            Box::new(directory(p))
        } else {
            match open(p) {
                Ok(r) => Box::new(jsonl(r, p.display().to_string())),
                Err(e) => Box::new(std::iter::once(Item::Bad {
                    id: None,
                    kind: "io",
                    message: format!("cannot read {}: {e}", p.display()),
                })),
            }
        }
    })
}

fn open(p: &Path) -> io::Result<Box<dyn BufRead>> {
    let f = File::open(p)?;
    if p.extension().is_some_and(|e| e == "gz") {
        Ok(Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(f))))
    } else {
        Ok(Box::new(BufReader::new(f)))
    }
}

fn jsonl(reader: Box<dyn BufRead>, name: String) -> impl Iterator<Item = Item> {
    let mut line_no = 0usize;
    let mut lines = reader.split(b'\n');
    std::iter::from_fn(move || {
        loop {
            line_no += 1;
            let line = match lines.next()? {
                Ok(l) => l,
                Err(e) => {
                    return Some(Item::Bad {
                        id: None,
                        kind: "io",
                        message: format!("{name}: line {line_no}: {e}"),
                    });
                }
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse_record(&line, &name, line_no));
        }
    })
}

fn parse_record(line: &[u8], name: &str, line_no: usize) -> Item {
    match presscut::Record::from_json(line) {
        Ok(record) => Item::Job(record),
        Err(e) => Item::Bad {
            id: e.id,
            kind: e.kind,
            message: format!("{name}: line {line_no}: {}", e.message),
        },
    }
}

fn directory(root: &Path) -> impl Iterator<Item = Item> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    walk(root, &mut files, &mut errors);
    files.sort();
    let root = root.to_path_buf();
    errors.into_iter().chain(files.into_iter().map(move |path| {
        let id = path.strip_prefix(&root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        match std::fs::read(&path) {
            Ok(input) => Item::Job(presscut::Record {
                id: Some(id),
                input,
                format: Some(format_for_path(&path)).filter(|f| *f != presscut::Format::Auto),
                url: None,
                published: None,
            }),
            Err(e) => Item::Bad {
                id: Some(id),
                kind: "io",
                message: format!("cannot read {}: {e}", path.display()),
            },
        }
    }))
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Item>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(Item::Bad {
                id: None,
                kind: "io",
                message: format!("cannot list {}: {e}", dir.display()),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files, errors);
        } else if format_for_path(&path) != presscut::Format::Auto {
            files.push(path);
        }
    }
}
