"""The disputes-dev scoring rule (data/disputes-dev/README.md) on hand-made gold rows and predictions."""

from __future__ import annotations

import pytest

from quoth.evaluate.disputes import DisputesDataError, score, select_rows
from quoth.model import Article, Attribution, Dispute, Entity, Span

TEXT = "Smith said the plant will close. Jones denied that the plant will close. Lee called it odd."
#       0         1         2         3         4         5         6         7         8


def _span(text: str) -> Span:
    start = TEXT.index(text)
    return Span(text=text, spans=((start, start + len(text)),))


def _article(disputes: list[Dispute]) -> Article:
    atts = [
        Attribution(id="a1", kind="indirect", content=_span("the plant will close. "[:-2]), cue=_span("said"),
                    source=_span("Smith"), speaker="e1"),
        Attribution(id="a2", kind="indirect", content=_span("that the plant will close"), cue=_span("denied"),
                    source=_span("Jones"), speaker="e2"),
        Attribution(id="a3", kind="indirect", content=_span("it odd"), cue=_span("called"), source=_span("Lee"),
                    speaker="e3"),
    ]
    ents = [Entity(id="e1", name="John Smith"), Entity(id="e2", name="Ann Jones"), Entity(id="e3", name="Lee")]
    return Article(id="x", text=TEXT, attributions=atts, entities=ents, disputes=disputes)


def _gold(cue: str, party: str | None, claim: str | None, optional: bool = False) -> dict:
    start = TEXT.index(cue)
    span = [TEXT.index(claim), TEXT.index(claim) + len(claim)] if claim else None
    return {"kind": "denial", "cue": {"text": cue, "span": [start, start + len(cue)]},
            "by": {"text": "Jones", "span": [0, 0], "reference": "Ann Jones"},
            "target_party": {"reference": party} if party else None, "target_claim": [span] if span else None,
            "optional": optional}


def test_evaluate_disputes_match_party_and_claim():
    dispute = Dispute(by="a2", cue=_span("denied"), kind="denial", target_attribution="a1", target_entity="e1")
    result = score([{"id": "x", "disputes": [_gold("denied", "Smith", "the plant will close")]}],
                   {"x": _article([dispute])})
    assert (result["precision"], result["recall"], result["target_party"], result["target_claim"]) == (1, 1, 1, 1)
    assert result["by_kind"]["denial"]["recall"] == 1.0


def test_evaluate_disputes_match_through_the_by_attribution_content():
    # the gold cue ("close" in the content) overlaps the disputing attribution's content, not the predicted cue
    dispute = Dispute(by="a2", cue=_span("denied"), kind="denial")
    gold = _gold("that the plant", None, None)
    result = score([{"id": "x", "disputes": [gold]}], {"x": _article([dispute])})
    assert result["recall"] == 1.0 and result["target_party"] == 1.0 and result["target_claim"] == 1.0


def test_evaluate_disputes_optional_gold_is_no_false_positive_and_no_miss():
    dispute = Dispute(by="a3", cue=_span("called"), kind="rejection")
    rows = [{"id": "x", "disputes": [_gold("denied", "Smith", None), _gold("called", None, None, optional=True)]}]
    result = score(rows, {"x": _article([dispute])})
    assert result["precision"] == 1.0 and result["recall"] == 0.0 and result["gold"] == 1
    assert result["articles_detail"][0]["missed"][0]["cue"] == "denied"


def test_evaluate_disputes_spurious_and_wrong_party():
    wrong = Dispute(by="a2", cue=_span("denied"), kind="denial", target_entity="e3")
    spurious = Dispute(by="a3", cue=_span("called"), kind="rejection")
    result = score([{"id": "x", "disputes": [_gold("denied", "Smith", None)]}], {"x": _article([wrong, spurious])})
    assert result["precision"] == 0.5 and result["recall"] == 1.0 and result["target_party"] == 0.0
    assert [s["cue"] for s in result["articles_detail"][0]["spurious"]] == ["called"]


def test_evaluate_disputes_claim_in_the_sentence_counts_only_in_the_extra_metric():
    claim = "the plant will close"
    start = TEXT.index(claim, 40)
    dispute = Dispute(by="a2", cue=_span("denied"), kind="denial",
                      target_text=Span(text=claim, spans=((start, start + len(claim)),)))
    gold = _gold("denied", None, None)
    gold["target_claim"] = [[start, start + len(claim)]]
    result = score([{"id": "x", "disputes": [gold]}], {"x": _article([dispute])})
    assert result["target_claim"] == 0.0 and result["target_claim_or_text"] == 1.0


def test_evaluate_disputes_halves_split_sorted_ids():
    rows = [{"id": i, "disputes": []} for i in "dcba"]
    assert [r["id"] for r in select_rows(rows, "even")] == ["a", "c"]
    assert [r["id"] for r in select_rows(rows, "odd")] == ["b", "d"]
    with pytest.raises(DisputesDataError):
        select_rows(rows, "third")
