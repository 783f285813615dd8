"""What the command-line apps share (``dateline``, ``dateline actors``, ``dateline eval``): options,
checks, exit codes and reading record files. Every CLI module imports from here, never from another
command module, so the commands depend only downward."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dateline.model import Record
from dateline.settings import DocumentLimits

if TYPE_CHECKING:
    from dateline.actors import ActorMemory

# Exit codes: 1 when some documents failed (the run went on), 2 for a bad command line (click),
# 3 when the command could not run at all (a store, URL or connection problem).
EXIT_CANNOT_RUN = 3
MEMORY_ENV = "DATELINE_ACTORS"

InputsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files (.txt, .html, .jsonl, .warc, .rss, .atom, .xml feeds; each also .gz, .bz2 or .zst), "
        "directories (read recursively), glob patterns, or - for stdin.",
        show_default=False,
    ),
]
MinConfidenceOpt = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Keep only quotes and events with a confidence of at least this (0-1); see docs/schema.md.",
    ),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published",
        help="Publication date (YYYY-MM-DD) for articles whose input gives none; relative dates resolve against it.",
    ),
]
DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="The store: a SQLite file path, sqlite:///PATH or postgresql://USER@HOST:PORT/DB. "
        "Default: sqlite:///data/dateline.db.",
    ),
]
WorkersOpt = Annotated[
    int, typer.Option("--workers", "-w", min=1, help="Worker processes (spaCy loads once in each).")
]
BatchSizeOpt = Annotated[int, typer.Option("--batch-size", min=1, help="Articles committed per transaction.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
MaxBytesOpt = Annotated[
    int,
    typer.Option(
        "--max-bytes",
        min=1,
        help="Largest document read, in bytes (a file, a JSON line, an archived page, decompressed); "
        "a larger one gets an error record and the run goes on.",
    ),
]
MaxCharsOpt = Annotated[
    int,
    typer.Option(
        "--max-chars", min=1, help="Longest text parsed, in characters; a longer one gets an error record."
    ),
]
TimeLimitOpt = Annotated[
    float,
    typer.Option(
        "--time-limit",
        min=0.0,
        help="Seconds one document's analysis may take (0: no limit); a slower one gets an error record.",
    ),
]
ExtractMemoryOpt = Annotated[
    Path | None,
    typer.Option(
        "--memory",
        envvar=MEMORY_ENV,
        help=f"Actor memory file (TSV; default ${MEMORY_ENV}): fills actor codes across articles, "
        "learns from this run's strong evidence, and is saved. Without one, each article is coded on its own.",
        dir_okay=False,
    ),
]


def document_limits(
    max_bytes: int = DocumentLimits.max_bytes,
    max_chars: int = DocumentLimits.max_chars,
    time_limit: float = DocumentLimits.seconds or 0.0,
) -> DocumentLimits:
    """The limits a run holds each document to, from the command's options."""
    return DocumentLimits(max_bytes=max_bytes, max_chars=max_chars, seconds=time_limit or None)


def check_iso_date(value: str | None, option: str) -> None:
    """A date option is YYYY-MM-DD or absent; anything else is a usage error naming the option."""
    if value is None:
        return
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date; write it as YYYY-MM-DD", param_hint=option
        ) from None


def load_memory(path: Path | None) -> ActorMemory:
    """The memory at ``path``; a malformed file stops the command with the line at fault."""
    from dateline.actors import ActorMemory

    try:
        return ActorMemory.load(path)
    except (ValueError, UnicodeDecodeError) as error:
        raise typer.BadParameter(str(error), param_hint="--memory") from None


class NotRecords(ValueError):
    """A file meant to hold records that holds none."""


@contextmanager
def or_cannot_run() -> Iterator[None]:
    """Run the block; a store, a records file or a ``dateline run`` folder that cannot be used is one
    line on stderr and exit code ``EXIT_CANNOT_RUN``, never a traceback."""
    from dateline.read.run_folder import RunFolderError
    from dateline.store import StoreError

    try:
        yield
    except (StoreError, NotRecords, RunFolderError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_CANNOT_RUN) from None


def read_records(paths: Iterable[Path]) -> Iterator[Record]:
    """The records of files 'extract' wrote. A line that is no record (a truncated last line, an
    edit gone wrong) is skipped with a warning; a file with no record at all is ``NotRecords``."""
    for path in paths:
        found = bad = 0
        with path.open(encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = Record.from_json(line)
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    bad += 1
                    logging.getLogger(__name__).warning(
                        "%s line %d: not a dateline record (%s); skipped", path, number, exc
                    )
                    continue
                found += 1
                yield record
        if bad and not found:
            raise NotRecords(
                f"{path} holds no dateline record: give JSON Lines written by 'dateline extract'"
            )


def all_records(files: Iterable[Path]) -> list[Record]:
    """Every record of ``files``, or a one-line error and exit code ``EXIT_CANNOT_RUN``."""
    with or_cannot_run():
        return list(read_records(files))
