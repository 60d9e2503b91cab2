"""Dispute detection on hand-written texts: attributions are marked by hand (see speaker_fixtures), so these tests
do not depend on the extractor. Precision first: every negative must yield no dispute.
"""

from __future__ import annotations

import pytest

from speaker_fixtures import parse_marked, resolve

pytestmark = pytest.mark.model

# (marked text, the disputing attribution, a word of the disputed entity's name)
POSITIVES = [
    ("[1|John Smith|] {1|said|} <1|taxes would fall|>. [2|The Treasury|] {2|rejected|} <2|Smith's claims|>.",
     "a2", "Smith"),
    ("[1|Maria Lopez|] {1|said|} <1|the mine was safe|>. [2|The union|] {2|denied|} <2|Lopez's claim that the "
     "mine was safe|>.", "a2", "Lopez"),
    ("[1|Senator Tom Burke|] {1|told|} <1|reporters the deal was done|>. [2|The White House|] {2|disputed|} "
     "<2|Burke's account of the meeting|>.", "a2", "Burke"),
    ("[1|Kristi Noem|] {1|said|} <1|Petro praised the gang|>. [2|Colombia|] {2|said|} <2|her statements were "
     "incorrect|>.", "a2", "Noem"),
    ("[1|Anna Berg|] {1|said|} <1|the vaccine was unsafe|>. [2|Doctors|] {2|pushed back on|} <2|Berg's claim|>.",
     "a2", "Berg"),
    ("[1|Paul Kerr|] {1|claimed|} <1|the vote was rigged|>. [2|Election officials|] {2|dismissed|} <2|Kerr's "
     "claims as false|>.", "a2", "Kerr"),
    ("[1|Mayor Linda Hart|] {1|said|} <1|crime had doubled|>. [2|Police Chief Ray Mills|] {2|called|} <2|Hart's "
     "remarks false|>.", "a2", "Hart"),
    ("[1|David Cole|] {1|said|} <1|the plant would close|>. [2|The company|] {2|contradicted|} <2|Cole|> on "
     "Tuesday.", "a2", "Cole"),
    ("[1|Sarah Quinn|] {1|asserted|} <1|the budget was balanced|>. [2|Analysts|] {2|rebutted|} <2|Quinn's "
     "assertion|>.", "a2", "Quinn"),
    ("[1|Mark Diaz|] {1|alleged|} <1|fraud in the count|>. [2|The board|] {2|refuted|} <2|the allegations made "
     "by Mark Diaz|>.", "a2", "Diaz"),
    ("[1|Helen Park|] {1|said|} <1|the firm hid losses|>. [2|The firm|] {2|took issue with|} <2|Park's "
     "characterization|>.", "a2", "Park"),
    ("[1|The ministry|] {1|said|} <1|\"The government categorically rejects the statements made by Senator "
     "Maria Lopez.\"|>", "a1", "Lopez"),
    ("[1|Senator Maria Lopez|] {1|said|} <1|the border was open|>. [2|The ministry|] {2|rejected|} <2|the words "
     "of Senator Maria Lopez|>.", "a2", "Lopez"),
    ("[1|Tim Olsen|] {1|said|} <1|the bridge was sound|>. [2|Engineers|] {2|said|} <2|Olsen's claim is "
     "untrue|>.", "a2", "Olsen"),
    ("[1|Governor Amy Reed|] {1|said|} <1|the lake was clean|>. [2|Scientists|] {2|said|} <2|Reed's statement "
     "was inaccurate|>.", "a2", "Reed"),
    ("[1|James Ford|] {1|said|} <1|he had never met the lobbyist|>. [2|The newspaper|] {2|disputed|} <2|Ford's "
     "version of events|>.", "a2", "Ford"),
    ("[1|Carla Mendes|] {1|accused|} <1|the mayor of lying|>. [2|The mayor|] {2|denied|} <2|Mendes's "
     "accusation|>.", "a2", "Mendes"),
    ("[1|Peter Nolan|] {1|said|} <1|wages were rising|>. [2|Unions|] {2|said|} <2|Nolan's figures were "
     "misleading and his claims were false|>.", "a2", "Nolan"),
    ("[1|Ruth Adler|] {1|said|} <1|the school was failing|>. [2|Parents|] {2|rejected|} <2|Adler's "
     "description of the school|>.", "a2", "Adler"),
    ("[1|Omar Haddad|] {1|said|} <1|the ceasefire had collapsed|>. [2|The army|] {2|dismissed|} <2|Haddad's "
     "remarks as baseless|>.", "a2", "Haddad"),
    ("[1|Greg Wilson|] {1|said|} <1|the report was leaked|>. [2|The agency|] {2|denied|} <2|the claims by "
     "Greg Wilson|>.", "a2", "Wilson"),
    ("[1|Nina Petrova|] {1|said|} <1|the election was fair|>. [2|Observers|] {2|contested|} <2|Petrova's "
     "assessment|>.", "a2", "Petrova"),
    ("[1|Steve Grant|] {1|said|} <1|the drug worked|>. [2|Regulators|] {2|said|} <2|\"Grant's claims are "
     "simply wrong.\"|>", "a2", "Grant"),
    ("[1|Lisa Moore|] {1|said|} <1|the council had approved the tower|>. [2|Councillors|] {2|refuted|} "
     "<2|Moore's statement|>.", "a2", "Moore"),
    ("[1|Frank Ito|] {1|argued|} <1|the tariffs helped farmers|>. [2|Farmers|] {2|pushed back against|} "
     "<2|Ito's argument|>.", "a2", "Ito"),
    ("[1|Diane Shaw|] {1|said|} <1|the hospital had no beds|>. [2|The hospital|] {2|called|} <2|Shaw's "
     "comments a lie|>.", "a2", "Shaw"),
    ("[1|Victor Ruiz|] {1|said|} <1|the strike was over|>. [2|Workers|] {2|contradicted|} <2|Ruiz|> within "
     "hours.", "a2", "Ruiz"),
    ("[1|Kevin Boyd|] {1|claimed|} <1|he had won|>. [2|The commission|] {2|rejected|} <2|Boyd's claim of "
     "victory|>.", "a2", "Boyd"),
    ("[1|Emma Stone|] {1|said|} <1|the park would close|>. [2|The city|] {2|disputed|} <2|Stone's remarks|> "
     "on Friday.", "a2", "Stone"),
    ("[1|Hugo Brandt|] {1|insisted|} <1|the loan was legal|>. [2|Prosecutors|] {2|said|} <2|Brandt's account "
     "was fabricated|>.", "a2", "Brandt"),
    ("[1|Alice Wong|] {1|said|} <1|the data were lost|>. [2|The lab|] {2|rebutted|} <2|Wong|> in a letter.",
     "a2", "Wong"),
    ("[1|Sam Patel|] {1|said|} <1|the deal was signed|>. [2|Officials|] {2|denied|} <2|Patel's report|>, "
     "[3|they|] {3|said|} <3|Patel's statement was false|>.", "a3", "Patel"),
    ("[1|Ana Ruiz|] {1|said|} <1|the mine was safe|>. [2|Union leader Tom Hale|] {2|dismissed|} <2|it as a "
     "fantasy|>.", "a2", "Ruiz"),
    ("[1|Tom Burke|] {1|said|} <1|the talks had collapsed|>. Contrary to Burke's claims, [2|the envoy|] {2|said|} "
     "<2|the talks were going well|>.", "a2", "Burke"),
    ("[1|Tom Burke|] {1|said|} <1|the plant will close next year|>. But [2|the company|] {2|said|} <2|the plant "
     "will not close next year|>.", "a2", "Burke"),
]

