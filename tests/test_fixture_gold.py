"""The fixture article against its hand annotation (tests/fixtures/lavrov.gold.json).

Every item the annotation lists — title, headings, paragraphs, removed furniture, metadata,
quotes with kind, cue and speaker, entities with kind, canonical name, roles and clusters,
dates with kind and value, sources with kind and cue — must come out of presscut.extract.
Items marked optional are not required.
"""
import json
from pathlib import Path

import pytest

import presscut

HERE = Path(__file__).parent / "fixtures"
GOLD = json.loads((HERE / "lavrov.gold.json").read_text(encoding="utf-8"))
KIND_OF_GROUP = {"location": "location", "organization": "organization", "nationality": "nationality"}


@pytest.fixture(scope="module")
def art():
    return presscut.extract((HERE / "lavrov.txt").read_text(encoding="utf-8"))


def blocks(art, kind):
    return [art.text[b.start:b.end] for b in art.blocks if b.kind == kind]


def test_layout(art):
    assert art.title == GOLD["title"]
    assert blocks(art, "heading") == GOLD["headings"]
    assert art.stats.paragraphs == GOLD["paragraphs"] == len(blocks(art, "paragraph"))
    removed = [b.text for b in art.boilerplate]
    for line in ("News ID 200143", "Your Comment", "You are replying to: .", "3 + 4 ="):
        assert line in removed and line not in art.text
    assert sum(1 for b in art.boilerplate if b.kind == "repeated_title") == 3
    assert art.metadata.news_id == GOLD["metadata"]["news_id"]


def find_quote(art, item):
    return [q for q in art.quotes if item["snippet"] in q.text]


@pytest.mark.parametrize("item", [q for q in GOLD["quotes_direct_or_mixed"] if not q.get("optional")],
                         ids=lambda q: q["snippet"][:30])
def test_direct_and_mixed_quotes(art, item):
    found = find_quote(art, item)
    assert found, f"no quote contains {item['snippet']!r}"
    q = found[0]
    assert q.kind == item["kind"]
    assert q.speaker is not None and q.speaker.name == item["speaker"]
    assert (q.cue.text if q.cue else None) == item["cue"]
    if "content_starts" in item:
        assert q.text.startswith(item["content_starts"])


@pytest.mark.parametrize("item", GOLD["quotes_indirect"], ids=lambda q: q["snippet"][:30])
def test_indirect_quotes(art, item):
    found = find_quote(art, item)
    assert found, f"no quote contains {item['snippet']!r}"
    q = found[0]
    assert q.kind == "indirect"
    assert q.speaker is not None and q.speaker.name == item["speaker"]
    assert q.cue is not None and q.cue.text == item["cue"]


def test_no_quote_goes_to_a_wrong_person(art):
    people = {e.name for e in art.entities if e.kind == "person"}
    for q in art.quotes:
        if q.speaker is not None and q.speaker.entity is not None:
            assert art.entities[q.speaker.entity].name == q.speaker.name
        # Every gold quote's snippet is attributed as annotated (checked above); no other quote
        # may give those words to someone else.
        for item in GOLD["quotes_direct_or_mixed"] + GOLD["quotes_indirect"]:
            if item["snippet"] in q.text and q.speaker is not None:
                assert q.speaker.name == item["speaker"], q
    assert "Sergey Lavrov" in people


def entity(art, name):
    return next((e for e in art.entities if e.name == name), None)


def test_people_with_roles(art):
    for name, roles in GOLD["entities"]["person"].items():
        e = entity(art, name)
        assert e is not None and e.kind == "person", name
        for role in roles:
            assert role in e.roles, (name, e.roles)


@pytest.mark.parametrize("group", ["location", "organization", "nationality"])
def test_places_organisations_nationalities(art, group):
    for name in GOLD["entities"][group]:
        matches = [e for e in art.entities
                   if e.kind == KIND_OF_GROUP[group] and any(m.text == name for m in e.mentions)]
        assert matches, f"{name} is not a {group} mention"


def test_laws_and_events(art):
    for name in GOLD["entities"]["law_or_event"]:
        assert any(e.kind in ("law", "event") and e.name == name for e in art.entities), name


def test_clusters(art):
    for name in GOLD["entities"]["clusters"]:
        surname = name.split()[-1]
        e = entity(art, name)
        mentions_in_text = art.text.count(surname)
        assert e is not None
        assert sum(1 for m in e.mentions if surname in m.text) == mentions_in_text, name


def test_never_entities(art):
    for bad in GOLD["entities"]["never_entities"]:
        assert not any(m.text == bad for e in art.entities for m in e.mentions), bad


def test_dates(art):
    found = [(d.text, d.kind, d.value) for d in art.dates]
    for item in GOLD["dates"]:
        snippet = item["snippet"]
        assert any(snippet in t or t in snippet for t, _, _ in found), snippet
        assert any((snippet in t or t in snippet) and k == item["kind"] and v == item["value"]
                   for t, k, v in found), (item, found)
    for not_a_date in ("200143", "3 + 4"):
        assert not any(not_a_date in d.text for d in art.dates)


def test_sources(art):
    got = {(s.name, s.kind, s.cue.text if s.cue else None) for s in art.sources}
    for item in GOLD["sources"]:
        assert (item["name"], item["kind"], item["cue"]) in got, (item, got)
