"""Hand-made records for the store tests: invented articles with entities, quotes, events, places.

Offsets are found in the text (``At.span``), never typed, so every span satisfies
``text[start:end] == text``. The pipeline writes no events yet, so events are built here too.
"""

from __future__ import annotations

import dataclasses

from dateline.model import (
    DateMention,
    Entity,
    Event,
    EventDate,
    Place,
    Quote,
    Record,
    RecordError,
    Span,
    Speaker,
)


class At:
    """Spans of one text, looked up by their words (``nth`` picks a later occurrence)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def span(self, part: str, nth: int = 1) -> Span:
        start = -1
        for _ in range(nth):
            start = self.text.index(part, start + 1)
        return Span(start, start + len(part), part)

    def speaker(self, part: str, entity: str | None, nth: int = 1) -> Speaker:
        s = self.span(part, nth)
        return Speaker(s.start, s.end, s.text, entity)


PORT_TEXT = (
    "Talks on the Velmar port resumed in Ostrava.\n"
    "Minister Ana Velt said the port would reopen next week. "
    '"We are ready," Velt told reporters.\n'
    "The Drosnan navy blockaded the harbour on Monday, officials said.\n"
)


def port_talks() -> Record:
    at = At(PORT_TEXT)
    return Record(
        id="port-talks",
        source="port-talks.txt",
        title="Velmar port talks resume",
        published="2025-03-10",
        outlet="Harbour Gazette",
        url=None,
        text=PORT_TEXT,
        entities=[
            Entity(
                "E1",
                "Ana Velt",
                "PERSON",
                "VAL",
                "GOV",
                ["Minister"],
                [at.span("Ana Velt"), at.span("Velt", 2)],
            ),
            Entity("E2", "Drosnan navy", "ORG", "DRS", "MIL", [], [at.span("Drosnan navy")]),
            Entity("E3", "officials", "GROUP", None, "GOV", [], [at.span("officials")]),
            Entity("E4", "Velmar", "GPE", "VAL", None, [], [at.span("Velmar")]),
        ],
        quotes=[
            Quote(
                "Q1",
                "indirect",
                at.speaker("Ana Velt", "E1"),
                at.span("said"),
                "say",
                [at.span("the port would reopen next week")],
                "named_person",
                None,
            ),
            Quote(
                "Q2",
                "direct",
                at.speaker("Velt", "E1", nth=2),
                at.span("told"),
                "tell",
                [at.span("We are ready,")],
                "named_person",
                None,
            ),
            Quote(
                "Q3",
                "indirect",
                at.speaker("officials", "E3"),
                at.span("said", 2),
                "say",
                [at.span("The Drosnan navy blockaded the harbour on Monday")],
                "unnamed_group",
                None,
            ),
        ],  # fmt: skip
        events=[
            Event(
                "V1",
                "COERCE",
                "block",
                "asserted",
                ["E2"],
                ["E4"],
                at.span("blockaded"),
                "P1",
                EventDate("on Monday", "2025-03-10", "day"),
                "Q3",
            ),
            Event("V2", "CONSULT", "talks", "asserted", ["E1"], ["E2"], at.span("Talks"), None, None, None),
        ],  # fmt: skip
        places=[Place("P1", "Ostrava", 3068799, 49.83, 18.28, "CZE", "city", [at.span("Ostrava")])],
        dates=[DateMention("next week", *_offsets(at.span("next week")), "2025-W12", "week")],
    )


REPLY_TEXT = (
    "Commander Ilo Brask said the blockade of the harbour would hold until Velmar paid its debts.\n"
    "Brask warned Ana Velt against any attempt to break it. Ána Vélt did not reply.\n"
)


def harbour_reply() -> Record:
    at = At(REPLY_TEXT)
    return Record(
        id="harbour-reply",
        source="harbour-reply.txt",
        title="Drosnan commander: blockade will hold",
        published="2025-03-11T09:30:00Z",
        outlet="Coastal Wire",
        url="https://coastal.example/reply",
        text=REPLY_TEXT,
        entities=[
            Entity(
                "E1",
                "Ilo Brask",
                "PERSON",
                "DRS",
                "MIL",
                ["Commander"],
                [at.span("Ilo Brask"), at.span("Brask", 2)],
            ),
            # Spelt with diacritics here: the same actor as "Ana Velt" in port-talks.
            Entity("E2", "Ána Vélt", "PERSON", "VAL", "GOV", [], [at.span("Ana Velt"), at.span("Ána Vélt")]),
            Entity("E3", "Velmar", "GPE", None, None, [], [at.span("Velmar")]),
        ],  # fmt: skip
        quotes=[
            Quote(
                "Q1",
                "indirect",
                at.speaker("Ilo Brask", "E1"),
                at.span("said"),
                "say",
                [at.span("the blockade of the harbour would hold until Velmar paid its debts")],
                "named_person",
                None,
            ),
        ],  # fmt: skip
        events=[
            Event("V1", "THREATEN", None, "asserted", ["E1"], ["E2"], at.span("warned"), None, None, None),
        ],
        places=[Place("P1", "Velmar", None, None, None, "VAL", "region", [at.span("Velmar")])],
    )


MARKET_TEXT = "Prices of bread rose again in Lyon, a trader said, blaming the harbour blockade.\n"


def market_notes() -> Record:
    at = At(MARKET_TEXT)
    return Record(
        id="market-notes",
        source="market.jsonl",
        title="Bread prices rise",
        published="2025-04-02",
        outlet=None,
        url=None,
        text=MARKET_TEXT,
        entities=[Entity("E1", "trader", "PERSON", None, "BUS", [], [at.span("a trader")])],
        quotes=[
            Quote(
                "Q1",
                "indirect",
                at.speaker("a trader", "E1"),
                at.span("said"),
                "say",
                [at.span("Prices of bread rose again in Lyon")],
                "anonymous_person",
                None,
            ),
        ],  # fmt: skip
        places=[Place("P1", "Lyon", 2996944, 45.75, 4.85, "FRA", "city", [at.span("Lyon")])],
    )


def partly_failed() -> Record:
    """Stored (entities were found) but with a stage error the errors table must keep."""
    text = "Mayor Ona Ruse opened the bridge.\n"
    at = At(text)
    return Record(
        id="bridge-opening",
        source="bridge.txt",
        title="Bridge opens",
        published="2025-03-12",
        outlet="Harbour Gazette",
        url=None,
        text=text,
        entities=[Entity("E1", "Ona Ruse", "PERSON", None, "GOV", ["Mayor"], [at.span("Ona Ruse")])],
        errors=[RecordError("dates", "dates_failed", "ValueError: no calendar")],
    )


def not_english() -> Record:
    return Record(
        id="le-port",
        source="le-port.txt",
        title=None,
        published=None,
        outlet=None,
        url=None,
        text="Le port de Velmar a rouvert ses portes lundi selon les autorités locales et la presse.",
        errors=[RecordError("language", "not_english", "the text does not look like English")],
    )


def empty_file() -> Record:
    return Record(
        id="blank",
        source="blank.txt",
        title=None,
        published=None,
        outlet=None,
        url=None,
        text="",
        errors=[RecordError("read", "empty", "file blank.txt is empty (0 bytes)")],
    )


def corpus() -> list[Record]:
    """Four stored articles and two failed documents."""
    return [port_talks(), harbour_reply(), not_english(), market_notes(), partly_failed(), empty_file()]


def filler(n: int) -> Record:
    """A small article with one quote: for paging tests."""
    text = f"Clerk Ben Oaks said item {n} was filed on time.\n"
    at = At(text)
    return Record(
        id=f"filler-{n:03d}",
        source="filler.txt",
        title=f"Filler {n}",
        published=f"2025-05-{1 + n % 28:02d}",
        outlet="Filler Times",
        url=None,
        text=text,
        entities=[Entity("E1", "Ben Oaks", "PERSON", None, None, ["Clerk"], [at.span("Ben Oaks")])],
        quotes=[
            Quote(
                "Q1",
                "indirect",
                at.speaker("Ben Oaks", "E1"),
                at.span("said"),
                "say",
                [at.span(f"item {n} was filed on time")],
                "named_person",
                None,
            ),
        ],  # fmt: skip
    )


def edited(record: Record, text: str) -> Record:
    """The same input id with new content (and no extracted items, for simplicity)."""
    return dataclasses.replace(record, text=text, entities=[], quotes=[], events=[], places=[], dates=[])


def _offsets(span: Span) -> tuple[int, int]:
    return span.start, span.end


# ---- one actor across articles ------------------------------------------------------------------
# Invented people; real country names, since a country is recognised by its name.

SUMMIT_TEXT = (
    "Foreign Minister Seren Balkır Özdal met envoys of the United States in Velmar.\n"
    '"I will not sign," she said. The US delegation walked out, and women marched outside.\n'
    "Nadim al-Qirsan said the talks would go on.\n"
    '"Nobody listens," I said to colleagues.\n'
)


def summit_opening() -> Record:
    """A fuller accented name, two names of one country, a generic group, an "I" speaker."""
    at = At(SUMMIT_TEXT)
    return Record(
        id="summit-opening",
        source="summit.txt",
        title="Summit opens in Velmar",
        published="2025-06-02",
        outlet="Harbour Gazette",
        url=None,
        text=SUMMIT_TEXT,
        entities=[
            Entity("E1", "Seren Balkır Özdal", "PERSON", "VAL", "GOV", ["Foreign Minister"],
                   [at.span("Seren Balkır Özdal")], coded_by="phrase"),
            Entity("E2", "United States", "GPE", "USA", None, [], [at.span("United States")], coded_by="name"),
            Entity("E3", "US", "GPE", "USA", None, [], [at.span("US")], coded_by="name"),
            Entity("E4", "women", "GROUP", None, "CVL", [], [at.span("women")], generic=True),
            Entity("E5", "Nadim al-Qirsan", "PERSON", None, None, [], [at.span("Nadim al-Qirsan")]),
        ],
        quotes=[
            Quote("Q1", "direct", at.speaker("she", None), at.span("said"), "say", [at.span("I will not sign,")],
                  "named_person", None),
            Quote("Q2", "indirect", at.speaker("Nadim al-Qirsan", "E5"), at.span("said", 2), "say",
                  [at.span("the talks would go on")], "named_person", None),
            Quote("Q3", "direct", at.speaker("I", None, nth=2), at.span("said", 3), "say",
                  [at.span("Nobody listens,")], "named_person", None),
        ],
        events=[
            Event("V1", "CONSULT", "meet", "asserted", ["E1"], ["E2"], at.span("met"), None, None, None),
            Event("V2", "REJECT", None, "asserted", ["E3"], ["E1"], at.span("walked out"), None, None, None),
            Event("V3", "PROTEST", None, "asserted", ["E4"], ["E1"], at.span("marched"), None, None, None),
        ],
    )  # fmt: skip


REPLY_SUMMIT_TEXT = (
    "Ozdal told America she wanted a deal. Washington did not answer.\n"
    'Al - Qirsan said: "It is over." Protesters gathered.\n'
)


def summit_reply() -> Record:
    """The surname alone, unaccented; America and Washington for the US; "Al - Qirsan" spaced; a
    generic group as an event's actor."""
    at = At(REPLY_SUMMIT_TEXT)
    return Record(
        id="summit-reply",
        source="summit-reply.txt",
        title="Ozdal wants a deal",
        published="2025-06-03",
        outlet="Coastal Wire",
        url=None,
        text=REPLY_SUMMIT_TEXT,
        entities=[
            Entity("E1", "Ozdal", "PERSON", None, None, [], [at.span("Ozdal")]),
            Entity("E2", "America", "GPE", "USA", None, [], [at.span("America")], coded_by="name"),
            Entity("E3", "Washington", "GPE", "USA", "GOV", [], [at.span("Washington")], coded_by="knowledge"),
            Entity("E4", "Al - Qirsan", "PERSON", None, None, [], [at.span("Al - Qirsan")]),
            Entity("E5", "Protesters", "GROUP", None, None, [], [at.span("Protesters")], generic=True),
        ],
        quotes=[
            Quote("Q1", "indirect", at.speaker("Ozdal", "E1"), at.span("told"), "tell",
                  [at.span("she wanted a deal")], "named_person", None),
            Quote("Q2", "direct", at.speaker("Al - Qirsan", "E4"), at.span("said"), "say", [at.span("It is over.")],
                  "named_person", None),
        ],
        events=[
            Event("V1", "DEMAND", None, "asserted", ["E1"], ["E2"], at.span("told"), None, None, None),
            Event("V2", "REJECT", None, "asserted", ["E3"], ["E1"], at.span("did not answer"), None, None, None),
            Event("V3", "PROTEST", None, "asserted", ["E5"], ["E3"], at.span("gathered"), None, None, None),
        ],
    )  # fmt: skip


def second_ozdal() -> Record:
    """Another fuller "... Ozdal": the surname alone is no longer one person's."""
    text = "Deniz Ozdal, a banker, said rates would rise.\n"
    at = At(text)
    return Record(
        id="second-ozdal",
        source="banker.txt",
        title="Rates to rise",
        published="2025-06-04",
        outlet="Coastal Wire",
        url=None,
        text=text,
        entities=[Entity("E1", "Deniz Ozdal", "PERSON", "DRS", "BUS", [], [at.span("Deniz Ozdal")])],
        quotes=[
            Quote("Q1", "indirect", at.speaker("Deniz Ozdal", "E1"), at.span("said"), "say",
                  [at.span("rates would rise")], "named_person", None),
        ],
    )  # fmt: skip


def across_articles() -> list[Record]:
    """Two articles naming the same people and country differently."""
    return [summit_opening(), summit_reply()]