# Disputes whose party is unnamed (guideline, data/disputes-dev/README.md): (marked text, by, kind, target text).
# Before issue 15 these were negatives, as the old rules needed a named party.
UNNAMED = [
    ("[1|The company|] {1|denied|} <1|that it had been hacked|>.", "a1", "denial", "it had been hacked"),
    ("[1|James Ford|] {1|said|} <1|the claims were false|>.", "a1", "denial", None),
    ("[1|The agency|] {1|denied|} <1|the allegations|>.", "a1", "denial", None),
    ("[1|The union|] {1|rejected|} <1|the claims|>.", "a1", "rejection", None),
    ("[1|Tom Burke|] {1|denied|} <1|wrongdoing|> and [2|Anna Berg|] {2|praised|} <2|his comments|>.", "a1",
     "denial", "wrongdoing"),
    ("[1|The mayor|] {1|said|} <1|his remarks had been taken out of context|>.", "a1", "correction", None),
    ("[1|A spokesman|] {1|said|} <1|the report was false|>.", "a1", "denial", None),
    ("[1|The families|] {1|said|} <1|the claims are unfounded|>.", "a1", "denial", None),
    ("[1|The mayor|] {1|said|} <1|his words had been misquoted|>.", "a1", "correction", None),
    ("[1|The minister|] {1|disputed|} <1|the notion that the reform had failed|>.", "a1", "rejection",
     "the reform had failed"),
    ("[1|The club|] {1|said|} <1|there was no truth to the report|>.", "a1", "denial", None),
    ("[1|The club|] {1|rejected|} <1|the idea that the coach had quit|>.", "a1", "rejection", "the coach had quit"),
    ("The talks ended after <1|the allegations|>, which [1|the minister|] {1|denies|}, were read out.", "a1",
     "denial", None),
    ("[1|The mayor|] {1|called|} <1|the report fake news|>.", "a1", "denial", None),
    ("[1|The firm|] {1|said|} <1|the story was made up|>.", "a1", "denial", None),
    ("[1|The envoy|] {1|said|} <1|that was simply not the case|>.", "a1", "denial", None),
]

