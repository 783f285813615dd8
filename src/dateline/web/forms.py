"""The filter forms, chips, sort headers and pagers of the list pages, as plain data for the templates.

Pure functions of the query parameters and a few store answers: the templates draw a ``Form`` field
by field (each control with its label), so every list page offers the same filters the same way.
"""

from __future__ import annotations

import calendar
import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dateline.model import EVENT_TYPES, MODALITIES, QUOTE_KINDS, SOURCE_TYPES

ACTOR_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "GROUP")
SORT_LABELS = {"newest": "newest first", "oldest": "oldest first", "relevance": "best match first"}
PAGING = ("cursor", "before", "page")  # what a new filter or order starts again from the first page


@dataclass
class Field:
    """One labelled control: ``control`` is text, search, select, date or number."""

    name: str
    label: str
    control: str
    value: str = ""
    options: Sequence[tuple[str, str]] = ()  # (value, shown) for a select; the first is "any"
    datalist: str | None = None  # the id of a <datalist> suggesting values
    attrs: Mapping[str, str] = field(default_factory=dict)  # placeholder, min, max, step, pattern, ...
    wide: bool = False
    hint: str | None = None  # a line under the control (the suggested confidence cut)


@dataclass
class Form:
    """A filter form: its fields, the filters it carries unseen, and the suggestion lists it uses."""

    action: str
    fields: list[Field]
    hidden: list[tuple[str, str]]
    datalists: dict[str, list[tuple[str, str]]]
    active: int  # how many filters are on


def _choices(values: Sequence[str], anything: str = "any") -> list[tuple[str, str]]:
    return [("", anything), *((v, v.replace("_", " ")) for v in values)]


def date_value(value: str, upper: bool) -> str:
    """A date filter as an ``<input type=date>`` shows it: YYYY-MM and YYYY become the first (from) or
    last (to) day they cover, so that the form sends the same range back. (The page checked it is a
    date before: see ``ui._filters``.)"""
    if len(value) == 4 and value.isdigit():
        return f"{value}-12-31" if upper else f"{value}-01-01"
    if len(value) == 7 and value[:4].isdigit() and value[5:7].isdigit():
        year, month = int(value[:4]), int(value[5:7])
        last = calendar.monthrange(year, month)[1]
        return f"{value}-{last:02d}" if upper else f"{value}-01"
    return value


@functools.cache
def suggested_cut() -> float | None:
    """The confidence cut the event filter suggests (``event_filter.suggested_min_confidence``),
    read once."""
    from dateline.extract.event_filter import suggested_min_confidence

    return suggested_min_confidence()


def confidence_field(value: str) -> Field:
    """The "Min. confidence" number box: any cut from 0 to 1 in hundredths (the suggested one is
    0.49), with the suggestion under it. A value of more decimals (from a URL) is taken as it is
    rather than blocked by the browser when the form is sent."""
    try:
        hundredths = abs(float(value) * 100 - round(float(value) * 100)) < 1e-6
    except ValueError:
        hundredths = True
    suggested = suggested_cut()
    attrs = {"min": "0", "max": "1", "step": "0.01" if hundredths else "any", "inputmode": "decimal",
             "placeholder": "0–1" if suggested is None else f"e.g. {suggested:.2f}"}  # fmt: skip
    hint = None if suggested is None else f"suggested: {suggested:.2f}"
    if hint:
        attrs["aria-describedby"] = "hint-min_confidence"
    return Field("min_confidence", "Min. confidence", "number", value, attrs=attrs, hint=hint)


def _spec(name: str, page: str, values: Mapping[str, str]) -> Field:
    """The field for one filter on one page ("quotes", "events", "search", "actors", "places")."""
    value = values.get(name, "")
    who = "Speaker" if page in ("quotes", "search") else "Actor"
    specs: dict[str, Field] = {
        "q": Field("q", "Words" if page in ("quotes", "search") else "Name", "search", value,
                   attrs={"placeholder": 'words, "a phrase", prefix*' if page in ("quotes", "search") else "part of a name"},
                   wide=True),
        "actor": Field("actor", who, "text", value, datalist="actor-names", attrs={"placeholder": "name or id"}),
        "recipient": Field("recipient", "Recipient", "text", value, datalist="actor-names",
                           attrs={"placeholder": "name or id"}),
        "kind": Field("kind", "Kind", "select", value, _choices(QUOTE_KINDS)),
        "source_type": Field("source_type", "Source type", "select", value, _choices(SOURCE_TYPES)),
        "event_type": Field("event_type", "Event type", "select", value, _choices(EVENT_TYPES)),
        "modality": Field("modality", "Modality", "select", value, _choices(MODALITIES)),
        "country": Field("country", "Country", "text", value,
                         attrs={"placeholder": "e.g. VDR", "pattern": "[A-Za-z]{3}", "maxlength": "3", "size": "6",
                                "title": "three letters, ISO 3166 alpha-3"}),
        "outlet": Field("outlet", "Outlet", "text", value, attrs={"placeholder": "as published"}),
        "place": Field("place", "Place", "text", value, datalist="place-names", attrs={"placeholder": "name or id"}),
        "date_from": Field("date_from", "From", "date", value),
        "date_to": Field("date_to", "To", "date", value),
        "min_confidence": confidence_field(value),
        "type": Field("type", "Type", "select", value, _choices(ACTOR_TYPES)),
        "code": Field("code", "Code", "text", value, attrs={"placeholder": "VDR, IGO", "size": "6"}),
        "sector": Field("sector", "Sector", "text", value, attrs={"placeholder": "GOV, MIL", "size": "6"}),
    }  # fmt: skip
    spec = specs[name]
    if spec.control == "date" and value:
        spec.value = date_value(value, upper=name == "date_to")
    return spec


