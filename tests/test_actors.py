"""Actor memory: apply, learn, majority, surnames, the TSV file, the Phoenix importer, code_from_name.

Every record and dictionary here is invented; the real Phoenix files are only read, when present.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from dateline.actors import (
    ActorMemory,
    ActorRow,
    code_actors,
    code_from_name,
    code_own_names,
    import_phoenix,
    phoenix_files,
    read_rows,
    remember_across,
    split_code,
    write_rows,
)
from dateline.model import Entity, Record

PHOENIX = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "phoenix-dictionaries"


def entity(id_: str, name: str, type_: str = "PERSON", code: str | None = None, sector: str | None = None,
           titles: list[str] | None = None, by: str | None = "phrase", generic: bool = False) -> Entity:  # fmt: skip
    """An invented entity; a coded one says what coded it (``by``, default a nationality in its phrase)."""
    return Entity(id=id_, name=name, type=type_, code=code, sector=sector, titles=titles or [],
                  coded_by=by if code else None, generic=generic)  # fmt: skip


def record(id_: str, *entities: Entity, published: str | None = "2025-03-12") -> Record:
    return Record(id=id_, source=None, title=None, published=published, outlet=None, url=None, text="",
                  entities=list(entities))  # fmt: skip


def coded(rec: Record) -> list[tuple[str, str | None, str | None]]:
    return [(e.name, e.code, e.sector) for e in rec.entities]


# -- learn and apply ----------------------------------------------------------------------------


def test_learned_full_name_applies_to_a_later_surname() -> None:
    memory = ActorMemory()
    memory.learn(record("a1", entity("E1", "Ada Brenner", code="ISR", sector="GOV")))
    later = record("a2", entity("E1", "Brenner"), entity("E2", "Ada Brenner"))
    memory.apply(later)
    assert coded(later) == [("Brenner", "ISR", "GOV"), ("Ada Brenner", "ISR", "GOV")]


def test_across_articles_within_one_run_in_input_order() -> None:
    first = record("a1", entity("E1", "Ada Brenner", code="ISR", sector="GOV", titles=["Prime Minister"]))
    second = record("a2", entity("E1", "Brenner"))
    before = record("a0", entity("E1", "Brenner"))
    out = list(remember_across([before, first, second], ActorMemory()))
    assert [r.id for r in out] == ["a0", "a1", "a2"]
    assert coded(out[0]) == [("Brenner", None, None)]  # nothing was known yet
    assert coded(out[2]) == [("Brenner", "ISR", "GOV")]


def test_apply_never_overrides_what_the_article_says() -> None:
    memory = ActorMemory([ActorRow("Ada Brenner", "PERSON", "ISR", "GOV", "learned", 9)])
    rec = record(
        "a",
        entity("E1", "Ada Brenner", code="JOR", sector="MIL"),
        entity("E2", "Brenner", sector="LEG"),
    )
    memory.apply(rec)
    assert coded(rec) == [("Ada Brenner", "JOR", "MIL"), ("Brenner", "ISR", "LEG")]


def test_memory_replaces_a_default_sector_when_it_gives_the_code() -> None:
    """CVL for a named person with no role in the article is a default, not a statement; a title's is."""
    memory = ActorMemory([ActorRow("Ada Brenner", "PERSON", "ISR", "GOV", "learned", 2)])
    rec = record(
        "a",
        entity("E1", "Brenner", sector="CVL"),
        entity("E2", "Ada Brenner", sector="CVL", titles=["activist"]),
    )
    memory.apply(rec)
    assert coded(rec) == [("Brenner", "ISR", "GOV"), ("Ada Brenner", "ISR", "CVL")]


def test_memory_sector_is_not_mixed_into_another_country() -> None:
    memory = ActorMemory([ActorRow("Ada Brenner", "PERSON", "ISR", "GOV", "learned", 3)])
    rec = record("a", entity("E1", "Ada Brenner", code="JOR"))
    memory.apply(rec)
    assert coded(rec) == [("Ada Brenner", "JOR", None)]


