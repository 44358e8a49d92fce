//! Options of one extraction (the contract's option table).

use crate::error::Error;

/// How to read the input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// HTML when the input looks like markup, else plain text.
    #[default]
    Auto,
    Text,
    Html,
}

impl std::str::FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Format::Auto),
            "text" | "txt" => Ok(Format::Text),
            "html" | "htm" => Ok(Format::Html),
            _ => Err(Error::InvalidOption {
                option: "format",
                message: format!("expected auto, text or html, got {s:?}"),
            }),
        }
    }
}

/// Options of one extraction. `Options::default()` is the contract's default: auto format,
/// cleaning on, no reference date, no URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub format: Format,
    /// Layout analysis and boilerplate removal. Off: `text` is the input verbatim.
    pub clean: bool,
    /// Reference date for relative time expressions (ISO 8601: `2026-02-05`, `2026-02-05T10:00Z`).
    pub published: Option<String>,
    /// The page's URL, copied to `metadata.url`.
    pub url: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options { format: Format::Auto, clean: true, published: None, url: None }
    }
}

impl Options {
    /// Checks the option values (the `published` date) without extracting anything.
    pub fn validate(&self) -> Result<(), Error> {
        self.reference_date().map(|_| ())
    }

    /// The reference date given by `published`, if any.
    pub(crate) fn reference_date(&self) -> Result<Option<crate::time::Date>, Error> {
        match self.published.as_deref() {
            None => Ok(None),
            Some(s) => {
                crate::time::parse_reference(s).map(Some).ok_or_else(|| Error::InvalidOption {
                    option: "published",
                    message: format!("expected an ISO 8601 date such as 2026-02-05, got {s:?}"),
                })
            }
        }
    }
}
