"""Predictions that report no speech (issue 16, statement precision): deeds done to a thing, sharing a picture,
a call that names nothing, and speech that did not happen (all kept as ``topic``: no claim is reported, and PolNeAR
marks many of them as attributions), words on signs (a ``document``), captions and doubles (dropped). Sentences
written for these tests; each kind has its negative cases (the same verbs reporting speech stay statements).

The classify tests build the attribution by hand (source, cue, content marked) and parse the sentence with quoth's
spaCy pipeline, as ``test_kinds.py`` does; the end-to-end test runs the whole extractor on a short article.
"""

from __future__ import annotations

import pytest

from marked_text import marked
from quoth.model import Attribution, Span


def _attribution(text: str, parts: dict[str, tuple[int, int]], kind: str = "indirect") -> Attribution:
    def span(key: str) -> Span | None:
        return Span.from_offsets(text, [parts[key]]) if key in parts else None

    return Attribution(id="a1", kind=kind, content=span("Q"), cue=span("C"), source=span("S"))  # type: ignore


@pytest.fixture(scope="module")
def parse():
    from quoth.nlp import load_pipeline
    from quoth.options import Options

    return load_pipeline(Options().model, with_quoth=False)


NO_SPEECH = [
    # deeds done to a thing
    "[S:The governor] [C:signed] [Q:the budget bill] on Tuesday.",
    "[S:She and her husband] [C:attended] [Q:the wedding] in 2005.",
    "[S:The deputy minister] [C:led] [Q:the search for a new chief].",
    "[S:The club] [C:hired] [Q:a new coach from Sweden].",
    "[S:The family] [C:filed] [Q:a lawsuit against the city].",
    "[S:The ministry] [C:withheld] [Q:a key email from the inquiry].",
    "[S:His aides] [C:retweeted] [Q:a clip of the debate].",
    "[S:The council] [C:voted] [Q:to pay $5 million to the victims].",
    # sharing a picture, a video or a link
    "[S:The mayor] [C:tweeted] [Q:a photo of the new bridge].",
    "[S:The team] [C:posted] [Q:a video of the parade] on Monday.",
    # court and police deeds
    "[S:Police] [C:charged] [Q:the man with assault].",
    "[S:The judge] [C:sentenced] [Q:him to two years in prison].",
    "[S:Officers] [C:arrested] [Q:three people] on Sunday.",
    # a call that names nothing: convening, summoning
    "[S:The premier] [C:called] [Q:a snap election] on Sunday.",
    "[Q:Firefighters] were [C:called to] [Q:the scene] after neighbours reported smoke.",
    "[S:The union] [C:called] [Q:a strike vote] for Friday.",
]

STILL_STATEMENTS = [
    # the same verbs, or their neighbours, reporting speech or a stance
    "[S:The governor] [C:signed] a letter [Q:that the plant must close].",
    "[S:The union] [C:endorsed] [Q:the mayor].",
    "[S:The senator] [C:opposed] [Q:the pipeline].",
    "[S:The coach] [C:delivered] [Q:a blunt warning to his players].",
    "[S:The mayor] [C:tweeted] [Q:that the bridge would open in May].",
    "[S:The mayor] [C:tweeted] [Q:his thanks to the crews].",
    "[S:Critics] [C:called] [Q:the plan a giveaway].",
    "[S:Critics] [C:called] [Q:the ruling historic].",
    "[S:Protesters] [C:called for] [Q:an inquiry].",
    "[S:The council] [C:voted] [Q:that the road is unsafe].",
    "[S:The opposition] [C:charged] [Q:that the minister had misled the house].",
    "[S:The mayor] [C:was called] [Q:a liar] by her rivals.",
]

NOT_SAID = [
    # speech that did not happen reports no claim: a topic, whatever the content's form
    "[S:The governor] [C:did not say] [Q:that the race was over].",
    "[S:Ortiz] [C:never said] [Q:the plan would cost jobs].",
    "[S:The chief] [C:would not say] [Q:when the search would end].",
    "[S:Ortiz] [C:refused to say] [Q:the plan had failed].",
    "[S:The minister] [C:declined to confirm] [Q:that talks had stalled].",
    # writing reported by its subject or its work
    "[S:Ortiz] [C:wrote a book about] [Q:the city].",
    "[S:Ortiz] [C:wrote] [Q:the foreword to the report].",
    # an amount of speech with no claim
    "[S:Ortiz], who [C:said] [Q:little during the debate], left early.",
    "[S:The minister] [C:said] [Q:nothing about the budget].",
]

