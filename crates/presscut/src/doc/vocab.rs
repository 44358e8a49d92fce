//! The vocabulary of one document: every distinct token text (a word *type*) once, with the
//! flags of its text and its lower-case *form*; every lower-case form once, with its lexicon
//! key and word classes. Whatever depends only on a word's text is worked out here once per type
//! or form, not once per token; stages keep their own per-type facts in vectors indexed by
//! [`Token::ty`](super::Token) or [`TypeInfo::form`].

use std::cell::RefCell;

use super::flags;
use crate::hash::{IdTable, hash_bytes};
use crate::lexicon::classes;

/// One word type: a distinct token text.
#[derive(Clone, Copy, Debug)]
pub struct TypeInfo {
    /// Where the type first occurs (its text is `text[start..end]`).
    pub start: u32,
    pub end: u32,
    /// The flags of its text ([`flags::TEXT`]).
    pub flags: u32,
    /// Its lower-case form: index into [`Vocab::forms`].
    pub form: u32,
    /// What the word lists say it is: its form's classes and, as written, its abbreviation
    /// class ([`classes::class`]).
    pub classes: u64,
}

/// One lower-case form (`said` for `said`, `Said` and `SAID`).
#[derive(Clone, Copy, Debug)]
pub struct FormInfo {
    /// The form's lexicon key ([`classes::form_key`]): what global word lists are keyed by.
    pub key: u64,
    /// What the word lists say it is ([`classes::class`]).
    pub classes: u64,
    /// A type of this form (the first seen).
    pub ty: u32,
}

/// The word types and forms of a document.
#[derive(Debug, Default)]
pub struct Vocab {
    pub types: Vec<TypeInfo>,
    pub forms: Vec<FormInfo>,
}

/// Tables reused by every document built on this thread: text hash → type, form key → form.
#[derive(Default)]
struct Interner {
    types: IdTable,
    forms: IdTable,
    lower: String,
}

thread_local! {
    static INTERNER: RefCell<Interner> = RefCell::new(Interner::default());
}

impl Vocab {
    /// Gives every token of `tokens` (spans of `text`) its type and the flags of its text.
    pub fn build(text: &str, tokens: &mut [super::Token]) -> Vocab {
        let mut v = Vocab::default();
        INTERNER.with_borrow_mut(|int| {
            int.types.clear();
            int.forms.clear();
            for t in tokens.iter_mut() {
                let word = t.text(text);
                let next = v.types.len() as u32;
                let ty = int.types.get_or_insert_with(hash_bytes(word.as_bytes()), || next);
                if ty == next {
                    v.add_type(int, word, t);
                }
                t.ty = ty;
                t.flags |= v.types[ty as usize].flags;
            }
        });
        v
    }

    #[inline(never)]
    fn add_type(&mut self, int: &mut Interner, word: &str, t: &super::Token) {
        classes::lower_into(word, &mut int.lower);
        let key = classes::form_key(&int.lower);
        let next = self.forms.len() as u32;
        let form = int.forms.get_or_insert_with(key, || next);
        let ty = self.types.len() as u32;
        if form == next {
            self.forms.push(FormInfo { key, classes: classes::of_form(key), ty });
        }
        let flags = flags::of_text(word);
        let abbreviation = if flags & flags::ALPHA != 0 {
            classes::abbreviation(word.strip_suffix('.').unwrap_or(word))
        } else {
            0
        };
        self.types.push(TypeInfo {
            start: t.start() as u32,
            end: t.end() as u32,
            flags,
            form,
            classes: self.forms[form as usize].classes | abbreviation,
        });
    }

    /// The text of type `ty` (in the document's `text`).
    #[inline]
    pub fn text<'a>(&self, text: &'a str, ty: u32) -> &'a str {
        self.types
            .get(ty as usize)
            .and_then(|t| text.get(t.start as usize..t.end as usize))
            .unwrap_or("")
    }

    /// The form of type `ty`.
    #[inline]
    pub fn form(&self, ty: u32) -> &FormInfo {
        &self.forms[self.types[ty as usize].form as usize]
    }

    /// The word classes of type `ty`.
    #[inline]
    pub fn classes(&self, ty: u32) -> u64 {
        self.types.get(ty as usize).map_or(0, |t| t.classes)
    }
}
