"""Throughput: dateline words/s over bare spaCy ``nlp.pipe`` words/s, on the same texts, one process.

    .venv/bin/python benchmarks/throughput.py [--rounds 3] [--repeat 2]

Texts: the bundled sample corpus, plus the PolNeAR dev articles when ../shared/data exists
(read there, never copied). Each round times bare parsing and the full dateline pipeline
(parse included) chunk by chunk, alternating, in CPU seconds of this process, so the ratio
of the two holds under changing machine load; the median ratio is the figure to quote.
Process start-up (loading spaCy and the gazetteer) is excluded by a warm-up. Each extraction
stage (entities, attributions, places, dates, events) is also timed inside the dateline runs and
reported as a share of bare parsing time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy

from dateline import pipeline
from dateline.model import Article
from dateline.pipeline import records
from dateline.read import read_inputs
from dateline.settings import SPACY_MODEL

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 8  # articles timed back to back, bare then dateline
STAGES = ("find_entities", "find_attributions", "find_places", "find_dates", "find_events")
stage_seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            stage_seconds[name] += time.process_time() - start

    return run


def time_stages() -> None:
    """Wrap the pipeline's stage functions so that each one's CPU time is summed."""
    for name in STAGES:
        setattr(pipeline, name, timed(name, getattr(pipeline, name)))


POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "jsonl" / "dev.jsonl"


def corpus() -> list[Article]:
    articles = [a for a in read_inputs([str(ROOT / "samples")], published="2025-03-12") if a.text]
    if POLNEAR_DEV.exists():
        with POLNEAR_DEV.open(encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                articles.append(Article(id=item["id"], text=item["text"], published="2016-10-01"))
    else:
        print(f"note: {POLNEAR_DEV} not found; timing the sample corpus only")
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="pass over the corpus this many times per round"
    )
    args = parser.parse_args()

    articles = corpus() * args.repeat
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(SPACY_MODEL)
    list(bare.pipe(texts[:4]))  # warm-up: first calls allocate
    list(records(articles[:4]))
    time_stages()
    total_bare = 0.0

    ratios, bare_rates, dateline_rates = [], [], []
    for round_number in range(1, args.rounds + 1):
        # Bare and dateline alternate chunk by chunk, so a change in machine load hits both alike.
        bare_seconds = dateline_seconds = 0.0
        for first in range(0, len(articles), CHUNK):
            chunk = articles[first : first + CHUNK]
            start = time.process_time()
            for _ in bare.pipe(a.text for a in chunk):
                pass
            bare_seconds += time.process_time() - start
            start = time.process_time()
            for _ in records(chunk):
                pass
            dateline_seconds += time.process_time() - start
        total_bare += bare_seconds
        bare_rate, dateline_rate = words / bare_seconds, words / dateline_seconds
        bare_rates.append(bare_rate)
        dateline_rates.append(dateline_rate)
        ratios.append(dateline_rate / bare_rate)
        print(
            f"round {round_number}: bare spaCy {bare_rate:,.0f} words/s, dateline {dateline_rate:,.0f} words/s, "
            f"ratio {dateline_rate / bare_rate:.3f}"
        )
    ratio = statistics.median(ratios)
    print(
        f"{len(articles)} articles, {words:,} words, CPU seconds of this process. "
        f"median: bare {statistics.median(bare_rates):,.0f} words/s, "
        f"dateline {statistics.median(dateline_rates):,.0f} words/s, "
        f"ratio {ratio:.3f} (dateline costs {1 / ratio - 1:.0%} on top of parsing)"
    )
    shares = ", ".join(f"{name[5:]} {seconds / total_bare:.1%}" for name, seconds in stage_seconds.items())
    print(f"each stage's CPU time as a share of bare parsing, all rounds: {shares}")


if __name__ == "__main__":
    main()
