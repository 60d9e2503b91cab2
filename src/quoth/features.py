"""Token features for the attribution tagger, shared by training (scripts/train.py) and extraction.

One sequence per paragraph; each token is described by its word, tags, parse neighbourhood, its position
relative to quotation marks and to cue-lexicon words. Changing anything here means retraining
(`make train`): the shipped CRF weights name these features.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .cues import CUE_NOUNS, SPEECH_VERBS, lemma
from .quotes import CLOSERS, OPENERS, STRAIGHT, Quote, pair_quotes, quoted_mask

# How far up the parse tree a token looks for a cue word. Deeper paths are rare in news sentences.
MAX_ANCESTOR_DEPTH = 8
_QUOTE_CHARS = set(OPENERS) | CLOSERS | {STRAIGHT, "‘", "’", "'"}


@dataclass
class Paragraph:
    """A run of tokens between line breaks: the tagger's unit."""

    start: int  # token index
    end: int  # token index, exclusive


def split_paragraphs(doc: Doc) -> list[Paragraph]:
    """Paragraphs as token ranges: a token holding a newline ends one."""
    paras: list[Paragraph] = []
    start = 0
    for tok in doc:
        if "\n" in tok.text or ("\n" in tok.whitespace_):
            end = tok.i if tok.is_space else tok.i + 1
            if end > start:
                paras.append(Paragraph(start, end))
            start = tok.i + 1
    if start < len(doc):
        paras.append(Paragraph(start, len(doc)))
    return [p for p in paras if any(not doc[i].is_space for i in range(p.start, p.end))]


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


def _is_cue_word(tok: Token) -> bool:
    lem = lemma(tok.text)
    return (tok.pos_ in ("VERB", "AUX") and lem in SPEECH_VERBS) or (tok.pos_ == "NOUN" and lem in CUE_NOUNS)


def _ancestor_features(tok: Token) -> list[str]:
    """The first cue-word ancestor and the first verb ancestor, with the dependency leading to each."""
    feats: list[str] = []
    child, node, depth = tok, tok.head, 0
    found_cue = found_verb = False
    while node is not child and depth < MAX_ANCESTOR_DEPTH:
        if not found_verb and node.pos_ in ("VERB", "AUX"):
            feats.append(f"va={lemma(node.text)}")
            feats.append(f"vd={child.dep_}")
            found_verb = True
        if not found_cue and _is_cue_word(node):
            feats.append(f"ca={lemma(node.text)}")
            feats.append(f"cd={child.dep_}")
            feats.append(f"cad={min(depth, 3)}")
            found_cue = True
        if found_cue and found_verb:
            break
        child, node, depth = node, node.head, depth + 1
    if not found_cue:
        feats.append("ca=none")
    return feats


class DocFeatures:
    """Precomputed per-document facts (quotes, sentences, cue words) used to describe each token."""

    def __init__(self, doc: Doc, quotes: list[Quote] | None = None) -> None:
        self.doc = doc
        self.quotes = quotes if quotes is not None else pair_quotes(doc.text)
        mask = quoted_mask(doc.text, self.quotes)
        self.in_quote = [mask[t.idx] if t.idx < len(mask) else 0 for t in doc]
        self.cue_word = [_is_cue_word(t) for t in doc]
        self.sent_of = [0] * len(doc)
        self.sent_has_quote: list[bool] = []
        self.sent_has_cue: list[bool] = []
        self.sent_bounds: list[tuple[int, int]] = []
        for n, sent in enumerate(doc.sents):
            self.sent_bounds.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
            self.sent_has_quote.append(any(self.in_quote[i] for i in range(sent.start, sent.end)))
            self.sent_has_cue.append(any(self.cue_word[i] for i in range(sent.start, sent.end)))

    def token_features(self, i: int) -> list[str]:
        """The feature strings of token i."""
        doc, tok = self.doc, self.doc[i]
        low = tok.lower_
        s = self.sent_of[i]
        s_start, s_end = self.sent_bounds[s]
        f = [
            "b", f"w={low}", f"sh={_shape(tok.text)}", f"p={tok.pos_}", f"t={tok.tag_}", f"d={tok.dep_}",
            f"hd={tok.dep_}|{tok.head.pos_}", f"hl={lemma(tok.head.text)}", f"q={self.in_quote[i]}",
            f"e={tok.ent_type_ or '-'}", f"sq={int(self.sent_has_quote[s])}", f"sc={int(self.sent_has_cue[s])}",
            f"suf={low[-3:]}",
        ]
        if tok.text in _QUOTE_CHARS:
            f.append("qm")
        if self.cue_word[i]:
            f.append(f"cue={lemma(tok.text)}|{tok.dep_}")
        if i == s_start:
            f.append("sb")
        if i == s_end - 1:
            f.append("se")
        f.extend(_ancestor_features(tok))
        f.extend(self._root_features(tok))
        f.extend(self._cue_position(i, s_start, s_end))
        for off in (-2, -1, 1, 2):
            j = i + off
            if s_start <= j < s_end:
                nb = doc[j]
                f.append(f"{off}w={nb.lower_}")
                f.append(f"{off}p={nb.pos_}")
                f.append(f"{off}q={self.in_quote[j]}")
            else:
                f.append(f"{off}w=<s>")
        return f

    def _root_features(self, tok: Token) -> list[str]:
        """Which branch of its sentence root the token hangs in, and what the root is."""
        root = tok.sent.root
        if tok.i == root.i:
            return [f"rt={lemma(root.text)}"]
        child = tok
        while child.head.i != root.i and child.head.i != child.i:
            child = child.head
        return [f"rb={child.dep_}", f"rbl={lemma(root.text)}|{child.dep_}", f"rside={int(tok.i < root.i)}"]

    def _cue_position(self, i: int, s_start: int, s_end: int) -> list[str]:
        """Whether a cue word lies before/after this token in its sentence (bucketed distance)."""
        feats = []
        for j in range(i - 1, max(s_start, i - 12) - 1, -1):
            if self.cue_word[j]:
                feats.append(f"cb={min(i - j, 5)}")
                break
        for j in range(i + 1, min(s_end, i + 12)):
            if self.cue_word[j]:
                feats.append(f"cf={min(j - i, 5)}")
                break
        return feats


def paragraph_features(feats: DocFeatures, para: Paragraph) -> list[list[str]]:
    """Feature lists for every token of one paragraph."""
    return [feats.token_features(i) for i in range(para.start, para.end)]