NEGATIVES = [
    "[1|The Senate|] {1|rejected|} <1|the bill|> on Tuesday.",
    "[1|The embassy|] {1|said|} <1|the travellers were denied entry|>.",
    "[1|John Smith|] {1|refused to comment|} <1|on the report|>.",
    "[1|The court|] {1|rejected|} <1|the appeal by Maria Lopez|>.",
    "[1|The mayor|] {1|denied|} <1|Tom Burke's request for a permit|>.",
    "[1|Anna Berg|] {1|said|} <1|the weather was wrong for flying|>.",
    "[1|Paul Kerr|] {1|called|} <1|the plan ridiculous|>.",
    "[1|Linda Hart|] {1|said|} <1|Ray Mills's comments were well received|>.",
    "[1|David Cole|] {1|said|} <1|he did not deny Sarah Quinn's claim|>.",
    "[1|The minister|] {1|refused to deny|} <1|Mark Diaz's claims|>.",
    "[1|Helen Park|] {1|challenged|} <1|Tim Olsen to a debate|>.",
    "[1|The board|] {1|questioned|} <1|Amy Reed about the budget|>.",
    "[1|Carla Mendes|] {1|said|} <1|Peter Nolan's story was true|>.",
    "[1|Ruth Adler|] {1|described|} <1|Omar Haddad's story as compelling|>.",
    "[1|Greg Wilson|] {1|rejected|} <1|Nina Petrova's resignation|>.",
    "[1|Steve Grant|] {1|said|} <1|he had contradicted himself|>.",
    "[1|The data|] {1|contradicted|} <1|the forecast|>.",
    "[1|The consulate|] {1|denied|} <1|Lisa Moore a visa|>.",
    "[1|Frank Ito|] {1|pushed back|} <1|the deadline|>.",
    "[1|The court|] {1|denied|} <1|bail to Tom Burke|>.",
    "[1|Anna Berg|] {1|said|} <1|she would deny any claim that came up|>.",
    "[1|The union|] {1|rejected|} <1|the offer from the company|>.",
    "[1|Ray Mills|] {1|asked|} <1|whether the report was false|>.",
    "[1|The council|] {1|rejected|} <1|the idea of raising taxes|>.",
    "[1|Ben Hale|] {1|defended|} <1|himself against claims he exaggerated his record|>.",
    "[1|Tom Burke|] {1|said|} <1|the plant will close next year|>. [2|The company|] {2|said|} <2|the new line "
    "will not open before June|>.",
    "[1|Sam Patel|] {1|said|} <1|people had always discounted what his team could do|>.",
    "[1|The critics|] {1|will scoff|} <1|at the notion|>, [2|Anna Berg|] {2|wrote|} <2|in her column|>.",
    "[1|Diane Shaw|] {1|rejected|} <1|calls for her resignation|>.",
    "[1|Victor Ruiz|] {1|disputed|} <1|the bill's cost|>.",
    "[1|Kevin Boyd|] {1|rejected|} <1|Emma Stone's offer|>.",
    "[1|The judge|] {1|dismissed|} <1|the case against Hugo Brandt|>.",
    "[1|Alice Wong|] {1|said|} <1|Sam Patel's statement was released on Monday|>.",
    "[1|Sam Patel|] {1|said|} <1|the forecast was wrong|>.",
    "[1|Officials|] {1|declined to dispute|} <1|Maria Lopez's account|>.",
    "[1|Maria Lopez|] {1|said|} <1|her own statement was incorrect|>.",
    "[1|The council|] {1|rejected|} <1|John Smith's proposal|>.",
]


