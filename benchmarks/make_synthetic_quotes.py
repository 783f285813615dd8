"""Synthetic quotes for the store benchmark: deterministic records in an invented language.

    .venv/bin/python benchmarks/make_synthetic_quotes.py                 # 1,000,000 quotes
    .venv/bin/python benchmarks/make_synthetic_quotes.py --quotes 10000 -o /tmp/q.jsonl.gz

Writes dateline/2 records as gzipped JSON Lines: ten quotes per article, each with a speaker
entity, a cue and content spans whose offsets match the text, plus one place and one event per
article. The words are made from syllables (Zipf-distributed, like real text), the names, outlets
and places are invented, so nothing here comes from real news. The same --seed gives the same
bytes. ``synthetic_records`` is imported by benchmarks/store_latency.py to skip the file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import itertools
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from dateline.model import Entity, Event, EventDate, Place, Quote, Record, Span, Speaker

QUOTES_PER_ARTICLE = 10
VOCABULARY_SIZE = 20_000
SEED = 20250312
START_DAY = dt.date(2024, 1, 1)
DAYS = 730
SYLLABLES = [
    "ka", "lo", "ve", "ri", "sta", "mun", "dor", "pel", "qua", "zin", "bre", "tho", "fal", "gri", "hen",
    "jor", "kev", "lum", "mar", "nox", "ope", "pra", "quil", "ros", "sel", "tav", "ulm", "vek", "wys",
    "xan", "yor", "zed", "ath", "bel", "cor", "dun", "esk", "fir", "gal", "hol",
]  # fmt: skip
FUNCTION_WORDS = ["the", "of", "and", "to", "in", "that", "for", "on", "with", "by", "would", "was", "had"]
TITLES = ["Minister", "Senator", "General", "Governor", "Mayor", "Judge", "Director", "Spokeswoman"]
SECTORS = ["GOV", "MIL", "LEG", "JUD", "BUS", "CVL", "MED", "OPP"]
COUNTRIES = ["VAL", "DRS", "KAR", "LUS", "MIR", "OSK", "TAV", "ZEM"]  # invented codes
PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]  # fmt: skip


def invented_words(rng: random.Random, count: int, syllables: tuple[int, int]) -> list[str]:
    """``count`` distinct words of 2-3 (or as asked) syllables, in a fixed random order."""
    seen: dict[str, None] = {}
    while len(seen) < count:
        n = rng.randint(*syllables)
        seen["".join(rng.choice(SYLLABLES) for _ in range(n))] = None
    return list(seen)


class World:
    """The invented vocabulary, people, outlets and places every article draws from."""

    def __init__(self, seed: int = SEED) -> None:
        rng = random.Random(seed)
        self.words = invented_words(rng, VOCABULARY_SIZE, (2, 3))
        self.cum_weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(self.words))))
        names = invented_words(rng, 3_000, (2, 3))
        self.people = [
            (f"{names[i].capitalize()} {names[-1 - i].capitalize()}", rng.choice(TITLES), rng.choice(COUNTRIES),
             rng.choice(SECTORS))
            for i in range(1_500)
        ]  # fmt: skip
        places = invented_words(random.Random(seed + 1), 200, (2, 3))
        self.places = [
            (p.capitalize(), COUNTRIES[i % len(COUNTRIES)], round(rng.uniform(-40, 60), 4), round(rng.uniform(-20, 80), 4))
            for i, p in enumerate(places)
        ]  # fmt: skip
        self.outlets = [f"The {w.capitalize()} {kind}" for w, kind in zip(invented_words(rng, 40, (2, 2)),
                        itertools.cycle(["Ledger", "Wire", "Post", "Herald", "Courier"]), strict=False)]  # fmt: skip

    def phrase(self, rng: random.Random, length: int) -> str:
        words = rng.choices(self.words, cum_weights=self.cum_weights, k=length)
        for at in range(2, length, 4):  # function words keep it shaped like prose
            words[at] = FUNCTION_WORDS[(at + length) % len(FUNCTION_WORDS)]
        return " ".join(words)


class Writer:
    """Text built piece by piece, handing back the span of each piece."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> Span:
        span = Span(self.length, self.length + len(piece), piece)
        self.parts.append(piece)
        self.length += len(piece)
        return span

    def text(self) -> str:
        return "".join(self.parts)