def test_a_conflicting_code_does_not_overwrite_the_majority() -> None:
    memory = ActorMemory()
    for number, code in enumerate(["ISR", "ISR", "JOR"]):
        memory.learn(record(f"a{number}", entity("E1", "Ada Brenner", code=code, sector="GOV")))
    assert memory.resolve("Brenner", "PERSON") == ("ISR", "GOV")
    assert sorted((r.code, r.seen) for r in memory.rows) == [("ISR", 2), ("JOR", 1)]
    # A tie keeps the older code; only a real majority moves it.
    memory.learn(record("a3", entity("E1", "Ada Brenner", code="JOR", sector="GOV")))
    assert memory.resolve("Ada Brenner", "PERSON") == ("ISR", "GOV")
    memory.learn(record("a4", entity("E1", "Ada Brenner", code="JOR", sector="GOV")))
    assert memory.resolve("Ada Brenner", "PERSON") == ("JOR", "GOV")


def test_an_edited_row_wins_over_counts() -> None:
    memory = ActorMemory(
        [
            ActorRow("Ada Brenner", "PERSON", "JOR", "GOV", "learned", 40),
            ActorRow("Ada Brenner", "PERSON", "ISR", "MIL", "edited", 1),
        ]
    )
    assert memory.resolve("Brenner", "PERSON") == ("ISR", "MIL")


def test_ambiguous_surname_is_not_applied() -> None:
    memory = ActorMemory()
    memory.learn(record("a1", entity("E1", "Ada Brenner", code="ISR", sector="GOV")))
    memory.learn(record("a2", entity("E1", "Tomas Brenner", code="AUT", sector="BUS")))
    rec = record("a3", entity("E1", "Brenner"), entity("E2", "Tomas Brenner"))
    memory.apply(rec)
    assert coded(rec) == [("Brenner", None, None), ("Tomas Brenner", "AUT", "BUS")]


def test_surname_shared_by_one_country_gives_the_code_but_not_a_disputed_sector() -> None:
    memory = ActorMemory(
        [
            ActorRow("Ada Brenner", "PERSON", "ISR", "GOV", "learned", 2),
            ActorRow("Eli Brenner", "PERSON", "ISR", "MIL", "learned", 1),
        ]
    )
    assert memory.resolve("Brenner", "PERSON") == ("ISR", None)


def test_last_tokens_and_titles_find_people() -> None:
    memory = ActorMemory(
        [
            ActorRow("Sami Abu Qarra", "PERSON", "PSE", "REB", "imported", 1),
            ActorRow("President Calder", "PERSON", "USA", "GOV", "imported", 1),
        ]
    )
    assert memory.resolve("Abu Qarra", "PERSON") == ("PSE", "REB")
    assert memory.resolve("Qarra", "PERSON") == ("PSE", "REB")
    assert memory.resolve("Calder", "PERSON", ["President"]) == ("USA", "GOV")
    assert memory.resolve("Sami Abu Qarra", "ORG") == ("PSE", "REB")  # a full name serves any type
    assert memory.resolve("Qarra", "ORG") == (None, None)  # a surname only serves people


def test_learn_skips_descriptions_places_uncoded_and_memory_filled_entities() -> None:
    memory = ActorMemory([ActorRow("Ada Brenner", "PERSON", "ISR", "GOV", "learned", 1)])
    rec = record(
        "a",
        entity("E1", "Egyptian official", code="EGY", sector="GOV"),
        entity("E2", "Vienna", type_="GPE", code="AUT"),
        entity("E3", "Orsund Capital", type_="ORG"),
        entity("E4", "Brenner"),
        entity("E5", "Halvard Front", type_="ORG", code="NOR", sector="REB"),
    )
    list(remember_across([rec], memory))
    assert [(r.name, r.seen) for r in memory.rows] == [("Ada Brenner", 1), ("Halvard Front", 1)]


def test_learning_counts_dates_and_fills_a_missing_sector() -> None:
    memory = ActorMemory()
    memory.learn(record("a1", entity("E1", "Ada Brenner", code="ISR"), published="2025-03-10T08:00:00Z"))
    memory.learn(record("a2", entity("E1", "Ada Brenner", code="ISR", sector="GOV"), published="2025-02-01"))
    memory.learn(record("a3", entity("E1", "Ada Brenner", code="ISR"), published=None))
    [row] = memory.rows
    assert (row.code, row.sector, row.seen, row.first_date, row.last_date) == (
        "ISR", "GOV", 3, "2025-02-01", "2025-03-10",
    )  # fmt: skip


def test_code_from_name_fills_organisations_but_not_people() -> None:
    rec = record(
        "a",
        entity("E1", "Baghdad University Medical School", type_="ORG"),
        entity("E2", "Jordan Vell", type_="PERSON"),
        entity("E3", "Kenyan teachers", type_="GROUP", generic=True),
    )
    code_own_names(rec)
    assert coded(rec) == [
        ("Baghdad University Medical School", "IRQ", None), ("Jordan Vell", None, None), ("Kenyan teachers", None, None),
    ]  # fmt: skip
    assert [e.coded_by for e in rec.entities] == ["name", None, None]


