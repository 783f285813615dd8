"""Tables built once, then loaded: pickles in the user's cache directory, keyed by what they are built from.

Building the gazetteer takes about two seconds, every process, for the same result; loading the
pickle of it takes a tenth of that (and the actor knowledge's index, a fifth of a second to build,
loads in a third of it). ``load_or_build(name, key, build, kind)`` returns the value pickled under
``key``, or builds it and writes it. The key is a hash of everything the value is built from (see
``fingerprint``): a changed input is a new file, and a stale one is never read.

The cache is an optimisation and never a cause of failure: a missing, unreadable, corrupt or
unwritable cache means building, as without one (with a debug log saying why). Files are written to a
temporary name and renamed into place, so that concurrent processes (the workers of a pool) never
read half a file. Where: ``$DATELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/dateline``, else
``~/.cache/dateline``. Loading a pickle can run code: a file someone else could have written (not the
user's own, or writable by group or others) is not loaded, and the directory is made private.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import dateline

log = logging.getLogger("dateline")
T = TypeVar("T")

ENV_VAR = "DATELINE_CACHE_DIR"
# Files of a table under another key (older data or code) are deleted when a new one is written,
# once they have gone this long unmodified: two checkouts sharing the cache do not rebuild in turns.
STALE_AFTER_SECONDS = 7 * 24 * 3600


def cache_dir() -> Path:
    """$DATELINE_CACHE_DIR, else $XDG_CACHE_HOME/dateline, else ~/.cache/dateline."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "dateline"


def fingerprint(*parts: str | bytes) -> str:
    """A key for a table built from ``parts`` (versions, file contents, the source of the code that
    builds it), together with dateline's version and the Python that pickles it."""
    digest = hashlib.sha256()
    for part in (dateline.__version__, sys.version, str(pickle.HIGHEST_PROTOCOL), *parts):
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))  # lengths first: no two part lists hash alike
        digest.update(data)
    return digest.hexdigest()


def load_or_build(name: str, key: str, build: Callable[[], T], kind: type[T]) -> T:
    """The ``kind`` value cached as ``name`` under ``key``, or ``build()``, then cached."""
    path = cache_dir() / f"{name}-{key[:32]}.pickle"
    value = _load(path, key, kind)
    if value is not None:
        return value
    value = build()
    _store(path, key, value)
    return value


def _load(path: Path, key: str, kind: type[T]) -> T | None:
    try:
        with path.open("rb") as file:
            if not _private(os.fstat(file.fileno())):
                log.debug("cache %s: not used, others may write it", path)
                return None
            stored_key, value = pickle.load(file)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a corrupt or foreign file: build instead, and overwrite it
        log.debug("cache %s: unreadable (%s: %s), building instead", path, type(exc).__name__, exc)
        return None
    if stored_key != key or not isinstance(value, kind):
        log.debug("cache %s: holds something else, building instead", path)
        return None
    return value


def _private(status: os.stat_result) -> bool:
    """Whether only its owner, this user, may write the file: a pickle others wrote could run anything.
    (Where there are no POSIX owners and modes, the user's own cache directory is taken as private.)"""
    if not hasattr(os, "getuid"):
        return True
    return status.st_uid == os.getuid() and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _store(path: Path, key: str, value: object) -> None:
    """Write the value under a temporary name, then rename it into place (atomic on one file system)."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
        with os.fdopen(descriptor, "wb") as file:
            pickle.dump((key, value), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        _prune(path)
    except Exception as exc:  # an unwritable cache costs the next process a build, nothing more
        log.debug("cache %s: not written (%s: %s)", path, type(exc).__name__, exc)
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _prune(path: Path) -> None:
    """Delete the same table's files under other keys that nobody has rewritten for a while."""
    name = path.stem.rsplit("-", 1)[0]
    now = time.time()
    for other in path.parent.glob(f"{name}-*.pickle"):
        try:
            if other != path and now - other.stat().st_mtime > STALE_AFTER_SECONDS:
                other.unlink()
        except OSError:
            continue  # another process pruned it first


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a table of many small objects that all live on is
    built or loaded: it would otherwise rescan the growing heap again and again (for the gazetteer's
    million objects, a second or more)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
