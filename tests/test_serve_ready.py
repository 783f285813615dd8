"""What a server process does before its first request (``ready_to_serve``): the map's outlines are
loaded, and what lives as long as the process is set aside from the garbage collector, so that a
full collection in the middle of a request walks only what requests made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.store import open_store
from dateline.web import create_app
from dateline.web.maps import countries
from dateline.web.server import ready_to_serve


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    countries.cache_clear()
    yield
    gc.unfreeze()  # the rest of the suite collects as usual


def test_a_server_process_loads_the_map_and_freezes_what_it_keeps(tmp_path: Path, unfrozen: None) -> None:
    app = create_app(store=open_store(str(tmp_path / "desk.db")))
    assert gc.get_freeze_count() == 0 and countries.cache_info().currsize == 0
    assert ready_to_serve(app) is app
    assert countries.cache_info().currsize == 1
    outlines = countries()
    assert gc.get_freeze_count() > 100_000  # the modules, the templates, the outlines
    assert not gc.is_tracked(outlines) or outlines not in gc.get_objects(generation=2)
    app.state.store.close()
