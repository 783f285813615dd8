"""Hostile input, bounded: compression bombs in every format and compression, HTML nested 50,000 deep,
and the per-document limits a run is held to (--max-bytes, --max-chars, --time-limit). Each gives an
error record that says why, in bounded memory and time, and the run goes on."""

from __future__ import annotations

import bz2
import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import zstandard
from typer.testing import CliRunner

import dateline.pipeline
from dateline.cli import app
from dateline.model import Article
from dateline.pipeline import records
from dateline.read import read_inputs
from dateline.read.records import read_records_file
from dateline.settings import DocumentLimits

MB = 1 << 20
FILL = b"a " * (MB // 2)  # one megabyte of text-like data, which compresses about a thousand times
BOMB_MEGABYTES = 128
COMPRESSORS = {
    ".gz": lambda data: gzip.compress(data, 9),
    ".bz2": lambda data: bz2.compress(data, 9),
    ".zst": lambda data: zstandard.ZstdCompressor().compress(data),
}
# How each format's bomb begins; FILL follows, BOMB_MEGABYTES times.
HEADS = {
    "story.txt": b"",
    "page.html": b"<html><body><p>",
    "lines.jsonl": b'{"id": "x", "text": "',
    "feed.xml": b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title>'
    b"<description>",
    "crawl.warc": b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/a\r\n"
    b"Content-Type: application/http; msgtype=response\r\nContent-Length: 134217800\r\n\r\n"
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>",
}
# Reads each file named on its command line and prints, per file: its id and error codes, and how much
# the process's peak memory had grown by then.
READER = """
import json, resource, sys
from pathlib import Path
from dateline.read import estimated_articles, read_inputs
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for name in sys.argv[1:]:
    estimated_articles(Path(name))
    found = [[a.id, [e.code for e in a.errors], len(a.text)] for a in read_inputs([name])]
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
    print(json.dumps({"file": Path(name).name, "articles": found, "grown_mb": grown_kb / 1024}))
"""


def write_bomb(path: Path, head: bytes, compress: object) -> None:
    """Concatenated members (gzip), streams (bzip2) or frames (Zstandard): each is valid, so the file
    decompresses to head + BOMB_MEGABYTES of FILL, and it is written in a moment."""
    member = compress(FILL)  # type: ignore[operator]
    path.write_bytes(compress(head) + member * BOMB_MEGABYTES)  # type: ignore[operator]


def test_compression_bombs_are_refused_in_bounded_memory_and_time(tmp_path: Path) -> None:
    for name, head in HEADS.items():
        for suffix, compress in COMPRESSORS.items():
            write_bomb(tmp_path / f"{name}{suffix}", head, compress)
    files = sorted(str(p) for p in tmp_path.iterdir())
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-c", READER, *files], capture_output=True, text=True, timeout=120)
    elapsed = time.monotonic() - started
    assert run.returncode == 0, run.stderr[-2000:]
    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(results) == len(files) == 15
    for result in results:
        codes = {code for _, errors, _ in result["articles"] for code in errors}
        assert codes and codes <= {"too_large", "compression_bomb"}, result
        assert all(length <= 2 * MB for _, _, length in result["articles"]), result
    # Each bomb expands to 128 MB; a reader that held one whole would grow by that much or more.
    worst = max(results, key=lambda r: r["grown_mb"])
    assert worst["grown_mb"] < 100, worst
    assert elapsed < 60, f"reading 15 bombs took {elapsed:.0f} s"


def test_a_bomb_inside_a_records_file_is_a_failed_record(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl.zst"
    write_bomb(path, b'{"schema": "dateline/4", "id": "a", "text": "', COMPRESSORS[".zst"])
    found = list(read_records_file(path, stem="records"))
    assert [e.code for r in found for e in r.errors][-1] == "compression_bomb"
    assert "decompress it" in found[-1].errors[0].message


def test_html_nested_50000_deep_is_read_or_refused_with_a_reason(tmp_path: Path) -> None:
    depth = 50_000
    story = "<p>The harbour master said the port would reopen on Monday after the storm.</p>"
    deep = tmp_path / "deep.html"
    deep.write_text(f"<html><body>{'<div>' * depth}{story}{'</div>' * depth}</body></html>")
    unclosed = tmp_path / "unclosed.html"
    unclosed.write_text(f"<html><body>{story}{'<b>' * depth}and more</body></html>")
    started = time.monotonic()
    articles = list(read_inputs([str(deep), str(unclosed)]))
    done = list(records(articles))
    assert time.monotonic() - started < 30
    assert len(done) == 2
    for record in done:
        assert record.text.strip() or (record.errors and record.errors[0].message), record.id
    # The unclosed tags hold no text of their own: the story before them is read.
    assert "harbour master" in done[1].text and not done[1].errors


def test_a_document_over_its_time_limit_is_an_error_and_the_next_one_is_analysed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = dateline.pipeline.find_events

    def stuck_on_storms(doc, *args):  # type: ignore[no-untyped-def]
        while "storm" in doc.text:  # a stage that never ends on this text
            time.sleep(0.01)
        return real(doc, *args)

    monkeypatch.setattr(dateline.pipeline, "find_events", stuck_on_storms)
    articles = [
        Article(id="stuck", text="The mayor said the storm would pass by Monday."),
        Article(id="fine", text="The mayor said the roads would reopen by Monday."),
    ]
    started = time.monotonic()
    stuck, fine = records(articles, limits=DocumentLimits(seconds=0.5))
    assert time.monotonic() - started < 10
    assert [(e.stage, e.code) for e in stuck.errors] == [("limits", "too_slow")]
    assert "--time-limit" in stuck.errors[0].message and not stuck.quotes
    assert not fine.errors and fine.quotes


def test_no_time_limit_leaves_the_alarm_alone() -> None:
    import signal

    before = signal.getsignal(signal.SIGALRM)
    (record,) = records(
        [Article(id="a", text="The mayor said the roads would reopen.")], limits=DocumentLimits(seconds=None)
    )
    assert not record.errors and signal.getsignal(signal.SIGALRM) is before


def test_the_size_limits_are_options_of_extract(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("The mayor said the roads would reopen on Monday after the long storm.\n")
    runner = CliRunner()
    by_bytes = runner.invoke(
        app, ["extract", str(story), "--max-bytes", "20", "-o", str(tmp_path / "a.jsonl")]
    )
    by_chars = runner.invoke(
        app, ["extract", str(story), "--max-chars", "20", "-o", str(tmp_path / "b.jsonl")]
    )
    roomy = runner.invoke(app, ["extract", str(story), "--max-chars", "200", "-o", str(tmp_path / "c.jsonl")])
    assert by_bytes.exit_code == by_chars.exit_code == 1 and roomy.exit_code == 0, roomy.output
    (a,) = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text().splitlines()]
    (b,) = [json.loads(line) for line in (tmp_path / "b.jsonl").read_text().splitlines()]
    assert a["errors"][0]["code"] == b["errors"][0]["code"] == "too_large"
    assert "--max-chars" in b["errors"][0]["message"]
    bad = runner.invoke(app, ["extract", str(story), "--time-limit", "-1"])
    assert bad.exit_code == 2
