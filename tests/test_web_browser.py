"""The pages in real headless Chromium: highlights, the details panel, speaker links, search, escaping.

Screenshots go to test-output/screenshots/. Skips where /usr/bin/chromium is absent; never downloads a browser.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from web_samples import SAMPLE_TEXT, XSS_TEXT, build_store, fake_extract, long_article

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """uvicorn on a free 127.0.0.1 port, in a thread, over a small store; extraction uses the hand-built results."""
    import uvicorn

    from quoth.web import create_app

    patch = pytest.MonkeyPatch()
    patch.setattr("quoth.web.service.extract", fake_extract)
    db = build_store(tmp_path_factory.mktemp("browser") / "corpus.db", fillers=12)
    from quoth.store import Store

    with Store(db) as store:
        store.add_article(long_article())
    port = free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)
    patch.undo()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.alerts = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.alerts.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    yield pg
    context.close()


def shot(page: object, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def test_web_browser_extract_highlights_and_details(page) -> None:
    page.goto("/")
    assert "Who said what?" in page.inner_text("h1")
    page.fill("#text", SAMPLE_TEXT)
    page.click("#extract-button")
    page.wait_for_selector("#article-text .hl")
    assert page.locator("#article-text .hl-source").count() >= 4 and page.locator("#article-text .hl-cue").count() >= 4
    legend = page.inner_text(".legend")
    assert "Ana Lopez" in legend and "Tom Reed" in legend and "the engineers" in legend
    assert page.inner_text("#article-text").strip() == SAMPLE_TEXT.strip()
    shot(page, "extract-result")
    page.locator('.hl[data-lead="a4"]', has_text="the steel").click()
    panel = page.locator("#att-a4")
    assert panel.is_visible() and "the engineers" in panel.inner_text()
    assert "Reported inside" in panel.inner_text() and "is sound" in panel.inner_text()
    assert page.locator('.hl.active[data-att~="a4"]').count() >= 3
    shot(page, "extract-details-nested")
    panel.locator("a[data-show=a3]").click()
    assert page.locator("#att-a3").is_visible() and not panel.is_visible()
    page.locator('.hl[data-lead="a2"]').first.click()
    reed = page.locator("#att-a2")
    assert "Tom Reed" in reed.inner_text() and "Disputes" in reed.inner_text() and "rejected" in reed.inner_text()
    shot(page, "extract-details-dispute")


def test_web_browser_article_speaker_link_and_disputes(page) -> None:
    page.goto("/articles/bridge")
    page.locator('.hl[data-lead="a1"]').first.click()
    page.locator("#att-a1 a.speaker-link").click()
    page.wait_for_url("**/speakers/**")
    assert page.inner_text("#speaker-name") == "Ana Lopez"
    page.go_back()
    listed = page.inner_text(".listing[aria-label=disputes]")
    assert "Tom Reed" in listed and "rejected" in listed and "Ana Lopez" in listed
    page.goto(page.locator("#att-a1 a.speaker-link").get_attribute("href"))
    assert "Tom Reed" in page.inner_text(".cols")  # disputed by
    shot(page, "speaker")
    page.goto("/disputes")
    assert page.locator("svg .node").count() == 2 and page.locator("svg line.edge").count() == 1
    shot(page, "disputes")


def test_web_browser_search_filters(page) -> None:
    page.goto("/search")
    page.fill("input[name=q]", "harbour")
    page.fill("input[name=speaker]", "Lee Park")
    page.click("form.filters button")
    page.wait_for_url("**/search?**")
    assert page.inner_text("#results-count").startswith("4 attributions")
    assert set(page.locator(".statements .who a").all_inner_texts()) == {"Lee Park"}
    shot(page, "search")


def test_web_browser_markup_in_articles_renders_as_text(page) -> None:
    page.goto("/")
    page.fill("#text", XSS_TEXT)
    page.select_option("select[name=fmt]", "text")
    page.click("#extract-button")
    page.wait_for_selector("#article-text .hl")
    assert "<script>window.__xss = 1</script>" in page.inner_text("#article-text")
    assert page.locator("#article-text img, #article-text script").count() == 0
    page.goto("/articles/xss")
    page.locator('.hl[data-lead="a1"]').first.click()
    assert "onerror" in page.inner_text("#att-a1")
    assert page.evaluate("window.__xss") is None and page.alerts == []
    assert page.locator("main img, main script").count() == 0
    shot(page, "xss-escaped")


def test_web_browser_article_lists_types_and_keeps_details_in_view(page) -> None:
    page.goto("/articles/ferry")
    headings = page.locator(".listing .group-heading").all_inner_texts()
    assert [h.split()[0] for h in headings] == ["Statements", "Beliefs", "Intentions", "Documents'"]
    assert "None found" in page.inner_text(".listing[aria-label=disputes]")
    page.locator(".listing a[data-show=a4]").click()
    assert page.locator("#att-a4").is_visible() and "document" in page.inner_text("#att-a4 .detail-speaker").lower()
    page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
    page.wait_for_timeout(600)
    assert page.evaluate("window.scrollY") > 500
    box = page.locator("#details").bounding_box()
    assert box is not None and 0 <= box["y"] < 900 and box["y"] + 40 < 900
    page.screenshot(path=str(SCREENSHOTS / "article-types-scrolled.png"))


def test_web_browser_speaker_page_has_no_doubled_quotation_marks(page) -> None:
    page.goto("/speakers/Rosa%20Diaz")
    quotes = page.locator(".statements blockquote").all_inner_texts()
    assert "“The ferry will run again this summer,”" in quotes
    assert "“the repairs can be finished by June”" in quotes
    assert not any(q.startswith("““") or q.startswith("“\"") for q in quotes)
    shot(page, "speaker-quotes")
