"""The horizontal bar "―" (U+2015), which some outlets set as their dash, reads like the em dash: it ends a
dateline ("HALIFAX ― ") and may stand right before an opening quotation mark."""

from __future__ import annotations

import pytest

from quoth.kinds.layout import find_layout
from quoth.quote_style import double_view
from quoth.quotes import pair_quotes


@pytest.mark.parametrize("dash", ["—", "―"])
def test_a_dateline_may_end_with_a_horizontal_bar(dash):
    text = f"Fares to rise\n\nHALIFAX {dash} Fares rise in April, the city said.\n\nVANCOUVER, B.C. {dash} More."
    assert [text[s:e].strip() for s, e in find_layout(text).datelines] == [f"HALIFAX {dash}", f"VANCOUVER, B.C. {dash}"]


@pytest.mark.parametrize("dash", ["—", "―"])
def test_a_single_quote_may_open_after_a_horizontal_bar(dash):
    text = f"The minister was blunt {dash}'We will not pay,' she said."
    assert double_view(text) == text.replace("'", '"')
    assert [text[q.start:q.end] for q in pair_quotes(text)] == ["'We will not pay,'"]
