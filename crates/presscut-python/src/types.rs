//! The Python classes: frozen wrappers of the core's Article types whose attributes mirror the
//! contract's JSON. Every class has `to_dict()`, `to_json()`, a readable repr, `==`, and
//! pickles through its JSON (`_restore`).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::convert::{name_of, repr, to_json, to_py};

/// Declares a frozen class wrapping a core type, with the shared methods and the given getters.
macro_rules! record {
    ($name:ident($inner:ty), $pyname:literal, { $($getters:tt)* }) => {
        #[pyclass(frozen, eq, module = "presscut._presscut", name = $pyname)]
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name(pub $inner);

        impl From<$inner> for $name {
            fn from(v: $inner) -> Self {
                Self(v)
            }
        }

        #[pymethods]
        impl $name {
            $($getters)*

            /// This object as plain Python values (dicts and lists), as in the contract's JSON.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                to_py(py, &self.0)
            }

            /// This object as JSON text (indented when `indent` is given).
            #[pyo3(signature = (indent = None))]
            fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
                to_json(&self.0, indent)
            }

            fn __repr__(&self) -> String {
                PyRepr::py_repr(&self.0, $pyname)
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
                let restore = slf.py().import("presscut._presscut")?.getattr("_restore")?;
                Ok((restore, ($pyname, to_json(&slf.get().0, None)?)))
            }
        }
    };
}

/// `repr()` of a wrapped value; the default shows its fields (see `convert::repr`).
trait PyRepr: serde::Serialize {
    fn py_repr(&self, class: &str) -> String {
        repr(class, self)
    }
}

fn wrap<T: Clone, W: From<T>>(items: &[T]) -> Vec<W> {
    items.iter().cloned().map(W::from).collect()
}

record!(Span(presscut::Span), "Span", {
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }
});

record!(TextSpan(presscut::TextSpan), "TextSpan", {
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }
});

record!(Block(presscut::Block), "Block", {
    #[getter]
    fn kind(&self) -> String {
        name_of(&self.0.kind)
    }
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }
});

record!(Section(presscut::Section), "Section", {
    #[getter]
    fn heading(&self) -> Option<&str> {
        self.0.heading.as_deref()
    }
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }
});

record!(Boilerplate(presscut::Boilerplate), "Boilerplate", {
    #[getter]
    fn kind(&self) -> String {
        name_of(&self.0.kind)
    }
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
});

record!(Metadata(presscut::Metadata), "Metadata", {
    #[getter]
    fn url(&self) -> Option<&str> {
        self.0.url.as_deref()
    }
    #[getter]
    fn canonical_url(&self) -> Option<&str> {
        self.0.canonical_url.as_deref()
    }
    #[getter]
    fn published(&self) -> Option<&str> {
        self.0.published.as_deref()
    }
    #[getter]
    fn modified(&self) -> Option<&str> {
        self.0.modified.as_deref()
    }
    #[getter]
    fn authors(&self) -> Vec<String> {
        self.0.authors.clone()
    }
    #[getter]
    fn publisher(&self) -> Option<&str> {
        self.0.publisher.as_deref()
    }
    #[getter]
    fn site_name(&self) -> Option<&str> {
        self.0.site_name.as_deref()
    }
    #[getter]
    fn section(&self) -> Option<&str> {
        self.0.section.as_deref()
    }
    #[getter]
    fn tags(&self) -> Vec<String> {
        self.0.tags.clone()
    }
    #[getter]
    fn language(&self) -> Option<&str> {
        self.0.language.as_deref()
    }
    #[getter]
    fn news_id(&self) -> Option<&str> {
        self.0.news_id.as_deref()
    }
    #[getter]
    fn dateline(&self) -> Option<&str> {
        self.0.dateline.as_deref()
    }
    #[getter]
    fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    #[getter]
    fn image(&self) -> Option<&str> {
        self.0.image.as_deref()
    }
});

record!(Speaker(presscut::Speaker), "Speaker", {
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    #[getter]
    fn entity(&self) -> Option<usize> {
        self.0.entity
    }
    #[getter]
    fn mention(&self) -> Option<TextSpan> {
        self.0.mention.clone().map(TextSpan)
    }
});

record!(Quote(presscut::Quote), "Quote", {
    #[getter]
    fn kind(&self) -> String {
        name_of(&self.0.kind)
    }
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }
    #[getter]
    fn speaker(&self) -> Option<Speaker> {
        self.0.speaker.clone().map(Speaker)
    }
    #[getter]
    fn cue(&self) -> Option<TextSpan> {
        self.0.cue.clone().map(TextSpan)
    }
});

record!(Entity(presscut::Entity), "Entity", {
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    #[getter]
    fn kind(&self) -> String {
        name_of(&self.0.kind)
    }
    #[getter]
    fn roles(&self) -> Vec<String> {
        self.0.roles.clone()
    }
    #[getter]
    fn mentions(&self) -> Vec<TextSpan> {
        wrap(&self.0.mentions)
    }
});

