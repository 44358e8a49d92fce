"""presscut: turn raw news articles into structured data.

>>> import presscut
>>> art = presscut.extract("Headline\\n\\nThe minister said the talks went well.")
>>> art.title
'Headline'
"""

from presscut._presscut import (
    SCHEMA_VERSION,
    Article,
    Block,
    Boilerplate,
    Entity,
    ExtractIter,
    ExtractionError,
    Keyword,
    Metadata,
    Quote,
    Section,
    Source,
    Span,
    Speaker,
    Stats,
    TextSpan,
    TimeExpression,
    __version__,
    extract,
    extract_iter,
    extract_many,
)
from presscut._tables import to_pandas, to_polars

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Block",
    "Boilerplate",
    "Entity",
    "ExtractIter",
    "ExtractionError",
    "Keyword",
    "Metadata",
    "Quote",
    "Section",
    "Source",
    "Span",
    "Speaker",
    "Stats",
    "TextSpan",
    "TimeExpression",
    "__version__",
    "extract",
    "extract_iter",
    "extract_many",
    "to_pandas",
    "to_polars",
]
