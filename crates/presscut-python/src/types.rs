//! The Python classes: frozen views of the core's Article types whose attributes mirror the
//! contract's JSON. Every class has `to_dict()`, `to_json()`, a readable repr, `==`, and
//! pickles through its JSON (`_restore`).
//!
//! Attributes cost O(1): a string, list or nested object is converted to a Python object on
//! its first access and kept, so `art.quotes[i]` in a loop returns the same tuple each time
//! instead of rebuilding it. Nothing is converted up front, so `extract_many` hands back its
//! Articles without building objects nobody reads. Lists are tuples: the class is frozen, and
//! a list shared between accesses could be changed behind `to_dict()`'s back.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple};

use crate::convert::{name_of, repr, to_json, to_py};

/// A core value as a Python object: strings as `str`, lists as tuples, records as their class.
trait ToPy {
    fn to_py(&self, py: Python<'_>) -> PyResult<Py<PyAny>>;
}

/// A core type with a Python class over it.
trait Wrap: Clone {
    fn wrap(self, py: Python<'_>) -> PyResult<Py<PyAny>>;
}

impl ToPy for String {
    fn to_py(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(PyString::new(py, self).into_any().unbind())
    }
}

impl ToPy for Option<String> {
    fn to_py(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(match self {
            Some(s) => PyString::new(py, s).into_any().unbind(),
            None => py.None(),
        })
    }
}

impl ToPy for Vec<String> {
    fn to_py(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(PyTuple::new(py, self)?.into_any().unbind())
    }
}

impl<T: Wrap> ToPy for T {
    fn to_py(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.clone().wrap(py)
    }
}

impl<T: Wrap> ToPy for Option<T> {
    fn to_py(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.as_ref().map_or_else(|| Ok(py.None()), |v| v.clone().wrap(py))
    }
}

impl<T: Wrap> ToPy for Vec<T> {
    fn to_py(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let items = self.iter().map(|v| v.clone().wrap(py)).collect::<PyResult<Vec<_>>>()?;
        Ok(PyTuple::new(py, items)?.into_any().unbind())
    }
}

/// The contract's enums are `str`s in Python (`"direct"`, `"person"`).
macro_rules! kinds {
    ($($kind:ty),*) => {$(
        impl ToPy for $kind {
            fn to_py(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
                Ok(PyString::new(py, &name_of(self)).into_any().unbind())
            }
        }
    )*};
}

kinds!(
    presscut::SourceFormat,
    presscut::BlockKind,
    presscut::BoilerplateKind,
    presscut::QuoteKind,
    presscut::EntityKind,
    presscut::TimeKind,
    presscut::SourceKind
);

/// Declares a frozen class over a core type. `cached` fields become Python objects on first
/// access and are kept; `plain` fields are numbers returned as they are.
macro_rules! record {
    ($name:ident($inner:ty), $pyname:literal,
     cached { $($field:ident),* $(,)? },
     plain { $($num:ident: $ty:ty),* $(,)? }
     $(, methods { $($methods:tt)* })?) => {
        #[pyclass(frozen, eq, module = "presscut._presscut", name = $pyname)]
        pub struct $name {
            pub inner: $inner,
            $($field: PyOnceLock<Py<PyAny>>,)*
        }

        impl From<$inner> for $name {
            fn from(inner: $inner) -> Self {
                Self { inner, $($field: PyOnceLock::new(),)* }
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_tuple($pyname).field(&self.inner).finish()
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.inner == other.inner
            }
        }

        impl Wrap for $inner {
            fn wrap(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
                Ok(Py::new(py, $name::from(self))?.into_any())
            }
        }

        #[pymethods]
        impl $name {
            $(
                #[getter]
                fn $field(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
                    let value = self.$field.get_or_try_init(py, || self.inner.$field.to_py(py))?;
                    Ok(value.clone_ref(py))
                }
            )*
            $(
                #[getter]
                fn $num(&self) -> $ty {
                    self.inner.$num
                }
            )*

            /// This object as plain Python values (dicts and lists), as in the contract's JSON.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                to_py(py, &self.inner)
            }

            /// This object as JSON text (indented when `indent` is given).
            #[pyo3(signature = (indent = None))]
            fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
                to_json(&self.inner, indent)
            }

            fn __repr__(&self) -> String {
                PyRepr::py_repr(&self.inner, $pyname)
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
                let restore = slf.py().import("presscut._presscut")?.getattr("_restore")?;
                Ok((restore, ($pyname, to_json(&slf.get().inner, None)?)))
            }

            $($($methods)*)?
        }
    };
}

/// `repr()` of a wrapped value; the default shows its fields (see `convert::repr`).
trait PyRepr: serde::Serialize {
    fn py_repr(&self, class: &str) -> String {
        repr(class, self)
    }
}

record!(Span(presscut::Span), "Span", cached {}, plain { start: usize, end: usize });

record!(
    TextSpan(presscut::TextSpan),
    "TextSpan",
    cached { text },
    plain { start: usize, end: usize }
);

record!(Block(presscut::Block), "Block", cached { kind }, plain { start: usize, end: usize });

record!(
    Section(presscut::Section),
    "Section",
    cached { heading },
    plain { start: usize, end: usize }
);

record!(Boilerplate(presscut::Boilerplate), "Boilerplate", cached { kind, text }, plain {});

