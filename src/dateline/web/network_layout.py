"""Where the actor network's marks go, worked out on the server before any SVG is written.

A force-directed layout (networkx's spring layout with a fixed seed: the same data always gives the
same picture) is fitted to the drawing; circles, sized by activity, are pushed apart until none
overlaps another; then each name and each edge count is set where it covers no other text and no
circle, trying a few places around its mark, and is left to the mark's tooltip when none is free.
Text boxes are estimated from the font size (``GLYPH`` ems a character, on the wide side), so a
name never needs measuring in a browser.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import networkx as nx

SEED = 1604  # fixed: the same nodes and edges always land in the same places
FONT = 12.0  # names, in px (desk.css: svg.network a.node text)
COUNT_FONT = 11.0  # edge counts, in px (desk.css: svg.chart)
# Character widths in ems, rounded up from DejaVu Sans (the widest of the sans fonts a desk is likely
# to show): the boxes must hold the text wherever it is read.
NARROW, SLIM, WIDE = "ijl.,:;'|!", " ftrI()[]-/", "mwMW@%…"
GAP = 6.0  # the least room between two circles
EDGE = 4.0  # the least room between a mark and the drawing's edge
LABEL_CHARS = 26  # longer names are cut on the drawing (the tooltip has them whole)
SHORT_CHARS = 12  # what is tried when the whole name finds no room
MIN_RADIUS, MAX_RADIUS = 5.0, 16.0
BEND = 0.12  # how far an arrow bows to its left, as a share of its length
HUB = ("hub",)
HUB_PULL = 0.05  # the hidden hub's spring, against log(2) = 0.69 for an edge of one event


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle on the drawing."""

    left: float
    top: float
    right: float
    bottom: float

    def hits(self, other: Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def hits_circle(self, x: float, y: float, r: float) -> bool:
        nearest_x, nearest_y = min(max(x, self.left), self.right), min(max(y, self.top), self.bottom)
        return (nearest_x - x) ** 2 + (nearest_y - y) ** 2 < r * r

    def within(self, width: float, height: float) -> bool:
        return self.left >= 0 and self.top >= 0 and self.right <= width and self.bottom <= height


def text_width(text: str) -> float:
    """The width of a line of text in ems, on the wide side."""
    return sum(_glyph(c) for c in text)


def _glyph(char: str) -> float:
    if char in NARROW:
        return 0.3
    if char in SLIM:
        return 0.44
    if char in WIDE or unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.05
    return 0.8 if char.isupper() else 0.68


def text_box(text: str, x: float, y: float, anchor: str, size: float, bold: bool = False) -> Box:
    """The room a line of text takes whose baseline starts (``start``), centres (``middle``) or ends
    (``end``) at x, y: from above the capitals to below the descenders, and a pixel more all round
    (bold glyphs are some 8% wider)."""
    width = text_width(text) * size * (1.08 if bold else 1.0)
    left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
    return Box(left - 1, y - 0.95 * size - 1, left + width + 1, y + 0.3 * size + 1)


@dataclass(frozen=True)
class Label:
    """A line of text placed on the drawing, with the box it covers."""

    text: str
    x: float
    y: float
    anchor: str
    box: Box


@dataclass(frozen=True)
class Node:
    """An actor's circle: its area grows with the events the actor is in."""

    id: str
    name: str
    count: int
    x: float
    y: float
    r: float


@dataclass(frozen=True)
class Arc:
    """The arrow of one actor -> recipient pair: a quadratic curve from rim to rim, and its count."""

    source: str
    target: str
    count: int
    path: str
    label: Label | None


@dataclass(frozen=True)
class Scene:
    """Everything the drawing places: nodes in the order given, their names (None: tooltip only), arcs."""

    nodes: dict[str, Node]
    labels: dict[str, Label | None]
    arcs: list[Arc]


def lay_out(
    nodes: Sequence[Mapping[str, Any]], pairs: Mapping[tuple[str, str], int], width: float, height: float
) -> Scene:
    """Places ``nodes`` ({id, name, count}, most important first) and the arrows of ``pairs``
    ((source, target) -> events) on a ``width`` x ``height`` drawing.

    The layout is a pure function of what it is given (a fixed seed), and every reader of the desk
    asks for the same network until the store changes: the last few are kept (``_laid_out``) rather
    than run through the force simulation again on every request."""
    shown = tuple((str(n["id"]), n.get("name"), n.get("count")) for n in nodes)
    return _laid_out(shown, tuple(pairs.items()), width, height)


@lru_cache(maxsize=16)
def _laid_out(
    shown: tuple[tuple[str, Any, Any], ...],
    pairs: tuple[tuple[tuple[str, str], int], ...],
    width: float,
    height: float,
) -> Scene:
    return _lay_out(
        [{"id": i, "name": name, "count": count} for i, name, count in shown], dict(pairs), width, height
    )


def _lay_out(
    nodes: Sequence[Mapping[str, Any]], pairs: Mapping[tuple[str, str], int], width: float, height: float
) -> Scene:
    ids = [str(n["id"]) for n in nodes]
    counts = [max(1, int(n.get("count") or 1)) for n in nodes]
    radii = [radius(c, max(counts, default=1)) for c in counts]
    spots = _fit(_spring(ids, pairs), ids, radii, width, height)
    radii = _separate(spots, radii, width, height)
    placed = {
        i: Node(i, str(n.get("name") or i), c, x, y, r)
        for i, n, c, (x, y), r in zip(ids, nodes, counts, spots, radii, strict=True)
    }
    taken: list[Box] = []
    lines = [_trace(placed[s], placed[t]) for (s, t) in pairs if s in placed and t in placed]
    labels = {i: _name_label(placed[i], placed, taken, lines, width, height) for i in ids}
    arcs = [_arc(placed[s], placed[t], n, placed, taken, width, height) for (s, t), n in _by_weight(pairs)]
    return Scene(placed, labels, arcs)


def radius(count: int, top: int) -> float:
    """A circle's radius: its area in proportion to the actor's events, the busiest at MAX_RADIUS."""
    return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(count / max(top, 1))


def _by_weight(pairs: Mapping[tuple[str, str], int]) -> list[tuple[tuple[str, str], int]]:
    """Heaviest first, so that the busiest arrows get their counts drawn when room is short."""
    return sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))


