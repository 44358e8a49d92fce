//! Bytes of a page to text: the encoding from a byte-order mark, else the page's own
//! declaration (`<meta charset>`, `<meta http-equiv="content-type">`), else detected
//! (chardetng, the detector Firefox uses) — the order the HTML standard's sniffing follows.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How far into the page a `<meta charset>` is looked for. The standard prescans 1,024 bytes;
/// real pages put long `<head>` preambles (scripts, styles) first, so more is read.
const PRESCAN_BYTES: usize = 16 * 1024;

/// How many bytes the detector reads when the page declares nothing (enough for a confident
/// guess; chardetng's own examples feed a few kilobytes).
const DETECT_BYTES: usize = 64 * 1024;

/// A page's text and how it was read.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Decodes `bytes`, replacing what cannot be decoded (with a warning).
pub fn decode(bytes: &[u8]) -> Decoded {
    let mut warnings = Vec::new();
    let (encoding, body) = if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        (enc, &bytes[bom..])
    } else if let Some(enc) = utf16_without_bom(bytes) {
        (enc, bytes)
    } else if let Some(enc) = declared(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        // A declaration the bytes contradict is overruled by what the bytes are: valid UTF-8
        // with non-ASCII text under a legacy label is UTF-8; invalid UTF-8 declared as UTF-8 is
        // detected.
        let utf8 = std::str::from_utf8(bytes).is_ok();
        if enc != UTF_8 && utf8 && !bytes.is_ascii() {
            (UTF_8, bytes)
        } else if enc == UTF_8 && !utf8 {
            let guess = detect(bytes);
            warnings.push(format!(
                "the page declares UTF-8 but is not valid UTF-8; decoded as {} (detected)",
                guess.name()
            ));
            (guess, bytes)
        } else {
            (enc, bytes)
        }
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, bytes)
    } else {
        let guess = detect(bytes);
        warnings
            .push(format!("the page declares no encoding; decoded as {} (detected)", guess.name()));
        (guess, bytes)
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        let bad = text.matches('\u{FFFD}').count();
        warnings.push(format!(
            "the page is not valid {}: {bad} byte sequence(s) replaced with U+FFFD",
            encoding.name()
        ));
    }
    // Binary input decodes to control characters and replacement marks.
    let sample = text.chars().take(DETECT_BYTES);
    let (mut odd, mut total) = (0usize, 0usize);
    for c in sample {
        total += 1;
        if (c.is_control() && !c.is_whitespace()) || c == '\u{FFFD}' {
            odd += 1;
        }
    }
    if odd * 10 > total {
        warnings.push(
            "the input looks binary, not like a web page: the result may be meaningless".to_owned(),
        );
    }
    Decoded { text: text.into_owned(), warnings }
}

/// The encoding chardetng guesses for `bytes`.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let head = &bytes[..bytes.len().min(DETECT_BYTES)];
    detector.feed(head, head.len() == bytes.len());
    detector.guess(None, Utf8Detection::Allow)
}

/// The encoding a `<meta>` in `head` declares, as the standard maps labels: UTF-16 labels
/// mean UTF-8 (the page was not UTF-16, or it would have had a byte-order mark) and
/// `x-user-defined` means windows-1252.
pub fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(p) = find_ci(&head[from..], b"<meta").map(|p| from + p) {
        let end = memchr::memchr(b'>', &head[p..]).map_or(head.len(), |e| p + e);
        let tag = &head[p..end];
        if let Some(label) = charset_in(tag)
            && let Some(enc) = Encoding::for_label(label)
        {
            return Some(match enc {
                e if e == UTF_16LE || e == UTF_16BE => UTF_8,
                e if e.name() == "x-user-defined" => WINDOWS_1252,
                e => e,
            });
        }
        from = end;
    }
    None
}

/// The value after `charset=` in a meta tag's bytes (`charset="x"` or `content="…; charset=x"`).
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let p = find_ci(tag, b"charset")? + b"charset".len();
    let rest = &tag[p..];
    let rest = rest.trim_ascii_start().strip_prefix(b"=")?.trim_ascii_start();
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>' | b'\t' | b'\n'))
        .unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

/// Case-insensitive search for an ASCII needle.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if hay.len() < needle.len() {
        return None;
    }
    let first = needle[0];
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        let rel =
            memchr::memchr2(first, first.to_ascii_uppercase(), &hay[i..=hay.len() - needle.len()])?;
        let at = i + rel;
        if hay[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// A UTF-16 page without a byte-order mark shows as ASCII with every other byte zero.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(512) & !1];
    if head.len() < 16 {
        return None;
    }
    let zeros_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let zeros_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let half = head.len() / 2;
    if zeros_odd * 10 >= half * 9 && zeros_even * 10 < half {
        Some(UTF_16LE)
    } else if zeros_even * 10 >= half * 9 && zeros_odd * 10 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_wins() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "<p>Привет</p>".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes);
        assert_eq!(d.text, "<p>Привет</p>");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn a_meta_charset_is_read() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(
            "<html><head><meta charset=\"windows-1251\"></head><body>Новости дня</body></html>",
        );
        let d = decode(&bytes);
        assert!(d.text.contains("Новости дня"));
        assert!(d.warnings.is_empty());
        let http =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">caf\xe9";
        assert!(decode(http).text.ends_with("café"));
    }

    #[test]
    fn an_undeclared_legacy_page_is_detected_with_a_warning() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(
            "<html><body><p>東京都は月曜日、新しい計画を発表した。市民の生活に大きな影響がある。</p></body></html>",
        );
        let d = decode(&bytes);
        assert!(d.text.contains("東京都"), "{}", d.text);
        assert!(d.warnings.iter().any(|w| w.contains("detected")));
    }

    #[test]
    fn a_false_utf8_declaration_is_overruled() {
        let d = decode(b"<meta charset=utf-8><p>Le caf\xe9 \xe9tait ferm\xe9 lundi.</p>");
        assert!(d.text.contains("café était fermé"), "{}", d.text);
        assert!(!d.warnings.is_empty());
    }
}
