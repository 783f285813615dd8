"""Codes and sectors for the actors of one article, the way a human coder gives them.

``entities`` clusters the mentions and records what each noun phrase says (a nationality word, a
title, an appositive: evidence "phrase"). This module adds what the phrase alone does not:

* ``apply_knowledge``: the shipped actor tables (``dateline.knowledge``) give known people,
  organisations and countries their code and sector as of the article's date, and a country its
  usual short name ("US", "America" -> "United States");
* ``code_actors``: an organisation's own name ("Baghdad University" is IRQ and EDU); the country the
  article is set in for local actors it does not place elsewhere (a witness in a Somali town,
  "authorities" in a story set in Nigeria); default sectors (a person with no political role is CVL,
  a country acting is GOV); and the ``generic`` mark for descriptions that say neither whose nor
  which ("people", "officials", "the government").

Every code carries what gave it (``Cluster.coded_by``), so an actor memory can learn only from
strong evidence. Nothing here depends on any other article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from dateline import knowledge
from dateline.actors import code_from_name
from dateline.extract.clusters import Cluster
from dateline.model import Place
from dateline.settings import HOME_COUNTRY_LEAD_CHARS, HOME_COUNTRY_MIN_MENTIONS, HOME_COUNTRY_MIN_SHARE

# Sectors the real-news guideline uses; finer CAMEO sectors fold into them.
SECTOR_FOLDS = {
    "HLH": "CVL",
    "LAB": "CVL",
    "AGR": "CVL",
    "REF": "CVL",
    "CRM": "CVL",
    "UAF": "REB",
    "ELI": None,
}
CONTEXT_TYPES = {"PERSON", "GROUP", "ORG"}
# Unqualified groups that belong where the story is set: "authorities", "police", "residents".
LOCAL_GROUP_SECTORS = {"GOV", "MIL", "POL", "JUD", "LEG", "CVL", "HLH", "LAB", "AGR", "REF"}


@lru_cache(maxsize=1)
def org_sector_words() -> dict[str, str]:
    """Word of an organisation's name (lower case) -> the sector it signals (``org_words.tsv``)."""
    text = resources.files("dateline.data").joinpath("org_words.tsv").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, sector = line.split("\t")[:2]
            if word.strip() != "word":  # the header line
                table[word.strip().lower()] = sector.strip()
    return table


def org_sector(name: str) -> str | None:
    """The sector an organisation's own name signals. A news word makes it media whatever else the
    name holds ("National News Agency"). Otherwise the head decides: the words before "of" or "for"
    ("Center for Political-Military Analysis" is a center, EDU), and of those the last signalling
    one, since English names end in their head ("Health Ministry Press Office" is an office, GOV)."""
    table = org_sector_words()
    words = name.lower().replace("-", " ").split()
    for joint in ("of", "for"):
        if joint in words[1:]:
            words = words[: words.index(joint, 1)]  # "Center for Political-Military Analysis": a center
    found = [table.get(word.strip(".,'’()")) for word in words]
    sectors = [sector for sector in found if sector]
    if "MED" in sectors:
        return "MED"
    return sectors[-1] if sectors else None


def apply_knowledge(clusters: Sequence[Cluster], published: str | None) -> None:
    """Known people, organisations and countries get the tables' code, sector and gender.

    A code the article's own phrase gave wins over the tables (an article knows an actor's
    affiliation on its date better than a table does); the tables fill what it left empty.
    """
    on = (published or "")[:10] or None
    for cluster in clusters:
        if cluster.anonymous:
            continue
        if cluster.key.startswith("country:"):
            country = knowledge.country_actor(cluster.code or "")
            if country is not None:
                cluster.name = country.name
                cluster.adopt(country.code, country.sector, "knowledge")
            continue
        if cluster.type not in {"PERSON", "ORG", "GROUP"}:
            continue
        known = knowledge.known_actor(cluster.name, cluster.type, on)
        if known is None or known.type != ("PERSON" if cluster.type == "PERSON" else known.type):
            continue
        cluster.known = True  # a known code of None (Islamic State) is an answer, not a gap to fill
        cluster.adopt(known.code, known.sector, "knowledge")
        if cluster.type == "PERSON":
            cluster.gender = cluster.gender or known.gender
        elif cluster.code == known.code and known.sector:
            cluster.sector = known.sector  # an organisation's own sector beats a guess from a role word


