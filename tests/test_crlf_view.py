"""CRLF line ends: spaCy reads the text with LF line ends (``text.newline_view``) and every offset is moved back,
so an article gives the same attributions, disputes and entity mentions whatever its line ends. A same-length
stand-in (" \\n" for "\\r\\n") had left a blank line reading "\\n \\n": on our outlet articles (tests/fixtures/outlets)
six of eighteen then differed from their LF selves (headlines read as statements, transcript turns renamed)."""

from __future__ import annotations

from pathlib import Path

import pytest

import quoth
from quoth.text import map_offsets, newline_view

OUTLETS = Path(__file__).parent / "fixtures" / "outlets"


def test_newline_view_maps_every_view_offset_back():
    text = "Head\r\n\r\nBody one.\rBody two.\r\n"
    view, where = newline_view(text)
    assert view == "Head\n\nBody one.\nBody two.\n"
    assert where is not None and len(where) == len(view) + 1
    for i, ch in enumerate(view):  # a view newline sits on the "\n" of "\r\n" or on a lone "\r"
        assert text[where[i]] == ch or (ch == "\n" and text[where[i]] == "\r")
    s = view.index("Body two.")
    assert text[slice(*map_offsets(where, s, s + len("Body two.")))] == "Body two."
    assert text[slice(*map_offsets(where, 0, view.index("Body one.")))] == "Head\r\n\r\n"
    assert newline_view("no carriage returns") == ("no carriage returns", None)
    assert newline_view("old\rmac") == ("old\nmac", None)  # same length: nothing to move


def _digest(article: quoth.Article) -> tuple:
    atts = [(a.type, a.region, a.content.spans, a.content.text.replace("\r", ""), article.speaker_name(a),
             a.cue.text if a.cue else None) for a in article.attributions]
    disputes = [(d.kind, d.by, d.target_attribution, d.cue.text) for d in article.disputes]
    entities = [(e.name, [m.text.replace("\r", "") for m in e.mentions]) for e in article.entities]
    return atts, disputes, entities


@pytest.mark.parametrize("style", ["australian", "presser", "sports", "broadcast"])
def test_crlf_article_reads_like_its_lf_self(style):
    lf = (OUTLETS / f"{style}.txt").read_text(encoding="utf-8")
    crlf = lf.replace("\n", "\r\n")
    a, b = quoth.extract_many([{"id": "lf", "text": lf}, {"id": "crlf", "text": crlf}])
    assert a.attributions
    for att in b.attributions:  # spans index the CRLF text and hold its characters
        assert att.content.text == " ".join(crlf[s:e] for s, e in att.content.spans)
    back = [(x[0], x[1], tuple((s - crlf[:s].count("\r"), e - crlf[:e].count("\r")) for s, e in x[2]), *x[3:])
            for x in _digest(b)[0]]
    assert back == _digest(a)[0]
    assert _digest(b)[1:] == _digest(a)[1:]
