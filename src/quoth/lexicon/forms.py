"""Base forms of inflected words: "said" → "say", "claims" → "claim".

quoth runs spaCy without its lemmatizer (speed); the lexicon's words are looked up through this table instead. It
covers the lexicon's verbs and nouns (``speech``): their irregular forms and their regular -s, -ed and -ing forms.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from .speech import CUE_NOUNS, REPORTING_VERBS

# Irregular forms both stemmers look up: ``base_form``'s table and ``types.verb_lemma``'s (``stem_onto``).
SHARED_IRREGULAR_FORMS = {
    "said": "say", "told": "tell", "thought": "think", "felt": "feel", "knew": "know", "known": "know",
    "wrote": "write", "written": "write", "found": "find", "heard": "hear", "understood": "understand",
    "shown": "show", "spoke": "speak", "read": "read", "foresaw": "foresee", "saw": "see", "seen": "see",
    "meant": "mean", "learnt": "learn", "spoken": "speak", "gave": "give",
}
# Irregular past forms of lexicon verbs (regular ones are generated): the shared ones and these. Not merged with
# ``types``' own irregular forms: each side's extras would change the other's output (``verb_lemma("held")``
# would become "hold"; ``base_form("sought")`` "seek", a tagger feature).
IRREGULAR_FORMS = SHARED_IRREGULAR_FORMS | {
    "held": "hold", "taught": "teach", "swore": "swear", "sworn": "swear",
    "forecast": "forecast", "upheld": "uphold", "became": "become", "took": "take",
    "made": "make", "put": "put", "led": "lead", "brought": "bring",
}
# Verbs outside REPORTING_VERBS whose forms the rules look up ("talked about", "spoke of").
EXTRA_VERBS = frozenset({"talk", "speak", "write", "brag", "boast"})
# Verbs ending in a stressed-less syllable: no doubled consonant ("answered", not "answerred").
_NO_DOUBLING = frozenset({"answer", "question", "wonder", "happen", "mention", "threaten", "reason", "offer"})


def regular_forms(base: str) -> list[str]:
    """-s, -ed and -ing forms of a regular English verb (or noun plural)."""
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return [base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base.endswith("e"):
        return [base + "s", base + "d", base[:-1] + "ing"]
    forms = [base + ("es" if base.endswith(("s", "sh", "ch", "x", "z")) else "s"), base + "ed", base + "ing"]
    if len(base) >= 3 and base[-1] in "tpgmnrl" and base[-2] in "aeiou" and base[-3] not in "aeiou" \
            and base not in _NO_DOUBLING:
        forms += [base + base[-1] + "ed", base + base[-1] + "ing"]
    return forms


def build_form_table(verbs: Iterable[str], nouns: Iterable[str]) -> dict[str, str]:
    """Form → base form, in a fixed order (sorted, verbs' inflections first) so every process agrees: a form two
    words generate ("reports": the verb "report" + s, and the noun "reports") maps to the verb."""
    table = dict(IRREGULAR_FORMS)
    for base in sorted(verbs):
        table.setdefault(base, base)
        for form in regular_forms(base):
            table.setdefault(form, base)
    for word in sorted(nouns):
        table.setdefault(word, word)
    return table


BASE_OF_FORM = build_form_table(REPORTING_VERBS | EXTRA_VERBS, CUE_NOUNS)


def base_form(word: str) -> str:
    """The lexicon's base form of an inflected word ("said" → "say"), else the word lower-cased."""
    low = word.lower()
    return BASE_OF_FORM.get(low, low)


def stem_onto(word: str, vocabulary: Collection[str], irregular: Mapping[str, str]) -> str:
    """The word of ``vocabulary`` an inflected word is a form of, else the word lower-cased: its entry in
    ``irregular`` first, then the word itself when it is in the vocabulary, then the first regular-inflection
    candidate (``suffix_candidates``) that is. For lists whose forms are not in ``BASE_OF_FORM``."""
    low = word.lower()
    if low in irregular:
        return irregular[low]
    if low in vocabulary:
        return low
    for candidate in suffix_candidates(low):
        if candidate in vocabulary:
            return candidate
    return low


def suffix_candidates(low: str) -> list[str]:
    """Candidate base forms of a regular inflection, in the order tried: -ies, -ied, -es, -s, -ed, -d, -ing, then
    an undoubled consonant ("planned" → "plan")."""
    out = []
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ing", ""), ("ing", "e")):
        if low.endswith(suffix) and len(low) > len(suffix) + 1:
            out.append(low[: -len(suffix)] + repl)
    for suffix in ("ed", "ing"):
        stem = low[: -len(suffix)] if low.endswith(suffix) else ""
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    return out
