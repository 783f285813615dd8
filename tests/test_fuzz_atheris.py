"""The coverage-guided fuzz target (tests/fuzz/fuzz_readers.py) run from seeds of every format and
the inputs that once crashed it (tests/fuzz/regressions): any crash fails the test, naming the
input libFuzzer saved.

By default the run is fixed (seed 1, RUNS inputs) so that CI tries the same inputs on every
machine and a red run means a change broke something. DATELINE_FUZZ_SECONDS=N explores instead:
a random seed for N seconds; add what it finds to tests/fuzz/regressions."""

from __future__ import annotations

import bz2
import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest
import zstandard

pytest.importorskip("atheris", reason="the fuzz target needs atheris (dev extra)")

TARGET = Path(__file__).parent / "fuzz" / "fuzz_readers.py"
EXPLORE_SECONDS = int(os.environ.get("DATELINE_FUZZ_SECONDS", "0"))
RUNS = 12_000  # about 15 s on a 2-core machine
REGRESSIONS = TARGET.parent / "regressions"
STORY = b"The minister said talks would resume on Monday, officials told reporters in Cairo."
# One seed per format; the first byte picks how the target reads it (see KINDS there): 0 sniffs.
SEEDS = {
    "text": b"\x01" + STORY,
    "html": b"\x02<html><head><title>Talks</title></head><body><p>" + STORY + b"</p></body></html>",
    "jsonl": b'\x03{"id": "a", "title": "Talks", "text": "'
    + STORY
    + b'"}\n{"id": "b", "html": "<p>x</p>"}\n',
    "feed": b'\x04<?xml version="1.0"?><rss version="2.0"><channel><item><title>Talks</title><link>'
    b"https://example.org/a</link><description>" + STORY + b"</description></item></channel></rss>",
    "warc": b"\x05WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/a\r\n"
    b"Content-Type: application/http; msgtype=response\r\nContent-Length: 120\r\n\r\n"
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>"
    + STORY[:60]
    + b"</p></body></html>\r\n\r\n",
    "gzip": b"\x00" + gzip.compress(STORY),
    "bzip2": b"\x00" + bz2.compress(STORY),
    "zstd": b"\x00" + zstandard.ZstdCompressor().compress(STORY),
}


def test_the_readers_survive_coverage_guided_fuzzing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, seed in SEEDS.items():
        (corpus / name).write_bytes(seed)
    for found in REGRESSIONS.iterdir():
        (corpus / found.name).write_bytes(found.read_bytes())
    bound = [f"-max_total_time={EXPLORE_SECONDS}"] if EXPLORE_SECONDS else ["-seed=1", f"-runs={RUNS}"]
    run = subprocess.run(
        [sys.executable, str(TARGET), *bound, "-rss_limit_mb=2048", "-timeout=20", str(corpus)],
        cwd=tmp_path, capture_output=True, text=True, timeout=(EXPLORE_SECONDS or 60) + 240,
        env={**os.environ, "PYTHONHASHSEED": "0"},  # set iteration order, and so coverage, fixed too
    )  # fmt: skip
    crashes = sorted(p.name for p in tmp_path.glob("crash-*")) + sorted(
        p.name for p in tmp_path.glob("timeout-*")
    )
    assert run.returncode == 0 and not crashes, f"{crashes}\n{run.stderr[-3000:]}"
    assert "Done " in run.stderr  # libFuzzer's summary: the target really ran
