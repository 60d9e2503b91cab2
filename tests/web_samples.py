"""Hand-built articles for the web tests: rich results (speakers, nesting, disputes) without the model."""

from __future__ import annotations

from pathlib import Path

from quoth.model import Article, Attribution, Dispute, Entity, Mention, Span

SAMPLE_TEXT = (
    'Mayor Ana Lopez said on Monday that the Harbour Bridge "will reopen by May." '
    'Councillor Tom Reed rejected the claim. "That is a fantasy," Reed told reporters.\n\n'
    'According to Lopez, the engineers assured her that the steel "is sound."\n'
)
XSS_SCRIPT = '<script>window.__xss = 1</script>'
XSS_IMG = '"><img src=x onerror="window.__xss = 2">'
XSS_TEXT = f'The spokesman said "{XSS_SCRIPT} is not a tag {XSS_IMG} either." Nobody else spoke.\n'


def span(text: str, phrase: str, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``phrase`` in ``text`` as a Span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Span.from_offsets(text, [(start, start + len(phrase))])


def mention(text: str, phrase: str, nth: int = 0) -> Mention:
    s = span(text, phrase, nth)
    return Mention(s.start, s.end, s.text)


def sample_article(article_id: str = "bridge", published: str = "2024-03-04") -> Article:
    """Two speakers disputing each other, a third one nested inside a reported statement."""
    t = SAMPLE_TEXT
    entities = [
        Entity("e1", "Ana Lopez", "person", [mention(t, "Mayor Ana Lopez"), mention(t, "Lopez", 1)], ["mayor"],
               key="ana lopez"),
        Entity("e2", "Tom Reed", "person", [mention(t, "Councillor Tom Reed"), mention(t, "Reed", 1)],
               ["councillor"], key="tom reed"),
        Entity("e3", "the engineers", "group", [mention(t, "the engineers")], [], key="", named=False),
    ]
    attributions = [
        Attribution("a1", "mixed", span(t, 'the Harbour Bridge "will reopen by May."'), span(t, "said"),
                    span(t, "Mayor Ana Lopez"), "e1", confidence=0.9),
        Attribution("a2", "direct", span(t, "That is a fantasy,"), span(t, "told reporters"), span(t, "Reed", 1),
                    "e2", confidence=0.95),
        Attribution("a3", "mixed", span(t, 'the engineers assured her that the steel "is sound."'),
                    span(t, "According to"), span(t, "Lopez", 1), "e1", confidence=0.8),
        Attribution("a4", "mixed", span(t, 'the steel "is sound."'), span(t, "assured"), span(t, "the engineers"),
                    "e3", parent="a3", confidence=0.7),
    ]
    disputes = [Dispute("a2", span(t, "rejected"), target_attribution="a1", target_entity="e1")]
    meta = {"title": "Bridge row", "published": published, "url": "https://example.org/bridge", "source": "test"}
    return Article(article_id, t, meta, entities, attributions, disputes)


def xss_article(article_id: str = "xss") -> Article:
    """Markup in the text, the speaker's name, the title and a ``javascript:`` URL: all must render as text."""
    t = XSS_TEXT
    content = span(t, f"{XSS_SCRIPT} is not a tag {XSS_IMG} either.")
    entity = Entity("e1", f'Evil {XSS_IMG}', "person", [mention(t, "The spokesman")], key="evil")
    attribution = Attribution("a1", "direct", content, span(t, "said"), span(t, "The spokesman"), "e1")
    meta = {"title": f"Title {XSS_SCRIPT}", "published": "2024-01-01", "url": "javascript:window.__xss=3"}
    return Article(article_id, t, meta, [entity], [attribution], [])


def filler_article(n: int) -> Article:
    """A small article with one quote by one of three speakers, dated by ``n``."""
    name = ("Ana Lopez", "Tom Reed", "Lee Park")[n % 3]
    text = f'{name} said: "Statement number {n} about the harbour."\n'
    entity = Entity("e1", name, "person", [mention(text, name)], key=name.lower())
    attribution = Attribution("a1", "direct", span(text, f"Statement number {n} about the harbour."),
                              span(text, "said"), span(text, name), "e1")
    meta = {"title": f"Filler {n}", "published": f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}"}
    return Article(f"filler-{n}", text, meta, [entity], [attribution], [])


def build_store(path: Path, fillers: int = 30) -> Path:
    """A store with the sample, the XSS article and ``fillers`` small articles."""
    from quoth.store import Store

    with Store(path) as store:
        store.add_article(sample_article())
        store.add_article(xss_article())
        for n in range(fillers):
            store.add_article(filler_article(n))
    return path


def fake_extract(text: str | bytes, options: object = None, id: str = "article", meta: dict | None = None) -> Article:
    """Stands in for ``quoth.pipeline.extract``: the rich sample for its text, the XSS case, else nothing found."""
    text = text.decode() if isinstance(text, bytes) else text
    for build in (sample_article, xss_article):
        article = build(id)
        if text.strip() == article.text.strip():
            return article
    return Article(id, text, dict(meta or {}))


LONG_PARAGRAPHS = [
    'Harbour council debates the ferry',
    '“The ferry will run again this summer,” Mayor Rosa Diaz said on Tuesday.',
    'Diaz believes the repairs can be finished by June. The council plans to vote on the budget next week.',
    'A report by the port authority shows that the hull needs new plates.',
    'Councillor Sam Ortiz said the timetable was not realistic.',
] + [f'Paragraph {n} of background on the old ferry, its crews and its long service to the islands, written to '
     'make the page long enough to scroll past the first screen.' for n in range(1, 25)]
LONG_TEXT = "\n\n".join(LONG_PARAGRAPHS) + "\n"


def long_article(article_id: str = "ferry") -> Article:
    """A page taller than the screen, with a headline and one attribution of each of four types."""
    t = LONG_TEXT
    entities = [Entity("e1", "Rosa Diaz", "person", [mention(t, "Mayor Rosa Diaz"), mention(t, "Diaz", 1)],
                       key="rosa diaz"),
                Entity("e2", "Sam Ortiz", "person", [mention(t, "Councillor Sam Ortiz")], key="sam ortiz")]
    attributions = [
        Attribution("a1", "direct", span(t, "“The ferry will run again this summer,”"), span(t, "said"),
                    span(t, "Mayor Rosa Diaz"), "e1"),
        Attribution("a2", "indirect", span(t, "the repairs can be finished by June"), span(t, "believes"),
                    span(t, "Diaz", 1), "e1", type="belief"),
        Attribution("a3", "indirect", span(t, "to vote on the budget next week"), span(t, "plans"),
                    span(t, "The council"), None, type="intention"),
        Attribution("a4", "indirect", span(t, "that the hull needs new plates"), span(t, "shows"),
                    span(t, "A report by the port authority"), None, type="document"),
        Attribution("a5", "indirect", span(t, "the timetable was not realistic"), span(t, "said", 1),
                    span(t, "Councillor Sam Ortiz"), "e2"),
    ]
    meta = {"title": "Ferry row", "published": "2024-05-02"}
    return Article(article_id, t, meta, entities, attributions, [])
