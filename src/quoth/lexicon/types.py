"""The type lexicon: which cue words report a belief, knowledge, an intention, a document's finding or only a topic,
which sources are documents, and which "cues" report nothing at all.

Drawn from the cue words of PolNeAR train's gold attributions (``scripts/type_lexicon_report.py`` lists them by
type) and from the attribution guidelines' own examples; never from the ggt-dev check set.
"""

from __future__ import annotations

from .forms import SHARED_IRREGULAR_FORMS, stem_onto

# Think, believe, feel, expect … : the content is what the source holds true, not what it said.
BELIEF_VERBS = frozenset("""
think believe feel expect hope fear doubt suspect assume presume suppose reckon worry imagine anticipate
trust consider regard deem view seem appear guess sense wonder prefer
""".split())

# Adjectives of belief after "be": "is convinced that", "is confident", "was worried that".
BELIEF_ADJECTIVES = frozenset("""
convinced sure confident certain skeptical sceptical optimistic pessimistic hopeful worried afraid fearful
concerned doubtful unsure uncertain upbeat adamant
""".split())

# Know, learn, find out …: the source came to know the content.
KNOWLEDGE_VERBS = frozenset("know learn discover realize realise notice understand recognize recognise".split())
KNOWLEDGE_ADJECTIVES = frozenset("aware unaware".split())

# Perception verbs: knowledge when a clause follows ("saw that …"), no attribution when a thing does ("saw a car").
PERCEPTION_VERBS = frozenset("see hear watch feel notice smell sense witness".split())

# Plan, want, intend …: the content is what the source means to do.
INTENTION_VERBS = frozenset("""
plan want intend aim seek try attempt wish desire prepare mean eye look strive decide choose
""".split())
INTENTION_ADJECTIVES = frozenset("determined eager keen intent set poised ready".split())

# Promises made in words are statements; with only a "to"-infinitive and no quotation they are read as intentions.
COMMITMENT_VERBS = frozenset("vow pledge promise commit threaten resolve".split())

# Verbs a document "says" with: "the report shows", "the study found", "data suggest".
FINDING_VERBS = frozenset("show find suggest indicate conclude reveal demonstrate estimate project predict".split())

# Head nouns of a source that is a document, record, recording or data rather than a speaker.
DOCUMENT_NOUNS = frozenset("""
report reports study studies poll polls survey surveys filing filings guide guidelines video videos footage
clip clips data figure figures statistics stats numbers document documents record records research analysis
analyses audit audits census chart charts graph graphs map maps photo photos photograph photographs image
images picture pictures recording recordings tape tapes transcript transcripts evidence findings results
test tests forecast forecasts projection projections model models index paper papers article story stories
ruling rulings judgment judgement verdict indictment affidavit lawsuit suit petition motion bill law
legislation regulation regulations rule rules policy proposal agreement contract treaty constitution
statute warrant dataset database website site page cctv camera cameras screenshot calculation
calculations tally count review investigation inquiry probe assessment evaluation estimate estimates
budget book books documentary film memo manual textbook dossier brief summary readout biography sign signs banner
banners placard placards poster posters plaque plaques inscription ad ads advert
adverts advertisement advertisements commercial commercials percent percentage polling average averages
""".split())

# Nouns that carry a person's or organisation's own words: the source stays a speaker ("in a statement").
SPEECH_NOUNS = frozenset("""
statement statements release releases letter letters email emails tweet tweets post posts speech speeches
interview interviews remark remarks comment comments testimony briefing conference announcement message
""".split())

# Topic verbs: with a noun phrase ("discussed the merits of the case"), a prepositional phrase ("talked about
# immigration", "spoke of his plans", "commented on the ruling", "responded to questions") or a question ("debated
# whether …") as content they report only what the speech was about, not what was said: type ``topic``. With a
# clause ("mentioned that …") they report a claim: a statement.
TOPIC_VERBS = frozenset("""
discuss talk speak comment address mention raise ask answer respond reply testify debate inquire enquire query
brief broach touch weigh elaborate speculate refer describe explain outline detail recount joke interview recall
""".split())

