"""presscut.to_pandas and presscut.to_polars: exactly the contract's tables and columns."""
import sys
import time

import pytest

import presscut
from synthetic import records

pd = pytest.importorskip("pandas", reason="pandas is not installed (scripts/test.sh installs it)")
pl = pytest.importorskip("polars", reason="polars is not installed (scripts/test.sh installs it)")

# The contract (docs/CONTRACT.md, Tables), written out here on purpose: a change to the
# columns must be a change to the contract too.
CONTRACT = {
    "articles": ["article_id", "title", "published", "language", "url", "site_name", "authors",
                 "words", "n_quotes", "n_entities", "error"],
    "quotes": ["article_id", "quote", "kind", "text", "start", "end", "speaker", "speaker_entity",
               "speaker_kind", "cue", "confidence"],
    "entities": ["article_id", "entity", "name", "kind", "roles", "mentions"],
    "mentions": ["article_id", "entity", "text", "start", "end"],
    "dates": ["article_id", "text", "start", "end", "kind", "value"],
    "sources": ["article_id", "name", "kind", "entity", "cue", "start", "end"],
}


@pytest.fixture(scope="module")
def arts():
    return presscut.extract_many(records(40))


@pytest.mark.parametrize("table", CONTRACT)
def test_frames_have_exactly_the_contract_columns(arts, table):
    df = presscut.to_pandas(arts, table=table)
    assert list(df.columns) == CONTRACT[table]
    polars_df = presscut.to_polars(arts, table=table)
    assert polars_df.columns == CONTRACT[table]
    assert len(df) == polars_df.height > 0
    assert [tuple(r) for r in df.astype(object).where(df.notna(), None).values.tolist()] == polars_df.rows()


def test_quotes_table_rows_are_the_articles_quotes(arts):
    df = presscut.to_pandas(arts, "quotes")
    assert len(df) == sum(len(a.quotes) for a in arts)
    by_article = {a.id: a for a in arts}
    for row in df.itertuples(index=False):
        a = by_article[row.article_id]
        q = a.quotes[row.quote]
        assert (row.kind, row.text, row.start, row.end, row.confidence) == (q.kind, q.text, q.start, q.end,
                                                                            q.confidence)
        assert a.text[row.start:row.end] == row.text
        assert (None if pd.isna(row.speaker) else row.speaker) == (q.speaker.name if q.speaker else None)
        if not pd.isna(row.speaker_entity):
            assert a.entities[row.speaker_entity].kind == row.speaker_kind
    assert df["start"].dtype == "Int64" and df["text"].dtype == "string" and df["confidence"].dtype == "float64"


def test_quotes_filtered_by_confidence(arts):
    df = presscut.to_pandas(arts, "quotes")
    assert df.confidence.between(0, 1).all()
    # Quotes are told apart by their confidence, so a threshold keeps some and drops others.
    assert df.confidence.nunique() > 1
    threshold = df.confidence.max()
    sure = df[df.confidence >= threshold]
    assert 0 < len(sure) < len(df)
    assert (sure.confidence >= threshold).all() and set(sure.kind) <= {"direct", "mixed", "indirect"}


def test_articles_without_ids_are_keyed_by_position_and_errors_keep_their_row():
    docs = ["First article: the mayor said the budget was fair.", {"id": "x"},
            "Third article: the minister said nothing."]
    out = presscut.extract_many(docs, errors="return")
    articles = presscut.to_pandas(out, "articles")
    assert articles["article_id"].tolist() == ["0", "x", "2"]
    assert pd.isna(articles["error"][0]) and "invalid_record" in articles["error"][1]
    ok = [a for a in out if isinstance(a, presscut.Article)]
    positions = presscut.to_polars(ok, "articles")["article_id"].to_list()
    assert positions == [0, 1]
    assert presscut.to_pandas(ok[0], "articles")["article_id"].tolist() == [0]


def test_empty_input_and_bad_arguments():
    empty = presscut.to_pandas([], "quotes")
    assert list(empty.columns) == CONTRACT["quotes"] and len(empty) == 0
    assert presscut.to_polars([], "dates").columns == CONTRACT["dates"]
    with pytest.raises(ValueError, match="expected one of"):
        presscut.to_pandas([], "quote")
    with pytest.raises(TypeError, match="item 1 is str"):
        presscut.to_pandas([presscut.extract("Some text."), "not an article"])


def test_a_missing_library_is_a_clear_error(monkeypatch, arts):
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(ImportError, match=r'pip install "presscut\[polars\]"'):
        presscut.to_polars(arts)
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'pip install "presscut\[pandas\]"'):
        presscut.to_pandas(arts)


def test_ten_thousand_articles_make_a_quotes_frame_quickly():
    one = presscut.extract_many(records(200))
    arts = one * 50
    best = min(_timed(lambda: presscut.to_pandas(arts, "quotes")) for _ in range(2))
    assert best < 1.0, f"to_pandas(10,000 articles, 'quotes') took {best:.2f} s"


def _timed(f):
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def test_importing_presscut_does_not_import_the_frame_libraries():
    import subprocess
    out = subprocess.run([sys.executable, "-c", "import sys, presscut; print('pandas' in sys.modules, 'polars' in sys.modules)"],
                         capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
