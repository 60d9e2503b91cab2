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
statement interview remark remarks comment comments claim claims assertion announcement report reports
tweet post letter memo email speech testimony release briefing conference
""".split())

# Multi-word cues, matched on lower-cased text.
CUE_PHRASES = (
    "according to", "told reporters", "has learned", "have learned", "in a statement", "said in a statement",
    "went on to say", "pointed out", "made clear", "spoke of", "weighed in",
)

# Irregular past forms of lexicon verbs (regular ones are generated below).
_IRREGULAR = {
    "said": "say", "told": "tell", "thought": "think", "felt": "feel", "knew": "know", "known": "know",
    "wrote": "write", "written": "write", "found": "find", "heard": "hear", "understood": "understand",
    "shown": "show", "spoke": "speak", "spoken": "speak", "read": "read", "foresaw": "foresee", "saw": "see",
    "seen": "see", "meant": "mean", "held": "hold", "taught": "teach", "swore": "swear", "sworn": "swear",
    "forecast": "forecast", "upheld": "uphold", "became": "become", "took": "take", "gave": "give",
    "made": "make", "put": "put", "learnt": "learn", "led": "lead", "brought": "bring",
}


def _regular_forms(lemma: str) -> list[str]:
    """-s, -ed and -ing forms of a regular English verb (or noun plural)."""
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith("e"):
        return [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    forms = [lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s"), lemma + "ed", lemma + "ing"]
    if len(lemma) >= 3 and lemma[-1] in "tpgmnrl" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou" \
            and lemma not in ("answer", "question", "wonder", "happen", "mention", "threaten", "reason", "offer"):
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return forms


def _build_lemma_table() -> dict[str, str]:
    """Form → lemma, in a fixed order (sorted, verbs' inflections first) so every process agrees: a form two
    words generate ("reports": the verb "report" + s, and the noun "reports") maps to the verb."""
    table = dict(_IRREGULAR)
    verbs = sorted(SPEECH_VERBS | {"talk", "speak", "write", "brag", "boast"})
    for lemma in verbs:
        table.setdefault(lemma, lemma)
        for form in _regular_forms(lemma):
            table.setdefault(form, lemma)
    for word in sorted(CUE_NOUNS):
        table.setdefault(word, word)
    return table


LEMMA_OF_FORM = _build_lemma_table()


def lemma(word: str) -> str:
    """The lexicon lemma of an inflected cue word ("said" → "say"), else the word lower-cased.

    quoth runs spaCy without its lemmatizer (speed); cue lookups go through this table instead.
    """
    low = word.lower()
    return LEMMA_OF_FORM.get(low, low)
