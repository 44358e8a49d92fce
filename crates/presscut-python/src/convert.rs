//! Conversions shared by the Python classes: serde values to Python objects, JSON, reprs.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde::Serialize;

/// The value as plain Python objects (dicts, lists, str, int, float, None).
pub fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The value as compact JSON, or indented when `indent` is given.
pub fn to_json<T: Serialize>(value: &T, indent: Option<usize>) -> PyResult<String> {
    let result = match indent {
        None => serde_json::to_string(value),
        Some(n) => {
            let pad = " ".repeat(n);
            let mut buf = Vec::new();
            let fmt = serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes());
            let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
            value.serialize(&mut ser).map(|()| String::from_utf8_lossy(&buf).into_owned())
        }
    };
    result.map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The contract's name of an enum value (`direct`, `person`, `paragraph`).
pub fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// `Name(field=value, ...)` with scalars shown, long strings shortened and lists counted.
pub fn repr<T: Serialize + ?Sized>(class: &str, value: &T) -> String {
    let Ok(serde_json::Value::Object(map)) = serde_json::to_value(value) else {
        return format!("{class}(...)");
    };
    let fields: Vec<String> = map.iter().map(|(k, v)| format!("{k}={}", short(v))).collect();
    format!("{class}({})", fields.join(", "))
}

fn short(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => "None".to_owned(),
        Value::Bool(b) => if *b { "True" } else { "False" }.to_owned(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            let mut t: String = s.chars().take(40).collect();
            if s.chars().count() > 40 {
                t.push('…');
            }
            let escaped = t.replace('\\', "\\\\").replace('\'', "\\'").replace('\n', "\\n");
            format!("'{escaped}'")
        }
        Value::Array(a) => format!("[{} items]", a.len()),
        Value::Object(o) => match o.get("name").or_else(|| o.get("text")) {
            Some(Value::String(s)) => short(&Value::String(s.clone())),
            _ => "{…}".to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_show_scalars_and_count_lists() {
        let v = serde_json::json!({"kind": "direct", "text": "x".repeat(50), "items": [1, 2], "speaker": null});
        let r = repr("Quote", &v);
        assert!(r.starts_with("Quote(kind='direct'"), "{r}");
        assert!(r.contains("items=[2 items]"));
        assert!(r.contains("speaker=None"));
        assert!(r.contains("…'"));
    }
}
