"""Contradictions without a dispute word (quoth.disputes.contradict, .reply, .polarity), on texts we wrote:
attributions are marked by hand (speaker_fixtures), so the tests do not depend on the extractor."""

from __future__ import annotations

import pytest

from speaker_fixtures import parse_marked, resolve

pytestmark = pytest.mark.model


def _disputes(marked: str):
    from quoth.disputes import find_disputes

    doc, atts, ents = resolve(marked)
    return find_disputes(doc, list(atts.values()), list(ents.values())), ents


# (marked text, the disputing attribution, the answered attribution, a word of the answered party's name)
REPLIES = [
    ('[1|Mayor Dana Holt|] {1|said|} <1|"the harbour plant will close next year"|>. "<2|The harbour plant will stay '
     'open for decades|>," [2|Governor Lee Park|] {2|retaliated|}.', "a2", "a1", "Holt"),
    ("[1|Senator Ruth Kagan|] {1|said|} <1|the new bridge was unsafe for trucks|>. [2|Engineer Paul Diaz|] "
     "{2|tweeted in response|}: <2|the new bridge carried trucks safely every day|>.", "a2", "a1", "Kagan"),
    ("[1|Coach Ben Ames|] {1|said|} <1|the stadium deal had collapsed|>. [2|Owner Mia Stone|] {2|responded|} <2|that "
     "the stadium deal was signed on Friday|>.", "a2", "a1", "Ames"),
    ("[1|Mayor Dana Holt|] {1|said|} <1|the ferry fares had doubled|>. [2|Governor Lee Park|] {2|hit back|}, "
     "saying <2|ferry fares had not changed since 2019|>.", "a2", "a1", "Holt"),
]

NOT_REPLIES = [
    # the same party answering itself
    "[1|Mayor Dana Holt|] {1|said|} <1|the harbour plant will close|>. [2|Holt|] {2|responded|} <2|that the harbour "
    "plant had lost money|>.",
    # a reply that is not made
    "[1|Mayor Dana Holt|] {1|said|} <1|the harbour plant will close|>. [2|Governor Lee Park|] {2|did not respond|} "
    "<2|to the harbour plant claim|>.",
    "[1|Mayor Dana Holt|] {1|said|} <1|the harbour plant will close|>. [2|Governor Lee Park|] {2|declined to "
    "respond|} <2|on the harbour plant|>.",
    # answering a question, not a claim
    "[1|Mayor Dana Holt|] {1|said|} <1|the harbour plant will close|>. [2|Governor Lee Park|] {2|responded to|} "
    "<2|questions about the harbour plant|>.",
    # the answer to a question
    "[1|Mayor Dana Holt|] {1|asked|} <1|who will run the harbour plant next year?|> [2|Governor Lee Park|] "
    "{2|replied|} <2|that the harbour plant will be run by the city next year|>.",
    # a reply on another topic
    "[1|Mayor Dana Holt|] {1|said|} <1|the harbour plant will close|>. [2|Governor Lee Park|] {2|responded|} "
    "<2|that school budgets would rise|>.",
    # the replying party is unnamed
    "[1|Mayor Dana Holt|] {1|said|} <1|the harbour plant will close|>. [2|A resident|] {2|responded|} <2|that the "
    "harbour plant was full of workers|>.",
    # same topic, same polarity, no reply and no contrast: agreement is no contradiction
    "[1|Mayor Dana Holt|] {1|said|} <1|the harbour plant will close next year|>. [2|Governor Lee Park|] {2|said|} "
    "<2|the harbour plant will close in the spring|>.",
    # the journalist's own voice: no disputing attribution
    "[1|Mayor Dana Holt|] {1|said|} <1|the harbour plant will close|>. In fact the harbour plant will stay open.",
]


@pytest.mark.parametrize("marked,by,target,party", REPLIES)
def test_reply_contradicts_the_answered_statement(marked, by, target, party):
    disputes, ents = _disputes(marked)
    assert [(d.by, d.kind, d.target_attribution) for d in disputes] == [(by, "contradiction", target)], \
        f"in: {parse_marked(marked)[0]}"
    assert party in ents[disputes[0].target_entity].name


@pytest.mark.parametrize("marked", NOT_REPLIES)
def test_no_contradiction_without_a_reply_to_another_party(marked):
    disputes, _ = _disputes(marked)
    assert disputes == [], f"invented a dispute in: {parse_marked(marked)[0]}"


def test_contrast_rule_still_needs_opposite_polarity():
    from quoth.disputes import find_disputes

    same = ("[1|Mayor Dana Holt|] {1|said|} <1|the harbour plant will close next spring|>. But [2|Governor Lee "
            "Park|] {2|said|} <2|the harbour plant will close next spring as planned|>.")
    opposite = ("[1|Mayor Dana Holt|] {1|said|} <1|the harbour plant will close next spring|>. But [2|Governor Lee "
                "Park|] {2|said|} <2|the harbour plant will not close next spring|>.")
    doc, atts, ents = resolve(same)
    assert find_disputes(doc, list(atts.values()), list(ents.values())) == []
    doc, atts, ents = resolve(opposite)
    found = find_disputes(doc, list(atts.values()), list(ents.values()))
    assert [(d.by, d.kind, d.target_attribution) for d in found] == [("a2", "contradiction", "a1")]


