"""Places: the article's place names, resolved against the gazetteer and merged per place.

Candidates are spaCy's GPE, LOC and FAC entities. A mention's span is exactly what spaCy marks,
so "the Gaza Strip" keeps its "the" when spaCy includes it; only a trailing possessive ("Gaza's")
is left out. The name looked up ignores a leading "the" (and case, diacritics, full stops).

A name with several candidates ("Rafah": a city in the Gaza Strip and one in Egypt; "Georgia":
a country and a US state) is resolved from the rest of the article. Every candidate starts from
its prior (see ``gazetteer.FEATURE_PRIOR``: countries and continents first, then regions and
seas, then cities by population, national capitals lifted, GeoNames alternate spellings
lowered), and gains a bonus for each other place of its country that the article mentions
unambiguously. A bonus is capped, so a strong prior still wins over thin context (an article
that mentions the U.S. does not move Paris to Texas), while two close candidates ("Rafah") go
to the country the article is about.

Names that resolve to nothing are skipped, and so are metonyms for institutions ("the White
House", "the Kremlin"). FAC entities (buildings, crossings) count only when they name a region,
country, sea or large city.

spaCy's small model often labels a place PERSON or ORG ("Rafah", "Khan Younis", "Crimea",
"Sinai"). Such an entity is taken as a place only under stricter terms: the main name of a
region, country or city of 20,000 people or more, not part of a longer person name in the
article nor after a title ("Mr."), and within 500 km of another place the article names
unambiguously as a GPE, LOC or FAC (a city, region or sea, not just a country): "Rafah" next to
"the Gaza Strip" counts, "Lincoln" in an article that names only "the U.S." does not.

Place.name is the gazetteer's canonical name (GeoNames' spelling for cities: "Rafaḩ",
"Khān Yūnis"), so one place has one name across articles; the mentions keep the article's
spelling.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc

from dateline.extract.gazetteer import Candidate, GazetteerEntry, load_gazetteer, normalize
from dateline.model import Place, Span

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Labels spaCy's small model often gives places; see find_places.
MISLABELLED_LABELS = ("PERSON", "ORG")
MIN_MISLABELLED_CITY_POPULATION = 20_000
MISLABELLED_RADIUS_KM = 500.0
_FAC_SUFFIX = "\x00FAC"
_TITLE_BEFORE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Sen|Rep|Gov|Prof|President|Minister)\.?\s+$")

# A mention counts as unambiguous (and so as context for the others) when its likeliest candidate
# leads the likeliest one in another country by at least this much prior.
CONFIDENT_MARGIN = 1.0
# Context bonus for a candidate whose country the article names through n other places:
# SUPPORT_FIRST for the first, SUPPORT_MORE for each further one, at most SUPPORT_MAX.
SUPPORT_FIRST = 1.5
SUPPORT_MORE = 0.5
SUPPORT_MAX = 3.0
# Extra bonus for a US state when the article names a place inside it: with one such city
# ("Atlanta ... Georgia"), the state overtakes the country of the same name.
STATE_SUPPORT = 2.5
# A place matched only through a GeoNames alternate name must be at least this likely
# (about a city of 10,000 people): small towns' alternate names hit ordinary words and surnames.
MIN_ALTERNATE_PRIOR = 3.0
# spaCy's FAC entities are buildings, crossings and airports; they count only when they name a
# country, region, sea or city of this many people, and never through an alternate name.
MIN_FACILITY_CITY_POPULATION = 100_000

# Buildings and streets that stand for institutions, not places.
NOT_PLACES = frozenset(
    normalize(name)
    for name in (
        "White House",
        "Kremlin",
        "Pentagon",
        "Capitol",
        "Capitol Hill",
        "Downing Street",
        "Number 10",
        "Elysee",
        "Elysee Palace",
        "Blue House",
        "Foggy Bottom",
        "Whitehall",
        "Zhongnanhai",
        "Quai d'Orsay",
        "Knesset",
        "Wall Street",
        "Westminster",
    )
)

# Words before a place name that do not change which place it is ("northern Gaza", "the occupied
# West Bank"); tried only when the full name is unknown, so "North Korea" and "West Bank" stay whole.
_QUALIFIER_RE = re.compile(
    r"^(?:(?:north|south|east|west|northern|southern|eastern|western|central|"
    r"north[- ]?(?:east|west)(?:ern)?|south[- ]?(?:east|west)(?:ern)?|greater|occupied|besieged|"
    r"war[- ]torn|downtown|upper|lower|rural|coastal)\s+)+",
    re.IGNORECASE,
)
_POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])$")

_FEATURE_RANK = {"country": 5, "continent": 4, "state": 3, "region": 2, "water": 2, "city": 1}


@dataclass
class _Mention:
    start: int
    end: int
    key: str  # the normalized name the candidates were found for


def _entry_key(entry: GazetteerEntry) -> tuple[object, ...]:
    return (entry.geonameid,) if entry.geonameid is not None else (entry.name, entry.feature)


def _candidates(name: str, label: str) -> tuple[str, list[Candidate]]:
    """The key and gazetteer candidates for a mention's name, after the fallbacks."""
    gazetteer = load_gazetteer()
    key = normalize(name)
    if not key or key in NOT_PLACES:
        return key, []
    found = gazetteer.candidates(key)
    if not found:
        bare = _QUALIFIER_RE.sub("", name.removeprefix("the ").removeprefix("The "))
        if bare != name and normalize(bare) not in NOT_PLACES:
            key = normalize(bare)
            found = gazetteer.candidates(key)
    if label == "FAC":
        found = [
            c
            for c in found
            if not c.alternate
            and (c.entry.feature != "city" or (c.entry.population or 0) >= MIN_FACILITY_CITY_POPULATION)
        ]
    found = [c for c in found if not c.alternate or c.prior >= MIN_ALTERNATE_PRIOR]
    return key, found


