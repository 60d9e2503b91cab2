"""Attribution steps, the context and the lexicon on hand-built Docs (spaCy's ``Doc(vocab, words=…, heads=…,
deps=…, pos=…)``): no statistical model, so each rule sees exactly the parse the test gives it."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from quoth.attribution.context import Context
from quoth.attribution.draft import Draft
from quoth.attribution.parse import subject
from quoth.attribution.rules.clauses import according_to, clause_drafts
from quoth.attribution.rules.cues import floating_cues
from quoth.attribution.steps import run_steps
from quoth.lexicon import base_form, is_belief_verb, is_clause_verb, is_reporting_verb, is_statement_verb

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case, punctuation), no model


def _doc(rows: str, spaces: list[bool] | None = None) -> Doc:
    """A Doc from lines "word head dep POS [TAG]" (head: the head's index)."""
    parsed = [line.split() for line in rows.strip().splitlines()]
    return Doc(VOCAB, words=[r[0] for r in parsed], spaces=spaces, heads=[int(r[1]) for r in parsed],
               deps=[r[2] for r in parsed], pos=[r[3] for r in parsed],
               tags=[r[4] if len(r) > 4 else r[3] for r in parsed])


MAYOR_SAID = """
The 1 det DET
mayor 2 nsubj NOUN
said 2 ROOT VERB VBD
that 7 mark SCONJ
the 5 det DET
bridge 7 nsubj NOUN
will 7 aux AUX
reopen 2 ccomp VERB
in 7 prep ADP
May 8 pobj PROPN
. 2 punct PUNCT
"""


def _texts(doc: Doc, d: Draft) -> tuple[list[str], list[str], list[str]]:
    return ([doc.text[s:e] for s, e in d.content], [doc.text[s:e] for s, e in d.cue],
            [doc.text[s:e] for s, e in d.source])


def test_clause_drafts_reads_subject_verb_and_complement():
    doc = _doc(MAYOR_SAID)
    out = clause_drafts(Context(doc), [])
    assert [_texts(doc, d) for d in out] == [(["that the bridge will reopen in May"], ["said"], ["The mayor"])]
    assert (out[0].first_token, out[0].last_token, out[0].cue_token) == (3, 9, 2)


def test_clause_drafts_leaves_a_verb_that_already_cues_a_draft():
    doc = _doc(MAYOR_SAID)
    tagged = Draft.over_tokens(doc, 3, 10, cue=[(10, 14)], source=[(0, 9)], confidence=0.9, cue_token=2)
    assert clause_drafts(Context(doc), [tagged]) == [tagged]


def test_according_to_takes_the_rest_of_the_sentence():
    doc = _doc("""
Bus 1 compound NOUN
fares 3 nsubj NOUN
will 3 aux AUX
rise 3 ROOT VERB VB
, 3 punct PUNCT
according 3 prep VERB VBG
to 5 prep ADP
the 8 det DET
ministry 6 pobj NOUN
. 3 punct PUNCT
""")
    out = according_to(Context(doc), [])
    assert [_texts(doc, d) for d in out] == [(["Bus fares will rise"], ["according to"], ["the ministry"])]


def test_subject_of_two_is_the_nearest():
    doc = _doc("""
PARIS 3 nsubj PROPN
— 3 punct PUNCT
Macron 3 nsubj PROPN
spoke 3 ROOT VERB VBD
""")
    assert subject(doc[3]).text == "Macron"


def test_floating_cues_carry_over_at_most_one_blank_line():
    words = ['"', "Yes", '"', "he", "said", ".", "\n\n", '"', "No", '"', "\n\n\n\n", '"', "Maybe", '"']
    doc = Doc(VOCAB, words=words, spaces=[False] * len(words))
    ctx = Context(doc)

    def at(i: int, j: int) -> Draft:
        return Draft([(doc[i].idx, doc[j].idx + len(doc[j]))], first_token=i, last_token=j)

    said, near, far = at(0, 2), at(7, 9), at(11, 13)
    said.cue = [(doc[4].idx, doc[4].idx + 4)]
    floating_cues(ctx, [said, near, far])
    assert _texts(doc, near)[1] == ["said"] and far.cue == []
    assert ctx.paragraphs.breaks_between(doc[9].idx, doc[11].idx, "line") == 4
    assert ctx.paragraphs.breaks_between(doc[9].idx, doc[11].idx, "blank") == 2


def test_run_steps_hands_each_step_the_drafts_of_the_one_before():
    doc = _doc(MAYOR_SAID)
    seen: list[int] = []

    def count(ctx: Context, drafts: list[Draft]) -> list[Draft]:
        seen.append(len(drafts))
        return drafts

    out = run_steps(Context(doc), [count, clause_drafts, count, clause_drafts, count])
    assert seen == [0, 1, 1] and len(out) == 1  # the second clause_drafts finds the verb taken


def test_draft_set_content_keeps_offsets_and_tokens_in_step():
    doc = _doc(MAYOR_SAID)
    d = Draft([(0, 1)])
    d.set_content(doc, 4, 7)
    assert _texts(doc, d)[0] == ["the bridge will reopen"] and (d.first_token, d.last_token) == (4, 7)
    d.set_content_chars(doc, [(doc[3].idx, doc[5].idx + len(doc[5]))])
    assert (d.first_token, d.last_token) == (3, 5)


@pytest.mark.parametrize("word, base", [("said", "say"), ("Claims", "claim"), ("reports", "report"),
                                        ("worried", "worry"), ("table", "table")])
def test_lexicon_base_form(word: str, base: str):
    assert base_form(word) == base


def test_lexicon_one_predicate_per_question():
    assert is_statement_verb("say") and not is_belief_verb("say")
    assert is_belief_verb("think") and not is_statement_verb("think") and not is_clause_verb("think")
    assert is_reporting_verb("say") and is_reporting_verb("think") and not is_reporting_verb("walk")


def test_dash_source_cuts_the_content_and_its_last_token():
    from quoth.attribution.rules.layout import dash_sources

    doc = spacy.blank("en")('"We will win this fight" — Jane Roe, speaking at the rally on Friday')
    end = len(doc.text)
    d = Draft([(0, end)], first_token=0, last_token=len(doc) - 1)
    dash_sources(Context(doc), [d])
    quote_end = doc.text.index("—") - 1
    assert _texts(doc, d) == (['"We will win this fight"'], ["—"], ["Jane Roe"])
    assert d.content == [(0, quote_end)] and doc[d.last_token].text == '"'
