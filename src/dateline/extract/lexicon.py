"""Word lists that turn nationality words, organisation names and roles into codes and sectors.

The lists live as TSV files in ``dateline/data`` so that users can read and extend them
without touching code: ``demonyms.tsv``, ``organizations.tsv`` and ``roles.tsv``; ``noun_kinds.tsv``,
what common nouns name (derived from WordNet); ``disapproval_words.tsv``, the words of blame the
event stage reads; and ``number_words.tsv``, the number words (cardinals, ordinals, nouns that
count) from which each module takes its own set. Kept in code below: the word lists several
modules share (times of day, vehicles, property, aid goods, words that are no gift, the nouns of
political actors).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dateline.extract.attribution_lexicon import AGENT_NOUNS, DOCUMENT_NOUNS
from dateline.extract.places import resolve_country_code


@dataclass(frozen=True)
class OrgInfo:
    name: str
    code: str | None
    sector: str | None


@dataclass(frozen=True)
class Role:
    phrase: str
    sector: str | None
    gender: str | None  # "m", "f" or None
    single_person: bool


def _rows(filename: str) -> list[list[str]]:
    text = resources.files("dateline.data").joinpath(filename).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@lru_cache(maxsize=1)
def disapproval_words() -> frozenset[str]:
    """Words of blame (``disapproval_words.tsv``): said of an actor in a quote, or given to someone
    as a name, they accuse."""
    return frozenset(row[0] for row in _rows("disapproval_words.tsv"))


@dataclass(frozen=True)
class NumberWord:
    word: str
    value: int
    kind: str  # "cardinal", "ordinal" or "collective" (a noun that counts: "dozen", "hundred")
    plural: str | None  # a collective noun's plural ("dozens"), else None


@lru_cache(maxsize=1)
def _number_table() -> tuple[NumberWord, ...]:
    return tuple(
        NumberWord(word, int(value), kind, None if plural == "-" else plural)
        for word, value, kind, plural in _rows("number_words.tsv")
    )


def number_words(kind: str, *, least: int = 0, most: int | None = None) -> dict[str, int]:
    """The number words of one kind (``number_words.tsv``) valued from ``least`` to ``most``, each
    with its value, in the table's order (least first)."""
    return {
        n.word: n.value
        for n in _number_table()
        if n.kind == kind and n.value >= least and (most is None or n.value <= most)
    }


def with_plurals(words: Iterable[str]) -> frozenset[str]:
    """``words`` and the plurals the number table gives them ("dozen" and "dozens")."""
    singulars = frozenset(words)
    plurals = {n.word: n.plural for n in _number_table() if n.plural}
    return singulars | {plurals[w] for w in singulars if w in plurals}


