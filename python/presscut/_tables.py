"""The contract's tables as data frames: ``to_pandas`` and ``to_polars``.

The rows come from the compiled core (``presscut.tables``, the same code that writes the CLI's
CSV tables) one column at a time, so a frame is built from a few lists, never row by row.
pandas and polars are optional: each is imported on first use, with a clear error when it is
not installed (``pip install "presscut[pandas]"`` or ``"presscut[polars]"``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, Union

from presscut._presscut import Article, ExtractionError, _table_columns

if TYPE_CHECKING:
    import pandas
    import polars

Table = Literal["articles", "quotes", "entities", "mentions", "dates", "sources"]
Articles = Union[Article, Iterable[Union[Article, ExtractionError]]]

#: Column kinds as pandas dtypes: nullable integers (``Int64``) and strings (``string``), so
#: that a column has the same dtype whatever the data (Dask and Spark partitions agree).
_PANDAS_DTYPES = {"str": "string", "int": "Int64", "float": "float64"}


def _require(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(
            f"presscut.to_{module} needs {module}, which is not installed: "
            f'pip install "presscut[{extra}]"'
        ) from e


def to_pandas(articles: Articles, table: Table = "quotes") -> pandas.DataFrame:
    """One of the contract's tables as a pandas DataFrame.

    Args:
        articles: an Article, or Articles as ``extract_many`` returns them (with
            ``errors="return"`` the ExtractionErrors in place give rows of the ``articles``
            table with ``error`` set).
        table: ``"articles"``, ``"quotes"``, ``"entities"``, ``"mentions"``, ``"dates"`` or
            ``"sources"``; the columns are the contract's (docs/CONTRACT.md, Tables).

    Rows are keyed by ``article_id``: the Article's ``id``, else its position in ``articles``.
    Integer columns are pandas' nullable ``Int64``, text columns ``string``.
    """
    pd = _require("pandas", "pandas")
    columns = _table_columns(articles, table)
    return pd.DataFrame(
        {name: pd.array(values, dtype=_PANDAS_DTYPES[kind]) for name, kind, values in columns}
    )


def to_polars(articles: Articles, table: Table = "quotes") -> polars.DataFrame:
    """One of the contract's tables as a polars DataFrame (see ``to_pandas``).

    Integer columns are ``Int64``, text columns ``String``, ``confidence`` ``Float64``; nulls
    where the contract has null.
    """
    pl = _require("polars", "polars")
    dtypes = {"str": pl.String, "int": pl.Int64, "float": pl.Float64}
    columns = _table_columns(articles, table)
    return pl.DataFrame([pl.Series(name, values, dtype=dtypes[kind]) for name, kind, values in columns])
