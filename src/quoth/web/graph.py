"""Server-side layout of the who-disputes-whom graph: nodes on a circle, edges as arrows between them."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

# Drawing size in SVG user units; the SVG scales to its container, so these only set proportions.
GRAPH_SIZE_UNITS = 640
NODE_RADIUS_UNITS = 9
# Nodes beyond this are left out of the drawing (the table below it still lists every dispute).
MAX_GRAPH_NODES = 40


@dataclass(frozen=True)
class Node:
    key: str
    label: str
    x: float
    y: float
    degree: int
    label_x: float
    label_y: float
    label_anchor: str


@dataclass(frozen=True)
class Edge:
    source: Node
    target: Node
    count: int
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Graph:
    size: int
    nodes: list[Node]
    edges: list[Edge]
    omitted: int


def layout_circle(pairs: list[tuple[str, str]], labels: dict[str, str] | None = None) -> Graph:
    """Lay out directed ``(disputer, disputed)`` pairs on a circle, busiest nodes first.

    ``labels`` maps node keys to display names (defaults to the key). Repeated pairs become one edge with a count.
    """
    labels = labels or {}
    counts = Counter((a, b) for a, b in pairs if a != b)
    degree: Counter[str] = Counter()
    for (a, b), n in counts.items():
        degree[a] += n
        degree[b] += n
    keys = [k for k, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))]
    shown = keys[:MAX_GRAPH_NODES]
    nodes = {k: _place(k, labels.get(k, k), i, len(shown), degree[k]) for i, k in enumerate(shown)}
    edges = [_edge(nodes[a], nodes[b], n) for (a, b), n in sorted(counts.items()) if a in nodes and b in nodes]
    return Graph(GRAPH_SIZE_UNITS, list(nodes.values()), edges, len(keys) - len(shown))


def _place(key: str, label: str, index: int, total: int, degree: int) -> Node:
    centre = GRAPH_SIZE_UNITS / 2
    radius = centre - 140  # room for labels outside the circle
    angle = -math.pi / 2 + 2 * math.pi * index / max(total, 1)
    x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
    lx, ly = centre + (radius + 16) * math.cos(angle), centre + (radius + 16) * math.sin(angle) + 4
    anchor = "middle" if abs(x - centre) < 1 else ("start" if x > centre else "end")
    return Node(key, label, round(x, 1), round(y, 1), degree, round(lx, 1), round(ly, 1), anchor)


def _edge(source: Node, target: Node, count: int) -> Edge:
    """An arrow from ``source`` to ``target`` that stops at the node circles' rims."""
    dx, dy = target.x - source.x, target.y - source.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    gap = NODE_RADIUS_UNITS + 2
    return Edge(
        source, target, count,
        round(source.x + ux * gap, 1), round(source.y + uy * gap, 1),
        round(target.x - ux * (gap + 4), 1), round(target.y - uy * (gap + 4), 1),
    )
