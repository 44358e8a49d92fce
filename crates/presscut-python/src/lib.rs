//! Python bindings for presscut: type conversion, errors and GIL release only. Extraction
//! logic lives in the `presscut` crate.
//!
//! - `types`: the frozen classes (Article, Quote, …), attributes converted once on first use;
//! - `input`: documents from Python (`str`, `bytes`, record dicts) without copying their text;
//! - `batch`: `extract_many` and `extract_iter` on rayon, interruptible with Ctrl-C;
//! - `frames`: the contract's tables as columns, for `presscut.to_pandas` and `to_polars`.

mod batch;
mod convert;
mod frames;
mod input;
mod types;

use std::sync::atomic::{AtomicBool, Ordering};

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use types::Article;

create_exception!(
    _presscut,
    ExtractionError,
    PyValueError,
    "An article could not be extracted (bad input or options)."
);

/// `presscut.ExtractionError` with its `kind` (the batch error records' kind:
/// `invalid_option`, `input_too_large`, `invalid_record`, …) and the document's `id` (None
/// when it has none or outside a batch).
pub(crate) fn extraction_error(
    py: Python<'_>,
    kind: &str,
    message: String,
    id: Option<&str>,
) -> PyErr {
    let err = ExtractionError::new_err(message);
    let value = err.value(py);
    // Setting attributes on a fresh exception instance cannot fail.
    let _ = value.setattr("kind", kind);
    let _ = value.setattr("id", id);
    err
}

/// One error type crosses into Python: `presscut.ExtractionError`, a `ValueError`.
struct Failure(presscut::Error);

impl From<presscut::Error> for Failure {
    fn from(e: presscut::Error) -> Self {
        Failure(e)
    }
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> Self {
        Python::attach(|py| extraction_error(py, f.0.kind(), f.0.to_string(), None))
    }
}

/// Set in a child process after `fork()`: rayon's global pool did not survive the fork (its
/// threads are gone), so batch work there runs on pools of its own. tokenizers does the same.
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
    let input = input::input_of(text_or_html)?;
    let article = py.detach(|| presscut::extract_bytes(&input, &options)).map_err(Failure::from)?;
    Ok(Article::from(article))
}

#[pymodule]
fn _presscut(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", presscut::SCHEMA_VERSION)?;
    let error = py.get_type::<ExtractionError>();
    // Pickled errors (errors="return" results sent to other processes) find the class here.
    error.setattr("__module__", "presscut")?;
    // Class-level defaults, so an ExtractionError made in Python has them too.
    error.setattr("kind", "error")?;
    error.setattr("id", py.None())?;
    m.add("ExtractionError", error)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(batch::extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(batch::extract_iter, m)?)?;
    m.add_class::<batch::ExtractIter>()?;
    m.add_function(wrap_pyfunction!(frames::_table_columns, m)?)?;
    m.add_function(wrap_pyfunction!(_after_fork_in_child, m)?)?;
    types::register(m)?;
    // Like tokenizers: rayon's pool does not survive fork(), so a forked child must not use it.
    let os = py.import("os")?;
    if os.hasattr("register_at_fork")? {
        let kwargs = PyDict::new(py);
        kwargs.set_item("after_in_child", m.getattr("_after_fork_in_child")?)?;
        os.call_method("register_at_fork", (), Some(&kwargs))?;
    }
    Ok(())
}
