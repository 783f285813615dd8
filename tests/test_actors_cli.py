"""Actor memory end to end: the real pipeline over invented articles, and the commands.

Memory applies only with a file the user names; without one each article is coded on its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from conftest import says
from dateline.actors import LEARNED_EVIDENCE, ActorMemory, code_actors, is_named, remember_across
from dateline.cli import app
from dateline.model import Article, Entity, Record
from dateline.pipeline import records

runner = CliRunner()
FIRST = "Israeli Prime Minister Ada Brenner met the envoy in Jerusalem on Monday, officials said."
SECOND = "The government will not change course, Brenner said on Tuesday."
# An organisation coded by its own name (strong evidence), a visitor and a generic group (neither is).
THIRD = (
    "The Kenya Wildlife Service said on Monday that rangers had found the herd near Nairobi. "
    "Tomas Calder, a visiting scientist, said the herd was safe. Women in the village said they were relieved."
)
TABARI = "# invented\nODO_VANTREL_\n+PRESIDENT_VANTREL_\n\t[KRSGOV >090401]\n\t[KRSELI]\n"
EDITED = "name\ttype\tcode\tsector\tsource\nAda Brenner\tPERSON\tISR\tGOV\tedited\n"


def _codes(record: Record, name: str) -> tuple[str | None, str | None]:
    [found] = [e for e in record.entities if e.name == name]
    return found.code, found.sector


def _teaching(records: list[Record]) -> set[tuple[str, str | None]]:
    """(name, code) of the named actors whose code is strong local evidence: what memory may learn."""
    actors = {"PERSON", "ORG", "GROUP", "NORP"}
    return {
        (e.name, e.code)
        for r in records
        for e in r.entities
        if e.coded_by in LEARNED_EVIDENCE and not e.generic and e.type in actors and is_named(e)
    }


def _files(folder: Path, *texts: str) -> list[str]:
    names = ["one", "two", "three"]
    paths = []
    for name, text in zip(names, texts, strict=False):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_a_later_article_gets_the_code_an_earlier_one_gave_with_a_memory(nlp: Language) -> None:
    articles = [Article("a1", FIRST, published="2025-03-10"), Article("a2", SECOND, published="2025-03-11")]
    plain = list(code_actors(records(articles)))
    assert _codes(plain[1], "Brenner")[0] is None  # the second article alone names no country
    [brenner] = [e for e in plain[0].entities if e.name == "Ada Brenner"]
    if brenner.coded_by not in LEARNED_EVIDENCE:
        pytest.skip(
            f"the entity stage gives 'Israeli Prime Minister Ada Brenner' coded_by={brenner.coded_by!r}"
        )
    memory = ActorMemory()
    first, second = remember_across(records(articles), memory)
    assert _codes(first, "Ada Brenner") == ("ISR", "GOV")
    assert _codes(second, "Brenner") == ("ISR", "GOV")
    assert [e.coded_by for e in second.entities if e.name == "Brenner"] == ["memory"]
    assert [(r.name, r.seen, r.first_date) for r in memory.rows] == [("Ada Brenner", 1, "2025-03-10")]


def test_extract_with_memory_applies_learns_and_saves(tmp_path: Path, nlp: Language) -> None:
    second, third = _files(tmp_path, SECOND, THIRD)
    memory, out = tmp_path / "actors.tsv", tmp_path / "out.jsonl"
    memory.write_text(EDITED, encoding="utf-8")
    result = runner.invoke(
        app,
        ["extract", second, third, "-q", "-o", str(out), "--memory", str(memory)],
        env={"DATELINE_ACTORS": ""},
    )
    assert result.exit_code == 0, result.output
    got = {r.id: r for r in (Record.from_json(line) for line in out.read_text().splitlines())}
    assert _codes(got["one"], "Brenner") == ("ISR", "GOV")
    assert [e.coded_by for e in got["one"].entities if e.name == "Brenner"] == ["memory"]
    saved = ActorMemory.load(memory)
    learned = {(r.name, r.code) for r in saved.rows if r.source == "learned"}
    assert ("Kenya Wildlife Service", "KEN") in learned  # a country in its own name teaches
    assert learned == _teaching(list(got.values()))  # and only such evidence: no visitor, no "Women"
    assert saved.resolve("Brenner", "PERSON") == ("ISR", "GOV")

    # The saved memory serves the next run on its own, here through $DATELINE_ACTORS.
    result = runner.invoke(app, ["extract", second, "-q"], env={"DATELINE_ACTORS": str(memory)})
    assert result.exit_code == 0, result.output
    assert _codes(Record.from_json(result.stdout.splitlines()[0]), "Brenner") == ("ISR", "GOV")


def test_import_show_and_learn_commands(tmp_path: Path) -> None:
    dictionary = tmp_path / "dicts" / "Invented.actors.txt"
    dictionary.parent.mkdir()
    dictionary.write_text(TABARI, encoding="utf-8")
    memory = tmp_path / "actors.tsv"
    result = runner.invoke(app, ["actors", "import-phoenix", str(dictionary.parent), "-o", str(memory)])
    assert result.exit_code == 0, result.output
    assert ActorMemory.load(memory).resolve("Vantrel", "PERSON", ["President"]) == ("KRS", "GOV")

    coded = Record(id="r", source=None, title=None, published="2025-03-01", outlet=None, url=None, text="")
    coded.entities = [
        Entity(id="E1", name="Ada Brenner", type="PERSON", code="ISR", sector="GOV", coded_by="phrase"),
        Entity(id="E2", name="Tomas Calder", type="PERSON", code="TUR", coded_by="context"),
        Entity(id="E3", name="Lena Orr", type="PERSON", code="NOR", sector="GOV"),  # an older record's code
    ]
    records_file = tmp_path / "records.jsonl"
    records_file.write_text(coded.to_json() + "\n", encoding="utf-8")
    result = runner.invoke(app, ["actors", "learn", str(records_file), "--memory", str(memory)])
    assert result.exit_code == 0, result.output
    assert says(result.output, "1 coded entities do not say what gave their code")
    assert {r.name for r in ActorMemory.load(memory).rows if r.source == "learned"} == {"Ada Brenner"}
    # Re-importing replaces the imported rows but keeps what was learned.
    runner.invoke(app, ["actors", "import-phoenix", str(dictionary), "-o", str(memory)])
    sources = sorted(r.source for r in ActorMemory.load(memory).rows)
    assert sources == ["imported", "imported", "learned"]

    result = runner.invoke(app, ["actors", "show", "Brenner", "--memory", str(memory)])
    assert result.exit_code == 0, result.output
    assert "of type PERSON gets: ISR/GOV" in result.stdout
    result = runner.invoke(app, ["actors", "show", "--memory", str(memory)])
    assert "3 rows (2 imported, 1 learned)" in result.stdout

    # Asked for explicitly, codes of older records are learned too; a context guess never is.
    result = runner.invoke(
        app, ["actors", "learn", str(records_file), "--memory", str(memory), "--older-records"]
    )
    assert result.exit_code == 0, result.output
    learned = {(r.name, r.seen) for r in ActorMemory.load(memory).rows if r.source == "learned"}
    assert learned == {("Ada Brenner", 2), ("Lena Orr", 1)}


def test_a_malformed_memory_file_is_a_clear_error(tmp_path: Path) -> None:
    memory = tmp_path / "actors.tsv"
    memory.write_text("name\tcode\tseen\nAda Brenner\tISR\tlots\n", encoding="utf-8")
    result = runner.invoke(app, ["actors", "show", "--memory", str(memory)])
    assert result.exit_code == 2
    assert says(result.output, "row 2")


def test_extract_and_ingest_code_each_article_alone_without_a_memory_file(
    tmp_path: Path, nlp: Language
) -> None:
    """What the first article says about Ada Brenner does not reach the second without a memory file."""
    from dateline.store import open_store

    first, second = _files(tmp_path, FIRST, SECOND)
    env = {"DATELINE_ACTORS": ""}
    result = runner.invoke(app, ["extract", first, second, "-q"], env=env)
    assert result.exit_code == 0, result.output
    together = Record.from_json(result.stdout.splitlines()[1])
    assert _codes(together, "Brenner") != ("ISR", "GOV")
    assert [e.coded_by for e in together.entities if e.name == "Brenner"] == [None]
    alone = runner.invoke(app, ["extract", second, "-q"], env=env)
    assert Record.from_json(alone.stdout.splitlines()[0]) == together

    db = tmp_path / "desk.db"
    result = runner.invoke(app, ["ingest", first, second, "-q", "--db", str(db)], env=env)
    assert result.exit_code == 0, result.output
    store = open_store(str(db))
    try:
        stored = store.article("two")
        assert stored is not None
        [brenner] = [e for e in stored["entities"] if e["name"] == "Brenner"]
        assert (brenner["code"], brenner["coded_by"]) == (None, None)
        assert brenner["sector"] != "GOV"
    finally:
        store.close()


def test_ingest_with_memory_applies_it_and_saves_what_it_learned(tmp_path: Path, nlp: Language) -> None:
    from dateline.store import open_store

    second, third = _files(tmp_path, SECOND, THIRD)
    memory, db = tmp_path / "actors.tsv", tmp_path / "desk.db"
    memory.write_text(EDITED, encoding="utf-8")
    result = runner.invoke(
        app, ["ingest", second, third, "-q", "--db", str(db), "--memory", str(memory), "--batch-size", "1"],
        env={"DATELINE_ACTORS": ""},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    store = open_store(str(db))
    try:
        stored = store.article("one")
        assert stored is not None
        [brenner] = [e for e in stored["entities"] if e["name"] == "Brenner"]
        assert (brenner["code"], brenner["sector"], brenner["coded_by"]) == ("ISR", "GOV", "memory")
    finally:
        store.close()
    learned = {r.name for r in ActorMemory.load(memory).rows if r.source == "learned"}
    assert "Kenya Wildlife Service" in learned
    assert not learned & {"Tomas Calder", "Women", "Nairobi"}
