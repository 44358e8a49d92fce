//! A `.warc.gz` crawl built here, end to end: one Article per HTML response.

use std::io::Write;

use crate::common::{json_lines, path_str, presscut, scratch, serial};

/// One WARC record, gzipped on its own (as crawlers write them).
fn record(kind: &str, id: &str, uri: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut head = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Date: 2019-04-01T10:00:00Z\r\nContent-Type: {content_type}\r\n"
    );
    if let Some(uri) = uri {
        head = format!("{head}WARC-Target-URI: {uri}\r\n");
    }
    head = format!("{head}Content-Length: {}\r\n\r\n", block.len());
    let mut raw = head.into_bytes();
    raw.extend_from_slice(block);
    raw.extend_from_slice(b"\r\n\r\n");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&raw).unwrap();
    gz.finish().unwrap()
}

fn response(id: &str, uri: &str, http_head: &str, body: &[u8]) -> Vec<u8> {
    let mut block = http_head.replace('\n', "\r\n").into_bytes();
    block.extend_from_slice(b"\r\n");
    block.extend_from_slice(body);
    record("response", id, Some(uri), "application/http; msgtype=response", &block)
}

fn page(title: &str, paragraphs: &[&str]) -> String {
    let body = paragraphs.join("</p><p>");
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
         <article><h1>{title}</h1><p>{body}</p></article><footer>Contact us</footer></body></html>"
    )
}

const HARBOUR: [&str; 3] = [
    "The city council approved the new harbour plan, which had been debated for months.",
    "\"This is a good day for the port,\" the mayor, Anna Berg, told reporters.",
    "Work on the first pier is to begin after the summer, officials said.",
];

#[test]
fn a_crawl_gives_one_article_per_html_response() {
    let _serial = serial();
    let dir = scratch("warc");
    let mut warc = Vec::new();
    warc.extend(record(
        "warcinfo",
        "info",
        None,
        "application/warc-fields",
        b"software: a test\r\nformat: WARC File Format 1.1\r\n",
    ));
    warc.extend(record(
        "request",
        "req1",
        Some("https://news.example/harbour"),
        "application/http; msgtype=request",
        b"GET /harbour HTTP/1.1\r\nHost: news.example\r\n\r\n",
    ));
    // 1. A UTF-8 page.
    warc.extend(response(
        "page-utf8",
        "https://news.example/harbour",
        "HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\n",
        page("Harbour plan approved", &HARBOUR).as_bytes(),
    ));
    // A redirect, an image, an error page: not articles.
    warc.extend(response(
        "redirect",
        "http://news.example/harbour",
        "HTTP/1.1 301 Moved Permanently\nLocation: https://news.example/harbour\nContent-Type: text/html\n",
        b"<html><body>Moved</body></html>",
    ));
    warc.extend(response(
        "image",
        "https://news.example/pier.png",
        "HTTP/1.1 200 OK\nContent-Type: image/png\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
    ));
    warc.extend(response(
        "missing",
        "https://news.example/nothing",
        "HTTP/1.1 404 Not Found\nContent-Type: text/html\n",
        b"<html><body><p>Page not found</p></body></html>",
    ));
    // 2. A windows-1252 page that says so only in its HTTP header.
    let cafe = page(
        "Caf\u{e9} owners welcome the new rules",
        &[
            "Owners of the caf\u{e9}s on the square welcomed the rules on Monday.",
            "\u{201c}We waited a long time for this,\u{201d} said one owner, Tomas Lind.",
        ],
    );
    let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&cafe);
    assert!(!unmappable && std::str::from_utf8(&cp1252).is_err(), "the page is not UTF-8");
    warc.extend(response(
        "page-1252",
        "https://news.example/cafe",
        "HTTP/1.1 200 OK\nContent-Type: text/html; charset=windows-1252\n",
        &cp1252,
    ));
    warc.extend(record(
        "metadata",
        "meta",
        Some("https://news.example/cafe"),
        "application/warc-fields",
        b"fetchTimeMs: 120\r\n",
    ));
    // 3. A gzipped page sent in chunks, as crawlers that keep the transfer encoding store it.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(page("Rail contract signed", &HARBOUR[..2]).as_bytes()).unwrap();
    let zipped = gz.finish().unwrap();
    let mut chunked = Vec::new();
    for chunk in zipped.chunks(100) {
        chunked.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        chunked.extend_from_slice(chunk);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    warc.extend(response(
        "page-chunked",
        "https://news.example/rail",
        "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: gzip\nTransfer-Encoding: chunked\n",
        &chunked,
    ));
    warc.extend(record(
        "revisit",
        "again",
        Some("https://news.example/harbour"),
        "application/http; msgtype=response",
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
    ));
    let path = dir.join("crawl.warc.gz");
    std::fs::write(&path, &warc).unwrap();

    let out = presscut(&["batch", path_str(&path), "--threads", "2"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let articles = json_lines(&out.stdout);
    let ids: Vec<&str> = articles.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["<urn:uuid:page-utf8>", "<urn:uuid:page-1252>", "<urn:uuid:page-chunked>"]);
    let urls: Vec<&str> = articles.iter().map(|a| a["metadata"]["url"].as_str().unwrap()).collect();
    assert_eq!(
        urls,
        ["https://news.example/harbour", "https://news.example/cafe", "https://news.example/rail"]
    );
    for a in &articles {
        assert_eq!(a["source_format"], "html");
        assert!(a["metadata"]["published"].is_null(), "the crawl date is not the publication date");
    }
    assert!(articles[0]["text"].as_str().unwrap().contains("approved the new harbour plan"));
    let cafe_text = articles[1]["text"].as_str().unwrap();
    assert!(cafe_text.contains("Owners of the caf\u{e9}s"), "decoded as windows-1252: {cafe_text}");
    assert!(cafe_text.contains("\u{201c}We waited"), "{cafe_text}");
    assert!(!cafe_text.contains('\u{fffd}'), "{cafe_text}");
    assert!(articles[2]["text"].as_str().unwrap().contains("This is a good day for the port"));
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("passed over 7 WARC records"), "{summary}");

    // The same crawl, uncompressed, on standard input.
    let mut plain = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&warc[..]), &mut plain)
        .unwrap();
    let out = presscut(&["batch", "-"], Some(&plain));
    assert_eq!(json_lines(&out.stdout), articles);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_truncated_crawl_reports_its_cut_record_and_keeps_the_ones_before() {
    let _serial = serial();
    let dir = scratch("warc-cut");
    let mut warc = response(
        "first",
        "https://news.example/harbour",
        "HTTP/1.1 200 OK\nContent-Type: text/html\n",
        page("Harbour plan approved", &HARBOUR).as_bytes(),
    );
    let mut raw = Vec::new();
    let second = response(
        "second",
        "https://news.example/two",
        "HTTP/1.1 200 OK\nContent-Type: text/html\n",
        page("A second page", &HARBOUR).as_bytes(),
    );
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&second[..]), &mut raw).unwrap();
    raw.truncate(raw.len() / 2);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&raw).unwrap();
    warc.extend(gz.finish().unwrap());
    let path = dir.join("cut.warc.gz");
    std::fs::write(&path, &warc).unwrap();
    let out = presscut(&["batch", path_str(&path)], None);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "<urn:uuid:first>");
    assert_eq!(lines[1]["id"], "<urn:uuid:second>");
    assert_eq!(lines[1]["error"]["kind"], "io");
    assert!(lines[1]["error"]["message"].as_str().unwrap().contains("ends inside a record"));
    std::fs::remove_dir_all(&dir).ok();
}
