""" "US" in capitals is the country, never the pronoun "us"; "both governments" or "the two
governments" are more than one country, never the one the story is about."""

from __future__ import annotations

from event_support import actor_names, record_of


def test_us_in_a_claim_acts() -> None:
    text = "A Pellane army spokesman said the US would continue to back Marovia."
    assert actor_names(text, "back") == ["United States"]


def test_us_named_again_acts_not_the_one_who_says_so() -> None:
    text = "The US imposed sanctions on Dorvan. Arno Veld, a Pellane envoy, said the US had also frozen Dorvan assets."
    assert actor_names(text, "frozen") == ["United States"]


def test_two_governments_are_not_one_country() -> None:
    record = record_of(
        "Kenya welcomed the deal on Monday. A Kenyan spokesman said the two governments would meet in May."
    )
    kenya = next(e for e in record.entities if e.name == "Kenya")
    assert "the two governments" not in [m.text for m in kenya.mentions]
    assert actor_names(record.text, "meet") != ["Kenya"]


def test_both_governments_are_not_one_country() -> None:
    record = record_of(
        "Kenya welcomed the deal on Monday. A Kenyan spokesman said Kenya would back both governments."
    )
    kenya = next(e for e in record.entities if e.name == "Kenya")
    assert "both governments" not in [m.text for m in kenya.mentions]


def test_one_government_is_still_its_country() -> None:
    record = record_of(
        "Kenya welcomed the deal on Monday. A Kenyan spokesman said the government would fund the plan."
    )
    kenya = next(e for e in record.entities if e.name == "Kenya")
    assert "the government" in [m.text for m in kenya.mentions]
