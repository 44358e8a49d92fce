//! Reading the data files under `data/`: one entry a line, `#` comment lines, tab-separated
//! columns. Each lexicon is parsed once, behind a `LazyLock`, where it is used; the word
//! classes of single words are in one table ([`classes`]).

pub mod classes;

/// The entry lines of a data file: comments and blank lines skipped, ends trimmed.
pub fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim_end).filter(|l| !l.trim_start().is_empty() && !l.starts_with('#'))
}

/// The entry lines of a TSV data file, split into columns.
pub fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    entries(data).map(|l| l.split('\t').map(str::trim).collect())
}

/// Column `i` of a row, trimmed; empty when the row is shorter.
pub fn col<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).copied().unwrap_or("").trim()
}

/// The entries of a `|`-separated list column, empty ones left out.
pub fn split_names(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// A name without its row-distinguishing ` (...)` suffix (`Conservative Party (UK)`).
pub fn strip_qualifier(s: &str) -> &str {
    match s.rfind(" (") {
        Some(i) if s.ends_with(')') => &s[..i],
        _ => s,
    }
}

/// An ASCII-only `\b`: the regex crate's lazy DFA cannot handle Unicode word boundaries on
/// text with non-ASCII characters and falls back to a much slower engine. Lexicon patterns
/// are ASCII words, so the ASCII boundary means the same thing for them.
pub fn ascii_word_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// The crate's hash map and set, re-exported for the stages that read lexicons.
pub use crate::hash::{FastMap, FastSet};
/// The crate's hasher, for code that hashes words itself (layout's line statistics).
pub use rustc_hash::FxHasher;

/// Whether `c` is in Unicode's General Punctuation block (U+2000–U+206F: odd spaces, dashes,
/// curly quotes, ellipsis, invisible marks), none of which is a letter or a digit. News text is
/// full of them; checking this first spares `char::is_alphanumeric` and friends their slow table
/// lookups outside ASCII.
#[inline]
pub fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let data = "# header\n\nMr\ttitle\n  \nInc\tother\n";
        let got: Vec<Vec<&str>> = rows(data).collect();
        assert_eq!(got, vec![vec!["Mr", "title"], vec!["Inc", "other"]]);
    }

    #[test]
    fn ascii_boundaries_still_match_words_next_to_unicode_punctuation() {
        let re = regex::Regex::new(&ascii_word_boundaries(r"(?i)\bshare\b")).unwrap();
        assert!(re.is_match("“Share” this"));
        assert!(!re.is_match("shared"));
    }

    #[test]
    fn fast_maps_hash_strings() {
        let mut m: FastMap<&str, usize> = FastMap::default();
        *m.entry("a").or_default() += 1;
        *m.entry("a").or_default() += 1;
        assert_eq!(m["a"], 2);
    }
}
