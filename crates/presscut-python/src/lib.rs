//! Python bindings for presscut: type conversion, errors and GIL release only. Extraction
//! logic lives in the `presscut` crate.

mod convert;
mod types;

use std::sync::atomic::{AtomicBool, Ordering};

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use rayon::prelude::*;

use types::Article;

create_exception!(
    _presscut,
    ExtractionError,
    PyValueError,
    "An article could not be extracted (bad input or options)."
);

/// One error type crosses into Python: `presscut.ExtractionError`, a `ValueError`.
struct Failure(PyErr);

impl From<presscut::Error> for Failure {
    fn from(e: presscut::Error) -> Self {
        Failure(ExtractionError::new_err(e.to_string()))
    }
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> Self {
        f.0
    }
}

/// Set in a child process after `fork()`: rayon's global pool did not survive the fork, so
/// batch work there runs on a fresh pool.
static FORKED: AtomicBool = AtomicBool::new(false);

#[pyfunction]
fn _after_fork_in_child() {
    FORKED.store(true, Ordering::SeqCst);
}

fn options(
    format: &str,
    clean: bool,
    published: Option<String>,
    url: Option<String>,
) -> Result<presscut::Options, Failure> {
    let options = presscut::Options { format: format.parse()?, clean, published, url };
    options.validate()?;
    Ok(options)
}

/// Input text as bytes: `str` or `bytes` (UTF-8; invalid sequences are replaced with a warning).
fn input_bytes(obj: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_str()?.as_bytes().to_vec());
    }
    if let Ok(b) = obj.extract::<Vec<u8>>() {
        return Ok(b);
    }
    Err(PyTypeError::new_err(format!("expected str or bytes, got {}", obj.get_type().name()?)))
}

/// Extract one article from text or HTML.
#[pyfunction]
#[pyo3(signature = (text_or_html, *, format = "auto", clean = true, published = None, url = None))]
fn extract(
    py: Python<'_>,
    text_or_html: &Bound<'_, PyAny>,
    format: &str,
    clean: bool,
    published: Option<String>,
    url: Option<String>,
) -> PyResult<Article> {
    let options = options(format, clean, published, url)?;
    let bytes = input_bytes(text_or_html)?;
    let article = py.detach(|| presscut::extract_bytes(&bytes, &options)).map_err(Failure::from)?;
    Ok(Article::from(article))
}

/// One document of `extract_many`: a `str`/`bytes` or a dict with the contract's record keys.
fn record_from(obj: &Bound<'_, PyAny>) -> PyResult<presscut::Record> {
    let Ok(dict) = obj.cast::<PyDict>() else {
        return Ok(presscut::Record { input: input_bytes(obj)?, ..presscut::Record::default() });
    };
    let get = |key: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        Ok(dict.get_item(key)?.filter(|v| !v.is_none()))
    };
    let (input, format) = match (get("text")?, get("html")?) {
        (Some(t), None) => (input_bytes(&t)?, None),
        (None, Some(h)) => (input_bytes(&h)?, Some(presscut::Format::Html)),
        _ => {
            return Err(ExtractionError::new_err(
                "a document dict needs exactly one of \"text\" or \"html\"",
            ));
        }
    };
    Ok(presscut::Record {
        id: get("id")?.map(|v| v.str().map(|s| s.to_string())).transpose()?,
        input,
        format,
        url: get("url")?.map(|u| u.extract()).transpose()?,
        published: get("published")?.map(|p| p.extract()).transpose()?,
    })
}

/// Extract many articles in parallel (the GIL is released); results keep input order.
#[pyfunction]
#[pyo3(signature = (docs, *, threads = None, errors = "raise", format = "auto", clean = true, published = None, url = None))]
#[allow(clippy::too_many_arguments)] // the contract's keyword arguments
fn extract_many(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    threads: Option<usize>,
    errors: &str,
    format: &str,
    clean: bool,
    published: Option<String>,
    url: Option<String>,
) -> PyResult<Vec<Py<PyAny>>> {
    let return_errors = match errors {
        "raise" => false,
        "return" => true,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors must be \"raise\" or \"return\", got {other:?}"
            )));
        }
    };
    if threads == Some(0) {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    let defaults = options(format, clean, published, url)?;
    // Documents are read with the GIL held; a document that cannot be read is an error in place.
    let mut prepared: Vec<Result<presscut::Record, PyErr>> = Vec::new();
    for obj in docs.try_iter()? {
        prepared.push(obj.and_then(|o| record_from(&o)));
    }
    let jobs: Vec<Option<&presscut::Record>> = prepared.iter().map(|d| d.as_ref().ok()).collect();
    let results: Vec<Option<Result<presscut::Article, presscut::Error>>> = py.detach(|| {
        let run = || jobs.par_iter().map(|d| d.map(|d| d.extract(&defaults))).collect();
        match threads {
            None if !FORKED.load(Ordering::SeqCst) => run(),
            n => match rayon::ThreadPoolBuilder::new().num_threads(n.unwrap_or(0)).build() {
                Ok(pool) => pool.install(run),
                Err(_) => jobs.iter().map(|d| d.map(|d| d.extract(&defaults))).collect(),
            },
        }
    });
    let mut out = Vec::with_capacity(results.len());
    for (i, (prep, res)) in prepared.into_iter().zip(results).enumerate() {
        let err = match (prep, res) {
            (Ok(_), Some(Ok(article))) => {
                out.push(Py::new(py, Article::from(article))?.into_any());
                continue;
            }
            (Ok(doc), Some(Err(e))) => {
                let id = doc.id.map_or_else(|| format!("#{i}"), |id| format!("{id:?}"));
                ExtractionError::new_err(format!("document {id}: {e}"))
            }
            (Err(e), _) => ExtractionError::new_err(format!("document #{i}: {e}")),
            (Ok(_), None) => ExtractionError::new_err(format!("document #{i}: not processed")),
        };
        if !return_errors {
            return Err(err);
        }
        out.push(err.into_value(py).into_any());
    }
    Ok(out)
}

#[pymodule]
fn _presscut(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", presscut::SCHEMA_VERSION)?;
    m.add("ExtractionError", m.py().get_type::<ExtractionError>())?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(_after_fork_in_child, m)?)?;
    types::register(m)?;
    // Like tokenizers: rayon's pool does not survive fork(), so a forked child must not use it.
    let os = m.py().import("os")?;
    if os.hasattr("register_at_fork")? {
        let kwargs = PyDict::new(m.py());
        kwargs.set_item("after_in_child", m.getattr("_after_fork_in_child")?)?;
        os.call_method("register_at_fork", (), Some(&kwargs))?;
    }
    Ok(())
}
