//! The vocabulary of one document: every distinct token text (a word *type*) once, with the
//! flags of its text and its lower-case *form*; every lower-case form once, with its lexicon
//! key and word classes. Stages keep their own per-type facts in vectors indexed by
//! [`Token::ty`](super::Token) or [`TypeInfo::form`], or across documents in a [`TypeCache`].
//!
//! What a word's text says does not depend on the document, so it is worked out once per
//! thread (the *known* words, bounded in number) and only looked up for the next document:
//! each word type of a document costs one lookup, each token one hash.

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
    /// Its index among the words this thread knows (see [`TypeCache`]).
    pub known: u32,
}

/// One lower-case form (`said` for `said`, `Said` and `SAID`).
#[derive(Clone, Copy, Debug)]
pub struct FormInfo {
    /// The form's lexicon key ([`classes::form_key`]): what global word lists are keyed by.
    pub key: u64,
}

/// The word types and forms of a document.
#[derive(Debug, Default)]
pub struct Vocab {
    pub types: Vec<TypeInfo>,
    pub forms: Vec<FormInfo>,
    /// The generation of the known words the types' `known` indices refer to.
    pub generation: u32,
}

/// What a word's text says, whatever the document.
#[derive(Clone, Copy, Debug)]
struct Facts {
    flags: u32,
    classes: u64,
    form_key: u64,
}

/// Most words a thread keeps knowing; past that it forgets them all and starts again (a new
/// generation), so memory stays bounded over any number of documents. A news vocabulary of a
/// few hundred thousand words fits.
const MAX_KNOWN: usize = 1 << 18;

/// The words this thread knows, and the per-document tables, reused from document to document.
#[derive(Default)]
struct Known {
    /// text key → index into `facts`
    ids: IdTable,
    facts: Vec<Facts>,
    generation: u32,
    /// per document: text key → type, form key → form
    types: IdTable,
    forms: IdTable,
    lower: String,
}

thread_local! {
    static KNOWN: RefCell<Known> = RefCell::new(Known::default());
}

impl Known {
    /// The index and facts of the word `word` whose text key is `key`.
    fn facts(&mut self, key: u64, word: &str) -> (u32, Facts) {
        if self.facts.len() >= MAX_KNOWN {
            self.ids.clear();
            self.facts.clear();
            self.generation = self.generation.wrapping_add(1);
        }
        let next = self.facts.len() as u32;
        let id = self.ids.get_or_insert_with(key, || next);
        if id == next {
            let f = study(word, &mut self.lower);
            self.facts.push(f);
        }
        (id, self.facts[id as usize])
    }
}

/// What the text of `word` says (`lower` is a buffer).
#[inline(never)]
fn study(word: &str, lower: &mut String) -> Facts {
    classes::lower_into(word, lower);
    let form_key = classes::form_key(lower);
    let form_classes = classes::of_form(form_key);
    let flags = flags::of_text(word);
    let abbreviation = if flags & flags::ALPHA != 0 {
        classes::abbreviation(word.strip_suffix('.').unwrap_or(word))
    } else {
        0
    };
    Facts { flags, classes: form_classes | abbreviation, form_key }
}

impl Vocab {
    /// Gives every token of `tokens` (spans of `text`) its type and the flags of its text.
    pub fn build(text: &str, tokens: &mut [super::Token]) -> Vocab {
        let mut v = Vocab::default();
        KNOWN.with_borrow_mut(|k| {
            k.types.clear();
            k.forms.clear();
            for t in tokens.iter_mut() {
                let word = t.text(text);
                let key = hash_bytes(word.as_bytes());
                let next = v.types.len() as u32;
                let ty = k.types.get_or_insert_with(key, || next);
                if ty == next {
                    v.add_type(k, key, word, t);
                }
                t.ty = ty;
                t.flags |= v.types[ty as usize].flags;
            }
            v.generation = k.generation;
        });
        v
    }

    fn add_type(&mut self, k: &mut Known, key: u64, word: &str, t: &super::Token) {
        let (known, f) = k.facts(key, word);
        let next = self.forms.len() as u32;
        let form = k.forms.get_or_insert_with(f.form_key, || next);
        if form == next {
            self.forms.push(FormInfo { key: f.form_key });
        }
        self.types.push(TypeInfo {
            start: t.start() as u32,
            end: t.end() as u32,
            flags: f.flags,
            form,
            classes: f.classes,
            known,
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

/// A stage's facts about word types, kept across the documents of a thread (keyed by the
/// types' known-word indices): a fact that depends only on a word's text is worked out once per
/// thread, not once per document.
#[derive(Debug)]
pub struct TypeCache<T> {
    generation: u32,
    values: Vec<Option<T>>,
}

impl<T> Default for TypeCache<T> {
    fn default() -> Self {
        TypeCache { generation: u32::MAX, values: Vec::new() }
    }
}

impl<T: Copy> TypeCache<T> {
    /// The fact about type `ty` of `doc` (`make` works it out from the type's text).
    #[inline]
    pub fn get(&mut self, doc: &super::Doc, ty: u32, make: impl FnOnce(&str) -> T) -> T {
        let v = &doc.vocab;
        if self.generation != v.generation {
            self.values.clear();
            self.generation = v.generation;
        }
        let Some(info) = v.types.get(ty as usize) else {
            return make("");
        };
        let k = info.known as usize;
        if k >= self.values.len() {
            self.values.resize(k + 1, None);
        }
        *self.values[k].get_or_insert_with(|| make(v.text(doc.text, ty)))
    }
}
