"""Type stubs for presscut's compiled core (presscut._presscut).

Every class is a frozen view of one part of an Article (contract version 1). Spans are Unicode
code points into ``Article.text``, end exclusive, so ``art.text[q.start:q.end] == q.text``.
Every class has ``to_dict()`` (plain Python values, exactly the contract's JSON), ``to_json()``,
``==`` and pickling. Attributes are made once, on first use: reading one again costs nothing.
Lists are tuples, since the objects are frozen.
"""

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, final

__all__ = [
    "Article",
    "Block",
    "Boilerplate",
    "Entity",
    "ExtractIter",
    "ExtractionError",
    "Keyword",
    "Metadata",
    "Quote",
    "SCHEMA_VERSION",
    "Section",
    "Source",
    "Span",
    "Speaker",
    "Stats",
    "TextSpan",
    "TimeExpression",
    "__version__",
    "_after_fork_in_child",
    "_restore",
    "_table_columns",
    "extract",
    "extract_iter",
    "extract_many",
]

__version__: str
SCHEMA_VERSION: str

_Format = Literal["auto", "text", "html"]

class ExtractionError(ValueError):
    """An article could not be extracted: bad input or bad options."""

    kind: str
    """What went wrong, as in the CLI's batch error records: ``invalid_option``,
    ``input_too_large``, ``invalid_record`` (a document that is not text or a record dict),
    ``internal_error``; ``"error"`` on an ExtractionError made in Python."""
    id: str | None
    """The document's id in a batch, when it has one."""

_Document = str | bytes | Mapping[str, Any]

class _Record:
    def to_dict(self) -> dict[str, Any]:
        """This object as plain Python values, as in the contract's JSON."""
    def to_json(self, indent: int | None = None) -> str:
        """This object as JSON text (indented when ``indent`` is given)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str, str]]: ...

@final
class Span(_Record):
    """A code-point span ``[start, end)`` of ``Article.text``."""
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...

@final
class TextSpan(_Record):
    """A span with the text it covers (entity mentions, quote cues, speaker mentions)."""
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...

@final
class Block(_Record):
    """A block of the clean text."""
    @property
    def kind(self) -> Literal["title", "subtitle", "heading", "paragraph", "list_item", "blockquote", "caption", "table"]: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...

@final
class Section(_Record):
    """The text under one heading (``heading`` is None before the first heading)."""
    @property
    def heading(self) -> str | None: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...

@final
class Boilerplate(_Record):
    """A piece of the input that cleaning removed, kept for audit."""
    @property
    def kind(self) -> Literal["repeated_title", "comment_form", "captcha", "share", "navigation", "related",
                              "advertisement", "newsletter", "footer", "metadata", "other"]: ...
    @property
    def text(self) -> str: ...

@final
class Metadata(_Record):
    """What is known about the article; each field None or empty when unknown."""
    @property
    def url(self) -> str | None: ...
    @property
    def canonical_url(self) -> str | None: ...
    @property
    def published(self) -> str | None:
        """ISO 8601."""
    @property
    def modified(self) -> str | None:
        """ISO 8601."""
    @property
    def authors(self) -> tuple[str, ...]: ...
    @property
    def publisher(self) -> str | None: ...
    @property
    def site_name(self) -> str | None: ...
    @property
    def section(self) -> str | None: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def language(self) -> str | None: ...
    @property
    def news_id(self) -> str | None: ...
    @property
    def dateline(self) -> str | None: ...
    @property
    def description(self) -> str | None: ...
    @property
    def image(self) -> str | None: ...

@final
class Speaker(_Record):
    """Who said it: canonical name, entity index, and the words naming them for this quote."""
    @property
    def name(self) -> str: ...
    @property
    def entity(self) -> int | None:
        """Index into ``Article.entities``."""
    @property
    def mention(self) -> TextSpan | None: ...

@final
class Quote(_Record):
    """One attribution: who said what (direct, mixed or indirect)."""
    @property
    def kind(self) -> Literal["direct", "mixed", "indirect"]: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def speaker(self) -> Speaker | None: ...
    @property
    def cue(self) -> TextSpan | None: ...
    @property
    def confidence(self) -> float:
        """Estimated probability that the content span and the speaker are both right."""

@final
class Entity(_Record):
    """One real-world thing named in the article, with every mention."""
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> Literal["person", "organization", "location", "nationality", "event", "law", "work", "product", "other"]: ...
    @property
    def roles(self) -> tuple[str, ...]: ...
    @property
    def mentions(self) -> tuple[TextSpan, ...]: ...

@final
class TimeExpression(_Record):
    """A temporal expression with its TimeML TIMEX3 value (``2016-12``, ``P1Y``, ``PRESENT_REF``)."""
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> Literal["date", "time", "duration", "set"]: ...
    @property
    def value(self) -> str | None: ...

@final
class Source(_Record):
    """A source the article cites (``according to Reuters``)."""
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> Literal["outlet", "document", "person", "organization", "unnamed"]: ...
    @property
    def entity(self) -> int | None: ...
    @property
    def cue(self) -> TextSpan | None: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...

@final
class Keyword(_Record):
    @property
    def text(self) -> str: ...
    @property
    def score(self) -> float: ...

@final
class Stats(_Record):
    @property
    def chars(self) -> int: ...
    @property
    def words(self) -> int: ...
    @property
    def sentences(self) -> int: ...
    @property
    def paragraphs(self) -> int: ...

@final
class Article(_Record):
    """One extracted article. ``to_dict()`` is the contract's Article JSON."""
    @property
    def schema_version(self) -> str: ...
    @property
    def id(self) -> str | None: ...
    @property
    def source_format(self) -> Literal["text", "html"]: ...
    @property
    def title(self) -> str | None: ...
    @property
    def subtitle(self) -> str | None: ...
    @property
    def text(self) -> str:
        """The clean article (blocks joined by a blank line); with ``clean=False`` the input as given."""
    @property
    def blocks(self) -> tuple[Block, ...]: ...
    @property
    def sections(self) -> tuple[Section, ...]: ...
    @property
    def sentences(self) -> tuple[Span, ...]: ...
    @property
    def boilerplate(self) -> tuple[Boilerplate, ...]: ...
    @property
    def metadata(self) -> Metadata: ...
    @property
    def quotes(self) -> tuple[Quote, ...]: ...
    @property
    def entities(self) -> tuple[Entity, ...]: ...
    @property
    def dates(self) -> tuple[TimeExpression, ...]: ...
    @property
    def sources(self) -> tuple[Source, ...]: ...
    @property
    def keywords(self) -> tuple[Keyword, ...]: ...
    @property
    def stats(self) -> Stats: ...
    @property
    def warnings(self) -> tuple[str, ...]: ...
    def _repr_html_(self) -> str:
        """The article as self-contained HTML (notebooks show it): the text with quotes
        highlighted and labelled with their speaker, entities by kind, dates, and a side list
        of who said what. No script, nothing loaded from the network; all text escaped."""

