"""The acceptance example: ../shared/seed/article.txt against expected.json (spans, cues, kinds, nesting)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed"

pytestmark = [
    pytest.mark.model,
    pytest.mark.gold,
    pytest.mark.skipif(not (SEED / "article.txt").is_file(), reason=f"seed article not found at {SEED}"),
]


@pytest.fixture(scope="module")
def seed():
    import quoth

    text = (SEED / "article.txt").read_text(encoding="utf-8")
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    return quoth.extract(text, id="seed"), expected


def _find(article, check):
    return [a for a in article.attributions if check["content_contains"] in a.content.text]


def _required(expected):
    return [c for c in expected["checks"] if c["required"]]


def test_seed_every_required_content_found(seed):
    article, expected = seed
    missing = [c["id"] for c in _required(expected) if not _find(article, c)]
    assert not missing, f"no attribution holds the content of {missing}"


@pytest.mark.parametrize("field", ["cue", "source_text", "kind"])
def test_seed_required_cue_source_kind(seed, field):
    article, expected = seed
    wrong = []
    for check in _required(expected):
        if field not in check:
            continue
        got = []
        for a in _find(article, check):
            value = {"cue": a.cue and a.cue.text, "source_text": a.source and a.source.text, "kind": a.kind}[field]
            got.append(value)
        if check[field] not in got:
            wrong.append((check["id"], check[field], got))
    assert not wrong, wrong


def test_seed_required_nesting_and_same_as(seed):
    article, expected = seed
    by_id = {c["id"]: c for c in expected["checks"]}
    for check in _required(expected):
        found = _find(article, check)
        if "nested_in" in check:
            parents = {a.id for a in _find(article, by_id[check["nested_in"]])}
            assert any(a.parent in parents for a in found), f"{check['id']} is not nested in {check['nested_in']}"
        if "same_as" in check:
            other = {a.id for a in _find(article, by_id[check["same_as"]])}
            assert {a.id for a in found} & other, f"{check['id']} is not the same attribution as {check['same_as']}"


def test_seed_boilerplate_is_never_content(seed):
    article, expected = seed
    for text in expected["not_content"]:
        assert not [a.id for a in article.attributions if text in a.content.text], text
