//! Documents from Python: `str`, `bytes` or a dict with the contract's record keys, read into
//! a [`presscut::Record`] without copying the text (the Python object's own buffer is used).

use std::ops::Deref;
use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyString};

/// The text of a document, held in the Python object that owns it.
#[derive(Debug)]
pub enum Input {
    Str(PyBackedStr),
    Bytes(PyBackedBytes),
}

impl Deref for Input {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Input::Str(s) => s.as_bytes(),
            Input::Bytes(b) => b,
        }
    }
}

/// `str` or `bytes` (UTF-8; invalid sequences are replaced with a warning), else a `TypeError`.
pub fn input_of(obj: &Bound<'_, PyAny>) -> PyResult<Input> {
    if let Ok(s) = obj.cast::<PyString>() {
        return match s.extract::<PyBackedStr>() {
            Ok(text) => Ok(Input::Str(text)),
            // Lone surrogates have no UTF-8 form: pass them through as the invalid bytes they
            // are, which the core replaces (U+FFFD) and reports in `warnings`.
            Err(_) => {
                Ok(Input::Bytes(s.call_method1("encode", ("utf-8", "surrogatepass"))?.extract()?))
            }
        };
    }
    if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
        return Ok(Input::Bytes(obj.extract()?));
    }
    Err(PyTypeError::new_err(format!("expected str or bytes, got {}", type_name(obj))))
}

pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map_or_else(|_| "an unknown type".to_owned(), |n| n.to_string())
}

/// One document to extract: the record (id, format, url, published) and its text.
#[derive(Debug)]
pub struct Job {
    pub record: presscut::Record,
    pub input: Input,
}

/// Why a document could not be extracted; `kind` is the batch error records' kind.
#[derive(Clone, Debug)]
pub struct JobError {
    pub kind: &'static str,
    pub message: String,
    pub id: Option<String>,
}

impl Job {
    /// Reads one document of a batch. A document that is neither text nor a record dict is an
    /// `invalid_record` error for that document only (the inner `Err`); an exception raised
    /// meanwhile (a signal handler's `KeyboardInterrupt`, an id whose `str()` fails) is the
    /// outer one and propagates.
    pub fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Result<Job, JobError>> {
        let Ok(dict) = obj.cast::<PyDict>() else {
            return Ok(match input_of(obj) {
                Ok(input) => Ok(Job { record: presscut::Record::default(), input }),
                Err(_) => Err(JobError::invalid(
                    None,
                    format!("a document is a str, bytes or a dict, not {}", type_name(obj)),
                )),
            });
        };
        let get = |key: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
            Ok(dict.get_item(key)?.filter(|v| !v.is_none()))
        };
        // Ids are strings; other values (numbers) are kept as their `str()`.
        let id = match get("id")? {
            Some(v) => Some(match v.cast::<PyString>() {
                Ok(s) => s.to_str()?.to_owned(),
                Err(_) => v.str()?.to_str()?.to_owned(),
            }),
            None => None,
        };
        let text = |key: &str| -> PyResult<Result<Option<Input>, JobError>> {
            Ok(match get(key)? {
                None => Ok(None),
                Some(v) => input_of(&v).map(Some).map_err(|_| {
                    JobError::invalid(
                        id.clone(),
                        format!("\"{key}\" must be str or bytes, not {}", type_name(&v)),
                    )
                }),
            })
        };
        let string = |key: &str| -> PyResult<Result<Option<String>, JobError>> {
            Ok(match get(key)? {
                None => Ok(None),
                Some(v) => v.extract::<String>().map(Some).map_err(|_| {
                    JobError::invalid(
                        id.clone(),
                        format!("\"{key}\" must be a str, not {}", type_name(&v)),
                    )
                }),
            })
        };
        let (text, html) = match (text("text")?, text("html")?) {
            (Ok(t), Ok(h)) => (t, h),
            (Err(e), _) | (_, Err(e)) => return Ok(Err(e)),
        };
        let (input, format) = match (text, html) {
            (Some(t), None) => (t, None),
            (None, Some(h)) => (h, Some(presscut::Format::Html)),
            (Some(_), Some(_)) => {
                return Ok(Err(JobError::invalid(
                    id.clone(),
                    "a document has \"text\" or \"html\", not both",
                )));
            }
            (None, None) => {
                return Ok(Err(JobError::invalid(
                    id.clone(),
                    "the document has neither \"text\" nor \"html\"",
                )));
            }
        };
        let (url, published) = match (string("url")?, string("published")?) {
            (Ok(u), Ok(p)) => (u, p),
            (Err(e), _) | (_, Err(e)) => return Ok(Err(e)),
        };
        let record = presscut::Record { url, published, id: id.clone(), input: Vec::new(), format };
        Ok(Ok(Job { record, input }))
    }

    /// Extracts the article with `base` options overridden by the record's own (see
    /// [`presscut::Record::options`]). A panic in the core becomes this document's error, so
    /// one bad document cannot take the interpreter down.
    pub fn run(&self, base: &presscut::Options) -> Result<presscut::Article, JobError> {
        let options = self.record.options(base);
        let result =
            catch_unwind(AssertUnwindSafe(|| presscut::extract_bytes(&self.input, &options)));
        match result {
            Ok(Ok(mut article)) => {
                article.id.clone_from(&self.record.id);
                Ok(article)
            }
            Ok(Err(e)) => {
                Err(JobError { kind: e.kind(), message: e.to_string(), id: self.record.id.clone() })
            }
            Err(_) => Err(JobError {
                kind: "internal_error",
                message: "presscut failed on this document (a bug: please report it)".to_owned(),
                id: self.record.id.clone(),
            }),
        }
    }
}

impl JobError {
    pub fn invalid(id: Option<String>, message: impl Into<String>) -> JobError {
        JobError { kind: "invalid_record", message: message.into(), id }
    }
}
