"""Acts the rules used to miss (invented sentences): an indictment with a person as the object of
"charged", and a treaty initialed as one is signed."""

from __future__ import annotations

import pytest

from event_support import main_types


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors in Oskel charged a senior cleric of the Velmar church on Tuesday.",
        "Police in Pellane charged him on Monday after the riot.",
    ],
)
def test_charging_a_person_accuses(text: str) -> None:
    assert "ACCUSE" in main_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The utility in Oskel charged customers a fee for the repairs.",
        "Ann Vale charged her phone at the station in Oskel.",
    ],
)
def test_charging_a_price_or_a_thing_accuses_no_one(text: str) -> None:
    assert "ACCUSE" not in main_types(text)


def test_initialing_a_treaty_signs_it() -> None:
    assert main_types("Marovia and Dorvan initialed a peace treaty in Velmar in August.") == ["SUPPORT"]
