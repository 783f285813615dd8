"""A coverage-guided fuzz target (atheris, libFuzzer) for every reader: random bytes in any format,
compressed or not, must give articles, each with text or an error, and never an exception.

Run by tests/test_fuzz_atheris.py for a bounded time; by hand, for as long as you like:
    .venv/bin/python tests/fuzz/fuzz_readers.py -max_total_time=600 [corpus_dir]
"""

from __future__ import annotations

import io
import sys

import atheris

with atheris.instrument_imports():
    from dateline.read import read_stream

KINDS = (None, "text", "html", "jsonl", "feed", "warc")
MAX_BYTES = 64_000  # small, so that the size limits are met as often as ordinary documents


def test_one_input(data: bytes) -> None:
    if not data:
        return
    kind = KINDS[data[0] % len(KINDS)]
    articles = list(
        read_stream(io.BytesIO(data[1:]), source="fuzz", stem="fuzz", kind=kind, max_bytes=MAX_BYTES)
    )
    if not articles:
        raise AssertionError(f"no article and no error for {len(data)} bytes read as {kind}")
    for article in articles:
        if not article.text.strip() and not article.errors:
            raise AssertionError(f"{article.id}: neither text nor an error")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
