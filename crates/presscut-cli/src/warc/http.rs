//! The HTTP response inside a WARC `response` record: status, headers, and the page bytes with
//! the transport undone (chunked transfer coding, gzip/deflate content coding) and the charset
//! the Content-Type header declares turned into UTF-8.
//!
//! The charset matters because the page's own `<meta charset>` may be missing, and the HTTP
//! header is what a browser would use (the HTML standard puts it before the page's
//! declaration). After conversion the bytes are UTF-8 whatever the page declares; the core
//! reads valid UTF-8 as UTF-8.

use std::io::Read;

use encoding_rs::{Encoding, UTF_8};

/// A parsed HTTP response.
#[derive(Debug)]
pub struct Response<'a> {
    pub status: u16,
    headers: Vec<(String, String)>,
    body: &'a [u8],
}

/// The MIME types read as pages.
const HTML_TYPES: [&str; 2] = ["text/html", "application/xhtml+xml"];

impl<'a> Response<'a> {
    /// Parses a response block: status line, header fields, an empty line, the body.
    pub fn parse(block: &'a [u8]) -> Result<Response<'a>, String> {
        let (head, body) = match memchr::memmem::find(block, b"\r\n\r\n") {
            Some(i) => (&block[..i], &block[i + 4..]),
            None => match memchr::memmem::find(block, b"\n\n") {
                Some(i) => (&block[..i], &block[i + 2..]),
                None => (block, &block[block.len()..]),
            },
        };
        let head = String::from_utf8_lossy(head);
        let mut lines = head.lines();
        let status_line = lines.next().unwrap_or("");
        let mut parts = status_line.split_ascii_whitespace();
        let status = match (parts.next(), parts.next().map(str::parse::<u16>)) {
            (Some(version), Some(Ok(status))) if version.starts_with("HTTP/") => status,
            _ => return Err(format!("not an HTTP status line: {status_line:.80}")),
        };
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
            .collect();
        Ok(Response { status, headers, body })
    }

    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The MIME type of the Content-Type header, lower-cased, without parameters.
    fn mime(&self) -> Option<String> {
        let ct = self.header("Content-Type")?;
        Some(ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
    }

    /// The `charset` parameter of the Content-Type header.
    pub fn charset(&self) -> Option<&str> {
        let ct = self.header("Content-Type")?;
        ct.split(';').skip(1).find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']))
        })
    }

    /// True for a successful (2xx) response whose Content-Type is HTML: a page. Redirects,
    /// errors and other types (images, scripts, JSON) are not.
    pub fn is_html_page(&self) -> bool {
        (200..300).contains(&self.status)
            && self.mime().is_some_and(|m| HTML_TYPES.contains(&m.as_str()))
    }

    /// The page as UTF-8 bytes (when its charset is known), or the error kind and message.
    pub fn page(&self) -> Result<Vec<u8>, (&'static str, String)> {
        let mut body = self.body.to_vec();
        if self
            .header("Transfer-Encoding")
            .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
        {
            // Crawlers that decode the chunks keep the header; only undo what is still there.
            if let Some(joined) = dechunk(&body) {
                body = joined;
            }
        }
        if let Some(codings) = self.header("Content-Encoding") {
            for coding in codings.rsplit(',').map(|c| c.trim().to_ascii_lowercase()) {
                body = decode_content(body, &coding)?;
            }
        }
        Ok(to_utf8(body, self.charset()))
    }
}

/// Joins the chunks of a chunked body; `None` when it is not chunked after all.
pub fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = memchr::memchr(b'\n', body)?;
        let size_line = std::str::from_utf8(&body[..eol]).ok()?;
        let size_text = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        let chunk = body.get(..size)?;
        out.extend_from_slice(chunk);
        body = &body[size..];
        body = body.strip_prefix(b"\r\n").or_else(|| body.strip_prefix(b"\n")).unwrap_or(body);
        if body.is_empty() {
            // The last chunk without its terminator: keep what there is.
            return Some(out);
        }
    }
}

