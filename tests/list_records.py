"""Invented records for the list tests (filters, totals, paging both ways, sorting, facets): nine short
stories from the made-up lake country of Lakeland and its neighbour Hillmark, one a month or so apart
and one undated, each with two quotes and two events of known confidence.

Built with ``desk_records.Story``, so every offset is found in the text. What the tests rely on:

- the days, outlets, countries (Lakeland LKL, Hillmark HLD) and confidences vary from story to story;
- "water" is said four times in the oldest dated quote and once, among many words, in the newest, so
  that relevance and newest-first disagree about which comes first;
- two actors share a name: the person Mirren and the company Mirren (person-mirren, org-mirren).
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.model import Record
from desk_records import Story

WATER_MOST = "water, water and still more water for the water board"
WATER_ONCE = "the long talks covered fishing rights, roads, schools, ferries, taxes and, briefly, water"


@dataclass(frozen=True)
class Teller:
    name: str
    type: str
    code: str | None
    source_type: str


ORLA = Teller("Orla Venn", "PERSON", "LKL", "named_person")
PIET = Teller("Piet Sarro", "PERSON", "HLD", "named_person")
BOARD = Teller("Lakeland Fisheries Board", "ORG", "LKL", "named_organization")
MIRREN_PERSON = Teller("Mirren", "PERSON", "HLD", "named_person")
MIRREN_FIRM = Teller("Mirren", "ORG", "HLD", "named_organization")
INES = Teller("Ines Dorr", "PERSON", "LKL", "named_person")

# (id, published day, outlet, city and its country, first speaker, second speaker, first quote's words)
STORIES = [
    ("lake-01", "2025-01-05", "Lake Courier", ("Ardo", "LKL"), BOARD, PIET, WATER_MOST),
    ("lake-02", "2025-01-20", "Hill Gazette", ("Tolva", "HLD"), ORLA, PIET, "the ferry will run again in spring"),
    ("lake-03", "2025-02-03", "Lake Courier", ("Ardo", "LKL"), PIET, ORLA, "the border stays open to traders"),
    ("lake-04", "2025-02-17", "Hill Gazette", ("Kessel", "HLD"), MIRREN_PERSON, ORLA, "the mill will not close"),
    ("lake-05", "2025-03-02", "Lake Courier", ("Tolva", "HLD"), MIRREN_FIRM, BOARD, "our boats are ready to sail"),
    ("lake-06", "2025-03-16", "Hill Gazette", ("Ardo", "LKL"), ORLA, MIRREN_PERSON, "fishing quotas will be shared"),
    ("lake-07", "2025-03-30", "Lake Courier", ("Kessel", "HLD"), PIET, BOARD, "the dam talks failed again"),
    ("lake-08", "2025-04-12", "Hill Gazette", ("Ardo", "LKL"), ORLA, PIET, WATER_ONCE),
    ("lake-09", None, "Lake Courier", ("Tolva", "HLD"), INES, ORLA, "nobody knows when the bridge reopens"),
]  # fmt: skip
COORDINATES = {"Ardo": (47.1, 9.2), "Tolva": (46.5, 10.4), "Kessel": (46.9, 11.0)}
EVENT_TYPES = ("CONSULT", "ACCUSE", "AID")


def story(index: int) -> Record:
    """One story: a direct quote, an indirect one, a meeting and a second event, all in its city."""
    article_id, day, outlet, (city, country), first, second, words = STORIES[index]
    said = f"{second.name} told reporters that the lake belongs to everyone"
    text = (
        f"Lake news {index + 1} from {city}\n"
        f'"{words}," {first.name} said in {city}.\n'
        f"{said}.\n"
        f"{first.name} met {second.name} in {city} to talk.\n"
    )
    s = Story(article_id, f"Lake news {index + 1} from {city}", day or "", outlet, text)
    s.record.published = day
    a = s.entity(first.name, first.type, [first.name], first.code)
    b = s.entity(second.name, second.type, [second.name], second.code)
    where = s.place(city, country, [city], *COORDINATES[city])
    s.quote("direct", first.name, a, "said", [f"{words},"], first.source_type)
    s.quote("indirect", second.name, b, "told", ["the lake belongs to everyone"], second.source_type)
    s.event("CONSULT", "met", [a], [b], day=day, place=where)
    s.event(
        EVENT_TYPES[index % 3], "to talk", [b], [a], modality="reported" if index % 2 else "asserted", day=day
    )
    for n, quote in enumerate(s.record.quotes):
        quote.confidence = min(0.99, round(0.30 + 0.07 * index + 0.2 * n, 2))
    for n, event in enumerate(s.record.events):
        event.confidence = round(0.25 + 0.08 * index + 0.1 * n, 2)
    return s.record


def list_records() -> list[Record]:
    return [story(i) for i in range(len(STORIES))]
