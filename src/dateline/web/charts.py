"""Charts as inline SVG, rendered on the server: no JavaScript library, nothing fetched.

Every bar, node and edge is wrapped in an SVG ``<a href>`` pointing at the list of sentences behind
it, so a reader can always click from a number to its evidence. All text that comes from the data
(actor names, types, days) is escaped; hrefs are built by the caller with URL encoding and escaped here
again as attribute values.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from dateline.model import EVENT_TYPES

# Colour-blind-friendly categorical colours (Okabe-Ito, then Tableau extras), assigned by sorted type name.
PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
    "#8C564B", "#7F7F7F", "#BCBD22", "#17BECF", "#9467BD", "#2CA02C", "#FF9896", "#AEC7E8",
)  # fmt: skip


def palette(types: Iterable[str]) -> dict[str, str]:
    """One colour per type, stable for the same set of types."""
    return {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(sorted(set(types)))}


EVENT_COLOURS = palette(EVENT_TYPES)  # the 16 PLOVER types, one colour each
OTHER_COLOUR = "#888888"


def event_colours(types: Iterable[str]) -> dict[str, str]:
    """The colours of these event types, fixed per type: the palette over every PLOVER type, so a
    type keeps its colour whatever a filter leaves on the timeline, the network or a map."""
    return {t: EVENT_COLOURS.get(t, OTHER_COLOUR) for t in sorted(set(types))}


@dataclass(frozen=True)
class Segment:
    """One stacked piece of a bar: a type's count on one day, and where its sentences are listed."""

    type: str
    count: int
    href: str


@dataclass(frozen=True)
class Column:
    """One bar: a label (a day) and its pieces, bottom first; ``href`` lists all of the day."""

    label: str
    segments: Sequence[Segment]
    href: str

    @property
    def total(self) -> int:
        return sum(s.count for s in self.segments)


def _attr(value: object) -> str:
    return str(escape(str(value)))


