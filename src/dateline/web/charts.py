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
from dateline.web.network_layout import Arc, Label, Node, Scene, lay_out

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
    """One stacked piece of a bar: a type's count in one period, and where its sentences are listed
    (None when no list holds exactly them, as for quotes of no known source type: then no link)."""

    type: str
    count: int
    href: str | None


@dataclass(frozen=True)
class Column:
    """One bar: a label (a day or a month) and its pieces, bottom first; ``href`` lists all of it."""

    label: str
    segments: Sequence[Segment]
    href: str

    @property
    def total(self) -> int:
        return sum(s.count for s in self.segments)


def _attr(value: object) -> str:
    return str(escape(str(value)))


def _open_svg(css: str, title: str, width: float, height: float) -> str:
    """An SVG holding links: a named group, not role="img", which would hide its links from a screen
    reader and the keyboard."""
    return (
        f'<svg class="chart {css}" role="group" aria-label="{_attr(title)}" width="{width:g}" height="{height:g}"'
        f' viewBox="0 0 {width:g} {height:g}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    )


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
        _open_svg("bars", title, width, height),
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
            parts.append(_piece(column.label, segment, colours, x, y, bar, h))
        if column.total:  # an empty day is a gap, with nothing to link to
            parts.append(
                f'<a class="total" href="{_attr(column.href)}" aria-label="{_attr(column.label)}: all {column.total}">'
                f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle">{column.total}</text>'
                f"<title>{escape(column.label)}: all {column.total}</title></a>"
            )
        if i % label_every == 0:
            parts.append(
                f'<text class="tick" x="{x + bar / 2:.1f}" y="{head + plot + 14}" text-anchor="middle">'
                f"{escape(_short_day(column.label))}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts)) + legend(colours)


def _piece(
    label: str, segment: Segment, colours: dict[str, str], x: float, y: float, bar: int, h: float
) -> str:
    """One coloured piece, a link to its sentences named by its tooltip, or a plain mark without one."""
    name = f"{label} · {segment.type}: {segment.count}"
    rect = f'<rect x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}" fill="{colours.get(segment.type, OTHER_COLOUR)}"/>'
    data = f'data-type="{_attr(segment.type)}" data-label="{_attr(label)}" data-count="{segment.count}"'
    if segment.href is None:
        return f'<g class="bar unlinked" {data}>{rect}<title>{escape(name)} (no list holds just these)</title></g>'
    return (
        f'<a class="bar" href="{_attr(segment.href)}" {data} aria-label="{_attr(name)}">'
        f"{rect}<title>{escape(name)}</title></a>"
    )


def _short_day(label: str) -> str:
    """2025-03-10 -> 03-10: the year is the same across a chart more often than not."""
    return label[5:] if len(label) == 10 and label[4] == "-" else label


def legend(colours: dict[str, str]) -> Markup:
    items = "".join(
        f'<li><span class="swatch" style="background:{colour}"></span>{escape(name)}</li>'
        for name, colour in colours.items()
    )
    return Markup(f'<ul class="legend">{items}</ul>')


def network_graph(
    nodes: Sequence[dict[str, Any]],
    edges: Sequence[dict[str, Any]],
    node_href: Callable[[str], str],
    edge_href: Callable[[str, str], str],
    colours: dict[str, str],
    width: int = 960,
    height: int = 640,
) -> Markup:
    """Actors as circles sized by their events, events between them as arrows from actor to recipient,
    placed by ``network_layout.lay_out`` (force-directed, fixed seed, nothing overlapping).

    Edges of one pair (all types) are drawn as one curved arrow, coloured by its most frequent type,
    thicker with more events; each links to the events of that pair, each circle to its actor.
    """
    if not nodes:
        return Markup('<p class="empty">No actor-to-actor events.</p>')
    ids = {str(n["id"]) for n in nodes}
    pairs: dict[tuple[str, str], dict[str, int]] = {}
    for edge in edges:
        key = (str(edge["source"]), str(edge["target"]))
        if key[0] in ids and key[1] in ids and key[0] != key[1]:
            types = pairs.setdefault(key, {})
            types[str(edge["type"])] = types.get(str(edge["type"]), 0) + int(edge.get("count") or 1)
    scene = lay_out(nodes, {k: sum(t.values()) for k, t in pairs.items()}, width, height)
    title = f"Actor network: {len(scene.nodes)} actors, {len(pairs)} edges"
    parts = [_open_svg("network", title, width, height), "<defs>", *_markers(colours), "</defs>"]
    top = max((arc.count for arc in scene.arcs), default=1)
    # Lines first, then every count on top of them: a later edge's line (and its wide invisible hit
    # area) must not cover an earlier edge's count and take its click.
    lines, counts = [], []
    for arc in sorted(scene.arcs, key=lambda arc: (arc.source, arc.target)):
        line, count = _arc_marks(arc, pairs[(arc.source, arc.target)], scene, edge_href, colours, top)
        lines.append(line)
        counts.append(count)
    parts += lines + counts
    parts += [_node_mark(node, scene.labels[node.id], node_href) for node in scene.nodes.values()]
    parts.append("</svg>")
    return Markup("".join(parts)) + legend(colours)


def _markers(colours: dict[str, str]) -> list[str]:
    return [
        f'<marker id="arrow-{_marker_id(name)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10"'
        f' markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        for name, colour in colours.items()
    ]


def _arc_marks(
    arc: Arc, types: dict[str, int], scene: Scene, edge_href: Callable[[str, str], str], colours: dict[str, str],
    top: int,
) -> tuple[str, str]:  # fmt: skip
    """An arrow's line (the link a keyboard reaches, named by its tooltip) and its count (a second,
    mouse-only target on the same events; "" when the count found no room)."""
    a, b = scene.nodes[arc.source], scene.nodes[arc.target]
    main = max(sorted(types), key=lambda t: types[t])
    detail = ", ".join(f"{t} {n}" for t, n in sorted(types.items()))
    name = f"{a.name} → {b.name}: {arc.count} events ({detail})"
    link = (
        f'href="{_attr(edge_href(arc.source, arc.target))}" data-source="{_attr(arc.source)}"'
        f' data-target="{_attr(arc.target)}" data-count="{arc.count}"'
    )
    line = (
        f'<a class="edge-line" {link} aria-label="{_attr(name)}"><path class="hit" d="{arc.path}"/>'
        f'<path class="line" d="{arc.path}" stroke="{colours.get(main, OTHER_COLOUR)}"'
        f' stroke-width="{1.5 + 4 * arc.count / top:.1f}" marker-end="url(#arrow-{_marker_id(main)})"/>'
        f"<title>{escape(name)}</title></a>"
    )
    if arc.label is None:
        return line, ""
    count = (
        f'<a class="edge" {link} tabindex="-1" aria-hidden="true"><text class="edge-count" x="{arc.label.x:.1f}"'
        f' y="{arc.label.y:.1f}" text-anchor="middle">{arc.count}</text><title>{escape(name)}</title></a>'
    )
    return line, count


def _node_mark(node: Node, label: Label | None, node_href: Callable[[str], str]) -> str:
    """A circle linked to the actor's page, its name beside it unless no room was free (the tooltip
    and the link's name always have it whole)."""
    name = f"{node.name}: {node.count} events"
    text = (
        f'<text x="{label.x:.1f}" y="{label.y:.1f}" text-anchor="{label.anchor}">{escape(label.text)}</text>'
        if label
        else ""
    )
    return (
        f'<a class="node" href="{_attr(node_href(node.id))}" data-id="{_attr(node.id)}" aria-label="{_attr(name)}">'
        f'<circle cx="{node.x:.1f}" cy="{node.y:.1f}" r="{node.r:.1f}"/>{text}<title>{escape(name)}</title></a>'
    )


def _marker_id(name: str) -> str:
    """A safe id fragment for a type name (ids in url(#...) cannot be escaped, so keep [a-z0-9-])."""
    return "".join(c if c.isalnum() else "-" for c in name.lower())
