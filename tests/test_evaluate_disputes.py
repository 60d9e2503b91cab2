"""The disputes-dev scoring rule (data/disputes-dev/README.md) on hand-made gold rows and predictions."""

from __future__ import annotations

import json

import pytest

from quoth.evaluate.disputes import DisputesDataError, evaluate_disputes, read_rows, score, select_rows
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


def _write_gold(tmp_path, name: str, rows: list[dict]) -> object:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


# Texts written for these tests: one dispute in the first, none in the second.
DENIAL = "The mayor said the plant will close in May. Ann Jones, the plant's owner, denied that the plant will close."
QUIET = "The council met on Tuesday. Members said the budget would be discussed next week."


def _texts(tmp_path) -> object:
    folder = tmp_path / "text"
    folder.mkdir()
    (folder / "one.txt").write_text(DENIAL, encoding="utf-8")
    (folder / "two.txt").write_text(QUIET, encoding="utf-8")
    return folder


def _denial_row() -> dict:
    cue = DENIAL.index("denied")
    claim = DENIAL.index("the plant will close")
    return {"id": "one", "disputes": [{
        "kind": "denial", "cue": {"text": "denied", "span": [cue, cue + 6]},
        "by": {"text": "Ann Jones", "span": [DENIAL.index("Ann"), DENIAL.index("Ann") + 9], "reference": "Ann Jones"},
        "target_claim": [[claim, claim + 20]], "target_party": {"reference": "the mayor"}, "optional": False}]}


def test_evaluate_disputes_scores_jsonl_files_against_a_texts_folder(tmp_path):
    texts = _texts(tmp_path)
    a = _write_gold(tmp_path, "a.jsonl", [_denial_row()])
    b = _write_gold(tmp_path, "b.jsonl", [{"id": "two", "disputes": []}])
    result = evaluate_disputes([a, b], texts=texts)
    assert result["articles"] == 2 and result["gold"] == 1
    assert result["recall"] == 1.0 and result["predicted"] >= 1
    only_b = evaluate_disputes(b, texts=texts)
    assert only_b["articles"] == 1 and only_b["gold"] == 0 and only_b["recall"] == 0.0


def test_evaluate_disputes_file_errors(tmp_path):
    texts = _texts(tmp_path)
    a = _write_gold(tmp_path, "a.jsonl", [_denial_row()])
    with pytest.raises(DisputesDataError, match="--texts"):
        evaluate_disputes(a)  # a file has no dev split beside it
    with pytest.raises(DisputesDataError, match="more than one"):
        evaluate_disputes([a, a], texts=texts)
    bad = _write_gold(tmp_path, "bad.jsonl", [{"article": "one"}])
    with pytest.raises(DisputesDataError, match="bad.jsonl:1"):
        read_rows(bad)
    ghost = _write_gold(tmp_path, "ghost.jsonl", [{"id": "three", "disputes": []}])
    with pytest.raises(DisputesDataError, match="no text"):
        evaluate_disputes(ghost, texts=texts)


def test_eval_disputes_cli_takes_files_and_texts(tmp_path):
    from typer.testing import CliRunner

    from quoth.cli import app

    texts = _texts(tmp_path)
    a = _write_gold(tmp_path, "a.jsonl", [_denial_row()])
    b = _write_gold(tmp_path, "b.jsonl", [{"id": "two", "disputes": []}])
    run = CliRunner().invoke(app, ["eval", "disputes", str(a), str(b), "--texts", str(texts), "--json"])
    assert run.exit_code == 0, run.output
    result = json.loads(run.output)
    assert (result["articles"], result["gold"], result["matched"]) == (2, 1, 1)
    failed = CliRunner().invoke(app, ["eval", "disputes", str(a)])
    assert isinstance(failed.exception, DisputesDataError) and "--texts" in str(failed.exception)
