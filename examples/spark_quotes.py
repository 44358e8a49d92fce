"""Who said what, with PySpark: a DataFrame of articles in, the quotes table out.

    pip install "presscut[pandas]" pyspark pyarrow     # and a Java runtime for Spark
    python examples/spark_quotes.py articles.jsonl     # records {"id", "text"} per line

``mapInPandas`` hands each Python worker batches of the articles as pandas DataFrames;
``presscut.extract_many`` extracts a batch (in parallel, without the GIL) and
``presscut.to_pandas`` turns it into the contract's quotes table, with the schema below.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pandas as pd

import presscut

#: The quotes table (docs/CONTRACT.md, Tables) as a Spark schema; ``end`` is quoted because it
#: is an SQL keyword.
QUOTES_SCHEMA = (
    "article_id string, quote long, kind string, text string, start long, `end` long, "
    "speaker string, speaker_entity long, speaker_kind string, cue string, confidence double"
)


def quotes_of_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """For ``mapInPandas``: the quotes table of each batch of articles (``id``, ``text``)."""
    for batch in batches:
        articles = presscut.extract_many(batch[["id", "text"]].to_dict("records"), errors="return")
        yield presscut.to_pandas(articles, "quotes")


def quotes_table(articles):  # pyspark.sql.DataFrame -> pyspark.sql.DataFrame
    """The quotes table of a Spark DataFrame of articles (columns ``id`` and ``text``)."""
    return articles.mapInPandas(quotes_of_batches, schema=QUOTES_SCHEMA)


def main(path: str) -> None:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[2]").appName("presscut quotes").getOrCreate()
    try:
        articles = spark.read.json(path).select("id", "text")
        quotes = quotes_table(articles)
        quotes.where("confidence >= 0.7").select("article_id", "speaker", "kind", "text").show(20, truncate=60)
    finally:
        spark.stop()


if __name__ == "__main__":
    main(sys.argv[1])