NEGATED_OTHER = [
    # a negated belief, intention or finding keeps its type; a negation inside the content is no negated cue
    ("[S:Economists] [C:did not expect] [Q:the rate cut].", "belief"),
    ("[S:The mayor] [C:said] [Q:she would not run again].", "statement"),
    ("[S:The report] [C:did not find] [Q:that the bridge was unsafe].", "document"),
    ("[S:The union] [C:refused to accept] [Q:that the plant would close].", "statement"),
    ("[S:The mayor] [C:wrote] [Q:that the bridge would open in May].", "statement"),
    ("[S:The critic] [C:wrote] [Q:the play was a love letter to the city].", "statement"),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence", NO_SPEECH)
def test_kinds_deeds_sharing_and_calls_report_no_claim(parse, sentence):
    from quoth.kinds import classify

    text, parts = marked(sentence)
    assert classify(parse(text), _attribution(text, parts)) == "topic"


@pytest.mark.model
@pytest.mark.parametrize("sentence", STILL_STATEMENTS)
def test_kinds_speech_with_the_same_verbs_stays_a_statement(parse, sentence):
    from quoth.kinds import classify

    text, parts = marked(sentence)
    assert classify(parse(text), _attribution(text, parts)) == "statement"


@pytest.mark.model
@pytest.mark.parametrize("sentence", NOT_SAID)
def test_kinds_negated_speech_is_a_topic_even_with_a_clause(parse, sentence):
    from quoth.kinds import classify

    text, parts = marked(sentence)
    assert classify(parse(text), _attribution(text, parts)) == "topic"


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", NEGATED_OTHER)
def test_kinds_negation_leaves_other_verbs_and_content_negations_alone(parse, sentence, expected):
    from quoth.kinds import classify

    text, parts = marked(sentence)
    assert classify(parse(text), _attribution(text, parts)) == expected


@pytest.mark.model
def test_kinds_extract_reports_no_statement_for_deeds_in_running_text():
    import quoth

    text = ("Mayor Lena Ortiz signed the budget bill on Tuesday. She tweeted a photo of the new bridge. "
            "Ortiz never said the plan would cost jobs. "
            "“We are going to fix this,” Ortiz said. She said the repairs would start in June.\n")
    article = quoth.extract(text, quoth.Options(speakers=False))
    statements = [a.content.text for a in article.attributions if a.type == "statement"]
    assert not any("budget bill" in c or "photo" in c or "cost jobs" in c for c in statements)
    assert any("fix this" in c for c in statements)
    assert any("repairs would start in June" in c for c in statements)


@pytest.mark.parametrize("line, caption", [
    ("Ortiz speaks to reporters at city hall on Monday. (Jane Doe/CBC)", True),
    ("Ortiz says the new line will change the city. (Submitted by Lena Ortiz)", True),
    ("Mayor Lena Ortiz says the line will open next year. (Sean Kilpatrick/The Canadian Press)", True),
    ("A poster from the 2009 campaign. (Party archive/Global Insights.)", True),
    ("Ortiz waves to supporters after the vote. (Getty Images)", True),
    # a body paragraph that ends in brackets is no caption
    ("The bill passed 51-49, said Sen. Ann Lee (R-Texas)", False),
    ("Ortiz said the line would open next year (weather permitting).", False),
    ("“It will change the city,” Ortiz said (and she meant it).", False),
])
def test_kinds_caption_with_a_credit_is_furniture(line, caption):
    from quoth.kinds.layout import is_furniture

    assert is_furniture(line) is caption


@pytest.mark.model
def test_kinds_extract_drops_a_caption_but_keeps_the_body():
    import quoth

    text = ("Mayor Lena Ortiz said on Monday that the new transit line would open next year.\n\n"
            "Ortiz says the new line will change the city. (Jane Doe/CBC)\n\n"
            "“It will change the city,” she said.\n")
    article = quoth.extract(text, quoth.Options(speakers=False))
    contents = [a.content.text for a in article.attributions]
    assert not any("new line will change" in c for c in contents)
    assert any("would open next year" in c for c in contents)
    assert any("It will change the city" in c for c in contents)


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", [
    # a poll's share of a population: the poll's finding (Canadian "per cent" too)
    ("[S:Forty per cent of Canadians] [C:say] [Q:the economy is getting worse].", "document"),
    ("[S:45% of Ontarians] [C:say] [Q:the province is on the wrong track].", "document"),
    ("[S:Six in 10 voters] [C:said] [Q:housing is too expensive].", "document"),
    ("[S:About half of respondents] [C:said] [Q:they would vote again].", "document"),
    ("[S:A majority of Albertans] [C:say] [Q:they support the pipeline].", "document"),
    # a share of a definite body, or a group with no share, is people speaking
    ("[S:Half of the board members] [C:said] [Q:they would resign].", "statement"),
    ("[S:The majority of the council] [C:said] [Q:the plan was flawed].", "statement"),
    ("[S:Some voters] [C:say] [Q:they are tired of the campaign].", "statement"),
    ("[S:The 10 members] [C:said] [Q:they would appeal].", "statement"),
])
def test_kinds_poll_share_as_source_is_a_document(parse, sentence, expected):
    from quoth.kinds import classify

    text, parts = marked(sentence)
    assert classify(parse(text), _attribution(text, parts)) == expected