# -- what memory may learn from -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("by", "generic", "learned"),
    [
        ("phrase", False, True),  # "Israeli Prime Minister Ada Brenner"
        ("name", False, True),  # a country in an organisation's own name
        ("context", False, False),  # only the country the article is set in
        ("memory", False, False),  # memory's own fill
        ("knowledge", False, False),  # the shipped knowledge: no need to learn it
        (None, False, False),  # an older record that does not say
        ("phrase", True, False),  # a generic group names no one
    ],
)
def test_memory_learns_only_from_strong_local_evidence(by: str | None, generic: bool, learned: bool) -> None:
    memory = ActorMemory()
    memory.learn(record("a1", entity("E1", "Ada Brenner", code="ISR", sector="GOV", by=by, generic=generic)))
    assert [(r.name, r.code) for r in memory.rows] == ([("Ada Brenner", "ISR")] if learned else [])


def test_older_records_teach_only_when_asked() -> None:
    memory = ActorMemory()
    memory.learn(record("a1", entity("E1", "Ada Brenner", code="ISR", by=None)), unlabelled=True)
    memory.learn(record("a2", entity("E1", "Ada Brenner", code="JOR", by="context")), unlabelled=True)
    assert [(r.name, r.code) for r in memory.rows] == [("Ada Brenner", "ISR")]


def test_a_context_code_does_not_spread_to_later_articles() -> None:
    """A visitor coded by where the article is set is no evidence of nationality: a later article
    about the same person gets nothing from memory, and the stronger evidence still counts."""
    memory = ActorMemory()
    setting = record("a1", entity("E1", "Tomas Calder", code="TUR", by="context"), entity("E2", "women", type_="GROUP", code="RUS", by="phrase", generic=True))  # fmt: skip
    later = record("a2", entity("E1", "Calder"), entity("E2", "women", type_="GROUP"))
    out = list(code_actors([setting, later], memory))
    assert coded(out[1]) == [("Calder", None, None), ("women", None, None)]
    assert memory.rows == []
    memory.learn(record("a3", entity("E1", "Tomas Calder", code="USA", sector="GOV", titles=["President"])))
    assert memory.resolve("Calder", "PERSON") == ("USA", "GOV")


def test_what_memory_fills_is_coded_by_memory_and_not_learned_again() -> None:
    memory = ActorMemory([ActorRow("Ada Brenner", "PERSON", "ISR", "GOV", "learned", 1)])
    rec = record(
        "a",
        entity("E1", "Brenner"),
        entity("E2", "Ada Brenner", code="ISR", by="phrase"),  # the article gave the code; memory the sector
        entity("E3", "women", type_="GROUP", generic=True),
    )
    list(code_actors([rec], memory))
    assert [(e.code, e.sector, e.coded_by) for e in rec.entities] == [
        ("ISR", "GOV", "memory"), ("ISR", "GOV", "phrase"), (None, None, None),
    ]  # fmt: skip
    assert [(r.name, r.seen) for r in memory.rows] == [("Ada Brenner", 1)]  # neither counted again


def test_an_edited_row_wins_over_what_later_articles_teach() -> None:
    memory = ActorMemory([ActorRow("Ada Brenner", "PERSON", "ISR", "MIL", "edited", 1)])
    teaching = [record(f"a{n}", entity("E1", "Ada Brenner", code="JOR", sector="GOV")) for n in range(5)]
    later = record("b", entity("E1", "Brenner"))
    list(code_actors([*teaching, later], memory))
    assert sorted((r.code, r.source, r.seen) for r in memory.rows) == [
        ("ISR", "edited", 1),
        ("JOR", "learned", 5),
    ]
    assert coded(later) == [("Brenner", "ISR", "MIL")]


def test_without_memory_each_record_is_coded_on_its_own() -> None:
    def articles() -> list[Record]:
        return [
            record("a1", entity("E1", "Ada Brenner", code="ISR", sector="GOV")),
            record("a2", entity("E1", "Brenner"), entity("E2", "Tel Aviv University", type_="ORG")),
        ]

    def own_names_coded(records: Iterable[Record]) -> Iterator[Record]:  # as the pipeline leaves them
        for r in records:
            code_own_names(r)
            yield r

    forward = {r.id: r for r in code_actors(own_names_coded(articles()), None)}
    backward = {r.id: r for r in code_actors(own_names_coded(reversed(articles())), None)}
    assert forward == backward
    assert coded(forward["a2"]) == [("Brenner", None, None), ("Tel Aviv University", "ISR", None)]


