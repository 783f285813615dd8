"""The record types: dateline's output schema, with JSON in and out.

Every type is a plain dataclass whose ``to_dict`` gives the JSON object documented
field by field in ``docs/schema.md``; ``from_dict`` reads it back. Field order in the
dataclasses is the key order in the JSON, so output stays byte-stable across runs.
Change a field here only together with ``SCHEMA_VERSION`` and the documentation.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = "dateline/5"
# Versions ``Record.from_dict`` reads: a dateline/1 record lacks ``Event.governed_by``, one before
# dateline/3 ``Entity.coded_by`` and ``Entity.generic``, one before dateline/4 the ``confidence`` of
# quotes and events, one before dateline/5 ``Event.actors_from``.
READABLE_SCHEMAS = ("dateline/1", "dateline/2", "dateline/3", "dateline/4", SCHEMA_VERSION)
# Where an entity's code and sector came from, strongest first (``Entity.coded_by``).
CODE_EVIDENCE = ("knowledge", "name", "phrase", "context", "memory")

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "GROUP")
QUOTE_KINDS = ("direct", "mixed", "indirect")
SOURCE_TYPES = (
    "named_person",
    "named_organization",
    "anonymous_person",
    "unnamed_group",
    "document",
    "media",
)
DATE_PRECISIONS = ("day", "week", "month", "year")
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
MODALITIES = ("asserted", "reported", "future", "hypothetical", "negated")


@dataclass
class Span:
    """A run of characters of the article's ``text``: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        data = _obj(data, "a span")
        return cls(_int(data["start"], "a span's start"), _int(data["end"], "a span's end"),
                   _str(data["text"], "a span's text"))  # fmt: skip


