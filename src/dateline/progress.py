"""Progress on long work: how many articles of about how many, at what rate, and how long is left.

On a terminal a rich bar; elsewhere (a log file, CI, `nohup`) a plain line every
``PLAIN_EVERY_SECONDS`` so that a long run is never silent. The total is counted before the run
from the inputs (files, lines of JSON Lines files, a feed's entries, an archive's HTML pages; large
and compressed files from a sample scaled by their size: ``dateline.read.count``); a text file
holding several articles makes it an estimate too, which the bar survives.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from dateline.read import directory_files, estimated_articles
from dateline.read.run_folder import is_run_folder, run_articles

PLAIN_EVERY_SECONDS = 10.0


def estimated_total(inputs: Iterable[str]) -> int | None:
    """About how many articles ``inputs`` hold: a file each (the files the readers take from a
    folder), a line each in JSON Lines, an entry each in a feed, an HTML page each in a web archive,
    the articles a ``dateline run`` folder holds; None when an input cannot be counted beforehand
    (stdin, a glob, a path that does not exist)."""
    total = 0
    for spec in inputs:
        path = Path(spec)
        if spec == "-" or not path.exists():
            return None
        if is_run_folder(path):
            total += run_articles(path)
            continue
        files = [path] if path.is_file() else directory_files(path)
        total += sum(estimated_articles(file) for file in files)
    return total


class Reporter:
    """``with Reporter(console, "extracting", total) as report: report.advance(id)``."""

    def __init__(self, console: Console, verb: str, total: int | None, enabled: bool = True) -> None:
        self.console, self.verb, self.total = console, verb, total
        self.enabled = enabled
        self.done = 0
        self.started = self.last_line = time.monotonic()
        self.bar: Progress | None = None
        self.task = TaskID(0)

    def __enter__(self) -> Reporter:
        if self.enabled and self.console.is_terminal:
            self.bar = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                console=self.console, transient=True,
            )  # fmt: skip
            self.bar.__enter__()
            self.task = self.bar.add_task(self.verb, total=self.total, rate="")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)

    def advance(self, item: str = "") -> None:
        self.done += 1
        now = time.monotonic()
        rate = self.done / max(now - self.started, 1e-6)
        if self.bar is not None:
            self.bar.update(
                self.task, advance=1, description=f"{self.verb} {item}".strip(), rate=f"{rate:.1f}/s"
            )
        elif self.enabled and now - self.last_line >= PLAIN_EVERY_SECONDS:
            self.last_line = now
            self.console.print(self.line(rate), highlight=False, soft_wrap=True)

    def line(self, rate: float) -> str:
        """'extracting: 120 of about 900 articles, 4.1/s, about 3 min left'."""
        of = f" of about {self.total:,}" if self.total else ""
        left = ""
        if self.total and rate > 0 and self.done < self.total:
            left = f", about {_duration((self.total - self.done) / rate)} left"
        return f"{self.verb}: {self.done:,}{of} articles, {rate:.1f}/s{left}"


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


__all__ = ["PLAIN_EVERY_SECONDS", "Reporter", "estimated_total"]
