"""Shared fixtures: spaCy loads once for the whole test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from dateline.nlp import load_nlp

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


def shared_path(*parts: str) -> Path:
    """A file under ../shared/data, or a clean skip saying why it is not there."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present: the shared benchmark data is not beside this checkout")
    return path
