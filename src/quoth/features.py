"""Token features for the attribution tagger, shared by training (scripts/train.py) and extraction.

One sequence per paragraph; each token is described by its word, tags, parse neighbourhood, its position
relative to quotation marks and to cue-lexicon words. Changing anything here means retraining
(`make train`): the shipped CRF weights name these features.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_SPACE, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc

from .cues import CUE_NOUNS, SPEECH_VERBS, lemma
from .docindex import doc_text, sentences
from .quotes import CLOSERS, OPENERS, STRAIGHT, Quote, pair_quotes, quoted_mask

# How far up the parse tree a token looks for a cue word. Deeper paths are rare in news sentences.
MAX_ANCESTOR_DEPTH = 8
_QUOTE_CHARS = set(OPENERS) | CLOSERS | {STRAIGHT, "‘", "’", "'"}
_READ = [ORTH, LOWER, POS, TAG, DEP, ENT_TYPE, IDX]
_NEWLINE = re.compile("\n")


@dataclass
class Paragraph:
    """A run of tokens between line breaks: the tagger's unit."""

    start: int  # token index
    end: int  # token index, exclusive


def split_paragraphs(doc: Doc) -> list[Paragraph]:
    """Paragraphs as token ranges: a token holding a newline (in its text or trailing space) ends one."""
    if not len(doc):
        return []
    arrays = doc.to_array([IDX, IS_SPACE]).astype("int64")
    starts, space = arrays[:, 0], arrays[:, 1].astype(bool)
    newlines = [m.start() for m in _NEWLINE.finditer(doc_text(doc))]
    breaks = sorted(set((numpy.searchsorted(starts, newlines, side="right") - 1).tolist())) if newlines else []
    paras: list[Paragraph] = []
    start = 0
    for i in breaks:
        end = i if space[i] else i + 1
        if end > start:
            paras.append(Paragraph(start, end))
        start = i + 1
    if start < len(doc):
        paras.append(Paragraph(start, len(doc)))
    return [p for p in paras if not space[p.start:p.end].all()]


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
    """Precomputed per-document facts (quotes, sentences, cue words) used to describe each token.

    Every per-token attribute the features need is read from spaCy once, here, into plain lists; building a
    token's features is then list lookups and string formatting (no ``Token``/``Span`` objects, no repeated
    ``lemma`` calls). The feature strings are exactly those of the original token-walking code.
    """

    def __init__(self, doc: Doc, quotes: list[Quote] | None = None) -> None:
        self.doc = doc
        full_text = doc_text(doc)
        self.quotes = quotes if quotes is not None else pair_quotes(full_text)
        # Per character: 1 inside a quote, 2 on a quotation mark (``attribution`` reuses it for kinds).
        self.quoted_mask = mask = quoted_mask(full_text, self.quotes)
        n_mask = len(mask)
        text: list[str] = []
        lower: list[str] = []
        pos: list[str] = []
        tag: list[str] = []
        dep: list[str] = []
        # HEAD is stored relative to the token; reading it as an array avoids a Token object per head.
        # (unsigned in the array: a head to the left wraps round, hence the cast to int64).
        head = [i + rel for i, rel in enumerate(doc.to_array(HEAD).astype("int64").tolist())]
        ent: list[str] = []
        in_quote: list[int] = []
        # Token strings through the StringStore from one array read, not a Token object per attribute.
        strings = doc.vocab.strings
        name: dict[int, str] = {0: ""}
        for orth, low, p, tg, dp, et, idx in doc.to_array(_READ).tolist():
            text.append(name[orth] if orth in name else name.setdefault(orth, strings[orth]))
            lower.append(name[low] if low in name else name.setdefault(low, strings[low]))
            pos.append(name[p] if p in name else name.setdefault(p, strings[p]))
            tag.append(name[tg] if tg in name else name.setdefault(tg, strings[tg]))
            dep.append(name[dp] if dp in name else name.setdefault(dp, strings[dp]))
            ent.append((name[et] if et in name else name.setdefault(et, strings[et])) or "-")
            in_quote.append(mask[idx] if idx < n_mask else 0)
        lemmas: dict[str, str] = {}
        lem = [lemmas.get(w) or lemmas.setdefault(w, lemma(w)) for w in text]
        self.text, self.lower, self.pos, self.tag, self.dep, self.head = text, lower, pos, tag, dep, head
        self.lemma = lem
        self.in_quote = in_quote
        self.cue_word = [
            (p in ("VERB", "AUX") and lm in SPEECH_VERBS) or (p == "NOUN" and lm in CUE_NOUNS)
            for p, lm in zip(pos, lem)
        ]
        # Parts of a token's features that depend on the token alone.
        self._own = [
            [
                "b", f"w={low}", f"sh={_shape(tx)}", f"p={p}", f"t={tg}", f"d={dp}",
                f"hd={dp}|{pos[h]}", f"hl={lem[h]}", f"q={q}", f"e={e}",
            ]
            for low, tx, p, tg, dp, h, q, e in zip(lower, text, pos, tag, dep, head, in_quote, ent)
        ]
        # The nearest cue word strictly before / after each token (-1 / n when there is none).
        n_tok = len(doc)
        self._cue_before = before = [-1] * n_tok
        self._cue_after = after = [n_tok] * n_tok
        last = -1
        for k in range(n_tok):
            before[k] = last
            if self.cue_word[k]:
                last = k
        last = n_tok
        for k in range(n_tok - 1, -1, -1):
            after[k] = last
            if self.cue_word[k]:
                last = k
        sents = sentences(doc)
        self.sent_of: list[int] = sents.of
        self.sent_root: list[int] = sents.root
        self.sent_bounds: list[tuple[int, int]] = sents.bounds
        self.sent_has_quote = [any(in_quote[s_start:s_end]) for s_start, s_end in sents.bounds]
        self.sent_has_cue = [any(self.cue_word[s_start:s_end]) for s_start, s_end in sents.bounds]

    def token_features(self, i: int) -> list[str]:
        """The feature strings of token i."""
        lower, pos, in_quote = self.lower, self.pos, self.in_quote
        low = lower[i]
        s = self.sent_of[i]
        s_start, s_end = self.sent_bounds[s]
        f = self._own[i][:]
        f.append(f"sq={int(self.sent_has_quote[s])}")
        f.append(f"sc={int(self.sent_has_cue[s])}")
        f.append(f"suf={low[-3:]}")
        if self.text[i] in _QUOTE_CHARS:
            f.append("qm")
        if self.cue_word[i]:
            f.append(f"cue={self.lemma[i]}|{self.dep[i]}")
        if i == s_start:
            f.append("sb")
        if i == s_end - 1:
            f.append("se")
        self._ancestor_features(i, f)
        self._root_features(i, self.sent_root[s], f)
        self._cue_position(i, s_start, s_end, f)
        for off in (-2, -1, 1, 2):
            j = i + off
            if s_start <= j < s_end:
                f.append(f"{off}w={lower[j]}")
                f.append(f"{off}p={pos[j]}")
                f.append(f"{off}q={in_quote[j]}")
            else:
                f.append(f"{off}w=<s>")
        return f

    def _ancestor_features(self, i: int, feats: list[str]) -> None:
        """The first cue-word ancestor and the first verb ancestor, with the dependency leading to each.

        Mirrors the original walk over ``Token.head``, which took at most MAX_ANCESTOR_DEPTH steps and, at the
        root (its own head), kept revisiting the root; a revisit adds nothing, so the walk stops there.
        """
        head, pos, dep, lem, cue_word = self.head, self.pos, self.dep, self.lemma, self.cue_word
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

    def _root_features(self, i: int, root: int, feats: list[str]) -> None:
        """Which branch of its sentence root the token hangs in, and what the root is."""
        if i == root:
            feats.append(f"rt={self.lemma[root]}")
            return
        head = self.head
        child = i
        while head[child] != root and head[child] != child:
            child = head[child]
        d = self.dep[child]
        feats.append(f"rb={d}")
        feats.append(f"rbl={self.lemma[root]}|{d}")
        feats.append(f"rside={int(i < root)}")

    def _cue_position(self, i: int, s_start: int, s_end: int, feats: list[str]) -> None:
        """Whether a cue word lies before (≤ 12 tokens) or after (≤ 11) this token in its sentence, bucketed."""
        j = self._cue_before[i]
        if j >= max(s_start, i - 12):
            feats.append(f"cb={min(i - j, 5)}")
        j = self._cue_after[i]
        if j < min(s_end, i + 12):
            feats.append(f"cf={min(j - i, 5)}")


def paragraph_features(feats: DocFeatures, para: Paragraph) -> list[list[str]]:
    """Feature lists for every token of one paragraph."""
    return [feats.token_features(i) for i in range(para.start, para.end)]
