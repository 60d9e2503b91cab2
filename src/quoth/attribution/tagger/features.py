"""The tagger's token features, shared by training (scripts/train.py) and extraction.

One sequence per paragraph; each token is described by its word, tags, parse neighbourhood, its position
relative to quotation marks and to cue-lexicon words. Changing anything here means retraining
(`make train`): the shipped CRF weights name these features.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from spacy.tokens import Doc

from ...docindex import doc_text
from ...lexicon import is_cue_noun, is_reporting_verb
from ...quotes import CLOSERS, OPENERS, STRAIGHT, Quote, pair_quotes, quoted_mask
from ..paragraphs import Paragraph
from ..tokens import TokenArrays, map_distinct

# How far up the parse tree a token looks for a cue word. Deeper paths are rare in news sentences.
MAX_ANCESTOR_DEPTH = 8
_QUOTE_CHARS = set(OPENERS) | CLOSERS | {STRAIGHT, "‘", "’", "'"}


def _shape(text: str) -> str:
    if text.isupper() and len(text) > 1:
        return "UP"
    if text[:1].isupper():
        return "Cap"
    if text.isdigit():
        return "D"
    if text.isalpha():
        return "low"
    return "oth"


class DocFeatures:
    """The tagger's feature strings for every token of a Doc, built over its ``TokenArrays``.

    The per-token attributes are the arrays' (read from spaCy once, no ``Token``/``Span`` objects); ``quotes``
    and ``quoted_mask`` are set only when the arrays are built here. The feature strings are then built a column
    at a time for the whole Doc
    (``features``), each distinct word's strings once; they are exactly those of the original token-walking code.
    """

    def __init__(self, doc: Doc, quotes: list[Quote] | None = None, tokens: TokenArrays | None = None) -> None:
        self.doc = doc
        if tokens is None:
            full_text = doc_text(doc)
            self.quotes = quotes if quotes is not None else pair_quotes(full_text)
            self.quoted_mask = quoted_mask(full_text, self.quotes)
            tokens = TokenArrays(doc, self.quoted_mask)
        self.tokens = t = tokens
        self.text, self.lower, self.pos, self.tag, self.dep, self.ent = t.words, t.lower, t.pos, t.tag, t.dep, t.ent
        self.head, self.in_quote, self.lemma = t.head, t.in_quote, t.lemma
        # A cue word, for the features only (the shipped CRF weights name them: a change means retraining); the
        # rules ask ``TokenArrays.is_speech_verb``.
        self.cue_word = [
            (p in ("VERB", "AUX") and is_reporting_verb(lm)) or (p == "NOUN" and is_cue_noun(lm))
            for p, lm in zip(t.pos, t.lemma)
        ]
        self.sent_of, self.sent_root, self.sent_bounds = t.sent_of, t.sent_root, t.sent_bounds
        self._cue_before, self._cue_after = _nearest_marked(self.cue_word)
        self.sent_has_quote = [any(t.in_quote[s_start:s_end]) for s_start, s_end in t.sent_bounds]
        self.sent_has_cue = [any(self.cue_word[s_start:s_end]) for s_start, s_end in t.sent_bounds]

    @cached_property
    def features(self) -> list[list[str]]:
        """Every token's feature strings, by token index (shared lists: callers must not modify them)."""
        return [
            ["b", *own, *mark, *cue, *edge, *anc, *root, *near, w1, *pq1, w2, *pq2, w3, *pq3, w4, *pq4]
            for own, mark, cue, edge, anc, root, near, w1, pq1, w2, pq2, w3, pq3, w4, pq4 in zip(
                self._own_columns(), self._marks(), self._cue_features(), self._sentence_edges(),
                map(self._ancestor_features, range(len(self.text))), self._root_features(),
                self._cue_positions(), *self._neighbours(-2), *self._neighbours(-1), *self._neighbours(1),
                *self._neighbours(2),
            )
        ]

    def token_features(self, i: int) -> list[str]:
        """The feature strings of token i."""
        return list(self.features[i])

    def _own_columns(self) -> Iterator[tuple[str, ...]]:
        """Per token: the features of the token alone and of its sentence, from "w=" to "suf=", in order."""
        pos, lem, head = self.pos, self.lemma, self.head
        sq = [f"sq={int(x)}" for x in self.sent_has_quote]
        sc = [f"sc={int(x)}" for x in self.sent_has_cue]
        return zip(
            [f"w={w}" for w in self.lower],
            [f"sh={s}" for s in map_distinct(_shape, self.text)],
            [f"p={p}" for p in pos],
            [f"t={t}" for t in self.tag],
            [f"d={d}" for d in self.dep],
            [f"hd={d}|{pos[h]}" for d, h in zip(self.dep, head)],
            [f"hl={lem[h]}" for h in head],
            [f"q={q}" for q in self.in_quote],
            [f"e={e}" for e in self.ent],
            [sq[s] for s in self.sent_of],
            [sc[s] for s in self.sent_of],
            [f"suf={w[-3:]}" for w in self.lower],
        )

    def _marks(self) -> list[tuple[str, ...]]:
        """"qm" for a token that is a quotation mark."""
        return [("qm",) if t in _QUOTE_CHARS else () for t in self.text]

    def _cue_features(self) -> list[tuple[str, ...]]:
        """"cue=lemma|dep" for a cue word."""
        return [(f"cue={lm}|{d}",) if c else () for c, lm, d in zip(self.cue_word, self.lemma, self.dep)]

    def _sentence_edges(self) -> list[tuple[str, ...]]:
        """"sb" on a sentence's first token, "se" on its last."""
        out: list[tuple[str, ...]] = [()] * len(self.text)
        for s_start, s_end in self.sent_bounds:
            out[s_end - 1] = ("se",)
            out[s_start] = ("sb", "se") if s_end - s_start == 1 else ("sb",)
        return out

    def _ancestor_features(self, i: int) -> list[str]:
        """The first cue-word ancestor and the first verb ancestor, with the dependency leading to each.

        Mirrors the original walk over ``Token.head``, which took at most MAX_ANCESTOR_DEPTH steps and, at the
        root (its own head), kept revisiting the root; a revisit adds nothing, so the walk stops there.
        """
        head, pos, dep, lem, cue_word = self.head, self.pos, self.dep, self.lemma, self.cue_word
        feats: list[str] = []
        child, node, depth = i, head[i], 0
        found_cue = found_verb = False
        while depth < MAX_ANCESTOR_DEPTH:
            if not found_verb and pos[node] in ("VERB", "AUX"):
                feats.append(f"va={lem[node]}")
                feats.append(f"vd={dep[child]}")
                found_verb = True
            if not found_cue and cue_word[node]:
                feats.append(f"ca={lem[node]}")
                feats.append(f"cd={dep[child]}")
                feats.append(f"cad={min(depth, 3)}")
                found_cue = True
            if (found_cue and found_verb) or node == child:
                break
            child, node, depth = node, head[node], depth + 1
        if not found_cue:
            feats.append("ca=none")
        return feats

    def _root_features(self) -> list[tuple[str, ...]]:
        """Per token: which branch of its sentence root it hangs in, and what the root is."""
        head, dep, lem = self.head, self.dep, self.lemma
        out: list[tuple[str, ...]] = []
        for (s_start, s_end), root in zip(self.sent_bounds, self.sent_root):
            for i in range(s_start, s_end):
                if i == root:
                    out.append((f"rt={lem[root]}",))
                    continue
                child = i
                while head[child] != root and head[child] != child:
                    child = head[child]
                d = dep[child]
                out.append((f"rb={d}", f"rbl={lem[root]}|{d}", f"rside={int(i < root)}"))
        return out

    def _cue_positions(self) -> list[tuple[str, ...]]:
        """Per token: whether a cue word lies before (≤ 12 tokens) or after (≤ 11) it in its sentence, bucketed."""
        before, after = self._cue_before, self._cue_after
        out: list[tuple[str, ...]] = []
        for s_start, s_end in self.sent_bounds:
            for i in range(s_start, s_end):
                j, k = before[i], after[i]
                found_before, found_after = j >= max(s_start, i - 12), k < min(s_end, i + 12)
                if found_before and found_after:
                    out.append((_CUE_BEFORE[min(i - j, 5)], _CUE_AFTER[min(k - i, 5)]))
                elif found_before or found_after:
                    out.append((_CUE_BEFORE[min(i - j, 5)],) if found_before else (_CUE_AFTER[min(k - i, 5)],))
                else:
                    out.append(())
        return out

    def _neighbours(self, off: int) -> tuple[list[str], list[tuple[str, ...]]]:
        """Per token: the word of the token ``off`` away (``{off}w=<s>`` past its sentence) and that token's POS
        and quote flag (nothing past its sentence), as two columns."""
        word_of = {w: f"{off}w={w}" for w in set(self.lower)}
        pos_quote_of = {p: [(f"{off}p={p}", f"{off}q={q}") for q in range(3)] for p in set(self.pos)}
        words = [word_of[w] for w in self.lower]
        pos_quotes = [pos_quote_of[p][q] for p, q in zip(self.pos, self.in_quote)]
        out_words = [f"{off}w=<s>"] * len(words)
        out_pos_quotes: list[tuple[str, ...]] = [()] * len(words)
        for s_start, s_end in self.sent_bounds:
            if s_end - s_start > abs(off):
                lo, hi = (s_start - off, s_end) if off < 0 else (s_start, s_end - off)
                out_words[lo:hi] = words[lo + off:hi + off]
                out_pos_quotes[lo:hi] = pos_quotes[lo + off:hi + off]
        return out_words, out_pos_quotes


_CUE_BEFORE = [f"cb={k}" for k in range(6)]
_CUE_AFTER = [f"cf={k}" for k in range(6)]


def _nearest_marked(marked: list[bool]) -> tuple[list[int], list[int]]:
    """For each position, the nearest marked position strictly before (-1 if none) and after (n if none)."""
    n = len(marked)
    before, after = [-1] * n, [n] * n
    last = -1
    for k in range(n):
        before[k] = last
        if marked[k]:
            last = k
    last = n
    for k in range(n - 1, -1, -1):
        after[k] = last
        if marked[k]:
            last = k
    return before, after


def paragraph_features(feats: DocFeatures, para: Paragraph) -> list[list[str]]:
    """Feature lists for every token of one paragraph (shared with ``feats``: do not modify them)."""
    return feats.features[para.start:para.end]