def stacked_bars(columns: Sequence[Column], colours: dict[str, str], title: str, height: int = 220) -> Markup:
    """A stacked bar chart: one column per label, one coloured piece per type, a legend below.

    Each piece links to its own sentences, the total above each bar to the whole column's.
    """
    if not columns:
        return Markup('<p class="empty">Nothing to chart.</p>')
    top = max(c.total for c in columns) or 1
    left, bottom, head = 36, 46, 18
    step = max(14, min(72, 760 // len(columns)))
    bar = max(8, int(step * 0.7))
    width = left + step * len(columns) + 10
    plot = height - bottom - head
    parts = [
        f'<svg class="chart bars" role="img" aria-label="{_attr(title)}" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<line class="axis" x1="{left}" y1="{head + plot}" x2="{width - 4}" y2="{head + plot}"/>',
        f'<text class="tick" x="{left - 4}" y="{head + 4}" text-anchor="end">{top}</text>',
        f'<line class="grid" x1="{left}" y1="{head}" x2="{width - 4}" y2="{head}"/>',
        f'<text class="tick" x="{left - 4}" y="{head + plot + 4}" text-anchor="end">0</text>',
    ]
    label_every = max(1, math.ceil(len(columns) * 60 / (width - left)))
    for i, column in enumerate(columns):
        x = left + i * step + (step - bar) // 2
        y = float(head + plot)
        for segment in column.segments:
            if segment.count <= 0:
                continue
            h = max(1.0, plot * segment.count / top)
            y -= h
            colour = colours.get(segment.type, "#888888")
            parts.append(
                f'<a class="bar" href="{_attr(segment.href)}" data-type="{_attr(segment.type)}"'
                f' data-label="{_attr(column.label)}">'
                f'<rect x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}" fill="{colour}"/>'
                f"<title>{escape(column.label)} · {escape(segment.type)}: {segment.count}</title></a>"
            )
        if column.total:  # an empty day is a gap, with nothing to link to
            parts.append(
                f'<a class="total" href="{_attr(column.href)}"><text x="{x + bar / 2:.1f}" y="{y - 3:.1f}"'
                f' text-anchor="middle">{column.total}</text></a>'
            )
        if i % label_every == 0:
            parts.append(
                f'<text class="tick" x="{x + bar / 2:.1f}" y="{head + plot + 14}" text-anchor="middle">'
                f"{escape(_short_day(column.label))}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts)) + legend(colours)


def _short_day(label: str) -> str:
    """2025-03-10 -> 03-10: the year is the same across a chart more often than not."""
    return label[5:] if len(label) == 10 and label[4] == "-" else label


def legend(colours: dict[str, str]) -> Markup:
    items = "".join(
        f'<li><span class="swatch" style="background:{colour}"></span>{escape(name)}</li>'
        for name, colour in colours.items()
    )
    return Markup(f'<ul class="legend">{items}</ul>')


LABEL_ROOM = 200  # pixels beside the circle for actor names
LABEL_CHARS = 30  # longer names are cut on the drawing (the tooltip has them whole)


@dataclass(frozen=True)
class Placed:
    """A node with its position on the drawing."""

    id: str
    name: str
    count: int
    x: float
    y: float
    r: float


def circle_layout(nodes: Sequence[dict[str, Any]], width: int, height: int) -> dict[str, Placed]:
    """Nodes on a circle, most connected first (clockwise from the top): deterministic and readable
    for the few dozen actors a desk shows at once, with no physics to tune. Room is left on both
    sides for the names."""
    cx, cy = width / 2, height / 2
    radius = min(height / 2 - 40, width / 2 - LABEL_ROOM) if len(nodes) > 1 else 0
    top = max((int(n.get("count") or 1) for n in nodes), default=1)
    placed = {}
    for i, node in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(nodes), 1)
        count = int(node.get("count") or 1)
        placed[str(node["id"])] = Placed(
            id=str(node["id"]),
            name=str(node.get("name") or node["id"]),
            count=count,
            x=cx + radius * math.cos(angle),
            y=cy + radius * math.sin(angle),
            r=5 + 9 * math.sqrt(count / top),
        )
    return placed


def network_graph(
    nodes: Sequence[dict[str, Any]],
    edges: Sequence[dict[str, Any]],
    node_href: Callable[[str], str],
    edge_href: Callable[[str, str], str],
    colours: dict[str, str],
    width: int = 960,
    height: int = 640,
) -> Markup:
    """Actors as circles, events between them as arrows from actor to recipient.

    Edges of one pair (all types) are drawn as one curved arrow, coloured by its most frequent type,
    thicker with more events; each links to the events of that pair. Curving keeps A→B and B→A apart.
    """
    if not nodes:
        return Markup('<p class="empty">No actor-to-actor events.</p>')
    placed = circle_layout(nodes, width, height)
    pairs: dict[tuple[str, str], dict[str, int]] = {}
    for edge in edges:
        key = (str(edge["source"]), str(edge["target"]))
        if key[0] in placed and key[1] in placed and key[0] != key[1]:
            types = pairs.setdefault(key, {})
            types[str(edge["type"])] = types.get(str(edge["type"]), 0) + int(edge.get("count") or 1)
    top = max((sum(t.values()) for t in pairs.values()), default=1)
    parts = [
        f'<svg class="chart network" role="img" aria-label="actor network" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        "<title>Actor-to-actor events</title>",
        "<defs>",
    ]
    for name, colour in colours.items():
        parts.append(
            f'<marker id="arrow-{_marker_id(name)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10"'
            f' markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        )
    parts.append("</defs>")
    # Lines first, then every count on top of them: a later edge's line (and its wide invisible hit
    # area) must not cover an earlier edge's count and take its click.
    labels = []
    for (source, target), types in sorted(pairs.items()):
        a, b = placed[source], placed[target]
        count = sum(types.values())
        main = max(sorted(types), key=lambda t: types[t])
        path, mid = _curve(a, b)
        detail = ", ".join(f"{t} {n}" for t, n in sorted(types.items()))
        link = f'href="{_attr(edge_href(source, target))}" data-source="{_attr(source)}" data-target="{_attr(target)}"'
        title = f"<title>{escape(a.name)} → {escape(b.name)}: {escape(detail)}</title>"
        parts.append(
            f'<a class="edge-line" {link}><path class="hit" d="{path}"/>'
            f'<path class="line" d="{path}" stroke="{colours.get(main, "#888")}"'
            f' stroke-width="{1.5 + 4 * count / top:.1f}" marker-end="url(#arrow-{_marker_id(main)})"/>{title}</a>'
        )
        labels.append(
            f'<a class="edge" {link}><text class="edge-count" x="{mid[0]:.1f}" y="{mid[1]:.1f}"'
            f' text-anchor="middle">{count}</text>{title}</a>'
        )
    parts.extend(labels)
    centre = width / 2
    for node in placed.values():
        anchor = "start" if node.x >= centre - 1 else "end"
        dx = node.r + 4 if node.x >= centre - 1 else -node.r - 4
        label = node.name if len(node.name) <= LABEL_CHARS else node.name[: LABEL_CHARS - 1] + "…"
        parts.append(
            f'<a class="node" href="{_attr(node_href(node.id))}" data-id="{_attr(node.id)}">'
            f'<circle cx="{node.x:.1f}" cy="{node.y:.1f}" r="{node.r:.1f}"/>'
            f'<text x="{node.x + dx:.1f}" y="{node.y + 4:.1f}" text-anchor="{anchor}">{escape(label)}</text>'
            f"<title>{escape(node.name)}: {node.count} events</title></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts)) + legend(colours)


def _marker_id(name: str) -> str:
    """A safe id fragment for a type name (ids in url(#...) cannot be escaped, so keep [a-z0-9-])."""
    return "".join(c if c.isalnum() else "-" for c in name.lower())


def _curve(a: Placed, b: Placed) -> tuple[str, tuple[float, float]]:
    """A quadratic curve from a's rim to b's rim, bent to the left of the direction of travel."""
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bend = 0.12 * length
    cx, cy = (a.x + b.x) / 2 - uy * bend, (a.y + b.y) / 2 + ux * bend
    sx, sy = a.x + ux * a.r, a.y + uy * a.r
    ex, ey = b.x - ux * (b.r + 2), b.y - uy * (b.r + 2)
    mid = (0.25 * sx + 0.5 * cx + 0.25 * ex, 0.25 * sy + 0.5 * cy + 0.25 * ey)
    return f"M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}", mid