@pytest.mark.parametrize("text,word,negated", [
    ("Clinton was not qualified for the job.", "qualified", True),
    ("They are both qualified for the job.", "qualified", False),
    ("He has sacrificed nothing for the country.", "sacrificed", True),
    ("He had made a lot of sacrifices.", "sacrifices", False),
    ("It cannot be contained.", "contained", True),
    ("The group had been contained.", "contained", False),
    ("There never was an order to wait.", "order", True),
    ("I don't think the order was given.", "order", False),  # the negation hedges the claim, not the predicate
])
def test_polarity_of_a_word_in_its_clause(text, word, negated):
    from quoth.disputes.polarity import negated as is_negated
    from speaker_fixtures import nlp

    doc = nlp()(text)
    assert is_negated(next(t for t in doc if t.text == word)) is negated


# The accused answering (quoth.disputes.opposite): X asserts the opposite of what another party said about X.
ANSWERS = [
    ("[1|Jane Roe|] {1|said|} <1|the City Museum had expressed interest in buying the painting|>. "
     '"<2|We have never expressed interest in buying the painting|>," [2|the City Museum|] {2|said|}.', "a2", "a1",
     "Roe"),
    ("[1|Senator Ruth Kagan|] {1|said|} <1|Governor Lee Park had approved the harbour contract|>. [2|Governor Lee "
     "Park|] {2|said|} <2|he had never approved the harbour contract|>.", "a2", "a1", "Kagan"),
]

NOT_ANSWERS = [
    # the earlier statement is not about the later speaker
    "[1|Jane Roe|] {1|said|} <1|the City Museum had expressed interest in buying the painting|>. [2|Governor Lee "
    "Park|] {2|said|} <2|he had never expressed interest in buying the painting|>.",
    # same polarity: agreement
    "[1|Senator Ruth Kagan|] {1|said|} <1|Governor Lee Park had approved the harbour contract|>. [2|Governor Lee "
    "Park|] {2|said|} <2|he had approved the harbour contract in May|>.",
    # a generic statement does not contradict a specific one
    "[1|Senator Ruth Kagan|] {1|said|} <1|Governor Lee Park had never been held accountable for the harbour "
    "contract|>. [2|Governor Lee Park|] {2|said|} <2|a clerk who signs a bad contract is held accountable|>.",
    # the negation is on a word that is not the claim's predicate ("not for cases of …")
    "[1|Senator Ruth Kagan|] {1|said|} <1|Governor Lee Park opposed tax cuts in cases of hardship|>. [2|Governor "
    "Lee Park|] {2|said|} <2|he supports some tax cuts, but not in cases of hardship|>.",
]

# An admission grants a point and opposes no one, whoever it is attributed to (issue 15: "the senator forced the
# CEO to admit that …", its speaker resolved to the senator).
EARLIER_ADMISSION = ("[1|Governor Lee Park|] {1|admitted under|} <1|Senator Ruth Kagan's questioning he hadn't yet "
                     "been held personally accountable for the actions of his staff|>. ")
ADMISSIONS = [
    EARLIER_ADMISSION + "[2|The Democratic senator|] also forced Park to {2|admit|} <2|that no senior officials have "
                        "been held accountable for the actions of the junior staff|>.",
    EARLIER_ADMISSION + "[2|Senator Ruth Kagan|] later {2|conceded|} <2|that no senior officials have been held "
                        "accountable for the actions of the junior staff|>.",
    EARLIER_ADMISSION + "[2|Senator Ruth Kagan|] {2|acknowledged|} <2|no senior officials have been held accountable "
                        "for the actions of the junior staff|>.",
]


@pytest.mark.parametrize("marked", ADMISSIONS)
def test_an_admission_is_no_dispute(marked):
    disputes, _ = _disputes(marked)
    assert disputes == [], f"invented a dispute in: {parse_marked(marked)[0]}"


def test_the_same_statement_said_is_still_a_denial():
    """The admission rule is about the cue only: said instead, the statement still answers the claim about its
    speaker."""
    marked = ADMISSIONS[2].replace("{2|acknowledged|}", "{2|said|}")
    disputes, _ = _disputes(marked)
    assert [(d.by, d.kind, d.target_attribution) for d in disputes] == [("a2", "denial", "a1")], \
        f"in: {parse_marked(marked)[0]}"


@pytest.mark.parametrize("marked,by,target,party", ANSWERS)
def test_the_accused_answering_is_a_denial(marked, by, target, party):
    disputes, ents = _disputes(marked)
    assert [(d.by, d.kind, d.target_attribution) for d in disputes] == [(by, "denial", target)], \
        f"in: {parse_marked(marked)[0]}"
    assert party in ents[disputes[0].target_entity].name


@pytest.mark.parametrize("marked", NOT_ANSWERS)
def test_the_accused_answering_needs_the_opposite_of_the_same_claim(marked):
    disputes, _ = _disputes(marked)
    assert disputes == [], f"invented a dispute in: {parse_marked(marked)[0]}"
