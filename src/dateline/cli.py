"""The ``dateline`` command: extract records, show them in the terminal, summarise a run."""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.actors import code_actors
from dateline.actors_cli import actors_app
from dateline.cli_options import (
    EXIT_CANNOT_RUN,
    BatchSizeOpt,
    DbOpt,
    ExtractMemoryOpt,
    InputsArg,
    MaxBytesOpt,
    MaxCharsOpt,
    MinConfidenceOpt,
    PublishedOpt,
    QuietOpt,
    TimeLimitOpt,
    WorkersOpt,
    all_records,
    check_iso_date,
    document_limits,
    load_memory,
    or_cannot_run,
    read_records,
)
from dateline.confidence import confident_only
from dateline.eval.cli import eval_app
from dateline.model import Record
from dateline.progress import Reporter, estimated_total
from dateline.read import read_inputs
from dateline.read.records import starts_with_record
from dateline.run_cli import run as run_command
from dateline.settings import DEFAULT_LIMITS, DOCUMENT_SECONDS, DocumentLimits

if TYPE_CHECKING:
    from dateline.store import Store

app = typer.Typer(
    help="Turn news reports into attributed records: who said what, who did what to whom, where and when.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
)
app.add_typer(eval_app, name="eval")
app.add_typer(actors_app, name="actors")
app.command(name="run")(run_command)  # on a Dask cluster, into Parquet tables (run_cli.py)
err = Console(stderr=True)
__all__ = ["EXIT_CANNOT_RUN", "app"]  # the exit code a command that cannot run gives, for callers


def _records(
    inputs: list[str], published: str | None, workers: int, limits: DocumentLimits = DEFAULT_LIMITS
) -> Iterator[Record]:
    articles = read_inputs(inputs, published=published, stdin=sys.stdin.buffer, max_bytes=limits.max_bytes)
    from dateline.pipeline import records_in_pool  # loads spaCy: not for --help

    yield from records_in_pool(articles, workers, limits=limits)


@app.command()
def extract(
    inputs: InputsArg,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write JSON Lines here instead of standard output.")
    ] = None,
    published: PublishedOpt = None,
    workers: WorkersOpt = 1,
    quiet: QuietOpt = False,
    memory: ExtractMemoryOpt = None,
    min_confidence: MinConfidenceOpt = None,
    max_bytes: MaxBytesOpt = DocumentLimits.max_bytes,
    max_chars: MaxCharsOpt = DocumentLimits.max_chars,
    time_limit: TimeLimitOpt = DOCUMENT_SECONDS,
) -> None:
    """Extract one JSON record per article (schema dateline/5) as JSON Lines.

    The exit code is 0 when every document was analysed and 1 when any failed; failed documents
    still get a record, with the reason in its "errors" list.
    """
    check_iso_date(published, "--published")
    logging.basicConfig(level=logging.ERROR)
    counts: Counter[str] = Counter()
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
    # Memory only with a file the user asked for: without one, each record depends on its article alone.
    actors = load_memory(memory) if memory is not None else None
    sink: TextIO = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        with Reporter(
            err, "extracting", estimated_total(inputs), enabled=not quiet and output is not None
        ) as progress:
            found = _records(inputs, published, workers, document_limits(max_bytes, max_chars, time_limit))
            for record in code_actors(found, actors):
                if min_confidence is not None:
                    record = confident_only(record, min_confidence)
                sink.write(record.to_json() + "\n")
                counts["articles"] += 1
                counts["failed"] += bool(record.errors and not record.entities and not record.quotes)
                counts["quotes"] += len(record.quotes)
                counts["entities"] += len(record.entities)
                for error in record.errors:
                    err.print(f"[yellow]warning[/]: {record.id}: {error.message}", highlight=False)
                progress.advance(record.id)
        if memory is not None and actors is not None:
            actors.save(memory)
    finally:
        if output:
            sink.close()
    if not quiet:
        where = f" to {output}" if output else ""
        err.print(
            f"{counts['articles']} articles{where}: {counts['quotes']} quotes, {counts['entities']} entities, "
            f"{counts['failed']} failed",
            highlight=False,
        )
    if counts["failed"]:
        raise typer.Exit(code=1)