def _disputes(marked: str):
    from quoth.disputes import find_disputes

    doc, atts, ents = resolve(marked)
    return find_disputes(doc, list(atts.values()), list(ents.values())), ents


@pytest.mark.parametrize("marked,by,target", POSITIVES)
def test_disputes_finds_positive(marked, by, target):
    disputes, ents = _disputes(marked)
    assert disputes, f"no dispute found in: {parse_marked(marked)[0]}"
    found = [d for d in disputes if d.by == by]
    assert found, f"disputes {disputes} not by {by}"
    names = [ents[d.target_entity].name for d in found if d.target_entity in ents]
    assert any(target in name for name in names), f"targets {names} lack {target}"


@pytest.mark.parametrize("marked,by,kind,target_text", UNNAMED)
def test_disputes_finds_unnamed_party(marked, by, kind, target_text):
    disputes, _ = _disputes(marked)
    assert [(d.by, d.kind, d.target_entity) for d in disputes] == [(by, kind, None)]
    assert (disputes[0].target_text.text if disputes[0].target_text else None) == target_text


@pytest.mark.parametrize("marked", NEGATIVES)
def test_disputes_ignores_negative(marked):
    disputes, _ = _disputes(marked)
    assert disputes == [], f"invented a dispute in: {parse_marked(marked)[0]}"


def test_disputes_fixture_counts_meet_the_bar():
    assert len(POSITIVES) >= 30 and len(NEGATIVES) >= 30 and len(UNNAMED) >= 10


def test_disputes_target_attribution_is_the_disputed_statement():
    disputes, _ = _disputes(POSITIVES[0][0])
    assert disputes[0].target_attribution == "a1"
    assert disputes[0].cue.text == "rejected"


def test_disputes_demonstrative_targets_previous_statement():
    marked = ("[1|John Smith|] {1|said|} <1|the plant was safe|>. [2|The regulator|] {2|disputed|} <2|that "
              "account|>.")
    disputes, ents = _disputes(marked)
    assert [(d.by, d.target_attribution) for d in disputes] == [("a2", "a1")]
    assert ents[disputes[0].target_entity].name == "John Smith"


@pytest.mark.parametrize("text,target", [
    ('Senator Maria Lopez said the border was open. The ministry said in a statement: "The government '
     'categorically rejects the statements made by Senator Maria Lopez."', "Maria Lopez"),
    ("Kristi Noem said Petro called the cartel members his friends. The Colombian Foreign Ministry rejected "
     "Noem's claims, saying her statements were incorrect.", "Kristi Noem"),
])
def test_disputes_end_to_end_through_extract(text, target):
    import quoth

    article = quoth.extract(text)
    assert article.disputes, f"no dispute; attributions: {[a.to_dict() for a in article.attributions]}"
    for dispute in article.disputes:
        assert article.entity(dispute.target_entity).name == target
        assert article.attribution(dispute.by) is not None


def test_disputes_none_end_to_end_for_plain_reporting():
    import quoth

    article = quoth.extract("The Senate rejected the bill on Tuesday, officials said. The court denied bail to the "
                            "driver. The mayor refused to comment.")
    assert article.disputes == []


