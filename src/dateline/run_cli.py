"""``dateline run``: extract on a Dask cluster, local or remote, into partitioned Parquet tables.

Dask, distributed and pyarrow are imported inside the command, so ``dateline --help`` stays fast.
"""

from __future__ import annotations

import logging
import math
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import Progress, TaskID

from dateline.cli_options import (
    EXIT_CANNOT_RUN,
    InputsArg,
    MaxBytesOpt,
    MaxCharsOpt,
    MinConfidenceOpt,
    PublishedOpt,
    QuietOpt,
    TimeLimitOpt,
    check_iso_date,
    document_limits,
)
from dateline.progress import PLAIN_EVERY_SECONDS, estimated_total
from dateline.settings import DOCUMENT_SECONDS, DocumentLimits

if TYPE_CHECKING:
    from dateline.distributed import RunReport

err = Console(stderr=True)
DEFAULT_LOCAL_WORKERS = 2

DaskOpt = Annotated[
    str,
    typer.Option(
        "--dask",
        help="The Dask scheduler's address (tcp://HOST:8786), or 'local': a cluster of --workers "
        "processes on this machine, started for the run and closed after it.",
        show_default=False,
    ),
]
OutOpt = Annotated[
    Path,
    typer.Option(
        "--out",
        help="Folder for the Parquet tables, created if need be. With a remote cluster, on storage every "
        "worker reaches at the same path (NFS, a mounted bucket). A re-run into it resumes.",
        file_okay=False,
        show_default=False,
    ),
]
LocalWorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-w",
        min=1,
        help=f"With --dask local: worker processes, one thread each (spaCy loads once in each); "
        f"default {DEFAULT_LOCAL_WORKERS}. A cluster's workers are started with 'dask worker'.",
        show_default=False,
    ),
]
PartitionSizeOpt = Annotated[
    int,
    typer.Option("--partition-size", min=1, help="Articles per partition: one task, and one file per table."),
]


def run(
    inputs: InputsArg,
    dask: DaskOpt,
    out: OutOpt,
    workers: LocalWorkersOpt = None,
    published: PublishedOpt = None,
    partition_size: PartitionSizeOpt = 100,
    quiet: QuietOpt = False,
    min_confidence: MinConfidenceOpt = None,
    max_bytes: MaxBytesOpt = DocumentLimits.max_bytes,
    max_chars: MaxCharsOpt = DocumentLimits.max_chars,
    time_limit: TimeLimitOpt = DOCUMENT_SECONDS,
) -> None:
    """Extract on a Dask cluster into Parquet tables: articles, entities, quotes, events, places,
    dates and errors, one file per partition of the inputs (see docs/distributed.md).

    The records are those 'dateline extract' writes; the articles table holds each whole record as
    JSON, and 'dateline ingest DIR' stores them. Run the same command again after an interruption:
    complete partitions are kept, the rest written. The exit code is 0 when every document was
    analysed, 1 when any failed (its record holds the reason), 3 when the run could not complete.
    """
    from dateline.distributed import LOCAL, RunSettings, dask_client, run_on_cluster
    from dateline.parquet import start_run
    from dateline.read import read_inputs
    from dateline.read.run_folder import RunFolderError

    check_iso_date(published, "--published")
    if workers is not None and dask != LOCAL:
        raise typer.BadParameter(
            "applies to --dask local only: a cluster's workers are started with 'dask worker'",
            param_hint="--workers",
        )
    logging.basicConfig(level=logging.ERROR)
    limits = document_limits(max_bytes, max_chars, time_limit)
    settings = RunSettings(partition_size=partition_size, limits=limits, min_confidence=min_confidence)
    out = out.resolve()  # workers may run elsewhere, in another directory: they need the full path
    try:
        start_run(out, partition_size)  # a folder that cannot be the output is refused before any cluster
    except (RunFolderError, OSError) as exc:
        _cannot_run(str(exc))
    articles = read_inputs(inputs, published=published, stdin=sys.stdin.buffer, max_bytes=limits.max_bytes)
    progress = RunProgress(estimated_total(inputs), partition_size, enabled=not quiet)
    with ExitStack() as stack:
        try:
            client = stack.enter_context(dask_client(dask, workers or DEFAULT_LOCAL_WORKERS))
        except OSError as exc:  # TimeoutError included: no scheduler, or no worker joined it
            _cannot_run(f"cannot use the Dask cluster at {dask}: {exc}")
        with progress:
            try:
                report = run_on_cluster(client, articles, out, settings, progress)
            except (RunFolderError, OSError) as exc:
                _cannot_run(str(exc))
    _finish(report, out, quiet)


def _finish(report: RunReport, out: Path, quiet: bool) -> None:
    if not quiet:
        before = f" ({report.skipped} written before)" if report.skipped else ""
        rate = f"; {report.analysed} analysed, {report.rate():.1f} articles/s" if report.analysed else ""
        err.print(
            f"{report.articles} articles in {report.partitions} partitions{before} to {out}: "
            f"{report.quotes} quotes, {report.entities} entities, {report.failed} failed{rate}",
            highlight=False,
            soft_wrap=True,
        )
    if report.broken:
        for line in report.broken:
            err.print(f"[red]error[/]: {line}", highlight=False)
        _cannot_run(
            f"{len(report.broken)} partitions could not be written; run the same command again to retry "
            "them (the complete ones are kept)"
        )
    if report.failed:
        raise typer.Exit(code=1)


def _cannot_run(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(EXIT_CANNOT_RUN)


class RunProgress:
    """Partitions done of about how many, articles and articles/s: a bar on a terminal, else a plain
    line every ``PLAIN_EVERY_SECONDS``. The documents' errors are printed as extract prints them."""

    def __init__(self, articles: int | None, partition_size: int, enabled: bool = True) -> None:
        self.total = math.ceil(articles / partition_size) if articles else None
        self.enabled = enabled
        self.bar: Progress | None = None
        self.task = TaskID(0)
        self.last_line = time.monotonic()

    def __enter__(self) -> RunProgress:
        if self.enabled and err.is_terminal:
            self.bar = Progress(console=err, transient=True)
            self.bar.__enter__()
            self.task = self.bar.add_task("run", total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)

    def __call__(self, report: RunReport, errors: list[tuple[str, str]]) -> None:
        for article_id, message in errors:
            err.print(f"[yellow]warning[/]: {article_id}: {message}", highlight=False)
        if not self.enabled:
            return
        line = self.line(report)
        if self.bar is not None:
            self.bar.update(self.task, completed=report.done, description=line)
        elif time.monotonic() - self.last_line >= PLAIN_EVERY_SECONDS:
            self.last_line = time.monotonic()
            err.print(line, highlight=False, soft_wrap=True)

    def line(self, report: RunReport) -> str:
        """'run: 12 of about 40 partitions, 1,200 articles, 5.2 articles/s'."""
        of = f" of about {max(self.total, report.partitions):,}" if self.total else ""
        return (
            f"run: {report.done:,}{of} partitions, {report.articles:,} articles, "
            f"{report.rate():.1f} articles/s"
        )
