"""A model shipped in ``quoth/resources`` that a block of code may swap or turn off.

``ShippedModel(name, resource, parse)`` reads ``resources/<resource>`` once, on first use, with ``parse`` (None when
the file is absent). ``current()`` is the model in force; ``using(path)`` swaps in the model at ``path`` for the
current thread or task (a ``ContextVar``), and ``using(None)`` turns it off: how the training scripts measure a
learned step without it, and how tests pin a model. Extraction in other processes (Dask workers) keeps the shipped
file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from importlib import resources
from pathlib import Path
from typing import Generic, TypeVar

M = TypeVar("M")
UNSET = object()  # "no model given": use the one in force


class ShippedModel(Generic[M]):
    """The shipped model ``resource``, parsed by ``parse``, swappable per context."""

    def __init__(self, name: str, resource: str, parse: Callable[[str], M]) -> None:
        self.resource = resource
        self._parse = parse
        self._loaded: object = UNSET
        self._swapped: ContextVar[object] = ContextVar(name, default=UNSET)

    def shipped(self) -> M | None:
        """The model in ``resources/<resource>``, or None when the file is absent (read once)."""
        if self._loaded is UNSET:
            path = resources.files("quoth") / "resources" / self.resource
            self._loaded = self._parse(path.read_text(encoding="utf-8")) if path.is_file() else None
        return self._loaded  # type: ignore[return-value]

    def current(self) -> M | None:
        """The model in force: the one ``using`` set, else the shipped one."""
        swapped = self._swapped.get()
        return self.shipped() if swapped is UNSET else swapped  # type: ignore[return-value]

    @contextmanager
    def using(self, path: Path | str | None) -> Iterator[None]:
        """Within the block, the model at ``path``, or none at all when ``path`` is None."""
        model = None if path is None else self._parse(Path(path).read_text(encoding="utf-8"))
        token = self._swapped.set(model)
        try:
            yield
        finally:
            self._swapped.reset(token)
