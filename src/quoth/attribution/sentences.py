"""One attribution per quoted sentence: the last step of ``QuothComponent.find``, after speakers and disputes.

``link.merge_split_quotes`` makes one discontinuous content of the pieces around a shared cue, across a sentence
break too (`"A," she said. "B."`): PolNeAR's gold makes one attribution of them, and speakers, types and disputes
read the whole statement. A journalist, and the Gender Gap Tracker's annotators, count two quotes there. So once
everything is resolved, such an attribution is split at every sentence break that lies between two of its pieces
with the cue between them: each piece becomes an attribution with the same cue, source, speaker, type and
confidence, its own kind; nested attributions and disputes point to the piece that holds them. Within one sentence
(`"A," she said, "and B."`) and across paragraphs (a quote running on) the pieces stay one attribution.

Measured (2026-12-07): ggt-dev statements F1@30 0.799 -> 0.845, F1@80 0.772 -> 0.820 (`quoth eval ggt
../shared/data/ggt-dev`). The PolNeAR scorer joins the pieces back as its gold does
(``quoth.evaluate.polnear.join_cue_pieces``), so `quoth eval polnear` is unchanged.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ..docindex import doc_text
from ..model import Attribution, Dispute, Offsets, Span
from ..quotes import quoted_mask
from .draft import token_at
from .finish import kind_of


def split_at_sentences(doc: Doc, attributions: list[Attribution],
                       disputes: list[Dispute]) -> tuple[list[Attribution], list[Dispute]]:
    """``attributions`` with each one split at the sentence breaks between its pieces around its cue, ids
    ``a1``… again in order, parents and ``disputes`` remapped; unchanged when nothing splits."""
    text = doc_text(doc)
    groups = {a.id: _groups(doc, a) for a in attributions}
    if all(len(g) == 1 for g in groups.values()):
        return attributions, disputes
    mask = quoted_mask(text)
    pieces: list[tuple[Attribution, str]] = []  # (piece, the id of the attribution it comes from)
    for att in attributions:
        if len(groups[att.id]) == 1:
            pieces.append((att, att.id))
            continue
        for group in groups[att.id]:
            content = Span.from_offsets(text, group)
            pieces.append((replace(att, content=content, kind=kind_of(text, list(group), mask)), att.id))
    pieces.sort(key=lambda p: (p[0].content.start, -p[0].content.end))
    new_id = {id(piece): f"a{n}" for n, (piece, _) in enumerate(pieces, 1)}
    by_old: dict[str, list[Attribution]] = {}
    for piece, old in pieces:
        by_old.setdefault(old, []).append(piece)

    def remap(old: str | None, at: int | None = None, words: frozenset[str] = frozenset()) -> str | None:
        """The piece of ``old`` holding character ``at``, else the one sharing most ``words``, else the last
        (the one nearest a dispute that answers it)."""
        if old is None or old not in by_old:
            return None
        candidates = by_old[old]
        chosen = next((c for c in candidates if at is not None and _holds(c.content, at)), None)
        if chosen is None:
            chosen = max(reversed(candidates), key=lambda c: len(words & _words(c.content.text)))
        return new_id[id(chosen)]

    out = [replace(piece, id=new_id[id(piece)], parent=remap(piece.parent, piece.content.start))
           for piece, _ in pieces]
    text_of = {a.id: a.content.text for a in attributions}
    moved = [replace(d, by=remap(d.by, d.cue.start) or d.by,
                     target_attribution=remap(d.target_attribution, words=_dispute_words(d, text_of)))
             for d in disputes]
    return out, moved


def _words(text: str) -> frozenset[str]:
    """The longer words of ``text``, lower-cased (what a disputed piece and its dispute share)."""
    return frozenset(w for w in re.findall(r"\w+", text.lower()) if len(w) > 3)


def _dispute_words(dispute: Dispute, text_of: dict[str, str]) -> frozenset[str]:
    """The words of the disputing statement and of the claim stated in it: the disputed piece shares most."""
    stated = dispute.target_text.text if dispute.target_text else ""
    return _words(text_of.get(dispute.by, "") + " " + stated)


def _holds(span: Span, char: int) -> bool:
    return any(s <= char < e for s, e in span.spans)


def _groups(doc: Doc, att: Attribution) -> list[tuple[Offsets, ...]]:
    """The attribution's content pieces, grouped: a new group starts after a sentence break that lies between two
    pieces with the cue between them."""
    spans = att.content.spans
    if len(spans) < 2 or att.cue is None or not doc.has_annotation("SENT_START"):
        return [spans]
    text = doc_text(doc)
    cue_s, cue_e = att.cue.spans[0][0], att.cue.spans[-1][1]
    groups: list[list[Offsets]] = [[spans[0]]]
    for before, after in zip(spans, spans[1:]):
        gap_s, gap_e = before[1], after[0]
        if (gap_s <= cue_s and cue_e <= gap_e and "\n" not in text[gap_s:gap_e]
                and _sentence_breaks(doc, gap_s, gap_e)):
            groups.append([after])
        else:
            groups[-1].append(after)
    return [tuple(g) for g in groups]


def _sentence_breaks(doc: Doc, start: int, end: int) -> bool:
    """Whether the sentence holding character ``start - 1`` ends before character ``end``."""
    before = doc[token_at(doc, max(start - 1, 0), right=True)]
    after = doc[token_at(doc, end)]
    return before.sent.start != after.sent.start


__all__ = ["split_at_sentences"]