def _spring(ids: list[str], pairs: Mapping[tuple[str, str], int]) -> list[tuple[float, float]]:
    """Fruchterman-Reingold positions in [-1, 1]; A->B and B->A pull as one spring, whose weight grows
    with the log of the events (one very busy pair must not fold the rest of the graph onto itself)."""
    if len(ids) < 3:
        return [(-1.0, 0.0), (1.0, 0.0)][: len(ids)] if len(ids) == 2 else [(0.0, 0.0)] * len(ids)
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    for (source, target), count in sorted(pairs.items()):
        if source in graph and target in graph and source != target:
            weight = graph.get_edge_data(source, target, {}).get("weight", 0.0) + math.log1p(count)
            graph.add_edge(source, target, weight=weight)
    # Unconnected parts repel each other to the corners and squeeze the rest into a sliver; a weak
    # spring from every node to a hidden hub keeps them near. (A tuple is never an actor's id.)
    graph.add_edges_from(((HUB, i) for i in ids), weight=HUB_PULL)
    k = 2.0 / math.sqrt(len(ids))  # more room than networkx's default 1/sqrt(n): the names need it
    pos = nx.spring_layout(graph, k=k, iterations=200, seed=SEED, method="force")
    return [(float(pos[i][0]), float(pos[i][1])) for i in ids]


def _fit(
    points: list[tuple[float, float]], ids: list[str], radii: list[float], width: float, height: float
) -> list[list[float]]:
    """The positions stretched to the drawing, leaving room at the sides for names; a small graph
    keeps to the middle rather than flinging its few nodes to the corners."""
    if not points:
        return []
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    spread = min(1.0, 0.45 + 0.55 * math.sqrt(len(ids) / 30))
    room_x = (width / 2 - MAX_RADIUS - EDGE - 60) * spread
    room_y = (height / 2 - MAX_RADIUS - EDGE - 20) * spread
    mid_x, mid_y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    half_x, half_y = (max(xs) - min(xs)) / 2 or 1.0, (max(ys) - min(ys)) / 2 or 1.0
    return [
        [width / 2 + (x - mid_x) / half_x * room_x, height / 2 + (y - mid_y) / half_y * room_y]
        for x, y in points
    ]


def _separate(spots: list[list[float]], radii: list[float], width: float, height: float) -> list[float]:
    """Pushes overlapping circles apart (and back inside the drawing) until none overlaps; should a
    crowded drawing not get there, the circles shrink a little and it tries again. The radii used."""
    for _ in range(8):
        for _ in range(300):
            moved = _push_apart(spots, radii)
            _clamp(spots, radii, width, height)
            if not moved:
                return radii
        if not any(True for _ in _overlaps(spots, radii)):
            return radii
        radii = [max(2.0, r * 0.8) for r in radii]
    return radii


def _push_apart(spots: list[list[float]], radii: list[float]) -> bool:
    moved = False
    for i, j in _overlaps(spots, radii):
        dx, dy = spots[j][0] - spots[i][0], spots[j][1] - spots[i][1]
        distance = math.hypot(dx, dy)
        if distance < 1e-6:  # on top of each other: part them along a direction fixed by their indexes
            dx, dy, distance = math.cos(i + 2 * j), math.sin(i + 2 * j), 1.0
        push = (radii[i] + radii[j] + GAP - distance) / 2 + 0.05
        ux, uy = dx / distance, dy / distance
        spots[i][0] -= ux * push
        spots[i][1] -= uy * push
        spots[j][0] += ux * push
        spots[j][1] += uy * push
        moved = True
    return moved


def _overlaps(spots: list[list[float]], radii: list[float]) -> Iterator[tuple[int, int]]:
    for i in range(len(spots)):
        for j in range(i + 1, len(spots)):
            need = radii[i] + radii[j] + GAP
            if (spots[i][0] - spots[j][0]) ** 2 + (spots[i][1] - spots[j][1]) ** 2 < need * need:
                yield i, j


