"""Records built by hand for the desk's tests: articles with entities, quotes, events and places.

Today's pipeline writes no events yet, so the API and browser tests build records here, with every
offset found in the text (never typed by hand), so each span satisfies ``text[start:end] == text``.
``hostile_record`` carries script and attribute-breaking payloads in its title, text and entity names.
"""

from __future__ import annotations

from dateline.model import DateMention, Entity, Event, EventDate, Place, Quote, Record, Span, Speaker

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_ATTR = '" onmouseover="alert(1)'


class Story:
    """One article under construction: parts of the text are looked up in order, so repeated words
    resolve to the next occurrence after the previous lookup unless ``after`` says otherwise."""

    def __init__(self, id: str, title: str, published: str, outlet: str, text: str) -> None:
        self.record = Record(id=id, source=f"{id}.txt", title=title, published=published, outlet=outlet,
                             url=None, text=text)  # fmt: skip
        self.cursor = 0

    def span(self, part: str, after: int | None = None) -> Span:
        start = self.record.text.index(part, self.cursor if after is None else after)
        self.cursor = start + len(part)
        return Span(start, start + len(part), part)

    def nearest(self, part: str, to: Span, avoid: list[Span]) -> Span:
        """The occurrence of ``part`` closest to ``to`` that overlaps none of ``avoid`` (the content)."""
        text = self.record.text
        starts = [i for i in range(len(text)) if text.startswith(part, i)]
        free = [i for i in starts if all(i + len(part) <= a.start or i >= a.end for a in avoid)]
        start = min(free, key=lambda i: min(abs(i - to.start), abs(i - to.end)))
        return Span(start, start + len(part), part)

    def entity(self, name: str, type: str, mentions: list[str], code: str | None = None,
               sector: str | None = None, titles: list[str] | None = None) -> str:  # fmt: skip
        spans = [self.span(m, after=0 if i == 0 else None) for i, m in enumerate(mentions)]
        self.cursor = 0
        eid = f"E{len(self.record.entities) + 1}"
        self.record.entities.append(Entity(eid, name, type, code, sector, titles or [], spans))
        return eid

    def quote(self, kind: str, speaker: str, entity: str | None, cue: str, content: list[str],
              source_type: str, medium: str | None = None) -> str:  # fmt: skip
        self.cursor = 0
        first = self.span(content[0])
        spans = [first, *(self.span(c, after=first.end) for c in content[1:])]
        who = self.nearest(speaker, first, spans)
        cue_span = self.nearest(cue, who, spans)
        qid = f"Q{len(self.record.quotes) + 1}"
        self.record.quotes.append(
            Quote(qid, kind, Speaker(who.start, who.end, who.text, entity), cue_span, cue.split()[0].lower(),
                  spans, source_type, medium)
        )  # fmt: skip
        self.cursor = 0
        return qid

    def event(self, type: str, trigger: str, actors: list[str], recipients: list[str], modality: str = "asserted",
              mode: str | None = None, day: str | None = None, place: str | None = None,
              quote: str | None = None) -> str:  # fmt: skip
        self.cursor = 0
        span = self.span(trigger)
        vid = f"V{len(self.record.events) + 1}"
        date = EventDate(day, day, "day") if day else None
        self.record.events.append(
            Event(vid, type, mode, modality, actors, recipients, span, place, date, quote)
        )
        self.cursor = 0
        return vid

    def place(self, name: str, country: str | None, mentions: list[str], lat: float, lon: float) -> str:
        self.cursor = 0
        pid = f"P{len(self.record.places) + 1}"
        spans = [self.span(m) for m in mentions]
        self.record.places.append(Place(pid, name, None, lat, lon, country, "city", spans))
        self.cursor = 0
        return pid

    def date(self, text: str, value: str) -> None:
        self.cursor = 0
        span = self.span(text)
        self.record.dates.append(DateMention(text, span.start, span.end, value, "day"))
        self.cursor = 0


