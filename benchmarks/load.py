"""Load on the desk: 50 concurrent clients on loopback while an ingest writes to the same store (issue 15).

    .venv/bin/python benchmarks/load.py [--clients 50] [--seconds 30] [--quotes 20000] [--think 1.0]
                                        [--server-workers 1]

Builds a SQLite store with the sample corpus (``samples/``) and ``--quotes`` synthetic quotes
(benchmarks/make_synthetic_quotes.py, bulk-loaded as benchmarks/store_latency.py does), serves it with
``dateline serve`` on 127.0.0.1, starts ``dateline ingest`` of the real-news stories and PolNeAR's train
articles (../shared/data; else the samples again) into the same store, stopped when the clients end, and
runs ``--clients`` concurrent clients for ``--seconds``: each, in turn, searches (words common and
rare), opens an article page, an actor page and the quote list through the desk and the API, reading
each answer for ``--think`` seconds on average (uniformly 0.5 to 1.5 times it, as a person at a desk
does; 0 sends the next request at once, which measures saturation, not people). Reports
requests, errors (any status other than 200, and failed connections), and latency p50/p99 overall
and per kind. Goal: zero errors, p99 under 500 ms on a 2-core machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dateline.store import open_store  # noqa: E402
from make_synthetic_quotes import synthetic_records  # noqa: E402
from store_latency import load_sqlite  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
REALNEWS = ROOT.parent / "shared" / "data" / "realnews"
POLNEAR_TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "jsonl" / "train.jsonl"
WORDS = ["ceasefire", "minister", "talks", "said", "army", "sanctions", "port", "Valdoria", "grain", "border"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_store(path: Path, quotes: int) -> None:
    store = open_store(str(path))
    load_sqlite(store, synthetic_records(quotes))  # the bulk loader wants an empty store: first
    store.close()
    ingest = [str(BIN / "dateline"), "ingest", str(ROOT / "samples"), "--db", str(path), "-q"]
    subprocess.run([*ingest, "--published", "2025-03-12"], check=True)


def targets(base: str) -> dict[str, list[str]]:
    """The pages the clients visit, by kind, taken from the store through the API."""
    with httpx.Client(base_url=base, timeout=30) as client:
        articles = [a["id"] for a in client.get("/api/articles", params={"limit": 200}).json()["items"]]
        actors = [a["id"] for a in client.get("/api/actors", params={"limit": 200}).json()["items"]]
    return {
        "search page": [f"/?q={w}" for w in WORDS],
        "search api": [f"/api/search?q={w}" for w in WORDS],
        "article page": [f"/articles/{a}" for a in articles[:100]],
        "actor page": [f"/actors/{a}" for a in actors[:100]],
        "quotes api": ["/api/quotes?limit=50", "/api/events?limit=50", "/api/quotes?q=talks"],
    }


def ingest_sources() -> list[str]:
    """What the concurrent ingest reads: the real-news stories, then PolNeAR's train articles, more
    distinct text than a run lasts (copies would be skipped as near-duplicates); else the samples."""
    found = [REALNEWS / "train.jsonl", REALNEWS / "dev.jsonl", POLNEAR_TRAIN]
    return [str(p) for p in found if p.is_file()] or [str(ROOT / "samples")]


async def client_loop(
    client: httpx.AsyncClient, pages: dict[str, list[str]], until: float, seed: int, out: dict[str, list[float]],
    errors: dict[str, int], think: float,
) -> None:  # fmt: skip
    rng = random.Random(seed)
    kinds = sorted(pages)
    await asyncio.sleep(rng.uniform(0, think))  # clients start spread out, not in one burst
    while time.perf_counter() < until:
        kind = rng.choice(kinds)
        start = time.perf_counter()
        try:
            response = await client.get(rng.choice(pages[kind]))
            ok = response.status_code == 200
        except httpx.HTTPError:
            ok = False
        out[kind].append(time.perf_counter() - start)
        if not ok:
            errors[kind] += 1
        await asyncio.sleep(think * rng.uniform(0.5, 1.5))


async def run_clients(
    base: str, pages: dict[str, list[str]], clients: int, seconds: float, think: float
) -> tuple[dict, dict]:
    out: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    until = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        await asyncio.gather(
            *(client_loop(client, pages, until, n, out, errors, think) for n in range(clients))
        )
    return out, errors


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--quotes", type=int, default=20_000, help="synthetic quotes in the store")
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds a client reads an answer")
    parser.add_argument("--server-workers", type=int, default=1, help="dateline serve --workers")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dateline-load-"))
    db = folder / "load.db"
    try:
        build_store(db, args.quotes)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([str(BIN / "dateline"), "serve", "--db", str(db), "--port", str(port),
                                   "--workers", str(args.server_workers)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            for _ in range(100):
                try:
                    httpx.get(base + "/api/articles?limit=1", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            pages = targets(base)
            sources = ingest_sources()
            ingest = subprocess.Popen(
                [str(BIN / "dateline"), "ingest", *sources, "--db", str(db), "-q"],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
            out, errors = asyncio.run(run_clients(base, pages, args.clients, args.seconds, args.think))
            ingest_still_running = ingest.poll() is None
            if ingest_still_running:
                ingest.terminate()  # it has written for the whole run; whole batches stay stored
            _, ingest_errors = ingest.communicate()
        finally:
            server.terminate()
            server.wait()
        every = [t for times in out.values() for t in times]
        report = {
            "clients": args.clients, "seconds": args.seconds, "think_seconds": args.think, "server_workers": args.server_workers, "requests": len(every),
            "errors": sum(errors.values()), "p50_ms": round(percentile(every, 0.5) * 1000, 1),
            "p99_ms": round(percentile(every, 0.99) * 1000, 1),
            "ingest_overlapped_the_whole_run": ingest_still_running, "ingest_exit": ingest.returncode,
            "ingest_messages": ingest_errors.strip().splitlines()[-5:],
            "by_kind": {
                kind: {"requests": len(times), "errors": errors[kind],
                       "p50_ms": round(statistics.median(times) * 1000, 1),
                       "p99_ms": round(percentile(times, 0.99) * 1000, 1)}
                for kind, times in sorted(out.items())
            },
        }  # fmt: skip
        print(json.dumps(report, indent=1))
        goal = report["errors"] == 0 and report["p99_ms"] < 500
        print(f"goal (zero errors, p99 < 500 ms): {'met' if goal else 'NOT met'}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
