//! One record of batch work, as the contract describes it: `{"id", "text"|"html", "url"?,
//! "published"?}`. The CLI reads records from JSON Lines, directories and WARC files, the Python
//! binding from `str`s and dicts; both build this one type and extract it the same way.

use crate::error::Error;
use crate::model::Article;
use crate::options::{Format, Options};

/// An article to extract with its own id and options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// The caller's id, copied to [`Article::id`].
    pub id: Option<String>,
    /// The article's bytes (UTF-8 expected for text; HTML may declare its own encoding).
    pub input: Vec<u8>,
    /// The format to use when the options leave it to auto-detection: HTML for a JSON
    /// record's `"html"` key or an `.html` file, text for a `.txt` file; `None` (a JSON
    /// `"text"` key, which scrapers also fill with pages) detects it.
    pub format: Option<Format>,
    /// The page's URL (`metadata.url`).
    pub url: Option<String>,
    /// The reference date for relative time expressions.
    pub published: Option<String>,
}

/// Why a record could not be read. `kind` is the error kind of batch error records.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct RecordError {
    /// The record's id, when it could be read at all.
    pub id: Option<String>,
    /// `invalid_json` (the line is not a JSON object) or `invalid_record` (a field is missing,
    /// doubled or of the wrong type).
    pub kind: &'static str,
    pub message: String,
}

impl Record {
    /// Reads one JSON Lines record. The id may be a string or a number (kept as its JSON text);
    /// exactly one of `text` and `html` must be a string.
    pub fn from_json(line: &[u8]) -> Result<Record, RecordError> {
        let value: serde_json::Value = serde_json::from_slice(line).map_err(|e| RecordError {
            id: None,
            kind: "invalid_json",
            message: e.to_string(),
        })?;
        let Some(object) = value.as_object() else {
            return Err(RecordError {
                id: None,
                kind: "invalid_json",
                message: "a record is a JSON object".to_owned(),
            });
        };
        let id = object.get("id").and_then(id_string);
        let invalid =
            |message: String| RecordError { id: id.clone(), kind: "invalid_record", message };
        let string = |key: &str| -> Result<Option<&str>, RecordError> {
            match object.get(key) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(s)) => Ok(Some(s)),
                Some(other) => {
                    Err(invalid(format!("\"{key}\" must be a string, not {}", json_type(other))))
                }
            }
        };
        let (input, format) = match (string("text")?, string("html")?) {
            (Some(t), None) => (t, None),
            (None, Some(h)) => (h, Some(Format::Html)),
            (Some(_), Some(_)) => {
                return Err(invalid("a record has \"text\" or \"html\", not both".to_owned()));
            }
            (None, None) => {
                return Err(invalid("the record has neither \"text\" nor \"html\"".to_owned()));
            }
        };
        Ok(Record {
            input: input.as_bytes().to_vec(),
            format,
            url: string("url")?.map(str::to_owned),
            published: string("published")?.map(str::to_owned),
            id,
        })
    }

    /// The options for this record: `base` with the record's own URL and date, and the
    /// record's format where `base` leaves the format to auto-detection.
    pub fn options(&self, base: &Options) -> Options {
        let mut options = base.clone();
        if let Some(format) = self.format
            && options.format == Format::Auto
        {
            options.format = format;
        }
        if self.url.is_some() {
            options.url.clone_from(&self.url);
        }
        if self.published.is_some() {
            options.published.clone_from(&self.published);
        }
        options
    }

    /// Extracts the record's article with `base` options (see [`Record::options`]); the
    /// Article carries the record's id.
    pub fn extract(&self, base: &Options) -> Result<Article, Error> {
        let mut article = crate::pipeline::extract_bytes(&self.input, &self.options(base))?;
        article.id.clone_from(&self.id);
        Ok(article)
    }
}

/// A record id as a string: strings as they are, numbers and other values as their JSON text.
fn id_string(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_html_records_carry_their_format_and_fields() {
        let r =
            Record::from_json(br#"{"id": 7, "html": "<p>Hi</p>", "url": "https://a.example/x"}"#)
                .unwrap();
        assert_eq!(r.id.as_deref(), Some("7"));
        assert_eq!(r.format, Some(Format::Html));
        assert_eq!(r.input, b"<p>Hi</p>");
        assert_eq!(r.options(&Options::default()).format, Format::Html);
        assert_eq!(r.options(&Options::default()).url.as_deref(), Some("https://a.example/x"));

        let r = Record::from_json(br#"{"id": "a", "text": "Hello.", "published": "2026-02-05"}"#)
            .unwrap();
        assert_eq!(r.format, None);
        assert_eq!(r.options(&Options::default()).format, Format::Auto);
        let forced = Options { format: Format::Text, ..Options::default() };
        let r = Record { format: Some(Format::Html), ..r };
        assert_eq!(r.options(&forced).format, Format::Text, "a forced format wins");
        assert_eq!(r.options(&Options::default()).published.as_deref(), Some("2026-02-05"));
    }

    #[test]
    fn bad_records_say_what_is_wrong_and_keep_the_id() {
        let e = Record::from_json(b"{not json").unwrap_err();
        assert_eq!((e.kind, e.id), ("invalid_json", None));
        let e = Record::from_json(b"[1, 2]").unwrap_err();
        assert_eq!(e.kind, "invalid_json");
        let e = Record::from_json(br#"{"id": "x", "text": "a", "html": "b"}"#).unwrap_err();
        assert_eq!((e.kind, e.id.as_deref()), ("invalid_record", Some("x")));
        assert!(e.message.contains("not both"), "{}", e.message);
        let e = Record::from_json(br#"{"id": "y"}"#).unwrap_err();
        assert!(e.message.contains("neither"), "{}", e.message);
        let e = Record::from_json(br#"{"id": "z", "text": 5}"#).unwrap_err();
        assert!(e.message.contains("\"text\" must be a string"), "{}", e.message);
    }

    #[test]
    fn extraction_keeps_the_record_id() {
        let r = Record {
            id: Some("doc-1".to_owned()),
            input: b"Hello world.".to_vec(),
            ..Record::default()
        };
        assert_eq!(r.extract(&Options::default()).unwrap().id.as_deref(), Some("doc-1"));
    }
}