def port_talks() -> Record:
    s = Story(
        "port-talks", "Marrow and Reyl meet in Oskel", "2025-03-10", "Harbour Wire",
        "Marrow and Reyl meet in Oskel\n"
        "Valdorian Foreign Minister Ilse Marrow met Karesh envoy Tomas Reyl in Oskel on Monday.\n"
        '"We have agreed to reopen the port within a week," Marrow said after the meeting.\n'
        "Reyl accused Valdoria of blocking grain convoys, according to a senior Karesh official.\n"
        "A diplomat who asked not to be named said the talks were tense but useful.\n",
    )  # fmt: skip
    marrow = s.entity("Ilse Marrow", "PERSON", ["Ilse Marrow", "Marrow"], "VDR", "GOV", ["Foreign Minister"])
    reyl = s.entity("Tomas Reyl", "PERSON", ["Tomas Reyl", "Reyl"], None, "GOV", ["envoy"])
    valdoria = s.entity("Valdoria", "GPE", ["Valdorian", "Valdoria"])
    official = s.entity("a senior Karesh official", "PERSON", ["a senior Karesh official"])
    oskel = s.place("Oskel", None, ["Oskel", "Oskel"], 44.1, 21.3)
    s.date("on Monday", "2025-03-10")
    q1 = s.quote("direct", "Marrow", marrow, "said", ["We have agreed to reopen the port within a week,"],
                 "named_person")  # fmt: skip
    s.quote("indirect", "a senior Karesh official", official, "according to",
            ["Reyl accused Valdoria of blocking grain convoys"], "anonymous_person")  # fmt: skip
    s.quote("indirect", "A diplomat who asked not to be named", None, "said",
            ["the talks were tense but useful"], "anonymous_person")  # fmt: skip
    s.event("CONSULT", "met", [marrow], [reyl], mode="meet", day="2025-03-10", place=oskel)
    s.event("AGREE", "agreed", [marrow], [reyl], modality="reported", day="2025-03-10", quote=q1)
    s.event("ACCUSE", "accused", [reyl], [valdoria], modality="reported", day="2025-03-10")
    return s.record


def grain_sanctions() -> Record:
    s = Story(
        "grain-sanctions", "Karesh threatens sanctions over grain", "2025-03-11", "Meridian Ledger",
        "Karesh threatens sanctions over grain\n"
        "Karesh's defence ministry on Tuesday threatened sanctions against Valdoria over the grain convoys.\n"
        '"Valdoria has a week to open the road," Tomas Reyl told reporters in Brel.\n'
        "Ilse Marrow rejected the demand and accused Karesh of stalling the talks.\n",
    )  # fmt: skip
    ministry = s.entity("Karesh defence ministry", "ORG", ["Karesh's defence ministry"], None, "MIL")
    valdoria = s.entity("Valdoria", "GPE", ["Valdoria", "Valdoria"])
    reyl = s.entity("Tomas Reyl", "PERSON", ["Tomas Reyl"], None, "GOV")
    marrow = s.entity("Ilse Marrow", "PERSON", ["Ilse Marrow"], "VDR", "GOV", ["Foreign Minister"])
    karesh = s.entity("Karesh", "GPE", ["Karesh", "Karesh"])
    s.place("Brel", None, ["Brel"], 45.0, 22.0)
    s.date("on Tuesday", "2025-03-11")
    s.quote("direct", "Tomas Reyl", reyl, "told", ["Valdoria has a week to open the road,"], "named_person",
            "reporters")  # fmt: skip
    s.event("THREATEN", "threatened sanctions", [ministry], [valdoria], day="2025-03-11")
    s.event("REJECT", "rejected", [marrow], [reyl], day="2025-03-11")
    s.event("ACCUSE", "accused", [marrow], [karesh], day="2025-03-11")
    return s.record


def aid_appeal() -> Record:
    s = Story(
        "aid-appeal", "Aid agency appeals for convoy access", "2025-03-12", "Harbour Wire",
        "Aid agency appeals for convoy access\n"
        "The World Relief Agency said on Wednesday it had sent food to Oskel.\n"
        '"Every day the road stays shut, families go hungry," agency spokeswoman Dana Ilk said.\n',
    )  # fmt: skip
    agency = s.entity("World Relief Agency", "ORG", ["The World Relief Agency"], "IGO", None)
    ilk = s.entity("Dana Ilk", "PERSON", ["Dana Ilk"], None, None, ["spokeswoman"])
    oskel = s.place("Oskel", None, ["Oskel"], 44.1, 21.3)
    s.date("on Wednesday", "2025-03-12")
    s.quote("indirect", "The World Relief Agency", agency, "said", ["it had sent food to Oskel"],
            "named_organization")  # fmt: skip
    s.quote("direct", "Dana Ilk", ilk, "said", ["Every day the road stays shut, families go hungry,"],
            "named_person")  # fmt: skip
    s.event("AID", "sent food", [agency], [], day="2025-03-12", place=oskel)
    return s.record


