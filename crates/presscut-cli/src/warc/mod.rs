//! WARC files (ISO 28500, versions 1.0 and 1.1) as batch records: one record per HTML
//! response, id = `WARC-Record-ID`, url = `WARC-Target-URI`, the page being the HTTP payload
//! with its transfer and content encodings undone and its charset (from the HTTP Content-Type
//! header) turned into UTF-8. The crawl date (`WARC-Date`) is not the publication date and is not
//! passed on.
//!
//! Requests, metadata, revisits, redirects, error pages and non-HTML responses (images, scripts)
//! are not articles: they are counted for the summary, not output. A record that cannot be read
//! becomes an error record; the reader then looks for the next `WARC/` line, so one bad record
//! does not lose the rest of the file.
//!
//! The reader is small and has no dependency beyond the standard library: it works on any
//! [`BufRead`], never holds more than one record, and never panics on bad bytes (its tests feed
//! it corrupted files). The `warc` crate was considered and not used: it reads bodies line by
//! line without a bound, cannot find its way after a bad record, and ends silently on a
//! truncated one.

mod http;

use std::io::{self, BufRead, Read};
use std::sync::Arc;

use crate::inputs::{Item, Tally};

/// How every WARC file begins (the version line).
pub const MAGIC: &[u8] = b"WARC/";

/// The largest header block read; real ones are under 2 KiB.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// The largest HTTP response kept in memory: the core's input limit plus room for the HTTP
/// header.
const MAX_BLOCK_BYTES: u64 = presscut::MAX_INPUT_BYTES as u64 + 64 * 1024;

/// A WARC record's header fields, in order.
#[derive(Debug, Default)]
pub struct Header {
    fields: Vec<(String, String)>,
}

impl Header {
    /// The first field named `name` (case-insensitive).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// What [`Reader::next_record`] found.
#[derive(Debug)]
pub enum Next {
    /// A record's header, its block to be read or skipped next.
    Record { header: Header, length: u64 },
    /// Bytes that are not a WARC record; the reader has skipped to the next `WARC/` line.
    Garbage { offset: u64, message: String },
}

/// Reads WARC records from a stream.
#[derive(Debug)]
pub struct Reader<R> {
    inner: R,
    /// Bytes consumed so far (positions in messages).
    offset: u64,
    /// Where a version line already consumed (while skipping garbage) began.
    version_line_at: Option<u64>,
}

impl<R: BufRead> Reader<R> {
    pub fn new(inner: R) -> Self {
        Reader { inner, offset: 0, version_line_at: None }
    }

