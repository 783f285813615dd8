"""``dateline eval realnews``: extract the real-news stories and score them with the shared scorer.

The gold (``../shared/data/realnews/dev.gold.jsonl``) and its scorer (``../shared/tools/score_realnews.py``)
are other people's work kept beside the checkout: the scorer is loaded from there at run time, never
copied into dateline. Articles are extracted as ``dateline extract`` does without a memory file (each
one on its own), then scored; the figures are the scorer's own.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from dateline.actors import code_actors
from dateline.eval.attributions import gold_rows
from dateline.eval.gold import SHARED_DATA, read_gold_or_exit
from dateline.model import Record

err = Console(stderr=True)
GOLD_FILE = "realnews/dev.gold.jsonl"
SCORER_FILE = "tools/score_realnews.py"
# The figures issue 12 asks for, and their targets: (section, key, label, target, "min" or "max").
TARGETS: tuple[tuple[str, str, str, float, str], ...] = (
    ("actors", "code_acc", "actor code accuracy", 0.80, "min"),
    ("actors", "sector_acc", "actor sector accuracy", 0.75, "min"),
    ("actors", "splits_per_found", "actor splits per found", 0.05, "max"),
    ("quotes_right_speaker", "F1", "quotes, right speaker F1", 0.78, "min"),
    ("places", "recall", "places recall", 0.92, "min"),
    ("places", "country_acc", "places country accuracy", 0.97, "min"),
)


def realnews(
    gold: Annotated[
        Path,
        typer.Option(
            "--gold",
            help="Real-news gold, JSON Lines (../shared/data/realnews/dev.gold.jsonl).",
            show_default=False,
        ),
    ],
    articles: Annotated[
        Path | None,
        typer.Option(
            "--articles",
            help="The stories, JSON Lines (only those the gold annotates are extracted); default: dev.jsonl beside the gold file.",
        ),
    ] = None,
    scorer: Annotated[
        Path | None,
        typer.Option(
            "--scorer",
            help="score_realnews.py; default: ../tools/score_realnews.py from the gold's data folder, "
            "i.e. ../shared/tools.",
            dir_okay=False,
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the scorer's figures as one line of JSON instead of tables.")
    ] = False,
    misses: Annotated[bool, typer.Option("--misses", help="List every miss on standard error.")] = False,
    facts: Annotated[
        Path | None,
        typer.Option(
            "--facts", help="Write each predicted quote and event, matched or not (the scorer's --facts)."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Also keep the extracted records here (JSON Lines).")
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Worker processes (spaCy loads once in each).")
    ] = 1,
) -> None:
    """Score dateline on whole real-news stories: actors, quotes and speakers, events, places.

    Extracts the stories (each on its own, as `dateline extract` without a memory file does), then
    scores them with the shared score_realnews.py, loaded from ../shared at run time.
    """
    gold_rows = read_gold_or_exit(gold, read_gold, "The real-news dev gold", GOLD_FILE)
    stories = articles if articles is not None else gold.parent / "dev.jsonl"
    if not stories.is_file():
        _fail(
            f"articles file {stories} not found. The real-news stories are expected beside the gold, at "
            f"../shared/data/realnews/dev.jsonl (here: {SHARED_DATA / 'realnews' / 'dev.jsonl'}); pass them with --articles."
        )
    score = load_scorer(scorer, gold)
    logging.basicConfig(level=logging.ERROR)
    start = time.perf_counter()
    records = extract(stories, workers, only={str(row["id"]) for row in gold_rows})
    seconds = time.perf_counter() - start
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")

    found: list[str] = []
    found_facts: list[dict[str, Any]] = []
    figures = score(gold_rows, {r.id: r.to_dict() for r in records}, found, found_facts)
    if facts is not None:
        facts.parent.mkdir(parents=True, exist_ok=True)
        facts.write_text("".join(json.dumps(fact) + "\n" for fact in found_facts), encoding="utf-8")
    if misses:
        for line in found:
            err.print(line, highlight=False, soft_wrap=True, markup=False)
    if as_json:
        print(json.dumps(figures))
        return
    console = Console()
    print_report(figures, console)
    console.print(
        f"{len(records)} stories extracted in {seconds:.1f} s (start-up included); {figures.get('missing', 0)} gold "
        f"stories without a record; scored by {_scorer_path(scorer, gold)}",
        highlight=False,
        soft_wrap=True,
    )


def extract(stories: Path, workers: int = 1, only: set[str] | None = None) -> list[Record]:
    """The records ``dateline extract STORIES`` writes without a memory file; with ``only``, of
    the stories with those ids alone (a gold file may annotate a few stories of a large corpus)."""
    from dateline.pipeline import records_in_pool
    from dateline.read import read_inputs

    articles = read_inputs([str(stories)])
    if only is not None:
        articles = (a for a in articles if a.id in only)
    return list(code_actors(records_in_pool(articles, workers)))


def read_gold(path: Path) -> list[dict[str, Any]]:
    return list(gold_rows(path, _gold_story, "a gold story (an object with an id)"))


def _gold_story(row: Any) -> dict[str, Any]:
    if not isinstance(row, dict) or "id" not in row:
        raise ValueError("no id")
    return row


def _scorer_path(scorer: Path | None, gold: Path) -> Path:
    if scorer is not None:
        return scorer
    beside = gold.resolve().parent.parent.parent / SCORER_FILE  # shared/data/realnews/x -> shared/tools
    return beside if beside.is_file() else SHARED_DATA.parent / SCORER_FILE


def scorer_module(scorer: Path | None, gold: Path) -> ModuleType:
    """The shared scorer ``score_realnews.py`` as a module (its ``score``, ``norm``, ``locate``,
    ``name_match``, ...), loaded from its file."""
    path = _scorer_path(scorer, gold)
    if not path.is_file():
        _fail(
            f"scorer {path} not found. score_realnews.py is expected at ../shared/{SCORER_FILE} beside the "
            f"dateline checkout (here: {SHARED_DATA.parent / SCORER_FILE}); pass it with --scorer."
        )
    spec = importlib.util.spec_from_file_location("score_realnews", path)
    if spec is None or spec.loader is None:
        _fail(f"{path} cannot be loaded as a Python module")
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_scorer(scorer: Path | None, gold: Path) -> Callable[..., dict[str, Any]]:
    """The shared scorer's ``score(gold_rows, preds, misses, facts)``, loaded from its file."""
    path = _scorer_path(scorer, gold)
    function = getattr(scorer_module(scorer, gold), "score", None)
    if not callable(function):
        _fail(f"{path} has no score(gold, predictions, misses, facts) function")
    return function  # type: ignore[no-any-return]


