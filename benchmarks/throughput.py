"""Throughput: dateline words/s over bare spaCy ``nlp.pipe`` words/s, on the same texts, one process.

    .venv/bin/python benchmarks/throughput.py [--rounds 3] [--repeat 2]

Texts: the bundled sample corpus, plus the PolNeAR dev articles when ../shared/data exists
(read there, never copied). Each round times bare parsing and the full dateline pipeline back
to back, so the ratio of the two is measured under the same machine load; the median ratio is
the figure to quote.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import spacy

from dateline.model import Article
from dateline.pipeline import records
from dateline.read import read_inputs
from dateline.settings import SPACY_MODEL

ROOT = Path(__file__).resolve().parent.parent
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

    ratios, bare_rates, dateline_rates = [], [], []
    for round_number in range(1, args.rounds + 1):
        start = time.perf_counter()
        for _ in bare.pipe(texts):
            pass
        bare_rate = words / (time.perf_counter() - start)
        start = time.perf_counter()
        for _ in records(articles):
            pass
        dateline_rate = words / (time.perf_counter() - start)
        bare_rates.append(bare_rate)
        dateline_rates.append(dateline_rate)
        ratios.append(dateline_rate / bare_rate)
        print(
            f"round {round_number}: bare spaCy {bare_rate:,.0f} words/s, dateline {dateline_rate:,.0f} words/s, "
            f"ratio {dateline_rate / bare_rate:.3f}"
        )
    print(
        f"{len(articles)} articles, {words:,} words. median: bare {statistics.median(bare_rates):,.0f} words/s, "
        f"dateline {statistics.median(dateline_rates):,.0f} words/s, "
        f"ratio {statistics.median(ratios):.3f} (overhead {1 / statistics.median(ratios) - 1:.0%} on top of parsing)"
    )


if __name__ == "__main__":
    main()
