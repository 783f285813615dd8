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

A PERSON, ORG or NORP entity, or a run of proper nouns spaCy left without a label ("Qamishli"),
also counts when it stands where a place stands ("in X", "near X", "from X", "the town of X",
"X province": see ``_LOCATIVE_BEFORE_RE``) and names a major place without a doubt: a region,
state or country, or a city of 50,000 people or more, whose lead over any other candidate in
another country is clear (``_confident``), not a word of a person's name in the article.

"X province" ("Balochistan province", "Idlib governorate") is looked up as X, among X's regions
and states first when there are any, and the mention takes in the word when spaCy leaves it out.

A small namesake of a major city ("Geneva" in Illinois, "Paris" in Texas) gets the bonus for its
country only when the article also names a place near it (within LOCAL_RADIUS_KM, or its US
state): the article has to say so, a mere mention of the United States does not move Geneva.

Place.name is the gazetteer's canonical name (GeoNames' spelling for cities: "Rafaḩ",
"Khān Yūnis"), so one place has one name across articles; the mentions keep the article's
spelling.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.extract.gazetteer import Candidate, GazetteerEntry, load_gazetteer, normalize
from dateline.extract.text_spans import text_of
from dateline.model import Place, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc  # for hints only: reading the lexicon must not load spaCy

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

# Words after a name that say what kind of area it is ("Helmand province", "Borno state").
DESIGNATORS = frozenset(
    [
        "province",
        "provinces",
        "governorate",
        "region",
        "district",
        "county",
        "oblast",
        "prefecture",
        "state",
        "department",
        "territory",
    ]
)
_DESIGNATOR_RE = re.compile(r"\s+(" + "|".join(sorted(DESIGNATORS)) + r")$", re.IGNORECASE)
# What stands before a place name: "in", "near", "from" ..., or "the town of", "outskirts of".
_LOCATIVE_BEFORE_RE = re.compile(
    r"(?:\b(?:in|near|from|outside|around|across|into|towards?|to|at|inside|within|via|through|nearby|"
    r"between|besieged|captured|seized|recaptured|shelled|bombed)|"
    r"\b(?:city|town|village|province|region|district|capital|outskirts|suburbs?|governorate|state|"
    r"county|port|camp|area|border|streets|residents|people)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A place named by a PERSON, ORG or NORP entity or an unlabelled proper noun in a locative context
# must be this large a city (or a region, state or country).
MIN_LOCATIVE_CITY_POPULATION = 50_000
# ... and when matched only through an alternate name (or a transliteration), this likely.
MIN_LOCATIVE_ALTERNATE_PRIOR = 4.0
LOCATIVE_LABELS = ("PERSON", "ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART")
# Words joined to a place name by a hyphen that make it one ("Kyiv-based", "Houthi-held").
_HYPHEN_PLACE_WORDS = frozenset(
    [
        "based",
        "born",
        "bound",
        "held",
        "controlled",
        "occupied",
        "administered",
        "ruled",
        "run",
        "led",
        "backed",
    ]
)
# Compounds of place names ("U.S.-Mexico border", "Russia-Ukraine war"): each part counts when it
# names a major place.
_HYPHEN_SPLIT_RE = re.compile(r"[^-\s]+(?:\.)?")
# A hyphen and a capitalised word right after a name: "-Bissau" after "Guinea".
_HYPHEN_TAIL_RE = re.compile(r"-[A-Z][^-\s’']*")
# A run of words joined by hyphens ("Guinea-Bissau", "U.S.-Mexico"), without a possessive.
_HYPHENATED_NAME_RE = re.compile(r"[^-\s’']+(?:-[^-\s’']+)+")
# A smaller town in a locative context counts in a story that names its country (see find_places).
MIN_LOCAL_CITY_POPULATION = 10_000
# How many names back a list may go to find its locative word ("in A, B, C and D").
_MAX_LIST = 6
# Arabic articles inside a name spaCy tokenizes apart ("Deir ez-Zor", "Ras al-Ain").
_NAME_PARTICLES = frozenset(["al", "el", "ez", "es", "ad", "ar", "as", "ash", "an", "az", "bin", "ibn", "de"])
# A city whose prior trails the likeliest city of the same name by this much (about 8 times fewer
# people) is a namesake: it gets its country's bonus only with a place of the article near it.
NAMESAKE_GAP = 0.9
LOCAL_RADIUS_KM = 300.0

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
        designator = _DESIGNATOR_RE.search(bare)
        if designator is not None and designator.start() > 0:
            bare = bare[: designator.start()]
        if bare != name and normalize(bare) not in NOT_PLACES:
            key = normalize(bare)
            found = gazetteer.candidates(key)
        if designator is not None:
            # "Idlib province": the province when the gazetteer has it, else the city of that name.
            areas = [c for c in found if c.entry.feature in ("state", "region")]
            found = areas or found
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
    top_city = max((c.prior for c in candidates if c.entry.feature == "city"), default=0.0)

    def local(candidate: Candidate) -> bool:
        """Whether the article names a place near the candidate (or the candidate's US state)."""
        entry = candidate.entry
        if (entry.country, candidate.admin1) in by_state:
            return True
        return any(
            other.entry.feature not in ("country", "continent")
            and _distance_km(entry, other.entry) <= LOCAL_RADIUS_KM
            for other in others
        )

    def score(candidate: Candidate) -> tuple[float, int, int]:
        entry = candidate.entry
        total = candidate.prior
        namesake = entry.feature == "city" and top_city - candidate.prior >= NAMESAKE_GAP
        if entry.country and (not namesake or local(candidate)):
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


def _locative(doc: Doc, start: int, end: int, depth: int = 0) -> bool:
    """Whether the tokens start..end stand where a place stands: after "in", "near", "from", "the
    town of" and the like, before "province", "region" and the like, or next in a list of names
    that does ("in Aleppo, Homs and Hama")."""
    if end < len(doc) and doc[end].lower_ in DESIGNATORS:
        return True
    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and doc[end + 1].lower_ in _HYPHEN_PLACE_WORDS
    ):
        return True
    if start == 0:
        return False
    if _LOCATIVE_BEFORE_RE.search(doc[max(0, start - 4) : start].text + " ") is not None:
        return True
    if depth >= _MAX_LIST or doc[start - 1].lower_ not in (",", "and", "or") or start < 2:
        return False
    first = start - 1  # the start of the name before: proper nouns or a place entity
    while first > 0 and (doc[first - 1].pos_ == "PROPN" or doc[first - 1].ent_type_ in ("GPE", "LOC")):
        first -= 1
    return first < start - 1 and _locative(doc, first, start - 1, depth + 1)