/// Undoes one content coding, at most [`presscut::MAX_INPUT_BYTES`] of output.
fn decode_content(body: Vec<u8>, coding: &str) -> Result<Vec<u8>, (&'static str, String)> {
    let limit = presscut::MAX_INPUT_BYTES as u64 + 1;
    let mut out = Vec::new();
    let result = match coding {
        "" | "identity" | "none" => return Ok(body),
        // A body that is not gzip was decoded by the crawler, which kept the header.
        "gzip" | "x-gzip" if !body.starts_with(&[0x1f, 0x8b]) => return Ok(body),
        "gzip" | "x-gzip" => {
            flate2::read::MultiGzDecoder::new(&body[..]).take(limit).read_to_end(&mut out)
        }
        // HTTP's deflate is zlib-wrapped; some servers send it raw.
        "deflate" => flate2::read::ZlibDecoder::new(&body[..])
            .take(limit)
            .read_to_end(&mut out)
            .or_else(|_| {
                out.clear();
                flate2::read::DeflateDecoder::new(&body[..]).take(limit).read_to_end(&mut out)
            }),
        other => {
            return Err((
                "invalid_record",
                format!("the page's content coding {other:?} is not supported"),
            ));
        }
    };
    match result {
        Ok(_) if out.len() as u64 >= limit => Err((
            "input_too_large",
            format!("the page decompresses to more than {} bytes", presscut::MAX_INPUT_BYTES),
        )),
        Ok(_) => Ok(out),
        Err(e) => Err(("invalid_record", format!("the page's {coding} coding is broken: {e}"))),
    }
}

/// The body in UTF-8 when the header's charset says how: a byte-order mark wins (as the HTML
/// standard says), then the header's charset. A body that is valid UTF-8 with non-ASCII text is
/// left as it is whatever the header says (servers often default to ISO-8859-1 for pages that
/// are UTF-8); so is a body whose charset is unknown or not given (the core detects it).
pub fn to_utf8(body: Vec<u8>, charset: Option<&str>) -> Vec<u8> {
    let Some(encoding) = charset.and_then(|c| Encoding::for_label(c.as_bytes())) else {
        return body;
    };
    if encoding == UTF_8 || (!body.is_ascii() && std::str::from_utf8(&body).is_ok()) {
        return body;
    }
    let (text, _, _) = encoding.decode(&body);
    text.into_owned().into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_headers_and_body_are_read() {
        let r = Response::parse(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\n\r\n<p>x</p>",
        )
        .unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.charset(), Some("ISO-8859-1"));
        assert!(r.is_html_page());
        assert_eq!(r.page().unwrap(), b"<p>x</p>");
    }

    #[test]
    fn redirects_errors_and_images_are_not_pages() {
        for block in [
            &b"HTTP/1.1 301 Moved Permanently\r\nLocation: /a\r\nContent-Type: text/html\r\n\r\n"[..],
            b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
            b"HTTP/2 200\r\n\r\n<p>no type</p>",
        ] {
            assert!(!Response::parse(block).unwrap().is_html_page());
        }
        assert!(Response::parse(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n").is_err(), "a request");
    }

    #[test]
    fn a_legacy_charset_becomes_utf8_and_utf8_bodies_stay() {
        assert_eq!(to_utf8(b"caf\xe9".to_vec(), Some("windows-1252")), "café".as_bytes());
        assert_eq!(to_utf8(b"caf\xe9".to_vec(), Some("latin1")), "café".as_bytes());
        assert_eq!(to_utf8("café".as_bytes().to_vec(), Some("iso-8859-1")), "café".as_bytes());
        assert_eq!(to_utf8(b"caf\xe9".to_vec(), Some("no-such-charset")), b"caf\xe9");
        assert_eq!(to_utf8(b"caf\xe9".to_vec(), None), b"caf\xe9");
    }

    #[test]
    fn chunked_and_gzipped_bodies_are_undone() {
        assert_eq!(dechunk(b"4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\n\r\n").unwrap(), b"Wikipedia");
        assert_eq!(dechunk(b"<html>"), None, "not chunked after all");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"<p>zipped</p>").unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        let zipped = gz.finish().unwrap();
        block.extend_from_slice(format!("{:x}\r\n", zipped.len()).as_bytes());
        block.extend_from_slice(&zipped);
        block.extend_from_slice(b"\r\n0\r\n\r\n");
        assert_eq!(Response::parse(&block).unwrap().page().unwrap(), b"<p>zipped</p>");
        let br = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\nxx";
        assert_eq!(Response::parse(br).unwrap().page().unwrap_err().0, "invalid_record");
    }
}
