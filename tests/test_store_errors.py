"""Store problems as one line that names the fix, and exit code 3 ("could not run"), never a traceback;
commands that read a store refuse a path that does not exist instead of creating an empty store."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import says
from dateline.cli import EXIT_CANNOT_RUN
from dateline.cli import app as cli
from dateline.store import StoreError, open_store


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_export_from_a_store_that_does_not_exist_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    code, output = run("export", "quotes", "--db", str(missing))
    assert code == EXIT_CANNOT_RUN
    assert says(output, "no store at") and says(output, "dateline ingest")
    assert not missing.exists()


@pytest.mark.parametrize(
    ("make", "hint"),
    [
        (lambda tmp: "mysql://user@host/db", "SQLite"),
        (lambda tmp: str(tmp), "is a folder"),
        (lambda tmp: str(_not_sqlite(tmp)), "not a dateline store"),
        (lambda tmp: "postgresql://nobody@127.0.0.1:1/none", "cannot reach PostgreSQL"),
    ],
)
def test_a_store_problem_is_one_line_with_the_fix(tmp_path: Path, make, hint: str) -> None:  # type: ignore[no-untyped-def]
    code, output = run("export", "quotes", "--db", make(tmp_path))
    assert code == EXIT_CANNOT_RUN
    assert says(output, hint)
    assert "Traceback" not in output and len(output.strip().splitlines()) <= 3


def test_open_store_raises_a_store_error_not_a_driver_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a dateline store"):
        open_store(str(_not_sqlite(tmp_path)))
    with pytest.raises(StoreError, match="no store at"):
        open_store(str(tmp_path / "absent.db"), create=False)


def test_ingest_still_creates_a_new_store(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("The council of Valdoria met on Monday and agreed a budget.")
    code, _ = run("ingest", str(story), "--db", str(tmp_path / "new.db"), "--quiet")
    assert code == 0 and (tmp_path / "new.db").exists()


def _not_sqlite(tmp: Path) -> Path:
    path = tmp / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    return path


def test_a_truncated_last_line_is_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    story = tmp_path / "story.txt"
    story.write_text('The council of Valdoria met on Monday. "We agreed a budget," the mayor said.')
    records = tmp_path / "records.jsonl"
    assert run("extract", str(story), "-o", str(records), "--quiet")[0] == 0
    whole = records.read_text()
    records.write_text(whole + whole[: len(whole) // 2])  # a second record cut short, as by kill -9
    code, output = run("summary", str(records))
    assert code == 0
    assert says(output, "1 articles")
    assert "line 2: not a dateline record" in caplog.text


@pytest.mark.parametrize("command", [["summary"], ["show"], ["actors", "learn", "--memory", "MEMORY"]])
def test_a_file_with_no_record_is_one_line_and_exit_3(tmp_path: Path, command: list[str]) -> None:
    not_records = tmp_path / "notes.jsonl"
    not_records.write_text('{"schema": "dateline/4", "id": "x"\n')
    args = [a.replace("MEMORY", str(tmp_path / "memory.tsv")) for a in command]
    code, output = run(*args, str(not_records))
    assert code == EXIT_CANNOT_RUN, output
    assert says(output, "holds no dateline record") and "Traceback" not in output


def test_a_password_in_the_url_is_never_printed() -> None:
    code, output = run("export", "quotes", "--db", "postgresql://bob:s3cret@127.0.0.1:1/news")
    assert code == EXIT_CANNOT_RUN
    assert "s3cret" not in output and says(output, "bob:***@")