def sort_field(sorts: Sequence[str], value: str, has_words: bool) -> Field:
    """The order control of a sentence list; "relevance" only where there are words to rank by."""
    shown = [s for s in sorts if s != "relevance" or has_words]
    return Field("sort", "Order", "select", value if value in shown else "", [("", SORT_LABELS[shown[0]]),
                 *((s, SORT_LABELS[s]) for s in shown[1:])])  # fmt: skip


def filter_form(
    action: str,
    page: str,
    names: Sequence[str],
    params: Mapping[str, str],
    datalists: dict[str, list[tuple[str, str]]],
    sorts: Sequence[str] = (),
    shown: Mapping[str, str] | None = None,
) -> Form:
    """The form of a list page: a field per filter in ``names`` holding its current value (or what
    ``shown`` writes it as: an actor's name for its id), an order control when the list has ``sorts``,
    and every other parameter but paging as a hidden field, so that a submit changes what was edited
    and keeps the rest."""
    fields = [_spec(name, page, {**params, **(shown or {})}) for name in names]
    if sorts:
        fields.append(sort_field(sorts, params.get("sort", ""), bool(params.get("q"))))
    visible = {f.name for f in fields}
    hidden = [(k, v) for k, v in params.items() if k not in visible and k not in PAGING and v]
    active = sum(1 for k, v in params.items() if v and k not in PAGING and k != "sort")
    used = {f.datalist for f in fields if f.datalist}
    return Form(action, fields, hidden, {k: v for k, v in datalists.items() if k in used}, active)


# ---- chips -----------------------------------------------------------------------------------------


def date_chip(date_from: str | None, date_to: str | None) -> tuple[str, str]:
    """One chip for a date range: a month as "month: 2025-03" (however it was written), one day or
    year by its name, else "from", "to" or "dates" with the bounds."""
    if date_from and date_to:
        low, high = date_value(date_from, upper=False), date_value(date_to, upper=True)
        if low == high:
            return "day", low
        if low[:7] == high[:7] and low.endswith("-01") and date_value(low[:7], upper=True) == high:
            return "month", low[:7]
        if low[:4] == high[:4] and low.endswith("-01-01") and high.endswith("-12-31"):
            return "year", low[:4]
        return "dates", f"{date_from} to {date_to}"
    if date_from:
        return "from", date_from
    return "to", str(date_to)


def chips(
    filters: Mapping[str, str], label_of: Callable[[str, str], str], remove: Callable[..., str]
) -> list[dict[str, str]]:
    """A chip per filter, each linked to the page without it; a date range is one chip that removes
    both bounds. ``label_of(name, value)`` gives what a value is called (an actor's name for its id)."""
    out = []
    for key, value in filters.items():
        if key in ("date_from", "date_to"):
            if key == "date_to" and "date_from" in filters:
                continue
            name, shown = date_chip(filters.get("date_from"), filters.get("date_to"))
            out.append({"name": name, "value": shown, "remove": remove(date_from=None, date_to=None)})
            continue
        out.append(
            {"name": key.replace("_", " "), "value": label_of(key, value), "remove": remove(**{key: None})}
        )
    return out


# ---- paging and sorting ----------------------------------------------------------------------------


def page_number(params: Mapping[str, str]) -> int | None:
    """The page number a pager link carried (None when the page was reached otherwise)."""
    if not (params.get("cursor") or params.get("before")):
        return 1
    raw = params.get("page", "")
    return int(raw) if raw.isdigit() and int(raw) >= 1 else None


def pager(result: Mapping[str, Any], params: Mapping[str, str], total: int, size: int,
          link: Callable[..., str]) -> dict[str, Any]:  # fmt: skip
    """The links around a page: previous and next (keyset cursors both ways), the first page, and
    "page N of M" when the page's number is known."""
    number = page_number(params)
    pages = max(1, math.ceil(total / size))
    prev_href = None
    if result.get("prev_cursor"):
        if number == 2:  # the first page has a plain address of its own
            prev_href = link(cursor=None, before=None, page=None)
        else:
            prev_href = link(before=result["prev_cursor"], cursor=None, page=number - 1 if number else None)
    next_href = None
    if result.get("next_cursor"):
        next_href = link(cursor=result["next_cursor"], before=None, page=number + 1 if number else None)
    first_href = link(cursor=None, before=None, page=None) if prev_href and number != 2 else None
    return {"number": number, "pages": pages, "prev": prev_href, "next": next_href, "first": first_href}


def sort_header(column: str, label: str, current: str, default: str, link: Callable[..., str],
                numeric: bool = True) -> dict[str, str | None]:  # fmt: skip
    """A sortable column's header: its link sorts by it (counts most first, names A to Z), or the
    other way round when the list is already sorted by it; ``aria`` says how it is sorted now."""
    current = current or default
    if current == column:
        target, aria = f"-{column}", "ascending"
    elif current == f"-{column}":
        target, aria = column, "descending"
    else:
        target, aria = (f"-{column}" if numeric else column), None
    return {"label": label, "href": link(sort=None if target == default else target, cursor=None, before=None,
                                         page=None), "aria": aria}  # fmt: skip


def thousands(n: int) -> str:
    return f"{n:,}"
