"""Actor memory: what a memory file (learned, imported or edited) says about an actor, applied to articles.

"Israeli Prime Minister Benjamin Netanyahu" gives ISR/GOV in one article; with a memory file, a
later article that only says "Netanyahu" gets ISR/GOV from memory. The memory is a plain TSV file a
user can read and edit (format in ``docs/actors.md``), one row per (name, code, sector) with a count
of how often it was seen, so that a conflicting later observation adds a row instead of overwriting:
lookups take the majority, and a row the user marked ``edited`` always wins.

There is memory only when the user asks for a file: without one, every article's record depends on
that article alone, whatever was read before it (``code_actors(records, None)``).

* ``code_own_names(record)`` codes organisations and groups by a country in their own name, per
  article (``coded_by="name"``).
* ``ActorMemory.apply(record)`` fills ``code``/``sector`` of entities that have none, by full name
  (also "title + name", the form dictionaries list: "president bush"), then for people by a unique
  surname or last tokens ("Brenner" for "Ada Brenner"; a surname shared by actors of different
  countries is not applied). It never changes what the article itself said; codes it gives are
  ``coded_by="memory"``.
* ``ActorMemory.learn(record)`` remembers named actors whose code came from strong local evidence:
  ``coded_by`` "phrase" or "name" (``LEARNED_EVIDENCE``), never a context guess, memory's own fill,
  the shipped knowledge or a generic group.
* ``code_actors(records, memory)`` does the above record by record in input order;
  ``remember_across(records, memory)`` is the same with a memory.
* ``code_from_name(name)`` finds a country in an organisation's own name: "Baghdad University
  Medical School" is IRQ, "the Israeli military" is ISR.
* ``import_phoenix(paths)`` reads the TABARI-format actor dictionaries of Phoenix/PETRARCH.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from dateline.extract import lexicon
from dateline.extract.gazetteer import load_gazetteer
from dateline.extract.gazetteer import normalize as _gazetteer_key
from dateline.model import Entity, Record

COLUMNS = ("name", "type", "code", "sector", "source", "seen", "first_date", "last_date")
SOURCES = ("learned", "imported", "edited")
FILE_COMMENT = (
    "# dateline actor memory: one row per (name, code, sector); the row seen most often wins, an 'edited' row\n"
    "# always wins. Columns: name, type (entity type, empty = any), code (ISO alpha-3, IGO, NGO, ...), sector,\n"
    "# source (learned/imported/edited), seen (count), first_date, last_date. See docs/actors.md.\n"
)
# Entity types a full-name row of one type may still serve: spaCy often labels one actor differently.
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_GROUP_TYPES = {"ORG", "GROUP", "NORP"}
# Entities learned: actors. Places get their codes from the gazetteer, in context, every time.
_LEARNED_TYPES = {"PERSON", "ORG", "GROUP", "NORP"}
# Entities whose own name may hold a country: organisations and groups, not people ("Jordan Peterson").
_CODE_FROM_NAME_TYPES = {"ORG", "GROUP", "NORP", "FAC"}
MIN_CITY_POPULATION_IN_NAME = 250_000  # "Independence Party" is no city; "Baghdad University" is
# What may teach memory a code (``Entity.coded_by``): a nationality, title or appositive in the
# entity's own noun phrase, or a country in its own name. Not "context" (the country an article is
# set in is no actor's nationality), "memory" (its own guess), "knowledge" (shipped anyway).
LEARNED_EVIDENCE = frozenset({"phrase", "name"})


@dataclass
class ActorRow:
    """One line of the memory file: one thing said about one name, and how often."""

    name: str
    type: str = ""  # entity type (PERSON, ORG, ...); empty when unknown (matches any)
    code: str | None = None
    sector: str | None = None
    source: str = "learned"
    seen: int = 1
    first_date: str | None = None
    last_date: str | None = None

    @property
    def key(self) -> str:
        return name_key(self.name)


def name_key(name: str) -> str:
    """The lookup key of a name: folded, lower case, punctuation as spaces, no leading "the"."""
    return _gazetteer_key(name)


class ActorMemory:
    """Rows of a memory file, indexed by full name and (for people) by surname and last tokens."""

    def __init__(self, rows: Iterable[ActorRow] = ()) -> None:
        self.rows: list[ActorRow] = []
        self._by_name: dict[str, list[int]] = {}
        self._by_suffix: dict[str, set[str]] = {}  # "netanyahu" -> {"benjamin netanyahu"}
        # The record apply() saw last and the ids of the entities it filled, for learn() to skip.
        self._filled: tuple[Record | None, set[str]] = (None, set())
        for row in rows:
            self._add(row)

    # -- file ----------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None) -> ActorMemory:
        """The memory stored at ``path``; an empty one for ``None`` or a file that does not exist yet."""
        if path is None or not Path(path).exists():
            return cls()
        with Path(path).open(encoding="utf-8", newline="") as handle:
            return cls(read_rows(handle, str(path)))

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the memory as TSV; via a temporary file so an interrupted save keeps the old one."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            write_rows(self.rows, handle)
        temporary.replace(target)

    def __len__(self) -> int:
        return len(self.rows)

    def _add(self, row: ActorRow) -> None:
        key = row.key
        if not key:
            return
        index = len(self.rows)
        self.rows.append(row)
        self._by_name.setdefault(key, []).append(index)
        if row.type == "PERSON":
            self._index_suffixes(key)

    def _index_suffixes(self, key: str) -> None:
        words = key.split()
        for size in range(1, len(words)):
            self._by_suffix.setdefault(" ".join(words[-size:]), set()).add(key)

    # -- lookup --------------------------------------------------------------------------------

    def best(self, name: str, type_: str | None = None) -> ActorRow | None:
        """The winning row for exactly this name: edited first, then most seen, then the older row.

        Rows of the entity's own type (or of no type) are preferred; a row of another type is used
        only when there is none, since a full name rarely means two different actors.
        """
        tied = self._winners(name, type_)
        return tied[0] if tied else None

    def _winners(self, name: str, type_: str | None) -> list[ActorRow]:
        """The rows tied for first place, oldest first."""
        indices = self._by_name.get(name_key(name))
        if not indices:
            return []
        usable = [i for i in indices if self.rows[i].code]
        if type_:
            fitting = [i for i in usable if _types_fit(self.rows[i].type, type_)]
            usable = fitting or usable
        if not usable:
            return []
        rank = max((self.rows[i].source == "edited", self.rows[i].seen) for i in usable)
        return [self.rows[i] for i in usable if (self.rows[i].source == "edited", self.rows[i].seen) == rank]

    def lookup(self, name: str, type_: str | None = None) -> tuple[str | None, str | None]:
        """(code, sector) for exactly this name. On a tie the older row keeps the code (a later
        conflicting code does not overwrite it), and the sector is dropped if tied rows of that code
        disagree on it ("president bush": two presidents, one a former one)."""
        tied = self._winners(name, type_)
        if not tied:
            return None, None
        code = tied[0].code
        sectors = {r.sector for r in tied if r.code == code}
        return code, sectors.pop() if len(sectors) == 1 else None

    def resolve(
        self, name: str, type_: str | None = None, titles: Sequence[str] = ()
    ) -> tuple[str | None, str | None]:
        """(code, sector) memory gives an entity, or (None, None).

        Tried in order: the full name; each title + name ("president bush"); for people, the
        name as a surname or last tokens of remembered people, used only when they agree.
        """
        for candidate in [name, *(f"{title} {name}" for title in titles)]:
            code, sector = self.lookup(candidate, type_)
            if code:
                return code, sector
        if type_ in {"PERSON", None}:
            return self._by_surname(name)
        return None, None

    def _by_surname(self, name: str) -> tuple[str | None, str | None]:
        fulls = self._by_suffix.get(name_key(name))
        if not fulls:
            return None, None
        found = [self.lookup(full, "PERSON") for full in sorted(fulls)]
        codes = {code for code, _ in found if code}
        if len(codes) != 1:
            return None, None  # unknown, or an ambiguous surname: better no code than a wrong one
        sectors = {sector for _, sector in found}
        return codes.pop(), sectors.pop() if len(sectors) == 1 else None

    # -- apply and learn -----------------------------------------------------------------------

    def apply(self, record: Record) -> None:
        """Fill ``code``/``sector`` of entities that lack them, from memory.

        Only empty fields are filled: a code or sector the article itself gave is never replaced
        (a person's default sector, CVL with no code and no title, is no such statement: memory's
        sector replaces it when memory gives the code). Generic groups ("women", "officials") get nothing. A code memory gives is ``coded_by``
        "memory"; a sector it adds to a code the article gave keeps the article's ``coded_by``.
        """
        filled: set[str] = set()
        for entity in record.entities:
            if (entity.code and entity.sector) or entity.generic:
                continue
            code, sector = self.resolve(entity.name, entity.type, entity.titles)
            if code is None and sector is None:
                continue
            if entity.code and code and code != entity.code:
                sector = None  # memory's sector belongs to another country's actor
            if not entity.code and code:
                if sector and _default_sector(entity):
                    entity.sector = None  # memory knows better than "no political role found here"
                entity.code = code
                entity.coded_by = "memory"
                filled.add(entity.id)
            if not entity.sector and sector:
                entity.sector = sector
                filled.add(entity.id)
        self._filled = (record, filled)

    def learn(self, record: Record, *, unlabelled: bool = False) -> None:
        """Remember the named actors (person, organisation, group) whose code strong local evidence gave.

        Learned: entities ``coded_by`` "phrase" or "name" (``LEARNED_EVIDENCE``) that are not
        generic and have a proper name. Never a code the article only guessed from its setting
        ("context"), one memory filled ("memory": it would count memory's own guess as evidence),
        the shipped knowledge, nor anything merely mentioned beside an actor. An entity ``apply``
        filled anything in is not learned. A code that disagrees with memory adds or counts its own
        row; lookups keep the majority.

        ``unlabelled=True`` also learns coded entities whose ``coded_by`` is null: records of older
        schemas, which do not say what gave a code (``dateline actors learn --older-records``).
        """
        last, filled = self._filled
        if last is not record:
            filled = set()
        self._filled = (None, set())
        date = (record.published or "")[:10] or None
        for entity in record.entities:
            if entity.id not in filled and _teaches(entity, unlabelled):
                self._observe(entity, date)

    def _observe(self, entity: Entity, date: str | None) -> None:
        key = name_key(entity.name)
        if not key:
            return
        same_code = [self.rows[i] for i in self._by_name.get(key, []) if self.rows[i].code == entity.code]
        row = _matching_row(same_code, entity.sector)
        if row is None:
            self._add(
                ActorRow(entity.name, entity.type, entity.code, entity.sector, "learned", 1, date, date)
            )
            return
        row.seen += 1
        row.sector = row.sector or entity.sector
        if date:
            row.first_date = min(filter(None, [row.first_date, date]))
            row.last_date = max(filter(None, [row.last_date, date]))

    def with_imported(self, rows: Iterable[ActorRow]) -> ActorMemory:
        """A memory whose imported rows are ``rows``, keeping what was learned or edited."""
        return ActorMemory([*(r for r in self.rows if r.source != "imported"), *rows])


def code_own_names(record: Record) -> None:
    """Code each organisation or group without a code by a country in its own name (``coded_by``
    "name"): "Baghdad University Medical School" is IRQ. Depends on the record alone."""
    for entity in record.entities:
        if entity.code or entity.generic or entity.type not in _CODE_FROM_NAME_TYPES:
            continue
        code = code_from_name(entity.name)
        if code:
            entity.code, entity.coded_by = code, "name"


def code_actors(records: Iterable[Record], memory: ActorMemory | None = None) -> Iterator[Record]:
    """With a memory, apply it to each record and learn from it, in input order (the records come
    from the pipeline, which has coded each actor by its own name already: ``code_own_names``).

    Without ``memory`` each record depends on its own article alone, so the output does not depend
    on input order, on what ran before or on an interrupted run. With one, a later article benefits
    from an earlier one; both runners keep input order, so this works the same after ``records``
    and ``records_in_pool``.
    """
    for record in records:
        if memory is not None:
            memory.apply(record)
            memory.learn(record)
        yield record


def remember_across(records: Iterable[Record], memory: ActorMemory) -> Iterator[Record]:
    """``code_actors`` with a memory: apply it to each record, then learn from it, in input order."""
    return code_actors(records, memory)


def _default_sector(entity: Entity) -> bool:
    """Whether an uncoded person's sector is the entity stage's default (CVL for a named person the
    article gives no role), not something the article said: no code, no title."""
    return entity.type == "PERSON" and entity.sector == "CVL" and not entity.code and not entity.titles


def _teaches(entity: Entity, unlabelled: bool) -> bool:
    """Whether an entity's code is evidence memory may count (see ``ActorMemory.learn``)."""
    if not entity.code or entity.generic or entity.type not in _LEARNED_TYPES or not is_named(entity):
        return False
    if entity.coded_by is None:
        return unlabelled
    return entity.coded_by in LEARNED_EVIDENCE


def _matching_row(rows: list[ActorRow], sector: str | None) -> ActorRow | None:
    """The row an observation agrees with: same sector, or any when either side has none."""
    for row in rows:
        if row.sector == sector:
            return row
    if sector is None and rows:
        return max(rows, key=lambda r: r.seen)
    for row in rows:
        if row.sector is None:
            return row
    return None


def _types_fit(row_type: str, entity_type: str) -> bool:
    if not row_type or row_type == entity_type:
        return True
    return {row_type, entity_type} <= _PLACE_TYPES or {row_type, entity_type} <= _GROUP_TYPES


def is_named(entity: Entity) -> bool:
    """A proper name ("Ada Brenner", "Hamas", "UNICEF"), not a description ("Egyptian official")."""
    words = entity.name.split()
    return bool(words) and words[-1][:1].isupper()


# -- country codes inside names ----------------------------------------------------------------

_WORD_RE = re.compile(r"[A-Za-z][\w'’.-]*")


@lru_cache(maxsize=65536)
def code_from_name(name: str) -> str | None:
    """The country a country, nationality or big-city name inside ``name`` points to, else None.

    "Baghdad University Medical School" -> IRQ, "the Israeli military" -> ISR, "Washington Post"
    -> USA. A known organisation's own code comes first ("European Union" -> IGO). Nationality
    words and country names anywhere in the name win over cities; cities must be large
    (``MIN_CITY_POPULATION_IN_NAME``) and written with a capital, so "Independence Party" or
    "Union" stay uncoded, and so does a name written in lower case ("dawn" is no paper).
    """
    org = lexicon.org_as_written(name)
    if org is not None and org.code:
        return org.code
    words = [
        m.group().rstrip(".") if m.group().count(".") == 1 else m.group() for m in _WORD_RE.finditer(name)
    ]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
    demonyms = lexicon.demonyms()
    for word in words:
        if word[:1].isupper() and word.lower() in demonyms:
            return demonyms[word.lower()]
    gazetteer = load_gazetteer()
    city: str | None = None
    for start in range(len(words)):
        for size in (3, 2, 1):
            phrase = words[start : start + size]
            if len(phrase) < size or not all(w[:1].isupper() for w in phrase):
                continue
            candidates = gazetteer.candidates(" ".join(phrase))
            if not candidates or candidates[0].alternate:
                continue
            entry = candidates[0].entry
            if entry.feature in {"country", "state", "region"} and entry.country:
                return entry.country
            if (
                city is None
                and entry.feature == "city"
                and (entry.population or 0) >= MIN_CITY_POPULATION_IN_NAME
            ):
                city = entry.country
    return city


# -- the TSV file ------------------------------------------------------------------------------


def read_rows(handle: Iterable[str], where: str = "memory") -> list[ActorRow]:
    """Rows of a memory file; '#' lines are comments; the header names the columns (any order)."""
    lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = {"name", "code"} - set(reader.fieldnames or [])
    if missing:
        raise ValueError(
            f"{where}: the header lacks {', '.join(sorted(missing))} (columns: {', '.join(COLUMNS)})"
        )
    rows = []
    for number, data in enumerate(reader, start=2):
        try:
            rows.append(_row_of(data))
        except ValueError as error:
            raise ValueError(f"{where}: row {number}: {error}") from None
    return rows


def _row_of(data: dict[str, str | None]) -> ActorRow:
    def cell(column: str) -> str | None:
        value = (data.get(column) or "").strip()
        return value or None

    name = cell("name")
    if name is None:
        raise ValueError("empty name")
    source = cell("source") or "edited"
    if source not in SOURCES:
        raise ValueError(f"source {source!r} is none of {', '.join(SOURCES)}")
    seen = cell("seen") or "1"
    if not seen.isdigit():
        raise ValueError(f"seen {seen!r} is not a count")
    return ActorRow(
        name=name,
        type=(cell("type") or "").upper(),
        code=(cell("code") or "").upper() or None,
        sector=(cell("sector") or "").upper() or None,
        source=source,
        seen=int(seen),
        first_date=cell("first_date"),
        last_date=cell("last_date"),
    )


def write_rows(rows: Iterable[ActorRow], handle: TextIO) -> None:
    handle.write(FILE_COMMENT)
    handle.write("\t".join(COLUMNS) + "\n")
    for row in rows:
        cells = [
            row.name,
            row.type,
            row.code,
            row.sector,
            row.source,
            str(row.seen),
            row.first_date,
            row.last_date,
        ]
        handle.write("\t".join(_clean(c) for c in cells) + "\n")


def _clean(cell: str | None) -> str:
    return re.sub(r"[\t\r\n]+", " ", cell or "")


# -- Phoenix / PETRARCH dictionaries ----------------------------------------------------------


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# CAMEO sector codes: the 3-letter groups after the country in a code like USAGOVAGR.
CAMEO_SECTORS = _word_set(
    "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL LAB LEG HLH REF MOD RAD AGR DEV ENV HRI UAF "
    "ELI SEP INS"
)
# Where CAMEO's sector has a PLOVER/dateline name of its own.
SECTOR_NAMES = {"INS": "REB", "SEP": "REB"}
# Words that make a dictionary name an institution rather than a person.
_INSTITUTION_WORDS = _word_set(
    "ADMINISTRATION AGENCY ALLIANCE ARMY ASSEMBLY ASSOCIATION AUTHORITY BANK BOARD BRIGADE BRIGADES "
    "BUREAU CABINET CELLS CENTER CENTRE CHAMBER COALITION COMMAND COMMISSION COMMITTEE COMPANY CONGRESS "
    "CORPORATION CORPS COUNCIL COURT DEPARTMENT DIRECTORATE FEDERATION FORCE FORCES FOUNDATION FRONT "
    "FUND GOVERNMENT GROUP GUARD GUARDS INSTITUTE LEAGUE MINISTRY MISSION MOVEMENT NATIONS NETWORK "
    "NEWS NUCLEI OFFICE ORGANISATION ORGANIZATION PARLIAMENT PARTY POLICE PRESS PROGRAM PROGRAMME "
    "RADIO REGIME SECRETARIAT SENATE SERVICE SERVICES SCHOOL SOCIETY TIMES TRIBUNAL TV UNION UNIT "
    "UNITS UNIVERSITY"
)
_CODE_RE = re.compile(r"\[([^\]]*)\]")
_PAREN_RE = re.compile(r"\([^)]*\)")


@dataclass
class _Entry:
    names: list[str]
    codes: list[tuple[str, str | None, str | None]]  # (code, from date, to date), dates ISO


def import_phoenix(paths: Iterable[str | os.PathLike[str]], as_of: str | None = None) -> list[ActorRow]:
    """Memory rows from TABARI-format actor dictionaries (Phoenix.*.actors.txt).

    Each entry (a name line, ``+`` synonym lines, ``[CODE dates]`` codes) gives one row per name
    with the entry's chosen code: the one whose date range holds ``as_of`` (ISO date; default:
    now, so an open range such as ``[ISRGOV >090401]`` wins), else the undated one. A 6-letter code splits into country and
    sector (USAGOV -> USA/GOV; IGOUNO -> IGO with no sector; USAGOVAGR -> USA/GOV).
    """
    rows: list[ActorRow] = []
    for path in paths:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        militant = "milnonstate" in Path(path).name.lower()
        for entry in _entries(text):
            rows.extend(_entry_rows(entry, as_of, militant))
    return _merged(rows)


def _merged(rows: list[ActorRow]) -> list[ActorRow]:
    """One row per (name, type, code, sector), its ``seen`` the number of entries that said so."""
    merged: dict[tuple[str, str, str | None, str | None], ActorRow] = {}
    for row in rows:
        key = (row.key, row.type, row.code, row.sector)
        if key in merged:
            merged[key].seen += row.seen
        else:
            merged[key] = row
    return list(merged.values())


def phoenix_files(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The actor files named, or found in named directories (``*.actors.txt``)."""
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        found.extend(sorted(path.glob("*.actors.txt")) if path.is_dir() else [path])
    return found


def _entries(text: str) -> Iterator[_Entry]:
    entry: _Entry | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0]
        if not line.strip():
            continue
        codes = [_code_of(found) for found in _CODE_RE.findall(line)]
        head = _CODE_RE.sub(" ", line).strip()
        if raw[:1] in {" ", "\t"} and not head:
            if entry is not None:  # an indented code line continues the current entry
                entry.codes.extend(c for c in codes if c)
            continue
        if head.startswith("+"):
            if entry is not None:
                entry.names.append(head[1:])
                entry.codes.extend(c for c in codes if c)
            continue
        if entry is not None:
            yield entry
        entry = _Entry([head], [c for c in codes if c]) if head else None
    if entry is not None:
        yield entry


def _code_of(text: str) -> tuple[str, str | None, str | None] | None:
    parts = text.split()
    if not parts or not parts[0].isalpha():
        return None  # "[---]": explicitly no code
    code, restriction = parts[0].upper(), "".join(parts[1:])
    start = end = None
    if restriction.startswith(">"):
        start = _date(restriction[1:])
    elif restriction.startswith("<"):
        end = _date(restriction[1:])
    elif "-" in restriction:
        first, last = restriction.split("-", 1)
        start, end = _date(first), _date(last)
    if restriction and start is None and end is None:
        start = end = "0000-00-00"  # a malformed date: keep the code, as the least recent
    return code, start, end


def _date(text: str) -> str | None:
    """TABARI dates: YYMMDD (YY up to 30 is 20YY) or YYYYMMDD."""
    if not text.isdigit() or len(text) not in {6, 8}:
        return None
    if len(text) == 6:
        text = ("20" if int(text[:2]) <= 30 else "19") + text
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def split_code(code: str) -> tuple[str | None, str | None]:
    """CAMEO code -> (country or IGO/NGO/..., sector): USAGOV -> (USA, GOV), IGOUNOJUDICJ -> (IGO, JUD)."""
    groups = [code[i : i + 3] for i in range(0, len(code), 3)]
    if not groups or groups[0] in CAMEO_SECTORS:
        return None, None  # "[ELI]": a role with no country says nothing we can use
    sector = next((g for g in groups[1:] if g in CAMEO_SECTORS), None)
    return groups[0], SECTOR_NAMES.get(sector or "", sector)


def _chosen_code(codes: list[tuple[str, str | None, str | None]], as_of: str | None) -> str | None:
    """TABARI's rule: the dated code whose range holds the date, else the undated (default) one.

    Without ``as_of`` the date is "now", after every closed range, so an open range (">090401")
    is the current code and the undated one is used once every range has closed; with no undated
    code either, the range that ended last.
    """
    usable = [c for c in codes if split_code(c[0])[0]]
    if not usable:
        return None
    when = as_of or "9999-12-31"
    holding = [c for c in usable if (c[1] or c[2]) and (c[1] or "") <= when <= (c[2] or "9999-12-31")]
    if holding:
        return max(holding, key=lambda c: c[1] or "")[0]
    undated = [code for code, start, end in usable if start is None and end is None]
    if undated:
        return undated[0]
    return max(usable, key=lambda c: (c[2] or "9999-12-31", c[1] or ""))[0]


def _entry_rows(entry: _Entry, as_of: str | None, militant: bool) -> list[ActorRow]:
    chosen = _chosen_code(entry.codes, as_of)
    if chosen is None:
        return []
    country, sector = split_code(chosen)
    names = list(dict.fromkeys(n for n in (_phoenix_name(raw) for raw in entry.names) if n))
    if not names:
        return []
    main_type = _entry_type(names[0], len(chosen), militant)
    rows = []
    for name in names:
        type_ = main_type
        if type_ == "PERSON" and _INSTITUTION_WORDS.intersection(name.upper().split()):
            type_ = "ORG"  # "Bush Administration" among the names of a president
        rows.append(ActorRow(name, type_, country, sector, "imported", 1))
    return rows


def _phoenix_name(raw: str) -> str:
    """ "GEORGE_W._BUSH_" -> "George W. Bush"; "(ETA)" asides go."""
    name = _PAREN_RE.sub(" ", raw.replace("_", " ").replace("+", " "))
    name = " ".join(name.split())
    return name.title() if name.isupper() or name.islower() else name


def _entry_type(name: str, code_length: int, militant: bool) -> str:
    if code_length == 3:
        return "GPE"  # a bare country code: the country's own names ("AFGHANISTAN", "AFGHAN")
    words = name.upper().split()
    if militant or _INSTITUTION_WORDS.intersection(words) or not 2 <= len(words) <= 5:
        return "ORG"
    return "PERSON"
