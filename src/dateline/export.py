"""Exports of a store: quotes, events and entities as CSV or JSON Lines, events as PLOVER-style
JSON, the actor network as GEXF. The CLI (``dateline export``) and the web API share these.

``export(store, what, fmt, out, **filters)`` writes to a text stream and returns how many items
(network: nodes plus edges) it wrote; ``export_bytes`` gives the bytes and a media type for an
HTTP response. Filters are those of the matching store list (``store.quotes``, ``store.events``,
``store.actors``, ``store.network``). Entities and network nodes are the store's canonical actors
(one per real actor across articles, its aliases listed; generic groups left out). Every row keeps the article id and character offsets, so an
exported fact can be traced back to its sentence.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from dateline.store import Store

FORMATS: dict[str, tuple[str, ...]] = {
    "quotes": ("csv", "jsonl"),
    "events": ("csv", "jsonl", "plover"),
    "entities": ("csv", "jsonl"),
    "network": ("gexf",),
}
EXPORTS = tuple(FORMATS)
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "plover": "application/json",
    "gexf": "application/gexf+xml",
}
EXTENSIONS = {"csv": "csv", "jsonl": "jsonl", "plover": "json", "gexf": "gexf"}
PAGE = 500
GEXF_NS = "http://gexf.net/1.3"

QUOTE_COLUMNS = [
    "id", "article_id", "quote_id", "published", "outlet", "speaker", "speaker_actor", "speaker_start",
    "speaker_end", "source_type", "kind", "cue", "cue_lemma", "medium", "content", "content_start",
    "content_end", "words", "context", "context_start", "context_end", "article_title",
]  # fmt: skip
EVENT_COLUMNS = [
    "id", "article_id", "event_id", "day", "type", "mode", "modality", "trigger", "trigger_start",
    "trigger_end", "actors", "actor_ids", "recipients", "recipient_ids", "place", "country", "date",
    "date_precision", "quote_id", "context", "context_start", "context_end", "confidence", "actors_from",
]  # fmt: skip
ENTITY_COLUMNS = [
    "id", "name", "type", "code", "sector", "articles", "mentions", "quotes", "aliases", "example_article_id",
    "example_start", "example_end", "example_context",
]  # fmt: skip
ALIAS_JOINER = "; "


def all_items(fetch: Callable[..., dict[str, Any]], **filters: Any) -> Iterator[dict[str, Any]]:
    """Every item of a store list, page after page through its cursor."""
    cursor = None
    while True:
        page = fetch(cursor=cursor, limit=PAGE, **filters)
        yield from page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return


def quote_row(q: dict[str, Any]) -> dict[str, Any]:
    speaker = q["speaker"] or {}
    cue = q["cue"] or {}
    content = q["content"]
    return {
        "id": q["id"], "article_id": q["article_id"], "quote_id": q["quote_id"], "published": q["published"],
        "outlet": q["outlet"], "speaker": q["speaker_name"], "speaker_actor": speaker.get("actor"),
        "speaker_start": speaker.get("start"), "speaker_end": speaker.get("end"),
        "source_type": q["source_type"], "kind": q["kind"], "cue": cue.get("text"), "cue_lemma": q["cue_lemma"],
        "medium": q["medium"], "content": q["text"],
        "content_start": content[0]["start"] if content else None,
        "content_end": content[-1]["end"] if content else None, "words": q["words"],
        "context": q["context"]["text"], "context_start": q["context"]["start"],
        "context_end": q["context"]["end"], "article_title": q["article_title"],
    }  # fmt: skip


def event_row(e: dict[str, Any]) -> dict[str, Any]:
    place = e["place"] or {}
    date = e["date"] or {}
    return {
        "id": e["id"], "article_id": e["article_id"], "event_id": e["event_id"], "day": e["event_day"],
        "type": e["type"], "mode": e["mode"], "modality": e["modality"], "trigger": e["trigger"]["text"],
        "trigger_start": e["trigger"]["start"], "trigger_end": e["trigger"]["end"],
        "actors": "; ".join(p["name"] or p["entity"] for p in e["actors"]),
        "actor_ids": "; ".join(p["actor"] or "" for p in e["actors"]),
        "recipients": "; ".join(p["name"] or p["entity"] for p in e["recipients"]),
        "recipient_ids": "; ".join(p["actor"] or "" for p in e["recipients"]),
        "place": place.get("name"), "country": place.get("country"), "date": date.get("value"),
        "date_precision": date.get("precision"), "quote_id": e["quote"], "context": e["context"]["text"],
        "context_start": e["context"]["start"], "context_end": e["context"]["end"],
        "confidence": e["confidence"], "actors_from": e["actors_from"],
    }  # fmt: skip


def entity_row(a: dict[str, Any]) -> dict[str, Any]:
    example = a["examples"][0] if a["examples"] else {}
    return {
        "id": a["id"], "name": a["name"], "type": a["type"], "code": a["code"], "sector": a["sector"],
        "articles": a["articles"], "mentions": a["mentions"], "quotes": a["quotes"],
        "aliases": ALIAS_JOINER.join(a["aliases"]), "example_article_id": example.get("article_id"), "example_start": example.get("start"),
        "example_end": example.get("end"), "example_context": (example.get("context") or {}).get("text"),
    }  # fmt: skip


def plover_event(e: dict[str, Any]) -> dict[str, Any]:
    """One event in PLOVER's shape (event, mode, actor, recipient, date, location), with dateline's
    spans kept alongside so the coding can be checked against the sentence."""

    def party(p: dict[str, Any] | None) -> dict[str, Any] | None:
        if p is None:
            return None
        return {
            "name": p["name"],
            "id": p["actor"],
            "text": p["mentions"][0]["text"] if p["mentions"] else None,
        }

    place = e["place"]
    return {
        "id": f"{e['article_id']}/{e['event_id']}",
        "date": (e["date"] or {}).get("value") or e["event_day"],
        "event": e["type"],
        "mode": e["mode"],
        "context": [],
        "modality": e["modality"],
        "actor": party(e["actors"][0] if e["actors"] else None),
        "recipient": party(e["recipients"][0] if e["recipients"] else None),
        "actors": [party(p) for p in e["actors"]],
        "recipients": [party(p) for p in e["recipients"]],
        "location": (
            {"name": place["name"], "country": place["country"], "lat": place["lat"], "lon": place["lon"]}
            if place
            else None
        ),
        "source": {"article_id": e["article_id"], "outlet": e["outlet"], "published": e["published"]},
        "trigger": e["trigger"],
        "text": e["context"]["text"],
        "text_span": {"start": e["context"]["start"], "end": e["context"]["end"]},
    }


# A cell a spreadsheet would read as a formula ("=cmd|' /C calc'!A0" quoted from an article).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: Any) -> Any:
    """A text cell that would start a formula, prefixed with an apostrophe as OWASP recommends, so
    that a spreadsheet shows it as text; numbers and every other text unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(rows: Iterator[dict[str, Any]], columns: list[str], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="raise", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: neutralised(value) for key, value in row.items()})
        count += 1
    return count


