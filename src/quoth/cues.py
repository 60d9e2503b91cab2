"""The cue lexicon: verbs, nouns and phrases that introduce reported speech, beliefs and intentions."""

from __future__ import annotations

# Lemmas of verbs that report speech, writing, thought, belief or intention (PolNeAR counts all of these).
SPEECH_VERBS = frozenset("""
say tell add state claim argue assert insist note explain announce declare report reveal write tweet post
warn suggest acknowledge admit concede confirm deny reject dispute contend maintain reply respond answer
ask wonder question predict promise pledge vow threaten urge call demand accuse charge complain criticize
praise describe recall remember describe testify comment remark observe point mention emphasize stress
assure affirm allege boast brag quip joke joked lament decry blast slam counter retort rebut protest
believe think feel know hope expect fear worry doubt suspect want plan intend agree disagree estimate
find show indicate conclude learn hear read understand realize recognize consider say signal hint
caution continue repeat reiterate concur acknowledge recommend propose advise inform notify
""".split())

# Nouns heading an attribution phrase: "according to", "in a statement", "his claim that".
CUE_NOUNS = frozenset("""
statement interview remarks comment comments claim claims assertion announcement report reports
tweet post letter memo email speech testimony release briefing conference
""".split())

# Multi-word cues, matched on lower-cased text.
CUE_PHRASES = (
    "according to", "told reporters", "has learned", "have learned", "in a statement", "said in a statement",
    "went on to say", "pointed out", "made clear", "spoke of", "weighed in",
)
