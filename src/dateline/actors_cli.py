"""``dateline actors``: build, inspect and grow an actor memory file (see docs/actors.md)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dateline.actors import ActorRow, import_phoenix, name_key, phoenix_files
from dateline.cli_options import MEMORY_ENV, all_records, check_iso_date, load_memory

actors_app = typer.Typer(
    help="Actor memory: what the corpus or a dictionary taught about actors, as an editable TSV file.",
    no_args_is_help=True,
)
err = Console(stderr=True)

MemoryOpt = Annotated[
    Path | None,
    typer.Option(
        "--memory",
        "-m",
        envvar=MEMORY_ENV,
        help=f"The actor memory file (TSV); default ${MEMORY_ENV}.",
        dir_okay=False,
    ),
]


def _require(memory: Path | None) -> Path:
    if memory is None:
        raise typer.BadParameter(
            f"give the memory file with --memory FILE or ${MEMORY_ENV}", param_hint="--memory"
        )
    return memory


@actors_app.command("import-phoenix")
def import_phoenix_command(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Phoenix/PETRARCH *.actors.txt files, or directories holding them.", exists=True),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The memory file to write (created or updated).")
    ],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Pick each actor's code valid on this date (YYYY-MM-DD); default: the current one.",
        ),
    ] = None,
) -> None:
    """Import TABARI-format actor dictionaries into a memory file.

    Rows learned or edited in an existing file are kept; its imported rows are replaced.
    """
    check_iso_date(as_of, "--as-of")
    files = phoenix_files(inputs)
    if not files:
        raise typer.BadParameter("no *.actors.txt file found", param_hint="INPUTS")
    started = time.perf_counter()
    rows = import_phoenix(files, as_of=as_of)
    memory = load_memory(output).with_imported(rows)
    memory.save(output)
    seconds = time.perf_counter() - started
    err.print(
        f"{len(rows)} names from {len(files)} files -> {output} ({len(memory)} rows, "
        f"{output.stat().st_size / 1e6:.1f} MB) in {seconds:.1f} s",
        highlight=False,
    )


@actors_app.command()
def show(
    name: Annotated[str | None, typer.Argument(help="Show what memory knows about this name.")] = None,
    memory: MemoryOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Rows to list without NAME.")] = 20,
) -> None:
    """Summarise the memory, or show every row for NAME and what an entity of that name would get."""
    store = load_memory(_require(memory))
    console = Console()
    if name is None:
        counts: dict[str, int] = {}
        for row in store.rows:
            counts[row.source] = counts.get(row.source, 0) + 1
        summary = ", ".join(f"{count} {source}" for source, count in sorted(counts.items()))
        console.print(f"{len(store)} rows ({summary or 'empty'})", highlight=False)
        rows = sorted(store.rows, key=lambda r: -r.seen)[:limit]
        console.print(_table(rows, f"most seen (top {limit})"))
        return
    key = name_key(name)
    rows = [r for r in store.rows if r.key == key or r.key.endswith(" " + key)]
    console.print(_table(rows[:200], f"rows for {name!r}"))
    for type_ in ("PERSON", "ORG", None):
        code, sector = store.resolve(name, type_)
        shown = "/".join(filter(None, [code, sector])) or "nothing"
        console.print(f"an entity {name!r} of type {type_ or 'any'} gets: {shown}", highlight=False)


def _table(rows: list[ActorRow], title: str) -> Table:
    table = Table("name", "type", "code", "sector", "source", "seen", "first", "last", title=title)
    for r in rows:
        table.add_row(
            r.name,
            r.type,
            r.code or "",
            r.sector or "",
            r.source,
            str(r.seen),
            r.first_date or "",
            r.last_date or "",
        )
    return table


@actors_app.command()
def learn(
    files: Annotated[
        list[Path],
        typer.Argument(help="JSON Lines files written by 'dateline extract'.", exists=True, dir_okay=False),
    ],
    memory: MemoryOpt = None,
    older_records: Annotated[
        bool,
        typer.Option(
            "--older-records",
            help="Also learn codes that do not say what gave them (coded_by null: records of schemas "
            "before dateline/3). They may be context guesses or memory's own fills; use with care.",
        ),
    ] = False,
) -> None:
    """Learn actors' codes from extracted records and save them into the memory file.

    Only codes from strong local evidence teach (coded_by "phrase" or "name"; see docs/actors.md).
    """
    path = _require(memory)
    store = load_memory(path)
    before = len(store)
    records = unlabelled = 0
    for record in all_records(files):
        store.learn(record, unlabelled=older_records)
        unlabelled += sum(bool(e.code and e.coded_by is None) for e in record.entities)
        records += 1
    store.save(path)
    err.print(f"{records} records: {len(store) - before} new rows, {len(store)} in {path}", highlight=False)
    if unlabelled and not older_records:
        err.print(
            f"{unlabelled} coded entities do not say what gave their code (older records) and were not "
            "learned; --older-records learns them too",
            highlight=False,
        )
