"""The FastAPI application: ``create_app`` wires the API, the pages, static files and the error handlers."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .. import __version__
from ..ingest.options import BYTES_PER_CHAR_CAP
from ..options import MAX_BYTES_DEFAULT, Options
from .errors import install_error_handlers
from .headers import CatchErrors, CheckParameters, SecurityHeaders
from .limits import BodySizeLimit

PACKAGE_DIR = Path(__file__).resolve().parent
# JSON escaping and form encoding add to the article itself; this much room is allowed on top of the text cap.
REQUEST_OVERHEAD_BYTES = 64 * 1024


def create_app(db_path: str | Path | None, options: Options | None = None, allow_write: bool = False,
               max_body_bytes: int | None = None) -> FastAPI:
    """The quoth web app over the store at ``db_path`` (None: extraction only, no corpus pages).

    ``options`` configure extraction; ``allow_write`` lets ``POST /api/extract`` save articles;
    ``max_body_bytes`` caps request bodies (default: the article character cap × 4 bytes, plus room for JSON).
    """
    from . import api, pages
    from .corpus import Corpus

    opts = options or Options()
    app = FastAPI(
        title="quoth",
        version=__version__,
        summary="Who said what, about whom, and who disputes it.",
        description="Extract attributions from news text and browse a stored corpus. "
                    'Every error has the shape `{"ok": false, "error": "...", "status": N}`.',
    )
    app.state.options = opts
    app.state.allow_write = allow_write
    app.state.corpus = Corpus(Path(db_path) if db_path is not None else None, allow_write)
    app.state.templates = make_templates()
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=PACKAGE_DIR / "static"), name="static")
    cap = max_body_bytes if max_body_bytes is not None else \
        max(MAX_BYTES_DEFAULT, opts.max_chars * BYTES_PER_CHAR_CAP) + REQUEST_OVERHEAD_BYTES
    app.add_middleware(CatchErrors)
    app.add_middleware(BodySizeLimit, max_bytes=cap)
    app.add_middleware(CheckParameters)
    app.add_middleware(SecurityHeaders)
    return app


def safe_url(url: object) -> str:
    """``url`` if it is an http(s) link, else "#": stored metadata must not smuggle in ``javascript:`` links."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else "#"


def make_templates() -> Jinja2Templates:
    """The page templates, autoescaped (Jinja2Templates escapes .html templates by default)."""
    from .highlight import highlight_html
    from .view import quoted

    templates = Jinja2Templates(directory=PACKAGE_DIR / "templates")
    templates.env.globals["highlight_html"] = highlight_html
    templates.env.globals["version"] = __version__
    templates.env.filters["safe_url"] = safe_url
    templates.env.filters["quoted"] = quoted
    return templates