# -- code_from_name -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Baghdad University Medical School", "IRQ"),
        ("the Israeli military", "ISR"),
        ("Cairo University", "EGY"),
        ("Tel Aviv University", "ISR"),
        ("the Norwegian Nobel Committee", "NOR"),
        ("the Norwegian Refugee Council", "NGO"),  # a known international NGO (guideline)
        ("Bank of Japan", "JPN"),
        ("Independence Party", None),  # a small US town is no country
        ("Union of Concerned Farmers", None),
        ("Orsund Capital", None),
    ],
)
def test_code_from_name(name: str, code: str | None) -> None:
    assert code_from_name(name) == code


# -- the file -----------------------------------------------------------------------------------


def test_tsv_round_trip(tmp_path: Path) -> None:
    rows = [
        ActorRow("Ada Brenner", "PERSON", "ISR", "GOV", "learned", 3, "2025-02-01", "2025-03-10"),
        ActorRow("Halvard Front", "ORG", "NOR", None, "imported", 1),
        ActorRow("Tab\tName", "", "IGO", None, "edited", 2),
    ]
    path = tmp_path / "deep" / "actors.tsv"
    ActorMemory(rows).save(path)
    text = path.read_text(encoding="utf-8")
    assert "name\ttype\tcode\tsector\tsource\tseen\tfirst_date\tlast_date\n" in text
    loaded = ActorMemory.load(path)
    assert [r.name for r in loaded.rows] == ["Ada Brenner", "Halvard Front", "Tab Name"]
    assert loaded.rows[0] == rows[0] and loaded.rows[1] == rows[1]
    assert loaded.resolve("Brenner", "PERSON") == ("ISR", "GOV")
    assert not (tmp_path / "deep" / "actors.tsv.tmp").exists()


