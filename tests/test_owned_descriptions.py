"""A description a pronoun owns ("his government", "their troops") is of the country of whom the
pronoun stands for, not of the country the story is mostly about."""

from __future__ import annotations

from event_support import actor_names, record_of

# Kenya is named most and around the claim, so context alone would give Kenya's code.
STORY = (
    "Kenya and Somalia agree to reopen border after talks in Nairobi\n\n"
    "Kenya and Somalia agreed on Tuesday to reopen their shared border after two days of talks "
    "between their foreign ministers in Nairobi, officials said.\n\n"
    "Kenyan Foreign Minister Grace Otieno said the crossings at Mandera would open to trade within "
    "a month.\n\n"
    "Somalia's foreign minister, Abdi Warsame, said his government would deploy additional police "
    "to the border. He accused the militants of using the closure to smuggle weapons."
)


def test_his_government_is_his_country() -> None:
    assert actor_names(STORY, "deploy") == ["Somalia", "Abdi Warsame"]


def test_the_owned_description_takes_the_owner_code() -> None:
    text = STORY.replace("his government would deploy additional police", "his commanders would move")
    record = record_of(text)
    commanders = next(e for e in record.entities if e.name.endswith("commanders"))
    assert commanders.code == "SOM"


def test_a_spokesman_serves_his_principal_side() -> None:
    record = record_of(
        "President Arno Veld won the vote. Veld's spokesman, Tomas Brell, dismissed the allegations."
    )
    brell = next(e for e in record.entities if e.name == "Tomas Brell")
    assert brell.sector == "GOV"


def test_a_relative_is_no_staff() -> None:
    record = record_of(
        "President Arno Veld won the vote. Veld's brother, Tomas Brell, dismissed the allegations."
    )
    brell = next(e for e in record.entities if e.name == "Tomas Brell")
    assert brell.sector != "GOV"
