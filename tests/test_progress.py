"""Progress on long work: a total counted before the run, a rate and the time left, and plain lines
when stderr is no terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from dateline import progress
from dateline.progress import Reporter, estimated_total


def test_the_total_counts_files_and_json_lines(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("One story.")
    (tmp_path / "a" / "two.html").write_text("<p>Two</p>")
    (tmp_path / "a" / "notes.md").write_text("not read")
    (tmp_path / "many.jsonl").write_text('{"id": "1", "text": "x"}\n\n{"id": "2", "text": "y"}\n')
    assert estimated_total([str(tmp_path / "a"), str(tmp_path / "many.jsonl")]) == 4


@pytest.mark.parametrize("spec", ["-", "missing/*.txt", "no-such-file.txt"])
def test_no_total_when_the_input_cannot_be_counted(spec: str) -> None:
    assert estimated_total([spec]) is None


def test_a_run_off_a_terminal_prints_plain_lines_with_rate_and_time_left(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(progress, "PLAIN_EVERY_SECONDS", 0.0)
    out = io.StringIO()
    console = Console(file=out, force_terminal=False, width=200)
    with Reporter(console, "extracting", total=10) as report:
        for n in range(3):
            report.advance(f"story-{n}")
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[-1].startswith("extracting: 3 of about 10 articles,")
    assert "/s" in lines[-1] and "left" in lines[-1]


def test_quiet_prints_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "PLAIN_EVERY_SECONDS", 0.0)
    out = io.StringIO()
    with Reporter(Console(file=out, force_terminal=False), "ingesting", total=2, enabled=False) as report:
        report.advance("x")
    assert out.getvalue() == ""


def test_the_command_line_starts_without_loading_spacy() -> None:
    """`dateline --help` and argument errors answer at once: spaCy loads only when articles are read."""
    import subprocess
    import sys

    probe = "import sys, dateline.cli; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