record!(
    Metadata(presscut::Metadata),
    "Metadata",
    cached {
        url,
        canonical_url,
        published,
        modified,
        authors,
        publisher,
        site_name,
        section,
        tags,
        language,
        news_id,
        dateline,
        description,
        image,
    },
    plain {}
);

record!(Speaker(presscut::Speaker), "Speaker", cached { name, mention }, plain {
    entity: Option<usize>,
});

record!(
    Quote(presscut::Quote),
    "Quote",
    cached { kind, text, speaker, cue },
    plain { start: usize, end: usize, confidence: f64 }
);

record!(Entity(presscut::Entity), "Entity", cached { name, kind, roles, mentions }, plain {});

record!(
    TimeExpression(presscut::TimeExpression),
    "TimeExpression",
    cached { text, kind, value },
    plain { start: usize, end: usize }
);

record!(Source(presscut::Source), "Source", cached { name, kind, cue }, plain {
    entity: Option<usize>,
    start: usize,
    end: usize,
});

record!(Keyword(presscut::Keyword), "Keyword", cached { text }, plain { score: f64 });

record!(
    Stats(presscut::Stats),
    "Stats",
    cached {},
    plain { chars: usize, words: usize, sentences: usize, paragraphs: usize }
);

record!(Article(presscut::Article), "Article",
cached {
    schema_version, id, source_format, title, subtitle, text, blocks, sections, sentences,
    boilerplate, metadata, quotes, entities, dates, sources, keywords, stats, warnings,
},
plain {},
methods {
    /// The article as a self-contained HTML view (quotes with their speakers, entities by
    /// kind, dates), which notebooks show in place of the repr.
    fn _repr_html_(&self) -> String {
        presscut::render::fragment(&self.inner)
    }
});

impl PyRepr for presscut::Span {}
impl PyRepr for presscut::TextSpan {}
impl PyRepr for presscut::Block {}
impl PyRepr for presscut::Section {}
impl PyRepr for presscut::Boilerplate {}
impl PyRepr for presscut::Metadata {}
impl PyRepr for presscut::Speaker {}
impl PyRepr for presscut::Quote {}
impl PyRepr for presscut::Entity {}
impl PyRepr for presscut::TimeExpression {}
impl PyRepr for presscut::Source {}
impl PyRepr for presscut::Keyword {}
impl PyRepr for presscut::Stats {}

/// An Article is summarised: its title and how much of each thing was found.
impl PyRepr for presscut::Article {
    fn py_repr(&self, class: &str) -> String {
        let fields = match &self.id {
            Some(id) => serde_json::json!({ "id": id, "title": self.title }),
            None => serde_json::json!({ "title": self.title }),
        };
        let fields = repr("", &fields);
        let fields = fields.trim_start_matches('(').trim_end_matches(')');
        format!(
            "{class}({fields}, chars={}, paragraphs={}, quotes={}, entities={}, dates={}, sources={}, keywords={}, warnings={})",
            self.stats.chars,
            self.stats.paragraphs,
            self.quotes.len(),
            self.entities.len(),
            self.dates.len(),
            self.sources.len(),
            self.keywords.len(),
            self.warnings.len()
        )
    }
}

/// Rebuilds a pickled object from its class name and JSON.
#[pyfunction]
fn _restore(py: Python<'_>, class: &str, json: &str) -> PyResult<Py<PyAny>> {
    fn load<T: serde::de::DeserializeOwned + Wrap>(
        py: Python<'_>,
        json: &str,
    ) -> PyResult<Py<PyAny>> {
        let value: T =
            serde_json::from_str(json).map_err(|e| PyValueError::new_err(e.to_string()))?;
        value.wrap(py)
    }
    match class {
        "Article" => load::<presscut::Article>(py, json),
        "Span" => load::<presscut::Span>(py, json),
        "TextSpan" => load::<presscut::TextSpan>(py, json),
        "Block" => load::<presscut::Block>(py, json),
        "Section" => load::<presscut::Section>(py, json),
        "Boilerplate" => load::<presscut::Boilerplate>(py, json),
        "Metadata" => load::<presscut::Metadata>(py, json),
        "Speaker" => load::<presscut::Speaker>(py, json),
        "Quote" => load::<presscut::Quote>(py, json),
        "Entity" => load::<presscut::Entity>(py, json),
        "TimeExpression" => load::<presscut::TimeExpression>(py, json),
        "Source" => load::<presscut::Source>(py, json),
        "Keyword" => load::<presscut::Keyword>(py, json),
        "Stats" => load::<presscut::Stats>(py, json),
        other => Err(PyValueError::new_err(format!("unknown presscut class {other:?}"))),
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Article>()?;
    m.add_class::<Span>()?;
    m.add_class::<TextSpan>()?;
    m.add_class::<Block>()?;
    m.add_class::<Section>()?;
    m.add_class::<Boilerplate>()?;
    m.add_class::<Metadata>()?;
    m.add_class::<Speaker>()?;
    m.add_class::<Quote>()?;
    m.add_class::<Entity>()?;
    m.add_class::<TimeExpression>()?;
    m.add_class::<Source>()?;
    m.add_class::<Keyword>()?;
    m.add_class::<Stats>()?;
    m.add_function(wrap_pyfunction!(_restore, m)?)?;
    Ok(())
}
