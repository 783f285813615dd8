"""What the timeline and network pages show, worked out from the store's rows: the timeline's periods,
the dense date range it opens on and its tables; the network's thresholds, the part of it drawn and
the numbers that say how much that is. Pure functions of rows and query parameters: the routes in
ui.py fetch the rows and say where every mark links.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException
from markupsafe import Markup

from dateline.web.charts import Column, Segment, event_colours, network_graph, palette, stacked_bars
from dateline.web.forms import date_value

Rows = list[dict[str, Any]]
Colouring = Callable[[Iterable[str]], dict[str, str]]

MAX_DAYS = 120  # a chart spanning more days than this is drawn per month
DENSE_SHARE = 0.95  # the timeline opens on the shortest run of days holding this share of dated items


# ---- the timeline's periods --------------------------------------------------------------------


def period_columns(
    rows: Rows, piece_href: Any, day_href: Any, extent: tuple[str, str] | None = None
) -> tuple[str, list[Column]]:
    """Rows of {day, type, count} as one column per day, empty days kept as gaps; per month instead
    when the days span more than MAX_DAYS (a month's links then list that month's sentences).
    ``extent`` (first and last day) stretches the columns over more days than the rows have, so that
    two charts of one page line up. Returns the unit ("day" or "month") and the columns."""
    if not rows:
        return "day", []
    ends = [{"day": day} for day in extent or ()]
    monthly = _span_days(rows + ends) > MAX_DAYS
    rows = _by_month(rows) if monthly else rows
    by_day: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_day[row["day"]].append(row)
    keys = sorted({*by_day, *(e["day"][:7] if monthly else e["day"] for e in ends)})
    columns = [
        Column(day, [Segment(r["type"], r["count"], piece_href(r)) for r in sorted(by_day.get(day, []),
                                                                                    key=lambda r: r["type"])],
               day_href(day))
        for day in _all_days(keys)
    ]  # fmt: skip
    return ("month" if monthly else "day"), columns


def day_chart(
    rows: Rows, piece_href: Any, day_href: Any, title: str, colour_of: Colouring = palette
) -> Markup:
    """The rows as a stacked bar per period (see ``period_columns``). ``{unit}`` in the title becomes
    "day" or "month"; ``colour_of`` gives the types their colours (event types keep theirs whatever
    the filter: ``event_colours``)."""
    unit, columns = period_columns(rows, piece_href, day_href)
    title = title.replace("{unit}", unit)  # not format(): names may hold braces
    return stacked_bars(columns, colour_of(r["type"] for r in rows), title)


def _span_days(rows: Rows) -> int:
    try:
        days = sorted(dt.date.fromisoformat(r["day"]) for r in rows)
    except ValueError:
        return 0
    return (days[-1] - days[0]).days if days else 0


def _by_month(rows: Rows) -> Rows:
    """Day rows summed per month ("2025-03"), a value the date filters take as a whole month."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        counts[(row["day"][:7], row["type"])] += row["count"]
    return [{"day": month, "type": typ, "count": n} for (month, typ), n in sorted(counts.items())]


