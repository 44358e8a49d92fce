"""Who said what, across a Dask cluster: a table of articles in, the quotes table out.

    pip install "presscut[pandas]" "dask[distributed]"
    python examples/dask_quotes.py articles.jsonl      # records {"id", "text"} per line

Each partition of the articles table is extracted by ``presscut.extract_many`` in a worker
process (in parallel there too, without the GIL) and turned into the contract's quotes table by
``presscut.to_pandas``; Dask stitches the partitions together.
"""

from __future__ import annotations

import sys

import pandas as pd

import presscut


def quotes_of_partition(part: pd.DataFrame) -> pd.DataFrame:
    """The quotes table of one partition of a table with ``id`` and ``text`` columns."""
    articles = presscut.extract_many(part[["id", "text"]].to_dict("records"), errors="return")
    return presscut.to_pandas(articles, "quotes")


def quotes_meta() -> pd.DataFrame:
    """The quotes table's columns and dtypes, for Dask (``article_id`` holds the ids: text)."""
    return presscut.to_pandas([], "quotes").astype({"article_id": "string"})


def quotes_table(articles):  # dask.dataframe.DataFrame -> dask.dataframe.DataFrame
    """The quotes table of a Dask table of articles (columns ``id`` and ``text``)."""
    return articles.map_partitions(quotes_of_partition, meta=quotes_meta())


def main(path: str) -> None:
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster, Client(cluster):
        articles = dd.from_pandas(pd.read_json(path, lines=True, dtype={"id": str}), npartitions=8)
        quotes = quotes_table(articles).compute()
    print(quotes[quotes.confidence >= 0.7][["article_id", "speaker", "kind", "text"]].head(20).to_string())


if __name__ == "__main__":
    main(sys.argv[1])