def _major(found: list[Candidate]) -> Candidate | None:
    """The major place a name in a locative context stands for, if it is clear: a region, state or
    country, or a city of MIN_LOCATIVE_CITY_POPULATION, that leads any other country's candidate."""
    kept = [
        c
        for c in found
        if (not c.alternate or c.prior >= MIN_LOCATIVE_ALTERNATE_PRIOR)
        and (c.entry.feature != "city" or (c.entry.population or 0) >= MIN_LOCATIVE_CITY_POPULATION)
    ]
    if not kept or kept[0] is not found[0] and found[0].entry.country != kept[0].entry.country:
        return None  # a likelier small place elsewhere shares the name
    return _confident(kept)


def _in_named_country(
    key: str, found: list[Candidate], context: dict[str, Candidate], named: set[str | None]
) -> Candidate | None:
    """For a name in a locative context that is no major place: the town (of MIN_LOCAL_CITY_POPULATION
    people, by its main name) or area that the article's other places point to, if it lies in a
    country the article names ("in Beledweyne" in a story that names Somalia)."""
    kept = [
        c
        for c in found
        if not c.alternate
        and (c.entry.feature != "city" or (c.entry.population or 0) >= MIN_LOCAL_CITY_POPULATION)
    ]
    if not kept:
        return None
    best = _choose(key, kept, context)
    return best if best.entry.country in named else None


def _country_word(word: str) -> bool:
    """Whether a word is the main name of a country ("Ukraine" in "the Russia-Ukraine war")."""
    found = load_gazetteer().candidates(word)
    return bool(found) and found[0].entry.feature == "country" and not found[0].alternate