@app.command()
def show(
    inputs: InputsArg,
    published: PublishedOpt = None,
) -> None:
    """Print each article with speakers, quotes, cues, entities and places highlighted.

    INPUT may also be a JSON Lines file written by 'dateline extract' (records are shown as they are).
    """
    check_iso_date(published, "--published")
    console = Console()
    with or_cannot_run():
        for record in _records_or_extract(inputs, published):
            render_record(record, console)


def _records_or_extract(inputs: list[str], published: str | None) -> Iterator[Record]:
    """Records from files 'extract' wrote, or freshly extracted from articles."""
    for name in inputs:
        path = Path(name)
        if path.suffix in {".jsonl", ".ndjson"} and path.is_file() and starts_with_record(path):
            yield from read_records([path])
        else:
            yield from _records([name], published, 1)


LEGEND = [
    ("speaker", "bold magenta"),
    ("quote", "green"),
    ("cue", "bold yellow"),
    ("entity", "cyan"),
    ("place", "underline blue"),
    ("date", "italic bright_red"),
]
STYLES = dict(LEGEND)


def render_record(record: Record, console: Console) -> None:
    """The article text with every span styled, then tables of what was found."""
    title = record.title or record.id
    console.rule(f"[bold]{title}[/]  [dim]{record.id} {record.published or ''} {record.outlet or ''}[/]")
    if record.errors:
        for error in record.errors:
            console.print(f"[red]error[/] ({error.stage}, {error.code}): {error.message}", highlight=False)
        if not record.text:
            return
    console.print(_highlighted(record))
    console.print(Text.assemble("legend: ", *[(f"{name} ", style) for name, style in LEGEND]))
    _quote_table(record, console)
    _event_table(record, console)
    _entity_table(record, console)
    _place_table(record, console)


def _highlighted(record: Record) -> Text:
    text = Text(record.text)
    # Broad spans first, so narrower ones drawn later stay visible on top.
    for entity in record.entities:
        for span in entity.mentions:
            text.stylize(STYLES["entity"], span.start, span.end)
    for place in record.places:
        for span in place.mentions:
            text.stylize(STYLES["place"], span.start, span.end)
    for date in record.dates:
        text.stylize(STYLES["date"], date.start, date.end)
    for quote in record.quotes:
        for span in quote.content:
            text.stylize(STYLES["quote"], span.start, span.end)
        if quote.cue:
            text.stylize(STYLES["cue"], quote.cue.start, quote.cue.end)
        if quote.speaker:
            text.stylize(STYLES["speaker"], quote.speaker.start, quote.speaker.end)
    return text


def _quote_table(record: Record, console: Console) -> None:
    """One line per quote: speaker (entity), cue, kind, source type, medium, then the content."""
    if not record.quotes:
        return
    names = {e.id: e.name for e in record.entities}
    console.print(Text("quotes", style="bold"))
    for q in record.quotes:
        speaker = "—"
        if q.speaker is not None:
            entity = names.get(q.speaker.entity or "")
            speaker = (
                f'{entity} ("{q.speaker.text}")' if entity and entity != q.speaker.text else q.speaker.text
            )
        facts = ", ".join(
            filter(
                None,
                [q.kind, q.source_type, f"via {q.medium}" if q.medium else None, _confidence(q.confidence)],
            )
        )
        cue = q.cue.text if q.cue else "(continues)"
        content = " … ".join(c.text for c in q.content)
        line = Text.assemble((f"{q.id} ", "dim"), (speaker, STYLES["speaker"]), " ", (cue, STYLES["cue"]))
        line.append(f" [{facts}]: ", style="dim")
        line.append(content, style=STYLES["quote"])
        console.print(line)


def _confidence(value: float | None) -> str | None:
    return None if value is None else f"confidence {value:.2f}"


def _event_table(record: Record, console: Console) -> None:
    """One line per event: type, who to whom, modality and confidence, then the trigger."""
    if not record.events:
        return
    names = {e.id: e.name for e in record.entities}
    console.print(Text("events", style="bold"))
    for v in record.events:
        actors = ", ".join(names.get(i, i) for i in v.actors) or "—"
        recipients = ", ".join(names.get(i, i) for i in v.recipients) or "—"
        implied = f"actors from {v.actors_from}" if v.actors_from else None
        facts = ", ".join(
            filter(
                None, [v.modality, "governed" if v.governed_by else None, implied, _confidence(v.confidence)]
            )
        )
        line = Text.assemble((f"{v.id} ", "dim"), (v.type, "bold"), f" {actors} → {recipients} ")
        line.append(f"[{facts}]: ", style="dim")
        line.append(v.trigger.text, style=STYLES["cue"])
        console.print(line)


