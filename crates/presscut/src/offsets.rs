//! The one place where byte offsets become code-point offsets.
//!
//! Stages work in byte offsets into their `&str`; the contract speaks code points. A
//! [`CharIndex`] answers "how many code points precede byte `b`" in O(1) amortised: it keeps
//! the code-point count at every [`BLOCK`]-byte boundary and counts the rest of the block.

use crate::model::{Span, TextSpan};

const BLOCK: usize = 16;

/// Converts byte offsets of one string into code-point offsets.
#[derive(Debug)]
pub struct CharIndex<'a> {
    text: &'a str,
    /// `None` when the text is ASCII and bytes are code points.
    counts: Option<Vec<usize>>,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return CharIndex { text, counts: None };
        }
        let bytes = text.as_bytes();
        let mut counts = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut seen = 0usize;
        for chunk in bytes.chunks(BLOCK) {
            counts.push(seen);
            seen += chunk.iter().filter(|&&b| !is_continuation(b)).count();
        }
        counts.push(seen);
        CharIndex { text, counts: Some(counts) }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text length; a byte inside a
    /// multi-byte character counts as that character's start).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let Some(counts) = &self.counts else { return byte };
        let block = byte / BLOCK;
        let base = block * BLOCK;
        let rest = &self.text.as_bytes()[base..byte];
        counts[block] + rest.iter().filter(|&&b| !is_continuation(b)).count()
    }

    /// A code-point span for the byte range `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        Span { start: self.char_offset(start), end: self.char_offset(end) }
    }

    /// A code-point span with its text, for the byte range `start..end`.
    pub fn text_span(&self, start: usize, end: usize) -> TextSpan {
        let text = self.text.get(start..end).unwrap_or_default().to_owned();
        TextSpan { text, start: self.char_offset(start), end: self.char_offset(end) }
    }

    /// The total number of code points.
    pub fn len_chars(&self) -> usize {
        self.char_offset(self.text.len())
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str, byte: usize) -> usize {
        text[..byte].chars().count()
    }

    #[test]
    fn ascii_offsets_are_bytes() {
        let idx = CharIndex::new("plain text");
        assert_eq!(idx.char_offset(5), 5);
        assert_eq!(idx.len_chars(), 10);
    }

    #[test]
    fn multibyte_offsets_count_code_points() {
        let text = "Russia’s “war party” — 😀 done";
        let idx = CharIndex::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(idx.char_offset(byte), reference(text, byte), "at byte {byte}");
        }
    }

    #[test]
    fn offsets_are_right_across_block_boundaries() {
        let text = "é".repeat(200) + "abc" + &"ж".repeat(77);
        let idx = CharIndex::new(&text);
        for (byte, _) in text.char_indices() {
            assert_eq!(idx.char_offset(byte), reference(&text, byte));
        }
        assert_eq!(idx.len_chars(), text.chars().count());
    }

    #[test]
    fn text_span_slices_like_python() {
        let text = "“Yes,” he said.";
        let idx = CharIndex::new(text);
        let start = text.find("Yes").unwrap();
        let ts = idx.text_span(start, start + 3);
        assert_eq!(ts.text, "Yes");
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[ts.start..ts.end].iter().collect::<String>(), "Yes");
    }

    #[test]
    fn out_of_range_offsets_are_clamped() {
        let idx = CharIndex::new("ab€");
        assert_eq!(idx.char_offset(1000), 3);
    }
}
