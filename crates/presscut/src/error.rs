//! The crate's one error type.

/// Why an article could not be extracted. Recoverable problems (odd bytes, unbalanced quote
/// marks, …) are not errors: they become [`crate::Article::warnings`].
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum Error {
    /// An option has a value presscut cannot use (`published="yesterday"`).
    #[error("invalid option `{option}`: {message}")]
    InvalidOption { option: &'static str, message: String },
    /// The input is larger than [`crate::MAX_INPUT_BYTES`].
    #[error("input too large: {size} bytes (the limit is {limit} bytes)")]
    InputTooLarge { size: usize, limit: usize },
}

impl Error {
    /// A short machine-readable name for the error (`invalid_option`, `input_too_large`),
    /// used in batch error records.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::InvalidOption { .. } => "invalid_option",
            Error::InputTooLarge { .. } => "input_too_large",
        }
    }
}
