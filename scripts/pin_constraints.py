"""Print exact pins of the installed versions of everything quoth needs, transitively (for ``constraints.txt``).

Walks the installed distributions' metadata from ``quoth[test]`` down, evaluating environment markers and extras
the way pip would on this machine. quoth itself and editable installs are left out. Run: ``make constraints``.
"""

from __future__ import annotations

import json
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = "quoth"
ROOT_EXTRAS = ("test",)
PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def declared_requirements(name: str) -> list[str]:
    """Requirement strings of ``name``: for quoth, from pyproject.toml (the installed metadata may be stale)."""
    if name != ROOT:
        return metadata.requires(name) or []
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    raw = list(project.get("dependencies", []))
    for extra, reqs in project.get("optional-dependencies", {}).items():
        for req in reqs:
            spec, _, marker = req.partition(";")
            raw.append(f'{spec}; ({marker.strip()}) and extra == "{extra}"' if marker else f'{spec}; extra == "{extra}"')
    return raw


def requirements_of(name: str, extras: tuple[str, ...]) -> list[Requirement]:
    """The requirements of a distribution that apply here with these extras."""
    found = []
    for raw in declared_requirements(name):
        req = Requirement(raw)
        envs = [dict(default_environment(), extra=e) for e in ("", *extras)]
        if req.marker is None or any(req.marker.evaluate(env) for env in envs):
            found.append(req)
    return found


def closure(root: str, extras: tuple[str, ...]) -> dict[str, metadata.Distribution]:
    """Every installed distribution reachable from ``root[extras]``, by canonical name."""
    seen: dict[str, metadata.Distribution] = {}
    visited: set[tuple[str, tuple[str, ...]]] = set()
    todo = [(root, extras)]
    while todo:
        name, wanted = todo.pop()
        for req in requirements_of(name, wanted):
            key, req_extras = canonicalize_name(req.name), tuple(sorted(req.extras))
            try:
                seen.setdefault(key, metadata.distribution(req.name))
            except metadata.PackageNotFoundError:
                print(f"# not installed: {req}", file=sys.stderr)
                continue
            if (key, req_extras) not in visited:
                visited.add((key, req_extras))
                todo.append((req.name, req_extras))
    return seen


def is_editable(dist: metadata.Distribution) -> bool:
    """True for a distribution installed with ``pip install -e``."""
    direct = json.loads(dist.read_text("direct_url.json") or "{}")
    return bool(direct.get("dir_info", {}).get("editable"))


def main() -> None:
    """Print one ``name==version`` line per dependency, sorted."""
    dists = closure(ROOT, ROOT_EXTRAS)
    lines = sorted(
        f"{key}=={dist.version}" for key, dist in dists.items() if key != ROOT and not is_editable(dist)
    )
    print("# Exact versions quoth[test] was last tested with; regenerate with `make constraints`.")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
