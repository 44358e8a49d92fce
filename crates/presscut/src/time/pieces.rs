//! The grammar's view of the document: each token as character-class pieces — a run of
//! letters, a run of ASCII digits, one mark — so that `5pm`, `1990s`, `2014-03-05` and `10:30`
//! can be read inside their tokens. A piece never crosses a token boundary: the time stage
//! cannot disagree with the others about words. A word type is cut into pieces once per thread
//! (its pieces and their lexicon entries are kept with the thread's known words), whatever the
//! number of its tokens and documents.

use super::lexicon::{Entry, LEXICON};
use crate::doc::{Doc, flags};

/// What a piece is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters (ASCII or not).
    Word,
    /// A run of ASCII digits.
    Num,
    /// One punctuation character, folded to ASCII (`’` → `'`, `–` → `-`); 0 for other symbols.
    Punct(u8),
}

/// One piece: byte span, kind, lexicon entry (words), value (numbers), spacing before it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub entry: Option<&'static Entry>,
    /// The value of a digit run (saturating), 0 otherwise.
    pub val: u32,
    /// A line break comes right before the piece (0 or 1; a blank line ends the block).
    pub nl: u8,
    /// Whether white space separates this piece from the previous one.
    pub space: bool,
}

impl Tok {
    /// Whether an expression can begin at this piece (a number, a starter word, an apostrophe
    /// of `'90s`); the grammar is not consulted for any other piece.
    #[inline]
    pub(crate) fn can_start(&self) -> bool {
        match self.kind {
            Kind::Num => true,
            Kind::Word => self.entry.is_some_and(|e| e.starter),
            Kind::Punct(c) => c == b'\'',
        }
    }
}

/// A piece of a word type: offsets inside the type's text, kind, entry, value.
#[derive(Clone, Copy, Debug)]
struct Part {
    start: u32,
    end: u32,
    kind: Kind,
    entry: Option<&'static Entry>,
    val: u32,
}

/// Not cut yet.
const UNSEEN: (u32, u32) = (u32::MAX, 0);

/// The pieces of the word types this thread knows, cut on first use: per known word, its parts
/// in `parts`; both forgotten with the known words (a new vocabulary generation).
#[derive(Default)]
struct Cut {
    generation: Option<u32>,
    of_type: Vec<(u32, u32)>,
    parts: Vec<Part>,
}

thread_local! {
    static CUT: std::cell::RefCell<Cut> = std::cell::RefCell::new(Cut::default());
}

/// The pieces of a document's tokens.
pub(crate) struct Pieces<'d> {
    doc: &'d Doc<'d>,
}

impl<'d> Pieces<'d> {
    pub(crate) fn new(doc: &'d Doc<'d>) -> Pieces<'d> {
        Pieces { doc }
    }

    /// Appends the pieces of tokens `a..b` to `out`.
    pub(crate) fn push_tokens(&mut self, a: usize, b: usize, out: &mut Vec<Tok>) {
        let d = self.doc;
        CUT.with_borrow_mut(|cut| {
            if cut.generation != Some(d.vocab.generation) {
                *cut = Cut { generation: Some(d.vocab.generation), ..Cut::default() };
            }
            for t in &d.tokens[a..b] {
                let k = d.vocab.types.get(t.ty as usize).map_or(0, |ty| ty.known as usize);
                if k >= cut.of_type.len() {
                    cut.of_type.resize(k + 1, UNSEEN);
                }
                if cut.of_type[k] == UNSEEN {
                    let from = cut.parts.len() as u32;
                    split(t.text(d.text), &mut cut.parts);
                    cut.of_type[k] = (from, cut.parts.len() as u32);
                }
                let (from, to) = cut.of_type[k];
                let nl = u8::from(
                    t.flags & (flags::LINE_START | flags::BLOCK_START) == flags::LINE_START,
                );
                let space = t.has(flags::SPACE_BEFORE);
                for (n, p) in cut.parts[from as usize..to as usize].iter().enumerate() {
                    let first = n == 0;
                    out.push(Tok {
                        start: t.start() + p.start as usize,
                        end: t.start() + p.end as usize,
                        kind: p.kind,
                        entry: p.entry,
                        val: p.val,
                        nl: if first { nl } else { 0 },
                        space: first && space,
                    });
                }
            }
        });
    }
}

fn fold_punct(c: char) -> Option<u8> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{2032}' => b'\'',
        '\u{201c}' | '\u{201d}' => b'"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => b'-',
        '\u{2044}' => b'/',
        _ => return None,
    })
}

/// Cuts one token's text into parts: runs of letters (ASCII, or other alphanumerics), runs of
/// ASCII digits, single marks.
fn split(word: &str, out: &mut Vec<Part>) {
    let bytes = word.as_bytes();
    let lex = &*LEXICON;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        let (kind, entry, val) = if b.is_ascii_digit() {
            let mut v: u64 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                v = (v * 10 + u64::from(bytes[i] - b'0')).min(u64::from(u32::MAX));
                i += 1;
            }
            (Kind::Num, None, v as u32)
        } else if b.is_ascii_alphabetic() || b >= 0x80 && is_letter_at(word, i) {
            let mut ascii = true;
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_alphabetic() {
                    i += 1;
                } else if c >= 0x80 && is_letter_at(word, i) {
                    ascii = false;
                    i += word[i..].chars().next().map_or(1, char::len_utf8);
                } else {
                    break;
                }
            }
            let entry = if ascii { lex.get(&bytes[start..i]) } else { None };
            (Kind::Word, entry, 0)
        } else if b < 0x80 {
            i += 1;
            (Kind::Punct(b), None, 0)
        } else {
            let c = word[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            (Kind::Punct(fold_punct(c).unwrap_or(0)), None, 0)
        };
        out.push(Part { start: start as u32, end: i as u32, kind, entry, val });
    }
}

fn is_letter_at(text: &str, i: usize) -> bool {
    text.get(i..).and_then(|s| s.chars().next()).is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        let d = Doc::from_text(s);
        let mut p = Pieces::new(&d);
        let mut v = Vec::new();
        p.push_tokens(0, d.tokens.len(), &mut v);
        v
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let t = toks("Feb. 5, 2026");
        let kinds: Vec<Kind> = t.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            vec![Kind::Word, Kind::Punct(b'.'), Kind::Num, Kind::Punct(b','), Kind::Num]
        );
        assert_eq!(t[0].entry.map(|e| e.month), Some(2));
        assert_eq!(t[4].val, 2026);
        assert!(t[2].space && !t[1].space);
    }

    #[test]
    fn folds_typographic_marks_and_marks_line_breaks() {
        let t = toks("the ’90s\n2014–2022\n\nThe end.");
        assert_eq!(t[1].kind, Kind::Punct(b'\''));
        assert_eq!(t[4].nl, 1);
        assert_eq!(t[5].kind, Kind::Punct(b'-'));
    }

    #[test]
    fn non_ascii_words_are_not_looked_up() {
        let t = toks("Mayé 12");
        assert_eq!(t.len(), 2);
        assert!(t[0].entry.is_none());
    }

    #[test]
    fn huge_numbers_saturate() {
        let t = toks("99999999999999999999999");
        assert_eq!(t[0].val, u32::MAX);
    }

    #[test]
    fn a_type_is_cut_once_whatever_its_tokens() {
        let t = toks("5pm and 5pm");
        assert_eq!(t.len(), 5);
        assert_eq!((t[3].start, t[3].kind), (8, Kind::Num));
    }
}