def _entity_table(record: Record, console: Console) -> None:
    if not record.entities:
        return
    table = Table("id", "name", "type", "code", "sector", "titles", "mentions", title="entities")
    for e in record.entities:
        mentions = ", ".join(dict.fromkeys(m.text for m in e.mentions))
        table.add_row(e.id, e.name, e.type, e.code or "", e.sector or "", ", ".join(e.titles), mentions)
    console.print(table)


def _place_table(record: Record, console: Console) -> None:
    if not record.places and not record.dates:
        return
    table = Table("id", "place", "feature", "country", "lat, lon", "mentions", title="places")
    for p in record.places:
        where = f"{p.lat:.3f}, {p.lon:.3f}" if p.lat is not None and p.lon is not None else ""
        table.add_row(p.id, p.name, p.feature, p.country or "", where, str(len(p.mentions)))
    if record.places:
        console.print(table)
    if record.dates:
        dates = Table("text", "value", "precision", title="dates")
        for d in record.dates:
            dates.add_row(d.text, d.value or "", d.precision or "")
        console.print(dates)


@app.command()
def summary(
    files: Annotated[
        list[Path],
        typer.Argument(help="JSON Lines files written by 'dateline extract'.", exists=True, dir_okay=False),
    ],
) -> None:
    """A readable summary of extracted records: articles, voices, actors, places and dates."""
    console = Console()
    records = all_records(files)
    failed = [r for r in records if r.errors]
    console.rule("[bold]dateline summary")
    console.print(
        f"{len(records)} articles, {len(failed)} with errors, {sum(len(r.quotes) for r in records)} quotes, "
        f"{sum(len(r.entities) for r in records)} entities, {sum(len(r.places) for r in records)} places",
        highlight=False,
    )
    actors = _actors_across(records)
    _voices_table(records, actors, console)
    _count_table(
        "source types", Counter(q.source_type or "unknown" for r in records for q in r.quotes), console
    )
    _count_table("quote kinds", Counter(q.kind for r in records for q in r.quotes), console)
    actor_counts = Counter(
        label
        for r in records
        for label in {actors[(r.id, e.id)] for e in r.entities if e.type in {"PERSON", "ORG", "GROUP"}}
        if label is not None
    )
    _count_table("actors (articles mentioning them)", actor_counts, console, limit=12)
    places = Counter(f"{p.name} ({p.country or '?'}, {p.feature})" for r in records for p in r.places)
    _count_table("places (articles)", places, console, limit=10)
    for record in failed:
        console.print(f"[red]error[/] {record.id}: {record.errors[0].message}", highlight=False)


def _actors_across(records: list[Record]) -> dict[tuple[str, str], str | None]:
    """(record id, entity id) -> the label of its actor across the records, as the store keys actors:
    accents and punctuation folded, a country one actor whatever it was called, a shorter person name
    joined to the one fuller name these records hold. None for a generic group ("officials")."""
    from dateline.store.rows import entity_key, is_generic
    from dateline.store.text import fuller_forms, last_word

    key_of: dict[tuple[str, str], str | None] = {}
    names: dict[str, Counter[str]] = {}
    codes: dict[str, Counter[str]] = {}
    sectors: dict[str, Counter[str]] = {}
    kinds: dict[str, str] = {}
    for record in records:
        for e in record.entities:
            if is_generic(record, e):
                key_of[(record.id, e.id)] = None
                continue
            key, name, country = entity_key(e)
            key_of[(record.id, e.id)] = key
            names.setdefault(key, Counter())[name] += 1
            codes.setdefault(key, Counter()).update([e.code] if e.code else [])
            sectors.setdefault(key, Counter()).update([e.sector] if e.sector else [])
            kinds[key] = "GPE" if country else e.type
    people: dict[str, dict[str, str | None]] = {}
    for key in names:
        if kinds[key] == "PERSON":
            folded = key.split("-", 1)[1]
            people.setdefault(last_word(folded), {})[folded] = _top(codes[key])
    joined: dict[str, str] = {}
    for group in people.values():
        for folded, code in group.items():
            fuller = fuller_forms(folded, code, {f: c for f, c in group.items() if f != folded})
            if len(fuller) == 1:
                joined[f"person-{folded}"] = f"person-{fuller[0]}"
    labels: dict[str, str] = {}
    for key in names:
        canonical = joined.get(key, key)
        code = _top(codes[canonical] + (codes[key] if canonical != key else Counter()))
        sector = _top(sectors[canonical])
        labels[key] = (
            f"{_top(names[canonical])} ({'/'.join(filter(None, [code, sector])) or kinds[canonical]})"
        )
    return {where: labels[key] if key else None for where, key in key_of.items()}


