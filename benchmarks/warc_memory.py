"""Memory over a long web archive: peak RSS of each process of `dateline extract --workers N` on a WARC
generated here (issue 14: under 600 MB per worker, flat over the run).

    .venv/bin/python benchmarks/warc_memory.py                    # 1 GB archive, 2 workers
    .venv/bin/python benchmarks/warc_memory.py --gigabytes 0.1 --workers 1

The archive is written by this script: HTML pages of about ``--page-kb`` kilobytes each (navigation,
inline styles and scripts, comments: the boilerplate a news site wraps an article in), each holding
one article made of paragraphs of the project's own sample corpus (samples/), shuffled, under its own
address. `dateline extract ARCHIVE --workers N -o OUT -q` then reads it; every half second this
script reads the resident memory (VmRSS in /proc) of that process and of each of its children.
Reported per process: peak RSS, and the peaks over the second and the last quarter of the run (the
first holds loading spaCy; flat: the last within 10% of the second); and pages, seconds and pages/s. Figures go to stdout and
benchmarks/out/warc_memory.json.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
OUT = Path(__file__).resolve().parent / "out"
GOAL_MB = 600


def paragraphs() -> list[str]:
    """The sample corpus's paragraphs (our own texts), as the articles' material."""
    found: list[str] = []
    for path in sorted((ROOT / "samples").rglob("*.txt")):
        found += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 80]
    for line in (ROOT / "samples" / "feeds" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        text = json.loads(line).get("text", "")
        found += [p.strip() for p in text.split("\n\n") if len(p.strip()) > 80]
    return found


def page(number: int, rng: random.Random, material: list[str], size: int) -> bytes:
    body = "".join(f"<p>{p}</p>\n" for p in rng.sample(material, k=min(len(material), rng.randint(6, 14))))
    filler = f"<!-- {'layout ' * 40} -->\n<script>var slot{number} = {{}};</script>\n"
    head = (
        f"<html><head><title>Report {number}</title><style>.nav{{color:#333}}</style></head><body>"
        f"<nav class='nav'>{''.join(f'<a href=/s{i}>Section {i}</a>' for i in range(30))}</nav>"
    )
    html = f"{head}<article><h1>Report {number}</h1>\n{body}</article>"
    padding = max(0, size - len(html) - 20)
    html += filler * (padding // len(filler) + 1) + "</body></html>"
    return html.encode()


def warc_record(block: bytes, uri: str, number: int) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(
        block
    )
    payload = http + block
    headers = (
        f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{number:012d}>\r\n"
        f"WARC-Date: 2025-03-12T08:15:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n"
    )
    return headers.encode() + payload + b"\r\n\r\n"


def write_archive(path: Path, gigabytes: float, page_kb: int) -> int:
    rng = random.Random(7)
    material = paragraphs()
    target = int(gigabytes * (1 << 30))
    written = pages = 0
    with path.open("wb") as out:
        while written < target:
            record = warc_record(
                page(pages, rng, material, page_kb * 1024), f"https://news.example/a/{pages}", pages
            )
            out.write(record)
            written += len(record)
            pages += 1
    return pages


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def watch(command: list[str]) -> tuple[float, dict[int, list[tuple[float, float]]]]:
    """Run ``command``, sampling the RSS of it and its children: (seconds, pid -> [(t, MB)])."""
    started = time.monotonic()
    process = subprocess.Popen(command)
    samples: dict[int, list[tuple[float, float]]] = {}
    while process.poll() is None:
        now = time.monotonic() - started
        for pid in [process.pid, *children(process.pid)]:
            mb = rss_mb(pid)
            if mb is not None:
                samples.setdefault(pid, []).append((now, mb))
        time.sleep(0.5)
    return time.monotonic() - started, samples


def summary(samples: list[tuple[float, float]], seconds: float) -> dict[str, float]:
    quarter = seconds / 4
    second = [mb for t, mb in samples if quarter <= t <= 2 * quarter] or [0.0]
    last = [mb for t, mb in samples if t >= seconds - quarter] or [0.0]
    return {"peak_mb": round(max(mb for _, mb in samples), 1), "second_quarter_peak_mb": round(max(second), 1),
            "last_quarter_peak_mb": round(max(last), 1)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gigabytes", type=float, default=1.0)
    parser.add_argument("--page-kb", type=int, default=100, help="size of each HTML page")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dateline-warc-") as folder:
        archive = Path(folder) / "crawl.warc"
        pages = write_archive(archive, args.gigabytes, args.page_kb)
        size_mb = archive.stat().st_size / (1 << 20)
        command = [str(BIN / "dateline"), "extract", str(archive), "--workers", str(args.workers),
                   "-o", str(Path(folder) / "records.jsonl"), "-q"]  # fmt: skip
        seconds, samples = watch(command)
        records = sum(1 for _ in (Path(folder) / "records.jsonl").open())
    processes = {str(pid): summary(s, seconds) for pid, s in samples.items() if len(s) > 2}
    worst = max((p["peak_mb"] for p in processes.values()), default=0.0)
    flat = all(p["last_quarter_peak_mb"] <= 1.1 * p["second_quarter_peak_mb"] for p in processes.values())
    report = {"archive_mb": round(size_mb), "pages": pages, "records": records, "workers": args.workers,
              "seconds": round(seconds, 1), "pages_per_second": round(pages / seconds, 1),
              "processes": processes, "worst_peak_mb": worst, "flat": flat}  # fmt: skip
    OUT.mkdir(exist_ok=True)
    (OUT / "warc_memory.json").write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report, indent=1))
    print(
        f"goal (every process under {GOAL_MB} MB, flat): {'met' if worst < GOAL_MB and flat else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
