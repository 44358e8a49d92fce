"""The examples/ recipes for more than one machine, run on this one: Dask distributed with
worker processes, and PySpark in local mode. Their quotes tables must equal extract_many's."""
import importlib.util
import os
import shutil
import sys
from pathlib import Path

import pytest

import presscut
from synthetic import records

pd = pytest.importorskip("pandas", reason="pandas is not installed (scripts/test.sh installs it)")
EXAMPLES = Path(__file__).parent.parent / "examples"
N_ARTICLES = 300


def load_example(name: str):
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def rows(df) -> list[tuple]:
    """A quotes table as plain sorted rows (None for nulls), whatever the dtypes."""
    df = df.astype(object).where(df.notna(), None)
    out = [tuple(None if v is None else (float(v) if isinstance(v, float) else v) for v in r)
           for r in df.itertuples(index=False)]
    return sorted(out, key=lambda r: (r[0], r[1]))


@pytest.fixture(scope="module")
def docs():
    return records(N_ARTICLES, seed=7)


@pytest.fixture(scope="module")
def expected(docs):
    table = presscut.to_pandas(presscut.extract_many(docs), "quotes")
    assert len(table) > N_ARTICLES, "the articles have quotes"
    return rows(table)


def test_dask_distributed_with_worker_processes(docs, expected):
    pytest.importorskip("distributed", reason="dask[distributed] is not installed (scripts/test.sh installs it)")
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    example = load_example("dask_quotes")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        assert all(info["type"] == "Worker" for info in client.scheduler_info()["workers"].values())
        client.upload_file(str(EXAMPLES / "dask_quotes.py"))  # the workers import it by name
        articles = dd.from_pandas(pd.DataFrame(docs), npartitions=6)
        quotes = client.compute(example.quotes_table(articles)).result(timeout=300)
    assert list(quotes.columns) == list(presscut.to_pandas([], "quotes").columns)
    assert rows(quotes) == expected


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason="pyspark is not installed (scripts/test.sh installs it)")
    pytest.importorskip("pyarrow", reason="pyarrow (for Spark's mapInPandas) is not installed")
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime for Spark: scripts/test.sh installs default-jre-headless when apt-get is usable")
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("presscut-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .getOrCreate())
    yield session
    session.stop()


def test_spark_map_in_pandas(spark, docs, expected):
    example = load_example("spark_quotes")
    spark.sparkContext.addPyFile(str(EXAMPLES / "spark_quotes.py"))  # the workers import it by name
    articles = spark.createDataFrame(pd.DataFrame(docs)).repartition(4)
    quotes = example.quotes_table(articles).toPandas()
    assert list(quotes.columns) == list(presscut.to_pandas([], "quotes").columns)
    assert rows(quotes) == expected
