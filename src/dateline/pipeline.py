"""Article -> record: the one function every runner calls, and the runners themselves.

``records(articles)`` runs in this process, batching texts through ``nlp.pipe``;
``records_in_pool(articles, workers)`` runs the same code in a process pool, each worker
loading spaCy once. Whatever goes wrong with one document becomes an error in its own
record: the batch always goes on.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import logging
import re
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from types import FrameType
from typing import TypeVar

from spacy.tokens import Doc

from dateline.actors import code_own_names
from dateline.extract.attributions import find_attributions
from dateline.extract.dates import find_dates
from dateline.extract.entities import find_entities
from dateline.extract.events import find_events
from dateline.extract.places import find_places
from dateline.model import Article, Record, RecordError
from dateline.nlp import load_nlp
from dateline.settings import (
    DEFAULT_LIMITS,
    IN_FLIGHT_PER_WORKER,
    LANGUAGE_SAMPLE_CHARS,
    MIN_WORDS_FOR_LANGUAGE_CHECK,
    PARSE_BATCH_SIZE,
    DocumentLimits,
)

log = logging.getLogger("dateline")
T = TypeVar("T")

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


def empty_record(article: Article) -> Record:
    return Record(
        id=article.id,
        source=article.source,
        title=article.title,
        published=article.published,
        outlet=article.outlet,
        url=article.url,
        text=article.text,
        errors=list(article.errors),
    )


def precheck(article: Article, max_chars: int = DocumentLimits.max_chars) -> list[RecordError]:
    """Problems that make parsing pointless: reader errors, empty, gigantic or non-English text."""
    if article.errors:
        return list(article.errors)
    if not article.text.strip():
        return [
            RecordError("read", "empty", "the document has no text; check that the input holds an article")
        ]
    if len(article.text) > max_chars:
        return [
            RecordError(
                "read",
                "too_large",
                f"the document has {len(article.text):,} characters, over the limit of {max_chars:,} "
                "(--max-chars); split it into articles or raise the limit",
            )
        ]
    if not is_english(article.text):
        return [
            RecordError(
                "language",
                "not_english",
                "the text does not look like English; dateline analyses English news only",
            )
        ]
    return []


def is_english(text: str) -> bool:
    """Whether langid.py's model (py3langid, shipped in its package) takes the text for English."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if len(WORD.findall(sample)) < MIN_WORDS_FOR_LANGUAGE_CHECK:
        return True  # too short to judge; the parse will show what it is
    import py3langid  # loads its model on first use: not for a run that meets no article

    language, _ = py3langid.classify(sample)
    return bool(language == "en")


def published_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        import dateparser

        parsed = dateparser.parse(value, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False})
        return parsed.date() if parsed else None


def analyse(doc: Doc, article: Article) -> Record:
    """Run every extraction stage over one parsed article; a failing stage is recorded, not raised."""
    record = empty_record(article)
    # Places first: they give cities their countries and the article the country it is set in.
    record.places = _stage(record, "places", lambda: find_places(doc)) or []
    entities = _stage(
        record, "entities", lambda: find_entities(doc, record.places, article.published, article.outlet)
    )
    if entities is not None:
        record.entities = entities.entities
        record.quotes = _stage(record, "attributions", lambda: find_attributions(doc, entities)) or []
    published = published_date(article.published)
    record.dates = _stage(record, "dates", lambda: find_dates(doc, published)) or []
    if entities is not None:
        found = _stage(
            record,
            "events",
            lambda: find_events(doc, entities, record.quotes, record.places, record.dates, article.title),
        )
        if found is not None:
            record.events, implicit_entities = found
            record.entities = [*record.entities, *implicit_entities]
    # Codes from an organisation's own name depend on the record alone: coded here, in the worker that
    # has the gazetteer loaded, not in the parent of a pool.
    code_own_names(record)
    return record


def _stage(record: Record, stage: str, run: Callable[[], T]) -> T | None:
    try:
        return run()
    except Exception as exc:  # one broken stage must not lose the others
        log.exception("%s: %s stage failed", record.id, stage)
        record.errors.append(RecordError(stage, f"{stage}_failed", f"{type(exc).__name__}: {exc}"))
        return None


