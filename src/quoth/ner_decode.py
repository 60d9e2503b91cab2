"""spaCy's greedy NER decoding, done for many short sequences at once with numpy.

spaCy's ``EntityRecognizer`` predicts in two parts: a network computes, once per token, the features a parser
state can look at (``tok2vec`` then the ``lower`` layer, in large matrix products), and a transition loop then
walks each Doc token by token, asking for every state which of the 74 BILUO moves is valid (a C call per move,
and each takes and releases a lock: ~60% of the NER's time on news) and taking the best valid one.

quoth runs the NER on short windows (``quoth.ner_windows``), each a sentence of its own, so no entity crosses a
window and each window starts with no entity open. The windows are then independent sequences, and
``BiluoDecoder`` decodes all windows of a batch in step: step *t* scores the *t*-th token of every window still
running with one matrix product, masks the moves the BILUO rules forbid, and takes the arg-max. It is spaCy's
algorithm with spaCy's weights and spaCy's own BLAS call (``ops.gemm``) for the scores, so the entities are the
same (``tests/test_ner_windows.py`` compares them with the NER's own loop); it needs ~50 steps a batch
instead of one per token.

What it assumes, checked by ``BiluoDecoder.supports`` (else quoth uses the NER's own ``pipe``): greedy search
(``beam_width`` 1), a state of three tokens (the next token, the open entity's first token, the token before the
next; spaCy's ``nF=3`` for NER), maxout hidden units and an output layer (``has_upper``), and no entities preset on
the Doc (quoth's windows carry none).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import IS_SPACE
from spacy.tokens import Doc

ACTIONS = "BILUO"
BEGIN, IN, LAST, UNIT, OUT = range(5)


@dataclass(frozen=True)
class Window:
    """A run of tokens ``[start, end)`` of Doc number ``doc`` that no entity crosses."""

    doc: int
    start: int
    end: int


class BiluoDecoder:
    """Decodes an ``EntityRecognizer``'s BILUO moves over many windows in step; see the module docstring."""

    def __init__(self, ner) -> None:
        model = ner.model
        self.tok2vec, self.lower, self.upper = model.layers
        self.ops = self.upper.ops
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        strings = ner.vocab.strings
        self.action = numpy.array([ACTIONS.index(name[0]) for name in names], dtype=numpy.int8)
        self.label = numpy.array([strings.add(name[2:]) if len(name) > 2 else 0 for name in names], dtype=numpy.uint64)
        unseen = model.attrs.get("unseen_classes") or ()
        self.seen = numpy.ones(len(names), dtype=bool)
        self.seen[list(unseen)] = False
        labelled = self.label != 0
        # Moves by kind, as rows to broadcast against the states: which are B/I/L/U with a label, which is O.
        self.is_begin = (self.action == BEGIN) & labelled
        self.is_in = (self.action == IN) & labelled
        self.is_last = (self.action == LAST) & labelled
        self.is_unit = (self.action == UNIT) & labelled
        self.is_out = self.action == OUT

    @staticmethod
    def supports(ner) -> bool:
        """True if ``ner`` is a greedy BILUO ``EntityRecognizer`` shaped as this decoder expects."""
        try:
            model = ner.model
            lower = model.layers[1]
            names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
            return (
                type(ner.moves).__name__ == "BiluoPushDown"
                and int(ner.cfg.get("beam_width", 1)) == 1
                and bool(model.attrs.get("has_upper"))
                and len(model.layers) == 3
                and lower.get_dim("nF") == 3
                and lower.get_dim("nP") >= 2
                and all(name == "O" or (name[:1] in "BILU" and name[1:2] == "-") for name in names)
            )
        except (AttributeError, IndexError, KeyError, ValueError):
            return False

    def __call__(self, docs: list[Doc], windows: list[Window]) -> list[list[tuple[int, int, int]]]:
        """The entities ``(start, end, label)`` found in each Doc, in Doc token offsets.

        ``windows`` must cover runs of ``docs`` that no entity may cross (sentences), as spaCy's NER would see
        them: an entity never continues past a window's last token."""
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        windows = sorted((w for w in windows if w.end > w.start), key=lambda w: w.start - w.end)  # longest first
        if not windows:
            return found
        offsets = numpy.cumsum([0] + [len(doc) for doc in docs])
        starts = numpy.array([offsets[w.doc] + w.start for w in windows], dtype=numpy.int64)
        lengths = numpy.array([w.end - w.start for w in windows], dtype=numpy.int64)
        owner = numpy.array([w.doc for w in windows], dtype=numpy.int64)
        for doc_ids, ent_starts, ent_ends, labels in self._decode(docs, starts, lengths, owner):
            for d, s, e, lab in zip(doc_ids.tolist(), ent_starts.tolist(), ent_ends.tolist(), labels.tolist()):
                found[d].append((s - int(offsets[d]), e - int(offsets[d]), lab))
        for ents in found:
            ents.sort()
        return found

    def _features(self, docs: list[Doc]) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The network for all tokens of the batch at once: the precomputed state-feature rows
        ``(tokens + 1, nF, nO * nP)`` (row 0 is the padding, token i is row i + 1) and which tokens are spaces."""
        cached = self.lower.predict(self.tok2vec.predict(docs))
        n_rows, n_feats, n_out, n_pieces = cached.shape
        space = numpy.concatenate([doc.to_array([IS_SPACE]).reshape(-1) for doc in docs]).astype(bool)
        return cached.reshape((n_rows, n_feats, n_out * n_pieces)), space

    def _decode(self, docs: list[Doc], starts: numpy.ndarray, lengths: numpy.ndarray,
                owner: numpy.ndarray) -> list[tuple[numpy.ndarray, ...]]:
        """Run the windows (longest first, starting at batch token ``starts``) in step; returns, per step that
        closed entities, their ``(doc, start, end, label)`` arrays in batch token offsets."""
        cached, space = self._features(docs)
        n_pieces = self.lower.get_dim("nP")
        bias = self.lower.get_param("b").reshape(-1)
        weights, out_bias = self.upper.get_param("W"), self.upper.get_param("b")
        is_open = numpy.zeros(len(starts), dtype=bool)
        ent_start = numpy.zeros(len(starts), dtype=numpy.int64)
        ent_label = numpy.zeros(len(starts), dtype=numpy.uint64)
        spans: list[tuple[numpy.ndarray, ...]] = []
        running_after = numpy.searchsorted(-lengths, -numpy.arange(int(lengths[0])), side="left")
        for t, k in enumerate(running_after.tolist()):
            token = starts[:k] + t
            opened = is_open[:k]
            # State features: the next token, the open entity's first token, the token before the next
            # (spaCy's set_context_tokens for nF=3), summed in spaCy's order, then the bias and the maxout.
            hidden = cached[token + 1, 0] + cached[numpy.where(opened, ent_start[:k] + 1, 0), 1]
            hidden += cached[numpy.where(opened, token, 0), 2]
            hidden += bias
            hidden = hidden.reshape((k, -1, n_pieces)).max(axis=2)
            scores = self.ops.gemm(hidden, weights, trans2=True)
            scores += out_bias
            scores[~self._valid(opened, ent_label[:k], lengths[:k] == t + 1, space[token])] = -numpy.inf
            best = scores.argmax(axis=1)
            action, label = self.action[best], self.label[best]
            unit, last, begin = action == UNIT, action == LAST, action == BEGIN
            if unit.any():
                spans.append((owner[:k][unit], token[unit], token[unit] + 1, label[unit]))
            if last.any():
                spans.append((owner[:k][last], ent_start[:k][last], token[last] + 1, ent_label[:k][last]))
            ent_start[:k][begin] = token[begin]
            ent_label[:k][begin] = label[begin]
            is_open[:k] = (opened | begin) & ~last
        return spans

    def _valid(self, opened: numpy.ndarray, label: numpy.ndarray, last_token: numpy.ndarray,
               space: numpy.ndarray) -> numpy.ndarray:
        """Which moves each state may take: spaCy's ``ner.pyx`` rules with no entity preset on the Doc."""
        closed = ~opened[:, None]
        same = label[:, None] == self.label[None, :]
        may_start = closed & ~space[:, None]
        return self.seen[None, :] & (
            (self.is_begin & may_start & ~last_token[:, None])
            | (self.is_in & opened[:, None] & same & ~last_token[:, None])
            | (self.is_last & opened[:, None] & same)
            | (self.is_unit & may_start)
            | (self.is_out & closed)
        )
