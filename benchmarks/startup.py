"""Start-up: seconds and peak memory from the command line to the first record (issue 14).

    .venv/bin/python benchmarks/startup.py [--runs 5]

Times, each in ``--runs`` fresh processes (median reported): ``dateline --help``, and ``dateline
extract`` of a one-sentence article naming people and places (so that the gazetteer, spaCy and the
actor tables all load) with a cold cache (an empty ``DATELINE_CACHE_DIR``: the gazetteer is built and
written) and with a warm one (loaded). Reports wall seconds, CPU seconds (user + system, steadier on
a busy machine) and peak RSS of each, against issue 14's goals: the first record within 3 s from a
warm cache, ``--help`` within 1.5 s. The records of the cold and warm runs must be byte-identical.
Figures go to stdout and benchmarks/out/startup.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "out"
DATELINE = Path(sys.executable).parent / "dateline"
SENTENCE = (
    "President Emmanuel Macron said in Cairo on Monday that France would send aid to Gaza, "
    "officials told Reuters.\n"
)
GOALS = {"help": 1.5, "extract_warm": 3.0}


def run(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """One process: its wall seconds, CPU seconds and peak resident memory (MB)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def median_of(samples: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(statistics.median(s[key] for s in samples), 3) for key in samples[0]}


def measure(runs: int, folder: Path) -> dict[str, Any]:
    article, warm_cache = folder / "article.txt", folder / "cache"
    article.write_text(SENTENCE, encoding="utf-8")
    env = {**os.environ, "DATELINE_CACHE_DIR": str(warm_cache)}
    extract = [str(DATELINE), "extract", str(article), "-q", "-o"]
    run([*extract, os.devnull], env)  # fills the warm cache (and Python's own first-run caches), untimed
    samples: dict[str, list[dict[str, float]]] = {"help": [], "extract_cold": [], "extract_warm": []}
    for number in range(runs):
        samples["help"].append(run([str(DATELINE), "--help"], env))
        cold = {**env, "DATELINE_CACHE_DIR": str(folder / f"cold-{number}")}  # empty: built, then written
        samples["extract_cold"].append(run([*extract, str(folder / "cold.jsonl")], cold))
        samples["extract_warm"].append(run([*extract, str(folder / "warm.jsonl")], env))
    same = (folder / "cold.jsonl").read_bytes() == (folder / "warm.jsonl").read_bytes()
    figures: dict[str, Any] = {name: median_of(found) for name, found in samples.items()}
    figures.update(runs=runs, cold_and_warm_records_identical=same, goals_seconds=GOALS)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per command (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures = measure(args.runs, Path(tmp))
    print(f"median of {args.runs} fresh processes each   wall s   CPU s   peak RSS MB   goal")
    for name in ("help", "extract_cold", "extract_warm"):
        row = figures[name]
        goal = GOALS.get(name)
        verdict = "" if goal is None else f"< {goal} s: {'met' if row['wall'] < goal else 'NOT MET'}"
        print(f"{name:<37} {row['wall']:>7.2f} {row['cpu']:>7.2f} {row['rss_mb']:>13.0f}   {verdict}")
    print(f"records identical cold and warm: {'yes' if figures['cold_and_warm_records_identical'] else 'NO'}")
    OUT.mkdir(exist_ok=True)
    (OUT / "startup.json").write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(f"figures in {OUT / 'startup.json'}")


if __name__ == "__main__":
    main()
