"""``dateline eval events``: score event coding against PLOVER gold-standard records."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dateline.actors import code_actors, import_phoenix, phoenix_files
from dateline.cli_options import load_memory
from dateline.eval.events import EventReport, GoldSentence, load_gold, score_sentence
from dateline.eval.gold import read_gold_or_exit
from dateline.model import Article

err = Console(stderr=True)


def events(
    gold: Annotated[
        Path,
        typer.Option(
            "--gold",
            help="PLOVER gold records, JSON Lines: {id, text, event, actor, recipient}.",
            show_default=False,
        ),
    ],
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Also write the scores as JSON to this file.")
    ] = None,
    memory: Annotated[
        Path | None,
        typer.Option(
            "--memory", help="Actor memory file (TSV) to start from; see `dateline actors`.", dir_okay=False
        ),
    ] = None,
    phoenix: Annotated[
        list[Path] | None,
        typer.Option(
            "--phoenix",
            help="Also import actors from Phoenix/PETRARCH dictionaries (a folder or *.actors.txt files), "
            "e.g. ../shared/data/phoenix-dictionaries.",
        ),
    ] = None,
    show_misses: Annotated[
        bool, typer.Option("--show-misses", help="List the sentences whose gold type was not predicted.")
    ] = False,
) -> None:
    """Score dateline's events: type micro/macro P/R/F1, actor and recipient code-set F1.

    Each gold sentence is one article with no publication date. Negated and hypothetical events
    do not count as predictions of their type.
    """
    from dateline import pipeline  # loads spaCy: only when scoring

    sentences = _read_gold(gold)
    logging.basicConfig(level=logging.ERROR)
    articles = [Article(id=s.id, text=s.text) for s in sentences]
    start = time.perf_counter()
    # Without --memory or --phoenix each sentence is coded on its own, as `dateline extract` does;
    # with them, the sentences are read as one corpus: what one teaches memory serves the next.
    actors = load_memory(memory) if memory is not None or phoenix else None
    if actors is not None and phoenix:
        actors = actors.with_imported(import_phoenix(phoenix_files(phoenix)))
    records = list(code_actors(pipeline.records(articles), actors))
    seconds = time.perf_counter() - start
    report = EventReport()
    for sentence, record in zip(sentences, records, strict=True):
        score_sentence(report, sentence, record)
    print_report(report, Console())
    Console().print(f"{len(sentences)} sentences in {seconds:.1f} s (start-up included)", highlight=False)
    if show_misses:
        for sentence_id, gold_type, predicted in report.errors:
            text = next(s.text for s in sentences if s.id == sentence_id)
            Console().print(
                f"{sentence_id}: gold {gold_type}, predicted {predicted or '-'}: {text}", highlight=False
            )
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(
            json.dumps(report.to_dict() | {"gold": str(gold)}, indent=2) + "\n", encoding="utf-8"
        )


def _read_gold(path: Path) -> list[GoldSentence]:
    return read_gold_or_exit(path, load_gold, "The PLOVER gold set", "plover-gsr/dev.jsonl")


def print_report(report: EventReport, console: Console) -> None:
    data = report.to_dict()
    summary = Table("", "P", "R", "F1", title=f"events: {report.sentences} sentences", title_justify="left")
    micro = data["type_micro"]
    summary.add_row("type (micro)", f"{micro['p']:.3f}", f"{micro['r']:.3f}", f"{micro['f1']:.3f}")
    summary.add_row("type (macro F1)", "", "", f"{data['type_macro_f1']:.3f}")
    every = data["type_micro_all_events"]
    summary.add_row(
        "type (micro), governed events too", f"{every['p']:.3f}", f"{every['r']:.3f}", f"{every['f1']:.3f}"
    )
    for name, key in (("actor codes", "actor_codes"), ("recipient codes", "recipient_codes")):
        block = data[key]
        summary.add_row(name, f"{block['p']:.3f}", f"{block['r']:.3f}", f"{block['f1']:.3f}")
    console.print(summary)
    console.print(
        f"codes scored on the {report.argument_sentences} sentences whose gold type was predicted",
        highlight=False,
    )
    per_type = Table("type", "gold", "predicted", "P", "R", "F1", title="by type", title_justify="left")
    for event_type, block in data["by_type"].items():
        per_type.add_row(
            event_type,
            str(block["tp"] + block["fn"]),
            str(block["tp"] + block["fp"]),
            f"{block['p']:.3f}",
            f"{block['r']:.3f}",
            f"{block['f1']:.3f}",
        )
    console.print(per_type)
