"""The command line, end to end: the path `make demo` takes, show, summary and bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
runner = CliRunner()


def demo_commands() -> list[list[str]]:
    """The dateline commands of the Makefile's demo recipe, so this test follows the real demo."""
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    published = re.search(r"DEMO_PUBLISHED := (\S+)", makefile)
    assert published is not None
    commands = []
    for line in recipe.splitlines():
        line = line.strip().replace("$(DEMO_PUBLISHED)", published.group(1))
        if line.startswith("$(BIN)/dateline "):
            commands.append(line.split()[1:])
    return commands


def test_demo_path_extracts_the_sample_corpus_and_summarises_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    commands = demo_commands()
    assert [c[0] for c in commands] == ["extract", "summary"]
    extract, summary = commands
    output = tmp_path / "samples.jsonl"
    extract[extract.index("-o") + 1] = str(output)
    result = runner.invoke(app, extract)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in output.read_text().splitlines()]
    assert len(records) >= 12
    assert all(r["schema"] == "dateline/1" and not r["errors"] for r in records)
    ids = {r["id"] for r in records}
    assert {"karesh-briefs", "karesh-briefs#2", "karesh-briefs#3", "karesh-briefs#4"} <= ids
    speakers = {
        e["name"]
        for r in records
        for q in r["quotes"]
        for e in r["entities"]
        if q["speaker"] and q["speaker"]["entity"] == e["id"]
    }
    assert "Ilse Marrow" in speakers
    summary[-1] = str(output)
    result = runner.invoke(app, summary)
    assert result.exit_code == 0, result.output
    assert f"{len(records)} articles, 0 with errors" in result.output
    assert "most quoted speakers" in result.output


def test_extract_to_stdout_reads_stdin() -> None:
    text = 'Minister Ana Velt said on Monday that the port would reopen.\n"It is safe now," Velt said.\n'
    result = runner.invoke(app, ["extract", "-", "--published", "2025-03-12", "-q"], input=text)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["id"] == "stdin"
    assert record["text"].strip() == text.strip()
    assert any(d["value"] == "2025-03-10" for d in record["dates"])


def test_bad_input_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-empty.txt").write_text("")
    (folder / "b-binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (folder / "c-latin1.txt").write_bytes(
        "Caf\xe9 owners protested in the capital on Monday.".encode("latin-1")
    )
    (folder / "d-page.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "e-good.txt").write_text(
        "Officials said on Monday that the talks in Vienna would resume next week.\n"
    )
    output = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(folder), "-o", str(output), "--published", "2025-03-12"])
    assert result.exit_code == 1, "a failed document makes the exit code 1"
    records = {r["id"]: r for r in map(json.loads, output.read_text().splitlines())}
    assert [records[k]["errors"][0]["code"] for k in ("a-empty", "b-binary", "c-latin1", "d-page")] == [
        "empty", "binary", "undecodable", "no_article",
    ]  # fmt: skip
    assert records["e-good"]["errors"] == [] and records["e-good"]["quotes"]
    assert "4 failed" in result.output


def test_bad_published_date_says_how_to_write_it() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLES), "--published", "last tuesday"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_show_highlights_an_article(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text('Port Reopens\nHarbour master Lena Dorsk said on Monday, "The port is open again."\n')
    result = runner.invoke(app, ["show", str(story), "--published", "2025-03-12"])
    assert result.exit_code == 0, result.output
    assert "Lena Dorsk" in result.output and "The port is open again." in result.output
    assert "legend" in result.output


def test_every_command_has_help() -> None:
    for command in ([], ["extract"], ["show"], ["summary"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output
