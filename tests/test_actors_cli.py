"""Actor memory end to end: the real pipeline across two invented articles, and the commands."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from typer.testing import CliRunner

from conftest import says
from dateline.actors import ActorMemory, remember_across
from dateline.cli import app
from dateline.model import Article, Entity, Record
from dateline.pipeline import records

runner = CliRunner()
FIRST = "Israeli Prime Minister Ada Brenner met the envoy in Jerusalem on Monday, officials said."
SECOND = "The government will not change course, Brenner said on Tuesday."
TABARI = "# invented\nODO_VANTREL_\n+PRESIDENT_VANTREL_\n\t[KRSGOV >090401]\n\t[KRSELI]\n"


def _codes(record: Record, name: str) -> tuple[str | None, str | None]:
    [found] = [e for e in record.entities if e.name == name]
    return found.code, found.sector


def test_a_later_article_gets_the_code_an_earlier_one_gave(nlp: Language) -> None:
    articles = [Article("a1", FIRST, published="2025-03-10"), Article("a2", SECOND, published="2025-03-11")]
    plain = list(records(articles))
    assert _codes(plain[1], "Brenner") == (None, None)  # the second article alone names no country
    memory = ActorMemory()
    first, second = remember_across(records(articles), memory)
    assert _codes(first, "Ada Brenner") == ("ISR", "GOV")
    assert _codes(second, "Brenner") == ("ISR", "GOV")
    assert [(r.name, r.seen, r.first_date) for r in memory.rows] == [("Ada Brenner", 1, "2025-03-10")]


def test_extract_with_memory_applies_learns_and_saves(tmp_path: Path, nlp: Language) -> None:
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    memory, out = tmp_path / "actors.tsv", tmp_path / "out.jsonl"
    result = runner.invoke(
        app, ["extract", str(first), str(second), "-q", "-o", str(out), "--memory", str(memory)],
        env={"DATELINE_ACTORS": ""},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    got = {r.id: r for r in (Record.from_json(line) for line in out.read_text().splitlines())}
    assert _codes(got["two"], "Brenner") == ("ISR", "GOV")
    assert ActorMemory.load(memory).resolve("Brenner", "PERSON") == ("ISR", "GOV")

    # The saved memory serves the next run on its own, here through $DATELINE_ACTORS.
    result = runner.invoke(app, ["extract", str(second), "-q"], env={"DATELINE_ACTORS": str(memory)})
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
    coded.entities = [Entity(id="E1", name="Ada Brenner", type="PERSON", code="ISR", sector="GOV")]
    records_file = tmp_path / "records.jsonl"
    records_file.write_text(coded.to_json() + "\n", encoding="utf-8")
    result = runner.invoke(app, ["actors", "learn", str(records_file), "--memory", str(memory)])
    assert result.exit_code == 0, result.output
    # Re-importing replaces the imported rows but keeps what was learned.
    runner.invoke(app, ["actors", "import-phoenix", str(dictionary), "-o", str(memory)])
    sources = sorted(r.source for r in ActorMemory.load(memory).rows)
    assert sources == ["imported", "imported", "learned"]

    result = runner.invoke(app, ["actors", "show", "Brenner", "--memory", str(memory)])
    assert result.exit_code == 0, result.output
    assert "of type PERSON gets: ISR/GOV" in result.stdout
    result = runner.invoke(app, ["actors", "show", "--memory", str(memory)])
    assert "3 rows (2 imported, 1 learned)" in result.stdout


def test_a_malformed_memory_file_is_a_clear_error(tmp_path: Path) -> None:
    memory = tmp_path / "actors.tsv"
    memory.write_text("name\tcode\tseen\nAda Brenner\tISR\tlots\n", encoding="utf-8")
    result = runner.invoke(app, ["actors", "show", "--memory", str(memory)])
    assert result.exit_code == 2
    assert says(result.output, "row 2")


def test_extract_and_ingest_remember_across_a_run_without_a_memory_file(
    tmp_path: Path, nlp: Language
) -> None:
    from dateline.store import open_store

    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    env = {"DATELINE_ACTORS": ""}
    result = runner.invoke(app, ["extract", str(first), str(second), "-q"], env=env)
    assert result.exit_code == 0, result.output
    later = Record.from_json(result.stdout.splitlines()[1])
    assert _codes(later, "Brenner") == ("ISR", "GOV")

    db = tmp_path / "desk.db"
    result = runner.invoke(app, ["ingest", str(first), str(second), "-q", "--db", str(db)], env=env)
    assert result.exit_code == 0, result.output
    store = open_store(str(db))
    try:
        stored = store.article("two")
        assert stored is not None
        [brenner] = [e for e in stored["entities"] if e["name"] == "Brenner"]
        assert (brenner["code"], brenner["sector"]) == ("ISR", "GOV")
    finally:
        store.close()
