//! JSON Lines: one record a line. Lines are cut here and parsed by the workers; blank lines are
//! passed over; a line longer than the core accepts is skipped without being held in memory.

use std::io::{self, BufRead};
use std::sync::Arc;

use super::Item;

/// The longest line kept: a record's text cannot be longer than the core accepts, and a JSON
/// string is at least as long as its text.
const MAX_LINE_BYTES: usize = presscut::MAX_INPUT_BYTES;

/// The items of a JSON Lines stream.
pub fn lines(mut reader: impl BufRead + Send, name: Arc<str>) -> impl Iterator<Item = Item> + Send {
    let mut line_no = 0u64;
    let mut failed = false;
    std::iter::from_fn(move || {
        if failed {
            return None;
        }
        loop {
            line_no += 1;
            let mut bytes = Vec::new();
            match read_line(&mut reader, &mut bytes, MAX_LINE_BYTES) {
                Ok(Line::End) => return None,
                Ok(Line::Kept) if bytes.iter().all(u8::is_ascii_whitespace) => {}
                Ok(Line::Kept) => {
                    return Some(Item::Line { bytes, source: Arc::clone(&name), line_no });
                }
                Ok(Line::TooLong(len)) => {
                    return Some(Item::Bad {
                        id: None,
                        kind: "input_too_large",
                        message: format!(
                            "{name}: line {line_no}: {len} bytes (the limit is {MAX_LINE_BYTES})"
                        ),
                    });
                }
                Err(e) => {
                    // A read error (a corrupt gzip stream, a vanished disk) ends this input:
                    // what follows cannot be trusted to line up.
                    failed = true;
                    return Some(Item::Bad {
                        id: None,
                        kind: "io",
                        message: format!("{name}: line {line_no}: {e}; the rest is not read"),
                    });
                }
            }
        }
    })
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// The end of the stream: no more lines.
    End,
    /// A line, in the buffer, without its `\n`.
    Kept,
    /// A line longer than the limit, consumed and dropped; its length.
    TooLong(usize),
}

/// Reads one line into `buf` (cleared first), keeping at most `limit` bytes of it.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>, limit: usize) -> io::Result<Line> {
    buf.clear();
    let mut len = 0usize;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], i + 1),
            None => (available, available.len()),
        };
        len += chunk.len();
        if len <= limit {
            buf.extend_from_slice(chunk);
        } else {
            buf.clear();
        }
        let found = done > chunk.len();
        reader.consume(done);
        if found {
            break;
        }
    }
    Ok(match (any, len > limit) {
        (false, _) => Line::End,
        (true, false) => Line::Kept,
        (true, true) => Line::TooLong(len),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cut_at_newlines_and_a_last_line_needs_none() {
        let mut r = io::BufReader::with_capacity(4, &b"ab\n\ncdefgh\nij"[..]);
        let mut buf = Vec::new();
        let mut got = Vec::new();
        while read_line(&mut r, &mut buf, 100).unwrap() == Line::Kept {
            got.push(String::from_utf8(buf.clone()).unwrap());
        }
        assert_eq!(got, ["ab", "", "cdefgh", "ij"]);
    }

    #[test]
    fn an_overlong_line_is_dropped_and_the_next_one_read() {
        let mut r = io::BufReader::with_capacity(3, &b"short\nmuch too long\nok\n"[..]);
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::Kept);
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::TooLong(13));
        assert!(buf.is_empty(), "nothing of the long line is kept");
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::Kept);
        assert_eq!(buf, b"ok");
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::End);
    }

    #[test]
    fn blank_lines_are_passed_over_and_line_numbers_kept() {
        let items: Vec<Item> =
            lines(&b"{\"text\": \"a\"}\n  \n\nnot json\n"[..], Arc::from("in.jsonl")).collect();
        assert_eq!(items.len(), 2);
        let Item::Line { line_no, .. } = &items[1] else { panic!("a line") };
        assert_eq!(*line_no, 4);
        let bad = items.into_iter().nth(1).unwrap().into_record().unwrap_err();
        assert_eq!(bad.kind, "invalid_json");
        assert!(bad.message.starts_with("in.jsonl: line 4:"), "{}", bad.message);
    }
}