def _top(counts: Counter[str]) -> str | None:
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counts else None


def _voices_table(records: list[Record], actors: dict[tuple[str, str], str | None], console: Console) -> None:
    """Who is quoted most: each speaker's actor across the records; a speaker with no entity behind
    the words ("I", "it", "who") is "unresolved"; a generic group ("officials") is no speaker to rank."""
    speakers: Counter[str] = Counter()
    for record in records:
        for quote in record.quotes:
            if quote.speaker is None:
                continue
            if not quote.speaker.entity:
                speakers["unresolved"] += 1
                continue
            label = actors.get((record.id, quote.speaker.entity))
            if label is not None:
                speakers[label] += 1
    _count_table("most quoted speakers", speakers, console, limit=12)


def _count_table(title: str, counts: Counter[str], console: Console, limit: int = 20) -> None:
    if not counts:
        return
    table = Table(title, "count", title_justify="left")
    for name, count in counts.most_common(limit):
        table.add_row(name, str(count))
    console.print(table)


@app.command()
def schema() -> None:
    """Print the record schema version this dateline writes."""
    from dateline.model import SCHEMA_VERSION

    typer.echo(json.dumps({"schema": SCHEMA_VERSION}))


def _opened(db: str | None, create: bool) -> Store:
    """The store, or a one-line error and exit code ``EXIT_CANNOT_RUN`` (not a traceback)."""
    from dateline.store import open_store

    # The store says what the user should hear of (a one-time rebuild of an older store's index,
    # a checkpoint that failed) at WARNING, above the ERROR the commands otherwise log at.
    logging.getLogger("dateline.store").setLevel(logging.WARNING)
    with or_cannot_run():
        return open_store(db, create=create)


@app.command()
def serve(
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="The store: SQLite path or URL, or postgresql://... [default: data/dateline.db]"
        ),
    ] = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    expose: Annotated[
        bool,
        typer.Option(
            "--expose",
            help="Allow a --host beyond loopback: anyone who can reach it reads the whole store.",
        ),
    ] = False,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="Another name clients reach the desk by (the machine's name); repeat for more.",
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Server processes (one per core serves most).")
    ] = 1,
) -> None:
    """Serve the analyst's desk: the web UI and the read-only REST API (/api, docs at /docs)."""
    from dateline.web.security import is_loopback
    from dateline.web.server import serve as run_desk

    if not is_loopback(host) and not expose:
        typer.echo(
            f"error: --host {host} listens beyond this machine, and the desk has no login: anyone who "
            "can reach it reads the whole store. Add --expose if that is what you want.",
            err=True,
        )
        raise typer.Exit(2)
    if not is_loopback(host):
        typer.echo(f"warning: the desk is open to every client that can reach {host}:{port}", err=True)
    with or_cannot_run():
        run_desk(db, host, port, echo=typer.echo, hosts=[host, *(allow_host or [])], workers=workers)