def extract(
    text_or_html: str | bytes,
    *,
    format: _Format = "auto",
    clean: bool = True,
    published: str | None = None,
    url: str | None = None,
) -> Article:
    """Extract one article from plain text or HTML.

    Args:
        text_or_html: the article; ``bytes`` are decoded as UTF-8 (invalid sequences are
            replaced and reported in ``Article.warnings``).
        format: ``"auto"`` detects HTML; ``"text"`` or ``"html"`` force one.
        clean: remove page furniture and find the layout; ``False`` keeps the text verbatim
            (spans then refer to the input as given).
        published: reference date for relative time expressions (ISO 8601, ``"2026-02-05"``).
        url: the article's URL, copied to ``metadata.url``.

    Raises:
        ExtractionError: bad options (an unparseable ``published``) or input too large.
        TypeError: ``text_or_html`` is neither ``str`` nor ``bytes``.
    """

def extract_many(
    docs: Iterable[_Document],
    *,
    threads: int | None = None,
    errors: Literal["raise", "return"] = "raise",
    format: _Format = "auto",
    clean: bool = True,
    published: str | None = None,
    url: str | None = None,
) -> list[Article | ExtractionError]:
    """Extract many articles in parallel, without holding the GIL; results keep input order.

    Args:
        docs: strings or bytes, or dicts ``{"id", "text" | "html", "url"?, "published"?}``
            whose fields override the keyword options for that document. The text is read
            from the Python objects without a copy.
        threads: worker threads (default: one per core).
        errors: ``"raise"`` raises ``ExtractionError`` for the first failing document;
            ``"return"`` puts the ``ExtractionError`` in that document's place (its ``kind``
            and ``id`` say what and which).

    Raises:
        ExtractionError: a document failed (``errors="raise"``) or an option is bad.
        TypeError: ``docs`` is a single document rather than an iterable of them.
        KeyboardInterrupt: Ctrl-C stops the batch within a tenth of a second.

    An exception raised by ``docs`` itself (a generator that fails) propagates as it is.
    """

def extract_iter(
    docs: Iterable[_Document],
    *,
    threads: int | None = None,
    errors: Literal["raise", "return"] = "raise",
    format: _Format = "auto",
    clean: bool = True,
    published: str | None = None,
    url: str | None = None,
) -> ExtractIter:
    """Extract articles lazily, for inputs larger than memory: an iterator of Articles (or
    ExtractionErrors in place, with ``errors="return"``) in input order.

    Documents are read from ``docs`` only as needed: at most four per worker thread are in
    flight, extracted in parallel without the GIL while the caller handles earlier results.
    Arguments as for ``extract_many``. An exception raised by ``docs`` comes after the
    articles of the documents before it; Ctrl-C raises ``KeyboardInterrupt`` within a tenth
    of a second and ends the iterator.
    """

@final
class ExtractIter(Iterator[Article | ExtractionError]):
    """The iterator ``extract_iter`` returns."""
    def __iter__(self) -> ExtractIter: ...
    def __next__(self) -> Article | ExtractionError: ...

def _table_columns(
    articles: Article | Iterable[Article | ExtractionError], table: str
) -> list[tuple[str, Literal["str", "int", "float"], list[Any]]]:
    """One of the contract's tables as ``(name, kind, values)`` columns (for ``to_pandas``)."""

def _restore(cls: str, json: str) -> Any:
    """Rebuilds a pickled object from its class name and JSON."""

def _after_fork_in_child() -> None:
    """Called by ``os.register_at_fork``: batch work in a forked child uses fresh threads."""
