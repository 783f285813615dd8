"""Workers: how much faster `dateline extract --workers N` is than one worker, in one run (issue 14).

    .venv/bin/python benchmarks/workers.py [--copies 3] [--workers 2]

Builds a corpus from the real-news stories in ../shared/data/realnews (dev and train, each story
``--copies`` times under new ids), then times `dateline extract` over it with one worker and with
``--workers``, alternating the two twice, each as a whole process (start-up included, as a user
sees it), and checks the outputs are byte-identical. Reports the median wall time of each and the
speed-up. Without ../shared it says so and exits 0. Run it on a quiet machine: the ratio of two
runs taken side by side is what it measures, not absolute speed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT.parent / "shared" / "data" / "realnews"
DATELINE = Path(sys.executable).parent / "dateline"


def corpus(target: Path, copies: int) -> tuple[int, int]:
    """Write the stories ``copies`` times (ids made unique) to ``target``; (articles, words)."""
    stories = [
        json.loads(line)
        for name in ("dev.jsonl", "train.jsonl")
        for line in (REALNEWS / name).open(encoding="utf-8")
        if line.strip()
    ]
    with target.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for story in stories:
                out.write(json.dumps({**story, "id": f"{story['id']}~{copy}"}) + "\n")
    return len(stories) * copies, sum(len(s["text"].split()) for s in stories) * copies


def timed(inputs: Path, output: Path, workers: int) -> float:
    start = time.perf_counter()
    subprocess.run(
        [str(DATELINE), "extract", str(inputs), "-q", "-w", str(workers), "-o", str(output)], check=True
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--copies", type=int, default=3, help="times each story is repeated (default 3)")
    parser.add_argument("--workers", type=int, default=2, help="workers to compare with one (default 2)")
    args = parser.parse_args()
    if not (REALNEWS / "dev.jsonl").is_file():
        print(f"skipped: {REALNEWS} not found (../shared beside the checkout).")
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = folder / "corpus.jsonl"
        articles, words = corpus(inputs, args.copies)
        times: dict[int, list[float]] = {1: [], args.workers: []}
        for _ in range(2):
            for workers in times:
                times[workers].append(timed(inputs, folder / f"out-{workers}.jsonl", workers))
        same = (folder / "out-1.jsonl").read_bytes() == (folder / f"out-{args.workers}.jsonl").read_bytes()
    one, many = statistics.median(times[1]), statistics.median(times[args.workers])
    print(f"{articles} articles, {words:,} words")
    print(f"1 worker: {one:.1f} s ({words / one:,.0f} words/s); {args.workers} workers: {many:.1f} s "
          f"({words / many:,.0f} words/s)")  # fmt: skip
    print(f"speed-up {one / many:.2f}x; outputs identical: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
