"""The Python API as users call it (presscut.extract, extract_many, Article)."""
import json
import pickle
from pathlib import Path

import pytest

import presscut

FIXTURE = (Path(__file__).parent / "fixtures" / "lavrov.txt").read_text(encoding="utf-8")
HEADLINE = ("Lavrov: Talks with the U.S. Are Underway — Details Will Remain Confidential / "
            "Ready to Meet Rubio in Person")


@pytest.fixture(scope="module")
def art():
    return presscut.extract(FIXTURE)


def test_extract_returns_an_article_mirroring_the_json(art):
    assert isinstance(art, presscut.Article)
    d = art.to_dict()
    assert d["schema_version"] == presscut.SCHEMA_VERSION == "1"
    assert art.title == d["title"] == HEADLINE
    assert art.text == d["text"]
    assert art.metadata.news_id == d["metadata"]["news_id"] == "200143"
    assert art.stats.paragraphs == d["stats"]["paragraphs"] == 22
    assert [b.kind for b in art.blocks] == [b["kind"] for b in d["blocks"]]
    assert json.loads(art.to_json()) == d


def test_spans_slice_the_text_in_code_points(art):
    for block in art.blocks:
        assert art.text[block.start:block.end].strip() == art.text[block.start:block.end]
    headings = [art.text[b.start:b.end] for b in art.blocks if b.kind == "heading"]
    assert headings == ["Transfer of Frozen Russian Assets to Ukraine",
                        "U.S. Struggling to Persuade Zelensky", "New START Extension"]
    for d in art.dates:
        assert art.text[d.start:d.end] == d.text


def test_boilerplate_is_listed_for_audit(art):
    kinds = {(b.kind, b.text) for b in art.boilerplate}
    assert ("captcha", "3 + 4 =") in kinds
    assert ("comment_form", "Your Comment") in kinds
    assert "3 + 4 =" not in art.text


def test_repr_is_readable(art):
    r = repr(art)
    assert r.startswith("Article(title='Lavrov: Talks")
    assert "paragraphs=22" in r
    assert repr(art.blocks[0]) == f"Block(kind='title', start=0, end={len(HEADLINE)})"


def test_articles_pickle_and_compare(art):
    again = pickle.loads(pickle.dumps(art))
    assert again == art
    assert again.to_dict() == art.to_dict()
    block = pickle.loads(pickle.dumps(art.blocks[1]))
    assert block == art.blocks[1]


def test_options_are_keyword_arguments():
    text = "Headline\n\nThe minister said on Tuesday that the talks went well.\n"
    raw = presscut.extract(text, clean=False, format="text", url="https://example.com/x", published="2026-02-05")
    assert raw.text == text
    assert raw.title is None
    assert raw.metadata.url == "https://example.com/x"
    assert raw.metadata.published == "2026-02-05"
    with pytest.raises(TypeError):
        presscut.extract(text, "text")


def test_bad_options_raise_extraction_error():
    with pytest.raises(presscut.ExtractionError) as e:
        presscut.extract("text", published="next Tuesday")
    assert isinstance(e.value, ValueError)
    assert "published" in str(e.value)
    with pytest.raises(presscut.ExtractionError):
        presscut.extract("text", format="pdf")
    with pytest.raises(TypeError):
        presscut.extract(42)


def test_bytes_are_decoded_with_a_warning_when_invalid():
    art = presscut.extract(b"Headline\n\nThe caf\xe9 reopened on Monday after a long renovation, its owner said.")
    assert "\ufffd" in art.text
    assert any("UTF-8" in w for w in art.warnings)


def test_extract_many_keeps_order_and_ids():
    docs = [f"Headline {i}\n\nParagraph number {i} of a short article, long enough to be prose." for i in range(20)]
    docs.append({"id": "html-doc", "html": "<html><body><p>An HTML article with one paragraph of text.</p></body></html>"})
    arts = presscut.extract_many(docs, threads=2)
    assert [a.title for a in arts[:20]] == [f"Headline {i}" for i in range(20)]
    assert arts[20].id == "html-doc"
    assert arts[20].source_format == "html"


def test_extract_many_reports_errors_per_record():
    docs = [{"id": "ok", "text": "Fine headline\n\nA fine body sentence of some length."},
            {"id": "bad", "text": "x", "published": "someday"},
            {"id": "empty-dict"}]
    with pytest.raises(presscut.ExtractionError):
        presscut.extract_many(docs)
    out = presscut.extract_many(docs, errors="return")
    assert isinstance(out[0], presscut.Article)
    assert isinstance(out[1], presscut.ExtractionError) and "bad" in str(out[1])
    assert isinstance(out[2], presscut.ExtractionError)