def _all_days(days: list[str], most: int = 370) -> list[str]:
    """Every day (or month) from first to last, so gaps show; the given ones alone when that is too many."""
    if days and len(days[0]) == 7:
        return _all_months(days)
    try:
        first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
    except (IndexError, ValueError):
        return days
    if (last - first).days >= most:
        return days
    return [(first + dt.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]


def _all_months(months: list[str]) -> list[str]:
    try:
        year, month = (int(x) for x in months[0].split("-"))
        end = tuple(int(x) for x in months[-1].split("-"))
    except ValueError:
        return months
    out: list[str] = []
    while (year, month) <= end and len(out) < 1200:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


# ---- the timeline's dense range ----------------------------------------------------------------


def dense_window(rows: Rows, share: float = DENSE_SHARE) -> tuple[str, str] | None:
    """The dates a timeline opens on when none are asked for: the shortest run of days holding
    ``share`` of the dated items, widened by a quarter of its length (at least a week) to take in the
    items just beside it, and to whole months when it spans more than MAX_DAYS (a month's bar must
    count the whole month it links to). None when the rows span no more than MAX_DAYS or the run
    is more than half of their span: then every date is drawn readably."""
    totals: Counter[dt.date] = Counter()
    for row in rows:
        totals[dt.date.fromisoformat(row["day"])] += int(row["count"])
    days = sorted(totals)
    if not days or (days[-1] - days[0]).days <= MAX_DAYS:
        return None
    low, high = _shortest_run(days, [totals[d] for d in days], share * sum(totals.values()))
    pad = dt.timedelta(days=max(7, (high - low).days // 4))
    low = min(d for d in days if d >= low - pad)
    high = max(d for d in days if d <= high + pad)
    if (high - low).days * 2 > (days[-1] - days[0]).days:
        return None
    if (high - low).days > MAX_DAYS:
        low, high = low.replace(day=1), _month_end(high)
    return low.isoformat(), high.isoformat()


def _shortest_run(days: list[dt.date], counts: list[int], need: float) -> tuple[dt.date, dt.date]:
    """The first and last day of the shortest run of ``days`` whose counts reach ``need`` (two
    pointers over the sorted days; of equally short runs, the latest)."""
    best = (days[0], days[-1])
    start, held = 0, 0
    for end, count in enumerate(counts):
        held += count
        while held - counts[start] >= need:
            held -= counts[start]
            start += 1
        if held >= need and (days[end] - days[start]) <= (best[1] - best[0]):
            best = (days[start], days[end])
    return best


def _month_end(day: dt.date) -> dt.date:
    following = day.replace(day=28) + dt.timedelta(days=4)
    return following - dt.timedelta(days=following.day)


def show_all(params: Mapping[str, str]) -> bool:
    """Whether every date was asked for (``all=1``: the "show all" link); anything else is a 400."""
    value = params.get("all", "").strip()
    if value not in ("", "1"):
        raise HTTPException(status_code=400, detail=f"all {value!r}: write all=1 to show every date")
    return value == "1"


# ---- the timeline page -------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineLinks:
    """Where the timeline's marks lead; the route builds them, as it knows the filters."""

    event: Callable[[str, str], str | None]  # (period, event type) -> those events
    event_period: Callable[[str], str]  # period -> its events
    quote: Callable[[str, str], str | None]  # (period, source type) -> those quotes; None: no list holds them
    quote_period: Callable[[str], str]
    zoom: Callable[[str, str], str]  # (from, to) -> this page over those dates
    everything: str  # this page over every date
    dense: str  # this page as it opens, over the dense range


@dataclass(frozen=True)
class TableRow:
    """A line of the table under a chart: one bar piece, with the same count and the same link."""

    period: str
    type: str
    count: int
    href: str | None
    colour: str
    zoom: str | None  # this page over that period (months only: a day is as far as it goes)


@dataclass(frozen=True)
class Chart:
    """One chart of the page with its table: the same columns drawn and listed."""

    svg: Markup
    unit: str
    rows: list[TableRow]
    total: int


def timeline_view(
    rows: Rows, filters: Mapping[str, str], every: bool, links: TimelineLinks
) -> dict[str, Any]:
    """The page's charts, tables and date range: the dates asked for, every date (``every``), or else
    the dense range of the rows (``dense_window``), saying which and how much of the data it holds."""
    asked = "date_from" in filters or "date_to" in filters
    window = None if asked or every else dense_window(rows)
    shown = rows if window is None else [r for r in rows if window[0] <= r["day"] <= window[1]]
    days = sorted(r["day"] for r in shown)
    extent = (days[0], days[-1]) if days else None  # both charts over the same periods
    events = _chart([r for r in shown if r["kind"] == "event"], extent, links.event, links.event_period,
                    links.zoom, "Events per {unit} by type", event_colours)  # fmt: skip
    quotes = _chart([r for r in shown if r["kind"] == "quote"], extent, links.quote, links.quote_period,
                    links.zoom, "Quotes per {unit} by source type", palette)  # fmt: skip
    return {"events": events, "quotes": quotes, "span": _span(rows, shown, filters, window, every, links)}


def _chart(
    rows: Rows, extent: tuple[str, str] | None, piece: Callable[[str, str], str | None],
    period: Callable[[str], str], zoom: Callable[[str, str], str], title: str, colour_of: Colouring,
) -> Chart:  # fmt: skip
    unit, columns = period_columns(rows, lambda r: piece(r["day"], r["type"]), period, extent)
    colours = colour_of(r["type"] for r in rows)
    svg = stacked_bars(columns, colours, title.replace("{unit}", unit))
    table = [
        TableRow(c.label, s.type, s.count, s.href, colours.get(s.type, "#888888"),
                 zoom(c.label, c.label) if unit == "month" else None)
        for c in columns for s in c.segments if s.count > 0
    ]  # fmt: skip
    return Chart(svg, unit, table, sum(r.count for r in table))


def _span(
    rows: Rows, shown: Rows, filters: Mapping[str, str], window: tuple[str, str] | None, every: bool,
    links: TimelineLinks,
) -> dict[str, Any]:  # fmt: skip
    """The dates on show and why: "dense" (the default range, with the share of items it holds),
    "asked" (the from/to filters) or "all"; the values of the date fields; the links to the others."""
    days = sorted(r["day"] for r in rows)
    held, total = sum(r["count"] for r in shown), sum(r["count"] for r in rows)
    span: dict[str, Any] = {"first": days[0] if days else None, "last": days[-1] if days else None,
                            "total": total, "held": held, "everything": links.everything, "dense": None}  # fmt: skip
    if window is not None:
        return {**span, "kind": "dense", "from": window[0], "to": window[1], "percent": 100 * held // total}
    if "date_from" in filters or "date_to" in filters:
        low, high = filters.get("date_from", ""), filters.get("date_to", "")
        return {**span, "kind": "asked", "from": _day_value(low, False), "to": _day_value(high, True)}
    if every and dense_window(rows) is not None:
        span["dense"] = links.dense
    return {**span, "kind": "all", "from": "", "to": ""}


def _day_value(value: str, upper: bool) -> str:
    """A date filter as a date field shows it (YYYY-MM and YYYY as their first or last day)."""
    return date_value(value, upper) if value else ""


# ---- the network -------------------------------------------------------------------------------

ACTORS = (40, 2, 100)  # actors drawn: the default, the fewest and the most one may ask for
MIN_EVENTS = (1, 1, 100_000)  # events an edge needs to be drawn: the default, least and most


@dataclass(frozen=True)
class Thresholds:
    """How much of the network is drawn: edges of at least ``min_events`` events, between at most
    ``actors`` actors (see ``network_view``)."""

    min_events: int = MIN_EVENTS[0]
    actors: int = ACTORS[0]


def thresholds(params: Mapping[str, str]) -> Thresholds:
    """The thresholds asked for (query parameters ``min_events`` and ``actors``); a value that is no
    whole number in range is a 400 saying which range."""
    return Thresholds(_whole(params, "min_events", *MIN_EVENTS), _whole(params, "actors", *ACTORS))


def _whole(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = params.get(name, "").strip()
    if not raw:
        return default
    if not re.fullmatch(r"[0-9]{1,7}", raw) or not low <= int(raw) <= high:
        raise HTTPException(
            status_code=400, detail=f"{name} {raw!r}: write a whole number from {low} to {high}"
        )
    return int(raw)


@dataclass(frozen=True)
class Edge:
    """A drawn arrow as a table row: every event from an actor to a recipient, and per type."""

    source: str
    target: str
    count: int
    href: str
    types: list[tuple[str, int, str]]  # (type, events, link to them), most first


def network_view(
    data: dict[str, Any], limits: Thresholds, node_href: Callable[[str], str],
    edge_href: Callable[[str, str, str | None], str],
) -> dict[str, Any]:  # fmt: skip
    """The drawing, its table and its totals: the edges (actor -> recipient pairs, all types) with
    at least ``limits.min_events`` events, between at most ``limits.actors`` actors (``_fitting``);
    every actor drawn has an edge drawn."""
    pairs = _pairs(data["edges"])
    kept = {k: v for k, v in pairs.items() if sum(v.values()) >= limits.min_events}
    linked = {actor for pair in kept for actor in pair}
    chosen = _fitting(kept, {n["id"]: i for i, n in enumerate(data["nodes"])}, limits.actors)
    drawn = {k: v for k, v in kept.items() if k[0] in chosen and k[1] in chosen}
    ends = {actor for pair in drawn for actor in pair}
    nodes = [n for n in data["nodes"] if n["id"] in ends]
    edges = [e for e in data["edges"] if (e["source"], e["target"]) in drawn]
    colours = event_colours(e["type"] for e in edges)
    svg = network_graph(nodes, edges, node_href, lambda s, t: edge_href(s, t, None), colours)
    if pairs and not drawn:  # not "no events": there are, only none reaches the thresholds
        svg = Markup('<p class="empty">No edge reaches these thresholds.</p>')
    names = {n["id"]: n["name"] for n in data["nodes"]}
    table = sorted(
        (Edge(s, t, sum(types.values()), edge_href(s, t, None),
              [(typ, n, edge_href(s, t, typ)) for typ, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))])
         for (s, t), types in drawn.items()),
        key=lambda e: (-e.count, names.get(e.source, e.source), names.get(e.target, e.target)),
    )  # fmt: skip
    totals = {"edges": len(pairs), "actors": len({a for pair in pairs for a in pair}), "shown_edges": len(drawn),
              "shown_actors": len(nodes), "cut": len(linked) > limits.actors, "truncated": data.get("truncated")}  # fmt: skip
    return {
        "svg": svg,
        "edges": table,
        "names": names,
        "colours": colours,
        "totals": totals,
        "limits": limits,
    }


def _fitting(pairs: dict[tuple[str, str], dict[str, int]], rank: dict[str, int], budget: int) -> set[str]:
    """The actors drawn: the ends of the busiest edges first (of equally busy ones, those between the
    most active actors: ``rank`` 0 is the most), each edge taken while both its ends fit in
    ``budget``. Taking the most active actors instead could draw a few actors and no edge between them."""
    chosen: set[str] = set()
    last = len(rank)
    order = sorted(
        pairs, key=lambda p: (-sum(pairs[p].values()), rank.get(p[0], last) + rank.get(p[1], last), p)
    )
    for pair in order:
        if len(chosen | set(pair)) <= budget:
            chosen.update(pair)
    return chosen


def _pairs(edges: Rows) -> dict[tuple[str, str], dict[str, int]]:
    """The store's edges (one per actor, recipient and type) gathered per actor -> recipient pair."""
    pairs: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for edge in edges:
        if edge["source"] != edge["target"]:
            types = pairs[(edge["source"], edge["target"])]
            types[edge["type"]] = types.get(edge["type"], 0) + int(edge["count"])
    return dict(pairs)
