"""Types through the whole pipeline (rules, sieve and the shipped learned step), on short articles written for
these tests: each type, each kind of non-attribution, and negative cases (a statement must stay a statement, a
belief must not become one)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _extract(text: str):
    import quoth

    return quoth.extract(text, quoth.Options(speakers=False)).attributions


def _type_of(attributions, phrase: str) -> str | None:
    """The type of the attribution whose content holds ``phrase`` (None when there is none)."""
    found = [a.type for a in attributions if phrase in a.content.text]
    return found[0] if found else None


ARTICLE = ("Council weighs new arena\n\n"
           "Mayor Ann Lee said Tuesday that the arena would cost $40 million. "
           "“We have the money and we will build it,” Lee told reporters. "
           "Councillor Tom Reid argued that the city should repair the old rink instead. "
           "According to the mayor's spokesman, the vote will wait until June. "
           "Many residents believe the old rink is unsafe. "
           "Reid fears the debt will grow. "
           "The city plans to open the arena by 2030. "
           "A consultant's report released last week shows that repairs would cost $25 million. "
           "Investigators learned that the roof had been leaking for years. "
           "Lee did not say whether taxes would rise. "
           "The goalie tipped the shot over the bar. "
           "Read more about the arena debate\n")


@pytest.fixture(scope="module")
def attributions():
    return _extract(ARTICLE)


@pytest.mark.parametrize("phrase, expected", [
    ("the arena would cost $40 million", "statement"),
    ("We have the money", "statement"),
    ("the city should repair the old rink", "statement"),
    # A known error of the learned step: a short content "according to" a role noun gets P(statement) 0.34 and is
    # re-typed a document ("according to" in the training labels is mostly a poll's or an agency's finding).
    pytest.param("the vote will wait until June", "statement",
                 marks=pytest.mark.xfail(strict=True, reason="short 'according to' a role noun re-typed document")),
    ("the old rink is unsafe", "belief"),
    ("the debt will grow", "belief"),
    ("open the arena by 2030", "intention"),
    ("repairs would cost $25 million", "document"),
    ("the roof had been leaking", "knowledge"),
    ("taxes would rise", "topic"),
])
def test_each_type_through_the_pipeline(attributions, phrase, expected):
    assert _type_of(attributions, phrase) == expected


def test_statements_are_only_speech(attributions):
    statements = [a.content.text for a in attributions if a.type == "statement"]
    for phrase in ("unsafe", "debt will grow", "by 2030", "$25 million", "leaking", "taxes would rise"):
        assert not any(phrase in s for s in statements)


def test_non_attributions_are_dropped(attributions):
    contents = " ".join(a.content.text for a in attributions)
    assert "the shot" not in contents and "Read more" not in contents
    assert all(a.region == "body" or a.content.text in ARTICLE.split("\n")[0] for a in attributions)
