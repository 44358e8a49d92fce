"""The Python objects: attributes made once, equality, pickling, reprs, errors with a kind."""
import json
import pickle
import time
from pathlib import Path

import pytest

import presscut

FIXTURE = (Path(__file__).parent / "fixtures" / "lavrov.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def art():
    return presscut.extract(FIXTURE)


def test_attributes_are_made_once_and_are_read_only_sequences(art):
    assert art.quotes is art.quotes
    assert art.text is art.text
    assert art.quotes[0] is art.quotes[0]
    assert art.quotes[0].speaker is art.quotes[0].speaker
    assert art.metadata is art.metadata
    assert isinstance(art.quotes, tuple) and isinstance(art.entities[0].mentions, tuple)
    with pytest.raises(AttributeError):
        art.title = "changed"  # type: ignore[misc]


def test_every_attribute_mirrors_the_contract_json(art):
    d = art.to_dict()
    for i, q in enumerate(art.quotes):
        assert q.to_dict() == d["quotes"][i]
        assert (q.kind, q.text, q.start, q.end, q.confidence) == tuple(
            d["quotes"][i][k] for k in ("kind", "text", "start", "end", "confidence"))
        assert art.text[q.start:q.end] == q.text
        assert 0.0 <= q.confidence <= 1.0
    for i, e in enumerate(art.entities):
        assert (e.name, e.kind, list(e.roles)) == (d["entities"][i]["name"], d["entities"][i]["kind"],
                                                   d["entities"][i]["roles"])
        assert [m.to_dict() for m in e.mentions] == d["entities"][i]["mentions"]
    assert list(art.metadata.authors) == d["metadata"]["authors"]
    assert art.stats.to_dict() == d["stats"]
    assert json.loads(art.quotes[0].to_json(indent=2)) == d["quotes"][0]


def test_attribute_access_in_a_loop_is_linear():
    # An article with many quotes: reading art.quotes[i] for every i must cost the same per
    # access however many quotes there are (it used to rebuild the whole list each time).
    def text(n):
        return "".join(f"\u201cWe will keep line {i} open,\u201d Minister Anna Berg said.\n\n" for i in range(n))

    small = presscut.extract(text(200), clean=False)
    large = presscut.extract(text(1600), clean=False)
    assert len(large.quotes) >= 8 * len(small.quotes) > 0

    def per_access(a):
        n = len(a.quotes)
        t = time.perf_counter()
        for _ in range(3):
            for i in range(n):
                a.quotes[i].text
        return (time.perf_counter() - t) / (3 * n)

    per_access(small), per_access(large)  # first access builds the objects
    ratio = min(per_access(large) for _ in range(3)) / min(per_access(small) for _ in range(3))
    assert ratio < 3, f"an access over 8x the quotes costs {ratio:.1f}x as much"


def test_equality_and_pickling_keep_everything(art):
    again = pickle.loads(pickle.dumps(art))
    assert again == art and again is not art
    assert again.to_dict() == art.to_dict()
    assert pickle.loads(pickle.dumps(art.quotes[3])) == art.quotes[3]
    assert art.quotes[0] != art.quotes[1]
    assert art != art.quotes[0]


def test_reprs_are_readable(art):
    assert repr(art).startswith("Article(title='Lavrov: Talks")
    assert "quotes=33" in repr(art)
    q = repr(art.quotes[0])
    assert q.startswith("Quote(kind='direct', text='Talks with the U.S.") and "confidence=" in q
    with_id = presscut.extract_many([{"id": "doc-7", "text": "Hello there, world."}])[0]
    assert repr(with_id).startswith("Article(id='doc-7', title=")


def test_extraction_errors_carry_a_kind():
    with pytest.raises(presscut.ExtractionError) as e:
        presscut.extract("text", published="next week")
    assert e.value.kind == "invalid_option" and e.value.id is None
    assert isinstance(e.value, ValueError)
    made_here = presscut.ExtractionError("something")
    assert made_here.kind == "error"
    [bad] = presscut.extract_many([{"id": "r1", "text": 5}], errors="return")
    assert (bad.kind, bad.id) == ("invalid_record", "r1")
    assert "\"text\" must be str or bytes" in str(bad)
    again = pickle.loads(pickle.dumps(bad))
    assert (type(again), again.kind, again.id, str(again)) == (presscut.ExtractionError, bad.kind, bad.id, str(bad))


def test_module_exports_what_it_documents():
    for name in presscut.__all__:
        assert hasattr(presscut, name), name
    assert {"extract", "extract_many", "extract_iter", "to_pandas", "to_polars"} <= set(presscut.__all__)
    assert (Path(presscut.__file__).parent / "py.typed").exists()
