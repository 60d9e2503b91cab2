"""Reading PolNeAR's brat standoff annotations: one gold article per text, attributions as offsets.

A PolNeAR split directory holds ``attributions/<article>_<annotator>.ann`` and ``text/<article>.txt``. Some
articles were annotated by several people; the alphabetically first ``.ann`` file is the one used. Texts are
decoded as UTF-8 exactly as stored (a byte-order mark stays, as one character) because brat's offsets count it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import QuothError
from ..model import Offsets

# Event roles whose text-bound spans make up each part of an attribution ("Content2" is a second piece).
CONTENT_ROLE = re.compile(r"^Content\d*$")
CUE_ROLE = re.compile(r"^Cue\d*$")
SOURCE_ROLE = re.compile(r"^Source\d*$")
_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
_EVENT = re.compile(r"^(E\d+)\t(.*)$")
_OTHER_ANNOTATION = re.compile(r"^[TERANM#*]\d*\t")


class BratError(QuothError):
    """Brat data could not be read, or its offsets do not match its text."""


@dataclass(frozen=True)
class TextBound:
    """One ``T`` line: a typed, possibly discontinuous span and the text brat recorded for it."""

    id: str
    type: str
    spans: tuple[Offsets, ...]
    text: str


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution (a brat event with a Content span); ``no_source`` for ``Attribution-no-source``."""

    id: str
    content: tuple[Offsets, ...]
    cue: tuple[Offsets, ...] = ()
    source: tuple[Offsets, ...] = ()
    no_source: bool = False


@dataclass
class GoldArticle:
    """A text and its gold attributions, with the files they came from."""

    id: str
    text: str
    attributions: list[GoldAttribution]
    ann_path: Path
    text_path: Path
    text_bounds: dict[str, TextBound] = field(default_factory=dict, repr=False)


def parse_offsets(raw: str) -> tuple[Offsets, ...]:
    """``"3 7;9 12"`` → ``((3, 7), (9, 12))``."""
    pieces = (piece.split() for piece in raw.split(";"))
    return tuple((int(s), int(e)) for s, e in pieces)


def parse_ann(raw: str) -> tuple[dict[str, TextBound], list[GoldAttribution]]:
    """Parse the text of one ``.ann`` file into its text-bound spans and its gold attributions.

    A ``T`` line whose text holds a newline continues on the next lines; those are joined back. Events without
    a Content role are dropped (PolNeAR has a few). Raises BratError on an event naming an unknown ``T``.
    """
    bounds: dict[str, TextBound] = {}
    events: list[tuple[str, str]] = []
    last: TextBound | None = None
    for line in raw.split("\n"):
        match = _TEXT_BOUND.match(line)
        if match:
            tid, kind, offsets, text = match.groups()
            last = bounds[tid] = TextBound(tid, kind, parse_offsets(offsets), text)
        elif _EVENT.match(line):
            events.append(tuple(line.split("\t", 1)))  # type: ignore[arg-type]
            last = None
        elif last is not None and not _OTHER_ANNOTATION.match(line):
            last = bounds[last.id] = TextBound(last.id, last.type, last.spans, f"{last.text}\n{line}")
        else:
            last = None
    golds = [_build_event(eid, body, bounds) for eid, body in events]
    return bounds, [g for g in golds if g is not None]


def _build_event(eid: str, body: str, bounds: dict[str, TextBound]) -> GoldAttribution | None:
    """One ``E`` line → a GoldAttribution, or None when it has no Content."""
    roles: dict[str, list[Offsets]] = {"content": [], "cue": [], "source": []}
    no_source = False
    for arg in body.split():
        role, _, tid = arg.partition(":")
        if tid not in bounds:
            raise BratError(f"event {eid} names {tid!r}, which has no T line; is the .ann file truncated?")
        if role.startswith("Attribution"):
            no_source = role == "Attribution-no-source"
        for name, pattern in (("content", CONTENT_ROLE), ("cue", CUE_ROLE), ("source", SOURCE_ROLE)):
            if pattern.match(role):
                roles[name].extend(bounds[tid].spans)
    if not roles["content"]:
        return None
    return GoldAttribution(
        id=eid,
        content=tuple(sorted(roles["content"])),
        cue=tuple(sorted(roles["cue"])),
        source=tuple(sorted(roles["source"])),
        no_source=no_source,
    )


def article_name(ann_path: Path) -> str:
    """``attributions/<article>_<annotator>.ann`` → ``<article>``."""
    return ann_path.stem.rsplit("_", 1)[0]


def select_ann_files(directory: Path | str) -> dict[str, Path]:
    """The alphabetically first ``.ann`` file for each article of a split directory, by article name.

    Raises BratError when the directory does not look like a PolNeAR split.
    """
    root = Path(directory)
    ann_dir = root / "attributions"
    if not ann_dir.is_dir() or not (root / "text").is_dir():
        raise BratError(f"{root} has no attributions/ and text/ folders; pass a PolNeAR split such as data/dev")
    chosen: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        chosen.setdefault(article_name(path), path)
    return chosen


def read_text(path: Path) -> str:
    """A text file decoded as UTF-8 with nothing moved: no BOM stripping, no newline translation."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BratError(f"{path} is not valid UTF-8 (at byte {exc.start})") from exc


def data_files(directory: Path | str) -> list[Path]:
    """Every file the evaluation reads from a split: the chosen ``.ann`` files and their texts, sorted."""
    root = Path(directory)
    files: list[Path] = []
    for name, ann in sorted(select_ann_files(root).items()):
        files.extend([ann, root / "text" / f"{name}.txt"])
    return files


def dataset_sha256(directory: Path | str) -> str:
    """A sha256 over the sorted names (relative to the split) and bytes of the files ``data_files`` lists."""
    root = Path(directory)
    digest = hashlib.sha256()
    for path in sorted(data_files(root), key=lambda p: p.relative_to(root).as_posix()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def read_article(ann_path: Path, text_path: Path) -> GoldArticle:
    """Read one article's ``.ann`` and ``.txt``. Raises BratError when the text is missing."""
    if not text_path.is_file():
        raise BratError(f"{ann_path.name} has no text file {text_path}")
    bounds, golds = parse_ann(ann_path.read_bytes().decode("utf-8"))
    return GoldArticle(article_name(ann_path), read_text(text_path), golds, ann_path, text_path, bounds)


def offset_mismatches(article: GoldArticle) -> list[str]:
    """Descriptions of the text-bound spans whose recorded text differs from the text at their offsets."""
    problems = []
    for bound in article.text_bounds.values():
        found = " ".join(article.text[s:e] for s, e in bound.spans)
        # A blank line after a T line reads as a continuation; brat never records a trailing newline.
        if found.rstrip("\n") != bound.text.rstrip("\n"):
            problems.append(f"{article.ann_path.name} {bound.id} {bound.spans}: {bound.text!r} != {found!r}")
    return problems


def read_split(directory: Path | str, limit: int | None = None, verify: bool = True) -> list[GoldArticle]:
    """Read a PolNeAR split (e.g. ``data/dev``): one GoldArticle per article, sorted by name.

    ``limit`` keeps the first N articles. With ``verify`` every span's recorded text is checked against the text
    at its offsets; raises BratError naming the first mismatch.
    """
    root = Path(directory)
    chosen = sorted(select_ann_files(root).items())[: limit if limit is not None else None]
    articles = [read_article(ann, root / "text" / f"{name}.txt") for name, ann in chosen]
    if verify:
        problems = [p for article in articles for p in offset_mismatches(article)]
        if problems:
            raise BratError(f"{len(problems)} span(s) do not match their text, first: {problems[0]}")
    return articles
