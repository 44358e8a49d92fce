//! The contract's tables as columns for `presscut.to_pandas` and `presscut.to_polars`
//! (python/presscut/_tables.py builds the data frames). The rows come from
//! `presscut::tables`, the same code that writes the CLI's CSV tables.

use presscut::tables::{Column, Columns, Item, Key, Outcome, Table};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::ExtractionError;
use crate::input::type_name;
use crate::types::Article;

/// One input item, held while the table is gathered.
enum Held<'py> {
    Article(Bound<'py, Article>),
    Error { kind: String, message: String, id: Option<String> },
}

/// `[(name, kind, values), ...]`, one per column of `table` in the contract's order; `kind` is
/// `"str"`, `"int"` or `"float"` and `values` a list with None for nulls. `articles` is an
/// Article or an iterable of Articles and ExtractionErrors (`extract_many(...,
/// errors="return")`); an error has a row in `articles` only.
#[pyfunction]
pub fn _table_columns<'py>(
    articles: &Bound<'py, PyAny>,
    table: &str,
) -> PyResult<Vec<(&'static str, &'static str, Bound<'py, PyList>)>> {
    let py = articles.py();
    let table: Table = table.parse().map_err(PyValueError::new_err)?;
    let mut held = Vec::new();
    if let Ok(article) = articles.cast::<Article>() {
        held.push(Held::Article(article.clone()));
    } else {
        for (position, obj) in articles.try_iter()?.enumerate() {
            held.push(held_of(&obj?, position)?);
        }
    }
    let items = held.iter().enumerate().map(|(position, h)| match h {
        Held::Article(a) => Item::article(&a.get().inner, position),
        Held::Error { kind, message, id } => Item {
            key: Key::new(id.as_deref(), position),
            outcome: Outcome::Error { kind, message },
        },
    });
    let columns = Columns::build(table, items);
    table
        .columns()
        .iter()
        .zip(columns.columns)
        .map(|(name, column)| {
            let (kind, values) = match column {
                Column::Str(v) => ("str", PyList::new(py, v)?),
                Column::Int(v) => ("int", PyList::new(py, v)?),
                Column::Float(v) => ("float", PyList::new(py, v)?),
            };
            Ok((*name, kind, values))
        })
        .collect()
}

fn held_of<'py>(obj: &Bound<'py, PyAny>, position: usize) -> PyResult<Held<'py>> {
    if let Ok(article) = obj.cast::<Article>() {
        return Ok(Held::Article(article.clone()));
    }
    if obj.is_instance_of::<ExtractionError>() {
        let kind = obj.getattr("kind")?.extract::<String>()?;
        let id = obj.getattr("id")?.extract::<Option<String>>()?;
        let message = obj.str()?.to_string();
        return Ok(Held::Error { kind, message, id });
    }
    Err(PyTypeError::new_err(format!(
        "item {position} is {}, not a presscut Article or ExtractionError",
        type_name(obj)
    )))
}
