"""Robustness: quoth processes every PolNeAR train and dev text without an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "raw" / "polnear" / "data"
EXPECTED_TEXTS = {"train": 840, "dev": 84}

pytestmark = [pytest.mark.gold, pytest.mark.model, pytest.mark.slow]


@pytest.mark.parametrize("split", sorted(EXPECTED_TEXTS))
def test_robust_polnear_every_text_extracts(split):
    folder = POLNEAR / split / "text"
    if not folder.is_dir():
        pytest.skip(f"PolNeAR {split} texts are absent ({folder}); they live in ../shared/data beside the checkout")
    import quoth

    paths = sorted(folder.glob("*.txt"))
    items = [(p.stem, p.read_bytes().decode("utf-8")) for p in paths]
    articles = list(quoth.extract_many(items, errors="raise"))
    assert len(articles) == len(paths) == EXPECTED_TEXTS[split]
    assert [a.id for a in articles] == [p.stem for p in paths]
    assert all(a.error is None for a in articles)
    for article, (_, text) in zip(articles, items):
        assert article.text == text
        for attribution in article.attributions:
            assert all(0 <= s < e <= len(text) for s, e in attribution.content.spans), article.id