def _proper_runs(doc: Doc) -> list[tuple[int, int]]:
    """Runs of proper nouns that spaCy left outside any entity and that follow a locative word,
    or start with a country's name, as token ranges ("in Qamishli", "near Deir ez-Zor", "the
    Israel-Hamas war")."""
    runs = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if (
            token.pos_ == "PROPN"
            and not token.ent_type_
            and token.text[:1].isupper()
            and (_locative(doc, i, i + 1) or _country_word(token.text))
        ):
            j = i + 1
            while j < len(doc) and not doc[j].ent_type_:
                if (
                    doc[j].pos_ == "PROPN"
                    and doc[j].text[:1].isupper()
                    or (
                        (doc[j].lower_ in _NAME_PARTICLES or doc[j].text in ("-", "'", "’"))
                        and j + 1 < len(doc)
                        and doc[j + 1].pos_ == "PROPN"
                    )
                ):
                    j += 1
                else:
                    break
            while j > i + 1 and (doc[j - 1].text in ("-", "'", "’") or doc[j - 1].lower_ in _NAME_PARTICLES):
                j -= 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def find_places(doc: Doc) -> list[Place]:
    """The places the article mentions, resolved, one Place per place ("P1", "P2", ... by first mention)."""
    text = text_of(doc)
    mentions: list[_Mention] = []
    candidates_of: dict[str, list[Candidate]] = {}
    mislabelled: list[tuple[_Mention, list[Candidate]]] = []
    located: list[tuple[_Mention, list[Candidate]]] = []
    ents = list(doc.ents)
    # Words of longer person names ("Abraham Lincoln"): when used alone ("Lincoln"), they are people.
    name_parts = {
        normalize(token.text) for ent in ents if ent.label_ == "PERSON" and len(ent) > 1 for token in ent
    }

    def after_title(start: int) -> bool:
        return _TITLE_BEFORE_RE.search(text, max(0, start - 12), start) is not None

    for ent in ents:
        label = ent.label_
        if label not in PLACE_LABELS and label not in MISLABELLED_LABELS and label not in LOCATIVE_LABELS:
            continue
        start, end = _trimmed(text, ent.start_char, ent.end_char)
        joined = _HYPHEN_TAIL_RE.match(text, end)
        if joined is not None and _candidates(text[start : joined.end()], "GPE")[1]:
            end = joined.end()  # "Guinea" labelled alone in "Guinea-Bissau": the whole name
        key, found = _candidates(text[start:end], "GPE" if label in LOCATIVE_LABELS else label)
        if not found and label != "PERSON" and "-" in text[start:end]:
            # "U.S.-Mexico": each part that names a major place, as its own mention; but a
            # hyphenated name that is a place whole ("Guinea-Bissau's institute") stays whole.
            for compound in _HYPHENATED_NAME_RE.finditer(text, start, end):
                whole_key, whole_found = _candidates(compound.group(), "GPE")
                if whole_found and _major(whole_found) is not None:
                    located.append((_Mention(compound.start(), compound.end(), whole_key), whole_found))
                    continue
                for part in _HYPHEN_SPLIT_RE.finditer(text, compound.start(), compound.end()):
                    if part.group()[:1].isupper():
                        part_key, part_found = _candidates(part.group(), "GPE")
                        if part_found and _major(part_found) is not None:
                            located.append((_Mention(part.start(), part.end(), part_key), part_found))
            continue
        if found and ent.end < len(doc) and doc[ent.end].lower_ in DESIGNATORS and end == ent.end_char:
            # "Helmand province": the mention takes in the word; the area of that name comes first.
            whole = doc[ent.end].idx + len(doc[ent.end])
            whole_key, whole_found = _candidates(text[start:whole], "GPE")
            if whole_found and whole_key != key:
                key, found, end = whole_key, whole_found, whole
            elif found[0].entry.feature in ("city", "state", "region"):
                found, end = whole_found or found, whole
        if label in LOCATIVE_LABELS:
            if not found or key in name_parts or after_title(start):
                continue
            if _locative(doc, ent.start, ent.end):
                located.append((_Mention(start, end, key), found))
                continue
            if label == "NORP":
                continue
            found = _mislabelled(found)
            if found:
                mislabelled.append((_Mention(start, end, key), found))
            continue
        if not found:
            continue
        if label == "FAC":
            key += _FAC_SUFFIX  # FAC mentions keep fewer candidates than the same name as GPE or LOC
        candidates_of[key] = found
        mentions.append(_Mention(start, end, key))
    for i, j in _proper_runs(doc):
        # The longest run of words that names a major place: "Tal Abyad", else "Tal".
        for stop in range(j, i, -1):
            if doc[stop - 1].text in ("-", "'", "’") or doc[stop - 1].lower_ in _NAME_PARTICLES:
                continue
            words = doc[i:stop]
            key, found = _candidates(words.text, "GPE")
            if found and key not in name_parts and not after_title(words.start_char):
                end = words.end_char
                if stop < len(doc) and doc[stop].lower_ in DESIGNATORS:
                    end = doc[stop].idx + len(doc[stop])
                located.append((_Mention(words.start_char, end, key), found))
                break

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
    # Names in a locative context ("in Qamishli"): the major place they name, or else a town or area
    # in a country the article names, unless the article resolved the same name otherwise.
    named = {c.entry.country for c in context.values() if not c.loose}
    for mention, found in located:
        if mention.key not in chosen:
            pick = _major(found) or _in_named_country(mention.key, found, context, named)
            if pick is None:
                continue
            chosen[mention.key] = pick
        mentions.append(mention)
    # A name matched only by its transliteration skeleton ("Hudeidah") counts in an article that
    # names the same country through another place: skeletons of unrelated names collide.
    mentions = [m for m in mentions if not chosen[m.key].loose or chosen[m.key].entry.country in named]
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