    /// The next record's header, `None` at the end of the stream.
    pub fn next_record(&mut self) -> io::Result<Option<Next>> {
        if let Some(start) = self.version_line_at.take() {
            return self.header(start);
        }
        // Blank lines (the two CRLFs that end a record) come before a record.
        let mut line = Vec::new();
        loop {
            let start = self.offset;
            if !self.read_line(&mut line)? {
                return Ok(None);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if !line.starts_with(MAGIC) {
                self.skip_to_next_record()?;
                return Ok(Some(Next::Garbage {
                    offset: start,
                    message: "expected a WARC record here; skipped to the next one".to_owned(),
                }));
            }
            return self.header(start);
        }
    }

    /// Reads the header fields after the version line.
    fn header(&mut self, start: u64) -> io::Result<Option<Next>> {
        let mut header = Header::default();
        let mut line = Vec::new();
        let mut size = 0usize;
        let garbage = |message: String| Ok(Some(Next::Garbage { offset: start, message }));
        loop {
            if !self.read_line(&mut line)? {
                return garbage("the file ends inside a record header".to_owned());
            }
            if line.starts_with(MAGIC) {
                // A new record begins: this one's header was cut off.
                self.version_line_at = Some(self.offset - line.len() as u64);
                return garbage("a record header without its end".to_owned());
            }
            size += line.len();
            if size > MAX_HEADER_BYTES {
                self.skip_to_next_record()?;
                return garbage(
                    "a record header longer than 64 KiB; skipped to the next record".to_owned(),
                );
            }
            let text = String::from_utf8_lossy(trim_eol(&line));
            if text.is_empty() {
                break;
            }
            if text.starts_with([' ', '\t']) {
                // A continuation of the previous field (a folded header line).
                if let Some((_, value)) = header.fields.last_mut() {
                    value.push(' ');
                    value.push_str(text.trim());
                }
                continue;
            }
            let Some((name, value)) = text.split_once(':') else {
                let message = format!(
                    "a header line without a colon ({text:.60}); skipped to the next record"
                );
                self.skip_to_next_record()?;
                return garbage(message);
            };
            header.fields.push((name.trim().to_owned(), value.trim().to_owned()));
        }
        if let Some(Ok(length)) = header.get("Content-Length").map(str::parse::<u64>) {
            return Ok(Some(Next::Record { header, length }));
        }
        // Without a length the block cannot be skipped: look for the next record.
        self.skip_to_next_record()?;
        garbage("a record without a valid Content-Length; skipped to the next record".to_owned())
    }

    /// Reads a record's block, at most `limit` bytes of it; the rest is skipped. Returns the
    /// bytes and how many bytes of the block the stream held (less than `length` when it ended
    /// early).
    pub fn block(&mut self, length: u64, limit: u64) -> io::Result<(Vec<u8>, u64)> {
        let keep = length.min(limit);
        let mut bytes = Vec::with_capacity(usize::try_from(keep.min(1 << 20)).unwrap_or(0));
        let read = self.inner.by_ref().take(keep).read_to_end(&mut bytes)? as u64;
        self.offset += read;
        let skipped = if read == keep { self.skip(length - keep)? } else { 0 };
        Ok((bytes, read + skipped))
    }

    /// Skips `n` bytes; returns how many there were.
    pub fn skip(&mut self, n: u64) -> io::Result<u64> {
        let skipped = io::copy(&mut self.inner.by_ref().take(n), &mut io::sink())?;
        self.offset += skipped;
        Ok(skipped)
    }

    /// Position in the (decompressed) stream.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Consumes lines up to the next one that starts with `WARC/`, which is kept for
    /// [`Reader::next_record`].
    fn skip_to_next_record(&mut self) -> io::Result<()> {
        let mut line = Vec::new();
        loop {
            let start = self.offset;
            if !self.read_line(&mut line)? {
                return Ok(());
            }
            if line.starts_with(MAGIC) {
                self.version_line_at = Some(start);
                return Ok(());
            }
        }
    }

    /// Reads a line (with its end) into `line`, at most [`MAX_HEADER_BYTES`] of it (a longer
    /// line is read in pieces); false at the end of the stream.
    fn read_line(&mut self, line: &mut Vec<u8>) -> io::Result<bool> {
        line.clear();
        let n = self.inner.by_ref().take(MAX_HEADER_BYTES as u64).read_until(b'\n', line)?;
        self.offset += n as u64;
        Ok(n > 0)
    }
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The batch items of a WARC stream: one per HTML response, an error record per record that
/// cannot be read.
pub fn items(
    reader: impl BufRead + Send,
    name: Arc<str>,
    tally: Arc<Tally>,
) -> impl Iterator<Item = Item> + Send {
    let mut reader = Reader::new(reader);
    let mut ended = false;
    std::iter::from_fn(move || {
        while !ended {
            match next_item(&mut reader, &name, &tally) {
                Ok(Step::Item(item)) => return Some(item),
                Ok(Step::Skip) => {}
                Ok(Step::End) => ended = true,
                Err(e) => {
                    ended = true;
                    return Some(Item::Bad {
                        id: None,
                        kind: "io",
                        message: format!(
                            "{name}: at byte {}: {e}; the rest is not read",
                            reader.offset()
                        ),
                    });
                }
            }
        }
        None
    })
}

/// What one WARC record gives.
enum Step {
    /// The end of the stream.
    End,
    /// An article, or an error record.
    Item(Item),
    /// A record that is not an article.
    Skip,
}

impl From<Option<Item>> for Step {
    fn from(item: Option<Item>) -> Step {
        item.map_or(Step::Skip, Step::Item)
    }
}

/// The next record of `reader`.
fn next_item<R: BufRead>(reader: &mut Reader<R>, name: &str, tally: &Tally) -> io::Result<Step> {
    let (header, length) = match reader.next_record()? {
        None => return Ok(Step::End),
        Some(Next::Garbage { offset, message }) => {
            return Ok(Step::Item(Item::Bad {
                id: None,
                kind: "invalid_record",
                message: format!("{name}: at byte {offset}: {message}"),
            }));
        }
        Some(Next::Record { header, length }) => (header, length),
    };
    let id = header.get("WARC-Record-ID").map(str::to_owned);
    let is_response = header.get("WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
    let is_http = header
        .get("Content-Type")
        .is_some_and(|t| t.to_ascii_lowercase().starts_with("application/http"));
    if !is_response || !is_http {
        Tally::add(&tally.other_warc_records, 1);
        let skipped = reader.skip(length)?;
        return Ok(truncated(name, id, length, skipped).into());
    }
    // An oversized response is only looked at for its HTTP header (is it a page?).
    let limit = if length > MAX_BLOCK_BYTES { MAX_HEADER_BYTES as u64 } else { length };
    let (block, held) = reader.block(length, limit)?;
    if held < length {
        return Ok(truncated(name, id, length, held).into());
    }
    let response = match http::Response::parse(&block) {
        Ok(r) => r,
        Err(message) => {
            return Ok(Step::Item(Item::Bad {
                id,
                kind: "invalid_record",
                message: format!("{name}: {message}"),
            }));
        }
    };
    if !response.is_html_page() {
        Tally::add(&tally.other_warc_records, 1);
        return Ok(Step::Skip);
    }
    if length > MAX_BLOCK_BYTES {
        return Ok(Step::Item(Item::Bad {
            id,
            kind: "input_too_large",
            message: format!(
                "{name}: an HTML response of {length} bytes (the limit is {MAX_BLOCK_BYTES})"
            ),
        }));
    }
    let url = header
        .get("WARC-Target-URI")
        .map(|u| u.trim_start_matches('<').trim_end_matches('>').to_owned());
    Ok(Step::Item(match response.page() {
        Ok(input) => Item::Job(presscut::Record {
            id,
            input,
            format: Some(presscut::Format::Html),
            url,
            published: None,
        }),
        Err((kind, message)) => Item::Bad { id, kind, message: format!("{name}: {message}") },
    }))
}

/// An error item when a block ended early (the file is cut short), else nothing.
fn truncated(name: &str, id: Option<String>, length: u64, read: u64) -> Option<Item> {
    (read < length).then(|| Item::Bad {
        id,
        kind: "io",
        message: format!(
            "{name}: the file ends inside a record ({read} of its {length} bytes are there)"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, id: &str, http: &str) -> Vec<u8> {
        let block = http.replace('\n', "\r\n");
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:{id}>\r\n\
             WARC-Target-URI: https://a.example/{id}\r\n\
             Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
        .into_bytes()
    }

    fn page(id: &str) -> Vec<u8> {
        record("response", id, "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>Hello.</p>")
    }

    fn run(bytes: &[u8]) -> (Vec<Item>, Arc<Tally>) {
        let tally = Arc::new(Tally::default());
        let items = items(bytes, Arc::from("t.warc"), Arc::clone(&tally)).collect();
        (items, tally)
    }

    fn describe(item: &Item) -> String {
        match item {
            Item::Job(r) => format!("page {}", r.id.as_deref().unwrap_or("-")),
            Item::Bad { id, kind, .. } => format!("{kind} {}", id.as_deref().unwrap_or("-")),
            Item::Line { .. } => "line".to_owned(),
        }
    }

    #[test]
    fn html_responses_are_records_and_the_rest_is_counted() {
        let mut warc = page("a");
        warc.extend(record("request", "r", "GET / HTTP/1.1\n\n"));
        warc.extend(record(
            "response",
            "img",
            "HTTP/1.1 200 OK\nContent-Type: image/gif\n\nGIF89a",
        ));
        warc.extend(page("b"));
        let (items, tally) = run(&warc);
        let got: Vec<String> = items.iter().map(describe).collect();
        assert_eq!(got, ["page <urn:a>", "page <urn:b>"]);
        assert_eq!(tally.other_warc_records.load(std::sync::atomic::Ordering::Relaxed), 2);
        let Item::Job(r) = &items[0] else { panic!() };
        assert_eq!(r.url.as_deref(), Some("https://a.example/a"));
        assert_eq!(r.input, b"<p>Hello.</p>");
        assert_eq!(r.published, None);
    }

    #[test]
    fn garbage_between_records_is_reported_and_the_next_record_found() {
        let mut warc = page("a");
        warc.extend_from_slice(b"some stray bytes\nmore of them\n");
        warc.extend(page("b"));
        // A header without a length, then a good record.
        warc.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n");
        warc.extend(page("c"));
        let (items, _) = run(&warc);
        let got: Vec<String> = items.iter().map(describe).collect();
        assert_eq!(
            got,
            [
                "page <urn:a>",
                "invalid_record -",
                "page <urn:b>",
                "invalid_record -",
                "page <urn:c>"
            ]
        );
    }

    #[test]
    fn a_cut_file_ends_with_an_error_for_its_last_record() {
        let mut warc = page("a");
        let b = page("b");
        warc.extend_from_slice(&b[..b.len() - 20]);
        let (items, _) = run(&warc);
        let got: Vec<String> = items.iter().map(describe).collect();
        assert_eq!(got, ["page <urn:a>", "io <urn:b>"]);
        let mut header_only = page("a");
        header_only.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\n");
        let (items, _) = run(&header_only);
        assert_eq!(items.len(), 2, "a header cut short is reported too");
    }

    /// Corrupted copies of a small crawl (bytes flipped, cut, doubled) never panic or hang,
    /// and every good record before the damage is still read.
    #[test]
    fn damaged_crawls_never_panic() {
        let mut warc = Vec::new();
        for id in ["a", "b", "c", "d"] {
            warc.extend(page(id));
        }
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let mut damaged = warc.clone();
            for _ in 0..=next() % 4 {
                let at = (next() % damaged.len() as u64) as usize;
                match next() % 4 {
                    0 => damaged[at] = next() as u8,
                    1 => damaged.truncate(at),
                    2 => damaged.insert(at, b'\n'),
                    _ => {
                        let digit = b"0123456789"[(next() % 10) as usize];
                        damaged[at] = digit;
                    }
                }
                if damaged.is_empty() {
                    break;
                }
            }
            let (items, _) = run(&damaged);
            assert!(items.len() <= 2 * 4 + 8, "no runaway output");
        }
    }
}
