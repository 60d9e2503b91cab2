"""The web shell in-process (FastAPI TestClient): error shape, pagination, size cap, OpenAPI, read-only, escaping."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from fastapi.testclient import TestClient

from quoth.web import create_app
from quoth.web.api import MAX_PER_PAGE
from web_samples import SAMPLE_TEXT, XSS_SCRIPT, build_store, fake_extract, sample_article

FILLERS = 30
ARTICLES = FILLERS + 2


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "corpus.db", fillers=FILLERS)


@pytest.fixture(autouse=True)
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction returns hand-built results: these tests are about the shell, not the extractor."""
    monkeypatch.setattr("quoth.web.service.extract", fake_extract)


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def assert_error(response, status: int) -> dict:
    """The one error shape, with the right status in the body and on the response."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    return body


@pytest.mark.parametrize("method,url,status", [
    ("GET", "/api/nothing-here", 404),
    ("GET", "/no/such/page", 404),
    ("GET", "/api/articles/no-such-article", 404),
    ("GET", "/api/entities/999999", 404),
    ("GET", "/api/entities/Nobody%20At%20All", 404),
    ("DELETE", "/api/articles", 405),
    ("GET", "/api/extract", 405),
    ("PUT", "/api/attributions", 405),
    ("GET", "/api/articles?page=0", 422),
    ("GET", f"/api/attributions?per_page={MAX_PER_PAGE + 1}", 422),
    ("GET", "/api/attributions?kind=rumour", 422),
    ("GET", "/api/attributions?since=yesterday", 422),
    ("GET", "/api/entities?per_page=abc", 422),
    ("GET", "/api/disputes?page=-1", 422),
    ("GET", "/static/../app.py", 404),
    ("GET", "/static/%2e%2e/app.py", 404),
    ("GET", "/static/..%2fapp.py", 404),
])
def test_web_api_error_shape_on_every_route(client: TestClient, method: str, url: str, status: int) -> None:
    assert_error(client.request(method, url), status)


@pytest.mark.parametrize("body", [{}, {"text": "a", "html": "<p>a</p>"}, {"text": 5}, {"text": "a", "store": "x"}])
def test_web_api_extract_invalid_body_is_422(client: TestClient, body: dict) -> None:
    assert_error(client.post("/api/extract", json=body), 422)


def test_web_api_malformed_json_is_422(client: TestClient) -> None:
    response = client.post("/api/extract", content=b"{not json", headers={"content-type": "application/json"})
    assert_error(response, 422)


def test_web_api_crash_is_500_in_error_shape(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr("quoth.web.corpus.Corpus.articles", boom)
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        body = assert_error(c.get("/api/articles"), 500)
    assert "secret" not in body["error"]


def test_web_api_extract_text_returns_contract(client: TestClient) -> None:
    response = client.post("/api/extract", json={"text": SAMPLE_TEXT, "id": "mine"})
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True and body["stored"] is False
    article = body["article"]
    assert article["id"] == "mine" and article["text"] == SAMPLE_TEXT
    assert {e["name"] for e in article["entities"]} == {"Ana Lopez", "Tom Reed", "the engineers"}
    nested = next(a for a in article["attributions"] if a["id"] == "a4")
    assert nested["parent"] == "a3" and nested["content"]["spans"] == [list(p) for p in
                                                                        sample_article().attributions[3].content.spans]
    assert article["disputes"][0]["target_attribution"] == "a1"


def test_web_api_extract_html_goes_through_ingest_reader(client: TestClient) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in SAMPLE_TEXT.split("\n") if line) * 3
    page = f"<html><head><title>Bridge row</title></head><body><article>{paragraphs}</article></body></html>"
    response = client.post("/api/extract", json={"html": page})
    assert response.status_code == 200, response.text
    assert "Harbour Bridge" in response.json()["article"]["text"]


def test_web_api_extract_html_without_text_is_400(client: TestClient) -> None:
    assert_error(client.post("/api/extract", json={"html": "<html><body><script>x()</script></body></html>"}), 400)


def test_web_api_store_refused_when_read_only(client: TestClient, db: Path) -> None:
    body = assert_error(client.post("/api/extract", json={"text": SAMPLE_TEXT, "id": "new", "store": True}), 403)
    assert "--allow-write" in body["error"]
    assert_error(client.get("/api/articles/new"), 404)


def test_web_api_store_when_allowed(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "new.db", allow_write=True)) as c:
        first = c.post("/api/extract", json={"text": SAMPLE_TEXT, "id": "kept", "store": True}).json()
        again = c.post("/api/extract", json={"text": SAMPLE_TEXT, "id": "kept", "store": True}).json()
        unasked = c.post("/api/extract", json={"text": SAMPLE_TEXT, "id": "not-kept"}).json()
        assert (first["stored"], first["store_result"]) == (True, "added")
        assert (again["stored"], again["store_result"]) == (False, "skipped")
        assert unasked["stored"] is False
        assert c.get("/api/articles/kept").json()["attributions"][0]["id"] == "a1"
        assert_error(c.get("/api/articles/not-kept"), 404)


@pytest.mark.parametrize("url,total", [
    ("/api/articles", ARTICLES),
    ("/api/attributions", 4 + 1 + FILLERS),
    ("/api/attributions?q=harbour", FILLERS + 1),  # the fillers and the sample
    ("/api/entities", None),
    ("/api/disputes", 1),
])
def test_web_api_pagination_walks_every_item(client: TestClient, url: str, total: int | None) -> None:
    per_page = 7
    joiner = "&" if "?" in url else "?"
    page = client.get(f"{url}{joiner}per_page={per_page}").json()
    seen, pages = list(page["items"]), 1
    while page["next"]:
        assert page["next"].startswith("http") and f"page={pages + 1}" in page["next"]
        page = client.get(page["next"]).json()
        seen.extend(page["items"])
        pages += 1
    assert page["ok"] is True and page["per_page"] == per_page
    assert len(seen) == page["total"] == (total if total is not None else len(seen))
    assert pages == max(1, -(-page["total"] // per_page))
    assert len({repr(i.get("id")) + repr(i.get("article_id")) for i in seen}) == len(seen)


def test_web_api_attribution_filters(client: TestClient) -> None:
    by_speaker = client.get("/api/attributions?speaker=Tom%20Reed&per_page=200").json()
    assert by_speaker["total"] > 0 and {i["speaker"] for i in by_speaker["items"]} == {"Tom Reed"}
    mixed = client.get("/api/attributions?kind=mixed").json()
    assert {i["kind"] for i in mixed["items"]} == {"mixed"}
    dated = client.get("/api/attributions?since=2024-03-01&until=2024-03-31").json()
    assert dated["total"] == 4 and {i["article_id"] for i in dated["items"]} == {"bridge"}


def test_web_api_entity_lists_disputes_both_ways(client: TestClient) -> None:
    reed = client.get("/api/entities/Tom%20Reed").json()["entity"]
    lopez = client.get("/api/entities/Ana%20Lopez").json()["entity"]
    assert [d["target_speaker"] for d in reed["disputes"]] == ["Ana Lopez"] and reed["disputed_by"] == []
    assert [d["by_speaker"] for d in lopez["disputed_by"]] == ["Tom Reed"] and lopez["disputes"] == []


def test_web_api_413_by_content_length(db: Path) -> None:
    with TestClient(create_app(db, max_body_bytes=1000), raise_server_exceptions=False) as c:
        body = assert_error(c.post("/api/extract", json={"text": "x" * 2000}), 413)
    assert "1,000 bytes" in body["error"]


def test_web_api_413_on_streamed_body_without_length(db: Path) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(50):
            yield b"x" * 100
        yield b'"}'

    with TestClient(create_app(db, max_body_bytes=1000), raise_server_exceptions=False) as c:
        response = c.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
        assert "content-length" not in {k.lower() for k in response.request.headers}
        assert_error(response, 413)
        assert c.post("/api/extract", json={"text": "short"}).status_code == 200


def test_web_api_no_database_is_404_with_advice() -> None:
    with TestClient(create_app(None), raise_server_exceptions=False) as c:
        assert "--db" in assert_error(c.get("/api/articles"), 404)["error"]
        assert c.post("/api/extract", json={"text": "hello"}).status_code == 200


def test_web_api_openapi_is_valid(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    try:
        from openapi_spec_validator import validate
    except ImportError:  # structural checks only
        validate = None
    if validate is not None:
        validate(spec)
    paths = spec["paths"]
    for path in ("/api/extract", "/api/articles", "/api/articles/{article_id}", "/api/attributions",
                 "/api/entities", "/api/entities/{entity_id}", "/api/disputes"):
        assert path in paths, path
    assert not any(p.startswith(("/search", "/speakers", "/disputes")) for p in paths)
    params = {p["name"] for p in paths["/api/attributions"]["get"]["parameters"]}
    assert {"q", "speaker", "kind", "since", "until", "page", "per_page"} <= params
    assert "ErrorOut" in spec["components"]["schemas"]
    assert "404" in paths["/api/articles/{article_id}"]["get"]["responses"]


@pytest.mark.parametrize("url", ["/", "/search?q=harbour", "/articles", "/articles/bridge", "/speakers",
                                 "/speakers/Tom%20Reed", "/speakers/1", "/disputes"])
def test_web_api_pages_render(client: TestClient, url: str) -> None:
    response = client.get(url, headers={"accept": "text/html"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "<title>" in response.text


def test_web_api_page_errors_are_html_for_browsers(client: TestClient) -> None:
    response = client.get("/speakers/Nobody%20At%20All", headers={"accept": "text/html"})
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert "Nobody At All" in response.text


def test_web_api_article_page_escapes_everything(client: TestClient) -> None:
    html = client.get("/articles/xss", headers={"accept": "text/html"}).text
    assert XSS_SCRIPT not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in html
    assert "javascript:" not in html


def test_web_api_extract_page_form_and_upload(client: TestClient) -> None:
    pasted = client.post("/extract", data={"text": SAMPLE_TEXT, "fmt": "text"})
    assert pasted.status_code == 200 and 'data-lead="a4"' in pasted.text and "Tom Reed" in pasted.text
    uploaded = client.post("/extract", data={"fmt": "auto"}, files={"file": ("story.txt", SAMPLE_TEXT.encode())})
    assert uploaded.status_code == 200 and 'data-lead="a1"' in uploaded.text
    empty = client.post("/extract", data={"text": "  "})
    assert empty.status_code == 400 and "Paste an article" in empty.text


@pytest.mark.model
def test_web_api_extract_with_the_real_model(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from quoth.pipeline import extract

    monkeypatch.setattr("quoth.web.service.extract", extract)
    response = client.post("/api/extract", json={"text": SAMPLE_TEXT})
    assert response.status_code == 200, response.text
    assert response.json()["article"]["attributions"]


def test_web_api_disputes_kind_filter(client: TestClient) -> None:
    rejections = client.get("/api/disputes?kind=rejection").json()
    assert rejections["total"] == 1 and rejections["items"][0]["kind"] == "rejection"
    assert client.get("/api/disputes?kind=denial").json()["total"] == 0
    assert client.get("/api/disputes?unnamed=true").json()["total"] == 0
    assert_error(client.get("/api/disputes?kind=insult"), 422)