def _clamp(spots: list[list[float]], radii: list[float], width: float, height: float) -> None:
    for spot, r in zip(spots, radii, strict=True):
        spot[0] = min(max(spot[0], r + EDGE), width - r - EDGE)
        spot[1] = min(max(spot[1], r + EDGE), height - r - EDGE)


def _name_label(
    node: Node, nodes: Mapping[str, Node], taken: list[Box], lines: list[Trace], width: float, height: float
) -> Label | None:
    """The node's name at the first free place around it (right, left, above, below, then the
    diagonals), a place crossing no arrow first (the name's white halo keeps it readable over one,
    but it may hide an arrowhead); cut short if only that fits; None when nowhere is free."""
    whole = node.name if len(node.name) <= LABEL_CHARS else node.name[: LABEL_CHARS - 1] + "…"
    short = node.name[: SHORT_CHARS - 1] + "…" if len(node.name) > SHORT_CHARS else whole
    for text in dict.fromkeys((whole, short)):
        places = [
            Label(text, x, y, anchor, text_box(text, x, y, anchor, FONT)) for x, y, anchor in _around(node)
        ]
        free = [label for label in places if _free(label.box, nodes, taken, width, height)]
        for label in sorted(free, key=lambda label: any(_crosses(label.box, line) for line in lines)):
            taken.append(label.box)
            return label
    return None


def _around(node: Node) -> list[tuple[float, float, str]]:
    """Where a name may go: its baseline and anchor beside, above, below and aslant of the circle."""
    off, lift, drop = node.r + 4, 0.35 * FONT, 0.95 * FONT
    slant = off * 0.75
    return [
        (node.x + off, node.y + lift, "start"), (node.x - off, node.y + lift, "end"),
        (node.x, node.y - off - 0.3 * FONT, "middle"), (node.x, node.y + off + drop, "middle"),
        (node.x + slant, node.y - slant - 0.3 * FONT, "start"), (node.x + slant, node.y + slant + drop, "start"),
        (node.x - slant, node.y - slant - 0.3 * FONT, "end"), (node.x - slant, node.y + slant + drop, "end"),
    ]  # fmt: skip


def _free(box: Box, nodes: Mapping[str, Node], taken: list[Box], width: float, height: float) -> bool:
    """The box is inside the drawing, clear of every circle and of every text placed before it."""
    return (
        box.within(width, height)
        and not any(box.hits_circle(n.x, n.y, n.r + 1) for n in nodes.values())
        and not any(box.hits(other) for other in taken)
    )


def _arc(
    a: Node, b: Node, count: int, nodes: Mapping[str, Node], taken: list[Box], width: float, height: float
) -> Arc:
    """The arrow from a's rim to b's rim, bowed to its left (so A->B and B->A stay apart), with its
    count at the first free point along it, middle first (None: the tooltip says it)."""
    start, control, end = _curve(a, b)
    path = f"M{start[0]:.1f},{start[1]:.1f} Q{control[0]:.1f},{control[1]:.1f} {end[0]:.1f},{end[1]:.1f}"
    text = str(count)
    for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
        x, y = _point(start, control, end, t)
        baseline = y + 0.35 * COUNT_FONT  # centred on the curve
        label = Label(
            text, x, baseline, "middle", text_box(text, x, baseline, "middle", COUNT_FONT, bold=True)
        )
        if _free(label.box, nodes, taken, width, height):
            taken.append(label.box)
            return Arc(a.id, b.id, count, path, label)
    return Arc(a.id, b.id, count, path, None)


Point = tuple[float, float]
Trace = tuple[Box, list[Point]]  # an arrow as points a few pixels apart, and the box around them


def _trace(a: Node, b: Node) -> Trace:
    start, control, end = _curve(a, b)
    steps = max(6, int(math.dist(start, end) / 6))
    points = [_point(start, control, end, i / steps) for i in range(steps + 1)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return Box(min(xs), min(ys), max(xs), max(ys)), points


def _crosses(box: Box, line: Trace) -> bool:
    return box.hits(line[0]) and any(
        box.left <= x <= box.right and box.top <= y <= box.bottom for x, y in line[1]
    )


def _curve(a: Node, b: Node) -> tuple[Point, Point, Point]:
    """Start, control and end points of a quadratic curve from a's rim to just short of b's rim."""
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bend = BEND * length
    control = ((a.x + b.x) / 2 - uy * bend, (a.y + b.y) / 2 + ux * bend)
    start = (a.x + ux * a.r, a.y + uy * a.r)
    end = (b.x - ux * (b.r + 2), b.y - uy * (b.r + 2))
    return start, control, end


def _point(start: Point, control: Point, end: Point, t: float) -> Point:
    u = 1 - t
    return (
        u * u * start[0] + 2 * u * t * control[0] + t * t * end[0],
        u * u * start[1] + 2 * u * t * control[1] + t * t * end[1],
    )
