"""The ``quoth`` command: a thin shell over the library. Each command group lives in its own module."""

from __future__ import annotations

from .app import app, main

# Importing a module registers its commands on ``app``.
from . import extract as _extract  # noqa: F401,E402
from . import evaluate as _evaluate  # noqa: F401,E402
from . import evaluate_speakers as _evaluate_speakers  # noqa: F401,E402
from . import evaluate_ggt as _evaluate_ggt  # noqa: F401,E402
from . import evaluate_disputes as _evaluate_disputes  # noqa: F401,E402
from . import corpus as _corpus  # noqa: F401,E402
from . import dask as _dask  # noqa: F401,E402
from . import serve as _serve  # noqa: F401,E402

__all__ = ["app", "main"]
