//! A directory of articles: every `.txt`/`.html` file below it, walked lazily in name order,
//! id = the path relative to the directory (with `/`).
//!
//! Symbolic links are followed only inside the directory: a link that leads out of it, or back
//! to a directory being walked (a loop), is not followed and becomes an error record, as does
//! any entry that cannot be read (permissions, a broken link, a FIFO named `.html`). Nothing is
//! passed over silently except files that are not `.txt`/`.html`, which the summary counts.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Item, Tally, format_for_path};

/// Error kind of a link that is not followed (out of the directory, or a loop).
const NOT_FOLLOWED: &str = "symlink";

/// The items of the directory `root`.
pub fn walk(root: &Path, tally: Arc<Tally>) -> impl Iterator<Item = Item> + Send + use<> {
    let mut walker =
        Walker { root: root.to_path_buf(), real_root: PathBuf::new(), stack: Vec::new(), tally };
    let mut first = None;
    match fs::canonicalize(root) {
        Ok(real) => {
            walker.real_root.clone_from(&real);
            match listing(root) {
                Ok(entries) => walker.stack.push(Frame {
                    dir: root.to_path_buf(),
                    real,
                    rel: PathBuf::new(),
                    entries,
                }),
                Err(e) => {
                    first = Some(bad(None, "io", format!("cannot list {}: {e}", root.display())));
                }
            }
        }
        Err(e) => first = Some(bad(None, "io", format!("{}: {e}", root.display()))),
    }
    first.into_iter().chain(std::iter::from_fn(move || walker.next_item()))
}

struct Walker {
    /// The directory as given.
    root: PathBuf,
    /// Its canonical path: links must stay below it.
    real_root: PathBuf,
    /// The directories being walked, outermost first.
    stack: Vec<Frame>,
    tally: Arc<Tally>,
}

struct Frame {
    /// The directory as reached (through links, if any).
    dir: PathBuf,
    /// Its canonical path (to recognise loops).
    real: PathBuf,
    /// Its path relative to the root (the prefix of ids).
    rel: PathBuf,
    /// Names not visited yet, in order.
    entries: std::vec::IntoIter<OsString>,
}

impl Walker {
    fn next_item(&mut self) -> Option<Item> {
        loop {
            let frame = self.stack.last_mut()?;
            let Some(name) = frame.entries.next() else {
                self.stack.pop();
                continue;
            };
            let path = frame.dir.join(&name);
            let rel = frame.rel.join(&name);
            let real_parent = frame.real.clone();
            let id = rel.to_string_lossy().replace('\\', "/");
            let meta = match fs::symlink_metadata(&path) {
                Ok(m) => m,
                Err(e) => return Some(bad(Some(id), "io", format!("{}: {e}", path.display()))),
            };
            let (real, meta) = if meta.file_type().is_symlink() {
                let real = match fs::canonicalize(&path) {
                    Ok(r) => r,
                    Err(e) => {
                        return Some(bad(
                            Some(id),
                            "io",
                            format!("cannot follow the link {}: {e}", path.display()),
                        ));
                    }
                };
                let target = match fs::metadata(&real) {
                    Ok(m) => m,
                    Err(e) => return Some(bad(Some(id), "io", format!("{}: {e}", path.display()))),
                };
                if !target.is_dir() && format_for_path(&path) == presscut::Format::Auto {
                    // Not an article whatever it points to.
                    Tally::add(&self.tally.other_files, 1);
                    continue;
                }
                if !real.starts_with(&self.real_root) {
                    return Some(bad(
                        Some(id),
                        NOT_FOLLOWED,
                        format!(
                            "the link {} leads out of {} (to {}): not followed",
                            path.display(),
                            self.root.display(),
                            real.display()
                        ),
                    ));
                }
                if target.is_dir() && self.stack.iter().any(|f| f.real == real) {
                    return Some(bad(
                        Some(id),
                        NOT_FOLLOWED,
                        format!(
                            "the link {} leads back to {}, which contains it (a loop): not followed",
                            path.display(),
                            real.display()
                        ),
                    ));
                }
                (real, target)
            } else {
                (real_parent.join(&name), meta)
            };
            if meta.is_dir() {
                match listing(&path) {
                    Ok(entries) => self.stack.push(Frame { dir: path, real, rel, entries }),
                    Err(e) => {
                        return Some(bad(
                            Some(id),
                            "io",
                            format!("cannot list {}: {e}", path.display()),
                        ));
                    }
                }
                continue;
            }
            let format = format_for_path(&path);
            if format == presscut::Format::Auto {
                Tally::add(&self.tally.other_files, 1);
                continue;
            }
            return Some(if !meta.is_file() {
                bad(Some(id), "io", format!("{} is not a regular file: not read", path.display()))
            } else if meta.len() > presscut::MAX_INPUT_BYTES as u64 {
                bad(
                    Some(id),
                    "input_too_large",
                    format!(
                        "{}: {} bytes (the limit is {})",
                        path.display(),
                        meta.len(),
                        presscut::MAX_INPUT_BYTES
                    ),
                )
            } else {
                match fs::read(&real) {
                    Ok(input) => {
                        Tally::add(&self.tally.read, input.len() as u64);
                        Item::Job(presscut::Record {
                            id: Some(id),
                            input,
                            format: Some(format),
                            url: None,
                            published: None,
                        })
                    }
                    Err(e) => bad(Some(id), "io", format!("cannot read {}: {e}", path.display())),
                }
            });
        }
    }
}

/// The names in `dir`, sorted (byte order), so that a walk is the same on every run.
fn listing(dir: &Path) -> std::io::Result<std::vec::IntoIter<OsString>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir)? {
        names.push(entry?.file_name());
    }
    names.sort();
    Ok(names.into_iter())
}

fn bad(id: Option<String>, kind: &'static str, message: String) -> Item {
    Item::Bad { id, kind, message }
}