record!(TimeExpression(presscut::TimeExpression), "TimeExpression", {
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }
    #[getter]
    fn kind(&self) -> String {
        name_of(&self.0.kind)
    }
    #[getter]
    fn value(&self) -> Option<&str> {
        self.0.value.as_deref()
    }
});

record!(Source(presscut::Source), "Source", {
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    #[getter]
    fn kind(&self) -> String {
        name_of(&self.0.kind)
    }
    #[getter]
    fn entity(&self) -> Option<usize> {
        self.0.entity
    }
    #[getter]
    fn cue(&self) -> Option<TextSpan> {
        self.0.cue.clone().map(TextSpan)
    }
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }
});

record!(Keyword(presscut::Keyword), "Keyword", {
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    #[getter]
    fn score(&self) -> f64 {
        self.0.score
    }
});

record!(Stats(presscut::Stats), "Stats", {
    #[getter]
    fn chars(&self) -> usize {
        self.0.chars
    }
    #[getter]
    fn words(&self) -> usize {
        self.0.words
    }
    #[getter]
    fn sentences(&self) -> usize {
        self.0.sentences
    }
    #[getter]
    fn paragraphs(&self) -> usize {
        self.0.paragraphs
    }
});

record!(Article(presscut::Article), "Article", {
    #[getter]
    fn schema_version(&self) -> &str {
        &self.0.schema_version
    }
    #[getter]
    fn id(&self) -> Option<&str> {
        self.0.id.as_deref()
    }
    #[getter]
    fn source_format(&self) -> String {
        name_of(&self.0.source_format)
    }
    #[getter]
    fn title(&self) -> Option<&str> {
        self.0.title.as_deref()
    }
    #[getter]
    fn subtitle(&self) -> Option<&str> {
        self.0.subtitle.as_deref()
    }
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    #[getter]
    fn blocks(&self) -> Vec<Block> {
        wrap(&self.0.blocks)
    }
    #[getter]
    fn sections(&self) -> Vec<Section> {
        wrap(&self.0.sections)
    }
    #[getter]
    fn sentences(&self) -> Vec<Span> {
        wrap(&self.0.sentences)
    }
    #[getter]
    fn boilerplate(&self) -> Vec<Boilerplate> {
        wrap(&self.0.boilerplate)
    }
    #[getter]
    fn metadata(&self) -> Metadata {
        Metadata(self.0.metadata.clone())
    }
    #[getter]
    fn quotes(&self) -> Vec<Quote> {
        wrap(&self.0.quotes)
    }
    #[getter]
    fn entities(&self) -> Vec<Entity> {
        wrap(&self.0.entities)
    }
    #[getter]
    fn dates(&self) -> Vec<TimeExpression> {
        wrap(&self.0.dates)
    }
    #[getter]
    fn sources(&self) -> Vec<Source> {
        wrap(&self.0.sources)
    }
    #[getter]
    fn keywords(&self) -> Vec<Keyword> {
        wrap(&self.0.keywords)
    }
    #[getter]
    fn stats(&self) -> Stats {
        Stats(self.0.stats)
    }
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.0.warnings.clone()
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
        let title = repr("", &serde_json::json!({ "title": self.title }));
        let title = title.trim_start_matches('(').trim_end_matches(')');
        format!(
            "{class}({title}, chars={}, paragraphs={}, quotes={}, entities={}, dates={}, sources={}, keywords={}, warnings={})",
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
    fn load<T: serde::de::DeserializeOwned>(json: &str) -> PyResult<T> {
        serde_json::from_str(json).map_err(|e| PyValueError::new_err(e.to_string()))
    }
    let obj = match class {
        "Article" => Py::new(py, Article(load(json)?))?.into_any(),
        "Span" => Py::new(py, Span(load(json)?))?.into_any(),
        "TextSpan" => Py::new(py, TextSpan(load(json)?))?.into_any(),
        "Block" => Py::new(py, Block(load(json)?))?.into_any(),
        "Section" => Py::new(py, Section(load(json)?))?.into_any(),
        "Boilerplate" => Py::new(py, Boilerplate(load(json)?))?.into_any(),
        "Metadata" => Py::new(py, Metadata(load(json)?))?.into_any(),
        "Speaker" => Py::new(py, Speaker(load(json)?))?.into_any(),
        "Quote" => Py::new(py, Quote(load(json)?))?.into_any(),
        "Entity" => Py::new(py, Entity(load(json)?))?.into_any(),
        "TimeExpression" => Py::new(py, TimeExpression(load(json)?))?.into_any(),
        "Source" => Py::new(py, Source(load(json)?))?.into_any(),
        "Keyword" => Py::new(py, Keyword(load(json)?))?.into_any(),
        "Stats" => Py::new(py, Stats(load(json)?))?.into_any(),
        other => return Err(PyValueError::new_err(format!("unknown presscut class {other:?}"))),
    };
    Ok(obj)
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
