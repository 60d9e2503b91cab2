"""Store queries: FTS search with filters and pages, speakers, speaker timelines, disputes, articles, stats."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_fixtures import article
from quoth.store import NotFound, Store, StoreError


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "quoth.db") as opened:
        opened.add_article(article(1, "Ann Lee", "2024-01-10", "The bridge will open in spring."))
        opened.add_article(article(2, "Ann Lee", "2024-02-20T09:30:00Z", "The bridge is on budget."))
        opened.add_article(article(3, "Cy Moss", "2024-03-05", "Taxes will not rise this year."))
        opened.add_article(article(4, "Ann Lee", "2024-03-05T23:59:00+00:00", "We were wrong about the bridge."))
        yield opened


def contents(page: object) -> list[str]:
    return [s.content for s in page.items]  # type: ignore[attr-defined]


def test_store_search_full_text_best_match_first(store: Store) -> None:
    page = store.search("bridge")
    assert page.total == 3
    assert set(contents(page)) == {"The bridge will open in spring.", "The bridge is on budget.",
                                   "We were wrong about the bridge."}
    assert store.search("bridge budget").total == 1  # every word must occur


def test_store_search_phrase_and_fts_syntax_are_safe(store: Store) -> None:
    assert contents(store.search('"will not rise"')) == ["Taxes will not rise this year."]
    for text in ('bridge AND OR', 'NEAR(', '"unbalanced', "a*b:c", "-x ^y"):
        store.search(text)  # never an FTS syntax error


@pytest.mark.parametrize("filters, expected", [
    ({"speaker": "ann"}, 3), ({"speaker": "Cy Moss"}, 1), ({"kind": "indirect"}, 4), ({"kind": "direct"}, 4),
    ({"since": "2024-03-01"}, 4), ({"until": "2024-03-05"}, 8), ({"until": "2024-02-20"}, 4),
    ({"since": "2024-02-01", "until": "2024-02-28"}, 2), ({"speaker": "nobody"}, 0),
])
def test_store_search_filters(store: Store, filters: dict, expected: int) -> None:
    assert store.search("", **filters).total == expected


def test_store_search_without_text_is_newest_first_and_paginated(store: Store) -> None:
    first = store.search("", kind="direct", limit=2)
    second = store.search("", kind="direct", limit=2, offset=2)
    assert first.total == 4 and first.has_more and not second.has_more
    assert contents(first) == ["We were wrong about the bridge.", "Taxes will not rise this year."]
    assert contents(second) == ["The bridge is on budget.", "The bridge will open in spring."]
    statement = first.items[0]
    assert (statement.article_id, statement.attribution_id, statement.speaker, statement.title) == \
        ("art-4", "a1", "Ann Lee", "Story 4")


def test_store_search_rejects_bad_kind_and_page(store: Store) -> None:
    with pytest.raises(StoreError, match="kind must be one of"):
        store.search("x", kind="quoted")
    with pytest.raises(StoreError, match="limit must be"):
        store.search("x", limit=0)


def test_store_speakers_most_quoted_first(store: Store) -> None:
    page = store.speakers()
    assert [(s.name, s.statements, s.articles) for s in page.items] == \
        [("Bob Ray", 4, 4), ("Ann Lee", 3, 3), ("Cy Moss", 1, 1)]
    assert page.items[1].first == "2024-01-10" and page.items[1].last.startswith("2024-03-05T23:59")
    assert store.speakers(limit=1, offset=2).items[0].name == "Cy Moss"


def test_store_speaker_statements_over_time(store: Store) -> None:
    profile = store.speaker("Ann Lee")
    assert [s.published[:10] for s in profile.statements.items] == ["2024-01-10", "2024-02-20", "2024-03-05"]
    assert store.speaker(str(profile.entity.id)).entity.name == "Ann Lee"
    assert store.speaker("moss").entity.name == "Cy Moss"
    with pytest.raises(NotFound, match="quoth speakers"):
        store.speaker("Nobody Atall")


def test_store_disputes_by_party(store: Store) -> None:
    assert store.disputes().total == 4
    page = store.disputes("Cy Moss")
    (dispute,) = page.items
    assert (dispute.by.speaker, dispute.cue, dispute.target.content, dispute.target_entity) == \
        ("Bob Ray", "rejects", "Taxes will not rise this year.", "Cy Moss")
    assert store.disputes("Bob Ray").total == 4 and store.disputes("Nobody").total == 0


def test_store_articles_entities_stats(store: Store) -> None:
    assert [a.id for a in store.articles(limit=2, offset=1).items] == ["art-2", "art-3"]
    assert store.articles().items[0].attributions == 2
    assert store.search_articles("taxes").items[0].id == "art-3"
    entities = store.entities(name="lee")
    assert [e.name for e in entities.items] == ["Ann Lee"] and entities.items[0].articles == 3
    assert store.entity(entities.items[0].id).statements == 3
    with pytest.raises(NotFound):
        store.entity(9999)
    stats = store.stats()
    assert (stats["articles"], stats["attributions"], stats["speakers"], stats["disputes"]) == (4, 8, 3, 4)
    assert stats["attributions_by_kind"] == {"direct": 4, "indirect": 4, "mixed": 0}


def test_store_results_serialise_to_plain_json(store: Store) -> None:
    import json

    for result in (store.search("bridge"), store.speakers(), store.speaker("Ann"), store.disputes(),
                   store.articles(), store.entities(), store.failures()):
        json.dumps(result.to_dict())


def test_store_disputes_kind_unnamed_party_and_claim_text(tmp_path: Path) -> None:
    from quoth.model import Dispute, Span

    doc = article(9)
    rej = doc.text.index("rejects")
    claim = doc.attributions[0].content
    doc.disputes = [Dispute(by="a2", cue=Span("rejects", ((rej, rej + 7),)), kind="denial",
                            target_text=claim, confidence=0.6)]
    with Store(tmp_path / "kinds.db") as kinds:
        kinds.add_article(doc)
        kinds.add_article(article(10))  # a rejection of Ann Lee's statement
        (denial,) = kinds.disputes(kind="denial").items
        assert (denial.kind, denial.target_entity, denial.target_text, denial.confidence) == \
            ("denial", None, claim.text, 0.6)
        assert [d.kind for d in kinds.disputes(unnamed=True).items] == ["denial"]
        assert [d.target_entity for d in kinds.disputes(kind="rejection").items] == ["Ann Lee"]
        with pytest.raises(StoreError):
            kinds.disputes(kind="insult")