def _confident(candidates: list[Candidate]) -> Candidate | None:
    """The candidate a name stands for without any context, if its lead is clear."""
    best = candidates[0]
    for rival in candidates[1:]:
        if rival.entry.country != best.entry.country:
            return best if best.prior - rival.prior >= CONFIDENT_MARGIN else None
    return best


def _others(key: str, context: dict[str, Candidate]) -> list[Candidate]:
    """The unambiguous places of the article named otherwise than ``key``."""
    base = key.removesuffix(_FAC_SUFFIX)
    return [c for k, c in context.items() if k.removesuffix(_FAC_SUFFIX) != base]


def _distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _near_other_place(key: str, candidate: Candidate, context: dict[str, Candidate]) -> bool:
    """Whether another unambiguous place of the article (not a whole country) lies near the candidate."""
    return any(
        other.entry.feature not in ("country", "continent")
        and _distance_km(candidate.entry, other.entry) <= MISLABELLED_RADIUS_KM
        for other in _others(key, context)
    )


def _support_bonus(count: int) -> float:
    if count <= 0:
        return 0.0
    return min(SUPPORT_MAX, SUPPORT_FIRST + SUPPORT_MORE * (count - 1))


def _choose(key: str, candidates: list[Candidate], context: dict[str, Candidate]) -> Candidate:
    """The candidate best supported by the other unambiguous places of the article."""
    if len(candidates) == 1:
        return candidates[0]
    others = _others(key, context)
    by_country: dict[str, set[tuple[object, ...]]] = defaultdict(set)
    by_state: set[tuple[str, str]] = set()
    for other in others:
        if other.entry.country:
            by_country[other.entry.country].add(_entry_key(other.entry))
            if other.admin1:
                by_state.add((other.entry.country, other.admin1))

    def score(candidate: Candidate) -> tuple[float, int, int]:
        entry = candidate.entry
        total = candidate.prior
        if entry.country:
            total += _support_bonus(len(by_country.get(entry.country, ())))
        if entry.feature == "state" and (entry.country, candidate.admin1) in by_state:
            total += STATE_SUPPORT
        return (total, _FEATURE_RANK.get(entry.feature, 0), entry.population or 0)

    return max(candidates, key=score)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """An entity's offsets without a trailing possessive ("Gaza's" -> "Gaza", "Philippines'" stays)."""
    possessive = _POSSESSIVE_RE.search(text, start, end)
    if possessive is not None and possessive.start() > start:
        end = possessive.start() + (1 if text[possessive.start()] == "s" else 0)
    return start, end


