"""The acceptance example, dispute side: the seed's required dispute check with its targets (expected.json:
"A dispute check with target_content_any also needs every matching dispute's target_attribution to hold one of
those pieces (the statements that were disputed), and at least one such dispute")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed"

pytestmark = [
    pytest.mark.model,
    pytest.mark.gold,
    pytest.mark.skipif(not (SEED / "expected.json").is_file(), reason=f"seed article not found at {SEED}"),
]


def _checks() -> list[dict]:
    if not (SEED / "expected.json").is_file():
        return []
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    return [c for c in expected.get("disputes", []) if c.get("required") and c.get("target_content_any")]


@pytest.fixture(scope="module")
def article():
    import quoth

    return quoth.extract((SEED / "article.txt").read_text(encoding="utf-8"), id="seed")


@pytest.mark.parametrize("check", _checks(), ids=lambda c: c["id"])
def test_seed_disputes_target_is_a_disputed_statement(article, check):
    by_any = {n.lower() for n in check["by_any"]}
    target_any = {n.lower() for n in check["target_any"]}
    matching = []
    for dispute in article.disputes:
        by = article.attribution(dispute.by)
        entity = article.entity(dispute.target_entity)
        if (article.speaker_name(by) or "").lower() in by_any and entity and entity.name.lower() in target_any:
            matching.append(dispute)
    assert matching, f"no dispute by {sorted(by_any)} against {sorted(target_any)}: {article.disputes}"
    for dispute in matching:
        target = article.attribution(dispute.target_attribution)
        held = target.content.text if target else ""
        assert any(piece in held for piece in check["target_content_any"]), (
            f"dispute {dispute.by} ({dispute.cue.text!r}) targets {held[:120]!r}, not a disputed statement")