def normalize(name: str) -> str:
    """Lower-case, straight apostrophes, no leading 'the', single spaces: the key for lookups."""
    name = name.replace("\u2019", "'").strip().lower()
    name = re.sub(r"\s+", " ", name)
    return re.sub(r"^the ", "", name)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Nationality word (singular and plural, lower-case) -> ISO 3166 alpha-3."""
    table: dict[str, str] = {}
    for row in _rows("demonyms.tsv"):
        word, code = row[0].lower(), row[1]
        table[word] = code
        if not word.endswith(("ese", "sh", "ch", "ss")):
            table[word + "s"] = code
    return table


@lru_cache(maxsize=1)
def organizations() -> dict[str, OrgInfo]:
    """Organisation name or alias (normalized) -> its canonical name, code and sector."""
    table: dict[str, OrgInfo] = {}
    for row in _rows("organizations.tsv"):
        name, aliases, code, sector = (row + ["", "", "", ""])[:4]
        info = OrgInfo(name, code or None, sector or None)
        table[normalize(name)] = info
        for alias in filter(None, aliases.split("|")):
            table[normalize(alias)] = info
    return table


@lru_cache(maxsize=1)
def roles() -> dict[str, Role]:
    """Role word or phrase (lower-case) -> sector, gender and whether it names one person."""
    table: dict[str, Role] = {}
    for row in _rows("roles.tsv"):
        phrase, sector, gender, person = (row + ["", "", "", ""])[:4]
        table[phrase] = Role(phrase, sector or None, gender or None, person == "1")
    return table


@lru_cache(maxsize=1)
def noun_kinds() -> dict[str, str]:
    """Common noun -> what its usual sense names: "person" ("lender", "investigator"), "group"
    ("court", "party") or "abstract" ("poverty", "corruption", "problem"); nouns of things and
    places are not listed (``noun_kinds.tsv``, built from Open English WordNet by
    scripts/build_noun_kinds.py)."""
    return {row[0]: row[1] for row in _rows("noun_kinds.tsv")}


@lru_cache(maxsize=1)
def who_nouns() -> dict[str, str]:
    """The nouns of ``noun_kinds`` that name people: "person" or "group"."""
    return {word: kind for word, kind in noun_kinds().items() if kind in {"person", "group"}}


@lru_cache(maxsize=1)
def longest_role_words() -> int:
    return max(len(phrase.split()) for phrase in roles())


def org_info(name: str) -> OrgInfo | None:
    return organizations().get(normalize(name))


def country_code(name: str) -> str | None:
    """ISO alpha-3 for a country name or nationality word, or None."""
    key = normalize(name)
    if key in demonyms():
        return demonyms()[key]
    return resolve_country_code(name)


# Words for a time of day, week or year: "at dawn", "by midnight", "over the weekend" say when a
# thing happened, never who did it, whatever organisation shares the word (a paper called Dawn).
TIME_WORDS = frozenset({
    "dawn", "daybreak", "sunrise", "morning", "midmorning", "noon", "midday", "afternoon", "evening",
    "dusk", "sunset", "nightfall", "night", "midnight", "overnight", "weekend", "weekday", "daytime",
    "nighttime", "today", "tonight", "tomorrow", "yesterday",
})  # fmt: skip
# What carries people: a vehicle travels but visits no one ("the train travelled to Kyiv"), and one
# that kills without a driver or attacker is an accident ("a bus plunged into a ravine, killing 23").
VEHICLES = frozenset({
    "bus", "minibus", "coach", "car", "van", "truck", "lorry", "motorcycle", "train", "express",
    "plane", "flight", "aircraft", "airliner", "helicopter", "boat", "ferry", "ship", "vessel", "tanker",
})  # fmt: skip
# People's property: destroying it is COERCE (event_types), and a fire that burns it may be an
# attack, where other things burning hurt no party (event_force_senses).
PROPERTY_NOUNS = frozenset({
    "home", "house", "building", "property", "crop", "field", "farm", "farmland", "shop",
    "store", "market", "mosque", "church", "temple", "synagogue", "school", "orchard", "grove", "tree",
    "hut", "dwelling", "car", "vehicle", "business", "office", "headquarters", "livestock", "harvest",
})  # fmt: skip
# What one party charges another with, which the other may deny ("a charge Dorvan rejects"): the
# trigger finder's misread denials, name-calling of a charge, and answers to a claim all read it.
CHARGE_NOUNS = frozenset({"charge", "accusation", "allegation", "claim"})
# Names spaCy takes for actors that name a disease, a faith or a language, never anyone who acts.
NOT_ACTOR_NAMES = frozenset({
    "covid", "covid-19", "coronavirus", "sars-cov-2", "ebola", "mpox", "cholera", "islam", "judaism",
    "christianity", "hinduism", "buddhism", "arabic",
})  # fmt: skip


def names_a_time(text: str) -> bool:
    """Whether a word or phrase only says when: 'dawn', 'the weekend', 'Sunday night'."""
    words = normalize(text).split()
    return bool(words) and words[-1] in TIME_WORDS


def written_as_name(text: str, canonical: str) -> bool:
    """Whether ``text`` is written the way a name is: with a capital letter, unless the name it
    matches (``canonical``) is itself all lower case ("dpa"). Written all in lower case, "dawn",
    "age" or "shell" is the common word, not the paper or the company of that name."""
    return any(c.isupper() for c in text) or not any(c.isupper() for c in canonical)


def org_as_written(name: str) -> OrgInfo | None:
    """``org_info``, only where ``name`` is written as a name (``written_as_name``)."""
    info = org_info(name)
    return info if info is not None and written_as_name(name, info.name) else None


# What aid is, given or received ("provided food", "accepted $2 billion"), and the words one
# delivers or offers that are no gift ("delivered a speech", "offered an assessment"):
# event_broad_verbs and event_cooperative_senses.
AID_GOODS = {
    "aid", "assistance", "help", "food", "grain", "wheat", "rice", "medicine", "supply", "relief", "weapon",
    "arm", "ammunition", "equipment", "missile", "tank", "jet", "system", "money", "fund", "cash", "loan",
    "grant", "credit", "dollar", "million", "billion", "shelter", "tent", "blanket", "water", "fuel",
    "vaccine", "dose", "protection", "training", "troop", "expertise", "ration", "medication", "cargo",
    "material", "package", "consignment", "planeload", "shipment", "kit", "goods", "item", "drug",
    "generator", "donation", "contribution", "humanitarian", "tonne", "ton",
}  # fmt: skip
NON_GIFTS = {
    "speech", "address", "message", "note", "letter", "warning", "ultimatum", "verdict", "ruling", "blow",
    "victory", "win", "result", "remark", "statement", "lecture", "sermon", "eulogy", "keynote", "vote",
    "promise", "rebuke", "update", "clarity", "detail", "answer", "explanation", "testimony",
    "interview", "reason", "comment", "briefing",
}  # fmt: skip
# Bare rows that need a political actor as subject ("open primaries allow independents to vote");
# a report or a poll speaks (see attributions) but does not act.
ACTOR_NOUNS = frozenset(AGENT_NOUNS - DOCUMENT_NOUNS)