@app.command()
def ingest(
    inputs: InputsArg,
    db: DbOpt = None,
    published: PublishedOpt = None,
    workers: WorkersOpt = 1,
    batch_size: BatchSizeOpt = 100,
    quiet: QuietOpt = False,
    memory: ExtractMemoryOpt = None,
    min_confidence: MinConfidenceOpt = None,
    max_bytes: MaxBytesOpt = DocumentLimits.max_bytes,
    max_chars: MaxCharsOpt = DocumentLimits.max_chars,
    time_limit: TimeLimitOpt = DOCUMENT_SECONDS,
) -> None:
    """Extract articles and store them (idempotent: an article already stored is left alone).

    A JSON Lines file written by 'dateline extract', or a folder written by 'dateline run', is stored
    as it is, without parsing again.

    The exit code is 1 when any document failed (its reason goes to the store's errors table), else 0.
    """
    from dateline.store.run import ingest_inputs

    check_iso_date(published, "--published")
    logging.basicConfig(level=logging.ERROR)
    actors = load_memory(memory) if memory is not None else None  # as in extract: only with a file
    store = _opened(db, create=True)
    try:
        with (
            or_cannot_run(),
            Reporter(err, "ingesting", estimated_total(inputs), enabled=not quiet) as progress,
        ):

            def on_item(doc: object, outcome: str) -> None:
                if outcome == "failed" and isinstance(doc, Record):
                    for error in doc.errors:
                        err.print(f"[yellow]warning[/]: {doc.id}: {error.message}", highlight=False)
                progress.advance(getattr(doc, "id", ""))

            report = ingest_inputs(
                store, inputs, published=published, workers=workers, batch_size=batch_size,
                stdin=sys.stdin.buffer, on_item=on_item, memory=actors, memory_file=memory,
                min_confidence=min_confidence, limits=document_limits(max_bytes, max_chars, time_limit),
            )  # fmt: skip
    finally:
        store.close()
    if not quiet:
        err.print(
            f"{report.added} added, {report.unchanged} unchanged, {report.replaced} replaced, "
            f"{report.failed} failed"
            + (
                f", {report.duplicates} near-duplicates linked to their first copy"
                if report.duplicates
                else ""
            ),
            highlight=False,
        )
    if report.failed:
        raise typer.Exit(code=1)


@app.command()
def reextract(
    db: DbOpt = None,
    workers: WorkersOpt = 1,
    batch_size: BatchSizeOpt = 100,
    quiet: QuietOpt = False,
    min_confidence: MinConfidenceOpt = None,
    max_chars: MaxCharsOpt = DocumentLimits.max_chars,
    time_limit: TimeLimitOpt = DOCUMENT_SECONDS,
) -> None:
    """Run this dateline again over every stored article, replacing the records that come out different.

    After an upgrade, this brings a store up to the new pipeline without the original files. An
    article the new pipeline fails on keeps its stored record. Safe to interrupt and run again.
    """
    from dateline.store.run import reextract_store

    logging.basicConfig(level=logging.ERROR)
    store = _opened(db, create=False)
    try:
        with (
            or_cannot_run(),
            Reporter(err, "re-extracting", store.count_articles(), enabled=not quiet) as progress,
        ):
            report = reextract_store(
                store, workers=workers, batch_size=batch_size, min_confidence=min_confidence,
                limits=document_limits(max_chars=max_chars, time_limit=time_limit),
                on_item=lambda doc, _outcome: progress.advance(getattr(doc, "id", "")),
            )  # fmt: skip
    finally:
        store.close()
    if not quiet:
        err.print(
            f"{report.replaced} replaced, {report.unchanged} unchanged, {report.failed} failed",
            highlight=False,
        )
    if report.failed:
        raise typer.Exit(code=1)


@app.command(name="export")
def export_command(
    what: Annotated[str, typer.Argument(help="quotes, events, entities or network.", show_default=False)],
    db: DbOpt = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="csv or jsonl (quotes, events, entities), plover (events), gexf (network)."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here, not to standard output.")
    ] = None,
    main_only: Annotated[
        bool,
        typer.Option(
            "--main-only",
            help="events and network: only each sentence's main events, not those another governs.",
        ),
    ] = False,
    min_confidence: MinConfidenceOpt = None,
) -> None:
    """Export stored quotes, events or entities (CSV, JSON Lines, PLOVER-style JSON) or the actor network (GEXF)."""
    from dateline.export import FORMATS, export

    if what not in FORMATS:
        raise typer.BadParameter(f"{what!r}: choose quotes, events, entities or network", param_hint="WHAT")
    fmt = fmt or FORMATS[what][0]
    if fmt not in FORMATS[what]:
        raise typer.BadParameter(
            f"{what} exports as {' or '.join(FORMATS[what])}, not {fmt!r}", param_hint="--format"
        )
    filters: dict[str, object] = {"main": True} if main_only and what in {"events", "network"} else {}
    if min_confidence is not None and what != "entities":
        filters["min_confidence"] = min_confidence
    store = _opened(db, create=False)
    try:
        if output:
            output.parent.mkdir(parents=True, exist_ok=True)
            with output.open("w", encoding="utf-8", newline="") as sink:
                count = export(store, what, fmt, sink, **filters)
            err.print(f"{count} {what} rows to {output}", highlight=False)
        else:
            export(store, what, fmt, sys.stdout, **filters)
    finally:
        store.close()


if __name__ == "__main__":
    app()