def _fail(message: str) -> NoReturn:
    err.print(f"[red]error[/]: {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=2)


def print_report(figures: dict[str, Any], console: Console) -> None:
    """The scorer's figures as tables: actors, quotes, events, places."""
    actors = figures["actors"]
    table = Table("actors", "", title=f"real news: {figures['articles']} stories", title_justify="left")
    table.add_row("gold actors with a code or sector", str(actors["gold"]))
    for key, label in (
        ("found", "found"),
        ("code_acc", "code accuracy (of found)"),
        ("sector_acc", "sector accuracy (of found)"),
        ("splits_per_found", "splits per found"),
    ):
        table.add_row(label, f"{actors[key]:.3f}")
    console.print(table)
    prf = Table("", "P", "R", "F1", "tp", "pred.", "gold", title="quotes and events", title_justify="left")
    for key, label in (
        ("quotes", "quotes"),
        ("quotes_right_speaker", "quotes, right speaker"),
        ("quoted_right_speaker", "direct and mixed, right speaker"),
        ("events_type", "events: type"),
        ("events_type_actor", "events: type + actor"),
        ("events_full", "events: full (type, actors, recipients)"),
    ):
        block = figures.get(key)
        if block is None:
            continue
        prf.add_row(
            label,
            *(f"{block[k]:.3f}" for k in ("P", "R", "F1")),
            *(str(block[k]) for k in ("tp", "pred", "gold")),
        )
    console.print(prf)
    if figures.get("quotes_unlocated"):
        console.print(f"{figures['quotes_unlocated']} gold quotes not located in the text (not counted)")
    places = figures["places"]
    console.print(
        f"places: recall {places['recall']:.3f}, country accuracy {places['country_acc']:.3f} (of {places['gold']} gold)",
        highlight=False,
    )


def against_targets(figures: dict[str, Any]) -> list[tuple[str, float, str, bool]]:
    """(label, figure, target as text, met) for each of issue 12's targets."""
    rows = []
    for section, key, label, target, sense in TARGETS:
        value = float(figures[section][key])
        met = value >= target if sense == "min" else value <= target
        rows.append((label, value, f"{'≥' if sense == 'min' else '≤'} {target:.2f}", met))
    return rows
