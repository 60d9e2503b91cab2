"""Attribution types and the non-attribution filter (``quoth.kinds``), on sentences written for these tests.

The type tests build the attribution by hand (source, cue, content marked in the sentence) and parse the sentence
with quoth's spaCy pipeline, so they test the type decision alone, whatever the extractor finds.
"""

from __future__ import annotations


import pytest

from quoth.kinds.layout import find_layout, is_furniture, is_heading, subtract
from quoth.lexicon.types import verb_lemma
from quoth.model import Attribution, Span
from marked_text import marked as _marked

def _attribution(text: str, parts: dict[str, tuple[int, int]], kind: str = "indirect") -> Attribution:
    def span(key: str) -> Span | None:
        return Span.from_offsets(text, [parts[key]]) if key in parts else None

    return Attribution(id="a1", kind=kind, content=span("Q"), cue=span("C"), source=span("S"))  # type: ignore


@pytest.fixture(scope="module")
def parse():
    from quoth.nlp import load_pipeline
    from quoth.options import Options

    nlp = load_pipeline(Options().model, with_quoth=False)
    return nlp


TYPED = [
    # statements: speech and writing, "according to" a person, quotes with no cue
    ("[S:The mayor] [C:said] [Q:the bridge would open in May].", "indirect", "statement"),
    ("[S:The union] [C:wrote] in a letter [Q:that talks had failed].", "indirect", "statement"),
    ("[S:She] [C:denied] [Q:that she had been paid].", "indirect", "statement"),
    ("[Q:“We will not back down,”] [C:said] [S:the coach].", "direct", "statement"),
    ("[C:According to] [S:the minister], [Q:the plan will cost $2 million].", "indirect", "statement"),
    ("[S:The company] [C:announced] [Q:it would close two plants].", "indirect", "statement"),
    # a pledge made in words is a statement; an undertaking to act is an intention
    ("[S:The premier] [C:promised] [Q:that no hospital would close].", "indirect", "statement"),
    ("[S:The premier] [C:vowed] [Q:to fight the ruling].", "indirect", "intention"),
    # beliefs
    ("[S:Economists] [C:believe] [Q:rates will fall next year].", "indirect", "belief"),
    ("[S:Many residents] [C:fear] [Q:the plant will close].", "indirect", "belief"),
    ("[S:He] [C:thinks] [Q:the deal is unfair].", "indirect", "belief"),
    ("[S:The council] [C:is convinced] [Q:that the road is safe].", "indirect", "belief"),
    ("[S:Officials] [C:expect] [Q:the storm to weaken].", "indirect", "belief"),
    ("[S:She] [C:felt] [Q:that the verdict was fair].", "indirect", "belief"),
    # knowledge
    ("[S:Investigators] [C:learned] [Q:that the pilot had not slept].", "indirect", "knowledge"),
    ("[S:The family] [C:discovered] [Q:the letters had been opened].", "indirect", "knowledge"),
    ("[S:He] [C:saw] [Q:that the door was open].", "indirect", "knowledge"),
    ("[S:Voters] [C:know] [Q:the mayor has no money].", "indirect", "knowledge"),
    # intentions
    ("[S:The city] [C:plans] [Q:to build 500 homes].", "indirect", "intention"),
    ("[S:Ottawa] [C:wants] [Q:to sign the treaty this year].", "indirect", "intention"),
    ("[S:The club] [C:is looking for] [Q:a new coach].", "indirect", "intention"),
    ("[S:The province] [C:intends] [Q:to appeal].", "indirect", "intention"),
    # documents: the source is a report, study, poll, filing, guide, video or data
    ("[S:The report] [C:shows] [Q:that rents rose 12 per cent].", "indirect", "document"),
    ("[C:According to] [S:a study by the university], [Q:rents rose 12 per cent].", "indirect", "document"),
    ("[S:The new food guide] [C:suggests] [Q:that adults eat more beans].", "indirect", "document"),
    ("[S:Court filings] [C:say] [Q:the firm hid its losses].", "indirect", "document"),
    ("[S:The poll] [C:found] [Q:most voters back the plan].", "indirect", "document"),
    ("[S:Security video] [C:showed] [Q:that the man left at midnight].", "indirect", "document"),
    # topics: speech reported only by its subject, or as a question, with no claim
    ("[S:The judges] [C:discussed] [Q:the merits of the appeal] for an hour.", "indirect", "topic"),
    ("[S:The candidate] [C:talked] [Q:about housing and transit].", "indirect", "topic"),
    ("[S:The coach] [C:talked about] [Q:the long road trip].", "indirect", "topic"),
    ("[S:She] [C:spoke] [Q:of her plans for the farm].", "indirect", "topic"),
    ("[S:Reporters] [C:asked] [Q:whether the vote would go ahead].", "indirect", "topic"),
    ("[S:The senator] [C:asked] [Q:about the missing funds].", "indirect", "topic"),
    ("[S:Parents] [C:wondered] [Q:if the school would reopen].", "indirect", "topic"),
    ("[S:A spokesman] [C:declined to comment] [Q:on the lawsuit].", "indirect", "topic"),
    ("[S:The chief] [C:declined] [Q:to comment on the arrest].", "indirect", "topic"),
    ("[S:The minister] [C:responded] [Q:to questions from the opposition].", "indirect", "topic"),
    ("[S:The mayor] [C:addressed] [Q:the crowd on the flooding].", "indirect", "topic"),
    ("[S:He] [C:did not say] [Q:when the plant would close].", "indirect", "topic"),
    ("[S:The governor] [C:has not endorsed] [Q:either candidate].", "indirect", "topic"),
    ("[S:The governor] [C:did not say] [Q:that the race was over].", "indirect", "topic"),
    ("[S:Economists] [C:did not expect] [Q:the rate cut].", "indirect", "belief"),
    ("[S:The premier] [C:mentioned] [Q:the budget] only once.", "indirect", "topic"),
    # ... but the same verbs with a claim, a demand or a quotation are statements
    ("[S:The premier] [C:mentioned] [Q:that the budget was late].", "indirect", "statement"),
    ("[S:The coach] [C:talked about] [Q:how “brutal” the trip was].", "mixed", "statement"),
    ("[S:The union] [C:asked] [Q:for a new vote].", "indirect", "statement"),
    ("[S:The lawyer] [C:asked] the court [Q:to delay the trial].", "indirect", "statement"),
    ("[S:He] [C:commented] [Q:the deal was a mistake].", "indirect", "statement"),
    ("[S:She] [C:mentioned] [Q:the new law is hurting small farms].", "indirect", "statement"),
    ("[Q:Far too many farms have been lost to the new law], [S:she] [C:mentioned].", "indirect", "statement"),
    ("[S:She] [C:spoke out against] [Q:the new pipeline].", "indirect", "statement"),
    ("[S:The senator] [C:raised] [Q:concerns that the bill would raise rents].", "indirect", "statement"),
    ("[S:The company] [C:denied] [Q:any wrongdoing].", "indirect", "statement"),
    ("[S:The mayor] [C:accused] [Q:the council of wasting money].", "indirect", "statement"),
    ("[S:Critics] [C:called] [Q:the plan a giveaway].", "indirect", "statement"),
    ("[S:The doctors] [C:urged] [Q:residents to stay indoors].", "indirect", "statement"),
    ("[S:Protesters] [C:called for] [Q:an inquiry].", "indirect", "statement"),
    ("[S:The driver] [C:refused] [Q:to apologize].", "indirect", "topic"),
    ("[S:The senator] [C:described] [Q:the crash] in detail.", "indirect", "topic"),
    ("[S:The senator] [C:described] [Q:the bill as a disaster].", "indirect", "statement"),
    ("[S:The chief] [C:explained] [Q:how the search would work].", "indirect", "topic"),
    ("[S:The chief] [C:explained] [Q:that the search would resume].", "indirect", "statement"),
    ("[S:The witness] [C:referred] [Q:to the first meeting].", "indirect", "topic"),
    ("Police faced [C:the question] of [Q:whether charges could be laid].", "indirect", "topic"),
    ("[S:Analysts] [C:debated] [Q:whether the merger would close].", "indirect", "topic"),
    ("[S:The host] [C:joked about] [Q:the weather].", "indirect", "topic"),
    ("[S:The host] [C:joked] [Q:that the weather had voted twice].", "indirect", "statement"),
    ("[S:The senator] [C:declined to endorse] [Q:the plan].", "indirect", "topic"),
    ("[S:Forty percent of voters] [C:say] [Q:the economy is getting worse].", "indirect", "document"),
    ("[S:A new campaign ad] [C:claims] [Q:that the mayor raised taxes].", "indirect", "document"),
    ("[S:The polling average] [C:shows] [Q:the two parties tied].", "indirect", "document"),
]

