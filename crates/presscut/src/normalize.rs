//! Stage 1: decode the input and normalise characters without losing track of offsets.
//!
//! Line ends become `\n`; no-break and other odd spaces become a plain space; soft hyphens,
//! zero-width characters, byte-order marks and control characters are dropped. The
//! [`OffsetMap`] maps every offset of the normalised text back to the decoded input, so that
//! with cleaning off the spans found on the normalised text can be reported against the input
//! exactly as given.

/// The decoded input, its normalised form and the map between them.
#[derive(Debug)]
pub struct Normalized {
    /// The input decoded as UTF-8 (invalid sequences replaced by U+FFFD).
    pub original: String,
    /// The normalised text the stages work on.
    pub text: String,
    /// Maps offsets of `text` to offsets of `original`.
    pub map: OffsetMap,
    pub warnings: Vec<String>,
}

/// Piecewise-constant offset shift: after normalised offset `norm`, original = norm + delta.
#[derive(Debug, Default)]
pub struct OffsetMap {
    /// `(normalised offset, original offset)` at the end of each edit, ascending.
    anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The original byte offset of normalised byte offset `pos`.
    pub fn to_original(&self, pos: usize) -> usize {
        let i = self.anchors.partition_point(|&(n, _)| n <= pos);
        if i == 0 { pos } else { self.anchors[i - 1].1 + (pos - self.anchors[i - 1].0) }
    }

    /// The original byte offset of normalised offset `pos` taken as the *end* of a span: text
    /// dropped right at `pos` (a `\r` before `\n`, a zero-width space) stays outside the span.
    pub fn to_original_end(&self, pos: usize) -> usize {
        let i = self.anchors.partition_point(|&(n, _)| n < pos);
        if i == 0 { pos } else { self.anchors[i - 1].1 + (pos - self.anchors[i - 1].0) }
    }

    /// True when the normalised text is byte-for-byte the original.
    pub fn is_identity(&self) -> bool {
        self.anchors.is_empty()
    }
}

/// Decodes `input` (lossily, with a warning) and normalises it.
pub fn run(input: &[u8]) -> Normalized {
    let mut warnings = Vec::new();
    let original = if let Ok(s) = std::str::from_utf8(input) {
        s.to_owned()
    } else {
        let decoded = String::from_utf8_lossy(input).into_owned();
        let bad = decoded.matches('\u{FFFD}').count();
        warnings.push(format!(
            "input is not valid UTF-8: {bad} invalid byte sequence(s) replaced with U+FFFD"
        ));
        decoded
    };
    let (text, map) = normalize_str(&original);
    Normalized { original, text, map, warnings }
}

/// What normalisation does with one character.
enum Action {
    Keep,
    Replace(char),
    Drop,
}

fn action(c: char, next: Option<char>) -> Action {
    match c {
        '\r' if next == Some('\n') => Action::Drop,
        '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{0B}' | '\u{0C}' => Action::Replace('\n'),
        '\t'
        | '\u{A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Action::Replace(' '),
        '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}' => Action::Drop,
        '\n' => Action::Keep,
        c if c.is_control() => Action::Drop,
        _ => Action::Keep,
    }
}

/// Whether a byte can start a character that normalisation changes: an ASCII control other
/// than `\n`, or the lead byte of U+0080–U+00BF (C1 controls, no-break space, soft hyphen),
/// U+1680/U+180E, U+2000–U+206F, U+3000 or U+FEFF.
fn may_change(b: u8) -> bool {
    (b < 0x20 && b != b'\n') || b == 0x7F || matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF)
}

fn normalize_str(s: &str) -> (String, OffsetMap) {
    // One pass that looks only at the few bytes that can start a changed character and copies
    // the unchanged runs between them in bulk.
    let bytes = s.as_bytes();
    let mut out = String::new();
    let mut anchors = Vec::new();
    let mut copied = 0;
    let mut edited = false;
    let mut i = 0;
    while i < bytes.len() {
        if !may_change(bytes[i]) {
            i += 1;
            continue;
        }
        // `may_change` bytes are ASCII or lead bytes, so `i` is a character boundary.
        let Some(c) = s[i..].chars().next() else { break };
        let end = i + c.len_utf8();
        let next = s[end..].chars().next();
        let act = action(c, next);
        if !matches!(act, Action::Keep) {
            if !edited {
                out.reserve(s.len());
                edited = true;
            }
            out.push_str(&s[copied..i]);
            copied = end;
            match act {
                Action::Replace(r) => {
                    out.push(r);
                    if r.len_utf8() != c.len_utf8() {
                        anchors.push((out.len(), end));
                    }
                }
                Action::Drop => anchors.push((out.len(), end)),
                Action::Keep => {}
            }
        }
        i = end;
    }
    if !edited {
        return (s.to_owned(), OffsetMap::default());
    }
    out.push_str(&s[copied..]);
    (out, OffsetMap { anchors })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_becomes_lf_and_offsets_map_back() {
        let n = run(b"one\r\ntwo\rthree");
        assert_eq!(n.text, "one\ntwo\nthree");
        let t = n.text.find("two").unwrap();
        assert_eq!(&n.original[n.map.to_original(t)..n.map.to_original_end(t + 3)], "two");
        let one = n.text.find("one").unwrap();
        assert_eq!(&n.original[n.map.to_original(one)..n.map.to_original_end(one + 3)], "one");
        let th = n.text.find("three").unwrap();
        assert_eq!(&n.original[n.map.to_original(th)..], "three");
    }

    #[test]
    fn odd_spaces_become_spaces_and_invisible_characters_go() {
        let n = run("Feb.\u{a0}5 co\u{ad}operate zero\u{200b}width\u{feff}".as_bytes());
        assert_eq!(n.text, "Feb. 5 cooperate zerowidth");
        let w = n.text.find("width").unwrap();
        let o = n.map.to_original(w);
        assert_eq!(&n.original[o..o + 5], "width");
    }

    #[test]
    fn clean_input_is_untouched() {
        let n = run("Just “text”, fine.\n\nSecond.".as_bytes());
        assert_eq!(n.text, n.original);
        assert!(n.map.is_identity());
        assert!(n.warnings.is_empty());
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let n = run(b"caf\xe9 ok");
        assert_eq!(n.text, "caf\u{FFFD} ok");
        assert_eq!(n.warnings.len(), 1);
        assert!(n.warnings[0].contains("not valid UTF-8"));
    }
}