def desk_records() -> list[Record]:
    """Three linked stories over three days: the fixture corpus of the API and browser tests."""
    return [port_talks(), grain_sanctions(), aid_appeal()]


def hostile_record() -> Record:
    """An article whose title, text and entity names try to inject markup into the desk."""
    name = f"Evil {XSS_SCRIPT} Corp"
    person = f"Mallory{XSS_ATTR}"
    s = Story(
        "hostile<b>", f"Headline {XSS_SCRIPT}{XSS_ATTR}", "2025-03-12", f"Outlet{XSS_ATTR}",
        f"Headline {XSS_SCRIPT}{XSS_ATTR}\n"
        f"{name} announced a deal with {person} on Wednesday.\n"
        f'"Trust us {XSS_SCRIPT} and{XSS_ATTR}," {person} said.\n',
    )  # fmt: skip
    corp = s.entity(name, "ORG", [name])
    mallory = s.entity(person, "PERSON", [person, person])
    s.quote("direct", person, mallory, "said", [f"Trust us {XSS_SCRIPT} and{XSS_ATTR},"], "named_person")
    s.event("AGREE", "announced a deal", [corp], [mallory], day="2025-03-12")
    return s.record


def summit_records() -> list[Record]:
    """Two stories naming one minister and one country differently: "Seren Balkır Özdal" then "Ozdal";
    "United States", "US", then "America" and "Washington"; a generic group; an "I" speaker."""
    s = Story(
        "summit-velmar", "Özdal meets US envoys", "2025-06-02", "Harbour Wire",
        "Özdal meets US envoys\n"
        "Foreign Minister Seren Balkır Özdal met envoys of the United States in Velmar on Monday.\n"
        '"Nobody listens," I said to the US delegation.\n'
        "People gathered outside and booed the envoys.\n",
    )  # fmt: skip
    ozdal = s.entity(
        "Seren Balkır Özdal", "PERSON", ["Seren Balkır Özdal"], "VAL", "GOV", ["Foreign Minister"]
    )
    us = s.entity("United States", "GPE", ["United States"], "USA")
    us_short = s.entity("US", "GPE", ["US delegation"[:2]], "USA")
    people = s.entity("people", "GROUP", ["People"], None, "CVL")
    s.record.entities[-1].generic = True
    s.quote("direct", "I", None, "said", ["Nobody listens,"], "named_person")
    s.event("CONSULT", "met", [ozdal], [us], day="2025-06-02")
    s.event("PROTEST", "booed", [people], [us_short], day="2025-06-02")
    t = Story(
        "summit-answer", "Ozdal wants a deal", "2025-06-03", "Meridian Ledger",
        "Ozdal wants a deal\n"
        "Ozdal told America she wanted a deal by Friday. Washington did not answer.\n"
        "Officials said the talks were over.\n",
    )  # fmt: skip
    surname = t.entity("Ozdal", "PERSON", ["Ozdal told"[:5]])
    america = t.entity("America", "GPE", ["America"], "USA")
    washington = t.entity("Washington", "GPE", ["Washington"], "USA", "GOV")
    t.record.entities[-1].coded_by = "knowledge"
    officials = t.entity("officials", "GROUP", ["Officials"], None, "GOV")
    t.record.entities[-1].generic = True
    t.quote("indirect", "Ozdal", surname, "told", ["she wanted a deal by Friday"], "named_person")
    t.quote("indirect", "Officials", officials, "said", ["the talks were over"], "unnamed_group")
    t.event("DEMAND", "told", [surname], [america], day="2025-06-03")
    t.event("REJECT", "did not answer", [washington], [surname], day="2025-06-03")
    return [s.record, t.record]
