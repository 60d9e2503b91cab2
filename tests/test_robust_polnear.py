"""Robustness: quoth processes every PolNeAR train and dev text without an exception."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "raw" / "polnear" / "data"
EXPECTED_TEXTS = {"train": 840, "dev": 84}
# Two processes: CI machines have two cores, and this test is the longest in the suite.
WORKERS = 2

pytestmark = [pytest.mark.gold, pytest.mark.model, pytest.mark.slow]


def _extract_chunk(paths: list[Path]) -> list[tuple[str, str | None, list[str]]]:
    """(id, error, problems) per text: problems name offsets outside the text or a changed text."""
    import quoth

    items = [(p.stem, p.read_bytes().decode("utf-8")) for p in paths]
    out = []
    for article, (name, text) in zip(quoth.extract_many(items, errors="raise"), items):
        problems = [] if article.text == text else ["text changed"]
        problems += [f"{a.id} {span}" for a in article.attributions for span in a.content.spans
                     if not 0 <= span[0] < span[1] <= len(text)]
        out.append((article.id, article.error, problems))
    return out


@pytest.mark.parametrize("split", sorted(EXPECTED_TEXTS))
def test_robust_polnear_every_text_extracts(split):
    folder = POLNEAR / split / "text"
    if not folder.is_dir():
        pytest.skip(f"PolNeAR {split} texts are absent ({folder}); they live in ../shared/data beside the checkout")
    paths = sorted(folder.glob("*.txt"))
    chunks = [paths[i::WORKERS] for i in range(WORKERS)]
    with ProcessPoolExecutor(WORKERS) as pool:
        results = [row for chunk in pool.map(_extract_chunk, chunks) for row in chunk]
    assert len(results) == len(paths) == EXPECTED_TEXTS[split]
    assert sorted(r[0] for r in results) == sorted(p.stem for p in paths)
    assert [r for r in results if r[1] is not None or r[2]] == []
