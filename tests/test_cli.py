"""The command line, end to end: the path `make demo` takes, extract, show, summary and bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from conftest import says
from dateline.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
runner = CliRunner()


def recipe(target: str) -> tuple[str, list[list[str]]]:
    """A Makefile target's prerequisites and the dateline commands of its recipe, so tests follow the real demo."""
    makefile = (ROOT / "Makefile").read_text()
    head, body = makefile.split(f"\n{target}:", 1)[1].split("\n", 1)
    variables = dict(re.findall(r"^(\w+) := (\S+)$", makefile, flags=re.M))
    commands = []
    for line in body.split("\n\n", 1)[0].splitlines():
        line = line.strip()
        for _ in range(3):  # $(BIN) is $(VENV)/bin: expand variables within variables
            line = re.sub(r"\$\((\w+)\)", lambda m: variables.get(m.group(1), m.group(0)), line)
        if line.startswith(".venv/bin/dateline "):
            commands.append(line.split()[1:])
    return head.split("##")[0].strip(), commands


def test_demo_ingests_the_sample_corpus_then_serves_it_on_loopback(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    needs, serve = recipe("demo")
    assert "demo-data" in needs.split()
    assert [c[0] for c in serve] == ["serve"]
    assert serve[0][serve[0].index("--host") + 1] == "127.0.0.1"
    _, commands = recipe("demo-data")
    assert [c[0] for c in commands] == ["ingest"]
    ingest = commands[0]
    assert ingest[ingest.index("--db") + 1] == serve[0][serve[0].index("--db") + 1] == "data/dateline.db"
    db = tmp_path / "demo.db"
    ingest[ingest.index("--db") + 1] = str(db)
    result = runner.invoke(app, ingest)
    assert result.exit_code == 0, result.output
    assert "0 failed" in result.output

    from dateline.store import open_store

    store = open_store(str(db))
    try:
        articles = store.articles(limit=100)["items"]
        assert len(articles) >= 12
        assert {"karesh-briefs", "karesh-briefs#2", "karesh-briefs#3", "karesh-briefs#4"} <= {
            a["id"] for a in articles
        }
        assert store.errors()["items"] == []
        speakers = {q["speaker_name"] for q in store.quotes(limit=500)["items"]}
        assert "Ilse Marrow" in speakers
    finally:
        store.close()


def test_extract_then_summary(tmp_path: Path) -> None:
    output = tmp_path / "karesh.jsonl"
    result = runner.invoke(
        app,
        [
            "extract",
            str(SAMPLES / "wire" / "karesh-briefs.txt"),
            "--published",
            "2025-03-12",
            "-o",
            str(output),
        ],
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in output.read_text().splitlines()]
    assert [r["id"] for r in records] == [
        "karesh-briefs",
        "karesh-briefs#2",
        "karesh-briefs#3",
        "karesh-briefs#4",
    ]
    assert all(r["schema"] == "dateline/5" and not r["errors"] for r in records)
    result = runner.invoke(app, ["summary", str(output)])
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
    assert says(result.output, "YYYY-MM-DD")


def test_show_highlights_an_article(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text('Port Reopens\nHarbour master Lena Dorsk said on Monday, "The port is open again."\n')
    result = runner.invoke(app, ["show", str(story), "--published", "2025-03-12"])
    assert result.exit_code == 0, result.output
    assert "Lena Dorsk" in result.output and "The port is open again." in result.output
    assert "legend" in result.output


def test_every_command_has_help() -> None:
    for command in ([], ["extract"], ["show"], ["summary"], ["serve"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_summary_counts_one_actor_per_real_actor_and_no_pronoun(tmp_path: Path) -> None:
    from store_records import across_articles

    path = tmp_path / "records.jsonl"
    path.write_text("".join(r.to_json() + "\n" for r in across_articles()), encoding="utf-8")
    result = runner.invoke(app, ["summary", str(path)])
    assert result.exit_code == 0, result.output
    voices = result.output.split("most quoted speakers", 1)[1].split("source types", 1)[0]
    assert "unresolved" in voices and "Nadim al-Qirsan" in voices
    assert not re.search(r"│ (I|she) ", voices)
    actors = result.output.split("actors (articles", 1)[1].split("places", 1)[0]
    assert re.search(r"Seren Balkır Özdal \(VAL/GOV\)\s*│ 2", actors)
    assert "Ozdal (" not in actors and "women" not in actors and "Protesters" not in actors


def test_python_dash_m_dateline_runs_the_same_command_line(tmp_path: Path) -> None:
    """``python -m dateline`` works where the ``dateline`` script is not on the PATH."""
    story = tmp_path / "story.txt"
    story.write_text("Marovia accused Kessaria of shelling the border town on Monday.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "dateline", "extract", str(story)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout.splitlines()[0])
    assert [e["type"] for e in record["events"]] == ["ACCUSE", "ASSAULT"]
