"""The record types: dateline's output schema, with JSON in and out.

Every type is a plain dataclass whose ``to_dict`` gives the JSON object documented
field by field in ``docs/schema.md``; ``from_dict`` reads it back. Field order in the
dataclasses is the key order in the JSON, so output stays byte-stable across runs.
Change a field here only together with ``SCHEMA_VERSION`` and the documentation.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = "dateline/4"
# Versions ``Record.from_dict`` reads: a dateline/1 record lacks ``Event.governed_by``, one before
# dateline/3 ``Entity.coded_by`` and ``Entity.generic``, one before dateline/4 the ``confidence`` of
# quotes and events.
READABLE_SCHEMAS = ("dateline/1", "dateline/2", "dateline/3", SCHEMA_VERSION)
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
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


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
        return cls(str(data["stage"]), str(data["code"]), str(data["message"]))


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
        return cls(
            id=data["id"],
            name=data["name"],
            type=data["type"],
            code=data.get("code"),
            sector=data.get("sector"),
            titles=list(data.get("titles", [])),
            mentions=[Span.from_dict(m) for m in data.get("mentions", [])],
            coded_by=data.get("coded_by"),
            generic=bool(data.get("generic", False)),
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
        return cls(int(data["start"]), int(data["end"]), str(data["text"]), data.get("entity"))


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
        speaker = data.get("speaker")
        cue = data.get("cue")
        return cls(
            id=data["id"],
            kind=data["kind"],
            speaker=Speaker.from_dict(speaker) if speaker else None,
            cue=Span.from_dict(cue) if cue else None,
            cue_lemma=data.get("cue_lemma"),
            content=[Span.from_dict(c) for c in data.get("content", [])],
            source_type=data.get("source_type"),
            medium=data.get("medium"),
            confidence=data.get("confidence"),
        )


@dataclass
class EventDate:
    """When an event happened, normalized against the publication date."""

    text: str
    value: str | None
    precision: str | None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventDate:
        return cls(str(data["text"]), data.get("value"), data.get("precision"))


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        date = data.get("date")
        return cls(
            id=data["id"],
            type=data["type"],
            mode=data.get("mode"),
            modality=data["modality"],
            actors=list(data.get("actors", [])),
            recipients=list(data.get("recipients", [])),
            trigger=Span.from_dict(data["trigger"]),
            place=data.get("place"),
            date=EventDate.from_dict(date) if date else None,
            quote=data.get("quote"),
            governed_by=data.get("governed_by"),
            confidence=data.get("confidence"),
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
        return cls(
            id=data["id"],
            name=data["name"],
            geonameid=data.get("geonameid"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            country=data.get("country"),
            feature=data["feature"],
            mentions=[Span.from_dict(m) for m in data.get("mentions", [])],
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
        return cls(
            str(data["text"]),
            int(data["start"]),
            int(data["end"]),
            data.get("value"),
            data.get("precision"),
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
        schema = data.get("schema")
        if schema not in READABLE_SCHEMAS:
            readable = " or ".join(repr(v) for v in READABLE_SCHEMAS)
            raise ValueError(f"unsupported record schema {schema!r}; this dateline reads {readable}")
        return cls(
            id=data["id"],
            source=data.get("source"),
            title=data.get("title"),
            published=data.get("published"),
            outlet=data.get("outlet"),
            url=data.get("url"),
            text=data["text"],
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            places=[Place.from_dict(p) for p in data.get("places", [])],
            dates=[DateMention.from_dict(d) for d in data.get("dates", [])],
            errors=[RecordError.from_dict(e) for e in data.get("errors", [])],
        )

    @classmethod
    def from_json(cls, line: str) -> Record:
        return cls.from_dict(json.loads(line))