def write_jsonl(items: Iterator[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_plover(items: Iterator[dict[str, Any]], out: TextIO) -> int:
    """One JSON document: {"format", "generator", "events": [...]}, written event by event."""
    out.write('{"format": "PLOVER-style events", "generator": "dateline", "events": [')
    count = 0
    for item in items:
        out.write(("," if count else "") + "\n  " + json.dumps(plover_event(item), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def gexf_document(network: dict[str, Any]) -> ET.Element:
    """The actor network as GEXF 1.3: actors as nodes, actor -> recipient events as weighted edges."""
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "dateline"
    ET.SubElement(meta, "description").text = "actor-to-actor events (actor -> recipient)"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    node_attrs = ET.SubElement(graph, "attributes", {"class": "node"})
    for index, (name, kind) in enumerate(
        (("type", "string"), ("code", "string"), ("sector", "string"), ("events", "integer"))
    ):
        ET.SubElement(node_attrs, "attribute", {"id": str(index), "title": name, "type": kind})
    edge_attrs = ET.SubElement(graph, "attributes", {"class": "edge"})
    ET.SubElement(edge_attrs, "attribute", {"id": "0", "title": "event_type", "type": "string"})
    ET.SubElement(edge_attrs, "attribute", {"id": "1", "title": "event_ids", "type": "string"})
    nodes = ET.SubElement(graph, "nodes")
    for node in network["nodes"]:
        element = ET.SubElement(nodes, "node", {"id": node["id"], "label": node["name"]})
        values = ET.SubElement(element, "attvalues")
        for index, key in enumerate(("type", "code", "sector", "count")):
            if node.get(key) is not None:
                ET.SubElement(values, "attvalue", {"for": str(index), "value": str(node[key])})
    edges = ET.SubElement(graph, "edges")
    for index, edge in enumerate(network["edges"]):
        element = ET.SubElement(
            edges,
            "edge",
            {"id": str(index), "source": edge["source"], "target": edge["target"], "weight": str(edge["count"]),
             "label": edge["type"]},
        )  # fmt: skip
        values = ET.SubElement(element, "attvalues")
        ET.SubElement(values, "attvalue", {"for": "0", "value": edge["type"]})
        ET.SubElement(values, "attvalue", {"for": "1", "value": " ".join(map(str, edge["event_ids"]))})
    ET.indent(root)
    return root


def export(store: Store, what: str, fmt: str, out: TextIO, **filters: Any) -> int:
    """Write ``what`` in ``fmt`` to ``out``; ValueError for a pairing FORMATS does not list."""
    if fmt not in FORMATS.get(what, ()):
        allowed = ", ".join(f"{w}: {'/'.join(f)}" for w, f in FORMATS.items())
        raise ValueError(f"cannot export {what!r} as {fmt!r}; choose one of {allowed}")
    if what == "network":
        network = store.network(**{"max_edges": None, **filters})  # the file holds the whole graph
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(gexf_document(network), encoding="unicode") + "\n")
        return len(network["nodes"]) + len(network["edges"])
    if what == "quotes":
        items = all_items(store.quotes, **filters)
        return (
            write_jsonl(items, out)
            if fmt == "jsonl"
            else write_csv(map(quote_row, items), QUOTE_COLUMNS, out)
        )
    if what == "events":
        items = all_items(store.events, **filters)
        if fmt == "plover":
            return write_plover(items, out)
        return (
            write_jsonl(items, out)
            if fmt == "jsonl"
            else write_csv(map(event_row, items), EVENT_COLUMNS, out)
        )
    items = all_items(store.actors, **filters)
    return (
        write_jsonl(items, out) if fmt == "jsonl" else write_csv(map(entity_row, items), ENTITY_COLUMNS, out)
    )


def export_bytes(store: Store, what: str, fmt: str, **filters: Any) -> tuple[bytes, str]:
    """The export as UTF-8 bytes and its media type, for an HTTP response."""
    buffer = io.StringIO()
    export(store, what, fmt, buffer, **filters)
    return buffer.getvalue().encode("utf-8"), MEDIA_TYPES[fmt]