def test_a_hand_written_file_with_few_columns_loads_as_edited() -> None:
    text = "# my actors\nname\tcode\tsector\nAda Brenner\tisr\tgov\n\nKeld Marr\tDNK\t\n"
    rows = read_rows(io.StringIO(text))
    assert [(r.name, r.code, r.sector, r.source, r.seen) for r in rows] == [
        ("Ada Brenner", "ISR", "GOV", "edited", 1),
        ("Keld Marr", "DNK", None, "edited", 1),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name\ttype\nAda\tPERSON\n", "lacks code"),
        ("name\tcode\tseen\nAda\tISR\tmany\n", "row 2: seen 'many'"),
        ("name\tcode\tsource\nAda\tISR\tguessed\n", "row 2: source 'guessed'"),
    ],
)
def test_a_malformed_file_says_where(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_rows(io.StringIO(text), "actors.tsv")


def test_load_of_nothing_is_an_empty_memory(tmp_path: Path) -> None:
    assert len(ActorMemory.load(None)) == 0
    assert len(ActorMemory.load(tmp_path / "absent.tsv")) == 0


def test_write_rows_header_is_documented_columns() -> None:
    out = io.StringIO()
    write_rows([], out)
    lines = [line for line in out.getvalue().splitlines() if not line.startswith("#")]
    assert lines == ["name\ttype\tcode\tsector\tsource\tseen\tfirst_date\tlast_date"]


# -- Phoenix importer ---------------------------------------------------------------------------

INVENTED_TABARI = """\
# An invented actors file in the TABARI format.
KARESHIA_  [KRS]
+KARESHIAN_
+REPUBLIC_OF_KARESHIA_

# Presidents
ODO_VANTREL_  # made up
+PRESIDENT_VANTREL_
+VANTREL_ADMINISTRATION
\t[KRSELI 600101-890120]
\t[KRSGOV 890120-930120]
\t[KRSELI]
MIRA_SALO_
+PRIME_MINISTER_SALO
\t[KRSELI 19700101-090401]
\t[KRSGOV >090401]
\t[KRSELI]
TEL_ORAN_\t[IGOUNO 970101-061231] [ELI]# invented
GREY_HARBOUR_FRONT_(GHF)_ [KRSREB] # invented militants
NOBODY_IN_PARTICULAR_ [---]
KESTO_AGRI_BOARD_\t[KRSGOVAGR]
"""


def test_split_code() -> None:
    assert split_code("USAGOV") == ("USA", "GOV")
    assert split_code("IGOUNO") == ("IGO", None)
    assert split_code("IGOUNOJUDICJ") == ("IGO", "JUD")
    assert split_code("USAGOVAGR") == ("USA", "GOV")
    assert split_code("AFGINS") == ("AFG", "REB")
    assert split_code("ELI") == (None, None)
    assert split_code("KRS") == ("KRS", None)


def test_import_invented_tabari_file(tmp_path: Path) -> None:
    path = tmp_path / "Invented.actors.txt"
    path.write_text(INVENTED_TABARI, encoding="utf-8")
    rows = {r.name: r for r in import_phoenix([path])}
    assert (rows["Kareshian"].code, rows["Kareshian"].type) == ("KRS", "GPE")
    # Undated is the default once the dated ranges have closed; an open range is the current code.
    assert (rows["Odo Vantrel"].code, rows["Odo Vantrel"].sector, rows["Odo Vantrel"].type) == (
        "KRS",
        "ELI",
        "PERSON",
    )
    assert (rows["Mira Salo"].code, rows["Mira Salo"].sector) == ("KRS", "GOV")
    assert rows["Prime Minister Salo"].sector == "GOV"
    assert rows["Vantrel Administration"].type == "ORG"
    # A code without a country ("[ELI]") says nothing; the dated IGO code is used.
    assert (rows["Tel Oran"].code, rows["Tel Oran"].sector) == ("IGO", None)
    assert (rows["Grey Harbour Front"].code, rows["Grey Harbour Front"].sector) == ("KRS", "REB")
    assert rows["Kesto Agri Board"].sector == "GOV"
    assert "Nobody In Particular" not in rows
    assert {r.source for r in rows.values()} == {"imported"}


def test_import_as_of_picks_the_code_of_that_date(tmp_path: Path) -> None:
    path = tmp_path / "Invented.actors.txt"
    path.write_text(INVENTED_TABARI, encoding="utf-8")
    rows = {r.name: r for r in import_phoenix([path], as_of="1991-06-01")}
    assert rows["Odo Vantrel"].sector == "GOV"
    assert rows["Mira Salo"].sector == "ELI"
    memory = ActorMemory(rows.values())
    assert memory.resolve("Vantrel", "PERSON", ["President"]) == ("KRS", "GOV")


def test_import_then_apply_uses_synonyms(tmp_path: Path) -> None:
    path = tmp_path / "Invented.actors.txt"
    path.write_text(INVENTED_TABARI, encoding="utf-8")
    memory = ActorMemory(import_phoenix(phoenix_files([tmp_path])))
    rec = record(
        "a", entity("E1", "Salo", titles=["Prime Minister"]), entity("E2", "Grey Harbour Front", "ORG")
    )
    memory.apply(rec)
    assert coded(rec) == [("Salo", "KRS", "GOV"), ("Grey Harbour Front", "KRS", "REB")]


def test_with_imported_replaces_only_imported_rows() -> None:
    memory = ActorMemory(
        [
            ActorRow("Old Import", "", "AAA", None, "imported", 1),
            ActorRow("Ada Brenner", "PERSON", "ISR", "GOV", "learned", 2),
            ActorRow("Keld Marr", "", "DNK", None, "edited", 1),
        ]
    )
    fresh = memory.with_imported([ActorRow("New Import", "", "BBB", None, "imported", 1)])
    assert [r.name for r in fresh.rows] == ["Ada Brenner", "Keld Marr", "New Import"]


def test_real_phoenix_dictionaries_resolve_well_known_actors() -> None:
    if not PHOENIX.is_dir():
        pytest.skip(f"{PHOENIX} is not present: the Phoenix dictionaries are not beside this checkout")
    files = phoenix_files([PHOENIX])
    assert len(files) == 3
    memory = ActorMemory(import_phoenix(files))
    assert len(memory) > 20_000
    assert memory.resolve("Barack Obama", "PERSON")[0] == "USA"
    assert memory.resolve("Bush", "PERSON", ["President"])[0] == "USA"
    assert memory.resolve("Netanyahu", "PERSON") == ("ISR", "GOV")  # the open range [ISRGOV >090401]
    assert memory.resolve("Kofi Annan", "PERSON")[0] == "IGO"
    assert memory.resolve("Hezbollah", "ORG")[0] == "LBN"
    assert memory.resolve("Bush", "PERSON") == (None, None)  # presidents and a Cayman premier share it