def _mislabelled(found: list[Candidate]) -> list[Candidate]:
    """The candidates a PERSON or ORG entity keeps: main names of regions, countries, larger cities."""
    return [
        c
        for c in found
        if not c.alternate
        and (c.entry.feature != "city" or (c.entry.population or 0) >= MIN_MISLABELLED_CITY_POPULATION)
    ]


def find_places(doc: Doc) -> list[Place]:
    """The places the article mentions, resolved, one Place per place ("P1", "P2", ... by first mention)."""
    text = doc.text
    mentions: list[_Mention] = []
    candidates_of: dict[str, list[Candidate]] = {}
    mislabelled: list[tuple[_Mention, list[Candidate]]] = []
    ents = list(doc.ents)
    # Words of longer person names ("Abraham Lincoln"): when used alone ("Lincoln"), they are people.
    name_parts = {
        normalize(token.text) for ent in ents if ent.label_ == "PERSON" and len(ent) > 1 for token in ent
    }
    for ent in ents:
        if ent.label_ not in PLACE_LABELS and ent.label_ not in MISLABELLED_LABELS:
            continue
        start, end = _trimmed(text, ent.start_char, ent.end_char)
        key, found = _candidates(text[start:end], ent.label_)
        if ent.label_ in MISLABELLED_LABELS:
            found = _mislabelled(found)
            if (
                found
                and key not in name_parts
                and not _TITLE_BEFORE_RE.search(text, max(0, start - 12), start)
            ):
                mislabelled.append((_Mention(start, end, key), found))
            continue
        if not found:
            continue
        if ent.label_ == "FAC":
            key += _FAC_SUFFIX  # FAC mentions keep fewer candidates than the same name as GPE or LOC
        candidates_of[key] = found
        mentions.append(_Mention(start, end, key))

    context = {k: c for k, found in candidates_of.items() if (c := _confident(found)) is not None}
    chosen = {k: _choose(k, found, context) for k, found in candidates_of.items()}
    # spaCy's small model often calls a place a PERSON or ORG ("Rafah", "Khan Younis", "Crimea").
    # Such a name counts when the article names another place near it (a city, region or sea,
    # not a whole country): "Rafah" next to "the Gaza Strip" does, "Lincoln" next to "the U.S." not.
    for mention, found in mislabelled:
        if mention.key not in chosen:
            best = _choose(mention.key, found, context)
            if not _near_other_place(mention.key, best, context):
                continue
            chosen[mention.key] = best
        mentions.append(mention)
    mentions.sort(key=lambda m: m.start)

    places: dict[tuple[object, ...], Place] = {}
    for mention in mentions:
        entry = chosen[mention.key].entry
        place = places.get(_entry_key(entry))
        if place is None:
            place = places[_entry_key(entry)] = Place(
                id=f"P{len(places) + 1}",
                name=entry.name,
                geonameid=entry.geonameid,
                lat=entry.lat,
                lon=entry.lon,
                country=entry.country,
                feature=entry.feature,
            )
        span = Span.of(text, mention.start, mention.end)
        assert text[span.start : span.end] == span.text
        place.mentions.append(span)
    return list(places.values())


def resolve_country_code(name: str) -> str | None:
    """The ISO alpha-3 code of a country name or alias ("U.S.", "Britain", "Palestine"), else None.

    Only names of countries resolve: cities, regions and nationality adjectives ("Israeli") do not.
    """
    for candidate in load_gazetteer().candidates(name):
        if candidate.entry.feature == "country" and not candidate.alternate:
            return candidate.entry.country
    return None
