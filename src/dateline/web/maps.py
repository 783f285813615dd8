"""World maps as inline SVG, drawn on the server from shapes shipped in the package: no tiles, no
JavaScript, nothing fetched.

Country outlines come from ``data/world_110m.json`` (Natural Earth 1:110m via world-atlas, built by
``scripts/build_world_map.py``; see NOTICE). The projection is equirectangular (longitude and
latitude as x and -y), so a smaller map is the same drawing framed by another window (``View``).
Places are circles, area proportional to their count, each an SVG ``<a>`` to its sentences with a
``<title>``; every text from the data is escaped, every href escaped again as an attribute.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

from dateline.web.charts import EVENT_COLOURS, OTHER_COLOUR

WORLD_FILE = Path(__file__).resolve().parent.parent / "data" / "world_110m.json"
NO_EVENTS = "#ffffff"  # a place named in quotes only: a hollow circle, no event type's colour

LonLat = tuple[float, float]


@dataclass(frozen=True)
class Country:
    """One country's outline: ISO alpha-3 (None for a few disputed areas), name, rings of (lon, lat)."""

    code: str | None
    name: str
    rings: tuple[tuple[LonLat, ...], ...]
    west: float
    south: float
    east: float
    north: float


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """The shipped outlines, read once per process."""
    data = json.loads(WORLD_FILE.read_text(encoding="utf-8"))
    out = []
    for entry in data["countries"]:
        rings = tuple(tuple((float(lon), float(lat)) for lon, lat in ring) for ring in entry["rings"])
        lons = [lon for ring in rings for lon, _ in ring]
        lats = [lat for ring in rings for _, lat in ring]
        out.append(
            Country(entry.get("code"), entry["name"], rings, min(lons), min(lats), max(lons), max(lats))
        )
    return tuple(out)


@dataclass(frozen=True)
class View:
    """The window of the world a map shows, in degrees, drawn ``width`` units wide."""

    west: float
    south: float
    east: float
    north: float
    width: int = 1000

    @property
    def scale(self) -> float:
        return self.width / (self.east - self.west)

    @property
    def height(self) -> int:
        return round((self.north - self.south) * self.scale)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.scale, (self.north - lat) * self.scale

    def meets(self, country: Country) -> bool:
        return not (
            country.east < self.west
            or country.west > self.east
            or country.north < self.south
            or country.south > self.north
        )


# The inhabited world: Antarctica and the empty Arctic ocean would take a third of the height.
WORLD = View(-180.0, -58.0, 180.0, 84.0)
MARGIN = 6.0  # degrees of room a framed view leaves beyond its outermost places, for their circles


def view_around(points: Iterable[LonLat], width: int = 480, least: float = 30.0) -> View:
    """A window framing these points with a margin, at least ``least`` degrees wide and in a 2:1
    shape, kept within the world; the whole world when there are no points."""
    chosen = list(points)
    if not chosen:
        return View(WORLD.west, WORLD.south, WORLD.east, WORLD.north, width)
    lons, lats = [p[0] for p in chosen], [p[1] for p in chosen]
    span = max(least, max(lons) - min(lons) + 2 * MARGIN, 2 * (max(lats) - min(lats) + 2 * MARGIN))
    span = min(span, 360.0)
    centre_lon, centre_lat = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    west = min(max(centre_lon - span / 2, -180.0), 180.0 - span)
    south = min(max(centre_lat - span / 4, -90.0), 90.0 - span / 2)
    return View(west, south, west + span, south + span / 2, width)


@dataclass(frozen=True)
class Spot:
    """A place on a map: its circle's size comes from ``count``, its link is ``href``."""

    key: str
    name: str
    lon: float
    lat: float
    count: int
    colour: str
    href: str
    title: str
    type: str = ""


def spot_colour(event_type: str | None) -> str:
    """A place's colour: that of its main event type (the timeline's), hollow without events."""
    return EVENT_COLOURS.get(event_type, OTHER_COLOUR) if event_type else NO_EVENTS