NOT_ATTRIBUTIONS = [
    ("[S:He] [C:felt] [Q:a tap on his shoulder].", "indirect"),
    ("[S:The goalie] [C:tipped] [Q:the shot] over the bar.", "indirect"),
    ("[S:The senator] [C:avoided] [Q:the question].", "indirect"),
    ("[S:She] [C:saw] [Q:the upside of the deal].", "indirect"),
    ("[S:They] [C:heard] [Q:a loud bang].", "indirect"),
    ("The three leaders, [C:known as] [Q:the Three Amigos], met on Friday.", "indirect"),
    ("[S:Video] [C:shows] [Q:a man running across the road].", "indirect"),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence, kind, expected", TYPED)
def test_kinds_classify_types_each_kind_of_attribution(parse, sentence, kind, expected):
    from quoth.kinds import classify

    text, parts = _marked(sentence)
    assert classify(parse(text), _attribution(text, parts, kind)) == expected


@pytest.mark.model
@pytest.mark.parametrize("sentence, kind", NOT_ATTRIBUTIONS)
def test_kinds_classify_drops_what_is_no_attribution(parse, sentence, kind):
    from quoth.kinds import classify

    text, parts = _marked(sentence)
    assert classify(parse(text), _attribution(text, parts, kind)) is None


@pytest.mark.parametrize("word, lemma", [
    ("believes", "believe"), ("planning", "plan"), ("eyeing", "eye"), ("thought", "think"), ("learnt", "learn"),
    ("tipped", "tip"), ("hopes", "hope"), ("said", "say"), ("sought", "seek"), ("unrelated", "unrelated"),
])
def test_kinds_verb_lemma(word, lemma):
    assert verb_lemma(word) == lemma


@pytest.mark.parametrize("line, heading", [
    ("Mayor says bridge will open in May", True),
    ("More snow clearing needed, council hears", True),
    ("The mayor said the bridge would open in May.", False),
    ("“We will win,” she said.", False),
    ("and then the council voted", False),
])
def test_kinds_is_heading(line, heading):
    assert is_heading(line) is heading


@pytest.mark.parametrize("line, furniture", [
    ("READ MORE: Council votes to close the arena", True),
    ("Read more about the budget here", True),
    ("Story continues below advertisement", True),
    ("Jane Roe, The Canadian Press", True),
    ("With files from Reuters", True),
    ("janeroe", True),
    ("The mayor read more than 300 letters.", False),
    ("Story time at the library continues below the main hall, she said.", False),
])
def test_kinds_is_furniture(line, furniture):
    assert is_furniture(line) is furniture


def test_kinds_layout_headline_headings_datelines():
    text = ("Mayor says bridge will open in May\n\nOTTAWA — The mayor said the bridge would open in May.\n\n"
            "Budget worries\n\n“We have the money,” she said.\n")
    layout = find_layout(text)
    assert layout.headline is not None and text[slice(*layout.headline)] == "Mayor says bridge will open in May"
    assert [text[s:e] for s, e in layout.headings] == ["Budget worries"]
    assert [text[s:e] for s, e in layout.datelines] == ["OTTAWA — "]


def test_kinds_layout_no_headline_when_first_line_is_a_sentence():
    assert find_layout("The mayor said the bridge would open.\n\nShe was sure.\n").headline is None


def test_kinds_subtract_cuts_ranges_out_of_pieces():
    text = "OTTAWA — Kevin Vickers is running."
    assert subtract(((0, 21),), ((0, 9),), text) == [(9, 21)]
    assert subtract(((0, 9),), ((0, 9),), text) == []


@pytest.mark.model
def test_kinds_extract_marks_headline_and_keeps_furniture_datelines_and_headings_out():
    import quoth

    text = ("Mayor says bridge will open in May\n\n"
            "HALIFAX — Kevin Vickers said Tuesday that he would run for the party leadership.\n\n"
            "Read more about the leadership race\n\n"
            "Budget fears grow, councillor says\n\n"
            "“We have the money,” the mayor said.\n")
    article = quoth.extract(text, quoth.Options(speakers=False))
    by_content = {a.content.text: a for a in article.attributions}
    headline = [a for a in article.attributions if a.region == "headline"]
    assert [a.content.text for a in headline] == ["bridge will open in May"]
    assert headline[0].source is not None and headline[0].source.text == "Mayor"
    body = [a for a in article.attributions if a.region == "body"]
    assert any("run for the party leadership" in c for c in by_content)
    for a in body:
        for part in (a.content, a.source, a.cue):
            if part is not None:
                assert "HALIFAX" not in part.text and "Read more" not in part.text and "Budget fears" not in part.text
    assert all(a.type == "statement" for a in article.attributions)


@pytest.mark.model
def test_kinds_extract_types_and_drops_in_running_text():
    import quoth

    text = ("The council believes the arena is too old. The city plans to build a new one by 2030. "
            "A report released Monday shows that repairs would cost $40 million. "
            "The goalie tipped the shot over the bar. "
            "“This is the right call,” Mayor Ann Lee said.\n")
    article = quoth.extract(text, quoth.Options(speakers=False))
    types = {a.type for a in article.attributions}
    assert {"belief", "intention", "document", "statement"} <= types
    assert not any("the shot" in a.content.text for a in article.attributions)
    assert [a.id for a in article.attributions] == [f"a{n}" for n in range(1, len(article.attributions) + 1)]


@pytest.mark.parametrize("line, title", [
    ("The Latest GOP Debate Kicked Off In The Most Awkward Way.", True),
    ("Carson: Cruz taking 'Benghazi' approach to Iowa controversy.", True),
    ("Darian Lone is new to advocacy work, but has already proven herself a natural.", False),
    ("The mayor said the bridge would open in May.", False),
])
def test_kinds_is_title_for_period_ended_first_lines(line, title):
    from quoth.kinds.layout import is_title

    assert is_title(line) is title


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", [
    ("[S:Tuesday's attack] [C:showed] [Q:that the rebels can still strike the capital].", "document"),
    ("[S:The figure] [C:includes] [Q:debt approved last year].", "document"),
    ("[S:Few voters] [C:really believed] [Q:that the tax would be cut].", "belief"),
    ("[S:The Liberals] [C:prefer] [Q:that the tax start low].", "belief"),
    ("[S:Senator Ann Lee] [C:showed] [Q:that she had read the bill].", "statement"),
])
def test_kinds_classify_evidence_heads_and_adverbs(parse, sentence, expected):
    from quoth.kinds import classify

    text, parts = _marked(sentence)
    assert classify(parse(text), _attribution(text, parts)) == expected


@pytest.mark.model
def test_kinds_classify_perceived_object_wins_over_a_coordinated_clause(parse):
    """Regression: "felt a tap … and turned around" was typed a belief because the content held a finite verb."""
    from quoth.kinds import classify

    text, parts = _marked("[S:He] [C:felt] [Q:a tap on his shoulder and turned around].")
    assert classify(parse(text), _attribution(text, parts)) is None