class DocumentTimeout(BaseException):
    """Raised in the middle of a document's analysis when its time is up. A BaseException, so that
    the guard around each stage (which records an Exception and goes on) lets it through."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in the block after ``seconds``. In the main thread of a Unix process (one
    process, or each worker of a pool) a timer signal raises it; in another thread (a task on a Dask
    worker) a timer thread does (``_thread_time_limit``). Either way it is raised between two Python
    instructions: a stage looping in Python stops, one long call into C finishes first."""
    if not seconds:
        yield
        return
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        with _thread_time_limit(seconds):
            yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# CPython's PyThreadState_SetAsyncExc: raise an exception in another thread at its next instruction
# (an exception class), or cancel the one pending there (NULL). Two prototypes, one per argument type.
_RAISE_IN_THREAD = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.py_object)(
    ("PyThreadState_SetAsyncExc", ctypes.pythonapi)
)
_CANCEL_IN_THREAD = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p)(
    ("PyThreadState_SetAsyncExc", ctypes.pythonapi)
)


@contextmanager
def _thread_time_limit(seconds: float) -> Iterator[None]:
    """``time_limit`` where no signal can be used: a timer thread raises DocumentTimeout in this one.

    The timer and the end of the block take one lock, so the exception is raised only while the
    block runs; when time ran out just as the block ended, the pending exception is cancelled and
    DocumentTimeout raised here instead, so none is ever delivered after the block."""
    target, lock = threading.get_ident(), threading.Lock()
    inside, fired = True, False

    def expire() -> None:
        nonlocal fired
        with lock:
            if inside:
                fired = True
                _RAISE_IN_THREAD(target, DocumentTimeout)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            inside = False
            if fired:
                _CANCEL_IN_THREAD(target, None)
        if fired:
            raise DocumentTimeout


def process(article: Article, limits: DocumentLimits = DEFAULT_LIMITS) -> Record:
    """One article to one record, in this process."""
    return next(records([article], limits=limits))


def records(
    articles: Iterable[Article], batch_size: int = PARSE_BATCH_SIZE, limits: DocumentLimits = DEFAULT_LIMITS
) -> Iterator[Record]:
    """Records for ``articles`` in input order, parsing the good ones in batches, each document
    held to ``limits`` (its length and the time its analysis takes)."""
    nlp = load_nlp()
    nlp.max_length = max(nlp.max_length, limits.max_chars + 1)
    batch: list[Article] = []

    def flush() -> Iterator[Record]:
        try:
            docs = list(nlp.pipe(a.text for a in batch))
        except Exception:
            docs = None  # parse one by one below, so one bad text cannot sink its batch
        for index, article in enumerate(batch):
            yield _parse_and_analyse(article, docs[index] if docs else None, limits.seconds)
        batch.clear()

    for article in articles:
        problems = precheck(article, limits.max_chars)
        if problems:
            yield from flush()
            record = empty_record(article)
            record.errors = problems
            log.warning("%s: %s", article.id, problems[0].message)
            yield record
            continue
        batch.append(article)
        if len(batch) >= batch_size:
            yield from flush()
    yield from flush()


def _parse_and_analyse(article: Article, doc: Doc | None, seconds: float | None) -> Record:
    try:
        with time_limit(seconds):
            return _parsed_and_analysed(article, doc)
    except DocumentTimeout:
        log.warning("%s: stopped after %s s", article.id, seconds)
        record = empty_record(article)
        record.errors.append(
            RecordError(
                "limits",
                "too_slow",
                f"analysing the document took over {seconds:g} s, the time limit for one document "
                "(--time-limit); it was stopped. Split it into articles or raise the limit.",
            )
        )
        return record


def _parsed_and_analysed(article: Article, doc: Doc | None) -> Record:
    if doc is None:
        try:
            doc = load_nlp()(article.text)
        except Exception as exc:
            record = empty_record(article)
            record.errors.append(RecordError("parse", "parse_failed", f"{type(exc).__name__}: {exc}"))
            return record
    return analyse(doc, article)


def _process_chunk(chunk: list[Article], limits: DocumentLimits) -> list[Record]:
    return list(records(chunk, limits=limits))


def records_in_pool(
    articles: Iterable[Article],
    workers: int,
    chunk_size: int = PARSE_BATCH_SIZE,
    limits: DocumentLimits = DEFAULT_LIMITS,
) -> Iterator[Record]:
    """The same records, computed by ``workers`` processes; output order follows input order.

    At most ``IN_FLIGHT_PER_WORKER`` chunks per worker are read ahead: memory stays bounded however
    long the input, and the first records come out while the rest is still being read."""
    if workers <= 1:
        yield from records(articles, limits=limits)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[list[Record]]] = deque()
        for chunk in _chunked(articles, chunk_size):
            pending.append(pool.submit(_process_chunk, chunk, limits))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