def _attr(value: object) -> str:
    return str(escape(str(value)))


def _ring_path(ring: Sequence[LonLat], view: View) -> str:
    """One ring as a path in whole drawing units, each step relative to the last; points that land
    on the same unit are dropped (most of them at world scale: the page stays light)."""
    parts: list[str] = []
    last: tuple[int, int] | None = None
    for lon, lat in ring:
        x, y = view.xy(lon, lat)
        point = (round(x), round(y))
        if point == last:
            continue
        if last is None:
            parts.append(f"M{point[0]} {point[1]}")
        else:
            dx, dy = point[0] - last[0], point[1] - last[1]
            parts.append(f"l{dx}{' ' if dy >= 0 else ''}{dy}")
        last = point
    return "".join(parts) + "z" if len(parts) >= 3 else ""


@lru_cache(maxsize=256)  # the world and the small maps of busy actors and places: ~10 ms each to draw
def _country_paths(view: View) -> tuple[tuple[str | None, str, str], ...]:
    """(code, name, path) of each country the view meets: drawn once per view and process."""
    out = []
    for country in countries():
        if view.meets(country):
            path = "".join(_ring_path(ring, view) for ring in country.rings)
            if path:
                out.append((country.code, country.name, path))
    return tuple(out)


def radius(count: int, top: int, view: View) -> float:
    """Circle radius in drawing units: area proportional to the count (a square-root scale)."""
    # A small map is shown at a third of the world map's size: its circles take a larger share of it.
    smallest, largest = view.width * 0.005, view.width * (0.024 if view.width >= 800 else 0.032)
    return smallest + (largest - smallest) * math.sqrt(max(count, 0) / max(top, 1))


def world_map(
    spots: Sequence[Spot], title: str, view: View = WORLD, highlight: str | None = None, css: str = "map"
) -> Markup:
    """Country outlines, then one linked circle per spot (biggest first, so small ones stay on top and
    clickable). ``highlight``: the alpha-3 code of a country to shade (the country filter)."""
    parts = [
        # role="group", not "img": an image hides the links inside it from keyboards and screen readers.
        f'<svg class="chart {_attr(css)}" role="group" aria-label="{_attr(title)}" width="{view.width}"'
        f' height="{view.height}" viewBox="0 0 {view.width} {view.height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<rect class="sea" width="{view.width}" height="{view.height}"/>',
        '<g class="countries" fill-rule="evenodd">',
    ]
    for code, name, path in _country_paths(view):
        on = ' class="on"' if highlight and code == highlight.upper() else ""
        parts.append(f'<path{on} d="{path}"><title>{escape(name)}</title></path>')
    parts.append('</g><g class="places">')
    top = max((s.count for s in spots), default=1)
    for spot in sorted(spots, key=lambda s: (-s.count, s.key)):
        x, y = view.xy(spot.lon, spot.lat)
        parts.append(
            f'<a class="place" href="{_attr(spot.href)}" aria-label="{_attr(spot.title)}" data-id="{_attr(spot.key)}"'
            f' data-type="{_attr(spot.type)}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius(spot.count, top, view):.1f}" fill="{_attr(spot.colour)}"/>'
            f"<title>{escape(spot.title)}</title></a>"
        )
    parts.append("</g></svg>")
    return Markup("".join(parts))


def map_legend(colours: dict[str, str], quotes_only: bool) -> Markup:
    """The event types the circles are coloured by, and the hollow circle of a place quotes alone name."""
    items = [
        f'<li><span class="swatch" style="background:{colour}"></span>{escape(name)}</li>'
        for name, colour in colours.items()
    ]
    if quotes_only:
        items.append('<li><span class="swatch hollow"></span>no events (named in quotes)</li>')
    return Markup(f'<ul class="legend">{"".join(items)}</ul>') if items else Markup("")
