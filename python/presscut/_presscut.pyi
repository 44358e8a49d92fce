"""Type stubs for presscut's compiled core (presscut._presscut).

Every class is a frozen view of one part of an Article (contract version 1). Spans are Unicode
code points into ``Article.text``, end exclusive, so ``art.text[q.start:q.end] == q.text``.
Every class has ``to_dict()`` (plain Python values, exactly the contract's JSON), ``to_json()``,
``==`` and pickling.
"""

from collections.abc import Iterable, Mapping
from typing import Any, Literal, Sequence

__version__: str
SCHEMA_VERSION: str

Format = Literal["auto", "text", "html"]

class ExtractionError(ValueError):
    """An article could not be extracted: bad input or bad options."""

class _Record:
    def to_dict(self) -> dict[str, Any]:
        """This object as plain Python values, as in the contract's JSON."""
    def to_json(self, indent: int | None = None) -> str:
        """This object as JSON text (indented when ``indent`` is given)."""
    def __eq__(self, other: object) -> bool: ...

class Span(_Record):
    """A code-point span ``[start, end)`` of ``Article.text``."""
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...

class TextSpan(_Record):
    """A span with the text it covers (entity mentions, quote cues, speaker mentions)."""
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...

class Block(_Record):
    """A block of the clean text."""
    @property
    def kind(self) -> Literal["title", "subtitle", "heading", "paragraph", "list_item", "blockquote", "caption", "table"]: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...

class Section(_Record):
    """The text under one heading (``heading`` is None before the first heading)."""
    @property
    def heading(self) -> str | None: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...

class Boilerplate(_Record):
    """A piece of the input that cleaning removed, kept for audit."""
    @property
    def kind(self) -> Literal["repeated_title", "comment_form", "captcha", "share", "navigation", "related",
                              "advertisement", "newsletter", "footer", "metadata", "other"]: ...
    @property
    def text(self) -> str: ...

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
    def authors(self) -> list[str]: ...
    @property
    def publisher(self) -> str | None: ...
    @property
    def site_name(self) -> str | None: ...
    @property
    def section(self) -> str | None: ...
    @property
    def tags(self) -> list[str]: ...
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

class Speaker(_Record):
    """Who said it: canonical name, entity index, and the words naming them for this quote."""
    @property
    def name(self) -> str: ...
    @property
    def entity(self) -> int | None:
        """Index into ``Article.entities``."""
    @property
    def mention(self) -> TextSpan | None: ...

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

class Entity(_Record):
    """One real-world thing named in the article, with every mention."""
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> Literal["person", "organization", "location", "nationality", "event", "law", "work", "product", "other"]: ...
    @property
    def roles(self) -> list[str]: ...
    @property
    def mentions(self) -> list[TextSpan]: ...

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

class Keyword(_Record):
    @property
    def text(self) -> str: ...
    @property
    def score(self) -> float: ...

class Stats(_Record):
    @property
    def chars(self) -> int: ...
    @property
    def words(self) -> int: ...
    @property
    def sentences(self) -> int: ...
    @property
    def paragraphs(self) -> int: ...

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
    def blocks(self) -> list[Block]: ...
    @property
    def sections(self) -> list[Section]: ...
    @property
    def sentences(self) -> list[Span]: ...
    @property
    def boilerplate(self) -> list[Boilerplate]: ...
    @property
    def metadata(self) -> Metadata: ...
    @property
    def quotes(self) -> list[Quote]: ...
    @property
    def entities(self) -> list[Entity]: ...
    @property
    def dates(self) -> list[TimeExpression]: ...
    @property
    def sources(self) -> list[Source]: ...
    @property
    def keywords(self) -> list[Keyword]: ...
    @property
    def stats(self) -> Stats: ...
    @property
    def warnings(self) -> list[str]: ...

def extract(
    text_or_html: str | bytes,
    *,
    format: Format = "auto",
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
    docs: Iterable[str | bytes | Mapping[str, Any]],
    *,
    threads: int | None = None,
    errors: Literal["raise", "return"] = "raise",
    format: Format = "auto",
    clean: bool = True,
    published: str | None = None,
    url: str | None = None,
) -> list[Article | ExtractionError]:
    """Extract many articles in parallel, without holding the GIL; results keep input order.

    Args:
        docs: strings, or dicts ``{"id", "text" | "html", "url"?, "published"?}`` whose fields
            override the keyword options for that document.
        threads: worker threads (default: one per core).
        errors: ``"raise"`` raises ``ExtractionError`` for the first failing document;
            ``"return"`` puts the ``ExtractionError`` in that document's place.
    """