@pytest.mark.model
@pytest.mark.parametrize("sentence, kind, expected", [
    # words on a sign, a banner or a placard: a document, not speech
    ("[S:Protesters] [C:held signs reading] [Q:“Buses not bulldozers.”]", "direct", "document"),
    ("[S:A sign on the door] [C:read] [Q:“Closed for renovations.”]", "direct", "document"),
    ("[S:A banner over the stage] [C:said] [Q:“Thank you, nurses.”]", "direct", "document"),
    # a deed whose content holds someone's quoted words is still no speech
    ("[S:The council] [C:voted] [Q:12-4 to approve the plan, a move the mayor called “historic.”]", "mixed", "topic"),
    # negative cases: people's own words stay statements
    ("[S:The protesters] [C:chanted] [Q:“Fund our routes!”]", "direct", "statement"),
    ("[S:The mayor] [C:called] [Q:the vote “historic.”]", "mixed", "statement"),
    ("[S:The councillor] [C:said] she would [Q:“sign anything that saves the route.”]", "mixed", "statement"),
])
def test_kinds_signs_are_documents_and_quoted_deeds_are_no_statement(parse, sentence, kind, expected):
    from quoth.kinds import classify

    text, parts = marked(sentence)
    assert classify(parse(text), _attribution(text, parts, kind)) == expected


def _att(id_: str, text: str, start: int, end: int, type_: str = "statement", parent: str | None = None):
    return Attribution(id=id_, kind="direct", content=Span.from_offsets(text, [(start, end)]), cue=None, source=None,
                       type=type_, parent=parent)  # type: ignore[arg-type]


def test_kinds_drop_doubles_keeps_the_longer_of_two_readings_of_one_quote():
    from quoth.kinds import drop_doubles

    text = "“We will fix the buses. It will take time,” the mayor said. “Fares stay the same,” she added."
    whole, part, other = _att("a1", text, 0, 43), _att("a2", text, 0, 23), _att("a3", text, 59, 81)
    assert [a.id for a in drop_doubles([whole, part, other])] == ["a1", "a3"]


def test_kinds_drop_doubles_leaves_nested_other_types_and_small_overlaps_alone():
    from quoth.kinds import drop_doubles

    text = "“She told me ‘we will win’ and I believed her,” he said, and the report agreed that we will win."
    outer, inner = _att("a1", text, 0, 47), _att("a2", text, 13, 26, parent="a1")
    assert [a.id for a in drop_doubles([outer, inner])] == ["a1", "a2"]
    belief = _att("a3", text, 0, 30, type_="belief")
    assert [a.id for a in drop_doubles([_att("a1", text, 0, 47), belief])] == ["a1", "a3"]
    # sharing less than half of the shorter one's characters: two attributions
    left, right = _att("a1", text, 0, 30), _att("a2", text, 20, 60)
    assert [a.id for a in drop_doubles([left, right])] == ["a1", "a2"]


@pytest.mark.model
def test_kinds_a_negated_verb_that_is_no_speech_keeps_its_clause(parse):
    from quoth.kinds import classify

    text, parts = marked("[S:The miners] [C:never bought] the idea [Q:that the mine would close].")
    assert classify(parse(text), _attribution(text, parts)) != "topic"
