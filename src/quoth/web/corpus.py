"""A thin adapter from the web shell to ``quoth.store``: one store connection per worker thread, pages as dicts.

``quoth.store.Store`` does every query; this module only opens it (read-only unless writes are allowed),
turns its ``Page`` records into plain dicts with a total, and splits a speaker's disputes by direction.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

from ..model import Article
from .errors import NotFound, ReadOnly

# Disputes read for one speaker page (both directions together).
SPEAKER_DISPUTES_MAX = 200


class NoStore(NotFound):
    """The server was started without a database."""


Listing = tuple[list[dict[str, Any]], int]


class Corpus:
    """The stored corpus behind the API and pages."""

    def __init__(self, db_path: Path | None, allow_write: bool = False) -> None:
        self.db_path = db_path
        self.allow_write = allow_write
        self._local = threading.local()

    def store(self) -> Any:
        """This thread's ``quoth.store.Store`` (read-only unless the server allows writes)."""
        if self.db_path is None:
            raise NoStore("no database: start the server with `quoth serve --db FILE` to browse a corpus")
        store = getattr(self._local, "store", None)
        if store is None:
            from ..store import Store

            store = self._local.store = Store(self.db_path, read_only=not self.allow_write)
        return store

    def add(self, article: Article) -> str:
        """Store one extracted article; returns the store's outcome ("added", "skipped", ...)."""
        if not self.allow_write:
            raise ReadOnly("this server is read-only; restart it with --allow-write to store articles")
        return str(self.store().add_article(article))

    def article(self, article_id: str) -> Article:
        return self.store().article(article_id)

    def articles(self, offset: int, limit: int) -> Listing:
        return _listing(self.store().articles(limit=limit, offset=offset))

    def attributions(self, filters: dict[str, Any], offset: int, limit: int) -> Listing:
        """Attributions matching ``filters`` (q, speaker, kind, types, since, until), statements first."""
        page = self.store().search(filters.get("q") or "", speaker=filters.get("speaker"), kind=filters.get("kind"),
                                   since=_iso(filters.get("since")), until=_iso(filters.get("until")),
                                   limit=limit, offset=offset, types=filters.get("types") or None)
        return _listing(page)

    def entities(self, offset: int, limit: int) -> Listing:
        """Speakers (entities with statements), most quoted first."""
        return _listing(self.store().speakers(limit=limit, offset=offset))

    def entity(self, name_or_id: str) -> dict[str, Any]:
        """An entity by id or name, with the names articles gave it and its disputes in both directions."""
        return self.speaker(name_or_id, 0, 1)[0]

    def speaker(self, name_or_id: str, offset: int, limit: int) -> tuple[dict[str, Any], Listing]:
        """An entity's profile (as ``entity``) and one page of its statements, oldest first."""
        profile = self.store().speaker(name_or_id, limit=limit, offset=offset)
        found = profile.entity.to_dict()
        made, received = self.disputes_of(found["id"], found["name"])
        details = {**found, "names": list(profile.names), "disputes": made, "disputed_by": received}
        return details, _listing(profile.statements)

    def disputes_of(self, entity_id: int, name: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Disputes this entity makes, and disputes against it or its statements."""
        page = self.store().disputes(name, limit=SPEAKER_DISPUTES_MAX, offset=0)
        made, received = [], []
        for record in page.items:
            item = dispute_dict(record)
            if item["by_speaker_id"] == entity_id:
                made.append(item)
            if entity_id in (item["target_speaker_id"], record.target_entity_id):
                received.append(item)
        return made, received

    def disputes(self, name: str | None, offset: int, limit: int, kind: str | None = None,
                 unnamed: bool = False) -> Listing:
        page = self.store().disputes(name, limit=limit, offset=offset, kind=kind, unnamed=unnamed)
        return [dispute_dict(r) for r in page.items], page.total


def dispute_dict(record: Any) -> dict[str, Any]:
    """A stored dispute with the disputing and disputed speakers pulled up for lists and the graph."""
    item = record.to_dict()
    target = record.target
    item["by_speaker"] = record.by.speaker or record.by.source
    item["by_speaker_id"] = record.by.speaker_id
    # The party is the dispute's target entity; a target statement's speaker only stands in when it is named.
    item["target_speaker"] = record.target_entity or (target.speaker if target else None)
    item["target_speaker_id"] = record.target_entity_id or (target.speaker_id if target else None)
    item["target_unnamed"] = item["target_speaker"] is None
    return item


def _listing(page: Any) -> Listing:
    return [item.to_dict() for item in page.items], page.total


def _iso(value: date | str | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value