@dataclass
class Article:
    """One news report as a reader found it, before any analysis."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as given by the source
    outlet: str | None = None
    url: str | None = None
    source: str | None = None  # the file (or "-" for stdin) the article came from
    author: str | None = None
    errors: list[RecordError] = field(default_factory=list)  # problems met while reading


@dataclass
class RecordError:
    """Why a document (or one stage of it) could not be processed."""

    stage: str  # read, language, parse, entities, attributions, events, places, dates
    code: str  # a short stable key, e.g. "empty", "binary", "undecodable", "not_english"
    message: str  # what happened and what to do about it

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RecordError:
        data = _obj(data, "an error")
        return cls(_str(data["stage"], "an error's stage"), _str(data["code"], "an error's code"),
                   _str(data["message"], "an error's message"))  # fmt: skip


@dataclass
class Entity:
    """A canonical actor: every mention of one person, organisation, place or group."""

    id: str
    name: str  # the fullest form the article uses, without titles
    type: str  # one of ENTITY_TYPES
    code: str | None = None  # ISO 3166 alpha-3 country, or IGO / NGO
    sector: str | None = None  # GOV, MIL, REB, OPP, CVL, MED, JUD, LEG, BUS, ...
    titles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    # What gave the code (one of CODE_EVIDENCE): the shipped actor knowledge, a country in the
    # entity's own name, a nationality, title or appositive in its noun phrase, the country the
    # article is set in, or an actor memory file. None when there is no code.
    coded_by: str | None = None
    # A group that names no one in particular ("people", "women", "officials"): a mention to keep,
    # never an actor to rank, count or draw as a network node.
    generic: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        data = _obj(data, "an entity")
        return cls(
            id=_str(data["id"], "an entity's id"),
            name=_str(data["name"], "an entity's name"),
            type=_str(data["type"], "an entity's type"),
            code=_opt_str(data.get("code"), "an entity's code"),
            sector=_opt_str(data.get("sector"), "an entity's sector"),
            titles=[_str(t, "an entity's title") for t in _list(data.get("titles", []), "titles")],
            mentions=[Span.from_dict(m) for m in _list(data.get("mentions", []), "mentions")],
            coded_by=_opt_str(data.get("coded_by"), "an entity's coded_by"),
            generic=_bool(data.get("generic", False), "an entity's generic"),
        )


@dataclass
class Speaker:
    """The mention the text uses for who is speaking, and the entity it refers to."""

    start: int
    end: int
    text: str
    entity: str | None = None  # an Entity id

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        span = Span.from_dict(data)
        return cls(span.start, span.end, span.text, _opt_str(data.get("entity"), "a speaker's entity"))


@dataclass
class Quote:
    """An attribution: content given to a speaker through a cue."""

    id: str
    kind: str  # direct, mixed or indirect
    speaker: Speaker | None
    cue: Span | None
    cue_lemma: str | None
    content: list[Span]
    source_type: str | None  # one of SOURCE_TYPES
    medium: str | None  # the outlet or channel that relayed it ("AFP", "a televised briefing")
    # How likely it is that this is an attribution with the right speaker, 0-1 (None: not known).
    confidence: float | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        data = _obj(data, "a quote")
        speaker = data.get("speaker")
        cue = data.get("cue")
        return cls(
            id=_str(data["id"], "a quote's id"),
            kind=_str(data["kind"], "a quote's kind"),
            speaker=Speaker.from_dict(speaker) if speaker is not None else None,
            cue=Span.from_dict(cue) if cue is not None else None,
            cue_lemma=_opt_str(data.get("cue_lemma"), "a quote's cue_lemma"),
            content=[Span.from_dict(c) for c in _list(data.get("content", []), "content")],
            source_type=_opt_str(data.get("source_type"), "a quote's source_type"),
            medium=_opt_str(data.get("medium"), "a quote's medium"),
            confidence=_opt_number(data.get("confidence"), "a quote's confidence"),
        )


@dataclass
class EventDate:
    """When an event happened, normalized against the publication date."""

    text: str
    value: str | None
    precision: str | None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventDate:
        data = _obj(data, "an event's date")
        return cls(_str(data["text"], "an event date's text"), _opt_str(data.get("value"), "an event date's value"),
                   _opt_str(data.get("precision"), "an event date's precision"))  # fmt: skip


@dataclass
class Event:
    """Who did what to whom, coded in PLOVER."""

    id: str
    type: str
    mode: str | None
    modality: str  # asserted, future, hypothetical, negated, reported
    actors: list[str]
    recipients: list[str]
    trigger: Span
    place: str | None = None
    date: EventDate | None = None
    quote: str | None = None
    # The event whose trigger governs this one's in the sentence's parse: the attack an
    # accusation is about, the second of two coordinated acts. None for a sentence's main events.
    governed_by: str | None = None
    # How likely it is that the article states an event of this type, 0-1 (None: not known).
    confidence: float | None = None
    # The event whose actors this one takes: its own clause names none ("came under attack"), and
    # that event is the nearest with actors of its own. None when the actors are the clause's own.
    actors_from: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        data = _obj(data, "an event")
        date = data.get("date")
        return cls(
            id=_str(data["id"], "an event's id"),
            type=_str(data["type"], "an event's type"),
            mode=_opt_str(data.get("mode"), "an event's mode"),
            modality=_str(data["modality"], "an event's modality"),
            actors=[_str(a, "an event's actor") for a in _list(data.get("actors", []), "actors")],
            recipients=[
                _str(r, "an event's recipient") for r in _list(data.get("recipients", []), "recipients")
            ],
            trigger=Span.from_dict(data["trigger"]),
            place=_opt_str(data.get("place"), "an event's place"),
            date=EventDate.from_dict(date) if date is not None else None,
            quote=_opt_str(data.get("quote"), "an event's quote"),
            governed_by=_opt_str(data.get("governed_by"), "an event's governed_by"),
            confidence=_opt_number(data.get("confidence"), "an event's confidence"),
            actors_from=_opt_str(data.get("actors_from"), "an event's actors_from"),
        )


@dataclass
class Place:
    """A location resolved against the gazetteer, with every mention of it."""

    id: str
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166 alpha-3
    feature: str  # city, region, country, continent, water, ...
    mentions: list[Span] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        data = _obj(data, "a place")
        geonameid = data.get("geonameid")
        return cls(
            id=_str(data["id"], "a place's id"),
            name=_str(data["name"], "a place's name"),
            geonameid=_int(geonameid, "a place's geonameid") if geonameid is not None else None,
            lat=_opt_number(data.get("lat"), "a place's lat"),
            lon=_opt_number(data.get("lon"), "a place's lon"),
            country=_opt_str(data.get("country"), "a place's country"),
            feature=_str(data["feature"], "a place's feature"),
            mentions=[Span.from_dict(m) for m in _list(data.get("mentions", []), "mentions")],
        )


@dataclass
class DateMention:
    """A temporal expression and the calendar date it stands for."""

    text: str
    start: int
    end: int
    value: str | None  # ISO 8601: 2024-02-08, 2024-W06, 2024-02, 2024
    precision: str | None  # day, week, month, year

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateMention:
        span = Span.from_dict(data)
        return cls(
            span.text,
            span.start,
            span.end,
            _opt_str(data.get("value"), "a date's value"),
            _opt_str(data.get("precision"), "a date's precision"),
        )


@dataclass
class Record:
    """Everything dateline knows about one article: the unit of output."""

    id: str
    source: str | None
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    text: str
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)
    schema: str = SCHEMA_VERSION

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        # "schema" leads every record so a reader can dispatch on it before anything else.
        return {"schema": data.pop("schema"), **data}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """The record ``data`` holds. Every value is checked against the schema (its type, text that
        can be written out and stored, spans that point at the record's text), so that what comes
        back is safe to show, count and store; anything else is a ValueError, KeyError or TypeError
        saying what is wrong, which the commands and the API report as a record they cannot read."""
        data = _obj(data, "a record")
        schema = data.get("schema")
        if schema not in READABLE_SCHEMAS:
            readable = " or ".join(repr(v) for v in READABLE_SCHEMAS)
            raise ValueError(f"unsupported record schema {schema!r}; this dateline reads {readable}")
        record = cls(
            id=_str(data["id"], "the record's id"),
            source=_opt_str(data.get("source"), "the record's source"),
            title=_opt_str(data.get("title"), "the record's title"),
            published=_opt_str(data.get("published"), "the record's published"),
            outlet=_opt_str(data.get("outlet"), "the record's outlet"),
            url=_opt_str(data.get("url"), "the record's url"),
            text=_str(data["text"], "the record's text"),
            entities=[Entity.from_dict(e) for e in _list(data.get("entities", []), "entities")],
            quotes=[Quote.from_dict(q) for q in _list(data.get("quotes", []), "quotes")],
            events=[Event.from_dict(e) for e in _list(data.get("events", []), "events")],
            places=[Place.from_dict(p) for p in _list(data.get("places", []), "places")],
            dates=[DateMention.from_dict(d) for d in _list(data.get("dates", []), "dates")],
            errors=[RecordError.from_dict(e) for e in _list(data.get("errors", []), "errors")],
        )
        _check_spans(record)
        return record

    @classmethod
    def from_json(cls, line: str) -> Record:
        try:
            data = json.loads(line)
        except RecursionError:  # Python's decoder recurses once per level of nesting
            raise ValueError("the JSON is nested too deeply to be a record") from None
        return cls.from_dict(data)


# ---- reading JSON back: each value checked against the type the schema gives it ------------------

# No text holds a NUL or a lone surrogate (only a JSON escape such as \ud800 makes one): neither can
# be written out as UTF-8, and PostgreSQL stores no NUL.
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
_INT_LIMIT = 2**63  # SQLite and PostgreSQL integers are 64-bit


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    names = {int: "a number", float: "a number", str: "a string", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"{what} is {_kind(value)}, not an object")
    return value


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"{what} is {_kind(value)}, not a list")
    return value


def _str(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} is {_kind(value)}, not a string")
    found = _NOT_TEXT.search(value)
    if found is not None:
        raise ValueError(f"{what} holds U+{ord(found.group()):04X}, which is no text")
    return value


def _opt_str(value: Any, what: str) -> str | None:
    return None if value is None else _str(value, what)


def _int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} is {_kind(value)}, not an integer")
    if not -_INT_LIMIT < value < _INT_LIMIT:
        raise ValueError(f"{what} {value} is out of range")
    return value


def _opt_number(value: Any, what: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return _int(value, what)
    if not isinstance(value, float):
        raise TypeError(f"{what} is {_kind(value)}, not a number")
    if not math.isfinite(value):  # JSON's Infinity and NaN, which Python reads
        raise ValueError(f"{what} is {value}, not a finite number")
    return value


def _bool(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{what} is {_kind(value)}, not true or false")
    return value


def _check_spans(record: Record) -> None:
    """Every span points at the record's text: ``text[start:end] == span.text`` (docs/schema.md)."""
    spans: list[Span | Speaker | DateMention] = [m for e in record.entities for m in e.mentions]
    spans += [m for p in record.places for m in p.mentions] + [e.trigger for e in record.events]
    for quote in record.quotes:
        spans += [*quote.content, *(s for s in (quote.speaker, quote.cue) if s is not None)]
    for span in [*spans, *record.dates]:
        if not (0 <= span.start <= span.end <= len(record.text)) or (
            record.text[span.start : span.end] != span.text
        ):
            raise ValueError(
                f"the span {span.start}-{span.end} {span.text[:40]!r} is not the record's text there"
            )
