"""The coverage-guided fuzz target (tests/fuzz/fuzz_readers.py) run for a bounded time from seeds of
every format: any crash fails the test, naming the input libFuzzer saved. DATELINE_FUZZ_SECONDS
sets the time (default 15 s)."""

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
SECONDS = int(os.environ.get("DATELINE_FUZZ_SECONDS", "15"))
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
    run = subprocess.run(
        [sys.executable, str(TARGET), f"-max_total_time={SECONDS}", "-rss_limit_mb=2048", "-timeout=20", str(corpus)],
        cwd=tmp_path, capture_output=True, text=True, timeout=SECONDS + 120,
    )  # fmt: skip
    crashes = sorted(p.name for p in tmp_path.glob("crash-*")) + sorted(
        p.name for p in tmp_path.glob("timeout-*")
    )
    assert run.returncode == 0 and not crashes, f"{crashes}\n{run.stderr[-3000:]}"
    assert "Done " in run.stderr  # libFuzzer's summary: the target really ran