def synthetic_article(world: World, index: int, seed: int = SEED) -> Record:
    rng = random.Random(seed * 1_000_003 + index)
    out = Writer()
    title = world.phrase(rng, 7).capitalize()
    out.add(title + "\n")
    place_name, country, lat, lon = rng.choice(world.places)
    place_span = out.add(place_name.upper())
    out.add(" — ")
    people = rng.sample(world.people, 4)
    mentions: dict[int, list[Span]] = {i: [] for i in range(len(people))}
    quotes = []
    for q in range(QUOTES_PER_ARTICLE):
        who = rng.randrange(len(people)) if q % 7 else None  # every seventh quote is anonymous
        kind = "direct" if q % 3 == 0 else "indirect"
        content_text = world.phrase(rng, rng.randint(8, 20))
        name = people[who][0] if who is not None else "an official"
        if kind == "direct":
            out.add('"')
            content = out.add(content_text.capitalize())
            out.add('," ')
            speaker = out.add(name if who is not None else "An official")
            out.add(" ")
            cue = out.add("said")
            out.add(". ")
        else:
            speaker = out.add(name if who is not None else "An official")
            out.add(" ")
            cue = out.add("said")
            out.add(" that ")
            content = out.add(content_text)
            out.add(". ")
        if q % 4 == 3:
            out.add("\n")
        entity = None
        if who is not None:
            mentions[who].append(speaker)
            entity = f"E{who + 1}"
        quotes.append(
            Quote(f"Q{q + 1}", kind, Speaker(speaker.start, speaker.end, speaker.text, entity), cue, "say", [content],
                  "named_person" if who is not None else "anonymous_person", None)
        )  # fmt: skip
    actor = out.add(people[0][0])
    out.add(" ")
    trigger = out.add("met")
    out.add(" ")
    recipient = out.add(people[1][0])
    out.add(" on Monday.\n")
    mentions[0].append(actor)
    mentions[1].append(recipient)
    day = START_DAY + dt.timedelta(days=rng.randrange(DAYS))
    entities = [
        Entity(f"E{i + 1}", p[0], "PERSON", p[2], p[3], [p[1]], mentions[i])
        for i, p in enumerate(people)
        if mentions[i]
    ]
    event = Event("V1", rng.choice(PLOVER), None, "asserted", ["E1"], ["E2"], trigger, "P1",
                  EventDate("on Monday", day.isoformat(), "day"), None)  # fmt: skip
    return Record(
        id=f"synthetic-{index:07d}",
        source="synthetic",
        title=title,
        published=day.isoformat(),
        outlet=world.outlets[index % len(world.outlets)],
        url=None,
        text=out.text(),
        entities=entities,
        quotes=quotes,
        events=[event],
        places=[Place("P1", place_name, None, lat, lon, country, "city", [place_span])],
    )


def synthetic_records(n_quotes: int, seed: int = SEED) -> Iterator[Record]:
    """Records holding ``n_quotes`` quotes in total (ten per article), always the same for one seed."""
    world = World(seed)
    for index in range((n_quotes + QUOTES_PER_ARTICLE - 1) // QUOTES_PER_ARTICLE):
        yield synthetic_article(world, index, seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("-o", "--output", type=Path, default=Path("benchmarks/out/synthetic_quotes.jsonl.gz"))
    args = parser.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    count = 0
    # mtime=0: the same records give the same gzip bytes.
    with (
        open(args.output, "wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=3, mtime=0) as gz,
    ):
        for record in synthetic_records(args.quotes, args.seed):
            gz.write((record.to_json() + "\n").encode("utf-8"))
            count += len(record.quotes)
    print(f"{count:,} quotes in {args.output} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