def country_mentions(places: Sequence[Place]) -> list[tuple[str, int]]:
    """(country, offset) of every mention of a place whose country is known."""
    return [(p.country, m.start) for p in places if p.country for m in p.mentions]


def home_country(mentions: Sequence[tuple[str, int]], text_length: int) -> str | None:
    """The country the article is set in: the one its country mentions (places, nationality words,
    actors it codes; as (country, offset)) point to most, the lead (where a dateline or the first
    sentence names the scene) counting double; None when no country holds
    ``HOME_COUNTRY_MIN_SHARE`` of the mentions or two tie."""
    if len(mentions) < HOME_COUNTRY_MIN_MENTIONS:
        return None  # a sentence or two names no setting: "Chinese tourists" is no story set in China
    weights: Counter[str] = Counter()
    for country, start in mentions:
        weights[country] += 2 if start < min(HOME_COUNTRY_LEAD_CHARS, text_length) else 1
    ranked = weights.most_common(2)
    total = sum(weights.values())
    if ranked[0][1] / total < HOME_COUNTRY_MIN_SHARE:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def code_actors(clusters: Sequence[Cluster], mentions: Sequence[tuple[str, int]], text_length: int) -> None:
    """Names, context and defaults, after ``apply_knowledge`` and the article's own phrases;
    ``mentions`` are the article's (country, offset) mentions of places and nationalities."""
    # Organisations first: the people who work for one take its country and sector.
    for cluster in sorted(clusters, key=lambda c: c.type != "ORG"):
        if cluster.type == "ORG":
            cluster.sector = cluster.sector or org_sector(cluster.name)
            if cluster.code is None:
                cluster.adopt(code_from_name(cluster.name), None, "name")
        _take_employer(cluster)
    home = home_country([*mentions, *_actor_mentions(clusters)], text_length)
    for cluster in clusters:
        if cluster.key.startswith("norp:") and cluster.sector is None:
            cluster.sector = "CVL"  # "Nigerians": the people of a country, not its government
        if cluster.type in CONTEXT_TYPES and cluster.code is None and home and _local(cluster):
            cluster.adopt(home, None, "context")
        if cluster.type == "PERSON" and not cluster.anonymous and cluster.sector is None:
            cluster.sector = "CVL"  # a named person with no political role
        if cluster.sector in SECTOR_FOLDS:
            cluster.sector = SECTOR_FOLDS[cluster.sector]
        cluster.generic = _generic(cluster)


def _actor_mentions(clusters: Sequence[Cluster]) -> list[tuple[str, int]]:
    """(country, offset) of the people and groups the article itself codes, for finding where it is
    set: a story whose officials are American is told from the United States, wherever its places are."""
    return [
        (cluster.code, mention.start)
        for cluster in clusters
        if cluster.type in {"PERSON", "GROUP"}
        and cluster.code
        and cluster.code not in {"IGO", "NGO"}
        and cluster.sector != "REB"  # armed groups fight across borders: al-Shabab in Kenya
        for mention in cluster.mentions
    ]


def _take_employer(person: Cluster) -> None:
    """'A senior fellow at the (US) X Institute' is American and EDU, wherever the story is set;
    'VOA's Somali Service' belongs to VOA (USA, MED), whatever its own name says."""
    employer = person.affiliation
    if employer is None:
        return
    if person.type == "ORG" and employer.coded_by == "knowledge" and person.coded_by in {None, "name"}:
        person.code, person.coded_by, person.sector = employer.code, "phrase", employer.sector
        return
    if person.code is None and employer.code and employer.coded_by != "context":
        person.adopt(employer.code, None, "phrase")
    if person.sector is None and (person.code is None or person.code == employer.code):
        person.sector = employer.sector


def _local(cluster: Cluster) -> bool:
    """Whether an uncoded actor belongs where the article is set: a named person or organisation, a
    local official, witness or resident; not an international body, and not an unqualified group of
    experts or reporters, who may be anywhere."""
    if cluster.sector in {"IGO", "NGO"} or cluster.known:
        return False
    if cluster.anonymous and cluster.plural:
        return cluster.sector in LOCAL_GROUP_SECTORS
    return True


def _generic(cluster: Cluster) -> bool:
    """A description that says neither whose nor which names no one to count across articles:
    "people", "women", "officials", "the government", "an official". "Kurdish officials", "an
    Egyptian official" (a nationality in the phrase) and "Lusara's health ministry" (a name) are
    actors."""
    return cluster.anonymous and not cluster.qualified and cluster.coded_by != "phrase"