# Issue 15, third round: more of the guideline's wording and plain English (quoth.disputes.phrases and the lexicon).
# (marked text, the disputing attribution, kind)
MORE_POSITIVES = [
    ("[1|Tom Burke|] {1|said|} <1|the mine will close|>. [2|Ann Jones|] {2|countered|} <2|that the mine was "
     "profitable|>.", "a2", "contradiction"),
    ("[1|Tom Burke|] {1|said|} <1|the mayor had called him a liar|>. [2|The mayor|] {2|said|} <2|he never said "
     "that|>.", "a2", "denial"),
    ("[1|Tom Burke|] {1|said|} <1|the mine will close|>. [2|The union|] {2|disagreed with|} <2|that "
     "assessment|>.", "a2", "rejection"),
    ("[1|Tom Burke|] {1|said|} <1|the mine will close|>. [2|Ann Jones|] {2|said|} <2|Burke falsely claimed that the "
     "mine would close|>.", "a2", "rejection"),
    ("[1|Tom Burke|] {1|said|} <1|the mine will close|>. [2|Ann Jones|] {2|said|} <2|Burke got it wrong|>.", "a2",
     "rejection"),
    ("[1|Tom Burke|] {1|accused|} <1|Ann Jones of fraud|>. [2|Jones|] {2|said|} <2|the allegations were without "
     "merit|>.", "a2", "rejection"),
    ("[1|Tom Burke|] {1|said|} <1|the budget doubled|>. [2|Ann Jones|] {2|said|} <2|Burke's numbers did not add "
     "up|>.", "a2", "rejection"),
    ("[1|Tom Burke|] {1|said|} <1|the mine will close|>. [2|Ann Jones|] {2|said|} <2|there was no evidence to "
     "support that|>.", "a2", "rejection"),
    ("[1|Tom Burke|] {1|accused|} <1|Ann Jones of fraud|>. [2|Jones|] {2|denounced|} <2|the accusations as "
     "lies|>.", "a2", "rejection"),
    ("[1|Tom Burke|] {1|said|} <1|the mine will close|>. [2|Ann Jones|] {2|said|} <2|the report was "
     "misinformation|>.", "a2", "rejection"),
    ("[1|Tom Burke|] {1|said|} <1|the mine will close|>. [2|Ann Jones|] {2|said|} <2|the story was a "
     "fabrication|>.", "a2", "rejection"),
    ("[1|Tom Burke|] {1|said|} <1|the mine will close|>. [2|Ann Jones|] {2|said|} <2|Burke's account was a "
     "distortion of the facts|>.", "a2", "correction"),
    ("[1|Tom Burke|] {1|said|} <1|the mine was unsafe|>. [2|Ann Jones|] {2|said|} <2|she was sick of Republicans "
     "lying about her record|>", "a2", "rejection"),
    ("[1|Tom Burke|] {1|told|} <1|a story about a bear in the mine|>. [2|Ann Jones|] {2|mocked|} <2|Burke's "
     "story|>.", "a2", "rejection"),
]

MORE_NEGATIVES = [
    "[1|The coach|] {1|said|} <1|the team countered with a goal|>.",
    "[1|Tom Burke|] {1|said|} <1|voters should not make it on that basis|>.",
    "[1|The party|] {1|said|} <1|it would ensure it never happens again|>.",
    "[1|Ann Jones|] {1|said|} <1|the new rules were challenging the industry|>.",
    "[1|Ann Jones|] {1|disagreed with|} <1|the decision to close the mine|>.",
    "[1|Tom Burke|] falsely {1|claimed|} <1|that the mine would close|>.",
    "[1|Ray Mills|] {1|said|} <1|Burke never said how he would pay for it|>.",
    "[1|The judge|] {1|said|} <1|the lawsuit had no merit|>.",
    "[1|Ann Jones|] {1|said|} <1|we got it wrong last year|>.",
    "[1|Ann Jones|] {1|said|} <1|the old bridge did not hold up in the storm|>.",
    "[1|Ann Jones|] {1|said|} <1|no one has disputed a word I said|>.",
    "[1|The audit|] {1|cited|} <1|no evidence that the clerk changed the count|>.",
    "[1|Other voices|] {1|counter|} <1|it's time to embrace the mine|>.",
    "[1|Many investors|] {1|assumed|} <1|that the mine would close, but that wasn't the case|>.",
    "[1|Ann Jones|] {1|said|} <1|there are people that she disagrees with|>.",
    "[1|Ann Jones|] {1|said|} <1|the win marks something that hasn't happened since 1984|>.",
    "[1|Ann Jones|] {1|said|} <1|her idea is being mocked in the media as usual|>.",
    "[1|Tom Burke|] {1|said|} <1|the mine will close|>. [2|I|] {2|would say|} <2|\"That's ridiculous\"|>, "
    "[3|Ann Jones|] {3|said|} <3|of the hypothetical|>.",
]


@pytest.mark.parametrize("marked,by,kind", MORE_POSITIVES)
def test_disputes_finds_more_of_the_guideline(marked, by, kind):
    disputes, _ = _disputes(marked)
    assert [(d.by, d.kind) for d in disputes] == [(by, kind)], f"in: {parse_marked(marked)[0]}"


@pytest.mark.parametrize("marked", MORE_NEGATIVES)
def test_disputes_ignores_more_negatives(marked):
    disputes, _ = _disputes(marked)
    assert disputes == [], f"invented a dispute in: {parse_marked(marked)[0]}"


def test_disputes_falsely_names_the_claims_maker():
    marked = next(m for m, _, _ in MORE_POSITIVES if "falsely" in m)
    disputes, ents = _disputes(marked)
    assert [ents[d.target_entity].name for d in disputes if d.target_entity] == ["Tom Burke"]
