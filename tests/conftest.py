"""Shared fixtures: spaCy loads once for the whole test session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from spacy.language import Language

from dateline.nlp import load_nlp

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

# Commands under test print rich tables sized to the terminal; one width for every run keeps them
# whole (a narrow one truncates cells with "..."), whatever terminal CI or a developer has. Typer
# reads TERMINAL_WIDTH once, on import, so it is dropped here, before any test imports the CLI.
os.environ["COLUMNS"] = "120"
os.environ.pop("TERMINAL_WIDTH", None)

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session", autouse=True)
def dateline_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Tables cached on disk (the gazetteer, see dateline.disk_cache) go to a directory of the session,
    never the user's own cache: built once by the first test that needs them, loaded by the rest and
    by every subprocess and pool worker the tests start (they inherit the variable)."""
    with pytest.MonkeyPatch.context() as patch:
        folder = tmp_path_factory.mktemp("dateline-cache")
        patch.setenv("DATELINE_CACHE_DIR", str(folder))
        yield folder


# Rich draws errors in a box and wraps them to the terminal's width, anywhere in a word or a path.
_BOX_DRAWING = {chr(c) for c in range(0x2500, 0x2580)}


def says(output: str, text: str) -> bool:
    """Whether a command's ``output`` contains ``text`` however rich wrapped and boxed it: both are
    compared without whitespace and box-drawing characters, so no terminal width or temporary path
    length can split a message the test looks for."""

    def flat(value: str) -> str:
        return "".join(ch for ch in value if not ch.isspace() and ch not in _BOX_DRAWING)

    return flat(text) in flat(output)


def shared_path(*parts: str) -> Path:
    """A file under ../shared/data, or a clean skip saying why it is not there."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present: the shared benchmark data is not beside this checkout")
    return path


def store_url(request: pytest.FixtureRequest, sqlite_dir: Path) -> str:
    """The database a store fixture parametrised with "sqlite" or "postgresql" opens: a new SQLite
    file in ``sqlite_dir``, or the test PostgreSQL database, emptied."""
    if request.param == "sqlite":
        return str(sqlite_dir / "store.db")
    from dateline.store.pgcluster import reset_database

    url = request.getfixturevalue("postgres_url")
    reset_database(url)
    return url


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server for the store tests: $DATELINE_TEST_POSTGRES_URL (a database the tests may
    wipe) when set, else a throwaway cluster started from Debian's binaries on a free loopback port."""
    from dateline.store.pgcluster import ENV_URL, ClusterUnavailable, temporary_cluster

    given = os.environ.get(ENV_URL)
    if given:
        yield given
        return
    try:
        with temporary_cluster() as url:
            yield url
    except ClusterUnavailable as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}. Install Debian's postgresql or set {ENV_URL}.")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def summit_client(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    """The desk over the two summit stories (one minister and one country under several names), on
    SQLite and PostgreSQL: for the API's and the pages' one-actor checks."""
    from fastapi.testclient import TestClient

    from dateline.store import open_store
    from dateline.web import create_app
    from desk_records import summit_records

    opened = open_store(store_url(request, tmp_path_factory.mktemp("summit")))
    opened.ingest(summit_records())
    yield TestClient(base_url="http://127.0.0.1", app=create_app(store=opened))
    opened.close()
