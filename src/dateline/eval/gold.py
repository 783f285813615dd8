"""Reading a benchmark's gold file for ``dateline eval``: exit 2 with a useful message, never a traceback."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import typer
from rich.console import Console

T = TypeVar("T")
err = Console(stderr=True)

# Where the shared benchmark data sits: beside the checkout, never inside it.
SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


def read_gold_or_exit(
    path: Path, load: Callable[[Path], Iterable[T]], benchmark: str, shared_file: str
) -> list[T]:
    """The gold items of ``path``; when it is missing, malformed or empty, a message and exit code 2.

    ``benchmark`` names the data set and ``shared_file`` its place under ../shared/data, so that
    the message says where the file is expected.
    """
    if not path.is_file():
        err.print(
            f"[red]error[/]: gold file {path} not found. {benchmark} is expected at ../shared/data/{shared_file} "
            f"beside the dateline checkout (here: {SHARED_DATA / shared_file}); pass it with --gold.",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(code=2)
    try:
        items = list(load(path))
    except (ValueError, UnicodeDecodeError) as exc:  # malformed JSON, missing keys, undecodable bytes
        err.print(f"[red]error[/]: {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(code=2) from None
    if not items:
        err.print(f"[red]error[/]: {path} holds no gold records", highlight=False, soft_wrap=True)
        raise typer.Exit(code=2)
    return items
