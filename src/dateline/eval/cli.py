"""``dateline eval``: score dateline against annotated benchmarks.

``dateline eval attributions --gold dev.jsonl`` runs dateline over the text of every gold
article (no publication date given), scores its quotes with :mod:`dateline.eval.attributions`
and prints the scores; ``--json`` keeps them in a file.
"""

from __future__ import annotations

import itertools
import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.columns import Columns
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from dateline.eval.attributions import (
    THRESHOLDS,
    GoldArticle,
    Report,
    load_gold,
    prediction_units,
    score_article,
)
from dateline.eval.events_cli import events as events_command
from dateline.eval.gold import read_gold_or_exit
from dateline.eval.realnews_cli import realnews as realnews_command
from dateline.model import Article, Record

eval_app = typer.Typer(
    help="Score dateline against annotated benchmarks (PolNeAR attributions, PLOVER events, real news).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
)
err = Console(stderr=True)
PROGRESS_BATCH = 8  # articles parsed together in one process
WARM_UP = "Officials in Geneva said on Monday that the talks would resume, according to Reuters."


@eval_app.command("attributions")
def attributions(
    gold: Annotated[
        Path,
        typer.Option(
            "--gold",
            help="PolNeAR-format gold, JSON Lines: {id, text, quotes: [{sources, cue, contents}]}.",
            show_default=False,
        ),
    ],
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Score only the first N articles.")
    ] = None,
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Also write the scores (and words/s) as JSON to this file.")
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Worker processes (spaCy loads once in each).")
    ] = 1,
) -> None:
    """Score dateline's attributions against gold: content and speaker-aware P/R/F1, per kind.

    A prediction matches a gold attribution when its content covers at least 30%, 50% or 80% of
    the gold content (greedy, one to one); its speaker is right when it overlaps a gold source.
    """
    from dateline import pipeline  # loads spaCy: only when scoring

    gold_articles = _read_gold(gold, limit)
    logging.basicConfig(level=logging.ERROR)
    words = sum(len(article.text.split()) for article in gold_articles)

    if workers == 1:  # load spaCy and the gazetteers first, so words/s measures the extraction itself
        next(pipeline.records([Article(id="warm-up", text=WARM_UP)]))
    start = time.perf_counter()
    records = _extract_all(gold_articles, workers)
    seconds = time.perf_counter() - start

    report = Report()
    for gold_article, record in zip(gold_articles, records, strict=True):
        score_article(report, prediction_units(record), gold_article.units)
        for error in record.errors:
            err.print(f"[yellow]warning[/]: {record.id}: {error.message}", highlight=False, soft_wrap=True)
    words_per_second = words / seconds if seconds else 0.0

    print_report(report, Console())
    Console().print(
        f"{report.articles} articles, {words:,} words: extraction took {seconds:.1f} s "
        f"({words_per_second:,.0f} words/s, wall clock, "
        + ("start-up excluded, 1 worker" if workers == 1 else f"start-up included, {workers} workers")
        + f"); {sum(bool(r.errors) for r in records)} with errors",
        highlight=False,
        soft_wrap=True,
    )
    if json_path is not None:
        data = report.to_dict()
        data.update(
            {
                "gold": str(gold),
                "words": words,
                "seconds": seconds,
                "words_per_second": words_per_second,
                "workers": workers,
            }
        )
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _read_gold(path: Path, limit: int | None) -> list[GoldArticle]:
    """The gold articles, or exit 2 with a message that says what is wrong and where PolNeAR belongs."""
    return read_gold_or_exit(
        path,
        lambda p: itertools.islice(load_gold(p), limit),
        "PolNeAR's dev split",
        "polnear/jsonl/dev.jsonl",
    )


def _extract(gold_articles: list[GoldArticle], workers: int) -> Iterator[Record]:
    from dateline import pipeline  # loads spaCy: only when scoring

    articles = [Article(id=g.id, text=g.text) for g in gold_articles]
    if workers > 1:
        yield from pipeline.records_in_pool(articles, workers)
        return
    # In one process, small batches: the progress bar moves as articles finish, not 32 at a time.
    for first in range(0, len(articles), PROGRESS_BATCH):
        yield from pipeline.records_in_pool(articles[first : first + PROGRESS_BATCH], workers)


def _extract_all(gold_articles: list[GoldArticle], workers: int) -> list[Record]:
    if not err.is_terminal:
        return list(_extract(gold_articles, workers))
    records = []
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task("extracting", total=len(gold_articles))
        for record in _extract(gold_articles, workers):
            records.append(record)
            progress.update(task, advance=1, description=f"extracting {record.id[:40]}")
    return records


def print_report(report: Report, console: Console) -> None:
    """One table per coverage threshold (all and quoted attributions), then the per-kind table."""
    data: dict[str, Any] = report.to_dict()
    console.print(
        f"[bold]attributions[/]: {report.articles} articles. A prediction matches a gold attribution when "
        "it covers at least the threshold's share of the gold content; an attribution is a match with "
        "the right speaker; quoted = gold holding a quotation mark against direct and mixed predictions.",
        highlight=False,
    )
    tables = []
    for threshold in THRESHOLDS:
        table = Table("", "all", "quoted", title=f"coverage ≥ {threshold}", title_justify="left")
        every, quoted = data["all"][str(threshold)], data["quoted"][str(threshold)]
        for (name, left), (_, right) in zip(_lines(every), _lines(quoted), strict=True):
            table.add_row(name, left, right)
        tables.append(table)
    console.print(Columns(tables, padding=(0, 2)))
    kinds = Table(
        "kind", "gold", "pred.", "cont. R", "cont. P", "attr. P", "attr. R", "attr. F1",
        title="by kind, coverage ≥ 0.5", title_justify="left",
        caption="recall over gold of the kind, precision over predictions of it; cont. = content, "
        "attr. = attribution (content and speaker right)",
        caption_justify="left",
    )  # fmt: skip
    for kind, counts in data["by_kind"].items():
        attribution = counts["attribution"]
        kinds.add_row(
            kind,
            str(counts["gold"]),
            str(counts["predicted"]),
            f"{counts['content_recall']:.3f}",
            f"{counts['content_precision']:.3f}",
            *(f"{attribution[k]:.3f}" for k in ("p", "r", "f1")),
        )
    console.print(kinds)


def _lines(block: dict[str, Any]) -> list[tuple[str, str]]:
    """The rows of one Report.to_dict() block: counts, content and attribution P/R/F1, speaker accuracy."""
    lines = [(key, str(block[key])) for key in ("gold", "predicted", "matched")]
    for part in ("content", "attribution"):
        lines += [(f"{part} {key.upper()}", f"{block[part][key]:.3f}") for key in ("p", "r", "f1")]
    lines.append(("speaker accuracy", f"{block['speaker_accuracy']:.3f}"))
    return lines


eval_app.command("events")(events_command)
eval_app.command("realnews")(realnews_command)
