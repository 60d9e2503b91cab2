"""British quotation style (single marks outside, double inside): the style decision, the double-mark view, the
pairing, the quoted mask, the whole pipeline, and the converted PolNeAR dev gap. Texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quoth.evaluate.quote_styles import to_single_style
from quoth.quote_style import double_view, quote_style
from quoth.quotes import pair_quotes, quoted_mask

STRAIGHT = ("The Home Secretary said: 'We have no plans to change the rules this year.'\n\n"
            "'That is simply not good enough,' said the Greens' spokeswoman, Maya Trent. "
            "'The ministers' report was shelved in the '90s and nobody's read it since.'")
CURLY = STRAIGHT.replace(" '", " ‘").replace("\n'", "\n‘").replace("'\n", "’\n").replace(",'", ",’") \
    .replace(".'", ".’").replace("'", "’")


def _inners(text: str) -> list[str]:
    return [text[q.inner[0]:q.inner[1]] for q in pair_quotes(text)]


@pytest.mark.parametrize("text", [STRAIGHT, CURLY])
def test_single_style_pairs_each_quote_and_keeps_apostrophes(text):
    assert quote_style(text) == "single"
    inners = _inners(text)
    assert len(inners) == 3
    assert inners[0] == "We have no plans to change the rules this year."
    assert inners[1] == "That is simply not good enough,"
    assert inners[2].startswith("The ministers") and inners[2].endswith("read it since.")
    view = double_view(text)
    assert len(view) == len(text)
    for word in ("Greens", "ministers", "nobody", "90s"):  # apostrophes around these stay as written
        at = text.index(word)
        assert view[at - 1:at + len(word) + 2] == text[at - 1:at + len(word) + 2]


def test_quoted_mask_marks_single_quotes_and_not_apostrophes():
    mask = quoted_mask(STRAIGHT)
    assert mask[STRAIGHT.index("'We")] == 2
    assert mask[STRAIGHT.index("We have")] == 1
    assert mask[STRAIGHT.index("said the Greens")] == 0
    assert mask[STRAIGHT.index("ministers'") + len("ministers")] == 1  # a possessive inside the quote


def test_double_marks_inside_single_quotes_are_part_of_the_quote():
    text = "'He told me \"never again\", and I believed him,' she said. 'Then he did it again.'"
    assert _inners(text) == ['He told me "never again", and I believed him,', "Then he did it again."]
    curly = "‘He told me “never again”, and I believed him,’ she said. ‘Then he did it again.’"
    assert _inners(curly) == ["He told me “never again”, and I believed him,", "Then he did it again."]


def test_elisions_and_rock_n_roll_are_not_marks():
    text = ("'We grew up on rock 'n' roll in the '80s,' the singer said. 'Don't tell 'em I said so.'\n\n"
            "She laughed. 'It's the truth.'")
    assert _inners(text) == ["We grew up on rock 'n' roll in the '80s,", "Don't tell 'em I said so.",
                             "It's the truth."]


def test_a_plural_possessive_closes_a_quote_only_when_nothing_later_does():
    text = "The union called it 'a betrayal of the nurses' and walked out. 'We are done,' it said."
    assert _inners(text) == ["a betrayal of the nurses", "We are done,"]


def test_an_unbalanced_single_mark_runs_to_the_paragraph_end():
    text = "The minister said: 'We will act swiftly and firmly.\n\nReporters left. 'Good,' said one."
    quotes = pair_quotes(text)
    assert [text[q.inner[0]:q.inner[1]] for q in quotes] == ["We will act swiftly and firmly.", "Good,"]
    assert [q.closed for q in quotes] == [False, True]


def test_a_quote_runs_over_paragraphs_that_reopen_with_a_single_mark():
    text = ("'The first thing we will do is cut the waiting lists.\n\n"
            "'The second is to pay the nurses properly,' the leader said.")
    (quote,) = pair_quotes(text)
    assert quote.closed and len(quote.pieces) == 2


@pytest.mark.parametrize("text", [
    'He said "we will win" today, and "we\'ll win again" next year.',
    "The senator said “it's over” and that she'd 'moved on' from the vote.",
    "Don't say it's over. The '90s are gone, rock 'n' roll isn't, and the Smiths' records sell.",
    "The ministers' report and the nurses' union both said nothing. The O'Neills' house is empty.",
])
def test_double_style_and_apostrophe_only_texts_are_read_as_they_are(text):
    assert quote_style(text) == "double"
    assert double_view(text) == text


def test_nested_singles_in_a_us_text_stay_inside_the_double_quote():
    text = "\"She told me 'no,' and then she left,\" he said. \"That was it.\""
    assert quote_style(text) == "double"
    assert _inners(text) == ["She told me 'no,' and then she left,", "That was it."]


def test_the_converter_swaps_marks_and_keeps_offsets():
    us = "\"She told me 'no,' and left,\" he said. ''It was over,'' she said. The ministers' report is late."
    uk = to_single_style(us)
    assert len(uk) == len(us)
    assert uk.startswith("'She told me \"no,\" and left,' he said.")
    assert " 'It was over,' " in uk and "ministers' report" in uk
    assert _inners(uk)[:2] == ['She told me "no," and left,', "It was over,"]


@pytest.mark.model
@pytest.mark.parametrize("text", [STRAIGHT, CURLY])
def test_pipeline_reads_single_style_like_double_style(text):
    import quoth

    uk = quoth.extract(text, quoth.Options(speakers=False))
    us = quoth.extract(double_view(text), quoth.Options(speakers=False))
    assert uk.text == text
    assert [(a.content.spans, a.kind) for a in uk.attributions] == [(a.content.spans, a.kind) for a in us.attributions]
    disgrace = next(a for a in uk.attributions if "not good enough" in a.content.text)
    assert disgrace.kind == "direct" and disgrace.source is not None and "Maya Trent" in disgrace.source.text
    assert any("report was shelved" in a.content.text and a.kind == "direct" for a in uk.attributions)


GAP_FILE = Path(__file__).parent / "quote_style_floors.json"


@pytest.mark.model
@pytest.mark.slow
def test_converted_polnear_dev_keeps_its_floors():
    """PolNeAR dev converted to British style keeps the floors pinned from its measured scores, which sit within
    ~0.01 (lenient) of the original style's (tests/gold_floors.json gates that one)."""
    from quoth.evaluate.polnear import flat_metrics
    from quoth.evaluate.quote_styles import polnear_in_style

    floors = json.loads(GAP_FILE.read_text(encoding="utf-8"))
    split = (Path(__file__).resolve().parents[1] / floors["data"]).resolve()
    if not split.is_dir():
        pytest.skip(f"PolNeAR dev is absent ({split}); it lives in ../shared/data beside the checkout")
    uk = flat_metrics(polnear_in_style(split, single=True))
    for key, floor in floors["uk_floors"].items():
        assert uk[key] >= floor, f"{key}: {uk[key]:.4f} < {floor}"