# Verbs whose wh-/whether/if clause is a question asked, not a claim made ("asked whether the meeting would
# happen", "wondered if …", "questioned whether …"); with "that", an infinitive or "for" ask is a demand.
QUESTION_VERBS = frozenset("ask wonder question inquire enquire query".split())

# Verbs that withhold speech or action: "declined to comment on …", "refused to say whether …", "declined
# comment", "refused to endorse him": what is reported is that something was not said or done, not a claim.
WITHHOLDING_VERBS = frozenset("decline refuse".split())

# Verbs of speech that a negation or a withholding verb leaves with no claim: "would not say whether …",
# "declined to elaborate". Only these: "refused to apologise" or "claimed to be" are not withheld speech.
WITHHELD_SPEECH_VERBS = TOPIC_VERBS | frozenset("""
say tell confirm deny disclose reveal specify detail identify name explain provide give
""".split())

# Cue words that report no speech, thought or finding: physical action. Kept short: PolNeAR train's gold counts
# figurative uses of many action verbs as attributions ("hit Clinton over trade", "pushed for", "blocked the law",
# "shot back"), so only verbs that are hardly ever figurative for speech are here.
ACTION_VERBS = frozenset("avoid tip tap grab kick score".split())
# Deeds done to a thing, not speech about it: with a noun phrase as content ("signed the act", "attended the
# wedding", "led the search", "filed a lawsuit") nothing said is reported. Only verbs
# that our labels of PolNeAR train never show as a statement with a noun phrase ("opposed/endorsed/backed X" and
# "delivered a warning" report a stance or a speech act and are left out). Kept out of ``VOCABULARY`` and the
# learned step's cue classes, so the cue's lemma and the shipped weights are unchanged.
DEED_VERBS = frozenset("""
sign attend lead appoint nominate hire fire file withhold forward perform spend donate visit host vote
veto sue
""".split())
DEED_IRREGULAR = {"led": "lead", "withheld": "withhold", "spent": "spend"}
# Court and police deeds, same rule: "charged the man with assault", "sentenced him to two years", "arrested
# three people" ("charged that …", a clause, stays an accusation).
DEED_VERBS = DEED_VERBS | frozenset("charge sentence arrest convict acquit fine jail detain".split())
# Verbs of sharing: with a picture, a video or a link as content ("tweeted a photo of the bridge", "posted a
# video") a thing was shared, nothing said is reported.
SHARING_VERBS = frozenset("tweet retweet post share email forward send upload".split())
SHARED_THINGS = frozenset("""
photo photos photograph photographs picture pictures image images video videos clip clips footage link links
selfie selfies gif gifs meme memes map maps chart charts screenshot screenshots
""".split())
NAMING_PHRASES = ("known as", "dubbed", "nicknamed", "so-called", "billed as", "referred to as", "also called")

AUXILIARIES = frozenset("""
be is are was were been being am has have had having do does did will would shall should can could may
might must also not n't never still later first then now again even just already repeatedly reportedly
the a an his her their its
""".split())

# The irregular forms ``verb_lemma`` knows: those shared with ``forms.base_form`` and these (kept apart from
# ``forms.IRREGULAR_FORMS``, whose other forms would change this lexicon's lemmas; see there).
_IRREGULAR = SHARED_IRREGULAR_FORMS | {
    "shot": "shoot", "hit": "hit", "threw": "throw", "thrown": "throw", "caught": "catch", "chose": "choose",
    "chosen": "choose", "ran": "run", "sought": "seek", "given": "give",
}

VOCABULARY = (BELIEF_VERBS | KNOWLEDGE_VERBS | PERCEPTION_VERBS | INTENTION_VERBS | COMMITMENT_VERBS
              | FINDING_VERBS | ACTION_VERBS | WITHHELD_SPEECH_VERBS | QUESTION_VERBS | WITHHOLDING_VERBS
              | frozenset({"find", "say", "tell", "write", "speak", "read"}))


def verb_lemma(word: str) -> str:
    """The lexicon lemma of an inflected verb ("believes" → "believe", "planning" → "plan"), else the word
    lower-cased. quoth runs spaCy without a lemmatizer, so the lexicon brings its own."""
    return stem_onto(word, VOCABULARY, _IRREGULAR)
