"""``dateline run --dask``: the pipeline on a Dask cluster, partition by partition, into Parquet tables.

The client reads the inputs as ``extract`` does (``read_inputs``, one document at a time) and cuts
them into partitions of ``partition_size`` articles in input order. Each partition is one task: on a
worker, ``pipeline.records`` (the one article -> record function every runner calls; spaCy loads
once per worker process through ``load_nlp``'s cache) turns it into records, which the task writes
as the partition's Parquet files itself (``dateline.parquet``): records never travel back through
the client, only a few counts do. At most ``IN_FLIGHT_PER_WORKER`` partitions per worker thread are
submitted and unfinished at a time, so the client's memory does not grow with the input.

A partition is named by its number and a digest of its articles and of the settings that shape its
records. A re-run skips each partition whose manifest carries the same digest and whose files are
all there, and writes the rest: a run killed at any point (client, workers or machine) and run again
ends with exactly the tables an uninterrupted run writes, no partition lost and none twice.

Records are coded as ``extract`` codes them without a memory file (``actors.code_actors`` with no
memory): each depends on its own article alone, which is what lets partitions run anywhere, in any
order, and the output equal the serial run's.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline import __version__
from dateline.model import SCHEMA_VERSION, Article, Record
from dateline.read.run_folder import partition_name
from dateline.settings import IN_FLIGHT_PER_WORKER, DocumentLimits

if TYPE_CHECKING:
    from distributed import Client, Future

LOCAL = "local"  # --dask local: a LocalCluster on this machine, started and closed by the run
DEFAULT_PARTITION_SIZE = 100
CONNECT_SECONDS = 30.0  # to reach a scheduler
WORKERS_SECONDS = 120.0  # for a scheduler's first worker to join


@dataclass(frozen=True)
class RunSettings:
    """What shapes a partition's records besides its articles; part of every partition's digest."""

    partition_size: int = DEFAULT_PARTITION_SIZE
    limits: DocumentLimits = field(default_factory=DocumentLimits)
    min_confidence: float | None = None


@dataclass
class RunReport:
    """What a run did, over every partition of the inputs (those an earlier run wrote included)."""

    partitions: int = 0
    skipped: int = 0  # partitions an earlier run had written completely, for the same articles
    articles: int = 0
    analysed: int = 0  # articles this run analysed (not in skipped partitions)
    failed: int = 0  # documents that gave no record content, only errors (as extract counts them)
    quotes: int = 0
    entities: int = 0
    written: int = 0  # partitions this run wrote
    broken: list[str] = field(default_factory=list)  # partitions whose task failed, and why
    started: float = field(default_factory=time.monotonic)

    def add(self, manifest: dict[str, Any], skipped: bool) -> None:
        """Count a complete partition: one an earlier run wrote (``skipped``) or this run did."""
        articles = int(manifest.get("articles", 0))
        if skipped:
            self.skipped += 1
        else:
            self.written += 1
            self.analysed += articles
        self.articles += articles
        self.failed += int(manifest.get("failed", 0))
        self.quotes += int(manifest.get("quotes", 0))
        self.entities += int(manifest.get("entities", 0))

    @property
    def done(self) -> int:
        """Partitions complete so far: skipped (written before) or written by this run."""
        return self.skipped + self.written

    def rate(self) -> float:
        """Articles this run analysed per second since it started."""
        return self.analysed / max(time.monotonic() - self.started, 1e-6)

    def summary(self) -> dict[str, Any]:
        return {"articles": self.articles, "failed": self.failed, "quotes": self.quotes,
                "entities": self.entities}  # fmt: skip


Progress = Callable[[RunReport, list[tuple[str, str]]], None]


# ---- on a worker -------------------------------------------------------------------------------


def run_partition(
    out: str, number: int, articles: list[Article], settings: RunSettings, manifest: dict[str, Any]
) -> dict[str, Any]:
    """One task: the partition's records, written as its Parquet files; returns its manifest (counts)
    and the errors of its documents as (id, message), for the client to report."""
    from dateline.actors import code_actors
    from dateline.confidence import confident_only
    from dateline.parquet import write_partition
    from dateline.pipeline import records

    # The documents' warnings go back to the client, which prints them as extract does; on the
    # worker they would land in its log (or, on a LocalCluster, in the client's stderr, even with -q).
    logging.getLogger("dateline").setLevel(logging.ERROR)
    found: list[Record] = []
    for record in code_actors(records(articles, limits=settings.limits), None):
        found.append(
            record if settings.min_confidence is None else confident_only(record, settings.min_confidence)
        )
    counts = _counts(found)
    done = write_partition(Path(out), number, found, {**manifest, **counts})
    errors = [(r.id, error.message) for r in found for error in r.errors]
    return {"manifest": done, "errors": errors}


def _counts(found: list[Record]) -> dict[str, Any]:
    return {
        "articles": len(found),
        "failed": sum(bool(r.errors and not r.entities and not r.quotes) for r in found),
        "quotes": sum(len(r.quotes) for r in found),
        "entities": sum(len(r.entities) for r in found),
        "first": found[0].id if found else None,
        "last": found[-1].id if found else None,
    }


# ---- on the client -----------------------------------------------------------------------------


def partition_digest(articles: list[Article], first_position: int, settings: RunSettings) -> str:
    """What a partition's records depend on: its articles (every field), where it starts in the
    input, the settings, dateline's version and record schema. Equal digests, equal files."""
    digest = hashlib.sha256()
    header = {"dateline": __version__, "schema": SCHEMA_VERSION, "first_position": first_position,
              "settings": asdict(settings)}  # fmt: skip
    digest.update(json.dumps(header, sort_keys=True, default=str).encode())
    for article in articles:
        line = json.dumps(asdict(article), sort_keys=True, ensure_ascii=False)
        digest.update(line.encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()


def run_on_cluster(
    client: Client,
    articles: Iterable[Article],
    out: Path,
    settings: RunSettings,
    progress: Progress | None = None,
) -> RunReport:
    """Run every partition of ``articles`` not already complete in ``out`` on ``client``'s cluster.

    ``progress(report, errors)`` is called as each partition is skipped or done (``errors``: that
    partition's documents' errors as (id, message)). A task that fails (a worker lost again and
    again, an output folder that cannot be written) is listed in ``report.broken`` and the others go
    on; the run is finished (``_SUCCESS``) only when none failed."""
    from distributed import as_completed

    from dateline.parquet import complete_partition, finish_run, start_run

    start_run(out, settings.partition_size)
    report = RunReport()
    pending: as_completed = as_completed()
    numbers: dict[object, int] = {}  # a task's key -> its partition

    def collect(future: Future) -> None:
        number = numbers.pop(future.key)
        errors: list[tuple[str, str]] = []
        try:
            result = future.result()
        except Exception as exc:  # one partition's failure is reported; the others go on
            report.broken.append(f"{partition_name(number)}: {type(exc).__name__}: {exc}")
        else:
            report.add(result["manifest"], skipped=False)
            errors = result["errors"]
        future.release()  # its result is on disk: nothing of it stays in the cluster's memory
        if progress:
            progress(report, errors)

    for number, chunk in enumerate(_chunked(articles, settings.partition_size)):
        report.partitions += 1
        first = number * settings.partition_size
        digest = partition_digest(chunk, first, settings)
        manifest = complete_partition(out, number, digest)
        if manifest is not None:
            report.add(manifest, skipped=True)
            if progress:
                progress(report, [])
            continue
        key = f"dateline-{partition_name(number)}-{uuid.uuid4().hex[:8]}"  # one per submission
        future = client.submit(
            run_partition, str(out), number, chunk, settings, {"digest": digest, "first_position": first},
            key=key, pure=False, retries=1,
        )  # fmt: skip
        numbers[future.key] = number
        pending.add(future)
        while pending.count() >= _capacity(client):  # bounded: read on only when a partition is done
            collect(next(pending))
    for future in pending:
        collect(future)
    if not report.broken:
        finish_run(out, report.partitions, report.summary())
    return report


def _capacity(client: Client) -> int:
    """Partitions in flight: ``IN_FLIGHT_PER_WORKER`` per worker thread, asked of the scheduler each
    time, so that workers joining a running job (a cluster still starting, one scaled up) get work."""
    return max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_WORKER


def _chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@contextmanager
def dask_client(address: str, workers: int = 2) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or with ``address`` "local" of a LocalCluster of
    ``workers`` processes with one thread each (spaCy is not thread-parallel: processes are),
    closed when the block ends. OSError (TimeoutError included) when no scheduler or worker answers."""
    from distributed import Client, LocalCluster

    if address == LOCAL:
        # ":0": the scheduler's web server takes a free port; the default (8787) would clash with any
        # other cluster on the machine. Its scheduler runs in this process: its INFO lines are not
        # for the user (the workers' are silenced by ``silence_logs``).
        logging.getLogger("distributed").setLevel(logging.ERROR)
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
            silence_logs=logging.ERROR,
        )  # fmt: skip
        with cluster, Client(cluster) as client:
            yield client
        return
    with Client(address, timeout=CONNECT_SECONDS) as client:
        client.wait_for_workers(1, timeout=WORKERS_SECONDS)
        yield client
